"""The 编辑 menu acts on the focused input, and a narrative keeps its undo history across steps."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QSpinBox, QTextEdit

from qualitydesk.ui.app import create_application
from qualitydesk.ui.editing import EditActions, text_input
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit
from tests.helpers.gui import commit_text

TYPED = "新增：每季度召开一次质量例会。"


@pytest.fixture
def window(demo_window):
    return demo_window


def commands(window) -> dict[str, object]:
    """The 编辑 menu's commands by their label (mnemonics and ellipses removed)."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "编辑(&E)")
    return {a.text().split("(")[0]: a for a in menu.actions() if not a.isSeparator() and a.text()}


def narrative(window, key: str) -> QTextEdit:
    window.view.show_step(key)
    editor = window.view.pages[key].findChild(MarkdownEdit).editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    return editor


def enabled(window) -> set[str]:
    return {name for name, action in commands(window).items() if action.isEnabled()}


def test_the_edit_menu_has_the_standard_commands_and_keys(window):
    found = commands(window)
    assert list(found)[:6] == ["撤销", "重做", "剪切", "复制", "粘贴", "全选"]
    keys = {name: found[name].shortcuts() for name in list(found)[:6]}
    assert QKeySequence("Ctrl+Z") in keys["撤销"]
    assert {QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")} <= set(keys["重做"])
    assert QKeySequence("Ctrl+X") in keys["剪切"]
    assert QKeySequence("Ctrl+C") in keys["复制"]
    assert QKeySequence("Ctrl+V") in keys["粘贴"]
    assert QKeySequence("Ctrl+A") in keys["全选"]
    assert {"查找", "替换"} <= set(found)  # 查找 and 替换 follow


def test_ctrl_z_and_ctrl_y_in_a_narrative(window, qtbot):
    editor = narrative(window, "item:4.1.2")
    before = editor.toPlainText()
    commit_text(editor, TYPED)
    assert TYPED in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before  # undone once, by one handler (no ambiguous shortcut)
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert TYPED in editor.toPlainText()


def test_the_narrative_toolbar_leaves_the_keys_to_the_menu(window):
    edit = window.view.page("item:4.1.2").findChild(MarkdownEdit)
    assert edit.undo_action.shortcuts() == []
    assert edit.redo_action.shortcuts() == []
    assert edit.undo_action.toolTip() == "撤销（Ctrl+Z）"


def test_undo_survives_switching_steps(window, qtbot):
    editor = narrative(window, "item:4.1.2")
    before = editor.toPlainText()
    commit_text(editor, TYPED)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # 下一步 (saves)
    assert window.view.current_key == "item:4.1.3"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.view.current_key == "item:4.1.2"
    assert window.view.pages["item:4.1.2"].findChild(MarkdownEdit).editor is editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before


def test_loading_the_same_markdown_keeps_the_undo_history(qtbot):
    create_application()
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown("第一段。")
    commit_text(edit.editor, "补充。")
    saved = edit.markdown()
    edit.set_markdown(saved)  # a page loads again what it just saved
    assert edit.editor.document().isUndoAvailable()
    edit.editor.undo()
    assert edit.editor.toPlainText() == "第一段。"
    edit.set_markdown("另一段。")  # a different text (a restored version) starts afresh
    assert edit.editor.toPlainText() == "另一段。"
    assert not edit.editor.document().isUndoAvailable()


def test_the_commands_act_on_the_focused_line(window, qtbot):
    window.view.show_step("form")
    line = next(e for e in window.view.pages["form"].findChildren(QLineEdit) if e.isVisible())
    line.setFocus()
    qtbot.waitUntil(lambda: window.edit_actions.target() is line)
    line.setText("")  # no undo history
    assert "撤销" not in enabled(window)
    qtbot.keyClicks(line, "QD-2026")
    assert {"撤销", "全选"} <= enabled(window)
    assert "复制" not in enabled(window)  # nothing selected
    commands(window)["全选"].trigger()
    assert line.selectedText() == "QD-2026"
    assert {"剪切", "复制"} <= enabled(window)
    commands(window)["复制"].trigger()
    assert QApplication.clipboard().text() == "QD-2026"
    commands(window)["撤销"].trigger()
    assert line.text() == ""
    commands(window)["粘贴"].trigger()
    assert line.text() == "QD-2026"


def test_nothing_to_edit_disables_the_commands(window, qtbot):
    button = window.view.next_button
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setFocus()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QPushButton))
    assert enabled(window) & {"撤销", "重做", "剪切", "复制", "粘贴", "全选"} == set()


def test_a_read_only_text_can_be_copied_but_not_changed(qtbot):
    create_application()
    box = QTextEdit()
    qtbot.addWidget(box)
    box.setPlainText("只读内容")
    box.setReadOnly(True)
    actions = EditActions(box)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: actions.target() is box)
    box.selectAll()
    state = {name for name, action in actions.actions.items() if action.isEnabled()}
    assert state == {"copy", "selectAll"}


def test_a_spin_box_is_edited_through_its_text(qtbot):
    spin = QSpinBox()
    qtbot.addWidget(spin)
    assert isinstance(text_input(spin), QLineEdit)
    assert text_input(QPushButton()) is None
