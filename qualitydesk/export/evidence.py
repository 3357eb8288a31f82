"""关键绩效数据 (a data table and trend charts per results item) and 证实性材料 (the list, then
every attachment: images scaled onto pages, PDF pages placed one per page after the build).

Attachments pass through :mod:`qualitydesk.export.sanitise` first (images bounded and scaled
to print resolution) or :mod:`qualitydesk.export.pdfclean` (PDFs reduced to their visible
pages). One that cannot be printed gets a page saying which file and why, and the rest of the
package is made; ``book.notes`` tells the user what was left out of each attachment.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from qualitydesk.domain import numbers
from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.indicators import Indicator
from qualitydesk.export.blocks import Figure, PageRef, PageSlot, Picture
from qualitydesk.export.book import Book
from qualitydesk.export.captions import captioned
from qualitydesk.export.flowables import Para
from qualitydesk.export.graphics import trend_drawing
from qualitydesk.export.pdfclean import CleanPdf, clean_pdf, removed_note
from qualitydesk.export.sanitise import AttachmentProblem, PrintImage
from qualitydesk.export.tables import Cell, plain_style
from qualitydesk.store.document import DocumentError
from qualitydesk.store.records import Attachment

CHART_HEIGHT = 165.0
KEEP_FOR_HEADING = 46.0  # points above an attachment's first page: its heading and file line


# --- 关键绩效数据 -----------------------------------------------------------------------------


def indicators(book: Book) -> list[Flowable]:
    """The 关键绩效数据 part: per item, a table of the indicators' last five years, targets and
    comparisons, their trend charts two to a row, and where the comparisons come from.
    """
    st = book.styles
    name = book.part_name("indicators", "关键绩效数据")
    out: list[Flowable] = [book.heading(name, st.part, "part.indicators", 0)]
    groups = by_item(book)
    if not groups:
        return [*out, Para("（未填写关键绩效指标）", st.plain)]
    for prefix, title, items in groups:
        book.check(f"正在排版：关键绩效数据 {title}")
        out.append(book.heading(title, st.section, f"kpi.{prefix}", 1))
        out += _data_table(book, prefix, items)
        out += _charts(book, prefix, items)
        out += _sources(book, items)
    return out


def by_item(book: Book) -> list[tuple[str, str, list[Indicator]]]:
    """The indicators grouped by the item they belong to, in the framework's order (others last)."""
    found = book.doc.indicators()
    groups: list[tuple[str, str, list[Indicator]]] = []
    known = {item.id for item in book.framework.items}
    for item in book.framework.items:
        members = [i for i in found if i.item == item.id]
        if members:
            groups.append((item.id, f"{item.id} {item.name}", members))
    others = [i for i in found if i.item not in known]
    if others:
        groups.append(("其他", "其他指标", others))
    return groups


def _data_table(book: Book, prefix: str, items: list[Indicator]) -> list[Flowable]:
    st = book.styles
    years = sorted({y for i in items for y in i.values})[-5:]
    size = 9.0
    head, cell = st.head_of(size), st.cell_of(size)
    right = replace(cell, align="right")
    header = ["指标", "单位", *[f"{y}年" for y in years], "目标", "竞争对手", "标杆"]
    data: list[list[Cell]] = [[Para(h, head) for h in header]]
    for ind in items:
        arrow = "↑" if ind.better == "higher" else "↓"
        values = [figure_text(ind.values.get(y)) for y in years]
        refs = [figure_text(ind.target), figure_text(ind.competitor), figure_text(ind.benchmark)]
        row: list[Cell] = [Para(ind.name, cell)]
        row += [Para(f"{ind.unit}{arrow}", replace(cell, align="center"))]
        data.append(row + [Para(v, right) for v in values + refs])
    caption = f"{book.numbering.table(prefix)} 关键绩效指标"
    note = Para("注：↑ 表示数值越高越好，↓ 表示越低越好；“—”表示无数据。", st.note)
    return [captioned(caption, data, book.width, style=st.caption), note]


