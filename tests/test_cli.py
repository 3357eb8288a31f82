"""The command line: contract of DESIGN.md, one-line errors, exit codes."""

import json
import subprocess
import sys

import pytest

from qualitydesk.cli import main

HUAWEI = "914403001922038216"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_forms_list_json(capsys):
    code, out, _ = run(capsys, "forms", "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert [f["id"] for f in data["frameworks"]] == ["gbt19580-2012"]
    awards = {a["id"]: a for a in data["awards"]}
    assert awards["suzhou-mayor"]["name"] == "苏州市市长质量奖"
    assert awards["sip"]["tiers"][0] == "苏州工业园区质量奖：高于 600 分"
    assert awards["nantong-city"]["check_notice"] is True


def test_forms_list_text_flags_unpublished_rules(capsys):
    code, out, _ = run(capsys, "forms", "list")
    assert code == 0
    assert "苏州市市长质量奖" in out
    assert "[按当年申报通知核对]" in out


def test_forms_check(capsys):
    code, out, _ = run(capsys, "forms", "check")
    assert code == 0
    assert "检查通过" in out
    assert "8 个奖项" in out


def test_forms_check_reports_a_broken_file(capsys, tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    root = tmp_path / "forms"
    shutil.copytree(Path(__file__).parents[1] / "forms", root)
    sip = root / "awards" / "sip.toml"
    sip.write_text(sip.read_text(encoding="utf-8").replace("line = 600", "line = -1", 1), "utf-8")
    monkeypatch.setenv("QUALITYDESK_FORMS", str(root))
    code, out, err = run(capsys, "forms", "check")
    assert code == 1
    assert out == ""
    assert "awards/sip.toml: tiers[0].line: 应不小于 1，实为 -1" in err


def test_forms_show_framework_json(capsys):
    code, out, _ = run(capsys, "forms", "show", "gbt19580-2012", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["categories"]) == 7
    items = [i for c in data["categories"] for i in c["items"]]
    assert len(items) == 23
    assert {"id": "4.1.2", "name": "高层领导的作用", "points": 50, "kind": "process"} in items
    assert sum(i["points"] for i in items) == 1000


def test_forms_show_award_json(capsys):
    code, out, _ = run(capsys, "forms", "show", "sip", "--json")
    assert code == 0
    data = json.loads(out)
    assert [(t["line"], t["comparison"]) for t in data["tiers"]] == [(600, "above"), (500, "above")]
    assert any(r["citation"] == "第十二条" and r["kind"] == "excluded_award" for r in data["rules"])
    assert [p["id"] for p in data["parts"]][:3] == ["form", "commitment", "profile"]
    assert data["composite"]["parts"][2]["weight"] == 70


def test_forms_show_award_text(capsys):
    code, out, _ = run(capsys, "forms", "show", "suzhou-mayor")
    assert code == 0
    assert "市长质量奖：不低于 600 分" in out
    assert "第十一条（六）" in out
    # No published 字数 limit: the program's suggestion is never printed as a rule.
    assert "自评报告（参考值 50,000 字，按当年申报通知核对）" in out
    assert "≤" not in out


def test_validate_uscc(capsys):
    assert run(capsys, "validate", "uscc", HUAWEI) == (0, HUAWEI + "\n", "")
    code, out, err = run(capsys, "validate", "uscc", "914403001922038217")
    assert (code, out) == (1, "")
    assert "校验位错误" in err


def test_validate_other_kinds(capsys):
    assert run(capsys, "validate", "date", "2016年12月1日")[:2] == (0, "2016-12-01\n")
    assert run(capsys, "validate", "postcode", "2150")[0] == 1


def test_score_json_shape(capsys):
    code, out, _ = run(
        capsys,
        "score",
        "--framework",
        "gbt19580-2012",
        "--pct",
        "4.1.2=60",
        "--pct",
        "4.2.3=45",
        "--award",
        "suzhou-mayor",
        "--award",
        "sip",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 52.5
    assert data["process"] == 52.5
    assert data["results"] == 0
    assert data["categories"]["4.1"] == {"points": 30.0, "max": 110}
    assert data["items"]["4.2.3"] == {"pct": 45, "points": 22.5, "max": 50}
    assert data["items"]["4.7.7"] == {"pct": 0, "points": 0.0, "max": 50}
    assert len(data["items"]) == 23
    assert data["tiers"][0] == {
        "award": "suzhou-mayor",
        "tier": "市长质量奖",
        "line": 600,
        "comparison": "at_least",
        "reached": False,
    }
    assert [t["award"] for t in data["tiers"]] == ["suzhou-mayor"] * 2 + ["sip"] * 2


def test_score_exactly_600(capsys):
    pcts = [arg for item in ("4.7.2", "4.7.3", "4.7.4") for arg in ("--pct", f"{item}=100")]
    pcts += [
        "--pct",
        "4.4.2=100",
        "--pct",
        "4.5.2=100",
        "--pct",
        "4.5.3=100",
        "--pct",
        "4.1.2=100",
        "--pct",
        "4.2.3=100",
        "--pct",
        "4.3.3=100",
        "--pct",
        "4.4.4=100",
        "--pct",
        "4.1.3=100",
    ]
    _, out, _ = run(
        capsys,
        "score",
        "--framework",
        "gbt19580-2012",
        *pcts,
        "--award",
        "suzhou-mayor",
        "--award",
        "sip",
        "--json",
    )
    data = json.loads(out)
    assert data["total"] == 600
    assert [t["reached"] for t in data["tiers"]] == [True, True, False, True]


def test_score_text(capsys):
    code, out, _ = run(
        capsys,
        "score",
        "--framework",
        "gbt19580-2012",
        "--pct",
        "4.1.2=100",
        "--award",
        "suzhou-mayor",
    )
    assert code == 0
    assert "总分 50 / 1000" in out
    assert "苏州市市长质量奖 市长质量奖（不低于 600 分）：自评未达到" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "--framework", "gbt19580-2012", "--pct", "4.1.2=62"], "5 的倍数"),
        (["score", "--framework", "gbt19580-2012", "--pct", "4.1.2"], "评分项=百分比"),
        (["score", "--framework", "gbt19580-2012", "--pct", "4.9.9=50"], "4.9.9"),
        (["score", "--framework", "gbt19580-2012", "--award", "beijing"], "beijing"),
        (["score", "--framework", "nope"], "没有编号为 'nope' 的评价准则"),
        (["score"], "--framework"),
        (["forms", "show", "nope"], "nope"),
        (["validate", "iban", "x"], "invalid choice"),
        (["frobnicate", "a", "b"], "invalid choice"),
    ],
)
def test_usage_errors_are_one_line_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("qualitydesk: ")
    assert message in err


