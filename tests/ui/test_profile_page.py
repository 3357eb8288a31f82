"""组织概述: five sections with prompts, typed in Chinese, counted against the limit, saved."""

import pytest
from PySide6.QtWidgets import QLabel

from qualitydesk.store.document import Document
from qualitydesk.store.readiness import limits
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.profile import ProfilePage
from tests.helpers.gui import commit_text, place

SECTIONS = ["B.1.1", "B.1.2", "B.2.1", "B.2.2", "B.2.3"]


def _page(qtbot, context, doc):
    return place(qtbot, ProfilePage(context), doc)


@pytest.fixture
def empty_page(qtbot, context, empty_doc):
    return _page(qtbot, context, empty_doc)


def test_sections_are_grouped_with_their_prompts(empty_page, context):
    page = empty_page
    assert list(page.editors) == SECTIONS
    groups = [w.text() for w in page.findChildren(QLabel) if w.objectName() == "profileGroup"]
    assert groups == ["B.1 组织描述", "B.2 组织面临的挑战"]
    first = context.framework.profile.sections[0]
    assert page.guidance["B.1.1"].body.text().startswith(f"1. {first.prompts[0]}")
    assert page.guidance["B.1.1"].is_expanded()  # nothing written yet: the prompts show
    assert page.total_label.text() == "合计 0 字 · 参考值 3,000 字（按当年申报通知核对）"
    assert page.status() == Status.NOT_STARTED
    assert [i.anchor for i in page.issues()] == SECTIONS
    assert {i.severity for i in page.issues()} == {"missing"}


def test_typing_in_a_section_counts_and_saves(empty_page, empty_doc, qtbot):
    page = empty_page
    with qtbot.waitSignal(page.changed), qtbot.waitSignal(page.editors["B.2.1"].counted):
        commit_text(page.editors["B.2.1"].editor, "公司在苏州液压元件企业中列第3位。")
    assert page.section_counts["B.2.1"].text() == "本节 17 字"
    assert page.total_label.text() == "合计 17 字 · 参考值 3,000 字（按当年申报通知核对）"
    assert page.status() == Status.IN_PROGRESS
    assert "B.2.1" not in [i.anchor for i in page.issues()]

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        assert saved.profiles() == {"B.2.1": "公司在苏州液压元件企业中列第3位。\n"}


def test_over_the_limit_is_an_error(empty_page, empty_doc, qtbot):
    page = empty_page
    with qtbot.waitSignal(page.editors["B.1.1"].counted):
        commit_text(page.editors["B.1.1"].editor, "质" * 2000)
    with qtbot.waitSignal(page.editors["B.2.2"].counted):
        commit_text(page.editors["B.2.2"].editor, "量" * 1001)
    assert page.total_label.text() == (  # 3,000 字 is a suggestion: a warning, not an error
        "合计 3,001 字 · 参考值 3,000 字（按当年申报通知核对），已超出参考值 1 字"
    )
    assert page.total_label.property("over") is True
    warnings = [i for i in page.issues() if i.severity == "warning"]
    assert [w.message for w in warnings] == [
        "组织概述共 3,001 字，超过参考值 3,000 字（按当年申报通知核对）"
    ]
    empty_doc.set_limit("profile", 3000)  # this year's notice says 3,000: now it is a rule
    page.load(empty_doc)
    assert page.total_label.text() == "合计 3,001 / 3,000 字，已超出 1 字"
    errors = [i for i in page.issues() if i.severity == "error"]
    assert [e.message for e in errors] == ["组织概述共 3,001 字，超过 3,000 字的限制"]
    assert errors[0].target == "profile"
    assert page.status() == Status.PROBLEM


def test_demo_profile_matches_the_check_command(qtbot, context, demo_doc, forms):
    page = _page(qtbot, context, demo_doc)
    check = next(c for c in limits(demo_doc, forms, context.award) if c.part == "profile")
    assert page.total() == (check.count, check.figures)
    assert (
        page.total_label.text()
        == f"合计 {check.count:,} 字 · 参考值 3,000 字（按当年申报通知核对）"
    )
    assert page.status() == Status.DONE
    assert not page.guidance["B.1.1"].is_expanded()
    page.save(demo_doc)
    assert not demo_doc.pending  # looking changes nothing

    demo_doc.set_limit("profile", 2000)  # the application's own limit wins over the programme's
    page.load(demo_doc)
    assert page.status() == Status.PROBLEM


def test_focus_anchor_scrolls_to_the_section(empty_page, qtbot):
    empty_page.focus_anchor("B.2.3")
    qtbot.waitUntil(empty_page.editors["B.2.3"].editor.hasFocus)


def test_each_editor_has_a_name_and_a_label(empty_page):
    buddies = {label.buddy() for label in empty_page.findChildren(QLabel) if label.buddy()}
    for section_id, editor in empty_page.editors.items():
        assert editor in buddies
        assert editor.editor.accessibleName().startswith(section_id)
