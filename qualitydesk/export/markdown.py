"""Narratives (Markdown: CommonMark and pipe tables) to flowables, parsed with markdown-it-py.

Paragraphs, headings, bullet and numbered lists (nested), block quotes, code, rules and tables
are kept; **bold** prints in the bold sans, *emphasis* and `code` in the sans. Raw HTML prints
as the text it is. Tables and figures are numbered per item (表4.2.2-1, 图4.7.2-1) with one
counter per item shared with the 关键绩效数据 part. The 表题 stands above its table (the
heading the table comes under gives its title, for the first table under it); the 图题 stands
below its figure.

An image placed in a narrative refers to something inside the document:

- ``![标题](indicator:first-pass-yield)`` — the trend chart of that key performance indicator;
- ``![标题](attachment:3)`` — an image attachment (its id);

anything else (a web address, a file on disk) cannot be fetched by an offline program and prints
as its caption with a note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from markdown_it.tree import SyntaxTreeNode
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.flowables import HRFlowable

from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.indicators import Indicator
from qualitydesk.domain.markdown import parser
from qualitydesk.export.blocks import Figure, Heading
from qualitydesk.export.captions import captioned
from qualitydesk.export.flowables import Para, Run, TextStyle
from qualitydesk.export.fonts import SANS, SANS_BOLD, SERIF
from qualitydesk.export.graphics import trend_drawing
from qualitydesk.export.styles import Styles
from qualitydesk.export.tables import type_size
from qualitydesk.export.text import char_widths

INDENT = 24.0  # one list level: two characters of body text
QUOTE = (0.3, 0.3, 0.3)
CHART_HEIGHT = 190.0

ImageSource = Callable[[int], Flowable | None]


@dataclass
class Numbering:
    """Table and figure numbers per item or section, and where each indicator's chart went."""

    tables: Counter[str] = field(default_factory=Counter)
    figures: Counter[str] = field(default_factory=Counter)
    charts: dict[str, str] = field(default_factory=dict)  # indicator id -> 图4.7.2-1

    def table(self, prefix: str) -> str:
        """The next table number of ``prefix`` (an item or section): 表4.2.2-1, 表4.2.2-2 …."""
        self.tables[prefix] += 1
        return f"表{prefix}-{self.tables[prefix]}"

    def figure(self, prefix: str) -> str:
        """The next figure number under ``prefix``: 图4.7.2-1, 图4.7.2-2 …."""
        self.figures[prefix] += 1
        return f"图{prefix}-{self.figures[prefix]}"


@dataclass(frozen=True)
class Sources:
    """What images in narratives can show: indicators by id, image attachments by id."""

    indicators: Mapping[str, Indicator] = field(default_factory=dict)
    image: ImageSource = lambda _id: None


