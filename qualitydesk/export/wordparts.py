"""The parts of the Word copy, in the programme's order and with the PDF package's content:
cover, 目录, 申请表, 资格自查与承诺, 组织概述, 自评报告, 关键绩效数据, 证实性材料 (the list only),
推荐意见. Names, values, numbering and order come from the same helpers as the PDF's
(:mod:`~qualitydesk.export.book`, :mod:`~qualitydesk.export.form`,
:mod:`~qualitydesk.export.evidence`), so the two say the same thing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from reportlab.lib.units import mm

from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.indicators import Indicator
from qualitydesk.export import evidence, wordxml
from qualitydesk.export.book import EMPTY, Book, chinese_date
from qualitydesk.export.evidence import CHART_HEIGHT, by_item, figure_text, proves
from qualitydesk.export.form import LABEL
from qualitydesk.export.graphics import trend_drawing
from qualitydesk.export.layout import TEXT_WIDTH
from qualitydesk.export.package import clip, joined
from qualitydesk.export.raster import drawing_png
from qualitydesk.export.wordruns import Run, plain
from qualitydesk.export.wordtext import BODY, NOTE, TEXT_WIDTH_MM, WordText, set_widths

TOC_LEVELS = 3
SUBTITLE = "小标题"  # a heading that is not in the 目录 (a group of the 申请表, 材料清单)
COVER = "封面"
INTRO = "QualityDesk 说明"  # the note at the top of a per-section copy: not content
LABEL_FILL = "F5F5F5"
LABEL_MM = LABEL / mm  # the 申请表 label column, as in the PDF


@dataclass
class WordBook:
    """What the parts share: the PDF's :class:`Book` (names, values, numbering) and the Word
    document being written.
    """

    book: Book
    word: WordDocument
    text: WordText
    contents: list[tuple[str, int]] = field(default_factory=list)  # headings for the 目录

    @property
    def check(self) -> Callable[[str], None]:
        """The book's progress step (it may raise to cancel)."""
        return self.book.check

    def heading(self, text: str, level: int) -> Paragraph:
        """A heading of Word ``level``; levels 1–3 go into the 目录."""
        if level <= TOC_LEVELS:
            self.contents.append((text, level))
        return self.text.add(text, f"Heading {level}")

    def subtitle(self, text: str) -> Paragraph:
        """A heading that stays out of the 目录, kept with what follows."""
        paragraph = self.text.add(text, SUBTITLE)
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def para(self, text: str, style: str = BODY) -> Paragraph:
        """A paragraph of ``text`` in ``style``."""
        return self.text.add(text, style)

    def narrative(self, markdown: str, prefix: str) -> None:
        """A narrative under its item's heading (its headings from 标题 4), or 未填写."""
        if not markdown.strip():
            self.para(EMPTY, NOTE)
            return
        self.text.narrative(markdown, prefix, 4)


# --- cover and 目录 -------------------------------------------------------------------------


