"""Scoring the way examiners do: a percentage per item, points, sums, bands, award lines, gaps.

Percentages are whole numbers in the framework's step (5%: 0, 5, …, 100). An item's points are
exactly ``points × pct / 100`` (45 points at 55% = 24.75, never rounded), kept as
:class:`~decimal.Decimal` through every sum, gap and comparison: a total of 599.75 does not reach
a line of 不低于 600 分. The examiners' stage scores (材料评审, 陈述答辩, 现场评审) and the weighted
composite a programme defines are exact decimals too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal

from msgspec import Struct

from qualitydesk.domain.forms import COMPARISONS, Award, Band, Category, Composite, Framework, Item
from qualitydesk.domain.numbers import to_decimal

ZERO = Decimal(0)
STAGE_SCORE_MAX = 1000  # a stage score is given on the 1000-point scale of the 评价准则
STAGE_SCORE_DECIMALS = 4  # as many as a published score (an average of examiners) may carry
# Said wherever a self-score is compared with a line (the UI has it in tr(), same words).
LINE_NOTE = "分数线适用于评审组给出的总评分；自评总分只是估计，不代表评审结果。"
_STAGE_TEXT = re.compile(r"\d{1,3}(,\d{3})*(\.\d*)?|\d+(\.\d*)?|\.\d+")


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


def item_points(points: int, pct: int) -> Decimal:
    """Points for an item of ``points`` scored at ``pct``, exactly: 45 at 55% → 24.75."""
    return Decimal(points * pct) / 100  # an integer over 100: exact in any Decimal context


class ItemScore(Struct, frozen=True):
    """One item scored: the percentage given and the points it earns (points × pct / 100)."""

    item: Item
    pct: int
    points: Decimal


class CategoryScore(Struct, frozen=True):
    """The points one category earns: the sum of its items' points."""

    category: Category
    points: Decimal

    @property
    def max(self) -> int:
        """The points the category is worth."""
        return self.category.points


class Scorecard(Struct, frozen=True):
    """All item scores of one framework with the sums examiners report."""

    framework: Framework
    items: tuple[ItemScore, ...]
    categories: tuple[CategoryScore, ...]

    @property
    def total(self) -> Decimal:
        """The sum of every item's points."""
        return sum((s.points for s in self.items), ZERO)

    @property
    def process(self) -> Decimal:
        """The points of the process items (``kind`` "process")."""
        return sum((s.points for s in self.items if s.item.kind == "process"), ZERO)

    @property
    def results(self) -> Decimal:
        """The points of the results items (``kind`` "results")."""
        return sum((s.points for s in self.items if s.item.kind == "results"), ZERO)

    def item(self, item_id: str) -> ItemScore:
        """The score of item ``item_id``; raises KeyError when the framework has no such item."""
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
        CategoryScore(c, sum((s.points for s in items if s.item.category == c.id), ZERO))
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


def exact(value: object) -> Decimal:
    """``value`` (Decimal, int, a float as written, or text) as an exact Decimal."""
    found = to_decimal(value)
    if found is None:
        raise ScoreError(f"得分应为数字，收到 {value!r}")
    return found


def reaches(total: Decimal | int | float, line: int, comparison: str) -> bool:
    """Whether ``total`` reaches ``line`` exactly: 不低于 (at_least) is ≥, 高于 (above) is >.

    599.75 does not reach 不低于 600; 600 does not reach 高于 600; 600.25 does.
    """
    if comparison == "at_least":
        return exact(total) >= line
    if comparison == "above":
        return exact(total) > line
    raise ScoreError(f"未知的分数线比较方式 {comparison!r}（应为 {'、'.join(COMPARISONS)}）")


def line_wording(line: int | None, comparison: str | None) -> str:
    """A score line as the rules word it: ``不低于 600 分``, ``高于 550 分``, or ``未公布分数线``.

    The one wording of a line for the window, the command line and the printed report.
    """
    if line is None or comparison is None:
        return "未公布分数线"
    return f"{COMPARISONS[comparison]} {line} 分"


