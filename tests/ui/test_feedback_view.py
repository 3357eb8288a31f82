"""评审与改进 → 评审反馈: typed feedback is kept, the stage scores are shown from 评分汇总, and a
feedback report (.docx) is previewed and applied — all through the main window's menu, on a copy
of the demo file.
"""

from decimal import Decimal

from docx import Document as new_word  # noqa: N813 (a factory function)
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qualitydesk.store.document import Document
from qualitydesk.ui.improvement.window import ImprovementWindow
from tests.helpers.gui import commit_text


def open_improvement(qtbot, window, entry="评审反馈(&F)…"):
    """评审与改进 → ``entry`` from the menu bar; the window it shows, active."""
    action = next(a for a in window.findChildren(QAction) if a.text() == entry)
    assert action.isEnabled()
    action.trigger()
    doc = window.view.doc
    (found,) = [w for w in window.findChildren(ImprovementWindow) if w.doc is doc]
    qtbot.waitExposed(found)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is found)
    return found


def choose_item(qtbot, view, item_id):
    """Walk the item list with the arrow keys down to ``item_id``."""
    view.item_list.setFocus()
    while view.current != item_id:
        before = view.current
        QTest.keyClick(view.item_list, Qt.Key.Key_Down)
        assert view.current != before, f"{item_id} not in the list"


def test_typed_feedback_is_written_and_kept_after_reopening(qtbot, demo_window, demo_copy):
    dialog = open_improvement(qtbot, demo_window)
    view = dialog.feedback
    choose_item(qtbot, view, "4.1.3")
    assert "4.1.3 组织治理" in view.heading.text()
    assert "自评" in view.own_score.text()
    commit_text(view.strengths, "董事会运作规范")
    doc = demo_window.view.doc
    qtbot.waitUntil(lambda: "4.1.3" in doc.feedback())  # half a second after the last key
    assert doc.feedback()["4.1.3"].strengths == "董事会运作规范"
    assert view.item_list.currentItem().text().startswith("● ")
    commit_text(view.opportunities, "内部审计整改跟踪不足\n子公司绩效评价缺失")
    dialog.close()  # at once: the closing writes what the pause has not yet
    assert demo_window.close_document()
    with Document.open(demo_copy, read_only=True) as again:
        stored = again.feedback()["4.1.3"]
        assert stored.opportunities == "内部审计整改跟踪不足\n子公司绩效评价缺失"
        assert stored.entered_at
    assert demo_window.open_path(demo_copy)
    dialog = open_improvement(qtbot, demo_window)
    choose_item(qtbot, dialog.feedback, "4.1.3")
    assert dialog.feedback.strengths.toPlainText() == "董事会运作规范"
    assert dialog.feedback.opportunities.toPlainText() == "内部审计整改跟踪不足\n子公司绩效评价缺失"
    dialog.grab().save(str(demo_copy.with_name("feedback.png")))


def test_the_stage_scores_come_from_the_summary_page_and_the_link_shows_it(qtbot, demo_window):
    doc = demo_window.view.doc
    for part, value in (("materials", "600"), ("defence", "700"), ("onsite", "650")):
        doc.set_stage_score(part, Decimal(value))
    doc.save()
    dialog = open_improvement(qtbot, demo_window)
    text = dialog.feedback.stages.text()
    assert "材料评审 600" in text
    assert "现场评审 650" in text
    assert "综合得分 650 分" in text  # 600×15% + 700×15% + 650×70% = 650
    assert "第二十三条" in text
    button = next(
        b
        for b in dialog.feedback.findChildren(type(dialog.feedback.import_button))
        if b.text().startswith("在评分汇总中填写")
    )
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert demo_window.view.current_key == "summary"


def feedback_docx(path):
    """A short 反馈报告: a stage score, two items with 优势 / 改进机会, a closing remark."""
    word = new_word()
    word.add_paragraph("评审反馈报告")
    word.add_paragraph("材料评审得分：612.5 分")
    word.add_heading("4.1.2 高层领导的作用", level=2)
    word.add_heading("优势", level=3)
    word.add_paragraph("高层领导亲自主持战略研讨会。")
    word.add_heading("改进机会", level=3)
    word.add_paragraph("未见对领导绩效的系统评价。")
    word.add_paragraph("质量文化宣贯未覆盖一线员工。")
    word.add_heading("4.1.3 组织治理", level=2)
    word.add_heading("改进机会", level=3)
    word.add_paragraph("内部审计发现问题的整改跟踪不足。")
    word.add_heading("总体评价", level=1)
    word.add_paragraph("希望企业持续改进。")
    word.save(path)
    return path


def _import(qtbot, dialog, messages, path):
    messages.files.append(str(path))
    importer = dialog.importer
    importer.dialog = None
    QTest.mouseClick(dialog.feedback.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible())
    return importer.dialog


def test_a_feedback_report_is_previewed_then_applied(qtbot, demo_window, messages, tmp_path):
    doc = demo_window.view.doc
    report = feedback_docx(tmp_path / "反馈报告.docx")
    dialog = open_improvement(qtbot, demo_window)
    preview = _import(qtbot, dialog, messages, report)
    table = preview.table
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [
        "4.1.2 高层领导的作用",
        "4.1.3 组织治理",
    ]
    assert table.item(0, 3).text() == "2 条"
    assert "未见对领导绩效的系统评价。" in preview.preview.toPlainText()
    assert "希望企业持续改进。" in preview.unmatched.toPlainText()
    assert preview.stages.isVisible()
    assert "612.5" in preview.stages.text()
    preview.grab().save(str(tmp_path / "import.png"))
    preview.reject()  # 取消: nothing written
    assert doc.feedback() == {}
    assert doc.stage_score("materials") is None

    preview = _import(qtbot, dialog, messages, report)
    QTest.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    stored = doc.feedback()
    assert list(stored) == ["4.1.2", "4.1.3"]
    assert (
        stored["4.1.2"].opportunities == "未见对领导绩效的系统评价。\n质量文化宣贯未覆盖一线员工。"
    )
    assert stored["4.1.2"].source == "反馈报告.docx"
    assert doc.stage_score("materials") == Decimal("612.5")
    assert messages.shown[-1][:2] == ("information", "导入完成")
    view = dialog.feedback
    assert view.current == "4.1.2"
    assert view.strengths.toPlainText() == "高层领导亲自主持战略研讨会。"
    assert "来源：反馈报告.docx" in view.origin.text()
    assert "材料评审 612.5" in view.stages.text()
