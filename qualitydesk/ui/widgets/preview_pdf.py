"""The PDF side of the attachment preview: its pages, one at a time, rendered in the background.

A PDF is opened in a background job that reads its page sizes; each page is rendered, again in
the background, at the size shown — so a 500-page scan opens as fast as a one-page letter, and a
page of a million vector paths leaves the window responsive. Meanwhile the preview says 正在载入
(or, zooming, shows the page it has, stretched); a result for a page, size or file no longer
wanted is dropped. :class:`PdfPaging` is a part of
:class:`~qualitydesk.ui.widgets.preview.AttachmentPreview`, which holds the state it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, QSizeF
from PySide6.QtGui import QImage, QPixmap

from qualitydesk.ui.widgets.preview_decode import pdf_page_sizes, render_pdf_page

if TYPE_CHECKING:
    from qualitydesk.ui.jobs import Job


class PdfPaging:
    """Opening a PDF, moving between its pages and having the page shown rendered."""

    def _show_pdf(self, data: bytes, page: int) -> None:
        """Read the PDF's page sizes in the background, then show ``page``."""
        from qualitydesk.ui.jobs import start_job

        load = self._loads
        self._show_message(
            "loading", QCoreApplication.translate("AttachmentPreview", "正在载入预览……")
        )
        job = start_job(
            lambda report: pdf_page_sizes(data, report),
            parent=self,
            title=QCoreApplication.translate("AttachmentPreview", "载入预览"),
            show_dialog=False,
        )
        job.finished.connect(lambda sizes: self._pdf_opened(load, sizes, page))
        job.failed.connect(lambda _message: self._pdf_opened(load, None, page))

    def _pdf_opened(self, load: int, sizes: list[QSizeF] | None, page: int) -> None:
        if load != self._loads:  # another file is shown by now
            return
        if sizes is None:
            self._show_message(
                "error",
                QCoreApplication.translate(
                    "AttachmentPreview", "无法打开此 PDF 文件：文件已损坏或已加密"
                ),
            )
            return
        if not sizes:
            self._show_message(
                "error", QCoreApplication.translate("AttachmentPreview", "此 PDF 文件没有页面")
            )
            return
        self._page_sizes, self.kind, self.page_count = sizes, "pdf", len(sizes)
        self.navigation.show()
        self._show_picture_mode()
        self.go_to_page(page)

    def go_to_page(self, index: int) -> None:
        """Show page ``index`` (from 0) of the PDF shown; out-of-range indexes are clamped."""
        if self.kind != "pdf":
            return
        self.page_index = min(max(index, 0), self.page_count - 1)
        self.page_label.setText(
            QCoreApplication.translate("AttachmentPreview", "第 %1 / %2 页")
            .replace("%1", str(self.page_index + 1))
            .replace("%2", str(self.page_count))
        )
        self.previous_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index < self.page_count - 1)
        self._refresh(keep_place=False)
        self.page_changed.emit(self.page_index, self.page_count)

    def next_page(self) -> None:
        """Show the PDF's next page, if there is one."""
        self.go_to_page(self.page_index + 1)

    def previous_page(self) -> None:
        """Show the PDF's previous page, if there is one."""
        self.go_to_page(self.page_index - 1)

    def _page_unreadable(self) -> None:
        """Say a PDF page cannot be shown (no size, or pdfium fails on it); others may be fine."""
        if self.kind != "pdf":
            return
        self._wanted = None  # a page still being rendered is not shown instead
        self.canvas.setPixmap(QPixmap())
        self.canvas.setText(
            QCoreApplication.translate(
                "AttachmentPreview", "此页无法显示：页面尺寸无效或内容已损坏"
            )
        )
        self.canvas.resize(self.scroll.viewport().size())
        self.zoom_label.clear()

    def _request_page(self, size: QSize, place: tuple[float, float]) -> None:
        """Have the current page rendered at ``size`` logical pixels; meanwhile show the page
        drawn last, stretched, if it is the same page, or say 正在载入 where it will be.
        """
        device = max(self.scale * self.devicePixelRatioF(), 0.02)
        self._wanted = (self.page_index, device, size)
        if self._page_shown == self.page_index and not self._page_image.isNull():
            self._set_image(self._page_image, size, quick=True)
        else:
            self.canvas.setPixmap(QPixmap())
            self.canvas.setText(QCoreApplication.translate("AttachmentPreview", "正在载入预览……"))
            self.canvas.resize(size)
        self._restore_place(place)
        if self._render_job is None:
            self._start_render()

    def _start_render(self) -> None:
        from qualitydesk.ui.jobs import start_job

        assert self._wanted is not None
        data, (index, device, _size) = self._data, self._wanted
        job = start_job(
            lambda report: render_pdf_page(data, index, device, report),
            parent=self,
            title=QCoreApplication.translate("AttachmentPreview", "载入预览"),
            show_dialog=False,
        )
        job.finished.connect(lambda image: self._page_rendered(job, index, device, image))
        job.failed.connect(lambda _message: self._page_rendered(job, index, device, QImage()))
        self._render_job = job

    def _page_rendered(self, job: Job, index: int, device: float, image: QImage) -> None:
        if job is not self._render_job:  # rendered for a file no longer shown
            return
        self._render_job = None
        job.deleteLater()
        wanted = self._wanted
        if wanted is None:  # the page now shown cannot be drawn at all
            return
        if wanted[:2] != (index, device):  # the user moved on meanwhile
            self._start_render()
            return
        self._page_image, self._page_shown = image, index
        if image.isNull():  # a damaged page: the others may still show
            self._page_unreadable()
            return
        self._set_image(image, wanted[2])

    def _close_pdf(self) -> None:
        self._render_timer.stop()
        if self._render_job is not None:
            self._render_job.cancel()
            self._render_job.deleteLater()
            self._render_job = None
        self._page_sizes, self._page_image, self._page_shown = [], QImage(), -1
        self._wanted = None
