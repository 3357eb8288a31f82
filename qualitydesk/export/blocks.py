"""The flowables around the paragraphs: headings that land in the outline and the 目录, anchors,
目录 lines, one-line labels, figures, pictures, the pages of PDF attachments and page references.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from qualitydesk.export.flowables import Para, TextStyle, by_face, is_draft, template_of
from qualitydesk.export.fonts import SERIF, fonts
from qualitydesk.export.merge import PdfPages
from qualitydesk.export.text import (
    char_widths,
    clean,
)


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
        """The heading's lines, then its bookmark and outline entry at its top (:func:`mark`)."""
        super().draw()
        mark(self, self.key, self.outline, self.level, closed=self.closed, top=self.height)


def mark(
    flowable: Flowable, key: str, title: str, level: int, *, closed: bool = False, top: float = 0.0
) -> None:
    """Bookmark the flowable's position as ``key``, add it to the outline, note its page."""
    canv = flowable.canv
    canv.bookmarkHorizontal(key, 0, top)
    canv.addOutlineEntry(title, key, level=level, closed=closed or None)
    template = template_of(flowable)
    if template is not None:
        template.note_page(key, canv.getPageNumber())


class Anchor(Flowable):
    """An invisible mark: bookmark and outline entry without a visible heading."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Nothing: an anchor takes no room."""
        return 0, 0

    def draw(self) -> None:
        """The bookmark and outline entry (:func:`mark`), nothing visible."""
        mark(self, self.key, self.title, self.level)


class TocLine(Flowable):
    """One line of the 目录: title, dot leader, page number (from the previous pass), link."""

    def __init__(self, key: str, title: str, level: int, style: TextStyle) -> None:
        super().__init__()
        self.key, self.level, self.style = key, level, style
        self.title = clean(title, fonts())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The full ``availWidth``, one line of the style high."""
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        """The title (cut to fit), the dot leader, the printed page number and a link over the line;
        nothing in a draft pass.
        """
        template = template_of(self)
        if template is None or is_draft(self):
            return
        st = self.style
        number = template.label_of(self.key)  # the printed number: 1 is the body's first
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
    canv: Canvas,
    at: tuple[float, float],
    text: str,
    font: str,
    size: float,
    *,
    anchor: str = "start",
) -> None:
    """One line of cleaned ``text`` at ``at`` (x, y) in ``font``, each character it lacks in another
    bundled face or a fallback face (``anchor``: start, middle or end, as ``drawString`` and
    ``drawCentredString``/``drawRightString``); the canvas font is ``font`` again afterwards.
    """
    pieces = by_face(text, font, fonts()) if text else []
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
        """The figure's size, scaled down to ``availWidth`` when wider."""
        if self.width > availWidth:
            self.scale *= availWidth / self.width
            self.width, self.height = availWidth, self.drawing.height * self.scale
        return self.width, self.height

    def draw(self) -> None:
        """The drawing at its scale; nothing in a draft pass."""
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
        """The picture's size, fixed when it was made."""
        return self.width, self.height

    def draw(self) -> None:
        """The image (its bytes copied into the PDF); nothing in a draft pass."""
        if is_draft(self):
            return
        from qualitydesk.export.images import draw_image

        draw_image(self.canv, self.data, self.width, self.height)  # JPEG/PNG copied, not decoded


class PageSlot(Flowable):
    """One page of a PDF attachment, drawn as it is (:class:`~qualitydesk.export.merge.PdfPages`).

    ``width`` × ``height`` is the page at its largest (as wide as the text); it shrinks, in
    proportion, to the room left on the page, so that it fills the text block under the lines
    above it — unless that would make it smaller than :attr:`SMALLEST` of its size: then it
    goes to the next page.
    """

    SMALLEST = 0.6

    def __init__(
        self, pages: PdfPages, attachment: int, page: int, width: float, height: float
    ) -> None:
        super().__init__()
        self.pages, self.attachment, self.page = pages, attachment, page
        self.box = (width, height)
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The page as wide as ``availWidth`` allows, shrunk to ``availHeight`` where it stays at
        least :attr:`SMALLEST` of its size; else too tall, so that it goes to the next page.
        """
        width, height = self.box
        scale = min(1.0, availWidth / width)
        if height * scale > availHeight >= height * scale * self.SMALLEST:
            scale = availHeight / height
        self.width, self.height = width * scale, height * scale
        return self.width, self.height

    def draw(self) -> None:
        """A thin grey frame and the attachment's page inside it; nothing in a draft pass."""
        if is_draft(self):
            return
        self.canv.saveState()
        self.canv.setStrokeColorRGB(0.6, 0.6, 0.6)
        self.canv.setLineWidth(0.4)
        self.canv.rect(0, 0, self.width, self.height)
        self.canv.restoreState()
        self.pages.draw(self.canv, self.attachment, self.page, self.width, self.height)


class PageRef(Flowable):
    """The page a key landed on (known from the previous pass), as a number in a table cell."""

    def __init__(self, key: str, style: TextStyle) -> None:
        super().__init__()
        self.key, self.style = key, style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The full ``availWidth``, one line of the style high."""
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        """The printed page number of the key, centred; nothing in a draft pass."""
        template = template_of(self)
        if template is None or is_draft(self):
            return
        number = template.label_of(self.key)
        st = self.style
        canv = self.canv
        canv.setFillColorRGB(*st.color)
        canv.setFont(st.font, st.size)
        canv.drawCentredString(self.width / 2, self.height / 2 - st.size * 0.36, number)
