"""Characters the bundled fonts lack print from a fallback face (issue 14 §4); what no font has
prints as 〓, is listed by preflight with its place, and is counted by the export.

The fallback face is a tiny TrueType font built here with fontTools (glyphs for 𠀀 and 😀) in a
folder of the test's own; ``QUALITYDESK_FONT_DIRS`` points the search at it, so no test depends
on the fonts of the machine (tests/conftest.py sets it empty: no system fonts at all).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from qualitydesk.export import fallback, fontscan, fontsubset
from qualitydesk.export.fonts import SERIF, fonts
from qualitydesk.export.pdf import export_pdf
from qualitydesk.export.preflight import unprintable
from qualitydesk.export.text import MISSING, clean
from qualitydesk.store.document import Document
from tests.helpers.pdfcheck import font_names, fonts_without_file

RARE = "𠀀"  # U+20000, CJK Extension B: in no bundled font
EMOJI = "😀"  # U+1F600
PRIVATE = "\ue000"  # a private-use character: no font has it
TEXT = f"甲{RARE}乙{EMOJI}丙\n第二行{PRIVATE}丁{RARE}"


def build_font(path: Path, codes: list[int], *, fs_type: int = 0, name: str = "TestFallback"):
    """A TrueType font with a filled square glyph for each of ``codes``."""
    names = [f"u{code:X}" for code in codes]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", *names])
    builder.setupCharacterMap(dict(zip(codes, names, strict=True)))
    pen = TTGlyphPen(None)
    pen.moveTo((100, -50))
    pen.lineTo((100, 750))
    pen.lineTo((900, 750))
    pen.lineTo((900, -50))
    pen.closePath()
    square = pen.glyph()
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), **dict.fromkeys(names, square)})
    builder.setupHorizontalMetrics({".notdef": (500, 0), **dict.fromkeys(names, (1000, 100))})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": name, "styleName": "Regular", "psName": name})
    builder.setupOS2(fsType=fs_type, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


@pytest.fixture
def font_dir(tmp_path, monkeypatch) -> Path:
    """A folder with a fallback font for 𠀀 and 😀, searched instead of the system's fonts."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    build_font(folder / "fallback.ttf", [ord(RARE), ord(EMOJI)])
    monkeypatch.setenv(fontscan.ENV_DIRS, str(folder))
    return folder


def _doc(path: Path, narrative: str) -> Document:
    doc = Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )
    doc.set_field("org_name", "某某有限公司")
    doc.set_narrative("4.1.2", narrative)
    doc.save()
    return doc


def _page_text(pdf: Path) -> str:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


# --- reading fonts ------------------------------------------------------------------------------


def test_the_cmap_reader_agrees_with_fonttools(tmp_path):
    codes = [0x41, 0x4E00, 0x4E01, 0x9F98, 0x20000, 0x1F600]
    path = build_font(tmp_path / "f.ttf", codes)
    (face,) = fontscan.read_faces(path)
    assert face.outline
    assert face.embeddable
    assert face.name == "TestFallback"
    assert set(TTFont(str(path)).getBestCmap()) == set(codes)
    assert all(face.has(code) for code in codes)
    assert not any(face.has(code) for code in (0, 0x40, 0x42, 0x4E02, 0x1F5FF, 0x20001))


def test_fonts_that_forbid_embedding_are_not_used(tmp_path, monkeypatch):
    build_font(tmp_path / "restricted.ttf", [ord(RARE)], fs_type=0x0002, name="Restricted")
    build_font(tmp_path / "bitmaponly.ttf", [ord(RARE)], fs_type=0x0200, name="BitmapOnly")
    monkeypatch.setenv(fontscan.ENV_DIRS, str(tmp_path))
    assert not fonts().covered(RARE)
    assert fontscan.embeddable(0x0004)
    assert fontscan.embeddable(0x0008)
    assert not fontscan.embeddable(0x0002)
    assert not fontscan.embeddable(0x0100)


# --- export -------------------------------------------------------------------------------------


def test_a_character_the_bundle_lacks_prints_from_the_fallback_face(font_dir, tmp_path, forms):
    doc = _doc(tmp_path / "rare.qdesk", TEXT)
    try:
        result = export_pdf(doc, forms, tmp_path / "rare.pdf")
    finally:
        doc.close()
    text = _page_text(result.path)
    assert f"甲{RARE}乙{EMOJI}丙" in text  # extracts as itself, 𠀀 beyond the BMP too
    assert f"第二行{MISSING}丁{RARE}" in text  # only what no font has is 〓
    assert result.missing == 1
    reader = PdfReader(result.path)
    fallback_fonts = [n for n in font_names(reader) if "TestFallback" in n]
    assert len(fallback_fonts) == 1
    tag, _, name = fallback_fonts[0].lstrip("/").partition("+")
    assert len(tag) == 6
    assert tag.isupper()
    assert name == "TestFallback"
    assert fonts_without_file(reader) == []


def test_without_any_fallback_face_the_characters_print_as_geta_and_are_counted(tmp_path, forms):
    doc = _doc(tmp_path / "none.qdesk", TEXT)
    try:
        result = export_pdf(doc, forms, tmp_path / "none.pdf")
    finally:
        doc.close()
    text = _page_text(result.path)
    assert f"甲{MISSING}乙{MISSING}丙" in text
    assert result.missing == 4


def test_an_export_that_needs_no_fallback_scans_no_font(tmp_path, forms, monkeypatch):
    def no_scan(dirs):
        raise AssertionError(f"fonts scanned: {dirs}")

    monkeypatch.setenv(fontscan.ENV_DIRS, str(tmp_path))
    monkeypatch.setattr(fallback, "font_files", no_scan)
    doc = _doc(tmp_path / "plain.qdesk", "只有常用字，ISO 9001。")
    try:
        result = export_pdf(doc, forms, tmp_path / "plain.pdf")
    finally:
        doc.close()
    assert result.missing == 0


