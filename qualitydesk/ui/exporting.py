"""Export, preview and print from the window: the PDF is made in the background, never freezing.

The export reads its own read-only snapshot of the file (after the window has saved), so the user
can go on typing while it runs. Preview shows the PDF's pages; printing renders them (pypdfium2)
onto the printer chosen in QPrintDialog — or the PDF can be opened in the system's viewer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from qualitydesk.domain.forms import Forms
from qualitydesk.store.document import Document
from qualitydesk.ui.messages import Messages

KIND_NAMES = {"package": "申报材料", "internal": "内部自评报告"}


def export_snapshot(
    path: Path, forms: Forms, out: Path, kind: str, report: Any, *, double_sided: bool = False
) -> Path:
    """Export ``path`` (opened read-only, so the window keeps its own handle) to ``out``."""
    from qualitydesk.export.pdf import export_pdf

    with Document.open(path, read_only=True) as snapshot:
        result = export_pdf(
            snapshot, forms, out, kind=kind, double_sided=double_sided, progress=report
        )
    return result.path


class Exporter(QObject):
    """Runs exports for the main window and the 检查与导出 page."""

    def __init__(self, window: QWidget, messages: Messages, forms: Forms) -> None:
        super().__init__(window)
        self.window = window
        self.messages = messages
        self.forms = forms
        self.last_pdf: Path | None = None
        self.double_sided = False  # 双面打印: the binding margin alternates
        self.job: Any = None

    def _run(self, view: Any, kind: str, out: Path, then: Any) -> None:
        from qualitydesk.ui.jobs import start_job

        if not view.flush():
            self.messages.warning(self.window, self.tr("未能保存"), view.last_error)
            return
        path, forms, double_sided = view.doc.path, self.forms, self.double_sided
        self.job = start_job(
            lambda report: export_snapshot(
                path, forms, out, kind, report, double_sided=double_sided
            ),
            parent=self.window,
            title=self.tr("正在导出 PDF…"),
        )
        self.job.finished.connect(then)
        self.job.failed.connect(
            lambda message: self.messages.warning(self.window, self.tr("导出失败"), message)
        )

    def export(self, view: Any, kind: str = "package") -> None:
        org = view.doc.field("org_name") or view.doc.path.stem
        suggestion = view.doc.path.with_name(f"{org}-{self.tr(KIND_NAMES[kind])}.pdf")
        target = self.messages.save_file(
            self.window, self.tr("导出 PDF"), str(suggestion), self.tr("PDF 文件 (*.pdf)")
        )
        if target:
            out = Path(target if target.lower().endswith(".pdf") else target + ".pdf")
            self._run(view, kind, out, self._exported)

    def _exported(self, path: Path) -> None:
        self.last_pdf = path
        self.messages.information(
            self.window, self.tr("导出完成"), self.tr("已导出：{0}").format(path)
        )

    def preview(self, view: Any, kind: str = "package") -> None:
        out = Path(tempfile.mkdtemp(prefix="qualitydesk-preview-")) / f"{kind}.pdf"
        self._run(view, kind, out, self._show_preview)

    def _show_preview(self, path: Path) -> None:
        self.last_pdf = path
        PreviewDialog(path, self, self.window).open()

    def print(self, view: Any) -> None:
        out = Path(tempfile.mkdtemp(prefix="qualitydesk-print-")) / "package.pdf"
        self._run(view, "package", out, self.print_pdf)

    def print_pdf(self, path: Path) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        dialog.accepted.connect(lambda: print_pages(path, printer))
        dialog.open()


def print_pages(pdf: Path, printer: Any) -> None:
    """Render every page of ``pdf`` onto ``printer`` at the printer's resolution."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        dpi = printer.resolution()
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = _render(document[index], dpi)
            target = QRectF(printer.pageLayout().paintRectPixels(dpi))
            size = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), size.toSizeF()), image)
    finally:
        painter.end()
        document.close()


def _render(page: Any, dpi: int) -> QImage:
    bitmap = page.render(scale=dpi / 72)
    image = bitmap.to_pil().convert("RGB")
    data = image.tobytes("raw", "RGB")
    return QImage(
        data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
    ).copy()


class PreviewDialog(QDialog):
    """The exported PDF's pages, with 打印 and 用系统查看器打开."""

    def __init__(self, pdf: Path, exporter: Exporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from qualitydesk.ui.widgets.preview import AttachmentPreview

        self.setWindowTitle(self.tr("打印预览"))
        self.preview = AttachmentPreview()
        self.preview.show_data(pdf.read_bytes(), "application/pdf")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        print_button = QPushButton(self.tr("打印(&P)…"))
        system_button = QPushButton(self.tr("用系统查看器打开(&S)"))
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(system_button, QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(lambda: exporter.print_pdf(pdf))
        system_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
        )
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.preview, 1)
        column.addWidget(buttons)
        self.resize(760, 900)
