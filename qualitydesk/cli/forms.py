"""``forms`` (the programmes and frameworks of forms/) and ``validate`` (one value)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qualitydesk.cli.common import EXIT_OK, EXIT_PROBLEM, emit
from qualitydesk.domain import numbers
from qualitydesk.domain.forms import (
    REFERENCE,
    Award,
    Forms,
    FormsError,
    Framework,
    Notice,
    load_forms,
)
from qualitydesk.domain.scoring import line_wording
from qualitydesk.domain.validators import validate


def forms_command(args: argparse.Namespace) -> int:
    """``forms list|check|show``: the frameworks and awards of forms/."""
    if args.forms_command == "check":
        try:
            forms = load_forms()
        except FormsError as exc:
            print(f"qualitydesk: forms/ 有误：{exc}", file=sys.stderr)
            return EXIT_PROBLEM
        fields = len(forms.form.fields) + sum(len(t.columns) for t in forms.form.tables)
        rules = sum(len(a.rules) for a in forms.awards.values())
        notices = sum(len(n) for n in forms.notices.values())
        suggested = sum(p.reference for a in forms.awards.values() for p in a.parts)
        layouts = "、".join(x.name for x in forms.layouts.values())
        if all(x.reference for x in forms.layouts.values()):
            layouts += "，参考值"
        print(
            f"forms/ 检查通过：{len(forms.frameworks)} 个评价准则，{len(forms.awards)} 个奖项"
            f"（{rules} 条资格条款），申请表 {fields} 个字段，申报通知 {notices} 份，"
            f"版式 {len(forms.layouts)} 种（{layouts}）；"
            f"每个字数限制和须知都注明了出处（其中 {suggested} 个字数限制是参考值，"
            "按当年申报通知核对）"
        )
        return EXIT_OK
    forms = load_forms()
    if args.forms_command == "list":
        return _forms_list(forms, args.json)
    if args.id in forms.frameworks:
        data = framework_summary(forms.framework(args.id))
    else:
        data = award_summary(forms.award(args.id))
        data["notices"] = [_notice_summary(n) for n in forms.notices_of(args.id)]
    if args.json:
        emit(data)
    else:
        _print_summary(data)
    return EXIT_OK


def _notice_summary(notice: Notice) -> dict[str, Any]:
    """A published 申报通知 as ``forms show --json`` gives it."""
    return {
        "year": notice.year,
        "title": notice.title,
        "issuer": notice.issuer,
        "date": notice.issued.isoformat() if notice.issued else None,
        "source": notice.source,
        "deadline": notice.deadline.isoformat() if notice.deadline else None,
        "channel": notice.channel,
        "cycle": notice.cycle,
        "cycle_note": notice.cycle_note,
        "limits": [{"part": x.part, "limit": x.limit, "source": x.source} for x in notice.limits],
        "rules": [r.id for r in notice.rules],
        "attachments": [a.id for a in notice.attachments],
        "facts": [{"text": f.text, "source": f.source} for f in notice.facts],
    }


def _forms_list(forms: Forms, as_json: bool) -> int:
    frameworks = [
        {
            "id": f.id,
            "name": f.name,
            "standard": f.standard,
            "items": len(f.items),
            "total_points": f.total_points,
        }
        for f in forms.frameworks.values()
    ]
    awards = [
        {
            "id": a.id,
            "name": a.name,
            "level": a.level,
            "framework": a.framework,
            "scored": a.scored,
            "check_notice": a.check_notice,
            "tiers": [_tier_line(t.name, t.line, t.comparison) for t in a.tiers],
        }
        for a in forms.awards.values()
    ]
    if as_json:
        emit({"frameworks": frameworks, "awards": awards})
        return EXIT_OK
    print("评价准则：")
    for f in frameworks:
        print(
            f"  {f['id']:<20} {f['standard']} {f['name']}"
            f"（{f['items']} 个评分项，{f['total_points']} 分）"
        )
    print("奖项：")
    for a in awards:
        notice = "  [按当年申报通知核对]" if a["check_notice"] else ""
        tiers = "；".join(a["tiers"]) or "无分数线"
        print(f"  {a['id']:<20} {a['name']}（{a['level']}）  {tiers}{notice}")
    return EXIT_OK


def _tier_line(name: str, line: int | None, comparison: str | None) -> str:
    return f"{name}：{line_wording(line, comparison)}"


def framework_summary(fw: Framework) -> dict[str, Any]:
    """A framework as ``forms show --json`` gives it: categories, items, points, profile."""
    return {
        "id": fw.id,
        "type": "framework",
        "name": fw.name,
        "standard": fw.standard,
        "total_points": fw.total_points,
        "step": fw.step,
        "categories": [
            {
                "id": c.id,
                "name": c.name,
                "points": c.points,
                "items": [
                    {"id": i.id, "name": i.name, "points": i.points, "kind": i.kind}
                    for i in c.items
                ],
            }
            for c in fw.categories
        ],
        "profile": {
            "name": fw.profile.name,
            "limit": fw.profile.limit,
            "limit_source": fw.profile.limit_source,
            "sections": [{"id": s.id, "name": s.name} for s in fw.profile.sections],
        },
    }


def award_summary(award: Award) -> dict[str, Any]:
    """An award as ``forms show --json`` gives it: tiers, rules, parts, facts, attachments."""
    return {
        "id": award.id,
        "type": "award",
        "name": award.name,
        "level": award.level,
        "issuer": award.issuer,
        "document": award.document,
        "document_number": award.document_number,
        "framework": award.framework,
        "scored": award.scored,
        "check_notice": award.check_notice,
        "tiers": [
            {
                "id": t.id,
                "name": t.name,
                "line": t.line,
                "comparison": t.comparison,
                "citation": t.citation,
                "quota": t.quota,
            }
            for t in award.tiers
        ],
        "composite": None
        if award.composite is None
        else {
            "citation": award.composite.citation,
            "parts": [
                {"id": p.id, "name": p.name, "weight": p.weight} for p in award.composite.parts
            ],
        },
        "rules": [
            {
                "id": r.id,
                "citation": r.citation,
                "kind": r.kind,
                "text": r.text,
                "params": dict(r.params),
                "check_notice": r.check_notice or award.check_notice,
            }
            for r in award.rules
        ],
        "parts": [
            {
                "id": p.id,
                "name": p.name,
                "limit": p.limit,
                "metric": p.metric,
                "counts_figures": p.counts_figures,
                "figure_chars": p.figure_chars,
                "limit_source": p.limit_source,
            }
            for p in award.parts
        ],
        "facts": [{"text": f.text, "source": f.source} for f in award.facts],
        "attachments": [
            {"id": a.id, "name": a.name, "required": a.required} for a in award.attachments
        ],
    }


def _print_summary(data: dict[str, Any]) -> None:
    if data["type"] == "framework":
        print(f"{data['standard']}《{data['name']}》  共 {data['total_points']} 分")
        for c in data["categories"]:
            print(f"{c['id']} {c['name']}（{c['points']} 分）")
            for i in c["items"]:
                kind = "过程" if i["kind"] == "process" else "结果"
                print(f"    {i['id']:<7} {i['name']:<14} {i['points']:>4} 分  {kind}")
        return
    print(f"{data['name']}（{data['level']}）  {data['document']}")
    for t in data["tiers"]:
        print(f"  {_tier_line(t['name'], t['line'], t['comparison'])}  {t['citation']}")
    print("资格条件：")
    for r in data["rules"]:
        notice = "  [按当年申报通知核对]" if r["check_notice"] else ""
        print(f"  {r['citation']:<10} {r['text'].splitlines()[0][:60]}{notice}")
    print("申报材料：" + " → ".join(_part_words(p) for p in data["parts"]))


def _part_words(part: dict[str, Any]) -> str:
    """A part with its limit: a rule (≤ 50,000 字) or the program's suggestion (参考值)."""
    if not part["limit"]:
        return str(part["name"])
    limit = numbers.integer(part["limit"])
    if part["limit_source"] == REFERENCE:
        return f"{part['name']}（参考值 {limit} 字，按当年申报通知核对）"
    return f"{part['name']}（≤ {limit} 字）"


# --- validate -------------------------------------------------------------------------------


def validate_command(args: argparse.Namespace) -> int:
    """``validate``: the value as normalised, or why it is wrong (exit 1)."""
    check = validate(args.kind, args.value)
    if not check.ok:
        print(check.message, file=sys.stderr)
        return EXIT_PROBLEM
    if check.warning:
        print(f"注意：{check.warning}", file=sys.stderr)
    print(check.value)
    return EXIT_OK
