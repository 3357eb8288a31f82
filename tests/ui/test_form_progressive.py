"""The 申请表 as the wizard shows it: the first group at once, the rest while idle — and nothing
the user types, nothing the page reports and no jump to a field depends on how far it is built.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLineEdit

from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.form import FormPage
from qualitydesk.ui.widgets.table_editor import TableEditor
from tests.helpers.gui import commit_text, show


def _shown(qtbot, context, doc) -> FormPage:
    page = FormPage(context, progressive=True)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    show(qtbot, page, doc)
    return page


def _built(page: FormPage) -> tuple[int, int]:
    """Groups and tables built so far, counted from the widgets (not through ``editors``)."""
    return len(page.findChildren(QGroupBox)), len(page.findChildren(TableEditor))


def test_the_first_group_shows_at_once_and_the_rest_follows_while_idle(qtbot, context, demo_doc):
    page = _shown(qtbot, context, demo_doc)
    assert page.building
    assert _built(page) == (1, 0)
    with qtbot.waitSignal(page.completed, timeout=5000):
        pass
    whole = FormPage(context)
    qtbot.addWidget(whole)
    whole.load(demo_doc)
    assert not page.building
    assert _built(page) == _built(whole)
    assert {k: e.value() for k, e in page.editors.items()} == {
        k: e.value() for k, e in whole.editors.items()
    }
    assert {k: t.rows() for k, t in page.tables.items()} == {
        k: t.rows() for k, t in whole.tables.items()
    }
    assert page.status() == whole.status() == Status.DONE


def test_typing_before_the_rest_is_built_is_saved_and_loses_nothing(qtbot, context, demo_doc):
    page = _shown(qtbot, context, demo_doc)
    name = page.findChild(QLineEdit, "field_org_name")
    assert page.building
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    commit_text(name, "苏州新名称有限公司")
    before = demo_doc.fields()
    page.save(demo_doc)  # as the session would, while the rest is still to be built
    assert page.building
    after = demo_doc.fields()
    assert after["org_name"] == "苏州新名称有限公司"
    assert {k: v for k, v in after.items() if k != "org_name"} == {
        k: v for k, v in before.items() if k != "org_name"
    }
    with qtbot.waitSignal(page.completed, timeout=5000):
        pass
    assert page.editors["org_name"].value() == "苏州新名称有限公司"
    assert page.editors["contact_email"].value() == before["contact_email"]


def test_a_jump_to_a_field_not_built_yet_shows_and_focuses_it(qtbot, context, demo_doc):
    page = _shown(qtbot, context, demo_doc)
    assert page.building
    page.focus_anchor("contact_email")  # in a later group: built at once, laid out, scrolled to
    field = page.editors["contact_email"].input
    assert QApplication.focusWidget() is field
    viewport = page.scroll.viewport()
    top_left = field.mapTo(viewport, field.rect().topLeft())
    assert viewport.rect().contains(top_left)
    assert field.isVisible()
    assert not page.building


def test_the_navigator_shows_the_status_once_the_page_is_whole(qtbot, demo_window):
    view = demo_window.view
    page = view.pages["form"]
    qtbot.waitUntil(lambda: not page.building, timeout=5000)
    qtbot.waitUntil(lambda: view.navigator.status_text("form") == Status.DONE.label)