@dataclass
class Narrative:
    """Renders one narrative: ``prefix`` numbers its tables and figures, ``key`` its headings."""

    styles: Styles
    numbering: Numbering
    sources: Sources
    width: float
    prefix: str
    key: str
    level: int  # outline level of headings inside the narrative
    _headings: int = 0
    _title: str = ""  # the last heading's text, until a table takes it as its title

    def render(self, markdown: str) -> list[Flowable]:
        """``markdown`` as flowables in the body style."""
        root = SyntaxTreeNode(parser().parse(markdown))
        return self._blocks(root, 0.0, self.styles.body)

    # -- blocks --

    def _blocks(self, node: SyntaxTreeNode, indent: float, style: TextStyle) -> list[Flowable]:
        out: list[Flowable] = []
        for child in node.children:
            out += self._block(child, indent, style)
        return out

    def _block(self, node: SyntaxTreeNode, indent: float, style: TextStyle) -> list[Flowable]:
        kind = node.type
        if kind == "paragraph":
            return self._paragraph(node, replace(style, left_indent=indent))
        if kind == "heading":
            return [self._heading(node)]
        if kind in ("bullet_list", "ordered_list"):
            return self._list(node, indent, style)
        if kind == "blockquote":
            quoted = replace(style, color=QUOTE)
            return self._blocks(node, indent + INDENT, quoted)
        if kind in ("code_block", "fence", "html_block"):
            text = node.content.rstrip("\n")
            return [Para(text, replace(self.styles.code, left_indent=indent + INDENT))]
        if kind == "hr":
            return [
                HRFlowable(width="100%", thickness=0.5, color=QUOTE, spaceBefore=4, spaceAfter=8)
            ]
        if kind == "table":
            return self._table(node)
        return self._blocks(node, indent, style)

    def _paragraph(self, node: SyntaxTreeNode, style: TextStyle) -> list[Flowable]:
        images: list[SyntaxTreeNode] = []
        runs = inline_runs(node, style.font, images)
        out: list[Flowable] = []
        if any(text.strip() for text, _ in runs):
            out.append(Para(runs, style))
        for image in images:
            out += self._figure(image)
        return out

    def _heading(self, node: SyntaxTreeNode) -> Flowable:
        self._headings += 1
        text = "".join(t for t, _ in inline_runs(node, SANS_BOLD, []))
        self._title = _ENUMERATOR.sub("", text).strip()
        return Heading(
            text,
            self.styles.subheading,
            key=f"{self.key}.h{self._headings}",
            level=self.level,
            closed=True,
        )

    def _list(self, node: SyntaxTreeNode, indent: float, style: TextStyle) -> list[Flowable]:
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1) or 1) if ordered else 1
        bullet = "•" if indent < INDENT else "–"
        out: list[Flowable] = []
        for number, item in enumerate(node.children, start):
            marker = f"{number}." if ordered else bullet
            out += self._list_item(item, marker, indent + INDENT, style)
        return out

    def _list_item(
        self, item: SyntaxTreeNode, marker: str, indent: float, style: TextStyle
    ) -> list[Flowable]:
        out: list[Flowable] = []
        item_style = replace(style, first_indent=0.0, space_after=2.0)
        for i, child in enumerate(item.children):
            if i == 0 and child.type == "paragraph":
                images: list[SyntaxTreeNode] = []
                runs = [(marker + " ", SERIF), *inline_runs(child, style.font, images)]
                hang = sum(char_widths(SERIF, style.size)(marker + " "))
                out.append(Para(runs, replace(item_style, left_indent=indent, first_indent=-hang)))
                for image in images:
                    out += self._figure(image)
            else:
                out += self._block(child, indent, item_style)
        if not item.children:
            out.append(Para(marker, replace(item_style, left_indent=indent)))
        return out

    # -- tables and figures --

    def _table(self, node: SyntaxTreeNode) -> list[Flowable]:
        rows = [tr for section in node.children for tr in section.children]
        columns = max((len(tr.children) for tr in rows), default=1)
        size = type_size(columns)
        header = 1 if node.children and node.children[0].type == "thead" else 0
        data = [
            [self._cell(cell, size, r < header) for cell in tr.children]
            for r, tr in enumerate(rows)
        ]
        caption = f"{self.numbering.table(self.prefix)} {self._title}".strip()
        self._title = ""
        table = captioned(caption, data, self.width, style=self.styles.caption, header_rows=header)
        return [table, _gap(8)]

    def _cell(self, cell: SyntaxTreeNode, size: float, head: bool) -> Para:
        style_attr = str(cell.attrs.get("style", ""))
        align = "left"
        for name in ("center", "right"):
            if f"text-align:{name}" in style_attr:
                align = name
        style = self.styles.head_of(size) if head else self.styles.cell_of(size, align)
        images: list[SyntaxTreeNode] = []
        runs = inline_runs(cell, style.font, images)
        runs += [(f"[{_alt(image)}]", style.font) for image in images]
        return Para(runs, style)

    def _figure(self, image: SyntaxTreeNode) -> list[Flowable]:
        src = str(image.attrs.get("src", ""))
        alt = _alt(image)
        label = self.numbering.figure(self.prefix)
        body: Flowable | None = None
        kind, _, ref = src.partition(":")
        if kind == "indicator" and ref in self.sources.indicators:
            indicator = self.sources.indicators[ref]
            self.numbering.charts.setdefault(ref, label)
            alt = alt or indicator.name
            body = Figure(trend_drawing(trend_chart(indicator), self.width * 0.8, CHART_HEIGHT))
        elif kind == "attachment" and ref.isdigit():
            body = self.sources.image(int(ref))
        caption = Para(f"{label} {alt}".strip(), self.styles.caption)
        if body is None:
            note = f"（图片“{src}”不在申报文件中，未能印出）"
            return [Para(note, replace(self.styles.note, align="center")), caption]
        return [KeepTogether([_gap(4), body, caption])]


# what numbers a heading ("1.", "b)", "一、", "（二）"): a table's title goes without it
_ENUMERATOR = re.compile(
    r"^\s*(?:[0-9]+(?:\.[0-9]+)*(?:[.、)）]|\s)(?![0-9])|[A-Za-z][.)）]|[一二三四五六七八九十]+、"
    r"|[（(][一二三四五六七八九十0-9A-Za-z]+[）)])\s*"
)


def _alt(image: SyntaxTreeNode) -> str:
    return "".join(t for t, _ in inline_runs(image, SERIF, [])) or str(image.attrs.get("alt", ""))


def _gap(height: float) -> Flowable:
    from reportlab.platypus import Spacer

    return Spacer(1, height)


# --- inline content ---------------------------------------------------------------------------

SOFT_BREAK = "\x00soft"


def inline_runs(node: SyntaxTreeNode, font: str, images: list[SyntaxTreeNode]) -> list[Run]:
    """The text of an inline container as (text, font) runs; images are collected, not printed."""
    runs: list[Run] = []
    for child in node.children:
        _inline(child, font, runs, images)
    return resolve_soft_breaks(runs)


def _inline(node: SyntaxTreeNode, font: str, runs: list[Run], images: list[SyntaxTreeNode]) -> None:
    kind = node.type
    if kind in ("text", "html_inline", "code_inline"):
        runs.append((node.content, SANS if kind == "code_inline" and font == SERIF else font))
    elif kind == "softbreak":
        runs.append((SOFT_BREAK, font))
    elif kind == "hardbreak":
        runs.append(("\n", font))
    elif kind == "image":
        images.append(node)
    elif kind == "strong":
        for child in node.children:
            _inline(child, SANS_BOLD, runs, images)
    elif kind == "em":
        for child in node.children:
            _inline(child, SANS if font == SERIF else font, runs, images)
    elif node.children:  # inline, link and anything newer: their text
        for child in node.children:
            _inline(child, font, runs, images)
    elif node.content:
        runs.append((node.content, font))


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def resolve_soft_breaks(runs: list[Run]) -> list[Run]:
    """A line break inside a paragraph joins Chinese without a space and Latin with one."""
    out: list[Run] = []
    before = ""  # the last text so far (scanning back or slicing ahead each time is quadratic)
    for i, (text, font) in enumerate(runs):
        if text != SOFT_BREAK:
            out.append((text, font))
            before = text or before
            continue
        ahead = (runs[j][0] for j in range(i + 1, len(runs)))
        after = next((t for t in ahead if t and t != SOFT_BREAK), "")
        joined = before and after and not (_wide(before[-1]) or _wide(after[0]))
        out.append((" " if joined else "", font))
        before = " " if joined else before
    return out
