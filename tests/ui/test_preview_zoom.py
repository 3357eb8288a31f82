"""The evidence preview is large enough to read a scan: fit to width, zoom, and a larger window."""

import io

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from qualitydesk.ui import screen
from qualitydesk.ui.app import create_application
from qualitydesk.ui.widgets.preview import AttachmentPreview, LargePreview
from qualitydesk.ui.widgets.preview_decode import MAX_PIXELS

A4_300_DPI = (2480, 3508)


@pytest.fixture(scope="module")
def scan() -> bytes:
    """A certificate scanned at 300 dpi: A4, 2480 × 3508 pixels."""
    image = Image.new("L", A4_300_DPI, 255)
    ImageDraw.Draw(image).rectangle((200, 300, 2280, 600), outline=0, width=12)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def shown(qtbot, qapp):
    """A preview in a window with a window-wide Ctrl+= action (as the editor zoom has)."""
    create_application()
    window = QWidget()
    qtbot.addWidget(window)
    window.fired = []
    action = QAction(window)
    action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl+-"), QKeySequence("Ctrl+0")])
    action.triggered.connect(lambda: window.fired.append(True))
    window.addAction(action)
    preview = AttachmentPreview()
    QVBoxLayout(window).addWidget(preview)
    window.resize(560, 640)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    preview.setFocus()
    qtbot.waitUntil(preview.hasFocus)
    window.preview = preview
    return window


def fitted_width(preview) -> int:
    return preview.scroll.viewport().width()


def wait_fitted(qtbot, preview):
    qtbot.waitUntil(lambda: abs(preview.canvas.width() - fitted_width(preview)) <= 1)


def test_a_scan_opens_fitted_to_the_width(qtbot, shown, scan):
    preview = shown.preview
    preview.show_data(scan, "image/png")
    wait_fitted(qtbot, preview)
    assert preview.fit == "width"
    assert preview.scroll.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    assert preview.scroll.verticalScrollBar().maximum() > 0  # read it top to bottom
    ratio = preview.canvas.height() / preview.canvas.width()
    assert ratio == pytest.approx(3508 / 2480, rel=0.01)
    assert preview.zoom_label.text().endswith("%")


def test_zoom_in_doubles_and_zoom_out_halves(qtbot, shown, scan):
    preview = shown.preview
    preview.show_data(scan, "image/png")
    wait_fitted(qtbot, preview)
    fitted = preview.canvas.width()
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.canvas.width() == pytest.approx(2 * fitted, abs=1)
    assert preview.fit == ""
    assert preview.scroll.horizontalScrollBar().maximum() > 0
    preview.setFocus()
    qtbot.keyClick(preview, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert preview.canvas.width() == pytest.approx(4 * fitted, abs=2)
    qtbot.keyClick(preview, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.canvas.width() == pytest.approx(2 * fitted, abs=1)
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    assert preview.canvas.width() == pytest.approx(fitted, abs=1)
    preview.setFocus()
    qtbot.keyClick(preview, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.fit == "width"
    assert preview.canvas.width() == pytest.approx(fitted, abs=1)
    assert shown.fired == []  # the window's own Ctrl+= / Ctrl+- / Ctrl+0 did not fire


def wheel(widget, delta: int, modifiers) -> None:
    where = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        where,
        widget.mapToGlobal(where),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_ctrl_wheel_zooms_and_the_wheel_scrolls(qtbot, shown, scan):
    preview = shown.preview
    preview.show_data(scan, "image/png")
    wait_fitted(qtbot, preview)
    fitted = preview.canvas.width()
    viewport = preview.scroll.viewport()
    wheel(viewport, -120, Qt.KeyboardModifier.NoModifier)
    assert preview.scroll.verticalScrollBar().value() > 0  # scrolled down the page
    assert preview.canvas.width() == fitted
    wheel(viewport, 120, Qt.KeyboardModifier.ControlModifier)
    assert preview.canvas.width() == pytest.approx(2 * fitted, abs=1)
    wheel(viewport, 60, Qt.KeyboardModifier.ControlModifier)  # half a notch (a touchpad)
    assert preview.canvas.width() == pytest.approx(2 * fitted, abs=1)
    wheel(viewport, -60, Qt.KeyboardModifier.ControlModifier)
    wheel(viewport, -120, Qt.KeyboardModifier.ControlModifier)
    assert preview.canvas.width() == pytest.approx(fitted, abs=1)


def test_zoom_stops_before_the_picture_gets_huge(qtbot, shown, scan):
    preview = shown.preview
    preview.show_data(scan, "image/png")
    wait_fitted(qtbot, preview)
    for _ in range(8):
        preview.zoom_in()
    pixmap = preview.canvas.pixmap()
    assert pixmap.width() * pixmap.height() <= MAX_PIXELS * 1.01
    assert pixmap.width() >= 2480 * 0.9  # at least about its own size: every detail readable
    assert not preview.zoom_in_button.isEnabled()
    for _ in range(12):
        preview.zoom_out()
    assert not preview.zoom_out_button.isEnabled()
    preview.set_fit("page")
    assert preview.canvas.height() <= preview.scroll.viewport().height()


def pdf_page() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    pdf.drawString(72, 720, "certificate")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_pdf_page_zooms_the_same_way(qtbot, shown):
    preview = shown.preview
    preview.show_data(pdf_page(), "application/pdf")
    qtbot.waitUntil(lambda: not preview.loading)  # the page is rendered in the background
    wait_fitted(qtbot, preview)
    fitted = preview.canvas.width()
    preview.zoom_in()
    assert preview.canvas.width() == pytest.approx(2 * fitted, abs=1)  # stretched meanwhile
    qtbot.waitUntil(lambda: not preview.loading)
    pixmap = preview.canvas.pixmap()
    assert pixmap.width() == pytest.approx(2 * fitted * pixmap.devicePixelRatio(), abs=2)


def test_opened_larger_in_a_window_that_fits_the_screen(qtbot, shown, scan):
    preview = shown.preview
    preview.show_data(scan, "image/png")
    wait_fitted(qtbot, preview)
    viewport = preview.scroll.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    large = preview.findChild(LargePreview)
    assert large is not None
    qtbot.waitExposed(large)
    assert large.preview.kind == "image"
    qtbot.waitUntil(lambda: large.preview.canvas.width() > 1.3 * preview.canvas.width())
    assert screen.available_geometry(large).contains(large.geometry())
    large.reject()
    qtbot.waitUntil(lambda: preview.findChild(LargePreview) is None)
    preview.clear()
    assert preview.open_large() is None  # nothing to enlarge
