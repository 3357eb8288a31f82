"""The Word copy (.docx): read back with python-docx, its text must be the document's text.

The demo is exported once per module (the package, one item, one category); each test reads
those files. LibreOffice, where it is installed, converts the package to PDF as a check that the
file opens without a repair.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from markdown_it import MarkdownIt
from PIL import Image
from pypdf import PdfReader

from qualitydesk import cli
from qualitydesk.domain.charts import RadarChart
from qualitydesk.export.docx import ExportCancelled, ExportError, export_docx, styled_document
from qualitydesk.export.graphics import radar_drawing
from qualitydesk.export.markdown import Numbering
from qualitydesk.export.raster import drawing_png
from qualitydesk.export.wordtext import WordText
from qualitydesk.store.document import Document

HEADING = re.compile(r"Heading ([1-9])")


@pytest.fixture(scope="module")
def exported(demo, forms, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    out = {
        "package": folder / "package.docx",
        "item": folder / "item.docx",
        "category": folder / "category.docx",
    }
    export_docx(demo, forms, out["package"])
    export_docx(demo, forms, out["item"], item="4.1.2")
    export_docx(demo, forms, out["category"], category="4.7")
    return out


@pytest.fixture(scope="module")
def package(exported):
    return docx.Document(str(exported["package"]))


def _style(paragraph) -> str:
    """A paragraph's style name, quickly (``paragraph.style`` searches all styles each time)."""
    part = paragraph.part
    names = getattr(part, "_test_style_names", None)
    if names is None:
        names = {s.style_id: s.name for s in part.document.styles}
        names[None] = "Normal"
        part._test_style_names = names
    return names[paragraph._p.style]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _headings(word, deepest: int = 3) -> list[tuple[int, str]]:
    found = []
    for p in word.paragraphs:
        match = HEADING.fullmatch(_style(p))
        if match and int(match.group(1)) <= deepest:
            found.append((int(match.group(1)), p.text))
    return found


def _stream(word) -> list[str]:
    """Every paragraph's and every table cell's text, in document order, whitespace removed."""
    out: list[str] = []
    for block in word.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                out += [_squash(cell.text) for cell in row.cells]
        else:
            out.append(_squash(block.text))
    return out


def _markdown_texts(markdown: str) -> list[str]:
    """The text of each paragraph, heading, list item and table cell of a narrative."""
    texts = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline":
            parts = [c.content for c in token.children or [] if c.type != "image"]
            text = _squash("".join(parts))
            if text:
                texts.append(text)
    return texts


def _expected_headings(doc, forms) -> list[tuple[int, str]]:
    award = forms.award(doc.award_id)
    framework = forms.framework(doc.framework_id)
    out: list[tuple[int, str]] = []
    for part in award.parts:
        out.append((1, part.name))
        if part.id == "commitment":
            out += [(2, "一、申报资格自查"), (2, "二、申报承诺")]
        elif part.id == "profile":
            group = None
            for section in framework.profile.sections:
                if section.group != group:
                    group = section.group
                    out.append((2, group))
                out.append((3, f"{section.id} {section.name}"))
        elif part.id == "report":
            for category in framework.categories:
                out.append((2, f"{category.id} {category.name}"))
                out += [(3, f"{item.id} {item.name}") for item in category.items]
        elif part.id == "indicators":
            with_data = {i.item for i in doc.indicators()}
            out += [(2, f"{i.id} {i.name}") for i in framework.items if i.id in with_data]
    return out


# --- the package ---------------------------------------------------------------------------------


def test_headings_are_the_packages_parts_and_items_in_order(package, demo, forms):
    assert _headings(package) == _expected_headings(demo, forms)


def test_every_paragraph_and_table_cell_of_the_narratives_is_there_in_order(package, demo, forms):
    framework = forms.framework(demo.framework_id)
    expected: list[str] = []
    for section in framework.profile.sections:
        expected += _markdown_texts(demo.profile(section.id))
    for item in framework.items:
        expected += _markdown_texts(demo.narrative(item.id))
    assert len(expected) > 500
    stream = _stream(package)
    position = 0
    for text in expected:
        while position < len(stream) and stream[position] != text:
            position += 1
        assert position < len(stream), f"missing or out of order: {text[:40]}"
        position += 1


