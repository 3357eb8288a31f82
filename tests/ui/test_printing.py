"""Printing as a user does it: Ctrl+P, the print dialog's choices, progress and cancel, the
preview, and opening what was exported. The printer is a real QPrinter writing a PDF file.
"""

import shutil
from pathlib import Path

import pypdfium2
import pytest
from PIL import ImageChops, ImageStat
from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QPageRanges, QPageSize, QWheelEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QToolBar, QWidget

from qualitydesk.ui import screen
from qualitydesk.ui.app import create_application
from qualitydesk.ui.exporting import PREVIEW_GEOMETRY, Exporter, PreviewDialog, export_snapshot
from qualitydesk.ui.printing import chosen_sheets, make_print_dialog, new_printer
from qualitydesk.ui.settings import Settings
from qualitydesk.ui.shell.window import MainWindow

LAPTOP = QRect(0, 0, 1366, 728)  # a 1366×768 screen less a 40-pixel taskbar
DPI = 48  # the printer's resolution in these tests: enough to see every page, and quick


@pytest.fixture(scope="module")
def package(tmp_path_factory, forms, demo_file) -> Path:
    """The demo's application package, exported once for the module."""
    out = tmp_path_factory.mktemp("package") / "package.pdf"
    return export_snapshot(demo_file, forms, out, "package", lambda *_: True)


@pytest.fixture(scope="module")
def package_pages(package) -> int:
    return pdf_pages(package)


@pytest.fixture
def exporter(qtbot, forms, messages, tmp_path):
    create_application()
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return Exporter(window, messages, forms, Settings(tmp_path / "settings"))


