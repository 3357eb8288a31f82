"""Keep a heading with the start of what follows it, not with all of it.

reportlab keeps a flowable marked ``keepWithNext`` together with the *whole* next flowable: a
heading before a long paragraph or a table moves with all of it to the next page and leaves the
foot of this one empty. A typesetter keeps the heading with the first lines only. Here a run of
keep-with-next flowables (headings, a caption, the gaps between them) and the flowable after it
become a :class:`KeepWithNext`, which places on the page

- all of it, when it fits;
- else the run and the first piece the next flowable's ``split()`` gives for the room left — a
  paragraph's first lines (two at least, see :meth:`Para.split`), a table's first rows under its
  caption and header;
- else nothing: the group moves to the next page. At the top of a page, where moving on would
  not help, the run is placed and what follows goes on as it can.

:func:`gather` is the document template's ``handle_keepWithNext``. The story's flowables are
shared by the layout passes: nothing here sets anything on them but what a frame sets anyway
(the canvas while wrapping and splitting, their wrapped size); each pass makes its own groups.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, Flowable, KeepTogether, Spacer
from reportlab.platypus.doctemplate import BaseDocTemplate, _ktAllow
from reportlab.platypus.frames import Frame

FUZZ = 1e-6  # what a reportlab frame allows for rounding when a flowable fits
_SPLIT_ME = 0xFFFFFF  # the height a flowable reports so that the frame asks it to split


def gather(doc: BaseDocTemplate, flowables: list[Flowable]) -> None:
    """``handle_keepWithNext`` of the document template: a run of keep-with-next flowables at
    the front of ``flowables`` becomes one :class:`KeepWithNext` with the flowable after it.
    """
    count = 0
    while count < len(flowables) and _leads(flowables[count], count):
        count += 1
    if not count:
        return
    heads = flowables[:count]
    after = flowables[count] if count < len(flowables) else None
    if after is not None and _keepable(after):
        flowables[: count + 1] = [KeepWithNext(heads, after)]
    else:  # a page break or the end follows: nothing to keep with
        flowables[:count] = [Stack(heads)]


def _leads(flowable: Flowable, index: int) -> bool:
    """Whether ``flowable`` belongs to the run kept with what follows."""
    if isinstance(flowable, Spacer):
        return index > 0  # a gap after a heading: its content comes next
    return bool(flowable.getKeepWithNext()) and _ktAllow(flowable)


def _keepable(flowable: Flowable) -> bool:
    """Whether a run may be kept with ``flowable``: content, or a block kept together."""
    if isinstance(flowable, ActionFlowable):
        return False
    return isinstance(flowable, KeepTogether) or _ktAllow(flowable)


def _gap(above: Flowable, below: Flowable) -> float:
    """The space a frame leaves between two flowables (reportlab overlaps them)."""
    return max(above.getSpaceAfter(), below.getSpaceBefore())


@contextmanager
def _lent(flowable: Flowable, canv: Canvas, frame: Frame) -> Iterator[Flowable]:
    """``flowable`` with the canvas and frame a frame lends while it wraps or splits one."""
    flowable.canv, flowable._frame = canv, frame
    try:
        yield flowable
    finally:
        del flowable.canv, flowable._frame


class Stack(Flowable):
    """Flowables one under the other as one block, spaced as a frame spaces them."""

    def __init__(self, items: Sequence[Flowable]) -> None:
        super().__init__()
        self.items = list(items)
        self._placed: list[tuple[float, float]] = []  # (width, y of the bottom) per item
        self._avail = 0.0

    def getSpaceBefore(self) -> float:
        """The space before the first item (a frame's spacing of the block)."""
        return self.items[0].getSpaceBefore()

    def getSpaceAfter(self) -> float:
        """The space after the last item."""
        return self.items[-1].getSpaceAfter()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The size of the items stacked at ``availWidth``, each spaced from the one above as a
        frame would; the full width, so that each item keeps its own alignment.
        """
        canv, frame = getattr(self, "canv", None), getattr(self, "_frame", None)
        sizes: list[tuple[float, float]] = []
        used = 0.0
        for i, item in enumerate(self.items):
            used += _gap(self.items[i - 1], item) if i else 0.0
            with _lent(item, canv, frame):
                width, height = item.wrap(availWidth, max(availHeight - used, 0.0))
            sizes.append((width, used + height))
            used += height
        self._placed = [(width, used - bottom) for width, bottom in sizes]
        self._avail = availWidth
        self.width, self.height = availWidth, used
        return self.width, self.height

    def draw(self) -> None:
        """Each item at the place :meth:`wrap` found for it."""
        for item, (width, y) in zip(self.items, self._placed, strict=True):
            item.drawOn(self.canv, 0, y, _sW=self._avail - width)


class KeepWithNext(Flowable):
    """A run of headings (or a caption) and the flowable they are kept with (see above)."""

    def __init__(self, heads: Sequence[Flowable], after: Flowable) -> None:
        super().__init__()
        self.heads, self.after = list(heads), after
        self.keepWithNext = False

    def getSpaceBefore(self) -> float:
        """The space before the first heading."""
        return self.heads[0].getSpaceBefore()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """A height no frame has, so that the frame calls :meth:`split` (where the group is
        decided).
        """
        self.width, self.height = availWidth, _SPLIT_ME  # decided in split()
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The group for ``availHeight``: all of it as one block, the run with the first piece of
        what follows (then the rest), or [] to move it all to the next page; see the module
        docstring.
        """
        canv, frame = getattr(self, "canv", None), getattr(self, "_frame", None)
        body = self.after._content if isinstance(self.after, KeepTogether) else [self.after]
        whole = Stack([*self.heads, *body])
        if _fits(whole, canv, frame, availWidth, availHeight):
            return [whole]
        first = self._with_first_piece(canv, frame, availWidth, availHeight)
        if first:
            return first
        if getattr(frame, "_atTop", False):  # a new page would be no better
            return [Stack(self.heads), self.after]
        return []  # the whole group goes to the next page

    def _with_first_piece(
        self, canv: Canvas, frame: Frame, availWidth: float, availHeight: float
    ) -> list[Flowable]:
        """The run and the first piece of what follows, then the rest; [] if it does not fit."""
        if isinstance(self.after, KeepTogether):
            return []
        heads = Stack(self.heads)
        with _lent(heads, canv, frame):
            _, used = heads.wrap(availWidth, availHeight)
        room = availHeight - used - _gap(self.heads[-1], self.after)
        if room <= 0:
            return []
        with _lent(self.after, canv, frame):
            pieces = self.after.split(availWidth, room)
        if not pieces or isinstance(pieces[0], ActionFlowable):
            return []
        top = Stack([*self.heads, pieces[0]])
        if not _fits(top, canv, frame, availWidth, availHeight):
            return []
        return [top, *pieces[1:]]


def _fits(stack: Stack, canv: Canvas, frame: Frame, availWidth: float, availHeight: float) -> bool:
    with _lent(stack, canv, frame):
        _, height = stack.wrap(availWidth, availHeight)
    return height <= availHeight + FUZZ
