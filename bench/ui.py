"""How the desktop program feels: start-up, typing, page switches, memory.

Prints: cold start to the main window with the demo open (target < 1.0 s), keystroke handling in a
10,000-character narrative with the autosave armed (median < 8 ms; the slowest keystroke, the one
that saves, for information), how long a change waits to be durable while the user types without
a pause (a key every 30 ms for 5 s: the longest wait < 1 s), page switch (< 100 ms), memory after
visiting every step (< 300 MB). Runs offscreen; run: .venv/bin/python bench/ui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {
    "start": 1000.0,
    "keystroke": 8.0,
    "durable": 1000.0,
    "switch": 100.0,
    "memory": 300.0,
}
TYPING_S = 5.0
KEY_EVERY_MS = 30

COLD_START = textwrap.dedent("""
    import sys, time
    started = float(sys.argv[2])
    from qualitydesk.domain.forms import load_forms
    from qualitydesk.ui.app import create_application
    from qualitydesk.ui.shell.window import MainWindow
    from qualitydesk.ui.settings import Settings
    app = create_application()
    window = MainWindow(load_forms(), Settings())
    window.show()
    window.open_path(sys.argv[1])
    app.processEvents()
    print((time.time() - started) * 1000)
    window.close_document()
""")


def _line(name: str, value: float, unit: str, target: float) -> None:
    mark = "ok" if value < target else "MISSED"
    print(f"{name:<40} {value:9.1f} {unit:<3} target < {target:g} {unit}  {mark}")


def cold_start(demo: Path) -> float:
    """Process start to the main window showing the demo (median of 3 runs)."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", COLD_START, str(demo), str(time.time())],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _quiet(kind: object, context: object, message: str) -> None:
    """Drop the offscreen platform's note about window-manager size hints; print the rest."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def in_process(demo: Path) -> dict[str, float]:
    from PySide6.QtCore import Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTextEdit

    from qualitydesk.domain.forms import load_forms
    from qualitydesk.ui.app import create_application
    from qualitydesk.ui.settings import Settings
    from qualitydesk.ui.shell.window import MainWindow

    qInstallMessageHandler(_quiet)
    app = create_application()
    window = MainWindow(load_forms(), Settings())
    window.show()
    window.open_path(demo)
    view = window.view
    assert view is not None
    view.doc.set_narrative(
        "4.1.2", ("高层领导每季度主持经营分析会，评审战略目标的完成情况。\n\n" * 400)[:10_000]
    )
    view.doc.save()
    switches = []
    for key in view.keys:
        start = time.perf_counter()
        view.show_step(key)
        app.processEvents()
        switches.append((time.perf_counter() - start) * 1000)
    view.show_step("item:4.1.2")
    editor = next(e for e in view.pages["item:4.1.2"].findChildren(QTextEdit) if not e.isReadOnly())
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    keystrokes = []
    for _ in range(200):  # about a second of keys: the maximum wait runs out once or twice
        start = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_A)
        QApplication.processEvents()
        keystrokes.append((time.perf_counter() - start) * 1000)
    durable = _durable_while_typing(app, view, editor)
    memory = _rss_mb()
    window.close_document()
    return {
        "keystroke": statistics.median(keystrokes),
        "slowest": max(keystrokes),
        "durable": durable,
        "switch": statistics.median(switches),
        "memory": memory,
    }


def _durable_while_typing(app: object, view: object, editor: object) -> float:
    """A key every 30 ms for 5 s; the longest time from a key to the save that made it durable."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    keys: list[float] = []
    saves: list[float] = []
    view.session.saved.connect(lambda _keys: saves.append(time.perf_counter()))  # type: ignore[attr-defined]
    loop = QEventLoop()

    def key() -> None:
        if keys and keys[-1] - keys[0] >= TYPING_S:
            timer.stop()
            loop.quit()
            return
        QTest.keyClick(editor, Qt.Key.Key_B)  # type: ignore[arg-type]
        keys.append(time.perf_counter())

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(KEY_EVERY_MS)
    loop.exec()
    waits = [next((s for s in saves if s >= k), float("inf")) - k for k in keys]
    return max(waits[: -int(1000 / KEY_EVERY_MS)]) * 1000  # the last second may not be saved yet


def main() -> None:
    from qualitydesk.domain.forms import load_forms
    from qualitydesk.store.demo import build_demo

    with tempfile.TemporaryDirectory() as folder:
        os.environ["QUALITYDESK_HOME"] = folder
        demo = Path(folder) / "demo.qdesk"
        build_demo(demo, load_forms()).close()
        _line("cold start to the demo open", cold_start(demo), "ms", TARGETS["start"])
        figures = in_process(demo)
        _line("keystroke, autosave armed, median", figures["keystroke"], "ms", TARGETS["keystroke"])
        print(f"{'keystroke, slowest (the one that saves)':<40} {figures['slowest']:9.1f} ms")
        _line("durable after a key, never pausing", figures["durable"], "ms", TARGETS["durable"])
        _line("page switch, median", figures["switch"], "ms", TARGETS["switch"])
        _line("memory after visiting every step", figures["memory"], "MB", TARGETS["memory"])


if __name__ == "__main__":
    main()
