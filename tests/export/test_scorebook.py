"""The Excel scorebook: written for the demo, filled with openpyxl as an assessor would, read back;
hostile workbooks are refused cell by cell (or read with a warning).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from qualitydesk.domain.team import AssessorScore, Scorebook, ScorebookItem
from qualitydesk.export.scorebook import write_scorebook
from qualitydesk.store import scorebooklayout as lay
from qualitydesk.store.document import Document
from qualitydesk.store.safewrite import WriteError
from qualitydesk.store.scorebookread import ScorebookError, read_scorebook


@pytest.fixture(scope="module")
def book(demo_file, forms) -> Scorebook:
    """What the demo's assessor 张三 is handed, made from its framework and narratives."""
    with Document.open(demo_file, read_only=True) as doc:
        framework = forms.framework(doc.framework_id)
        texts = doc.narratives()
        return Scorebook(
            application=doc.meta["created"],
            round="r1",
            assessor="张三",
            org_name="苏州示例精密制造有限公司",
            award=forms.award(doc.award_id).name,
            framework=framework.id,
            year=int(doc.meta["year"]),
            handed_out_at="2026-05-20T09:00:00+08:00",
            step=framework.step,
            items=tuple(
                ScorebookItem(i.id, i.name, i.points, i.kind, texts.get(i.id, ""))
                for i in framework.items
            ),
        )


@pytest.fixture
def xlsx(tmp_path, book) -> Path:
    return write_scorebook(tmp_path / "张三.xlsx", book)


def rows_by_id(ws) -> dict[str, int]:
    return {ws.cell(r, 1).value: r for r in range(lay.HEADER_ROW + 1, ws.max_row + 1)}


def fill(path: Path, values: dict[str, dict[str, object]]) -> None:
    """Fill 评分表 as an assessor would: by item id, column title → value; then save."""
    wb = load_workbook(path)
    ws = wb[lay.SCORE_SHEET]
    rows = rows_by_id(ws)
    for item, cells in values.items():
        for title, value in cells.items():
            ws.cell(rows[item], lay.COLUMNS.index(title) + 1).value = value
    wb.save(path)


def refusal(path: Path) -> str:
    with pytest.raises(ScorebookError) as caught:
        read_scorebook(path)
    return str(caught.value)


# --- what is written ---------------------------------------------------------------------------


def test_the_workbook_a_manager_opens(xlsx, book):
    wb = load_workbook(xlsx)
    assert wb.sheetnames == list(lay.OWN_SHEETS)
    ws = wb[lay.SCORE_SHEET]
    assert "张三" in ws["A2"].value
    assert book.award in ws["A2"].value
    assert [c.value for c in ws[lay.HEADER_ROW]] == list(lay.COLUMNS)
    first = lay.HEADER_ROW + 1
    assert [c.value for c in ws[first]][:4] == [
        "4.1.2",
        book.items[0].name,
        book.items[0].points,
        "过程",
    ]
    assert ws.cell(first, 6).value == f'=IF(E{first}="","",C{first}*E{first}/100)'
    total = first + len(book.items)
    assert ws.cell(total, 1).value == "合计"
    assert ws.cell(total, 3).value == f"=SUM(C{first}:C{total - 1})"
    assert ws.freeze_panes == f"C{first}"
    # Protected without a password; only the four inputs are unlocked.
    assert ws.protection.sheet
    assert not ws.protection.password
    unlocked = [c.column for c in ws[first] if not c.protection.locked]
    assert unlocked == [5, 7, 8, 9]
    (check,) = ws.data_validations.dataValidation
    assert (check.type, check.formula1, check.formula2) == ("whole", "0", "100")
    assert "5 的倍数" in check.prompt
    assert str(check.sqref) == f"E{first}:E{total - 1}"
    assert wb[lay.IDENTITY_SHEET].sheet_state == "veryHidden"
    assert "5 的倍数" in wb[lay.HELP_SHEET]["A2"].value


def test_an_untouched_scorebook_reads_back_equal(xlsx, book):
    read = read_scorebook(xlsx)
    assert read.book == book
    assert read.warnings == ()


def test_scores_given_before_are_written_and_read_back(tmp_path, book):
    given = (AssessorScore("张三", "4.1.3", 55, "=领导重视", "", "见\n第二段"),)
    path = write_scorebook(tmp_path / "again.xlsx", replace(book, scores=given))
    assert read_scorebook(path).book.scores == given


