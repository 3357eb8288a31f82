"""The improvement plan exported to Excel and read back with openpyxl."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from qualitydesk.export.actionsxlsx import COLUMNS, OVERDUE_FILL, write_actions
from qualitydesk.store.document import Document
from qualitydesk.store.records import Action, Feedback
from qualitydesk.store.safewrite import WriteError


@pytest.fixture
def plan(tmp_path):
    """A document whose plan has an action from its own and one from the examiners' 改进机会."""
    doc = Document.create(
        tmp_path / "app.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )
    doc.set_feedback("4.1.3", Feedback("", "内审整改跟踪不足"))
    doc.add_action(Action(0, "建立领导绩效评价", "own", "4.1.2", "张三", "2026-03-01"))
    doc.actions_from_opportunities("examiners", owner="李四")
    done = doc.add_action(Action(0, "已完成的措施", due="2026-01-01"))
    doc.update_action(Action(done, "已完成的措施", due="2026-01-01", status="done", note="结项"))
    yield doc.actions()
    doc.close()


def test_the_plan_is_written_with_chinese_labels_and_read_back(plan, forms, tmp_path):
    out = write_actions(
        plan, forms.framework("gbt19580-2012"), tmp_path / "改进计划.xlsx", today=date(2026, 6, 1)
    )
    sheet = load_workbook(out).active
    assert sheet.title == "改进计划"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [header for header, _ in COLUMNS]
    assert rows[1] == [
        1,
        "建立领导绩效评价",
        "自评",
        "4.1.2 高层领导的作用",
        "张三",
        datetime(2026, 3, 1),
        "未开始（已逾期）",
        None,
    ]
    assert rows[2] == [
        2,
        "内审整改跟踪不足",
        "评审反馈",
        "4.1.3 组织治理",
        "李四",
        None,
        "未开始",
        None,
    ]
    assert rows[3] == [
        3,
        "已完成的措施",
        "自评",
        None,
        None,
        datetime(2026, 1, 1),
        "已完成",
        "结项",
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H4"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width == 48
    assert sheet["B2"].fill.fgColor.rgb.endswith(OVERDUE_FILL)  # overdue and open: marked
    assert not sheet["B4"].fill.fgColor.rgb.endswith(OVERDUE_FILL)  # late but done: not


def test_an_existing_workbook_is_replaced_only_with_force(plan, forms, tmp_path):
    framework = forms.framework("gbt19580-2012")
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(WriteError, match="已存在"):
        write_actions(plan, framework, target)
    assert target.read_bytes() == b"old"
    write_actions(plan, framework, target, force=True)
    assert load_workbook(target).active.max_row == 4


def test_the_command_line_lists_and_exports_the_plan(plan, tmp_path, capsys):
    import json

    from qualitydesk.cli import main

    source = tmp_path / "app.qdesk"
    assert main(["actions", str(source), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["id"], a["title"], a["status"]) for a in listed] == [
        (1, "建立领导绩效评价", "open"),
        (2, "内审整改跟踪不足", "open"),
        (3, "已完成的措施", "done"),
    ]
    assert [a["overdue"] for a in listed] == [True, False, False]
    assert main(["actions", str(source)]) == 0
    assert "未开始（已逾期）" in capsys.readouterr().out
    out = tmp_path / "plan.xlsx"
    assert main(["actions", str(source), "--xlsx", str(out)]) == 0
    assert load_workbook(out).active["B3"].value == "内审整改跟踪不足"
    assert main(["actions", str(source), "--xlsx", str(out)]) == 2  # exists: --force wanted
    assert "已存在" in capsys.readouterr().err
