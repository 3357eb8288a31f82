"""Write an Excel scorebook (.xlsx) for an assessor who will not install the program.

:func:`write_scorebook` puts a :class:`~qualitydesk.domain.team.Scorebook` into a workbook a
manager fills in Excel or WPS and sends back; :func:`qualitydesk.store.scorebookread.
read_scorebook` reads it. The shape (sheets, column titles, the hidden identity) is in
:mod:`qualitydesk.store.scorebooklayout`.

The 评分表 sheet is protected without a password: only the 评分（%）, 优势, 改进机会 and 评语
cells are unlocked, 评分（%） only takes whole numbers 0–100 (with an input message about the
step), 得分 is a formula (分值 × 评分 / 100) and a total row sums it. It prints on A4 landscape,
one page wide, with the header repeated on every page. Text the workbook format cannot hold
(control characters) is left out; text that starts with ``=`` stays text, never a formula.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from qualitydesk.domain.team import AssessorScore, Scorebook
from qualitydesk.store import scorebooklayout as lay
from qualitydesk.store.safewrite import check_target, write_bytes
from qualitydesk.store.scorebookread import ScorebookError

WIDTHS = {
    lay.ID: 8,
    lay.NAME: 22,
    lay.POINTS: 6,
    lay.KIND: 6,
    lay.PCT: 10,
    lay.EARNED: 8,
    lay.STRENGTHS: 40,
    lay.OPPORTUNITIES: 40,
    lay.COMMENT: 30,
}
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", start_color="D9D9D9")
_INPUT_FILL = PatternFill("solid", start_color="FFF8DC")  # light: the cells to fill, also on paper
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
_OPEN = Protection(locked=False)
HELP_LINES = (
    "怎样填写这份评分表",
    "1. 在“评分表”中逐条目填写“评分（%）”：0–100 的整数，且为 {step} 的倍数（如 60）；"
    "不评的条目留空。",
    "2. 在“优势”“改进机会”“评语”中写下您的意见；一个单元格内换行请按 Alt+Enter。",
    "3. “得分”和“合计”会自动计算；条目名称、分值和“条目原文”页只供参考，不能修改。",
    "4. 填好后保存（保持 .xlsx 格式，不要另存为 .xls 或改动隐藏内容），交回自评小组的组织者。",
    "请不要合并单元格、增删条目行或改动“条目”列；评分请直接填写数字，不要填写公式。",
)


def write_scorebook(path: str | Path, book: Scorebook, *, force: bool = False) -> Path:
    """Write ``book`` as an Excel scorebook at ``path`` and return the path written.

    An existing file is replaced only with ``force``; the file is written whole or not at all
    (:mod:`~qualitydesk.store.safewrite`, whose WriteError says why not).
    """
    target = check_target(path, force=force)
    write_bytes(target, scorebook_bytes(book), force=force)
    return target


def scorebook_bytes(book: Scorebook) -> bytes:
    """The .xlsx file of ``book``, as bytes."""
    wb = Workbook()
    _score_sheet(wb.active, book)
    _help_sheet(wb.create_sheet(lay.HELP_SHEET), book)
    _text_sheet(wb.create_sheet(lay.TEXT_SHEET), book)
    _identity_sheet(wb.create_sheet(lay.IDENTITY_SHEET), book)
    wb.active = 0
    wb.calculation.fullCalcOnLoad = True  # no cached results: Excel and WPS compute on opening
    wb.properties.creator = "QualityDesk"
    wb.properties.title = f"{book.org_name} 自评评分表（{book.assessor}）"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(cell: Cell, text: str) -> None:
    """Put ``text`` into ``cell`` as text (never a formula), without what .xlsx cannot hold."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"


def _score_sheet(ws: Worksheet, book: Scorebook) -> None:
    ws.title = lay.SCORE_SHEET
    last = len(lay.COLUMNS)
    _title(ws, book, last)
    head = lay.HEADER_ROW
    for col, title in enumerate(lay.COLUMNS, start=1):
        cell = ws.cell(head, col, title)
        cell.font, cell.fill, cell.border, cell.alignment = (
            Font(bold=True),
            _HEAD_FILL,
            _BORDER,
            _CENTRE,
        )
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[title]
    scores = {s.item: s for s in book.scores}
    for row, item in enumerate(book.items, start=head + 1):
        values = (item.id, item.name, item.points, lay.KIND_LABELS.get(item.kind, item.kind))
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col)
            if isinstance(value, str):
                _text(cell, value)
            else:
                cell.value = value
        _inputs(ws, row, scores.get(item.id))
        for col in range(1, last + 1):
            cell = ws.cell(row, col)
            cell.border = _BORDER
            cell.alignment = _CENTRE if col not in (2, 7, 8, 9) else _WRAP
    end = head + len(book.items)
    _total(ws, end + 1, head + 1, end, last)
    _validation(ws, book.step, head + 1, end)
    _page(ws, head)


def _title(ws: Worksheet, book: Scorebook, last: int) -> None:
    _text(ws.cell(1, 1), f"{book.org_name}　{book.year} 年度自评评分表")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    handed = book.handed_out_at[:10]
    rule = f"评分 0–100，{book.step} 的倍数"
    _text(ws.cell(2, 1), f"{book.award}　评分人：{book.assessor}　发放日期：{handed}　（{rule}）")
    for row in (1, 2):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        ws.cell(row, 1).alignment = Alignment(vertical="center")
    ws.row_dimensions[1].height = 24


