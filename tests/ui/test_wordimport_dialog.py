"""文件 → 从 Word 导入 and 文件 → 以往年申报为基础新建, driven through the main window."""

import pytest
from docx import Document as new_word  # noqa: N813 (a factory function)
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qualitydesk.store import renew, wordimport
from qualitydesk.store.document import Document
from qualitydesk.ui.wordimport_dialog import MODE, TARGET
from tests.helpers.gui import open_window
from tests.helpers.word_files import styled_application


@pytest.fixture
def window(qtbot, forms, settings, messages):
    return open_window(qtbot, forms, settings, messages)


@pytest.fixture
def application(empty_doc):
    """An application file with 4.1.3 already written (closed, so the window can open it)."""
    empty_doc.set_narrative("4.1.3", "已有的治理内容。")
    empty_doc.close()
    return empty_doc.path


def choose(qtbot, box, key, times=1):
    """Pick in a combo box the way a user does without the mouse: focus, then arrow keys."""
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    for _ in range(times):
        QTest.keyClick(box, key)


def import_dialog(qtbot, window, messages, docx):
    messages.files.append(str(docx))
    window.import_word()
    qtbot.waitUntil(lambda: window.word_importer.dialog is not None, timeout=10_000)
    dialog = window.word_importer.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def row_of(dialog, heading):
    return next(r for r, s in enumerate(dialog.plan.sections) if s.heading == heading)


@pytest.mark.slow
def test_the_plan_can_be_remapped_skipped_and_applied(
    qtbot, window, messages, application, tmp_path
):
    assert window.open_path(application)
    dialog = import_dialog(qtbot, window, messages, styled_application(tmp_path / "a.docx"))
    table = dialog.table
    assert table.rowCount() == 4
    assert table.cellWidget(row_of(dialog, "4.1.3 组织治理"), MODE).currentText() == "跳过"
    # 附件清单 names no item: the user sends it to 4.1.4 (不导入 → 4.1.2 → 4.1.3 → 4.1.4).
    choose(qtbot, dialog.target_box(row_of(dialog, "附件清单")), Qt.Key.Key_Down, 3)
    assert dialog.plan.sections[row_of(dialog, "附件清单")].target == "4.1.4"
    # 4.1.2 is left out; 4.1.3's text is appended to rather than skipped.
    choose(qtbot, dialog.target_box(row_of(dialog, "4.1.2 高层领导的作用")), Qt.Key.Key_Home)
    choose(qtbot, dialog.mode_box(row_of(dialog, "4.1.3 组织治理")), Qt.Key.Key_Up)
    assert dialog.plan.mode("4.1.3") == wordimport.APPEND
    table.selectRow(row_of(dialog, "4.1.3 组织治理"))
    shown = dialog.comparison.toPlainText()
    assert "已有的治理内容。" in shown
    assert "公司按《公司法》" in shown
    assert "新填 1 项" in dialog.summary.text()
    assert "追加 1 项" in dialog.summary.text()
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    doc = window.view.doc
    assert doc.narrative("4.1.2") == ""
    assert doc.narrative("4.1.3").startswith("已有的治理内容。\n\n公司按《公司法》")
    assert doc.narrative("4.1.4") == "附件1 营业执照\n"
    assert window.view.page("item:4.1.4").editor.markdown().strip() == "附件1 营业执照"
    assert messages.shown[-1][:2] == ("information", "导入完成")


def test_a_colleagues_section_opens_on_its_difference(qtbot, window, messages, application):
    assert window.open_path(application)
    copy = application.with_name("4.1.3.docx")
    word = new_word()
    word.core_properties.subject = "4.1.3"
    word.core_properties.identifier = wordimport.application_id(window.view.doc)
    word.add_heading("4.1.3 组织治理", 3)
    word.add_paragraph("同事改过的治理内容。")
    word.save(copy)
    dialog = import_dialog(qtbot, window, messages, copy)
    row = dialog.table.selectionModel().selectedRows()[0].row()
    assert dialog.plan.sections[row].target == "4.1.3"
    assert dialog.table.cellWidget(row, MODE).currentText() == "替换"
    assert dialog.table.cellWidget(row, TARGET).currentText() == "4.1.3 组织治理"
    shown = dialog.comparison.toPlainText()
    assert "已有的治理内容。" in shown
    assert "同事改过的治理内容。" in shown
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.view.doc.narrative("4.1.3") == "同事改过的治理内容。\n"
    assert any(r.value == "已有的治理内容。" for r in window.view.doc.history("narrative", "4.1.3"))


def test_a_file_that_is_not_word_is_refused_with_the_reason(
    qtbot, window, messages, application, tmp_path
):
    assert window.open_path(application)
    notes = tmp_path / "notes.docx"
    notes.write_text("meeting notes")
    messages.files.append(str(notes))
    window.import_word()
    qtbot.waitUntil(lambda: any(m[0] == "warning" for m in messages.shown), timeout=10_000)
    _kind, title, text = messages.shown[-1]
    assert title == "无法导入"
    assert "纯文本文件" in text
    assert window.word_importer.dialog is None


def test_this_year_from_last_years_file(qtbot, window, messages, demo_copy, tmp_path):
    messages.files.append(str(demo_copy))
    window.renew_application()
    dialog = window.renewer.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.year.value() == 2027  # the year after the demo's 2026
    assert dialog.path.text().endswith("demo-2027.qdesk")
    dialog.year.setFocus()
    QTest.keyClick(dialog.year, Qt.Key.Key_Up)
    year = dialog.year.value()
    assert year == 2028
    assert dialog.path.text().endswith("demo-2028.qdesk")  # the name follows the year
    QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    doc = window.view.doc
    assert doc.year == year
    assert doc.path != demo_copy
    window.view.show_step("item:4.1.2")
    page = window.view.pages["item:4.1.2"]
    qtbot.waitUntil(page.update_banner.isVisible)
    assert "需更新" in page.update_label.text()
    assert any("需更新" in issue.message for issue in page.issues())
    QTest.mouseClick(page.update_button, Qt.MouseButton.LeftButton)
    assert not page.update_banner.isVisible()
    assert window.view.flush()
    assert "4.1.2" not in renew.needs_update(doc)
    assert "4.1.3" in renew.needs_update(doc)
    window.close_document()
    with Document.open(demo_copy, read_only=True) as old:  # last year's file is as it was
        assert old.year == 2026
        assert renew.needs_update(old) == []


@pytest.mark.slow
def test_an_imported_picture_shows_in_the_narrative(qtbot, window, messages, application, tmp_path):
    assert window.open_path(application)
    dialog = import_dialog(qtbot, window, messages, styled_application(tmp_path / "a.docx"))
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [attachment] = window.view.doc.attachments()
    url = f"attachment:{attachment.id}"
    assert f"![组织架构图]({url})" in window.view.doc.narrative("4.1.2")
    window.view.show_step("item:4.1.2")
    editor = window.view.pages["item:4.1.2"].editor.editor
    image = editor.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
    assert isinstance(image, QImage)
    assert (image.width(), image.height()) == (60, 40)
