"""The document API: open, read, change and save one application in a .qdesk file.

Reads come from memory (the whole application but attachment contents is loaded on open).
Changes are kept as pending until :meth:`Document.save` writes them all in one transaction; the
GUI saves within a second of the last edit and on close, the command line before it exits. A save
that fails (a full disk, say) keeps the pending changes for the next attempt and leaves the file as
it was. Every saved change of a field, table, narrative, section, score or declaration enters the
history; consecutive saves of the same thing within a few minutes update one history entry, so
typing does not leave a row per keystroke.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import mimetypes
import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import asdict, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from qualitydesk import __version__
from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import PART_IDS
from qualitydesk.domain.notices import UserNotice
from qualitydesk.domain.numbers import file_size
from qualitydesk.store import schema
from qualitydesk.store.lock import WriterLock
from qualitydesk.store.records import (
    LINK_KINDS,
    Attachment,
    Declaration,
    FieldValue,
    Indicator,
    Link,
    Revision,
    Row,
    Score,
)

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_MAX_ATTACHMENT = 100 * 1024 * 1024
COALESCE = timedelta(minutes=5)
HISTORY_KINDS = ("field", "rows", "narrative", "profile", "score", "declaration", "meta")
STAGE_PREFIX = "stage."  # meta: the examiners' stage scores, stage.<composite part id> = "612.5"
NOTICE_PREFIX = "notice."  # meta: this year's 申报通知 as the user set it (notice.deadline …)
NOTICE_KEYS = ("choice", "deadline", "channel", "notes")


class DocumentError(Exception):
    """A document cannot be opened, read or saved; the message says why, in Chinese."""


class _BlobFile(io.RawIOBase):
    """A read-only SQLite blob as a raw binary file (Pillow and pypdf read from it)."""

    def __init__(self, blob: sqlite3.Blob) -> None:
        super().__init__()
        self._blob = blob

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._blob.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._blob.seek(offset, whence)
        return self._blob.tell()

    def tell(self) -> int:
        return self._blob.tell()

    def close(self) -> None:
        if not self.closed:
            self._blob.close()
        super().close()


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# --- opening ----------------------------------------------------------------------------------


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


def _check_header(path: Path) -> int:
    """The format version of an application file; DocumentError when it is not one."""
    header = _read_header(path)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DocumentError(f"{path}：不是 QualityDesk 申报文件（不是 SQLite 数据库文件）")
    if int.from_bytes(header[68:72], "big") != schema.APPLICATION_ID:
        raise DocumentError(f"{path}：是 SQLite 数据库，但不是 QualityDesk 申报文件")
    return int.from_bytes(header[60:64], "big")


def _read_only_reason(version: int, writable: bool, requested: bool) -> str:
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


def _connect(path: Path, *, read_only: bool, writable: bool) -> sqlite3.Connection:
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
    _configure(conn)
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    # Damaged text shows as U+FFFD instead of failing every read that touches it.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")


def _upgrade(conn: sqlite3.Connection, version: int, *, in_place: bool) -> sqlite3.Connection:
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
        _configure(conn)
    schema.migrate(Database(conn, execute_plugins=False), version)
    conn.execute("BEGIN")
    return conn


# --- the document -----------------------------------------------------------------------------


class Document:
    """One application. Use :meth:`create` or :meth:`open`, and close it (or use ``with``)."""

    def __init__(
        self,
        path: Path,
        db: Database,
        *,
        read_only_reason: str = "",
        lock: WriterLock | None = None,
        snapshot: bool = False,
        clock: Callable[[], str] = now,
        max_attachment: int = DEFAULT_MAX_ATTACHMENT,
    ) -> None:
        self.path = path
        self.db = db
        self.read_only_reason = read_only_reason
        self.max_attachment = max_attachment
        self._lock = lock
        self._clock = clock
        self._pending: dict[tuple[str, str], Any] = {}
        self._fresh_history: set[tuple[str, str]] = set()  # restored: never merged into the last
        self.saved_at: str | None = None
        self.closed = False
        if not db.conn.in_transaction:
            db.begin()
        self._load()  # in one read transaction: one consistent state of the file
        if not snapshot:
            db.commit()  # a reader asked for a snapshot keeps reading this state until closed

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
        **kwargs: Any,
    ) -> Document:
        """Create a new, empty application file: built aside, moved into place when complete.

        An existing file is replaced only with ``force``, and never while a QualityDesk has it
        open (:func:`qualitydesk.store.safewrite.new_document`).
        """
        from qualitydesk.store import safewrite  # safewrite builds on this module

        stamp = kwargs.get("clock", now)()
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
        with safewrite.new_document(path, force=force) as temp:
            _initialise(temp, meta)
            if org_name:
                doc = cls.open(temp, **kwargs)
                try:
                    doc.set_field("org_name", org_name)
                    doc.save()
                finally:
                    doc.discard()
        doc = cls.open(path, **kwargs)
        if org_name:
            doc.saved_at = doc.meta.get("modified")  # saved while it was being built
        return doc

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, read_only: bool = False, **kwargs: Any
    ) -> Document:
        """Open a file, checking it thoroughly; say precisely why when it cannot be opened.

        A file written by a newer QualityDesk, in a place that cannot be written, or open in
        another running QualityDesk opens read-only with ``read_only_reason`` saying so.
        Opened with ``read_only=True`` (scripts, exports), a document takes no lock and reads
        one snapshot for its whole life: all it reads, attachments and history included, is the
        file as one save left it, however often another QualityDesk saves meanwhile.
        """
        path = Path(path)
        version = _check_header(path)
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        reason = _read_only_reason(version, writable, read_only)
        lock = WriterLock(path)
        if not reason and not lock.acquire():
            reason = lock.busy_reason()
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path, read_only=bool(reason), writable=writable)
            conn.execute("BEGIN")  # the checks and the whole load see one state of the file
            _check_integrity(path, conn, version)
            if version < schema.SCHEMA_VERSION:
                conn = _upgrade(conn, version, in_place=not reason)
            db = Database(conn, execute_plugins=False)
            return cls(path, db, read_only_reason=reason, lock=lock, snapshot=read_only, **kwargs)
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            _give_up(lock, conn)
            raise DocumentError(f"{path}：文件已损坏，无法打开（{exc}）") from None
        except BaseException:
            _give_up(lock, conn)
            raise

    def close(self) -> None:
        """Save what is pending and close. A failed save raises and keeps the document open."""
        if self.closed:
            return
        if self._pending and not self.read_only:
            self.save()
        self.db.close()
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

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    # -- loading --

    def _load(self) -> None:
        q = self.db.query
        self.meta = {r["key"]: r["value"] for r in q("select key, value from meta")}
        missing = [k for k in ("award", "framework", "year", "date") if not self.meta.get(k)]
        if missing:
            raise ValueError(f"缺少文件信息 {'、'.join(missing)}")
        date.fromisoformat(self.meta["date"])
        int(self.meta["year"])
        self._fields = {r["id"]: json.loads(r["value"]) for r in q("select * from fields")}
        self._rows: dict[str, list[dict[str, FieldValue]]] = {}
        for r in q("select * from table_rows order by table_id, position"):
            self._rows.setdefault(r["table_id"], []).append(json.loads(r["data"]))
        self._narratives = {r["item"]: r["text"] for r in q("select * from narratives")}
        self._profile = {r["section"]: r["text"] for r in q("select * from profile")}
        self._scores = {r["item"]: _score_from_row(r) for r in q("select * from scores")}
        self._declarations = {
            r["rule"]: Declaration(
                bool(r["affirmed"]),
                r["statement"] or "",
                r["evidence"] or "",
                r["affirmed_at"] or "",
            )
            for r in q("select * from declarations")
        }
        values: dict[str, dict[int, float]] = {}
        for r in q("select * from indicator_values order by indicator, year"):
            values.setdefault(r["indicator"], {})[r["year"]] = r["value"]
        self._indicators = {
            r["id"]: Indicator(
                id=r["id"],
                name=r["name"],
                unit=r["unit"],
                better=r["better"],
                item=r["item"],
                values=values.get(r["id"], {}),
                target=r["target"],
                competitor=r["competitor"],
                competitor_source=r["competitor_source"] or "",
                benchmark=r["benchmark"],
                benchmark_source=r["benchmark_source"] or "",
            )
            for r in q("select * from indicators order by position")
        }

    # -- meta --

    @property
    def award_id(self) -> str:
        return self.meta["award"]

    @property
    def framework_id(self) -> str:
        return self.meta["framework"]

    @property
    def year(self) -> int:
        return int(self.meta["year"])

    @property
    def application_date(self) -> date:
        return date.fromisoformat(self.meta["date"])

    @property
    def applicant(self) -> str:
        """Who applies: "organisation" (the default) or "individual" (the setting ``applicant``)."""
        return self.setting("applicant") or "organisation"

    def limit(self, part: str) -> int | None:
        """A part's limit set for this application (e.g. 自评报告 60,000 字), if any."""
        value = self._get("meta", f"limit.{part}", self.meta.get(f"limit.{part}"))
        return int(value) if value else None

    def set_limit(self, part: str, limit: int | None) -> None:
        self._set("meta", f"limit.{part}", str(limit) if limit else "")

    def notice_value(self, key: str) -> str:
        """This year's 申报通知 as set on its page: ``choice`` (a published notice's year, or
        ``none``), ``deadline`` (YYYY-MM-DD), ``channel`` or ``notes``; "" when unset."""
        name = NOTICE_PREFIX + key
        return str(self._get("meta", name, self.meta.get(name)) or "")

    def set_notice_value(self, key: str, value: str) -> None:
        if key not in NOTICE_KEYS:
            raise KeyError(key)
        self._set("meta", NOTICE_PREFIX + key, value.strip())

    def user_notice(self) -> UserNotice:
        """The notice values and the parts' limits set for this application (notices.effective)."""
        try:
            deadline = date.fromisoformat(self.notice_value("deadline"))
        except ValueError:
            deadline = None
        return UserNotice(
            self.notice_value("choice"),
            deadline,
            self.notice_value("channel"),
            self.notice_value("notes"),
            {part: limit for part in PART_IDS if (limit := self.limit(part))},
        )

    def stage_score(self, part: str) -> Decimal | None:
        """The examiners' published score of a stage (材料评审 …, a composite part id), exact;
        None when not entered (or not a valid score)."""
        text = self._get("meta", STAGE_PREFIX + part, self.meta.get(STAGE_PREFIX + part))
        try:
            return scoring.stage_score(text) if text else None
        except scoring.ScoreError:
            return None

    def set_stage_score(self, part: str, value: Decimal | None) -> None:
        """Record (or with None clear) a stage score; kept as its exact text, with history."""
        self._set("meta", STAGE_PREFIX + part, "" if value is None else numbers.score(value))

    def setting(self, key: str) -> str:
        """A file setting kept beside the file information (``needs_update`` …); "" if unset."""
        return str(self.meta.get(key, "") or "")

    def put_setting(self, key: str, value: str) -> None:
        """Write a file setting at once and outside the history: a mark such as 需更新 or the
        year of a renewed file, not the user's content."""
        self._check_writable()
        try:
            with self.db.atomic():
                _write_meta(self.db, key, value)
                self._touch()
        except sqlite3.Error as exc:
            raise DocumentError(_save_failure(self.path, exc)) from None
        self.meta[key] = value

    # -- reading (pending changes included) --

    def _get(self, kind: str, key: str, default: Any) -> Any:
        return self._pending.get((kind, key), default)

    def field(self, field_id: str) -> FieldValue:
        return self._get("field", field_id, self._fields.get(field_id))

    def fields(self) -> dict[str, FieldValue]:
        merged = dict(self._fields)
        merged.update({k: v for (kind, k), v in self._pending.items() if kind == "field"})
        return {k: v for k, v in merged.items() if v not in (None, "")}

    def rows(self, table_id: str) -> list[dict[str, FieldValue]]:
        return [dict(r) for r in self._get("rows", table_id, self._rows.get(table_id, []))]

    def table_ids(self) -> list[str]:
        ids = set(self._rows) | {k for kind, k in self._pending if kind == "rows"}
        return sorted(t for t in ids if self.rows(t))

    def narrative(self, item: str) -> str:
        return self._get("narrative", item, self._narratives.get(item, ""))

    def narratives(self) -> dict[str, str]:
        keys = set(self._narratives) | {k for kind, k in self._pending if kind == "narrative"}
        return {k: self.narrative(k) for k in sorted(keys) if self.narrative(k)}

    def profile(self, section: str) -> str:
        return self._get("profile", section, self._profile.get(section, ""))

    def profiles(self) -> dict[str, str]:
        keys = set(self._profile) | {k for kind, k in self._pending if kind == "profile"}
        return {k: self.profile(k) for k in sorted(keys) if self.profile(k)}

    def score(self, item: str) -> Score | None:
        return self._get("score", item, self._scores.get(item))

    def scores(self) -> dict[str, Score]:
        keys = set(self._scores) | {k for kind, k in self._pending if kind == "score"}
        found = {k: self.score(k) for k in sorted(keys)}
        return {k: v for k, v in found.items() if v is not None}

    def declaration(self, rule: str) -> Declaration | None:
        return self._get("declaration", rule, self._declarations.get(rule))

    def declarations(self) -> dict[str, Declaration]:
        keys = set(self._declarations) | {k for kind, k in self._pending if kind == "declaration"}
        found = {k: self.declaration(k) for k in sorted(keys)}
        return {k: v for k, v in found.items() if v is not None}

    def indicators(self) -> list[Indicator]:
        return list(self._indicators.values())

    # -- changing --

    def _set(self, kind: str, key: str, value: Any) -> None:
        if self.read_only:
            raise DocumentError(f"{self.path}：{self.read_only_reason}，不能修改")
        self._pending[(kind, key)] = value

    def set_field(self, field_id: str, value: FieldValue) -> None:
        self._set("field", field_id, value)

    def set_rows(self, table_id: str, rows: list[Row]) -> None:
        self._set("rows", table_id, [dict(r) for r in rows])

    def set_narrative(self, item: str, text: str) -> None:
        self._set("narrative", item, text)

    def set_profile(self, section: str, text: str) -> None:
        self._set("profile", section, text)

    def set_score(self, item: str, score: Score | None) -> None:
        if score is not None and not score.scored_at:
            score = replace(score, scored_at=self._clock())
        self._set("score", item, score)

    def set_declaration(self, rule: str, declaration: Declaration | None) -> None:
        if declaration is not None and declaration.affirmed and not declaration.affirmed_at:
            declaration = replace(declaration, affirmed_at=self._clock())
        self._set("declaration", rule, declaration)

    @property
    def pending(self) -> bool:
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
        try:
            with self.db.atomic():
                for (kind, key), value in changes.items():
                    _WRITERS[kind](self.db, key, value)
                    fresh = (kind, key) in self._fresh_history
                    self._record(kind, key, _history_value(value), stamp, coalesce=not fresh)
                self.db["meta"].upsert({"key": "modified", "value": stamp}, pk="key")
        except sqlite3.Error as exc:
            raise DocumentError(_save_failure(self.path, exc)) from None
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
        from qualitydesk.store import safewrite  # safewrite builds on this module

        safewrite.check_target(target, source=self.path, force=force, document=True)
        if not self.read_only:
            self.save()
        with safewrite.new_document(target, force=force, source=self.path) as temp:
            copy = sqlite3.connect(temp)
            try:
                self.db.conn.backup(copy)
            finally:
                copy.close()
        return Path(target)

    def _apply(self, kind: str, key: str, value: Any) -> None:
        target: dict[str, Any] = {
            "field": self._fields,
            "rows": self._rows,
            "narrative": self._narratives,
            "profile": self._profile,
            "score": self._scores,
            "declaration": self._declarations,
            "meta": self.meta,
        }[kind]
        if value is None or (kind == "rows" and not value):
            target.pop(key, None)
        else:
            target[key] = value

    # -- indicators (written at once: they are edited as whole records) --

    def put_indicator(self, indicator: Indicator, position: int | None = None) -> None:
        self._check_writable()
        if indicator.better not in ("higher", "lower"):
            raise DocumentError(f"指标“{indicator.name}”的改进方向应为 higher 或 lower")
        ids = list(self._indicators)
        if position is None:
            position = ids.index(indicator.id) if indicator.id in ids else len(ids)
        record = asdict(indicator)
        values = record.pop("values")
        record["position"] = position
        try:
            with self.db.atomic():
                self.db["indicator_values"].delete_where("indicator = ?", [indicator.id])
                self.db["indicators"].upsert(record, pk="id")
                self.db["indicator_values"].insert_all(
                    [{"indicator": indicator.id, "year": y, "value": v} for y, v in values.items()]
                )
                self._touch()
        except sqlite3.Error as exc:
            raise DocumentError(_save_failure(self.path, exc)) from None
        self._indicators[indicator.id] = indicator

    def remove_indicator(self, indicator_id: str) -> None:
        self._check_writable()
        with self.db.atomic():
            self.db["indicator_values"].delete_where("indicator = ?", [indicator_id])
            self.db["indicators"].delete_where("id = ?", [indicator_id])
            self._touch()
        self._indicators.pop(indicator_id, None)

    # -- attachments (written at once: they are large) --

    def attachments(self) -> list[Attachment]:
        links: dict[int, list[Link]] = {}
        for r in self.db.query("select * from attachment_links order by kind, target"):
            links.setdefault(r["attachment"], []).append(Link(r["kind"], r["target"]))
        return [
            Attachment(
                r["id"],
                r["file_name"],
                r["media_type"],
                r["size"],
                r["sha256"],
                r["caption"] or "",
                r["added_at"],
                tuple(links.get(r["id"], ())),
            )
            for r in self.db.query("select * from attachments order by id")
        ]

    def add_attachment(
        self,
        data: bytes,
        file_name: str,
        *,
        caption: str = "",
        links: tuple[Link, ...] = (),
        media_type: str = "",
    ) -> Attachment:
        """Store a file in the document; identical content is stored once."""
        self._check_writable()
        name = Path(file_name.replace("\\", "/")).name or "附件"
        if len(data) > self.max_attachment:
            raise DocumentError(
                f"附件“{name}”大小为 {file_size(len(data))}，超过上限 "
                f"{file_size(self.max_attachment)}；请压缩或拆分后再添加"
            )
        _check_links(links)
        digest = hashlib.sha256(data).hexdigest()
        media_type = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        from qualitydesk.store.media import refusal  # Pillow loads only when files are added

        refused = refusal(data, name, media_type)  # an image bomb: its declared pixels
        if refused:
            raise DocumentError(refused)
        stamp = self._clock()
        try:
            with self.db.atomic():
                if not self.db["blobs"].count_where("sha256 = ?", [digest]):
                    self.db["blobs"].insert({"sha256": digest, "size": len(data), "data": data})
                table = self.db["attachments"].insert(
                    {
                        "sha256": digest,
                        "file_name": name,
                        "media_type": media_type,
                        "size": len(data),
                        "caption": caption,
                        "added_at": stamp,
                    }
                )
                attachment_id = int(table.last_pk)
                self._write_links(attachment_id, links)
                self._touch()
        except sqlite3.Error as exc:
            raise DocumentError(_save_failure(self.path, exc)) from None
        return Attachment(
            attachment_id, name, media_type, len(data), digest, caption, stamp, tuple(links)
        )

    def _write_links(self, attachment_id: int, links: tuple[Link, ...]) -> None:
        self.db["attachment_links"].delete_where("attachment = ?", [attachment_id])
        self.db["attachment_links"].insert_all(
            [
                {"attachment": attachment_id, "kind": link.kind, "target": link.target}
                for link in dict.fromkeys(links)
            ]
        )

    def update_attachment(
        self,
        attachment_id: int,
        *,
        caption: str | None = None,
        links: tuple[Link, ...] | None = None,
    ) -> None:
        self._check_writable()
        self._attachment_row(attachment_id)
        if links is not None:
            _check_links(links)
        with self.db.atomic():
            if caption is not None:
                self.db["attachments"].update(attachment_id, {"caption": caption})
            if links is not None:
                self._write_links(attachment_id, links)
            self._touch()

    def remove_attachment(self, attachment_id: int) -> None:
        self._check_writable()
        row = self._attachment_row(attachment_id)
        with self.db.atomic():
            self.db["attachment_links"].delete_where("attachment = ?", [attachment_id])
            self.db["attachments"].delete(attachment_id)
            if not self.db["attachments"].count_where("sha256 = ?", [row["sha256"]]):
                self.db["blobs"].delete(row["sha256"])
            self._touch()

    def attachment_data(self, attachment_id: int) -> bytes:
        row = self._attachment_row(attachment_id)
        blob = self.db.execute("select data from blobs where sha256 = ?", [row["sha256"]])
        found = blob.fetchone()
        if found is None or not isinstance(found[0], bytes):  # a damaged file
            raise DocumentError(f"附件“{row['file_name']}”的内容已丢失或损坏")
        data = found[0]
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            raise DocumentError(f"附件“{row['file_name']}”的内容已损坏（校验值不符）")
        return data

    def open_attachment(self, attachment_id: int) -> io.BufferedReader:
        """An attachment's content as a read-only binary file (``with`` it), read from the file
        in pieces — a 40 MB photo is never held in memory whole — and checked first."""
        row = self._attachment_row(attachment_id)
        lost = DocumentError(f"附件“{row['file_name']}”的内容已丢失或损坏")
        found = self.db.execute(
            "select rowid from blobs where sha256 = ? and typeof(data) = 'blob'", [row["sha256"]]
        ).fetchone()
        if found is None:
            raise lost
        try:
            blob = self.db.conn.blobopen("blobs", "data", found[0], readonly=True)
        except sqlite3.Error:
            raise lost from None
        digest = hashlib.sha256()
        while chunk := blob.read(1 << 20):
            digest.update(chunk)
        if digest.hexdigest() != row["sha256"]:
            blob.close()
            raise DocumentError(f"附件“{row['file_name']}”的内容已损坏（校验值不符）")
        blob.seek(0)
        return io.BufferedReader(_BlobFile(blob), 1 << 16)

    def export_attachment(self, attachment_id: int, folder: str | os.PathLike[str]) -> Path:
        """Write an attachment into ``folder`` under its own (sanitised) name; never outside it."""
        row = self._attachment_row(attachment_id)
        folder = Path(folder).resolve()
        if not folder.is_dir():
            raise DocumentError(f"{folder}：不是文件夹")
        name = _safe_file_name(row["file_name"])
        stem, suffix = os.path.splitext(name)
        target = folder / name
        n = 1
        while target.exists():
            target = folder / f"{stem}（{n}）{suffix}"
            n += 1
        if target.resolve().parent != folder:
            raise DocumentError(f"附件文件名“{row['file_name']}”不安全，已拒绝保存")
        data = self.attachment_data(attachment_id)
        with open(target, "xb") as f:  # "x": never replace a file that appeared meanwhile
            f.write(data)
        return target

    def _attachment_row(self, attachment_id: int) -> dict[str, Any]:
        rows = list(self.db.query("select * from attachments where id = ?", [attachment_id]))
        if not rows:
            raise DocumentError(f"没有编号为 {attachment_id} 的附件")
        return rows[0]

    def _check_writable(self) -> None:
        if self.read_only:
            raise DocumentError(f"{self.path}：{self.read_only_reason}，不能修改")

    def _touch(self) -> None:
        stamp = self._clock()
        self.db["meta"].upsert({"key": "modified", "value": stamp}, pk="key")
        self.meta["modified"] = stamp
        self.saved_at = stamp

    # -- history --

    def _record(
        self, kind: str, key: str, value: str, stamp: str, *, coalesce: bool = True
    ) -> None:
        last = list(self.db.query("select id, kind, key, at from history order by id desc limit 1"))
        if coalesce and last and (last[0]["kind"], last[0]["key"]) == (kind, key):
            age = _parse(stamp) - _parse(last[0]["at"])
            if timedelta(0) <= age < COALESCE:
                self.db["history"].update(last[0]["id"], {"value": value, "at": stamp})
                return
        self.db["history"].insert({"kind": kind, "key": key, "value": value, "at": stamp})

    def history(self, kind: str | None = None, key: str | None = None) -> list[Revision]:
        """Saved versions, newest first; optionally of one kind and key."""
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if key:
            where.append("key = ?")
            params.append(key)
        sql = "select * from history" + (" where " + " and ".join(where) if where else "")
        rows = self.db.query(sql + " order by id desc", params)
        try:
            return [
                Revision(r["id"], r["kind"], r["key"], json.loads(r["value"]), r["at"])
                for r in rows
            ]
        except (ValueError, TypeError, sqlite3.DatabaseError) as exc:
            raise DocumentError(f"{self.path}：历史记录已损坏（{exc}）") from None

    def restore(self, revision_id: int) -> None:
        """Make an earlier version current again (as a pending change, saved like any edit)."""
        rows = list(self.db.query("select * from history where id = ?", [revision_id]))
        if not rows:
            raise DocumentError(f"没有编号为 {revision_id} 的历史版本")
        row = rows[0]
        self._set(row["kind"], row["key"], _from_history(row["kind"], json.loads(row["value"])))
        # The version being replaced keeps its own entry: the restore is a new one.
        self._fresh_history.add((row["kind"], row["key"]))

    def keep_as_version(self, kind: str, key: str) -> None:
        """The next save of ``kind``/``key`` starts a history entry of its own instead of
        updating the last one (an import: the text it replaces stays restorable)."""
        self._fresh_history.add((kind, key))


