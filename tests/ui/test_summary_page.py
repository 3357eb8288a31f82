"""The 评分汇总 page: totals, award lines, bars, radar and the gap list that jumps to items."""

import pytest
from PySide6.QtCore import Qt

from qualitydesk.store.records import Score
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.summary import SummaryPage

from .conftest import show


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
    assert page.total_label.text() == "608 / 1000 分"
    assert "过程 368 / 600 分" in page.parts_label.text()
    assert "结果 240 / 400 分" in page.parts_label.text()
    lines = line_texts(page)
    assert lines["市长质量奖"][0] == "不低于 600 分"
    assert "已达到" in lines["市长质量奖"][1]
    assert "已达到" in lines["质量管理优秀奖"][1]
    assert page.bars[0].accessibleName() == "4.1 领导 71 / 110"
    assert page.bar_values[0].text() == "71 / 110"
    assert page.bars[0].value() == 142  # half points
    chart = page.radar.chart()
    assert chart.labels[0] == "4.1 领导"
    assert chart.rings == (("600 分线", 0.6), ("500 分线", 0.5))
    assert chart.values[0] == pytest.approx(71.0 / 110)
    assert page.issues() == []
    assert page.status() is Status.DONE


def test_gap_list_is_ranked_and_jumps_to_the_item(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    table = page.gap_table
    gains = [page.gaps[row].gain for row in range(table.rowCount())]
    assert gains == sorted(gains, reverse=True)
    first = page.gaps[0]
    assert first.gain == max(gains)
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
    assert page.total_label.text() == f"{608.0 + top.gain:g} / 1000 分"
    assert page.gaps[0].item.id != top.item.id or page.gaps[0].pct == top.next_pct


def test_empty_application_scores_zero(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    assert page.total_label.text() == "0 / 1000 分"
    assert page.status() is Status.NOT_STARTED
    assert page.unscored_label.isVisible()
    lines = line_texts(page)
    assert lines["市长质量奖"][1] == "○ 未达到：还差 600 分"
    assert page.gap_table.rowCount() == 23
    warning = page.issues()
    assert [i.severity for i in warning] == ["warning"]
    assert "不低于 600 分" in warning[0].message
    page.save(empty_doc)  # read-only page: nothing pending
    assert not empty_doc.pending
