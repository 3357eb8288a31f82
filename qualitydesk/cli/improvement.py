"""``feedback import`` (the examiners' 反馈报告 into the items) and ``actions`` (the 改进计划)."""

from __future__ import annotations

import argparse
from datetime import date

from msgspec.structs import asdict

from qualitydesk.cli.common import EXIT_OK, UsageError, emit, open_read_only
from qualitydesk.cli.exchange import _table as columns
from qualitydesk.domain.forms import load_forms
from qualitydesk.store.document import Document

SHOWN = 40  # characters of a left-out text shown in the plan


def feedback_command(args: argparse.Namespace) -> int:
    """``feedback import FILE REPORT``: the report's 优势 and 改进机会 per item, in one write.

    The stage scores the report states are shown, not written (``--json`` carries them).
    """
    from qualitydesk.store import feedbackimport  # python-docx and pypdf only for an import

    forms = load_forms()
    with Document.open(args.file, read_only=args.dry_run) as doc:
        if doc.read_only and not args.dry_run:
            raise UsageError(f"{args.file}：{doc.read_only_reason}，不能导入")
        award = forms.award_for(doc.award_id, doc.applicant)
        framework = forms.framework_for(award)
        stages = feedbackimport.stage_names(award)
        plan = feedbackimport.read_feedback(args.report, framework, stages=stages)
        replaced = plan.replaces(doc)
        written = [] if args.dry_run else feedbackimport.apply(plan, doc)
    if args.json:
        emit({**plan.as_json(), "replaced": replaced, "written": written})
        return EXIT_OK
    rows = [
        (found.heading, str(len(found.strengths)), str(len(found.opportunities)))
        for found in plan.items.values()
    ]
    for line in columns(("评分项", "优势", "改进机会"), rows):
        print(line)
    if plan.stages:
        shown = "，".join(f"{stages[part]} {score}" for part, score in plan.stages.items())
        print(f"报告中的阶段得分（未写入，可在“评分汇总”中录入）：{shown}")
    for left in plan.unmatched:
        text = left.text if len(left.text) <= SHOWN else left.text[:SHOWN] + "…"
        print(f"未导入（{left.where}）：{text}")
    for line in plan.notes:
        print(f"注意：{line}")
    if args.dry_run:
        print("试运行：未写入申报文件")
    else:
        note = f"（替换原有 {len(replaced)} 项）" if replaced else ""
        print(f"已导入 {len(written)} 项评审反馈{note}")
    return EXIT_OK


def actions_command(args: argparse.Namespace) -> int:
    """``actions FILE``: the improvement plan listed, as JSON, or written to Excel (--xlsx)."""
    from qualitydesk.store.improvement import SOURCE_LABELS, STATUS_LABELS, is_overdue

    forms = load_forms()
    today = date.today()
    with open_read_only(args.file) as doc:
        actions = doc.actions()
        framework = forms.framework_for(forms.award_for(doc.award_id, doc.applicant))
    if args.xlsx:
        from qualitydesk.export.actionsxlsx import write_actions  # openpyxl only for Excel

        out = write_actions(actions, framework, args.xlsx, today=today, force=args.force)
        print(f"已导出 {len(actions)} 条改进措施到 {out}")
        return EXIT_OK
    if args.json:
        emit([{**asdict(action), "overdue": is_overdue(action, today)} for action in actions])
        return EXIT_OK
    rows = [
        (
            str(action.id),
            STATUS_LABELS.get(action.status, action.status)
            + ("（已逾期）" if is_overdue(action, today) else ""),
            action.due or "—",
            action.owner or "—",
            SOURCE_LABELS.get(action.source, action.source),
            action.item or "—",
            action.title,
        )
        for action in actions
    ]
    for line in columns(("编号", "状态", "计划完成", "负责人", "来源", "条目", "改进事项"), rows):
        print(line)
    if not actions:
        print("改进计划中还没有措施")
    return EXIT_OK
