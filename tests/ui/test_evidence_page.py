"""证实性材料: adding by button and by drop, preview, captions, links, checklist, delete, export."""

import io
from datetime import date

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from reportlab.pdfgen import canvas

from qualitydesk.store.document import Document
from qualitydesk.store.records import Link
from qualitydesk.ui.jobs import JobCancelled
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.evidence import EvidencePage
from qualitydesk.ui.widgets.file_reader import read_files
from qualitydesk.ui.widgets.preview import AttachmentPreview
from tests.helpers.gui import commit_text


def png_bytes(width: int = 60, height: int = 40) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def pdf_bytes(pages: int = 1) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=True)
    for n in range(pages):
        pdf.drawString(72, 720, f"page {n + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "营业执照.png").write_bytes(png_bytes())
    (folder / "审计报告.pdf").write_bytes(pdf_bytes())
    return folder


@pytest.fixture
def make_page(qtbot, context):
    def make(doc):
        page = EvidencePage(context)
        qtbot.addWidget(page)
        page.resize(1100, 680)
        page.load(doc)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, page, row):
    rect = page.table.visualItemRect(page.table.item(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def add_by_button(qtbot, page, messages, paths):
    messages.files = [str(p) for p in paths]
    with qtbot.waitSignal(page.attachments_added, timeout=5000) as blocker:
        click(qtbot, page.add_button)
    return blocker.args[0]


def reopened(doc):
    return Document.open(doc.path, read_only=True)


def test_add_png_and_pdf_by_button_then_preview(qtbot, make_page, empty_doc, messages, files):
    page = make_page(empty_doc)
    assert page.status() == Status.NOT_STARTED
    with qtbot.waitSignal(page.changed):
        ids = add_by_button(qtbot, page, messages, [files / "营业执照.png", files / "审计报告.pdf"])
    assert len(ids) == 2
    assert messages.shown[0][0] == "open_files"
    assert [page.table.item(r, 0).text() for r in range(2)] == ["营业执照.png", "审计报告.pdf"]
    assert page.table.item(1, 2).text() == "PDF 文档"
    qtbot.waitUntil(lambda: page.preview.kind == "pdf")  # the last added is selected
    assert page.preview.page_label.text() == "第 1 / 1 页"
    click_row(qtbot, page, 0)
    assert page.preview.kind == "image"
    assert page.preview.canvas.pixmap() is not None
    assert not page.preview.canvas.pixmap().isNull()
    with reopened(empty_doc) as copy:
        stored = copy.attachments()
        assert [a.file_name for a in stored] == ["营业执照.png", "审计报告.pdf"]
        assert copy.attachment_data(stored[1].id) == (files / "审计报告.pdf").read_bytes()
    assert page.status() == Status.IN_PROGRESS  # the required checklist is still missing


def drag_enter(page, data: QMimeData, position) -> QDragEnterEvent:
    """Drag ``data`` over ``page`` at ``position``; the event says whether it was accepted."""
    enter = QDragEnterEvent(
        position,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)
    return enter


def test_drop_local_files_adds_them(qtbot, make_page, empty_doc, files):
    page = make_page(empty_doc)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(files / "营业执照.png"))])
    position = QPointF(page.rect().center())
    enter = drag_enter(page, data, position.toPoint())
    assert enter.isAccepted()
    drop = QDropEvent(
        position,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.attachments_added, timeout=5000) as blocker:
        QApplication.sendEvent(page, drop)
    assert len(blocker.args[0]) == 1
    assert [a.file_name for a in empty_doc.attachments()] == ["营业执照.png"]


def test_drop_refuses_remote_urls(qtbot, make_page, empty_doc):
    page = make_page(empty_doc)
    data = QMimeData()
    data.setUrls([QUrl("https://example.com/licence.pdf")])
    enter = drag_enter(page, data, page.rect().center())
    assert not enter.isAccepted()


