"""导出 Word 副本 from the window: the whole package from the 文件 menu, one item from its page.

The export runs in the background like the PDF's; the .docx is read back with python-docx.
"""

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


@pytest.fixture
def window(demo_window):
    return demo_window


def _exported(messages) -> bool:
    return any(m[0] in ("exported", "warning") for m in messages.shown)


@pytest.mark.slow
def test_the_file_menu_exports_the_package_as_word(window, messages, tmp_path, qtbot):
    action = next(a for a in window.menus.doc_actions if a.text() == "导出 Word 副本(&B)…")
    assert action.isEnabled()
    out = tmp_path / "申报材料"  # the suffix is added
    messages.files.append(str(out))
    action.trigger()
    qtbot.waitUntil(lambda: _exported(messages), timeout=30000)
    assert messages.shown[-1][0] == "exported"
    word = docx.Document(str(tmp_path / "申报材料.docx"))
    assert window.exporter.last_docx == tmp_path / "申报材料.docx"
    assert word.core_properties.subject == ""
    parts = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert "自评报告" in parts


def test_the_item_page_exports_that_item_for_a_colleague(window, messages, tmp_path, qtbot):
    window.view.show_step("item:4.1.3")
    page = window.view.pages["item:4.1.3"]
    assert page.export_word_button.isVisible()
    out = tmp_path / "4.1.3.docx"
    messages.files.append(str(out))
    QTest.mouseClick(page.export_word_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _exported(messages), timeout=30000)
    assert messages.shown[-1][0] == "exported"
    suggested = next(m[2] for m in messages.shown if m[0] == "save_file")
    assert suggested.endswith("-4.1.3.docx")
    word = docx.Document(str(out))
    assert word.core_properties.subject == "4.1.3"
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 3")]
    assert headings == ["4.1.3 组织治理"]
