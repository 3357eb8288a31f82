"""Printing an exported PDF: the printer, the print dialog, the pages chosen, and sending them.

The printer gets the package's own pages, rendered by pypdfium2 at the printer's resolution (at
most ``MAX_DPI``) and placed at actual size on the paper, so the binding margin stays where the
export put it. Pages go out one at a time on the GUI thread — a QPainter on a QPrinter must stay
on the thread that began it — with the event loop running between pages, so the progress shows
and 取消 is heard. Copies and duplex are the printer's business (QPrinter passes them on); when a
printer cannot make copies itself (a PDF file), the pages are sent as many times as asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSizeF, QTimer, Signal
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from qualitydesk.ui.pdfium_lock import PDFIUM
from qualitydesk.ui.widgets.pageview import render_page

MAX_DPI = 600  # finer adds minutes to a package and nothing a laser printer shows

DIALOG_OPTIONS = (
    QAbstractPrintDialog.PrintDialogOption.PrintToFile
    | QAbstractPrintDialog.PrintDialogOption.PrintPageRange
    | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
    | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
)


def pdf_page_count(pdf: Path) -> int:
    """How many pages ``pdf`` has (the print dialog offers them as its page range)."""
    import pypdfium2

    with PDFIUM:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            return len(document)
        finally:
            document.close()


def new_printer(pdf: Path, name: str, *, double_sided: bool = False) -> QPrinter:
    """A printer set up for ``pdf``: its paper size, the whole sheet, duplex for double-sided."""
    import pypdfium2

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    with PDFIUM:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            size = document.get_page_size(0) if len(document) else None
        finally:
            document.close()
    if size is not None:
        printer.setPageSize(QPageSize(QSizeF(*size), QPageSize.Unit.Point))
    if double_sided:
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    return printer


def make_print_dialog(printer: QPrinter, pages: int, parent: QWidget | None) -> QPrintDialog:
    """The system print dialog for ``pages`` pages: range, copies (collated), paper size, file."""
    pages = max(1, pages)
    printer.setFromTo(1, pages)  # the range offered when the user picks 页数从…到…; 全部 clears it
    dialog = QPrintDialog(printer, parent)
    dialog.setOptions(DIALOG_OPTIONS)
    dialog.setMinMax(1, pages)
    return dialog


def chosen_sheets(printer: QPrinter, count: int) -> list[int]:
    """The page indexes (from 0) to send, in order: the range chosen, the page order, and the
    copies the printer cannot make itself (collated or not).
    """
    ranges = printer.pageRanges()  # "2-3" or "1-2,5"; empty for all pages
    pages = [i for i in range(count) if ranges.isEmpty() or ranges.contains(i + 1)]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


class PrintRun(QObject):
    """Sends ``pdf``'s chosen pages to ``printer``, one per turn of the event loop.

    Exactly one of ``finished(sent)``, ``stopped(sent, aborted)`` or ``failed(message)`` follows
    ``start()``; ``progress(sent, total)`` comes after each page. ``aborted`` says whether the
    printer dropped the job; if not, the pages already sent may still come out.
    """

    progress = Signal(int, int)
    finished = Signal(int)
    stopped = Signal(int, bool)
    failed = Signal(str)

    def __init__(self, pdf: Path, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.printer = pdf, printer
        self.sheets: list[int] = []
        self.sent = 0
        self._document: Any = None
        self._painter = QPainter()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._running = self._cancel = self._in_step = False
        self._last: tuple[int, Any] | None = None  # the page drawn last and its image (copies)

    @property
    def running(self) -> bool:
        """Whether pages are still being sent: from ``start()`` until a closing signal."""
        return self._running

    def start(self) -> None:
        """Open the PDF and begin sending the pages the dialog chose; ``failed`` if the PDF cannot
        be read, the range holds no page or the printer cannot start.
        """
        import pypdfium2

        try:
            with PDFIUM:
                self._document = pypdfium2.PdfDocument(str(self.pdf))
                count = len(self._document)
        except pypdfium2.PdfiumError as exc:
            self.failed.emit(self.tr("无法读取要打印的 PDF：{0}").format(exc))
            return
        self.sheets = chosen_sheets(self.printer, count)
        if not self.sheets:
            self._close()
            self.failed.emit(self.tr("所选页码范围内没有页面。"))
            return
        if not self._painter.begin(self.printer):
            self._close()
            name = self.printer.printerName() or self.printer.outputFileName()
            self.failed.emit(self.tr("打印机“{0}”无法开始打印。").format(name))
            return
        self._running = True
        self._timer.start()

    def cancel(self) -> None:
        """Stop after the page being drawn; the printer is asked to drop the job."""
        if not self._running:
            return
        self._cancel = True
        if not self._in_step:
            self._timer.stop()
            self._stop()

    def _step(self) -> None:
        import pypdfium2

        self._in_step = True
        try:
            if self.sent:
                self.printer.newPage()
            self._draw(self.sheets[self.sent])
            self.sent += 1
            self.progress.emit(self.sent, len(self.sheets))
        except (pypdfium2.PdfiumError, MemoryError) as exc:  # a page that cannot be rendered
            self._in_step = False
            self._painter.end()
            self._close()
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self._in_step = False
        if self._cancel:
            self._stop()
        elif self.sent == len(self.sheets):
            self._painter.end()
            self._close()
            self.finished.emit(self.sent)
        else:
            self._timer.start()

    def _draw(self, index: int) -> None:
        """Page ``index`` at actual size on the sheet, centred and shrunk if the paper is smaller."""
        if self._last is None or self._last[0] != index:
            dpi = min(self.printer.resolution(), MAX_DPI)
            grayscale = self.printer.colorMode() == QPrinter.ColorMode.GrayScale
            with PDFIUM:
                page = self._document[index]
                try:
                    self._last = (index, render_page(page, dpi / 72, grayscale=grayscale))
                finally:
                    page.close()
        image = self._last[1]
        with PDFIUM:
            width, height = self._document.get_page_size(index)
        scale = self.printer.resolution() / 72
        paper = self.printer.paperRect(QPrinter.Unit.DevicePixel).size()
        size = QSizeF(width * scale, height * scale)
        fit = min(1.0, paper.width() / size.width(), paper.height() / size.height())
        size *= fit
        left, top = (paper.width() - size.width()) / 2, (paper.height() - size.height()) / 2
        self._painter.drawImage(
            QRectF(max(0.0, left), max(0.0, top), size.width(), size.height()), image
        )

    def _stop(self) -> None:
        aborted = self.printer.abort()
        self._painter.end()
        self._close()
        self.stopped.emit(self.sent, aborted)

    def _close(self) -> None:
        self._running = False
        self._last = None
        if self._document is not None:
            with PDFIUM:
                self._document.close()
            self._document = None
