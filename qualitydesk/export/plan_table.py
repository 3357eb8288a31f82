"""The improvement plan's actions as a table of the internal report (改进计划, and the actions
closed since last year in 与往年对比).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.platypus import Flowable

from qualitydesk.export.book import Book
from qualitydesk.export.captions import captioned
from qualitydesk.export.flowables import Para
from qualitydesk.export.tables import Cell
from qualitydesk.store.records import Action

STATUS_NAMES = {"open": "未开始", "doing": "进行中", "done": "已完成", "dropped": "已取消"}
SOURCE_NAMES = {"own": "自评", "examiners": "评审反馈"}


def action_table(
    book: Book, actions: Sequence[Action], continued: str = "改进计划（续）"
) -> Flowable:
    """The actions as a table: 措施, 来源, 评分项, 责任人, 完成期限, 状态 (and a note)."""
    st = book.styles
    size = 9.0
    head, cell = st.head_of(size), st.cell_of(size)
    centre = replace(cell, align="center")
    heads = ("序号", "改进措施", "来源", "评分项", "责任人", "完成期限", "状态")
    data: list[list[Cell]] = [[Para(t, head) for t in heads]]
    for n, a in enumerate(actions, 1):
        title = f"{a.title}（{a.note}）" if a.note else a.title
        data.append(
            [
                Para(str(n), centre),
                Para(title, cell),
                Para(SOURCE_NAMES.get(a.source, a.source), centre),
                Para(a.item or "—", centre),
                Para(a.owner or "—", centre),
                Para(a.due or "—", centre),
                Para(STATUS_NAMES.get(a.status, a.status), centre),
            ]
        )
    widths = [w * book.width for w in (0.07, 0.37, 0.1, 0.09, 0.11, 0.14, 0.12)]
    return captioned("", data, book.width, style=st.caption, continued=continued, widths=widths)
