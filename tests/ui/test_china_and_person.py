"""中国质量奖 in the wizard: the organisation's 质量管理模式, and a person's application."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel, QWizard

from qualitydesk.store import readiness
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document
from tests.helpers.gui import commit_text, open_window


@pytest.fixture
def window(qtbot, forms, settings, messages):
    win = open_window(qtbot, forms, settings, messages)
    yield win
    win.close_document()


def _new(window, qtbot, tmp_path, *, award: str, applicant: str, name: str):
    window.new_application()
    wizard = window.findChild(QWizard)
    programme = wizard.currentPage()
    programme.award.setCurrentIndex(programme.award.findData(award))
    programme.applicant.setCurrentIndex(programme.applicant.findData(applicant))
    wizard.next()
    page = wizard.currentPage()
    commit_text(page.org, name)
    title = page.title()
    wizard.next()
    wizard.currentPage().path.setText(str(tmp_path / "new.qdesk"))
    wizard.accept()
    qtbot.waitUntil(lambda: window.view is not None)
    return title


def test_a_person_applies_for_china_quality_through_the_wizard(window, qtbot, tmp_path):
    title = _new(
        window, qtbot, tmp_path, award="china-quality", applicant="individual", name="韩立诚"
    )
    assert title == "申报人"
    view = window.view
    assert view.doc.applicant == "individual"
    assert view.doc.field("person_name") == "韩立诚"
    shown = [k for k in view.keys if k != "notice"]  # 申报通知 is everyone's step
    assert shown == ["form", "eligibility", "profile", "evidence", "preflight"]
    assert {s.key: s.title for s in view.steps}["profile"] == "个人事迹材料"
    view.show_step("form")
    qtbot.waitUntil(lambda: not view.pages["form"].building)  # the rest follows while idle
    groups = [box.title() for box in view.pages["form"].findChildren(QGroupBox)]
    assert groups == ["申报人基本信息", "主要质量工作业绩", "推荐单位", "个人承诺"]
    assert "person_born" in view.pages["form"].editors
    assert "韩立诚" in view.title_label.text()
    view.show_step("eligibility")
    card = next(iter(view.pages["eligibility"].cards.values()))
    assert card.affirm.text() == "本人确认符合此条款(&Y)"  # a person declares for himself
    assert "申报人本人" in card.source.text()


def test_the_applicant_choice_follows_the_programme(window, qtbot):
    window.new_application()
    programme = window.findChild(QWizard).currentPage()
    programme.award.setCurrentIndex(programme.award.findData("suzhou-mayor"))
    assert not programme.applicant.isEnabled()
    assert programme.applicant.currentData() == "organisation"
    programme.award.setCurrentIndex(programme.award.findData("china-quality"))
    assert programme.applicant.isEnabled()
    assert programme.applicant.findData("individual") >= 0
    window.findChild(QWizard).reject()


def test_the_china_quality_demo_shows_the_quality_model_steps(window, forms, tmp_path):
    path = tmp_path / "china.qdesk"
    build_demo(path, forms, demo="demo-china").close()
    assert window.open_path(path)
    view = window.view
    titles = {s.key: s.title for s in view.steps}
    assert titles["profile"] == "质量管理模式介绍"
    assert titles["report"] == "附录：GB/T 19580 自评（可选）"
    assert "summary" not in view.keys  # no 1000-point line
    view.show_step("profile")
    page = view.pages["profile"]
    assert list(page.editors) == ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6"]
    assert any("M.2 模式的内涵" in label.text() for label in page.findChildren(QLabel))
    view.show_step("form")
    view.pages["form"].complete()  # the rest would follow while idle
    groups = [box.title() for box in view.pages["form"].findChildren(QGroupBox)]
    assert "申报主体" in groups
    assert "申报人基本信息" not in groups
    view.show_step("preflight")
    with Document.open(path, read_only=True) as doc:
        assert readiness.check(doc, forms).ready
