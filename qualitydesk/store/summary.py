"""A glance at an application file without opening it: programme, year, organisation, last save.

The welcome screen lists recent files with what they are. :func:`peek` reads just that from the
file's ``meta`` and ``fields`` tables over a read-only SQLite connection: it takes no lock file,
never migrates or writes, does not run the integrity check :meth:`Document.open` runs, and gives
up quickly when another program holds the file busy. A file that is open in another QualityDesk
can be peeked at; a file that is missing, damaged or not an application gives ``None``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from qualitydesk.store import schema

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 0.25


@dataclass(frozen=True)
class FileSummary:
    """What a recent-files list shows about one application file."""

    path: Path
    award_id: str
    year: int | None
    org_name: str
    modified: datetime | None  # the last save (the file's own stamp, else the file's mtime)


def peek(path: str | os.PathLike[str]) -> FileSummary | None:
    """The summary of an application file, or None when it cannot be read as one."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError:
        return None
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        return None
    if int.from_bytes(header[68:72], "big") != schema.APPLICATION_ID:
        return None
    try:
        meta, org = _read(path, wal=path.with_name(path.name + "-wal").exists())
    except sqlite3.OperationalError:
        try:  # e.g. a -wal left by a crash, which only a writer may recover: the file as it is
            meta, org = _read(path, wal=False)
        except (sqlite3.Error, OSError, ValueError):
            return None
    except (sqlite3.Error, OSError, ValueError):
        return None
    if not meta.get("award"):
        return None
    return FileSummary(
        path=path,
        award_id=meta["award"],
        year=_year(meta.get("year", "")),
        org_name=org,
        modified=_stamp(meta.get("modified", "")) or _mtime(path),
    )


def _read(path: Path, *, wal: bool) -> tuple[dict[str, str], str]:
    """The meta table and the organisation name, read without writing anything beside the file.

    Without a -wal file nobody has the file open (a writer keeps one): it is read as it stands,
    creating no -wal/-shm files that a read-only connection could not clean up again.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if wal else "&immutable=1")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        meta = {
            str(k): str(v)
            for k, v in conn.execute(
                "select key, value from meta where key in ('award', 'year', 'modified')"
            )
        }
        row = conn.execute("select value from fields where id = 'org_name'").fetchone()
    finally:
        conn.close()
    org = json.loads(row[0]) if row else ""
    return meta, org.strip() if isinstance(org, str) else ""


def _year(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _stamp(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None
