"""Narratives (Markdown) into the Word copy: paragraphs, headings, lists, quotes, tables, figures.

The Markdown is parsed by the same parser as the PDF's (:func:`qualitydesk.export.markdown.parser`,
markdown-it-py with pipe tables), and a line break inside a paragraph joins Chinese without a
space exactly as there. What becomes of each block:

- paragraphs in the body style (宋体 小四, first line indented two characters);
- headings inside a narrative one level below the item's heading (标题 4, deeper ones 标题 5 …);
- bullet and numbered lists as Word lists (List Bullet / List Number, nested up to three levels;
  each numbered list starts at its own first number);
- **bold** and *italic* as run formatting, `code` in a monospaced font, links as their text;
- quotes in the Quote style, code blocks in the code style, ``---`` as a rule;
- tables as Word tables: 表题 above (表4.2.2-1, numbered as in the PDF), the header row bold,
  shaded and repeated on every page, cells aligned as the Markdown says;
- images that refer to the document (``indicator:ID`` charts, ``attachment:N`` pictures) as
  pictures with 图题 below (图4.7.2-1 …); the picture's alternative text is the reference, so
  the Word import can put the chart back as a chart.

Inline text (bold, italic, code, line breaks) becomes runs in :mod:`~qualitydesk.export.wordruns`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from docx.blkcntnr import BlockItemContainer
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it.tree import SyntaxTreeNode

from qualitydesk.export import wordxml
from qualitydesk.export.markdown import Numbering, parser
from qualitydesk.export.tables import type_size
from qualitydesk.export.wordruns import Run, add_runs, inline_runs, put_text, runs_text

# paragraph styles the Word copy defines (docx.py makes them)
BODY = "Normal"
CAPTION = "Caption"
QUOTE = "Quote"
CODE = "代码"
CELL = "表格文字"
HEAD_CELL = "表头文字"
NOTE = "注释"
TEXT_WIDTH_MM = 170.0
HEADER_FILL = "E8E8E8"
MAX_LIST_LEVEL = 3
CELL_PADDING_MM = 4.0  # Word's default cell margins, both sides
SHORT_CELL_EMS = 4.0  # a cell text this short stays on one line
LONG_WORD_EMS = 12.0  # a longer Latin word (a web address) may break
_LATIN_WORD = re.compile(r"[\x21-\x7e\u00b7\u2010-\u2191]+")

Figure = tuple[bytes, tuple[int, int]] | None  # PNG/JPEG bytes and pixels, or None: not found
FigureSource = Callable[[str, str], tuple[Figure, str]]  # (kind, ref) -> picture, default title


@dataclass
class WordText:
    """Writes Markdown narratives into ``word``; ``figure`` finds the pictures they refer to."""

    word: WordDocument
    numbering: Numbering
    figure: FigureSource
    _list_ids: dict[int, int] = field(default_factory=dict)
    _style_ids: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # python-docx finds a style by name by walking all styles each time: look them up once
        for style in self.word.styles:
            self._style_ids[style.name] = None if style.name == BODY else style.style_id

    def add(
        self, text: str = "", style: str = BODY, into: BlockItemContainer | None = None
    ) -> Paragraph:
        """A new paragraph of ``text`` in ``style`` at the end of the document (or of ``into``,
        a table cell).
        """
        paragraph = (into if into is not None else self.word).add_paragraph()
        if text:
            put_text(paragraph.add_run(), text)
        self.restyle(paragraph, style)
        return paragraph

    def restyle(self, paragraph: Paragraph, style: str) -> None:
        """Give ``paragraph`` the paragraph style named ``style``."""
        paragraph._p.style = self._style_ids[style]

    def ruled_table(self, rows: int, columns: int) -> Table:
        """An empty centred table with every cell ruled (Word's Table Grid)."""
        table = self.word.add_table(rows=rows, cols=columns)
        table._tbl.tblStyle_val = self._style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        return table

    def narrative(self, markdown: str, prefix: str, heading_level: int) -> None:
        """Write one narrative: ``prefix`` numbers its tables and figures (the item's clause);
        its own headings start at Word heading ``heading_level``.
        """
        root = SyntaxTreeNode(parser().parse(markdown))
        levels = [n.tag for n in root.walk() if n.type == "heading"]
        top = min((int(tag[1]) for tag in levels), default=1)
        _Writer(self, prefix, heading_level - top).blocks(root, 0)

    # -- shared pieces, also used by the other parts of the Word copy --

    def table(
        self,
        rows: list[list[list[Run]]],
        header_rows: int = 1,
        *,
        widths_mm: list[float] | None = None,
        aligns: list[str] | None = None,
        size: float | None = None,
    ) -> Table:
        """A ruled table; the first ``header_rows`` rows bold, shaded and repeated per page."""
        columns = max((len(r) for r in rows), default=1)
        table = self.ruled_table(len(rows), columns)
        size = size or type_size(columns)
        widths = widths_mm or column_widths(rows, columns, size)
        set_widths(table, widths)
        for r, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
            head = r < header_rows
            if head:
                wordxml.repeat_as_header(row)
            for c, cell in enumerate(row.cells):
                runs = cells[c] if c < len(cells) else []
                paragraph = cell.paragraphs[0]
                self.restyle(paragraph, HEAD_CELL if head else CELL)
                align = (aligns[c] if aligns and c < len(aligns) else "left") if not head else ""
                if align in ALIGN:
                    paragraph.alignment = ALIGN[align]
                add_runs(paragraph, runs, size=None if size == CELL_SIZE else size)
                if head:
                    wordxml.shade(cell, HEADER_FILL)
        return table

    def caption(self, text: str, *, above: bool = False) -> Paragraph:
        """A 表题 or 图题; one ``above`` its table is kept with it."""
        paragraph = self.add(text, CAPTION)
        paragraph.paragraph_format.keep_with_next = above
        return paragraph

    def picture(self, data: bytes, pixels: tuple[int, int], width_mm: float, alt: str) -> None:
        """A picture centred on its own line, at most ``width_mm`` wide and 150 mm high."""
        w, h = pixels
        width = min(width_mm, 150.0 * w / max(h, 1))
        paragraph = self.add()
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.line_spacing = 1.0
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Mm(width))
        wordxml.describe_picture(shape, alt)

    def list_id(self, paragraph: Paragraph, list_key: int, start: int) -> None:
        """Number ``paragraph`` in the list ``list_key`` (a new list starts at ``start``)."""
        if list_key in self._list_ids:
            wordxml.use_numbering(paragraph, self._list_ids[list_key])
        else:
            self._list_ids[list_key] = wordxml.restart_numbering(self.word, paragraph, start)


