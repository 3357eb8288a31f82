"""The self-assessment team (自评小组): assessors score each item on their own, the group meets
and agrees one score per item.

What each assessor returned is an :class:`AssessorScore` per item; :func:`spreads` puts them side
by side per item — every assessor's percent, the mean, the median and the spread (highest minus
lowest, in percentage points) — and flags the items whose spread reaches the threshold for
discussion, listed first. :func:`merged_remarks` folds the assessors' 优势 / 改进机会 into one
list without repeats for the consensus meeting. Nothing here reads a file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from qualitydesk.domain.forms import Framework

DEFAULT_SPREAD = 20  # percentage points: a spread this wide is discussed at the meeting
# A list mark: a bullet, "2." "3、" "4）" or "（1）" — not the start of "3.5 个百分点" or "4.1.2".
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+(?:\.(?!\d)|[、)）])|[（(]\d+[)）])\s*")
_FOLD = re.compile(r"[\s，。；、,.;:：!！?？\"'“”‘’（）()]+")


@dataclass(frozen=True)
class AssessorScore:
    """One assessor's score of one item: percent, 优势, 改进机会 and a free comment (评语)."""

    assessor: str
    item: str
    pct: int
    strengths: str = ""
    opportunities: str = ""
    comment: str = ""


@dataclass(frozen=True)
class ItemSpread:
    """One item as the team scored it: every assessor's percent (by name), their mean and median
    (exact), the spread in percentage points and whether it is flagged for discussion.
    """

    item: str
    pcts: Mapping[str, int]
    mean: Decimal
    median: Decimal
    spread: int
    flagged: bool


def spreads(
    framework: Framework, scores: Iterable[AssessorScore], threshold: int = DEFAULT_SPREAD
) -> list[ItemSpread]:
    """Every item at least one assessor scored: flagged items first, then in the framework's
    order. An item is flagged when its spread is ``threshold`` points or more (and it has two
    scores or more).
    """
    by_item: dict[str, dict[str, int]] = {}
    for s in scores:
        by_item.setdefault(s.item, {})[s.assessor] = s.pct
    order = {item.id: n for n, item in enumerate(framework.items)}
    found = []
    for item, pcts in by_item.items():
        values = sorted(pcts.values())
        spread = values[-1] - values[0]
        found.append(
            ItemSpread(
                item,
                dict(sorted(pcts.items())),
                Decimal(sum(values)) / len(values),
                Decimal(values[(len(values) - 1) // 2] + values[len(values) // 2]) / 2,
                spread,
                len(values) > 1 and spread >= threshold,
            )
        )
    return sorted(found, key=lambda s: (not s.flagged, order.get(s.item, len(order)), s.item))


def merged_remarks(texts: Iterable[str]) -> list[str]:
    """The points of several assessors' 优势 (or 改进机会) as one list, in the order first met:
    each non-empty line is a point (a leading bullet or number dropped); points that differ only
    in spacing, punctuation or full/half width are folded into the first.
    """
    seen: set[str] = set()
    merged = []
    for text in texts:
        for line in text.splitlines():
            point = _BULLET.sub("", line).strip()
            key = _FOLD.sub("", unicodedata.normalize("NFKC", point)).casefold()
            if key and key not in seen:
                seen.add(key)
                merged.append(point)
    return merged


@dataclass(frozen=True)
class ScorebookItem:
    """An item as a scorebook shows it to an assessor: id, name, points, kind (process or
    results) and the applicant's text, read-only.
    """

    id: str
    name: str
    points: int
    kind: str
    narrative: str = ""


@dataclass(frozen=True)
class Scorebook:
    """What one assessor is handed and returns, whatever carries it (a .qdesk-score file or an
    Excel workbook): which application and hand-out round it belongs to, the items to score and
    the scores given so far.

    ``application`` is the application's identity (its creation stamp, as Word copies carry it);
    ``round`` names the hand-out, so that a file handed out for another round is refused.
    """

    application: str
    round: str
    assessor: str
    org_name: str
    award: str
    framework: str
    year: int
    handed_out_at: str
    step: int
    items: tuple[ScorebookItem, ...]
    scores: tuple[AssessorScore, ...] = ()
