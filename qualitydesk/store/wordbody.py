"""A Word document's body as the importer reads it: blocks of Markdown, headings and pictures.

:func:`read_body` walks the body of a .docx (python-docx's XML, in document order) and gives one
:class:`Block` per paragraph or table: its Markdown (CommonMark: **bold**, *italic*, escaped
text), its plain text, the facts a heading is recognised by (style, outline level, bold
throughout) and the pictures in it. What the narratives cannot hold is counted in
:class:`Skipped` and said in the plan: the 目录 (a TOC field, content control or TOC styles),
text boxes, Word charts and SmartArt, linked (not embedded) pictures, tracked deletions.
:func:`join_markdown` puts blocks together, nesting list items as Word nested them.

No Qt here: the store imports this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {
    "w": W,
    "r": R,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
CHART_URIS = (
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "http://schemas.microsoft.com/office/drawing/2014/chartex",
)
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
TOC_STYLE = re.compile(r"^(?:toc|目录)\s*\d$|^toc heading$|^目录标题$", re.IGNORECASE)
CAPTION_STYLES = {"caption", "题注"}
# Not content: QualityDesk's own notes in its Word copies ("（未填写）", the per-section note).
NOTE_STYLES = {"注释", "qualitydesk 说明"}
QUOTE_STYLES = {"quote", "intense quote", "引用", "明显引用"}
FALSE_VALUES = {"0", "false", "off", "none"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _ns(prefixed: str) -> str:
    prefix, _, tag = prefixed.partition(":")
    return f"{{{NS[prefix]}}}{tag}"


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


# --- styles and numbering ---------------------------------------------------------------------


class Styles:
    """Style facts by style id, following ``basedOn``: name, outline level, bold, numbering."""

    def __init__(self, styles_element: Any | None, numbering_element: Any | None) -> None:
        self._by_id: dict[str, Any] = {}
        self._default_para = ""
        if styles_element is not None:
            for style in styles_element.iter(w("style")):
                style_id = style.get(w("styleId"), "")
                self._by_id[style_id] = style
                if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                    self._default_para = style_id
        self._formats = _numbering_formats(numbering_element)
        self._cache: dict[tuple[str, str], Any] = {}

    def _chain(self, style_id: str) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based = style.find(w("basedOn"))
            style_id = based.get(w("val"), "") if based is not None else ""

    def _lookup(self, what: str, style_id: str) -> Any:
        key = (what, style_id)
        if key not in self._cache:
            self._cache[key] = getattr(self, f"_find_{what}")(style_id)
        return self._cache[key]

    def paragraph_style(self, p: Any) -> str:
        found = p.find(f"{w('pPr')}/{w('pStyle')}")
        return found.get(w("val"), "") if found is not None else self._default_para

    def name(self, style_id: str) -> str:
        style = self._by_id.get(style_id)
        name = style.find(w("name")) if style is not None else None
        return name.get(w("val"), "") if name is not None else ""

    def outline_level(self, style_id: str) -> int | None:
        return self._lookup("level", style_id)

    def _find_level(self, style_id: str) -> int | None:
        for style in self._chain(style_id):
            matched = HEADING_STYLE.match(self.name(style.get(w("styleId"), "")))
            if matched:
                return int(matched.group(1))
            level = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            if level is not None:
                return _outline(level)
        return None

    def bold(self, style_id: str) -> bool | None:
        return self._lookup("bold", style_id)

    def _find_bold(self, style_id: str) -> bool | None:
        for style in self._chain(style_id):
            found = style.find(f"{w('rPr')}/{w('b')}")
            if found is not None:
                return _on(found)
        return None

    def numbering(self, style_id: str) -> tuple[str, int] | None:
        return self._lookup("numbering", style_id)

    def _find_numbering(self, style_id: str) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            num = style.find(f"{w('pPr')}/{w('numPr')}")
            if num is not None:
                return _num_pr(num, 0)
        return None

    def list_format(self, num_id: str, level: int) -> str:
        """ "bullet" or "ordered" for a numbering instance and level."""
        return self._formats.get((num_id, level), "ordered")


def _numbering_formats(numbering: Any | None) -> dict[tuple[str, int], str]:
    if numbering is None:
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for definition in numbering.iter(w("abstractNum")):
        levels = {}
        for lvl in definition.iter(w("lvl")):
            fmt = lvl.find(w("numFmt"))
            kind = "bullet" if fmt is not None and fmt.get(w("val")) == "bullet" else "ordered"
            levels[int(lvl.get(w("ilvl"), "0"))] = kind
        abstract[definition.get(w("abstractNumId"), "")] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        levels = abstract.get(ref.get(w("val"), "") if ref is not None else "", {})
        for level, kind in levels.items():
            formats[(num.get(w("numId"), ""), level)] = kind
    return formats


def _outline(element: Any) -> int | None:
    try:
        value = int(element.get(w("val"), "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else None


def _on(element: Any) -> bool:
    return str(element.get(w("val"), "1")).lower() not in FALSE_VALUES


def _num_pr(num: Any, default_level: int) -> tuple[str, int] | None:
    num_id = num.find(w("numId"))
    ilvl = num.find(w("ilvl"))
    if num_id is None:
        return None
    value = num_id.get(w("val"), "0")
    if value == "0":  # numbering explicitly removed
        return None
    level = int(ilvl.get(w("val"), "0")) if ilvl is not None else default_level
    return value, min(max(level, 0), 8)


# --- inline content ---------------------------------------------------------------------------


@dataclass
class _Segment:
    text: str
    bold: bool = False
    italic: bool = False


class BodyReader:
    """Reads the body of one document part; ``related`` maps relationship ids to parts."""

    def __init__(self, styles: Styles, related: dict[str, Any]) -> None:
        self.styles = styles
        self.related = related
        self.skipped = Skipped()
        self._fields: list[str] = []  # instructions of the fields open at this point
        self._counters: dict[str, list[int]] = {}

    # -- blocks --

    def blocks(self, container: Any) -> Iterator[Block]:
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

    def _content_control(self, sdt: Any) -> Iterator[Block]:
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

    def paragraph(self, p: Any) -> Block:
        style_id = self.styles.paragraph_style(p)
        style = self.styles.name(style_id)
        in_toc_field = self._in_toc()
        pictures: list[Picture] = []
        segments = list(self._inline(p, self._para_bold(style_id), pictures))
        if in_toc_field or self._in_toc() or TOC_STYLE.match(style):
            self.skipped.toc_paragraphs += 1
            return Block("toc", text=_plain(segments), style=style)
        text = _plain(segments).strip(" \u3000\t\n")
        if (not text and not pictures) or style.lower() in NOTE_STYLES:
            return Block("empty", style=style)
        block = Block(
            "para",
            markdown=inline_markdown(segments),
            text=text,
            style=style,
            level=self._level(p, style_id),
            bold=_all_bold(segments),
            pictures=pictures,
        )
        self._list(p, style_id, style, block)
        return block

    def _in_toc(self) -> bool:
        return any(instr.lstrip().startswith("TOC") for instr in self._fields)

    def _level(self, p: Any, style_id: str) -> int | None:
        own = p.find(f"{w('pPr')}/{w('outlineLvl')}")
        if own is not None:
            return _outline(own)
        return self.styles.outline_level(style_id)

    def _list(self, p: Any, style_id: str, style: str, block: Block) -> None:
        num = p.find(f"{w('pPr')}/{w('numPr')}")
        found = _num_pr(num, 0) if num is not None else self.styles.numbering(style_id)
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

    def _inline(self, node: Any, para_bold: bool, pictures: list[Picture]) -> Iterator[_Segment]:
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
            elif tag == _ns("m:oMath") or tag == _ns("m:oMathPara"):
                yield _Segment("".join(t.text or "" for t in child.iter(_ns("m:t"))))
            elif tag in (w("hyperlink"), w("ins"), w("smartTag"), w("customXml"), w("moveTo")):
                yield from self._inline(child, para_bold, pictures)

    def _run(self, r: Any, para_bold: bool, pictures: list[Picture]) -> Iterator[_Segment]:
        bold, italic = self._run_marks(r, para_bold)
        for child in r:
            tag = child.tag
            if tag == w("t"):
                yield _Segment(child.text or "", bold, italic)
            elif tag == w("tab"):
                yield _Segment(" ", bold, italic)
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) in ("page", "column"):
                    self.skipped.page_breaks += 1
                else:
                    yield _Segment("\n")
            elif tag == w("noBreakHyphen"):
                yield _Segment("-", bold, italic)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                self.skipped.notes += 1
            elif tag == w("fldChar"):
                self._field_char(child)
            elif tag == w("instrText"):
                if self._fields:
                    self._fields[-1] += (child.text or "").upper()
            elif tag in (w("drawing"), w("pict"), w("object")):
                self._drawing(child, pictures)
            elif tag == _ns("mc:AlternateContent"):
                choice = child.find(_ns("mc:Choice"))
                chosen = choice if choice is not None else child.find(_ns("mc:Fallback"))
                if chosen is not None:
                    self._drawing(chosen, pictures)

    def _field_char(self, element: Any) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            self._fields.append("")
        elif kind == "end" and self._fields:
            self._fields.pop()
        elif kind == "separate" and self._fields:
            self._fields[-1] = self._fields[-1].strip()

    def _run_marks(self, r: Any, para_bold: bool) -> tuple[bool, bool]:
        props = r.find(w("rPr"))
        bold, italic = None, False
        if props is not None:
            b, i = props.find(w("b")), props.find(w("i"))
            bold = _on(b) if b is not None else None
            italic = _on(i) if i is not None else False
            if bold is None:
                char_style = props.find(w("rStyle"))
                if char_style is not None:
                    bold = self.styles.bold(char_style.get(w("val"), ""))
        return (para_bold if bold is None else bold), italic

    # -- pictures, text boxes, charts --

    def _drawing(self, element: Any, pictures: list[Picture]) -> None:
        boxes = list(element.iter(w("txbxContent")))
        inside: set[Any] = set()
        for box in boxes:
            self.skipped.text_boxes += 1
            self.skipped.text_box_chars += sum(
                len((t.text or "").strip()) for t in box.iter(w("t"))
            )
            inside.update(box.iter())
        for data in element.iter(_ns("a:graphicData")):
            if data.get("uri") in CHART_URIS and data not in inside:
                self.skipped.charts += 1
        for blip in element.iter(_ns("a:blip")):
            if blip not in inside:
                self._picture(blip.get(f"{{{R}}}embed"), blip.get(f"{{{R}}}link"), blip, pictures)
        for image in element.iter(_ns("v:imagedata")):
            if image not in inside:
                self._picture(image.get(f"{{{R}}}id"), None, image, pictures)

    def _picture(self, embed: str | None, link: str | None, node: Any, out: list[Picture]) -> None:
        part = self.related.get(embed or "")
        if part is None or not hasattr(part, "blob"):
            if link or embed:
                self.skipped.linked_pictures += 1
            return
        alt, title = _picture_text(node)
        name = str(getattr(part, "partname", "image")).rsplit("/", 1)[-1]
        out.append(Picture(part.blob, name, str(part.content_type), alt, title))

    # -- tables --

    def table(self, tbl: Any) -> Iterator[Block]:
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
        columns = max(len(r) for r in rows)
        lines = []
        for n, row in enumerate(rows):
            padded = row + [""] * (columns - len(row))
            lines.append("| " + " | ".join(c or " " for c in padded) + " |")
            if n == 0:
                lines.append("|" + "---|" * columns)
        yield Block(
            "table",
            markdown="\n".join(lines),
            text=" ".join(texts),
            pictures=pictures,
            rows=len(rows),
        )

    def _cell(self, tc: Any, pictures: list[Picture], texts: list[str], *, plain: bool) -> str:
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


def _owned_by(tr: Any, tbl: Any) -> bool:
    """Whether row ``tr`` belongs to ``tbl`` itself, not to a table nested in one of its cells."""
    parent = tr.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent is tbl


def _cells(tr: Any) -> list[tuple[Any, int, bool]]:
    """A row's cells: (cell, columns it spans, whether it continues a vertical merge)."""
    found = []
    for tc in tr.iter(w("tc")):
        if tc.getparent() is not tr and tc.getparent().tag != w("sdtContent"):
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


