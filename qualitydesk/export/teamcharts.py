"""Vector charts of the internal report's team and year-over-year sections (reportlab.graphics).

- :func:`spread_drawing`: one row per item on a 0–100 % scale — every assessor's percent as a
  dot, their mean as a bar, the agreed score as a diamond;
- :func:`paired_bars_drawing`: one row per item — the earlier year's percent and this year's as
  two bars;
- :func:`two_years_drawing`: an indicator's series of both applications on one chart.

Marks differ by shape and fill as well as colour, so a black-and-white copy still reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, white

from qualitydesk.domain.charts import nice_axis
from qualitydesk.domain.numbers import number
from qualitydesk.export.fonts import SANS, fonts
from qualitydesk.export.graphics import GRID, INK, SERIES_LOOK
from qualitydesk.export.text import clean

NEW = SERIES_LOOK["actual"][0]
OLD = Color(0.6, 0.6, 0.6)
AGREED = Color(0.72, 0.14, 0.14)
ROW = 13.0  # points per item row
LABEL_W = 44.0  # the item ids on the left


def _text(x: float, y: float, text: str, size: float, anchor: str = "start") -> String:
    return String(
        x,
        y,
        clean(text, fonts(), one_font=True),
        fontName=SANS,
        fontSize=size,
        fillColor=INK,
        textAnchor=anchor,
    )


def _scale(drawing: Drawing, left: float, right: float, top: float, bottom: float) -> None:
    """The 0–100 % scale: grid lines at every 20 and their labels above and below."""
    for pct in range(0, 101, 20):
        x = left + (right - left) * pct / 100
        drawing.add(Line(x, bottom, x, top, strokeColor=GRID, strokeWidth=0.4))
        drawing.add(_text(x, top + 3, f"{pct}%", 6.5, "middle"))
        drawing.add(_text(x, bottom - 9, f"{pct}%", 6.5, "middle"))


@dataclass(frozen=True)
class SpreadRow:
    """One item of the spread chart: the assessors' percents, their mean and the agreed one."""

    item: str
    pcts: Sequence[int]
    mean: float
    agreed: int | None = None


def spread_drawing(rows: Sequence[SpreadRow], width: float) -> Drawing:
    """The team's scores per item (see the module docstring), with a legend on top."""
    height = len(rows) * ROW + 44
    drawing = Drawing(width, height, initialFontName=SANS)
    left, right = LABEL_W, width - 10
    top, bottom = height - 26, 14.0
    _scale(drawing, left, right, top, bottom)

    def x_of(pct: float) -> float:
        return left + (right - left) * pct / 100

    for n, row in enumerate(rows):
        y = top - ROW * (n + 0.5)
        drawing.add(_text(left - 6, y - 2.5, row.item, 7.5, "end"))
        if row.pcts:
            low, high = x_of(min(row.pcts)), x_of(max(row.pcts))
            drawing.add(Line(low, y, high, y, strokeColor=NEW, strokeWidth=0.8))
        for pct in row.pcts:
            drawing.add(Circle(x_of(pct), y, 2.3, fillColor=white, strokeColor=NEW))
        x = x_of(row.mean)
        drawing.add(Line(x, y - 4, x, y + 4, strokeColor=INK, strokeWidth=1.4))
        if row.agreed is not None:
            drawing.add(_diamond(x_of(row.agreed), y, 3.2))
    _legend(
        drawing,
        height - 10,
        width,
        [("circle", "各评分人评分"), ("bar", "平均值"), ("diamond", "共识评分")],
    )
    return drawing


def _diamond(x: float, y: float, r: float) -> Polygon:
    return Polygon(
        [x, y + r, x + r, y, x, y - r, x - r, y],
        fillColor=AGREED,
        strokeColor=AGREED,
        strokeWidth=0.5,
    )


def _legend(drawing: Drawing, y: float, width: float, marks: Sequence[tuple[str, str]]) -> None:
    slot = min(110.0, (width - LABEL_W) / max(len(marks), 1))
    x = LABEL_W
    for shape, name in marks:
        if shape == "circle":
            drawing.add(Circle(x + 5, y + 2.5, 2.3, fillColor=white, strokeColor=NEW))
        elif shape == "bar":
            drawing.add(Line(x + 5, y - 1.5, x + 5, y + 6.5, strokeColor=INK, strokeWidth=1.4))
        elif shape == "diamond":
            drawing.add(_diamond(x + 5, y + 2.5, 3.2))
        else:  # a filled box in the colour named by the shape: "old" or "new"
            drawing.add(_box(x, y, 10, 6, OLD if shape == "old" else NEW))
        drawing.add(_text(x + 14, y, name, 7.5))
        x += slot


