"""The open application's one owner of saving: pages hand it their changes; it saves them.

A change is durable within a second of being made, however the user types:

* after a pause of :data:`DEBOUNCE_MS` (the usual case: a word, then a pause), and
* at the latest :data:`MAX_WAIT_MS` after the first unsaved change, while the user types on
  without pausing (the debounce alone would wait for ever);
* at once when asked: a step change, focus moving to another field, the window losing focus,
  export, print, close (:meth:`Session.flush`).

A save copies every changed page into the document (``page.save(doc)``) and writes the document
in one transaction. The session reports what the user should see — 未保存…, 已保存 时:分:秒,
未能保存 (with the reason; it tries again), 只读 — through :attr:`Session.state_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTime, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from qualitydesk.store.document import Document, DocumentError
from qualitydesk.ui.pages.base import Page

DEBOUNCE_MS = 500
MAX_WAIT_MS = 800  # leaves the save itself and a busy event loop 200 ms of the promised second
RETRY_MS = 5000
T = TypeVar("T")


class Session(QObject):
    """Holds the open document, collects the pages' changes and saves them in time."""

    state_changed = Signal(str, str)  # (what the header shows, its tooltip)
    saved = Signal(object)  # the set of page keys whose changes were just written
    save_failed = Signal(str)

    def __init__(
        self, doc: Document, page: Callable[[str], Page], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self._page = page
        self._dirty: set[str] = set()
        self.last_error = ""
        self._debounce = self._timer(self.flush)
        self._max_wait = self._timer(self.flush)
        self._soon = self._timer(self.flush)  # on the next turn of the event loop
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _timer(self, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    # -- changes --

    def mark_changed(self, key: str) -> None:
        """Page ``key`` has a change the document does not have yet."""
        if self.doc.read_only or self.doc.closed:
            return
        if not self._dirty and not self._max_wait.isActive():
            self.state_changed.emit(self.tr("未保存…"), "")
        self._dirty.add(key)
        self._debounce.start(DEBOUNCE_MS)
        if not self._max_wait.isActive():
            self._max_wait.start(MAX_WAIT_MS)

    @property
    def dirty(self) -> bool:
        """Whether anything is not in the file yet."""
        return bool(self._dirty) or self.doc.pending

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        del old, new
        if self._dirty and not self.doc.closed:
            self._soon.start(0)  # once the field that lost focus has handed over its value

    # -- saving --

    def flush(self) -> bool:
        """Copy the changed pages into the document and save it; False (and a message) on failure."""
        for timer in (self._debounce, self._max_wait, self._soon):
            timer.stop()
        if self.doc.closed:
            return True
        if self.doc.read_only:
            self._dirty.clear()
            return True
        keys, self._dirty = self._dirty, set()
        try:
            for key in sorted(keys):
                self._page(key).save(self.doc)
            if self.doc.pending:
                self.doc.save()
        except DocumentError as exc:
            self._dirty |= keys
            self.last_error = str(exc)
            self.state_changed.emit(self.tr("未能保存"), str(exc))
            self._debounce.start(RETRY_MS)
            self.save_failed.emit(str(exc))
            return False
        self.last_error = ""
        self.saved.emit(keys)
        self.state_changed.emit(*self.state())
        return True

    def apply(self, change: Callable[[Document], T]) -> T:
        """Save the pages' changes, then let ``change`` write the document at once (a store call
        such as the team's hand-out or an agreed score) and report the file saved. Its result;
        DocumentError (nothing changed by ``change``) when either fails.
        """
        if not self.flush():
            raise DocumentError(self.last_error)
        result = change(self.doc)
        self.saved.emit(set())
        self.state_changed.emit(*self.state())
        return result

    def state(self) -> tuple[str, str]:
        """What the header shows for the file as it is now, and its tooltip."""
        if self.doc.read_only:
            return self.tr("只读"), self.doc.read_only_reason
        if self.dirty:
            return self.tr("未保存…"), ""
        saved = self.doc.saved_at or self.doc.meta.get("modified")
        if not saved:
            return self.tr("已保存"), ""
        stamp = QTime.fromString(saved[11:19], "HH:mm:ss")
        return self.tr("已保存 {0}").format(stamp.toString("HH:mm:ss")), ""

    def stop(self) -> None:
        """Stop the timers and let go of the focus signal (before the document closes)."""
        for timer in (self._debounce, self._max_wait, self._soon):
            timer.stop()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