def figure_text(value: float | None) -> str:
    """A figure as printed in a table: — for none."""
    return "—" if value is None else numbers.number(value)


def _charts(book: Book, prefix: str, items: list[Indicator]) -> list[Flowable]:
    half = book.width / 2
    cells: list[list[Flowable]] = []
    for ind in items:
        if not ind.values:
            continue
        label = book.numbering.charts.get(ind.id) or book.numbering.figure(prefix)
        book.numbering.charts[ind.id] = label
        drawing = trend_drawing(trend_chart(ind), half - 10, CHART_HEIGHT)
        cells.append([Figure(drawing), Para(f"{label} {ind.name}", book.styles.caption)])
    if not cells:
        return []
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1] = [*rows[-1], []]
    style = TableStyle(
        [*plain_style(), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]
    )
    return [Table(rows, colWidths=[half, half], style=style, hAlign="CENTER")]


def source_lines(items: list[Indicator]) -> list[str]:
    """``指标——竞争对手：…；标杆：…`` for every indicator that names where its comparisons come from
    (the package's 数据来源 note, in the PDF and in the Word copy).
    """
    lines = []
    for ind in items:
        sources = [
            f"竞争对手：{ind.competitor_source}" if ind.competitor_source else "",
            f"标杆：{ind.benchmark_source}" if ind.benchmark_source else "",
        ]
        sources = [s for s in sources if s]
        if sources:
            lines.append(f"{ind.name}——{'；'.join(sources)}")
    return lines


def _sources(book: Book, items: list[Indicator]) -> list[Flowable]:
    lines = source_lines(items)
    if not lines:
        return []
    return [Para("数据来源：\n" + "\n".join(lines), book.styles.note)]


# --- 证实性材料 -------------------------------------------------------------------------------


def evidence(book: Book) -> list[Flowable]:
    """The 证实性材料 part: the list of attachments, then each attachment on its own pages (an image
    as a picture, a PDF's own pages, anything else a note).
    """
    st = book.styles
    name = book.part_name("evidence", "证实性材料")
    attachments = ordered_attachments(book)
    out: list[Flowable] = [book.heading(name, st.part, "part.evidence", 0)]
    if not attachments:
        return [*out, Para("（未添加证实性材料）", st.plain)]
    out.append(book.heading("材料清单", st.section, "evidence.list", 1, toc=False))
    out.append(_list_table(book, attachments))
    for n, attachment in enumerate(attachments, 1):
        book.check(f"正在排版：附件{n}")
        out += [PageBreak(), *_attachment(book, n, attachment)]
    return out


def ordered_attachments(book: Book) -> list[Attachment]:
    """Attachments in the order of the programme's checklist, the others after them."""
    order = {spec.id: i for i, spec in enumerate(book.award.attachments)}
    unlisted = len(order)

    def rank(a: Attachment) -> tuple[int, int]:
        places = [
            order[link.target]
            for link in a.links
            if link.kind == "checklist" and link.target in order
        ]
        return (min(places) if places else unlisted, a.id)

    return sorted(book.doc.attachments(), key=rank)


def proves(book: Book, attachment: Attachment) -> str:
    """What ``attachment`` is linked to prove: clauses, items and indicators, in words."""
    found: list[str] = []
    for link in attachment.links:
        if link.kind == "rule":
            try:
                found.append(book.award.rule(link.target).citation)
            except KeyError:
                found.append(link.target)
        elif link.kind == "item":
            found.append(f"自评报告 {link.target}")
    return "、".join(dict.fromkeys(found))


