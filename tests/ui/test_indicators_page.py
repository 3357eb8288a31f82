"""The 关键绩效数据 page, driven through its table: add, type, choose, chart, save, remove."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from qualitydesk.store.document import Document
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.indicators import IndicatorsPage, year_span
from qualitydesk.ui.widgets.indicator_table import parse_number
from tests.helpers.gui import commit_text, show

NAME = "顾客投诉处理及时率"


@pytest.fixture
def page(qtbot, context):
    page = IndicatorsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    return page


def open_editor(qtbot, page, row: int, column: int) -> QLineEdit:
    """Make the cell current and open its editor with F2."""
    page.table.setFocus()
    page.table.setCurrentCell(row, column)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    return editor


def commit(qtbot, page, editor: QLineEdit) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)  # committed and closed


def type_cell(qtbot, page, row: int, column: int, text: str) -> None:
    editor = open_editor(qtbot, page, row, column)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    commit(qtbot, page, editor)


def combo(page, row: int, kind: str) -> QComboBox:
    widget = page.table.indexWidget(page.table.model().index(row, page.table.column_of(kind, kind)))
    assert isinstance(widget, QComboBox)
    return widget


def test_demo_loads_all_indicators_and_is_done(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    assert page.table.rowCount() == 23
    assert page.table.indicator_id(0) == "first-pass-yield"
    assert page.table.column_of("year", "2021") < page.table.column_of("year", "2025")
    with pytest.raises(KeyError):
        page.table.column_of("year", "2020")
    assert page.issues() == []
    assert page.status() is Status.DONE
    chart = page.chart.chart()
    assert chart is not None
    assert chart.title == "产品一次交检合格率"
    assert chart.years == (2021, 2022, 2023, 2024, 2025)
    assert combo(page, 1, "better").currentText() == "越低越好"
    assert combo(page, 0, "item").currentData() == "4.7.2"
    page.focus_anchor("revenue")
    assert page.table.indicator_id(page.table.currentRow()) == "revenue"
    assert page.chart.chart().title == "营业收入"
    written = []
    demo_doc.put_indicator = written.append  # nothing changed: nothing is written
    page.save(demo_doc)
    assert written == []


def test_add_type_choose_and_save(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row = page.table.rowCount() - 1
    assert row == 23
    assert page.table.indicator_id(row) == "kpi-1"
    name_editor = QApplication.focusWidget()  # adding starts editing the name
    assert isinstance(name_editor, QLineEdit)
    commit_text(name_editor, NAME)
    commit(qtbot, page, name_editor)
    type_cell(qtbot, page, row, page.table.column_of("text", "unit"), "%")
    for year, value in ((2023, "96.5"), (2024, "97.8")):
        type_cell(qtbot, page, row, page.table.column_of("year", str(year)), value)
    assert any(i.severity == "missing" and i.anchor == "kpi-1" for i in page.issues())

    editor = open_editor(qtbot, page, row, page.table.column_of("year", "2025"))
    qtbot.keyClicks(editor, "98.9")  # the chart follows the typing before it is committed
    qtbot.waitUntil(lambda: dict(page.chart.chart().series[0].points).get(2025) == 98.9)
    commit(qtbot, page, editor)
    type_cell(qtbot, page, row, page.table.column_of("number", "target"), "99")

    better = combo(page, row, "better")
    better.setFocus()
    qtbot.keyClick(better, Qt.Key.Key_Down)
    assert better.currentData() == "lower"
    item = combo(page, row, "item")
    item.setFocus()
    qtbot.keyClick(item, Qt.Key.Key_Down)
    assert item.currentData() == "4.7.3"

    chart = page.chart.chart()
    assert chart.title == NAME
    assert chart.better == "lower"
    assert chart.years == (2023, 2024, 2025)
    assert [s.kind for s in chart.series] == ["actual", "target"]
    assert not [i for i in page.issues() if i.anchor == "kpi-1"]

    page.save(demo_doc)
    demo_doc.save()
    with Document.open(demo_doc.path, read_only=True) as reopened:
        saved = {i.id: i for i in reopened.indicators()}
        assert len(saved) == 24
        new = saved["kpi-1"]
        assert (new.name, new.unit, new.better, new.item) == (NAME, "%", "lower", "4.7.3")
        assert new.values == {2023: 96.5, 2024: 97.8, 2025: 98.9}
        assert new.target == 99
        assert new.competitor is None


def test_remove_asks_first_and_deletes_on_save(qtbot, page, demo_doc, messages):
    show(qtbot, page, demo_doc)
    page.focus_anchor("revenue")
    messages.answers.append(False)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 23  # not confirmed: kept
    messages.answers.append(True)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _, _ in messages.shown] == ["question", "question"]
    assert "营业收入" in messages.shown[0][2]
    assert page.table.rowCount() == 22
    assert "revenue" not in [page.table.indicator_id(r) for r in range(22)]
    page.save(demo_doc)
    with Document.open(demo_doc.path, read_only=True) as reopened:
        ids = [i.id for i in reopened.indicators()]
        assert "revenue" not in ids
        assert len(ids) == 22
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.table.indicator_id(22) == "kpi-1"
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)  # empty: no question
    assert len(messages.shown) == 2
    assert page.table.rowCount() == 22


def test_a_bad_number_is_marked_kept_and_an_error(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    column = page.table.column_of("year", "2024")
    type_cell(qtbot, page, 0, column, "99.3x")
    cell = page.table.item(0, column)
    assert cell.text() == "99.3x"  # nothing lost
    assert cell.background().color() == theme.ERROR_BACKGROUND.color(page.palette())
    assert "不是有效的数字" in cell.toolTip()
    errors = [i for i in page.issues() if i.severity == "error"]
    assert len(errors) == 1
    assert errors[0].anchor == "first-pass-yield"
    assert "2024 年" in errors[0].message
    assert page.status() is Status.PROBLEM
    assert page.problem_label.isVisible()
    page.save(demo_doc)  # the stored value stays until the cell is fixed
    assert demo_doc.indicators()[0].values[2024] == 99.31

    type_cell(qtbot, page, 0, column, "99.35")
    assert not cell.toolTip()
    assert page.status() is Status.DONE
    assert not page.problem_label.isVisible()
    page.save(demo_doc)
    assert demo_doc.indicators()[0].values[2024] == 99.35


def test_read_only_document_is_shown_not_edited(qtbot, page, demo_file):
    with Document.open(demo_file, read_only=True) as doc:
        show(qtbot, page, doc)
        assert page.table.rowCount() == 23
        assert not page.add_button.isEnabled()
        assert not combo(page, 0, "better").isEnabled()
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_F2)
        assert QApplication.focusWidget() is page.table  # no editor opened


def test_empty_application_warns_per_results_item(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    assert page.status() is Status.NOT_STARTED
    warned = [i.anchor for i in page.issues() if i.severity == "warning"]
    assert warned == ["4.7.2", "4.7.3", "4.7.4", "4.7.5", "4.7.6", "4.7.7"]
    assert page.table.column_of("year", "2021") == 4  # 2021–2025 for a 2026 application
    assert page.chart.chart() is None
    page.add_indicator()
    assert page.status() is Status.IN_PROGRESS  # no name, no values yet
    assert "4.7.2" not in [i.anchor for i in page.issues()]


def test_numbers_and_years():
    assert parse_number(" 1,234.5 ") == 1234.5
    assert parse_number("９９．５") == 99.5
    assert parse_number("99.5%") == 99.5
    assert parse_number("") is None
    for bad in ("abc", "nan", "1_000", "--1"):
        with pytest.raises(ValueError, match=bad):
            parse_number(bad)
    assert year_span(2026, []) == [2021, 2022, 2023, 2024, 2025]
