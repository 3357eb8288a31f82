"""Read back an Excel scorebook an assessor filled (see :mod:`qualitydesk.store.scorebooklayout`).

:func:`read_scorebook` returns a :class:`ScorebookRead`: the :class:`~qualitydesk.domain.team.
Scorebook` the workbook carries (identity and items from its hidden sheet, narratives from
条目原文, scores from 评分表) and a list of warnings about what was ignored — sheets the assessor
added, item rows deleted, text written beside an empty score. What cannot be read for sure is
refused with a :class:`ScorebookError` whose message names the file, the sheet and the cell:
"评分表 E7：“六十” 不是数字". Nothing is guessed:

- an empty 评分（%） cell is an item not scored; a number must be a whole number 0–100 in the
  framework's step (a cell formatted as a percentage holds a fraction: 0.6 is 60); text is taken
  when it is such a number, in full- or half-width digits, with or without ``%`` ("６０", "60%");
  anything else — other text, a date, a formula — is refused with the cell's address;
- rows are matched by their 条目 id, whatever their order; an id that is not one of the book's
  items, the same id twice, or a filled row without an id is refused;
- merged cells over the 条目 column or the cells to fill are refused with the range;
- a file that is not an .xlsx (a truncated file, an old .xls renamed) is refused with the reason;
  a workbook without the hidden sheet is not one of ours; a newer format version is refused.

Formulas are never read as values: the workbook is loaded with ``data_only=False`` and a formula
in a cell to fill is refused.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from qualitydesk.domain.scoring import ScoreError, check_pct
from qualitydesk.domain.team import AssessorScore, Scorebook, ScorebookItem
from qualitydesk.store import scorebooklayout as lay
from qualitydesk.store.errors import DocumentError

MAX_BYTES = 50 * 1024 * 1024  # a scorebook is some hundred KB; anything this big is not one
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc, .et)
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)%?")
_QUOTED = re.compile(r'"[^"]*"|\\.')  # literal text in a number format
NOT_OURS = "不是质量奖申报助手生成的评分表"


class ScorebookError(DocumentError, ValueError):
    """An Excel scorebook that is refused; the message names the file, sheet and cell."""


SHOWN_BAD = 5  # unusable score cells named in one refusal


@dataclass(frozen=True)
class ScorebookRead:
    """What an Excel scorebook holds, and what was ignored while reading it (in Chinese)."""

    book: Scorebook
    warnings: tuple[str, ...] = ()


def read_scorebook(path: str | Path) -> ScorebookRead:
    """Read the filled Excel scorebook at ``path``, or raise ScorebookError saying why not."""
    path = Path(path)
    try:
        wb = _open(path)
        try:
            return _read(wb)
        finally:
            wb.close()
    except ScorebookError as exc:
        raise ScorebookError(f"{path}：{exc}") from None


def _open(path: Path) -> Workbook:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ScorebookError("文件不存在") from None
    except OSError as exc:
        raise ScorebookError(f"无法读取（{exc.strerror or exc}）") from None
    if len(data) > MAX_BYTES:
        raise ScorebookError(f"{NOT_OURS}（文件太大）")
    if data.startswith(_OLE):
        raise ScorebookError("这是旧版 Excel（.xls）格式的文件；请在 Excel 中另存为 .xlsx 后再交回")
    if not data.startswith(_ZIP):
        raise ScorebookError(f"{NOT_OURS}（不是 .xlsx 文件）")
    try:
        with warnings.catch_warnings():
            # Excel and WPS write extensions openpyxl does not keep; they do not matter here.
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise ScorebookError(
            "文件不完整或已损坏（不是完整的 .xlsx 文件），请让评分人重新发送"
        ) from None
    except (InvalidFileException, KeyError, ParseError, ValueError, TypeError) as exc:
        raise ScorebookError(f"文件已损坏，无法作为 .xlsx 读取（{exc}）") from None


def _read(wb: Workbook) -> ScorebookRead:
    book = _identity(wb)
    notes = [f"已忽略另加的工作表“{name}”" for name in wb.sheetnames if name not in lay.OWN_SHEETS]
    if lay.SCORE_SHEET not in wb.sheetnames:
        raise ScorebookError(f"缺少“{lay.SCORE_SHEET}”工作表")
    scores = _scores(wb[lay.SCORE_SHEET], book, notes)
    if lay.TEXT_SHEET in wb.sheetnames:
        texts = narratives(wb[lay.TEXT_SHEET])
        items = tuple(replace(item, narrative=texts.get(item.id, "")) for item in book.items)
    else:
        items = book.items
        notes.append(f"“{lay.TEXT_SHEET}”工作表已被删除（不影响评分）")
    return ScorebookRead(replace(book, items=items, scores=scores), tuple(notes))


# --- the hidden sheet: whose book this is -----------------------------------------------------


def _identity(wb: Workbook) -> Scorebook:
    if lay.IDENTITY_SHEET not in wb.sheetnames:
        raise ScorebookError(f"{NOT_OURS}（缺少其隐藏的标识页）")
    meta: dict[str, str] = {}
    items: list[ScorebookItem] = []
    for row in wb[lay.IDENTITY_SHEET].iter_rows(values_only=True):
        cells = [_plain(v) for v in row] + ["", "", "", "", ""]
        if cells[0] == lay.ITEM_KEY:
            items.append(ScorebookItem(cells[1], cells[2], _int(cells[3], "分值"), cells[4]))
        elif cells[0]:
            meta[cells[0]] = cells[1]
    if lay.FORMAT_KEY not in meta:
        raise ScorebookError(f"{NOT_OURS}（标识页缺少格式版本）")
    version = _int(meta[lay.FORMAT_KEY], "格式版本")
    if version > lay.FORMAT_VERSION:
        raise ScorebookError(
            f"这份评分表由更新版本的程序生成（格式 {version}，本程序只能读到格式 "
            f"{lay.FORMAT_VERSION}）；请先升级程序再汇总"
        )
    missing = [key for key in lay.IDENTITY_KEYS if not meta.get(key)]
    if missing or not items:
        what = "、".join(missing) if missing else "条目"
        raise ScorebookError(f"评分表的标识页已被改动（缺少 {what}），无法确认它属于哪份申报")
    return Scorebook(
        application=meta["application"],
        round=meta["round"],
        assessor=meta["assessor"],
        org_name=meta["org_name"],
        award=meta["award"],
        framework=meta["framework"],
        year=_int(meta["year"], "年度"),
        handed_out_at=meta["handed_out_at"],
        step=_int(meta["step"], "评分步长"),
        items=tuple(items),
    )


def _plain(value: object) -> str:
    return "" if value is None else str(value)


def _int(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ScorebookError(f"评分表的标识页已被改动（{what}“{text}”不是整数）") from None


# --- 评分表: the scores, cell by cell ----------------------------------------------------------


def _scores(ws: Worksheet, book: Scorebook, notes: list[str]) -> tuple[AssessorScore, ...]:
    head, cols = _header(ws)
    _check_merged(ws, head, [cols[title] for title in (lay.ID, *lay.INPUTS)])
    known = {item.id: n for n, item in enumerate(book.items)}
    seen: dict[str, str] = {}
    found: list[AssessorScore] = []
    bad: list[str] = []  # every unusable 评分（%） cell, so one return fixes them all
    for row in range(head + 1, ws.max_row + 1):
        id_cell = ws.cell(row, cols[lay.ID])
        item = _text(id_cell)
        pct_cell = ws.cell(row, cols[lay.PCT])
        texts = [_text(ws.cell(row, cols[t])) for t in lay.INPUTS[1:]]
        if item == lay.TOTAL:
            continue
        if not item:
            if pct_cell.value not in (None, "") or any(texts):
                raise ScorebookError(f"{_at(id_cell)}：这一行填了内容，但没有条目编号")
            continue
        if item not in known:
            raise ScorebookError(f"{_at(id_cell)}：“{item}” 不是这份评分表的条目")
        if item in seen:
            raise ScorebookError(f"{_at(id_cell)}：条目 {item} 出现了两次（另见 {seen[item]}）")
        seen[item] = id_cell.coordinate
        try:
            pct = read_pct(pct_cell, book.step)
        except ScorebookError as exc:
            bad.append(str(exc))
            continue
        if pct is None:
            if any(texts):
                notes.append(f"{_at(pct_cell)}：条目 {item} 没有评分，其优势、改进机会和评语未汇总")
            continue
        found.append(AssessorScore(book.assessor, item, pct, *texts))
    if bad:
        more = f"；另有 {len(bad) - SHOWN_BAD} 处评分也有问题" if len(bad) > SHOWN_BAD else ""
        raise ScorebookError("；".join(bad[:SHOWN_BAD]) + more)
    gone = [item.id for item in book.items if item.id not in seen]
    if gone:
        notes.append(f"{lay.SCORE_SHEET}中没有条目 {'、'.join(gone)} 的行，按未评分处理")
    return tuple(sorted(found, key=lambda s: known[s.item]))


def _header(ws: Worksheet) -> tuple[int, dict[str, int]]:
    """The header row and the column of every title, found by the titles (not by position)."""
    wanted = {_fold(title): title for title in lay.COLUMNS}
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 30)):
        cols = {wanted[_fold(c.value)]: c.column for c in row if _fold(c.value) in wanted}
        if lay.ID in cols and lay.PCT in cols:
            for title in lay.INPUTS:
                if title not in cols:
                    raise ScorebookError(f"{lay.SCORE_SHEET} 第 {row[0].row} 行：找不到“{title}”列")
            return row[0].row, cols
    raise ScorebookError(f"{lay.SCORE_SHEET}：找不到表头（“{lay.ID}”“{lay.PCT}”所在的行）")


def _fold(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).replace(" ", "") if value else ""


def _check_merged(ws: Worksheet, head: int, columns: list[int]) -> None:
    for merged in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        if merged.max_row > head and any(merged.min_col <= c <= merged.max_col for c in columns):
            raise ScorebookError(
                f"{lay.SCORE_SHEET} {merged.coord}：这些单元格被合并了，无法逐条读取；"
                "请取消合并后再交回"
            )


def _at(cell: Cell) -> str:
    return f"{cell.parent.title} {cell.coordinate}"


def read_pct(cell: Cell, step: int) -> int | None:
    """The percent in a 评分（%） cell, None when it is empty; ScorebookError when it is not one."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if cell.data_type == "f":
        raise ScorebookError(f"{_at(cell)}：是公式（{value}），请直接填写数字")
    if isinstance(value, (datetime, date, time, timedelta)):
        raise ScorebookError(f"{_at(cell)}：是日期或时间（{value}），不是评分")
    number, shown = _number(cell, value)
    if number is None:
        raise ScorebookError(f"{_at(cell)}：“{shown}” 不是数字")
    if number != number.to_integral_value():
        raise ScorebookError(f"{_at(cell)}：{shown} 不是整数；评分是 0–100 之间 {step} 的倍数")
    try:
        return check_pct(int(number), step)
    except ScoreError:
        reason = "不在 0–100 之间" if not 0 <= number <= 100 else f"不是 {step} 的倍数"
        raise ScorebookError(f"{_at(cell)}：{shown} {reason}") from None


