"""The self-assessment team and the improvement plan in a dump: assessors, what they returned,
the consensus, the examiners' feedback and the actions (schema version 3).

Each is a list of records under its own key of the dump (absent in dumps of older files): the
rows of its table as they are, but for a consensus's ``before`` (an object of the assessors'
percents, not the JSON text the table keeps). :func:`team_json` reads them for
:func:`qualitydesk.store.interchange.dump`, :data:`TEAM_SCHEMA` checks them in
:mod:`qualitydesk.store.dumpschema`, :func:`team_problems` checks what one record cannot see (a
score by an assessor the dump does not list) and :func:`write_team` writes them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal, NotRequired, cast

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, with_config
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from qualitydesk.store.dumprecords import unique
from qualitydesk.store.dumptypes import (
    STRICT,
    Key,
    Line,
    LongText,
    OptionalStamp,
    Percent,
    RowId,
    Stamp,
    explained,
    fail,
    shown,
)
from qualitydesk.store.jsonpath import json_path
from qualitydesk.store.records import ACTION_SOURCES, ACTION_STATUSES

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_ASSESSORS = 1_000
MAX_ACTIONS = 100_000
TEAM_TABLES = ("assessors", "assessor_scores", "consensus", "feedback", "actions")
_ORDER = {
    "assessors": "handed_out_at, rowid",
    "assessor_scores": "assessor, item",
    "consensus": "item",
    "feedback": "item",
    "actions": "id",
}


def _known_item(item: str, info: ValidationInfo) -> str:
    items = (info.context or {}).get("items")
    if items is not None and item not in items:
        raise fail(f"没有评分项 {shown(item)}")
    return item


def _due(text: str) -> str:
    from datetime import date

    if text:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise fail(f"不是有效的日期：{shown(text)}（应为 YYYY-MM-DD，或空）") from None
    return text


def _optional_item(item: str, info: ValidationInfo) -> str:
    return _known_item(item, info) if item else item


ItemKey = Annotated[Key, AfterValidator(_known_item)]
OptionalItem = Annotated[Line, AfterValidator(_optional_item)]
# The file setting of the spread threshold (store/team.py), in the dump's meta.
TEAM_META: dict[str, Any] = {
    "team.spread": NotRequired[
        Annotated[
            str,
            StringConstraints(pattern=r"^([1-9][0-9]?|100)$"),
            explained(lambda v: f"分歧阈值应为 1–100 的整数，收到 {shown(v)}"),
        ]
    ]
}


@with_config(STRICT)
class Assessor(TypedDict):
    """An assessor handed a scorebook: name, round, when handed out and returned, from what."""

    name: Key
    round: Line
    handed_out_at: Stamp
    returned_at: OptionalStamp
    source: Line


@with_config(STRICT)
class AssessorScore(TypedDict):
    """One assessor's score of one item, with 优势, 改进机会 and 评语."""

    assessor: Key
    item: ItemKey
    pct: Percent
    strengths: LongText
    opportunities: LongText
    comment: LongText


@with_config(STRICT)
class Consensus(TypedDict):
    """The score agreed for an item, its note and every assessor's percent before."""

    item: ItemKey
    pct: Percent
    note: LongText
    before: Annotated[dict[Key, Percent], Field(max_length=MAX_ASSESSORS)]
    agreed_at: Stamp


@with_config(STRICT)
class Feedback(TypedDict):
    """The examiners' 优势 and 改进机会 of an item, where they came from and when."""

    item: ItemKey
    strengths: LongText
    opportunities: LongText
    source: Line
    entered_at: OptionalStamp


@with_config(STRICT)
class Action(TypedDict):
    """An action of the improvement plan."""

    id: RowId
    title: Line
    source: Annotated[
        Literal["own", "examiners"],
        explained(lambda v: f"应为 {'、'.join(ACTION_SOURCES)}，收到 {shown(v)}"),
    ]
    item: OptionalItem
    owner: Line
    due: Annotated[str, AfterValidator(_due)]
    status: Annotated[
        Literal["open", "doing", "done", "dropped"],
        explained(lambda v: f"应为 {'、'.join(ACTION_STATUSES)}，收到 {shown(v)}"),
    ]
    note: LongText
    created_at: OptionalStamp


def _records(kind: Any, limit: int, *keys: str) -> Any:
    return NotRequired[Annotated[list[kind], Field(max_length=limit), unique(*keys)]]


TEAM_SCHEMA: dict[str, Any] = {
    "assessors": _records(Assessor, MAX_ASSESSORS, "name"),
    "assessor_scores": _records(AssessorScore, MAX_ACTIONS, "assessor", "item"),
    "consensus": _records(Consensus, MAX_ASSESSORS, "item"),
    "feedback": _records(Feedback, MAX_ASSESSORS, "item"),
    "actions": _records(Action, MAX_ACTIONS, "id"),
}


def team_json(conn: sqlite3.Connection) -> dict[str, list[dict[str, object]]]:
    """The team tables of the file ``conn`` reads, as a dump carries them."""
    found: dict[str, list[dict[str, object]]] = {}
    for table in TEAM_TABLES:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {_ORDER[table]}")
        names = [c[0] for c in cursor.description]
        found[table] = [
            {k: "" if v is None else v for k, v in zip(names, row, strict=True)}
            for row in cursor.fetchall()
        ]
    for record in found["consensus"]:
        record["before"] = _before(record["before"])
    return found


def _before(text: object) -> dict[str, Any]:
    try:
        data = json.loads(str(text or "{}"))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def team_problems(document: Mapping[str, object]) -> list[str]:
    """What the schema of one record cannot see: scores of an assessor the dump does not list."""
    names = {a["name"] for a in _listed(document, "assessors")}
    return [
        f"{json_path(['assessor_scores', n, 'assessor'])}：评分人 {shown(s['assessor'])} 不在 "
        "assessors 中"
        for n, s in enumerate(_listed(document, "assessor_scores"))
        if s["assessor"] not in names
    ]


def _listed(document: Mapping[str, object], key: str) -> list[dict[str, Any]]:
    """The records under ``key`` of a checked dump (none when absent)."""
    return cast("list[dict[str, Any]]", document.get(key, []))


def write_team(db: Database, document: Mapping[str, object]) -> None:
    """Write the team tables of a checked dump (in the caller's transaction)."""
    for table in TEAM_TABLES:
        records = [dict(r) for r in _listed(document, table)]
        if table == "consensus":
            for r in records:
                r["before"] = json.dumps(r["before"], ensure_ascii=False, sort_keys=True)
        if records:
            db.table(table).insert_all(records)
