"""A word-wrapped label that lays its text out once for each width it is asked about."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """A word-wrapped QLabel whose height at a width is worked out once.

    While a page is laid out, Qt's layouts ask each word-wrapped label its height at the same few
    widths some twenty times, and QLabel shapes and breaks its text afresh for every answer: on
    the 申请表's first group, a twentieth of the start's CPU. The answers are kept per width and
    text, and forgotten when the font or style changes.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[int, str], int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802  (Qt's name)
        """The height the text needs at ``width`` (as QLabel says, worked out once)."""
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 64:  # a window dragged wider and narrower
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        """Forget the heights when what they depend on (font, style, margins) changes."""
        self._heights.clear()
        super().changeEvent(event)
