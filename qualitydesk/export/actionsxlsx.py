"""The improvement plan (改进计划) as an Excel workbook (.xlsx, with openpyxl).

One sheet, one row per action: 序号, 改进事项, 来源 (自评 / 评审反馈), 条目 (id and name),
负责人, 计划完成 (a real date), 状态 (in Chinese) and 备注; the header is styled, filtered and
frozen, the columns sized, and an action still open after its due date is marked (a red row,
状态 “…（已逾期）”). The file is written through a temporary file and moved into place.
No Qt here.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from qualitydesk.domain.forms import Framework
from qualitydesk.store import safewrite
from qualitydesk.store.improvement import SOURCE_LABELS, STATUS_LABELS, due_date, is_overdue
from qualitydesk.store.records import Action

if TYPE_CHECKING:
    from openpyxl import Workbook

SHEET = "改进计划"
COLUMNS = (  # header, width in characters
    ("序号", 6),
    ("改进事项", 48),
    ("来源", 10),
    ("条目", 24),
    ("负责人", 10),
    ("计划完成", 12),
    ("状态", 14),
    ("备注", 36),
)
OVERDUE = "（已逾期）"
HEADER_FILL, HEADER_FONT = "1F4E79", "FFFFFF"
OVERDUE_FILL, OVERDUE_FONT = "FFC7CE", "9C0006"  # Excel's own “bad” colours
WRAPPED = (2, 4, 8)  # columns whose text wraps (改进事项, 条目, 备注)


def item_label(framework: Framework, item: str) -> str:
    """“4.1.2 高层领导的作用” for an item of ``framework``; its id if unknown; "" for none."""
    if not item:
        return ""
    try:
        found = framework.item(item)
    except KeyError:
        return item
    return f"{found.id} {found.name}"


def actions_workbook(actions: Sequence[Action], framework: Framework, *, today: date) -> Workbook:
    """The workbook of ``actions`` (in the order given); overdue as of ``today``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([header for header, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color=HEADER_FONT)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for number, action in enumerate(actions, 1):
        late = is_overdue(action, today)
        status = STATUS_LABELS.get(action.status, action.status) + (OVERDUE if late else "")
        sheet.append(
            [
                number,
                action.title,
                SOURCE_LABELS.get(action.source, action.source),
                item_label(framework, action.item),
                action.owner,
                due_date(action.due) or action.due,
                status,
                action.note,
            ]
        )
        row = sheet[sheet.max_row]
        row[5].number_format = "yyyy-mm-dd"
        for column in WRAPPED:
            row[column - 1].alignment = Alignment(wrap_text=True, vertical="top")
        if late:
            for cell in row:
                cell.fill = PatternFill("solid", fgColor=OVERDUE_FILL)
                cell.font = Font(color=OVERDUE_FONT)
    for n, (_, width) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{sheet.max_row}"
    sheet.print_title_rows = "1:1"
    return book


def write_actions(
    actions: Sequence[Action],
    framework: Framework,
    target: str | os.PathLike[str],
    *,
    today: date | None = None,
    force: bool = False,
) -> Path:
    """Write the improvement plan to the workbook ``target``; an existing file is replaced only
    with ``force`` (and never an application file). WriteError (a DocumentError) says why not.
    """
    path = safewrite.check_target(target, force=force)
    book = actions_workbook(actions, framework, today=today or date.today())
    out = io.BytesIO()
    book.save(out)
    safewrite.write_bytes(path, out.getvalue(), force=force)
    return path
