"""The flowables the PDF is made of: paragraphs that break Chinese correctly, headings that land
in the outline and the 目录, 目录 lines, and boxes that reserve room for charts, images and pages.

User text is never handed to reportlab's Paragraph (whose mini-language would read ``<b>`` or
``&amp;`` in it as markup): :class:`Para` draws plain strings with the text operators, so any
character a user types prints as itself.

The document template (:mod:`qualitydesk.export.layout`) builds the story twice: a draft pass
lays it out without drawing to learn the page of every heading and the page count, and the final
pass draws with those numbers. Flowables learn which pass they are in from the template.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import overload

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import BaseDocTemplate

from qualitydesk.export.fallback import is_picture_font, picture
from qualitydesk.export.fonts import FontSet, fonts
from qualitydesk.export.text import (
    QUARTER_EM,
    Line,
    break_lines,
    char_widths,
    clean,
    normalise,
    quarter_gaps,
    stretch_points,
)
from qualitydesk.export.textwriter import TextWriter

Run = tuple[str, str]  # (text, font name)
RGB = tuple[float, float, float]
BLACK: RGB = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph looks. Lengths are in points."""

    font: str
    size: float
    leading: float
    color: RGB = BLACK
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    align: str = "justify"  # justify, left, center or right
    space_before: float = 0.0
    space_after: float = 0.0


def template_of(flowable: Flowable) -> BaseDocTemplate | None:
    """The document template laying ``flowable`` out, or None outside a build."""
    return getattr(flowable.canv, "_doctemplate", None)


def is_draft(flowable: Flowable) -> bool:
    """Whether the story is being laid out only (draft pass): nothing needs drawing."""
    return bool(getattr(template_of(flowable), "draft", False))


@dataclass(frozen=True)
class _Prepared:
    """A paragraph's text after cleaning, the font of each stretch, and each character's width.

    ``spans`` are (start, end, font), in order and without two neighbours of one font;
    ``starts`` are their starts, to find the spans of a line by bisection (a paragraph of a
    megabyte has as many spans as the user made bold words, and as many lines as it fills).
    """

    text: str
    spans: tuple[tuple[int, int, str], ...]
    starts: tuple[int, ...]
    advance: tuple[float, ...]
    lead: tuple[float, ...] = ()  # the quarter-em before a character (in its advance), or ()
    gaps: tuple[int, ...] = ()  # where lead is not 0


def _prepare(runs: Sequence[Run], size: float) -> _Prepared:
    font_set = fonts()
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    advance: list[float] = []
    pos = 0
    cleaned = [(clean(raw, font_set), font) for raw, font in runs]
    texts = normalise([text for text, _ in cleaned])  # no spaces around full-width punctuation
    for text, (_, font) in zip(texts, cleaned, strict=True):
        if not text:
            continue
        for piece, face in by_face(text, font, font_set):
            parts.append(piece)
            if spans and spans[-1][2] == face:
                spans[-1] = (spans[-1][0], pos + len(piece), face)
            else:
                spans.append((pos, pos + len(piece), face))
            advance.extend(char_widths(face, size)(piece))
            pos += len(piece)
    starts = tuple(s for s, _, _ in spans)
    text = "".join(parts)
    gaps = quarter_gaps(text)  # Han next to Latin: a quarter-em as layout, not as a character
    if not gaps:
        return _Prepared(text, tuple(spans), starts, tuple(advance))
    lead = [0.0] * len(text)
    for i in gaps:
        lead[i] = size * QUARTER_EM
        advance[i] += lead[i]
    return _Prepared(text, tuple(spans), starts, tuple(advance), tuple(lead), tuple(gaps))


def by_face(text: str, font: str, font_set: FontSet) -> list[tuple[str, str]]:
    """``text`` in stretches of one face: ``font``, or another bundled face for what it lacks,
    or a fallback face of the system for what no bundled face has (:mod:`.fallback`).
    """
    codes = set(map(ord, text))
    codes.discard(10)
    if codes <= font_set.cmaps[font]:
        return [(text, font)]
    chars = {chr(code) for code in codes}
    extra = font_set.fallback_fonts(chars)  # {} unless some character is beyond the bundle
    face = {ch: font_set.face_for(font, ch) or extra.get(ch) or font for ch in chars}
    face["\n"] = font
    return [("".join(group), key) for key, group in groupby(text, face.__getitem__)]


