"""Writes that never destroy: every file the program writes, it writes through here.

A file is written to a temporary file in the target's own folder, flushed to the disk and renamed
onto the target in one step (``os.replace``), so the target is always either the old file or the
complete new one; after any failure — a full disk, a folder that is not writable, an error while
building — the temporary file is removed and the target is exactly as it was.

:func:`check_target` decides beforehand whether a target may be written at all: never the source
being read, never a QualityDesk application file (or one of its -wal/-shm/.lock companions) as
the output of an export, never an existing file without ``force`` (``--force`` on the command
line; the GUI's file dialog asks instead), never into a folder that does not exist, and never over
an application file that another QualityDesk has open.

:func:`write_bytes` / :func:`write_text` write a whole file; :func:`new_document` builds a new
application file under a temporary name and moves it into place only when it is complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from qualitydesk.store import schema
from qualitydesk.store.errors import DocumentError
from qualitydesk.store.lock import WriterLock
from qualitydesk.store.opening import SQLITE_HEADER

DOCUMENT_SUFFIX = ".qdesk"
COMPANIONS = ("-wal", "-shm", "-journal", ".lock")  # files SQLite and the lock keep beside one
NEW_FILE_MODE = 0o644
NEARLY_FULL = 1024 * 1024  # free bytes below which a failing write is put down to a full disk
_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_DENIED = (errno.EACCES, errno.EPERM)
_MEDIUM = {*_FULL, *_DENIED, errno.EROFS, errno.EIO, errno.EFBIG}
# SQLite's primary result codes for a failing medium (sqlite3.Error.sqlite_errorcode & 0xFF).
_SQLITE_ERRNO = {13: errno.ENOSPC, 8: errno.EROFS, 3: errno.EACCES, 14: errno.EACCES, 10: errno.EIO}


class WriteError(DocumentError):
    """A file cannot, or must not, be written; the message names it, says why and what to do."""


# --- may this be written? ---------------------------------------------------------------------


def is_document(path: Path) -> bool:
    """True for a QualityDesk application file: by its extension, or by its SQLite header."""
    if path.suffix.lower() == DOCUMENT_SUFFIX:
        return True
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError:
        return False
    return (
        header.startswith(SQLITE_HEADER)
        and len(header) == 100
        and int.from_bytes(header[68:72], "big") == schema.APPLICATION_ID
    )


def check_target(
    target: str | os.PathLike[str],
    *,
    source: str | os.PathLike[str] | None = None,
    force: bool = False,
    document: bool = False,
) -> Path:
    """The path to write for ``target`` (a link is followed), or WriteError saying why not.

    ``source`` is the file being read (never written over); ``document`` is True when a new
    application file is being made (an existing one is then replaced with ``force`` only when no
    QualityDesk has it open), False for an export (which never goes onto an application file).
    """
    target = Path(target)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    _check_folder(target)
    if source is not None and _same_file(target, Path(source)):
        what = "申报文件" if is_document(Path(source)) else "源文件"
        raise WriteError(f"{target}：这是{what}本身，不能覆盖它；请换一个文件名")
    _check_companion(target)
    if not document and is_document(target):
        if target.exists():
            raise WriteError(
                f"{target}：这是 QualityDesk 申报文件，不能用导出的内容覆盖；请换一个文件名"
            )
        raise WriteError(
            f"{target}：.qdesk 是申报文件的扩展名，导出的文件请换一个扩展名（如 .json、.pdf）"
        )
    if not target.exists():
        return target
    if not stat.S_ISREG(target.stat().st_mode):
        raise WriteError(f"{target}：不是普通文件，不能写入；请换一个文件名")
    if not force:
        raise WriteError(f"{target}：文件已存在；如要替换，请加 --force")
    if document:
        _check_not_open(target)
    return target


def _check_folder(target: Path) -> None:
    if target.is_dir():
        raise WriteError(f"{target}：是一个文件夹，请给出文件名")
    folder = target.parent
    if not folder.exists():
        raise WriteError(f"{target}：文件夹 {folder} 不存在；请先建立该文件夹，或换一个位置")
    if not folder.is_dir():
        raise WriteError(f"{target}：{folder} 不是文件夹；请换一个位置")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WriteError(
            f"{target}：没有写入权限（文件夹 {folder} 只读或不允许写入）；"
            "请换一个可写的文件夹，或检查该文件夹的权限"
        )


def _same_file(target: Path, source: Path) -> bool:
    if target.exists() and source.exists():
        with contextlib.suppress(OSError):
            return os.path.samefile(target, source)
    return os.path.normcase(target.resolve()) == os.path.normcase(source.resolve())


def _check_companion(target: Path) -> None:
    for suffix in COMPANIONS:
        if target.name.endswith(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if base.is_file() and is_document(base):
                raise WriteError(
                    f"{target}：这是申报文件 {base.name} 的配套文件，不能覆盖；请换一个文件名"
                )


def _check_not_open(target: Path) -> None:
    lock = WriterLock(target)
    if not lock.acquire():
        raise _busy(target, lock)
    lock.release()


def _busy(target: Path, lock: WriterLock) -> WriteError:
    holder = lock.holder()
    who = f"（{holder}）" if holder else ""
    return WriteError(
        f"{target}：该文件正由 QualityDesk{who}打开，不能替换；请先在那里关闭它，或换一个文件名"
    )


# --- writing ----------------------------------------------------------------------------------


def write_text(target: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``target`` (already checked by :func:`check_target`)."""
    write_bytes(target, text.encode("utf-8"), force=force)


