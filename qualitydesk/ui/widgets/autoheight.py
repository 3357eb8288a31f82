"""Text boxes as tall as their text, inside a page that scrolls: one scroll bar per page.

A text box in a scrolling page that scrolls itself as well puts a scroll bar inside a scroll
bar. :func:`grow_to_content` turns the box's own vertical scroll bar off and keeps its height
that of its text (at least ``min_lines`` lines), so the page scrolls instead. While the box has
the focus the page follows its text cursor, and Page Up / Page Down move by a screen of the page.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QScrollArea, QTextEdit

TextBox = QTextEdit | QPlainTextEdit


class GrowToContent(QObject):
    """Keeps one text box as tall as its text; see :func:`grow_to_content`."""

    def __init__(self, box: TextBox, min_lines: int) -> None:
        super().__init__(box)
        self.box = box
        self.min_lines = min_lines
        self._following = False
        self._refitting = False
        box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box.document().documentLayout().documentSizeChanged.connect(self.fit)
        box.cursorPositionChanged.connect(self._cursor_moved)
        box.installEventFilter(self)
        self.fit()

    def content_height(self) -> int:
        """The height the box needs to show all its text (frame and margins included)."""
        box = self.box
        document = box.document()
        layout = document.documentLayout()
        if isinstance(layout, QPlainTextDocumentLayout):
            text = 0.0
            block = document.begin()
            while block.isValid():
                layout.ensureBlockLayout(block)
                text += layout.blockBoundingRect(block).height()
                block = block.next()
            text += 2 * document.documentMargin()
        else:
            text = document.size().height()
        lines = box.fontMetrics().lineSpacing() * self.min_lines + 2 * document.documentMargin()
        margins = box.contentsMargins()
        return math.ceil(max(text, lines)) + margins.top() + margins.bottom()

    def fit(self) -> None:
        """Set the box's height to its text's."""
        height = self.content_height()
        if self.box.height() != height or self.box.minimumHeight() != height:
            self.box.setFixedHeight(height)

    def _refit(self) -> None:
        self._refitting = False
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the box again once it is resized, keep its cursor in the page's view, and make Page
        Up / Page Down move through the page.
        """
        kind = event.type()
        if kind == QEvent.Type.Resize and not self._refitting:
            self._refitting = True  # once the box has wrapped its text to the new width
            QTimer.singleShot(0, self, self._refit)
        elif kind == QEvent.Type.FocusIn:
            self._cursor_moved()
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._page_key(event)
        return super().eventFilter(watched, event)

    def _page_key(self, event: QKeyEvent) -> bool:
        """Page Up / Page Down move a screen of the page, not the whole box (it has no screen
        of its own); with Shift they select.
        """
        keys = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}
        sign = keys.get(Qt.Key(event.key()))
        others = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        scroll = _scroll_area_of(self.box)
        if sign is None or others != Qt.KeyboardModifier.NoModifier or scroll is None:
            return False
        step = scroll.viewport().height()
        box = self.box
        target = box.cursorRect().center() + QPoint(0, sign * step)
        target.setY(min(max(target.y(), 0), box.viewport().height() - 1))
        cursor = box.textCursor()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        mode = QTextCursor.MoveMode.KeepAnchor if shift else QTextCursor.MoveMode.MoveAnchor
        cursor.setPosition(box.cursorForPosition(target).position(), mode)
        box.setTextCursor(cursor)
        bar = scroll.verticalScrollBar()
        bar.setValue(bar.value() + sign * step)
        return True

    def _cursor_moved(self) -> None:
        if self.box.hasFocus() and not self._following:
            self._following = True
            QTimer.singleShot(0, self, self._follow)

    def _follow(self) -> None:
        """Scroll the page so the text cursor shows (after the page's layout took the new height)."""
        self._following = False
        scroll = _scroll_area_of(self.box)
        if scroll is None or scroll.widget() is None:
            return
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        rect = self.box.cursorRect()
        centre = self.box.viewport().mapTo(scroll.widget(), rect.center())
        margin = rect.height()
        scroll.ensureVisible(centre.x(), centre.y(), margin, margin)


def _scroll_area_of(box: TextBox) -> QScrollArea | None:
    parent = box.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def grow_to_content(box: TextBox, min_lines: int) -> GrowToContent:
    """Make ``box`` as tall as its text, never shorter than ``min_lines`` lines."""
    return GrowToContent(box, min_lines)