CELL_SIZE = 10.5
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def set_widths(table: Table, widths_mm: list[float]) -> None:
    """Fixed column widths for Word (the grid) and for LibreOffice and WPS (every cell)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def column_widths(
    rows: list[list[list[Run]]], columns: int, size: float = CELL_SIZE
) -> list[float]:
    """Widths (mm) across the text block, as the PDF's tables have them: every column gets
    room for its short texts on one line (市级, 2024年) and its longest Latin word (a number),
    and the rest of the width goes to the columns with the most text.
    """
    em = size * 25.4 / 72  # mm of one Chinese character
    natural = [0.0] * columns
    least = [0.0] * columns
    for row in rows:
        for c, cell in enumerate(row[:columns]):
            text = runs_text(cell)
            whole = max(_ems(line) for line in text.split("\n"))
            word = max((_ems(w) for w in _LATIN_WORD.findall(text)), default=0.0)
            natural[c] = max(natural[c], whole)
            least[c] = max(least[c], min(whole, SHORT_CELL_EMS), min(word, LONG_WORD_EMS))
    natural = [n * em + CELL_PADDING_MM for n in natural]
    least = [min(m * em + CELL_PADDING_MM, n) for m, n in zip(least, natural, strict=True)]
    avail = TEXT_WIDTH_MM
    if sum(natural) <= avail:
        return [n * avail / sum(natural) for n in natural]
    if sum(least) >= avail:
        return [m * avail / sum(least) for m in least]
    extra = [n - m for n, m in zip(natural, least, strict=True)]
    room = avail - sum(least)
    return [m + e * room / sum(extra) for m, e in zip(least, extra, strict=True)]


def _ems(text: str) -> float:
    """The width of ``text`` in Chinese characters (a Latin letter or digit is about half)."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text)


# --- the Markdown walk ---------------------------------------------------------------------------


