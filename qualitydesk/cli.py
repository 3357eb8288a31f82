"""The ``qualitydesk`` command: the desktop program, and headless subcommands for scripts and tests.

Usage and input errors print one line on stderr and exit 2; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from qualitydesk import log as applog
from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.eligibility import Finding
from qualitydesk.domain.forms import (
    COMPARISONS,
    REFERENCE,
    Award,
    Forms,
    FormsError,
    Framework,
    Notice,
    load_forms,
)
from qualitydesk.domain.scoring import ScoreError
from qualitydesk.domain.validators import VALIDATORS, validate
from qualitydesk.store import readiness, safewrite, sizes
from qualitydesk.store.demo import DEMO, build_demo, demo_names
from qualitydesk.store.document import Document, DocumentError

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
COMMANDS = (
    "forms",
    "validate",
    "score",
    "new",
    "demo",
    "check",
    "history",
    "dump",
    "load",
    "export",
    "import-docx",
)


# --force: commands never replace an existing file without it (DESIGN.md, 命令行).
REPLACE_DOCUMENT = "替换已存在的同名文件（正在 QualityDesk 中打开的文件不会被替换）"
REPLACE_OUTPUT = "替换已存在的同名文件（申报文件本身和其他 .qdesk 文件从不会被替换）"


class UsageError(Exception):
    """Bad input from the command line: reported in one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}（{self.prog} --help 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="qualitydesk",
        description="质量奖申报助手 QualityDesk。不带子命令时启动桌面程序。",
    )
    sub = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="|".join(COMMANDS)
    )

    forms = sub.add_parser("forms", help="奖项与评价准则数据（forms/）")
    forms_sub = forms.add_subparsers(dest="forms_command", required=True, metavar="list|check|show")
    listing = forms_sub.add_parser("list", help="列出评价准则和奖项")
    listing.add_argument("--json", action="store_true")
    forms_sub.add_parser("check", help="检查 forms/ 中的全部文件")
    show = forms_sub.add_parser("show", help="显示一个评价准则或奖项")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")

    validator = sub.add_parser("validate", help="校验一个值（统一社会信用代码、电话……）")
    validator.add_argument("kind", choices=sorted(VALIDATORS))
    validator.add_argument("value")

    score = sub.add_parser("score", help="计算自评分：申报文件的，或按给出的百分比")
    score.add_argument("file", nargs="?", help="申报文件（.qdesk）")
    score.add_argument("--framework", help="评价准则编号，如 gbt19580-2012（不给申报文件时）")
    score.add_argument(
        "--pct",
        action="append",
        default=[],
        metavar="ITEM=PCT",
        help="评分项得分百分比，如 4.1.2=65；未给出的评分项按 0 计",
    )
    score.add_argument(
        "--award",
        action="append",
        default=[],
        metavar="ID",
        help="对照该奖项的分数线（可多次给出）",
    )
    score.add_argument("--json", action="store_true")

    new = sub.add_parser("new", help="新建申报文件")
    new.add_argument("file")
    new.add_argument("--award", help="奖项编号，如 suzhou-mayor（用 --from 时不需要）")
    new.add_argument("--org", default="", help="组织名称")
    _add_year_options(new)
    new.add_argument("--force", action="store_true", help=REPLACE_DOCUMENT)

    demo = sub.add_parser("demo", help="生成示例申报文件")
    demo.add_argument("file")
    demo.add_argument("--award", help="奖项编号（默认：示例自己的奖项）")
    demo.add_argument(
        "--demo",
        default=DEMO,
        choices=demo_names(),
        help="哪一份示例：demo（苏州市市长质量奖，组织）、demo-china（中国质量奖，组织）、"
        "demo-person（中国质量奖，个人）",
    )
    demo.add_argument("--force", action="store_true", help=REPLACE_DOCUMENT)

    check = sub.add_parser("check", help="申报资格、完整性与字数检查；就绪返回 0，有问题返回 1")
    check.add_argument("file")
    check.add_argument("--json", action="store_true")

    history = sub.add_parser("history", help="修改历史")
    history.add_argument("file")
    history.add_argument("--json", action="store_true")

    dump = sub.add_parser("dump", help="导出为 JSON（无损）")
    dump.add_argument("file")
    dump.add_argument("-o", "--output", required=True, help="JSON 文件")
    dump.add_argument("--force", action="store_true", help=REPLACE_OUTPUT)

    load = sub.add_parser("load", help="由 JSON 生成新的申报文件")
    load.add_argument("json_file")
    load.add_argument("file")
    load.add_argument("--force", action="store_true", help=REPLACE_DOCUMENT)

    _add_export(sub)
    _add_import_docx(sub)
    return parser


