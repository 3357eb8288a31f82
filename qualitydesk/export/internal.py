"""The internal self-assessment report: scores per item and category, award lines, a radar
chart, 优势 and 改进机会 per item, and the gap list. Every page says 内部资料 (the page template
marks it); it is for the applicant's own team, never for submission.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.charts import radar_chart
from qualitydesk.export.blocks import Anchor, Figure
from qualitydesk.export.book import Book, chinese_date, gap
from qualitydesk.export.captions import captioned
from qualitydesk.export.flowables import Para
from qualitydesk.export.graphics import radar_drawing
from qualitydesk.export.internal_team import later_parts
from qualitydesk.export.layout import PartBreak
from qualitydesk.export.tables import Cell, grid
from qualitydesk.store import readiness
from qualitydesk.store.yearly import YearOverYear


def story(book: Book, previous: YearOverYear | None = None) -> list[Flowable]:
    """The whole internal report: cover, 目录, then the score summary, each item's 优势 and
    改进机会, the gap list, and where there are data the team's consensus, the improvement plan
    and the comparison with ``previous`` (:mod:`~qualitydesk.export.internal_team`), each starting
    a new page.
    """
    card = readiness.scorecard(book.doc, book.forms)
    book.check("正在排版：评分汇总")
    body = [PartBreak(restart=True), *summary(book, card)]  # page 1 after the 目录
    book.check("正在排版：优势与改进机会")
    body += [PartBreak(), *items(book, card)]
    body += [PartBreak(), *gap_list(book, card)]
    body += later_parts(book, previous)
    head = [*cover(book, card), NextPageTemplate("body"), PartBreak()]
    contents = [Anchor("contents", "目录", 0), Para("目　　录", book.styles.part), *book.contents()]
    return head + contents + body


def cover(book: Book, card: scoring.Scorecard) -> list[Flowable]:
    """The cover: programme, title, 内部资料, and the organisation, framework, total, assessors and
    date.
    """
    st = book.styles
    assessors = sorted({s.assessor for s in book.doc.scores().values() if s.assessor})
    lines = [
        f"组织名称：{book.org}",
        f"评价准则：{book.framework.standard}《{book.framework.name}》",
        f"自评总分：{numbers.score(card.total)} 分（满分 {book.framework.total_points} 分）",
        f"自评部门：{'、'.join(assessors) or '—'}",
        f"编制日期：{chinese_date(str(book.doc.application_date))}",
    ]
    return [
        Anchor("cover", "封面", 0),
        gap(30),
        Para(book.programme, st.cover_subtitle),
        gap(10),
        Para("卓越绩效自我评价报告", st.cover_title),
        gap(6),
        Para("（内部资料　不作申报材料）", st.cover_subtitle),
        gap(40),
        *[Para(line, replace(st.cover_field, left_indent=20 * mm)) for line in lines],
    ]


# --- 评分汇总 -------------------------------------------------------------------------------


def summary(book: Book, card: scoring.Scorecard) -> list[Flowable]:
    """一、评分汇总: total, process and results points, the award lines (and the examiners' stage
    scores where the programme has them), the categories with a radar chart, and every item's score.
    """
    st = book.styles
    fw = book.framework
    process_max = sum(i.points for i in fw.items if i.kind == "process")
    results_max = sum(i.points for i in fw.items if i.kind == "results")
    out: list[Flowable] = [
        book.heading("一、评分汇总", st.part, "part.summary", 0),
        Para(
            f"自评总分 {numbers.score(card.total)} 分（满分 {fw.total_points} 分），其中过程 "
            f"{numbers.score(card.process)} 分（满分 {process_max} 分），"
            f"结果 {numbers.score(card.results)} 分"
            f"（满分 {results_max} 分）。",
            st.body,
        ),
        book.heading("奖项分数线", st.section, "summary.lines", 1),
        Para(scoring.LINE_NOTE, st.body),
        *_examiners(book),
        _tiers(book, card),
        book.heading("各类目得分", st.section, "summary.categories", 1),
        _categories(book, card),
        _radar(book, card),
        book.heading("各评分项得分", st.section, "summary.items", 1),
        _item_table(book, card),
    ]
    return out


def _composite(book: Book) -> Decimal | None:
    spec = book.award.composite
    if spec is None:
        return None
    return scoring.composite_of(spec, {p.id: book.doc.stage_score(p.id) for p in spec.parts})


def _examiners(book: Book) -> list[Flowable]:
    """The examiners' stage scores entered so far and their composite, with its clause."""
    spec = book.award.composite
    if spec is None:
        return []
    given = [(p.name, book.doc.stage_score(p.id)) for p in spec.parts]
    if all(value is None for _, value in given):
        return []
    stages = "、".join(
        f"{name} {'未填写' if value is None else numbers.score(value) + ' 分'}"
        for name, value in given
    )
    composite = _composite(book)
    rule = f"{spec.citation}：{scoring.composite_formula(spec)}"
    result = "（各环节得分填齐后计算）" if composite is None else f" {numbers.score(composite)} 分"
    text = f"评审组公布的得分：{stages}。综合得分{result}（{rule}）。"
    return [Para(text, book.styles.body)]


