"""The 评审与改进 window: 评审反馈 and 改进计划 as two tabs, beside the main window (not modal).

One window per open application: the menu's entries show it on the tab asked for
(:func:`show_improvement`), and it closes with the application. What is typed into it is written
half a second after the last key, and at once when the window is left or closed; the actions are
written as each cell is edited. When the window becomes active again it shows the stage scores
as 评分汇总 has them now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QPushButton, QTabWidget, QVBoxLayout, QWidget

from qualitydesk.ui import screen
from qualitydesk.ui.improvement.actions_view import ActionsView
from qualitydesk.ui.improvement.feedback_import import FeedbackImporter
from qualitydesk.ui.improvement.feedback_view import FeedbackView
from qualitydesk.ui.improvement.host import Host

if TYPE_CHECKING:
    from qualitydesk.ui.shell.window import MainWindow

IMPROVEMENT = screen.Fit(0.85, QSize(900, 560), QSize(1280, 800))
FEEDBACK, ACTIONS = "feedback", "actions"


class ImprovementWindow(QDialog):
    """评审反馈 and 改进计划 of the application ``host`` shows."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.doc = host.doc
        self.setWindowTitle(self.tr("评审与改进 — %1").replace("%1", host.doc.path.name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.feedback = FeedbackView(host.doc, host.context)
        self.actions = ActionsView(host.doc, host.context, self._save_everything)
        self.importer = FeedbackImporter(self, host, self._imported)
        self.feedback.import_requested.connect(self.importer.start)
        self.feedback.navigate.connect(self._show_page)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.feedback, self.tr("评审反馈(&1)"))
        self.tabs.addTab(self.actions, self.tr("改进计划(&2)"))
        self.tabs.currentChanged.connect(lambda _n: self.feedback.flush())
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)
        for button in self.findChildren(QPushButton):  # Enter in a cell must not press one
            button.setAutoDefault(False)

    def show_tab(self, tab: str) -> None:
        """Show the 评审反馈 (``"feedback"``) or 改进计划 (``"actions"``) tab."""
        self.tabs.setCurrentWidget(self.actions if tab == ACTIONS else self.feedback)

    def _save_everything(self) -> None:
        """Before the 改进机会 are read: what is typed here and on the pages, into the file."""
        self.feedback.flush()
        if not self.host.flush():
            self.host.context.messages.warning(self, self.tr("未能保存"), self.host.last_error)

    def _imported(self, items: list[str]) -> None:
        self.feedback.load()
        if items:
            self.feedback.select_item(items[0])

    def _show_page(self, key: str, anchor: str) -> None:
        """Show a page of the main window (评分汇总) and bring the main window to the front."""
        self.feedback.flush()
        self.host.navigate(key, anchor)
        main = self.parentWidget()
        if main is not None:
            main.activateWindow()

    # -- saving as the window is left --

    def changeEvent(self, event: QEvent) -> None:
        """Save on leaving the window; show the stage scores afresh on coming back."""
        if event.type() == QEvent.Type.ActivationChange and not self.doc.closed:
            if self.isActiveWindow():
                self.feedback.show_stage_scores()
            else:
                self.feedback.flush()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what was typed, then close."""
        self.feedback.flush()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Closed by Esc or the window's button: save what was typed first."""
        self.feedback.flush()
        super().done(result)


def show_improvement(window: MainWindow, tab: str = FEEDBACK) -> ImprovementWindow | None:
    """评审与改进 of the application open in ``window``, shown on ``tab``; made on first use
    (and closed with the application). None when no application is open.
    """
    view = window.view
    if view is None:
        return None
    found = next((w for w in window.findChildren(ImprovementWindow) if w.doc is view.doc), None)
    if found is None:
        found = ImprovementWindow(view, window)
        found.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(found.close)
        screen.remember_size(found, window.settings, "improvement", IMPROVEMENT)
    found.show_tab(tab)
    found.show()
    found.activateWindow()
    return found