def _add_export(sub: Any) -> None:
    """``export``: the PDF (package or internal report), or the Word copy (.docx)."""
    export = sub.add_parser(
        "export", help="导出可打印的 PDF（申报材料或内部自评报告），或可编辑的 Word 副本（.docx）"
    )
    export.add_argument("file")
    export.add_argument(
        "-o", "--output", required=True, help="PDF 文件；以 .docx 结尾时导出 Word 副本"
    )
    export.add_argument(
        "--kind",
        choices=("package", "internal"),
        default="package",
        help="package：申报材料（默认）；internal：内部自评报告",
    )
    export.add_argument("--double-sided", action="store_true", help="双面打印：装订边左右交替")
    export.add_argument(
        "--layout",
        metavar="版式",
        help="PDF 的版式：标准（standard，默认：固定 28 磅行距，页边距 25–30 mm）或紧凑"
        "（compact：每页多排约四到五成文字）；见 forms/layouts.toml",
    )
    export.add_argument("--force", action="store_true", help=REPLACE_OUTPUT)
    section = export.add_mutually_exclusive_group()
    section.add_argument("--item", metavar="ID", help="Word 副本只含一个评分项，如 4.1.2")
    section.add_argument("--category", metavar="ID", help="Word 副本只含一个类目，如 4.1")


def _add_year_options(new: argparse.ArgumentParser) -> None:
    new.add_argument("--year", type=int, help="申报年度（默认今年；用 --from 时默认往年的下一年）")
    new.add_argument("--from", dest="source", metavar="OLD.qdesk", help="以往年申报文件为基础新建")


