"""JSON interchange: lossless both ways; broken input refused with every problem and its path."""

import copy
import json

import pytest

from qualitydesk.store import interchange
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.interchange import InterchangeError
from qualitydesk.store.records import Declaration, Indicator, Link, Score


@pytest.fixture
def full_doc(new_doc, clock):
    doc = new_doc()
    doc.set_field("org_name", "苏州澄远精密科技有限公司")
    doc.set_field("commitment_signed", True)
    doc.set_rows("honours", [{"name": "苏州市质量奖", "level": "市级", "year": "2024"}])
    doc.set_narrative(
        "4.4.2", "| 指标 | 2025 |\n|---|---|\n| 培训时数 | 56 |\n\n含 emoji 😀 与 𬭚\n"
    )
    doc.set_profile("B.2.1", "竞争环境")
    doc.set_score("4.4.2", Score(60, {"A": "a", "D": "d"}, "优势", "改进"))
    doc.set_declaration("no-major-accident", Declaration(True, "无事故", "证明"))
    doc.save()
    clock.advance(minutes=10)
    doc.set_narrative("4.4.2", "第二版")
    doc.save()
    doc.put_indicator(
        Indicator(
            "csi",
            "顾客满意度",
            "分",
            "higher",
            "4.7.3",
            {2024: 88.5, 2025: 90.1},
            competitor=87.0,
            competitor_source="第三方调查",
        )
    )
    doc.add_attachment(
        b"%PDF-1.4 demo",
        "审计报告.pdf",
        caption="审计",
        links=(Link("checklist", "financial-statements"), Link("item", "4.7.4")),
    )
    return doc


def test_dump_load_dump_is_identical(full_doc, tmp_path, forms):
    first = interchange.dumps(full_doc)
    interchange.load(json.loads(first), tmp_path / "copy.qdesk", forms)
    with Document.open(tmp_path / "copy.qdesk") as copy_doc:
        second = interchange.dumps(copy_doc)
        assert copy_doc.narrative("4.4.2") == "第二版"
        assert len(copy_doc.history("narrative", "4.4.2")) == 2
        (attachment,) = copy_doc.attachments()
        assert copy_doc.attachment_data(attachment.id) == b"%PDF-1.4 demo"
    assert second == first


def test_dump_carries_everything(full_doc):
    data = interchange.dump(full_doc)
    assert data["format"] == "qualitydesk"
    assert data["fields"]["commitment_signed"] is True
    assert data["scores"]["4.4.2"]["notes"] == {"A": "a", "D": "d"}
    assert data["indicators"][0]["values"] == {"2024": 88.5, "2025": 90.1}
    assert data["attachments"][0]["links"] == [
        {"kind": "checklist", "target": "financial-statements"},
        {"kind": "item", "target": "4.7.4"},
    ]
    assert [h["kind"] for h in data["history"]].count("narrative") == 2


def test_every_problem_is_reported_with_its_path(full_doc, tmp_path, forms):
    data = interchange.dump(full_doc)
    bad = copy.deepcopy(data)
    bad["fields"]["favourite_colour"] = "红"
    bad["fields"]["org_name"] = 12
    bad["tables"]["honours"][0]["medal"] = "金"
    bad["scores"]["4.4.2"]["pct"] = 62
    bad["scores"]["9.9.9"] = bad["scores"]["4.4.2"]
    bad["narratives"]["4.8.1"] = "?"
    bad["declarations"]["no-such-rule"] = {"affirmed": True}
    bad["indicators"][0]["better"] = "more"
    bad["attachments"][0]["sha256"] = "0" * 64
    bad["extra"] = 1
    with pytest.raises(InterchangeError) as info:
        interchange.load(bad, tmp_path / "bad.qdesk", forms)
    problems = info.value.problems
    assert "$.extra：未知的键" in problems
    bad.pop("extra")
    with pytest.raises(InterchangeError) as info:
        interchange.load(bad, tmp_path / "bad.qdesk", forms)
    problems = "\n".join(info.value.problems)
    for path in (
        "$.fields.favourite_colour",
        "$.fields.org_name",
        "$.tables.honours[0].medal",
        '$.scores["4.4.2"].pct',  # a key that is not a plain name goes in brackets
        '$.scores["9.9.9"]',
        '$.narratives["4.8.1"]',
        '$.declarations["no-such-rule"]',
        "$.indicators[0].better",
        "$.attachments[0].sha256",
    ):
        assert path in problems, path
    assert not (tmp_path / "bad.qdesk").exists()
    assert list(tmp_path.glob(".qdesk-load-*")) == []


def test_not_ours_and_unknown_award(tmp_path, forms):
    with pytest.raises(InterchangeError, match=r"\$\.format"):
        interchange.load({"hello": 1}, tmp_path / "x.qdesk", forms)
    with pytest.raises(InterchangeError, match=r"\$：应为对象"):
        interchange.load([1, 2], tmp_path / "x.qdesk", forms)


def test_unknown_award_is_named(full_doc, tmp_path, forms):
    data = interchange.dump(full_doc)
    data["meta"]["award"] = "beijing"
    with pytest.raises(InterchangeError, match=r"\$\.meta\.award：没有编号为 'beijing' 的奖项"):
        interchange.load(data, tmp_path / "x.qdesk", forms)


def test_load_never_overwrites(full_doc, forms):
    data = interchange.dump(full_doc)
    with pytest.raises(DocumentError, match="已存在"):
        interchange.load(data, full_doc.path, forms)


def test_read_json_errors(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(DocumentError, match="不是有效的 JSON（第 1 行"):
        interchange.read_json(path)
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(DocumentError, match="UTF-8"):
        interchange.read_json(path)
