"""``qualitydesk team``: hand out, collect, status and agree from the command line; refusals
exit 2 with the reason and leave the application as it was.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from decimal import Decimal

import pytest

from qualitydesk.cli import main
from qualitydesk.domain.team import AssessorScore
from qualitydesk.store import interchange
from qualitydesk.store.document import Document
from qualitydesk.store.scorefile import read_score_file, write_score_file

TEAM = {"张三": 40, "李四": 55, "王五": 70}  # their percent of 4.1.2; 60 for 4.1.3 from each


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def fill(path, pct):
    book = read_score_file(path)
    scores = (AssessorScore(book.assessor, "4.1.2", pct), AssessorScore(book.assessor, "4.1.3", 60))
    write_score_file(path, replace(book, scores=scores))


def dump(path):
    with Document.open(path, read_only=True) as doc:
        return interchange.dumps(doc)


@pytest.fixture
def handed(demo_file, tmp_path, capsys):
    app = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, app)
    out = tmp_path / "out"
    out.mkdir()
    names = [a for name in TEAM for a in ("--assessor", name)]
    code, text, _ = run(capsys, "team", "hand-out", app, *names, "-o", out)
    assert code == 0
    assert "已向 3 位评分人分发评分表" in text
    for name, pct in TEAM.items():
        fill(out / f"{name}.qdesk-score", pct)
    return app, out


def test_hand_out_collect_status_and_agree(handed, capsys):
    app, out = handed
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{n}{s}" for n in TEAM for s in (".qdesk-score", ".xlsx")
    )
    files = [out / f"{n}.qdesk-score" for n in TEAM]
    code, text, _ = run(capsys, "team", "collect", app, *files)
    assert code == 0
    assert "已汇总 李四 的评分 2 项，来自 李四.qdesk-score" in text
    code, text, _ = run(capsys, "team", "status", app, "--json")
    assert code == 0
    data = json.loads(text, parse_float=Decimal)
    assert data["threshold"] == 20
    assert [a["name"] for a in data["assessors"]] == list(TEAM)
    first, second = data["items"]
    assert first == {
        "item": "4.1.2",
        "name": "高层领导的作用",
        "pcts": TEAM,
        "mean": Decimal("55"),
        "median": 55,
        "spread": 30,
        "flagged": True,
        "consensus": None,
    }
    assert (second["item"], second["spread"], second["flagged"]) == ("4.1.3", 0, False)
    code, text, _ = run(capsys, "team", "status", app, "--spread", "35")
    assert "分歧 ≥ 35 个百分点的评分项 0 项" in text
    assert "需讨论" not in text
    code, text, _ = run(capsys, "team", "agree", app, "4.1.2", "55", "--note", "取中")
    assert code == 0
    assert "共识评分 55%" in text
    assert "张三 40%" in text
    with Document.open(app, read_only=True) as doc:
        assert doc.score("4.1.2").pct == 55
        assert doc.history("score", "4.1.2")[0].value["assessor"] == "自评小组"
        assert doc.consensus()["4.1.2"].note == "取中"
    _, text, _ = run(capsys, "team", "status", app)
    assert "55%" in text.splitlines()[2]


def test_collect_twice_needs_replace(handed, capsys):
    app, out = handed
    path = out / "张三.qdesk-score"
    assert run(capsys, "team", "collect", app, path)[0] == 0
    before = dump(app)
    code, _, err = run(capsys, "team", "collect", app, path)
    assert code == 2
    assert "--replace" in err
    assert dump(app) == before
    code, text, _ = run(capsys, "team", "collect", app, path, "--replace")
    assert code == 0
    assert "替换此前汇总的评分" in text


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[:100]), "不是完整的评分文件"),
        (lambda p: p.write_text(p.read_text().replace('"pct": 40', '"pct": 45')), "程序之外"),
    ],
)
def test_a_hostile_file_exits_2_and_changes_nothing(handed, capsys, spoil, message):
    app, out = handed
    path = out / "张三.qdesk-score"
    spoil(path)
    before = dump(app)
    code, text, err = run(capsys, "team", "collect", app, out / "李四.qdesk-score", path)
    assert code == 2
    assert message in err
    assert str(path) in err
    assert "Traceback" not in err
    assert text == ""
    assert dump(app) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("4.1.2", "57"), "5 的倍数"),
        (("9.9", "50"), "没有评分项"),
        (("4.1.2", "五十"), "invalid int"),
    ],
)
def test_a_bad_agreement_exits_2_and_changes_nothing(handed, capsys, argv, message):
    app, _ = handed
    before = dump(app)
    code, _, err = run(capsys, "team", "agree", app, *argv)
    assert code == 2
    assert message in err
    assert dump(app) == before


def test_hand_out_into_a_folder_with_the_files_needs_force(handed, capsys):
    app, out = handed
    before = dump(app)
    code, _, err = run(capsys, "team", "hand-out", app, "--assessor", "张三", "-o", out)
    assert code == 2
    assert "已存在" in err
    assert dump(app) == before
    assert run(capsys, "team", "hand-out", app, "--assessor", "张三", "-o", out, "--force")[0] == 0