def _box(x: float, y: float, w: float, h: float, colour: Color) -> Rect:
    return Rect(x, y, w, h, fillColor=colour, strokeColor=colour, strokeWidth=0.3)


def paired_bars_drawing(
    rows: Sequence[tuple[str, int | None, int | None]],
    width: float,
    years: tuple[int, int],
) -> Drawing:
    """Both years' percent per item as two bars, the earlier grey above this year's blue."""
    row = ROW * 1.25
    height = len(rows) * row + 44
    drawing = Drawing(width, height, initialFontName=SANS)
    left, right = LABEL_W, width - 28
    top, bottom = height - 26, 14.0
    _scale(drawing, left, right, top, bottom)
    span = right - left
    for n, (item, old, new) in enumerate(rows):
        y = top - row * (n + 1) + 2.5
        drawing.add(_text(left - 6, y + 3.5, item, 7.5, "end"))
        for pct, colour, dy in ((old, OLD, 5.2), (new, NEW, 0.0)):
            if pct is None:
                continue
            drawing.add(_box(left, y + dy, span * pct / 100, 4.6, colour))
            drawing.add(_text(left + span * pct / 100 + 2, y + dy + 0.4, f"{pct}%", 5.5))
    marks = [("old", f"{years[0]} 年度自评"), ("new", f"{years[1]} 年度自评")]
    _legend(drawing, height - 10, width, marks)
    return drawing


def two_years_drawing(
    old: Mapping[int, float],
    new: Mapping[int, float],
    labels: tuple[str, str],
    unit: str,
    size: tuple[float, float],
) -> Drawing:
    """An indicator's values as the earlier application gave them (grey, dashed, squares) and as
    this one gives them (blue, solid, dots), over every year either has.
    """
    width, height = size
    drawing = Drawing(width, height, initialFontName=SANS)
    years = sorted(set(old) | set(new))
    values = [*old.values(), *new.values()] or [0.0]
    low, high = min(values), max(values)
    if 0 <= low < high - low:
        low = 0.0
    axis = nice_axis(low, high)
    left, right, bottom, top = 40.0, 10.0, 18.0, 30.0
    plot_w, plot_h = width - left - right, height - bottom - top
    step = plot_w / max(len(years), 1)

    def x_of(year: int) -> float:
        return left + step / 2 + years.index(year) * step

    def y_of(value: float) -> float:
        return bottom + (value - axis.low) / ((axis.high - axis.low) or 1.0) * plot_h

    for tick in axis.ticks:
        y = y_of(tick)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=GRID, strokeWidth=0.4))
        drawing.add(_text(left - 3, y - 2.5, number(tick), 7, "end"))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.6))
    for year in years:
        drawing.add(_text(x_of(year), bottom - 10, str(year), 7, "middle"))
    if unit:
        drawing.add(_text(left, height - 9, f"单位：{unit}", 7))
    for series, colour, dash, square in ((old, OLD, (4, 2), True), (new, NEW, None, False)):
        points = [(x_of(y), y_of(v)) for y, v in sorted(series.items())]
        if len(points) > 1:
            coords = [c for p in points for c in p]
            drawing.add(PolyLine(coords, strokeColor=colour, strokeWidth=1.4, strokeDashArray=dash))
        for x, y in points:
            if square:
                drawing.add(_box(x - 2.2, y - 2.2, 4.4, 4.4, colour))
            else:
                drawing.add(Circle(x, y, 2.2, fillColor=colour, strokeColor=colour))
    for (x, y), (_, value) in zip(
        [(x_of(y), y_of(v)) for y, v in sorted(new.items())], sorted(new.items()), strict=True
    ):
        drawing.add(_text(x, y + 4, number(value), 6.5, "middle"))
    _two_years_legend(drawing, labels, width, height - 22)
    return drawing


def _two_years_legend(drawing: Drawing, labels: tuple[str, str], width: float, y: float) -> None:
    x = width / 2 - 90
    for label, colour, dash in ((labels[0], OLD, (4, 2)), (labels[1], NEW, None)):
        drawing.add(
            Line(
                x,
                y + 2.5,
                x + 16,
                y + 2.5,
                strokeColor=colour,
                strokeWidth=1.4,
                strokeDashArray=dash,
            )
        )
        drawing.add(_text(x + 20, y, label, 7))
        x += 100