class _Lines(Sequence[Line]):
    """``lines[first:last]`` without copying them: each page of a paragraph running over many
    pages costs its own lines only, not all the lines still to come.
    """

    __slots__ = ("first", "last", "lines")

    def __init__(self, lines: list[Line], first: int = 0, last: int | None = None) -> None:
        self.lines, self.first = lines, first
        self.last = len(lines) if last is None else last

    def __len__(self) -> int:
        return self.last - self.first

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self.lines[self.first + index % len(self)]

    def __iter__(self) -> Iterator[Line]:
        lines = self.lines
        return (lines[i] for i in range(self.first, self.last))


class Para(Flowable):
    """A paragraph of plain text in one size, possibly in several fonts, broken by the rules of
    :mod:`qualitydesk.export.text` and justified.
    """

    def __init__(self, runs: Sequence[Run] | str, style: TextStyle) -> None:
        super().__init__()
        if isinstance(runs, str):
            runs = [(runs, style.font)]
        self.style = style
        self.prepared = _prepare(runs, style.size)
        self.start, self.stop = 0, len(self.prepared.text)  # the part of the text shown here
        # lines of the whole paragraph per width, shared by the pieces a page break makes
        self._cache: dict[float, tuple[list[Line], list[int]]] = {}
        self._lines: Sequence[Line] = ()
        self._width = 0.0

    @property
    def text(self) -> str:
        """The text of this piece of the paragraph (all of it, unless a page break split it)."""
        return self.prepared.text[self.start : self.stop]

    def getSpaceBefore(self) -> float:
        """The style's space before the paragraph, in points."""
        return self.style.space_before

    def getSpaceAfter(self) -> float:
        """The style's space after the paragraph, in points."""
        return self.style.space_after

    def _break(self, width: float, start: int, stop: int) -> list[Line]:
        st = self.style
        lines = break_lines(
            self.prepared.text[start:stop],
            self.prepared.advance[start:stop],
            max(width - st.left_indent - st.right_indent, st.size),
            first_indent=st.first_indent if start == 0 else 0.0,
            squeeze=st.size * 0.5 if st.align == "justify" else 0.0,
            lead=self.prepared.lead[start:stop] or None,
        )
        if start:
            lines = [Line(ln.start + start, ln.end + start, ln.width, ln.justify) for ln in lines]
        return lines

    def lines_for(self, width: float) -> Sequence[Line]:
        """The lines of this piece of the paragraph when set ``width`` wide."""
        if width not in self._cache:
            lines = self._break(width, 0, len(self.prepared.text))
            self._cache[width] = (lines, [ln.start for ln in lines])
        lines, starts = self._cache[width]
        if self.start == 0 and self.stop == len(self.prepared.text):
            return _Lines(lines)
        first = bisect_left(starts, self.start)
        last = bisect_left(starts, self.stop, first)
        starts_here = first < len(starts) and starts[first] == self.start
        stops_here = last == len(starts) or starts[last] == self.stop
        if starts_here and stops_here:
            return _Lines(lines, first, last)
        return self._break(width, self.start, self.stop)  # split at another width: rare

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The full ``availWidth`` and the height of the lines set that wide."""
        self._lines = self.lines_for(availWidth)
        self._width = availWidth
        self.width, self.height = availWidth, len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """This piece cut for ``availHeight`` into the lines that fit and the rest, two lines at
        least on either side; [] when it cannot be cut so (the frame moves it on whole).
        """
        lines = self.lines_for(availWidth)
        # no line alone: at least two stay at the foot of this page (no orphan) and at least
        # two go over to the top of the next (no widow); three lines or fewer move whole
        fit = min(int((availHeight + 1e-6) // self.style.leading), len(lines) - 2)
        if fit < 2:
            return []
        cut = lines[fit].start
        head = self._piece(self.start, cut, replace(self.style, space_after=0.0))
        tail = self._piece(cut, self.stop, replace(self.style, space_before=0.0))
        return [head, tail]

    def _piece(self, start: int, stop: int, style: TextStyle) -> Para:
        piece = Para.__new__(Para)
        Flowable.__init__(piece)
        piece.style, piece.prepared, piece._cache = style, self.prepared, self._cache
        piece.start, piece.stop = start, stop
        piece._lines, piece._width = (), 0.0
        return piece

    def draw(self) -> None:
        """The lines, aligned as the style says (justified lines stretched to the width); nothing in
        a draft pass.
        """
        if is_draft(self) or not self._lines:
            return
        st = self.style
        self.canv.setFillColorRGB(*st.color)
        baseline = self.height - st.leading / 2 - st.size * 0.36
        writer = TextWriter(self.canv, st.size)
        for i, line in enumerate(self._lines):
            x, spacing, extra = self._placement(i, line)
            writer.start_line(x, baseline - i * st.leading, spacing, extra)
            pos = line.start
            for text, font in self._segments(line):
                writer.show(text, font, pos)
                pos += len(text)
        writer.close()
        if any(is_picture_font(font) for _, _, font in self.prepared.spans):
            self._draw_pictures(baseline)

    def _draw_pictures(self, baseline: float) -> None:
        """Draw colour emoji over their blank placeholder glyphs (see :mod:`.fallback`)."""
        st = self.style
        advance, lead = self.prepared.advance, self.prepared.lead
        for i, line in enumerate(self._lines):
            x, spacing, extra = self._placement(i, line)
            pos = line.start
            for text, font in self._segments(line):
                for ch in text:
                    width = advance[pos] - (lead[pos] if lead else 0.0)  # the glyph's own
                    png = picture(font, ch) if is_picture_font(font) else None
                    if png is not None:
                        y = baseline - i * st.leading - st.size * 0.12
                        _draw_png(self.canv, png, (x, y, width, st.size))
                    x += width + spacing + extra.get(pos, 0.0)
                    pos += 1

    def _placement(self, index: int, line: Line) -> tuple[float, float, dict[int, float]]:
        """Where line ``index`` starts, the character spacing, and the space to add after each
        character whose gap differs from it (index in the text -> points).

        A justified line widens only its :func:`~qualitydesk.export.text.stretch_points`. The
        stretch is the character spacing (Tc) and the inside of words and numbers takes it back:
        readers (pdfium, pypdf) take Tc for letter spacing, but a gap made by a TJ number for a
        word space, and would copy "质 量" for a stretched gap. A line that stretches only its
        spaces (Latin) widens them one by one. The quarter-em before a character next to Han is
        added here too (it is in the character's advance).
        """
        st = self.style
        indent = st.left_indent + (st.first_indent if index == 0 and line.start == 0 else 0.0)
        slack = self._width - indent - st.right_indent - line.width
        lead, gaps = self.prepared.lead, self.prepared.gaps
        here = gaps[bisect_right(gaps, line.start) : bisect_left(gaps, line.end)]
        extra = {k - 1: lead[k] for k in here}
        if st.align in ("center", "right"):
            return indent + max(slack, 0.0) / (2 if st.align == "center" else 1), 0.0, extra
        text = self.prepared.text[line.start : line.end]
        points = stretch_points(text) if st.align == "justify" and line.justify else []
        if not points or slack < 0:  # squeezed: the end's full-width mark hangs its blank half
            return indent, 0.0, extra
        stretch = slack / len(points)
        if all(text[k] == " " for k in points):  # a Latin line: only its spaces
            for k in points:
                extra[line.start + k] = extra.get(line.start + k, 0.0) + stretch
            return indent, 0.0, extra
        stretched = set(points)
        for k in range(len(text) - 1):
            if k not in stretched:
                extra[line.start + k] = extra.get(line.start + k, 0.0) - stretch
        return indent, stretch, extra

    def _segments(self, line: Line) -> list[tuple[str, str]]:
        text, spans = self.prepared.text, self.prepared.spans
        segments = []
        i = max(bisect_right(self.prepared.starts, line.start) - 1, 0)
        while i < len(spans) and spans[i][0] < line.end:
            s, e, font = spans[i]
            if e > line.start:
                segments.append((text[max(s, line.start) : min(e, line.end)], font))
            i += 1
        return segments


def _draw_png(canv: Canvas, png: bytes, box: tuple[float, float, float, float]) -> None:
    """A picture fitted into ``box`` (x, y of its bottom left, width, height), centred."""
    import io

    from reportlab.lib.utils import ImageReader

    x, y, width, size = box
    image = ImageReader(io.BytesIO(png))
    pixels_w, pixels_h = image.getSize()
    scale = min(width / pixels_w, size / pixels_h)
    w, h = pixels_w * scale, pixels_h * scale
    canv.drawImage(image, x + (width - w) / 2, y + (size - h) / 2, w, h, mask="auto")


def natural_width(para: Para) -> float:
    """The width ``para`` needs to stay on one line (per hard line), indents included."""
    st = para.style
    longest = 0.0
    start = 0
    text, advance = para.prepared.text, para.prepared.advance
    for chunk in text.split("\n"):
        end = start + len(chunk)
        longest = max(longest, sum(advance[start:end]))
        start = end + 1
    return longest + st.left_indent + st.right_indent + max(st.first_indent, 0.0)


def min_width(para: Para) -> float:
    """The width of the widest unbreakable unit of ``para`` (a word, a number with its unit)."""
    from qualitydesk.export.text import units

    advance = para.prepared.advance
    widest = max((sum(advance[s:e]) for s, e in units(para.prepared.text)), default=0.0)
    return widest + para.style.left_indent + para.style.right_indent
