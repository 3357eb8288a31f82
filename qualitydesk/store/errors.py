"""The store's one error, and how a failure of SQLite or of the disk is put to the user.

Every public call of the store raises :class:`DocumentError` (or a subclass) with a Chinese
message naming the file, never a bare ``sqlite3.Error`` or ``OSError``. :func:`saving` and
:func:`reading` wrap the calls that touch the file and say, from SQLite's result code, what went
wrong: a full disk, a file that cannot be written, a file another program holds locked, a disk
that fails, or a file damaged while it was open.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) that a user can act on.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
KEPT = "修改仍保留在程序中"


class DocumentError(Exception):
    """A document cannot be opened, read or saved; the message says why, in Chinese."""


def sqlite_code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code of ``exc``, read from its message where Python gives none."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    if code is not None and not text.startswith("no such table"):
        return int(code) & 0xFF
    for words, found in (
        ("full", SQLITE_FULL),
        ("readonly", SQLITE_READONLY),
        ("read-only", SQLITE_READONLY),
        ("locked", SQLITE_BUSY),
        ("not a database", SQLITE_NOTADB),
        ("malformed", SQLITE_CORRUPT),
        ("disk i/o", SQLITE_IOERR),
        ("no such table", SQLITE_CORRUPT),  # the file was emptied under the open document
    ):
        if words in text:
            return found
    return None


def damaged(path: Path, doing: str) -> str:
    """The message of a file found damaged (overwritten or truncated) while it was open."""
    return f"{path}：文件在打开期间被其他程序改写或截断，已损坏，{doing}"


def save_failure(path: Path, exc: sqlite3.Error | OSError) -> str:
    """The message of a save of ``path`` that failed with ``exc``: why, and that nothing is lost."""
    code = sqlite_code(exc) if isinstance(exc, sqlite3.Error) else None
    if code == SQLITE_FULL:
        return f"{path}：磁盘空间不足，未能保存；{KEPT}，腾出空间后会再次保存"
    if code == SQLITE_READONLY:
        return f"{path}：文件不可写，未能保存；{KEPT}"
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return f"{path}：文件正被其他程序占用，未能保存；{KEPT}，稍后会再次保存"
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, f"未能保存；{KEPT}，请勿关闭程序，先把内容复制出来")
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or isinstance(exc, OSError):
        return f"{path}：读写文件时出错（磁盘、U 盘或网络共享故障），未能保存；{KEPT}"
    return f"{path}：未能保存（{exc}）；{KEPT}"


def read_failure(path: Path, exc: sqlite3.Error | OSError, what: str = "文件") -> str:
    """The message of a read of ``what`` in ``path`` that failed with ``exc``."""
    code = sqlite_code(exc) if isinstance(exc, sqlite3.Error) else None
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return f"{path}：文件正被其他程序占用，暂时无法读取{what}，请稍后再试"
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, f"无法读取{what}")
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or isinstance(exc, OSError):
        return f"{path}：读取{what}时出错（磁盘、U 盘或网络共享故障）"
    return f"{path}：无法读取{what}（{exc}）"


@contextlib.contextmanager
def saving(path: Path) -> Iterator[None]:
    """Within the block a failing write of ``path`` raises DocumentError saying why."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise DocumentError(save_failure(path, exc)) from None


@contextlib.contextmanager
def reading(path: Path, what: str = "文件") -> Iterator[None]:
    """Within the block a failing read of ``what`` in ``path`` raises DocumentError saying why."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise DocumentError(read_failure(path, exc, what)) from None
