"""A Word document's body as the importer reads it: blocks of Markdown, headings and pictures.

:class:`BodyReader` walks the body of a .docx (python-docx's XML, in document order) and gives
one :class:`Block` per paragraph or table: its Markdown (CommonMark: **bold**, *italic*, escaped
text), its plain text, the facts a heading is recognised by (style, outline level, bold
throughout) and the pictures in it. What the narratives cannot hold is counted in
:class:`Skipped` and said in the plan: the 目录 (a TOC field, content control or TOC styles),
text boxes, Word charts and SmartArt, linked (not embedded) pictures, tracked deletions.
The styles come from :mod:`~qualitydesk.store.wordstyles`, the Markdown from
:mod:`~qualitydesk.store.wordmarkdown` (:func:`~qualitydesk.store.wordmarkdown.join_markdown` puts
blocks together, nesting list items as Word nested them).

No Qt here: the store imports this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qualitydesk.store.wordmarkdown import (
    Segment,
    all_bold,
    escape,
    inline_markdown,
    plain_text,
    table_markdown,
)
from qualitydesk.store.wordstyles import R, Styles, XmlElement, ns, num_pr, on, outline, w

if TYPE_CHECKING:
    from docx.opc.part import Part


CHART_URIS = (
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "http://schemas.microsoft.com/office/drawing/2014/chartex",
)
TOC_STYLE = re.compile(r"^(?:toc|目录)\s*\d$|^toc heading$|^目录标题$", re.IGNORECASE)
CAPTION_STYLES = {"caption", "题注"}
# Not content: QualityDesk's own notes in its Word copies ("（未填写）", the per-section note).
NOTE_STYLES = {"注释", "qualitydesk 说明"}


@dataclass
class Picture:
    """An embedded picture: its bytes, and the alt text and title Word keeps with it."""

    data: bytes
    file_name: str
    media_type: str
    alt: str = ""
    title: str = ""


@dataclass
class Block:
    """One paragraph or table of the body."""

    kind: str  # "para", "table", "toc", "empty"
    markdown: str = ""
    text: str = ""  # plain text of a paragraph (a table: its cells' text)
    style: str = ""
    level: int | None = None  # outline level 1–9 from a heading style or the paragraph's own
    bold: bool = False  # every visible character bold (a heading typed as a bold paragraph)
    list_kind: str = ""  # "bullet" or "ordered" for a list item
    list_level: int = 0
    list_number: int = 1
    pictures: list[Picture] = field(default_factory=list)
    rows: int = 0  # a table's rows

    @property
    def caption_style(self) -> bool:
        """Whether the paragraph is in a caption style (题注)."""
        return self.style.lower() in CAPTION_STYLES


@dataclass
class Skipped:
    """What the body had that the import leaves out, counted for the plan."""

    toc_paragraphs: int = 0
    text_boxes: int = 0
    text_box_chars: int = 0
    charts: int = 0
    linked_pictures: int = 0
    deletions: int = 0
    notes: int = 0  # footnotes and endnotes (their text is not imported)
    page_breaks: int = 0


class BodyReader:
    """Reads the body of one document part; ``related`` maps relationship ids to parts."""

    def __init__(self, styles: Styles, related: Mapping[str, Part]) -> None:
        self.styles = styles
        self.related = related
        self.skipped = Skipped()
        self._fields: list[str] = []  # instructions of the fields open at this point
        self._counters: dict[str, list[int]] = {}

    # -- blocks --

    def blocks(self, container: XmlElement) -> Iterator[Block]:
        """The blocks of ``container`` (the body, a cell, a content control) in order."""
        for child in container:
            tag = child.tag
            if tag == w("p"):
                yield self.paragraph(child)
            elif tag == w("tbl"):
                yield from self.table(child)
            elif tag == w("sdt"):
                yield from self._content_control(child)
            elif tag in (w("customXml"), w("ins"), w("smartTag")):
                yield from self.blocks(child)

    def _content_control(self, sdt: XmlElement) -> Iterator[Block]:
        gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
        kind = gallery.get(w("val"), "") if gallery is not None else ""
        content = sdt.find(w("sdtContent"))
        if content is None:
            return
        if kind == "Table of Contents":
            paragraphs = len(content.findall(f".//{w('p')}"))
            self.skipped.toc_paragraphs += paragraphs
            yield Block("toc", text="目录")
            return
        yield from self.blocks(content)

    def paragraph(self, p: XmlElement) -> Block:
        """Paragraph ``p`` as a block: its Markdown, text, heading facts, list place, pictures."""
        style_id = self.styles.paragraph_style(p)
        style = self.styles.name(style_id)
        in_toc_field = self._in_toc()
        pictures: list[Picture] = []
        segments = list(self._inline(p, self._para_bold(style_id), pictures))
        if in_toc_field or self._in_toc() or TOC_STYLE.match(style):
            self.skipped.toc_paragraphs += 1
            return Block("toc", text=plain_text(segments), style=style)
        text = plain_text(segments).strip(" \u3000\t\n")
        if (not text and not pictures) or style.lower() in NOTE_STYLES:
            return Block("empty", style=style)
        block = Block(
            "para",
            markdown=inline_markdown(segments),
            text=text,
            style=style,
            level=self._level(p, style_id),
            bold=all_bold(segments),
            pictures=pictures,
        )
        self._list(p, style_id, style, block)
        return block

    def _in_toc(self) -> bool:
        return any(instr.lstrip().startswith("TOC") for instr in self._fields)

    def _level(self, p: XmlElement, style_id: str) -> int | None:
        own = p.find(f"{w('pPr')}/{w('outlineLvl')}")
        if own is not None:
            return outline(own)
        return self.styles.outline_level(style_id)

    def _list(self, p: XmlElement, style_id: str, style: str, block: Block) -> None:
        num = p.find(f"{w('pPr')}/{w('numPr')}")
        found = num_pr(num, 0) if num is not None else self.styles.numbering(style_id)
        lowered = style.lower()
        if found is None:
            if lowered.startswith("list bullet"):
                found = ("style-bullet", _trailing_level(lowered))
            elif lowered.startswith("list number"):
                found = ("style-number", _trailing_level(lowered))
            else:
                return
        num_id, level = found
        if block.level is not None:  # a numbered heading: the number is Word's, not a list's
            return
        kind = self.styles.list_format(num_id, level)
        if level == 0 and lowered.startswith(("list bullet", "list number")):
            level = _trailing_level(lowered)  # List Bullet 2: its own numbering, one level in
        if num_id == "style-bullet":
            kind = "bullet"
        counters = self._counters.setdefault(num_id, [0] * 9)
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        block.list_kind, block.list_level, block.list_number = kind, level, counters[level]

    def _para_bold(self, style_id: str) -> bool:
        return bool(self.styles.bold(style_id))

    def _inline(
        self, node: XmlElement, para_bold: bool, pictures: list[Picture]
    ) -> Iterator[Segment]:
        for child in node:
            tag = child.tag
            if tag == w("r"):
                yield from self._run(child, para_bold, pictures)
            elif tag in (w("del"), w("moveFrom")):
                self.skipped.deletions += 1
            elif tag == w("fldSimple"):
                instr = child.get(w("instr"), "").strip().upper()
                self._fields.append(instr)
                yield from self._inline(child, para_bold, pictures)
                self._fields.pop()
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self._inline(content, para_bold, pictures)
            elif tag == ns("m:oMath") or tag == ns("m:oMathPara"):
                yield Segment("".join(t.text or "" for t in child.iter(ns("m:t"))))
            elif tag in (w("hyperlink"), w("ins"), w("smartTag"), w("customXml"), w("moveTo")):
                yield from self._inline(child, para_bold, pictures)

    def _run(self, r: XmlElement, para_bold: bool, pictures: list[Picture]) -> Iterator[Segment]:
        bold, italic = self._run_marks(r, para_bold)
        for child in r:
            tag = child.tag
            if tag == w("t"):
                yield Segment(child.text or "", bold, italic)
            elif tag == w("tab"):
                yield Segment(" ", bold, italic)
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) in ("page", "column"):
                    self.skipped.page_breaks += 1
                else:
                    yield Segment("\n")
            elif tag == w("noBreakHyphen"):
                yield Segment("-", bold, italic)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                self.skipped.notes += 1
            elif tag == w("fldChar"):
                self._field_char(child)
            elif tag == w("instrText"):
                if self._fields:
                    self._fields[-1] += (child.text or "").upper()
            elif tag in (w("drawing"), w("pict"), w("object")):
                self._drawing(child, pictures)
            elif tag == ns("mc:AlternateContent"):
                choice = child.find(ns("mc:Choice"))
                chosen = choice if choice is not None else child.find(ns("mc:Fallback"))
                if chosen is not None:
                    self._drawing(chosen, pictures)

    def _field_char(self, element: XmlElement) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            self._fields.append("")
        elif kind == "end" and self._fields:
            self._fields.pop()
        elif kind == "separate" and self._fields:
            self._fields[-1] = self._fields[-1].strip()

    def _run_marks(self, r: XmlElement, para_bold: bool) -> tuple[bool, bool]:
        props = r.find(w("rPr"))
        bold, italic = None, False
        if props is not None:
            b, i = props.find(w("b")), props.find(w("i"))
            bold = on(b) if b is not None else None
            italic = on(i) if i is not None else False
            if bold is None:
                char_style = props.find(w("rStyle"))
                if char_style is not None:
                    bold = self.styles.bold(char_style.get(w("val"), ""))
        return (para_bold if bold is None else bold), italic

    # -- pictures, text boxes, charts --

    def _drawing(self, element: XmlElement, pictures: list[Picture]) -> None:
        boxes = list(element.iter(w("txbxContent")))
        inside: set[XmlElement] = set()
        for box in boxes:
            self.skipped.text_boxes += 1
            self.skipped.text_box_chars += sum(
                len((t.text or "").strip()) for t in box.iter(w("t"))
            )
            inside.update(box.iter())
        for data in element.iter(ns("a:graphicData")):
            if data.get("uri") in CHART_URIS and data not in inside:
                self.skipped.charts += 1
        for blip in element.iter(ns("a:blip")):
            if blip not in inside:
                self._picture(blip.get(f"{{{R}}}embed"), blip.get(f"{{{R}}}link"), blip, pictures)
        for image in element.iter(ns("v:imagedata")):
            if image not in inside:
                self._picture(image.get(f"{{{R}}}id"), None, image, pictures)

    def _picture(
        self, embed: str | None, link: str | None, node: XmlElement, out: list[Picture]
    ) -> None:
        part = self.related.get(embed or "")
        if part is None or not hasattr(part, "blob"):
            if link or embed:
                self.skipped.linked_pictures += 1
            return
        alt, title = _picture_text(node)
        name = str(getattr(part, "partname", "image")).rsplit("/", 1)[-1]
        out.append(Picture(part.blob, name, str(part.content_type), alt, title))

    # -- tables --

    def table(self, tbl: XmlElement) -> Iterator[Block]:
        """Table ``tbl`` as a Markdown table block (a 1×1 table: the blocks inside it)."""
        rows: list[list[str]] = []
        pictures: list[Picture] = []
        cells_by_row = [_cells(tr) for tr in tbl.iter(w("tr")) if _owned_by(tr, tbl)]
        if len(cells_by_row) == 1 and len(cells_by_row[0]) == 1:
            yield from self.blocks(cells_by_row[0][0][0])  # a 1×1 table: a frame around text
            return
        texts: list[str] = []
        for n, cells in enumerate(cells_by_row):
            row: list[str] = []
            for tc, span, continued in cells:
                # The header row is bold anyway: its cells' own bold is not repeated.
                text = "" if continued else self._cell(tc, pictures, texts, plain=n == 0)
                row += [text] + [""] * (span - 1)
            rows.append(row)
        if not rows:
            return
        yield Block(
            "table",
            markdown=table_markdown(rows),
            text=" ".join(texts),
            pictures=pictures,
            rows=len(rows),
        )

    def _cell(
        self, tc: XmlElement, pictures: list[Picture], texts: list[str], *, plain: bool
    ) -> str:
        parts = []
        for block in self.blocks(tc):
            pictures += block.pictures
            if block.kind == "para":
                parts.append((escape(block.text) if plain else block.markdown).replace("\n", " "))
                texts.append(block.text)
            elif block.kind == "table":  # a table in a cell: its text, row by row
                parts.append(block.text)
                texts.append(block.text)
        return " ".join(p.strip() for p in parts if p.strip())


def _trailing_level(style: str) -> int:
    digits = style.rsplit(" ", 1)[-1]
    return int(digits) - 1 if digits.isdigit() and 1 <= int(digits) <= 9 else 0


def _owned_by(tr: XmlElement, tbl: XmlElement) -> bool:
    """Whether row ``tr`` belongs to ``tbl`` itself, not to a table nested in one of its cells."""
    parent = tr.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent is tbl


def _cells(tr: XmlElement) -> list[tuple[XmlElement, int, bool]]:
    """A row's cells: (cell, columns it spans, whether it continues a vertical merge)."""
    found = []
    for tc in tr.iter(w("tc")):
        parent = tc.getparent()  # a cell found inside the row always has one
        if parent is not tr and (parent is None or parent.tag != w("sdtContent")):
            continue
        props = tc.find(w("tcPr"))
        span, continued = 1, False
        if props is not None:
            grid = props.find(w("gridSpan"))
            if grid is not None and str(grid.get(w("val"), "1")).isdigit():
                span = max(1, min(int(grid.get(w("val"), "1")), 64))
            merge = props.find(w("vMerge"))
            continued = merge is not None and merge.get(w("val"), "continue") != "restart"
        found.append((tc, span, continued))
    return found


def _picture_text(node: XmlElement) -> tuple[str, str]:
    """The alt text and title of the drawing or VML shape around a picture."""
    parent: XmlElement | None = node
    while parent is not None:
        if parent.tag in (ns("wp:inline"), ns("wp:anchor")):
            doc_pr = parent.find(ns("wp:docPr"))
            if doc_pr is not None:
                return doc_pr.get("descr", ""), doc_pr.get("title", "")
            break
        if parent.tag == ns("v:shape"):
            return parent.get("alt", ""), ""
        parent = parent.getparent()
    return "", ""
