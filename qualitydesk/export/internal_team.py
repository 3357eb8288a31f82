"""The internal report's parts after the gap list, each only when the document has its data:
自评小组共识 (every assessor's score per item as a chart, and the scores before and after the
consensus meeting), 改进计划 (the action list), and 与往年对比 when the export is given an earlier
application (:mod:`qualitydesk.export.internal_yearly`).

The team's data come from the document's team store (``assessor_scores``, ``consensus``,
``spread_threshold``) and its improvement plan (``actions``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from qualitydesk.domain import numbers
from qualitydesk.domain.team import DEFAULT_SPREAD, AssessorScore, ItemSpread, spreads
from qualitydesk.export.blocks import Figure
from qualitydesk.export.book import Book, gap
from qualitydesk.export.captions import captioned
from qualitydesk.export.flowables import Para
from qualitydesk.export.internal_yearly import yearly_part
from qualitydesk.export.layout import PartBreak
from qualitydesk.export.plan_table import STATUS_NAMES, action_table
from qualitydesk.export.tables import Cell
from qualitydesk.export.teamcharts import SpreadRow, spread_drawing
from qualitydesk.store.records import Action, Consensus
from qualitydesk.store.yearly import YearOverYear

NUMERALS = "四五六七八九"  # the parts before these: 一、评分汇总 二、优势与改进机会 三、提分空间


def later_parts(book: Book, previous: YearOverYear | None = None) -> list[Flowable]:
    """The parts after 三、提分空间 that have data, numbered 四、五、… in turn, each on a new
    page.
    """
    doc = book.doc
    scores, agreed, threshold = doc.assessor_scores(), doc.consensus(), doc.spread_threshold()
    actions = doc.actions()
    makers = []
    if scores or agreed:
        makers.append(lambda n: consensus_part(book, n, scores, agreed, threshold))
    if actions:
        makers.append(lambda n: plan_part(book, n, actions))
    if previous is not None:
        makers.append(lambda n: yearly_part(book, n, previous, figure=3 if scores or agreed else 2))
    out: list[Flowable] = []
    for numeral, make in zip(NUMERALS, makers, strict=False):
        out += [PartBreak(), *make(numeral)]
    return out


# --- 自评小组共识 -------------------------------------------------------------------------------


def consensus_part(
    book: Book,
    numeral: str,
    scores: Sequence[AssessorScore],
    agreed: Mapping[str, Consensus],
    threshold: int = DEFAULT_SPREAD,
) -> list[Flowable]:
    """自评小组共识: who scored, how far apart they were, the chart and the table before/after."""
    st = book.styles
    found = {s.item: s for s in spreads(book.framework, scores, threshold)}
    assessors = sorted(
        {s.assessor for s in scores} | {a for c in agreed.values() for a in c.before}
    )
    flagged = [item for item, s in found.items() if s.flagged]
    text = (
        f"自评小组 {len(assessors)} 人（{'、'.join(assessors) or '—'}）各自独立评分，"
        f"{len(found)} 个评分项有评分；评分分歧（最高与最低之差）达到 {threshold} 个百分点的评分项"
        f" {len(flagged)} 项（{'、'.join(flagged) or '无'}），经共识会议讨论；"
        f"已形成共识评分的评分项 {len(agreed)} 项。"
    )
    rows = _spread_rows(book, found, agreed)
    out: list[Flowable] = [
        book.heading(f"{numeral}、自评小组共识", st.part, "part.consensus", 0),
        Para(text, st.body),
    ]
    if rows:
        caption = Para("图2 各评分项评分人评分分布与共识评分", st.caption)
        chart = Figure(spread_drawing(rows, book.width), book.width)
        out.append(KeepTogether([gap(2), chart, caption]))
    out.append(book.heading("共识前后评分", st.section, "consensus.table", 1))
    out.append(_consensus_table(book, found, agreed))
    return out


def _before(spread: ItemSpread | None, agreed: Consensus | None) -> Mapping[str, int]:
    """The assessors' percents before the meeting: as the consensus kept them, else as returned."""
    if agreed is not None and agreed.before:
        return agreed.before
    return spread.pcts if spread is not None else {}


def _spread_rows(
    book: Book, found: Mapping[str, ItemSpread], agreed: Mapping[str, Consensus]
) -> list[SpreadRow]:
    rows = []
    for item in book.framework.items:
        before = _before(found.get(item.id), agreed.get(item.id))
        consensus = agreed.get(item.id)
        if not before and consensus is None:
            continue
        values = list(before.values())
        mean = sum(values) / len(values) if values else float(consensus.pct if consensus else 0)
        rows.append(SpreadRow(item.id, values, mean, consensus.pct if consensus else None))
    return rows


def _consensus_table(
    book: Book, found: Mapping[str, ItemSpread], agreed: Mapping[str, Consensus]
) -> Flowable:
    st = book.styles
    size = 9.0
    head, cell = st.head_of(size), st.cell_of(size)
    right, centre = replace(cell, align="right"), replace(cell, align="center")
    heads = ("评分项", "共识前各评分人评分", "平均", "分歧", "共识评分", "共识说明")
    data: list[list[Cell]] = [[Para(t, head) for t in heads]]
    for item in book.framework.items:
        spread, consensus = found.get(item.id), agreed.get(item.id)
        before = _before(spread, consensus)
        if not before and consensus is None:
            continue
        values = list(before.values())
        mean = Decimal(sum(values)) / len(values) if values else None
        flag = "（需讨论）" if spread is not None and spread.flagged else ""
        data.append(
            [
                Para(f"{item.id} {item.name}{flag}", cell),
                Para("、".join(f"{a} {numbers.percent(p)}" for a, p in before.items()), cell),
                Para(
                    "—" if mean is None else numbers.percent(mean.quantize(Decimal("0.1"))), right
                ),
                Para(f"{max(values) - min(values)}" if values else "—", right),
                Para("—" if consensus is None else numbers.percent(consensus.pct), centre),
                Para(consensus.note if consensus else "（尚未形成共识）", cell),
            ]
        )
    widths = [w * book.width for w in (0.22, 0.28, 0.09, 0.07, 0.1, 0.24)]
    return captioned(
        "", data, book.width, style=st.caption, continued="共识前后评分（续）", widths=widths
    )


# --- 改进计划 -----------------------------------------------------------------------------------

_ORDER = {"doing": 0, "open": 1, "done": 2, "dropped": 3}


def plan_part(book: Book, numeral: str, actions: Sequence[Action]) -> list[Flowable]:
    """改进计划: how many actions in each state, then every action (the open ones first)."""
    st = book.styles
    counts = [
        f"{name} {sum(a.status == status for a in actions)} 项"
        for status, name in STATUS_NAMES.items()
    ]
    text = f"改进措施共 {len(actions)} 项，其中{'，'.join(counts)}。"
    return [
        book.heading(f"{numeral}、改进计划", st.part, "part.plan", 0),
        Para(text, st.body),
        action_table(book, sorted(actions, key=lambda a: (_ORDER.get(a.status, 9), a.due or "~"))),
    ]
