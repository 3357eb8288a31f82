"""Offline guarantee: no code path opens a network connection.

In this process the guard of tests/conftest.py forbids sockets for every test. Subprocesses are
not covered by it, so the program's main paths run here in subprocesses that install the same
guard first (tests/helpers/offline.py); where strace works, the system calls are watched too,
which also covers Qt and other native code.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.offline import LOG_VARIABLE, SUBPROCESS_PRELUDE, NetworkForbidden

ROOT = Path(__file__).resolve().parents[1]


def test_the_guard_refuses_sockets_and_name_lookups(network_guard):
    with network_guard.expecting() as caught:
        with pytest.raises(NetworkForbidden, match="network access is forbidden"):
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        with pytest.raises(NetworkForbidden, match="AF_INET6"):
            socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        with pytest.raises(NetworkForbidden, match="AF_INET"):
            socket.socket()
        with pytest.raises(NetworkForbidden, match="gethostbyname"):
            socket.gethostbyname("example.com")
        with pytest.raises(NetworkForbidden, match="socketpair"):
            socket.socketpair()
        with pytest.raises(NetworkForbidden, match="AF_UNIX"):
            socket.socket(socket.AF_UNIX)
    assert len(caught) == 6
    assert socket.gethostname()  # the lock file's host name: no connection, allowed


def test_a_swallowed_attempt_is_still_recorded(network_guard):
    # What careless code might do: swallow the error. The conftest check still sees it.
    with network_guard.expecting() as caught, contextlib.suppress(Exception):
        socket.create_connection(("192.0.2.1", 80))
    assert caught == ["getaddrinfo('192.0.2.1', 80, 0, <SocketKind.SOCK_STREAM: 1>)"]


def test_the_guard_is_not_an_oserror():
    assert not issubclass(NetworkForbidden, OSError)  # "no network" handlers must not eat it


@functools.cache
def _strace() -> str | None:
    """strace, if it is installed and may trace here (containers often forbid ptrace)."""
    found = shutil.which("strace")
    if found is None:
        return None
    probe = subprocess.run(
        [found, "-qq", "-o", os.devnull, "true"], capture_output=True, check=False
    )
    return found if probe.returncode == 0 else None


def run_offline(tmp_path: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``qualitydesk ARGS`` in a subprocess that may not open a socket; the guard's log checked."""
    network_log = tmp_path / "network.log"
    command = [sys.executable, "-c", SUBPROCESS_PRELUDE, "qualitydesk", *args]
    trace = tmp_path / f"strace-{args[0].lstrip('-')}.txt"
    if _strace():
        command = [_strace(), "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *command]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QUALITYDESK_HOME": str(tmp_path / "home"),
        "PYTHONPATH": str(ROOT),
        LOG_VARIABLE: str(network_log),
    }
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert not network_log.exists(), network_log.read_text(encoding="utf-8")
    if _strace():
        assert trace.exists(), done.stderr
        calls = trace.read_text(encoding="utf-8").splitlines()
        network = [c for c in calls if "AF_INET" in c or ("socket(" in c and "AF_UNIX" not in c)]
        assert network == [], network
    return done


@pytest.fixture(scope="module")
def offline_demo(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("offline")
    demo = folder / "demo.qdesk"
    done = run_offline(folder, "demo", str(demo))
    assert done.returncode == 0, done.stderr
    return folder, demo


def test_demo_check_and_export_stay_offline(offline_demo):
    folder, demo = offline_demo
    assert demo.exists()
    check = run_offline(folder, "check", str(demo))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "可以提交" in check.stdout
    pdf = folder / "package.pdf"
    export = run_offline(folder, "export", str(demo), "-o", str(pdf))
    assert export.returncode == 0, export.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_dump_and_load_stay_offline(offline_demo):
    folder, demo = offline_demo
    dumped = folder / "demo.json"
    assert run_offline(folder, "dump", str(demo), "-o", str(dumped)).returncode == 0
    assert run_offline(folder, "load", str(dumped), str(folder / "copy.qdesk")).returncode == 0


@pytest.mark.slow
def test_the_desktop_program_stays_offline(tmp_path):
    done = run_offline(tmp_path, "--smoke-test", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "steps visited" in done.stdout


def test_the_guard_works_in_the_subprocess_too(tmp_path):
    """The wrapper would notice: a subprocess that tries is refused, and its attempt logged."""
    network_log = tmp_path / "network.log"
    code = (
        "import socket, sys\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9))\nexcept Exception:\n    pass\n"
    )
    module = tmp_path / "tries.py"
    module.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SUBPROCESS_PRELUDE, "tries"],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": f"{ROOT}{os.pathsep}{tmp_path}",
            LOG_VARIABLE: str(network_log),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # swallowed …
    assert "getaddrinfo" in network_log.read_text(encoding="utf-8")  # … and still recorded
