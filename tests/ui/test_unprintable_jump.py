"""检查与导出 lists each character no font prints with its place; double-clicking one opens the
item and selects that very character in the editor (issue 14 §4).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qualitydesk.store.document import Document
from tests.helpers.gui import open_window

RARE = "𠀀"  # no bundled font has it; tests/conftest.py turns the system's fonts off


def _unprintable_items(page):
    root = page.problems.invisibleRootItem()
    for i in range(root.childCount()):
        group = root.child(i)
        if group.text(0) == "无法打印的字符":
            return [group.child(j) for j in range(group.childCount())]
    return []


@pytest.mark.slow
def test_double_click_selects_the_character_in_the_item_editor(
    qtbot, forms, settings, messages, demo_copy
):
    with Document.open(demo_copy) as doc:
        doc.set_narrative("4.1.2", f"第一段{RARE}在这里。\n\n第二段也有{RARE}字。")
        doc.save()
    window = open_window(qtbot, forms, settings, messages)
    assert window.open_path(demo_copy)
    try:
        window.view.show_step("preflight")
        page = window.view.pages["preflight"]
        items = _unprintable_items(page)
        assert [item.text(0)[:22] for item in items] == [
            "自评报告 4.1.2 第 1 行第 4 字：",
            "自评报告 4.1.2 第 3 行第 6 字：",
        ]
        second = items[1]
        page.problems.scrollToItem(second)
        rect = page.problems.visualItemRect(second)
        viewport = page.problems.viewport()
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: window.view.current_key == "item:4.1.2")
        editor = window.view.pages["item:4.1.2"].editor.editor
        cursor = editor.textCursor()
        assert cursor.selectedText() == RARE
        utf16 = editor.document().toPlainText().encode("utf-16-le")  # Qt counts UTF-16 units
        before = utf16[: 2 * cursor.selectionStart()].decode("utf-16-le")
        assert before.count(RARE) == 1  # the second occurrence, not the first
        assert editor.hasFocus()
    finally:
        window.close_document()
