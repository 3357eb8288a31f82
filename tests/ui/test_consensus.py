"""评分 → 共识会议: the items the team disagrees on come first, and 确认共识 makes the agreed
score the application's self-score, with history.

The demo application open in the main window is handed out to three assessors, their files are
filled in and collected (real files), then the consensus window is driven by keyboard and mouse.
"""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qualitydesk.domain.team import AssessorScore
from qualitydesk.store.document import Document
from qualitydesk.store.scorefile import collect, hand_out_files, read_score_file, write_score_file
from qualitydesk.ui.team import commands
from tests.helpers.gui import commit_text

# Each assessor's percent per item: 4.2.3 is 40 points apart, the rest close together.
RETURNED = {
    "张三": {"4.1.2": 50, "4.2.3": 30, "4.7.2": 60},
    "李四": {"4.1.2": 55, "4.2.3": 50, "4.7.2": 60},
    "王五": {"4.1.2": 50, "4.2.3": 70, "4.7.2": 65},
}
FLAGGED = "4.2.3"


@pytest.fixture
def meeting(demo_window, tmp_path, forms, qtbot):
    """The consensus window over the demo, after three assessors returned RETURNED."""
    doc = demo_window.view.doc
    paths = []
    for path in hand_out_files(doc, forms, list(RETURNED), tmp_path):
        if path.suffix == ".qdesk-score":
            book = read_score_file(path)
            pcts = RETURNED[book.assessor]
            scores = tuple(
                AssessorScore(book.assessor, item, pct, f"{item} 方法系统", "展开不足")
                for item, pct in pcts.items()
            )
            paths.append(write_score_file(path, replace(book, scores=scores)))
    collect(doc, forms, paths)
    window = commands.consensus(demo_window)
    qtbot.waitExposed(window)
    return window


def test_the_item_the_team_disagrees_on_is_listed_first_and_flagged(meeting):
    assert meeting.listed()[:3] == [FLAGGED, "4.1.2", "4.7.2"]
    assert meeting.current_item() == FLAGGED
    row = meeting.items.topLevelItem(0)
    assert row.text(2) == "⚑ 40"
    table = meeting.detail.table
    headers = [table.horizontalHeaderItem(n).text() for n in range(table.columnCount())]
    assert headers == ["张三", "李四", "王五", "平均", "中位数", "分歧"]
    assert [table.item(0, n).text() for n in range(table.columnCount())] == [
        "30%",
        "50%",
        "70%",
        "50%",
        "50%",
        "40 个百分点",
    ]
    assert "需讨论" in meeting.detail.flag.text()
    # The three assessors wrote the same remarks: merged, each point once.
    assert meeting.detail.opportunities.text().count("展开不足") == 1
    assert meeting.detail.pct.value() == 50  # the median offered


def test_confirming_the_consensus_makes_it_the_self_score_with_history(meeting, demo_window):
    view = demo_window.view
    doc = view.doc
    view.show_step(f"item:{FLAGGED}")  # the item's page open behind the meeting
    page = view.pages[f"item:{FLAGGED}"]
    before = doc.score(FLAGGED)
    detail = meeting.detail
    detail.pct.setFocus()
    QTest.keyClick(detail.pct, Qt.Key.Key_Down)  # 50 → 45
    commit_text(detail.note, "按展开程度取中间偏下")
    QTest.mouseClick(detail.agree_button, Qt.MouseButton.LeftButton)

    assert doc.score(FLAGGED).pct == 45
    assert doc.score(FLAGGED).strengths == before.strengths  # the item's own remarks are kept
    agreed = doc.consensus()[FLAGGED]
    assert (agreed.pct, agreed.note, dict(agreed.before)) == (
        45,
        "按展开程度取中间偏下",
        {"张三": 30, "李四": 50, "王五": 70},
    )
    assert doc.history("score", FLAGGED)[0].value["pct"] == 45
    assert meeting.items.topLevelItem(0).text(3) == "✓ 45%"
    assert detail.status.isVisible()
    assert "45%" in detail.status.text()
    # The item's page shows the agreed score, and an edit there later does not undo it.
    assert page.score_panel.pct.value() == 45
    commit_text(page.score_panel.opportunities, "补充：展开到班组")
    assert view.flush()
    with Document.open(doc.path, read_only=True) as again:
        assert again.score(FLAGGED).pct == 45
        assert again.score(FLAGGED).opportunities.startswith("补充：展开到班组")


def test_the_threshold_decides_what_is_flagged(meeting, demo_window):
    meeting.threshold.setFocus()
    meeting.threshold.selectAll()
    QTest.keyClicks(meeting.threshold, "45")
    QTest.keyClick(meeting.threshold, Qt.Key.Key_Return)
    assert demo_window.view.doc.spread_threshold() == 45
    assert meeting.listed()[:3] == ["4.1.2", FLAGGED, "4.7.2"]  # the framework's order
    assert "需讨论" not in meeting.detail.flag.text()
