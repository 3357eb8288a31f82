"""A report table with its 表题: the caption above, "续表4.2.2-1" above each continuation.

The caption is drawn above the table and "续表…" above each piece continued on a later page,
under which the header rows repeat (:mod:`qualitydesk.export.tables` lays the rows out). A
caption is never left alone at a page foot: the first piece holds the caption, the header and at
least the first :data:`~qualitydesk.export.tables.FIRST_ROWS` body rows (all of them when there
are fewer), or one row of :data:`~qualitydesk.export.tables.TALL_ROW_LINES` lines or more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reportlab.platypus import Flowable

from qualitydesk.export.cells import Cell, Range, cell_paras
from qualitydesk.export.flowables import Para, TextStyle
from qualitydesk.export.tables import PADDING, GridTable, LongGrid, grid

CAPTION_GAP = 3.0  # between a 表题 (or 续表) and the table's top line
FIRST_ROWS = 2  # body rows that stay with a table's caption and header
TALL_ROW_LINES = 3  # ... or one body row of so many lines of text (or more)


def captioned(
    caption: str,
    rows: Sequence[Sequence[Cell]],
    avail: float,
    *,
    style: TextStyle,
    continued: str | None = None,
    header_rows: int = 1,
    widths: Sequence[float] | None = None,
    shaded: Sequence[Range] = (),
    labels: Sequence[int] | None = None,
) -> CaptionedTable:
    """A :func:`grid` table under its 表题 ``caption`` ("表4.2.2-1 主要战略目标"), set in
    ``style``. Each piece continued on a later page is headed ``continued``: by default
    "续表4.2.2-1" for a numbered caption, "续表" otherwise. An empty caption prints nothing
    above the first piece (a 申请表 section, headed instead) but still heads continuations.
    """
    if continued is None:
        number = re.match(r"表(\S*?[0-9][^\s　]*)", caption)
        continued = f"续表{number[1]}" if number else "续表"
    table = grid(rows, avail, header_rows=header_rows, widths=widths, shaded=shaded, labels=labels)
    head = replace(style, space_before=0.0, space_after=0.0)
    return CaptionedTable(
        Para(caption, head) if caption else None,
        table,
        Para(continued, head),
        space_before=style.space_before,
    )


class CaptionedTable(Flowable):
    """A caption (or nothing) above a table, and the caption of its continuations.

    :meth:`split` keeps the caption with the header and the first :data:`FIRST_ROWS` body rows
    (the whole table when it has fewer): the first piece never shows a caption alone, or a
    caption over a header with one row under it. The pieces continued on later pages are
    CaptionedTables headed by ``continued``.
    """

    def __init__(
        self,
        caption: Para | None,
        table: Flowable,
        continued: Para,
        *,
        space_before: float = 0.0,
    ) -> None:
        super().__init__()
        self.caption, self.table, self.continued = caption, table, continued
        self.space_before = space_before
        self.hAlign = "CENTER"
        self._caption_height = 0.0
        self._table_size = (0.0, 0.0)

    def getSpaceBefore(self) -> float:
        """The space before the caption, in points."""
        return self.space_before

    def _above(self, availWidth: float) -> float:
        if self.caption is None:
            return 0.0
        _, height = self.caption.wrap(availWidth, 1e9)
        return height + CAPTION_GAP

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The full ``availWidth``, and the caption's height with the table's under it."""
        self._caption_height = self._above(availWidth)
        room = availHeight - self._caption_height
        self._table_size = self.table.wrapOn(getattr(self, "canv", None), availWidth, room)
        self.width = availWidth
        self.height = self._caption_height + self._table_size[1]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The caption with the table's first rows, and the rest headed by ``continued``; [] when
        the first piece would not show enough rows (see the class docstring).
        """
        room = availHeight - self._above(availWidth)
        if room <= 0:
            return []
        parts = self.table.splitOn(getattr(self, "canv", None), availWidth, room)
        if len(parts) == 2 and not self._enough(parts[0]):
            parts = self._split_in_row(availWidth, room)
        if len(parts) != 2 or not self._enough(parts[0]):
            return []
        first = CaptionedTable(self.caption, parts[0], self.continued)
        first.space_before = self.space_before
        return [first, CaptionedTable(self.continued, parts[1], self.continued)]

    def _enough(self, piece: Flowable) -> bool:
        """Whether ``piece``, the first part of the table, may stand under the caption: it has
        the first rows, or it is a row too long for a page that has to be divided.
        """
        if not isinstance(piece, GridTable):
            return False
        header = piece.look.header_rows
        body = len(piece.rows) - header
        if piece.partial or body >= min(FIRST_ROWS, _body_rows(self.table)):
            return True
        return body == 1 and _lines_in(piece.rows[header], piece.look.widths) >= TALL_ROW_LINES

    def _split_in_row(self, availWidth: float, room: float) -> list[Flowable]:
        """A table whose second row is long: the first row and the start of the second."""
        table = self.table
        if isinstance(table, LongGrid):
            return table.split_in_row(availWidth, room)
        if not isinstance(table, GridTable):
            return []
        table.wrapOn(getattr(self, "canv", None), availWidth, room)
        return table._split_in_row(availWidth, room)

    def draw(self) -> None:
        """The caption at the top and the table centred under it."""
        width = self._table_size[0]
        if self.caption is not None:
            _, caption_height = self.caption.wrapOn(self.canv, self.width, self.height)
            self.caption.drawOn(self.canv, 0, self.height - caption_height)
        self.table.drawOn(self.canv, (self.width - width) / 2, 0)


def _lines_in(row: Sequence[list[Flowable]], widths: Sequence[float]) -> int:
    """How many lines of text the fullest cell of ``row`` sets."""
    return max(
        (
            sum(len(p.lines_for(width - 2 * PADDING)) for p in cell_paras(cell))
            for cell, width in zip(row, widths, strict=False)
        ),
        default=0,
    )


def _body_rows(table: Flowable) -> int:
    if isinstance(table, (GridTable, LongGrid)):
        return len(table.rows) - table.look.header_rows
    return 0
