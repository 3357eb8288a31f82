"""The offline guard: opening a network socket, or resolving a host name, raises and is recorded.

Used by ``tests/conftest.py`` for the whole test run, and by ``tests/test_offline.py`` inside
the subprocesses it starts (``python -c`` with :data:`SUBPROCESS_PRELUDE`). Nothing is allowed,
not even ``AF_UNIX`` or ``socketpair``: the program needs no socket at all.
``socket.gethostname()`` (the machine's name, which the document's lock file records through
``platform.node()``) asks the kernel, not the network, and stays allowed.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOG_VARIABLE = "QUALITYDESK_TEST_NETWORK_LOG"
# Refused before anything is created (socketpair would leave its two descriptors open).
REFUSED = (
    "socketpair",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getnameinfo",
)


class NetworkForbidden(RuntimeError):
    """Something tried to reach the network; QualityDesk must work offline.

    Not an OSError, so code that handles a failing connection cannot mistake it for one.
    """


class SocketGuard:
    """Forbids socket creation and name resolution while installed; remembers every attempt."""

    def __init__(self, log: Path | None = None, allowed: frozenset[int] = frozenset()) -> None:
        """A guard logging each attempt to ``log`` (if any), allowing the ``allowed`` families."""
        self.log = log
        self.allowed = allowed
        self.attempts: list[str] = []
        self._saved: dict[str, Any] = {}

    def install(self) -> None:
        """Patches socket creation and name resolution (a second call does nothing)."""
        if self._saved:
            return
        self._saved["__init__"] = socket.socket.__init__
        original_init = socket.socket.__init__
        guard = self

        def guarded_init(
            sock: socket.socket,
            family: int = -1,
            type: int = -1,  # the name socket.socket uses: callers pass it by keyword
            proto: int = -1,
            fileno: int | None = None,
        ) -> None:
            if family == -1 and fileno is None:
                family = socket.AF_INET
            if family != -1:
                guard.check(family, f"socket({_family_name(family)})")
            original_init(sock, family, type, proto, fileno)
            if family == -1:  # wrapped an existing descriptor: its family is known only now
                try:
                    guard.check(sock.family, f"socket({_family_name(sock.family)}) from a fd")
                except NetworkForbidden:
                    sock.close()
                    raise

        socket.socket.__init__ = guarded_init  # type: ignore[method-assign]
        for name in REFUSED:
            self._saved[name] = getattr(socket, name)
            setattr(socket, name, self._refuse(name))

    def uninstall(self) -> None:
        """Puts back what :meth:`install` replaced."""
        if not self._saved:
            return
        socket.socket.__init__ = self._saved.pop("__init__")  # type: ignore[method-assign]
        for name, original in self._saved.items():
            setattr(socket, name, original)
        self._saved.clear()

    def check(self, family: int, what: str) -> None:
        """Records and refuses ``what`` unless ``family`` is allowed."""
        if family in self.allowed:
            return
        self.record(what)

    def record(self, what: str) -> None:
        """Remembers ``what`` (and logs it), then raises NetworkForbidden."""
        self.attempts.append(what)
        if self.log is not None:
            with self.log.open("a", encoding="utf-8") as f:
                f.write(f"{os.getpid()} {what}\n")
        raise NetworkForbidden(f"network access is forbidden in the tests: {what}")

    def _refuse(self, name: str) -> Callable[..., Any]:
        def refuse(*args: object, **kwargs: object) -> Any:
            self.record(f"{name}{args!r}")

        return refuse

    @contextmanager
    def expecting(self) -> Iterator[list[str]]:
        """For tests of the guard itself: attempts made inside are returned, not held against."""
        before = len(self.attempts)
        caught: list[str] = []
        try:
            yield caught
        finally:
            caught.extend(self.attempts[before:])
            del self.attempts[before:]


def _family_name(family: int) -> str:
    try:
        return socket.AddressFamily(family).name
    except ValueError:
        return str(family)


# Run first in every subprocess of tests/test_offline.py: guard, then hand over to argv.
SUBPROCESS_PRELUDE = """
import os, pathlib, runpy, sys
from tests.helpers.offline import LOG_VARIABLE, SocketGuard
SocketGuard(log=pathlib.Path(os.environ[LOG_VARIABLE])).install()
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""
