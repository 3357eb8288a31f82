"""Pages are full (issue 14 §1): a heading keeps the first lines of what follows, not all of it;
long tables start where they are; no line of a paragraph stands alone at a page's top or foot.

Positions are read back from the PDF with pypdfium2 (:func:`tests.helpers.pdfcheck.foot_blanks`
and character boxes here).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Spacer

from qualitydesk.export.blocks import Heading
from qualitydesk.export.flowables import Para, TextStyle
from qualitydesk.export.fonts import SANS_BOLD, SERIF, fonts
from qualitydesk.export.layout import PageSetup, build
from qualitydesk.export.markdown import Narrative, Numbering, Sources
from qualitydesk.export.pdf import export_pdf
from qualitydesk.export.styles import make_styles
from tests.helpers.pdfcheck import MM, Entry, foot_blanks, opening_groups, section_start

SETUP = PageSetup(title="排版测试", org="测试组织", subject="测试", creator="QualityDesk 测试")
BODY = TextStyle(SERIF, 12.0, 21.0, align="left")
HEADING = TextStyle(SANS_BOLD, 15.0, 24.0, align="left", space_before=12.0, space_after=8.0)


def _export(story: list, path: Path) -> Path:
    fonts()
    result = build(lambda: story, SETUP, lambda *_: None)
    path.write_bytes(result.pdf)
    return path


def _lines(pdf: Path, char: str) -> list[int]:
    """Per page, how many lines hold ``char`` (characters grouped by their baseline)."""
    counts = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            text_page = page.get_textpage()
            rows = {
                round(text_page.get_charbox(i)[1])
                for i in range(text_page.count_chars())
                if text_page.get_text_range(i, 1) == char
            }
            counts.append(len(rows))
            text_page.close()
            page.close()
    finally:
        document.close()
    return counts


def _para(char: str, lines: int) -> Para:
    """A paragraph of ``char`` only, exactly ``lines`` lines long on the text block."""
    width = SETUP.geometry.text_width
    length = int(width // BODY.size) * lines - 2
    para = Para(char * length, BODY)
    while len(para.lines_for(width)) > lines:
        length -= 1
        para = Para(char * length, BODY)
    assert len(para.lines_for(width)) == lines
    return para


def _filler(lines_left: int, extra: float = 0.0) -> Spacer:
    """A gap at a page's top leaving room for ``lines_left`` body lines (and ``extra``)."""
    room = lines_left * BODY.leading + extra + 2.0  # a little more than the lines need
    return Spacer(1, SETUP.geometry.text_height - room)


def _kept_blocks(entry: Entry) -> bool:
    """A part, an attachment, or the 申报承诺: the pledge and the lines signed under it are one
    block kept together (the signatures never stand apart from what they sign).
    """
    return section_start(entry) or entry.title.endswith("申报承诺")


@pytest.mark.parametrize("layout", ["标准", "紧凑"])
@pytest.mark.slow
def test_the_demo_packages_pages_are_full_but_where_a_section_ends(demo, forms, tmp_path, layout):
    """No page but a section's last ends with more than 30 mm blank — unless what opens the
    next page could not stand at its foot: a page may be as short as the group the keep
    rules hold together at the next page's top (headings or a 表题 with the first two lines
    of a paragraph, or with a table's header and first rows), measured from the PDF by
    :func:`opening_groups`. Nothing else is excused.
    """
    pdf = export_pdf(demo, forms, tmp_path / "package.pdf", layout=layout).path
    blanks = foot_blanks(pdf, starts=_kept_blocks)
    groups = opening_groups(pdf)
    short = [
        (page, blank, groups[page])  # groups[page]: the next page's (pages count from 1)
        for page, blank, ends in blanks
        if not ends and blank > 30 and blank >= groups[page]
    ]
    assert not short, (
        f"pages with more than 30 mm blank at the foot (page, mm, next group): {short}"
    )
    assert any(ends for _, _, ends in blanks[:-1])  # parts begin on new pages


