"""The shape every wizard page has: ``load(doc)``, ``issues()``, ``save(doc)``, and a status.

Pages never write SQL and never save the file: they copy widget state into the document
(``save``), and the main window's autosave writes the document within a second of the last edit.
A page announces an edit with ``changed``; it asks to show another page with ``navigate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from qualitydesk.domain.forms import Award, Forms, Framework
from qualitydesk.store.document import Document
from qualitydesk.ui.messages import Messages


@dataclass(frozen=True)
class Issue:
    """Something a page wants the user to know about.

    severity: ``missing`` (not filled in yet: the step is 进行中), ``error`` (wrong: 有问题) or
    ``warning`` (worth a look; does not change the status). ``target`` is the step key to jump to
    (``form``, ``item:4.1.2`` …) and ``anchor`` what to focus there (a field id, a rule id …).
    """

    message: str
    severity: str = "missing"
    target: str = ""
    anchor: str = ""


class Status(Enum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    PROBLEM = "problem"

    @property
    def label(self) -> str:
        labels = {
            "not-started": QT_TRANSLATE_NOOP("Status", "未开始"),
            "in-progress": QT_TRANSLATE_NOOP("Status", "进行中"),
            "done": QT_TRANSLATE_NOOP("Status", "完成"),
            "problem": QT_TRANSLATE_NOOP("Status", "有问题"),
        }
        return QCoreApplication.translate("Status", labels[self.value])


@dataclass(frozen=True)
class PageContext:
    """What every page may need besides the document."""

    forms: Forms
    award: Award
    framework: Framework
    messages: Messages


class Page(QWidget):
    """Base of the wizard's pages. Subclasses set ``key`` and implement the rest.

    A step's title, in the interface's language, is ``steps.title(key)``: one list, translated.
    """

    changed = Signal()  # the user edited something: save(doc) soon
    navigate = Signal(str, str)  # (step key, anchor): show another page

    key = ""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def load(self, doc: Document) -> None:
        """Fill the widgets from ``doc`` (without emitting ``changed``)."""
        raise NotImplementedError

    def save(self, doc: Document) -> None:
        """Copy the widgets' state into ``doc`` (as pending changes; the window saves the file)."""
        raise NotImplementedError

    def issues(self) -> list[Issue]:
        """What is missing or wrong on this page, as of the widgets now."""
        raise NotImplementedError

    def started(self) -> bool:
        """Whether the user has put anything on this page yet."""
        raise NotImplementedError

    def status(self) -> Status:
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
