"""Slow work off the GUI thread, with progress and cancel: ``start_job(fn, parent=…, title=…)``.

``fn(report)`` runs in a worker thread of Qt's global thread pool. It calls
``report(done, total, message)`` now and then; ``report`` returns ``False`` once the user pressed
取消 (or ``Job.cancel()`` was called), and ``fn`` should then stop — by returning or by raising
:class:`JobCancelled`. Every outcome arrives on the GUI thread as exactly one of the job's signals:

* ``finished(result)`` — ``fn`` returned ``result`` and nobody cancelled;
* ``cancelled()`` — cancel was requested (whatever ``fn`` did afterwards);
* ``failed(message)`` — ``fn`` raised; ``message`` is the exception's text, never a traceback.

With ``show_dialog`` a window-modal QProgressDialog shows the progress (after a short delay, so
quick jobs do not flash a window) and its 取消 button cancels the job. The window stays responsive.

``fn`` must not touch widgets, and should not touch the open ``Document`` either (it is used by the
GUI thread meanwhile): read files or compute in ``fn``, then apply the result in a slot connected
to ``finished``. Example::

    def read(report):
        for i, path in enumerate(paths):
            if not report(i, len(paths), f"正在读取 {path.name}"):
                raise JobCancelled
            ...
        return data

    job = start_job(read, parent=self, title=self.tr("添加文件"))
    job.finished.connect(self._store)
    job.failed.connect(self._show_error)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Report = Callable[[int, int, str], bool]
"""``report(done, total, message) -> bool``: False once the job has been cancelled."""

SHOW_DIALOG_AFTER_MS = 400
_INT_MAX = 2**31 - 1


class JobCancelled(Exception):
    """Raised by a job's function to stop after ``report`` returned False."""


class _Relay(QObject):
    """Carries the worker's news to the Job; emitted in the worker, received on the GUI thread."""

    progress = Signal(int, int, str)
    outcome = Signal(str, object)  # ("finished" | "failed" | "cancelled", result or message)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Report], Any], relay: _Relay, stop: threading.Event) -> None:
        super().__init__()
        self.fn, self.relay, self.stop = fn, relay, stop

    def run(self) -> None:
        try:
            result = self.fn(self.report)
        except JobCancelled:
            kind, value = "cancelled", None
        except Exception as exc:  # any failure of fn is the user's to read, not a crash
            log.info("background job failed", exc_info=True)
            kind, value = "failed", str(exc) or type(exc).__name__
        else:
            kind, value = "finished", result
        if self.stop.is_set():
            kind, value = "cancelled", None
        self._emit(kind, value)

    def report(self, done: int, total: int, message: str) -> bool:
        if self.stop.is_set():
            return False
        while total > _INT_MAX:  # the signal carries C++ ints
            done, total = done // 1024, total // 1024
        try:
            self.relay.progress.emit(int(done), int(total), message)
        except RuntimeError:  # the job and its window are gone
            self.stop.set()
        return not self.stop.is_set()

    def _emit(self, kind: str, value: object) -> None:
        try:
            self.relay.outcome.emit(kind, value)
        except RuntimeError:
            log.debug("background job ended after its window was closed")


class Job(QObject):
    """A running piece of background work; see the module docstring for the protocol."""

    progress = Signal(int, int, str)  # done, total (0 = unknown), message
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # why it failed, for the user
    cancelled = Signal()

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.dialog: QProgressDialog | None = None
        self._stop = threading.Event()
        self._running = False
        # No parent: the relay must outlive the job while the worker may still emit on it.
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.outcome.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(self._stop.set)

    @property
    def running(self) -> bool:
        """True until one of finished, failed or cancelled has been emitted."""
        return self._running

    @property
    def cancel_requested(self) -> bool:
        """Whether the user has asked to cancel (the function may still be running)."""
        return self._stop.is_set()

    def cancel(self) -> None:
        """Ask the function to stop; ``cancelled`` follows once it has."""
        self._stop.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("正在取消……"))

    def start(self, fn: Callable[[Report], Any]) -> None:
        """Run ``fn(report)`` in a worker thread of Qt's global pool (``start_job`` calls this)."""
        self._running = True
        QThreadPool.globalInstance().start(_Runnable(fn, self._relay, self._stop))

    def show_dialog(self, parent: QWidget) -> QProgressDialog:
        """A window-modal progress dialog over ``parent`` whose 取消 button cancels the job."""
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(self.title)
        dialog.setLabelText(self.tr("正在处理……"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setRange(0, 0)  # busy until the first report says how much there is
        dialog.setMinimumDuration(SHOW_DIALOG_AFTER_MS)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)  # starts the timer that shows the dialog if the job takes a while
        self.dialog = dialog
        return dialog

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if not self._running:
            return
        dialog = self.dialog
        if dialog is not None and not self._stop.is_set():
            # A window-modal QProgressDialog processes events in setValue(), so the outcome may
            # arrive (and close the dialog) in the middle of this update.
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(max(done, 0), max(total, 0)))
            if message and self.dialog is dialog:
                dialog.setLabelText(message)
        if self._running:
            self.progress.emit(done, total, message)

    @Slot(str, object)
    def _on_outcome(self, kind: str, value: object) -> None:
        self._running = False
        self._close_dialog()
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "failed":
            self.failed.emit(str(value))
        else:
            self.cancelled.emit()

    def _close_dialog(self) -> None:
        if self.dialog is None:
            return
        dialog, self.dialog = self.dialog, None
        dialog.canceled.disconnect(self.cancel)
        dialog.hide()
        dialog.deleteLater()


def start_job(
    fn: Callable[[Report], Any], *, parent: QWidget, title: str, show_dialog: bool = True
) -> Job:
    """Run ``fn(report)`` in the background and return its :class:`Job` (already started).

    Connect to the job's signals right away: they are delivered by the GUI thread's event loop,
    so none can arrive before the caller returns to it. The job is a child of ``parent``.
    """
    job = Job(title, parent)
    if show_dialog:
        job.show_dialog(parent)
    job.start(fn)
    return job