def test_a_heading_at_a_page_foot_keeps_two_lines_of_its_paragraph(tmp_path):
    heading = Heading("标题甲", HEADING, key="h", level=0)
    room = HEADING.space_before + HEADING.leading + HEADING.space_after
    story = [_filler(2, room), heading, _para("乙", 30)]
    pdf = _export(story, tmp_path / "heading.pdf")
    lines = _lines(pdf, "乙")
    assert _lines(pdf, "甲")[0] == 1  # the heading stays on the first page...
    assert lines[0] == 2  # ...with two lines of its paragraph
    assert sum(lines) == 30
    assert foot_blanks(pdf, bottom=SETUP.geometry.bottom)[0].blank_mm < BODY.leading / MM


def test_a_heading_too_low_for_two_lines_goes_over_with_them(tmp_path):
    heading = Heading("标题甲", HEADING, key="h", level=0)
    room = HEADING.space_before + HEADING.leading + HEADING.space_after
    story = [_filler(1, room), heading, _para("乙", 30)]  # the heading and one line would fit
    pdf = _export(story, tmp_path / "heading.pdf")
    assert _lines(pdf, "甲")[:2] == [0, 1]
    assert _lines(pdf, "乙")[0] == 0


def test_a_long_table_under_a_heading_starts_on_the_page_it_is_reached(tmp_path):
    rows = "\n".join(f"| 第{n}行 | {n * 3} |" for n in range(1, 301))
    markdown = f"前文一段。\n\n### 主要指标\n\n| 项目 | 数值 |\n|---|---|\n{rows}\n"
    styles = make_styles(SETUP.geometry)
    width = SETUP.geometry.text_width
    narrative = Narrative(styles, Numbering(), Sources(), width, "4.1.1", "item.4.1.1", 0)
    pdf = _export(narrative.render(markdown), tmp_path / "table.pdf")
    blanks = foot_blanks(pdf, bottom=SETUP.geometry.bottom)
    assert blanks[0].blank_mm <= 30, blanks[:2]  # it was 216 mm: all moved to page 2
    assert all(blank <= 30 for _, blank, ends in blanks if not ends)


def test_no_line_of_a_paragraph_stands_alone_at_a_page_top_or_foot(tmp_path):
    marks = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
    cases = [(lines, room) for lines in range(2, 7) for room in range(1, lines + 1)]
    story: list = []
    for (lines, room), char in zip(cases, marks, strict=False):
        story += [_filler(room), _para(char, lines), Para("尾" * 40, BODY), PageBreak()]
    pdf = _export(story, tmp_path / "widows.pdf")
    for (lines, room), char in zip(cases, marks, strict=False):
        per_page = [count for count in _lines(pdf, char) if count]
        assert sum(per_page) == lines
        assert len(per_page) == 1 or min(per_page) >= 2, (lines, room, per_page)
        if lines >= 4 and 2 <= room < lines:  # long enough to divide: it does, filling the foot
            assert per_page[0] == min(room, lines - 2), (lines, room, per_page)


def test_foot_blanks_measures_from_the_text_block_bottom_without_the_footer(tmp_path):
    fonts()
    pdf = tmp_path / "feet.pdf"
    canvas = Canvas(str(pdf))
    for page, lowest in enumerate((100.0, 100.0 + 40 * MM, 300.0), 1):
        canvas.bookmarkPage(f"p{page}")
        if page == 3:
            canvas.addOutlineEntry("第二部分", f"p{page}", level=0)
        canvas.rect(72, lowest, 200, 400, stroke=0, fill=1)
        canvas.setFont(SERIF, 10)
        canvas.drawCentredString(300, 40, f"第 {page} 页 共 3 页")
        canvas.showPage()
    canvas.save()
    assert [(p, round(b), e) for p, b, e in foot_blanks(pdf)] == [
        (1, 0, False),
        (2, 40, True),  # the next page begins a part
        (3, round((300 - 100) / MM), True),  # the last page
    ]
    assert round(foot_blanks(pdf, bottom=100 - 5 * MM)[0].blank_mm) == 5
