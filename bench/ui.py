"""How the desktop program feels: start-up, page switches, typing, memory — beside bare PySide6.

Start-up is measured as CPU time (``time.process_time`` of a fresh process), so a busy machine
skews it less than a stopwatch would, and beside a bare PySide6 window (a QMainWindow with a
label) started the same way in the same run; each figure is the median of :data:`RUNS` processes
of each, taken in turns. Printed side by side, then as ratios with their targets:

- *window mapped*: from process start until the main window is first exposed, the demo open
  in it, started exactly as ``qualitydesk demo.qdesk`` starts (``qualitydesk.cli.main`` to its
  event loop: logging, the window shown, then the file opened);
- *first page usable*: the first page painted and the event queue empty;
- *settled* (for information): 1.5 s later, whatever idle work ran meanwhile.

Target: each ≤ 2× the bare window's. Then, in one process: page switch (CPU, median over every
step, once each page is built: ≤ 50 ms; the first visit, which builds the page, for information),
keystroke handling in a 10,000-character narrative with the autosave armed (median < 8 ms), how
long a change waits to be durable while the user types without a pause (< 1 s), and resident
memory with the demo open and every step visited, in a fresh process (≤ 200 MB).

Runs offscreen; run: .venv/bin/python bench/ui.py
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 7
TARGETS = {
    "ratio": 2.0,
    "keystroke": 8.0,
    "durable": 1000.0,
    "switch": 50.0,
    "memory": 200.0,
}
TYPING_S = 5.0
KEY_EVERY_MS = 30
SETTLE_MS = 1500
TIMEOUT_S = 300  # one start, on a very busy machine

# One fresh process: the bare window or QualityDesk with the demo, to the moments measured.
# Prints one JSON line: CPU seconds at each moment and resident memory in MB.
START = textwrap.dedent("""
    import json, os, sys, time, traceback
    mode, path = sys.argv[1], sys.argv[2]

    def fail(*exc):  # an error in a slot would leave the event loop running for ever
        traceback.print_exception(*exc)
        os._exit(1)

    sys.excepthook = fail
    figures = {}

    def measure(app, window, run_loop):
        from PySide6.QtCore import QEvent, QObject, QTimer

        def rss():
            with open("/proc/self/status", encoding="ascii") as status:
                line = next(x for x in status if x.startswith("VmRSS:"))
            return int(line.split()[1]) / 1024

        def usable():
            figures["usable"] = time.process_time()
            QTimer.singleShot(SETTLE_MS, settled)

        def settled():
            figures["settled"] = time.process_time()
            figures["rss"] = rss()
            if mode != "bare":  # memory once every step has been visited
                for key in window.view.keys:
                    window.view.show_step(key)
                    app.processEvents()
                figures["visited"] = rss()
                window.close_document()
            app.quit()

        class Probe(QObject):
            def eventFilter(self, watched, event):
                if "mapped" not in figures and event.type() == QEvent.Type.Expose:
                    figures["mapped"] = time.process_time()
                    QTimer.singleShot(0, usable)  # after the expose is painted, the queue empty
                return False

        handle = window.windowHandle()
        if handle.isExposed():
            figures["mapped"] = time.process_time()
            QTimer.singleShot(0, usable)
        probe = Probe()
        handle.installEventFilter(probe)
        return run_loop()

    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("质量奖申报助手")
        window.setCentralWidget(QLabel("质量奖申报助手"))
        window.resize(960, 640)
        window.show()
        measure(app, window, QApplication.exec)  # a static method: no arguments
    else:  # exactly as `qualitydesk demo.qdesk` starts, to its event loop, measured there
        import qualitydesk.cli  # before PySide6, as the program does (PySide6 reads the source of
        # every module imported after it)
        from PySide6.QtWidgets import QApplication
        loop = QApplication.exec

        def measured(app):  # called as app.exec() by qualitydesk.ui.app.run
            main = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
            return measure(app, main[0], loop)

        QApplication.exec = measured
        qualitydesk.cli.main([path])
    print(json.dumps(figures))
