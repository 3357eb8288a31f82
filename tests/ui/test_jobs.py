"""Background jobs: progress, result, cancel (by call and by the dialog's button), failure."""

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from qualitydesk.ui.jobs import JobCancelled, start_job


@pytest.fixture
def window(qtbot, qapp):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_progress_then_result_on_the_gui_thread(qtbot, window):
    worker_threads: list[threading.Thread] = []

    def three_steps(report):
        worker_threads.append(threading.current_thread())
        for i in range(3):
            assert report(i + 1, 3, f"第 {i + 1} 步")
        return {"answer": 42}

    seen: list[tuple[int, int, str, bool]] = []
    job = start_job(three_steps, parent=window, title="测试", show_dialog=False)
    job.progress.connect(
        lambda d, t, m: seen.append(
            (d, t, m, threading.current_thread() is threading.main_thread())
        )
    )
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [{"answer": 42}]
    assert seen == [(1, 3, "第 1 步", True), (2, 3, "第 2 步", True), (3, 3, "第 3 步", True)]
    assert worker_threads[0] is not threading.main_thread()
    assert not job.running
    assert job.dialog is None


def test_cancel_by_call_stops_the_function(qtbot, window):
    gate = threading.Event()
    answers: list[bool] = []

    def waits_for_the_gate(report):
        answers.append(report(0, 10, "开始"))
        gate.wait(5)
        answers.append(report(1, 10, "继续"))
        return "partial"

    job = start_job(waits_for_the_gate, parent=window, title="测试", show_dialog=False)
    qtbot.waitUntil(lambda: answers == [True])
    with qtbot.assertNotEmitted(job.finished), qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
        gate.set()
    assert answers == [True, False]
    assert job.cancel_requested


def test_cancel_button_of_the_progress_dialog(qtbot, window):
    gate = threading.Event()
    answers: list[bool] = []

    def slow(report):
        answers.append(report(1, 4, "正在读取 大文件.pdf"))
        gate.wait(5)
        if not report(2, 4, "仍在读取"):
            answers.append(False)
            raise JobCancelled
        return "done"

    job = start_job(slow, parent=window, title="添加文件")
    dialog = job.dialog
    assert dialog is not None
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.labelText() == "正在读取 大文件.pdf")
    assert (dialog.value(), dialog.maximum()) == (1, 4)
    assert dialog.windowTitle() == "添加文件"
    button = dialog.findChild(QPushButton)
    assert button.text().replace("&", "") == "取消"
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        gate.set()
    assert answers == [True, False]
    assert job.dialog is None


def test_exception_becomes_failed_with_its_message(qtbot, window):
    def broken(report):
        report(0, 1, "")
        raise ValueError("附件“x.pdf”无法读取")

    job = start_job(broken, parent=window, title="测试")
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["附件“x.pdf”无法读取"]
    assert job.dialog is None
    assert not job.running


def test_huge_totals_fit_the_signal(qtbot, window):
    def big(report):
        report(3 * 2**31, 4 * 2**31, "很大")

    job = start_job(big, parent=window, title="测试", show_dialog=False)
    seen: list[tuple[int, int]] = []
    job.progress.connect(lambda d, t, m: seen.append((d, t)))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert len(seen) == 1
    assert seen[0][0] * 4 == seen[0][1] * 3