def _number(cell: Cell, value: object) -> tuple[Decimal | None, str]:
    """The number a cell holds (a percentage-formatted fraction × 100) and how to show it."""
    if isinstance(value, bool):
        return None, str(value)
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
        if "%" in _QUOTED.sub("", str(cell.number_format)):
            number *= 100
            return number, f"{number.normalize():f}%"
        return number, str(value)
    shown = str(value).strip()
    match = _NUMBER.fullmatch(unicodedata.normalize("NFKC", shown).replace(" ", ""))
    if match is None:
        return None, shown
    try:
        return Decimal(match[1]), shown
    except InvalidOperation:
        return None, shown


def _text(cell: Cell) -> str:
    """A text cell's content ("" when empty); numbers as written; a formula is refused."""
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f":
        raise ScorebookError(f"{_at(cell)}：是公式（{value}），请直接填写文字")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


# --- 条目原文 ------------------------------------------------------------------------------------


def narratives(ws: Worksheet) -> dict[str, str]:
    """The narratives in 条目原文, by item id: each item's rows joined as paragraphs."""
    lines: dict[str, list[str]] = {}
    for row in ws.iter_rows(min_row=2, max_col=len(lay.TEXT_COLUMNS), values_only=True):
        item, text = _plain(row[0]).strip(), _plain(row[-1])
        if not item:
            continue
        parts = lines.setdefault(item, [])
        if text.startswith(lay.CONTINUED) and parts:
            parts[-1] += text.removeprefix(lay.CONTINUED)
        else:
            parts.append(text)
    return {item: lay.PARAGRAPH.join(parts) for item, parts in lines.items()}
