"""A PDF's pages one below another, drawn at the zoom shown: fit width, whole page or a factor.

Only the pages in view are rendered (pypdfium2, imported when a PDF is opened), at the screen's
resolution, and the last few are kept — so a 300-page package opens at once and costs a few
megabytes. (A preview that records every page as an image, as QPrintPreviewWidget does, takes
about 4 MB a page.)
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from qualitydesk.ui.pdfium_lock import PDFIUM

if TYPE_CHECKING:
    import pypdfium2

MARGIN = 12  # the desk around and between pages, in logical pixels
CACHED_PAGES = 8
ZOOM_STEP = 1.25
WHEEL_NOTCH = 120  # one notch of a mouse wheel, in eighths of a degree
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0  # logical pixels per PDF point
FITS = ("width", "page")


def render_page(page: Any, scale: float, *, grayscale: bool = False) -> QImage:
    """``page`` (a pypdfium2 page) as an image of ``scale`` pixels per point, owning its pixels.

    Call it holding :data:`~qualitydesk.ui.pdfium_lock.PDFIUM`.
    """
    if grayscale:
        bitmap = page.render(scale=scale, grayscale=True)
        pixel_format = QImage.Format.Format_Grayscale8
    else:
        # Blue-green-red-unused bytes are QImage's RGB32 on the little-endian machines we run on.
        bitmap = page.render(scale=scale, prefer_bgrx=True)
        pixel_format = QImage.Format.Format_RGB32
    try:
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, pixel_format)
        return image.copy()  # the bitmap's memory goes with it
    finally:
        bitmap.close()


class PageView(QAbstractScrollArea):
    """Shows a PDF file: ``open(path)``; ``go_to_page``, ``set_fit``, ``zoom_in``/``zoom_out``.

    ``page_changed(index, count)`` follows the page at the top of the view and ``zoomed`` the
    zoom; ``rendered`` counts the pages drawn so far (tests and the curious read it).
    """

    page_changed = Signal(int, int)
    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf: pypdfium2.PdfDocument | None = None
        self._sizes: list[QSizeF] = []  # in points
        self._tops: list[float] = []  # at the current zoom, in logical pixels
        self._height = self._width = 0.0
        self._fit = "width"
        self._zoom = 1.0
        self._wheel = 0
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.current_page = 0
        self.rendered = 0
        self.viewport().setBackgroundRole(QPalette.ColorRole.Dark)
        self.viewport().setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().valueChanged.connect(self._follow_page)
        self.setAccessibleName(self.tr("页面预览"))

    @property
    def page_count(self) -> int:
        """How many pages the open PDF has (0 with none open)."""
        return len(self._sizes)

    @property
    def fit(self) -> str:
        """``"width"``, ``"page"`` or ``""`` (a zoom factor of the user's)."""
        return self._fit

    @property
    def zoom(self) -> float:
        """Logical pixels per PDF point."""
        return self._zoom

    def open(self, path: Path) -> None:
        """Show the PDF at ``path`` from its first page (raises pypdfium2.PdfiumError if broken)."""
        import pypdfium2

        self.close_pdf()
        with PDFIUM:
            pdf = pypdfium2.PdfDocument(str(path))
            self._pdf = pdf
            self._sizes = [QSizeF(*pdf.get_page_size(i)) for i in range(len(pdf))]
        self._layout()
        self.go_to_page(0)

    def close_pdf(self) -> None:
        """Let go of the PDF (its file can then be replaced) and show nothing."""
        self._cache.clear()
        self._sizes, self._tops = [], []
        self.current_page = 0
        if self._pdf is not None:
            with PDFIUM:
                self._pdf.close()
            self._pdf = None
        self.viewport().update()

    # -- zoom and pages --

    def set_fit(self, fit: str) -> None:
        """Fit the widest page's width (``"width"``) or every page whole (``"page"``)."""
        if fit not in FITS:
            raise ValueError(fit)
        self._fit = fit
        self._layout(keep_page=True)
        self.zoomed.emit()

    def set_zoom(self, zoom: float) -> None:
        """Show the pages at ``zoom`` logical pixels a point (within the limits), no longer fitting;
        the page at the top stays there. Emits ``zoomed``.
        """
        self._fit = ""
        self._zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self._layout(keep_page=True)
        self.zoomed.emit()

    def zoom_in(self) -> None:
        """One step larger (by :data:`ZOOM_STEP`)."""
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step smaller (by :data:`ZOOM_STEP`)."""
        self.set_zoom(self._zoom / ZOOM_STEP)

    def go_to_page(self, index: int) -> None:
        """Scroll page ``index`` (from 0, clamped) to the top of the view."""
        if not self._tops:
            return
        index = min(max(index, 0), len(self._tops) - 1)
        bar = self.verticalScrollBar()
        bar.setValue(round(self._tops[index]) - MARGIN)
        self._set_current(index, always=True)

    def next_page(self) -> None:
        """Scroll the next page to the top (PageDown)."""
        self.go_to_page(self.current_page + 1)

    def previous_page(self) -> None:
        """Scroll the previous page to the top (PageUp)."""
        self.go_to_page(self.current_page - 1)

    def _layout(self, *, keep_page: bool = False) -> None:
        """Work out the zoom (when fitting), where each page lies, and the scroll ranges."""
        if not self._sizes:
            return
        page, into = self.current_page, self._offset_into_page()
        view = self.viewport().size()
        widest = max(s.width() for s in self._sizes)
        tallest = max(s.height() for s in self._sizes)
        by_width = (view.width() - 2 * MARGIN) / widest
        if self._fit == "width":
            self._zoom = min(max(by_width, MIN_ZOOM), MAX_ZOOM)
        elif self._fit == "page":
            by_height = (view.height() - 2 * MARGIN) / tallest
            self._zoom = min(max(min(by_width, by_height), MIN_ZOOM), MAX_ZOOM)
        self._tops, top = [], float(MARGIN)
        for size in self._sizes:
            self._tops.append(top)
            top += size.height() * self._zoom + MARGIN
        self._height, self._width = top, widest * self._zoom + 2 * MARGIN
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        vertical.setRange(0, max(0, round(self._height) - view.height()))
        vertical.setPageStep(view.height())
        vertical.setSingleStep(max(20, view.height() // 20))
        horizontal.setRange(0, max(0, round(self._width) - view.width()))
        horizontal.setPageStep(view.width())
        if keep_page:
            vertical.setValue(
                round(self._tops[page] + into * self._sizes[page].height() * self._zoom)
            )
        self.viewport().update()

    def _offset_into_page(self) -> float:
        """How far into the current page the view's top is, as a fraction of the page."""
        if not self._tops or self.current_page >= len(self._tops):
            return 0.0
        page_height = self._sizes[self.current_page].height() * self._zoom
        into = self.verticalScrollBar().value() - self._tops[self.current_page]
        return min(max(into / page_height, -0.1), 1.0)

    def _follow_page(self, value: int) -> None:
        """The current page is the one at the top of the view (the last one, scrolled to the end)."""
        if not self._tops:
            return
        maximum = self.verticalScrollBar().maximum()
        if 0 < maximum <= value:
            index = len(self._tops) - 1
        else:
            index = max(0, sum(1 for top in self._tops if top <= value + MARGIN + 1) - 1)
        self._set_current(index)

    def _set_current(self, index: int, *, always: bool = False) -> None:
        if index != self.current_page or always:
            self.current_page = index
            self.page_changed.emit(index, self.page_count)

    # -- drawing --

    def visible_pages(self) -> range:
        """The indexes of the pages at least partly in view."""
        if not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = next(
            (i for i, t in enumerate(self._tops) if t + self._page_height(i) >= top),
            len(self._tops),
        )
        last = first
        while last < len(self._tops) and self._tops[last] <= bottom:
            last += 1
        return range(first, last)

    def _page_height(self, index: int) -> float:
        return self._sizes[index].height() * self._zoom

    def page_rect(self, index: int) -> QRectF:
        """Where page ``index`` is drawn in the viewport, in logical pixels."""
        size = self._sizes[index] * self._zoom
        width = max(self._width, self.viewport().width())
        left = (width - size.width()) / 2 - self.horizontalScrollBar().value()
        top = self._tops[index] - self.verticalScrollBar().value()
        return QRectF(QPointF(left, top), size)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the pages in view, each with a shadow, rendering those not in the cache."""
        painter = QPainter(self.viewport())
        shadow = QColor(0, 0, 0, 60)
        for index in self.visible_pages():
            rect = self.page_rect(index)
            painter.fillRect(rect.translated(2, 2), shadow)
            painter.drawImage(rect, self._image(index))
        painter.end()

    def _image(self, index: int) -> QImage:
        ratio = self.devicePixelRatioF()
        key = (index, round(self._zoom * ratio * 1000))
        image = self._cache.get(key)
        if image is None:
            assert self._pdf is not None
            with PDFIUM:
                page = self._pdf[index]
                try:
                    image = render_page(page, self._zoom * ratio)
                finally:
                    page.close()
            self.rendered += 1
            self._cache[key] = image
            while len(self._cache) > CACHED_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    # -- events --

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Paint again: the pages are drawn at their place for the scroll bars' values."""
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit again (when fitting) and keep the page at the top where it was."""
        super().resizeEvent(event)
        self._layout(keep_page=True)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms a step a notch (a touchpad's steps add up); the wheel alone scrolls."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel += event.angleDelta().y()  # a touchpad sends many small steps
        while abs(self._wheel) >= WHEEL_NOTCH:
            step = WHEEL_NOTCH if self._wheel > 0 else -WHEEL_NOTCH
            self._wheel -= step
            if step > 0:
                self.zoom_in()
            else:
                self.zoom_out()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """PageDown/PageUp go a page on or back, Home/End to the first or last page."""
        keys = {
            Qt.Key.Key_PageDown: self.next_page,
            Qt.Key.Key_PageUp: self.previous_page,
            Qt.Key.Key_Home: lambda: self.go_to_page(0),
            Qt.Key.Key_End: lambda: self.go_to_page(self.page_count - 1),
        }
        action = keys.get(Qt.Key(event.key()))
        if action is not None and self._tops and not event.modifiers():
            action()
            event.accept()
            return
        super().keyPressEvent(event)
