"""Two years of an application side by side: ``qualitydesk compare`` and the comparison itself."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest
from msgspec.structs import replace

from qualitydesk.cli import main
from qualitydesk.domain.compare import Side, compare, text_change
from qualitydesk.domain.indicators import Indicator
from qualitydesk.store.document import Document
from qualitydesk.store.renew import renew

ADDED = "2027 年起，战略复盘改为每季度一次，由战略委员会主持。"


@pytest.fixture
def two_years(demo_file, forms, tmp_path):
    """The demo (2026) and next year's application made from it, then edited: 4.1.2 scored
    10 points higher, a paragraph added to 4.2.2, the first paragraph of 4.3.2 reworded.
    """
    old = tmp_path / "2026.qdesk"
    shutil.copy(demo_file, old)
    new = renew(old, tmp_path / "2027.qdesk", forms).path
    with Document.open(new) as doc:
        doc.set_score("4.1.2", replace(doc.score("4.1.2"), pct=doc.score("4.1.2").pct + 10))
        doc.set_narrative("4.2.2", doc.narrative("4.2.2") + "\n\n" + ADDED)
        first, rest = doc.narrative("4.3.2").split("\n\n", 1)
        doc.set_narrative("4.3.2", first + "（2027 年修订）\n\n" + rest)
        doc.save()
    return old, new


def _digest(*paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_compare_json_gives_scores_text_changes_and_shared_indicators(capsys, two_years):
    old, new = two_years
    before = _digest(old, new)
    assert main(["compare", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["old"]["year"], data["new"]["year"]) == (2026, 2027)
    assert data["new"]["total"] - data["old"]["total"] == 5  # 4.1.2 is worth 50 points: +10%
    items = {i["item"]: i for i in data["items"]}
    assert len(items) == 23
    assert (items["4.1.2"]["old"]["pct"] + 10, items["4.1.2"]["change"]) == (
        items["4.1.2"]["new"]["pct"],
        10,
    )
    assert items["4.1.2"]["new"]["points"] - items["4.1.2"]["old"]["points"] == 5
    assert items["4.2.2"]["text"]["added"] == 1
    assert (items["4.2.2"]["text"]["changed"], items["4.2.2"]["text"]["removed"]) == (0, 0)
    assert items["4.3.2"]["text"]["changed"] == 1
    assert data["changed_items"] == ["4.1.2", "4.2.2", "4.3.2"]
    shared = {i["id"]: i for i in data["indicators"]}
    with Document.open(old, read_only=True) as doc:
        indicators = doc.indicators()
    assert set(shared) == {i.id for i in indicators}
    first = indicators[0]
    assert shared[first.id]["old"] == {str(y): v for y, v in sorted(first.values.items())}
    assert _digest(old, new) == before  # compared, not changed


def test_compare_text_names_what_changed(capsys, two_years):
    old, new = two_years
    assert main(["compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2026 年度（")
    assert "→ 2027 年度（" in out[0]
    assert out[2] == "有变化的评分项 3 项（共 23 项）："
    assert out[3].endswith("（+10）  文字：未改")
    assert out[4].endswith("文字：增 1 段")
    assert "（未变）" in out[4]
    assert out[5].endswith("文字：改 1 段")


def test_files_of_different_frameworks_are_refused(capsys, two_years):
    old, new = two_years
    with sqlite3.connect(new) as db:  # as a file of another framework would say
        db.execute("UPDATE meta SET value = 'other-framework' WHERE key = 'framework'")
    db.close()
    before = _digest(old, new)
    assert main(["compare", str(old), str(new)]) == 2
    err = capsys.readouterr().err
    assert "评价准则不同" in err
    assert "other-framework" in err
    assert _digest(old, new) == before


def test_an_unreadable_file_is_refused_with_the_reason(capsys, two_years, tmp_path):
    old, _ = two_years
    broken = tmp_path / "broken.qdesk"
    broken.write_bytes(b"not a database" * 100)
    assert main(["compare", str(old), str(broken)]) == 2
    assert "broken.qdesk" in capsys.readouterr().err


def test_paragraphs_are_counted_kept_changed_added_and_removed():
    old = "甲段。\n\n乙段。\n\n丙段。"
    assert text_change(old, old) == text_change(old, old.replace("\n\n", "\n  \n"))
    assert text_change(old, old).any is False
    change = text_change(old, "甲段。\n\n乙段改了。\n\n丙段。\n\n丁段。")
    assert (change.kept, change.changed, change.added, change.removed) == (2, 1, 1, 0)
    change = text_change(old, "丙段。")
    assert (change.kept, change.changed, change.added, change.removed) == (1, 0, 0, 2)


def test_indicators_pair_by_id_else_by_name_and_unit(forms):
    framework = forms.framework("gbt19580-2012")

    def kpi(id_, name, unit, values):
        return Indicator(id_, name, unit, "higher", "4.7.2", values)

    old = Side(
        2025, "甲", {}, {}, [kpi("a", "一次合格率", "%", {2024: 98.0}), kpi("b", "旧", "%", {})]
    )
    new = Side(
        2026,
        "甲",
        {},
        {},
        [kpi("x", "一次合格率", "%", {2025: 98.5}), kpi("c", "新", "件", {2025: 3.0})],
    )
    found = compare(framework, old, new)
    assert [(p.id, p.old_values, p.new_values) for p in found.indicators] == [
        ("x", {2024: 98.0}, {2025: 98.5})
    ]
    assert (found.only_old, found.only_new) == (("旧",), ("新",))
    assert found.changed_items == ()
