"""``qualitydesk load`` fed hostile JSON: exit 2, one message naming where, nothing written.

Each case starts from the dump of a small complete document, breaks one thing — a value out of
SQLite's range, nesting far deeper than the format, a value of the wrong type in each column, NaN,
Infinity, a timestamp that is not one, a 字数上限 that is not a number, a percentage off the scale
or off its step, a file over the size limit, cut short, not UTF-8, not an object — and runs the
command. The target must not exist afterwards and the folder must hold nothing new.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qualitydesk.cli import main
from qualitydesk.domain.limits import max_chars
from qualitydesk.store import dumpschema, dumptypes, interchange
from qualitydesk.store.document import Document
from qualitydesk.store.records import Declaration, Indicator, Link, Score
from tests.helpers.attachment_files import png_bomb

ITEM = "4.4.2"
RULE = "no-major-accident"


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> dict[str, Any]:
    """The dump of a document with something in every part."""
    path = tmp_path_factory.mktemp("seed") / "seed.qdesk"
    with Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    ) as doc:
        doc.set_field("org_name", "苏州澄远精密科技有限公司")
        doc.set_rows("honours", [{"name": "苏州市质量奖", "level": "市级", "year": "2024"}])
        doc.set_narrative(ITEM, "培训时数 56 小时")
        doc.set_profile("B.2.1", "竞争环境")
        doc.set_score(ITEM, Score(60, {"A": "a"}, "优势", "改进"))
        doc.set_declaration(RULE, Declaration(True, "无事故", "证明"))
        doc.set_limit("report", 60000)
        doc.save()
        doc.put_indicator(
            Indicator("csi", "顾客满意度", "分", "higher", "4.7.3", {2024: 88.5, 2025: 90.1})
        )
        doc.add_attachment(b"%PDF-1.4 demo", "审计报告.pdf", links=(Link("item", "4.7.4"),))
        return interchange.dump(doc)


def load(folder: Path, content: bytes, capsys) -> tuple[int, str, str]:
    """``qualitydesk load`` of ``content``; the exit code, stdout and stderr."""
    source = folder / "in.json"
    source.write_bytes(content)
    code = main(["load", str(source), str(folder / "out.qdesk")])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(folder: Path, result: tuple[int, str, str], *expected: str) -> None:
    code, out, err = result
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1, err  # one line
    assert err.startswith("qualitydesk: "), err
    for text in expected:
        assert text in err
    for word in ("Error", "Traceback", "pydantic", "Input should"):
        assert word not in err
    assert sorted(p.name for p in folder.iterdir()) == ["in.json"]  # nothing written


def encoded(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def broken(seed: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> bytes:
    data = copy.deepcopy(seed)
    change(data)
    return encoded(data)


def _set(*path: str | int, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


# (change, the JSON path the message must name)
ONE_PROBLEM = {
    "integer 2^63 as an id": (_set("history", 0, "id", value=2**63), "$.history[0].id"),
    "integer 2^63 as a size": (
        _set("attachments", 0, "size", value=2**63),
        "$.attachments[0].size",
    ),
    "integer -2^63-1 as an id": (
        _set("attachments", 0, "id", value=-(2**63) - 1),
        "$.attachments[0].id",
    ),
    "NaN": (
        _set("indicators", 0, "values", "2024", value=float("nan")),
        '$.indicators[0].values["2024"]',
    ),
    "Infinity": (_set("indicators", 0, "target", value=float("inf")), "$.indicators[0].target"),
    "-Infinity": (
        _set("indicators", 0, "benchmark", value=float("-inf")),
        "$.indicators[0].benchmark",
    ),
    "a number beyond any float": (
        _set("indicators", 0, "competitor", value=10**400),
        "$.indicators[0].competitor",
    ),
    "timestamp not a date": (_set("history", 0, "at", value="昨天"), "$.history[0].at"),
    "timestamp without offset": (
        _set("history", 1, "at", value="2026-05-15T09:00:00"),
        "$.history[1].at",
    ),
    "impossible timestamp": (_set("attachments", 0, "added_at", value="2026-13-45"), ".added_at"),
    "bad score time": (_set("scores", ITEM, "scored_at", value="soon"), ".scored_at"),
    "bad application date": (_set("meta", "date", value="2026-02-30"), "$.meta.date"),
    "non-numeric limit": (_set("meta", "limit.report", value="五万"), '$.meta["limit.report"]'),
    "negative limit": (_set("meta", "limit.report", value="-5"), '$.meta["limit.report"]'),
    "percent 101": (_set("scores", ITEM, "pct", value=101), f'$.scores["{ITEM}"].pct'),
    "percent 52.5": (_set("scores", ITEM, "pct", value=52.5), f'$.scores["{ITEM}"].pct'),
    "percent 62 (off the step)": (_set("scores", ITEM, "pct", value=62), "收到 62"),
    "percent as text": (_set("scores", ITEM, "pct", value="60"), f'$.scores["{ITEM}"].pct'),
    "unknown item": (_set("narratives", "9.9.9", value="x"), '$.narratives["9.9.9"]'),
    "unknown field": (_set("fields", "favourite", value="红"), "$.fields.favourite"),
    "unknown column": (_set("tables", "honours", 0, "medal", value="金"), ".medal"),
    "unknown top-level key": (_set("extra", value=1), "$.extra"),
    "unknown award": (_set("meta", "award", value="beijing"), "$.meta.award"),
    "base64 that does not decode": (_set("attachments", 0, "data", value="@@@"), ".data"),
    "sha256 that does not match": (_set("attachments", 0, "sha256", value="0" * 64), ".sha256"),
    "file name with a folder": (_set("attachments", 0, "file_name", value="../x.pdf"), ".file_"),
    "text over the limit": (_set("profile", "B.2.1", value="字" * 1_000_001), "过长"),
    "history value of the wrong kind": (_set("history", 0, "value", value=[1]), ".value"),
    "unknown history kind": (_set("history", 0, "kind", value="macro"), "$.history[0]"),
    "limit in the history not a number": (
        lambda d: d["history"].append(
            {
                "id": 999,
                "kind": "meta",
                "key": "limit.report",
                "value": "x",
                "at": d["meta"]["created"],
            }
        ),
        "$.history[",
    ),
    "schema version from the future": (_set("schema", value=99), "$.schema"),
}


@pytest.mark.parametrize("case", ONE_PROBLEM, ids=list(ONE_PROBLEM))
def test_one_bad_value_is_refused_by_its_path(seed, tmp_path, capsys, case):
    change, path = ONE_PROBLEM[case]
    assert_refused(tmp_path, load(tmp_path, broken(seed, change), capsys), path)


# Every column of every table in the file, given a value of another JSON type.
WRONG_TYPES = {
    "meta.year": (("meta", "year"), 2026),
    "fields": (("fields", "org_name"), 12),
    "table_rows": (("tables", "honours", 0, "year"), 2024),
    "table rows not a list": (("tables", "honours"), {"0": {}}),
    "declarations.affirmed": (("declarations", RULE, "affirmed"), "yes"),
    "declarations.statement": (("declarations", RULE, "statement"), ["无事故"]),
    "declarations.affirmed_at": (("declarations", RULE, "affirmed_at"), 0),
    "profile.text": (("profile", "B.2.1"), {"text": "x"}),
    "narratives.text": (("narratives", ITEM), None),
    "scores.pct": (("scores", ITEM, "pct"), True),
    "scores.notes": (("scores", ITEM, "notes"), "a"),
    "scores.notes value": (("scores", ITEM, "notes", "A"), 1),
    "scores.strengths": (("scores", ITEM, "strengths"), 1.5),
    "scores.assessor": (("scores", ITEM, "assessor"), False),
    "indicators.id": (("indicators", 0, "id"), 7),
    "indicators.name": (("indicators", 0, "name"), None),
    "indicators.better": (("indicators", 0, "better"), 1),
    "indicators.item": (("indicators", 0, "item"), 4.7),
    "indicators.target": (("indicators", 0, "target"), "90"),
    "indicators.competitor_source": (("indicators", 0, "competitor_source"), None),
    "indicator_values.value": (("indicators", 0, "values", "2024"), "88.5"),
    "indicator_values": (("indicators", 0, "values"), [88.5]),
    "attachments.id": (("attachments", 0, "id"), "1"),
    "attachments.size": (("attachments", 0, "size"), 13.0),
    "attachments.media_type": (("attachments", 0, "media_type"), None),
    "attachments.caption": (("attachments", 0, "caption"), 5),
    "attachment_links": (("attachments", 0, "links"), {"kind": "item"}),
    "attachment_links.kind": (("attachments", 0, "links", 0, "kind"), "page"),
    "history.id": (("history", 0, "id"), 1.5),
    "history.key": (("history", 0, "key"), 5),
    "history.at": (("history", 0, "at"), 1_747_000_000),
    "history": (("history",), {}),
}


@pytest.mark.parametrize("case", WRONG_TYPES, ids=list(WRONG_TYPES))
def test_a_wrong_type_in_any_column_is_refused(seed, tmp_path, capsys, case):
    where, value = WRONG_TYPES[case]
    path = dumpschema.json_path(where)
    result = load(tmp_path, broken(seed, _set(*where, value=value)), capsys)
    assert_refused(tmp_path, result, f"{path}：")


def test_ten_thousand_levels_of_nesting(seed, tmp_path, capsys):
    data = copy.deepcopy(seed)
    data["fields"]["org_name"] = "DEEP"
    text = encoded(data).replace(b'"DEEP"', b"[" * 10_000 + b"]" * 10_000)
    assert_refused(tmp_path, load(tmp_path, text, capsys), "不是有效的 JSON", "嵌套层数过多")


def test_nesting_the_parser_accepts_is_refused_by_the_schema(seed, tmp_path, capsys):
    data = copy.deepcopy(seed)
    data["fields"]["org_name"] = "DEEP"
    text = encoded(data).replace(b'"DEEP"', b"[" * 150 + b"]" * 150)
    assert_refused(tmp_path, load(tmp_path, text, capsys), "$.fields.org_name：")


def test_a_file_over_the_size_limit_is_not_read(seed, tmp_path, capsys):
    source = tmp_path / "in.json"
    with source.open("wb") as f:  # sparse: 150 MB without writing them
        f.truncate(150 * 1024 * 1024)
    code = main(["load", str(source), str(tmp_path / "out.qdesk")])
    out, err = capsys.readouterr()
    assert_refused(
        tmp_path, (code, out, err), str(source), "文件过大（150.0 MB，导入上限 100.0 MB）"
    )


def test_the_size_limit_applies_to_a_real_dump(seed, tmp_path, capsys, monkeypatch):
    content = encoded(seed)
    monkeypatch.setattr(interchange, "MAX_JSON_BYTES", len(content) - 1)
    assert_refused(tmp_path, load(tmp_path, content, capsys), "文件过大")


def test_truncated_json(seed, tmp_path, capsys):
    content = encoded(seed)
    result = load(tmp_path, content[: len(content) // 2], capsys)
    assert_refused(tmp_path, result, "不是有效的 JSON（第 ", "意外结束")


def test_not_utf8(seed, tmp_path, capsys):
    content = json.dumps(seed, ensure_ascii=False).encode("gb18030")
    assert_refused(tmp_path, load(tmp_path, content, capsys), "不是 UTF-8")


@pytest.mark.parametrize("content", [b"[1, 2]", b'"qualitydesk"', b"null", b"42"])
def test_not_an_object(tmp_path, capsys, content):
    assert_refused(tmp_path, load(tmp_path, content, capsys), "$：应为对象")


@pytest.mark.parametrize("content", [b"", b"   ", b"{", b'{"format": "qualitydesk",}'])
def test_empty_or_malformed(tmp_path, capsys, content):
    assert_refused(tmp_path, load(tmp_path, content, capsys), "不是有效的 JSON")


def test_another_json_document(tmp_path, capsys):
    result = load(tmp_path, b'{"name": "package.json", "version": "1.0"}', capsys)
    assert_refused(tmp_path, result, "$.format：", "不是 QualityDesk 导出的 JSON")


def test_many_problems_show_twenty_then_how_many_more(seed, tmp_path, capsys):
    data = copy.deepcopy(seed)
    for i, entry in enumerate(data["history"]):
        entry["at"] = f"第 {i} 次"
    data["fields"] |= {f"x{i}": "?" for i in range(30)}
    code, out, err = load(tmp_path, encoded(data), capsys)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 1 + 20 + 1
    assert "处问题" in lines[0]
    assert lines[1].strip().startswith("$.")
    assert lines[-1].strip() == f"还有 {30 + len(data['history']) - 20} 处"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_duplicate_ids_are_named(seed, tmp_path, capsys):
    data = copy.deepcopy(seed)
    data["history"].append(copy.deepcopy(data["history"][0]))
    data["attachments"][0]["links"].append(dict(data["attachments"][0]["links"][0]))
    code, _, err = load(tmp_path, encoded(data), capsys)
    assert code == 2
    assert f"$.history[{len(data['history']) - 1}].id：编号" in err
    assert "$.attachments[0].links[1].kind：关联" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_unpaired_surrogates(seed, tmp_path, capsys, forms):
    """JSON may escape half a UTF-16 pair; SQLite cannot store it. The parser refuses the escape,
    and the schema refuses such text handed over as data (it was once a write-time crash).
    """
    data = copy.deepcopy(seed)
    data["narratives"][ITEM] = "a\ud800b"
    content = json.dumps(data, ensure_ascii=True).encode("ascii")
    assert_refused(tmp_path, load(tmp_path, content, capsys), "无效的 Unicode 转义")
    with pytest.raises(interchange.InterchangeError, match=r'\$\.narratives\["4\.4\.2"\]：含'):
        interchange.load(data, tmp_path / "out.qdesk", forms)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_the_dump_itself_loads_with_a_byte_order_mark(seed, tmp_path, capsys):
    code, _, err = load(tmp_path, "\ufeff".encode() + encoded(seed), capsys)
    assert (code, err) == (0, "")
    with Document.open(tmp_path / "out.qdesk") as doc:
        assert interchange.dump(doc) == seed


def test_the_schema_bounds_leave_room_for_the_limits_of_forms(forms):
    """The schema's outer bounds never refuse what forms/limits.toml allows."""
    limits = forms.limits
    narratives = [
        max_chars(forms, award, part)
        for award in forms.awards.values()
        for part in ("profile", "report")
    ]
    assert max(*narratives, limits.score_note, limits.declaration) <= dumptypes.MAX_TEXT
    assert (
        max(
            limits.field,
            limits.multiline_field,
            limits.table_cell,
            limits.score_note,
            limits.caption,
        )
        <= dumptypes.MAX_FIELD
    )
    assert limits.indicator <= dumptypes.MAX_LINE
    assert limits.file_name <= dumptypes.MAX_FILE_NAME


def test_an_image_bomb_in_an_attachment_is_refused_at_load(seed, tmp_path, capsys):
    # Adding the file would refuse it; a JSON archive must not be the way round that.
    bomb = png_bomb(13_000)

    def swap(data: dict[str, Any]) -> None:
        attachment = data["attachments"][0]
        attachment.update(
            data=base64.b64encode(bomb).decode("ascii"),
            file_name="扫描件.png",
            media_type="image/png",
            size=len(bomb),
            sha256=hashlib.sha256(bomb).hexdigest(),
        )

    result = load(tmp_path, broken(seed, swap), capsys)
    assert_refused(tmp_path, result, "$.attachments[0].data", "扫描件.png", "万像素")
