"""The writer lock: at most one QualityDesk edits a document at a time.

Ownership is decided by an operating-system lock on a file beside the document
(``app.qdesk.lock``): ``flock`` on POSIX, ``msvcrt.locking`` on Windows. The operating system
releases it when the holder ends, however it ends (closed, crashed, killed, power cut), so a lock
left behind by a process that is gone — or whose PID now belongs to another program — is simply
free: nothing is decided by reading PIDs, and no lock file another process holds is ever deleted.

The holder writes who it is (host, user, PID, time) into the file; that is read only to tell
the user who has the document open.

On some network shares the OS lock may not reach other machines, or be a no-op. SQLite's own
locking is then the last line: every save is one transaction, so where the share honours
SQLite's locks two writers never interleave within a save (the later save still wins).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import platform
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

SUFFIX = ".lock"
# Windows locks bytes, and locked bytes cannot be read by others: lock one byte far past the
# description so that it stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20
_ATTEMPTS = 5  # a holder that releases while we take the lock leaves us a deleted file: retry


def lock_path(document: Path) -> Path:
    """The lock file of ``document``: its name with :data:`SUFFIX` added (``app.qdesk.lock``)."""
    return document.with_name(document.name + SUFFIX)


class WriterLock:
    """The lock file beside ``document``; :meth:`acquire` makes this process the one writer."""

    def __init__(self, document: Path) -> None:
        self.path = lock_path(document)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this process holds the lock (False also when no lock file could be made and
        :meth:`acquire` let it write anyway).
        """
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if no other process has it; True when this process may write."""
        if self.held:
            return True
        for _ in range(_ATTEMPTS):
            fd, writable = _open(self.path)
            if fd is None:
                # No lock file can be made here (a read-only medium or folder the caller did
                # not detect): nobody else can make one either; SQLite's locking still guards.
                return True
            if not _try_lock(fd):
                os.close(fd)
                return False
            if not _same_file(fd, self.path):
                # The previous holder deleted the file between our open and our lock: the file
                # we locked is no longer the lock file. Try again with the one now at the path.
                os.close(fd)
                continue
            if not writable and _replace_foreign(fd, self.path):
                continue  # a lock file left by another user, now removed: make our own
            self._fd = fd
            self._describe()
            return True
        return False

    def _describe(self) -> None:
        assert self._fd is not None
        info = json.dumps(
            {
                "app": "QualityDesk",
                "host": platform.node(),
                "user": _user(),
                "pid": os.getpid(),
                "opened": datetime.now().astimezone().isoformat(timespec="seconds"),
            },
            ensure_ascii=False,
        ).encode("utf-8")
        with contextlib.suppress(OSError):  # the description only feeds a message
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.ftruncate(self._fd, 0)
            os.write(self._fd, info)

    def holder(self) -> str:
        """Who has the document open, as the holder described itself; "" when unknown."""
        info = self._read_description()
        try:
            pid, host = int(info["pid"]), str(info["host"])
        except (KeyError, TypeError, ValueError):
            return ""
        user, opened = str(info.get("user") or ""), str(info.get("opened") or "")
        where = "本机" if host == platform.node() else f"计算机 {host}"
        who = f"，用户 {user}" if user else ""
        since = f"，{opened[:16].replace('T', ' ')} 起" if opened else ""
        return f"{where}{who}，进程 {pid}{since}"

    def busy_reason(self) -> str:
        """The read-only reason of a document this process could not lock."""
        info = self._read_description()
        if info.get("host") == platform.node() and info.get("pid") == os.getpid():
            return "该文件已在本程序的另一个窗口中打开，这里以只读方式打开；请在那个窗口中编辑"
        holder = self.holder()
        who = f"（{holder}）" if holder else ""
        return (
            f"该文件正由另一个 QualityDesk{who}打开，已以只读方式打开；"
            "请在那里关闭该文件后再重新打开，即可编辑"
        )

    def _read_description(self) -> dict[str, Any]:
        for _ in range(3):  # a holder that has just taken the lock may not have written yet
            with contextlib.suppress(OSError, ValueError):
                info = json.loads(self.path.read_bytes()[:4096].decode("utf-8"))
                if isinstance(info, dict):
                    return info
            time.sleep(0.02)
        return {}

    def release(self) -> None:
        """Give the lock up and remove the lock file (only if it is still ours)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":
            # Windows cannot delete a file that is open; unlocking first is safe because a
            # process that takes the lock meanwhile has the file open, so the delete fails.
            _unlock(fd)
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        # POSIX: delete while still holding the lock, so no one can have taken it in between;
        # a process that opened the old file meanwhile sees it is deleted and retries.
        if _same_file(fd, self.path):
            with contextlib.suppress(OSError):
                self.path.unlink()
        os.close(fd)  # releases the lock


def _open(path: Path) -> tuple[int | None, bool]:
    """The lock file opened for locking, and whether we may write our description into it."""
    flags = os.O_CREAT | getattr(os, "O_BINARY", 0)
    try:
        return os.open(path, os.O_RDWR | flags, 0o644), True
    except PermissionError:
        pass  # left by another user: a read-only descriptor can be locked just as well
    except OSError:
        return None, False
    try:
        return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0)), False
    except OSError:
        return None, False


def _replace_foreign(fd: int, path: Path) -> bool:
    """Remove a lock file we hold but cannot write (another user's, left when it ended).

    True when it was removed (and ``fd`` closed): the caller then creates its own. Safe for the
    same reason as :meth:`WriterLock.release`: we hold the lock while deleting.
    """
    if sys.platform == "win32":
        return False  # an open file cannot be deleted there; keep the old description
    try:
        path.unlink()
    except OSError:
        return False  # e.g. a sticky folder: keep the lock, without a description of ours
    os.close(fd)
    return True


def _try_lock(fd: int) -> bool:
    """Lock without waiting; False when another process (or open file) holds the lock."""
    if sys.platform == "win32":
        try:
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:  # EACCES / EDEADLOCK: locked by another process
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        # The file system cannot lock at all (ENOLCK, EOPNOTSUPP on some shares): act as the
        # writer; SQLite's locking is the last line (see the module docstring).
        return True
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        with contextlib.suppress(OSError):
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
