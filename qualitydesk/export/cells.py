"""What a table cell holds and how its text sits: numbers on the decimal point, labels in lines
of even length.

Body cells that hold numbers (``186,400``, ``12.5%``, ``−3.2``, ``81 项``) are set on the decimal
point (``145.6`` over ``155``), or right-aligned when their decimals differ much (a column of
unlike figures: ``0.0271`` over ``72``), and text left; years and 序号 are centred. Header
cells and form labels are broken into lines of even length, never a line of one or two
characters under a long one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reportlab.platypus import Flowable

from qualitydesk.export.flowables import Para

DECIMAL_SPREAD = 1.6  # ems: numbers whose decimals differ by more are right-aligned instead

Cell = Para | Sequence[Flowable]
Range = tuple[tuple[int, int], tuple[int, int]]


def as_list(cell: Cell) -> list[Flowable]:
    """The flowables of ``cell``: a paragraph alone, or the cell's list as it is."""
    return [cell] if isinstance(cell, Flowable) else list(cell)


def cell_paras(cell: Cell) -> list[Para]:
    """The paragraphs of ``cell`` (any other flowable left out)."""
    return [f for f in as_list(cell) if isinstance(f, Para)]


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
    or account number, 0512 area codes) is an identifier and counts as text.
    """
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
        cell = as_list(row[column]) if column < len(row) else []
        if len(cell) > 1 or (cell and not isinstance(cell[0], Para)):
            return None
        out += [f for f in cell if isinstance(f, Para)]
    return out


def _tail_width(para: Para, found: re.Match[str] | None) -> float:
    """The width of what follows a number's integer digits (".5%", " 项"): the decimal point
    lines up when every cell is indented on the right by the widest tail minus its own.
    """
    if found is None:
        return 0.0
    text = para.text
    lead = len(text) - len(text.lstrip())
    advance = para.prepared.advance[para.start : para.stop]
    return sum(advance[lead + found.end("int") : lead + found.end()])


def label_columns(shaded: Sequence[Range]) -> list[int]:
    """Columns shaded from the first row to the last: a form's labels."""
    columns: list[int] = []
    for (c0, r0), (c1, r1) in shaded:
        if r0 == 0 and r1 == -1:
            columns += range(c0, (c1 if c1 >= 0 else c0) + 1)
    return columns


def balance(para: Para, width: float) -> None:
    """Break a short text (a label, a column head) into lines of even length at ``width``:
    "近3年监督抽查合格" as 5 + 4 characters, not 8 + 1. The lines keep their count.
    """
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
