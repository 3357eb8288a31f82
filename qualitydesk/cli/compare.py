"""``qualitydesk compare OLD NEW``: two years of an application side by side (issue 16 §4).

Both files are only read. The text lists every item whose score or text changed, the totals of
both years and the indicators both report; ``--json`` gives every item, both series of every
shared indicator and the indicators only one year has.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qualitydesk.cli.common import EXIT_OK, emit
from qualitydesk.domain.compare import Comparison, ItemComparison
from qualitydesk.domain.forms import load_forms
from qualitydesk.domain.numbers import json_score, number
from qualitydesk.store.compare import compare_files


def compare_command(args: argparse.Namespace) -> int:
    """Print the comparison of ``args.old`` and ``args.new``."""
    found = compare_files(args.old, args.new, load_forms())
    if args.json:
        emit(comparison_json(found, Path(args.old), Path(args.new)))
    else:
        _print_text(found)
    return EXIT_OK


def comparison_json(found: Comparison, old: Path, new: Path) -> dict[str, Any]:
    """The comparison as ``--json`` gives it (scores exact, as ``score --json`` gives them)."""
    return {
        "old": _side_json(found, old, later=False),
        "new": _side_json(found, new, later=True),
        "items": [_item_json(i) for i in found.items],
        "changed_items": list(found.changed_items),
        "indicators": [
            {
                "id": pair.id,
                "name": pair.name,
                "unit": pair.unit,
                "old": {str(y): v for y, v in sorted(pair.old_values.items())},
                "new": {str(y): v for y, v in sorted(pair.new_values.items())},
            }
            for pair in found.indicators
        ],
        "only_old": list(found.only_old),
        "only_new": list(found.only_new),
    }


def _side_json(found: Comparison, path: Path, *, later: bool) -> dict[str, Any]:
    side = found.new if later else found.old
    total = found.new_total if later else found.old_total
    return {"file": str(path), "year": side.year, "name": side.name, "total": json_score(total)}


def _item_json(item: ItemComparison) -> dict[str, Any]:
    def score(pct: int | None, points: Any, band: str) -> dict[str, Any] | None:
        return None if pct is None else {"pct": pct, "points": json_score(points), "band": band}

    return {
        "item": item.item,
        "name": item.name,
        "old": score(item.old_pct, item.old_points, item.old_band),
        "new": score(item.new_pct, item.new_points, item.new_band),
        "change": item.pct_change,
        "text": {
            "kept": item.text.kept,
            "changed": item.text.changed,
            "added": item.text.added,
            "removed": item.text.removed,
        },
    }


def _print_text(found: Comparison) -> None:
    old, new = found.old, found.new
    print(f"{old.year} 年度（{old.name}） → {new.year} 年度（{new.name}）")
    change = found.new_total - found.old_total
    print(f"自评总分 {number(found.old_total)} → {number(found.new_total)}（{_signed(change)}）")
    changed = [i for i in found.items if i.item in found.changed_items]
    print(f"有变化的评分项 {len(changed)} 项（共 {len(found.items)} 项）：")
    for item in changed:
        print(f"  {item.item} {item.name}  {_pct(item)}  文字：{item.text.words()}")
    print(f"两年都有的关键绩效指标 {len(found.indicators)} 项", end="")
    if found.only_old or found.only_new:
        only = (
            f"仅 {old.year} 年 {len(found.only_old)} 项，仅 {new.year} 年 {len(found.only_new)} 项"
        )
        print(f"；{only}")
    else:
        print()


def _pct(item: ItemComparison) -> str:
    if item.old_pct is None and item.new_pct is None:
        return "未评分"
    before = "未评分" if item.old_pct is None else f"{item.old_pct}%"
    after = "未评分" if item.new_pct is None else f"{item.new_pct}%"
    delta = item.pct_change
    if delta == 0:
        return f"{before}（未变）"
    return f"{before} → {after}" + (f"（{delta:+d}）" if delta else "")


def _signed(value: Any) -> str:
    return ("+" if value > 0 else "") + number(value)
