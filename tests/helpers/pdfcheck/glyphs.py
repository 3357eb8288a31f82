"""Reading where an exported PDF places its characters: lines as a reader sees them, glyph
origins and sizes, and character boxes (for the line-breaking and table rules).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from .text import squeeze


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
    (``spaced``: with a space pdfium made up between them).
    """
    left, bottom, _, top = box
    _, before_bottom, before_right, before_top = before
    height = max(top - bottom, before_top - before_bottom, 1.0)
    middle = (bottom + top) / 2
    on_line = before_bottom - 0.2 * height <= middle <= before_top + 0.2 * height
    widest = (0.75 if spaced else 1.5) * height
    return on_line and before_right - 0.5 * height <= left <= before_right + widest


@dataclass(frozen=True)
class Glyph:
    """A character as pdfium places it: its pen position on the baseline and its font size."""

    char: str
    x: float  # points from the page's left edge
    baseline: float  # points from the page's bottom edge
    size: float


def glyphs(pdf: Path, pages: Iterable[int] | None = None) -> list[list[Glyph]]:
    """The characters of every page (or of ``pages``, 0-based) with their origin: the left end
    of the advance, on the baseline.
    """
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
