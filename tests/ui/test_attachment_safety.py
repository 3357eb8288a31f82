"""Attachments in the window (issue 11 §4): an image bomb is refused when added and never decoded
for the preview, a large image is decoded off the GUI thread, odd PDFs preview without a crash,
and 检查与导出 and the export message say what happens to each attachment.
"""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image
from PySide6.QtCore import QSize, Qt, QThreadPool, QTimer
from reportlab.pdfgen.canvas import Canvas

from qualitydesk.ui.app import create_application
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.evidence import EvidencePage
from qualitydesk.ui.pages.preflight import PreflightPage
from qualitydesk.ui.settings import Settings
from qualitydesk.ui.shell.window import MainWindow
from qualitydesk.ui.widgets.preview import AttachmentPreview
from tests.helpers.attachment_files import (
    active_pdf,
    noise_jpeg,
    odd_pdfs,
    png_bomb,
    visible_pdf,
)
from tests.helpers.gui import place


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return png_bomb(13_000)


@pytest.fixture
def preview(qtbot, qapp):
    create_application()
    shown = AttachmentPreview()
    qtbot.addWidget(shown)
    shown.resize(520, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_adding_an_image_bomb_is_refused_with_a_clear_message(
    qtbot, context, messages, empty_doc, bomb
):
    page = place(qtbot, EvidencePage(context), empty_doc)
    path = empty_doc.path.with_name("巨幅扫描.png")
    path.write_bytes(bomb)
    messages.files = [str(path)]
    with qtbot.waitSignal(page.attachments_added, timeout=10_000) as added:
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert added.args == [[]]
    warnings = [m for m in messages.shown if m[0] == "warning"]
    assert len(warnings) == 1
    text = warnings[0][2]
    assert "巨幅扫描.png" in text
    assert "13000×13000 像素" in text
    assert "5000 万像素的上限" in text
    assert "请缩小后再添加" in text
    assert empty_doc.attachments() == []


def test_a_large_image_is_decoded_while_the_window_keeps_responding(qtbot, preview):
    photo = noise_jpeg(4200, 3000, quality=85)  # 12.6 megapixels
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    preview.show_data(photo, "image/jpeg")
    assert preview.kind == "loading"  # back at once: decoding goes on in the background
    assert "正在载入" in preview.canvas.text()
    qtbot.waitUntil(lambda: preview.kind == "image", timeout=20_000)
    timer.stop()
    assert ticks  # the event loop turned meanwhile
    assert preview.zoom_label.text().endswith("%")
    ratio = preview.canvas.height() / preview.canvas.width()
    assert ratio == pytest.approx(3000 / 4200, rel=0.02)


def test_a_later_choice_wins_over_a_slow_decode(qtbot, preview):
    preview.show_data(noise_jpeg(4200, 3000, quality=85), "image/jpeg")
    assert preview.kind == "loading"
    preview.show_data(visible_pdf(["next"]), "application/pdf")
    qtbot.waitUntil(lambda: preview.kind == "pdf", timeout=20_000)
    assert QThreadPool.globalInstance().waitForDone(20_000)  # the photo is decoded by now
    qtbot.wait(50)  # and its result delivered: it must be dropped
    assert preview.kind == "pdf"
    assert preview.page_count == 1


def test_an_image_bomb_is_not_decoded_for_the_preview(preview, bomb):
    preview.show_data(bomb, "image/png")
    assert preview.kind == "error"
    assert "13000×13000 像素" in preview.canvas.text()
    assert preview._image.isNull()
    assert preview._image_size == QSize()


def test_odd_pdfs_preview_without_a_crash(qtbot, preview):
    for name, data in odd_pdfs():
        preview.show_data(data, "application/pdf")
        qtbot.waitUntil(lambda: not preview.loading, timeout=10_000)
        assert preview.kind in ("pdf", "error"), name
        if preview.kind == "error":
            assert "无法打开此 PDF 文件" in preview.canvas.text()


def _pdf(pages: list[tuple[float, float]], paths: int = 0) -> bytes:
    """Pages of the given sizes (points); the first is drawn with ``paths`` random vector paths."""
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    shapes = random.Random(11)
    for number, (width, height) in enumerate(pages):
        canvas.setPageSize((width, height))
        for _ in range(paths if number == 0 else 0):
            path = canvas.beginPath()
            path.moveTo(shapes.uniform(0, width), shapes.uniform(0, height))
            for _ in range(3):
                path.lineTo(shapes.uniform(0, width), shapes.uniform(0, height))
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.drawString(72, 72, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def heavy_pdf() -> bytes:
    """An A4 page of 4000 vector paths (pdfium takes about half a second), then a landscape page."""
    return _pdf([(595, 842), (842, 595)], paths=4000)


def shown_ratio(preview) -> float:
    pixmap = preview.canvas.pixmap()
    return pixmap.width() / pixmap.height()


def test_a_heavy_pdf_page_renders_while_the_window_keeps_responding(qtbot, preview, heavy_pdf):
    turns: list[bool] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: turns.append(preview.loading))
    timer.start()
    preview.show_data(heavy_pdf, "application/pdf")
    assert preview.loading  # back at once: opening and rendering go on in the background
    assert "正在载入" in preview.canvas.text()
    qtbot.waitUntil(lambda: not preview.loading, timeout=20_000)
    timer.stop()
    assert True in turns  # the event loop turned while the page was rendered
    assert preview.kind == "pdf"
    assert preview.page_label.text() == "第 1 / 2 页"
    assert shown_ratio(preview) == pytest.approx(595 / 842, rel=0.02)
    assert preview.zoom_label.text().endswith("%")
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.page_label.text() == "第 2 / 2 页"
    qtbot.waitUntil(lambda: not preview.loading, timeout=20_000)
    assert shown_ratio(preview) == pytest.approx(842 / 595, rel=0.02)  # the landscape page
    qtbot.keyClick(preview, Qt.Key.Key_Home)
    assert "正在载入" in preview.canvas.text()  # not the other page, stretched
    qtbot.waitUntil(lambda: not preview.loading, timeout=20_000)
    assert shown_ratio(preview) == pytest.approx(595 / 842, rel=0.02)


@pytest.mark.slow
def test_zooming_while_a_page_renders_shows_the_last_size_asked_for(qtbot, preview, heavy_pdf):
    preview.show_data(heavy_pdf, "application/pdf")
    qtbot.waitUntil(lambda: not preview.loading, timeout=20_000)
    fitted = preview.canvas.width()
    preview.zoom_in()
    preview.zoom_in()
    preview.zoom_out()
    assert preview.canvas.width() == pytest.approx(2 * fitted, abs=2)  # stretched meanwhile
    qtbot.waitUntil(lambda: not preview.loading, timeout=20_000)
    pixmap = preview.canvas.pixmap()
    assert pixmap.width() == pytest.approx(2 * fitted * pixmap.devicePixelRatio(), abs=2)


def test_switching_attachments_quickly_never_shows_the_old_one(qtbot, preview, heavy_pdf):
    landscape = _pdf([(842, 595)])
    preview.show_data(heavy_pdf, "application/pdf")
    qtbot.waitUntil(lambda: preview.kind == "pdf", timeout=20_000)  # its page is rendering now
    preview.show_data(landscape, "application/pdf")
    qtbot.waitUntil(lambda: not preview.loading, timeout=20_000)
    assert QThreadPool.globalInstance().waitForDone(20_000)  # the heavy page is rendered too
    qtbot.wait(50)  # and its result delivered: it must be dropped
    assert preview.page_count == 1
    assert shown_ratio(preview) == pytest.approx(842 / 595, rel=0.02)
    preview.show_data(heavy_pdf, "application/pdf")
    qtbot.waitUntil(lambda: preview.kind == "pdf", timeout=20_000)
    picture = io.BytesIO()
    Image.new("RGB", (300, 100), "white").save(picture, format="PNG")
    preview.show_data(picture.getvalue(), "image/png")
    assert QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.wait(50)
    assert preview.kind == "image"
    assert not preview.loading
    assert shown_ratio(preview) == pytest.approx(3, rel=0.02)
    preview.show_data(b"%PDF-1.7\n1 0 obj <<", "application/pdf")
    qtbot.waitUntil(lambda: preview.kind == "error", timeout=20_000)
    assert preview.canvas.text() == "无法打开此 PDF 文件：文件已损坏或已加密"


def _odd_and_active(doc):
    odd = dict(odd_pdfs())
    doc.add_attachment(odd["旋转异常.pdf"], "旋转异常.pdf")
    doc.add_attachment(active_pdf(), "主动内容.pdf")
    doc.add_attachment(visible_pdf(["fine"]), "正常.pdf")
    return {a.file_name: a.id for a in doc.attachments()}


def test_preflight_lists_unreadable_and_sanitised_attachments(qtbot, context, empty_doc):
    ids = _odd_and_active(empty_doc)
    empty_doc.set_field("org_name", "苏州某某有限公司")
    page = PreflightPage(context)
    qtbot.addWidget(page)
    page.load(empty_doc)
    assert "正在检查附件能否印出" in page.summary.text()  # judged in the background
    groups = lambda: {  # noqa: E731
        page.problems.topLevelItem(i).text(0): page.problems.topLevelItem(i)
        for i in range(page.problems.topLevelItemCount())
    }
    qtbot.waitUntil(lambda: "附件无法读取" in groups(), timeout=30_000)
    unreadable = groups()["附件无法读取"]
    assert unreadable.childCount() == 1
    line = unreadable.child(0)
    assert line.text(0).startswith("附件《旋转异常.pdf》无法读取：第 1 页：页面旋转角度")
    assert line.data(0, Qt.ItemDataRole.UserRole) == ("evidence", str(ids["旋转异常.pdf"]))
    removed = groups()["附件中的脚本和动作将被移除"].child(0).text(0)
    assert removed.startswith("附件《主动内容.pdf》：已移除JavaScript 脚本")
    assert "正在检查附件" not in page.summary.text()
    assert page.status() is Status.PROBLEM
    with qtbot.waitSignal(page.navigate) as jumped:
        page.problems.setCurrentItem(line)
        qtbot.keyClick(page.problems, Qt.Key.Key_Return)
    assert jumped.args == ["evidence", str(ids["旋转异常.pdf"])]


def test_the_export_message_says_what_became_of_attachments(
    qtbot, forms, messages, empty_doc, tmp_path
):
    _odd_and_active(empty_doc)
    empty_doc.set_field("org_name", "苏州某某有限公司")
    empty_doc.save()
    path = empty_doc.path
    empty_doc.close()
    create_application()
    window = MainWindow(forms, Settings(tmp_path / "settings"), messages)
    qtbot.addWidget(window)
    window.show()
    window.open_path(path)
    out = tmp_path / "申报材料.pdf"
    messages.files.append(str(out))
    window.export("package")
    qtbot.waitUntil(lambda: any(m[0] == "exported" for m in messages.shown), timeout=30_000)
    text = next(m[2] for m in messages.shown if m[0] == "exported")
    assert "关于附件：" in text
    assert "附件《主动内容.pdf》：已移除JavaScript 脚本" in text
    assert "附件《旋转异常.pdf》无法读取" in text
    assert out.exists()
    window.close_document()
