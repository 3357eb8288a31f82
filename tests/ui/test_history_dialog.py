"""历史版本 in the user's words, and a side-by-side comparison with now before restoring."""

import pytest
from PySide6.QtCore import Qt

from qualitydesk.store.records import Declaration, Score
from qualitydesk.ui.app import create_application
from qualitydesk.ui.history import HistoryDialog
from qualitydesk.ui.settings import Settings
from qualitydesk.ui.shell.window import MainWindow

EDITED = "第一段保持不变。\n第二段改成<b>新的</b>说法。\n第三段保持不变。"
EARLIER = "第一段保持不变。\n第二段原来的说法。\n第三段保持不变。"


@pytest.fixture
def edited(demo_doc):
    """The demo with a narrative changed twice and a field, a score and a declaration changed."""
    doc = demo_doc
    doc.set_narrative("4.1.2", EARLIER)
    doc.save()
    doc._fresh_history.add(("narrative", "4.1.2"))  # a separate version, not merged into the last
    doc.set_narrative("4.1.2", EDITED)
    doc.set_field("org_name", "苏州历史测试有限公司")
    doc.set_score("4.1.3", Score(70, strengths="优势写在这里"))
    doc.set_declaration("no-major-accident", Declaration(True, "近三年未发生重大事故"))
    doc.save()
    return doc


def dialog_for(qtbot, doc, context):
    dialog = HistoryDialog(doc, context=context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def row_of(dialog, kind, key):
    return next(
        row
        for row, r in enumerate(dialog.revisions)
        if (r.kind, r.key) == (kind, key) and (kind != "narrative" or r.value == EARLIER)
    )


def test_versions_are_named_in_the_users_words(qtbot, edited, context):
    dialog = dialog_for(qtbot, edited, context)
    subjects = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert "组织名称" in subjects
    assert "4.1.2 高层领导的作用" in subjects
    assert "4.1.3 " + context.framework.item("4.1.3").name in subjects
    rule = context.award.rule("no-major-accident")
    assert any(s.startswith(rule.citation + " ") for s in subjects)
    assert any(s.startswith("B.1.1 ") for s in subjects)  # 组织概述 sections by number and title
    assert "近三年主要经济指标" in subjects  # a 申请表 table by its name
    assert "org_name" not in subjects
    assert not any(s.startswith("no-") for s in subjects)


def test_a_narrative_version_is_compared_side_by_side_before_restoring(qtbot, edited, context):
    dialog = dialog_for(qtbot, edited, context)
    dialog.table.setFocus()
    row = row_of(dialog, "narrative", "4.1.2")
    dialog.table.selectRow(row)
    text = dialog.comparison.toPlainText()
    assert "第二段原来的说法。" in text  # the selected version, on the left
    assert "第二段改成<b>新的</b>说法。" in text  # the current text, escaped, not read as markup
    html = dialog.difference.html
    assert "&lt;b&gt;" in html
    assert "<b>" not in html
    assert "background-color" in html  # the changed characters are highlighted
    assert dialog.difference.changes == 1
    assert "共 1 处不同" in dialog.summary.text()
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restore_requested) as restore:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert restore.args == [dialog.revisions[row].id]


def test_other_values_read_as_words_and_an_identical_version_is_not_restored(
    qtbot, edited, context
):
    dialog = dialog_for(qtbot, edited, context)
    dialog.table.selectRow(row_of(dialog, "score", "4.1.3"))
    assert "得分率：70%" in dialog.comparison.toPlainText()
    assert "优势：优势写在这里" in dialog.comparison.toPlainText()
    assert "{" not in dialog.comparison.toPlainText()  # no JSON
    assert "相同" in dialog.summary.text()
    assert not dialog.restore_button.isEnabled()  # the newest version is what is there now

    dialog.table.selectRow(row_of(dialog, "declaration", "no-major-accident"))
    assert "确认符合：是" in dialog.comparison.toPlainText()
    assert "声明：近三年未发生重大事故" in dialog.comparison.toPlainText()


def test_keyboard_moves_through_versions(qtbot, edited, context):
    dialog = dialog_for(qtbot, edited, context)
    assert dialog.table.currentRow() in (0, -1)
    assert dialog.comparison.toPlainText()  # the newest version is selected at once
    dialog.table.setFocus()
    first = dialog.comparison.toPlainText()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.comparison.toPlainText() != first


def test_the_main_window_opens_it_with_the_programmes_words(qtbot, forms, messages, edited):
    create_application()
    window = MainWindow(forms, Settings(edited.path.parent / "settings"), messages)
    qtbot.addWidget(window)
    path = edited.path
    edited.close()
    assert window.open_path(path)
    window.show_history()
    dialog = window.findChild(HistoryDialog)
    assert dialog is not None
    subjects = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert "4.1.2 高层领导的作用" in subjects
    dialog.reject()
    window.close_document()
