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
from typing import Any, overload

from reportlab.graphics.shapes import Drawing
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from qualitydesk.export.fallback import is_picture_font, picture
from qualitydesk.export.fonts import SERIF, FontSet, fonts
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


def _template(flowable: Flowable) -> Any:
    return getattr(flowable.canv, "_doctemplate", None)


def is_draft(flowable: Flowable) -> bool:
    """Whether the story is being laid out only (draft pass): nothing needs drawing."""
    return bool(getattr(_template(flowable), "draft", False))


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
        for piece, face in _by_face(text, font, font_set):
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


def _by_face(text: str, font: str, font_set: FontSet) -> list[tuple[str, str]]:
    """``text`` in stretches of one face: ``font``, or another bundled face for what it lacks,
    or a fallback face of the system for what no bundled face has (:mod:`.fallback`)."""
    chars = set(text) - {"\n"}
    if all(font_set.has(font, ch) for ch in chars):
        return [(text, font)]
    extra = font_set.fallback_fonts(chars)  # {} unless some character is beyond the bundle
    face = {ch: font_set.face_for(font, ch) or extra.get(ch) or font for ch in chars}
    face["\n"] = font
    return [("".join(group), key) for key, group in groupby(text, face.__getitem__)]


class _Lines(Sequence[Line]):
    """``lines[first:last]`` without copying them: each page of a paragraph running over many
    pages costs its own lines only, not all the lines still to come."""

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


class _TextWriter:
    """The text operators of a paragraph's lines, whose gaps differ: one BT … ET block, a TJ
    array per stretch of one font subset, with a number only where a gap is not the line's
    character spacing (Tc), so the PDF stays small and extracts as the text itself."""

    def __init__(self, canv: Any, size: float) -> None:
        self.canv, self.doc, self.size = canv, canv._doc, size
        self.tf = fp_str(size)
        self.code = ["BT"]
        self.face: tuple[str, int] | None = None  # font and subset in use
        self.spacing = 0.0
        self.extra: dict[int, float] = {}
        self.cuts: list[int] = []

    def start_line(self, x: float, y: float, spacing: float, extra: dict[int, float]) -> None:
        """A line at (x, y): ``spacing`` after every character, plus ``extra`` after some
        (index in the paragraph -> points)."""
        self.code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        if spacing != self.spacing:
            self.code.append(f"{fp_str(spacing)} Tc")
            self.spacing = spacing
        self.extra, self.cuts = extra, sorted(extra)

    def show(self, text: str, font_name: str, pos: int) -> None:
        """``text``, which starts at index ``pos`` of the paragraph, in ``font_name``."""
        font = pdfmetrics.getFont(font_name)
        code, cuts = self.code, self.cuts
        for subset, chunk in font.splitString(text, self.doc):
            if (font_name, subset) != self.face:
                code.append(f"{font.getSubsetInternalName(subset, self.doc)} {self.tf} Tf")
                self.face = (font_name, subset)
            end = pos + len(chunk)
            if cuts and bisect_left(cuts, pos) < bisect_left(cuts, end):
                code.append(self._array(chunk, pos, end))
            else:
                code.append(f"({escapePDF(chunk)}) Tj")
            pos = end

    def _array(self, chunk: bytes, pos: int, end: int) -> str:
        """A TJ operator: ``chunk`` (characters ``pos`` to ``end``) with numbers moving the
        characters after the gaps that differ (thousandths of an em, negative to the right)."""
        parts, last = [], pos
        scale = -1000.0 / self.size
        for k in self.cuts[bisect_left(self.cuts, pos) : bisect_left(self.cuts, end)]:
            parts.append(f"({escapePDF(chunk[last - pos : k + 1 - pos])})")
            parts.append(fp_str(round(self.extra[k] * scale, 1)))
            last = k + 1
        if last < end:
            parts.append(f"({escapePDF(chunk[last - pos :])})")
        return f"[{' '.join(parts)}] TJ"

    def close(self) -> None:
        if self.spacing:
            self.code.append("0 Tc")
        self.code.append("ET")
        self.canv.addLiteral("\n".join(self.code))


