"""The program's log: where it is, that it rotates, what it says — and that no content gets in."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from reportlab.platypus.doctemplate import LayoutError

from qualitydesk import log as applog
from qualitydesk.cli import main
from qualitydesk.export import pdf as pdf_module
from qualitydesk.folders import data_folder
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document, DocumentError
from tests.helpers.process import run_offscreen


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """QUALITYDESK_HOME for this test; the log handler is closed afterwards."""
    folder = tmp_path / "home"
    monkeypatch.setenv("QUALITYDESK_HOME", str(folder))
    yield folder
    applog.uninstall()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, forms) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qdesk"
    build_demo(path, forms).close()
    return path


@pytest.fixture(scope="module")
def secrets(demo) -> list[str]:
    """Pieces of the demo's content — field values, tables, narratives, profile, notes."""
    with Document.open(demo, read_only=True) as doc:
        # Yes/no answers are not content (and "True" is also a word of the program's own code).
        values = list(doc.fields().values())
        values += [v for t in doc.table_ids() for row in doc.rows(t) for v in row.values()]
        texts: list[str] = [str(v) for v in values if not isinstance(v, bool)]
        texts += list(doc.narratives().values()) + list(doc.profiles().values())
        texts += [d.statement for d in doc.declarations().values()]
        for score in doc.scores().values():
            texts += [score.strengths, score.opportunities, *score.notes.values()]
    pieces = set()
    for text in texts:
        for raw in re.split(r"[\n|#*>\-]+|[。；，、：]", text):
            piece = raw.strip()
            if len(piece) >= 8 or (len(piece) >= 4 and not piece.replace(".", "").isdigit()):
                pieces.add(piece)
    return sorted(pieces)


def _damaged_copy(demo: Path, folder: Path) -> Path:
    path = folder / "damaged.qdesk"
    data = bytearray(demo.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096 * 7):
        data[offset : offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))
    return path


def _log_text(home: Path) -> str:
    return (home / "logs" / "qualitydesk.log").read_text(encoding="utf-8")


