"""The examiners' stage scores: kept exact in the file, with history, through the JSON archive,
refused there when they are not scores, and not carried into next year's application.
"""

import copy
import json
from decimal import Decimal

import pytest

from qualitydesk.domain import scoring
from qualitydesk.store import interchange
from qualitydesk.store.document import Document
from qualitydesk.store.interchange import InterchangeError
from qualitydesk.store.renew import renew

STAGES = {"materials": "600.5", "defence": "599.25", "onsite": "600"}


def _composite(doc, forms):
    spec = forms.award(doc.award_id).composite
    return scoring.composite_of(spec, {p.id: doc.stage_score(p.id) for p in spec.parts})


@pytest.fixture
def examined(new_doc, clock):
    doc = new_doc(award="sip")
    for part, value in STAGES.items():
        doc.set_stage_score(part, Decimal(value))
    doc.save()
    return doc


def test_stage_scores_are_saved_exactly_and_reopen(examined, forms):
    path = examined.path
    assert examined.stage_score("defence") == Decimal("599.25")
    examined.close()
    with Document.open(path) as doc:
        assert {p: doc.stage_score(p) for p in STAGES} == {p: Decimal(v) for p, v in STAGES.items()}
        assert _composite(doc, forms) == Decimal("599.9625")
        doc.set_stage_score("onsite", None)
        doc.save()
    with Document.open(path) as doc:
        assert doc.stage_score("onsite") is None
        assert _composite(doc, forms) is None
        values = [r.value for r in doc.history("meta", "stage.onsite")]
        assert values[-1] == "600"  # the earlier value stays restorable


def test_a_pending_stage_score_is_read_back_before_saving(new_doc):
    doc = new_doc(award="suzhou-mayor")
    doc.set_stage_score("materials", Decimal("612.50"))
    assert doc.pending
    assert doc.stage_score("materials") == Decimal("612.5")
    doc.save()
    assert doc.meta["stage.materials"] == "612.5"  # exact text, no trailing zeros


def test_json_archive_carries_the_stage_scores(examined, tmp_path, forms):
    text = interchange.dumps(examined)
    data = json.loads(text)
    assert {k: v for k, v in data["meta"].items() if k.startswith("stage.")} == {
        f"stage.{p}": v for p, v in STAGES.items()
    }
    interchange.load(data, tmp_path / "copy.qdesk", forms)
    with Document.open(tmp_path / "copy.qdesk") as doc:
        assert _composite(doc, forms) == Decimal("599.9625")
        assert interchange.dumps(doc) == text


@pytest.mark.parametrize(
    "case",
    [
        ("stage.materials", "1000.5", "应在 0–1000 分之间"),
        ("stage.materials", "abc", "应为数字"),
        ("stage.materials", "612.12345", "最多保留 4 位小数"),
        ("stage.interview", "600", "该奖项没有这一评审环节的得分"),
    ],
    ids=lambda case: f"{case[0]}={case[1]}",
)
def test_json_archive_refuses_what_is_not_a_stage_score(examined, tmp_path, forms, case):
    key, value, message = case
    data = json.loads(interchange.dumps(examined))
    data["meta"][key] = value
    with pytest.raises(InterchangeError) as refused:
        interchange.load(data, tmp_path / "bad.qdesk", forms)
    assert any(key in p and message in p for p in refused.value.problems), refused.value.problems
    assert not (tmp_path / "bad.qdesk").exists()


def test_json_archive_refuses_a_wrong_stage_score_in_the_history(examined, tmp_path, forms):
    data = json.loads(interchange.dumps(examined))
    broken = copy.deepcopy(data)
    entry = next(e for e in broken["history"] if e["key"] == "stage.onsite")
    entry["value"] = "7000"
    with pytest.raises(InterchangeError, match="应在 0–1000 分之间"):
        interchange.load(broken, tmp_path / "bad.qdesk", forms)
    entry["key"], entry["value"] = "limit.report", "600.5"  # a limit is a whole number
    with pytest.raises(InterchangeError, match="字数上限应为正整数"):
        interchange.load(broken, tmp_path / "bad.qdesk", forms)


def test_a_programme_without_a_composite_takes_no_stage_scores(new_doc, tmp_path, forms):
    doc = new_doc(award="jiangsu-governor")
    data = json.loads(interchange.dumps(doc))
    data["meta"]["stage.materials"] = "600"
    with pytest.raises(InterchangeError, match="该奖项没有这一评审环节的得分"):
        interchange.load(data, tmp_path / "bad.qdesk", forms)


def test_next_year_does_not_inherit_the_examiners_scores(examined, tmp_path, forms):
    examined.close()
    renew(examined.path, tmp_path / "next.qdesk", forms)
    with Document.open(tmp_path / "next.qdesk") as doc:
        assert all(doc.stage_score(p) is None for p in STAGES)