@dataclass
class _Writer:
    text: WordText
    prefix: str
    heading_shift: int  # Word level of a Markdown heading: its level + this

    @property
    def word(self) -> WordDocument:
        return self.text.word

    def blocks(self, node: SyntaxTreeNode, depth: int, style: str = BODY) -> None:
        for child in node.children:
            self.block(child, depth, style)

    def block(self, node: SyntaxTreeNode, depth: int, style: str) -> None:
        kind = node.type
        if kind == "paragraph":
            self.paragraph(node, style)
        elif kind == "heading":
            level = min(max(int(node.tag[1]) + self.heading_shift, 1), 9)
            self.text.add(runs_text(inline_runs(node, [])), f"Heading {level}")
        elif kind in ("bullet_list", "ordered_list"):
            self.list(node, depth + 1)
        elif kind == "blockquote":
            self.blocks(node, depth, QUOTE)
        elif kind in ("code_block", "fence", "html_block"):
            self.text.add(node.content.rstrip("\n"), CODE)
        elif kind == "hr":
            wordxml.bottom_rule(self.text.add("", NOTE))
        elif kind == "table":
            self.table(node)
        else:
            self.blocks(node, depth, style)

    def paragraph(self, node: SyntaxTreeNode, style: str) -> Paragraph | None:
        images: list[SyntaxTreeNode] = []
        runs = inline_runs(node, images)
        paragraph = None
        if any(text.strip() for text, _ in runs):
            paragraph = self.text.add("", style)
            add_runs(paragraph, runs)
        for image in images:
            self.figure(image)
        return paragraph

    def list(self, node: SyntaxTreeNode, depth: int) -> None:
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1) or 1) if ordered else 1
        level = min(depth, MAX_LIST_LEVEL)
        suffix = "" if level == 1 else f" {level}"
        style = ("List Number" if ordered else "List Bullet") + suffix
        continued = "List Continue" + suffix
        for item in node.children:
            first = True
            for child in item.children:
                if first and child.type == "paragraph":
                    paragraph = self.paragraph(child, style)
                    if paragraph is None:  # an item that is only an image: keep its number
                        paragraph = self.text.add("", style)
                    if ordered:
                        self.text.list_id(paragraph, id(node), start)
                else:
                    self.block(child, depth, continued)
                first = False
            if not item.children:
                paragraph = self.text.add("", style)
                if ordered:
                    self.text.list_id(paragraph, id(node), start)

    def table(self, node: SyntaxTreeNode) -> None:
        sections = list(node.children)
        header = 1 if sections and sections[0].type == "thead" else 0
        rows_nodes = [tr for section in sections for tr in section.children]
        rows: list[list[list[Run]]] = []
        aligns: list[str] = []
        for tr in rows_nodes:
            cells: list[list[Run]] = []
            for c, cell in enumerate(tr.children):
                images: list[SyntaxTreeNode] = []
                runs = inline_runs(cell, images)
                runs += [(f"[{_alt(image)}]", frozenset()) for image in images]
                cells.append(runs)
                style_attr = str(cell.attrs.get("style", ""))
                align = next(
                    (a for a in ("center", "right") if f"text-align:{a}" in style_attr), "left"
                )
                if len(aligns) <= c:
                    aligns.append(align)
            rows.append(cells)
        self.text.caption(self.text.numbering.table(self.prefix), above=True)
        self.text.table(rows, header, aligns=aligns)
        self.text.add("", NOTE)  # room after the table, as in the PDF

    def figure(self, image: SyntaxTreeNode) -> None:
        src = str(image.attrs.get("src", ""))
        alt = _alt(image)
        label = self.text.numbering.figure(self.prefix)
        kind, _, ref = src.partition(":")
        found, title = self.text.figure(kind, ref)
        if kind == "indicator" and found is not None:
            self.text.numbering.charts.setdefault(ref, label)
        alt = alt or title
        if found is None:
            note = f"（图片“{src}”不在申报文件中，未能印出）"
            self.text.add(note, NOTE).alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            data, pixels = found
            width = TEXT_WIDTH_MM * 0.8 if kind == "indicator" else TEXT_WIDTH_MM
            self.text.picture(data, pixels, width, src)
        self.text.caption(f"{label} {alt}".strip())


def _alt(image: SyntaxTreeNode) -> str:
    return runs_text(inline_runs(image, [])) or str(image.attrs.get("alt", ""))
