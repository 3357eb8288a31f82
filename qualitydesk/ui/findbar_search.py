"""What the find bar searches: the narratives of the open application, and the matches in them.

The texts are every 组织概述 section and every 自评报告 item, in the order of the steps. A step
whose page is built is searched in its editors; one not built yet in its saved text, read into
a document the way its editor would load it (kept while the saved text stays the same).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from qualitydesk.ui.shell.wizard import WizardView


@dataclass(frozen=True)
class Place:
    """One text the bar searches: an editor on a step's page (or its saved text while the page
    has not been built: then ``editor`` is None).
    """

    key: str
    index: int  # which editor of the page
    document: QTextDocument
    editor: QTextEdit | None


@dataclass(frozen=True)
class Match:
    """One occurrence of the text found: its place (index into the places), span and ordinal."""

    place: int  # index into the list of places
    start: int
    end: int
    ordinal: int  # the how-manieth match in its place


def searchable(view: WizardView) -> list[str]:
    """The steps whose narratives are searched, in the wizard's order."""
    return [key for key in view.keys if key == "profile" or key.startswith("item:")]


def editors(page: QWidget) -> list[QTextEdit]:
    """The narrative editors of a page, in the page's order."""
    from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit  # not on the first screen

    return [edit.editor for edit in page.findChildren(MarkdownEdit)]


def occurrences(
    document: QTextDocument, needle: str, flags: QTextDocument.FindFlag
) -> list[tuple[int, int]]:
    """Every (start, end) of ``needle`` in ``document``, in order, not overlapping."""
    found = []
    cursor = document.find(needle, 0, flags)
    while not cursor.isNull():
        found.append((cursor.selectionStart(), cursor.selectionEnd()))
        cursor = document.find(needle, cursor.selectionEnd(), flags)
    return found


def replace_in(
    document: QTextDocument, needle: str, replacement: str, flags: QTextDocument.FindFlag
) -> int:
    """Replace every ``needle`` in ``document`` as one undo step; how many were replaced."""
    found = document.find(needle, 0, flags)
    if found.isNull():
        return 0
    replaced = 0
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    while not found.isNull():
        cursor.setPosition(found.selectionStart())
        cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        replaced += 1
        found = document.find(needle, cursor.position(), flags)
    cursor.endEditBlock()
    return replaced


def saved_texts(view: WizardView, key: str) -> list[tuple[int, str]]:
    """The saved Markdown of each editor a page will have, by the editor's index."""
    doc = view.doc
    if key == "profile":
        sections = view.context.framework.profile.sections
        return list(enumerate(doc.profile(s.id) for s in sections))
    return [(0, doc.narrative(key.removeprefix("item:")))]


def start_point(
    view: WizardView, places: list[Place], editor: QTextEdit | None, *, forward: bool
) -> tuple[int, int]:
    """(place, position) a search starts from: the cursor in the text the user is in on
    this step (``editor``), else the start of this step (or of the next searched step after it).
    """
    for n, place in enumerate(places):
        if editor is not None and place.editor is editor:
            cursor = editor.textCursor()
            return n, cursor.selectionEnd() if forward else cursor.selectionStart()
    order = view.keys.index
    here = order(view.current_key) if view.current_key else 0
    first = next((n for n, p in enumerate(places) if order(p.key) >= here), len(places))
    return first, 0


class Narratives:
    """The texts searched for one open application, with the saved texts read into documents."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner  # parent of the documents made from saved texts
        self._saved: dict[tuple[str, int], tuple[str, QTextDocument]] = {}

    def forget(self) -> None:
        """Drop the documents made from saved texts (another application is searched next)."""
        for _text, document in self._saved.values():
            document.deleteLater()
        self._saved.clear()

    def places(self, view: WizardView) -> list[Place]:
        """Every text searched, in order: the editors of built pages, the saved text of others."""
        found: list[Place] = []
        for key in searchable(view):
            page = view.pages.get(key)
            if page is not None:
                found += [Place(key, i, e.document(), e) for i, e in enumerate(editors(page))]
            else:
                texts = saved_texts(view, key)
                found += [Place(key, i, self._saved_document(key, i, t), None) for i, t in texts]
        return found

    def _saved_document(self, key: str, index: int, text: str) -> QTextDocument:
        """``text`` as the page's editor would show it (kept while the saved text is the same)."""
        known = self._saved.get((key, index))
        if known is not None and known[0] == text:
            return known[1]
        from qualitydesk.ui.widgets.narrative_text import GITHUB  # not on the first screen

        document = QTextDocument(self._owner)
        document.setMarkdown(text, GITHUB)
        if known is not None:
            known[1].deleteLater()
        self._saved[(key, index)] = (text, document)
        return document

    @staticmethod
    def matches(places: list[Place], needle: str, flags: QTextDocument.FindFlag) -> list[Match]:
        """Every match of ``needle`` in ``places``, in order."""
        return [
            Match(n, start, end, ordinal)
            for n, place in enumerate(places)
            for ordinal, (start, end) in enumerate(occurrences(place.document, needle, flags))
        ]
