"""查找 / 替换 as a user drives it from the keyboard in the real main window.

The demo application gets a marker (标记甲) in four places — one 组织概述 section, twice in 4.1.3
and once in 4.6.3 — so every match has a known place and order.
"""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from qualitydesk.store.document import Document
from qualitydesk.ui.findbar import editors
from tests.helpers.gui import commit_text, open_window

MARK = "标记甲"
PLACES = [("profile", 1), ("item:4.1.3", 0), ("item:4.1.3", 0), ("item:4.6.3", 0)]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def marked(demo_copy):
    """A copy of the demo with the marker in B.1.2, twice in 4.1.3 and in 4.6.3."""
    path = demo_copy
    with Document.open(path) as doc:
        doc.set_profile("B.1.2", doc.profile("B.1.2") + f"\n\n{MARK}：顾客满意度调查。")
        doc.set_narrative("4.1.3", f"{MARK}开头一段。\n\n" + doc.narrative("4.1.3"))
        doc.set_narrative("4.1.3", doc.narrative("4.1.3") + f"\n\n结尾也有{MARK}。")
        doc.set_narrative("4.6.3", doc.narrative("4.6.3") + f"\n\n**{MARK}** 在加粗里。")
        doc.save()
    return path


@pytest.fixture
def window(qtbot, forms, settings, messages, marked):
    win = open_window(qtbot, forms, settings, messages)
    assert win.open_path(marked)
    yield win
    win.close_document()


def find(qtbot, window, text: str, replace: bool = False) -> None:
    """Ctrl+F (or Ctrl+H) and type ``text`` into the find field."""
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_H if replace else Qt.Key.Key_F, CTRL
    )
    assert window.find_bar.isVisible()
    assert QApplication.focusWidget() is window.find_bar.find_edit
    commit_text(window.find_bar.find_edit, text)


def enter(qtbot, window, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, modifier)


def where(window) -> tuple[str, int]:
    """The step and the editor whose selection is the marker."""
    view = window.view
    for index, editor in enumerate(editors(view.pages[view.current_key])):
        if editor.textCursor().selectedText() == MARK:
            return view.current_key, index
    raise AssertionError("no editor on the current step has the marker selected")


def texts(doc: Document) -> tuple[dict[str, str], dict[str, str]]:
    return doc.narratives(), doc.profiles()


def test_enter_twice_finds_twice_and_never_edits(window, qtbot):
    """The bug: the second Enter went into the narrative and replaced the match by a new line."""
    before = texts(window.view.doc)
    find(qtbot, window, "质量")
    enter(qtbot, window)
    enter(qtbot, window)
    window.view.flush()
    assert texts(window.view.doc) == before
    assert QApplication.focusWidget() is window.find_bar.find_edit
    assert window.find_bar.count_label.text().startswith("2 / ")


def test_enter_goes_on_and_shift_enter_goes_back(window, qtbot):
    find(qtbot, window, MARK)
    assert window.find_bar.count_label.text() == "共 4 处"  # found before any page is shown
    seen = []
    for _ in PLACES:
        enter(qtbot, window)
        seen.append(where(window))
    assert seen == PLACES
    assert window.find_bar.count_label.text() == "4 / 4"
    profile = editors(window.view.pages["profile"])[1]
    assert not profile.textCursor().hasSelection()  # only the current match shows selected
    enter(qtbot, window, SHIFT)
    assert window.find_bar.count_label.text() == "3 / 4"
    editor = editors(window.view.pages["item:4.1.3"])[0]
    assert editor.textCursor().selectionStart() > 0  # the second of the two in 4.1.3
    assert QApplication.focusWidget() is window.find_bar.find_edit
    assert not editor.hasFocus()
    assert editor.extraSelections()  # shown selected although its editor has no focus


def test_the_search_wraps_round_and_says_so(window, qtbot):
    find(qtbot, window, MARK)
    for _ in PLACES:
        enter(qtbot, window)
    assert window.find_bar.notice_label.text() == ""
    enter(qtbot, window)
    assert window.find_bar.count_label.text() == "1 / 4"
    assert where(window) == PLACES[0]
    assert window.find_bar.notice_label.text() == "已到末尾，已从头开始查找"
    enter(qtbot, window, SHIFT)
    assert window.find_bar.count_label.text() == "4 / 4"
    assert window.find_bar.notice_label.text() == "已到开头，已从末尾开始查找"


def test_not_found_and_case(window, qtbot):
    find(qtbot, window, "没有这样的文字")
    enter(qtbot, window)
    assert window.find_bar.count_label.text() == "未找到"
    window.find_bar.find_edit.setText("iso")
    assert window.find_bar.count_label.text() != "未找到"  # ISO 9001, without case
    window.find_bar.case_box.setChecked(True)
    assert window.find_bar.count_label.text() == "未找到"


