"""Pages built on first need: an item's status read from the document, pages reused on a switch."""

from msgspec.structs import replace
from PySide6.QtWidgets import QTextEdit

from qualitydesk.store.records import Score
from qualitydesk.store.renew import NEEDS_UPDATE
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.shell import statuses
from qualitydesk.ui.shell.statuses import item_statuses
from qualitydesk.ui.shell.steps import create_page
from tests.helpers.gui import commit_text

KEYS = ["item:4.1.2", "item:4.1.3", "item:4.1.4", "item:4.2.2"]


def built_status(key, context, doc):
    page = create_page(key, context)
    try:
        page.load(doc)
        return page.status()
    finally:
        page.deleteLater()


def test_an_items_status_from_the_document_is_the_one_its_page_shows(qapp, context, demo_doc):
    demo_doc.set_narrative("4.1.2", "")  # scored, not written
    demo_doc.set_narrative("4.1.3", "  \n")
    demo_doc.set_score("4.1.3", None)  # neither: not started
    demo_doc.set_score("4.2.2", None)  # written, not scored
    demo_doc.put_setting(NEEDS_UPDATE, "4.1.4")  # written and scored, but 需更新
    demo_doc.save()
    found = item_statuses(demo_doc, context, ["form", *KEYS])
    assert set(found) == set(KEYS)
    assert {key: built_status(key, context, demo_doc) for key in KEYS} == found
    assert len(set(found.values())) == 2  # 进行中 and 未开始: the rules above were all taken


def test_a_done_item_reads_done(qapp, context, demo_doc):
    demo_doc.set_score("4.1.2", Score(55))  # a band of its kind
    demo_doc.save()
    found = item_statuses(demo_doc, context, ["item:4.1.2"])
    assert found == {"item:4.1.2": Status.DONE}
    assert built_status("item:4.1.2", context, demo_doc) is Status.DONE


def test_opening_builds_no_item_page_and_still_shows_every_status(demo_window, qtbot):
    view = demo_window.view
    qtbot.waitUntil(lambda: not view.building, timeout=20_000)
    assert [key for key in view.pages if key.startswith("item:")] == []
    assert all(view.navigator.status_text(key) for key in view.keys)


def test_a_page_shown_again_is_reused_and_reloaded_only_after_a_change(demo_window, monkeypatch):
    view = demo_window.view
    view.show_step("item:4.1.2")
    view.show_step("item:4.2.2")
    loads = []
    for key in ("item:4.1.2", "item:4.2.2"):
        page = view.pages[key]
        monkeypatch.setattr(page, "load", lambda doc, key=key, page=page: loads.append(key))
    view.show_step("item:4.1.2")
    view.show_step("item:4.2.2")
    assert loads == []  # nothing changed: both pages as they were
    editor = next(e for e in view.pages["item:4.2.2"].findChildren(QTextEdit) if not e.isReadOnly())
    commit_text(editor, "新增一句。")
    view.show_step("item:4.1.2")  # saves 4.2.2, which may change what 4.1.2 shows
    view.show_step("item:4.2.2")  # only its own edit since it loaded: it shows that already
    assert loads == ["item:4.1.2"]


def step_statuses(doc, context):
    return {
        "eligibility": statuses.eligibility_status(doc, context),
        "preflight": statuses.preflight_status(doc, context),
    }


def test_the_eligibility_and_preflight_statuses_from_the_document_are_their_pages(
    qapp, context, demo_doc, empty_doc
):
    found = step_statuses(demo_doc, context)
    assert found == {key: built_status(key, context, demo_doc) for key in found}
    assert step_statuses(empty_doc, context) == dict.fromkeys(found, Status.NOT_STARTED)
    assert {key: built_status(key, context, empty_doc) for key in found} == dict.fromkeys(
        found, Status.NOT_STARTED
    )


def test_a_declaration_and_a_failed_clause_change_the_eligibility_status(qapp, context, demo_doc):
    rules = {rule.id: rule for rule in context.award.rules}
    before = statuses.eligibility_status(demo_doc, context)
    for rule_id, declaration in demo_doc.declarations().items():
        if rule_id in rules:
            demo_doc.set_declaration(rule_id, replace(declaration, affirmed=False))
    demo_doc.set_rows("financials", [])  # 无亏损: no data
    demo_doc.save()
    after = statuses.eligibility_status(demo_doc, context)
    assert after == built_status("eligibility", context, demo_doc)
    assert (before, after) == (Status.DONE, Status.IN_PROGRESS)


def test_opening_builds_neither_the_eligibility_nor_the_preflight_page(demo_window, qtbot):
    view = demo_window.view
    qtbot.waitUntil(lambda: not view.building, timeout=20_000)
    assert "eligibility" not in view.pages
    assert "preflight" not in view.pages
    for key in ("eligibility", "preflight"):
        shown = view.navigator.status_text(key)
        view.show_step(key)
        assert view.navigator.status_text(key) == shown  # the page agrees once built
