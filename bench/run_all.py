"""Every benchmark in one table: start-up, typing, autosave, open, export, memory — against targets.

Runs bench/textmetrics.py, bench/store.py, bench/ui.py and bench/export.py one after the other
(each in its own process, with the project's .venv Python, offscreen, once the writes of the one
before have reached the disk), reads the figures from their output and prints one table: figure,
value, target, ok. Figures without a target are shown for information. Exit status 1 when a
target is missed, a script fails or a figure cannot be found.

Run: .venv/bin/python bench/run_all.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ("textmetrics", "store", "ui", "export")
TIMEOUT_S = 900
SETTLE_S = 5

# One figure: the table's wording, the script that measures it, the label of its output line.
FIGURES = (
    ("start-up: window mapped, CPU × bare PySide6", "ui", r"start, window mapped"),
    ("start-up: first page usable, CPU × bare PySide6", "ui", r"start, first page usable"),
    ("typing: one keystroke, autosave armed", "ui", r"keystroke, autosave armed"),
    ("typing: durable after a key, never pausing", "ui", r"durable after a key"),
    ("typing: live count of 60,000 characters", "textmetrics", r"count, median"),
    ("autosave: save one field", "store", r"save one field"),
    ("open: the demo application", "store", r"open demo"),
    ("page switch: built pages, CPU", "ui", r"page switch, built pages, CPU median"),
    ("export: demo package PDF", "export", r"demo package"),
    ("export: ours / LibreOffice, same content", "export", r"ratio ours / LibreOffice"),
    ("export: peak memory, demo (fresh process)", "export", r"peak memory, demo export"),
    ("export: package size", "export", r"size"),
    ("export: demo package as Word (.docx)", "export", r"word copy \.docx"),
    ("import: that Word copy into a new file", "export", r"word import \.docx"),
    ("export scaling: time added, demo text 2× / 1×", "export", r"text time ratio 2x"),
    ("export scaling: time added, demo text 4× / 1×", "export", r"text time ratio 4x"),
    ("export scaling: time added, one paragraph 2× / 1×", "export", r"paragraph time ratio 2x"),
    ("export scaling: time added, one paragraph 4× / 1×", "export", r"paragraph time ratio 4x"),
    ("memory: demo open, every step visited", "ui", r"memory, demo open"),
)
INFO = (
    ("start-up CPU, window mapped: bare PySide6, ours", "ui", r"window mapped"),
    ("start-up CPU, first page usable: bare, ours", "ui", r"first page usable"),
    ("start-up CPU, settled 1.5 s later: bare, ours", "ui", r"settled"),
    ("page switch 4.1.2 → 4.2.2 (CPU)", "ui", r"page switch 4\.1\.2"),
    ("page switch 4.2.2 → 检查与导出 (CPU)", "ui", r"page switch 4\.2\.2"),
    ("page switch after typing (CPU)", "ui", r"page switch after typing"),
    ("page switch, first visit (builds, CPU)", "ui", r"page switch, first visit \(builds\), CPU"),
    ("typing: the slowest keystroke (it saves)", "ui", r"keystroke, slowest"),
    ("autosave: 1,000 coalesced edits", "store", r"1,000 coalesced edits"),
    ("document file size", "store", r"file size"),
    ("count, 95th percentile", "textmetrics", r"count, 95th percentile"),
    ("export: package pages", "export", r"pages"),
    ("export: internal report", "export", r"internal report"),
    ("import: peak memory of the Word import", "export", r"peak memory, word import"),
    ("export: demo text 0×, 1×, 2×, 4× (CPU)", "export", r"demo text scaling"),
    ("export: one paragraph of 0–400,000 字 (CPU)", "export", r"one paragraph scaling"),
    ("LibreOffice .docx → PDF, same text", "export", r"LibreOffice \.docx -> PDF"),
)

_NUMBER = r"(?P<value>[-+]?\d[\d,]*(?:\.\d+)?)"
_UNIT = r"(?P<unit>ms|s|MiB|MB|KB|×)?"
_TARGET = re.compile(
    r"target\s*(?P<op><|≤)\s*(?P<target>\d+(?:\.\d+)?)\s*(?P<tunit>ms|s|MiB|MB|KB|×)?\s+"
    r"(?P<mark>ok|MISSED)\b"
)
# Figures that a script leaves out for a reason it prints (skipped, not missed): the label's
# regular expression → what the output then says.
SKIPPED_WHEN = {r"ratio ours / LibreOffice": "LibreOffice (soffice) is not installed"}
_VALUE = re.compile(rf"^\s*{_NUMBER}\s*{_UNIT}\b")


@dataclass
class Figure:
    name: str
    value: str = "—"
    target: str = ""
    ok: bool | None = None  # None: no target (shown for information)
    problem: str = ""


@dataclass
class Output:
    """One script's run: its output lines, or why there are none."""

    lines: list[str]
    error: str = ""