class Para(Flowable):
    """A paragraph of plain text in one size, possibly in several fonts, broken by the rules of
    :mod:`qualitydesk.export.text` and justified."""

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
        return self.prepared.text[self.start : self.stop]

    def getSpaceBefore(self) -> float:
        return self.style.space_before

    def getSpaceAfter(self) -> float:
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
        self._lines = self.lines_for(availWidth)
        self._width = availWidth
        self.width, self.height = availWidth, len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
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
        if is_draft(self) or not self._lines:
            return
        st = self.style
        self.canv.setFillColorRGB(*st.color)
        baseline = self.height - st.leading / 2 - st.size * 0.36
        writer = _TextWriter(self.canv, st.size)
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


class Heading(Para):
    """A heading: a bookmark, an outline entry and (optionally) a 目录 entry where it lands."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        *,
        key: str,
        level: int,
        outline: str | None = None,
        closed: bool = False,
    ) -> None:
        super().__init__(text, style)
        self.key = key
        self.level = level
        self.outline = outline or self.prepared.text
        self.closed = closed
        self.keepWithNext = True

    def _piece(self, start: int, stop: int, style: TextStyle) -> Para:
        piece = super()._piece(start, stop, style)
        if start != self.start:
            return piece  # the bookmark stays with the first piece
        head = Heading.__new__(Heading)
        head.__dict__.update(piece.__dict__)
        head.key, head.level, head.outline, head.closed = (
            self.key,
            self.level,
            self.outline,
            self.closed,
        )
        return head

    def draw(self) -> None:
        super().draw()
        mark(self, self.key, self.outline, self.level, closed=self.closed, top=self.height)


def mark(
    flowable: Flowable, key: str, title: str, level: int, *, closed: bool = False, top: float = 0.0
) -> None:
    """Bookmark the flowable's position as ``key``, add it to the outline, note its page."""
    canv = flowable.canv
    canv.bookmarkHorizontal(key, 0, top)
    canv.addOutlineEntry(title, key, level=level, closed=closed or None)
    template = _template(flowable)
    if template is not None:
        template.note_page(key, canv.getPageNumber())


class Anchor(Flowable):
    """An invisible mark: bookmark and outline entry without a visible heading."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        mark(self, self.key, self.title, self.level)


class TocLine(Flowable):
    """One line of the 目录: title, dot leader, page number (from the previous pass), link."""

    def __init__(self, key: str, title: str, level: int, style: TextStyle) -> None:
        super().__init__()
        self.key, self.level, self.style = key, level, style
        self.title = clean(title, fonts())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        if is_draft(self):
            return
        st = self.style
        number = _template(self).label_of(self.key)  # the printed number: 1 is the body's first
        canv = self.canv
        baseline = self.height / 2 - st.size * 0.36
        indent = self.level * st.size * 2
        number_width = canv.stringWidth(number, st.font, st.size)
        room = self.width - indent - number_width - st.size * 2
        title = fit_text(self.title, st.font, st.size, room)
        start = indent + canv.stringWidth(title, st.font, st.size) + st.size * 0.4
        end = self.width - number_width - st.size * 0.4
        dot = canv.stringWidth(" .", SERIF, st.size)
        # drawn in reading order, so copied text reads "title . . . 17"
        canv.setFillColorRGB(*st.color)
        canv.setFont(st.font, st.size)
        draw_text(canv, (indent, baseline), title, st.font, st.size)
        canv.setFont(SERIF, st.size)
        canv.drawRightString(end, baseline, " ." * max(int((end - start) / dot), 0))
        canv.setFont(st.font, st.size)
        canv.drawRightString(self.width, baseline, number)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def draw_text(
    canv: Any, at: tuple[float, float], text: str, font: str, size: float, *, anchor: str = "start"
) -> None:
    """One line of cleaned ``text`` at ``at`` (x, y) in ``font``, each character it lacks in another
    bundled face or a fallback face (``anchor``: start, middle or end, as ``drawString`` and
    ``drawCentredString``/``drawRightString``); the canvas font is ``font`` again afterwards."""
    pieces = _by_face(text, font, fonts()) if text else []
    widths = [sum(char_widths(face, size)(piece)) for piece, face in pieces]
    x, y = at
    x -= {"middle": sum(widths) / 2, "end": sum(widths)}.get(anchor, 0.0)
    for (piece, face), width in zip(pieces, widths, strict=True):
        canv.setFont(face, size)
        canv.drawString(x, y, piece)
        x += width
    canv.setFont(font, size)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (one line: headers, 目录, labels)."""
    widths = char_widths(font, size)(text)
    if sum(widths) <= width:
        return text
    ellipsis = char_widths(font, size)("…")[0]
    used = 0.0
    for i, w in enumerate(widths):
        if used + w + ellipsis > width:
            return text[:i] + "…"
        used += w
    return text


