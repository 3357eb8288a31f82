"""Tables as Chinese reports set them: 表题 above, 续表 over the repeated header on each later
page, numbers aligned, long cells inside the page, form labels in even lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from qualitydesk.export.captions import CaptionedTable, captioned
from qualitydesk.export.cells import numeric
from qualitydesk.export.flowables import Para
from qualitydesk.export.pdf import export_pdf
from qualitydesk.export.styles import make_styles
from qualitydesk.store.document import Document
from tests.helpers.pdfcheck import Box, box_lines, char_boxes, find_chars, squeeze

ROWS = 40
AMOUNTS = [f"{i * 1234.5:,.1f}" for i in range(1, ROWS + 1)]  # one decimal each
SHARES = ["12.5%", "3%", "100.25%", "7.1%"] * (ROWS // 4)  # decimals differ
NUMBERED = (
    "### 分季度经营数据\n\n| 序号 | 项目 | 金额（万元） | 占比 |\n|---|---|---|---|\n"
    + "".join(
        f"| {i} | 项目{i}说明 | {a} | {s} |\n"
        for i, (a, s) in enumerate(zip(AMOUNTS, SHARES, strict=True), 1)
    )
)
MANY = "### 供应商清单\n\n| 供应商 | 类别 | 年采购额（万元） |\n|---|---|---|\n" + "".join(
    f"| 供应商{i:03d} | 零部件 | {i * 10} |\n" for i in range(1, 131)
)
LONG_CELL = ("长单元格的文字，粘贴自一份较长的说明材料，其中有数字2024年和ISO 9001。" * 80)[:2000]
URL = "https://www.example.com/" + "abcdefghij" * 30
LONG = f"| 项目 | 说明 |\n|---|---|\n| 粘贴 | {LONG_CELL} |\n| 网址 | {URL} |\n"
LABELS = ("近3年监督抽查合格", "近3年无较大及以上质量、安全、环境事故", "有效外观设计专利数")


@pytest.fixture(scope="module")
def tables_pdf(tmp_path_factory, forms) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    doc = Document.create(
        folder / "tables.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )
    doc.set_narrative("4.1.2", f"{NUMBERED}\n\n{MANY}")
    doc.set_narrative("4.1.3", LONG)
    doc.save()
    out = folder / "tables.pdf"
    export_pdf(doc, forms, out, kind="package")
    doc.close()
    return out


@pytest.fixture(scope="module")
def pages(tables_pdf) -> list[list[Box]]:
    return char_boxes(tables_pdf)


def _page_with(pages: list[list[Box]], text: str, start: int = 0) -> int:
    return next(i for i in range(start, len(pages)) if find_chars(pages[i], text))


def _bottom(boxes: list[Box]) -> float:
    return min(b.bottom for b in boxes)


def _top(boxes: list[Box]) -> float:
    return max(b.top for b in boxes)


def test_caption_stands_above_the_table_with_its_first_rows(pages):
    first = _page_with(pages, "表4.1.2-1分季度经营数据")
    caption = find_chars(pages[first], "表4.1.2-1分季度经营数据")
    header = find_chars(pages[first], "序号项目金额（万元）占比")
    assert caption
    assert header
    assert _bottom(caption) > _top(header)
    rows = [find_chars(pages[first], f"项目{i}说明") for i in (1, 2)]
    assert all(rows)
    assert _top(header) > _top(rows[0]) > _top(rows[1])


def test_continued_table_is_headed_by_xubiao_over_the_repeated_header(pages):
    first = _page_with(pages, "表4.1.2-1")
    last = _page_with(pages, f"项目{ROWS}说明")
    assert last > first  # the table runs onto a second page
    for page in range(first + 1, last + 1):
        label = find_chars(pages[page], "续表4.1.2-1")
        header = find_chars(pages[page], "序号项目金额（万元）占比")
        assert label, page
        assert header, page
        body = [b for b in pages[page] if b.top < _bottom(header)]
        assert _bottom(label) > _top(header)
        assert _top(header) > max(b.top for b in body if b.char.isdigit())
        # the caption comes first after the running header: nothing of the table above it
        assert not find_chars([b for b in pages[page] if b.bottom > _top(label)], "项目")


def test_a_long_table_carries_xubiao_on_every_page(pages):
    first = _page_with(pages, "表4.1.2-2供应商清单")
    last = _page_with(pages, "供应商130")
    assert last >= first + 2
    for page in range(first + 1, last + 1):
        assert find_chars(pages[page], "续表4.1.2-2"), page
        assert find_chars(pages[page], "供应商类别年采购额（万元）"), page


def test_numbers_are_right_aligned_and_on_the_decimal_point(pages):
    rows = [
        find_chars(pages[_page_with(pages, f"项目{i}说明{a}")], f"项目{i}说明{a}{s}")
        for i, (a, s) in enumerate(zip(AMOUNTS, SHARES, strict=True), 1)
    ]
    assert all(rows)
    amounts = [row[-len(s) - 1] for row, s in zip(rows, SHARES, strict=True)]
    rights = [b.right for b in amounts]
    assert max(rights) - min(rights) < 0.6  # the same decimals: right edges in line
    points = [
        next(b for b in row[len(row) - len(s) :] if b.char in ".%")
        for row, s in zip(rows, SHARES, strict=True)
    ]
    lefts = [b.left for b in points]
    assert max(lefts) - min(lefts) < 0.6  # 12.5% / 3% / 100.25%: on the decimal point
    labels = [row[0] for row in rows]  # text stays left
    assert max(b.left for b in labels) - min(b.left for b in labels) < 0.6


def test_a_long_cell_and_a_long_url_stay_inside_the_page(pages, tables_pdf):
    from pypdf import PdfReader

    width = float(PdfReader(tables_pdf).pages[0].mediabox.width)
    start = _page_with(pages, "表4.1.3-1")
    end = _page_with(pages, URL[-20:], start)
    text = "".join(b.char for p in pages[start : end + 1] for b in p)
    for running in (
        "2026年度苏州市市长质量奖申报材料",
        "（未填写组织名称）",
        "续表4.1.3-1项目说明",
    ):
        text = text.replace(running, "")
    text = re.sub(r"第\d+页共\d+页", "", text)
    assert squeeze(LONG_CELL) in text
    assert URL in text
    for page in pages[start : end + 1]:
        assert all(b.left > 10.0 and b.right < width - 10.0 for b in page)


def test_form_labels_break_into_even_lines_never_one_character(pages):
    form = _page_with(pages, "近三年守法诚信情况")
    for label in LABELS:
        page = _page_with(pages, label)
        assert page <= form + 1
        lines = box_lines(find_chars(pages[page], label))
        assert len(lines) <= 3, label
        assert min(len(line) for line in lines) >= 4, (
            label,
            ["".join(b.char for b in ln) for ln in lines],
        )


# --- the split, without a document --------------------------------------------------------------


def _table(rows: int) -> CaptionedTable:
    st = make_styles()
    data = [[Para("项目", st.head_cell), Para("数值", st.head_cell)]]
    data += [[Para(f"第{i}行", st.cell), Para(str(i * 100), st.cell)] for i in range(rows)]
    return captioned("表1-1 测试", data, 400.0, style=st.caption)


def test_split_keeps_caption_header_and_two_rows_together():
    table = _table(10)
    _, height = table.wrap(400.0, 2000.0)
    row = (height - table._above(400.0)) / 11  # header and rows are alike here
    above = table._above(400.0)
    assert table.split(400.0, above + 2.5 * row) == []  # header and one row: not enough
    first, rest = table.split(400.0, above + 3.5 * row)
    assert len(first.table.rows) == 3  # header and two rows
    assert first.caption.text == "表1-1 测试"
    assert rest.caption.text == "续表1-1"
    assert len(rest.table.rows) == 1 + 8  # the header again, and the rest


def _tall(lines: Sequence[int], name: int = 6) -> CaptionedTable:
    """A table of 序号 | 名称 | 说明 whose 说明 cells hold ``lines`` lines each, and 名称
    ``name`` characters (five a line).
    """
    st = make_styles()
    data = [[Para(t, st.head_cell) for t in ("序号", "名称", "说明")]]
    for i, count in enumerate(lines, 1):
        data.append(
            [Para(str(i), st.cell), Para("名" * name, st.cell), Para("说" * 24 * count, st.cell)]
        )
    return captioned("表1-2 测试", data, 400.0, style=st.caption, widths=[40.0, 70.0, 290.0])


def _lines_of(table: CaptionedTable, row: int, column: int) -> int:
    return len(table.table.rows[row][column][0].lines_for(table.table.look.widths[column] - 8))


def test_one_body_row_of_three_lines_or_more_may_stand_under_caption_and_header():
    table = _tall([4, 4, 4])
    table.wrap(400.0, 2000.0)
    above, rows = table._above(400.0), table.table._rowHeights
    first, rest = table.split(400.0, above + rows[0] + rows[1] + rows[2] / 3)
    assert len(first.table.rows) == 2  # header and one whole row
    assert not first.table.partial
    assert rest.caption.text == "续表1-2"
    assert len(rest.table.rows) == 3
    short = _tall([2, 2, 2])  # rows of two lines: two of them stay with the caption
    short.wrap(400.0, 2000.0)
    rows = short.table._rowHeights
    assert short.split(400.0, above + rows[0] + rows[1] + rows[2] / 2) == []


def test_a_tall_row_divides_at_the_page_foot_rather_than_leave_it_empty():
    table = _tall([2, 2, 12, 2])
    table.wrap(400.0, 2000.0)
    above, rows = table._above(400.0), table.table._rowHeights
    room = above + rows[0] + rows[1] + rows[2] + rows[3] / 2  # half the tall row: 90 pt or so
    first, rest = table.split(400.0, room)
    assert first.table.partial  # header, two rows and the tall one's start
    assert len(first.table.rows) == 4
    lines = _lines_of(first, 3, 2), _lines_of(rest, 1, 2)
    assert min(lines) >= 2, lines
    assert sum(lines) == 12, lines
    assert first.wrap(400.0, room)[1] <= room  # it fits where it was split
    assert [p.text for p in first.table.rows[3][0]] == ["3"]  # 序号 with the row's start
    assert rest.table.rows[1][0] == []  # the header, the rest of the tall row, row 4
    assert len(rest.table.rows) == 3


def test_a_row_is_not_divided_when_a_cell_could_only_start_on_the_next_page():
    table = _tall([2, 2, 12, 2], name=15)  # 名称 of three lines: it cannot divide
    table.wrap(400.0, 2000.0)
    assert _lines_of(table, 3, 1) == 3
    above, rows = table._above(400.0), table.table._rowHeights
    line = table.table.rows[1][2][0].style.leading
    room = above + rows[0] + rows[1] + rows[2] + 2.9 * line + 5  # room for two lines only
    first, rest = table.split(400.0, room)
    assert not first.table.partial  # divided between the rows
    assert len(first.table.rows) == 3
    assert len(rest.table.rows) == 3


def test_numbers_and_text_are_told_apart():
    for text in ("186,400", "12.5%", "−3.2", "81 项", "0.0271", "≥95%", "1,200.00 万元"):
        assert numeric(text), text
    for text in ("6—7月", "2023年4月20日", "ISO 9001:2015", "915320506691375", "0512", "第3位"):
        assert not numeric(text), text
