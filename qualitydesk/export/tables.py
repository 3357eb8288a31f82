"""Grid tables: column widths from the content, header rows repeated, rows split across pages.

Column widths follow the way browsers lay out tables: every column gets at least its widest word
and the rest of the width goes to the columns with the most text. A table too wide for the page
(many columns, long numbers) gets smaller type and, at worst, words cut character by character —
it never runs off the page.

Tables break between rows. A row that would leave much of a page empty, or that is taller than a
page (a long text pasted into a cell), is split inside: each cell's paragraphs are divided at the
page break, the header rows repeat above the rest. reportlab's own in-row splitting is not used:
it measures split cells without their padding and fakes vertical centring with padding, which
makes halves taller than the page.

A report table carries its 表题 and 续表 (:mod:`qualitydesk.export.captions`).

Numbers and labels are set in their cells by :mod:`qualitydesk.export.cells`.

A table of many rows (pasted from Excel) is laid out :data:`CHUNK_ROWS` rows at a time
(:class:`LongGrid`): reportlab measures every row of a table each time it wraps or splits it, with
a sum over the rows above each one, and a table running over many pages is wrapped and split once
a page — quadratic and worse in the rows, minutes for a few thousand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from qualitydesk.export.cells import (
    Cell,
    Range,
    align_numbers,
    as_list,
    balance,
    cell_paras,
    label_columns,
)
from qualitydesk.export.flowables import Para, is_draft, min_width, natural_width
from qualitydesk.export.fonts import SERIF

PADDING = 4.0
CELL_PADDING_Y = 2.5
IN_ROW_SPLIT_ROOM = 42.5  # points (15 mm) a row moved whole would leave free: more, it is divided
LINE = (0.3, 0.3, 0.3)
SHADE = (0.91, 0.91, 0.91)
LABEL_SHADE = (0.96, 0.96, 0.96)
CHUNK_ROWS = 50  # rows of a long table handed to reportlab at a time: about a page or more


def type_size(columns: int, base: float = 10.5) -> float:
    """Smaller type for tables with many columns."""
    if columns >= 14:
        return 7.0
    if columns >= 10:
        return 8.0
    if columns >= 7:
        return 9.0
    return base


def column_widths(rows: Sequence[Sequence[Cell]], avail: float) -> list[float]:
    """Widths for the columns of ``rows`` that add up to ``avail``."""
    count = max((len(r) for r in rows), default=0)
    if not count:
        return []
    natural = [2 * PADDING + 6.0] * count
    minimum = [2 * PADDING + 6.0] * count
    for row in rows:
        for i, cell in enumerate(row):
            for para in cell_paras(cell):
                whole = natural_width(para)
                natural[i] = max(natural[i], whole + 2 * PADDING)
                # short texts (市级, 序号, 2024) stay on one line; a column need not hold more
                # than six characters of a longer word side by side
                size = para.style.size
                least = max(min(whole, size * 4), min(min_width(para), size * 6))
                minimum[i] = max(minimum[i], least + 2 * PADDING)
    minimum = [min(m, n) for m, n in zip(minimum, natural, strict=True)]
    if sum(natural) <= avail:
        return [n * avail / sum(natural) for n in natural]
    if sum(minimum) >= avail:
        return [m * avail / sum(minimum) for m in minimum]
    room = avail - sum(minimum)
    extra = [n - m for n, m in zip(natural, minimum, strict=True)]
    return [m + e * room / sum(extra) for m, e in zip(minimum, extra, strict=True)]


def plain_style() -> list[tuple[object, ...]]:
    """Table style commands every table needs: cells never fall back to reportlab's Helvetica
    (an unembedded font) — all cells hold flowables, but reportlab sets the cell font anyway.
    """
    return [("FONT", (0, 0), (-1, -1), SERIF, 10.5)]


@dataclass(frozen=True)
class _Look:
    widths: tuple[float, ...]
    header_rows: int
    shaded: tuple[Range, ...]
    valign: str


def grid(
    rows: Sequence[Sequence[Cell]],
    avail: float,
    *,
    header_rows: int = 1,
    widths: Sequence[float] | None = None,
    shaded: Sequence[Range] = (),
    labels: Sequence[int] | None = None,
) -> Flowable:
    """A table with a grid; ``header_rows`` shaded and repeated on every page it spans.

    ``shaded`` are ((col, row), (col, row)) ranges (as reportlab takes them) given a light shade.
    ``labels`` are the columns of labels (a form's 项目 column), set in lines of even length;
    by default the columns shaded from top to bottom. Numbers in the body are aligned (see
    :func:`align_numbers`) when the table has a header.
    """
    count = max((len(r) for r in rows), default=1)
    # every cell a list of flowables, every row as long as the longest
    data = [[as_list(c) for c in r] + [[] for _ in range(count - len(r))] for r in rows]
    header = header_rows if 0 < header_rows <= len(data) else 0
    if header:
        align_numbers(data, header)
    look = _Look(
        tuple(widths) if widths else tuple(column_widths(data, avail)),
        header,
        tuple(shaded),
        "MIDDLE",
    )
    labelled = set(labels if labels is not None else label_columns(shaded))
    for r, row in enumerate(data):
        for c, cell in enumerate(row):
            if r < header or c in labelled:
                for para in cell_paras(cell):
                    balance(para, look.widths[c] - 2 * PADDING)
    if len(data) - look.header_rows > CHUNK_ROWS and not look.shaded:  # shades count rows
        return LongGrid(data, look)
    return GridTable.made(data, look)


class GridTable(Table):
    """A table that breaks between rows, and inside a row when that is worth it (see above)."""

    look: _Look
    rows: list[list[list[Flowable]]]
    partial = False  # the last row is the first part of a row split across pages

    def draw(self) -> None:
        """The table as reportlab draws it; nothing in a draft pass."""
        if not is_draft(self):  # cells hold text and page numbers only: nothing to learn
            super().draw()

    @classmethod
    def made(cls, rows: list[list[list[Flowable]]], look: _Look) -> GridTable:
        """A ruled, padded grid of ``rows`` (each cell a list of flowables) as ``look`` says: the
        header rows shaded and repeated on every page, the label cells shaded.
        """
        commands: list[tuple[object, ...]] = [
            *plain_style(),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("VALIGN", (0, 0), (-1, -1), look.valign),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING_Y),
        ]
        if look.header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, look.header_rows - 1), SHADE))
        commands += [("BACKGROUND", a, b, LABEL_SHADE) for a, b in look.shaded]
        table = cls(
            rows,
            colWidths=list(look.widths),
            repeatRows=look.header_rows if look.header_rows < len(rows) else 0,
            hAlign="CENTER",
            style=TableStyle(commands),
        )
        table.look, table.rows = look, rows
        return table

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """This table cut for ``availHeight``: between rows as reportlab cuts it, or inside the next
        row when that would leave more than :data:`IN_ROW_SPLIT_ROOM` points empty.
        """
        parts = super().split(availWidth, availHeight)  # between rows
        for part in parts:  # reportlab makes the pieces without our attributes
            if isinstance(part, GridTable) and not hasattr(part, "look"):
                part.look, part.rows = self.look, part._cellvalues
        if parts and availHeight - self._height_of(parts[0]) <= IN_ROW_SPLIT_ROOM:
            return parts
        return self._split_in_row(availWidth, availHeight) or parts

    def _height_of(self, first: Flowable) -> float:
        """The height of ``first``, the first rows of this table as reportlab split it."""
        return sum(self._rowHeights[: len(getattr(first, "_cellvalues", ()))])

    def _split_in_row(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The rows that fit and the start of the next one, then the rest under the header;
        [] when the row cannot be divided with two lines at least of each of its cells' text
        on each side (a cell that fits stays whole on this page).
        """
        self._calc(availWidth, availHeight)
        heights = list(self._rowHeights)
        used, row = 0.0, 0
        while row < len(heights) and used + heights[row] <= availHeight:
            used += heights[row]
            row += 1
        header = self.look.header_rows
        if row >= len(heights) or row < header:
            return []
        room = availHeight - used - 2 * CELL_PADDING_Y
        pieces = [
            split_cell(cell, width - 2 * PADDING, room)
            for cell, width in zip(self.rows[row], self.look.widths, strict=True)
        ]
        if not any(head for head, _ in pieces) or any(tail and not head for head, tail in pieces):
            return []  # nothing fits, or a cell would start only on the next page
        top = _Look(self.look.widths, header, self.look.shaded, "TOP")
        first = GridTable.made([*self.rows[:row], [head for head, _ in pieces]], top)
        first.partial = True  # its last row goes on on the next page
        rest = [*self.rows[:header], [tail for _, tail in pieces], *self.rows[row + 1 :]]
        return [first, GridTable.made(rest, top)]


class LongGrid(Flowable):
    """A grid table of more than :data:`CHUNK_ROWS` rows, given to reportlab a chunk at a time.

    It never fits where it is: :meth:`wrap` reports the height of its first chunk or more than
    there is room for, and :meth:`split` splits that chunk (as :class:`GridTable` does) and
    hands the rows left over, with the rest, to a new LongGrid or GridTable for the next page.
    """

    def __init__(self, rows: list[list[list[Flowable]]], look: _Look) -> None:
        super().__init__()
        self.rows, self.look = rows, look
        self.hAlign = "CENTER"
        self._chunk: GridTable | None = None

    def _first(self) -> GridTable:
        if self._chunk is None:
            self._chunk = GridTable.made(self.rows[: self._end()], self.look)
        return self._chunk

    def _end(self) -> int:
        return self.look.header_rows + CHUNK_ROWS

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The first chunk's width, and a height more than ``availHeight`` so that the frame calls
        :meth:`split`.
        """
        width, height = self._first().wrap(availWidth, availHeight)
        self.width, self.height = width, max(height, availHeight + 1.0)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The first chunk cut as :meth:`GridTable.split` cuts it, with the rest carried on to the
        next page.
        """
        return self._carry(self._first().split(availWidth, availHeight))

    def split_in_row(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Like :meth:`split`, but dividing the first row that does not fit."""
        chunk = self._first()
        chunk.wrap(availWidth, availHeight)
        return self._carry(chunk._split_in_row(availWidth, availHeight))

    def _carry(self, parts: list[Flowable]) -> list[Flowable]:
        """The first chunk's pieces, the rows after the chunk carried on with the second."""
        if not parts:
            return []
        if len(parts) == 1:  # the whole chunk fits: the rest goes on under its header
            done, look, left = parts[0], self.look, self.rows[: self.look.header_rows]
        else:
            done, rest = parts
            look, left = getattr(rest, "look", self.look), getattr(rest, "rows", [])
        rows = [*left, *self.rows[self._end() :]]
        if len(rows) - look.header_rows > CHUNK_ROWS:
            return [done, LongGrid(rows, look)]
        return [done, GridTable.made(rows, look)]

    def draw(self) -> None:
        """Never reached (:meth:`wrap` never lets it fit): raises LayoutError."""
        raise LayoutError("a long table was drawn without being split")  # wrap never lets it fit


def split_cell(
    cell: list[Flowable], width: float, room: float
) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables of a cell that fit in ``room``, and the rest (a paragraph may divide)."""
    head: list[Flowable] = []
    used = 0.0
    for i, flowable in enumerate(cell):
        _, height = flowable.wrap(width, room)
        needed = height + (flowable.getSpaceBefore() if head else 0.0)
        if used + needed <= room:
            head.append(flowable)
            used += needed + flowable.getSpaceAfter()
            continue
        pieces = flowable.split(width, room - used) if isinstance(flowable, Para) else []
        if len(pieces) == 2:
            return [*head, pieces[0]], [pieces[1], *cell[i + 1 :]]
        return head, cell[i:]
    return head, []
