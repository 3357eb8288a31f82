"""No gesture edits without intent: the wheel scrolls past every input on every page.

Real (spontaneous) wheel events go through the window, as a mouse sends them: over an input the
user has not clicked, nothing changes, the input does not take the focus, and the page (or the
table) under it scrolls instead. A focused input still follows the wheel. The other gestures found
changing what the user had: a page being built flashing up a window that takes the keystrokes,
and the 证实材料 box completing the text typed into it.
"""

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QWidget,
)

from qualitydesk.domain.forms import load_forms
from qualitydesk.ui import inputguard
from qualitydesk.ui.app import create_application
from qualitydesk.ui.newapp import ProgrammePage
from qualitydesk.ui.pages.item import ItemPage
from qualitydesk.ui.shell.navigator import StepNavigator
from qualitydesk.ui.shell.steps import create_page, steps
from tests.helpers.gui import commit_text, place

# Every step of the wizard, the scored items included.
FORMS = load_forms()
ITEMS = FORMS.framework(FORMS.award("suzhou-mayor").framework).items
PAGE_KEYS = ["form", "notice", "eligibility", "profile", "report"]
PAGE_KEYS += [f"item:{item.id}" for item in ITEMS]
PAGE_KEYS += ["indicators", "evidence", "summary", "preflight"]
NOTCH = 120  # one wheel notch, in eighths of a degree


# -- finding the inputs and what they hold --


def _inputs(root: QWidget) -> list[QWidget]:
    """Every widget under ``root`` whose value a wheel could change, scroll bars aside."""
    kinds = (QComboBox, QAbstractSpinBox, QAbstractSlider, QTabBar, QAbstractButton)
    found = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]
    return [
        w
        for w in found
        if not isinstance(w, QScrollBar)
        and (not isinstance(w, QAbstractButton) or w.isCheckable())
        and w.isEnabled()
    ]


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    if isinstance(widget, QTabBar):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractButton)
    return widget.isChecked()


def _scroller(widget: QWidget) -> QAbstractScrollArea | None:
    """The scroll area (a page, a table) the wheel goes on to from ``widget``."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def _bring_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so that it lies under a pointer."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        elif isinstance(parent, QAbstractItemView) and widget.parentWidget() is parent.viewport():
            parent.scrollTo(parent.indexAt(widget.geometry().center()))  # a cell's editor
        parent = parent.parentWidget()


def _under_pointer(widget: QWidget) -> QPoint | None:
    """Where in its window a pointer over ``widget`` is; None when nothing of it is reachable."""
    if not widget.isVisible():
        return None
    window = widget.window()
    spot = widget.mapTo(window, widget.rect().center())
    hit = window.childAt(spot)
    return spot if hit is not None and (hit is widget or widget.isAncestorOf(hit)) else None


# -- the wheel --


def _wheel(widget: QWidget, notches: int) -> bool:
    """Turn the wheel over ``widget``: through its window, as a mouse does, when it is shown
    (True); sent to the widget itself when it is hidden (False).
    """
    _bring_into_view(widget)
    spot = _under_pointer(widget)
    delta = QPoint(0, notches * NOTCH)
    if spot is None:
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(centre)),
            QPoint(),
            delta,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)
        return False
    QTest.wheelEvent(widget.window().windowHandle(), QPointF(spot), delta)
    QApplication.processEvents()
    return True


def _room(bar: QScrollBar, notches: int) -> bool:
    """Whether ``bar`` can move the way a wheel turned by ``notches`` scrolls."""
    return bar.value() > bar.minimum() if notches > 0 else bar.value() < bar.maximum()


def _wheel_past_every_input(qtbot, root: QWidget) -> tuple[int, int]:
    """Wheel up and down over every input of ``root``; assert none changed or took the focus.

    Returns how many wheel events went through the window and how many of those scrolled a
    page or table.
    """
    root.activateWindow()  # the active window focuses its first input: taken away below
    qtbot.waitUntil(lambda: QApplication.activeWindow() is root.window())
    through_window = scrolled = 0
    for widget in _inputs(root):
        for notches in (-1, 1):
            focused = QApplication.focusWidget()
            if focused is not None and (focused is widget or widget.isAncestorOf(focused)):
                focused.clearFocus()
            before = _value(widget)
            area = _scroller(widget)
            _bring_into_view(widget)
            bar = area.verticalScrollBar() if area is not None else None
            can_scroll = bar is not None and bar.isVisible() and _room(bar, notches)
            position = bar.value() if bar is not None else 0
            if _wheel(widget, notches):
                through_window += 1
                if can_scroll:
                    assert bar.value() != position, f"{widget.accessibleName()}: no scroll"
                    scrolled += 1
            name = f"{type(widget).__name__} {widget.accessibleName()!r}"
            assert _value(widget) == before, f"the wheel changed {name}"
            assert not widget.hasFocus(), f"the wheel gave {name} the focus"
    return through_window, scrolled


class _WindowsShown(QObject):
    """Records every window shown (an event filter on the application)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[QWidget, str]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            text = watched.text() if hasattr(watched, "text") else watched.objectName()
            self.shown.append((watched, f"{type(watched).__name__} {text!r}"))
        return False


