"""Chart specifications shared by the screen (QPainter) and the PDF (reportlab.graphics).

A spec says what to draw — series, axis range and ticks, labels — never how; each renderer turns
it into lines and text in its own medium, so the chart on screen and the chart in the package agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from qualitydesk.domain.indicators import Indicator


@dataclass(frozen=True)
class Series:
    """One line of a trend chart. ``kind``: actual (the applicant's values), target,
    competitor or benchmark; reference values are drawn as a flat dashed line.
    """

    name: str
    kind: str
    points: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class Axis:
    """A value axis: the range ``low``–``high`` drawn and the values ``ticks`` are labelled at."""

    low: float
    high: float
    ticks: tuple[float, ...]


@dataclass(frozen=True)
class TrendChart:
    """A trend chart of one indicator: its series over ``years`` on ``axis``; ``better`` is "higher"
    or "lower", as on :class:`Indicator`.
    """

    title: str
    unit: str
    years: tuple[int, ...]
    series: tuple[Series, ...]
    axis: Axis
    better: str


def nice_axis(low: float, high: float, max_ticks: int = 6) -> Axis:
    """A readable value axis covering ``low``–``high`` with round tick steps (1, 2, 5 × 10ⁿ)."""
    if math.isclose(low, high):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw_step = (high - low) / max(1, max_ticks - 1)
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    count = round((end - start) / step)
    ticks = tuple(round(start + i * step, 10) for i in range(count + 1))
    return Axis(ticks[0], ticks[-1], ticks)


def trend_chart(indicator: Indicator) -> TrendChart:
    """The trend chart of an indicator: its values, and target / competitor / benchmark lines."""
    years = tuple(sorted(indicator.values))
    series = [Series("本组织", "actual", tuple((y, indicator.values[y]) for y in years))]
    references: Sequence[tuple[str, str, float | None]] = (
        ("目标", "target", indicator.target),
        ("竞争对手", "competitor", indicator.competitor),
        ("标杆", "benchmark", indicator.benchmark),
    )
    for name, kind, value in references:
        if value is not None and years:
            series.append(Series(name, kind, ((years[0], value), (years[-1], value))))
    values = [v for s in series for _, v in s.points] or [0.0]
    low, high = min(values), max(values)
    if low >= 0 and low < (high - low):  # close to zero anyway: start the axis at zero
        low = 0.0
    return TrendChart(
        indicator.name, indicator.unit, years, tuple(series), nice_axis(low, high), indicator.better
    )


@dataclass(frozen=True)
class RadarChart:
    """Category scores as shares of their maximum, with the award line as a ring."""

    labels: tuple[str, ...]
    values: tuple[float, ...]  # 0–1
    rings: tuple[tuple[str, float], ...] = ()  # (label, share), e.g. ("600 分线", 0.6)


def radar_chart(
    categories: Sequence[tuple[str, float | Decimal, float]],
    rings: Sequence[tuple[str, float]] = (),
) -> RadarChart:
    """From (label, points, max) per category (points exact or not: the shares are floats, for
    drawing); rings are drawn as circles at their share.
    """
    return RadarChart(
        tuple(c[0] for c in categories),
        tuple(float(c[1]) / c[2] if c[2] else 0.0 for c in categories),
        tuple(rings),
    )