def _assert_no_content(text: str, secrets: list[str]) -> None:
    # A record's own time stamp is not content, though "20:22:32,640" holds the demo's "2,640".
    text = re.sub(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", "", text, flags=re.MULTILINE)
    leaked = [s for s in secrets if s in text]
    assert not leaked, f"content in the log: {leaked[:5]}"


def test_a_failing_check_is_logged_under_qualitydesk_home(home, demo, secrets, tmp_path, capsys):
    damaged = _damaged_copy(demo, tmp_path)
    assert main(["check", str(damaged)]) == 2
    assert "损坏" in capsys.readouterr().err
    text = _log_text(home)
    assert "WARNING qualitydesk [pid" in text
    assert "command failed" in text
    assert f"command: qualitydesk check {damaged}" in text
    assert f"document: {damaged}" in text
    assert re.search(r"Python 3\.\d+\.\d+; PySide6 6\.\d+\.\d+; SQLite 3\.\d+\.\d+", text)
    assert "Traceback (most recent call last):" in text
    assert f"qualitydesk.store.errors.DocumentError: {damaged}：文件已损坏" in text
    _assert_no_content(text, secrets)


def test_an_export_failure_quoting_the_narrative_keeps_it_out(home, demo, secrets, monkeypatch):
    tmp_path = home.parent
    with Document.open(demo, read_only=True) as doc:
        narrative = doc.narrative("4.1.2")

    def fail(*args, **kwargs):  # reportlab names the flowable and its text
        raise LayoutError(f"Flowable <Paragraph>{narrative[:300]} too large on page 5")

    monkeypatch.setattr(pdf_module, "build", fail)
    assert main(["export", str(demo), "-o", str(tmp_path / "out.pdf")]) == 2
    text = _log_text(home)
    assert "reportlab.platypus.doctemplate.LayoutError: [message withheld" in text
    assert "qualitydesk.export.pdf.ExportError: [message withheld" in text
    assert "qualitydesk.cli.common.UsageError: [message withheld" in text
    assert "in _render" in text  # where it happened
    _assert_no_content(text, secrets)


def test_an_export_to_a_missing_folder_names_the_path(home, demo, secrets, tmp_path):
    out = tmp_path / "missing" / "申报材料.pdf"
    assert main(["export", str(demo), "-o", str(out), "--kind", "internal"]) == 2
    text = _log_text(home)
    assert f"command: qualitydesk export {demo} -o {out} --kind …" in text
    assert f"ExportError: {out}：文件夹 {out.parent} 不存在" in text
    _assert_no_content(text, secrets)


def test_values_typed_on_the_command_line_stay_out(home):
    assert main(["new", "x.txt", "--award", "suzhou-mayor", "--org", "王小明的公司", "extra"]) == 2
    text = _log_text(home)
    assert "王小明" not in text
    assert "command: qualitydesk new … --award … --org … …" in text


def test_the_log_rotates(tmp_path):
    path = applog.install(tmp_path, max_bytes=4000, backups=2)
    try:
        for n in range(400):
            applog.logger.info("record %d of the rotation test", n)
    finally:
        applog.uninstall()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["qualitydesk.log", "qualitydesk.log.1", "qualitydesk.log.2"]
    assert all(p.stat().st_size <= 4000 for p in path.parent.iterdir())
    kept = [
        int(number)
        for name in reversed(names)  # oldest first
        for number in re.findall(r"record (\d+) of", (path.parent / name).read_text("utf-8"))
    ]
    assert kept == list(range(kept[0], 400))  # the newest records, none lost between the files
    assert kept[0] > 0  # the oldest went with the third backup
    last = path.read_text(encoding="utf-8").splitlines()[-1]
    assert last.endswith(f" INFO qualitydesk [pid {os.getpid()}] record 399 of the rotation test")


def test_the_default_folder_without_qt(monkeypatch, tmp_path):
    monkeypatch.setenv("QUALITYDESK_HOME", str(tmp_path))
    assert applog.log_path() == tmp_path / "logs" / "qualitydesk.log"
    monkeypatch.delenv("QUALITYDESK_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform.startswith("linux"):
        assert data_folder() == tmp_path / "data" / "QualityDesk" / "QualityDesk"
    assert "PySide6.QtCore" not in _imports_of("qualitydesk.log")
    assert "PySide6.QtCore" not in _imports_of("qualitydesk.folders")


def _imports_of(module: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_redaction_of_arguments_extra_and_messages(tmp_path):
    path = applog.install(tmp_path)
    try:
        applog.logger.info(
            "opened %s after %d ms", "x" * 200, 12, extra={"path": "/a/b.qdesk", "text": "秘密"}
        )
        name, person = "员工名单.xlsx", "王小明"  # in variables: source lines are logged
        try:
            raise DocumentError(f"附件“{name}”的内容已损坏（校验值不符）")
        except DocumentError as exc:
            applog.record_failure(exc)
        try:
            raise KeyError(person)
        except KeyError:
            applog.logger.exception("lookup failed")
    finally:
        applog.uninstall()
    text = path.read_text(encoding="utf-8")
    assert "opened [redacted: 200 characters] after 12 ms | path=/a/b.qdesk" in text
    assert "秘密" not in text
    assert "DocumentError: 附件“…”的内容已损坏（校验值不符）" in text
    assert "KeyError: [message withheld: 5 characters]" in text
    assert "王小明" not in text
    assert "员工名单" not in text


def test_the_redactor_filter_is_on_the_handler(tmp_path):
    applog.install(tmp_path)
    try:
        (handler,) = [h for h in applog.logger.handlers if isinstance(h, applog.LogFile)]
        assert any(isinstance(f, applog.Redactor) for f in handler.filters)
    finally:
        applog.uninstall()
    assert not [h for h in applog.logger.handlers if isinstance(h, applog.LogFile)]


def test_crash_hooks_log_and_show_a_plain_message(tmp_path):
    path = applog.install(tmp_path)
    shown: list[str] = []
    restore = applog.install_excepthooks(shown.append)
    narrative, contact = "高层领导的作用：战略研讨会纪要", "顾晓岚 13915588236"
    try:
        try:
            raise RuntimeError(narrative)
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)

        def worker() -> None:
            raise ValueError(contact)

        thread = threading.Thread(target=worker, name="exporter")
        thread.start()
        thread.join()
    finally:
        restore()
        applog.uninstall()
    assert sys.excepthook is not None
    (message,) = shown  # the thread's exception is logged, not shown off the GUI thread
    assert message.startswith("程序发生了意外错误（RuntimeError）")
    assert str(path) in message
    assert "Traceback" not in message
    text = path.read_text(encoding="utf-8")
    assert "CRITICAL qualitydesk [pid" in text
    assert "unhandled exception\n" in text
    assert "unhandled exception in a thread | kind=exporter" in text
    assert "RuntimeError: [message withheld" in text
    assert "ValueError: [message withheld" in text
    for secret in ("高层领导", "顾晓岚", "13915588236"):
        assert secret not in text


GUI_CRASH = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from qualitydesk.ui import app, messages

    def record(self, parent, title, text):
        print("SHOWN", title, text.replace("\\n", " "), flush=True)
        QApplication.quit()

    messages.Messages.critical = record

    def crash():
        secret = "高层领导的作用：战略研讨会纪要"
        raise RuntimeError(secret)

    app.create_application()
    QTimer.singleShot(0, crash)
    sys.exit(app.run(sys.argv[1]))
""")


def test_a_crash_in_the_desktop_program_shows_a_message_through_messages(demo, tmp_path):
    copy = tmp_path / "demo.qdesk"
    shutil.copy(demo, copy)
    done = run_offscreen(["-c", GUI_CRASH, str(copy)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "SHOWN 质量奖申报助手 QualityDesk 程序发生了意外错误（RuntimeError）" in done.stdout
    assert "Traceback" not in done.stderr
    text = (tmp_path / "logs" / "qualitydesk.log").read_text(encoding="utf-8")
    assert "unhandled exception" in text
    assert "command: qualitydesk (desktop)" in text
    assert f"document: {copy}" in text
    assert "in crash" in text
    assert "高层领导" not in text
