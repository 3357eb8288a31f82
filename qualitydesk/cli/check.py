"""``check``: eligibility, completeness, limits, texts too long and characters that do not print.

The problems are records (:mod:`qualitydesk.domain.problems`) from the same checks as the
检查与导出 page (:func:`qualitydesk.export.preflight.problems`); the text names each place, the
JSON gives it as a location too.
"""

from __future__ import annotations

import argparse

from qualitydesk.cli.common import EXIT_OK, EXIT_PROBLEM, emit, open_read_only
from qualitydesk.cli.scores import print_score, score_json
from qualitydesk.domain import numbers
from qualitydesk.domain.eligibility import Finding
from qualitydesk.domain.forms import Award, load_forms
from qualitydesk.domain.problems import Kind, Location, Problem
from qualitydesk.store import readiness


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
        "location": Location("eligibility", rule.id).as_dict(),
    }


def check_command(args: argparse.Namespace) -> int:
    """``check``: every verdict and count, then the problems; 0 when ready to submit, else 1.

    Characters no font prints are a warning: ``ready`` stays as it is — the package still prints
    whole and the 〓 marks the place, like a 参考值 exceeded. Texts too long are not: the export
    refuses them.
    """
    from qualitydesk.export import preflight  # the export's own font judgement

    forms = load_forms()
    with open_read_only(args.file) as doc:
        result = readiness.check(doc, forms)
        found = preflight.problems(doc, forms, result)
        score = score_json(doc, forms)
        award = forms.award(doc.award_id)
    too_long = [p for p in found if p.kind is Kind.OVERSIZED]
    ready = result.ready and not too_long
    if args.json:
        emit(_check_json(result, found, award) | {"score": score, "ready": ready})
        return EXIT_OK if ready else EXIT_PROBLEM
    for f in result.eligibility:
        print(f"[{f.status.label}] {f.clause} {f.reason}")
    _print_problems(found, Kind.INCOMPLETE)
    for c in result.limits:
        print(_limit_line(c))
    _print_problems(found, Kind.OVERSIZED)
    _print_problems(found, Kind.UNPRINTABLE)
    if score is not None:
        print_score(score)
    print("可以提交" if ready else "尚未就绪")
    return EXIT_OK if ready else EXIT_PROBLEM


LABELS = {Kind.INCOMPLETE: "待完成", Kind.OVERSIZED: "过长", Kind.UNPRINTABLE: "无法打印"}


def _print_problems(found: list[Problem], kind: Kind) -> None:
    for problem in found:
        if problem.kind is kind:
            print(f"[{LABELS[kind]}] {problem.message}")


def _check_json(
    result: readiness.Readiness, found: list[Problem], award: Award
) -> dict[str, object]:
    """``check --json`` but the score: each verdict, count and problem, each problem with its
    ``location`` (step, item, field; offset, line, column in a text).
    """
    from qualitydesk.export.preflight import missing_problem

    def of(kind: Kind) -> list[Problem]:
        return [p for p in found if p.kind is kind]

    return {
        "eligibility": [_finding_json(f, award) for f in result.eligibility],
        "completeness": [
            {
                "part": m.part,
                "key": m.key,
                "problem": m.problem,
                "location": missing_problem(m).location.as_dict(),
            }
            for m in result.completeness
        ],
        "limits": [_limit_json(c) for c in result.limits],
        "oversized": [
            {"where": p.where, "size": p.count, "max": p.maximum, "location": p.location.as_dict()}
            for p in of(Kind.OVERSIZED)
        ],
        "unprintable": [
            {
                "where": p.where,
                "char": p.char,
                "codepoint": p.codepoint,
                "line": p.location.line,
                "column": p.location.column,
                "offset": p.location.offset,
                "location": p.location.as_dict(),
            }
            for p in of(Kind.UNPRINTABLE)
        ],
    }


def _limit_json(c: readiness.LimitCheck) -> dict[str, object]:
    return {
        "part": c.part,
        "name": c.name,
        "count": c.count,
        "limit": c.limit,
        "figures": c.figures,
        "ok": c.ok,
        "reference": c.reference,
        "source": c.source,
        "location": Location(c.part).as_dict(),
    }
