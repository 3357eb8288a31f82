"""Work that waits for a window's first paint, so that the user sees the window before it runs.

What the start can leave for a moment later — putting the input guard on, writing the settings
file (two waits for the disk) — runs just after the main window is first painted: on a busy
machine or a slow disk the window still shows as soon as it can.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# At the latest this long after it is asked for, the work runs even if the window was never
# exposed (a window started minimised, a platform that sends no expose).
LATEST_MS = 1000


class _UntilPainted(QObject):
    """On a window's surface until its first paint: then runs the work, once."""

    def __init__(self, handle: QObject, work: Callable[[], None], drop_wheel: bool) -> None:
        super().__init__(handle)
        self._work: Callable[[], None] | None = work
        self._drop_wheel = drop_wheel
        handle.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first expose, run the work once it is painted; drop a wheel event if asked."""
        kind = event.type()
        if kind == QEvent.Type.Expose:
            QTimer.singleShot(0, self, self._run)  # after the paint the expose asks for
        return self._drop_wheel and kind == QEvent.Type.Wheel

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:  # not again when the latest time comes after the paint
            self.deleteLater()
            work()


def after_painted(window: QWidget, work: Callable[[], None], *, drop_wheel: bool = False) -> None:
    """Run ``work`` just after ``window`` is first painted: at once if it has been painted or is
    not shown. With ``drop_wheel``, a wheel turned over the window before then is dropped.
    """
    handle = window.windowHandle()
    if handle is None or handle.isExposed():
        work()
        return
    _UntilPainted(handle, work, drop_wheel)
