"""The look of the Word copy: its styles and its page.

:func:`apply_styles` gives a document the styles a Chinese office expects: 宋体 小四 body text
at 1.5 lines, 黑体 headings in Word's built-in heading styles (标题 1–3 in a Chinese Word, so the
navigation pane and the 目录 work), list levels two characters apart, and the copy's own styles
(表格文字, 代码, 注释 …). :func:`set_page` makes the page A4 with a 10 mm gutter on the binding
side, the title in the header and page numbers in the footer.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from qualitydesk.export import wordxml
from qualitydesk.export.wordparts import COVER, INTRO, SUBTITLE
from qualitydesk.export.wordtext import CAPTION, CELL, CODE, HEAD_CELL, NOTE, QUOTE

SERIF_LATIN, SERIF_CJK = "Times New Roman", "宋体"
SANS_LATIN, SANS_CJK = "Arial", "黑体"
BODY_PT = 12.0  # 小四
HEADING_PT = {1: 18.0, 2: 15.0, 3: 13.5, 4: 12.0, 5: 12.0, 6: 12.0}
HEADING_SPACE = {1: (6, 16), 2: (12, 8), 3: (10, 6), 4: (6, 3), 5: (6, 3), 6: (6, 3)}
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x4D, 0x4D, 0x4D)
LIST_STEP_PT = 24.0  # one list level: two characters


def apply_styles(word: WordDocument) -> None:
    """宋体 小四 at 1.5 lines for the text, 黑体 headings, and the styles the parts use."""
    wordxml.chinese_defaults(word, SERIF_LATIN, SERIF_CJK)
    styles = word.styles
    normal = styles["Normal"]
    _look(normal, SERIF_LATIN, SERIF_CJK, BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing = 1.5
    fmt.first_line_indent = Pt(2 * BODY_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = True
    for level, size in HEADING_PT.items():
        style = styles[f"Heading {level}"]
        _look(style, SANS_LATIN, SANS_CJK, size, bold=True)
        style.font.italic = False
        before, after = HEADING_SPACE[level]
        _block(style, before, after, line=1.25)
        style.paragraph_format.keep_with_next = True
        if level == 1:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.page_break_before = True  # each part on a new page
    for level in (1, 2, 3):
        toc = _add(word, f"toc {level}", "Normal")
        toc.paragraph_format.first_line_indent = Pt(0)
        toc.paragraph_format.left_indent = Pt(BODY_PT * 2 * (level - 1))
        if level == 1:
            _look(toc, SANS_LATIN, SANS_CJK, 12.5, bold=True)
    _list_styles(word)
    _own_styles(word)


def _own_styles(word: WordDocument) -> None:
    styles = word.styles
    caption = styles[CAPTION]
    _look(caption, SANS_LATIN, SANS_CJK, 10.5)
    _block(caption, 3, 8, line=1.0, align=WD_ALIGN_PARAGRAPH.CENTER)
    quote = styles[QUOTE]
    quote.font.italic = False
    quote.font.color.rgb = GREY
    quote.paragraph_format.left_indent = Pt(LIST_STEP_PT)
    subtitle = _add(word, SUBTITLE, "Normal")
    _look(subtitle, SANS_LATIN, SANS_CJK, 14.0, bold=True)
    _block(subtitle, 12, 6, line=1.25)
    subtitle.paragraph_format.keep_with_next = True
    cover = _add(word, COVER, "Normal")
    _look(cover, SANS_LATIN, SANS_CJK, 16.0)
    _block(cover, 0, 0, line=1.5, align=WD_ALIGN_PARAGRAPH.CENTER)
    code = _add(word, CODE, "Normal")
    _look(code, "Consolas", SANS_CJK, 10.0)
    _block(code, 0, 4, line=1.15)
    code.paragraph_format.left_indent = Pt(LIST_STEP_PT)
    cell = _add(word, CELL, "Normal")
    _look(cell, SERIF_LATIN, SERIF_CJK, 10.5)
    _block(cell, 0, 0, line=1.15, align=WD_ALIGN_PARAGRAPH.LEFT)
    head = _add(word, HEAD_CELL, CELL)
    _look(head, SANS_LATIN, SANS_CJK, 10.5, bold=True)
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note = _add(word, NOTE, "Normal")
    _look(note, SERIF_LATIN, SERIF_CJK, 10.5)
    _block(note, 0, 4, line=1.25, align=WD_ALIGN_PARAGRAPH.LEFT)
    intro = _add(word, INTRO, NOTE)
    intro.font.color.rgb = GREY
    for name in ("Header", "Footer"):
        _look(styles[name], SERIF_LATIN, SERIF_CJK, 9.0)
        _block(styles[name], 0, 0, line=1.0, align=WD_ALIGN_PARAGRAPH.CENTER)


def _list_styles(word: WordDocument) -> None:
    """List levels indented two characters each, the marker hanging in front of the text."""
    for level in (1, 2, 3):
        suffix = "" if level == 1 else f" {level}"
        for name in ("List Bullet", "List Number"):
            fmt = word.styles[name + suffix].paragraph_format
            fmt.left_indent = Pt(LIST_STEP_PT * level + 18)
            fmt.first_line_indent = Pt(-18)
        fmt = word.styles["List Continue" + suffix].paragraph_format
        fmt.left_indent = Pt(LIST_STEP_PT * level + 18)
        fmt.first_line_indent = Pt(0)
        fmt.space_after = Pt(0)


def _add(word: WordDocument, name: str, based_on: str) -> ParagraphStyle:
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = word.styles[based_on]
    style.quick_style = True
    return style


def _look(style: ParagraphStyle, latin: str, cjk: str, size: float, *, bold: bool = False) -> None:
    wordxml.set_style_fonts(style, latin, cjk)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = BLACK


def _block(
    style: ParagraphStyle,
    before: float,
    after: float,
    *,
    line: float,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = line
    fmt.first_line_indent = Pt(0)
    if align is not None:
        fmt.alignment = align


def set_page(word: WordDocument, title: str, *, cover: bool, double_sided: bool) -> None:
    """A4; 15 mm margins plus a 10 mm gutter on the binding side (25 mm, as the PDF's); ``title``
    in the header, 第 N 页 共 M 页 in the footer; no header or footer on the ``cover`` page.
    """
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(15)
    section.gutter = Mm(10)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)
    if double_sided:
        wordxml.mirror_margins(word)
    section.different_first_page_header_footer = cover
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    footer.add_run("第 ")
    wordxml.add_field(footer, "PAGE", "1")
    footer.add_run(" 页 共 ")
    wordxml.add_field(footer, "NUMPAGES", "1")
    footer.add_run(" 页")
