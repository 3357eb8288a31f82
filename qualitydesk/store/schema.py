"""The tables of a .qdesk file and the ordered migrations that build them.

``PRAGMA application_id`` marks a file as ours; ``PRAGMA user_version`` is the schema version.
A file is brought up to date by running, in one transaction, every migration above its version.
Migrations are never edited once released: a change of schema is a new function at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the migrations run only to make or upgrade a file, never to open one
    from sqlite_utils import Database

APPLICATION_ID = 0x51444B31  # "QDK1"
MIGRATIONS: list[Callable[[Database], None]] = []


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """The decorator of a migration: ``fn`` is appended to :data:`MIGRATIONS` (its schema version is
    its place there, from 1) and returned unchanged.
    """
    MIGRATIONS.append(fn)
    return fn


@migration
def application_tables(db: Database) -> None:
    """Version 1: the application itself."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("fields").create({"id": str, "value": str}, pk="id")  # value: JSON
    db.table("table_rows").create(
        {"table_id": str, "position": int, "data": str}, pk=("table_id", "position")
    )
    db.table("declarations").create(
        {"rule": str, "affirmed": int, "statement": str, "evidence": str, "affirmed_at": str},
        pk="rule",
    )
    db.table("profile").create({"section": str, "text": str}, pk="section")
    db.table("narratives").create({"item": str, "text": str}, pk="item")
    db.table("scores").create(
        {
            "item": str,
            "pct": int,
            "notes": str,
            "strengths": str,
            "opportunities": str,
            "assessor": str,
            "scored_at": str,
        },
        pk="item",
    )
    db.table("indicators").create(
        {
            "id": str,
            "position": int,
            "name": str,
            "unit": str,
            "better": str,
            "item": str,
            "target": float,
            "competitor": float,
            "competitor_source": str,
            "benchmark": float,
            "benchmark_source": str,
        },
        pk="id",
    )
    db.table("indicator_values").create(
        {"indicator": str, "year": int, "value": float},
        pk=("indicator", "year"),
        foreign_keys=[("indicator", "indicators", "id")],
    )
    db.table("blobs").create({"sha256": str, "size": int, "data": bytes}, pk="sha256")
    db.table("attachments").create(
        {
            "id": int,
            "sha256": str,
            "file_name": str,
            "media_type": str,
            "size": int,
            "caption": str,
            "added_at": str,
        },
        pk="id",
        foreign_keys=[("sha256", "blobs", "sha256")],
    )
    db.table("attachment_links").create(
        {"attachment": int, "kind": str, "target": str},
        pk=("attachment", "kind", "target"),
        foreign_keys=[("attachment", "attachments", "id")],
    )


@migration
def revision_history(db: Database) -> None:
    """Version 2: the history of every change, coalesced while the user types."""
    db.table("history").create(
        {"id": int, "kind": str, "key": str, "value": str, "at": str}, pk="id"
    )
    db.table("history").create_index(["kind", "key", "id"])


@migration
def assessment_team(db: Database) -> None:
    """Version 3: the self-assessment team — assessors handed a scorebook and what they returned,
    the scores agreed at the consensus meeting, the examiners' feedback and the improvement plan.
    """
    db.table("assessors").create(
        {"name": str, "round": str, "handed_out_at": str, "returned_at": str, "source": str},
        pk="name",
    )
    db.table("assessor_scores").create(
        {
            "assessor": str,
            "item": str,
            "pct": int,
            "strengths": str,
            "opportunities": str,
            "comment": str,
        },
        pk=("assessor", "item"),
        foreign_keys=[("assessor", "assessors", "name")],
    )
    db.table("consensus").create(
        {"item": str, "pct": int, "note": str, "before": str, "agreed_at": str}, pk="item"
    )
    db.table("feedback").create(
        {"item": str, "strengths": str, "opportunities": str, "source": str, "entered_at": str},
        pk="item",
    )
    db.table("actions").create(
        {
            "id": int,
            "title": str,
            "source": str,
            "item": str,
            "owner": str,
            "due": str,
            "status": str,
            "note": str,
            "created_at": str,
        },
        pk="id",
    )


SCHEMA_VERSION = len(MIGRATIONS)

_VERSION_1 = {
    "meta": {"key", "value"},
    "fields": {"id", "value"},
    "table_rows": {"table_id", "position", "data"},
    "declarations": {"rule", "affirmed", "statement", "evidence", "affirmed_at"},
    "profile": {"section", "text"},
    "narratives": {"item", "text"},
    "scores": {"item", "pct", "notes", "strengths", "opportunities", "assessor", "scored_at"},
    "indicators": {
        *("id", "position", "name", "unit", "better", "item", "target"),
        *("competitor", "competitor_source", "benchmark", "benchmark_source"),
    },
    "indicator_values": {"indicator", "year", "value"},
    "blobs": {"sha256", "size", "data"},
    "attachments": {"id", "sha256", "file_name", "media_type", "size", "caption", "added_at"},
    "attachment_links": {"attachment", "kind", "target"},
}
# The tables and columns a file of each version has, as its migrations make them (a test checks
# they agree): opening a file checks its shape against these without running the migrations.
TABLES: dict[int, dict[str, set[str]]] = {
    1: _VERSION_1,
    2: (_VERSION_2 := {**_VERSION_1, "history": {"id", "kind", "key", "value", "at"}}),
    3: {
        **_VERSION_2,
        "assessors": {"name", "round", "handed_out_at", "returned_at", "source"},
        "assessor_scores": {"assessor", "item", "pct", "strengths", "opportunities", "comment"},
        "consensus": {"item", "pct", "note", "before", "agreed_at"},
        "feedback": {"item", "strengths", "opportunities", "source", "entered_at"},
        "actions": {
            *("id", "title", "source", "item", "owner", "due", "status", "note", "created_at"),
        },
    },
}


def migrate(db: Database, from_version: int, to_version: int = SCHEMA_VERSION) -> None:
    """Run the migrations after ``from_version`` up to ``to_version`` in one transaction."""
    with db.atomic():
        for fn in MIGRATIONS[from_version:to_version]:
            fn(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {to_version}")
