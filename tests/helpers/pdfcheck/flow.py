"""Reading how an exported PDF fills its pages: the blank at the foot of each page, and the
height of the group that opens it (what the keep rules hold together).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader

from .text import Entry, outline

MM = 72 / 25.4
WATERMARK_SIZE = 40.0  # points: text this large is the 内部资料 watermark, not content


class FootBlank(tuple):
    """(page, blank_mm, ends_section) of one page; see :func:`foot_blanks`."""

    __slots__ = ()

    def __new__(cls, page: int, blank_mm: float, ends_section: bool) -> FootBlank:
        """The blank of ``page`` (1-based), in mm."""
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
    watermark.
    """
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
    on a page; minus infinity when most pages share no such height (no footer).
    """
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
    boxes of its characters.
    """
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
    ``top``, the columns told apart by the table's vertical rules.
    """
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
    """The height in points of the group that opens a page (see :func:`opening_groups`)."""
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