def _tiers(book: Book, card: scoring.Scorecard) -> Flowable:
    st = book.styles
    head, cell = st.head_cell, st.cell
    centre = replace(cell, align="center")
    composite = _composite(book)
    heads = ["奖项等级", "分数线", "依据", "自评结果（估计）"]
    heads += [] if composite is None else ["综合得分结果"]
    data: list[list[Cell]] = [[Para(t, head) for t in heads]]
    tiers = scoring.evaluate_tiers(book.award, card.total)
    examined = [] if composite is None else scoring.evaluate_tiers(book.award, composite)
    for index, (tier, spec) in enumerate(zip(tiers, book.award.tiers, strict=True)):
        row: list[Cell] = [
            Para(tier.tier, cell),
            Para(tier.wording, centre),
            Para(spec.citation, centre),
            Para(_VERDICTS[tier.reached], centre),
        ]
        if examined:
            row.append(Para(_VERDICTS[examined[index].reached], centre))
        data.append(row)
    if len(data) == 1:
        data.append([Para("本奖项未设分数线", cell), *([[]] * (len(heads) - 1))])
    return captioned("", data, book.width, style=st.caption, continued="奖项分数线（续）")


_VERDICTS = {True: "达到", False: "未达到", None: "—"}


def _categories(book: Book, card: scoring.Scorecard) -> Flowable:
    st = book.styles
    head, cell = st.head_cell, st.cell
    right = replace(cell, align="right")
    data: list[list[Cell]] = [[Para(t, head) for t in ("类目", "满分", "得分", "得分率")]]
    for cat in card.categories:
        data.append(
            [
                Para(f"{cat.category.id} {cat.category.name}", cell),
                Para(str(cat.max), right),
                Para(numbers.score(cat.points), right),
                Para(_share(cat.points, cat.max), right),
            ]
        )
    data.append(
        [
            Para("合计", st.head_cell),
            Para(str(book.framework.total_points), right),
            Para(numbers.score(card.total), right),
            Para(_share(card.total, book.framework.total_points), right),
        ]
    )
    return captioned("", data, book.width, style=st.caption, continued="各类目得分（续）")


def _share(points: Decimal, maximum: int) -> str:
    """The share of ``maximum``, one decimal cut (not rounded) off: 599.75 of 1000 is 59.9%,
    never a 60.0% beside a line of 600 that the total does not reach.
    """
    if not maximum:
        return numbers.percent(0, 1)
    share = (points * 100 / maximum).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return numbers.percent(share, 1)


def _radar(book: Book, card: scoring.Scorecard) -> Flowable:
    total = book.framework.total_points or 1
    rings = [
        (f"{t.name} {t.line} 分", t.line / total) for t in book.award.tiers if t.line is not None
    ]
    chart = radar_chart([(c.category.name, c.points, c.max) for c in card.categories], rings)
    caption = Para("图1 各类目得分率与奖项分数线", book.styles.caption)
    return KeepTogether([gap(4), Figure(radar_drawing(chart, 250.0)), caption])


def _item_table(book: Book, card: scoring.Scorecard) -> Flowable:
    st = book.styles
    size = 9.5
    head, cell = st.head_of(size), st.cell_of(size)
    right = replace(cell, align="right")
    data: list[list[Cell]] = [
        [Para(t, head) for t in ("评分项", "分值", "得分率", "得分", "评分档")]
    ]
    for s in card.items:
        band = scoring.band_of(book.framework, s.item.kind, s.pct).name
        data.append(
            [
                Para(f"{s.item.id} {s.item.name}", cell),
                Para(str(s.item.points), right),
                Para(numbers.percent(s.pct), right),
                Para(numbers.score(s.points), right),
                Para(band, replace(cell, align="center")),
            ]
        )
    return captioned("", data, book.width, style=st.caption, continued="各评分项得分（续）")


