"""申请表 as ruled forms like the official ones, and 资格自查与承诺 with a signature block.

The 申请表's sections are headed (组织基本信息, 近三年主要经济指标), not numbered as report tables
are; a section's table continued on the next page is headed "<section>（续）" there, over its
repeated header row. Labels are set in at most three lines of even length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import FieldGroup, FieldSpec, TableSpec
from qualitydesk.export.book import Book, format_value, gap
from qualitydesk.export.captions import captioned
from qualitydesk.export.flowables import Para, natural_width
from qualitydesk.export.tables import PADDING, Cell, grid, type_size
from qualitydesk.store import readiness

LABEL = 34 * mm  # holds 8 characters a line: a label of up to 24 in three even lines
LABEL_LINES = 3
SHORT_VALUE = 15  # characters: a longer value gets a whole row


def application_form(book: Book) -> list[Flowable]:
    """The 申请表 part: each group of fields as a ruled label/value table, then each table of the
    form (by year, or row by row; （无） when empty).
    """
    st = book.styles
    name = book.part_name("form", "申请表")
    out: list[Flowable] = [book.heading(name, st.part, "part.form", 0)]
    for group in book.forms.form.groups:
        out.append(book.heading(group.name, st.section, f"form.{group.id}", 1, toc=False))
        out += [*_group_tables(book, group), gap(3)]
    for table in book.forms.form.tables:
        rows = book.doc.rows(table.id)
        out.append(book.heading(table.name, st.section, f"form.{table.id}", 1, toc=False))
        if not rows:
            out.append(Para("（无）", st.plain))
        elif table.by_year:
            out.append(_by_year_table(book, table, rows))
        else:
            out.append(_row_table(book, table, rows))
        out.append(gap(3))
    return out


def _group_rows(book: Book, group: FieldGroup) -> list[list[Para]]:
    """Rows of label/value cells: two short fields side by side, a long one on its own."""
    st = book.styles
    rows: list[list[Para]] = []
    waiting: list[Para] = []
    for spec in group.fields:
        value = format_value(spec, book.doc.field(spec.id))
        cells = [Para(spec.label, st.label_cell), Para(value, st.cell)]
        if spec.type == "multiline" or len(value) > SHORT_VALUE or len(spec.label) > 9:
            if waiting:
                rows.append(waiting)
                waiting = []
            rows.append(cells)
        else:
            waiting += cells
            if len(waiting) == 4:
                rows.append(waiting)
                waiting = []
    if waiting:
        rows.append(waiting)
    return rows


def _group_tables(book: Book, group: FieldGroup) -> list[Flowable]:
    """Label | value | label | value, long values across the whole row.

    Built as a stack of tables without spanned cells (reportlab cannot split a spanned row
    across pages, and a pasted text may be longer than a page); their borders coincide.
    """
    rows = _group_rows(book, group)
    label = _label_width([row[i] for row in rows for i in range(0, len(row), 2)])
    value = (book.width - 2 * label) / 2
    layouts = {
        4: ([label, value, label, value], [((0, 0), (0, -1)), ((2, 0), (2, -1))]),
        2: ([label, book.width - label], [((0, 0), (0, -1))]),
    }
    tables: list[Flowable] = []
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and len(rows[end]) == len(rows[start]):
            end += 1
        widths, shaded = layouts[len(rows[start])]
        block = rows[start:end]
        tables.append(grid(block, book.width, header_rows=0, widths=widths, shaded=shaded))
        start = end
    return tables


def _label_width(labels: Sequence[Para]) -> float:
    """:data:`LABEL`, or wider when a label would need more than three lines in it."""
    longest = max((natural_width(p) for p in labels), default=0.0)
    return max(LABEL, longest / LABEL_LINES * 1.15 + 2 * PADDING)


def column_label(spec: FieldSpec) -> str:
    """A column's header: its label, with the unit in brackets when it has one."""
    return f"{spec.label}（{spec.unit}）" if spec.unit else spec.label


def plain_value(spec: FieldSpec, value: object) -> str:
    """A value in a table whose header already names the unit."""
    if spec.type in ("money", "percent", "integer") and value not in (None, ""):
        text = str(value).strip().rstrip("%")
        return numbers.integer(text) if spec.type == "integer" else numbers.decimal(text, 2)
    return format_value(spec, value)