def test_a_long_paragraph_is_split_across_rows_and_joined_exactly(tmp_path, book):
    long = "甲" * 700 + "。" + "乙" * 1500 + "\n\n\n第二段\n- 一\x0b"
    item = replace(book.items[0], narrative=long)
    path = write_scorebook(tmp_path / "long.xlsx", replace(book, items=(item, *book.items[1:])))
    ws = load_workbook(path)[lay.TEXT_SHEET]
    texts = [str(c.value or "") for c in ws["C"]][1:]
    assert max(len(t) for t in texts) <= lay.ROW_TEXT_MAX + 1
    assert texts[:4] == [
        "甲" * 700 + "。",  # cut after a 。
        lay.CONTINUED + "乙" * 1000,
        lay.CONTINUED + "乙" * 500,
        "\n第二段\n- 一",  # the control character .xlsx cannot hold is left out
    ]
    assert read_scorebook(path).book.items[0].narrative == long.removesuffix("\x0b")


def test_an_existing_file_is_replaced_only_with_force(xlsx, book):
    with pytest.raises(WriteError, match="已存在"):
        write_scorebook(xlsx, book)
    assert write_scorebook(xlsx, book, force=True) == xlsx


# --- filled by an assessor --------------------------------------------------------------------


def test_numbers_percent_text_and_full_width_digits_are_read(xlsx, book):
    fill(
        xlsx,
        {
            "4.1.2": {lay.PCT: 60, lay.STRENGTHS: "战略清晰\n分解到部门", lay.COMMENT: "好"},
            "4.1.3": {lay.PCT: "55%", lay.OPPORTUNITIES: "缺少评价"},
            "4.2.2": {lay.PCT: "６５"},
            "4.2.3": {lay.PCT: 70.0},
            "4.3.2": {lay.PCT: " ４０％ "},
        },
    )
    read = read_scorebook(xlsx)
    assert read.warnings == ()
    assert read.book.scores == (
        AssessorScore("张三", "4.1.2", 60, "战略清晰\n分解到部门", "", "好"),
        AssessorScore("张三", "4.1.3", 55, "", "缺少评价", ""),
        AssessorScore("张三", "4.2.2", 65),
        AssessorScore("张三", "4.2.3", 70),
        AssessorScore("张三", "4.3.2", 40),
    )
    assert replace(read.book, scores=()) == book


def test_a_percent_formatted_cell_holds_a_fraction(xlsx):
    wb = load_workbook(xlsx)
    cell = wb[lay.SCORE_SHEET].cell(lay.HEADER_ROW + 1, 5)
    cell.value, cell.number_format = 0.6, "0%"  # what Excel makes of typing 60% in a cell
    wb.save(xlsx)
    assert read_scorebook(xlsx).book.scores[0].pct == 60


def test_rows_reordered_or_deleted_are_matched_by_id(xlsx, book):
    wb = load_workbook(xlsx)
    ws = wb[lay.SCORE_SHEET]
    first = lay.HEADER_ROW + 1
    ws.move_range(f"A{first}:I{first}", rows=len(book.items) + 3)  # the first item to the end
    ws.delete_rows(first + 1)  # 4.1.3 gone
    ws.cell(first + len(book.items) + 2, 5).value = 80
    wb.save(xlsx)
    read = read_scorebook(xlsx)
    assert [(s.item, s.pct) for s in read.book.scores] == [("4.1.2", 80)]
    assert read.warnings == ("评分表中没有条目 4.1.3 的行，按未评分处理",)


def test_extra_sheets_are_ignored_with_a_warning(xlsx):
    fill(xlsx, {"4.1.2": {lay.PCT: 60}})
    wb = load_workbook(xlsx)
    wb.create_sheet("我的草稿")["A1"] = "六十"
    wb.save(xlsx)
    read = read_scorebook(xlsx)
    assert read.warnings == ("已忽略另加的工作表“我的草稿”",)
    assert [s.pct for s in read.book.scores] == [60]


