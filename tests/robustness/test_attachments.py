"""Attachments are sanitised, bounded and isolated (issue 11 §4; the unreadable-attachment message
of §6): active content never reaches the package, image bombs are refused before they are
decoded, and an attachment that cannot be read gets a page saying so while the rest is exported.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from qualitydesk.cli import main
from qualitydesk.export.pdf import ExportResult, export_pdf
from qualitydesk.export.pdfclean import REMOVED_WORDS, clean_pdf
from qualitydesk.export.preflight import SANITISED, UNREADABLE, attachment_notes
from qualitydesk.export.sanitise import print_image
from qualitydesk.store import media
from qualitydesk.store.document import Document, DocumentError
from tests.helpers.attachment_files import (
    FILLED,
    MARKER,
    active_pdf,
    noise_jpeg,
    odd_pdfs,
    png_bomb,
    visible_pdf,
)
from tests.helpers.pdfcheck import body_text, outline, squeeze

FORBIDDEN_KEYS = {
    "/JS",
    "/JavaScript",
    "/OpenAction",
    "/AA",
    "/Launch",
    "/URI",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/EF",
    "/FS",
    "/XFA",
    "/AcroForm",
    "/RichMediaContent",
    "/RichMediaSettings",
}
FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData", "/GoToR"}
FORBIDDEN_SUBTYPES = {"/FileAttachment", "/RichMedia", "/Movie", "/Sound", "/Screen", "/Widget"}
UNREADABLE_PDFS = {name for name, _ in odd_pdfs()} - {"深层嵌套.pdf"}  # pypdf reads past that


def _new(path: Path) -> Document:
    return Document.create(
        path, award="suzhou-mayor", framework="gbt19580-2012", year=2026,
        application_date=date(2026, 5, 15),
    )  # fmt: skip


def _add_unguarded(doc: Document, data: bytes, name: str) -> None:
    """Store an image the store would refuse today, as an older file might hold it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(media, "refusal", lambda *_: None)
        doc.add_attachment(data, name)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return png_bomb(13_000)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, bomb) -> Document:
    """An application with every kind of bad attachment, and good ones after them."""
    doc = _new(tmp_path_factory.mktemp("hostile") / "hostile.qdesk")
    doc.set_field("org_name", "苏州某某有限公司")
    doc.add_attachment(active_pdf(), "主动内容.pdf", caption="带脚本和表单的 PDF")
    for name, data in odd_pdfs():
        doc.add_attachment(data, name, media_type="application/pdf")
    _add_unguarded(doc, bomb, "炸弹.png")
    doc.add_attachment(_flat_jpeg(4500, 3000), "大照片.jpg")
    doc.add_attachment(visible_pdf(["Normal page after the odd ones"]), "正常.pdf")
    doc.save()
    yield doc
    doc.close()


@pytest.fixture(scope="module")
def exported(hostile, forms, tmp_path_factory) -> tuple[ExportResult, PdfReader, str]:
    out = tmp_path_factory.mktemp("out") / "package.pdf"
    result = export_pdf(hostile, forms, out)
    reader = PdfReader(out)
    text = body_text(reader, [page.extract_text() for page in reader.pages])
    return result, reader, text


def _flat_jpeg(width: int, height: int, orientation: int = 1) -> bytes:
    image = Image.new("RGB", (width, height), (30, 90, 160))
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def _objects(reader: PdfReader):
    """Every object of the file (latest revision), and every dictionary and array inside it."""
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            found = reader.get_object(number)
        except (KeyError, ValueError, OSError):
            continue
        stack = [found]
        while stack:
            item = stack.pop()
            yield item
            if isinstance(item, DictionaryObject):
                stack += [v for v in item.values() if not isinstance(v, IndirectObject)]
            elif isinstance(item, ArrayObject):
                stack += [v for v in item if not isinstance(v, IndirectObject)]


# --- active content ---------------------------------------------------------------------------


def test_no_active_content_is_left_anywhere_in_the_package(exported):
    _, reader, _ = exported
    found = []
    for item in _objects(reader):
        if isinstance(item, DictionaryObject):
            found += [key for key in item if key in FORBIDDEN_KEYS]
            found += [f"/S {item['/S']}" for _ in [0] if item.get("/S") in FORBIDDEN_ACTIONS]
            if item.get("/Subtype") in FORBIDDEN_SUBTYPES:
                found.append(f"/Subtype {item['/Subtype']}")
            if item.get("/Type") in ("/EmbeddedFile", "/Filespec"):
                found.append(f"/Type {item['/Type']}")
            if isinstance(item, StreamObject) and MARKER.encode() in item.get_data():
                found.append("a stream naming the hostile file")
        elif isinstance(item, str) and MARKER in item:
            found.append(f"the string {item!r}")
    assert found == []
    assert reader.trailer["/Root"].get("/Names") is None


