"""The assessors' side of 评分: 分发评分表, the scoring-only mode, 汇总评分 by drag-and-drop.

Real files throughout: the demo application handed out to three assessors, a .qdesk-score file
opened from 文件 → 打开's path and scored with the keyboard (Chinese as an input method commits
it), the file read back after the window closes; returned files dropped on 汇总评分 one of which
is hostile and is refused without changing anything, and an assessor who returns twice asked
about.
"""

import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qualitydesk.domain.team import AssessorScore
from qualitydesk.store.document import Document
from qualitydesk.store.scorefile import read_score_file, write_score_file
from qualitydesk.ui.team import commands
from qualitydesk.ui.team.scoring_window import ScoringWindow, open_score_file
from tests.helpers.gui import commit_text

TEAM = ["张三", "李四", "王五"]


@pytest.fixture
def handed_out(demo_window, tmp_path):
    """The demo open in the main window, handed out to TEAM through 评分 → 分发评分表."""
    folder = tmp_path / "team"
    folder.mkdir()
    dialog = commands.hand_out(demo_window)
    dialog.names.setPlainText("\n".join(TEAM))
    dialog.folder.setText(str(folder))
    written = dialog.hand_out()
    assert {p.name for p in written} >= {f"{n}.qdesk-score" for n in TEAM}
    assert not dialog.isVisible()
    assert demo_window.messages.shown[-1][1] == "已分发评分表"
    return demo_window, folder


def scored(path: Path, pcts: dict[str, int], strengths: str = "") -> Path:
    """The assessor's file at ``path`` filled in with ``pcts`` (as the assessor would)."""
    book = read_score_file(path)
    scores = tuple(
        AssessorScore(book.assessor, item, pct, strengths or f"{book.assessor}看到的优势")
        for item, pct in pcts.items()
    )
    write_score_file(path, replace(book, scores=scores))
    return path


def filled_in_excel(path: Path, item: str, pct: int, strengths: str) -> Path:
    """The Excel scorebook at ``path`` with ``item`` scored, as an assessor fills it in Excel."""
    book = openpyxl.load_workbook(path)
    sheet = book["评分表"]
    rows = list(sheet.iter_rows())
    header = next(r for r in rows if r[0].value == "条目")
    column = {cell.value: cell.column for cell in header}
    row = next(r for r in rows if r[0].value == item)[0].row
    sheet.cell(row, column["评分（%）"], pct)
    sheet.cell(row, column["优势"], strengths)
    book.save(path)
    return path


