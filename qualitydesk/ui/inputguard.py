"""The mouse wheel scrolls the page; it never changes an input the user has not chosen.

Left alone, Qt lets the wheel change a combo box, spin box, slider or tab bar that merely lies
under the pointer, so scrolling a long page past them silently edits the user's data, and
autosave keeps the edit. One application-wide filter stops that, for every window and for pages
built later:

- such an input takes focus by click or Tab only (``Qt.StrongFocus``), never by the wheel
  (Qt's ``Qt.WheelFocus`` would focus it just before the wheel event arrives);
- while it has no focus, a wheel event over it is ignored there and goes on to its parent, so
  the enclosing scroll area (the page, a table) scrolls instead.

A focused input keeps Qt's wheel behaviour: the user clicked it, and means to change it.

The same filter stops a closed, non-editable combo box from picking an entry by the letters typed
into it (Qt's keyboard search): a user who presses Tab in a narrative, expecting an indent, lands on
评分档 and would change the score with the next word typed. Arrow keys, Space and F4 (which open the
list or step through it on purpose) keep working, and so does typing into the open list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QMenu,
    QScrollBar,
    QTabBar,
    QWidget,
)

from qualitydesk.ui.painted import after_painted

# The inputs whose value (or, for a tab bar, whose shown tab) the wheel changes. QAbstractSpinBox
# covers QSpinBox, QDoubleSpinBox and QDateEdit / QTimeEdit / QDateTimeEdit.
GUARDED: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox, QAbstractSlider, QTabBar)
# Sliders that are scrolling machinery, not inputs: the wheel is theirs.
EXEMPT: tuple[type[QWidget], ...] = (QScrollBar,)
_EVENTS = (QEvent.Type.Wheel, QEvent.Type.Polish, QEvent.Type.Show, QEvent.Type.KeyPress)
_GUARD_NAME = "qualitydeskInputGuard"


def is_guarded(widget: QObject) -> bool:
    """Whether ``widget`` is an input the wheel may change only while it has focus."""
    return isinstance(widget, GUARDED) and not isinstance(widget, EXEMPT)


class InputGuard(QObject):
    """The application-wide event filter; :func:`install` puts one on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take wheel focus from each guarded input as it is polished or shown; pass a wheel over an
        unfocused one on to its parent; drop a closed combo box's keyboard search.
        """
        # Every event of the application passes here: the cheap test first (event.type() builds
        # a Python enum each call, which alone cost 0.2 s of start-up when it came first).
        if not isinstance(watched, GUARDED) or isinstance(watched, EXEMPT):
            return False
        kind = event.type()
        if kind not in _EVENTS:
            return False
        if kind == QEvent.Type.KeyPress:
            return _is_keyboard_search(watched, event)
        if kind != QEvent.Type.Wheel:  # polished or shown: before any wheel can reach it
            no_wheel_focus(watched)
            return False
        if watched.hasFocus():
            return False  # the user chose this input: the wheel changes it, as Qt has it
        event.ignore()  # unhandled here, so Qt offers it to the parent, which scrolls
        return True


def _is_keyboard_search(widget: QWidget, event: QEvent) -> bool:
    """Whether ``event`` is a letter typed into a closed combo box (dropped: see the module)."""
    if not isinstance(widget, QComboBox) or widget.isEditable():
        return False
    if not isinstance(event, QKeyEvent) or widget.view().isVisible():
        return False
    typing = (
        event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.NoModifier
    )
    text = event.text()
    return typing and bool(text) and text.isprintable() and not text.isspace()


def no_wheel_focus(widget: QWidget) -> None:
    """Let ``widget`` take focus by click and Tab, but not by the wheel passing over it."""
    policy = widget.focusPolicy()
    if policy == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install(app: QApplication) -> InputGuard:
    """Guard every input of ``app`` (once; calling again returns the guard already installed)."""
    found = app.findChild(InputGuard, _GUARD_NAME)
    if found is not None:
        return found
    guard = InputGuard(app)
    guard.setObjectName(_GUARD_NAME)
    app.installEventFilter(guard)
    # Those made before the guard (they are polished already). Looked for by class, so that only
    # they are wrapped for Python, not every widget of the window.
    for window in app.topLevelWidgets():
        if isinstance(window, QMenu):  # actions only
            continue
        for kind in GUARDED:
            for widget in window.findChildren(kind):
                if is_guarded(widget):
                    no_wheel_focus(widget)
        if is_guarded(window):
            no_wheel_focus(window)
    return guard


def install_when_painted(app: QApplication, window: QWidget) -> None:
    """Put the guard on just after ``window`` (shown) is first painted; the wheel over it does
    nothing until then.

    The guard is an application-wide event filter in Python, and an application-wide filter in
    Python makes PySide6 build every class of Qt it has not built yet the first time an object of
    a class unknown to it (Qt's animation timer) passes: a quarter of the start-up's CPU if that
    happens before the first paint. A wheel turned before the window shows anything is no choice
    of the user's, so it is dropped, not guarded; everything else (typing ahead) goes through.
    """
    after_painted(window, lambda: install(app), drop_wheel=True)