def _add_import_docx(sub: Any) -> None:
    word = sub.add_parser("import-docx", help="把 Word 申报材料按标题导入各评分项")
    word.add_argument("file", help="申报文件（.qdesk）")
    word.add_argument("docx", help="Word 文件（.docx；.doc、.wps 需要 LibreOffice）")
    word.add_argument(
        "--mode",
        choices=("replace", "append", "skip"),
        help="已有内容的评分项：replace 替换、append 追加到后面、skip 跳过（默认跳过；"
        "从本程序导出的单项 Word 文件默认替换回原评分项）",
    )
    word.add_argument("--dry-run", action="store_true", help="只显示导入计划，不写入")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    applog.install(context=applog.command_context(argv, COMMANDS))
    parser = build_parser()
    try:
        if argv == ["--smoke-test"]:
            return _run_gui(None, smoke_test=True)
        if not argv or (len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMANDS):
            return _run_gui(argv[0] if argv else None)
        args = parser.parse_args(argv)
        handler = {
            "forms": _forms,
            "validate": _validate,
            "score": _score,
            "new": _new,
            "demo": _demo,
            "check": _check,
            "history": _history,
            "dump": _dump,
            "load": _load,
            "export": _export,
            "import-docx": _import_docx,
        }[args.command]
        return handler(args)
    except (UsageError, FormsError, ScoreError, DocumentError) as exc:
        applog.record_failure(exc)
        print(f"qualitydesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    except Exception as exc:  # a bug: logged for the report, then Python's own traceback
        applog.record_failure(exc, "command crashed")
        raise


def _emit(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# --- forms ----------------------------------------------------------------------------------


def _forms(args: argparse.Namespace) -> int:
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
        _emit(data)
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
        _emit({"frameworks": frameworks, "awards": awards})
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
    if line is None or comparison is None:
        return f"{name}：未公布分数线"
    return f"{name}：{COMPARISONS[comparison]} {line} 分"


def framework_summary(fw: Framework) -> dict[str, Any]:
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


def _validate(args: argparse.Namespace) -> int:
    check = validate(args.kind, args.value)
    if not check.ok:
        print(check.message, file=sys.stderr)
        return EXIT_PROBLEM
    if check.warning:
        print(f"注意：{check.warning}", file=sys.stderr)
    print(check.value)
    return EXIT_OK


# --- score ----------------------------------------------------------------------------------


def _parse_pcts(pairs: list[str]) -> dict[str, int]:
    pcts: dict[str, int] = {}
    for pair in pairs:
        item, sep, value = pair.partition("=")
        if not sep or not item.strip():
            raise UsageError(f"--pct 应写成 评分项=百分比，如 4.1.2=65，收到 {pair!r}")
        if item.strip() in pcts:
            raise UsageError(f"评分项 {item.strip()} 给出了两次")
        try:
            pcts[item.strip()] = scoring.check_pct(value.strip())
        except ScoreError as exc:
            raise UsageError(f"{item.strip()}：{exc}") from None
    return pcts


def _score(args: argparse.Namespace) -> int:
    forms = load_forms()
    if args.file:
        if args.framework or args.pct:
            raise UsageError("给出申报文件时不能再给 --framework 或 --pct")
        with _open(args.file) as doc:
            card = readiness.scorecard(doc, forms)
            award_ids = [doc.award_id, *args.award]
            examiners = examiners_json(doc, forms.award(doc.award_id))
    elif args.framework:
        card = scoring.score(forms.framework(args.framework), _parse_pcts(args.pct))
        award_ids = list(args.award)
        examiners = None
    else:
        raise UsageError("请给出申报文件，或用 --framework 和 --pct 给出评分")
    fw = card.framework
    tiers = []
    for award_id in award_ids:
        award = forms.award(award_id)
        if award.framework != fw.id:
            raise UsageError(f"{award.name}使用评价准则 {award.framework}，不是 {fw.id}")
        tiers.extend(scoring.evaluate_tiers(award, card.total))
    data = scorecard_json(card, tiers)
    if args.file:
        data["examiners"] = examiners
    if args.json:
        _emit(data)
        return EXIT_OK
    for c in card.categories:
        print(f"{c.category.id:<4} {numbers.score(c.points):>6} / {c.max:<4} {c.category.name}")
    process_max = sum(i.points for i in fw.items if i.kind == "process")
    results_max = fw.total_points - process_max
    process, results = numbers.score(card.process), numbers.score(card.results)
    print(f"过程 {process} / {process_max}   结果 {results} / {results_max}")
    print(f"总分 {numbers.score(card.total)} / {fw.total_points}")
    names = {a: forms.award(a).name for a in award_ids}
    for t in tiers:
        verdict = {True: "达到", False: "未达到", None: "—"}[t.reached]
        print(f"{names[t.award]} {t.tier}（{t.wording}）：自评{verdict}")
    if tiers:
        print(scoring.LINE_NOTE)
    if examiners:
        _print_examiners(examiners)
    return EXIT_OK


def scorecard_json(card: scoring.Scorecard, tiers: list[scoring.TierResult]) -> dict[str, Any]:
    """The score command's JSON: totals, categories and items with max, and award lines.

    Scores are exact (:func:`qualitydesk.domain.numbers.json_score`): JSON numbers written with
    exactly their decimal digits (599.75, 600; never 600.0 for 599.75), read exactly with
    ``json.loads(text, parse_float=decimal.Decimal)``. ``reached`` is the self-score's; the
    lines apply to the examiners' 总评分 (``note``).
    """
    exact = numbers.json_score
    return {
        "framework": card.framework.id,
        "total": exact(card.total),
        "process": exact(card.process),
        "results": exact(card.results),
        "categories": {
            c.category.id: {"points": exact(c.points), "max": c.max} for c in card.categories
        },
        "items": {
            s.item.id: {"pct": s.pct, "points": exact(s.points), "max": s.item.points}
            for s in card.items
        },
        "tiers": [
            {
                "award": t.award,
                "tier": t.tier,
                "line": t.line,
                "comparison": t.comparison,
                "reached": t.reached,
            }
            for t in tiers
        ],
        "note": scoring.LINE_NOTE,
    }


def examiners_json(doc: Document, award: Award) -> dict[str, Any] | None:
    """The examiners' stage scores and their composite (exact, as in :func:`scorecard_json`)
    with the clause that defines it, and each line judged on the composite; None when the
    programme defines no composite."""
    spec = award.composite
    if spec is None:
        return None
    given = {p.id: doc.stage_score(p.id) for p in spec.parts}
    value = scoring.composite_of(spec, given)
    tiers = [] if value is None else scoring.evaluate_tiers(award, value)
    return {
        "citation": spec.citation,
        "formula": scoring.composite_formula(spec),
        "stages": [
            {
                "id": p.id,
                "name": p.name,
                "weight": p.weight,
                "score": None if given[p.id] is None else numbers.json_score(given[p.id]),
            }
            for p in spec.parts
        ],
        "composite": None if value is None else numbers.json_score(value),
        "tiers": [
            {"tier": t.tier, "line": t.line, "comparison": t.comparison, "reached": t.reached}
            for t in tiers
        ],
    }


def _print_examiners(examiners: dict[str, Any]) -> None:
    stages = "、".join(
        f"{s['name']} {'未填写' if s['score'] is None else numbers.score(s['score']) + ' 分'}"
        for s in examiners["stages"]
    )
    print(f"[评审] 评审得分：{stages}")
    if examiners["composite"] is None:
        print(f"[评审] 综合得分：各环节得分填齐后计算（{examiners['citation']}）")
        return
    composite = numbers.score(examiners["composite"])
    print(f"[评审] 综合得分 {composite} 分（{examiners['citation']}：{examiners['formula']}）")
    for t in examiners["tiers"]:
        if t["reached"] is not None:
            wording = f"{COMPARISONS[t['comparison']]} {t['line']} 分"
            verdict = "达到" if t["reached"] else "未达到"
            print(f"[评审] {t['tier']}（{wording}）：综合得分{verdict}")


def score_json(doc: Document, forms: Forms) -> dict[str, Any] | None:
    """The score part of ``check``: the self-score against the lines (an estimate) and the
    examiners' stage scores with their composite; None for a programme without a score."""
    award = forms.award_for(doc.award_id, doc.applicant)
    if not award.scored and award.composite is None:
        return None
    card = readiness.scorecard(doc, forms)
    tiers = scoring.evaluate_tiers(award, card.total)
    return {
        "self_score": numbers.json_score(card.total),
        "max": card.framework.total_points,
        "tiers": [
            {"tier": t.tier, "line": t.line, "comparison": t.comparison, "reached": t.reached}
            for t in tiers
        ],
        "note": scoring.LINE_NOTE,
        "examiners": examiners_json(doc, award),
    }


# --- documents --------------------------------------------------------------------------------


def _open(path: str) -> Document:
    """Open for reading only: no writer lock, so the file can stay open for editing in the
    desktop program meanwhile, and one consistent snapshot of it for the whole command."""
    return Document.open(path, read_only=True)


def _new(args: argparse.Namespace) -> int:
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
    with _open(args.file) as doc:
        result = readiness.check(doc, forms)
    counts = Counter(f.status.label for f in result.eligibility)
    summary = "，".join(f"{label} {n} 条" for label, n in counts.items())
    print(f"{made.items} 个评分项已标为“需更新”；资格自查按 {made.year} 年度重新评估：{summary}")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    forms = load_forms()
    with build_demo(args.file, forms, args.award, demo=args.demo, force=args.force) as doc:
        award = forms.award_for(doc.award_id, doc.applicant)
        total = readiness.scorecard(doc, forms).total
    scored = f"，自评 {numbers.score(total)} 分" if award.scored else ""
    print(f"已生成示例申报文件 {args.file}（{award.name}{scored}）")
    return EXIT_OK


def _limit_line(c: readiness.LimitCheck) -> str:
    """``[符合] 自评报告 45,495 / 50,000 字``; a 参考值 is shown as a suggestion, not a rule."""
    count, limit = numbers.integer(c.count), numbers.integer(c.limit)
    if c.reference:
        mark = "符合" if c.ok else "超出参考值"
        return f"[{mark}] {c.name} {count} 字（参考值 {limit} 字，按当年申报通知核对）"
    return f"[{'符合' if c.ok else '超出'}] {c.name} {count} / {limit} 字（{c.source}）"


def _finding_json(finding: Finding, award: Award) -> dict[str, object]:
    """One clause's verdict for ``check --json``: what it says, what was used, where it is from."""
    rule = finding.rule
    return {
        "rule": rule.id,
        "clause": finding.clause,
        "status": str(finding.status),
        "verdict": finding.status.label,
        "reason": finding.reason,
        "text": rule.text.strip(),
        "evidence": list(finding.evidence),
        "reading": finding.reading,
        "source": {"document": award.document, "clause": rule.citation},
    }


def _check(args: argparse.Namespace) -> int:
    forms = load_forms()
    with _open(args.file) as doc:
        result = readiness.check(doc, forms)
        too_long = sizes.in_document(doc, forms)  # the export refuses these
        unprintable = _unprintable(doc, forms)  # a warning: they print as 〓, nothing is lost
        score = score_json(doc, forms)
        award = forms.award(doc.award_id)
    ready = result.ready and not too_long
    data = {
        "eligibility": [_finding_json(f, award) for f in result.eligibility],
        "completeness": [
            {"part": m.part, "key": m.key, "problem": m.problem} for m in result.completeness
        ],
        "limits": [
            {
                "part": c.part,
                "name": c.name,
                "count": c.count,
                "limit": c.limit,
                "figures": c.figures,
                "ok": c.ok,
                "reference": c.reference,
                "source": c.source,
            }
            for c in result.limits
        ],
        "oversized": [{"where": p.where, "size": p.size, "max": p.maximum} for p in too_long],
        "unprintable": [
            {
                "where": p.where,
                "char": p.char,
                "codepoint": p.codepoint,
                "line": p.line,
                "column": p.column,
                "offset": p.offset,
            }
            for p in unprintable
        ],
        "score": score,
        "ready": ready,
    }
    if args.json:
        _emit(data)
    else:
        for f in result.eligibility:
            print(f"[{f.status.label}] {f.clause} {f.reason}")
        for m in result.completeness:
            print(f"[待完成] {m.problem}")
        for c in result.limits:
            print(_limit_line(c))
        for p in too_long:
            print(f"[过长] {p.message}")
        for p in unprintable:
            print(f"[无法打印] {p.message}")
        if score is not None:
            _print_score(score)
        print("可以提交" if ready else "尚未就绪")
    return EXIT_OK if ready else EXIT_PROBLEM


def _unprintable(doc: Document, forms: Forms) -> list[Any]:
    """The characters no font prints (they print as 〓): a warning, ``ready`` stays as it is —
    the package still prints whole and the 〓 marks the place, like a 参考值 exceeded."""
    from qualitydesk.export.preflight import unprintable  # the export's own font judgement

    return unprintable(doc, forms)


def _print_score(score: dict[str, Any]) -> None:
    print(f"[评分] 自评 {numbers.score(score['self_score'])} / {score['max']} 分（估计）")
    for t in score["tiers"]:
        if t["reached"] is not None:
            wording = f"{COMPARISONS[t['comparison']]} {t['line']} 分"
            print(f"[评分] {t['tier']}（{wording}）：自评{'达到' if t['reached'] else '未达到'}")
    print(f"[评分] {score['note']}")
    if score["examiners"]:
        _print_examiners(score["examiners"])


def _history(args: argparse.Namespace) -> int:
    with _open(args.file) as doc:
        revisions = doc.history()
    if args.json:
        _emit([{"id": r.id, "kind": r.kind, "key": r.key, "at": r.at} for r in revisions])
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


def _dump(args: argparse.Namespace) -> int:
    from qualitydesk.store import interchange  # the JSON schema loads only for dump and load

    out = safewrite.check_target(args.output, source=args.file, force=args.force)
    with _open(args.file) as doc:
        text = interchange.dumps(doc)
    safewrite.write_text(out, text, force=args.force)
    return EXIT_OK


def _load(args: argparse.Namespace) -> int:
    from qualitydesk.store import interchange

    forms = load_forms()
    # The target first: a wrong one is said before a large file is read and checked.
    safewrite.check_target(args.file, source=args.json_file, force=args.force, document=True)
    data = interchange.read_json(args.json_file)
    interchange.load(data, args.file, forms, source=args.json_file, force=args.force)
    print(f"已由 {args.json_file} 生成 {args.file}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from qualitydesk.export.pdf import export_pdf  # reportlab loads only for export

    if Path(args.output).suffix.lower() == ".docx":
        return _export_docx(args)
    if args.item or args.category:
        raise UsageError("--item 和 --category 只用于导出 Word 副本（-o 以 .docx 结尾）")
    result = _exported(
        args,
        lambda doc, forms: export_pdf(
            doc,
            forms,
            Path(args.output),
            kind=args.kind,
            double_sided=args.double_sided,
            layout=args.layout,
            force=args.force,
        ),
    )
    size = numbers.file_size(result.size)
    print(f"已导出 {result.path}（{numbers.integer(result.pages)} 页，{size}）")
    for note in result.notes:  # attachments: active content removed, or unreadable
        print(f"注意：{note}")
    if result.missing:
        print(
            f"注意：{numbers.integer(result.missing)} 个字符在内置字体和本机字体中都没有，"
            f"已印为“〓”（qualitydesk check 列出位置）"
        )
    return EXIT_OK


def _export_docx(args: argparse.Namespace) -> int:
    from qualitydesk.export.docx import export_docx  # python-docx only for Word

    if args.kind != "package":
        raise UsageError("Word 副本只有申报材料一种；内部自评报告请导出为 PDF")
    if args.layout:
        raise UsageError("--layout 只用于 PDF；Word 副本的版式在 Word 中调整")
    result = _exported(
        args,
        lambda doc, forms: export_docx(
            doc,
            forms,
            Path(args.output),
            item=args.item,
            category=args.category,
            double_sided=args.double_sided,
            force=args.force,
        ),
    )
    what = result.scope.title or "申报材料"
    print(f"已导出 Word 副本 {result.path}（{what}，{numbers.file_size(result.size)}）")
    for note in result.notes:
        print(f"注意：{note}")
    return EXIT_OK


def _exported(args: argparse.Namespace, write: Any) -> Any:
    """``write(doc, forms)`` on a read-only snapshot of ``args.file``; a failure is one line."""
    from qualitydesk.export.pdf import ExportError  # the PDF and the Word copy share it

    forms = load_forms()
    with _open(args.file) as doc:
        try:
            return write(doc, forms)
        except ExportError as exc:
            raise UsageError(str(exc)) from None


def _import_docx(args: argparse.Namespace) -> int:
    from qualitydesk.store import wordimport  # python-docx loads only for Word

    forms = load_forms()
    with Document.open(args.file, read_only=args.dry_run) as doc:
        if doc.read_only and not args.dry_run:
            raise UsageError(f"{args.file}：{doc.read_only_reason}，不能导入")
        framework = forms.framework_for(forms.award_for(doc.award_id, doc.applicant))
        plan = wordimport.read_plan(args.docx, framework)
        plan.choose_modes(doc, args.mode)
        for line in plan.warnings(doc):
            print(f"注意：{line}")
        rows = wordimport.plan_rows(plan, doc, framework)
        for line in _table(("Word 标题", "评分项", "字数", "图片", "处理"), rows):
            print(line)
        for line in plan.ignored:
            print(f"未导入：{line}")
        for line in plan.notes:
            print(f"注意：{line}")
        if args.dry_run:
            if plan.marker_target:  # a colleague's edited section: show what changes
                for line in wordimport.diff_lines(plan, doc, plan.marker_target):
                    print(line)
            print("试运行：未写入申报文件")
            return EXIT_OK
        result = wordimport.apply(plan, doc)
    for line in result.problems:
        print(f"注意：{line}")
    print(
        f"已导入 {len(result.written)} 项（跳过 {len(result.skipped)} 项），"
        f"图片 {result.placed} 张放入正文、新增附件 {result.attachments} 个；"
        "可在“历史版本”中逐项恢复"
    )
    return EXIT_OK


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows in columns aligned by display width (a Chinese character is two columns)."""

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    table = [header, *rows]
    widths = [max(width(r[i]) for r in table) for i in range(len(header))]
    return [
        "  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in table
    ]


# --- the desktop program --------------------------------------------------------------------


def _run_gui(path: str | None, *, smoke_test: bool = False) -> int:
    if smoke_test:  # visits every step without needing a screen
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    headless_qt = os.environ.get("QT_QPA_PLATFORM", "") in {"offscreen", "minimal"}
    if sys.platform.startswith("linux") and not has_display and not headless_qt:
        raise UsageError(
            "没有图形显示（DISPLAY 未设置），无法打开桌面窗口；不用显示器可运行 make demo"
        )
    from qualitydesk.ui.app import run  # Qt is imported only when the window is wanted

    return run(path, smoke_test=smoke_test)
