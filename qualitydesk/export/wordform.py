"""The parts of the Word copy that are forms: 申请表, 资格自查与承诺 and 推荐意见.

The 申请表's groups are label | value tables, its tables Word tables (years across for the
financial ones, as the official form has them); 资格自查与承诺 lists every eligibility clause with
its result and the pledge with its signature lines; 推荐意见 is the recommender's box. Values
and wording come from the same helpers as the PDF's (:mod:`~qualitydesk.export.form`,
:mod:`~qualitydesk.export.book`). The other parts are :mod:`~qualitydesk.export.wordparts`'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import _Cell
from reportlab.lib.units import mm

from qualitydesk.domain.forms import FieldGroup, TableSpec
from qualitydesk.export import wordxml
from qualitydesk.export.book import format_value
from qualitydesk.export.form import LABEL, SHORT_VALUE, column_label, explanation, plain_value
from qualitydesk.export.wordparts import WordBook
from qualitydesk.export.wordruns import Run, add_runs, plain
from qualitydesk.export.wordtext import CELL, NOTE, TEXT_WIDTH_MM, set_widths
from qualitydesk.store import readiness

LABEL_FILL = "F5F5F5"
LABEL_MM = LABEL / mm  # the 申请表 label column, as in the PDF


def application_form(wb: WordBook) -> None:
    """申请表: each group of fields as a label | value table, then each table of the form."""
    book = wb.book
    wb.heading(book.part_name("form", "申请表"), 1)
    for group in book.forms.form.groups:
        wb.subtitle(group.name)
        _group_table(wb, group)
    for table in book.forms.form.tables:
        rows = book.doc.rows(table.id)
        wb.subtitle(table.name)
        if not rows:
            wb.para("（无）", NOTE)
        elif table.by_year:
            _by_year_table(wb, table, rows)
        else:
            _row_table(wb, table, rows)


def _group_table(wb: WordBook, group: FieldGroup) -> None:
    """Label | value | label | value; a long value takes the rest of its row."""
    book = wb.book
    rows: list[list[tuple[str, str]]] = []
    waiting: list[tuple[str, str]] = []
    for spec in group.fields:
        value = format_value(spec, book.doc.field(spec.id))
        if spec.type == "multiline" or len(value) > SHORT_VALUE or len(spec.label) > 9:
            if waiting:
                rows.append(waiting)
                waiting = []
            rows.append([(spec.label, value)])
        else:
            waiting.append((spec.label, value))
            if len(waiting) == 2:
                rows.append(waiting)
                waiting = []
    if waiting:
        rows.append(waiting)
    value_mm = (TEXT_WIDTH_MM - 2 * LABEL_MM) / 2
    widths = [LABEL_MM, value_mm, LABEL_MM, value_mm]
    table = wb.text.ruled_table(len(rows), 4)
    set_widths(table, widths)
    for row, pairs in zip(table.rows, rows, strict=True):
        cells = row.cells
        if len(pairs) == 1:
            cells[1].merge(cells[3])
        for (label, value), c in zip(pairs, (0, 2), strict=False):
            _cell(wb, cells[c], label, head=True)
            _cell(wb, cells[c + 1], value)


def _cell(wb: WordBook, cell: _Cell, text: str, *, head: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    wb.text.restyle(paragraph, CELL)
    add_runs(paragraph, plain(text))
    if head:
        wordxml.shade(cell, LABEL_FILL)


def _by_year_table(wb: WordBook, table: TableSpec, rows: Sequence[Mapping[str, object]]) -> None:
    """Years across (the last three), figures down, as the official 申请表 has them."""
    ordered = sorted(rows, key=lambda r: str(r.get("year", "")))[-3:]
    data: list[list[list[Run]]] = [
        [plain("指标"), *(plain(f"{r.get('year', '')}年") for r in ordered)]
    ]
    for spec in table.columns:
        if spec.id == "year":
            continue
        values = [plain(plain_value(spec, r.get(spec.id))) for r in ordered]
        data.append([plain(column_label(spec)), *values])
    first = 62.0
    rest = (TEXT_WIDTH_MM - first) / max(len(ordered), 1)
    wb.text.table(
        data,
        widths_mm=[first] + [rest] * len(ordered),
        aligns=["left"] + ["right"] * len(ordered),
    )


def _row_table(wb: WordBook, table: TableSpec, rows: Sequence[Mapping[str, object]]) -> None:
    data: list[list[list[Run]]] = [
        [plain("序号"), *(plain(column_label(c)) for c in table.columns)]
    ]
    for i, row in enumerate(rows, 1):
        data.append([plain(str(i)), *(plain(plain_value(c, row.get(c.id))) for c in table.columns)])
    wb.text.table(data, aligns=["center"])


# --- 资格自查与承诺 --------------------------------------------------------------------------


def commitment(wb: WordBook) -> None:
    """资格自查与承诺: every eligibility clause with its result, then the pledge."""
    book = wb.book
    award = book.award
    wb.heading(book.part_name("commitment", "资格自查与承诺"), 1)
    wb.heading("一、申报资格自查", 2)
    wb.para(
        f"依据《{award.document}》的申报条件逐条自查，结果如下（“已声明”的条款由申报组织确认，"
        "证实性材料见本材料“证实性材料”部分）。"
    )
    findings = readiness.check(book.doc, book.forms).eligibility
    data: list[list[list[Run]]] = [
        [plain(t) for t in ("序号", "条款", "申报条件", "自查结果", "依据与说明")]
    ]
    for i, finding in enumerate(findings, 1):
        rule = finding.rule
        note = explanation(book, rule.id, finding.reason)
        cells = (str(i), rule.citation, rule.text.strip(), finding.status.label, note)
        data.append([plain(t) for t in cells])
    widths = [10.0, 22.0, 56.0, 18.0]
    wb.text.table(
        data,
        widths_mm=[*widths, TEXT_WIDTH_MM - sum(widths)],
        aligns=["center", "left", "left", "center", "left"],
        size=9.5,
    )
    _pledge(wb)


def _pledge(wb: WordBook) -> None:
    book = wb.book
    doc = book.doc
    wb.heading("二、申报承诺", 2)
    wb.para(book.pledge)
    signed = doc.field("person_commitment" if book.award.individual else "commitment_signed")
    if not signed:
        wb.para("（申报组织尚未在申请表中确认本承诺。）", NOTE)
    lines = book.pledge_lines
    for i, line in enumerate(lines):
        paragraph = wb.para(line, NOTE)
        paragraph.paragraph_format.line_spacing = 2.0
        if i == 0:
            paragraph.paragraph_format.space_before = Pt(30)


def recommendation(wb: WordBook) -> None:
    """推荐意见: the recommender, its opinion and the box for its seal."""
    book = wb.book
    doc = book.doc
    wb.heading(book.part_name("recommendation", "推荐意见"), 1)
    opinion = str(doc.field("recommender_opinion") or "")
    table = wb.text.ruled_table(3, 2)
    labels = ("推荐单位", "推荐意见", "签章")
    values = (
        str(doc.field("recommender") or ""),
        opinion,
        "推荐单位（盖章）\n\n负责人（签字）：\n\n年　　月　　日",
    )
    set_widths(table, [32.0, TEXT_WIDTH_MM - 32])
    for row, label, value in zip(table.rows, labels, values, strict=True):
        _cell(wb, row.cells[0], label, head=True)
        _cell(wb, row.cells[1], value)
    table.rows[1].height = Mm(50 if opinion else 80)
    table.rows[2].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if book.award.recommender:
        wb.para(f"推荐单位范围：{book.award.recommender}", NOTE)
