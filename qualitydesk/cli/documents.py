"""``new`` (blank, or from last year's file), ``demo`` and ``history``."""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date

from qualitydesk.cli.common import EXIT_OK, UsageError, emit, open_read_only
from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Forms, load_forms
from qualitydesk.store import readiness
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document


def new_command(args: argparse.Namespace) -> int:
    """``new``: a blank application of an award, or one based on last year's (``--from``)."""
    forms = load_forms()
    if args.source:
        return _renew(args, forms)
    if not args.award:
        raise UsageError("请用 --award 给出奖项，或用 --from 给出往年的申报文件")
    award = forms.award(args.award)
    today = date.today()
    year = args.year or today.year
    with Document.create(
        args.file,
        award=award.id,
        award_version=award.version,
        framework=award.framework,
        year=year,
        application_date=today,
        org_name=args.org,
        force=args.force,
    ):
        pass
    print(f"已新建 {args.file}（{award.name}，{year} 年度）")
    return EXIT_OK


def _renew(args: argparse.Namespace, forms: Forms) -> int:
    from qualitydesk.store.renew import renew

    if args.award or args.org:
        raise UsageError("用 --from 新建时奖项和组织名称沿用往年文件，不能再给 --award 或 --org")
    made = renew(args.source, args.file, forms, year=args.year, force=args.force)
    print(f"已以 {args.source}（{made.from_year} 年度）为基础新建 {args.file}（{made.year} 年度）")
    if made.dropped_years or made.added_years:
        dropped = "、".join(map(str, made.dropped_years)) or "无"
        added = "、".join(map(str, made.added_years)) or "无"
        print(f"按年度的表格：移除 {dropped} 年，新增 {added} 年（待填写）")
    if made.cleared_fields or made.cleared_declarations:
        print(
            f"需重新确认：申请表中 {len(made.cleared_fields)} 项守法诚信与承诺，"
            f"资格自查声明 {made.cleared_declarations} 条"
        )
    with open_read_only(args.file) as doc:
        result = readiness.check(doc, forms)
    counts = Counter(f.status.label for f in result.eligibility)
    summary = "，".join(f"{label} {n} 条" for label, n in counts.items())
    print(f"{made.items} 个评分项已标为“需更新”；资格自查按 {made.year} 年度重新评估：{summary}")
    return EXIT_OK


def demo_command(args: argparse.Namespace) -> int:
    """``demo``: a filled-in example application."""
    forms = load_forms()
    with build_demo(args.file, forms, args.award, demo=args.demo, force=args.force) as doc:
        award = forms.award_for(doc.award_id, doc.applicant)
        total = readiness.scorecard(doc, forms).total
    scored = f"，自评 {numbers.score(total)} 分" if award.scored else ""
    print(f"已生成示例申报文件 {args.file}（{award.name}{scored}）")
    return EXIT_OK


def history_command(args: argparse.Namespace) -> int:
    """``history``: every saved value, oldest first."""
    with open_read_only(args.file) as doc:
        revisions = doc.history()
    if args.json:
        emit([{"id": r.id, "kind": r.kind, "key": r.key, "at": r.at} for r in revisions])
        return EXIT_OK
    for r in revisions:
        print(f"{r.id:>5}  {r.at}  {HISTORY_LABELS.get(r.kind, r.kind)} {r.key}")
    return EXIT_OK


HISTORY_LABELS = {
    "field": "字段",
    "rows": "表格",
    "narrative": "自评报告",
    "profile": "组织概述",
    "score": "自评分",
    "declaration": "声明",
    "meta": "设置",
}
