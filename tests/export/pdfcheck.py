"""Reading an exported PDF back: text per page without running header and footer, outline,
fonts, and the lines of the layout (for the line-breaking rules)."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from markdown_it import MarkdownIt
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, read_object

from qualitydesk.export.fonts import fonts
from qualitydesk.export.text import clean

FOOTER = re.compile(r"第 (\d+) 页 共 (\d+) 页")
WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """``text`` without any whitespace: layout decides where spaces and line ends go."""
    return WHITESPACE.sub("", text)


@dataclass(frozen=True)
class Entry:
    level: int
    title: str
    page: int  # 1-based


def outline(reader: PdfReader) -> list[Entry]:
    entries: list[Entry] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append(
                    Entry(level, item.title, reader.get_destination_page_number(item) + 1)
                )

    walk(reader.outline, 0)
    return entries


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


INTERNAL_MARKS = ("内部资料　注意保密", "内部资料")


def body_text(reader: PdfReader, texts: list[str]) -> str:
    """All pages' text, whitespace removed, the running header and footer taken out.

    Header, footer and the 内部资料 marks are drawn before the page's content, so their text
    comes first on a page (the cover has none).
    """
    title, org = (clean(s, fonts()) for s in (reader.metadata.title, reader.metadata.author))
    pages = []
    for page_text in texts[1:]:
        text = FOOTER.sub("", page_text, count=1)
        for mark in (title, org, *INTERNAL_MARKS):
            if mark in text[: len(title) + len(org) + 60]:
                text = text.replace(mark, "", 1)
        pages.append(text)
    return squeeze("".join(pages))


def markdown_blocks(markdown: str) -> list[str]:
    """The text of every paragraph, heading, list item and table cell of a narrative."""
    blocks = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline":
            parts = [
                child.content
                for child in token.children or ()
                if child.type in ("text", "code_inline", "html_inline")
            ]
            if "".join(parts).strip():
                blocks.append("".join(parts))
    return blocks


def fonts_without_file(reader: PdfReader) -> list[str]:
    """Names of fonts used on any page that have no embedded TrueType program (FontFile2)."""
    missing = []
    seen: set[int] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for reference in (fonts.get_object() if fonts else {}).values():
            font = reference.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else DictionaryObject()
            if "/FontFile2" not in descriptor:
                missing.append(str(font.get("/BaseFont")))
    return missing


def layout_lines(pdf: Path) -> list[str]:
    """Every line of text on the pages, as a reader sees it (pdfium's characters, grouped).

    Characters follow each other on a line while they share its height and move right without a
    gap wider than one character; a table cell or a column starts a line of its own. A space
    pdfium makes up for a gap (it has no height) joins the line, unless the gap is wider than
    three quarters of a character: then it parts two cells.
    """
    lines: list[str] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            text_page = page.get_textpage()
            line: list[str] = []
            previous: tuple[float, float, float, float] | None = None
            spaced = False  # a made-up space since the previous character
            for index in range(text_page.count_chars()):
                char = text_page.get_text_range(index, 1)
                if char in ("\r", "\n", ""):
                    continue
                box = text_page.get_charbox(index, loose=True)
                if char == " " and box[1] == box[3]:
                    line.append(char)
                    spaced = True
                    continue
                if previous is not None and not _same_line(previous, box, spaced):
                    lines.append("".join(line).strip())
                    line = []
                line.append(char)
                previous, spaced = box, False
            lines.append("".join(line).strip())
            text_page.close()
            page.close()
    finally:
        document.close()
    return [line for line in lines if line]


def _same_line(before: tuple[float, ...], box: tuple[float, ...], spaced: bool = False) -> bool:
    """Whether ``box`` (left, bottom, right, top) continues the line that ended with ``before``
    (``spaced``: with a space pdfium made up between them)."""
    left, bottom, _, top = box
    _, before_bottom, before_right, before_top = before
    height = max(top - bottom, before_top - before_bottom, 1.0)
    middle = (bottom + top) / 2
    on_line = before_bottom - 0.2 * height <= middle <= before_top + 0.2 * height
    widest = (0.75 if spaced else 1.5) * height
    return on_line and before_right - 0.5 * height <= left <= before_right + widest


def toc_numbers(text: str) -> dict[str, int]:
    """目录 entries of a page's text: title -> page number."""
    found = re.findall(r"([^\n]+?)\n\s*(?:\. ?)+\n(\d+)", text)
    return {title.strip(): int(number) for title, number in found}


@dataclass(frozen=True)
class Glyph:
    """A character as pdfium places it: its pen position on the baseline and its font size."""

    char: str
    x: float  # points from the page's left edge
    baseline: float  # points from the page's bottom edge
    size: float


def glyphs(pdf: Path, pages: Iterable[int] | None = None) -> list[list[Glyph]]:
    """The characters of every page (or of ``pages``, 0-based) with their origin: the left end
    of the advance, on the baseline."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    out: list[list[Glyph]] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for number in range(len(document)) if pages is None else pages:
            page = document[number]
            text_page = page.get_textpage()
            found: list[Glyph] = []
            for index in range(text_page.count_chars()):
                char = text_page.get_text_range(index, 1)
                if not char.strip():
                    continue
                x, y = ctypes.c_double(), ctypes.c_double()
                origin = (ctypes.byref(x), ctypes.byref(y))
                pdfium_c.FPDFText_GetCharOrigin(text_page.raw, index, *origin)
                size = pdfium_c.FPDFText_GetFontSize(text_page.raw, index)
                found.append(Glyph(char, round(x.value, 2), round(y.value, 2), round(size, 2)))
            out.append(found)
            text_page.close()
            page.close()
    finally:
        document.close()
    return out


# --- metadata and structure (issue 14 §5) --------------------------------------------------------

ROMAN = re.compile(r"^[ivxlcdm]+$")


def printed_number(text: str) -> str | None:
    """The page number a page prints: N of 第 N 页 共 M 页, a roman numeral alone on a line
    (front matter), or None (the cover, a blank page)."""
    found = FOOTER.search(text)
    if found:
        return found.group(1)
    return next((line for line in text.split("\n") if ROMAN.match(line.strip())), None)


def last_trailer(path: Path) -> DictionaryObject:
    """The trailer of the file's last cross-reference section — all a reader of an incremental
    update sees (pypdf falls back to older sections, poppler and others do not)."""
    data = Path(path).read_bytes()
    offset = int(data[data.rindex(b"startxref") + len(b"startxref") :].split()[0])
    stream = io.BytesIO(data)
    if data[offset : offset + 4] == b"xref":
        stream.seek(data.index(b"trailer", offset) + len(b"trailer"))
    else:  # a cross-reference stream: "N 0 obj <<…>> stream"
        stream.seek(offset + re.match(rb"\s*\d+\s+\d+\s+obj", data[offset:]).end())
    found = read_object(stream, PdfReader(path))
    return found.get_object()


def header_version(path: Path) -> tuple[int, int]:
    """The version in the file's header, %PDF-1.7 -> (1, 7)."""
    found = re.match(rb"%PDF-(\d)\.(\d)", Path(path).read_bytes()[:16])
    return int(found.group(1)), int(found.group(2))


def font_names(reader: PdfReader) -> list[str]:
    """/BaseFont of every distinct font the pages use (their resources and their forms')."""
    names: list[str] = []
    seen: set[int] = set()
    stack = [page.get("/Resources") for page in reader.pages]
    while stack:
        resources = stack.pop()
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, DictionaryObject) or id(resources) in seen:
            continue
        seen.add(id(resources))
        for kind in ("/Font", "/XObject"):
            found = resources.get(kind)
            for value in found.get_object().values() if found is not None else ():
                item = value.get_object()
                if id(item) in seen or not isinstance(item, DictionaryObject):
                    continue
                seen.add(id(item))
                if kind == "/Font":
                    names.append(str(item.get("/BaseFont")))
                stack.append(item.get("/Resources"))
    return names


