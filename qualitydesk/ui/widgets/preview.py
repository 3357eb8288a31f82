"""A preview of one attachment large enough to read: an image or a PDF page, or a message.

The picture opens fitted to the width of the view and can be zoomed
(:mod:`~qualitydesk.ui.widgets.preview_zoom`) or opened in a window of its own (放大查看, or a
double click). PDF pages are opened and rendered in background jobs, one page at a time
(:mod:`~qualitydesk.ui.widgets.preview_pdf`).

Images are checked before they are decoded (:mod:`~qualitydesk.ui.widgets.preview_decode`): one
declaring more than :data:`~qualitydesk.store.media.MAX_IMAGE_PIXELS` pixels is not shown (it
says why), and one of more than :data:`DECODE_IN_BACKGROUND` pixels is decoded in a background
job — at most :data:`~qualitydesk.ui.widgets.preview_decode.MAX_PIXELS` of it — while the preview
says 正在载入 and the window stays responsive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.ui import screen
from qualitydesk.ui.widgets.preview_decode import declared_size, decode
from qualitydesk.ui.widgets.preview_pdf import PdfPaging
from qualitydesk.ui.widgets.preview_zoom import PreviewZoom, Scroller

if TYPE_CHECKING:
    from qualitydesk.ui.jobs import Job

RESIZE_DELAY_MS = 80
DECODE_IN_BACKGROUND = 10_000_000  # pixels (an A4 scan at 300 dpi has 8.7 million): larger
# images are decoded off the GUI thread
LARGE_VIEW = screen.Fit(0.92, QSize(640, 480), QSize(1600, 1400))


class AttachmentPreview(PdfPaging, PreviewZoom, QWidget):
    """Shows attachment bytes: ``show_data(data, media_type)``; ``clear()`` shows nothing.

    ``kind`` says what is shown: ``"none"``, ``"loading"``, ``"image"``, ``"pdf"``,
    ``"unsupported"`` or ``"error"``; ``loading`` is true until the picture (or PDF page) asked
    for is drawn; ``page_changed(index, count)`` follows PDF navigation. ``fit`` is ``"width"``
    or ``"page"`` while the picture follows the view's size, ``""`` after a zoom; ``scale`` is
    the size shown (logical pixels per image pixel or PDF point).
    """

    page_changed = Signal(int, int)
    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, can_enlarge: bool = True) -> None:
        super().__init__(parent)
        self.kind = "none"
        self.page_index = 0
        self.page_count = 0
        self.fit = "width"
        self.scale = 1.0
        self._image = QImage()
        self._image_size = QSize()  # as shown (upright); the image itself may be decoded smaller
        self._loads = 0  # counts what was shown: a background decode of an earlier one is dropped
        self._page_sizes: list[QSizeF] = []  # the PDF's pages, in points
        self._page_image = QImage()  # the PDF page drawn last, and which one it is
        self._page_shown = -1
        self._render_job: Job | None = None  # the page being rendered, one at a time
        self._wanted: tuple[int, float, QSize] | None = None  # page, device scale, size
        self._data = b""
        self._media_type = ""
        self._can_enlarge = can_enlarge
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RESIZE_DELAY_MS)
        self._render_timer.timeout.connect(self._refresh)
        self._build()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("附件预览"))
        self.clear()

    # -- building --

    def _build(self) -> None:
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setWordWrap(True)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = Scroller()
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the preview itself
        self.scroll.setMinimumSize(QSize(80, 80))
        self.scroll.setBackgroundRole(QPalette.ColorRole.Base)
        self.scroll.zoom_wheel.connect(self._wheel_zoom)
        self.scroll.double_clicked.connect(self.open_large)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_zoom_bar())
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self._build_navigation())

    def _build_zoom_bar(self) -> QWidget:
        self.zoom_out_button = self._tool(self.tr("缩小"), self.tr("缩小（Ctrl+- 或 Ctrl+滚轮）"))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("8888%"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool(self.tr("放大"), self.tr("放大（Ctrl+= 或 Ctrl+滚轮）"))
        self.fit_width_button = self._tool(self.tr("适合宽度"), self.tr("适合宽度（Ctrl+0）"))
        self.fit_page_button = self._tool(self.tr("整页"), self.tr("整页显示"))
        self.enlarge_button = self._tool(
            self.tr("放大查看(&W)…"), self.tr("在单独的大窗口中查看（或双击预览）")
        )
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_width_button.clicked.connect(lambda: self.set_fit("width"))
        self.fit_page_button.clicked.connect(lambda: self.set_fit("page"))
        self.enlarge_button.clicked.connect(self.open_large)
        self.zoom_bar = QWidget()
        bar = QHBoxLayout(self.zoom_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addWidget(self.fit_width_button)
        bar.addWidget(self.fit_page_button)
        bar.addStretch(1)
        bar.addWidget(self.enlarge_button)
        self.enlarge_button.setVisible(self._can_enlarge)  # in the bar now: not a window of its own
        return self.zoom_bar

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _build_navigation(self) -> QWidget:
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
        return self.navigation

    # -- showing --

    def clear(self, message: str = "") -> None:
        """Show nothing but ``message`` (默认：未选择文件)."""
        self._close_pdf()
        self._loads += 1
        self._image = QImage()
        self._data, self._media_type = b"", ""
        self._show_message("none", message or self.tr("未选择文件"))

    @property
    def loading(self) -> bool:
        """True while the picture or PDF page asked for is still being read in the background."""
        return self.kind == "loading" or self._render_job is not None

    def show_data(self, data: bytes, media_type: str, *, page: int = 0) -> None:
        """Show ``data`` as an image or PDF (from ``page``) by ``media_type``, or say it cannot."""
        self._close_pdf()
        self._loads += 1
        self._image = QImage()
        self._data, self._media_type = data, media_type
        self.fit = "width"
        if media_type.startswith("image/"):
            self._show_image(data)
        elif media_type == "application/pdf":
            self._show_pdf(data, page)
        else:
            self._show_message("unsupported", self.tr("无法预览此类型的文件"))

    def _show_image(self, data: bytes) -> None:
        """Check the size the image declares; decode it here if small, in the background if not."""
        from qualitydesk.store.media import MAX_IMAGE_PIXELS
        from qualitydesk.ui.jobs import start_job

        size = declared_size(data)
        pixels = size.width() * size.height()
        if pixels > MAX_IMAGE_PIXELS:
            text = self.tr("此图片为 %1×%2 像素，超过 %3 万像素的上限，无法预览；请缩小后重新添加")
            self._show_message(
                "error",
                text.replace("%1", str(size.width()))
                .replace("%2", str(size.height()))
                .replace("%3", str(MAX_IMAGE_PIXELS // 10_000)),
            )
            return
        load = self._loads
        if pixels <= DECODE_IN_BACKGROUND:  # an invalid size too: reading it says what is wrong
            self._image_decoded(load, size, decode(data, size))
            return
        self._show_message("loading", self.tr("正在载入预览……"))
        job = start_job(
            lambda _report: decode(data, size),
            parent=self,
            title=self.tr("载入预览"),
            show_dialog=False,
        )
        job.finished.connect(lambda image: self._image_decoded(load, size, image))
        job.failed.connect(lambda _message: self._image_decoded(load, size, QImage()))

    def _image_decoded(self, load: int, size: QSize, image: QImage) -> None:
        if load != self._loads:  # another file is shown by now
            return
        if image.isNull():
            self._show_message("error", self.tr("无法显示此图片：格式不受支持或文件已损坏"))
            return
        self._image, self._image_size = image, size if size.isValid() else image.size()
        self.kind = "image"
        self.navigation.hide()
        self._show_picture_mode()
        self._refresh()

    def _show_picture_mode(self) -> None:
        self.scroll.setWidgetResizable(False)
        self.zoom_bar.setEnabled(True)

    def _show_message(self, kind: str, message: str) -> None:
        self.kind = kind
        self.page_index = self.page_count = 0
        self.navigation.hide()
        self.zoom_bar.setEnabled(False)
        self.zoom_label.clear()
        self.canvas.setPixmap(QPixmap())
        self.canvas.setText(message)
        self.scroll.setWidgetResizable(True)  # the message fills the view, centred

    # -- drawing at the current size --

    def _refresh(self, keep_place: bool = True) -> None:
        if self.kind not in ("image", "pdf"):
            return
        source = self._source_size()
        if source.isEmpty():
            self._page_unreadable()
            return
        smallest, largest = self._limits(source)
        scale = self._fit_scale(source) if self.fit else self.scale
        self.scale = min(max(scale, smallest), largest)
        place = self._place() if keep_place else (0.5, 0.0)
        size = QSize(
            max(1, round(source.width() * self.scale)), max(1, round(source.height() * self.scale))
        )
        if self.kind == "pdf":
            self._request_page(size, place)
        elif self._image.isNull():
            return
        else:
            self._set_image(self._image, size)
            self._restore_place(place)
        self.zoom_out_button.setEnabled(self.scale > smallest * 1.0001)
        self.zoom_in_button.setEnabled(self.scale < largest * 0.9999)
        self.zoom_label.setText(numbers.percent(self.scale * 100, 0))
        self.zoom_changed.emit()

    def _set_image(self, image: QImage, size: QSize, *, quick: bool = False) -> None:
        """Show ``image`` at ``size`` logical pixels, sharp on a high-density screen (``quick``:
        scaled roughly, until a sharper one comes).
        """
        if image.isNull():
            return
        ratio = self.devicePixelRatioF()
        target = QSize(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        if image.size() != target:
            image = image.scaled(
                target,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation
                if quick
                else Qt.TransformationMode.SmoothTransformation,
            )
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.canvas.setText("")
        self.canvas.setPixmap(pixmap)
        self.canvas.resize(size)

    def _place(self) -> tuple[float, float]:
        """The point of the picture at the centre of the view, as fractions of its size."""
        view = self.scroll.viewport().size()
        width, height = max(self.canvas.width(), 1), max(self.canvas.height(), 1)
        across = (self.scroll.horizontalScrollBar().value() + view.width() / 2) / width
        down = (self.scroll.verticalScrollBar().value() + view.height() / 2) / height
        return min(across, 1.0), min(down, 1.0)

    def _restore_place(self, place: tuple[float, float]) -> None:
        view = self.scroll.viewport().size()
        across, down = place
        horizontal, vertical = self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar()
        horizontal.setValue(round(across * self.canvas.width() - view.width() / 2))
        top = down * self.canvas.height() - view.height() / 2
        vertical.setValue(round(top) if down else 0)

    # -- a larger view --

    def open_large(self) -> QDialog | None:
        """Open what is shown in a window of its own, nearly as large as the screen."""
        if not self._can_enlarge or self.kind not in ("image", "pdf"):
            return None
        dialog = LargePreview(self._data, self._media_type, self.page_index, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- events --

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the picture to the new size (when fitting) once the user stops resizing."""
        super().resizeEvent(event)
        if self.kind in ("image", "pdf") and self.fit:
            self._render_timer.start()  # re-render once the user stops resizing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Zoom keys zoom; PageDown, PageUp, Home and End turn a PDF's pages; the arrows scroll."""
        zoom = self._zoom_key(event)
        if zoom is not None:
            zoom()
            event.accept()
            return
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
        if self._scroll_key(event):
            return
        super().keyPressEvent(event)

    def _scroll_key(self, event: QKeyEvent) -> bool:
        """Arrow keys (and, for an image, PageUp/PageDown) move over a zoomed picture."""
        horizontal, vertical = self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar()
        moves = {
            Qt.Key.Key_Up: (vertical, -vertical.singleStep()),
            Qt.Key.Key_Down: (vertical, vertical.singleStep()),
            Qt.Key.Key_Left: (horizontal, -horizontal.singleStep()),
            Qt.Key.Key_Right: (horizontal, horizontal.singleStep()),
            Qt.Key.Key_PageUp: (vertical, -vertical.pageStep()),
            Qt.Key.Key_PageDown: (vertical, vertical.pageStep()),
        }
        move = moves.get(Qt.Key(event.key()))
        if move is None or self.kind not in ("image", "pdf"):
            return False
        bar, step = move
        bar.setValue(bar.value() + step)
        event.accept()
        return True


class LargePreview(QDialog):
    """An attachment in a window of its own, sized to the screen (放大查看)."""

    def __init__(
        self, data: bytes, media_type: str, page: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("预览"))
        self.preview = AttachmentPreview(self, can_enlarge=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        screen.fit_to_screen(self, screen.available_geometry(self), LARGE_VIEW)
        self.preview.show_data(data, media_type, page=page)
        self.preview.setFocus()

    def showEvent(self, event: Any) -> None:
        """Fit the picture to the size the window opened at."""
        super().showEvent(event)
        self.preview.set_fit(self.preview.fit or "width")  # fit the size it opened at