def test_caption_typed_in_chinese_is_saved(qtbot, make_page, demo_doc):
    page = make_page(demo_doc)
    click_row(qtbot, page, 1)
    target = page.selected()
    qtbot.mouseClick(page.editor.caption, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.editor.caption, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.editor.caption, Qt.Key.Key_Delete)
    with qtbot.waitSignal(page.changed):
        commit_text(page.editor.caption, "ISO 9001 证书（2024年换证）")
    assert page.table.item(1, 1).text() == "ISO 9001 证书（2024年换证）"
    page.save(demo_doc)
    demo_doc.save()
    with reopened(demo_doc) as copy:
        stored = {a.id: a.caption for a in copy.attachments()}
    assert stored[target.id] == "ISO 9001 证书（2024年换证）"
    click_row(qtbot, page, 0)
    click_row(qtbot, page, 1)
    assert page.editor.caption.text() == "ISO 9001 证书（2024年换证）"


def test_ticking_a_checklist_entry_clears_its_missing_issue(qtbot, make_page, empty_doc):
    empty_doc.add_attachment(png_bytes(), "licence.png")
    page = make_page(empty_doc)
    anchors = {i.anchor for i in page.issues()}
    assert "business-licence" in anchors
    assert all(i.severity == "missing" and i.target == "evidence" for i in page.issues())
    click_row(qtbot, page, 0)
    checklist = page.editor.lists["checklist"]
    page.editor.tabs.setCurrentWidget(checklist)
    checklist.setFocus()
    checklist.setCurrentRow(0)
    assert checklist.currentItem().data(Qt.ItemDataRole.UserRole) == "business-licence"
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(checklist, Qt.Key.Key_Space)
    assert "business-licence" not in {i.anchor for i in page.issues()}
    links = set(empty_doc.attachments()[0].links)
    assert Link("checklist", "business-licence") in links
    assert Link("rule", "registered-in-suzhou") in links  # the clauses it proves come along
    assert page.checklist.tree.topLevelItem(0).text(0).endswith("已提供")


def test_oversized_file_is_refused_with_a_warning(qtbot, context, messages, tmp_path):
    doc = Document.create(
        tmp_path / "small.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
        max_attachment=1024,
    )
    big = tmp_path / "扫描件.png"
    big.write_bytes(png_bytes(400, 400) + bytes(4096))
    page = EvidencePage(context)
    qtbot.addWidget(page)
    page.load(doc)
    page.show()
    try:
        assert add_by_button(qtbot, page, messages, [big]) == []
        warnings = [m for m in messages.shown if m[0] == "warning"]
        assert len(warnings) == 1
        assert "扫描件.png" in warnings[0][2]
        assert "超过" in warnings[0][2]
        assert doc.attachments() == []
        assert page.table.rowCount() == 0
    finally:
        doc.close()


def test_delete_asks_first(qtbot, make_page, empty_doc, messages):
    empty_doc.add_attachment(png_bytes(), "a.png")
    empty_doc.add_attachment(pdf_bytes(), "b.pdf")
    page = make_page(empty_doc)
    click_row(qtbot, page, 0)
    messages.answers = [False]
    click(qtbot, page.delete_button)
    assert len(empty_doc.attachments()) == 2
    messages.answers = [True]
    with qtbot.waitSignal(page.changed):
        click(qtbot, page.delete_button)
    assert [m[0] for m in messages.shown] == ["question", "question"]
    assert "a.png" in messages.shown[-1][2]
    assert [a.file_name for a in empty_doc.attachments()] == ["b.pdf"]
    assert page.table.rowCount() == 1
    assert page.selected().file_name == "b.pdf"
    qtbot.waitUntil(lambda: page.preview.kind == "pdf")  # the preview follows the selection
    assert page.editor.caption.text() == ""


def test_export_to_a_folder(qtbot, make_page, empty_doc, messages, tmp_path):
    data = pdf_bytes()
    empty_doc.add_attachment(data, "审计报告.pdf")
    page = make_page(empty_doc)
    click_row(qtbot, page, 0)
    out = tmp_path / "out"
    out.mkdir()
    messages.files = [str(out)]
    click(qtbot, page.export_button)
    assert (out / "审计报告.pdf").read_bytes() == data
    assert "审计报告.pdf" in page.status_label.text()


