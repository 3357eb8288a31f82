"""与往年对比, the internal report's part comparing an earlier application with this one: both
years' totals, every item's percent and band in both years (chart and table), what changed in
the texts, the key performance indicators both report (both series on one chart each) and the
actions of the improvement plan closed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from qualitydesk.domain import numbers
from qualitydesk.domain.compare import Comparison, IndicatorPair, ItemComparison
from qualitydesk.export.blocks import Figure
from qualitydesk.export.book import Book, gap
from qualitydesk.export.captions import captioned
from qualitydesk.export.flowables import Para
from qualitydesk.export.plan_table import action_table
from qualitydesk.export.tables import Cell, plain_style
from qualitydesk.export.teamcharts import paired_bars_drawing, two_years_drawing
from qualitydesk.store.yearly import YearOverYear


def yearly_part(
    book: Book, numeral: str, previous: YearOverYear, *, figure: int = 2
) -> list[Flowable]:
    """与往年对比 (see the module docstring); its two figures are numbered from ``figure``."""
    st = book.styles
    found = previous.comparison
    old = found.old
    change = found.new_total - found.old_total
    signed = ("+" if change > 0 else "") + numbers.score(change)
    text = (
        f"对比对象：{old.year} 年度申报（{previous.old_file or old.name}）。自评总分由 "
        f"{numbers.score(found.old_total)} 分变为 {numbers.score(found.new_total)} 分"
        f"（{signed} 分）；"
        f"得分或文字有变化的评分项 {len(found.changed_items)} 项（共 {len(found.items)} 项）。"
    )
    out: list[Flowable] = [
        book.heading(f"{numeral}、与往年对比", st.part, "part.yearly", 0),
        Para(text, st.body),
        book.heading("各评分项得分对比", st.section, "yearly.items", 1),
        _bars(book, found, figure),
        *_item_table(book, found),
        book.heading("关键绩效指标对比", st.section, "yearly.indicators", 1),
        *_indicators(book, found, figure + 1),
        book.heading(f"{old.year} 年度以来完成的改进措施", st.section, "yearly.actions", 1),
    ]
    if not previous.closed:
        out.append(Para(f"{old.year} 年度未完成的改进措施中，尚无已完成的。", st.plain))
    else:
        out.append(
            Para(
                f"{old.year} 年度尚未完成、现已完成的改进措施 {len(previous.closed)} 项：", st.body
            )
        )
        out.append(action_table(book, previous.closed, "完成的改进措施（续）"))
    return out


def _bars(book: Book, found: Comparison, figure: int) -> Flowable:
    rows = [(i.item, i.old_pct, i.new_pct) for i in found.items]
    drawing = paired_bars_drawing(rows, book.width, (found.old.year, found.new.year))
    caption = Para(f"图{figure} 各评分项两个年度的自评得分率", book.styles.caption)
    return KeepTogether([gap(2), Figure(drawing, book.width), caption])


def _pct(pct: int | None, band: str) -> str:
    return "未评分" if pct is None else f"{numbers.percent(pct)}（{band}）"


def _change(item: ItemComparison) -> str:
    delta = item.pct_change
    if delta is None:
        return "—"
    return "未变" if delta == 0 else f"{delta:+d}"


def _item_table(book: Book, found: Comparison) -> list[Flowable]:
    st = book.styles
    size = 9.0
    head, cell = st.head_of(size), st.cell_of(size)
    centre = replace(cell, align="center")
    heads = ("评分项", f"{found.old.year} 年度", f"{found.new.year} 年度", "变化（百分点）", "文字")
    data: list[list[Cell]] = [[Para(t, head) for t in heads]]
    changed = set(found.changed_items)
    for i in found.items:
        name = f"{i.item} {i.name}" + ("　●" if i.item in changed else "")
        data.append(
            [
                Para(name, cell),
                Para(_pct(i.old_pct, i.old_band), centre),
                Para(_pct(i.new_pct, i.new_band), centre),
                Para(_change(i), centre),
                Para(i.text.words(), centre),
            ]
        )
    widths = [w * book.width for w in (0.28, 0.21, 0.21, 0.13, 0.17)]
    note = Para("下表中标 ● 的为得分或文字有变化的评分项。", st.note)
    table = captioned(
        "", data, book.width, style=st.caption, continued="各评分项得分对比（续）", widths=widths
    )
    return [note, table]


def _indicators(book: Book, found: Comparison, figure: int) -> list[Flowable]:
    st = book.styles
    old, new = found.old.year, found.new.year
    text = f"两个年度都有的关键绩效指标 {len(found.indicators)} 项"
    if found.only_old:
        text += f"；仅 {old} 年度有 {len(found.only_old)} 项（{'、'.join(found.only_old)}）"
    if found.only_new:
        text += f"；仅 {new} 年度有 {len(found.only_new)} 项（{'、'.join(found.only_new)}）"
    out: list[Flowable] = [Para(text + "。", st.body)]
    if found.indicators:
        out += [
            _panel(book, found.indicators, (f"{old} 年度申报", f"{new} 年度申报")),
            Para(f"图{figure} 两个年度都有的关键绩效指标（两年申报所报数值）", st.caption),
        ]
    return out


def _panel(book: Book, pairs: Sequence[IndicatorPair], labels: tuple[str, str]) -> Flowable:
    """The indicators' charts two to a row, each under its name."""
    half = (book.width - 6 * mm) / 2
    cells: list[list[Flowable]] = []
    for pair in pairs:
        drawing = two_years_drawing(
            pair.old_values, pair.new_values, labels, pair.unit, (half, 130)
        )
        name = Para(pair.name, replace(book.styles.caption, space_before=0.0))
        cells.append([name, Figure(drawing, half)])
    rows = [cells[n : n + 2] for n in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append([])
    table = Table(rows, colWidths=[half + 3 * mm] * 2, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                *plain_style(),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
