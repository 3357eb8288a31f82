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
from reportlab.platypus import Flowable

from qualitydesk.export.fonts import SERIF, FontSet, fonts
from qualitydesk.export.text import Line, break_lines, char_widths, clean

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


def _prepare(runs: Sequence[Run], size: float) -> _Prepared:
    font_set = fonts()
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    advance: list[float] = []
    pos = 0
    for raw, font in runs:
        text = clean(raw, font_set)
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
    return _Prepared("".join(parts), tuple(spans), starts, tuple(advance))


def _by_face(text: str, font: str, font_set: FontSet) -> list[tuple[str, str]]:
    """``text`` in stretches of one face: ``font``, or another bundled face for what it lacks."""
    chars = set(text) - {"\n"}
    if all(font_set.has(font, ch) for ch in chars):
        return [(text, font)]
    face = {ch: font_set.face_for(font, ch) or font for ch in chars} | {"\n": font}
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
        count = len(lines)
        fit = min(int((availHeight + 1e-6) // self.style.leading), count - 1)
        if count >= 4 and count - fit < 2:
            fit = count - 2  # no widow: at least two lines go over
        if fit < 1 or (fit < 2 and count > 2):
            return []  # no orphan: at least two lines stay
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
        canv = self.canv
        tx = canv.beginText()
        tx.setFillColorRGB(*st.color)
        baseline = self.height - st.leading / 2 - st.size * 0.36
        for i, line in enumerate(self._lines):
            indent = st.left_indent + (st.first_indent if i == 0 and line.start == 0 else 0.0)
            room = self._width - indent - st.right_indent
            x, char_space, word_space = self._placement(line, room)
            tx.setTextOrigin(indent + x, baseline - i * st.leading)
            tx.setCharSpace(char_space)
            tx.setWordSpace(word_space)
            for text, font in self._segments(line):
                tx.setFont(font, st.size)
                tx.textOut(text)
        canv.drawText(tx)

    def _placement(self, line: Line, room: float) -> tuple[float, float, float]:
        """x offset, character spacing and word spacing of a line."""
        slack = room - line.width
        align = self.style.align
        if align == "center":
            return max(slack, 0.0) / 2, 0.0, 0.0
        if align == "right":
            return max(slack, 0.0), 0.0, 0.0
        if align != "justify" or not line.justify:
            return 0.0, 0.0, 0.0
        text = self.prepared.text[line.start : line.end]
        glyphs = len(text)
        spaces = text.count(" ")
        wide = sum(1 for ch in text if ord(ch) >= 0x2E80)
        if spaces >= 3 and wide * 2 < glyphs:  # a Latin line: stretch the spaces
            return 0.0, 0.0, slack / spaces
        return 0.0, slack / max(glyphs - 1, 1), 0.0

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
        page = _template(self).page_of(self.key)
        number = str(page) if page else ""
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
        canv.drawString(indent, baseline, title)
        canv.setFont(SERIF, st.size)
        canv.drawRightString(end, baseline, " ." * max(int((end - start) / dot), 0))
        canv.setFont(st.font, st.size)
        canv.drawRightString(self.width, baseline, number)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


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
        import io

        from reportlab.lib.utils import ImageReader

        image = ImageReader(io.BytesIO(self.data))
        self.canv.drawImage(image, 0, 0, self.width, self.height)


class PageSlot(Flowable):
    """Room for one page of a PDF attachment; pypdf places the page there after the build."""

    def __init__(self, attachment: int, page: int, width: float, height: float) -> None:
        super().__init__()
        self.attachment, self.page = attachment, page
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = min(self.width, availWidth)
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
        page = _template(self).page_of(self.key)
        st = self.style
        canv = self.canv
        canv.setFillColorRGB(*st.color)
        canv.setFont(st.font, st.size)
        canv.drawCentredString(self.width / 2, self.height / 2 - st.size * 0.36, str(page or ""))
