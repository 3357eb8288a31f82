"""The rows of a .qdesk file: how each record is written to its table and read back.

One place encodes and decodes rows, used by the document (:mod:`qualitydesk.store.document`)
and by the JSON load (:mod:`qualitydesk.store.interchange`): a field's value and a table's rows
are JSON text, a score's factor notes JSON, a declaration's ``affirmed`` 0 or 1, an indicator's
values a row per year, an attachment's content one blob per distinct sha256.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict, cast

from msgspec.structs import asdict

if TYPE_CHECKING:  # sqlite-utils is imported at the first write, not to open and read a file
    from sqlite_utils import Database

from qualitydesk.store.records import (
    Attachment,
    Declaration,
    FieldValue,
    Indicator,
    Link,
    Revision,
    Score,
)

RowData = dict[str, FieldValue]


class ScoreRow(TypedDict):
    """A row of the ``scores`` table, as :mod:`qualitydesk.store.schema` made it."""

    item: str
    pct: int
    notes: str | None
    strengths: str | None
    opportunities: str | None
    assessor: str | None
    scored_at: str | None


class HistoryRow(TypedDict):
    """A row of the ``history`` table: the value is JSON text."""

    id: int
    kind: str
    key: str
    value: str
    at: str


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# --- writing ----------------------------------------------------------------------------------


def write_field(db: Database, key: str, value: FieldValue) -> None:
    """A field of the 申请表 (removed when empty)."""
    if value in (None, ""):
        db.table("fields").delete_where("id = ?", [key])
    else:
        db.table("fields").upsert(
            {"id": key, "value": json.dumps(value, ensure_ascii=False)}, pk="id"
        )


def write_rows(db: Database, key: str, rows: list[RowData]) -> None:
    """The rows of one table, in order, replacing those there were."""
    db.table("table_rows").delete_where("table_id = ?", [key])
    db.table("table_rows").insert_all(
        [{"table_id": key, "position": i, "data": _json(r)} for i, r in enumerate(rows)]
    )


def _write_text(table: str, pk: str) -> Callable[[Database, str, str], None]:
    def write(db: Database, key: str, text: str) -> None:
        if text:
            db.table(table).upsert({pk: key, "text": text}, pk=pk)
        else:
            db.table(table).delete_where(f"{pk} = ?", [key])

    return write


write_narrative = _write_text("narratives", "item")
write_profile = _write_text("profile", "section")


def write_score(db: Database, key: str, score: Score | None) -> None:
    """The self-score of an item (removed with None)."""
    if score is None:
        db.table("scores").delete_where("item = ?", [key])
        return
    record = asdict(score) | {"item": key, "notes": _json(dict(score.notes))}
    db.table("scores").upsert(record, pk="item")


def write_declaration(db: Database, key: str, declaration: Declaration | None) -> None:
    """The declaration of a clause (removed with None)."""
    if declaration is None:
        db.table("declarations").delete_where("rule = ?", [key])
        return
    record = asdict(declaration) | {"rule": key, "affirmed": int(declaration.affirmed)}
    db.table("declarations").upsert(record, pk="rule")


def write_meta(db: Database, key: str, value: str) -> None:
    """One value of the file information or of the file's settings."""
    db.table("meta").upsert({"key": key, "value": value}, pk="key")


WRITERS: dict[str, Callable[[Database, str, Any], None]] = {
    "field": write_field,
    "rows": write_rows,
    "narrative": write_narrative,
    "profile": write_profile,
    "score": write_score,
    "declaration": write_declaration,
    "meta": write_meta,
}


def write_indicator(db: Database, indicator: Indicator, position: int) -> None:
    """An indicator at ``position`` with its values, replacing one of the same id."""
    record = asdict(indicator)
    values = record.pop("values")
    record["position"] = position
    db.table("indicator_values").delete_where("indicator = ?", [indicator.id])
    db.table("indicators").upsert(record, pk="id")
    db.table("indicator_values").insert_all(
        [{"indicator": indicator.id, "year": int(y), "value": v} for y, v in values.items()]
    )


def remove_indicator(db: Database, indicator_id: str) -> None:
    """An indicator and its values."""
    db.table("indicator_values").delete_where("indicator = ?", [indicator_id])
    db.table("indicators").delete_where("id = ?", [indicator_id])


def write_attachment(db: Database, attachment: Attachment, data: bytes, *, new: bool) -> int:
    """An attachment, its content (once per sha256) and its links; its id.

    A ``new`` attachment gets the next id; otherwise ``attachment.id`` is kept (a load).
    """
    if not db.table("blobs").count_where("sha256 = ?", [attachment.sha256]):
        db.table("blobs").insert({"sha256": attachment.sha256, "size": len(data), "data": data})
    record = asdict(attachment)
    del record["links"]
    if new:
        del record["id"]
    last = db.table("attachments").insert(record).last_pk
    attachment_id = int(last) if new and last is not None else attachment.id
    write_links(db, attachment_id, attachment.links)
    return attachment_id