def cover(wb: WordBook) -> None:
    """The cover: programme, title, the organisation's details, seal boxes and copies note."""
    book, doc = wb.book, wb.book.doc
    wb.para("", COVER).paragraph_format.space_before = Pt(120)
    wb.para(book.programme, COVER).runs[0].font.size = Pt(16)
    title = wb.para("申　报　材　料", COVER)
    title.runs[0].font.size = Pt(36)
    title.paragraph_format.space_before = Pt(30)
    title.paragraph_format.space_after = Pt(80)
    fields = [
        ("申报组织（盖章）", book.org),
        ("推荐单位（盖章）", str(doc.field("recommender") or "")),
        ("联　系　人", str(doc.field("contact_name") or "")),
        ("联系电话", joined(doc.field("contact_phone"), doc.field("contact_mobile"), sep="　")),
        ("填表日期", chinese_date(str(doc.field("filled_on") or doc.application_date))),
    ]
    table = wb.word.add_table(rows=len(fields), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, [56.0, 100.0])
    for row, (label, value) in zip(table.rows, fields, strict=True):
        for cell, text in zip(row.cells, (label, clip(value)), strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            wb.text.restyle(cell.paragraphs[0], COVER)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
            cell.paragraphs[0].add_run(text)
        wordxml.underline_cell(row.cells[1])
    wb.para("", COVER).paragraph_format.space_after = Pt(30)
    if book.award.seals:  # the programme's own seal boxes and copies note (its [cover])
        _seal_boxes(wb, book.award.seals)
    if book.award.copies:
        note = wb.para(book.award.copies, NOTE)
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        note.paragraph_format.space_before = Pt(12)


def _seal_boxes(wb: WordBook, labels: tuple[str, ...]) -> None:
    """Empty ruled boxes where the seals go, each labelled at its foot."""
    table = wb.text.ruled_table(1, len(labels))
    table.rows[0].height = Mm(42)
    set_widths(table, [60.0] * len(labels))
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        wb.text.restyle(cell.paragraphs[0], NOTE)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.paragraphs[0].add_run(label)


def contents(wb: WordBook) -> Paragraph:
    """The 目录's title and the place of its entries (:func:`fill_contents`, once the headings
    are written).
    """
    title = wb.para("目　　录", "TOC Heading")
    title.paragraph_format.page_break_before = True
    return wb.text.add("", "toc 1")


def fill_contents(wb: WordBook, place: Paragraph) -> None:
    """目录: a TOC field over 标题 1–3 that Word fills in with page numbers when it opens the file
    (or on F9); until then it lists the headings, so other programs show a 目录 too.
    """
    entries = wb.contents
    if not entries:
        entries = [("（按 F9 更新目录）", 1)]
    paragraphs = [place.insert_paragraph_before() for _ in entries]
    for paragraph, (_, level) in zip(paragraphs, entries, strict=True):
        wb.text.restyle(paragraph, f"toc {level}")
    wordxml.begin_field(paragraphs[0], f'TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u', dirty=True)
    for paragraph, (text, _) in zip(paragraphs, entries, strict=True):
        paragraph.add_run(text)
    wordxml.end_field(paragraphs[-1])
    place._p.getparent().remove(place._p)


# --- 组织概述 and 自评报告 ------------------------------------------------------------------


def profile(wb: WordBook) -> None:
    """组织概述: its groups and sections, each section's narrative."""
    book = wb.book
    wb.heading(book.part_name("profile", book.framework.profile.name), 1)
    group = None
    for section in book.framework.profile.sections:
        if section.group != group:
            group = section.group
            wb.heading(group, 2)
        profile_section(wb, section.id)


def profile_section(wb: WordBook, section_id: str) -> None:
    """One 组织概述 section: its heading and its narrative."""
    section = next(s for s in wb.book.framework.profile.sections if s.id == section_id)
    wb.heading(f"{section.id} {section.name}", 3)
    wb.narrative(wb.book.doc.profile(section.id), section.id)


def report(wb: WordBook) -> None:
    """自评报告: every category with its items' narratives."""
    book = wb.book
    wb.heading(book.part_name("report", "自评报告"), 1)
    for category in book.framework.categories:
        wb.check(f"正在生成：自评报告 {category.id} {category.name}")
        report_category(wb, category.id)


def report_category(wb: WordBook, category_id: str) -> None:
    """One category of the 自评报告 with its items."""
    category = next(c for c in wb.book.framework.categories if c.id == category_id)
    wb.heading(f"{category.id} {category.name}", 2)
    for item in category.items:
        report_item(wb, item.id)


def report_item(wb: WordBook, item_id: str) -> None:
    """One scored item under its heading, with its narrative."""
    item = wb.book.framework.item(item_id)
    wb.heading(f"{item.id} {item.name}", 3)
    wb.narrative(wb.book.doc.narrative(item.id), item.id)


# --- 关键绩效数据 -----------------------------------------------------------------------------


def indicators(wb: WordBook) -> None:
    """关键绩效数据: per item, the indicator table, the trend charts and the sources."""
    book = wb.book
    wb.heading(book.part_name("indicators", "关键绩效数据"), 1)
    groups = by_item(book)
    if not groups:
        wb.para("（未填写关键绩效指标）", NOTE)
        return
    for prefix, title, items in groups:
        wb.check(f"正在生成：关键绩效数据 {title}")
        wb.heading(title, 2)
        _indicator_table(wb, prefix, items)
        _charts(wb, prefix, items)
        _sources(wb, items)


def _indicator_table(wb: WordBook, prefix: str, items: list[Indicator]) -> None:
    years = sorted({y for i in items for y in i.values})[-5:]
    header = ["指标", "单位", *[f"{y}年" for y in years], "目标", "竞争对手", "标杆"]
    data: list[list[list[Run]]] = [[plain(h) for h in header]]
    for ind in items:
        arrow = "↑" if ind.better == "higher" else "↓"
        values = [figure_text(ind.values.get(y)) for y in years]
        refs = [figure_text(ind.target), figure_text(ind.competitor), figure_text(ind.benchmark)]
        data.append([plain(ind.name), plain(f"{ind.unit}{arrow}"), *map(plain, values + refs)])
    wb.text.caption(f"{wb.book.numbering.table(prefix)} 关键绩效指标", above=True)
    aligns = ["left", "center"] + ["right"] * (len(header) - 2)
    wb.text.table(data, aligns=aligns, size=9.0)
    wb.para("注：↑ 表示数值越高越好，↓ 表示越低越好；“—”表示无数据。", NOTE)


def _charts(wb: WordBook, prefix: str, items: list[Indicator]) -> None:
    """The trend charts two by two, each with its 图 caption, in a table without lines."""
    half = TEXT_WIDTH / 2
    charts = []
    for ind in items:
        if not ind.values:
            continue
        label = wb.book.numbering.charts.get(ind.id) or wb.book.numbering.figure(prefix)
        wb.book.numbering.charts[ind.id] = label
        png = drawing_png(trend_drawing(trend_chart(ind), half - 10, CHART_HEIGHT))
        charts.append((png, f"{label} {ind.name}", f"indicator:{ind.id}"))
    if not charts:
        return
    rows = (len(charts) + 1) // 2
    table = wb.word.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    wordxml.no_borders(table)
    set_widths(table, [TEXT_WIDTH_MM / 2] * 2)
    for i, (png, caption, ref) in enumerate(charts):
        cell = table.rows[i // 2].cells[i % 2]
        picture = cell.paragraphs[0]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = picture.add_run().add_picture(io.BytesIO(png), width=Mm(TEXT_WIDTH_MM / 2 - 8))
        wordxml.describe_picture(shape, ref, caption)
        wb.text.add(caption, "Caption", into=cell)


def _sources(wb: WordBook, items: list[Indicator]) -> None:
    lines = evidence.source_lines(items)
    if lines:
        wb.para("数据来源：\n" + "\n".join(lines), NOTE)


# --- 证实性材料 and 推荐意见 -------------------------------------------------------------------


def evidence_list(wb: WordBook) -> None:
    """证实性材料: the list of attachments (the files themselves are not in the copy)."""
    book = wb.book
    wb.heading(book.part_name("evidence", "证实性材料"), 1)
    attachments = evidence.ordered_attachments(book)
    if not attachments:
        wb.para("（未添加证实性材料）", NOTE)
        return
    wb.subtitle("材料清单")
    data: list[list[list[Run]]] = [[plain(t) for t in ("序号", "材料名称", "文件", "证明事项")]]
    for n, a in enumerate(attachments, 1):
        cells = (str(n), a.caption or a.file_name, a.file_name, proves(book, a))
        data.append([plain(t) for t in cells])
    widths = [10.0, 64.0, 48.0]
    wb.text.table(
        data, widths_mm=[*widths, TEXT_WIDTH_MM - sum(widths)], aligns=["center"], size=9.5
    )
    wb.para(
        "证实性材料的原件保存在申报文件中，本 Word 副本只列出清单；"
        "提交时请附上程序导出的 PDF 申报材料或材料的纸质件。",
        NOTE,
    )