def test_the_fallback_subset_has_exactly_the_characters_asked_for(font_dir):
    data = fontsubset.subset_truetype(font_dir / "fallback.ttf", 0, [ord(RARE)])
    font = TTFont(io.BytesIO(data))
    assert set(font.getBestCmap()) == {ord(RARE)}
    assert "glyf" in font
    assert "CFF " not in font


def test_clean_keeps_what_a_fallback_face_prints(font_dir):
    assert clean(f"{RARE}{EMOJI}{PRIVATE}", fonts()) == f"{RARE}{EMOJI}{MISSING}"
    faces = fonts().fallback_fonts(RARE + EMOJI + "中")
    assert set(faces) == {RARE, EMOJI}  # 中 is bundled: not asked of a fallback
    assert faces[RARE].startswith(fallback.PREFIX)
    assert fonts().face_for(SERIF, "中") == SERIF


# --- preflight ----------------------------------------------------------------------------------


def test_preflight_lists_each_character_no_font_has_with_its_place(tmp_path, forms):
    doc = _doc(tmp_path / "pre.qdesk", TEXT)
    try:
        problems = unprintable(doc, forms)
    finally:
        doc.close()
    found = [
        (p.where, p.char, p.location.line, p.location.column, p.location.occurrence)
        for p in problems
    ]
    assert found == [
        ("自评报告 4.1.2", RARE, 1, 2, 0),
        ("自评报告 4.1.2", EMOJI, 1, 4, 0),
        ("自评报告 4.1.2", PRIVATE, 2, 4, 0),
        ("自评报告 4.1.2", RARE, 2, 6, 1),
    ]
    assert "第 2 行第 4 字" in problems[2].message
    assert problems[3].location.offset == TEXT.rindex(RARE)
    assert {p.location.step for p in problems} == {"report"}
    assert {p.location.item for p in problems} == {"4.1.2"}


def test_preflight_does_not_list_what_a_fallback_face_prints(font_dir, tmp_path, forms):
    doc = _doc(tmp_path / "pre.qdesk", TEXT)
    try:
        problems = unprintable(doc, forms)
    finally:
        doc.close()
    assert [(p.char, p.location.line, p.location.column) for p in problems] == [(PRIVATE, 2, 4)]


# --- the command line ---------------------------------------------------------------------------


def test_check_warns_and_export_counts_what_prints_as_geta(demo_file, tmp_path, capsys):
    import shutil

    from qualitydesk.cli import main

    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    with Document.open(path) as doc:
        doc.set_narrative("4.1.2", f"{RARE}。\n\n" + doc.narrative("4.1.2"))
        doc.save()
    assert main(["check", str(path)]) == 0  # a warning: the package prints, 〓 marks the place
    out = capsys.readouterr().out
    assert f"[无法打印] 自评报告 4.1.2 第 1 行第 1 字：字符“{RARE}”" in out
    assert "可以提交" in out
    _doc(tmp_path / "small.qdesk", TEXT).close()  # a short export: the message is the point
    assert main(["export", str(tmp_path / "small.qdesk"), "-o", str(tmp_path / "s.pdf")]) == 0
    out = capsys.readouterr().out
    assert f"注意：4 个字符在内置字体和本机字体中都没有，已印为“{MISSING}”" in out


def test_the_running_header_prints_a_rare_character_of_the_name(font_dir, tmp_path, forms):
    doc = _doc(tmp_path / "name.qdesk", "正文。")
    doc.set_field("org_name", f"{RARE}记有限公司")
    doc.save()
    try:
        result = export_pdf(doc, forms, tmp_path / "name.pdf")
    finally:
        doc.close()
    document = pdfium.PdfDocument(str(result.path))
    try:
        headers = [p.get_textpage().get_text_range().split("\n")[0] for p in document][2:]
    finally:
        document.close()
    assert headers
    assert all(f"{RARE}记有限公司" in line for line in headers)
    for page in PdfReader(result.path).pages[2:]:  # drawn in the fallback face, not as a box
        used = page["/Resources"]["/Font"].values()
        assert any("TestFallback" in str(font.get_object()["/BaseFont"]) for font in used)


def test_an_emoji_only_a_colour_font_has_is_drawn_as_a_picture(tmp_path, monkeypatch, forms):
    from fontTools.ttLib import newTable
    from PIL import Image

    folder = tmp_path / "colour"
    folder.mkdir()
    font = TTFont(str(build_font(tmp_path / "plain.ttf", [ord(EMOJI)], name="TestColour")))
    font["sbix"] = newTable("sbix")  # a colour bitmap font: no outline to embed
    font["sbix"].version, font["sbix"].flags, font["sbix"].strikes = 1, 1, {}
    font.save(str(folder / "colour.ttf"))
    png = io.BytesIO()
    Image.new("RGBA", (8, 8), (250, 200, 0, 255)).save(png, "PNG")
    monkeypatch.setattr(fallback, "render_picture", lambda face, code: png.getvalue())
    monkeypatch.setenv(fontscan.ENV_DIRS, str(folder))
    doc = _doc(tmp_path / "emoji.qdesk", f"表情{EMOJI}在此")
    try:
        result = export_pdf(doc, forms, tmp_path / "emoji.pdf")
    finally:
        doc.close()
    assert f"表情{EMOJI}在此" in _page_text(result.path)  # the placeholder keeps the text
    assert result.missing == 0
    pages = PdfReader(result.path).pages
    assert any(image.image.size == (8, 8) for page in pages for image in page.images)
