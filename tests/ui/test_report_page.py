"""自评报告 overview: counts and scores per item, totals against the limit, opening an item."""

import pytest
from PySide6.QtCore import Qt

from qualitydesk.store.readiness import limits
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.report import ReportPage
from tests.helpers.gui import place


def _page(qtbot, context, doc):
    return place(qtbot, ReportPage(context), doc)


@pytest.fixture
def demo_page(qtbot, context, demo_doc):
    return _page(qtbot, context, demo_doc)


def test_demo_overview_shows_counts_scores_and_totals(demo_page, demo_doc, context, forms):
    page = demo_page
    assert len(page.items) == 23
    assert page.tree.topLevelItemCount() == 7
    check = next(c for c in limits(demo_doc, forms, context.award) if c.part == "report")
    assert page.total() == (check.count, check.figures)
    assert page.total_label.text() == (
        f"自评报告合计 {check.count:,} 字（含图 {check.figures} 幅，每幅按 300 字计）"
        " · 参考值 50,000 字（按当年申报通知核对）"
    )
    assert page.score_label.text().startswith("自评总分 607.5 / 1000 分")
    row = page.items["4.2.3"]
    assert row.text(0) == "4.2.3 战略部署"
    assert row.text(1) == "50"
    assert row.text(4) == "60%"
    assert row.text(5) == "30"
    assert page.categories["4.3"].text(5) == "56.5"
    assert page.status() == Status.DONE
    page.save(demo_doc)
    assert not demo_doc.pending


def test_activating_a_row_opens_the_item(demo_page, qtbot):
    page = demo_page
    page.tree.setFocus()
    page.tree.setCurrentItem(page.items["4.3.2"])
    with qtbot.waitSignal(page.navigate) as opened:
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert opened.args == ["item:4.3.2", ""]

    row = page.items["4.7.4"]
    page.tree.scrollToItem(row)
    center = page.tree.visualItemRect(row).center()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    with qtbot.waitSignal(page.navigate) as opened:
        qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert opened.args == ["item:4.7.4", ""]

    page.tree.setCurrentItem(page.categories["4.1"])
    with qtbot.assertNotEmitted(page.navigate):
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)


def test_over_the_limit_is_an_error(qtbot, context, demo_doc):
    demo_doc.set_limit("report", 40_000)
    page = _page(qtbot, context, demo_doc)
    assert page.total_label.property("over") is True
    assert "已超出" in page.total_label.text()
    [issue] = page.issues()
    assert issue.severity == "error"
    assert issue.target == "report"
    assert "超过 40,000 字" in issue.message
    assert page.status() == Status.PROBLEM


def test_empty_application_is_not_started(qtbot, context, empty_doc):
    page = _page(qtbot, context, empty_doc)
    assert not page.started()
    assert page.status() == Status.NOT_STARTED
    assert page.items["4.1.2"].text(2) == "未填写"
    assert page.items["4.1.2"].text(4) == "未评分"
    assert page.total_label.text().startswith("自评报告合计 0 字")
    assert page.total_label.text().endswith(" · 参考值 50,000 字（按当年申报通知核对）")
    empty_doc.set_narrative("4.5.2", "过程识别。\n")
    page.load(empty_doc)
    assert page.started()
    assert page.items["4.5.2"].text(2) == "5"  # 字数 as Word counts: 。 is one


def test_focus_anchor_selects_the_item(demo_page, qtbot):
    demo_page.focus_anchor("4.6.3")
    assert demo_page.tree.currentItem() is demo_page.items["4.6.3"]
    qtbot.waitUntil(demo_page.tree.hasFocus)