def _by_year_table(book: Book, table: TableSpec, rows: Sequence[Mapping[str, object]]) -> Flowable:
    """Years across (the last three), figures down, as the official 申请表 has them."""
    ordered = sorted(rows, key=lambda r: str(r.get("year", "")))[-3:]
    st = book.styles
    head: list[Cell] = [Para("指标", st.head_cell)]
    head += [Para(f"{r.get('year', '')}年", st.head_cell) for r in ordered]
    data: list[list[Cell]] = [head]
    right = st.cell_of(st.cell.size, "right")
    for spec in table.columns:
        if spec.id == "year":
            continue
        cells = [Para(plain_value(spec, r.get(spec.id)), right) for r in ordered]
        data.append([Para(column_label(spec), st.label_cell), *cells])
    first = 62 * mm
    rest = (book.width - first) / max(len(ordered), 1)
    return captioned(
        "",
        data,
        book.width,
        style=st.caption,
        continued=f"{table.name}（续）",
        widths=[first] + [rest] * len(ordered),
        labels=[0],
    )


def _row_table(book: Book, table: TableSpec, rows: Sequence[Mapping[str, object]]) -> Flowable:
    st = book.styles
    size = type_size(len(table.columns) + 1)
    head_style = st.head_of(size)
    cell = st.cell_of(size)
    header: list[Cell] = [Para("序号", head_style)]
    header += [Para(column_label(c), head_style) for c in table.columns]
    data: list[list[Cell]] = [header]
    for i, row in enumerate(rows, 1):
        values = [Para(plain_value(c, row.get(c.id)), cell) for c in table.columns]
        data.append([Para(str(i), replace(cell, align="center")), *values])
    return captioned("", data, book.width, style=st.caption, continued=f"{table.name}（续）")


# --- 资格自查与承诺 --------------------------------------------------------------------------


def commitment(book: Book) -> list[Flowable]:
    """The 资格自查与承诺 part: every eligibility rule with the result of the self-check and the
    applicant's declaration, then the pledge and its signature block.
    """
    st = book.styles
    award = book.award
    name = book.part_name("commitment", "资格自查与承诺")
    findings = readiness.eligibility_findings(book.doc, book.forms)
    out: list[Flowable] = [
        book.heading(name, st.part, "part.commitment", 0),
        book.heading("一、申报资格自查", st.section, "commitment.check", 1),
        Para(
            f"依据《{award.document}》的申报条件逐条自查，结果如下（“已声明”的条款由申报组织确认，"
            "证实性材料见本材料“证实性材料”部分）。",
            st.body,
        ),
    ]
    size = 9.5
    head = st.head_of(size)
    cell = st.cell_of(size)
    data: list[list[Cell]] = [
        [Para(t, head) for t in ("序号", "条款", "申报条件", "自查结果", "依据与说明")]
    ]
    for i, finding in enumerate(findings, 1):
        rule = finding.rule
        data.append(
            [
                Para(str(i), replace(cell, align="center")),
                Para(rule.citation, cell),
                Para(rule.text.strip(), cell),
                Para(finding.status.label, replace(cell, align="center")),
                Para(explanation(book, rule.id, finding.reason), cell),
            ]
        )
    widths = [10 * mm, 22 * mm, 56 * mm, 18 * mm]
    out.append(
        captioned(
            "",
            data,
            book.width,
            style=st.caption,
            continued="申报资格自查（续）",
            widths=[*widths, book.width - sum(widths)],
        )
    )
    out += _pledge(book)
    return out


def explanation(book: Book, rule_id: str, reason: str) -> str:
    """The 依据与说明 of a clause: the verdict's reason, and the declaration and its materials."""
    parts = [reason]
    declaration = book.doc.declaration(rule_id)
    if declaration and declaration.affirmed:
        if declaration.statement:
            parts.append(f"声明：{declaration.statement}")
        if declaration.evidence:
            parts.append(f"证实材料：{declaration.evidence}")
    return "\n".join(p for p in parts if p)


def _pledge(book: Book) -> list[Flowable]:
    st = book.styles
    award = book.award
    doc = book.doc
    signed = bool(doc.field("person_commitment" if award.individual else "commitment_signed"))
    text = book.pledge
    sign = replace(st.plain, align="left", leading=30.0)
    out: list[Flowable] = [
        book.heading("二、申报承诺", st.section, "commitment.pledge", 1),
        Para(text, st.body),
    ]
    if not signed:
        out.append(Para("（申报组织尚未在申请表中确认本承诺。）", st.note))
    out += [gap(14), *(Para(line, sign) for line in book.pledge_lines)]
    return [gap(6), KeepTogether(out)]
