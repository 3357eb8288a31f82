"""The command line's scores are exact: 599.75 is written 599.75 and misses 不低于 600; `check`
shows the self-score as an estimate and the examiners' stage scores with their composite.
"""

import json
from datetime import date
from decimal import Decimal

import pytest

from qualitydesk.cli import main
from qualitydesk.domain.forms import load_forms
from qualitydesk.store.document import Document

# Every item at 60% is 600; 4.4.3 (15 points) at 65% = 9.75, 4.4.6 (10 points) at 50% = 5.
BELOW = {"4.4.3": 65, "4.4.6": 50}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_score_json_is_exact_at_the_line(capsys):
    items = load_forms().framework("gbt19580-2012").items
    pcts = [a for i in items for a in ("--pct", f"{i.id}={BELOW.get(i.id, 60)}")]
    argv = ["score", "--framework", "gbt19580-2012", *pcts, "--award", "suzhou-mayor", "--json"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert '"total": 599.75' in out
    assert '"points": 9.75' in out
    data = json.loads(out, parse_float=Decimal)
    assert data["total"] == Decimal("599.75")
    assert data["categories"]["4.4"]["points"] == Decimal("77.75")
    assert data["tiers"][0]["reached"] is False
    assert "评审组给出的总评分" in data["note"]
    code, out, _ = run(capsys, *argv[:-1])
    assert "总分 599.75 / 1000" in out
    assert "市长质量奖（不低于 600 分）：自评未达到" in out
    assert "自评总分只是估计" in out


@pytest.fixture
def sip_file(tmp_path):
    path = tmp_path / "sip.qdesk"
    with Document.create(
        path, award="sip", framework="gbt19580-2012", year=2026, application_date=date(2026, 5, 15)
    ) as doc:
        for part, value in (("materials", "600.5"), ("defence", "599.25"), ("onsite", "600")):
            doc.set_stage_score(part, Decimal(value))
        doc.save()
    return path


def test_check_json_shows_stage_scores_and_the_composite(capsys, sip_file):
    _, out, _ = run(capsys, "check", str(sip_file), "--json")
    score = json.loads(out, parse_float=Decimal)["score"]
    assert score["self_score"] == 0
    assert "自评总分只是估计" in score["note"]
    examiners = score["examiners"]
    assert examiners["citation"] == "第二十五条"
    assert examiners["formula"] == "材料评审 15% + 陈述答辩 15% + 现场评审 70%"
    assert [(s["name"], s["weight"], s["score"]) for s in examiners["stages"]] == [
        ("材料评审", 15, Decimal("600.5")),
        ("陈述答辩", 15, Decimal("599.25")),
        ("现场评审", 70, 600),
    ]
    assert examiners["composite"] == Decimal("599.9625")
    assert '"composite": 599.9625' in out
    assert [t["reached"] for t in examiners["tiers"]] == [False, True]  # 高于 600; 高于 500
    _, text, _ = run(capsys, "check", str(sip_file))
    assert "[评分] 自评 0 / 1000 分（估计）" in text
    assert "综合得分 599.9625 分（第二十五条：材料评审 15% + 陈述答辩 15% + 现场评审 70%）" in text
    assert "苏州工业园区质量奖（高于 600 分）：综合得分未达到" in text


def test_check_json_without_stage_scores(capsys, tmp_path):
    path = tmp_path / "mayor.qdesk"
    Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    ).close()
    _, out, _ = run(capsys, "check", str(path), "--json")
    examiners = json.loads(out)["score"]["examiners"]
    assert examiners["composite"] is None
    assert [s["score"] for s in examiners["stages"]] == [None, None, None]
    assert examiners["tiers"] == []


def test_a_person_applying_for_a_scored_programme_gets_no_self_score(capsys, tmp_path):
    """江苏省省长质量奖 scores organisations; a person writes no 自评报告 and has no score."""
    from qualitydesk.store.demo import build_demo

    path = tmp_path / "person.qdesk"
    build_demo(path, load_forms(), "jiangsu-governor", demo="demo-person").close()
    code, out, _ = run(capsys, "check", str(path), "--json")
    data = json.loads(out)
    assert (code, data["score"], data["ready"]) == (0, None, True)
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    assert "[评分]" not in out