def write_links(db: Database, attachment_id: int, links: Iterable[Link]) -> None:
    """What an attachment proves, replacing its links (a link given twice is kept once)."""
    db.table("attachment_links").delete_where("attachment = ?", [attachment_id])
    db.table("attachment_links").insert_all(
        [
            {"attachment": attachment_id, "kind": link.kind, "target": link.target}
            for link in dict.fromkeys(links)
        ]
    )


def remove_attachment(db: Database, attachment_id: int, sha256: str) -> None:
    """An attachment and its links, and its content when no other attachment shares it."""
    db.table("attachment_links").delete_where("attachment = ?", [attachment_id])
    db.table("attachments").delete(attachment_id)
    if not db.table("attachments").count_where("sha256 = ?", [sha256]):
        db.table("blobs").delete(sha256)


def history_value(value: object) -> str:
    """A value as the history keeps it: JSON, records as their fields."""
    if isinstance(value, Score | Declaration):
        value = asdict(value)
    return _json(value)


def write_revisions(db: Database, revisions: Iterable[Revision]) -> None:
    """History entries as they stand (a load: their ids and times are kept)."""
    db.table("history").insert_all(
        asdict(revision) | {"value": history_value(revision.value)} for revision in revisions
    )


def from_history(kind: str, value: object) -> object:
    """A value of ``kind`` from the JSON of the history (a Score, a Declaration …)."""
    if value is None or kind not in ("score", "declaration"):
        return value
    if not isinstance(value, Mapping):
        raise TypeError(f"argument after ** must be a mapping, not {type(value).__name__}")
    return Score(**value) if kind == "score" else Declaration(**value)


# --- reading ----------------------------------------------------------------------------------


def query(
    conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()
) -> Iterator[sqlite3.Row]:
    """The rows ``sql`` selects, each read by column name (as sqlite-utils' ``query``)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return iter(cursor.execute(sql, params))


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The file information and settings."""
    return {r["key"]: r["value"] for r in query(conn, "select key, value from meta")}


def read_fields(conn: sqlite3.Connection) -> dict[str, FieldValue]:
    """The fields of the 申请表."""
    return {r["id"]: json.loads(r["value"]) for r in query(conn, "select * from fields")}


def read_rows(conn: sqlite3.Connection) -> dict[str, list[RowData]]:
    """Every table's rows, in order."""
    rows: dict[str, list[RowData]] = {}
    for r in query(conn, "select * from table_rows order by table_id, position"):
        rows.setdefault(r["table_id"], []).append(json.loads(r["data"]))
    return rows


def read_texts(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """The narratives (``narratives``) or the 组织概述 sections (``profile``)."""
    pk = {"narratives": "item", "profile": "section"}[table]
    return {r[pk]: r["text"] for r in query(conn, f"select * from {table}")}


def score_from_row(r: ScoreRow) -> Score:
    """A score from its row."""
    return Score(
        r["pct"],
        json.loads(r["notes"] or "{}"),
        r["strengths"] or "",
        r["opportunities"] or "",
        r["assessor"] or "",
        r["scored_at"] or "",
    )


def read_scores(conn: sqlite3.Connection) -> dict[str, Score]:
    """The self-scores by item."""
    found = cast(Iterable[ScoreRow], query(conn, "select * from scores"))
    return {r["item"]: score_from_row(r) for r in found}


def read_declarations(conn: sqlite3.Connection) -> dict[str, Declaration]:
    """The declarations by clause."""
    return {
        r["rule"]: Declaration(
            bool(r["affirmed"]), r["statement"] or "", r["evidence"] or "", r["affirmed_at"] or ""
        )
        for r in query(conn, "select * from declarations")
    }


def read_indicators(conn: sqlite3.Connection) -> dict[str, Indicator]:
    """The indicators in their order, with their values by year."""
    values: dict[str, dict[int, float]] = {}
    for r in query(conn, "select * from indicator_values order by indicator, year"):
        values.setdefault(r["indicator"], {})[r["year"]] = r["value"]
    return {
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
        for r in query(conn, "select * from indicators order by position")
    }


def read_attachments(conn: sqlite3.Connection) -> list[Attachment]:
    """The attachments (without their content) in the order they were added."""
    links: dict[int, list[Link]] = {}
    for r in query(conn, "select * from attachment_links order by kind, target"):
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
        for r in query(conn, "select * from attachments order by id")
    ]


def revision_from_row(r: HistoryRow) -> Revision:
    """A history entry from its row."""
    return Revision(r["id"], r["kind"], r["key"], json.loads(r["value"]), r["at"])