# --- 优势与改进机会 ---------------------------------------------------------------------------


def items(book: Book, card: scoring.Scorecard) -> list[Flowable]:
    """二、各评分项优势与改进机会: for every item its score and band, the notes per factor, then its
    优势 and 改进机会 as written.
    """
    st = book.styles
    out: list[Flowable] = [book.heading("二、各评分项优势与改进机会", st.part, "part.items", 0)]
    factors = {f.id: f.name for f in book.framework.factors}
    for category in book.framework.categories:
        out.append(
            book.heading(f"{category.id} {category.name}", st.section, f"category.{category.id}", 1)
        )
        for item in category.items:
            key = f"item.{item.id}"
            s = card.item(item.id)
            score = book.doc.score(item.id)
            out.append(book.heading(f"{item.id} {item.name}", st.item, key, 2))
            band = scoring.band_of(book.framework, item.kind, s.pct).name
            out.append(
                Para(
                    f"分值 {item.points} 分，自评得分率 {numbers.percent(s.pct)}（评分档 {band}），"
                    f"得分 {numbers.score(s.points)} 分。",
                    st.plain,
                )
            )
            if score is None:
                out.append(Para("（尚未自评打分）", st.note))
                continue
            out += _notes(book, _in_order(book, item.kind, dict(score.notes)), factors)
            out.append(Para("优势", st.subheading))
            out += book.narrative(score.strengths, item.id, f"{key}.strengths", 3)
            out.append(Para("改进机会", st.subheading))
            out += book.narrative(score.opportunities, item.id, f"{key}.opportunities", 3)
    return out


def _in_order(book: Book, kind: str, notes: dict[str, str]) -> dict[str, str]:
    """Factor notes in the framework's order (A, D, L, I), any others after them."""
    order = [f.id for f in book.framework.factors_of(kind)]
    known = {fid: notes[fid] for fid in order if fid in notes}
    return known | {k: v for k, v in notes.items() if k not in known}


def _notes(book: Book, notes: dict[str, str], factors: dict[str, str]) -> list[Flowable]:
    if not any(notes.values()):
        return []
    st = book.styles
    cell = st.cell_of(10.0)
    rows = [
        [Para(f"{fid} {factors.get(fid, '')}".strip(), st.label_cell), Para(text, cell)]
        for fid, text in notes.items()
        if text
    ]
    return [
        grid(
            rows,
            book.width,
            header_rows=0,
            widths=[26 * mm, book.width - 26 * mm],
            shaded=[((0, 0), (0, -1))],
        ),
        gap(2),
    ]


# --- 提分空间 -------------------------------------------------------------------------------


def gap_list(book: Book, card: scoring.Scorecard) -> list[Flowable]:
    """三、提分空间: the items ordered by the points they would gain by reaching the next band; a
    sentence instead when every item is in the top band.
    """
    st = book.styles
    out: list[Flowable] = [
        book.heading("三、提分空间（差距清单）", st.part, "part.gaps", 0),
        Para(
            "按各评分项提升到上一评分档起点可增加的分数排序，供确定改进优先次序参考。",
            st.body,
        ),
    ]
    found = scoring.gaps(card)
    if not found:
        return [*out, Para("所有评分项均已处于最高评分档。", st.plain)]
    size = 10.0
    head, cell = st.head_of(size), st.cell_of(size)
    right = replace(cell, align="right")
    heads = ("序号", "评分项", "分值", "当前得分率", "上一档起点", "可增加（分）")
    data: list[list[Cell]] = [[Para(t, head) for t in heads]]
    for n, g in enumerate(found, 1):
        data.append(
            [
                Para(str(n), replace(cell, align="center")),
                Para(f"{g.item.id} {g.item.name}", cell),
                Para(str(g.item.points), right),
                Para(numbers.percent(g.pct), right),
                Para(numbers.percent(g.next_pct), right),
                Para(numbers.score(g.gain), right),
            ]
        )
    out.append(captioned("", data, book.width, style=st.caption, continued="提分空间（续）"))
    return out
