"""文件 → 与往年对比: the demo (2026) beside next year's application made from it and edited — a
score, a narrative paragraph, an indicator value and an action closed — in the real window.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
from msgspec.structs import replace
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from qualitydesk.store.document import Document
from qualitydesk.store.records import Action
from qualitydesk.store.renew import renew
from qualitydesk.ui import theme
from qualitydesk.ui.compare.dialog import CompareDialog
from tests.helpers.gui import open_window
from tests.helpers.pdfcheck import body_text, page_texts

ADDED = "2027 年起，战略复盘改为每季度一次，由战略委员会主持。"


@pytest.fixture
def two_years(demo_file, forms, tmp_path):
    """The demo with one open action (2026), and 2027 made from it: 4.1.2 scored 10 points
    higher, a paragraph added to 4.2.2, the latest value of the first indicator changed, and the
    action done.
    """
    old = tmp_path / "2026.qdesk"
    shutil.copy(demo_file, old)
    with Document.open(old) as doc:
        doc.add_action(Action(0, "建立战略复盘机制", item="4.2.2", owner="王强"))
    new = renew(old, tmp_path / "2027.qdesk", forms).path
    with Document.open(new) as doc:
        doc.set_score("4.1.2", replace(doc.score("4.1.2"), pct=doc.score("4.1.2").pct + 10))
        doc.set_narrative("4.2.2", doc.narrative("4.2.2") + "\n\n" + ADDED)
        first = doc.indicators()[0]
        last = max(first.values)
        doc.put_indicator(replace(first, values={**first.values, last: 12345.0}))
        doc.update_action(replace(doc.actions()[0], status="done"))
        doc.save()
    return old, new


@pytest.fixture
def window(qtbot, forms, settings, messages, two_years):
    """The main window with the 2027 application open."""
    window = open_window(qtbot, forms, settings, messages)
    assert window.open_path(two_years[1])
    yield window
    window.close_document()


def _compare(window, messages, path) -> CompareDialog | None:
    """文件 → 与往年对比… with ``path`` chosen in the file dialog."""
    messages.files.append(str(path))
    action = next(a for a in window.findChildren(QAction) if a.text() == "与往年对比(&Y)…")
    action.trigger()
    return next(iter(window.findChildren(CompareDialog)), None)


def _row(dialog, item):
    return next(n for n, i in enumerate(dialog.found.comparison.items) if i.item == item)


def _click_row(qtbot, table, row):
    rect = table.visualRect(table.model().index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_scores_of_both_years_in_list_and_chart(qtbot, window, messages, two_years):
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in two_years[:1]]
    dialog = _compare(window, messages, two_years[0])
    assert dialog is not None
    assert dialog.isVisible()
    row = _row(dialog, "4.1.2")
    cells = [dialog.items.item(row, col).text() for col in range(5)]
    assert cells[0] == "● 4.1.2 高层领导的作用"
    old_pct = int(cells[1].split("%")[0])
    assert cells[2].startswith(f"{old_pct + 10}%（")
    assert cells[3] == "+10"
    assert cells[4] == "未改"
    assert ("4.1.2", old_pct, old_pct + 10) in dialog.bars.rows()
    marked = [dialog.items.item(n, 0).text()[0] == "●" for n in range(dialog.items.rowCount())]
    assert [i.item for i, m in zip(dialog.found.comparison.items, marked, strict=True) if m] == [
        "4.1.2",
        "4.2.2",
    ]
    _click_row(qtbot, dialog.items, _row(dialog, "4.2.2"))
    assert dialog.bars.selected == "4.2.2"
    assert "2026 年度" in dialog.summary.text()
    assert "（+5）" in dialog.summary.text()
    image = dialog.bars.render_to_image(dialog.bars.size())
    assert not image.isNull()
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in two_years[:1]] == digests


def test_changed_paragraph_is_highlighted_side_by_side(qtbot, window, messages, two_years):
    dialog = _compare(window, messages, two_years[0])
    _click_row(qtbot, dialog.items, _row(dialog, "4.2.2"))  # the two lists follow each other
    dialog.tabs.setCurrentIndex(1)
    assert dialog.text_items.currentItem().text().startswith("● 4.2.2 战略制定")
    assert dialog.text_items.currentItem().text().endswith("增 1 段")
    assert dialog.difference is not None
    assert dialog.difference.changes == 1
    html = dialog.diff.toHtml()
    assert ADDED in dialog.diff.toPlainText()
    assert theme.OK_BACKGROUND.name() in dialog.difference.html  # the added paragraph shaded
    assert "段未改" in html  # the unchanged paragraphs folded
    rect = dialog.text_items.visualItemRect(dialog.text_items.item(_row(dialog, "4.1.3")))
    QTest.mouseClick(dialog.text_items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.difference.changes == 0
    assert "两个年度的文字相同。" in dialog.diff.toPlainText()


def test_indicator_series_of_both_years_and_actions_closed(qtbot, window, messages, two_years):
    dialog = _compare(window, messages, two_years[0])
    dialog.tabs.setCurrentIndex(2)
    with Document.open(two_years[0], read_only=True) as doc:
        first = doc.indicators()[0]
    assert dialog.indicators.count() == len(dialog.found.comparison.indicators)
    assert dialog.indicators.currentItem().text().startswith(first.name)
    old, new = dialog.lines.series()
    last = max(first.values)
    assert (old[last], new[last]) == (first.values[last], 12345.0)
    assert "12,345" in dialog.lines.accessibleDescription()
    rect = dialog.indicators.visualItemRect(dialog.indicators.item(1))
    QTest.mouseClick(dialog.indicators.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.lines.series()[1] == dict(dialog.found.comparison.indicators[1].new_values)
    dialog.tabs.setCurrentIndex(3)
    assert dialog.actions.rowCount() == 1
    assert dialog.actions.item(0, 0).text() == "建立战略复盘机制"
    assert "现已完成的改进措施 1 项" in dialog.actions_note.text()


def test_view_fits_the_laptop_screen(qtbot, window, messages, two_years):
    dialog = _compare(window, messages, two_years[0])
    frame = dialog.frameGeometry()
    assert frame.width() <= 1366
    assert frame.height() <= 768
    assert dialog.minimumSizeHint().width() <= 1366
    assert dialog.minimumSizeHint().height() <= 700
    dialog.grab()  # paints every visible part without a Qt warning


def test_the_same_file_or_a_broken_one_is_refused(qtbot, window, messages, two_years, tmp_path):
    assert _compare(window, messages, two_years[1]) is None
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("warning", "无法对比")
    assert "就是当前申报文件" in text
    broken = tmp_path / "broken.qdesk"
    broken.write_bytes(b"not an application" * 100)
    assert _compare(window, messages, broken) is None
    assert messages.shown[-1][:2] == ("warning", "无法对比")
    assert "broken.qdesk" in messages.shown[-1][2]


def test_export_to_the_internal_report(qtbot, window, messages, two_years, tmp_path):
    dialog = _compare(window, messages, two_years[0])
    out = tmp_path / "internal.pdf"
    messages.files.append(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.job.finished, timeout=60_000):
        pass
    assert messages.shown[-1][:2] == ("exported", "导出完成")
    reader = PdfReader(out)
    text = body_text(reader, page_texts(reader))
    assert "四、改进计划" in text
    assert "五、与往年对比" in text
    assert "建立战略复盘机制" in text
