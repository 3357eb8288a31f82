"""The document API: open, read, change and save one application in a .qdesk file.

Reads come from memory (the whole application but attachment contents is loaded on open).
Changes are kept as pending until :meth:`Document.save` writes them all in one transaction; the
GUI saves within a second of the last edit and on close, the command line before it exits. A save
that fails (a full disk, say) keeps the pending changes for the next attempt and leaves the file as
it was. Every saved change of a field, table, narrative, section, score or declaration enters the
history.

:class:`Document` is composed of one part per kind of content over the shared state of
:mod:`~qualitydesk.store.base`: the file information (:mod:`~qualitydesk.store.information`),
what the applicant writes (:mod:`~qualitydesk.store.content`), tables and indicators
(:mod:`~qualitydesk.store.tables`), attachments (:mod:`~qualitydesk.store.evidence`) and the
history (:mod:`~qualitydesk.store.history`); rows are encoded in :mod:`~qualitydesk.store.rows`.
This module opens (with the checks of :mod:`~qualitydesk.store.opening`), loads, saves and
closes it. Every public call raises :class:`DocumentError` (:mod:`~qualitydesk.store.errors`)
when it fails, never a bare ``sqlite3.Error`` or ``OSError``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from qualitydesk import __version__
from qualitydesk.store import opening, rows, safewrite, schema
from qualitydesk.store.content import ContentMixin
from qualitydesk.store.errors import DocumentError, saving
from qualitydesk.store.evidence import DEFAULT_MAX_ATTACHMENT, EvidenceMixin
from qualitydesk.store.history import HISTORY_KINDS, HistoryMixin, record
from qualitydesk.store.improvement import ImprovementMixin
from qualitydesk.store.information import (
    NOTICE_KEYS,
    NOTICE_PREFIX,
    STAGE_PREFIX,
    InformationMixin,
)
from qualitydesk.store.lock import WriterLock
from qualitydesk.store.opening import SQLITE_HEADER
from qualitydesk.store.tables import TablesMixin
from qualitydesk.store.team import TeamMixin

__all__ = [
    "DEFAULT_MAX_ATTACHMENT",
    "HISTORY_KINDS",
    "NOTICE_KEYS",
    "NOTICE_PREFIX",
    "SQLITE_HEADER",
    "STAGE_PREFIX",
    "Document",
    "DocumentError",
    "now",
]


def now() -> str:
    """The time now, with its offset, to the second: the stamp of a save."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Document(
    InformationMixin,
    ContentMixin,
    TablesMixin,
    EvidenceMixin,
    HistoryMixin,
    TeamMixin,
    ImprovementMixin,
):
    """One application. Use :meth:`create` or :meth:`open`, and close it (or use ``with``)."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        read_only_reason: str = "",
        lock: WriterLock | None = None,
        snapshot: bool = False,
        clock: Callable[[], str] = now,
        max_attachment: int = DEFAULT_MAX_ATTACHMENT,
    ) -> None:
        self.path = path
        self.conn = conn
        self._db = None  # made at the first write (DocumentBase.db)
        self.read_only_reason = read_only_reason
        self.max_attachment = max_attachment
        self._lock = lock
        self._clock = clock
        self._pending = {}
        self._fresh_history = set()
        self.saved_at = None
        self.closed = False
        if not conn.in_transaction:
            conn.execute("BEGIN")
        self._load()  # in one read transaction: one consistent state of the file
        if not snapshot and conn.in_transaction:
            conn.execute(
                "COMMIT"
            )  # a reader asked for a snapshot keeps reading this state until closed

    # -- life cycle --

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        *,
        award: str,
        framework: str,
        year: int,
        application_date: date,
        org_name: str = "",
        award_version: str = "",
        force: bool = False,
        clock: Callable[[], str] = now,
        max_attachment: int = DEFAULT_MAX_ATTACHMENT,
    ) -> Document:
        """Create a new, empty application file: built aside, moved into place when complete.

        An existing file is replaced only with ``force``, and never while a QualityDesk has it
        open (:func:`qualitydesk.store.safewrite.new_document`).
        """
        stamp = clock()
        meta = {
            "award": award,
            "award_version": award_version,
            "framework": framework,
            "year": str(year),
            "date": application_date.isoformat(),
            "created": stamp,
            "modified": stamp,
            "app_version": __version__,
        }
        options: dict[str, Any] = {"clock": clock, "max_attachment": max_attachment}
        with safewrite.new_document(path, force=force) as temp:
            opening.initialise(temp, meta)  # a failure is reported against ``path``
            if org_name:
                doc = cls.open(temp, **options)
                try:
                    doc.set_field("org_name", org_name)
                    doc.save()
                finally:
                    doc.discard()
        doc = cls.open(path, **options)
        if org_name:
            doc.saved_at = doc.meta.get("modified")  # saved while it was being built
        return doc

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        clock: Callable[[], str] = now,
        max_attachment: int = DEFAULT_MAX_ATTACHMENT,
    ) -> Document:
        """Open a file, checking it thoroughly; say precisely why when it cannot be opened.

        A file written by a newer QualityDesk, in a place that cannot be written, or open in
        another running QualityDesk opens read-only with ``read_only_reason`` saying so.
        Opened with ``read_only=True`` (scripts, exports), a document takes no lock and reads
        one snapshot for its whole life: all it reads, attachments and history included, is the
        file as one save left it, however often another QualityDesk saves meanwhile.
        """
        path = Path(path)
        version = opening.check_header(path)
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        reason = opening.read_only_reason(version, writable, read_only)
        lock = WriterLock(path)
        conn: sqlite3.Connection | None = None
        try:
            if not reason and not lock.acquire():
                reason = lock.busy_reason()
            conn = opening.connect(path, read_only=bool(reason), writable=writable)
            conn.execute("BEGIN")  # the checks and the whole load see one state of the file
            opening.check_integrity(path, conn, version)
            if version < schema.SCHEMA_VERSION:
                conn = opening.upgrade(conn, version, in_place=not reason)
            return cls(
                path,
                conn,
                read_only_reason=reason,
                lock=lock,
                snapshot=read_only,
                clock=clock,
                max_attachment=max_attachment,
            )
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            opening.give_up(lock, conn)
            raise DocumentError(f"{path}：文件已损坏，无法打开（{exc}）") from None
        except OSError as exc:
            opening.give_up(lock, conn)
            raise DocumentError(f"{path}：无法打开（{exc.strerror or exc}）") from None
        except BaseException:
            opening.give_up(lock, conn)
            raise

    def close(self) -> None:
        """Save what is pending and close. A failed save raises and keeps the document open."""
        if self.closed:
            return
        if self._pending and not self.read_only:
            self.save()
        # Nothing is pending now: every change is in the file, so a failing close loses nothing.
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        self.closed = True
        if self._lock:
            self._lock.release()

    def discard(self) -> None:
        """Close without saving what is pending: for a half-built file that is thrown away."""
        self._pending.clear()
        self.close()

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _load(self) -> None:
        """Read the whole application but attachment contents (in the caller's transaction)."""
        db = self.conn
        self.meta = rows.read_meta(db)
        missing = [k for k in ("award", "framework", "year", "date") if not self.meta.get(k)]
        if missing:
            raise ValueError(f"缺少文件信息 {'、'.join(missing)}")
        date.fromisoformat(self.meta["date"])
        int(self.meta["year"])
        self._fields = rows.read_fields(db)
        self._rows = rows.read_rows(db)
        self._narratives = rows.read_texts(db, "narratives")
        self._profile = rows.read_texts(db, "profile")
        self._scores = rows.read_scores(db)
        self._declarations = rows.read_declarations(db)
        self._indicators = rows.read_indicators(db)

    # -- saving --

    @property
    def pending(self) -> bool:
        """True when there are changes not saved yet."""
        return bool(self._pending)

    def save(self) -> str:
        """Write every pending change in one transaction; return the time saved.

        On failure the file is unchanged, the changes stay pending and DocumentError says why.
        """
        if not self._pending:
            return self.saved_at or self.meta.get("modified", "")
        if self.read_only:
            raise DocumentError(f"{self.path}：{self.read_only_reason}，不能保存")
        stamp = self._clock()
        changes = dict(self._pending)
        with saving(self.path), self.db.atomic():
            self._check_identity()
            for (kind, key), value in changes.items():
                rows.WRITERS[kind](self.db, key, value)
                fresh = (kind, key) in self._fresh_history
                record(self.db, kind, key, rows.history_value(value), stamp, coalesce=not fresh)
            rows.write_meta(self.db, "modified", stamp)
        for (kind, key), value in changes.items():
            self._apply(kind, key, value)
            if self._pending.get((kind, key)) is value:
                del self._pending[(kind, key)]
        self.meta["modified"] = stamp
        self.saved_at = stamp
        self._fresh_history.difference_update(changes)
        return stamp

    def save_copy(self, target: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Save pending changes, then write a complete copy of the file to ``target`` (另存为).

        The copy is built aside and moved into place when complete. ``target`` is never this
        file itself; an existing file is replaced only with ``force`` (the GUI's dialog asks)
        and never while a QualityDesk has it open.
        """
        safewrite.check_target(target, source=self.path, force=force, document=True)
        if not self.read_only:
            self.save()
        with safewrite.new_document(target, force=force, source=self.path) as temp:
            copy = sqlite3.connect(temp)
            try:  # a failure is reported against ``target`` (safewrite.new_document)
                self.conn.backup(copy)
            finally:
                copy.close()
        return Path(target)

    def _apply(self, kind: str, key: str, value: Any) -> None:
        targets: dict[str, dict[str, Any]] = {
            "field": self._fields,
            "rows": self._rows,
            "narrative": self._narratives,
            "profile": self._profile,
            "score": self._scores,
            "declaration": self._declarations,
            "meta": self.meta,
        }
        target = targets[kind]
        if value is None or (kind == "rows" and not value):
            target.pop(key, None)
        else:
            target[key] = value