""").replace("SETTLE_MS", str(SETTLE_MS))


def _line(name: str, value: float, unit: str, target: float, note: str = "") -> None:
    mark = "ok" if value <= target else "MISSED"
    shown = f"{value:9.2f} {unit:<3}" if unit == "×" else f"{value:9.1f} {unit:<3}"
    print(f"{name:<46} {shown} target ≤ {target:g} {unit}  {mark}{note}")


def _start_once(mode: str, demo: Path, kept: Path | None = None) -> dict[str, float]:
    """One fresh process, with settings of its own (the demo opens on 申请表); ``kept``: the
    copy of forms/ every start but the program's very first finds in the data folder.
    """
    with tempfile.TemporaryDirectory() as home:
        if kept is not None:
            shutil.copy(kept, Path(home) / kept.name)
        env = dict(os.environ, QUALITYDESK_HOME=home)
        out = subprocess.run(
            [sys.executable, "-c", START, mode, str(demo)],
            capture_output=True,
            text=True,
            check=False,
            env=env,
            timeout=TIMEOUT_S,
        )
    if out.returncode != 0:
        raise RuntimeError(f"the {mode} start failed: {out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(demo: Path) -> dict[str, dict[str, float]]:
    """Median figures of :data:`RUNS` fresh processes of each kind, run in turns: QualityDesk as
    on every start but its very first (forms/ read once before, qualitydesk.domain.forms.cache).
    """
    with tempfile.TemporaryDirectory() as home:
        kept = _kept_forms(Path(home))
        runs: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}
        for _ in range(RUNS):
            for mode, found in runs.items():
                found.append(_start_once(mode, demo, kept if mode == "app" else None))
    return {
        mode: {name: statistics.median(r[name] for r in found) for name in found[0]}
        for mode, found in runs.items()
    }


def _kept_forms(home: Path) -> Path:
    """The copy of forms/ the program keeps once it has read it, made in ``home``."""
    script = "from qualitydesk.domain.forms import load_forms; load_forms()"
    env = dict(os.environ, QUALITYDESK_HOME=str(home))
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=TIMEOUT_S)
    from qualitydesk.domain.forms.cache import CACHE_NAME

    return home / CACHE_NAME


def print_start(figures: dict[str, dict[str, float]]) -> None:
    bare, app = figures["bare"], figures["app"]
    print(f"cold start, CPU s, median of {RUNS} fresh processes each   bare PySide6   QualityDesk")
    for name, label in (
        ("mapped", "window mapped"),
        ("usable", "first page usable"),
        ("settled", f"settled ({SETTLE_MS / 1000:g} s later)"),
    ):
        print(f"  {label:<52} {bare[name]:8.3f} s   {app[name]:8.3f} s")
    print(
        f"  {'memory (resident), first page shown':<52} {bare['rss']:8.0f} MB  {app['rss']:8.0f} MB"
    )
    for name, label in (("mapped", "window mapped"), ("usable", "first page usable")):
        _line(f"start, {label}: CPU × bare", app[name] / bare[name], "×", TARGETS["ratio"])
    _line(
        "memory, demo open, every step visited",
        app["visited"],
        "MB",
        TARGETS["memory"],
        f"  (bare PySide6 {bare['rss']:.0f} MB)",
    )


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


def _switch_ms(app: object, view: object, key: str) -> float:
    """CPU milliseconds to show step ``key`` and handle what that posts."""
    start = time.process_time()
    view.show_step(key)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    return (time.process_time() - start) * 1000


def page_switches(app: object, view: object) -> dict[str, float]:
    """Every step visited twice: the first visit builds the page, the second reuses it."""
    first = [_switch_ms(app, view, key) for key in view.keys]  # type: ignore[attr-defined]
    again = [_switch_ms(app, view, key) for key in view.keys]  # type: ignore[attr-defined]
    named = {}
    for name, keys in (
        ("4.1.2 → 4.2.2", ("item:4.1.2", "item:4.2.2")),
        ("4.2.2 → 检查与导出", ("item:4.2.2", "preflight")),
    ):
        runs = []
        for _ in range(5):
            _switch_ms(app, view, keys[0])
            runs.append(_switch_ms(app, view, keys[1]))
        named[name] = statistics.median(runs)
    return {
        "switch": statistics.median(again),
        "slowest": max(again),
        "first": statistics.median(first),
        "first slowest": max(first),
        **named,
    }


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
    switches = page_switches(app, view)
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
    switches["after typing"] = _switch_ms(app, view, "item:4.2.2")
    view.show_step("item:4.1.2")
    durable = _durable_while_typing(app, view, editor)
    window.close_document()
    return {
        "keystroke": statistics.median(keystrokes),
        "slowest": max(keystrokes),
        "durable": durable,
        **{f"switch {k}": v for k, v in switches.items()},
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


def print_in_process(figures: dict[str, float]) -> None:
    _line("page switch, built pages, CPU median", figures["switch switch"], "ms", TARGETS["switch"])
    for name, label in (
        ("switch slowest", "page switch, built pages, CPU slowest"),
        ("switch 4.1.2 → 4.2.2", "page switch 4.1.2 → 4.2.2, CPU"),
        ("switch 4.2.2 → 检查与导出", "page switch 4.2.2 → 检查与导出, CPU"),
        ("switch after typing", "page switch after typing, CPU"),
        ("switch first", "page switch, first visit (builds), CPU median"),
        ("switch first slowest", "page switch, first visit, CPU slowest"),
    ):
        print(f"{label:<46} {figures[name]:9.1f} ms")
    _line("keystroke, autosave armed, median", figures["keystroke"], "ms", TARGETS["keystroke"])
    print(f"{'keystroke, slowest (the one that saves)':<46} {figures['slowest']:9.1f} ms")
    _line("durable after a key, never pausing", figures["durable"], "ms", TARGETS["durable"])


def main() -> None:
    from qualitydesk.domain.forms import load_forms
    from qualitydesk.store.demo import build_demo

    with tempfile.TemporaryDirectory() as folder:
        os.environ["QUALITYDESK_HOME"] = folder
        demo = Path(folder) / "demo.qdesk"
        build_demo(demo, load_forms()).close()
        print_start(cold_start(demo))
        print_in_process(in_process(demo))


if __name__ == "__main__":
    main()