def _picture_text(node: Any) -> tuple[str, str]:
    """The alt text and title of the drawing or VML shape around a picture."""
    parent = node
    while parent is not None:
        if parent.tag in (_ns("wp:inline"), _ns("wp:anchor")):
            doc_pr = parent.find(_ns("wp:docPr"))
            if doc_pr is not None:
                return doc_pr.get("descr", ""), doc_pr.get("title", "")
            break
        if parent.tag == _ns("v:shape"):
            return parent.get("alt", ""), ""
        parent = parent.getparent()
    return "", ""


# --- Markdown ---------------------------------------------------------------------------------

_ESCAPED = set("\\`*_[]<>|")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|=+\s*$|(\d{1,9})([.)])(?=\s|$))")


def escape(text: str) -> str:
    """``text`` as CommonMark inline text: shown as written, never read as markup."""
    out = "".join("\\" + ch if ch in _ESCAPED else ch for ch in text)
    return re.sub(r"&(?=#?\w+;)", r"\\&", out)


def escape_line_start(markdown: str) -> str:
    """Keep a paragraph that starts like a heading, quote, list or rule a paragraph."""
    matched = _LINE_START.match(markdown)
    if not matched:
        return markdown
    if matched.group(2):  # "1. text": escape the dot, not the number
        end = matched.end(2)
        return markdown[:end] + "\\" + markdown[end:]
    return "\\" + markdown


