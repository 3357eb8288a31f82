"""The 申请表 page, driven through its widgets: fields, inline checks, tables, save and reopen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.form import FormPage
from qualitydesk.ui.widgets.table_editor import TableEditor
from tests.helpers.gui import commit_text, show

WRONG_USCC = "913205066913752817"
RIGHT_USCC = "913205066913752816"


@pytest.fixture
def page(qtbot, context):
    page = FormPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    return page


def type_line(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace the text of ``edit`` by typing (ASCII) and finish with Return."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def edit_cell(qtbot, editor: TableEditor, row: int, col: int, text: str) -> None:
    """Open the cell's editor with F2, type ``text`` into it and commit with Return."""
    table = editor.table
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    qtbot.keyClick(cell, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(cell, text)
    else:
        commit_text(cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)  # committed (queued) and closed


def test_a_wrong_uscc_is_marked_until_corrected(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    assert page.status() is Status.NOT_STARTED
    name = page.editors["org_name"].input
    with qtbot.waitSignal(page.changed):
        commit_text(name, "苏州澄远精密科技有限公司")
    assert name.text() == "苏州澄远精密科技有限公司"
    assert page.status() is Status.IN_PROGRESS

    uscc = page.editors["uscc"]
    type_line(qtbot, uscc.input, WRONG_USCC)
    assert uscc.input.property("invalid") is True
    assert uscc.message.isVisible()
    assert "校验位错误" in uscc.message.text()
    assert "校验位错误" in uscc.input.accessibleDescription()
    errors = [i for i in page.issues() if i.severity == "error"]
    assert [(i.target, i.anchor) for i in errors] == [("form", "uscc")]
    assert errors[0].message.startswith("统一社会信用代码：校验位错误")
    assert uscc.input.text() == WRONG_USCC  # the user's text is kept
    assert page.status() is Status.PROBLEM

    type_line(qtbot, uscc.input, RIGHT_USCC.lower())
    assert uscc.input.property("invalid") is False
    assert not uscc.message.isVisible()
    assert uscc.input.text() == RIGHT_USCC  # normalised: upper case
    assert not [i for i in page.issues() if i.severity == "error"]

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        assert saved.field("org_name") == "苏州澄远精密科技有限公司"
        assert saved.field("uscc") == RIGHT_USCC


def test_values_are_normalised_chosen_ticked_and_saved(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    established = page.editors["established_on"].input
    assert established.placeholderText() == "例如 2016-12-01"
    commit_text(established, "２００９年６月１８日")  # full-width digits, a Chinese date
    qtbot.keyClick(established, Qt.Key.Key_Return)
    assert established.text() == "2009-06-18"
    capital = page.editors["registered_capital"].input
    commit_text(capital, "１２０００")
    qtbot.keyClick(capital, Qt.Key.Key_Return)
    assert capital.text() == "12000.00"

    kind = page.editors["enterprise_type"].input
    assert isinstance(kind, QComboBox)
    assert kind.itemText(0) == ""
    kind.setFocus()
    for _ in range(3):
        qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert kind.currentText() == "民营"

    policy = page.editors["policy_compliant"].input
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(policy, Qt.MouseButton.LeftButton)
    assert policy.isChecked()
    commitment = page.editors["commitment_signed"].input
    commitment.setFocus()
    qtbot.keyClick(commitment, Qt.Key.Key_Space)
    assert commitment.isChecked()

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        assert saved.field("established_on") == "2009-06-18"
        assert saved.field("registered_capital") == "12000.00"
        assert saved.field("enterprise_type") == "民营"
        assert saved.field("policy_compliant") is True
        assert saved.field("commitment_signed") is True
        assert saved.field("no_losses") is None  # never touched: nothing written
        assert saved.rows("financials") == []  # the offered years are not saved


def test_financial_cells_are_checked_and_saved(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    financials = page.tables["financials"]
    table = financials.table
    offered = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert offered == ["2023", "2024", "2025"]  # a 2026 application: the three years before
    assert not page.started()

    edit_cell(qtbot, financials, 2, 1, "186400")
    edit_cell(qtbot, financials, 2, 2, "-120.5")
    edit_cell(qtbot, financials, 2, 3, "abc")
    assert table.item(2, 1).text() == "186400.00"
    assert table.item(2, 2).text() == "-120.50"
    bad = table.item(2, 3)
    assert bad.text() == "abc"
    assert "数字" in bad.toolTip()
    assert "数字" in bad.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert financials.problems.isVisible()
    assert "第 3 行“上缴税金”" in financials.problems.text()
    errors = [i for i in page.issues() if i.severity == "error"]
    assert [(i.target, i.anchor) for i in errors] == [("form", "table:financials")]
    assert "近三年主要经济指标第 3 行上缴税金" in errors[0].message
    edit_cell(qtbot, financials, 2, 3, "９７６０")
    assert table.item(2, 3).text() == "9760.00"
    assert not [i for i in page.issues() if i.severity == "error"]
    assert not financials.problems.isVisible()

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        rows = saved.rows("financials")
        assert len(rows) == 1  # the untouched offered years 2023 and 2024 are left out
        assert rows[0]["year"] == "2025"
        assert rows[0]["revenue"] == "186400.00"
        assert rows[0]["profit_total"] == "-120.50"
        assert rows[0]["tax_paid"] == "9760.00"
        assert rows[0]["exports"] == ""


def test_rows_are_added_removed_and_chosen(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    financials = page.tables["financials"]
    table = financials.table
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(financials.add_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 4
    assert (table.currentRow(), table.currentColumn()) == (3, 0)
    edit_cell(qtbot, financials, 3, 0, "2022")
    assert [r["year"] for r in financials.rows()] == ["2022"]
    missing = [i.message for i in page.issues() if i.anchor == "table:financials"]
    assert "近三年主要经济指标第 4 行未填写营业收入" in missing

    # Remove the added row: click one of its cells, then the button.
    rect = table.visualItemRect(table.item(3, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert financials.remove_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(financials.remove_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 3
    assert financials.rows() == []

    honours = page.tables["honours"]
    qtbot.mouseClick(honours.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, honours, 0, 0, "苏州市质量奖")
    honours.table.setCurrentCell(0, 1)
    qtbot.keyClick(honours.table, Qt.Key.Key_F2)
    level = QApplication.focusWidget()
    assert isinstance(level, QComboBox)  # the choice column edits with a combo box
    assert level.itemText(0) == ""
    level.setCurrentIndex(level.findText("市级"))
    qtbot.keyClick(level, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is honours.table)
    assert honours.table.item(0, 1).text() == "市级"
    edit_cell(qtbot, honours, 0, 2, "2024")

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        assert saved.rows("financials") == []
        honour = saved.rows("honours")[0]
        assert (honour["name"], honour["level"], honour["year"]) == ("苏州市质量奖", "市级", "2024")


def test_demo_loads_complete(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    assert page.editors["org_name"].input.text() == "苏州澄远精密科技有限公司"
    assert page.tables["financials"].table.rowCount() == 5
    assert page.issues() == []
    assert page.status() is Status.DONE
    page.save(demo_doc)
    assert not demo_doc.pending  # loading and saving unchanged changes nothing


def test_empty_application_is_not_started(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    assert page.status() is Status.NOT_STARTED
    missing = {i.anchor for i in page.issues() if i.severity == "missing"}
    assert {"org_name", "uscc", "established_on", "commitment_signed"} <= missing
    assert "fax" not in missing  # optional
    page.save(empty_doc)
    assert not empty_doc.pending


def test_a_stored_wrong_value_is_shown_marked_and_kept(qtbot, page, empty_doc):
    empty_doc.set_field("uscc", "12345")
    empty_doc.set_field("enterprise_type", "合伙企业")  # not one of the choices
    empty_doc.set_rows("financials", [{"year": "二〇二四", "revenue": "1,234"}])
    show(qtbot, page, empty_doc)
    uscc = page.editors["uscc"]
    assert uscc.input.text() == "12345"
    assert uscc.input.property("invalid") is True
    assert "18 位" in uscc.message.text()
    assert page.editors["enterprise_type"].input.currentText() == "合伙企业"
    assert page.tables["financials"].table.rowCount() == 1  # rows stored: nothing offered
    anchors = {i.anchor for i in page.issues() if i.severity == "error"}
    assert anchors == {"uscc", "table:financials"}
    page.save(empty_doc)
    assert empty_doc.field("enterprise_type") == "合伙企业"
    assert empty_doc.rows("financials")[0]["year"] == "二〇二四"


def test_focus_anchor_and_mnemonic(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    page.focus_anchor("contact_email")
    assert QApplication.focusWidget() is page.editors["contact_email"].input
    page.focus_anchor("table:certifications")
    assert QApplication.focusWidget() is page.tables["certifications"].table
    page.focus_anchor("financials[1].revenue")  # as qualitydesk.store.readiness names a cell
    financials = page.tables["financials"].table
    assert QApplication.focusWidget() is financials
    assert (financials.currentRow(), financials.currentColumn()) == (1, 1)
    label = page.editors["org_name"].label
    assert label.buddy() is page.editors["org_name"].input
    assert page.editors["org_name"].input.accessibleName() == "组织名称（必填）"
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.editors["org_name"].input


def test_every_label_fits_the_one_label_column(page):
    """The label column is measured from the longest labels only; each label still fits it."""
    labels = [editor.label for editor in page.editors.values()]
    column = {label.minimumWidth() for label in labels}
    assert len(column) == 1  # one column, aligned across the groups
    widest = max(labels, key=lambda label: label.sizeHint().width())
    assert widest.sizeHint().width() <= column.pop()