def test_python_dash_m_entry_point_without_traceback():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "qualitydesk",
            "score",
            "--framework",
            "gbt19580-2012",
            "--pct",
            "4.1.2=7",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "5 的倍数" in done.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "qualitydesk", "validate", "uscc", HUAWEI],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (ok.returncode, ok.stdout.strip()) == (0, HUAWEI)


def test_gui_without_a_display_says_so(capsys, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    code, _, err = run(capsys)
    assert code == 2
    assert "没有图形显示" in err
    assert "make demo" in err


# --- document commands ----------------------------------------------------------------------


def test_new_check_history_dump_load(capsys, tmp_path):
    path = tmp_path / "a.qdesk"
    code, out, _ = run(capsys, "new", str(path), "--award", "sip", "--org", "测试有限公司")
    assert code == 0
    assert "苏州工业园区质量奖" in out
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    data = json.loads(out)
    assert set(data) == {
        "eligibility",
        "completeness",
        "limits",
        "oversized",
        "unprintable",
        "score",
        "ready",
    }
    assert data["oversized"] == []
    assert data["unprintable"] == []
    first = data["eligibility"][0]
    assert {"rule", "clause", "status", "reason", "evidence", "reading", "source"} <= set(first)
    assert first["status"] == "needs-data"
    assert {"part": "profile", "count": 0, "limit": 3000, "ok": True}.items() <= data["limits"][
        0
    ].items()
    code, out, _ = run(capsys, "history", str(path))
    assert code == 0
    assert "字段 org_name" in out
    dumped = tmp_path / "a.json"
    assert run(capsys, "dump", str(path), "-o", str(dumped))[0] == 0
    assert run(capsys, "load", str(dumped), str(tmp_path / "b.qdesk"))[0] == 0
    assert run(capsys, "dump", str(tmp_path / "b.qdesk"), "-o", str(tmp_path / "b.json"))[0] == 0
    assert dumped.read_text("utf-8") == (tmp_path / "b.json").read_text("utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "{tmp}/none.qdesk"], "文件不存在"),
        (["new", "{tmp}/x.qdesk", "--award", "beijing"], "beijing"),
        (["score", "{tmp}/x.qdesk", "--pct", "4.1.2=5"], "不能再给"),
        (["load", "{tmp}/none.json", "{tmp}/y.qdesk"], "文件不存在"),
    ],
)
def test_document_command_errors(capsys, tmp_path, argv, message):
    code, out, err = run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