def _inputs(ws: Worksheet, row: int, score: AssessorScore | None) -> None:
    """The cells the assessor fills (unlocked, tinted), with what was given before, if any."""
    col = {title: n for n, title in enumerate(lay.COLUMNS, start=1)}
    pct = ws.cell(row, col[lay.PCT])
    pct.number_format = "0"
    if score is not None:
        pct.value = score.pct
        texts = (score.strengths, score.opportunities, score.comment)
    else:
        texts = ("", "", "")
    for title, text in zip((lay.STRENGTHS, lay.OPPORTUNITIES, lay.COMMENT), texts, strict=True):
        if score is not None and len(text) > lay.CELL_MAX:
            raise ScorebookError(f"条目 {score.item} 的{title}超过 Excel 单元格的长度上限")
        if text:
            _text(ws.cell(row, col[title]), text)
    for title in lay.INPUTS:
        cell = ws.cell(row, col[title])
        cell.protection, cell.fill = _OPEN, _INPUT_FILL
    points = get_column_letter(col[lay.POINTS])
    given = get_column_letter(col[lay.PCT])
    earned = ws.cell(row, col[lay.EARNED])
    earned.value = f'=IF({given}{row}="","",{points}{row}*{given}{row}/100)'
    earned.number_format = "0.00"


def _total(ws: Worksheet, row: int, first: int, end: int, last: int) -> None:
    col = {title: n for n, title in enumerate(lay.COLUMNS, start=1)}
    _text(ws.cell(row, col[lay.ID]), lay.TOTAL)
    for title in (lay.POINTS, lay.EARNED):
        letter = get_column_letter(col[title])
        ws.cell(row, col[title]).value = f"=SUM({letter}{first}:{letter}{end})"
    ws.cell(row, col[lay.EARNED]).number_format = "0.00"
    for n in range(1, last + 1):
        cell = ws.cell(row, n)
        cell.font, cell.border, cell.alignment = Font(bold=True), _BORDER, _CENTRE


def _validation(ws: Worksheet, step: int, first: int, end: int) -> None:
    letter = get_column_letter(lay.COLUMNS.index(lay.PCT) + 1)
    check = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle="评分（%）",
        prompt=f"填写 0–100 的整数，{step} 的倍数（如 60）；不评则留空。",
        errorTitle="评分不对",
        error=f"评分是 0–100 的整数，{step} 的倍数。",
    )
    ws.add_data_validation(check)
    if end >= first:
        check.add(f"{letter}{first}:{letter}{end}")


def _page(ws: Worksheet, head: int) -> None:
    """Frozen header and item columns, A4 landscape one page wide, header on every page."""
    ws.freeze_panes = ws.cell(head + 1, 3)
    ws.print_title_rows = f"{head}:{head}"
    _print_setup(ws, landscape=True)
    _protect(ws)


def _print_setup(ws: Worksheet, *, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _protect(ws: Worksheet) -> None:
    """Locked cells stay as written; columns and rows may still be resized. No password."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _help_sheet(ws: Worksheet, book: Scorebook) -> None:
    ws.column_dimensions["A"].width = 100
    for row, line in enumerate(HELP_LINES, start=1):
        cell = ws.cell(row, 1)
        _text(cell, line.format(step=book.step))
        cell.alignment = _WRAP
    ws.cell(1, 1).font = Font(bold=True, size=14)
    _print_setup(ws, landscape=False)
    _protect(ws)


def _text_sheet(ws: Worksheet, book: Scorebook) -> None:
    """Each item's narrative, one row per paragraph (long ones go on in the next rows)."""
    for col, (title, width) in enumerate(zip(lay.TEXT_COLUMNS, (8, 22, 100), strict=True), 1):
        cell = ws.cell(1, col, title)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEAD_FILL, _BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    row = 2
    for item in book.items:
        for n, part in enumerate(narrative_rows(item.narrative)):
            _text(ws.cell(row, 1), item.id)
            if n == 0:
                _text(ws.cell(row, 2), item.name)
            if part:
                _text(ws.cell(row, 3), part)
            for col in (1, 2, 3):
                ws.cell(row, col).alignment = _WRAP
            row += 1
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    _print_setup(ws, landscape=False)
    _protect(ws)


def narrative_rows(text: str) -> list[str]:
    """``text`` as the rows of 条目原文, one per paragraph; a paragraph longer than a row shows
    goes on in the next rows (cut after a 。 where there is one), each marked with a leading
    :data:`~qualitydesk.store.scorebooklayout.CONTINUED` (invisible), so that joining the rows
    as the reader does gives ``text`` back exactly.
    """
    rows: list[str] = []
    for paragraph in text.split(lay.PARAGRAPH):
        pieces = _pieces(paragraph)
        rows.append(pieces[0])
        rows.extend(lay.CONTINUED + piece for piece in pieces[1:])
    return rows


def _pieces(paragraph: str) -> list[str]:
    pieces = []
    while len(paragraph) > lay.ROW_TEXT_MAX:
        cut = paragraph.rfind("。", lay.ROW_TEXT_MAX // 2, lay.ROW_TEXT_MAX) + 1 or lay.ROW_TEXT_MAX
        pieces.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    return [*pieces, paragraph]


def _identity_sheet(ws: Worksheet, book: Scorebook) -> None:
    values = [getattr(book, key) for key in lay.IDENTITY_KEYS]
    rows = [(lay.FORMAT_KEY, str(lay.FORMAT_VERSION))]
    rows += [(key, str(value)) for key, value in zip(lay.IDENTITY_KEYS, values, strict=True)]
    for row, (key, value) in enumerate(rows, start=1):
        _text(ws.cell(row, 1), key)
        _text(ws.cell(row, 2), value)
    for row, item in enumerate(book.items, start=len(rows) + 1):
        for col, value in enumerate(
            (lay.ITEM_KEY, item.id, item.name, str(item.points), item.kind), 1
        ):
            _text(ws.cell(row, col), value)
    ws.sheet_state = "veryHidden"
    _protect(ws)