def python() -> str:
    """The project's virtual-environment Python, or this one when there is no .venv."""
    for candidate in (ROOT / ".venv" / "bin" / "python", ROOT / ".venv" / "Scripts" / "python.exe"):
        if candidate.exists():
            return str(candidate)
    return sys.executable


def settle() -> None:
    """Let the writes of the script before reach the disk, so that they do not land on the next
    one's figures (bench/store.py writes and syncs a great deal; the start-up that follows it was
    up to a third slower, and ours more than bare PySide6's, while the system wrote them out).
    """
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(SETTLE_S)


def run_script(name: str) -> Output:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    script = ROOT / "bench" / f"{name}.py"
    try:
        done = subprocess.run(
            [python(), str(script)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Output([], f"bench/{name}.py did not finish within {TIMEOUT_S} s")
    lines = done.stdout.splitlines()
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["(no error output)"])[-1]
        return Output(lines, f"bench/{name}.py exited with {done.returncode}: {tail}")
    return Output(lines)


def _find_line(lines: list[str], label: str) -> int | None:
    pattern = re.compile(rf"^\s*{label}\b", re.IGNORECASE)
    return next((i for i, line in enumerate(lines) if pattern.search(line)), None)


def parse_figure(name: str, label: str, output: Output, *, needs_target: bool) -> Figure:
    """Read one figure: the number after the label, and its target on that line or below it."""
    figure = Figure(name)
    index = _find_line(output.lines, label)
    if index is None:
        figure.problem = output.error or "not found in the output"
        figure.ok = False if needs_target else None
        return figure
    line = output.lines[index]
    rest = _after_label(line, label)
    value = _VALUE.search(rest)
    if not needs_target:  # information: the whole line after the label
        figure.value = " ".join(rest.split())
        return figure
    figure.value = f"{value['value']} {value['unit'] or ''}".strip() if value else rest.strip()
    target = _TARGET.search(line) or _following_target(output.lines, index)
    if target is None:
        figure.problem, figure.ok = "no target in the output", False
        return figure
    unit = target["tunit"] or (value["unit"] if value else "") or ""
    figure.target = f"{target['op']} {target['target']} {unit}".strip()
    inclusive = target["op"] == "≤"
    figure.ok = target["mark"] == "ok" and _below(figure.value, target["target"], inclusive)
    return figure


def _after_label(line: str, label: str) -> str:
    """What follows the label: the scripts pad labels to a column, so after the first wide gap."""
    start = re.match(rf"\s*{label}", line, re.IGNORECASE)
    tail = line[start.end() :] if start else line
    gap = re.search(r"\s{2,}", tail)
    return tail[gap.end() :] if gap else tail


def _following_target(lines: list[str], index: int) -> re.Match[str] | None:
    """A ``target < 2.0 ms  ok`` line after the figure (bench/textmetrics.py prints it so)."""
    for line in lines[index + 1 :]:
        if line.lstrip().lower().startswith("target"):
            return _TARGET.search(line)
    return None


def _below(value: str, target: str, inclusive: bool = False) -> bool:
    """Check the script's own verdict against the numbers (a mismatch counts as missed)."""
    match = re.match(r"[-+]?\d[\d,]*(?:\.\d+)?", value)
    if match is None:
        return False
    number = float(match.group().replace(",", ""))
    return number <= float(target) if inclusive else number < float(target)


def collect(outputs: dict[str, Output]) -> list[Figure]:
    figures = [
        parse_figure(name, label, outputs[script], needs_target=True)
        for name, script, label in FIGURES
        if not _skipped(label, outputs[script])
    ]
    for name, script, label in INFO:
        figure = parse_figure(name, label, outputs[script], needs_target=False)
        if not figure.problem:  # e.g. the LibreOffice comparison when it is not installed
            figures.append(figure)
    return figures


def _skipped(label: str, output: Output) -> bool:
    reason = SKIPPED_WHEN.get(label)
    return reason is not None and any(reason in line for line in output.lines)


def table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "target", "ok")]
    for f in figures:
        mark = {True: "ok", False: "MISSED", None: ""}[f.ok]
        rows.append((f.name, f.value, f.target or "—", f"{mark} {f.problem}".strip()))
    widths = [max(_width(row[i]) for row in rows) for i in range(3)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[i] + " " * (widths[i] - _width(row[i])) for i in range(3)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in [*widths, 6]))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns on a terminal: wide (CJK) and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def main() -> int:
    outputs: dict[str, Output] = {}
    started = time.perf_counter()
    for name in SCRIPTS:
        settle()
        print(f"running bench/{name}.py …", file=sys.stderr, flush=True)
        outputs[name] = run_script(name)
        if outputs[name].error:
            print(f"  {outputs[name].error}", file=sys.stderr)
    figures = collect(outputs)
    print(table(figures))
    missed = [f for f in figures if f.ok is False]
    took = time.perf_counter() - started
    verdict = f"{len(missed)} missed" if missed else "every target met"
    print(f"\n{verdict} ({len(SCRIPTS)} scripts, {took:.0f} s)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
