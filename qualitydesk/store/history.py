"""The history of a document: every saved version of a field, table, narrative, section, score,
declaration or limit, and restoring one.

Consecutive saves of the same thing within :data:`COALESCE` update one entry, so typing does not
leave a row per keystroke; a restored version, or the text an import replaces, starts an entry of
its own.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, cast

from qualitydesk.store import rows
from qualitydesk.store.base import DocumentBase
from qualitydesk.store.errors import DocumentError, reading
from qualitydesk.store.records import Revision

if TYPE_CHECKING:
    from sqlite_utils import Database
from qualitydesk.store.rows import HistoryRow

COALESCE = timedelta(minutes=5)
HISTORY_KINDS = ("field", "rows", "narrative", "profile", "score", "declaration", "meta")


def record(db: Database, kind: str, key: str, value: str, stamp: str, *, coalesce: bool) -> None:
    """Enter a saved ``value`` (JSON) of ``kind``/``key`` into the history at ``stamp``."""
    last = list(db.query("select id, kind, key, at from history order by id desc limit 1"))
    if coalesce and last and (last[0]["kind"], last[0]["key"]) == (kind, key):
        age = datetime.fromisoformat(stamp) - datetime.fromisoformat(last[0]["at"])
        if timedelta(0) <= age < COALESCE:
            db.table("history").update(last[0]["id"], {"value": value, "at": stamp})
            return
    db.table("history").insert({"kind": kind, "key": key, "value": value, "at": stamp})


class HistoryMixin(DocumentBase):
    """The saved versions of a document's content."""

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
        with reading(self.path, "历史记录"):
            found = cast(
                list[HistoryRow], list(rows.query(self.conn, sql + " order by id desc", params))
            )
        try:
            return [rows.revision_from_row(r) for r in found]
        except (ValueError, TypeError) as exc:
            raise DocumentError(f"{self.path}：历史记录已损坏（{exc}）") from None

    def restore(self, revision_id: int) -> None:
        """Make an earlier version current again (as a pending change, saved like any edit)."""
        self._check_writable()
        with reading(self.path, "历史记录"):
            found = cast(
                list[HistoryRow],
                list(rows.query(self.conn, "select * from history where id = ?", [revision_id])),
            )
        if not found:
            raise DocumentError(f"没有编号为 {revision_id} 的历史版本")
        try:
            revision = rows.revision_from_row(found[0])
            value = rows.from_history(revision.kind, revision.value)
            if revision.kind not in HISTORY_KINDS:
                raise ValueError(f"未知的类别 {revision.kind}")
        except (ValueError, TypeError) as exc:
            raise DocumentError(f"{self.path}：历史记录已损坏（{exc}）") from None
        self._set(revision.kind, revision.key, value)
        # The version being replaced keeps its own entry: the restore is a new one.
        self._fresh_history.add((revision.kind, revision.key))

    def keep_as_version(self, kind: str, key: str) -> None:
        """The next save of ``kind``/``key`` starts a history entry of its own instead of
        updating the last one (an import: the text it replaces stays restorable).
        """
        self._fresh_history.add((kind, key))
