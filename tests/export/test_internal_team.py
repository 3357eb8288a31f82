"""The internal report's team parts: 自评小组共识 (spread chart, scores before and after the
consensus), 改进计划 (the action table) and 与往年对比 (scores of both years, changed items,
common indicators, actions closed since) — each only when the document has the data, read back
from the PDF.
"""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from msgspec.structs import replace
from pypdf import PdfReader

from qualitydesk.cli import main
from qualitydesk.domain.team import AssessorScore
from qualitydesk.export.pdf import export_pdf
from qualitydesk.store.document import Document
from qualitydesk.store.records import Action
from qualitydesk.store.renew import renew
from qualitydesk.store.yearly import closed_since, year_over_year
from tests.helpers.pdfcheck import body_text, fonts_without_file, outline, page_texts

TEAM = {"张三": 60, "李四": 70, "王五": 60}  # every item; 王五 gives 4.1.2 45 (spread 25)


@pytest.fixture(scope="module")
def two_years(demo_file, forms, tmp_path_factory):
    """The demo (2026) with two open actions, and 2027 made from it: 4.1.2 scored 10 higher,
    scored by three assessors, 4.1.2 agreed at the meeting, one action done, one added.
    """
    folder = tmp_path_factory.mktemp("team")
    old = folder / "2026.qdesk"
    shutil.copy(demo_file, old)
    with Document.open(old) as doc:
        doc.add_action(Action(0, "建立战略复盘机制", item="4.2.2", owner="王强", due="2026-12-31"))
        doc.add_action(Action(0, "完善供应商评价", item="4.6.3", owner="李明", status="doing"))
    new = renew(old, folder / "2027.qdesk", forms).path
    with Document.open(new) as doc:
        doc.set_score("4.1.2", replace(doc.score("4.1.2"), pct=doc.score("4.1.2").pct + 10))
        doc.save()
        doc.hand_out(list(TEAM))
        items = forms.framework(doc.framework_id).items
        for name, pct in TEAM.items():
            book = doc.scorebook(name, forms)
            scores = tuple(
                AssessorScore(name, i.id, 45 if (name, i.id) == ("王五", "4.1.2") else pct)
                for i in items
            )
            doc.record_returned(dataclasses.replace(book, scores=scores), f"{name}.qdesk-score")
        doc.agree("4.1.2", 65, "以第三季度数据为准")
        first = doc.actions()[0]
        doc.update_action(replace(first, status="done"))
        doc.add_action(Action(0, "提升顾客满意度测量", source="examiners", item="4.3.2"))
    return old, new


@pytest.fixture(scope="module")
def report(two_years, forms, tmp_path_factory):
    """The 2027 internal report compared with 2026: its text (whitespace removed) and outline."""
    old, new = two_years
    out = tmp_path_factory.mktemp("pdf") / "internal.pdf"
    with Document.open(new, read_only=True) as doc:
        export_pdf(doc, forms, out, kind="internal", previous=year_over_year(old, doc, forms))
    reader = PdfReader(out)
    assert fonts_without_file(reader) == []  # the indicator panel's table set no Helvetica
    return body_text(reader, page_texts(reader)), [e.title for e in outline(reader)]


def test_parts_follow_the_gap_list_in_order(report):
    text, titles = report
    parts = ["三、提分空间（差距清单）", "四、自评小组共识", "五、改进计划", "六、与往年对比"]
    assert [t for t in titles if t in parts] == parts
    assert [text.rindex(p) for p in parts] == sorted(text.rindex(p) for p in parts)
    assert {"共识前后评分", "各评分项得分对比", "关键绩效指标对比"} <= set(titles)


