"""Fixtures for GUI tests: documents to work on, a page context, Chinese input, no dialogs."""

import shutil
from datetime import date

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from qualitydesk.store.document import Document
from qualitydesk.ui.app import create_application
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.pages.base import PageContext


class RecordingMessages(Messages):
    """Records every dialog and answers from queues instead of showing anything."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[bool] = []
        self.files: list[str] = []
        self.choices: list[str] = []  # what exported() answers: "file", "folder" or ""
        # The print dialog's answer: a function that sets up the QPrinter as the user would
        # (e.g. a PDF file as output), or nothing queued for 取消.
        self.printers: list = []

    def information(self, parent, title, text):
        self.shown.append(("information", title, text))

    def warning(self, parent, title, text):
        self.shown.append(("warning", title, text))

    def critical(self, parent, title, text):
        self.shown.append(("critical", title, text))

    def question(self, parent, title, text):
        self.shown.append(("question", title, text))
        return self.answers.pop(0) if self.answers else False

    def exported(self, parent, title, text):
        self.shown.append(("exported", title, text))
        return self.choices.pop(0) if self.choices else ""

    def print_dialog(self, parent, printer, pages):
        self.shown.append(("print_dialog", printer.docName(), str(pages)))
        if not self.printers:
            return False
        self.printers.pop(0)(printer)
        return True

    def open_file(self, parent, title, folder, filters):
        self.shown.append(("open_file", title, folder))
        return self.files.pop(0) if self.files else ""

    def open_files(self, parent, title, folder, filters):
        self.shown.append(("open_files", title, folder))
        files, self.files = self.files, []
        return files

    def save_file(self, parent, title, path, filters):
        self.shown.append(("save_file", title, path))
        return self.files.pop(0) if self.files else ""

    def folder(self, parent, title, folder):
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


@pytest.fixture
def settings(tmp_path):
    """Settings of this test only (recent files, sizes, zoom, language)."""
    from qualitydesk.ui.settings import Settings

    return Settings(tmp_path / "settings")


@pytest.fixture
def demo_copy(demo_file, tmp_path):
    """A private copy of the demo application file (closed)."""
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def demo_window(qtbot, forms, settings, messages, demo_copy):
    """The main window with a private copy of the demo open."""
    window = open_window(qtbot, forms, settings, messages)
    assert window.open_path(demo_copy)
    yield window
    window.close_document()


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


@pytest.fixture
def demo_doc(demo_file, tmp_path):
    """A private, open copy of the demo application."""
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    doc = Document.open(path)
    yield doc
    doc.close()


@pytest.fixture
def empty_doc(tmp_path):
    doc = Document.create(
        tmp_path / "new.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )
    yield doc
    doc.close()


@pytest.fixture
def messages():
    return RecordingMessages()


@pytest.fixture
def context(qapp, forms, messages):
    create_application()
    award = forms.award("suzhou-mayor")
    return PageContext(forms, award, forms.framework(award.framework), messages)
