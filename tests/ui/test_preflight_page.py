"""检查与导出: what stands between an application and its package, and jumping to it."""

from PySide6.QtCore import Qt

from qualitydesk.domain.problems import Location
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.preflight import PROBLEM_ROLE, PreflightPage


def problems(page):
    root = page.problems.invisibleRootItem()
    return {
        root.child(i).text(0): [root.child(i).child(j) for j in range(root.child(i).childCount())]
        for i in range(root.childCount())
    }


def test_the_demo_passes_every_check(qtbot, context, demo_doc):
    page = PreflightPage(context)
    qtbot.addWidget(page)
    page.load(demo_doc)
    assert page.issues() == []
    assert page.status() is Status.DONE
    assert "全部检查通过" in page.summary.text()
    assert "检查通过" in page.problems.topLevelItem(0).text(0)


def test_problems_are_grouped_and_lead_to_their_place(qtbot, context, demo_doc):
    demo_doc.set_rows(
        "financials",
        [
            {"year": "2023", "profit_total": "10.00"},
            {"year": "2024", "profit_total": "-120.50"},
            {"year": "2025", "profit_total": "30.00"},
        ],
    )
    demo_doc.set_narrative("4.3.2", "")
    demo_doc.set_score("4.6.3", None)
    demo_doc.set_narrative("4.4.5", demo_doc.narrative("4.4.5") + "\n\n特殊符号 \U0001f600\n")
    demo_doc.set_limit("report", 10_000)
    page = PreflightPage(context)
    qtbot.addWidget(page)
    page.load(demo_doc)
    groups = problems(page)
    assert set(groups) == {"资格条件", "尚未完成", "字数", "无法打印的字符"}
    assert page.status() is Status.PROBLEM
    loss = groups["资格条件"][0]
    assert "2024 年利润总额" in loss.text(0)
    with qtbot.waitSignal(page.navigate) as jumped:
        page.problems.setCurrentItem(loss)
        qtbot.keyClick(page.problems, Qt.Key.Key_Return)
    assert jumped.args == ["eligibility", "no-loss-3-years"]
    targets = {tuple(i.data(0, Qt.ItemDataRole.UserRole)) for i in groups["尚未完成"]}
    assert ("item:4.3.2", "narrative") in targets
    assert ("item:4.6.3", "score") in targets
    assert {tuple(i.data(0, Qt.ItemDataRole.UserRole)) for i in groups["无法打印的字符"]} == {
        ("item:4.4.5", "char::0:\U0001f600")  # selects the character there
    }
    assert "超过 10,000 字的限制" in groups["字数"][0].text(0)
    [emoji] = [i.data(0, PROBLEM_ROLE) for i in groups["无法打印的字符"]]  # the records listed
    assert (emoji.location.step, emoji.location.item, emoji.char) == (
        "report",
        "4.4.5",
        "\U0001f600",
    )
    assert groups["字数"][0].data(0, PROBLEM_ROLE).location == Location("report")


def test_export_buttons_ask_the_window(qtbot, context, empty_doc):
    page = PreflightPage(context)
    qtbot.addWidget(page)
    page.load(empty_doc)
    assert page.status() is Status.NOT_STARTED
    for action, button in page.buttons.items():
        with qtbot.waitSignal(page.action_requested) as requested:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert requested.args == [action]