def write_bytes(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it; all or nothing.

    ``target`` has been checked by :func:`check_target`; without ``force`` a file that appeared
    there meanwhile is still not replaced.
    """
    existed = target.exists()
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(failure(target, exc, existed=existed)) from exc
    temp = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if not force and target.exists():
            raise WriteError(f"{target}：文件已存在；如要替换，请加 --force")
        _settle(temp, target)
    except OSError as exc:
        _remove(temp)
        raise WriteError(failure(target, exc, existed=existed)) from exc
    except BaseException:
        _remove(temp)
        raise


@contextlib.contextmanager
def new_document(
    target: str | os.PathLike[str],
    *,
    force: bool = False,
    source: str | os.PathLike[str] | None = None,
) -> Iterator[Path]:
    """Build a new application file: the caller makes it, closed, at the path yielded.

    The path is in a private temporary folder beside ``target``; when the block ends without an
    error the file is flushed and moved onto ``target`` (holding ``target``'s writer lock, so no
    QualityDesk opens it meanwhile); whatever happens the temporary folder, with any -wal, -shm
    or .lock of the half-made file, is removed. A failure of the medium while building (a full
    disk, say) is reported against ``target``.
    """
    target = check_target(target, source=source, force=force, document=True)
    existed = target.exists()
    try:
        folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as exc:
        raise WriteError(failure(target, exc, existed=existed)) from exc
    try:
        temp = folder / target.name
        yield temp
        _fsync(temp)
        if not force and target.exists():
            raise WriteError(f"{target}：文件已存在；如要替换，请加 --force")
        _move_document(temp, target, folder)
    except (OSError, sqlite3.Error) as exc:
        raise WriteError(failure(target, exc, existed=existed)) from exc
    except DocumentError as exc:  # e.g. a save that failed: say it of the target, if the medium
        cause = _medium_failure(exc)
        if cause is None:
            raise
        raise WriteError(failure(target, cause, existed=existed)) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _move_document(temp: Path, target: Path, folder: Path) -> None:
    """Move the finished file onto ``target``; an old file's companions go with the old file."""
    lock = WriterLock(target)
    if not lock.acquire():
        raise _busy(target, lock)
    parked: list[tuple[Path, Path]] = []
    try:
        # A -wal left beside an old file would be read as part of the new one: park it with
        # the temporary folder (deleted with it), or put it back if the move fails.
        for suffix in ("-wal", "-shm", "-journal"):
            companion = target.with_name(target.name + suffix)
            if companion.exists():
                os.replace(companion, folder / f"old{suffix}")
                parked.append((folder / f"old{suffix}", companion))
        _settle(temp, target)
    except OSError:
        for old, companion in parked:
            with contextlib.suppress(OSError):
                os.replace(old, companion)
        raise
    finally:
        lock.release()


def _settle(temp: Path, target: Path) -> None:
    """Give ``temp`` the old file's permissions (or a new file's), rename it, sync the folder."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = NEW_FILE_MODE
    os.chmod(temp, mode)
    os.replace(temp, target)
    _fsync_folder(target.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows syncing a folder (not on Windows)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


# --- saying what went wrong -------------------------------------------------------------------


def failure(target: Path, exc: BaseException, *, existed: bool) -> str:
    """One line: what failed at ``target``, that the old file is untouched, and what to do."""
    code = _errno(exc)
    if code == errno.EIO and _nearly_full(target.parent):
        code = errno.ENOSPC  # SQLite often says "disk I/O error" when the -shm cannot grow
    if code in _FULL:
        reason, advice = "磁盘空间不足", "请腾出磁盘空间，或保存到其他磁盘后重试"
    elif code == errno.EROFS:
        reason, advice = "所在磁盘只读，没有写入权限", "请保存到可写的位置"
    elif code in _DENIED:
        reason = "没有写入权限"
        advice = "请换一个可写的文件夹，或检查权限；如文件正被其他程序打开，请先关闭它"
    elif code == errno.ENOENT:
        reason, advice = "文件夹不存在", "请先建立该文件夹，或换一个位置"
    elif code == errno.EFBIG:
        reason, advice = "文件超出该磁盘允许的大小", "请保存到其他磁盘"
    elif code == errno.ENAMETOOLONG:
        reason, advice = "文件名过长", "请换一个短一些的文件名"
    elif code == errno.EIO:
        reason, advice = "磁盘读写出错", "请检查磁盘或 U 盘后重试"
    else:
        reason = f"无法写入（{_detail(exc)}）"
        advice = "请检查目标位置后重试"
    kept = "原有文件未改动" if existed else "没有留下不完整的文件"
    return f"{target}：{reason}，未能写入；{kept}。{advice}"


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def _errno(exc: BaseException) -> int | None:
    if isinstance(exc, OSError):
        return exc.errno
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _SQLITE_ERRNO:
            return _SQLITE_ERRNO[code & 0xFF]
        text = str(exc).lower()
        if "full" in text:
            return errno.ENOSPC
        if "readonly" in text or "read-only" in text:
            return errno.EROFS
    return None


def _detail(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or "未知原因"


def _medium_failure(exc: BaseException) -> BaseException | None:
    """The OSError or SQLite error of a failing medium behind ``exc``, if there is one."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError | sqlite3.Error) and _errno(current) in _MEDIUM:
            return current
        current = current.__cause__ or current.__context__
    return None