class TierResult(Struct, frozen=True):
    """One tier of an award against a total: its line and how it compares (at_least / above; None
    where no line is published) and whether the total reaches it.
    """

    award: str
    tier: str
    line: int | None
    comparison: str | None
    reached: bool | None  # None: the programme publishes no line for this tier

    @property
    def wording(self) -> str:
        """The line as the rules word it (:func:`line_wording`), e.g. 不低于 600 分."""
        return line_wording(self.line, self.comparison)


def evaluate_tiers(award: Award, total: Decimal | int | float) -> list[TierResult]:
    """Each tier of ``award`` with whether ``total`` reaches its line."""
    results = []
    for tier in award.tiers:
        reached = None
        if tier.line is not None and tier.comparison is not None:
            reached = reaches(total, tier.line, tier.comparison)
        results.append(TierResult(award.id, tier.name, tier.line, tier.comparison, reached))
    return results


# --- what to work on next -------------------------------------------------------------------


class Gap(Struct, frozen=True):
    """Points an item would gain by reaching the bottom of the next band up."""

    item: Item
    pct: int
    next_pct: int
    gain: Decimal


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


# --- the examiners' stage scores and the composite -------------------------------------------


def stage_score(value: object, name: str = "评审得分") -> Decimal:
    """A published stage score as an exact Decimal: 0–1000, at most 4 decimals; ScoreError
    (naming ``name``) otherwise. Text may use full-width digits, separators and a trailing 分.
    """
    found = None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("分").strip()
        if _STAGE_TEXT.fullmatch(text):
            found = to_decimal(text)
    elif not isinstance(value, bool):
        found = to_decimal(value)
    shown = f"“{value}”" if isinstance(value, str) else repr(value)
    if found is None:
        raise ScoreError(f"{name}应为数字，例如 612.5，收到{shown}")
    if not 0 <= found <= STAGE_SCORE_MAX:
        raise ScoreError(f"{name}应在 0–{STAGE_SCORE_MAX} 分之间，收到{shown}")
    found = found.normalize() + 0  # trailing zeros dropped; + 0: 600, not 6E+2
    if -found.as_tuple().exponent > STAGE_SCORE_DECIMALS:  # type: ignore[operator]
        raise ScoreError(f"{name}最多保留 {STAGE_SCORE_DECIMALS} 位小数，收到{shown}")
    return found


def composite(spec: Composite, scores: Mapping[str, object]) -> Decimal:
    """The weighted composite (材料评审 15% + 陈述答辩 15% + 现场评审 70%) of the stage scores,
    exactly: 620, 700 and 610 give 625; 600.5, 599.25 and 600 give 599.9625.
    """
    ids = [p.id for p in spec.parts]
    missing = [p.name for p in spec.parts if p.id not in scores]
    if missing:
        raise ScoreError(f"缺少{'、'.join(missing)}的得分（{spec.citation}）")
    unknown = sorted(set(scores) - set(ids))
    if unknown:
        raise ScoreError(f"综合评分没有 {'、'.join(unknown)} 这一部分（应为 {'、'.join(ids)}）")
    values = {p.id: stage_score(scores[p.id], p.name) for p in spec.parts}
    return sum((values[p.id] * p.weight for p in spec.parts), ZERO) / 100


def composite_of(spec: Composite, stages: Mapping[str, Decimal | None]) -> Decimal | None:
    """The composite of ``stages`` when every part has a score; None while one is missing."""
    given = {part: value for part, value in stages.items() if value is not None}
    if any(p.id not in given for p in spec.parts):
        return None
    return composite(spec, {p.id: given[p.id] for p in spec.parts})


def composite_formula(spec: Composite) -> str:
    """The weights as the rules give them: 材料评审 15% + 陈述答辩 15% + 现场评审 70%."""
    return " + ".join(f"{p.name} {p.weight}%" for p in spec.parts)
