"""The 评分汇总 page: totals, award lines, bars, radar, the gap list that jumps to items, and the
examiners' stage scores with the composite.
"""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import load_forms
from qualitydesk.store.document import Document
from qualitydesk.store.records import Score
from qualitydesk.ui.pages.base import PageContext, Status
from qualitydesk.ui.pages.summary import SummaryPage
from tests.helpers.gui import commit_text, open_window, show


@pytest.fixture
def page(qtbot, context):
    page = SummaryPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    return page


def line_texts(page) -> dict[str, tuple[str, str]]:
    return {
        name.text(): (wording.text(), status.text()) for name, wording, status in page.tier_labels
    }


def test_demo_totals_lines_bars_and_radar(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    assert page.total_label.text() == "607.5 / 1000 分"  # exact: no longer rounded to 608
    assert "过程 367.5 / 600 分" in page.parts_label.text()
    assert "结果 240 / 400 分" in page.parts_label.text()
    lines = line_texts(page)
    assert lines["市长质量奖"][0] == "不低于 600 分"
    assert lines["市长质量奖"][1] == "自评 ● 已达到"
    assert "已达到" in lines["质量管理优秀奖"][1]
    assert "评审组给出的总评分" in page.line_note.text()
    assert "自评总分只是估计" in page.line_note.text()
    assert page.bars[0].accessibleName() == "4.1 领导 71 / 110"
    assert page.bar_values[0].text() == "71 / 110"
    assert page.bars[0].value() == 7100  # hundredths: scores are exact
    chart = page.radar.chart()
    assert chart.labels[0] == "4.1 领导"
    assert chart.rings == (("600 分线", 0.6), ("500 分线", 0.5))
    assert chart.values[0] == pytest.approx(71.0 / 110)
    assert page.issues() == []
    assert page.status() is Status.DONE


def test_gap_list_is_ranked_and_jumps_to_the_item(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    table = page.gap_list.table
    gains = [page.gaps[row].gain for row in range(table.rowCount())]
    assert gains == sorted(gains, reverse=True)
    first = page.gaps[0]
    assert [(g.item.id, g.pct, g.next_pct, g.gain) for g in page.gaps[:3]] == [
        ("4.1.2", 70, 90, 10),
        ("4.7.7", 50, 70, 10),  # as much to gain as 4.1.2: the framework's order decides
        ("4.7.5", 55, 70, 9),
    ]
    assert table.item(0, 0).text() == f"{first.item.id} {first.item.name}"
    assert table.item(0, 4).text() == f"+{first.gain:g} 分"
    rect = table.visualItemRect(table.item(0, 0))
    with qtbot.waitSignal(page.navigate) as double_click:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert double_click.args == [f"item:{first.item.id}", "score"]
    second = page.gaps[1].item.id
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.navigate) as enter:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert enter.args == [f"item:{second}", "score"]


def test_load_follows_score_changes(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    top = page.gaps[0]
    demo_doc.set_score(top.item.id, Score(top.next_pct))  # pending, as an item page leaves it
    page.load(demo_doc)
    assert page.total_label.text() == f"{numbers.score(Decimal('607.5') + top.gain)} / 1000 分"
    # 4.1.2 reached the top band (90 %): nothing is left to gain there, so it leaves the list
    assert (top.item.id, top.next_pct, len(page.gaps)) == ("4.1.2", 90, 22)
    assert [(g.item.id, g.gain) for g in page.gaps[:2]] == [("4.7.7", 10), ("4.7.5", 9)]


def test_empty_application_scores_zero(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    assert page.total_label.text() == "0 / 1000 分"
    assert page.status() is Status.NOT_STARTED
    assert page.unscored_label.isVisible()
    lines = line_texts(page)
    assert lines["市长质量奖"][1] == "自评 ○ 未达到：还差 600 分"
    assert page.gap_list.table.rowCount() == 23
    warning = page.issues()
    assert [i.severity for i in warning] == ["warning"]
    assert "不低于 600 分" in warning[0].message
    page.save(empty_doc)  # no stage score typed: nothing pending
    assert not empty_doc.pending


# --- exact scores at the line (issue 12 §2) ----------------------------------------------------

# Every item at 60% is 600; 4.4.3 (15 points) at 65% = 9.75 and 4.4.6 (10 points) at 50% = 5
# make 599.75, which the old half-point rounding showed as 600 and 达到 ≥600.
JUST_BELOW = {"4.4.3": 65, "4.4.6": 50}


def test_599_75_is_shown_exactly_and_does_not_reach_600(qtbot, page, empty_doc, context):
    for item in context.framework.items:
        empty_doc.set_score(item.id, Score(JUST_BELOW.get(item.id, 60)))
    show(qtbot, page, empty_doc)
    assert page.total_label.text() == "599.75 / 1000 分"
    assert line_texts(page)["市长质量奖"] == ("不低于 600 分", "自评 ○ 未达到：还差 0.25 分")
    by_name = {b.accessibleName().rsplit(" ", 3)[0]: b for b in page.bars}
    assert by_name["4.4 资源"].value() == 7775  # 77.75 of 130
    (warning,) = page.issues()
    assert "自评总分 599.75 分" in warning.message


# --- the examiners' stage scores ---------------------------------------------------------------


def stage_editor(page, name):
    return next(e for e in page.stage_editors if e.part.name == name)


def type_score(qtbot, editor, text):
    editor.input.setFocus()
    editor.input.selectAll()
    qtbot.keyClicks(editor.input, text)
    qtbot.keyClick(editor.input, Qt.Key.Key_Tab)


def test_stage_scores_give_the_exact_composite_beside_the_lines(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    assert [e.part.name for e in page.stage_editors] == ["材料评审", "陈述答辩", "现场评审"]
    assert "填齐后计算" in page.composite_label.text()
    with qtbot.waitSignal(page.changed):
        type_score(qtbot, stage_editor(page, "材料评审"), "600.5")
    type_score(qtbot, stage_editor(page, "陈述答辩"), "599.25")
    commit_text(stage_editor(page, "现场评审").input, "６００分")  # full-width, with 分
    qtbot.keyClick(stage_editor(page, "现场评审").input, Qt.Key.Key_Tab)
    assert stage_editor(page, "现场评审").text() == "600"  # normalised when editing finished
    text = page.composite_label.text()
    assert text.startswith("综合得分 599.9625 分（第二十三条")
    assert "材料评审 15% + 陈述答辩 15% + 现场评审 70%" in text
    examined = page.composite_status[0]
    assert examined.isVisible()
    assert examined.text() == "综合得分 ○ 未达到：还差 0.0375 分"
    assert any("综合得分 599.9625 分" in i.message for i in page.issues())
    page.save(empty_doc)
    assert empty_doc.stage_score("defence") == pytest.approx(599.25)
    assert str(empty_doc.stage_score("materials")) == "600.5"


def test_a_wrong_stage_score_is_marked_and_not_saved(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    editor = stage_editor(page, "现场评审")
    type_score(qtbot, editor, "1200")
    assert editor.input.property("invalid") is True
    assert editor.message.isVisible()
    assert "现场评审应在 0–1000 分之间" in editor.message.text()
    errors = [i for i in page.issues() if i.severity == "error"]
    assert [i.anchor for i in errors] == ["stage_onsite"]
    assert page.status() is Status.PROBLEM
    page.save(empty_doc)
    assert not empty_doc.pending
    page.focus_anchor("stage_onsite")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.input)


def test_no_stage_scores_where_the_programme_defines_no_composite(qtbot, forms, messages):
    award = forms.award("jiangsu-governor")
    context = PageContext(forms, award, forms.framework(award.framework), messages)
    page = SummaryPage(context)
    qtbot.addWidget(page)
    assert page.stage_editors == []
    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert "奖项分数线" in titles
    assert "评审得分" not in titles


@pytest.fixture
def sip_file(tmp_path):
    path = tmp_path / "sip.qdesk"
    Document.create(
        path, award="sip", framework="gbt19580-2012", year=2026, application_date=date(2026, 5, 15)
    ).close()
    return path


def test_stage_scores_typed_in_the_window_are_there_after_reopening(
    qtbot, settings, messages, sip_file
):
    window = open_window(qtbot, load_forms(), settings, messages)
    assert window.open_path(sip_file)
    window.view.show_step("summary")
    page = window.view.pages["summary"]
    for name, text in (("材料评审", "620"), ("陈述答辩", "700"), ("现场评审", "610.25")):
        type_score(qtbot, stage_editor(page, name), text)
    assert page.composite_label.text().startswith("综合得分 625.175 分（第二十五条")
    assert page.composite_status[0].text() == "综合得分 ● 已达到"  # 高于 600
    qtbot.waitUntil(lambda: not window.view.session.dirty, timeout=3000)
    assert window.close_document()
    assert window.open_path(sip_file)
    window.view.show_step("summary")
    page = window.view.pages["summary"]
    assert [e.text() for e in page.stage_editors] == ["620", "700", "610.25"]
    assert page.composite_label.text().startswith("综合得分 625.175 分")
    window.close_document()