def _show_page(qtbot, key, context, doc):
    """The page of step ``key``, shown; on the way, no other window may show.

    (Pages are built while the user types: a label shown before it is laid out flashes up as
    a window of its own and takes the keystrokes, as the 资格自查 notes did.)
    """
    spy = _WindowsShown()
    QApplication.instance().installEventFilter(spy)
    try:
        page = place(qtbot, create_page(key, context), doc)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert [name for widget, name in spy.shown if widget is not page] == []
    changes = []
    page.changed.connect(lambda: changes.append(key))
    return page, changes


# -- every page --


def test_the_steps_walked_here_are_all_the_steps(context):
    assert [step.key for step in steps(context.framework)] == PAGE_KEYS


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_a_page_builds_without_stray_windows_and_the_wheel_changes_none_of_its_inputs(
    key, qtbot, context, demo_doc
):
    page, changes = _show_page(qtbot, key, context, demo_doc)
    inputs = _inputs(page)
    through_window, scrolled = _wheel_past_every_input(qtbot, page)
    assert changes == []
    if key in ("form", "eligibility", "profile", "indicators"):  # long pages, a long table
        assert through_window
        assert scrolled
    if key in ("form", "eligibility", "indicators"):
        assert any(isinstance(w, QComboBox) for w in inputs)
    if isinstance(page, ItemPage):  # 评分档 and 百分比
        assert page.score_panel.band in inputs
        assert page.score_panel.pct in inputs


def test_the_new_application_dialog_is_guarded_too(qtbot, context):
    page = ProgrammePage(context.forms)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    through_window, _ = _wheel_past_every_input(qtbot, page)
    assert through_window == 4  # the programme and the year, a notch each way


# -- the page scrolls instead --


def test_the_wheel_over_a_combo_box_scrolls_the_form(qtbot, context, demo_doc):
    page, changes = _show_page(qtbot, "form", context, demo_doc)
    category = page.editors["category"].input
    assert isinstance(category, QComboBox)
    chosen = category.currentText()
    assert chosen
    bar = page.scroll.verticalScrollBar()
    page.scroll.ensureWidgetVisible(category, 0, 200)
    start = bar.value()
    assert _wheel(category, -1)
    assert bar.value() > start
    assert category.currentText() == chosen
    assert changes == []


def test_the_wheel_over_a_choice_in_the_indicator_table_scrolls_the_table(qtbot, context, demo_doc):
    page, changes = _show_page(qtbot, "indicators", context, demo_doc)
    table = page.table
    column = page.table.column_of("item", "item")
    combo = table.indexWidget(table.model().index(0, column))
    assert isinstance(combo, QComboBox)
    chosen = combo.currentText()
    bar = table.verticalScrollBar()
    assert bar.maximum() > 0
    assert _wheel(combo, -1)
    assert bar.value() > 0
    assert combo.currentText() == chosen
    assert changes == []


# -- a focused input follows the wheel --


def test_a_clicked_spin_box_and_a_focused_combo_box_follow_the_wheel(qtbot, context, empty_doc):
    page, changes = _show_page(qtbot, "item:4.1.2", context, empty_doc)
    page.score_panel.band.setCurrentIndex(page.score_panel.band.findText("50%–65%"))
    assert page.score_panel.pct.value() == 50
    changes.clear()

    assert _wheel(page.score_panel.pct, 1)  # only pointed at: nothing happens
    assert page.score_panel.pct.value() == 50
    assert not page.score_panel.pct.hasFocus()

    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    edit = page.score_panel.pct.lineEdit()
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, pos=edit.rect().center())
    qtbot.waitUntil(page.score_panel.pct.hasFocus)
    assert _wheel(page.score_panel.pct, 1)
    assert page.score_panel.pct.value() == 55
    assert changes

    page.score_panel.band.setFocus()
    qtbot.waitUntil(page.score_panel.band.hasFocus)
    assert _wheel(page.score_panel.band, -1)
    assert page.score_panel.band.currentText() == "70%–85%"


# -- other gestures that changed what the user had --


