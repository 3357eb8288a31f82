"""A key performance indicator: its values per year and what they are compared with.

Kept apart from :mod:`qualitydesk.domain.charts` (the chart specifications drawn from it): a
document holds indicators, and opening one needs no charts.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct, field


class Indicator(Struct, frozen=True):
    """A key performance indicator with its values per year and comparisons."""

    id: str
    name: str
    unit: str
    better: str  # "higher" or "lower"
    item: str  # the results item it belongs to, e.g. 4.7.2
    values: Mapping[int, float] = field(default_factory=dict)
    target: float | None = None
    competitor: float | None = None
    competitor_source: str = ""
    benchmark: float | None = None
    benchmark_source: str = ""
