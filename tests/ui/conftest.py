"""Fixtures for GUI tests: documents to work on, a page context, no dialogs.

The helpers they use (open_window, commit_text, place, show, RecordingMessages) are in
tests/helpers/gui.py.
"""

import shutil
from datetime import date

import pytest

from qualitydesk.store.document import Document
from qualitydesk.ui.app import create_application
from qualitydesk.ui.pages.base import PageContext
from tests.helpers.gui import RecordingMessages, open_window


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
