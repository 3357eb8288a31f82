"""Zoom of the narrative editors: keys, 视图 menu, Ctrl+wheel; remembered; the text untouched."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from qualitydesk.ui.settings import Settings
from qualitydesk.ui.shell.window import MainWindow
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit, zoom_level
from tests.helpers.gui import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def open_on(qtbot, forms, settings, messages, path) -> MainWindow:
    window = open_window(qtbot, forms, settings, messages)
    assert window.open_path(path)
    return window


def size_of(edit: MarkdownEdit) -> float:
    return edit.editor.font().pointSizeF()


def editors(window) -> list[MarkdownEdit]:
    return window.findChildren(MarkdownEdit)


def view_command(window, label: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "视图(&V)")
    return next(a for a in menu.actions() if a.text().startswith(label))


@pytest.mark.slow
def test_zoom_keys_change_every_narrative_editor_and_not_the_text(
    qtbot, forms, settings, messages, demo_copy
):
    window = open_on(qtbot, forms, settings, messages, demo_copy)
    window.view.show_step("item:4.1.2")
    window.view.page("profile")
    item = window.view.pages["item:4.1.2"].findChild(MarkdownEdit)
    profile = window.view.pages["profile"].findChild(MarkdownEdit)
    normal = size_of(item)
    markdown = item.markdown()
    item.editor.setFocus()
    qtbot.keyClick(item.editor, Qt.Key.Key_Equal, CTRL)
    assert size_of(item) == pytest.approx(normal * 1.1)
    assert size_of(profile) == size_of(item)  # every editor, including pages not shown
    qtbot.keyClick(item.editor, Qt.Key.Key_Equal, CTRL)
    assert size_of(item) == pytest.approx(normal * 1.25)
    assert settings.editor_zoom() == 125
    assert "125%" in window.statusBar().currentMessage()
    qtbot.keyClick(item.editor, Qt.Key.Key_Minus, CTRL)
    assert settings.editor_zoom() == 110
    assert item.markdown() == markdown
    assert not item.is_modified()  # nothing to save
    assert not window.view.dirty
    qtbot.keyClick(item.editor, Qt.Key.Key_0, CTRL)
    assert size_of(item) == normal
    assert settings.editor_zoom() == 100
    qtbot.keyClick(item.editor, Qt.Key.Key_Plus, CTRL)  # Ctrl++ as well as Ctrl+=
    assert settings.editor_zoom() == 110
    window.close_document()


@pytest.mark.slow
def test_the_view_menu_zooms_and_the_zoom_is_restored(qtbot, forms, messages, demo_copy, tmp_path):
    settings = Settings(tmp_path / "settings")
    window = open_on(qtbot, forms, settings, messages, demo_copy)
    window.view.show_step("item:4.1.2")
    normal = size_of(editors(window)[0])
    view_command(window, "放大").trigger()
    view_command(window, "放大").trigger()
    view_command(window, "放大").trigger()
    assert settings.editor_zoom() == 150
    assert view_command(window, "缩小").shortcut().toString() == "Ctrl+-"
    assert view_command(window, "实际大小").shortcut().toString() == "Ctrl+0"
    window.close()
    again = open_on(qtbot, forms, Settings(tmp_path / "settings"), messages, demo_copy)
    again.view.show_step("profile")
    sizes = {size_of(e) for e in editors(again)}
    assert len(editors(again)) > 1
    assert sizes == {normal * 1.5}
    again.close_document()


def test_ctrl_wheel_over_the_focused_editor_zooms(qtbot, forms, settings, messages, demo_copy):
    window = open_on(qtbot, forms, settings, messages, demo_copy)
    window.view.show_step("item:4.1.2")
    editor = window.view.pages["item:4.1.2"].findChild(MarkdownEdit).editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    wheel(editor, 120, CTRL)
    assert settings.editor_zoom() == 110
    for _ in range(4):  # a touchpad's small steps add up to one
        wheel(editor, 30, CTRL)
    assert settings.editor_zoom() == 125
    wheel(editor, -120, CTRL)
    assert settings.editor_zoom() == 110
    wheel(editor, -120, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls
    assert settings.editor_zoom() == 110
    window.close_document()


def wheel(widget, delta: int, modifiers) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget.viewport(), event)


def test_zoom_levels():
    assert zoom_level(100, 1) == 110
    assert zoom_level(100, -1) == 90
    assert zoom_level(300, 1) == 300
    assert zoom_level(50, -1) == 50
    assert zoom_level(105, 1) == 110  # an odd value steps to the next level
    assert zoom_level(175, 0) == 100


def test_a_broken_zoom_setting_is_ignored(tmp_path):
    (tmp_path / "settings.ini").write_text("[ui]\neditorZoom=huge\n", encoding="utf-8")
    settings = Settings(tmp_path)
    assert settings.editor_zoom() == 100
    settings.set_editor_zoom(5000)
    assert settings.editor_zoom() == 300
