"""The 资格自查 page: clauses evaluated live, declarations made through the widgets and saved."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from qualitydesk.domain.eligibility import Status as RuleStatus
from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.eligibility import EligibilityPage
from tests.helpers.gui import commit_text, show


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
    # A clause read one way of several shows how it is read, apart from its published words.
    honour = page.cards["prior-honour"]
    assert "满足其一" not in honour.text.text()
    assert honour.reading.text().startswith("条款读法：")
    assert "满足其一" in honour.reading.text()
    assert not card.notice.isVisibleTo(page)  # 苏州 is a published programme


def test_empty_application_needs_every_declaration(qtbot, page, context, empty_doc):
    show(qtbot, page, empty_doc)
    found = statuses(page)
    # Nothing entered: every clause waits for data, but no earlier award bars re-applying.
    bars = {r.id for r in context.award.rules if r.kind == "reapply"}
    assert {found[r] for r in bars} == {RuleStatus.PASS}
    assert {s for r, s in found.items() if r not in bars} == {RuleStatus.NEEDS_DATA}
    for rule in context.award.rules:
        if rule.id not in bars:
            assert page.cards[rule.id].declaration_box.isVisibleTo(page), rule.id
            assert "待补充" in page.cards[rule.id].status.text()
    assert page.summary.text() == "16 条：符合 1 · 已声明 0 · 需确认 0 · 待补充 15 · 不符合 0"
    assert all(i.severity == "missing" for i in page.issues())
    assert {i.anchor for i in page.issues()} == set(found) - bars
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
    assert page.summary.text() == "16 条：符合 1 · 已声明 1 · 需确认 0 · 待补充 14 · 不符合 0"
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
    assert page.summary.text() == "16 条：符合 6 · 已声明 10 · 需确认 0 · 待补充 0 · 不符合 0"
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


def test_an_unsure_clause_shows_its_evidence_and_can_be_affirmed(qtbot, page, demo_doc):
    demo_doc.set_rows(
        "certifications",
        [{"standard": "SGS-2020 认证", "first_issued": "2015-01-01", "valid_until": "2030-01-01"}],
    )
    show(qtbot, page, demo_doc)
    card = page.cards["qms-certified"]
    assert statuses(page)["qms-certified"] is RuleStatus.UNSURE
    assert "需确认" in card.status.text()
    assert "SGS-2020 认证" in card.reason.text()
    assert "认证标准：SGS-2020 认证" in card.evidence_list.text()
    assert card.reading.isVisibleTo(page)
    assert "需确认 1" in page.summary.text()
    assert [i.severity for i in page.issues()] == ["missing"]
    page.scroll.ensureWidgetVisible(card.affirm)
    card.affirm.setFocus()
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(card.affirm, Qt.Key.Key_Space)
    assert statuses(page)["qms-certified"] is RuleStatus.DECLARED


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


def test_a_clause_this_years_notice_adds_gets_its_card(qtbot, tmp_path, messages, empty_doc):
    """A condition the year's notice adds is checked, can be declared and says where it comes
    from; the 办法's clauses stay.
    """
    import shutil
    from pathlib import Path

    from qualitydesk.domain.forms import load_forms
    from qualitydesk.ui.pages.base import PageContext

    root = tmp_path / "forms"
    shutil.copytree(Path(__file__).parents[2] / "forms", root)
    folder = root / "awards" / "suzhou-mayor" / "notices"
    folder.mkdir(parents=True)
    (folder / "2026.toml").write_text(
        'year = 2026\ntitle = "2026年申报通知（测试）"\nissuer = "评定办"\nsource = "测试"\n'
        '[[rules]]\nid = "carbon-report"\ncitation = "2026年申报通知 二（三）"\n'
        'text = "近3年发布社会责任报告"\nkind = "declaration"\nparams = {}\n',
        encoding="utf-8",
    )
    forms = load_forms(root)
    award = forms.award("suzhou-mayor")
    context = PageContext(forms, award, forms.framework(award.framework), messages)
    page = EligibilityPage(context)
    qtbot.addWidget(page)
    page.load(empty_doc)
    card = page.cards["carbon-report"]
    assert card.citation.text() == "2026年申报通知 二（三）"
    assert not card.origin.isHidden()
    assert page.cards["no-loss-3-years"].origin.isHidden()
    assert len(page.cards) == len(award.rules) + 1
    assert any(f.rule.id == "carbon-report" for f in page.findings)
    card.affirm.setChecked(True)
    page.save(empty_doc)
    assert empty_doc.declaration("carbon-report") is not None
