"""Window sizes that fit the screen: a fraction of its free area, and remembered per dialog.

A window opens at a fraction of the screen's available geometry (the screen less the taskbar),
clamped between a minimum and a maximum and never larger than the available area less a window
frame. A remembered geometry restored on a smaller screen is clamped back inside it. Dialogs
remember their size under a name in the settings (:meth:`Settings.dialog_geometry`).
"""

from __future__ import annotations

from typing import Protocol

from msgspec import Struct
from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

# Room for a window's frame (borders and title bar) before the window system reports it.
FRAME = QMargins(8, 32, 8, 8)


class Fit(Struct, frozen=True):
    """How large a window opens: ``fraction`` of the free screen, within ``minimum``…``maximum``
    (and never larger than the free screen).
    """

    fraction: float
    minimum: QSize
    maximum: QSize


MAIN_WINDOW = Fit(0.95, QSize(960, 640), QSize(1600, 1000))
PROGRAMMES = Fit(0.8, QSize(720, 480), QSize(1100, 700))
HISTORY = Fit(0.7, QSize(640, 420), QSize(900, 600))
NEW_APPLICATION = Fit(0.5, QSize(560, 400), QSize(720, 520))


class GeometryStore(Protocol):
    """Where dialogs keep their geometry (the settings)."""

    def dialog_geometry(self, name: str) -> QByteArray | None:
        """The geometry kept for the dialog called ``name``, if any."""

    def set_dialog_geometry(self, name: str, value: QByteArray) -> None:
        """Keep ``value`` (``saveGeometry()``) for the dialog called ``name``."""


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The free area of the screen ``widget`` is on (or will open on)."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window() if parent is not None else widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(widget: QWidget) -> QMargins:
    """The frame the window system adds around ``widget``: known once it (or, for a dialog,
    its parent window) shows, estimated before.
    """
    parent = widget.parentWidget()
    for window in (widget, parent.window() if parent is not None else None):
        if window is not None and window.isVisible():
            outer, inner = window.frameGeometry(), window.geometry()
            frame = QMargins(
                inner.left() - outer.left(),
                inner.top() - outer.top(),
                outer.right() - inner.right(),
                outer.bottom() - inner.bottom(),
            )
            if not frame.isNull():
                return frame
    return FRAME


def _room(available: QRect, frame: QMargins) -> QSize:
    return available.marginsRemoved(frame).size()


def fitted_size(available: QRect, fit: Fit, frame: QMargins = FRAME) -> QSize:
    """The client size ``fit`` gives on ``available``, with room for the frame inside it."""
    size = (available.size() * fit.fraction).boundedTo(fit.maximum).expandedTo(fit.minimum)
    return size.boundedTo(_room(available, frame))


def clamped(rect: QRect, available: QRect, frame: QMargins = FRAME) -> QRect:
    """``rect`` (a window's client area) shrunk and moved so it and its frame lie in
    ``available``.
    """
    room = available.marginsRemoved(frame)
    size = rect.size().boundedTo(room.size())
    x = min(max(rect.x(), room.left()), room.left() + room.width() - size.width())
    y = min(max(rect.y(), room.top()), room.top() + room.height() - size.height())
    return QRect(QPoint(x, y), size)


def centred(size: QSize, over: QRect, available: QRect, frame: QMargins = FRAME) -> QRect:
    """A client rectangle of ``size`` centred over ``over``, its frame inside ``available``."""
    corner = over.center() - QPoint(size.width() // 2, size.height() // 2)
    return clamped(QRect(corner, size), available, frame)


def fit_to_screen(widget: QWidget, available: QRect, fit: Fit) -> None:
    """Give ``widget`` its initial size and place: centred in ``available``, or over its parent
    window for a dialog, and inside ``available`` with its frame.
    """
    frame = frame_margins(widget)
    size = fitted_size(available, fit, frame)
    parent = widget.parentWidget()
    over = parent.window().geometry() if parent is not None else available.marginsRemoved(frame)
    widget.setGeometry(centred(size, over, available, frame))


def clamp_to_screen(widget: QWidget, available: QRect) -> None:
    """Shrink and move ``widget`` back inside ``available`` (after restoring a geometry)."""
    if widget.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window system fits those to the screen
    inside = clamped(widget.geometry(), available, frame_margins(widget))
    if inside != widget.geometry():
        widget.setGeometry(inside)


def restore_or_fit(widget: QWidget, saved: QByteArray | None, fit: Fit) -> None:
    """Restore ``saved`` (clamped to the screen) or give ``widget`` its initial size."""
    available = available_geometry(widget)
    if saved is not None and not saved.isEmpty() and widget.restoreGeometry(saved):
        clamp_to_screen(widget, available)
    else:
        fit_to_screen(widget, available, fit)


def remember_size(dialog: QDialog, store: GeometryStore, name: str, fit: Fit) -> None:
    """Size ``dialog`` from its remembered geometry (or by ``fit``) and remember the geometry it
    has when it closes.
    """
    restore_or_fit(dialog, store.dialog_geometry(name), fit)
    dialog.finished.connect(lambda _result: store.set_dialog_geometry(name, dialog.saveGeometry()))
