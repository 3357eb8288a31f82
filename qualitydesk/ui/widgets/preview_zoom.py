"""The zoom of the attachment preview: zoom steps, fitting to the view, limits, keys and wheel.

The picture opens fitted to the width of the view (a scanned certificate is read top to bottom)
and can be zoomed in and out — the 放大 / 缩小 buttons, Ctrl+wheel, Ctrl+= and Ctrl+-; Ctrl+0
fits it again. What is drawn is limited to :data:`MAX_PIXELS` device pixels, so zooming a large
scan never takes hundreds of megabytes. :class:`PreviewZoom` is a part of
:class:`~qualitydesk.ui.widgets.preview.AttachmentPreview`, which holds the state it uses.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QSizeF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from qualitydesk.ui.widgets.preview_decode import MAX_PIXELS

ZOOM_STEP = 2.0  # one click, key or wheel notch doubles (or halves) the size shown
MIN_SIDE = 96  # logical pixels: the long side of the picture at the smallest zoom
WHEEL_NOTCH = 120
FITS = ("width", "page")
ZOOM_IN_KEYS = (QKeySequence("Ctrl+="), QKeySequence("Ctrl++"))
ZOOM_OUT_KEYS = (QKeySequence("Ctrl+-"),)
FIT_KEYS = (QKeySequence("Ctrl+0"),)


class Scroller(QScrollArea):
    """The scroll area holding the picture: Ctrl+wheel zooms, the wheel alone scrolls."""

    zoom_wheel = Signal(int)  # notches: positive = zoom in
    double_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wheel = 0

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel emits ``zoom_wheel`` with the notches turned; the wheel alone scrolls."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel += event.angleDelta().y()
        notches = int(self._wheel / WHEEL_NOTCH)
        if notches:
            self._wheel -= notches * WHEEL_NOTCH
            self.zoom_wheel.emit(notches)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Emit ``double_clicked`` (the preview then opens in a large window of its own)."""
        self.double_clicked.emit()
        event.accept()


class PreviewZoom:
    """The size the picture is shown at: zooming, fitting, the limits and the zoom keys."""

    def zoom_in(self) -> None:
        """Show the picture twice as large (:data:`ZOOM_STEP`)."""
        self.set_scale(self.scale * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Show the picture half as large (:data:`ZOOM_STEP`)."""
        self.set_scale(self.scale / ZOOM_STEP)

    def set_scale(self, scale: float) -> None:
        """Show the picture at ``scale`` (within the limits); it no longer follows the view."""
        if self.kind not in ("image", "pdf"):
            return
        self.fit = ""
        self.scale = scale
        self._refresh()

    def set_fit(self, fit: str) -> None:
        """Fit the picture to the view's ``"width"`` or the whole ``"page"``, from now on."""
        if fit not in FITS:
            raise ValueError(fit)
        self.fit = fit
        self._refresh(keep_place=False)

    def _wheel_zoom(self, notches: int) -> None:
        self.set_scale(self.scale * ZOOM_STEP**notches)

    def _source_size(self) -> QSizeF:
        """The picture's own size: image pixels, or the PDF page in points."""
        if self.kind == "image":
            return QSizeF(self._image_size)
        if self.kind == "pdf" and self.page_index < len(self._page_sizes):
            size = self._page_sizes[self.page_index]
            return size if min(size.width(), size.height()) >= 1 else QSizeF()
        return QSizeF()

    def _fit_scale(self, source: QSizeF) -> float:
        view = self.scroll.maximumViewportSize()  # the room without scroll bars
        width, height = source.width(), source.height()
        if self.fit == "page":
            scale = min(view.width() / width, view.height() / height)
        else:
            scale = view.width() / width
            if height * scale > view.height():  # a vertical scroll bar will take its width
                bar = self.scroll.verticalScrollBar().sizeHint().width()
                scale = (view.width() - bar) / width
        if self.kind == "image":
            scale = min(scale, 1.0)  # fitted, a small image keeps its own size
        return scale

    def _limits(self, source: QSizeF) -> tuple[float, float]:
        ratio = self.devicePixelRatioF()
        area = source.width() * source.height() * ratio * ratio
        largest = math.sqrt(MAX_PIXELS / area) if area else 1.0
        smallest = MIN_SIDE / max(source.width(), source.height(), 1.0)
        return min(smallest, largest), largest

    def event(self, event: QEvent) -> bool:
        """The zoom keys belong to the preview while it has focus, not to the window's editor zoom."""
        if event.type() == QEvent.Type.ShortcutOverride and self._zoom_key(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def _zoom_key(self, event: QEvent) -> Any:
        if not isinstance(event, QKeyEvent) or self.kind not in ("image", "pdf"):
            return None
        pressed = QKeySequence(event.keyCombination())
        for keys, action in (
            (ZOOM_IN_KEYS, self.zoom_in),
            (ZOOM_OUT_KEYS, self.zoom_out),
            (FIT_KEYS, lambda: self.set_fit("width")),
        ):
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in keys):
                return action
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            return self.zoom_in
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            return self.zoom_out
        return None
