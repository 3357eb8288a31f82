"""Helpers for GUI tests: the main window opened for a test, pages placed and shown, Chinese typed
as an input method commits it, and a Messages factory that records dialogs instead of showing them.

The fixtures built on them (``messages``, ``settings``, ``demo_window``, ``context`` …) are in
tests/ui/conftest.py.
"""

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from qualitydesk.store.document import Document
from qualitydesk.ui.app import create_application
from qualitydesk.ui.messages import Messages


class RecordingMessages(Messages):
    """Records every dialog and answers from queues instead of showing anything."""

    def __init__(self) -> None:
        """Nothing shown yet, no answers queued."""
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[bool] = []
        self.files: list[str] = []
        self.choices: list[str] = []  # what exported() answers: "file", "folder" or ""
        # The print dialog's answer: a function that sets up the QPrinter as the user would
        # (e.g. a PDF file as output), or nothing queued for 取消.
        self.printers: list = []

    def information(self, parent, title, text):
        """Records an information box."""
        self.shown.append(("information", title, text))

    def warning(self, parent, title, text):
        """Records a warning box."""
        self.shown.append(("warning", title, text))

    def critical(self, parent, title, text):
        """Records an error box."""
        self.shown.append(("critical", title, text))

    def question(self, parent, title, text):
        """Records a question; answers the next queued answer, or 否."""
        self.shown.append(("question", title, text))
        return self.answers.pop(0) if self.answers else False

    def exported(self, parent, title, text):
        """Records the export-done box; answers the next queued choice, or closes."""
        self.shown.append(("exported", title, text))
        return self.choices.pop(0) if self.choices else ""

    def print_dialog(self, parent, printer, pages):
        """Records the print dialog; sets the printer up as queued, or cancels."""
        self.shown.append(("print_dialog", printer.docName(), str(pages)))
        if not self.printers:
            return False
        self.printers.pop(0)(printer)
        return True

    def open_file(self, parent, title, folder, filters):
        """Records the open dialog; answers the next queued file, or cancels."""
        self.shown.append(("open_file", title, folder))
        return self.files.pop(0) if self.files else ""

    def open_files(self, parent, title, folder, filters):
        """Records the open-several dialog; answers every queued file."""
        self.shown.append(("open_files", title, folder))
        files, self.files = self.files, []
        return files

    def save_file(self, parent, title, path, filters):
        """Records the save dialog; answers the next queued file, or cancels."""
        self.shown.append(("save_file", title, path))
        return self.files.pop(0) if self.files else ""

    def folder(self, parent, title, folder):
        """Records the folder dialog; answers the next queued folder, or cancels."""
        self.shown.append(("folder", title, folder))
        return self.files.pop(0) if self.files else ""


def open_window(qtbot, forms, settings, messages):
    """The main window at the laptop size (1366×768), shown and active, so keys reach it."""
    from qualitydesk.ui.shell.window import MainWindow

    create_application()
    window = MainWindow(forms, settings, messages)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def commit_text(widget: QWidget, text: str) -> None:
    """Type ``text`` the way an input method delivers Chinese: one commit event.

    (QTest.keyClicks aborts the process on Chinese text.)
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def place(qtbot, page: QWidget, doc: Document) -> QWidget:
    """Give ``page`` a 1366×768-window-sized area, load ``doc`` into it and show it."""
    qtbot.addWidget(page)
    page.resize(1100, 680)
    page.load(doc)
    page.show()
    qtbot.waitExposed(page)
    return page


def show(qtbot, page: QWidget, doc: Document) -> None:
    """Load ``doc`` into ``page``, show it and make it the active window (for key events)."""
    page.load(doc)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
