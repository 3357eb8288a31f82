"""Vector charts for the PDF: the chart specs of :mod:`qualitydesk.domain.charts` drawn with
reportlab.graphics, so lines and labels stay sharp at any zoom and print size.

Lines differ by dash pattern as well as colour, so a black-and-white copy still tells the
organisation's values from the target, competitor and benchmark.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, String
from reportlab.lib.colors import Color

from qualitydesk.domain.charts import RadarChart, Series, TrendChart
from qualitydesk.domain.numbers import fraction_percent, number
from qualitydesk.export.fonts import SANS, SANS_BOLD, fonts
from qualitydesk.export.text import clean

INK = Color(0.15, 0.15, 0.15)
GRID = Color(0.82, 0.82, 0.82)
SERIES_LOOK: dict[str, tuple[Color, tuple[float, ...] | None, float]] = {
    "actual": (Color(0.12, 0.32, 0.62), None, 1.6),
    "target": (Color(0.16, 0.55, 0.27), (4, 2), 1.0),
    "competitor": (Color(0.85, 0.47, 0.05), (1.2, 1.8), 1.2),
    "benchmark": (Color(0.72, 0.14, 0.14), (6, 2, 1.5, 2), 1.0),
}


def _text(
    x: float, y: float, text: str, size: float, anchor: str = "start", **kw: object
) -> String:
    return String(
        x,
        y,
        clean(text, fonts(), one_font=True),  # a String has one font: no fallback face
        fontName=kw.pop("font", SANS),
        fontSize=size,
        fillColor=kw.pop("color", INK),
        textAnchor=anchor,
    )


def trend_drawing(chart: TrendChart, width: float, height: float) -> Drawing:
    """The trend chart: values per year, flat reference lines, legend, unit and direction."""
    drawing = Drawing(width, height, initialFontName=SANS)
    left, right, bottom, top = 34.0, 10.0, 18.0, 30.0
    plot_w, plot_h = width - left - right, height - bottom - top
    axis = chart.axis
    span = (axis.high - axis.low) or 1.0

    def y_of(value: float) -> float:
        return bottom + (value - axis.low) / span * plot_h

    years = chart.years or (0,)
    step = plot_w / max(len(years), 1)

    def x_of(year: float) -> float:
        return left + step / 2 + (year - years[0]) * step

    for tick in axis.ticks:
        y = y_of(tick)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=GRID, strokeWidth=0.4))
        drawing.add(_text(left - 3, y - 2.5, number(tick), 7, "end"))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.6))
    for year in chart.years:
        drawing.add(_text(x_of(year), bottom - 10, str(year), 7, "middle"))
    unit = f"单位：{chart.unit}" if chart.unit else ""
    direction = "↑ 越高越好" if chart.better == "higher" else "↓ 越低越好"
    drawing.add(_text(left, height - 9, unit, 7))
    drawing.add(_text(width - right, height - 9, direction, 7, "end"))
    for series in chart.series:
        _add_series(drawing, series, x_of, y_of, step)
    _add_legend(drawing, chart, left, height - 22, plot_w)
    return drawing


def _add_series(
    drawing: Drawing,
    series: Series,
    x_of: Callable[[float], float],
    y_of: Callable[[float], float],
    step: float,
) -> None:
    kind, points = series.kind, series.points
    color, dash, stroke = SERIES_LOOK.get(kind, SERIES_LOOK["actual"])
    coords: list[float] = []
    for i, (year, value) in enumerate(points):
        x = x_of(year)
        if kind != "actual" and len(points) == 2:
            x += -step / 2 if i == 0 else step / 2  # reference lines span the whole plot
        coords += [x, y_of(value)]
    if len(coords) >= 4:
        drawing.add(PolyLine(coords, strokeColor=color, strokeWidth=stroke, strokeDashArray=dash))
    if kind == "actual":
        for (_, value), x, y in zip(points, coords[::2], coords[1::2], strict=True):
            drawing.add(Circle(x, y, 2.0, fillColor=color, strokeColor=color, strokeWidth=0.5))
            drawing.add(_text(x, y + 4, number(value), 6.5, "middle", color=color))


def _add_legend(drawing: Drawing, chart: TrendChart, x: float, y: float, width: float) -> None:
    names = [(s.kind, s.name) for s in chart.series]
    slot = width / max(len(names), 1)
    for i, (kind, name) in enumerate(names):
        color, dash, stroke = SERIES_LOOK.get(kind, SERIES_LOOK["actual"])
        x0 = x + i * slot
        drawing.add(
            Line(
                x0,
                y + 2.5,
                x0 + 14,
                y + 2.5,
                strokeColor=color,
                strokeWidth=stroke,
                strokeDashArray=dash,
            )
        )
        drawing.add(_text(x0 + 17, y, name, 7))


RING_LOOK = (
    (Color(0.72, 0.14, 0.14), (4, 2)),
    (Color(0.85, 0.47, 0.05), (1.5, 1.5)),
    (Color(0.16, 0.55, 0.27), (6, 2, 1.5, 2)),
)


def radar_drawing(chart: RadarChart, size: float) -> Drawing:
    """The radar chart: one axis per category, the achieved share as a filled polygon, and each
    ring (an award line as a share of the maximum) as a dashed polygon, named in the legend
    on the right.
    """
    legend_w = 190.0
    drawing = Drawing(size + legend_w, size, initialFontName=SANS)
    cx, cy = size / 2, size / 2
    radius = size / 2 - 34
    count = max(len(chart.labels), 3)

    def point(i: int, share: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / count
        return cx + radius * share * math.cos(angle), cy + radius * share * math.sin(angle)

    for level in (0.2, 0.4, 0.6, 0.8, 1.0):
        ring = [c for i in range(count) for c in point(i, level)]
        drawing.add(Polygon(ring, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
        drawing.add(
            _text(
                cx - 3,
                cy + radius * level - 7,
                fraction_percent(level),
                6,
                "end",
                color=Color(0.5, 0.5, 0.5),
            )
        )
    for i, label in enumerate(chart.labels):
        x, y = point(i, 1.0)
        drawing.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
        lx, ly = point(i, 1.1)
        anchor = "middle" if abs(lx - cx) < 1 else ("start" if lx > cx else "end")
        drawing.add(_text(lx, ly - 3, label, 8.5, anchor, font=SANS_BOLD))
    legend: list[tuple[str, Color, tuple[float, ...] | None, float]] = []
    for (name, share), (color, dash) in zip(chart.rings, RING_LOOK * 3, strict=False):
        ring = [c for i in range(count) for c in point(i, share)]
        drawing.add(
            Polygon(ring, strokeColor=color, strokeWidth=0.9, strokeDashArray=dash, fillColor=None)
        )
        legend.append((f"{name}（满分的 {fraction_percent(share)}）", color, dash, 0.9))
    actual = SERIES_LOOK["actual"][0]
    values = list(chart.values) + [0.0] * (count - len(chart.values))
    shape = [c for i, v in enumerate(values) for c in point(i, max(0.0, min(v, 1.0)))]
    fill = Color(0.12, 0.32, 0.62, alpha=0.22)
    drawing.add(Polygon(shape, strokeColor=actual, strokeWidth=1.4, fillColor=fill))
    for i, v in enumerate(values[: len(chart.values)]):
        x, y = point(i, max(0.0, min(v, 1.0)))
        drawing.add(Circle(x, y, 2.2, fillColor=actual, strokeWidth=0))
    legend.insert(0, ("自评得分率", actual, None, 1.4))
    for row, (name, color, line_dash, width) in enumerate(legend):
        y = size / 2 + 6 * len(legend) - 14.0 * (row + 1)
        x = size + 30
        drawing.add(
            Line(
                x,
                y + 2.5,
                x + 18,
                y + 2.5,
                strokeColor=color,
                strokeWidth=width,
                strokeDashArray=line_dash,
            )
        )
        drawing.add(_text(x + 22, y, name, 7.5))
    return drawing