def test_the_visible_pages_and_what_a_filled_form_shows_are_kept(exported, hostile):
    _, reader, text = exported
    assert squeeze("Visible page one") in text
    assert squeeze("Visible page two") in text
    assert squeeze(FILLED) in text  # the field's appearance, drawn into the page
    assert "附件1（续）第2页，共2页" in text  # both pages of the attachment, one per page
    assert squeeze("Normal page after the odd ones") in text
    titles = [e.title for e in outline(reader)]
    assert sum(t.startswith("附件") for t in titles) == len(hostile.attachments())


def test_the_export_and_preflight_say_what_was_removed(exported, hostile):
    result, _, _ = exported
    note = next(n for n in result.notes if "《主动内容.pdf》" in n)
    assert note.startswith("附件《主动内容.pdf》：已移除")
    for words in REMOVED_WORDS.values():
        assert words in note
    assert "页面内容照常印出" in note
    before = attachment_notes(hostile)
    assert [n.kind for n in before if n.where == "主动内容.pdf"] == [SANITISED]
    assert {n.message for n in before} == set(result.notes)  # the same words, beforehand


def test_a_clean_pdf_keeps_rotation_and_reports_nothing_for_a_plain_file():
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(visible_pdf(["Turned"]))))
    writer.pages[0].rotate(90)
    out = io.BytesIO()
    writer.write(out)
    clean = clean_pdf(out.getvalue())
    assert clean.sizes == ((842.0, 595.0),)
    assert clean.removed == ()
    page = PdfReader(io.BytesIO(clean.data)).pages[0]
    assert page.get("/Rotate", 0) == 0  # turned in its content: it prints as it showed
    assert "Turned" in page.extract_text()


# --- odd and damaged files --------------------------------------------------------------------


def test_each_odd_pdf_gets_a_page_saying_which_file_and_why(exported):
    result, _, text = exported
    for name in UNREADABLE_PDFS:
        assert f"PDF文件“{name}”无法读取：" in text
        assert any(n.startswith(f"附件《{name}》无法读取：") for n in result.notes)
    assert "文件已加密，需要密码才能打开" in text
    assert "页面尺寸无效（0×0点）" in text
    assert "页面旋转角度“/Foo”无效" in text
    assert "文件不完整" in text
    assert "Traceback" not in text


def test_preflight_warns_of_each_unreadable_attachment_beforehand(hostile):
    notes = attachment_notes(hostile)
    unreadable = {n.where for n in notes if n.kind == UNREADABLE}
    assert unreadable == UNREADABLE_PDFS | {"炸弹.png"}
    for note in notes:
        assert "Error" not in note.message
        assert len(note.message) < 200


# --- images -----------------------------------------------------------------------------------


def test_an_image_bomb_gets_a_page_saying_why(exported):
    result, _, text = exported
    assert "图片“炸弹.png”无法读取：图片为13000×13000像素（约16900万像素），超过5000万像素" in text
    note = next(n for n in result.notes if n.startswith("附件《炸弹.png》无法读取"))
    assert "请把图片缩小后重新添加" in note


def test_large_images_are_embedded_at_print_resolution(exported):
    _, reader, _ = exported
    images = [
        (int(i["/Width"]), int(i["/Height"]))
        for i in _objects(reader)
        if isinstance(i, StreamObject) and i.get("/Subtype") == "/Image"
    ]
    assert (2008, 1339) in images  # the 4500 × 3000 photo: 300 dpi across the text block
    assert all(w <= 2008 and h <= 2976 for w, h in images)


def test_a_turned_photo_is_upright_and_scaled_for_its_box():
    photo = _flat_jpeg(400, 300, orientation=6)  # stored on its side, shown upright
    printed = print_image(photo, box=(72.0, 72.0))  # one inch: 300 pixels at 300 dpi
    assert printed.pixels == (225, 300)
    assert Image.open(io.BytesIO(printed.data)).size == (225, 300)


def test_a_small_image_is_embedded_as_it_is():
    photo = _flat_jpeg(300, 200)
    assert print_image(photo).data == photo


