"""The 编辑 menu's commands on the focused editor, and the narrative editors' zoom.

撤销 / 重做 / 剪切 / 复制 / 粘贴 / 全选 act on whichever text input has the focus — a narrative, a
note box, a line of the 申请表, the text of a spin box — and are enabled by its state, as in Word.
While such an input has the focus it takes these standard keys itself (Qt's shortcut override), so
a key press is handled once, by the input; the menu commands serve the mouse and inputs that do not.

The zoom (放大 / 缩小 / 实际大小, Ctrl+wheel) applies to every narrative editor of the window, is
remembered in the settings, and changes only the editors' font, never the text.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from qualitydesk.ui.settings import Settings

if TYPE_CHECKING:
    from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit

# Imported by the first page that has a narrative editor, not with the window: the 申请表 shown
# first has none.
_MARKDOWN_EDIT = "qualitydesk.ui.widgets.markdown_edit"

TextInput = QLineEdit | QTextEdit | QPlainTextEdit
COMMANDS = ("undo", "redo", "cut", "copy", "paste", "selectAll")


def text_input(widget: QWidget | None) -> TextInput | None:
    """The text input the 编辑 commands act on when ``widget`` has the focus, if any."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        return widget.findChild(QLineEdit)  # a spin box's text; None for a plain combo box
    return None


class EditActions(QObject):
    """撤销 … 全选 as window actions that follow the focused text input."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._target: TextInput | None = None
        keys = QKeySequence.StandardKey
        self.actions: dict[str, QAction] = {}
        for name, key in zip(
            COMMANDS,
            (keys.Undo, keys.Redo, keys.Cut, keys.Copy, keys.Paste, keys.SelectAll),
            strict=True,
        ):
            action = QAction(self)
            action.setShortcuts(key)
            action.triggered.connect(lambda _=False, n=name: self._run(n))
            self.actions[name] = action
        self.retranslate()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        QApplication.clipboard().dataChanged.connect(self.update)
        self._focus_changed(None, QApplication.focusWidget())

    def retranslate(self) -> None:
        """Name the commands in the interface's language (again after a language switch)."""
        texts = (
            self.tr("撤销(&U)"),
            self.tr("重做(&Y)"),
            self.tr("剪切(&T)"),
            self.tr("复制(&C)"),
            self.tr("粘贴(&P)"),
            self.tr("全选(&A)"),
        )
        for action, text in zip(self.actions.values(), texts, strict=True):
            action.setText(text)

    def add_to(self, menu: QMenu) -> None:
        """Put the commands into ``menu`` (undo and redo, then the clipboard, then select all)."""
        actions = self.actions
        menu.addActions([actions["undo"], actions["redo"]])
        menu.addSeparator()
        menu.addActions([actions["cut"], actions["copy"], actions["paste"]])
        menu.addSeparator()
        menu.addAction(actions["selectAll"])
        menu.aboutToShow.connect(self.update)

    def target(self) -> TextInput | None:
        """The text input the commands act on: the focused one, or the last before a menu opened."""
        return self._target

    # -- following the focus --

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if isinstance(now, QMenu | QMenuBar):
            return  # choosing a menu command keeps the input the command is for
        target = text_input(now)
        if target is self._target:
            self.update()
            return
        self._unfollow()
        self._target = target
        if target is not None:
            self._follow(target)
        self.update()

    def _follow(self, target: TextInput) -> None:
        target.destroyed.connect(self._forget)
        if isinstance(target, QLineEdit):
            target.textChanged.connect(self.update)
            target.selectionChanged.connect(self.update)
        else:
            target.undoAvailable.connect(self.update)
            target.redoAvailable.connect(self.update)
            target.copyAvailable.connect(self.update)
            target.textChanged.connect(self.update)

    def _unfollow(self) -> None:
        target, self._target = self._target, None
        if target is None or not shiboken6.isValid(target):
            return  # gone with its window: Qt dropped the connections with it
        target.destroyed.disconnect(self._forget)
        if isinstance(target, QLineEdit):
            target.textChanged.disconnect(self.update)
            target.selectionChanged.disconnect(self.update)
        else:
            target.undoAvailable.disconnect(self.update)
            target.redoAvailable.disconnect(self.update)
            target.copyAvailable.disconnect(self.update)
            target.textChanged.disconnect(self.update)

    def _forget(self) -> None:
        self._target = None
        self.update()

    # -- state and commands --

    def update(self) -> None:
        """Enable each command by what the focused input allows now."""
        for name, on in self._state().items():
            self.actions[name].setEnabled(on)

    def _state(self) -> dict[str, bool]:
        target = self._target
        if target is None:
            return dict.fromkeys(COMMANDS, False)
        writable = not target.isReadOnly()
        if isinstance(target, QLineEdit):
            selected = target.hasSelectedText() and target.echoMode() == QLineEdit.EchoMode.Normal
            undo, redo = target.isUndoAvailable(), target.isRedoAvailable()
            mime = QApplication.clipboard().mimeData()
            paste = mime is not None and mime.hasText()
            has_text = bool(target.text())
        else:
            document = target.document()
            selected = target.textCursor().hasSelection()
            undo, redo = document.isUndoAvailable(), document.isRedoAvailable()
            paste = target.canPaste()
            has_text = not document.isEmpty()
        return {
            "undo": writable and undo,
            "redo": writable and redo,
            "cut": writable and selected,
            "copy": selected,
            "paste": writable and paste,
            "selectAll": has_text,
        }

    def _run(self, name: str) -> None:
        target = self._target
        if target is None or not self._state()[name]:
            return
        getattr(target, name)()
        if isinstance(target, QTextEdit | QPlainTextEdit):
            target.ensureCursorVisible()
        self.update()


