"""Year over year: two applications of one framework side by side, item by item.

For each scored item: both self-scores (percent, points, band) and what became of its text,
paragraph by paragraph (kept, changed, added, removed — a paragraph is a block between blank
lines, compared as written); the totals of both years; the key performance indicators the two
have in common (the same id, else the same name and unit) with both years' series, and those
only one of them has. Nothing here reads a file: :mod:`qualitydesk.store` gives the two sides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from qualitydesk.domain.forms import Framework
from qualitydesk.domain.indicators import Indicator
from qualitydesk.domain.scoring import band_of, item_points, score

_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Side:
    """One application as compared: its year, self-scores, narratives and indicators."""

    year: int
    name: str  # the applicant, as the application names it
    pcts: Mapping[str, int]  # item -> self-score percent (unscored items absent)
    narratives: Mapping[str, str]  # item -> Markdown
    indicators: Sequence[Indicator]


@dataclass(frozen=True)
class TextChange:
    """What became of an item's text: paragraphs kept, changed, added and removed."""

    kept: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0

    @property
    def any(self) -> bool:
        """Whether the text differs at all."""
        return bool(self.changed or self.added or self.removed)

    def words(self) -> str:
        """What became of the text in words: 改 1 段，增 2 段; 未改."""
        parts = [
            f"{word} {n} 段"
            for word, n in (("改", self.changed), ("增", self.added), ("删", self.removed))
            if n
        ]
        return "，".join(parts) if parts else "未改"


@dataclass(frozen=True)
class ItemComparison:
    """One scored item in both years: percent, points and band of each (None: not scored)."""

    item: str
    name: str
    old_pct: int | None
    new_pct: int | None
    old_points: Decimal | None
    new_points: Decimal | None
    old_band: str
    new_band: str
    text: TextChange

    @property
    def pct_change(self) -> int | None:
        """The change of the percent; None unless both years are scored."""
        if self.old_pct is None or self.new_pct is None:
            return None
        return self.new_pct - self.old_pct


@dataclass(frozen=True)
class IndicatorPair:
    """An indicator both years report, with both series (year -> value)."""

    id: str
    name: str
    unit: str
    old_values: Mapping[int, float]
    new_values: Mapping[int, float]


@dataclass(frozen=True)
class Comparison:
    """Two applications of one framework compared (see the module docstring)."""

    old: Side
    new: Side
    items: tuple[ItemComparison, ...]
    old_total: Decimal
    new_total: Decimal
    indicators: tuple[IndicatorPair, ...]
    only_old: tuple[str, ...]  # names of the indicators only the earlier year has
    only_new: tuple[str, ...]

    @property
    def changed_items(self) -> tuple[str, ...]:
        """The items whose score or text changed."""
        return tuple(i.item for i in self.items if i.pct_change or i.text.any)


def compare(framework: Framework, old: Side, new: Side) -> Comparison:
    """``old`` and ``new`` compared item by item, in the framework's order."""
    items = tuple(
        ItemComparison(
            item=item.id,
            name=item.name,
            old_pct=old.pcts.get(item.id),
            new_pct=new.pcts.get(item.id),
            old_points=_points(item.points, old.pcts.get(item.id)),
            new_points=_points(item.points, new.pcts.get(item.id)),
            old_band=_band(framework, item.kind, old.pcts.get(item.id)),
            new_band=_band(framework, item.kind, new.pcts.get(item.id)),
            text=text_change(old.narratives.get(item.id, ""), new.narratives.get(item.id, "")),
        )
        for item in framework.items
    )
    pairs, only_old, only_new = _pair_indicators(old.indicators, new.indicators)
    return Comparison(
        old,
        new,
        items,
        score(framework, old.pcts).total,
        score(framework, new.pcts).total,
        pairs,
        only_old,
        only_new,
    )


def text_change(old: str, new: str) -> TextChange:
    """Paragraphs of ``new`` against ``old``: a replaced run counts as changed, pair by pair."""
    before, after = paragraphs(old), paragraphs(new)
    kept = changed = added = removed = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            kept += i2 - i1
        elif tag == "delete":
            removed += i2 - i1
        elif tag == "insert":
            added += j2 - j1
        else:  # replace: as many changed as both sides have, the rest added or removed
            both = min(i2 - i1, j2 - j1)
            changed += both
            removed += i2 - i1 - both
            added += j2 - j1 - both
    return TextChange(kept, changed, added, removed)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a narrative as compared: the blocks between blank lines, stripped."""
    return [p.strip() for p in _BLANK_LINES.split(text.replace("\r\n", "\n")) if p.strip()]


def _points(points: int, pct: int | None) -> Decimal | None:
    return None if pct is None else item_points(points, pct)


def _band(framework: Framework, kind: str, pct: int | None) -> str:
    return "" if pct is None else band_of(framework, kind, pct).name


def _pair_indicators(
    old: Sequence[Indicator], new: Sequence[Indicator]
) -> tuple[tuple[IndicatorPair, ...], tuple[str, ...], tuple[str, ...]]:
    """The indicators of ``new`` matched in ``old`` by id, else by name and unit."""
    by_id = {i.id: i for i in old}
    by_name = {(i.name.strip(), i.unit.strip()): i for i in old}
    pairs: list[IndicatorPair] = []
    matched: set[str] = set()
    only_new: list[str] = []
    for indicator in new:
        found = by_id.get(indicator.id) or by_name.get(
            (indicator.name.strip(), indicator.unit.strip())
        )
        if found is None or found.id in matched:
            only_new.append(indicator.name)
            continue
        matched.add(found.id)
        pairs.append(
            IndicatorPair(
                indicator.id, indicator.name, indicator.unit, found.values, indicator.values
            )
        )
    only_old = tuple(i.name for i in old if i.id not in matched)
    return tuple(pairs), only_old, tuple(only_new)