def test_narrative_headings_are_one_level_below_the_item(package):
    levels = [
        int(HEADING.fullmatch(_style(p)).group(1))
        for p in package.paragraphs
        if HEADING.fullmatch(_style(p))
    ]
    assert 4 in levels
    assert max(levels) == 4  # the demo's ### headings


def test_the_contents_is_a_toc_field_that_word_updates(package):
    body = package.element.body
    instructions = [e.text for e in body.iter(qn("w:instrText"))]
    assert any(re.fullmatch(r'\s*TOC \\o "1-3" \\h \\z \\u\s*', t) for t in instructions)
    update = package.settings.element.find(qn("w:updateFields"))
    assert update is not None
    assert update.get(qn("w:val")) == "true"
    entries = [p.text for p in package.paragraphs if _style(p).startswith("toc ")]
    assert entries == [text for _, text in _headings(package)]  # until Word fills in pages


def test_chinese_fonts_size_and_spacing(package):
    def fonts(style_name):
        rfonts = package.styles[style_name].element.rPr.rFonts
        return rfonts.get(qn("w:eastAsia")), rfonts.get(qn("w:ascii"))

    assert fonts("Normal") == ("宋体", "Times New Roman")
    for level in (1, 2, 3, 4):
        assert fonts(f"Heading {level}") == ("黑体", "Arial")
    assert package.styles["Heading 1"].element.rPr.rFonts.get(qn("w:asciiTheme")) is None
    normal = package.styles["Normal"]
    assert normal.font.size.pt == 12  # 小四
    assert normal.paragraph_format.line_spacing == 1.5
    defaults = package.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:rFonts')}").get(qn("w:eastAsia")) == "宋体"
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:eastAsia")) == "zh-CN"


