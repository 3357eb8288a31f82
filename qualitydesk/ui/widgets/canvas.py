"""A widget that paints itself with ``paint(painter, rect)`` — on screen or into an image."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class Canvas(QWidget):
    """Base of the charts: subclasses implement ``paint``; sizes are in lines of the font."""

    SIZE_HINT = (32.0, 17.0)  # width, height in font heights
    MINIMUM_SIZE = (16.0, 10.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw into ``rect``."""
        raise NotImplementedError

    def render_to_image(self, size: QSize) -> QImage:
        """The drawing in an image of ``size`` (for tests and copying)."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        try:
            self.paint(painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        return image

    def _in_lines(self, factors: tuple[float, float]) -> QSize:
        height = QFontMetricsF(self.font()).height()
        return QSize(round(height * factors[0]), round(height * factors[1]))

    def sizeHint(self) -> QSize:
        """:attr:`SIZE_HINT` in lines of the font."""
        return self._in_lines(self.SIZE_HINT)

    def minimumSizeHint(self) -> QSize:
        """:attr:`MINIMUM_SIZE` in lines of the font."""
        return self._in_lines(self.MINIMUM_SIZE)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw with :meth:`paint` over the whole widget."""
        del event
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()