@pytest.mark.slow
def test_check_json_shows_each_clause_with_its_evidence_and_source(capsys, tmp_path):
    path = tmp_path / "demo.qdesk"
    assert run(capsys, "demo", str(path))[0] == 0
    _, out, _ = run(capsys, "check", str(path), "--json")
    clauses = {c["rule"]: c for c in json.loads(out)["eligibility"]}
    region = clauses["registered-in-suzhou"]
    assert (region["status"], region["verdict"], region["clause"]) == (
        "pass",
        "符合",
        "第十一条（一）",
    )
    assert region["text"] == "在苏州市行政区域内依法登记注册"
    assert any(e.startswith("注册地址：") for e in region["evidence"])
    assert any(e.startswith("统一社会信用代码行政区划码：") for e in region["evidence"])
    assert region["source"] == {
        "document": "苏州市市长质量奖评定管理办法",
        "clause": "第十一条（一）",
    }
    honour = clauses["prior-honour"]
    assert "满足其一" in honour["reading"]
    assert all(e.startswith("获奖荣誉：") for e in honour["evidence"])


def test_check_json_gives_each_problem_its_location(capsys, tmp_path):
    from qualitydesk.store.document import Document

    path = tmp_path / "a.qdesk"
    assert run(capsys, "new", str(path), "--award", "sip")[0] == 0
    with Document.open(path) as doc:
        doc.set_narrative("4.1.2", "第一行\n方针𠀀明确")  # no font prints 𠀀
        doc.set_field("org_name", "名" * 1001)  # a field holds at most 1,000 characters
        doc.save()
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    data = json.loads(out)
    [rare] = data["unprintable"]
    assert rare["location"] == {
        "step": "report",
        "item": "4.1.2",
        "field": "",
        "offset": 6,
        "line": 2,
        "column": 3,
        "occurrence": 0,
    }
    assert (rare["line"], rare["column"], rare["offset"]) == (2, 3, 6)  # as before, too
    [too_long] = data["oversized"]
    assert (too_long["size"], too_long["max"]) == (1001, 1000)
    assert (too_long["location"]["step"], too_long["location"]["item"]) == ("form", "org_name")
    missing = {m["key"]: m["location"] for m in data["completeness"]}
    assert (missing["uscc"]["step"], missing["uscc"]["item"]) == ("form", "uscc")
    assert (missing["score.4.1.2"]["item"], missing["score.4.1.2"]["field"]) == ("4.1.2", "score")
    rule = data["eligibility"][0]
    assert rule["location"]["step"] == "eligibility"
    assert rule["location"]["item"] == rule["rule"]
    code, text, _ = run(capsys, "check", str(path))
    assert "[无法打印] 自评报告 4.1.2 第 2 行第 3 字：字符“𠀀”" in text
    assert "[过长] 申请表 组织名称 有 1,001 字，超过本项最多可容纳的 1,000 字" in text
