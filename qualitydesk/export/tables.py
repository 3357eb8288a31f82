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

A report table carries its 表题 (:func:`captioned`): the caption is drawn above the table, and
"续表4.2.2-1" above each piece continued on a later page, under which the header rows repeat. A
caption is never left alone at a page foot: the first piece holds the caption, the header and at
least the first two body rows (all of them when there are fewer).

Body cells that hold numbers (``186,400``, ``12.5%``, ``−3.2``, ``81 项``) are set on the decimal
point (``145.6`` over ``155``), or right-aligned when their decimals differ much (a column of
unlike figures: ``0.0271`` over ``72``), and text left; years and 序号 are centred. Header
cells and form labels are broken into lines of even length, never a line of one or two
characters under a long one.

A table of many rows (pasted from Excel) is laid out :data:`CHUNK_ROWS` rows at a time
(:class:`LongGrid`): reportlab measures every row of a table each time it wraps or splits it, with
a sum over the rows above each one, and a table running over many pages is wrapped and split once
a page — quadratic and worse in the rows, minutes for a few thousand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from qualitydesk.export.flowables import Para, TextStyle, is_draft, min_width, natural_width
from qualitydesk.export.fonts import SERIF

PADDING = 4.0
CELL_PADDING_Y = 2.5
IN_ROW_SPLIT_ROOM = 42.5  # points (15 mm) a row moved whole would leave free: more, it is divided
LINE = (0.3, 0.3, 0.3)
SHADE = (0.91, 0.91, 0.91)
LABEL_SHADE = (0.96, 0.96, 0.96)
CHUNK_ROWS = 50  # rows of a long table handed to reportlab at a time: about a page or more
CAPTION_GAP = 3.0  # between a 表题 (or 续表) and the table's top line
FIRST_ROWS = 2  # body rows that stay with a table's caption and header
TALL_ROW_LINES = 3  # ... or one body row of so many lines of text (or more)
DECIMAL_SPREAD = 1.6  # ems: numbers whose decimals differ by more are right-aligned instead

Cell = Para | Sequence[Flowable]
Range = tuple[tuple[int, int], tuple[int, int]]


def type_size(columns: int, base: float = 10.5) -> float:
    """Smaller type for tables with many columns."""
    if columns >= 14:
        return 7.0
    if columns >= 10:
        return 8.0
    if columns >= 7:
        return 9.0
    return base


def _as_list(cell: Cell) -> list[Flowable]:
    return [cell] if isinstance(cell, Flowable) else list(cell)


def _paras(cell: Cell) -> list[Para]:
    return [f for f in _as_list(cell) if isinstance(f, Para)]


def column_widths(rows: Sequence[Sequence[Cell]], avail: float) -> list[float]:
    """Widths for the columns of ``rows`` that add up to ``avail``."""
    count = max((len(r) for r in rows), default=0)
    if not count:
        return []
    natural = [2 * PADDING + 6.0] * count
    minimum = [2 * PADDING + 6.0] * count
    for row in rows:
        for i, cell in enumerate(row):
            for para in _paras(cell):
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


# --- numbers and labels ------------------------------------------------------------------------

# 186,400 / 12.5% / −3.2 / 81 项 / 0.0271 / ≥95%: a number, a sign or bound before it, a short
# unit after it; "6—7月", "2023年4月20日", "ISO 9001" are text
_NUMERIC = re.compile(
    r"(?:[约≈~<>≤≥＜＞]\s?)?[+\-−±]?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<unit>\s?(?:[%‰℃]|[A-Za-z\u4e00-\u9fff/·]{1,5}))?"
)
_YEAR = re.compile(r"(?:19|20)\d\d(?:年度?)?")
_PLACEHOLDERS = frozenset({"—", "——", "-", "–", "－", "/", "／", "…", "无", "N/A", "n/a", "NA"})


def numeric(text: str) -> re.Match[str] | None:
    """The number a table cell holds, or None for text. A long run of digits (a certificate
    or account number, 0512 area codes) is an identifier and counts as text."""
    found = _NUMERIC.fullmatch(text.strip())
    if found is None:
        return None
    whole = found["int"]
    if "," not in whole and (len(whole) >= 9 or (len(whole) >= 2 and whole[0] == "0")):
        return None
    return found


def align_numbers(rows: Sequence[Sequence[Cell]], header_rows: int) -> None:
    """Right-align the body cells of columns that hold numbers, on the decimal point.

    A column counts when every body cell of it with text holds a number (or a placeholder such
    as "—") and one at least holds a number; years and 序号 (1, 2, 3 …) are centred. Cells set
    centred or right stay as they are.
    """
    count = max((len(r) for r in rows), default=0)
    for c in range(count):
        cells = _column_paras(rows[header_rows:], c)
        if cells is None:
            continue
        texts = [p.text.strip() for p in cells]
        found = [None if t in _PLACEHOLDERS else numeric(t) for t in texts]
        if not any(found) or any(
            m is None and t and t not in _PLACEHOLDERS for m, t in zip(found, texts, strict=True)
        ):
            continue
        if all(_YEAR.fullmatch(t) for t, m in zip(texts, found, strict=True) if m) or texts == [
            str(n) for n in range(1, len(texts) + 1)
        ]:  # years, and 序号 1, 2, 3 …: centred
            for para in cells:
                if para.style.align == "left":
                    para.style = replace(para.style, align="center")
            continue
        tails = [_tail_width(p, m) for p, m in zip(cells, found, strict=True)]
        widest = max(tails)
        if widest - min(tails) > DECIMAL_SPREAD * cells[0].style.size:
            tails = [widest] * len(tails)  # rows of unlike figures (0.0271, 72): right edges
        for para, tail in zip(cells, tails, strict=True):
            if para.style.align == "left":
                indent = para.style.right_indent + widest - tail
                para.style = replace(para.style, align="right", right_indent=indent)