class Figure(Flowable):
    """A chart (a reportlab Drawing) scaled to a width, drawn only in the final pass."""

    def __init__(self, drawing: Drawing, width: float | None = None) -> None:
        super().__init__()
        self.drawing = drawing
        scale = 1.0 if width is None else width / drawing.width
        self.scale = scale
        self.width, self.height = drawing.width * scale, drawing.height * scale
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.width > availWidth:
            self.scale *= availWidth / self.width
            self.width, self.height = availWidth, self.drawing.height * self.scale
        return self.width, self.height

    def draw(self) -> None:
        if is_draft(self):
            return
        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        self.drawing.drawOn(self.canv, 0, 0)
        self.canv.restoreState()


class Picture(Flowable):
    """An image (JPEG or PNG bytes) scaled into at most ``width`` × ``height``, centred."""

    def __init__(self, data: bytes, pixels: tuple[int, int], width: float, height: float) -> None:
        super().__init__()
        self.data = data
        # never larger than at 96 dpi: a small picture blown up to the full width looks blurred
        scale = min(width / pixels[0], height / pixels[1], 72 / 96)
        self.width, self.height = pixels[0] * scale, pixels[1] * scale
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if is_draft(self):
            return
        from qualitydesk.export.images import draw_image

        draw_image(self.canv, self.data, self.width, self.height)  # JPEG/PNG copied, not decoded


class PageSlot(Flowable):
    """Room for one page of a PDF attachment; pypdf places the page there after the build.

    ``width`` × ``height`` is the page at its largest (as wide as the text); it shrinks, in
    proportion, to the room left on the page, so that it fills the text block under the lines
    above it — unless that would make it smaller than :attr:`SMALLEST` of its size: then it
    goes to the next page.
    """

    SMALLEST = 0.6

    def __init__(self, attachment: int, page: int, width: float, height: float) -> None:
        super().__init__()
        self.attachment, self.page = attachment, page
        self.box = (width, height)
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.box
        scale = min(1.0, availWidth / width)
        if height * scale > availHeight >= height * scale * self.SMALLEST:
            scale = availHeight / height
        self.width, self.height = width * scale, height * scale
        return self.width, self.height

    def draw(self) -> None:
        template = _template(self)
        if template is None:
            return
        if not is_draft(self):
            self.canv.saveState()
            self.canv.setStrokeColorRGB(0.6, 0.6, 0.6)
            self.canv.setLineWidth(0.4)
            self.canv.rect(0, 0, self.width, self.height)
            self.canv.restoreState()
        x, y = self.canv.absolutePosition(0, 0)
        template.note_slot(
            self.attachment, self.page, self.canv.getPageNumber(), (x, y, self.width, self.height)
        )


def _draw_png(canv: Any, png: bytes, box: tuple[float, float, float, float]) -> None:
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


class PageRef(Flowable):
    """The page a key landed on (known from the previous pass), as a number in a table cell."""

    def __init__(self, key: str, style: TextStyle) -> None:
        super().__init__()
        self.key, self.style = key, style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        if is_draft(self):
            return
        number = _template(self).label_of(self.key)
        st = self.style
        canv = self.canv
        canv.setFillColorRGB(*st.color)
        canv.setFont(st.font, st.size)
        canv.drawCentredString(self.width / 2, self.height / 2 - st.size * 0.36, number)
