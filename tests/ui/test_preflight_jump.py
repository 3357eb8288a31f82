"""检查与导出 jumps by each problem's record: its location picks the step, the box and the place
(issue 15 §4). Nothing is read back out of the text shown.
"""

from __future__ import annotations

import pytest
from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qualitydesk.domain.problems import Kind, Location
from qualitydesk.store.document import Document
from qualitydesk.ui.pages.preflight import PROBLEM_ROLE
from tests.helpers.gui import open_window

RARE = "𠀀"  # no bundled font has it; tests/conftest.py turns the system's fonts off


def _entries(page, kind):
    """The list's entries showing problems of ``kind``, with their records."""
    root = page.problems.invisibleRootItem()
    found = []
    for i in range(root.childCount()):
        group = root.child(i)
        for j in range(group.childCount()):
            problem = group.child(j).data(0, PROBLEM_ROLE)
            if problem.kind is kind:
                found.append((group.child(j), problem))
    return found


def _double_click(page, entry):
    page.problems.scrollToItem(entry)
    rect = page.problems.visualItemRect(entry)
    viewport = page.problems.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.slow  # half a million characters, listed and then shown in the editor
def test_an_over_long_narrative_opens_its_item_editor(qtbot, forms, settings, messages, demo_copy):
    maximum = forms.limits.narrative_factor * forms.award("suzhou-mayor").part("report").limit
    with Document.open(demo_copy) as doc:
        doc.set_narrative("4.3.2", "质" * (maximum + 1))
        doc.save()
    window = open_window(qtbot, forms, settings, messages)
    assert window.open_path(demo_copy)
    try:
        window.view.show_step("preflight")
        page = window.view.pages["preflight"]
        [(entry, problem)] = _entries(page, Kind.OVERSIZED)
        assert problem.location == Location("report", "4.3.2")
        assert (problem.count, problem.maximum) == (maximum + 1, maximum)
        _double_click(page, entry)
        qtbot.waitUntil(lambda: window.view.current_key == "item:4.3.2")
        editor = window.view.pages["item:4.3.2"].editor.editor
        qtbot.waitUntil(editor.hasFocus)
        assert editor.textCursor().selectedText() == ""
    finally:
        window.close_document()


def test_a_character_in_a_score_note_is_selected_in_that_box(
    qtbot, forms, settings, messages, demo_copy
):
    with Document.open(demo_copy) as doc:
        score = doc.score("4.1.2")
        doc.set_score("4.1.2", replace(score, strengths=f"方针{RARE}明确，{RARE}落实到位"))
        doc.save()
    window = open_window(qtbot, forms, settings, messages)
    assert window.open_path(demo_copy)
    try:
        window.view.show_step("preflight")
        page = window.view.pages["preflight"]
        found = _entries(page, Kind.UNPRINTABLE)
        assert [p.location for _, p in found] == [
            Location("report", "4.1.2", "strengths", 2, 1, 3, 0),
            Location("report", "4.1.2", "strengths", 6, 1, 7, 1),
        ]
        _double_click(page, found[1][0])
        qtbot.waitUntil(lambda: window.view.current_key == "item:4.1.2")
        box = window.view.pages["item:4.1.2"].score_panel.strengths
        qtbot.waitUntil(box.hasFocus)
        cursor = box.textCursor()
        assert cursor.selectedText() == RARE
        assert cursor.selectionStart() == len("方针𠀀明确，".encode("utf-16-le")) // 2  # the 2nd
    finally:
        window.close_document()
