"""One writer, really: the writer lock is taken atomically, and dies with its holder.

Two processes race to open one file for writing, round after round; in every round exactly one
gets to write. A lock file left behind by a process that is gone, or naming a PID that now
belongs to another program, is taken over; a lock another process holds is never deleted.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qualitydesk.store import lock as lock_module
from qualitydesk.store.document import Document
from qualitydesk.store.lock import WriterLock, lock_path

ROUNDS = 50

# A small process that imports only the store. On "open T" it waits until the clock reads T (so
# both racers start together), opens the file and says whether it writes; on "close" it closes.
RACER = textwrap.dedent("""
    import sys, time
    from qualitydesk.store.document import Document

    doc = None
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "open":
            start = float(arg)
            while time.time() < start:
                pass
            doc = Document.open(sys.argv[1])
            role = "reader " + doc.read_only_reason if doc.read_only else "writer"
            print(role, flush=True)
        elif command == "close":
            doc.close()
            print("closed", flush=True)
""")

# Holds the file open for writing until its stdin closes.
HOLDER = textwrap.dedent("""
    import sys
    from qualitydesk.store.document import Document

    doc = Document.open(sys.argv[1])
    print("writer" if not doc.read_only else "reader", flush=True)
    sys.stdin.read()
    doc.close()
""")


@pytest.fixture
def app(tmp_path: Path) -> Path:
    path = tmp_path / "申报.qdesk"
    Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
        org_name="苏州澄远精密科技有限公司",
    ).close()
    return path


def _python(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def holder(app: Path) -> Iterator[subprocess.Popen[str]]:
    """Another QualityDesk process with ``app`` open for writing."""
    process = _python(HOLDER, str(app))
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "writer"
        yield process
    finally:
        process.communicate("", timeout=30)  # also closes the pipes of one the test killed


def _say(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdin is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()


def _hear(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    return process.stdout.readline().strip()


def test_two_processes_racing_never_both_write(app):
    racers = [_python(RACER, str(app)) for _ in range(2)]
    try:
        assert [_hear(r) for r in racers] == ["ready", "ready"]
        writers_per_round = []
        for _ in range(ROUNDS):
            start = time.time() + 0.02
            for racer in racers:
                _say(racer, f"open {start}")
            roles = [_hear(racer) for racer in racers]
            writers_per_round.append(roles.count("writer"))
            for racer, role in zip(racers, roles, strict=True):
                if role != "writer":
                    other = racers[1 - racers.index(racer)]
                    assert f"进程 {other.pid}" in role  # the reader is told who writes
            for racer in racers:
                _say(racer, "close")
            assert [_hear(r) for r in racers] == ["closed", "closed"]
    finally:
        for racer in racers:
            racer.communicate("", timeout=30)
    assert writers_per_round.count(2) == 0, f"two writers in {writers_per_round.count(2)} rounds"
    assert writers_per_round == [1] * ROUNDS
    assert not lock_path(app).exists()


def _stale_lock(app: Path, pid: int) -> Path:
    """A lock file as a QualityDesk that ended without closing leaves it: no OS lock held."""
    path = lock_path(app)
    info = {"app": "QualityDesk", "host": socket.gethostname(), "pid": pid, "user": "王工"}
    path.write_text(json.dumps(info, ensure_ascii=False), "utf-8")
    return path


def _pid_of_an_ended_process() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


@pytest.mark.parametrize(
    "pid",
    [
        pytest.param(_pid_of_an_ended_process, id="dead-pid"),
        pytest.param(os.getpid, id="pid-reused-by-this-test-runner"),
        pytest.param(os.getppid, id="pid-reused-by-another-program"),
    ],
)
def test_a_stale_lock_file_is_taken_over(app, pid):
    path = _stale_lock(app, pid())
    with Document.open(app) as doc:
        assert not doc.read_only, doc.read_only_reason
        assert json.loads(path.read_text("utf-8"))["pid"] == os.getpid()  # now ours
    assert not path.exists()


def test_the_lock_of_a_killed_holder_is_free_at_once(app, holder):
    with Document.open(app) as doc:
        assert doc.read_only
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert lock_path(app).exists()  # left behind, naming a process that is gone
    with Document.open(app) as doc:
        assert not doc.read_only, doc.read_only_reason


def test_the_message_names_who_holds_the_file(app, holder):
    with Document.open(app) as doc:
        reason = doc.read_only_reason
    assert doc.read_only
    assert f"进程 {holder.pid}" in reason
    assert "本机" in reason
    assert "只读" in reason  # what happened
    assert "关闭" in reason  # and what to do
    assert "删除" not in reason  # never: delete the lock file
    assert ".lock" not in reason
    assert "Error" not in reason
    assert len(reason.splitlines()) == 1


def test_the_message_names_the_other_computer_and_user(app, tmp_path):
    other = WriterLock(app)
    description = {"host": "财务部-PC", "pid": 4242, "user": "王工", "opened": "2026-05-15T09:30"}
    other.path.write_text(json.dumps(description, ensure_ascii=False), "utf-8")
    assert other.holder() == "计算机 财务部-PC，用户 王工，进程 4242，2026-05-15 09:30 起"


def test_a_second_window_of_this_program_opens_read_only(app):
    with Document.open(app) as first, Document.open(app) as second:
        assert not first.read_only
        assert second.read_only
        assert "本程序的另一个窗口" in second.read_only_reason
    assert not lock_path(app).exists()


def test_a_reader_closing_leaves_the_holders_lock_alone(app, holder):
    before = lock_path(app).read_bytes()
    for _ in range(3):
        Document.open(app).close()  # lock-busy: read-only
        Document.open(app, read_only=True).close()
    assert lock_path(app).read_bytes() == before
    with Document.open(app) as doc:
        assert doc.read_only  # still held


def test_a_writer_never_deletes_a_lock_file_that_is_no_longer_its_own(app):
    first = Document.open(app)
    lock_path(app).unlink()  # someone deleted the lock file by hand
    second = _python(HOLDER, str(app))
    try:
        assert _hear(second) == "writer"
        first.close()
        assert json.loads(lock_path(app).read_text("utf-8"))["pid"] == second.pid
    finally:
        second.communicate("", timeout=30)
    assert not lock_path(app).exists()


def test_where_the_file_system_cannot_lock_the_writer_still_opens(app, monkeypatch):
    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module.fcntl, "flock", no_locks)
    with Document.open(app) as doc:
        assert not doc.read_only  # SQLite's own locking is the last line (see lock.py)
    assert not lock_path(app).exists()


def test_a_lock_file_another_user_left_is_taken_over(app, monkeypatch):
    # (Tests run as root, for whom permissions do not apply: refuse as for an ordinary user.)
    stale = _stale_lock(app, _pid_of_an_ended_process())
    real_open, refused = os.open, []

    def open_as_another_user(file, flags, *args):
        if Path(file) == stale and flags & os.O_RDWR and not refused:
            refused.append(file)
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, flags, *args)

    monkeypatch.setattr(lock_module.os, "open", open_as_another_user)
    with Document.open(app) as doc:
        assert not doc.read_only, doc.read_only_reason
        assert refused
        assert json.loads(stale.read_text("utf-8"))["pid"] == os.getpid()  # a file of our own
    assert not stale.exists()