def to_pdf(path: Path, *, pages: str = "", gray: bool = False):
    """What the user chooses in the print dialog: print these pages to the file ``path``."""

    def choose(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setResolution(DPI)
        if pages:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setPageRanges(QPageRanges.fromString(pages))
        if gray:
            printer.setColorMode(QPrinter.ColorMode.GrayScale)

    return choose


def print_and_wait(qtbot, exporter, package, choose):
    exporter.messages.printers.append(choose)
    exporter.print_pdf(package)
    run = exporter.printing
    assert run is not None
    qtbot.waitUntil(lambda: not run.running, timeout=30000)
    return run


def pdf_pages(path: Path) -> int:
    pdf = pypdfium2.PdfDocument(str(path))
    count = len(pdf)
    pdf.close()
    return count


def page_image(path: Path, index: int):
    pdf = pypdfium2.PdfDocument(str(path))
    image = pdf[index].render(scale=DPI / 72).to_pil().convert("L")
    pdf.close()
    return image


def ink(image) -> float:
    """The share of the page that is not white."""
    histogram = image.histogram()
    return 1 - sum(histogram[240:]) / sum(histogram)


def assert_same_page(printed: Path, printed_index: int, package: Path, index: int) -> None:
    """The printed page shows the package's page, at the same size and place."""
    mine, theirs = page_image(printed, printed_index), page_image(package, index)
    assert ink(mine) > 0.01
    assert abs(ink(mine) - ink(theirs)) < 0.01
    assert mine.size == theirs.size
    difference = ImageStat.Stat(ImageChops.difference(mine, theirs)).mean[0]
    assert difference < 8, f"printed page {printed_index + 1} differs from page {index + 1}"


# --- printing the package ---------------------------------------------------------------------


def test_every_page_of_the_package_is_printed_as_exported(
    qtbot, exporter, package, package_pages, tmp_path
):
    printed = tmp_path / "printed.pdf"
    run = print_and_wait(qtbot, exporter, package, to_pdf(printed))
    assert run.sent == package_pages
    assert exporter.messages.shown == [("print_dialog", "申报材料", str(package_pages))]
    assert pdf_pages(printed) == package_pages
    for index in (0, 20, package_pages - 1):
        assert_same_page(printed, index, package, index)


def test_a_page_range_prints_only_those_pages_in_gray_if_asked(qtbot, exporter, package, tmp_path):
    printed = tmp_path / "pages-2-3.pdf"
    print_and_wait(qtbot, exporter, package, to_pdf(printed, pages="2-3", gray=True))
    assert pdf_pages(printed) == 2
    assert_same_page(printed, 0, package, 1)
    assert_same_page(printed, 1, package, 2)


def test_copies_a_pdf_printer_cannot_make_are_sent_collated_or_not(qapp):
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageRanges(QPageRanges.fromString("1-2,5"))
    printer.setCopyCount(2)
    assert chosen_sheets(printer, 6) == [0, 1, 4, 0, 1, 4]
    printer.setCollateCopies(False)
    assert chosen_sheets(printer, 6) == [0, 0, 1, 1, 4, 4]
    printer.setCopyCount(1)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert chosen_sheets(printer, 6) == [4, 1, 0]


def test_the_print_dialog_offers_range_copies_and_paper(qapp, package, package_pages):
    # (Double-sided asks for duplex, which only a printer that has it keeps: not a PDF file.)
    printer = new_printer(package, "申报材料", double_sided=True)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.fullPage()
    dialog = make_print_dialog(printer, package_pages, None)
    options = QAbstractPrintDialog.PrintDialogOption
    for option in (options.PrintPageRange, options.PrintCollateCopies, options.PrintShowPageSize):
        assert dialog.testOption(option)
    assert (dialog.minPage(), dialog.maxPage()) == (1, package_pages)
    assert (printer.fromPage(), printer.toPage()) == (1, package_pages)  # 页数从 1 到 92
    assert len(chosen_sheets(printer, package_pages)) == package_pages
    dialog.deleteLater()


def test_cancel_stops_sending_pages_and_says_so(qtbot, exporter, package, messages, tmp_path):
    printed = tmp_path / "cancelled.pdf"
    messages.printers.append(to_pdf(printed))
    exporter.print_pdf(package)
    run = exporter.printing
    progress = exporter.window.findChild(QProgressDialog)
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel.text() == "取消"
    # The user presses 取消 while the third page goes out.
    run.progress.connect(lambda sent, _total: sent == 3 and cancel.click())
    qtbot.waitUntil(lambda: not run.running, timeout=10000)
    assert run.sent == 3
    # A PDF file cannot be taken back, so the user is told the pages sent may still print.
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("information", "打印已停止")
    assert str(run.sent) in text
    assert pdf_pages(printed) == run.sent
    qtbot.waitUntil(lambda: exporter.window.findChild(QProgressDialog) is None)


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # Qt's own word on it
def test_a_printer_that_cannot_start_is_a_message_not_a_crash(
    qtbot, exporter, package, messages, tmp_path
):
    def unwritable(printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no-such-folder" / "x.pdf"))

    messages.printers.append(unwritable)
    with qtbot.captureExceptions() as exceptions:
        exporter.print_pdf(package)
    assert not exceptions
    assert messages.shown[-1][:2] == ("warning", "无法打印")


def test_cancelling_the_print_dialog_prints_nothing(exporter, package, messages):
    exporter.print_pdf(package)  # no printer queued: the user pressed 取消
    assert exporter.printing is None
    assert [m[0] for m in messages.shown] == ["print_dialog"]


# --- from the window --------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, forms, messages, demo_file, tmp_path):
    create_application()
    win = MainWindow(forms, Settings(tmp_path / "settings"), messages)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    win.open_path(path)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    win.close_document()


def exported(window) -> bool:
    job = window.exporter.job
    return job is not None and not job.running


@pytest.mark.slow
def test_ctrl_p_prints_the_package(qtbot, window, messages, tmp_path):
    printed = tmp_path / "ctrl-p.pdf"
    messages.printers.append(to_pdf(printed, pages="1-2"))
    qtbot.keyClick(window, "p", Qt.KeyboardModifier.ControlModifier)
    # The package is exported in the background, then the print dialog asks (the bug: a crash).
    qtbot.waitUntil(lambda: exported(window), timeout=30000)
    assert messages.shown[0][:2] == ("print_dialog", "申报材料")
    run = window.exporter.printing
    qtbot.waitUntil(lambda: not run.running, timeout=10000)
    assert pdf_pages(printed) == 2
    assert not run.pdf.exists()  # the copy made for printing is gone


# --- preview ----------------------------------------------------------------------------------


def test_the_preview_fits_a_laptop_screen_shows_the_pages_and_remembers_its_size(
    qtbot, exporter, package, package_pages, monkeypatch
):
    monkeypatch.setattr(screen, "available_geometry", lambda _widget=None: LAPTOP)
    exporter._show_preview(package)
    dialog = exporter.window.findChild(PreviewDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # Room is left for the window's frame and title bar.
    assert dialog.width() <= LAPTOP.width() - 16
    assert dialog.height() <= LAPTOP.height() - 40
    assert dialog.height() >= LAPTOP.height() * 0.8  # and the pages get most of the screen
    pages = dialog.pages
    assert pages.page_count == package_pages
    qtbot.waitUntil(lambda: pages.rendered > 0)
    assert dialog.page_label.text() == f"第 1 / {package_pages} 页"
    dialog.next_action.trigger()
    assert dialog.page_label.text() == f"第 2 / {package_pages} 页"
    dialog.resize(600, 500)
    dialog.close()
    saved = exporter.settings.dialog_geometry(PREVIEW_GEOMETRY)
    assert saved is not None
    exporter._show_preview(package)
    again = [d for d in exporter.window.findChildren(PreviewDialog) if d.isVisible()]
    assert [d.size().toTuple() for d in again] == [(600, 500)]
    again[0].close()


def test_the_preview_opens_the_system_viewer_and_prints(
    qtbot, exporter, package, messages, tmp_path
):
    opened: list[QUrl] = []
    exporter.open_url = opened.append
    exporter._show_preview(package)
    dialog = exporter.window.findChild(PreviewDialog)
    qtbot.mouseClick(dialog.system_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(package))]
    printed = tmp_path / "from-preview.pdf"
    messages.printers.append(to_pdf(printed, pages="3"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not exporter.printing.running, timeout=10000)
    assert pdf_pages(printed) == 1
    dialog.close()


def test_the_preview_zooms_and_turns_pages_by_keyboard_and_wheel(qtbot, exporter, package):
    exporter._show_preview(package)
    dialog = exporter.window.findChild(PreviewDialog)
    qtbot.waitExposed(dialog)
    pages = dialog.pages
    viewport = pages.viewport()
    assert pages.page_rect(0).width() > viewport.width() * 0.9  # fit to width
    qtbot.mouseClick(button_of(dialog, dialog.fit_page_action), Qt.MouseButton.LeftButton)
    assert pages.page_rect(pages.current_page).height() <= viewport.height()
    zoom = pages.zoom
    wheel(viewport, 120, Qt.KeyboardModifier.ControlModifier)
    assert pages.zoom > zoom
    assert not dialog.fit_page_action.isChecked()
    assert not dialog.fit_width_action.isChecked()
    pages.setFocus()
    qtbot.keyClick(pages, Qt.Key.Key_PageDown)
    assert dialog.page_label.text().startswith("第 2 / ")
    qtbot.keyClick(pages, Qt.Key.Key_End)
    assert pages.current_page == pages.page_count - 1
    assert not dialog.next_action.isEnabled()
    before = pages.verticalScrollBar().value()
    qtbot.keyClick(pages, Qt.Key.Key_Home)
    wheel(viewport, -120)  # a plain wheel scrolls
    assert 0 < pages.verticalScrollBar().value() < before
    dialog.close()


def button_of(dialog, action):
    toolbar = dialog.findChild(QToolBar)
    return toolbar.widgetForAction(action)


def wheel(widget, delta, modifiers=Qt.KeyboardModifier.NoModifier):
    position = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        position,
        widget.mapToGlobal(position),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


# --- after an export --------------------------------------------------------------------------


@pytest.mark.parametrize(("choice", "opens"), [("file", "package.pdf"), ("folder", ""), ("", None)])
def test_after_an_export_the_file_or_its_folder_opens(exporter, messages, package, choice, opens):
    opened: list[QUrl] = []
    exporter.open_url = opened.append
    messages.choices.append(choice)
    exporter._exported(package)
    assert messages.shown == [("exported", "导出完成", f"已导出：{package}")]
    if opens is None:
        assert opened == []
    else:
        target = package.parent / opens if opens else package.parent
        assert opened == [QUrl.fromLocalFile(str(target))]
