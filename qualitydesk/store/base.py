"""What every part of the document shares: its state and the way a change is kept or written.

:class:`qualitydesk.store.document.Document` is composed of parts, one per kind of content
(:mod:`~qualitydesk.store.information`, :mod:`~qualitydesk.store.content`,
:mod:`~qualitydesk.store.tables`, :mod:`~qualitydesk.store.evidence`,
:mod:`~qualitydesk.store.history`); each builds on :class:`DocumentBase`. Most changes are kept
as pending (:meth:`DocumentBase._set`) until the document saves them all in one transaction;
indicators, attachments and file settings are written at once (:meth:`DocumentBase._write_now`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualitydesk.store import rows, schema
from qualitydesk.store.errors import KEPT, DocumentError, damaged, saving
from qualitydesk.store.records import Declaration, FieldValue, Indicator, Score

if TYPE_CHECKING:  # imported at the first write (:attr:`DocumentBase.db`): opening needs none
    from sqlite_utils import Database


class DocumentBase:
    """The state of an open document, shared by its parts."""

    path: Path
    conn: sqlite3.Connection  # every read goes through it
    _db: Database | None
    read_only_reason: str
    max_attachment: int
    meta: dict[str, str]
    saved_at: str | None
    _clock: Callable[[], str]
    _pending: dict[tuple[str, str], Any]  # (kind, key) → the value to save
    _fresh_history: set[tuple[str, str]]  # restored: never merged into the last entry
    _fields: dict[str, FieldValue]
    _rows: dict[str, list[rows.RowData]]
    _narratives: dict[str, str]
    _profile: dict[str, str]
    _scores: dict[str, Score]
    _declarations: dict[str, Declaration]
    _indicators: dict[str, Indicator]

    @property
    def db(self) -> Database:
        """The sqlite-utils view of :attr:`conn` that writes use, made at the first need."""
        if self._db is None:
            from sqlite_utils import Database  # some 60 ms of imports

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    @property
    def read_only(self) -> bool:
        """True when the document cannot be changed (``read_only_reason`` says why)."""
        return bool(self.read_only_reason)

    def _get(self, kind: str, key: str, default: Any) -> Any:
        return self._pending.get((kind, key), default)

    def _keys(self, kind: str, saved: dict[str, Any]) -> list[str]:
        """The keys of ``kind`` saved or pending, sorted."""
        return sorted(set(saved) | {k for pending, k in self._pending if pending == kind})

    def _set(self, kind: str, key: str, value: Any) -> None:
        if self.read_only:
            raise DocumentError(f"{self.path}：{self.read_only_reason}，不能修改")
        self._pending[(kind, key)] = value

    def _check_writable(self) -> None:
        if self.read_only:
            raise DocumentError(f"{self.path}：{self.read_only_reason}，不能修改")

    def _check_identity(self) -> None:
        """DocumentError unless the file is still ours: one truncated or overwritten while open
        must not receive the tables of a save (sqlite-utils would make them).
        """
        if self.conn.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
            raise DocumentError(
                damaged(self.path, f"未能保存；{KEPT}，请勿关闭程序，先把内容复制出来")
            )

    @contextlib.contextmanager
    def _write_now(self) -> Iterator[Database]:
        """A transaction written at once and marking the file modified; DocumentError on failure.

        On failure the transaction is rolled back: the file is as it was.
        """
        self._check_writable()
        with saving(self.path), self.db.atomic():
            self._check_identity()
            yield self.db
            stamp = self._clock()
            rows.write_meta(self.db, "modified", stamp)
        self.meta["modified"] = stamp
        self.saved_at = stamp