def test_the_store_refuses_an_image_bomb_clearly(tmp_path, bomb):
    doc = _new(tmp_path / "a.qdesk")
    try:
        with pytest.raises(DocumentError) as refused:
            doc.add_attachment(bomb, "扫描件.png")
        assert "图片“扫描件.png”为 13000×13000 像素" in str(refused.value)
        assert "5000 万像素的上限" in str(refused.value)
        assert "请缩小后再添加" in str(refused.value)
        assert doc.attachments() == []
        doc.add_attachment(_flat_jpeg(4000, 3000), "照片.jpg")  # 12 megapixels: welcome
        assert len(doc.attachments()) == 1
    finally:
        doc.close()


def test_the_size_is_named_when_pillow_only_warns(tmp_path):
    above = png_bomb(7_500)  # 56 megapixels: above our limit, below twice Pillow's
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # as in the program, where Pillow's warning is silenced
        assert "7500×7500 像素" in (media.refusal(above, "大图.png", "image/png") or "")


BOMB_EXPORT = """
import json, sys
from pathlib import Path
from qualitydesk.domain.forms import load_forms
from qualitydesk.export.pdf import export_pdf
from qualitydesk.store.document import Document
with Document.open(Path(sys.argv[1]), read_only=True) as doc:
    result = export_pdf(doc, load_forms(), Path(sys.argv[2]))
status = Path("/proc/self/status").read_text()  # VmHWM: this program's own peak (ru_maxrss
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024  # keeps the parent's across exec)
print(json.dumps({"peak_mb": peak, "notes": result.notes}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc")
def test_exporting_an_image_bomb_stays_small(tmp_path, bomb):
    doc = _new(tmp_path / "bomb.qdesk")
    _add_unguarded(doc, bomb, "炸弹.png")
    doc.close()
    out = tmp_path / "bomb.pdf"
    run = subprocess.run(
        [sys.executable, "-c", BOMB_EXPORT, str(doc.path), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(run.stdout)
    assert found["peak_mb"] < 200  # 13000 × 13000 decoded would be 169 MB more (2.8 GB before)
    assert "炸弹.png" in found["notes"][0]
    assert out.exists()


def test_a_noise_photo_is_decoded_at_a_reduced_scale():
    photo = noise_jpeg(2400, 1600, quality=90)
    printed = print_image(photo, box=(144.0, 144.0))  # two inches: 600 pixels
    assert printed.pixels == (600, 400)


# --- the command line -------------------------------------------------------------------------


def test_the_command_line_prints_what_was_removed(tmp_path, capsys):
    doc = _new(tmp_path / "cli.qdesk")
    doc.add_attachment(active_pdf(), "主动内容.pdf")
    doc.add_attachment(b"%PDF-1.4 cut", "坏文件.pdf")
    doc.close()
    code = main(["export", str(doc.path), "-o", str(tmp_path / "out.pdf")])
    out, err = capsys.readouterr()
    assert code == 0
    assert "注意：附件《主动内容.pdf》：已移除JavaScript 脚本" in out
    assert "注意：附件《坏文件.pdf》无法读取：文件不完整" in out
    assert err == ""


# --- reading attachments in pieces ------------------------------------------------------------


def test_an_attachment_is_read_in_pieces_and_checked_first(tmp_path):
    doc = _new(tmp_path / "blob.qdesk")
    try:
        data = visible_pdf(["one", "two"])
        a = doc.add_attachment(data, "两页.pdf")
        with doc.open_attachment(a.id) as stream:
            assert stream.readline() == data.splitlines(keepends=True)[0]
            stream.seek(0)
            assert stream.read() == data
        doc.db.execute("update blobs set data = ? where sha256 = ?", [b"tampered", a.sha256])
        with pytest.raises(DocumentError, match="校验值不符"):
            doc.open_attachment(a.id)
    finally:
        doc.close()


def test_a_damaged_attachment_gets_a_page_too(tmp_path, forms):
    doc = _new(tmp_path / "damaged.qdesk")
    a = doc.add_attachment(_flat_jpeg(300, 200), "现场.jpg")
    doc.db.execute("update blobs set data = ? where sha256 = ?", [b"tampered", a.sha256])
    result = export_pdf(doc, forms, tmp_path / "damaged.pdf")
    doc.close()
    assert result.notes == ("附件《现场.jpg》无法读取：文件内容已丢失或损坏。包中以一页说明代替，"
                            "其余内容照常导出；请检查文件后重新添加，或另附纸质件。",)  # fmt: skip