@dataclass(frozen=True)
class Box:
    """A character and its tight box on the page, in points: left, bottom, right, top."""

    char: str
    left: float
    bottom: float
    right: float
    top: float


def char_boxes(pdf: Path) -> list[list[Box]]:
    """Every page's visible characters with their boxes, in the order they were drawn."""
    pages: list[list[Box]] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            text_page = page.get_textpage()
            found = []
            for index in range(text_page.count_chars()):
                char = text_page.get_text_range(index, 1)
                if char.strip():
                    found.append(Box(char, *text_page.get_charbox(index)))
            pages.append(found)
            text_page.close()
            page.close()
    finally:
        document.close()
    return pages


def find_chars(boxes: list[Box], text: str) -> list[Box] | None:
    """The boxes of the first occurrence of ``text`` (whitespace ignored) on a page."""
    wanted = squeeze(text)
    joined = "".join(b.char for b in boxes)
    at = joined.find(wanted)
    return None if at < 0 else boxes[at : at + len(wanted)]


def box_lines(boxes: list[Box]) -> list[list[Box]]:
    """``boxes`` grouped into the lines they sit on (by the middle of their height)."""
    lines: list[list[Box]] = []
    for box in boxes:
        middle = (box.bottom + box.top) / 2
        if lines and abs((lines[-1][0].bottom + lines[-1][0].top) / 2 - middle) < 5:
            lines[-1].append(box)
        else:
            lines.append([box])
    return lines


