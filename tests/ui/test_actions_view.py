"""评审与改进 → 改进计划: actions made from the 改进机会, edited by keys in the table (written at
once), filtered, exported to a real .xlsx read back with openpyxl; the wheel changes no filter.
"""

from msgspec.structs import replace
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit

from qualitydesk.store.document import Document
from qualitydesk.store.records import Feedback
from qualitydesk.ui.improvement.actions_model import DUE, OWNER, STATUS, TITLE
from tests.helpers.gui import commit_text
from tests.ui.test_feedback_view import open_improvement
from tests.ui.test_input_guard import _wheel_past_every_input


def _plan(qtbot, window):
    """The 改进计划 tab, opened from its own menu entry."""
    return open_improvement(qtbot, window, "改进计划(&P)…").actions


def _click_cell(view, row, column):
    table = view.table
    index = view.proxy.index(row, column)
    table.scrollTo(index)
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert table.currentIndex() == index


def _choose(combo, data):
    """Pick the entry holding ``data`` with the arrow keys, as a user does on a closed combo."""
    combo.setFocus()
    target = combo.findData(data)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        QTest.keyClick(combo, key)


def test_actions_from_opportunities_are_edited_by_keys_and_written_at_once(
    qtbot, demo_window, messages, demo_copy, tmp_path
):
    doc = demo_window.view.doc
    doc.set_feedback(
        "4.1.2", Feedback("", "未见对领导绩效的系统评价\n- 未见对领导绩效的系统评价。")
    )
    view = _plan(qtbot, demo_window)
    own = sum(1 for s in doc.scores().values() if s.opportunities.strip())
    QTest.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    actions = doc.actions()
    assert len(actions) == own + 1  # the repeat folded
    assert actions[-1].title == "未见对领导绩效的系统评价"
    assert (actions[-1].source, actions[-1].item) == ("examiners", "4.1.2")
    assert view.model.rowCount() == len(actions)
    QTest.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)  # nothing new: no repeats
    assert len(doc.actions()) == len(actions)
    assert messages.shown[-1][2].startswith("没有新的改进机会")

    _click_cell(view, 0, STATUS)  # 状态: F2 opens the combo, ↓ 进行中, Enter writes it
    QTest.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    QTest.keyClick(editor, Qt.Key.Key_Down)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    with Document.open(demo_copy, read_only=True) as again:
        assert again.actions()[0].status == "doing"
    assert view.proxy.index(0, STATUS).data() == "进行中"

    _click_cell(view, 0, OWNER)  # 负责人: typed in Chinese
    QTest.keyClick(view.table, Qt.Key.Key_F2)
    commit_text(QApplication.focusWidget(), "张三")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.actions()[0].owner == "张三")  # the view commits on its next turn
    assert view.owner_filter.findData("张三") > 0

    _click_cell(view, 0, DUE)  # 计划完成: leaving the editor unchanged keeps 未定
    QTest.keyClick(view.table, Qt.Key.Key_F2)
    assert isinstance(QApplication.focusWidget(), QDateEdit)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert doc.actions()[0].due == ""
    QTest.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_Up)  # a year later
    chosen = editor.date().toString("yyyy-MM-dd")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.actions()[0].due != "")
    assert doc.actions()[0].due == chosen
    QTest.keyClick(view.table, Qt.Key.Key_Delete)  # Delete clears the date
    assert doc.actions()[0].due == ""


def test_the_list_is_filtered_and_the_rows_shown_are_exported(
    qtbot, demo_window, messages, tmp_path
):
    doc = demo_window.view.doc
    view = _plan(qtbot, demo_window)
    QTest.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    actions = doc.actions()
    doc.update_action(replace(actions[0], status="doing", owner="张三"))
    view.model.reload()
    _choose(view.status_filter, "doing")  # filter by status: the one in progress
    assert view.proxy.rowCount() == 1
    assert view.count.text() == f"共 {len(actions)} 项，显示 1 项"
    view.grab().save(str(tmp_path / "actions.png"))
    _choose(view.status_filter, "")
    commit_text(view.search, "汇率")
    assert 0 < view.proxy.rowCount() < len(actions)
    assert all("汇率" in a.title for a in view.shown_actions())
    view.search.clear()
    _choose(view.item_filter, "4.1")  # a category takes its items
    assert {a.item for a in view.shown_actions()} == {"4.1.2", "4.1.3", "4.1.4"}
    _choose(view.item_filter, "")
    _choose(view.owner_filter, "张三")
    assert [a.id for a in view.shown_actions()] == [actions[0].id]

    out = tmp_path / "plan.xlsx"
    messages.files.append(str(out))
    QTest.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][0] == "exported"
    rows = list(load_workbook(out)["改进计划"].iter_rows(values_only=True))
    assert rows[0] == ("序号", "改进事项", "来源", "条目", "负责人", "计划完成", "状态", "备注")
    assert rows[1][1:5] == (actions[0].title, "自评", "4.1.2 高层领导的作用", "张三")
    assert rows[1][6] == "进行中"
    assert len(rows) == 2  # the rows shown, not the whole list


def test_new_and_delete_and_the_wheel_changes_no_filter(qtbot, demo_window, messages):
    doc = demo_window.view.doc
    view = _plan(qtbot, demo_window)
    QTest.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert (editor.text(), editor.selectedText()) == ("新的改进事项", "新的改进事项")
    commit_text(editor, "建立领导绩效评价制度")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert [(a.title, a.status) for a in doc.actions()] == [("建立领导绩效评价制度", "open")]

    through_window, _ = _wheel_past_every_input(qtbot, view.window())
    assert through_window  # the filters and the tab bar were under the wheel, and kept

    _click_cell(view, 0, TITLE)
    messages.answers.append(True)
    QTest.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][:2] == ("question", "删除改进事项")
    assert doc.actions() == []
    assert view.count.text() == "共 0 项"