def test_the_wheel_over_the_step_navigator_scrolls_it_and_keeps_the_step(qtbot, context):
    navigator = StepNavigator(steps(context.framework), context.framework)
    qtbot.addWidget(navigator)
    navigator.resize(280, 200)
    navigator.show()
    qtbot.waitExposed(navigator)
    navigator.select("form")
    bar = navigator.verticalScrollBar()
    assert bar.maximum() > 0
    spot = QPointF(navigator.viewport().mapTo(navigator, navigator.viewport().rect().center()))
    with qtbot.assertNotEmitted(navigator.step_chosen):
        QTest.wheelEvent(navigator.windowHandle(), spot, QPoint(0, -NOTCH))
        qtbot.waitUntil(lambda: bar.value() > 0)
        QTest.wheelEvent(navigator.windowHandle(), spot, QPoint(0, NOTCH))
        qtbot.waitUntil(lambda: bar.value() == 0)
    assert navigator.currentItem().data(0, Qt.ItemDataRole.UserRole) == "form"


def test_typing_the_start_of_an_attachment_name_keeps_just_what_was_typed(qtbot, context, demo_doc):
    """The 证实材料 box offers the attachments in its list; it never completes what is typed."""
    page, _ = _show_page(qtbot, "eligibility", context, demo_doc)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    card = next(c for c in page.cards.values() if c.evidence.isVisible())
    offered = [card.evidence.itemText(i) for i in range(card.evidence.count())]
    assert "营业执照（或法人登记证书）副本复印件" in offered
    card.evidence.setEditText("")
    commit_text(card.evidence.lineEdit(), "营业")
    assert card.evidence.currentText() == "营业"
    card.statement.setFocus()
    qtbot.waitUntil(card.statement.hasFocus)
    assert card.declaration().evidence == "营业"


def test_tab_from_the_narrative_then_typing_does_not_pick_a_score_band(qtbot, context, demo_doc):
    # Tab leaves the narrative for 评分档 (keyboard users need it); the next letters typed, meant
    # for the text, must not choose a band by Qt's keyboard search.
    page, changes = _show_page(qtbot, "item:4.1.2", context, demo_doc)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    band = page.score_panel.band.currentText()
    page.score_panel.band.setFocus()
    qtbot.waitUntil(page.score_panel.band.hasFocus)
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_A):
        QTest.keyClick(page.score_panel.band, key)
    assert page.score_panel.band.currentText() == band
    assert changes == []
    QTest.keyClick(page.score_panel.band, Qt.Key.Key_Down)  # stepping on purpose still works
    assert page.score_panel.band.currentText() != band
    assert changes


# -- the guard at start-up --


@pytest.fixture
def no_guard():
    """The application without its input guard (as the program starts), restored afterwards."""
    app = create_application()
    guard = app.findChild(inputguard.InputGuard, inputguard._GUARD_NAME)
    app.removeEventFilter(guard)
    guard.setObjectName("")
    yield app
    for made in app.findChildren(inputguard.InputGuard, inputguard._GUARD_NAME):
        app.removeEventFilter(made)
        made.setObjectName("")  # gone for install() now, deleted later
        made.deleteLater()
    guard.setObjectName(inputguard._GUARD_NAME)
    app.installEventFilter(guard)


def _combo_window(qtbot) -> tuple[QWidget, QComboBox]:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 120)
    QLineEdit(window).setGeometry(20, 10, 200, 30)  # first in the tab order: it has the focus
    combo = QComboBox(window)
    combo.addItems(["甲", "乙", "丙"])
    combo.setGeometry(20, 60, 200, 30)
    return window, combo


def test_the_guard_goes_on_once_the_window_is_painted_and_no_wheel_gets_through_before(
    qtbot, no_guard
):
    window, combo = _combo_window(qtbot)
    window.show()  # as the program starts: shown, the guard not on yet
    inputguard.install_when_painted(no_guard, window)
    spot = QPointF(combo.geometry().center())
    QTest.wheelEvent(window.windowHandle(), spot, QPoint(0, -NOTCH))  # before the first paint
    assert combo.currentIndex() == 0
    qtbot.waitUntil(
        lambda: no_guard.findChild(inputguard.InputGuard, inputguard._GUARD_NAME) is not None
    )
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # made before it: guarded too
    QTest.wheelEvent(window.windowHandle(), spot, QPoint(0, -NOTCH))
    QApplication.processEvents()
    assert combo.currentIndex() == 0
    assert not combo.hasFocus()
    combo.setFocus()  # chosen: the wheel is the user's again
    qtbot.waitUntil(combo.hasFocus)
    QTest.wheelEvent(window.windowHandle(), spot, QPoint(0, -NOTCH))
    qtbot.waitUntil(lambda: combo.currentIndex() == 1)


def test_a_window_not_shown_is_guarded_at_once(qtbot, no_guard):
    window, combo = _combo_window(qtbot)
    inputguard.install_when_painted(no_guard, window)
    assert no_guard.findChild(inputguard.InputGuard, inputguard._GUARD_NAME) is not None
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