# --- blank at the foot of the pages (issue 14 §1) ------------------------------------------------

MM = 72 / 25.4
WATERMARK_SIZE = 40.0  # points: text this large is the 内部资料 watermark, not content


class FootBlank(tuple):
    """(page, blank_mm, ends_section) of one page; see :func:`foot_blanks`."""

    __slots__ = ()

    def __new__(cls, page: int, blank_mm: float, ends_section: bool) -> FootBlank:
        return super().__new__(cls, (page, blank_mm, ends_section))

    page = property(lambda self: self[0])
    blank_mm = property(lambda self: self[1])
    ends_section = property(lambda self: self[2])


def section_start(entry: Entry) -> bool:
    """Whether an outline entry starts a new page by design: a part, or an attachment (附件N)."""
    return entry.level == 0 or entry.title.startswith("附件")


def foot_blanks(path: Path, bottom: float | None = None, starts=section_start) -> list[FootBlank]:
    """How much of the text block is left empty under each page's lowest content, in mm.

    Content is what pdfium finds drawn: the boxes of the characters and the bounds of paths
    (rules, table grids), images and placed pages. The footer is the lowest line of text that
    stands at the same height on most pages (第 N 页 共 M 页, or a roman number); it and
    anything under it, and the 内部资料 watermark, are not content. ``bottom`` is the text
    block's bottom edge in points from the page's bottom edge; by default it is where the
    lowest content of all pages ends (the fullest page's foot), so margins come from the
    document itself.

    ``ends_section`` tells the pages that may be short: the last page, a page with nothing on
    it, and a page whose next page with content begins something ``starts`` (an outline entry
    on that page: a part or an attachment by default).
    """
    pages = _drawn_boxes(Path(path))
    footer = _footer_top(pages)
    lowest = [
        min((box[1] for box in boxes if box[3] > footer + 1.5), default=None) for boxes in pages
    ]
    if bottom is None:
        bottom = min((low for low in lowest if low is not None), default=0.0)
    reader = PdfReader(str(path))
    begins = {entry.page for entry in outline(reader) if starts(entry)}
    result = []
    for index, low in enumerate(lowest):
        number = index + 1
        following = next((n + 1 for n in range(index + 1, len(pages)) if lowest[n] is not None), 0)
        ends = low is None or following == 0 or following in begins
        height = float(reader.pages[index].mediabox.height)
        blank = (height if low is None else low) - bottom
        result.append(FootBlank(number, round(max(blank, 0.0) / MM, 1), ends))
    return result