def _column_paras(rows: Sequence[Sequence[Cell]], column: int) -> list[Para] | None:
    """The paragraphs of a column's cells, one each; None when a cell holds something else."""
    out: list[Para] = []
    for row in rows:
        cell = _as_list(row[column]) if column < len(row) else []
        if len(cell) > 1 or (cell and not isinstance(cell[0], Para)):
            return None
        out += [f for f in cell if isinstance(f, Para)]
    return out


def _tail_width(para: Para, found: re.Match[str] | None) -> float:
    """The width of what follows a number's integer digits (".5%", " 项"): the decimal point
    lines up when every cell is indented on the right by the widest tail minus its own."""
    if found is None:
        return 0.0
    text = para.text
    lead = len(text) - len(text.lstrip())
    advance = para.prepared.advance[para.start : para.stop]
    return sum(advance[lead + found.end("int") : lead + found.end()])


def _label_columns(shaded: Sequence[Range]) -> list[int]:
    """Columns shaded from the first row to the last: a form's labels."""
    columns: list[int] = []
    for (c0, r0), (c1, r1) in shaded:
        if r0 == 0 and r1 == -1:
            columns += range(c0, (c1 if c1 >= 0 else c0) + 1)
    return columns


def balance(para: Para, width: float) -> None:
    """Break a short text (a label, a column head) into lines of even length at ``width``:
    "近3年监督抽查合格" as 5 + 4 characters, not 8 + 1. The lines keep their count."""
    st = para.style
    text = para.text
    if para.start or not text or "\n" in text:
        return
    count = len(para._break(width, 0, len(text)))
    if not 2 <= count <= 4:
        return
    low, high = width / count, width
    for _ in range(12):  # to a tenth of a point or so
        middle = (low + high) / 2
        if len(para._break(middle, 0, len(text))) > count:
            low = middle
        else:
            high = middle
    spare = max(width - high - 0.5, 0.0)
    if spare < st.size * 0.5:
        return
    if st.align == "center":
        para.style = replace(
            st, left_indent=st.left_indent + spare / 2, right_indent=st.right_indent + spare / 2
        )
    elif st.align == "right":
        para.style = replace(st, left_indent=st.left_indent + spare)
    else:
        para.style = replace(st, right_indent=st.right_indent + spare)


def plain_style() -> list[tuple[object, ...]]:
    """Table style commands every table needs: cells never fall back to reportlab's Helvetica
    (an unembedded font) — all cells hold flowables, but reportlab sets the cell font anyway."""
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
    data = [[_as_list(c) for c in r] + [[] for _ in range(count - len(r))] for r in rows]
    header = header_rows if 0 < header_rows <= len(data) else 0
    if header:
        align_numbers(data, header)
    look = _Look(
        tuple(widths) if widths else tuple(column_widths(data, avail)),
        header,
        tuple(shaded),
        "MIDDLE",
    )
    label_columns = set(labels if labels is not None else _label_columns(shaded))
    for r, row in enumerate(data):
        for c, cell in enumerate(row):
            if r < header or c in label_columns:
                for para in _paras(cell):
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
        if not is_draft(self):  # cells hold text and page numbers only: nothing to learn
            super().draw()

    @classmethod
    def made(cls, rows: list[list[list[Flowable]]], look: _Look) -> GridTable:
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
        on each side (a cell that fits stays whole on this page)."""
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
            _split_cell(cell, width - 2 * PADDING, room)
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
        width, height = self._first().wrap(availWidth, availHeight)
        self.width, self.height = width, max(height, availHeight + 1.0)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
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
        raise LayoutError("a long table was drawn without being split")  # wrap never lets it fit


# --- captions --------------------------------------------------------------------------------


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
        return self.space_before

    def _above(self, availWidth: float) -> float:
        if self.caption is None:
            return 0.0
        _, height = self.caption.wrap(availWidth, 1e9)
        return height + CAPTION_GAP

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._caption_height = self._above(availWidth)
        room = availHeight - self._caption_height
        self._table_size = self.table.wrapOn(getattr(self, "canv", None), availWidth, room)
        self.width = availWidth
        self.height = self._caption_height + self._table_size[1]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
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
        the first rows, or it is a row too long for a page that has to be divided."""
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
        width = self._table_size[0]
        if self.caption is not None:
            _, caption_height = self.caption.wrapOn(self.canv, self.width, self.height)
            self.caption.drawOn(self.canv, 0, self.height - caption_height)
        self.table.drawOn(self.canv, (self.width - width) / 2, 0)


def _lines_in(row: Sequence[list[Flowable]], widths: Sequence[float]) -> int:
    """How many lines of text the fullest cell of ``row`` sets."""
    return max(
        (
            sum(len(p.lines_for(width - 2 * PADDING)) for p in _paras(cell))
            for cell, width in zip(row, widths, strict=False)
        ),
        default=0,
    )


def _body_rows(table: Flowable) -> int:
    if isinstance(table, (GridTable, LongGrid)):
        return len(table.rows) - table.look.header_rows
    return 0


def _split_cell(
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