def test_escape_closes_and_returns_to_the_selected_match(window, qtbot):
    find(qtbot, window, MARK)
    enter(qtbot, window)
    enter(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    editor = editors(window.view.pages["item:4.1.3"])[0]
    assert QApplication.focusWidget() is editor
    assert editor.textCursor().selectedText() == MARK
    assert not editor.extraSelections()


def test_search_starts_from_the_cursor_in_the_text(window, qtbot):
    window.view.show_step("item:4.1.3")
    editor = editors(window.view.pages["item:4.1.3"])[0]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    find(qtbot, window, MARK)
    enter(qtbot, window, SHIFT)  # the one just before the cursor: the end of 4.1.3
    assert window.find_bar.count_label.text() == "3 / 4"
    enter(qtbot, window)
    assert where(window) == PLACES[3]


def test_selected_text_is_taken_into_the_find_field(window, qtbot):
    window.view.show_step("item:4.1.3")
    editor = editors(window.view.pages["item:4.1.3"])[0]
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len(MARK), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    assert window.find_bar.find_edit.text() == MARK
    assert window.find_bar.count_label.text() == "共 4 处"


def test_replace_changes_the_selected_match_then_selects_the_next(window, qtbot):
    find(qtbot, window, MARK, replace=True)
    assert window.find_bar.replace_edit.isVisible()
    commit_text(window.find_bar.replace_edit, "标记乙")
    window.find_bar.find_edit.setFocus()
    enter(qtbot, window)  # Enter finds, even in replace mode
    profile = editors(window.view.pages["profile"])[1]
    assert MARK in profile.toPlainText()
    qtbot.mouseClick(window.find_bar.replace_button, Qt.MouseButton.LeftButton)
    assert "标记乙" in profile.toPlainText()
    assert MARK not in profile.toPlainText()
    assert where(window) == PLACES[1]
    assert window.find_bar.count_label.text() == "1 / 3"
    profile.undo()
    assert MARK in profile.toPlainText()


def test_replace_all_is_one_undo_step_per_text_and_is_saved(window, qtbot):
    path = window.view.doc.path
    find(qtbot, window, MARK, replace=True)
    commit_text(window.find_bar.replace_edit, "标记乙")
    qtbot.mouseClick(window.find_bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert window.find_bar.notice_label.text() == "已替换 4 处（3 段文字，各自可撤销）"
    assert window.find_bar.count_label.text() == "未找到"

    def saved() -> bool:
        with Document.open(path, read_only=True) as reader:
            narratives, profiles = texts(reader)
        every = [*narratives.values(), *profiles.values()]
        return not any(MARK in t for t in every) and sum(t.count("标记乙") for t in every) == 4

    qtbot.waitUntil(saved, timeout=3000)
    item = editors(window.view.pages["item:4.1.3"])[0]
    assert item.toPlainText().count("标记乙") == 2
    item.undo()  # both replacements in 4.1.3 at once
    assert item.toPlainText().count(MARK) == 2
    assert "标记乙" not in item.toPlainText()


def test_a_read_only_file_can_be_searched_but_not_changed(window, qtbot, marked):
    assert window.close_document()
    conn = sqlite3.connect(marked)
    conn.execute("PRAGMA user_version = 99")  # a newer program's file: opened read-only
    conn.commit()
    conn.close()
    assert window.open_path(marked)
    assert window.view.doc.read_only
    find(qtbot, window, MARK, replace=True)
    assert not window.find_bar.replace_all_button.isEnabled()
    assert window.find_bar.replace_edit.placeholderText() == "只读文件，不能替换"
    enter(qtbot, window)
    assert where(window) == PLACES[0]
    window.find_bar.replace_all()
    assert window.find_bar.notice_label.text() == "只读文件，不能替换"
    assert MARK in editors(window.view.pages["profile"])[1].toPlainText()


def test_ctrl_h_is_replace_and_history_moved_to_ctrl_shift_h(window, qtbot):
    shortcuts = {a.text(): a.shortcut().toString() for a in window.findChildren(QAction)}
    assert shortcuts["替换(&R)…"] == "Ctrl+H"
    assert shortcuts["历史版本(&H)…"] == "Ctrl+Shift+H"
    find(qtbot, window, MARK)
    assert not window.find_bar.replace_edit.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, CTRL)
    assert window.find_bar.replace_edit.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    assert not window.find_bar.replace_edit.isVisible()
