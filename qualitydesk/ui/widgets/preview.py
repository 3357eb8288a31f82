"""A preview of one attachment: an image scaled to fit, or a PDF page by page, or a message.

PDF pages are rendered with pypdfium2 (imported only when a PDF is shown), one page at a time and
at the size the widget has, so a 500-page scan opens as fast as a one-page letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    import pypdfium2

RESIZE_DELAY_MS = 80


class AttachmentPreview(QWidget):
    """Shows attachment bytes: ``show_data(data, media_type)``; ``clear()`` shows nothing.

    ``kind`` says what is shown: ``"none"``, ``"image"``, ``"pdf"``, ``"unsupported"`` or
    ``"error"``; ``page_changed(index, count)`` follows PDF navigation.
    """

    page_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "none"
        self.page_index = 0
        self.page_count = 0
        self._image = QImage()
        self._pdf: pypdfium2.PdfDocument | None = None
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RESIZE_DELAY_MS)
        self._render_timer.timeout.connect(self._refresh)
        self._build()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("附件预览"))
        self.clear()

    def _build(self) -> None:
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setWordWrap(True)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.canvas.setMinimumSize(QSize(80, 80))
        self.canvas.setBackgroundRole(QPalette.ColorRole.Base)
        self.canvas.setAutoFillBackground(True)
        self.previous_button = QPushButton(self.tr("上一页"))
        self.previous_button.setToolTip(self.tr("上一页（PageUp）"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.next_button.setToolTip(self.tr("下一页（PageDown）"))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.navigation = QWidget()
        bar = QHBoxLayout(self.navigation)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.previous_button)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.navigation)

    # -- showing --

    def clear(self, message: str = "") -> None:
        """Show nothing but ``message`` (默认：未选择文件)."""
        self._close_pdf()
        self._image = QImage()
        self._show_message("none", message or self.tr("未选择文件"))

    def show_data(self, data: bytes, media_type: str) -> None:
        """Show ``data`` as an image or PDF according to ``media_type``, or say it cannot."""
        self._close_pdf()
        self._image = QImage()
        if media_type.startswith("image/"):
            self._show_image(data)
        elif media_type == "application/pdf":
            self._show_pdf(data)
        else:
            self._show_message("unsupported", self.tr("无法预览此类型的文件"))

    def _show_image(self, data: bytes) -> None:
        image = QImage.fromData(data)
        if image.isNull():
            self._show_message("error", self.tr("无法显示此图片：格式不受支持或文件已损坏"))
            return
        self._image = image
        self.kind = "image"
        self.navigation.hide()
        self._refresh()

    def _show_pdf(self, data: bytes) -> None:
        import pypdfium2

        try:
            pdf = pypdfium2.PdfDocument(data)
            count = len(pdf)
        except pypdfium2.PdfiumError:
            self._show_message("error", self.tr("无法打开此 PDF 文件：文件已损坏或已加密"))
            return
        if count == 0:
            pdf.close()
            self._show_message("error", self.tr("此 PDF 文件没有页面"))
            return
        self._pdf, self.kind, self.page_count = pdf, "pdf", count
        self.navigation.show()
        self.go_to_page(0)

    def _show_message(self, kind: str, message: str) -> None:
        self.kind = kind
        self.page_index = self.page_count = 0
        self.navigation.hide()
        self.canvas.setPixmap(QPixmap())
        self.canvas.setText(message)

    # -- PDF pages --

    def go_to_page(self, index: int) -> None:
        """Show page ``index`` (from 0) of the PDF shown; out-of-range indexes are clamped."""
        if self.kind != "pdf":
            return
        self.page_index = min(max(index, 0), self.page_count - 1)
        self.page_label.setText(
            self.tr("第 %1 / %2 页")
            .replace("%1", str(self.page_index + 1))
            .replace("%2", str(self.page_count))
        )
        self.previous_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index < self.page_count - 1)
        self._refresh()
        self.page_changed.emit(self.page_index, self.page_count)

    def next_page(self) -> None:
        self.go_to_page(self.page_index + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.page_index - 1)

    # -- drawing at the current size --

    def _refresh(self) -> None:
        size = self.canvas.size()
        if self.kind == "image":
            self._set_image(self._image, size)
        elif self.kind == "pdf":
            self._set_image(self._render_page(size), size)

    def _set_image(self, image: QImage, size: QSize) -> None:
        if image.isNull():
            return
        ratio = self.devicePixelRatioF()
        target = QSize(max(1, int(size.width() * ratio)), max(1, int(size.height() * ratio)))
        if image.width() > target.width() or image.height() > target.height():
            image = image.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.canvas.setText("")
        self.canvas.setPixmap(pixmap)

    def _render_page(self, size: QSize) -> QImage:
        """The current page rendered to fit ``size`` (in device pixels)."""
        assert self._pdf is not None
        page = self._pdf[self.page_index]
        try:
            width, height = page.get_size()
            ratio = self.devicePixelRatioF()
            scale = min(size.width() / width, size.height() / height) * ratio
            bitmap = page.render(scale=max(scale, 0.05), prefer_bgrx=True, rev_byteorder=True)
            return _to_qimage(bitmap)
        finally:
            page.close()

    def _close_pdf(self) -> None:
        self._render_timer.stop()
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    # -- events --

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.kind in ("image", "pdf"):
            self._render_timer.start()  # re-render once the user stops resizing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = {
            Qt.Key.Key_PageDown: self.next_page,
            Qt.Key.Key_PageUp: self.previous_page,
            Qt.Key.Key_Home: lambda: self.go_to_page(0),
            Qt.Key.Key_End: lambda: self.go_to_page(self.page_count - 1),
        }
        action = keys.get(Qt.Key(event.key()))
        if self.kind == "pdf" and action is not None:
            action()
            event.accept()
            return
        super().keyPressEvent(event)


def _to_qimage(bitmap: Any) -> QImage:
    """A QImage owning a copy of a pypdfium2 RGBx bitmap."""
    image = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        QImage.Format.Format_RGBX8888,
    )
    return image.copy()
