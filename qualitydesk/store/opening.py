"""Opening an application file: its header, the connection, the checks and the migration.

A file is opened only once it is known to be ours (the SQLite header and ``application_id``),
whole (``PRAGMA integrity_check``) and of the shape its format version promises (the tables and
columns its migrations make, nothing more); a file of an older format is brought up to date, in
place for a writer and in memory for a reader.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qualitydesk.store import schema
from qualitydesk.store.errors import DocumentError
from qualitydesk.store.lock import WriterLock

SQLITE_HEADER = b"SQLite format 3\x00"


def _read_header(path: Path) -> bytes:
    if not path.exists():
        raise DocumentError(f"{path}：文件不存在")
    if not path.is_file():
        raise DocumentError(f"{path}：不是文件")
    try:
        with path.open("rb") as f:
            return f.read(100)
    except OSError as exc:
        raise DocumentError(f"{path}：无法读取（{exc.strerror}）") from None


def check_header(path: Path) -> int:
    """The format version of an application file; DocumentError when it is not one."""
    header = _read_header(path)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DocumentError(f"{path}：不是 QualityDesk 申报文件（不是 SQLite 数据库文件）")
    if int.from_bytes(header[68:72], "big") != schema.APPLICATION_ID:
        raise DocumentError(f"{path}：是 SQLite 数据库，但不是 QualityDesk 申报文件")
    return int.from_bytes(header[60:64], "big")


def read_only_reason(version: int, writable: bool, requested: bool) -> str:
    """Why a file of ``version`` opens read-only ("" when it opens for writing)."""
    if version > schema.SCHEMA_VERSION:
        return (
            f"该文件由更新版本的 QualityDesk 保存（格式 {version}，本程序支持 "
            f"{schema.SCHEMA_VERSION}），已以只读方式打开，请升级程序后再编辑"
        )
    if requested:
        return "以只读方式打开"
    if not writable:
        return (
            "文件或其所在文件夹不可写（如只读文件、光盘或受保护的共享文件夹），已以只读方式打开；"
            "如需修改，请用“另存为”保存到可写的位置"
        )
    return ""


def connect(path: Path, *, read_only: bool, writable: bool) -> sqlite3.Connection:
    """A connection to ``path``; a reader's refuses every write.

    A reader where the file can be written still connects read-write (with ``query_only``):
    SQLite's locks then work as for any reader, and the last connection to close removes the
    -wal and -shm files, so reading leaves nothing beside the document.
    """
    uri = f"{path.resolve().as_uri()}?mode={'rw' if writable else 'ro'}"
    if not writable and not path.with_name(path.name + "-wal").exists():
        # Where nothing can be written, SQLite could not create the -shm file a WAL reader
        # needs; a cleanly closed document has no -wal, so it can be read as it stands.
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, timeout=5, check_same_thread=False)
    configure(conn)
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def configure(conn: sqlite3.Connection) -> None:
    """The settings every connection to an application file has."""
    # Damaged text shows as U+FFFD instead of failing every read that touches it.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")


def upgrade(conn: sqlite3.Connection, version: int, *, in_place: bool) -> sqlite3.Connection:
    """Bring a file of an older format up to date: in place for a writer, else in memory.

    ``conn`` is in the read transaction of the open; so is the connection returned.
    """
    if in_place:
        conn.commit()
    else:  # a reader never writes the file: it reads an upgraded copy of its snapshot
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        conn.backup(copy)
        conn.close()
        conn = copy
        configure(conn)
    from sqlite_utils import Database  # only to upgrade: opening a file needs none

    schema.migrate(Database(conn, execute_plugins=False), version)
    conn.execute("BEGIN")
    return conn


def initialise(path: Path, meta: dict[str, str]) -> None:
    """Make the tables and the file information of a new application file at ``path``."""
    from sqlite_utils import Database  # only to make a file: opening one needs none

    conn = sqlite3.connect(path, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        db = Database(conn, execute_plugins=False)
        schema.migrate(db, 0)
        with db.atomic():
            db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()])
    finally:
        conn.close()


def give_up(lock: WriterLock, conn: sqlite3.Connection | None) -> None:
    """After a refused open: no lock file left, and no connection holding the file."""
    lock.release()
    if conn is not None:
        conn.close()


def check_integrity(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """DocumentError unless the file is whole and has exactly the tables of its version."""
    # integrity_check, not quick_check: it also finds indexes that disagree with their tables
    # (a page swapped or lost), which otherwise show up later as a failing read.
    result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise DocumentError(f"{path}：文件已损坏，无法打开（{'；'.join(result[:3])}）")
    actual = _tables(conn)
    for table, columns in schema.TABLES[min(version, schema.SCHEMA_VERSION)].items():
        found = actual.get(table, set())
        if not columns <= found or (version <= schema.SCHEMA_VERSION and found != columns):
            raise DocumentError(f"{path}：文件结构已损坏或被改动（表 {table}），无法打开")
    foreign = [
        f"{t} {n}"
        for t, n in conn.execute(
            "select type, name from sqlite_master where type in ('trigger', 'view')"
        )
    ]
    if foreign:
        raise DocumentError(
            f"{path}：文件含有 QualityDesk 不会创建的对象（{'、'.join(foreign)}），"
            "为安全起见拒绝打开"
        )


def _tables(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    return {n: {c[1] for c in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}