def _list_table(book: Book, attachments: list[Attachment]) -> Flowable:
    st = book.styles
    size = 9.5
    head, cell = st.head_of(size), st.cell_of(size)
    centre = replace(cell, align="center")
    data: list[list[Cell]] = [
        [Para(t, head) for t in ("序号", "材料名称", "文件", "证明事项", "页码")]
    ]
    for n, a in enumerate(attachments, 1):
        data.append(
            [
                Para(str(n), centre),
                Para(a.caption or a.file_name, cell),
                Para(a.file_name, cell),
                Para(proves(book, a), cell),
                PageRef(f"att.{a.id}", centre),
            ]
        )
    widths = [10 * mm, 60 * mm, 44 * mm, 0.0, 14 * mm]
    widths[3] = book.width - sum(widths)
    return captioned(
        "", data, book.width, style=st.caption, continued="材料清单（续）", widths=widths
    )


def _attachment(book: Book, n: int, attachment: Attachment) -> list[Flowable]:
    st = book.styles
    title = f"附件{n}　{attachment.caption or attachment.file_name}"
    heading = book.heading(title, st.item, f"att.{attachment.id}", 1, toc=False)
    out: list[Flowable] = [heading]
    room = book.geometry.text_height - KEEP_FOR_HEADING - 12
    if attachment.media_type.startswith("image/"):
        found = book.print_image(attachment.id)
        if isinstance(found, PrintImage):
            picture = Picture(found.data, found.pixels, book.width, room)
            return [*out, _file_line(book, attachment.file_name), picture]
        problem = found or AttachmentProblem("文件内容已丢失或损坏")
        return [*out, _unreadable(book, "图片", attachment, problem)]
    if attachment.media_type == "application/pdf" or attachment.file_name.lower().endswith(".pdf"):
        return out + _pdf_pages(book, n, attachment)
    return [
        *out,
        _note(
            book,
            f"“{attachment.file_name}”（{attachment.media_type}）不是图片或 PDF，"
            "无法直接印出，请另附纸质件。",
        ),
    ]


def _file_line(book: Book, text: str) -> Para:
    return Para(f"文件：{text}", replace(book.styles.note, align="center"))


def _note(book: Book, text: str) -> Para:
    return Para(text, replace(book.styles.note, align="center", space_before=24.0))


def _unreadable(book: Book, kind: str, attachment: Attachment, problem: AttachmentProblem) -> Para:
    """The page in place of an attachment that cannot be printed; the export notes it too."""
    book.note_problem(attachment.id, problem)
    text = f"{kind}“{attachment.file_name}”无法读取：{problem.reason}。未能印出，{problem.advice}。"
    return _note(book, text)


def _pdf_pages(book: Book, n: int, attachment: Attachment) -> list[Flowable]:
    """A slot per page, each filling the text block under the lines above it (the heading and
    the file line on the first page, the 续 line on the others).
    """
    try:
        clean = _clean_pdf(book, n, attachment)
    except AttachmentProblem as problem:
        return [_unreadable(book, "PDF 文件", attachment, problem)]
    if clean.removed:
        book.notes[attachment.id] = removed_note(attachment.file_name, clean.removed)
    book.pdfs.add(attachment.id, clean.data)
    total = len(clean.sizes)
    out: list[Flowable] = [_file_line(book, f"{attachment.file_name}（共 {total} 页）")]
    for i, (w, h) in enumerate(clean.sizes):
        if i:
            line = f"附件{n}（续）　第 {i + 1} 页，共 {total} 页"
            out += [PageBreak(), Para(line, replace(book.styles.note, align="center"))]
        scale = book.width / w  # as wide as the text; PageSlot fits it to the height left
        out.append(PageSlot(book.pdfs, attachment.id, i, w * scale, h * scale))
    return out


def _clean_pdf(book: Book, n: int, attachment: Attachment) -> CleanPdf:
    """The attachment's visible pages only (see :mod:`qualitydesk.export.pdfclean`)."""
    try:
        with book.doc.open_attachment(attachment.id) as stream:  # read in pieces
            return clean_pdf(stream, check=lambda: book.check(f"正在读取附件{n}"))
    except DocumentError:
        raise AttachmentProblem("文件内容已丢失或损坏") from None