def _printed(text_page) -> Iterator[int]:
    """Indexes of a pdfium text page's printed characters: no spaces pdfium made up, no
    watermark."""
    import pypdfium2.raw as pdfium_c

    for index in range(text_page.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(text_page.raw, index))
        if char.isspace() or char == "\x00":
            continue
        if pdfium_c.FPDFText_GetFontSize(text_page.raw, index) >= WATERMARK_SIZE:
            continue
        yield index


def _drawn_boxes(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """Per page, the (left, bottom, right, top) boxes of everything drawn but the watermark."""
    import pypdfium2.raw as pdfium_c

    kinds = (
        pdfium_c.FPDF_PAGEOBJ_PATH,
        pdfium_c.FPDF_PAGEOBJ_IMAGE,
        pdfium_c.FPDF_PAGEOBJ_SHADING,
        pdfium_c.FPDF_PAGEOBJ_FORM,
    )
    pages = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            text_page = page.get_textpage()
            boxes = [text_page.get_charbox(index) for index in _printed(text_page)]
            boxes += [obj.get_bounds() for obj in page.get_objects(filter=kinds, max_depth=0)]
            pages.append(boxes)
            text_page.close()
            page.close()
    finally:
        document.close()
    return pages


def _footer_top(pages: list[list[tuple[float, float, float, float]]]) -> float:
    """The top of the running footer: the most common top (to a point) of what is drawn lowest
    on a page; minus infinity when most pages share no such height (no footer)."""
    from collections import Counter

    tops = Counter(round(min(box[3] for box in boxes)) for boxes in pages if boxes)
    if not tops:
        return float("-inf")
    top, count = tops.most_common(1)[0]
    return float(top) if count * 2 > len(pages) else float("-inf")


# --- what a page opens with (issue 14 §1) ----------------------------------------------------

RULE = 2.0  # points: a path no thicker than this is a rule (a table's grid line)
TALL_ROW_LINES = 3  # a table row of so many lines may stand alone under caption and header


@dataclass(frozen=True)
class _Line:
    top: float
    bottom: float
    middle: float
    heading: bool  # set in the sans face: a heading, a caption, a table's header
    left: float


def opening_groups(path: Path) -> list[float]:
    """Per page, the height in mm of the group that opens it: what the keep rules would not
    let stand apart at the foot of the page before.

    That is the lines set in the sans face at the page's top (headings, a 表题 or 续表, a
    table's header row) and what they are kept with: the first two lines of a paragraph (all
    three of a paragraph of three, which does not divide), or the first two body rows of a
    table (one when it holds three lines or more) — to the bottom of the row, found from the
    table's rules. Glyph boxes do not show what the group takes besides: the space above its
    first heading, the half-leadings over its first and under its last line, and the foot
    blank (:func:`foot_blanks`) counts the half-leading under the last line of the page before
    as blank: together one body leading (the most common distance between lines of the
    document), which is added. 0 for a page with nothing on it.
    """
    from collections import Counter

    pages = []
    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            pages.append(_page_lines(page))
            page.close()
    finally:
        document.close()
    steps = Counter(
        round(a.middle - b.middle)
        for lines, _, _ in pages
        for a, b in itertools.pairwise(lines)
        if not (a.heading or b.heading)
    )
    leading = float(steps.most_common(1)[0][0]) if steps else 0.0
    return [
        round((_group_height(lines, rules, boxes) + leading) / MM, 1) if lines else 0.0
        for lines, rules, boxes in pages
    ]


def _page_lines(page) -> tuple[list[_Line], list[tuple[float, float, float, float]], list]:
    """The text lines under the running header (top to bottom), the rules of a page and the
    boxes of its characters."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    rules = [
        obj.get_bounds()
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=0)
    ]
    rules = [r for r in rules if min(r[2] - r[0], r[3] - r[1]) <= RULE]
    text_page = page.get_textpage()
    name = ctypes.create_string_buffer(256)
    chars = []
    for index in _printed(text_page):
        pdfium_c.FPDFText_GetFontInfo(text_page.raw, index, name, len(name), None)
        chars.append((text_page.get_charbox(index), b"Sans" in name.value))
    text_page.close()
    horizontal = sorted((r for r in rules if r[3] - r[1] <= RULE), key=lambda r: -r[3])
    high = horizontal[0][1] if horizontal else 0.0
    header = high if high > page.get_height() * 0.85 else None  # the running header's rule
    lines: list[list] = []
    for box, sans in sorted(chars, key=lambda c: -c[0][3]):
        if header is not None and box[1] >= header - 0.5:
            continue  # the running header over its rule
        middle = (box[1] + box[3]) / 2
        above = lines[-1] if lines else None
        if above and (middle > above[1] or box[3] > (above[0] + above[1]) / 2):  # the same line
            line = above
            line[1], line[3], line[4] = min(line[1], box[1]), line[3] and sans, min(line[4], box[0])
        else:
            lines.append([box[3], box[1], 0.0, sans, box[0]])
    for line in lines:
        line[2] = (line[0] + line[1]) / 2
    lines = lines[:-1]  # the page number
    rules = [r for r in rules if r[1] < (header or 1e9) - 0.5]
    return [_Line(*line) for line in lines], rules, [box for box, _ in chars]


def _count_lines(boxes: list) -> int:
    """How many lines the character boxes of one column make."""
    count, floor = 0, float("inf")
    for box in sorted(boxes, key=lambda b: -b[3]):
        if (box[1] + box[3]) / 2 < floor:
            count, floor = count + 1, box[1]
        floor = min(floor, box[1])
    return count


def _row_lines(boxes: list, rules: list, bottom: float, top: float) -> int:
    """The lines of the fullest cell of a table row between the rules at ``bottom`` and
    ``top``, the columns told apart by the table's vertical rules."""
    edges = sorted({round(r[0]) for r in rules if r[2] - r[0] <= RULE and r[1] < bottom < r[3]})
    inside = [b for b in boxes if bottom < (b[1] + b[3]) / 2 < top]
    columns = itertools.pairwise(edges)
    return max(
        (_count_lines([b for b in inside if a < (b[0] + b[2]) / 2 < z]) for a, z in columns),
        default=0,
    )


def _kept_lines(body: list[_Line]) -> int:
    """2, or 3 when the paragraph starting ``body`` has three lines (it cannot be divided)."""
    if len(body) < 3:
        return 2
    if len(body) == 3:
        return 3
    after = body[3]
    indent = body[0].left - body[1].left  # the first-line indent
    begins = after.heading or (indent > 1 and after.left > body[2].left + indent / 2)
    return 3 if begins else 2


def _group_height(lines: list[_Line], rules: list, boxes: list) -> float:
    if not lines:
        return 0.0
    top = lines[0].top
    first = next((i for i, line in enumerate(lines) if not line.heading), None)
    if first is None:
        return top - lines[-1].bottom
    body = lines[first:]
    columns = [r for r in rules if r[2] - r[0] <= RULE and r[1] < body[0].middle < r[3]]
    if not columns:  # a paragraph: its first two lines, all three of a paragraph of three
        return top - body[min(_kept_lines(body), len(body)) - 1].bottom
    flat = {round(r[3], 1) for r in rules if r[3] - r[1] <= RULE}
    floors = sorted((y for y in flat if y < body[0].middle), reverse=True)
    ceiling = min((y for y in flat if y > body[0].middle), default=top)
    if not floors:
        return top - body[-1].bottom
    tall = _row_lines(boxes, rules, floors[0], ceiling) >= TALL_ROW_LINES
    bottom = floors[0] if tall or len(floors) == 1 else floors[1]
    return top - bottom