def _edge(ch: str) -> bool:
    """Whitespace or punctuation, as CommonMark's flanking rules see it ("" = line edge)."""
    return not ch or ch.isspace() or unicodedata.category(ch)[0] in "PS"


def _marked(text: str, mark: str, before: str = "", after: str = "") -> str:
    """``text`` between ``mark``s, so that CommonMark reads them as emphasis.

    Spaces at the edges go outside the marks; so does punctuation where the marks would not
    open or close beside it — ``**`` closes after “。” only when a space or punctuation follows,
    which Chinese text (“重点”内容) rarely has. ``before`` and ``after`` are the characters
    around the span.
    """
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or (_edge(text[start]) and not _edge(before))):
        before = text[start]
        start += 1
    while end > start and (text[end - 1].isspace() or (_edge(text[end - 1]) and not _edge(after))):
        after = text[end - 1]
        end -= 1
    if start == end:
        return escape(text)
    return escape(text[:start]) + mark + escape(text[start:end]) + mark + escape(text[end:])


def inline_markdown(segments: list[_Segment]) -> str:
    """Segments as inline Markdown: bold spans with italic inside; line breaks kept as ``\\n``."""
    groups: list[_Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if groups and (groups[-1].bold, groups[-1].italic) == (seg.bold, seg.italic):
            groups[-1] = _Segment(groups[-1].text + seg.text, seg.bold, seg.italic)
        else:
            groups.append(_Segment(seg.text, seg.bold, seg.italic))
    out: list[str] = []
    i = 0
    while i < len(groups):
        before = groups[i - 1].text[-1] if i else ""
        if groups[i].bold:
            inner = []
            while i < len(groups) and groups[i].bold:
                inner.append(groups[i])
                i += 1
            after = groups[i].text[0] if i < len(groups) else ""
            out.append(_bold_span(inner, before, after))
            continue
        g = groups[i]
        adjacent = (i > 0 and groups[i - 1].bold) or (i + 1 < len(groups) and groups[i + 1].bold)
        after = groups[i + 1].text[0] if i + 1 < len(groups) else ""
        out.append(_lines(g.text, "*" if g.italic and not adjacent else "", before, after))
        i += 1
    return "".join(out).strip(" \u3000\t")


def _lines(text: str, mark: str, before: str = "", after: str = "") -> str:
    """Text that may hold line breaks: each line marked on its own (a mark never spans lines)."""
    pieces = text.split("\n")
    if not mark:
        return "\n".join(escape(p) for p in pieces)
    last = len(pieces) - 1
    return "\n".join(
        _marked(p, mark, before if n == 0 else "", after if n == last else "")
        for n, p in enumerate(pieces)
    )


def _bold_span(groups: list[_Segment], before: str, after: str) -> str:
    text = "".join(g.text for g in groups)
    if "\n" in text or not any(g.italic for g in groups):
        return _lines(text, "**", before, after)
    if all(g.italic for g in groups):
        return _lines(text, "***", before, after)
    if _edge(text[0]) or _edge(text[-1]):  # rare: bold and italic mixed, punctuation at an edge
        return _lines(text, "**", before, after)
    inner = "".join(_marked(g.text, "*") if g.italic else escape(g.text) for g in groups)
    return f"**{inner}**"


def _plain(segments: list[_Segment]) -> str:
    return "".join(s.text for s in segments)


def _all_bold(segments: list[_Segment]) -> bool:
    visible = [s for s in segments if s.text.strip()]
    return bool(visible) and all(s.bold for s in visible)


def join_markdown(blocks: list[tuple[Block, str]]) -> str:
    """Blocks with their Markdown (as placed by the importer) joined into one narrative.

    List items follow each other on consecutive lines, nested by their Word level; every other
    block is a paragraph of its own (a block quote in a quote style). A paragraph's line breaks
    stay hard line breaks; a list item's and a cell's become spaces.
    """
    out: list[str] = []
    open_levels: list[tuple[int, int]] = []  # (Word list level, width of its marker)
    previous_list = False
    for block, markdown in blocks:
        if block.list_kind:
            while open_levels and open_levels[-1][0] >= block.list_level:
                open_levels.pop()
            indent = " " * sum(width for _, width in open_levels)
            marker = "- " if block.list_kind == "bullet" else f"{block.list_number}. "
            line = indent + marker + escape_line_start(" ".join(markdown.split()))
            out.append(("\n" if previous_list else "\n\n") + line)
            open_levels.append((block.list_level, len(marker)))
            previous_list = True
            continue
        open_levels.clear()
        previous_list = False
        if block.kind != "para":  # a table, or Markdown the importer made (heading, figure)
            out.append("\n\n" + markdown.strip("\n"))
            continue
        lines = [escape_line_start(line.strip(" \u3000\t")) for line in markdown.split("\n")]
        lines = [line for line in lines if line]
        quote = "> " if block.style.lower() in QUOTE_STYLES else ""
        if lines:  # a line break in Word (Shift+Enter) is a hard line break: \ at the line's end
            out.append("\n\n" + quote + ("\\\n" + quote).join(lines))
    return "".join(out).strip("\n") + "\n" if out else ""