def test_a4_with_a_gutter_and_page_numbers(package):
    section = package.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.gutter - Mm(10)) < Mm(0.1)
    assert abs(section.left_margin + section.gutter - Mm(25)) < Mm(0.1)
    footer = section.footer.paragraphs[0]
    fields = [e.text.strip() for e in footer._p.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert section.different_first_page_header_footer  # no number on the cover


def test_tables_have_a_caption_above_and_a_repeated_header_row(package):
    blocks = list(package.iter_inner_content())
    captioned = 0
    for before, block in pairwise(blocks):
        if isinstance(block, docx.table.Table) and before.text.startswith("表"):
            captioned += 1
            assert _style(before) == "Caption"
            header = block.rows[0]._tr.trPr
            assert header is not None
            assert header.find(qn("w:tblHeader")) is not None
            assert all(_style(p) == "表头文字" for c in block.rows[0].cells for p in c.paragraphs)
    assert captioned > 40


def test_table_and_figure_numbers_follow_the_pdf(package, demo, forms):
    paragraphs = [*package.paragraphs]
    for table in package.tables:  # the charts sit two by two in a table without lines
        paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    captions = [p.text for p in paragraphs if _style(p) == "Caption"]
    framework = forms.framework(demo.framework_id)
    for item in framework.items:
        tables = [c for c in captions if c.startswith(f"表{item.id}-")]
        in_text = MarkdownIt("commonmark").enable("table").parse(demo.narrative(item.id))
        count = sum(1 for t in in_text if t.type == "table_open")
        members = [i for i in demo.indicators() if i.item == item.id]
        assert len(tables) == count + (1 if members else 0)
        if members:  # the indicator table comes after the narrative's tables
            assert tables[-1] == f"表{item.id}-{count + 1} 关键绩效指标"
            charts = [c for c in captions if c.startswith(f"图{item.id}-")]
            assert charts == [f"图{item.id}-{n} {i.name}" for n, i in enumerate(members, 1)]


def test_charts_are_pictures_at_print_resolution(package, demo):
    shapes = list(package.inline_shapes)
    with_values = [i for i in demo.indicators() if i.values]
    assert len(shapes) == len(with_values)
    descriptions = [s._inline.docPr.get("descr") for s in shapes]
    assert descriptions == [f"indicator:{i.id}" for i in with_values]
    blip = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    image = package.part.related_parts[blip.embed]
    with Image.open(io.BytesIO(image.blob)) as png:
        assert png.format == "PNG"
        inches = shapes[0].width / 914400
        assert png.width / inches >= 290  # about 300 dpi as placed


def test_evidence_is_listed_not_embedded(package, demo):
    attachments = demo.attachments()
    assert attachments
    cells = {_squash(c.text) for t in package.tables for row in t.rows for c in row.cells}
    for attachment in attachments:
        assert _squash(attachment.file_name) in cells
    media = [p for p in package.part.package.iter_parts() if "/media/" in str(p.partname)]
    assert len(media) == len([i for i in demo.indicators() if i.values])  # charts only


def test_marker_in_the_core_properties(package, demo):
    props = package.core_properties
    assert props.identifier == f"qualitydesk:{demo.meta['created']}"
    assert props.subject == ""
    assert props.category == "QualityDesk 申报材料"
    assert str(demo.path) in props.comments
    assert props.author == demo.field("org_name")


# --- one item, one category -------------------------------------------------------------------


def test_an_item_copy_holds_only_that_item(exported, demo):
    word = docx.Document(str(exported["item"]))
    assert _headings(word) == [(3, "4.1.2 高层领导的作用")]
    props = word.core_properties
    assert props.subject == "4.1.2"
    assert props.identifier == f"qualitydesk:{demo.meta['created']}"
    assert props.category == "QualityDesk 分项"
    stream = [t for t in _stream(word) if t]
    intro = [p for p in word.paragraphs if _style(p) == "QualityDesk 说明"]
    assert len(intro) == 3
    assert _style(word.paragraphs[0]) == "QualityDesk 说明"
    narrative = _markdown_texts(demo.narrative("4.1.2"))
    body = stream[len(intro) + 1 :]
    assert [t for t in body if t in narrative] == narrative
    other = _squash(demo.narrative("4.1.3"))[:40]
    assert not any(other in t for t in stream)
    assert not word.inline_shapes


def test_a_category_copy_holds_its_items(exported, forms, demo):
    word = docx.Document(str(exported["category"]))
    category = next(c for c in forms.framework(demo.framework_id).categories if c.id == "4.7")
    assert _headings(word) == [(2, "4.7 结果")] + [(3, f"{i.id} {i.name}") for i in category.items]
    assert word.core_properties.subject == "4.7"


def test_a_profile_section_and_unknown_sections(demo, forms, tmp_path):
    result = export_docx(demo, forms, tmp_path / "b.docx", item="B.1.1")
    assert result.scope.kind == "profile"
    assert docx.Document(str(result.path)).core_properties.subject == "profile:B.1.1"
    with pytest.raises(ExportError, match=r"没有评分项“9\.9”"):
        export_docx(demo, forms, tmp_path / "x.docx", item="9.9")
    with pytest.raises(ExportError, match="没有类目"):
        export_docx(demo, forms, tmp_path / "x.docx", category="4.1.2")
    assert not (tmp_path / "x.docx").exists()


def test_pictures_in_a_narrative_carry_their_source(demo, forms, tmp_path):
    path = tmp_path / "pictures.qdesk"
    shutil.copy(demo.path, path)
    image = next(a for a in demo.attachments() if a.media_type.startswith("image/"))
    indicator = demo.indicators()[0]
    with Document.open(path) as doc:
        doc.set_narrative(
            "4.1.2",
            f"前文。\n\n![证书](attachment:{image.id})\n\n![](indicator:{indicator.id})\n",
        )
        doc.save()
        result = export_docx(doc, forms, tmp_path / "pictures.docx", item="4.1.2")
    word = docx.Document(str(result.path))
    shapes = list(word.inline_shapes)
    sources = [s._inline.docPr.get("descr") for s in shapes]
    assert sources == [f"attachment:{image.id}", f"indicator:{indicator.id}"]
    assert all(s.width <= Mm(170) + 1 for s in shapes)
    captions = [p.text for p in word.paragraphs if _style(p) == "Caption"]
    assert captions == ["图4.1.2-1 证书", f"图4.1.2-2 {indicator.name}"]


# --- writing -----------------------------------------------------------------------------------


def test_cancelling_writes_nothing_and_an_existing_file_is_kept(demo, forms, tmp_path):
    out = tmp_path / "copy.docx"
    with pytest.raises(ExportCancelled):
        export_docx(demo, forms, out, progress=lambda done, total, message: done < 20)
    assert not out.exists()
    out.write_bytes(b"old")
    with pytest.raises(ExportError, match="已存在"):
        export_docx(demo, forms, out, item="4.1.2")
    assert out.read_bytes() == b"old"
    export_docx(demo, forms, out, item="4.1.2", force=True, double_sided=True)
    word = docx.Document(str(out))
    assert word.settings.element.find(qn("w:mirrorMargins")) is not None
    with pytest.raises(ExportError, match="申报文件本身"):
        export_docx(demo, forms, demo.path, force=True)


def test_markdown_blocks_become_word_blocks():
    word = styled_document()
    text = WordText(word, Numbering(), lambda kind, ref: (None, ""))
    markdown = (
        "### 小节\n\n正文**加粗**与*强调*和`代码`。\n\n"
        "3. 第三\n4. 第四\n   - 子项\n\n中间\n\n1. 另一个列表\n\n"
        "> 引文\n\n```\ncode\n```\n\n---\n\n"
        "| 甲 | 乙 |\n|:--:|--:|\n| 1 | 2 |\n\n![图名](indicator:none)\n"
    )
    text.narrative(markdown, "4.1.2", 4)
    styles = [(_style(p), p.text) for p in word.paragraphs]
    assert styles[0] == ("Heading 4", "小节")
    runs = {r.text: (r.bold, r.italic, r.font.name) for r in word.paragraphs[1].runs}
    assert runs["加粗"][0]
    assert runs["强调"][1]
    assert runs["代码"][2] == "Consolas"
    assert [s for s in styles if s[0].startswith("List")] == [
        ("List Number", "第三"),
        ("List Number", "第四"),
        ("List Bullet 2", "子项"),
        ("List Number", "另一个列表"),
    ]
    numbered = [p for p in word.paragraphs if _style(p) == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2]  # the second list starts again
    numbering = word.part.numbering_part.element
    start = numbering.num_having_numId(ids[0]).find(f".//{qn('w:startOverride')}")
    assert start.get(qn("w:val")) == "3"
    assert ("Quote", "引文") in styles
    assert ("代码", "code") in styles
    assert ("Caption", "表4.1.2-1") in styles
    table = word.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["1", "2"]
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right
    assert ("注释", "（图片“indicator:none”不在申报文件中，未能印出）") in styles
    assert ("Caption", "图4.1.2-1 图名") in styles


def test_a_chart_with_a_see_through_fill_paints_at_300_dpi():
    chart = RadarChart(("领导", "战略", "顾客"), (0.6, 0.5, 0.7), (("良好", 0.55),))
    png = drawing_png(radar_drawing(chart, 200.0))
    with Image.open(io.BytesIO(png)) as image:
        assert image.info["dpi"][0] == pytest.approx(300, abs=1)
        assert image.width == round((200 + 190) * 300 / 72)
        colours = {c for _, c in image.convert("RGB").getcolors(1 << 16)}
        assert len(colours) > 3


# --- the command line and LibreOffice -----------------------------------------------------------


def test_command_line_exit_codes(demo, tmp_path, capsys):
    out = tmp_path / "包.docx"
    assert cli.main(["export", str(demo.path), "-o", str(out), "--item", "4.1.2"]) == 0
    assert "已导出 Word 副本" in capsys.readouterr().out
    assert cli.main(["export", str(demo.path), "-o", str(out), "--item", "4.1.2"]) == 2
    assert "--force" in capsys.readouterr().err
    for extra in (
        ["--item", "9.9"],
        ["--kind", "internal"],
        ["--category", "4.1", "--item", "4.1.2"],
    ):
        assert cli.main(["export", str(demo.path), "-o", str(tmp_path / "x.docx"), *extra]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "Traceback" not in err
    assert (
        cli.main(["export", str(demo.path), "-o", str(tmp_path / "x.pdf"), "--item", "4.1.2"]) == 2
    )
    assert "Word" in capsys.readouterr().err


def _libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not _libreoffice(), reason="LibreOffice (soffice) is not on PATH")
@pytest.mark.slow
def test_libreoffice_opens_the_copy_and_converts_it(exported, tmp_path):
    profile = (tmp_path / "profile").as_uri()
    command = [
        _libreoffice(),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(exported["package"]),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    pdf = tmp_path / "package.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.exists(), done.stdout + done.stderr
    assert pdf.stat().st_size > 0
    assert len(PdfReader(pdf).pages) > 40