class EditorZoom(QObject):
    """放大 / 缩小 / 实际大小 for every narrative editor in ``window``, kept in the settings."""

    changed = Signal(int)  # the new zoom in percent

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.percent = settings.editor_zoom()
        self.zoom_in = QAction(self)
        self.zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_in.triggered.connect(lambda: self.step(1))
        self.zoom_out = QAction(self)
        self.zoom_out.setShortcuts(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out.triggered.connect(lambda: self.step(-1))
        self.zoom_reset = QAction(self)
        self.zoom_reset.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset.triggered.connect(lambda: self.step(0))
        self.retranslate()

    def retranslate(self) -> None:
        """Name the commands in the interface's language, with the zoom now in their status tip."""
        self.zoom_in.setText(self.tr("放大(&I)"))
        self.zoom_out.setText(self.tr("缩小(&O)"))
        self.zoom_reset.setText(self.tr("实际大小(&R)"))
        tip = self.tr("正文编辑区的显示比例：{0}%").format(self.percent)
        for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
            action.setStatusTip(tip)

    def add_to(self, menu: QMenu) -> None:
        """Put 放大, 缩小 and 实际大小 in ``menu``."""
        menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])

    def attach(self, widget: QWidget) -> None:
        """Zoom the narrative editors in ``widget`` (a page just made) and follow their Ctrl+wheel."""
        for editor in _narrative_editors(widget):
            editor.set_zoom(self.percent)
            editor.zoom_requested.connect(self.step)

    def step(self, direction: int) -> None:
        """One level larger (+1), smaller (-1), or back to 100 % (0), everywhere, remembered."""
        from qualitydesk.ui.widgets.markdown_edit import zoom_level

        percent = zoom_level(self.percent, direction)
        if percent == self.percent:
            return
        self.percent = percent
        self._settings.set_editor_zoom(percent)
        for editor in _narrative_editors(self._window):
            editor.set_zoom(percent)
        self.retranslate()
        self.changed.emit(percent)


def _narrative_editors(widget: QWidget) -> list[MarkdownEdit]:
    """The narrative editors in ``widget`` (itself included): none while no page has imported
    their module, so looking does not import it.
    """
    module = sys.modules.get(_MARKDOWN_EDIT)
    if module is None:
        return []
    kind: type[MarkdownEdit] = module.MarkdownEdit
    editors = widget.findChildren(kind)
    if isinstance(widget, kind):
        editors.append(widget)
    return editors