def drop(qtbot, target, paths) -> None:
    """Drag ``paths`` from a file manager and drop them on ``target``."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(target.rect().center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(where, Qt.DropAction.CopyAction, data, buttons, keys))


# -- the scoring-only mode --


def scoring_window(qtbot, path, forms, messages) -> ScoringWindow:
    window = open_score_file(path, forms, messages)
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_an_assessor_file_opens_in_the_scoring_window_and_keeps_what_is_typed(
    qtbot, handed_out, forms
):
    main, folder = handed_out
    path = folder / "张三.qdesk-score"
    assert main.open_path(path)  # 文件 → 打开 and the command line go through open_path
    window = main.findChild(ScoringWindow)
    assert window is not None
    assert window.isVisible()
    assert main.view is not None  # the application open in the main window stays open
    qtbot.waitExposed(window)
    assert "张三" in window.windowTitle()
    window.show_item("4.2.2")
    panel = window.panel
    assert "高层领导" not in window.narrative.toPlainText()
    assert window.narrative.isReadOnly()
    assert panel.band.currentText() == "未评分"
    assert not panel.strengths.isEnabled()

    panel.band.setFocus()
    for _ in range(3):  # 未评分 → 0%–5% → 10%–25% → 30%–45%
        QTest.keyClick(panel.band, Qt.Key.Key_Down)
    panel.pct.setFocus()
    QTest.keyClick(panel.pct, Qt.Key.Key_Up)
    commit_text(panel.strengths, "战略制定过程系统，定期评审")
    assert panel.pct.value() == 35
    assert window.items.currentItem().text(2) == "35%"
    window.close()

    book = read_score_file(path)
    assert [(s.item, s.pct, s.strengths) for s in book.scores] == [
        ("4.2.2", 35, "战略制定过程系统，定期评审")
    ]


def test_the_scores_are_saved_within_a_second_while_the_window_stays_open(
    qtbot, handed_out, forms, messages
):
    path = handed_out[1] / "李四.qdesk-score"
    window = scoring_window(qtbot, path, forms, messages)
    panel = window.panel
    panel.band.setFocus()
    QTest.keyClick(panel.band, Qt.Key.Key_Down)
    commit_text(panel.comment, "证据充分")
    assert window.saved_label.text() == "未保存…"
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("已保存 "), timeout=2000)
    assert [(s.pct, s.comment) for s in read_score_file(path).scores] == [(0, "证据充分")]
    QTest.keySequence(window, "Ctrl+S")  # nothing left to write: still saved
    assert not window.dirty


def test_the_wheel_over_the_score_does_not_change_it(qtbot, handed_out, forms, messages):
    window = scoring_window(qtbot, handed_out[1] / "王五.qdesk-score", forms, messages)
    panel = window.panel
    window.items.setFocus()
    for control in (panel.band, panel.pct):
        before = control.currentIndex() if control is panel.band else control.value()
        centre = QPointF(control.rect().center())
        wheel = QWheelEvent(
            centre,
            QPointF(control.mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(control, wheel)
        after = control.currentIndex() if control is panel.band else control.value()
        assert after == before
    assert not window.dirty


def test_a_file_changed_outside_the_program_is_not_opened(qtbot, handed_out, forms, messages):
    path = handed_out[1] / "张三.qdesk-score"
    path.write_text(path.read_text(encoding="utf-8").replace('"张三"', '"赵六"'), "utf-8")
    assert open_score_file(path, forms, messages) is None
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("critical", "无法打开")
    assert "校验值不符" in text


# -- 汇总评分 --


def test_returned_files_dropped_on_the_dialog_are_collected_one_by_one(qtbot, handed_out):
    main, folder = handed_out
    files = [
        scored(folder / f"{name}.qdesk-score", {"4.1.2": 50 + 10 * n})
        for n, name in enumerate(TEAM[:2])
    ]
    files.append(filled_in_excel(folder / "王五.xlsx", "4.1.2", 70, "在 Excel 中填写"))
    stranger = folder / "外来.qdesk-score"  # a file of another application
    book = read_score_file(files[0])
    write_score_file(stranger, replace(book, application="2020-01-01T00:00:00+08:00"))
    dialog = commands.collect(main)
    qtbot.addWidget(dialog)

    drop(qtbot, dialog.drop_zone, [stranger])
    doc = main.view.doc
    assert doc.assessor_scores() == []  # refused: nothing changed
    refused = dialog.results.topLevelItem(0)
    assert refused.text(0) == "外来.qdesk-score"
    assert refused.text(2).startswith("✗ ")
    assert "另一份申报" in refused.text(2)

    drop(qtbot, dialog.drop_zone, files)
    lines = [dialog.results.topLevelItem(n).text(2) for n in range(1, 4)]
    assert lines == ["✓ 已汇总 1 个评分项"] * 3
    assert sorted((s.assessor, s.pct) for s in doc.assessor_scores()) == [
        ("张三", 50),
        ("李四", 60),
        ("王五", 70),
    ]
    assert "在 Excel 中填写" in {s.strengths for s in doc.assessor_scores()}
    assert all(a.returned_at for a in doc.assessors())


def test_an_assessor_returning_again_is_asked_about(qtbot, handed_out):
    main, folder = handed_out
    path = scored(folder / "张三.qdesk-score", {"4.1.2": 50})
    dialog = commands.collect(main)
    qtbot.addWidget(dialog)
    dialog.add_files([str(path)])
    scored(path, {"4.1.2": 80})
    messages = main.messages
    messages.answers = [False]
    kept = dialog.add_files([str(path)])[0]
    assert messages.shown[-1][:2] == ("question", "同一评分人再次交回")
    assert not kept.recorded
    assert kept.message.startswith("未汇总")
    doc = main.view.doc
    assert [s.pct for s in doc.assessor_scores()] == [50]
    messages.answers = [True]
    assert dialog.add_files([str(path)])[0].recorded
    assert [s.pct for s in doc.assessor_scores()] == [80]
    with Document.open(doc.path, read_only=True) as again:  # in the file, not only in memory
        assert [s.pct for s in again.assessor_scores()] == [80]


def test_handing_out_again_asks_before_replacing_and_refuses_the_earlier_file(qtbot, handed_out):
    main, folder = handed_out
    earlier = scored(folder / "张三.qdesk-score", {"4.1.2": 50})
    earlier_copy = folder.parent / "张三-上一轮.qdesk-score"
    earlier_copy.write_bytes(earlier.read_bytes())
    messages = main.messages
    dialog = commands.hand_out(main)
    qtbot.addWidget(dialog)
    assert dialog.chosen_names() == TEAM  # those handed out to before are offered
    dialog.names.setPlainText("张三")
    dialog.folder.setText(str(folder))
    messages.answers = [False]
    assert dialog.hand_out() == []
    assert messages.shown[-1][:2] == ("question", "替换评分表")
    assert read_score_file(earlier).scores  # not replaced
    messages.answers = [True]
    assert {p.name for p in dialog.hand_out()} == {"张三.qdesk-score", "张三.xlsx"}
    assert read_score_file(earlier).scores == ()

    collecting = commands.collect(main)
    qtbot.addWidget(collecting)
    refused = collecting.add_files([str(earlier_copy)])[0]
    assert not refused.recorded
    assert "已重新分发" in refused.message
    assert main.view.doc.assessor_scores() == []


def test_a_file_that_cannot_be_written_keeps_the_window_open_unless_told(
    qtbot, handed_out, forms, messages, tmp_path
):
    away = tmp_path / "usb"  # the assessor's USB stick, pulled out while they score
    away.mkdir()
    path = away / "王五.qdesk-score"
    path.write_bytes((handed_out[1] / "王五.qdesk-score").read_bytes())
    window = scoring_window(qtbot, path, forms, messages)
    shutil.rmtree(away)
    window.panel.band.setFocus()
    QTest.keyClick(window.panel.band, Qt.Key.Key_Down)
    assert not window.close()
    assert window.isVisible()
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("question", "未能保存")
    assert str(away) in text
    assert window.saved_label.text() == "未能保存"
    messages.answers = [True]
    assert window.close()