# --- helpers ----------------------------------------------------------------------------------


def _tables(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    return {n: {c[1] for c in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}


@functools.cache
def _expected_tables(version: int) -> dict[str, set[str]]:
    """The tables and columns a file of ``version`` has, made by running its migrations."""
    conn = sqlite3.connect(":memory:")
    schema.migrate(Database(conn, execute_plugins=False), 0, version)
    tables = _tables(conn)
    conn.close()
    return tables


def _initialise(path: Path, meta: dict[str, str]) -> None:
    """Make the tables and the file information of a new application file at ``path``."""
    conn = sqlite3.connect(path, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        db = Database(conn, execute_plugins=False)
        schema.migrate(db, 0)
        with db.atomic():
            db["meta"].insert_all([{"key": k, "value": v} for k, v in meta.items()])
    finally:
        conn.close()


def _give_up(lock: WriterLock, conn: sqlite3.Connection | None) -> None:
    """After a refused open: no lock file left, and no connection holding the file."""
    lock.release()
    if conn is not None:
        conn.close()


def _check_integrity(path: Path, conn: sqlite3.Connection, version: int) -> None:
    # integrity_check, not quick_check: it also finds indexes that disagree with their tables
    # (a page swapped or lost), which otherwise show up later as a failing read.
    result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise DocumentError(f"{path}：文件已损坏，无法打开（{'；'.join(result[:3])}）")
    actual = _tables(conn)
    for table, columns in _expected_tables(min(version, schema.SCHEMA_VERSION)).items():
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


def _save_failure(path: Path, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "full" in text:
        return f"{path}：磁盘空间不足，未能保存；修改仍保留在程序中，腾出空间后会再次保存"
    if "readonly" in text or "read-only" in text:
        return f"{path}：文件不可写，未能保存；修改仍保留在程序中"
    return f"{path}：未能保存（{text}）；修改仍保留在程序中"


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _safe_file_name(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*')
    name = name.strip(" .")
    return name or "附件"


def _check_links(links: tuple[Link, ...]) -> None:
    for link in links:
        if link.kind not in LINK_KINDS or not link.target:
            raise DocumentError(f"附件关联 {link} 无效（应为 item、rule 或 checklist）")


def _score_from_row(r: Mapping[str, Any]) -> Score:
    return Score(
        r["pct"],
        json.loads(r["notes"] or "{}"),
        r["strengths"] or "",
        r["opportunities"] or "",
        r["assessor"] or "",
        r["scored_at"] or "",
    )


def _history_value(value: Any) -> str:
    if isinstance(value, Score | Declaration):
        value = asdict(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _from_history(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "score":
        return Score(**value)
    if kind == "declaration":
        return Declaration(**value)
    return value


def _write_field(db: Database, key: str, value: FieldValue) -> None:
    if value in (None, ""):
        db["fields"].delete_where("id = ?", [key])
    else:
        db["fields"].upsert({"id": key, "value": json.dumps(value, ensure_ascii=False)}, pk="id")


def _write_rows(db: Database, key: str, rows: list[dict[str, FieldValue]]) -> None:
    db["table_rows"].delete_where("table_id = ?", [key])
    db["table_rows"].insert_all(
        [
            {
                "table_id": key,
                "position": i,
                "data": json.dumps(r, ensure_ascii=False, sort_keys=True),
            }
            for i, r in enumerate(rows)
        ]
    )


def _write_text(table: str, pk: str) -> Callable[[Database, str, str], None]:
    def write(db: Database, key: str, text: str) -> None:
        if text:
            db[table].upsert({pk: key, "text": text}, pk=pk)
        else:
            db[table].delete_where(f"{pk} = ?", [key])

    return write


def _write_score(db: Database, key: str, score: Score | None) -> None:
    if score is None:
        db["scores"].delete_where("item = ?", [key])
        return
    record = asdict(score) | {"item": key}
    record["notes"] = json.dumps(dict(score.notes), ensure_ascii=False, sort_keys=True)
    db["scores"].upsert(record, pk="item")


def _write_declaration(db: Database, key: str, declaration: Declaration | None) -> None:
    if declaration is None:
        db["declarations"].delete_where("rule = ?", [key])
        return
    record = asdict(declaration) | {"rule": key, "affirmed": int(declaration.affirmed)}
    db["declarations"].upsert(record, pk="rule")


def _write_meta(db: Database, key: str, value: str) -> None:
    db["meta"].upsert({"key": key, "value": value}, pk="key")


_WRITERS: dict[str, Callable[[Database, str, Any], None]] = {
    "field": _write_field,
    "rows": _write_rows,
    "narrative": _write_text("narratives", "item"),
    "profile": _write_text("profile", "section"),
    "score": _write_score,
    "declaration": _write_declaration,
    "meta": _write_meta,
}
