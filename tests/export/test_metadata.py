"""The exported PDF's document information, catalog, page labels, subset names and blank back
pages, read back with pypdf — after the PDF attachments were merged into it (issue 14 §5).
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from qualitydesk.export.fonts import fonts
from qualitydesk.export.layout import roman
from qualitydesk.export.merge import PdfPages
from tests.helpers.pdfcheck import (
    FOOTER,
    INTERNAL_MARKS,
    ROMAN,
    font_names,
    header_version,
    last_trailer,
    outline,
    page_texts,
    printed_number,
    squeeze,
)


@pytest.fixture(scope="module")
def package(package_pdf):
    reader = PdfReader(package_pdf)
    return reader, page_texts(reader)


def _subset_tags(names: list[str]) -> list[str]:
    return [name[1:7] for name in names if len(name) > 8 and name[7] == "+"]


# --- document information, header, catalog ------------------------------------------------------


def test_document_information_is_named_by_the_last_trailer(package_pdf, demo):
    trailer = last_trailer(package_pdf)
    assert "/Info" in trailer  # what poppler, Acrobat and others read
    info = trailer["/Info"].get_object()
    assert info["/Title"] == "2026年度苏州市市长质量奖申报材料"
    assert info["/Author"] == demo.field("org_name")
    assert "苏州市市长质量奖" in info["/Subject"]
    assert str(demo.year) in info["/Subject"]
    assert info["/Creator"].startswith("质量奖申报助手 QualityDesk")
    assert info["/CreationDate"].startswith("D:")
    meta = PdfReader(package_pdf).metadata
    assert (meta.title, meta.author, meta.subject) == (
        info["/Title"],
        info["/Author"],
        info["/Subject"],
    )
    assert meta.creation_date is not None


def test_header_version_covers_what_the_attachments_bring(package_pdf):
    assert package_pdf.read_bytes().count(b"startxref") == 1  # written once, no update after
    assert header_version(package_pdf) == (1, 7)


def test_catalog_says_chinese_and_opens_the_outline(package):
    root = package[0].trailer["/Root"].get_object()
    assert root["/Lang"] == "zh-CN"
    assert root["/PageMode"] == "/UseOutlines"


# --- page numbers ---------------------------------------------------------------------------------


def test_page_labels_are_the_printed_numbers(package):
    reader, texts = package
    labels = reader.page_labels
    assert len(labels) == len(reader.pages)
    printed = {n: printed_number(text) for n, text in enumerate(texts)}
    assert printed[0] is None  # the cover
    assert {n: labels[n] for n, number in printed.items() if number} == {
        n: number for n, number in printed.items() if number
    }
    parts = [e for e in outline(reader) if e.level == 0]
    contents = next(e.page for e in parts if e.title == "目录")
    body = min(e.page for e in parts if e.page > contents)  # the 申请表: page 1
    assert all(ROMAN.match(label) for label in labels[: body - 1])
    assert labels[contents - 1] == printed[contents - 1] != "2"
    assert labels[body - 1 :] == [str(n) for n in range(1, len(labels) - body + 2)]
    totals = {FOOTER.search(text).group(2) for text in texts[body - 1 :]}
    assert totals == {str(len(labels) - body + 1)}


# --- fonts ----------------------------------------------------------------------------------------


def test_subset_tags_are_unique_with_the_attachments_fonts(package):
    names = font_names(package[0])
    tags = _subset_tags(names)
    assert len(tags) >= 4
    assert len(set(names)) == len(names)
    assert sorted(set(tags)) == sorted(tags)


def _one_page(text: str, attachment: bytes | None = None) -> bytes:
    """One page of ``text`` in the bundled serif, embedded as a subset; with the first page of
    ``attachment`` drawn under it as the package draws a PDF attachment's page.
    """
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setTitle(text)
    pdf.setFont(fonts().serif, 14)
    pdf.drawString(72, 700, text)
    if attachment is not None:
        pages = PdfPages()
        pages.add(7, attachment)
        pdf.translate(72, 72)
        pages.draw(pdf, 7, 0, 300.0, 400.0)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _tagged_as(data: bytes, tag: str) -> bytes:
    """``data`` with its subset fonts' tags set to ``tag``, as another program may have."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            name = str(font["/BaseFont"])
            if name[7:8] == "+":
                font[NameObject("/BaseFont")] = NameObject(f"/{tag}{name[7:]}")
                descriptor = font["/FontDescriptor"].get_object()
                descriptor[NameObject("/FontName")] = NameObject(f"/{tag}{name[7:]}")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_attachment_fonts_with_a_tag_in_use_get_their_own(tmp_path):
    base = _one_page("申报材料正文")
    (ours,) = _subset_tags(font_names(PdfReader(io.BytesIO(base))))
    attachment = _tagged_as(_one_page("附件审计报告"), ours)
    assert _subset_tags(font_names(PdfReader(io.BytesIO(attachment)))) == [ours]
    merged = _one_page("申报材料正文", attachment)
    reader = PdfReader(io.BytesIO(merged))
    tags = _subset_tags(font_names(reader))
    assert len(tags) == 2
    assert tags[0] != tags[1]
    assert "附件审计报告" in squeeze(reader.pages[0].extract_text())  # ToUnicode still found
    path = tmp_path / "merged.pdf"
    path.write_bytes(merged)
    assert last_trailer(path)["/Info"].get_object()["/Title"] == "申报材料正文"


# --- blank back pages -----------------------------------------------------------------------------


def test_blank_back_pages_print_nothing(internal_pdf):
    reader = PdfReader(internal_pdf)
    texts = page_texts(reader)
    title, org = reader.metadata.title, reader.metadata.author
    blank = []
    for n, text in enumerate(texts[1:], 1):
        content = FOOTER.sub("", text)
        for mark in (title, org, *INTERNAL_MARKS):
            content = content.replace(mark, "")
        lines = [line for line in content.split("\n") if not ROMAN.match(line.strip())]
        if not squeeze("".join(lines)):
            blank.append(n)
            assert not text.strip(), (n, text)
    assert 1 in blank  # double-sided: the cover's back at least
    labels = reader.page_labels  # a blank page is still a page: the numbering counts it
    front = sum(1 for label in labels if ROMAN.match(label))
    assert labels == [roman(n) for n in range(1, front + 1)] + [
        str(n) for n in range(1, len(texts) - front + 1)
    ]


def test_the_package_uses_our_fonts_after_the_demo_was_built_in_the_same_process(package):
    # the demo's attachments are drawn with the same font file; reportlab then handed that plain
    # font to our name, and the package's serif went out untagged (AAAAAA+…, AAAAAB+…)
    ours = set()
    for page in package[0].pages:
        for font in page["/Resources"]["/Font"].values():
            name = str(font.get_object()["/BaseFont"])
            if "QualityDesk" in name:
                ours.add(name[1:7])
    assert len(ours) >= 4
    assert not {tag for tag in ours if tag.startswith("AAAAA")}
