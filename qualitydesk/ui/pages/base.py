"""The shape every wizard page has: ``load(doc)``, ``issues()``, ``save(doc)``, and a status.

Pages never write SQL and never save the file: they copy widget state into the document
(``save``), and the session (shell/session.py) writes the document within a second of the last
edit. A page announces an edit with ``changed``; it asks to show another page with ``navigate``.
"""

from __future__ import annotations

from enum import Enum

from msgspec import Struct
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from qualitydesk.domain.forms import Award, Forms, Framework
from qualitydesk.store.document import Document
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.widgets.issue import Issue

__all__ = ["IDLE_AFTER_MS", "Issue", "Page", "PageContext", "Status"]

# Work left for later starts this long after it is scheduled (a page's remaining parts, the pages
# not shown): the window is painted and answers the user first.
IDLE_AFTER_MS = 300


class Status(Enum):
    """Where a page stands, as the navigator shows it beside the step (from :meth:`Page.status`)."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    PROBLEM = "problem"

    @property
    def label(self) -> str:
        """The status as the navigator writes it (未开始, 进行中 …), in the interface's language."""
        labels = {
            "not-started": QT_TRANSLATE_NOOP("Status", "未开始"),
            "in-progress": QT_TRANSLATE_NOOP("Status", "进行中"),
            "done": QT_TRANSLATE_NOOP("Status", "完成"),
            "problem": QT_TRANSLATE_NOOP("Status", "有问题"),
        }
        return QCoreApplication.translate("Status", labels[self.value])


class PageContext(Struct, frozen=True):
    """What every page may need besides the document."""

    forms: Forms
    award: Award
    framework: Framework
    messages: Messages


class Page(QWidget):
    """Base of the wizard's pages. Subclasses set ``key`` and implement the rest.

    The wizard creates a page when it is first needed and calls ``load(doc)`` then, and again
    when it is shown after the file changed under it (not after its own edits). Each edit the
    user makes emits ``changed``; within a second the session calls ``save(doc)`` and writes the
    file, so ``save`` is called often and only copies state: it never asks the user anything.
    ``issues()`` and ``started()`` read the widgets as they are now; together they give the
    page's :meth:`status`, which the navigator shows beside the step.
    With a read-only file the wizard makes every input of the page read-only (``make_read_only``);
    a page sees to what that does not reach, such as its buttons and drops.

    A step's title, in the interface's language, is ``steps.title(key)``: one list, translated.
    """

    changed = Signal()  # the user edited something: save(doc) soon
    navigate = Signal(str, str)  # (step key, anchor): show another page
    completed = Signal()  # a page built in parts (``building``) has all of them now

    key = ""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    @property
    def building(self) -> bool:
        """Whether parts of the page are still to be built while idle (``completed`` follows)."""
        return False

    def complete(self) -> None:
        """Build at once whatever of the page is still to be built (nothing, for most pages)."""

    def load(self, doc: Document) -> None:
        """Fill the widgets from ``doc`` (without emitting ``changed``)."""
        raise NotImplementedError

    def save(self, doc: Document) -> None:
        """Copy the widgets' state into ``doc`` (as pending changes; the session saves the file)."""
        raise NotImplementedError

    def issues(self) -> list[Issue]:
        """What is missing or wrong on this page, as of the widgets now: each an :class:`Issue`
        (``error``, ``missing`` or ``warning``; a warning leaves the status as it is) whose
        target and anchor lead back to the place, through that page's :meth:`focus_anchor`.
        """
        raise NotImplementedError

    def started(self) -> bool:
        """Whether the user has put anything on this page yet."""
        raise NotImplementedError

    def status(self) -> Status:
        """Where the page stands: not started, a problem (an error), in progress (something
        missing) or done, from :meth:`started` and :meth:`issues`.
        """
        if not self.started():
            return Status.NOT_STARTED
        found = self.issues()
        if any(i.severity == "error" for i in found):
            return Status.PROBLEM
        if any(i.severity == "missing" for i in found):
            return Status.IN_PROGRESS
        return Status.DONE

    def focus_anchor(self, anchor: str) -> None:
        """Bring ``anchor`` (a field id, rule id …) into view and focus; pages override this."""
        del anchor
