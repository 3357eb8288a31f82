"""Scoring the way examiners do: a percentage per item, points, sums, bands, award lines, gaps.

Percentages are whole numbers in the framework's step (5%: 0, 5, …, 100). An item's points are
``points × pct / 100`` rounded half-up to 0.5, the precision examiners record (4.2.3 at 45% = 22.5).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qualitydesk.domain.forms import COMPARISONS, Award, Band, Category, Composite, Framework, Item


class ScoreError(ValueError):
    """A percentage, item id or composite input that cannot be scored."""


def check_pct(pct: object, step: int = 5) -> int:
    """Return ``pct`` as an int if it is 0–100 in steps of ``step``; otherwise raise ScoreError."""
    if isinstance(pct, float) and pct.is_integer():
        pct = int(pct)
    if isinstance(pct, str) and pct.strip().removesuffix("%").strip().isdigit():
        pct = int(pct.strip().removesuffix("%"))
    if isinstance(pct, bool) or not isinstance(pct, int) or not 0 <= pct <= 100 or pct % step:
        raise ScoreError(f"百分比必须是 0–100 之间 {step} 的倍数，收到 {pct!r}")
    return pct


def item_points(points: int, pct: int) -> float:
    """Points for an item of ``points`` scored at ``pct``, rounded half-up to 0.5."""
    halves = (points * pct * 2 + 50) // 100  # exact integer arithmetic: no float drift
    return halves / 2


@dataclass(frozen=True)
class ItemScore:
    item: Item
    pct: int
    points: float


@dataclass(frozen=True)
class CategoryScore:
    category: Category
    points: float

    @property
    def max(self) -> int:
        return self.category.points


@dataclass(frozen=True)
class Scorecard:
    """All item scores of one framework with the sums examiners report."""

    framework: Framework
    items: tuple[ItemScore, ...]
    categories: tuple[CategoryScore, ...]

    @property
    def total(self) -> float:
        return sum(s.points for s in self.items)

    @property
    def process(self) -> float:
        return sum(s.points for s in self.items if s.item.kind == "process")

    @property
    def results(self) -> float:
        return sum(s.points for s in self.items if s.item.kind == "results")

    def item(self, item_id: str) -> ItemScore:
        for score in self.items:
            if score.item.id == item_id:
                return score
        raise KeyError(item_id)


def score(framework: Framework, pcts: Mapping[str, object]) -> Scorecard:
    """Score every item of ``framework``; items missing from ``pcts`` count as 0%."""
    known = {item.id for item in framework.items}
    unknown = sorted(set(pcts) - known)
    if unknown:
        raise ScoreError(f"{framework.standard} 中没有评分项 {'、'.join(unknown)}")
    items = []
    for item in framework.items:
        try:
            pct = check_pct(pcts.get(item.id, 0), framework.step)
        except ScoreError as exc:
            raise ScoreError(f"{item.id} {item.name}：{exc}") from None
        items.append(ItemScore(item, pct, item_points(item.points, pct)))
    categories = tuple(
        CategoryScore(c, sum(s.points for s in items if s.item.category == c.id))
        for c in framework.categories
    )
    return Scorecard(framework, tuple(items), categories)


def band_of(framework: Framework, kind: str, pct: int) -> Band:
    """The scoring band (0–5%, 10–25% …) of ``kind`` that contains ``pct``."""
    pct = check_pct(pct, framework.step)
    for band in framework.bands_of(kind):
        if pct in band:
            return band
    raise ScoreError(f"{framework.id} 没有覆盖 {pct}% 的{kind}评分档")


# --- award lines ----------------------------------------------------------------------------


def reaches(total: float, line: int, comparison: str) -> bool:
    """Whether ``total`` reaches ``line``: 不低于 (at_least) is ≥, 高于 (above) is strictly >."""
    if comparison == "at_least":
        return total >= line
    if comparison == "above":
        return total > line
    raise ScoreError(f"未知的分数线比较方式 {comparison!r}（应为 {'、'.join(COMPARISONS)}）")


@dataclass(frozen=True)
class TierResult:
    award: str
    tier: str
    line: int | None
    comparison: str | None
    reached: bool | None  # None: the programme publishes no line for this tier

    @property
    def wording(self) -> str:
        """The line as the rules word it, e.g. 不低于 600 分; empty when none is published."""
        if self.line is None or self.comparison is None:
            return "未公布分数线"
        return f"{COMPARISONS[self.comparison]} {self.line} 分"


def evaluate_tiers(award: Award, total: float) -> list[TierResult]:
    """Each tier of ``award`` with whether ``total`` reaches its line."""
    results = []
    for tier in award.tiers:
        reached = None
        if tier.line is not None and tier.comparison is not None:
            reached = reaches(total, tier.line, tier.comparison)
        results.append(TierResult(award.id, tier.name, tier.line, tier.comparison, reached))
    return results


# --- what to work on next -------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """Points an item would gain by reaching the bottom of the next band up."""

    item: Item
    pct: int
    next_pct: int
    gain: float


def gaps(card: Scorecard) -> list[Gap]:
    """Items below the top band, ranked by the points reaching the next band would add."""
    found = []
    for s in card.items:
        bands = card.framework.bands_of(s.item.kind)
        higher = [b.low for b in bands if b.low > s.pct]
        if not higher:
            continue
        next_pct = min(higher)
        gain = item_points(s.item.points, next_pct) - s.points
        found.append(Gap(s.item, s.pct, next_pct, gain))
    order = {item.id: i for i, item in enumerate(card.framework.items)}
    return sorted(found, key=lambda g: (-g.gain, order[g.item.id]))


# --- composite ranking ----------------------------------------------------------------------


def composite(spec: Composite, scores: Mapping[str, float]) -> float:
    """The weighted composite (材料评审 15% + 陈述答辩 15% + 现场评审 70%) of per-stage scores."""
    ids = [p.id for p in spec.parts]
    missing = [p.name for p in spec.parts if p.id not in scores]
    if missing:
        raise ScoreError(f"缺少{'、'.join(missing)}的得分（{spec.citation}）")
    unknown = sorted(set(scores) - set(ids))
    if unknown:
        raise ScoreError(f"综合评分没有 {'、'.join(unknown)} 这一部分（应为 {'、'.join(ids)}）")
    for part in spec.parts:
        value = scores[part.id]
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ScoreError(f"{part.name}得分必须是非负数，收到 {value!r}")
    return round(sum(scores[p.id] * p.weight for p in spec.parts) / 100, 2)
