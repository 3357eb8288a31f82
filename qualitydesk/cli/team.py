"""``qualitydesk team``: the self-assessment team from the command line (issue 16 §6).

``hand-out`` writes one assessor's file (and an Excel scorebook, where the program writes them)
per assessor into a folder; ``collect`` records returned files; ``status`` lists per item every
assessor's percent, the mean, median and spread and whether it is flagged for discussion;
``agree`` records a consensus score, which becomes the item's self-score. A refusal says why on
one line, exits 2 and changes nothing (every file is checked before anything is written).
"""

from __future__ import annotations

import argparse
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from msgspec.structs import asdict

from qualitydesk.cli.common import EXIT_OK, UsageError, emit, open_read_only
from qualitydesk.domain.forms import Forms, load_forms
from qualitydesk.domain.numbers import json_score, number
from qualitydesk.domain.team import ItemSpread, spreads
from qualitydesk.store.document import Document, DocumentError


def team_command(args: argparse.Namespace) -> int:
    """Run ``team hand-out|collect|status|agree``."""
    run = {
        "hand-out": _hand_out,
        "collect": _collect,
        "status": _status,
        "agree": _agree,
    }[args.team_command]
    return run(args, load_forms())


def _open_for_change(path: str) -> Document:
    doc = Document.open(path)
    if doc.read_only:
        reason = doc.read_only_reason
        doc.close()
        raise UsageError(f"{path}：{reason}，不能修改")
    return doc


def _hand_out(args: argparse.Namespace, forms: Forms) -> int:
    from qualitydesk.store.scorefile import hand_out_files

    with _open_for_change(args.file) as doc:
        written = hand_out_files(doc, forms, args.assessor, args.output, force=args.force)
    print(f"已向 {len(args.assessor)} 位评分人分发评分表，写入 {args.output}：")
    for path in written:
        print(f"  {path.name}")
    return EXIT_OK


def _collect(args: argparse.Namespace, forms: Forms) -> int:
    from qualitydesk.store.scorefile import collect

    with _open_for_change(args.file) as doc:
        returned = collect(doc, forms, args.returned, replace=args.replace)
        waiting = [a.name for a in doc.assessors() if not a.returned_at]
    for r in returned:
        again = "（替换此前汇总的评分）" if r.replaced else ""
        print(f"已汇总 {r.assessor} 的评分 {r.scored} 项，来自 {r.path.name}{again}")
        for warning in r.warnings:
            print(f"  注意：{warning}")
    if waiting:
        print(f"尚未交回：{'、'.join(waiting)}")
    return EXIT_OK


def _status(args: argparse.Namespace, forms: Forms) -> int:
    if args.spread is not None and not 0 < args.spread <= 100:
        raise UsageError(f"--spread 应为 1–100 之间的整数（百分点），收到 {args.spread}")
    with open_read_only(args.file) as doc:
        framework = forms.framework(doc.framework_id)
        threshold = args.spread if args.spread is not None else doc.spread_threshold()
        found = spreads(framework, doc.assessor_scores(), threshold)
        assessors = doc.assessors()
        agreed = doc.consensus()
    names = {i.id: i.name for i in framework.items}
    if args.json:
        emit(
            {
                "file": str(Path(args.file)),
                "threshold": threshold,
                "assessors": [asdict(a) for a in assessors],
                "items": [_item_json(s, names, agreed) for s in found],
            }
        )
        return EXIT_OK
    _print_status(found, [a.name for a in assessors], threshold, agreed)
    waiting = [a.name for a in assessors if not a.returned_at]
    if waiting:
        print(f"尚未交回：{'、'.join(waiting)}")
    return EXIT_OK


def _mean(value: Decimal) -> Decimal:
    """The mean to two places (a third of a percent has no end)."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _item_json(s: ItemSpread, names: dict[str, str], agreed: dict[str, Any]) -> dict[str, Any]:
    consensus = agreed.get(s.item)
    return {
        "item": s.item,
        "name": names.get(s.item, ""),
        "pcts": dict(s.pcts),
        "mean": json_score(_mean(s.mean)),
        "median": json_score(s.median),
        "spread": s.spread,
        "flagged": s.flagged,
        "consensus": None if consensus is None else consensus.pct,
    }


def _print_status(
    found: list[ItemSpread], assessors: list[str], threshold: int, agreed: dict[str, Any]
) -> None:
    if not found:
        print("还没有汇总任何评分人的评分")
        return
    flagged = sum(s.flagged for s in found)
    print(f"分歧 ≥ {threshold} 个百分点的评分项 {flagged} 项（列在前面）")
    head = ["评分项", *assessors, "平均", "中位", "分歧", "共识", ""]
    lines = [head]
    for s in found:
        pcts = [f"{s.pcts[a]}%" if a in s.pcts else "—" for a in assessors]
        consensus = agreed.get(s.item)
        lines.append(
            [
                s.item,
                *pcts,
                f"{number(_mean(s.mean))}%",
                f"{number(s.median)}%",
                str(s.spread),
                f"{consensus.pct}%" if consensus else "—",
                ("已确认" if consensus else "需讨论") if s.flagged else "",
            ]
        )
    widths = [max(_width(row[n]) for row in lines) for n in range(len(head))]
    for row in lines:
        print("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _agree(args: argparse.Namespace, forms: Forms) -> int:
    with _open_for_change(args.file) as doc:
        framework = forms.framework(doc.framework_id)
        try:
            doc.agree(args.item, args.pct, args.note, framework=framework)
        except DocumentError as exc:
            named = str(exc) if str(exc).startswith(args.file) else f"{args.file}：{exc}"
            raise DocumentError(named) from None
        before = doc.consensus()[args.item].before
    earlier = "、".join(f"{name} {pct}%" for name, pct in before.items()) or "尚无"
    print(f"已记录评分项 {args.item} 的共识评分 {args.pct}%，并作为自评分（各评分人：{earlier}）")
    return EXIT_OK
