"""``score``: the self-score of a file or of given percentages, against the programmes' lines;
and the score part of ``check``.
"""

from __future__ import annotations

import argparse
from typing import Any

from qualitydesk.cli.common import EXIT_OK, UsageError, emit, open_read_only
from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import Award, Forms, load_forms
from qualitydesk.domain.scoring import ScoreError
from qualitydesk.store import readiness
from qualitydesk.store.document import Document


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


def score_command(args: argparse.Namespace) -> int:
    """``score``: a file's self-score, or that of given percentages, against award lines."""
    forms = load_forms()
    if args.file:
        if args.framework or args.pct:
            raise UsageError("给出申报文件时不能再给 --framework 或 --pct")
        with open_read_only(args.file) as doc:
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
        emit(data)
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
    programme defines no composite.
    """
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
            wording = scoring.line_wording(t["line"], t["comparison"])
            verdict = "达到" if t["reached"] else "未达到"
            print(f"[评审] {t['tier']}（{wording}）：综合得分{verdict}")


def score_json(doc: Document, forms: Forms) -> dict[str, Any] | None:
    """The score part of ``check``: the self-score against the lines (an estimate) and the
    examiners' stage scores with their composite; None for a programme without a score.
    """
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


def print_score(score: dict[str, Any]) -> None:
    """The score part of ``check`` (:func:`score_json`) as lines of text."""
    print(f"[评分] 自评 {numbers.score(score['self_score'])} / {score['max']} 分（估计）")
    for t in score["tiers"]:
        if t["reached"] is not None:
            wording = scoring.line_wording(t["line"], t["comparison"])
            print(f"[评分] {t['tier']}（{wording}）：自评{'达到' if t['reached'] else '未达到'}")
    print(f"[评分] {score['note']}")
    if score["examiners"]:
        _print_examiners(score["examiners"])