def test_consensus_gives_every_assessor_the_mean_and_the_agreed_score(report):
    text, _ = report
    assert "自评小组3人（张三、李四、王五）各自独立评分，23个评分项有评分" in text
    assert "评分分歧（最高与最低之差）达到20个百分点的评分项1项（4.1.2）" in text
    assert "图2各评分项评分人评分分布与共识评分" in text
    row = text[text.index("4.1.2高层领导的作用（需讨论）") :]
    assert row.startswith("4.1.2高层领导的作用（需讨论）张三60%、李四70%、王五45%58.3%2565%")
    assert "以第三季度数据为准" in row[:120]
    assert "4.1.3组织治理张三60%、李四70%、王五60%63.3%10—（尚未形成共识）" in text


def test_plan_lists_every_action_open_first(report):
    text, _ = report
    plan = text[text.rindex("五、改进计划") : text.rindex("六、与往年对比")]  # after the 目录
    assert "改进措施共3项，其中未开始1项，进行中1项，已完成1项，已取消0项。" in plan
    assert plan.index("完善供应商评价") < plan.index("提升顾客满意度测量")
    assert plan.index("提升顾客满意度测量") < plan.index("建立战略复盘机制")
    assert "评审反馈4.3.2" in plan
    assert "2026-12-31已完成" in plan


def test_year_over_year_scores_changed_items_indicators_and_actions(report, two_years):
    text, _ = report
    part = text[text.rindex("六、与往年对比") :]
    with Document.open(two_years[0], read_only=True) as old:
        before = old.score("4.1.2").pct
        indicators = old.indicators()
    assert "对比对象：2026年度申报（2026.qdesk）" in part
    # 4.1.2: the demo's 70%, scored 80% and then agreed at 65%
    assert before == 70
    assert "4.1.2高层领导的作用●70%（70%–85%）65%（50%–65%）-5未改" in part
    assert "4.1.3组织治理60%（50%–65%）60%（50%–65%）未变未改" in part
    assert "自评总分由607.5分变为605分（-2.5分）" in part
    assert "得分或文字有变化的评分项1项（共23项）" in part
    assert f"两个年度都有的关键绩效指标{len(indicators)}项。" in part
    assert indicators[0].name in part
    assert "图4两个年度都有的关键绩效指标" in part
    closed = part[part.index("2026年度以来完成的改进措施") :]
    assert "2026年度尚未完成、现已完成的改进措施1项" in closed
    assert "建立战略复盘机制" in closed
    assert "完善供应商评价" not in closed


def test_without_team_data_or_comparison_no_such_parts(internal_pdf):
    reader = PdfReader(internal_pdf)
    titles = [e.title for e in outline(reader)]
    assert not {"四、自评小组共识", "四、改进计划", "四、与往年对比"} & set(titles)


def test_closed_since_matches_by_id_then_title_and_item():
    old = [Action(1, "甲", item="4.1.2"), Action(2, "乙", item="4.2.2", status="doing")]
    new = [
        Action(1, "甲", item="4.1.2", status="done"),  # the same id and title
        Action(9, "乙", item="4.2.2", status="done"),  # another id: the same title and item
        Action(2, "丙", item="4.2.2", status="done"),  # id 2 is another action now
        Action(3, "丁", status="done"),  # new this year
    ]
    assert [a.title for a in closed_since(old, new)] == ["甲", "乙"]
    assert closed_since([replace(old[0], status="dropped")], new[:1]) == ()


def test_cli_adds_the_comparison_and_refuses_it_elsewhere(two_years, tmp_path, capsys):
    old, new = two_years
    out = tmp_path / "internal.pdf"
    assert (
        main(["export", str(new), "-o", str(out), "--kind", "internal", "--compare", str(old)]) == 0
    )
    reader = PdfReader(out)
    assert "六、与往年对比" in body_text(reader, page_texts(reader))
    assert main(["export", str(new), "-o", str(tmp_path / "p.pdf"), "--compare", str(old)]) == 2
    assert "--compare 只用于内部自评报告" in capsys.readouterr().err
    same = ["export", str(new), "-o", str(tmp_path / "s.pdf"), "--kind", "internal"]
    assert main([*same, "--compare", str(new)]) == 2
    assert "就是当前申报文件" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()
    assert not (tmp_path / "s.pdf").exists()