def test_text_without_a_score_is_reported_not_lost_silently(xlsx):
    fill(xlsx, {"4.1.3": {lay.STRENGTHS: "有亮点"}})
    read = read_scorebook(xlsx)
    assert read.book.scores == ()
    assert read.warnings == ("评分表 E5：条目 4.1.3 没有评分，其优势、改进机会和评语未汇总",)


# --- refused, cell by cell --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("六十", "评分表 E5：“六十” 不是数字"),
        (101, "评分表 E5：101 不在 0–100 之间"),
        (33, "评分表 E5：33 不是 5 的倍数"),
        (-5, "评分表 E5：-5 不在 0–100 之间"),
        (62.5, "评分表 E5：62.5 不是整数"),
        ("=50+10", "评分表 E5：是公式（=50+10），请直接填写数字"),
    ],
    ids=["text", "101", "33", "negative", "fraction", "formula"],
)
def test_a_bad_score_is_refused_with_the_cell(xlsx, value, message):
    fill(xlsx, {"4.1.3": {lay.PCT: value}})
    said = refusal(xlsx)
    assert said.startswith(f"{xlsx}：{message}")


def test_every_bad_score_is_named_at_once_the_first_five_by_cell(xlsx, book):
    ids = [item.id for item in book.items[1:8]]  # E5 … E11
    fill(xlsx, {item: {lay.PCT: 33} for item in ids})
    said = refusal(xlsx)
    assert "评分表 E5：33 不是 5 的倍数；评分表 E6：33 不是 5 的倍数" in said
    assert "评分表 E9：33" in said
    assert "E10" not in said
    assert said.endswith("另有 2 处评分也有问题")


def test_merged_cells_over_inputs_are_refused_with_the_range(xlsx):
    wb = load_workbook(xlsx)
    wb[lay.SCORE_SHEET].merge_cells("G5:H6")
    wb.save(xlsx)
    assert (
        refusal(xlsx)
        == f"{xlsx}：评分表 G5:H6：这些单元格被合并了，无法逐条读取；请取消合并后再交回"
    )


def test_an_unknown_or_repeated_item_id_is_refused_with_the_cell(xlsx):
    wb = load_workbook(xlsx)
    ws = wb[lay.SCORE_SHEET]
    ws["A6"] = "4.9.9"
    wb.save(xlsx)
    assert refusal(xlsx) == f"{xlsx}：评分表 A6：“4.9.9” 不是这份评分表的条目"
    ws["A6"] = "4.1.2"
    wb.save(xlsx)
    assert refusal(xlsx) == f"{xlsx}：评分表 A6：条目 4.1.2 出现了两次（另见 A4）"


def test_a_workbook_without_the_hidden_sheet_is_not_ours(tmp_path, xlsx):
    wb = load_workbook(xlsx)
    del wb[lay.IDENTITY_SHEET]
    wb.save(xlsx)
    assert "不是质量奖申报助手生成的评分表" in refusal(xlsx)
    other = tmp_path / "plain.xlsx"
    Workbook().save(other)
    assert "不是质量奖申报助手生成的评分表" in refusal(other)


def test_a_newer_format_is_refused(xlsx):
    wb = load_workbook(xlsx)
    wb[lay.IDENTITY_SHEET]["B1"] = str(lay.FORMAT_VERSION + 1)
    wb.save(xlsx)
    assert "更新版本的程序生成（格式 2" in refusal(xlsx)


def test_a_truncated_file_is_refused(xlsx):
    data = xlsx.read_bytes()
    xlsx.write_bytes(data[: len(data) // 2])
    assert "文件不完整或已损坏" in refusal(xlsx)


def test_an_old_xls_renamed_and_other_files_are_refused(tmp_path):
    xls = tmp_path / "scores.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "旧版 Excel（.xls）" in refusal(xls)
    text = tmp_path / "scores2.xlsx"
    text.write_text("评分,60", encoding="utf-8")
    assert "不是 .xlsx 文件" in refusal(text)
    other_zip = tmp_path / "scores3.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "文件已损坏" in refusal(other_zip)
    assert "文件不存在" in refusal(tmp_path / "none.xlsx")


def test_a_renamed_xlsx_with_another_extension_is_read_by_content(xlsx, tmp_path):
    renamed = tmp_path / "张三.xls"
    renamed.write_bytes(io.BytesIO(xlsx.read_bytes()).getvalue())
    assert read_scorebook(renamed).book.assessor == "张三"
