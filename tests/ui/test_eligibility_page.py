"""The 资格自查 page: clauses evaluated live, declarations made through the widgets and saved."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from qualitydesk.domain.eligibility import Status as RuleStatus
from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.eligibility import EligibilityPage

from .conftest import commit_text, show


@pytest.fixture
def page(qtbot, context):
    page = EligibilityPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    return page


def statuses(page):
    return {f.rule.id: f.status for f in page.findings}


def test_every_clause_in_order_with_citation(qtbot, page, context, empty_doc):
    show(qtbot, page, empty_doc)
    rules = context.award.rules
    assert list(page.cards) == [r.id for r in rules]
    card = page.cards["no-loss-3-years"]
    assert card.citation.text() == "第十一条（六）"
    assert "最近3年未发生亏损" in card.text.text()
    # A clause with a 核对说明 shows the clause and the note apart.
    honour = page.cards["prior-honour"]
    assert "核对说明" not in honour.text.text()
    assert honour.note.text().startswith("核对说明")
    assert not card.notice.isVisibleTo(page)  # 苏州 is a published programme


def test_empty_application_needs_every_declaration(qtbot, page, context, empty_doc):
    show(qtbot, page, empty_doc)
    found = statuses(page)
    assert set(found.values()) == {RuleStatus.NEEDS_DATA}
    for rule in context.award.rules:
        assert page.cards[rule.id].declaration_box.isVisibleTo(page), rule.id
        assert "待补充" in page.cards[rule.id].status.text()
    assert page.summary.text() == "15 条：符合 0 · 已声明 0 · 待补充 15 · 不符合 0"
    assert all(i.severity == "missing" for i in page.issues())
    assert {i.anchor for i in page.issues()} == set(found)
    assert page.status() is Status.NOT_STARTED
    page.save(empty_doc)
    assert not empty_doc.pending  # nothing was touched: no declarations written


def test_affirming_a_clause_declares_it_and_is_saved(qtbot, page, empty_doc):
    empty_doc.add_attachment(b"\x89PNG fake", "licence.png", caption="营业执照副本")
    show(qtbot, page, empty_doc)
    card = page.cards["policy-compliance"]
    assert card.affirm.text() == "本组织确认符合此条款(&Y)"
    page.scroll.ensureWidgetVisible(card.affirm)
    indicator = QPoint(card.affirm.height() // 2, card.affirm.height() // 2)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(card.affirm, Qt.MouseButton.LeftButton, pos=indicator)
    assert statuses(page)["policy-compliance"] is RuleStatus.DECLARED
    assert "已声明" in card.status.text()
    assert card.status.accessibleName() == "状态：已声明"
    assert page.summary.text() == "15 条：符合 0 · 已声明 1 · 待补充 14 · 不符合 0"
    assert page.status() is Status.IN_PROGRESS

    with qtbot.waitSignal(page.changed):
        commit_text(card.statement, "本公司生产经营符合国家产业、环保和质量政策。")
    card.evidence.setFocus()
    qtbot.keyClick(card.evidence, Qt.Key.Key_Down)  # the first attachment
    assert card.evidence.currentText() == "营业执照副本"

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        declared = saved.declaration("policy-compliance")
        assert declared is not None
        assert declared.affirmed
        assert declared.statement == "本公司生产经营符合国家产业、环保和质量政策。"
        assert declared.evidence == "营业执照副本"
        assert declared.affirmed_at
        assert list(saved.declarations()) == ["policy-compliance"]

    # Reloaded, the page shows it again.
    again = EligibilityPage(page.context)
    qtbot.addWidget(again)
    again.load(empty_doc)
    assert again.cards["policy-compliance"].affirm.isChecked()
    assert statuses(again)["policy-compliance"] is RuleStatus.DECLARED


def test_a_clause_without_data_can_be_declared(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    card = page.cards["operating-3-years"]
    card.affirm.setFocus()
    qtbot.keyClick(card.affirm, Qt.Key.Key_Space)
    assert statuses(page)["operating-3-years"] is RuleStatus.DECLARED
    assert "未填写成立日期" in card.reason.text()
    page.save(empty_doc)
    assert empty_doc.declaration("operating-3-years").affirmed


def test_demo_is_eligible(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    found = statuses(page)
    assert RuleStatus.FAIL not in found.values()
    assert RuleStatus.NEEDS_DATA not in found.values()
    assert page.summary.text() == "15 条：符合 5 · 已声明 10 · 待补充 0 · 不符合 0"
    assert page.issues() == []
    assert page.status() is Status.DONE
    # Data-driven clauses that pass offer no declaration; declaration clauses show theirs.
    assert not page.cards["operating-3-years"].declaration_box.isVisibleTo(page)
    dishonesty = page.cards["no-serious-dishonesty"]
    assert dishonesty.affirm.isChecked()
    assert "纳税信用" in dishonesty.statement.text()
    assert "证实性材料中已关联本条" in dishonesty.linked.text()
    page.save(demo_doc)
    assert not demo_doc.pending


def test_a_loss_fails_the_clause(qtbot, page, demo_doc):
    rows = demo_doc.rows("financials")
    for row in rows:
        if row["year"] == "2024":
            row["profit_total"] = "-120.50"
    demo_doc.set_rows("financials", rows)
    show(qtbot, page, demo_doc)
    card = page.cards["no-loss-3-years"]
    assert "不符合" in card.status.text()
    assert "2024" in card.reason.text()
    errors = [i for i in page.issues() if i.severity == "error"]
    assert [(i.target, i.anchor) for i in errors] == [("eligibility", "no-loss-3-years")]
    assert "2024 年利润总额 -120.50 万元" in errors[0].message
    assert "不符合 1" in page.summary.text()
    assert page.status() is Status.PROBLEM


def test_links_go_to_the_form(qtbot, page, demo_doc):
    show(qtbot, page, demo_doc)
    card = page.cards["operating-3-years"]
    assert "成立日期" in card.source.text()
    with qtbot.waitSignal(page.navigate) as signal:
        qtbot.mouseClick(card.goto, Qt.MouseButton.LeftButton)
    assert signal.args == ["form", "established_on"]
    with qtbot.waitSignal(page.navigate) as signal:
        qtbot.mouseClick(page.cards["no-loss-3-years"].goto, Qt.MouseButton.LeftButton)
    assert signal.args == ["form", "table:financials"]
    assert page.cards["policy-compliance"].goto is None  # a declaration has no form data


def test_focus_anchor_focuses_the_clause(qtbot, page, empty_doc):
    show(qtbot, page, empty_doc)
    page.focus_anchor("no-major-accident")
    assert QApplication.focusWidget() is page.cards["no-major-accident"].affirm