def test_demo_is_complete_and_anchors_select(qtbot, make_page, demo_doc):
    page = make_page(demo_doc)
    with qtbot.assertNotEmitted(page.changed):
        page.load(demo_doc)
    assert page.issues() == []
    assert page.status() == Status.DONE
    assert "9 / 9" in page.checklist.summary.text()
    page.focus_anchor("qms-certificate")
    assert page.checklist.current() == "qms-certificate"
    assert page.selected().file_name == "qms-certificate.png"
    last = demo_doc.attachments()[-1]
    page.focus_anchor(str(last.id))
    assert page.selected().id == last.id


def test_empty_application_lists_what_is_missing(make_page, empty_doc, context):
    page = make_page(empty_doc)
    required = [s.id for s in context.award.attachments if s.required]
    assert [i.anchor for i in page.issues()] == required
    assert page.status() == Status.NOT_STARTED
    assert not page.delete_button.isEnabled()
    assert "尚未添加材料" in page.preview.canvas.text()


def test_reading_stops_when_cancelled(tmp_path):
    path = tmp_path / "big.bin"
    path.write_bytes(bytes(3 * 1024 * 1024))
    delivered = []
    answers = iter([True, True, False])
    read = read_files([str(path)], 10**9, delivered.append, "%1")
    with pytest.raises(JobCancelled):
        read(lambda done, total, message: next(answers))
    assert delivered == []


def test_preview_pages_through_a_pdf(qtbot):
    preview = AttachmentPreview()
    qtbot.addWidget(preview)
    preview.resize(500, 600)
    preview.show()
    preview.show_data(pdf_bytes(3), "application/pdf")
    qtbot.waitUntil(lambda: not preview.loading)  # opened and rendered in the background
    assert preview.page_label.text() == "第 1 / 3 页"
    assert not preview.previous_button.isEnabled()
    click(qtbot, preview.next_button)
    assert preview.page_label.text() == "第 2 / 3 页"
    qtbot.keyClick(preview, Qt.Key.Key_End)
    assert preview.page_label.text() == "第 3 / 3 页"
    assert not preview.next_button.isEnabled()
    qtbot.keyClick(preview, Qt.Key.Key_PageUp)
    assert preview.page_index == 1
    qtbot.waitUntil(lambda: not preview.loading)
    pixmap = preview.canvas.pixmap()
    assert pixmap.width() <= 500 * pixmap.devicePixelRatio()  # fitted to the width


def test_preview_of_other_and_damaged_files(qtbot):
    preview = AttachmentPreview()
    qtbot.addWidget(preview)
    preview.show_data(b"PK\x03\x04", "application/zip")
    assert preview.kind == "unsupported"
    assert preview.canvas.text() == "无法预览此类型的文件"
    preview.show_data(b"%PDF-1.4 garbage", "application/pdf")
    qtbot.waitUntil(lambda: preview.kind == "error")
    assert preview.canvas.text() == "无法打开此 PDF 文件：文件已损坏或已加密"
    preview.show_data(b"not a png", "image/png")
    assert preview.kind == "error"
    preview.show_data(png_bytes(2000, 1000), "image/png")
    assert preview.kind == "image"
    assert not preview.navigation.isVisibleTo(preview)


def test_read_only_document_can_be_viewed_and_exported_only(qtbot, make_page, demo_file):
    with Document.open(demo_file, read_only=True) as doc:
        page = make_page(doc)
        assert page.table.rowCount() == len(doc.attachments())
        assert page.export_button.isEnabled()
        assert not page.add_button.isEnabled()
        assert not page.delete_button.isEnabled()
        assert not page.editor.isEnabled()
        assert "只读" in page.status_label.text()
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(demo_file))])
        enter = drag_enter(page, data, page.rect().center())
        assert not enter.isAccepted()


def test_add_for_a_checklist_entry_links_it(qtbot, make_page, empty_doc, messages, files):
    page = make_page(empty_doc)
    page.focus_anchor("credit-report")
    assert page.checklist.add_button.isEnabled()
    messages.files = [str(files / "审计报告.pdf")]
    with qtbot.waitSignal(page.attachments_added, timeout=5000):
        click(qtbot, page.checklist.add_button)
    links = set(empty_doc.attachments()[0].links)
    assert links == {Link("checklist", "credit-report"), Link("rule", "no-serious-dishonesty")}
    assert "credit-report" not in {i.anchor for i in page.issues()}
