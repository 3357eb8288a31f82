"""The self-assessment team in the file: three assessors handed files, filled, collected; the
spread flags; consensus with history; a new round, replacing, renewing and the JSON interchange.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from qualitydesk.domain.team import AssessorScore, spreads
from qualitydesk.store import interchange, schema
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Action, Feedback, Score
from qualitydesk.store.renew import renew
from qualitydesk.store.scorefile import collect, hand_out_files, read_score_file, write_score_file

TEAM = ("张三", "李四", "王五")
# Each assessor's percent of 4.1.2, 4.1.3 and 4.2.2: 4.1.2 spreads 30 points, 4.1.3 only 10.
PCTS = {"张三": (40, 50, 60), "李四": (55, 55, 60), "王五": (70, 60, 60)}
ITEMS = ("4.1.2", "4.1.3", "4.2.2")


def fill(path, pcts, **remarks):
    """An assessor scores in the program: read the file, score, save (with a fresh checksum)."""
    book = read_score_file(path)
    scores = tuple(
        AssessorScore(book.assessor, item, pct, **remarks)
        for item, pct in zip(ITEMS, pcts, strict=True)
    )
    write_score_file(path, replace(book, scores=scores))
    return path


@pytest.fixture
def team_doc(new_doc, forms, tmp_path):
    """An application with a narrative and a self-score, handed out to three assessors."""
    doc = new_doc(org_name="苏州澄远精密科技有限公司")
    doc.set_narrative("4.1.2", "高层领导每季度评审战略。")
    doc.set_score("4.1.2", Score(45, {"A": "方法"}, "优势原文", "改进原文"))
    doc.save()
    folder = tmp_path / "out"
    folder.mkdir()
    written = hand_out_files(doc, forms, TEAM, folder)
    return doc, folder, written


@pytest.fixture
def collected(team_doc, forms):
    doc, folder, _ = team_doc
    paths = [fill(folder / f"{name}.qdesk-score", PCTS[name]) for name in TEAM]
    return doc, collect(doc, forms, paths)


def test_hand_out_writes_a_file_and_a_scorebook_per_assessor(team_doc, forms):
    doc, folder, written = team_doc
    assert sorted(p.name for p in written) == sorted(
        f"{n}{suffix}" for n in TEAM for suffix in (".qdesk-score", ".xlsx")
    )
    book = read_score_file(folder / "李四.qdesk-score")
    assert book.application == doc.meta["created"]
    assert book.assessor == "李四"
    assert book.org_name == "苏州澄远精密科技有限公司"
    assert book.step == 5
    assert book.scores == ()
    assert [i.id for i in book.items] == [i.id for i in forms.framework(doc.framework_id).items]
    assert book.items[0].narrative == "高层领导每季度评审战略。"
    rounds = {a.round for a in doc.assessors()}
    assert len(rounds) == 1
    assert book.round in rounds
    assert all(not a.returned_at for a in doc.assessors())


def test_collected_scores_are_recorded_and_narratives_never_change(collected, forms):
    doc, returned = collected
    assert [(r.assessor, r.scored, r.replaced) for r in returned] == [(n, 3, False) for n in TEAM]
    assert {(s.assessor, s.item): s.pct for s in doc.assessor_scores()} == {
        (n, item): pct for n in TEAM for item, pct in zip(ITEMS, PCTS[n], strict=True)
    }
    assert all(a.returned_at and a.source == f"{a.name}.qdesk-score" for a in doc.assessors())
    assert doc.narrative("4.1.2") == "高层领导每季度评审战略。"
    assert doc.score("4.1.2").pct == 45  # the self-score waits for the consensus


def test_wide_spreads_are_flagged_and_listed_first(collected, forms):
    doc, _ = collected
    framework = forms.framework(doc.framework_id)
    found = spreads(framework, doc.assessor_scores(), doc.spread_threshold())
    assert [(s.item, s.spread, s.flagged) for s in found] == [
        ("4.1.2", 30, True),
        ("4.1.3", 10, False),
        ("4.2.2", 0, False),
    ]
    assert str(found[0].median) == "55"
    doc.set_spread_threshold(10)
    with Document.open(doc.path, read_only=True) as again:
        assert again.spread_threshold() == 10
    flagged = spreads(framework, doc.assessor_scores(), doc.spread_threshold())
    assert [s.item for s in flagged if s.flagged] == ["4.1.2", "4.1.3"]
    with pytest.raises(DocumentError, match="1–100"):
        doc.set_spread_threshold(0)


def test_an_agreed_score_becomes_the_self_score_with_history(collected, clock):
    doc, _ = collected
    clock.advance(minutes=5)
    doc.agree("4.1.2", 55, "  按现场证据取中  ")
    agreed = doc.consensus()["4.1.2"]
    assert (agreed.pct, agreed.note) == (55, "按现场证据取中")
    assert agreed.before == {"张三": 40, "李四": 55, "王五": 70}
    score = doc.score("4.1.2")
    assert (score.pct, score.assessor) == (55, "自评小组")
    assert (score.notes, score.strengths, score.opportunities) == (
        {"A": "方法"},
        "优势原文",
        "改进原文",
    )
    assert not doc.pending
    history = doc.history("score", "4.1.2")
    assert history[0].value["pct"] == 55
    assert history[0].value["assessor"] == "自评小组"
    assert history[1].value["pct"] == 45
    doc.agree("4.2.2", 60, "")  # an item never scored before
    assert doc.score("4.2.2") == Score(60, assessor="自评小组", scored_at=clock())


@pytest.mark.parametrize(
    ("item", "pct", "message"),
    [("4.1.2", 57, "5 的倍数"), ("4.1.2", 105, "0–100"), ("9.9", 50, "没有评分项")],
)
def test_an_agreement_off_the_step_or_of_an_unknown_item_changes_nothing(
    collected, item, pct, message
):
    doc, _ = collected
    before = interchange.dumps(doc)
    with pytest.raises(DocumentError, match=message):
        doc.agree(item, pct, "讨论")
    assert interchange.dumps(doc) == before


def test_a_new_round_refuses_the_earlier_file_and_replacing_needs_asking(team_doc, forms):
    doc, folder, _ = team_doc
    old = fill(folder / "张三.qdesk-score", PCTS["张三"])
    collect(doc, forms, [old])
    again = folder / "again"
    again.mkdir()
    hand_out_files(doc, forms, ["张三"], again)
    assert doc.assessor("张三").returned_at  # what was returned stays until replaced
    with pytest.raises(DocumentError, match="较早一次分发"):
        collect(doc, forms, [old], replace=True)
    new = fill(again / "张三.qdesk-score", (60, 60, 60))
    with pytest.raises(DocumentError, match="--replace"):
        collect(doc, forms, [new])
    (result,) = collect(doc, forms, [new], replace=True)
    assert result.replaced
    assert {s.pct for s in doc.assessor_scores() if s.assessor == "张三"} == {60}


def test_a_reissued_scorebook_carries_what_the_assessor_returned(collected, forms):
    doc, _ = collected
    book = doc.scorebook("王五", forms)
    assert [(s.item, s.pct) for s in book.scores] == list(zip(ITEMS, PCTS["王五"], strict=True))
    with pytest.raises(DocumentError, match="请先分发"):
        doc.scorebook("赵六", forms)


def test_names_are_checked_before_anything_is_handed_out(new_doc, forms, tmp_path):
    doc = new_doc()
    for names, message in ((["张三", "张三"], "重复"), (["  "], "不能为空"), ([], "至少")):
        with pytest.raises(DocumentError, match=message):
            hand_out_files(doc, forms, names, tmp_path)
    assert doc.assessors() == []
    assert list(tmp_path.glob("*.qdesk-score")) == []


def test_an_existing_file_is_not_replaced_without_force(team_doc, forms):
    doc, folder, _ = team_doc
    rounds = {a.round for a in doc.assessors()}
    with pytest.raises(DocumentError, match="已存在"):
        hand_out_files(doc, forms, ["王五", "赵六"], folder)
    assert {a.round for a in doc.assessors()} == rounds
    assert doc.assessor("赵六") is None
    hand_out_files(doc, forms, ["王五"], folder, force=True)
    assert doc.assessor("王五").round not in rounds


def test_names_become_safe_file_names(new_doc, forms, tmp_path):
    doc = new_doc()
    written = hand_out_files(doc, forms, ["a/b", "a_b", "CON"], tmp_path)
    names = [p.name for p in written if p.suffix == ".qdesk-score"]
    assert names == ["a_b.qdesk-score", "a_b_.qdesk-score", "_CON.qdesk-score"]
    assert read_score_file(tmp_path / "a_b.qdesk-score").assessor == "a/b"


def test_removing_an_assessor_and_clearing_the_team(collected):
    doc, _ = collected
    doc.agree("4.1.2", 55, "")
    doc.remove_assessor("李四")
    assert [a.name for a in doc.assessors()] == ["张三", "王五"]
    assert {s.assessor for s in doc.assessor_scores()} == {"张三", "王五"}
    doc.clear_team()
    assert (doc.assessors(), doc.assessor_scores(), doc.consensus()) == ([], [], {})
    assert doc.score("4.1.2").pct == 55


def test_a_read_only_document_refuses(collected):
    doc, _ = collected
    with Document.open(doc.path, read_only=True) as snapshot:
        assert len(snapshot.assessor_scores()) == 9
        with pytest.raises(DocumentError, match="不能修改"):
            snapshot.agree("4.1.2", 55, "")
        with pytest.raises(DocumentError, match="不能修改"):
            snapshot.hand_out(["赵六"])


def test_the_json_interchange_keeps_the_team_and_the_plan(collected, tmp_path, forms):
    doc, _ = collected
    doc.agree("4.1.2", 55, "取中")
    doc.set_spread_threshold(15)
    doc.set_feedback("4.1.3", Feedback("评审组：战略清晰", "评审组：缺少评价", "反馈报告.docx"))
    doc.add_action(Action(0, "建立战略评价机制", "examiners", "4.1.3", "李四", "2026-09-30"))
    text = interchange.dumps(doc)
    interchange.load(json.loads(text), tmp_path / "b.qdesk", forms)
    with Document.open(tmp_path / "b.qdesk") as copy:
        assert interchange.dumps(copy) == text
        assert copy.consensus()["4.1.2"].before == {"张三": 40, "李四": 55, "王五": 70}
        assert copy.spread_threshold() == 15
        assert len(copy.assessor_scores()) == 9


def test_a_dump_with_a_score_of_an_unlisted_assessor_is_refused(collected, tmp_path, forms):
    doc, _ = collected
    data = json.loads(interchange.dumps(doc))
    data["assessors"] = [a for a in data["assessors"] if a["name"] != "李四"]
    with pytest.raises(interchange.InterchangeError, match="李四"):
        interchange.load(data, tmp_path / "b.qdesk", forms)
    assert not (tmp_path / "b.qdesk").exists()


def test_a_renewed_year_drops_the_team_and_feedback_and_keeps_the_plan(collected, forms, tmp_path):
    doc, _ = collected
    doc.agree("4.1.2", 55, "")
    doc.set_feedback("4.1.3", Feedback("", "缺少评价", "反馈报告"))
    doc.add_action(Action(0, "建立战略评价机制", "examiners", "4.1.3"))
    doc.close()
    made = renew(doc.path, tmp_path / "next.qdesk", forms)
    with Document.open(made.path) as renewed:
        assert (renewed.assessors(), renewed.assessor_scores(), renewed.consensus()) == (
            [],
            [],
            {},
        )
        assert renewed.feedback() == {}
        assert [a.title for a in renewed.actions()] == ["建立战略评价机制"]
        assert renewed.score("4.1.2").pct == 55


def test_a_version_2_file_opens_and_gains_the_team_tables(tmp_path, forms):
    path = tmp_path / "v2.qdesk"
    from sqlite_utils import Database

    db = Database(sqlite3.connect(path), execute_plugins=False)
    schema.migrate(db, 0, 2)
    stamp = "2025-06-01T09:00:00+08:00"
    meta = {"award": "suzhou-mayor", "framework": "gbt19580-2012", "year": "2025"}
    meta |= {"date": "2025-06-01", "created": stamp, "modified": stamp, "app_version": "0.9"}
    db["meta"].insert_all([{"key": k, "value": v} for k, v in meta.items()])
    db.conn.commit()
    db.close()
    with Document.open(path) as doc:
        assert doc.assessors() == []
        assert doc.consensus() == {}
        doc.hand_out(["张三"])
        doc.agree("4.1.2", 50, "")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("SELECT name FROM assessors").fetchall() == [("张三",)]
    conn.close()


def test_every_hand_out_is_a_new_round(tmp_path, forms):
    with Document.create(
        tmp_path / "a.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    ) as doc:
        first = doc.hand_out(["张三"])
        second = doc.hand_out(["张三"])
    assert first != second


def test_an_excel_scorebook_filled_with_openpyxl_is_collected_with_the_files(team_doc, forms):
    from openpyxl import load_workbook

    from qualitydesk.store import scorebooklayout as lay

    doc, folder, _ = team_doc
    xlsx = folder / "王五.xlsx"
    wb = load_workbook(xlsx)
    ws = wb[lay.SCORE_SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(lay.HEADER_ROW + 1, ws.max_row + 1)}
    for item, pct in zip(ITEMS, PCTS["王五"], strict=True):
        ws.cell(rows[item], lay.COLUMNS.index(lay.PCT) + 1).value = pct
    ws.cell(rows["4.1.2"], lay.COLUMNS.index(lay.STRENGTHS) + 1).value = "战略分解到部门"
    wb.create_sheet("我的草稿")
    wb.save(xlsx)
    files = [fill(folder / f"{name}.qdesk-score", PCTS[name]) for name in TEAM[:2]]
    returned = collect(doc, forms, [*files, xlsx])
    assert [r.path.name for r in returned] == ["张三.qdesk-score", "李四.qdesk-score", "王五.xlsx"]
    assert returned[2].warnings  # the added sheet was ignored, and said so
    scores = {(s.assessor, s.item): s for s in doc.assessor_scores()}
    assert scores["王五", "4.1.2"].pct == 70
    assert scores["王五", "4.1.2"].strengths == "战略分解到部门"
    assert doc.assessor("王五").source == "王五.xlsx"


def test_an_agreement_right_after_an_edit_is_its_own_history_entry(collected):
    doc, _ = collected
    doc.set_score("4.1.3", Score(50))
    doc.save()
    doc.agree("4.1.3", 55, "")  # within the seconds in which typing is merged into one entry
    assert [r.value["pct"] for r in doc.history("score", "4.1.3")] == [55, 50]
