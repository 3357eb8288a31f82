"""The records of a dumped document: scores, declarations, indicators, attachments and the
history entries, whose value's type follows their kind (:mod:`qualitydesk.store.dumpschema`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    ValidationInfo,
    with_config,
)
from pydantic_core import InitErrorDetails
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from qualitydesk.store.dumptypes import (
    CUSTOM,
    MAX_BASE64,
    MAX_LINKS,
    MAX_NOTES,
    MAX_ROWS,
    STRICT,
    TAG,
    YEARS,
    FieldText,
    FieldValue,
    FileName,
    Key,
    Line,
    LongText,
    Number,
    OptionalStamp,
    Percent,
    Row,
    RowId,
    Stamp,
    check_year,
    explained,
    fail,
    shown,
    stage_text,
)
from qualitydesk.store.evidence import DEFAULT_MAX_ATTACHMENT
from qualitydesk.store.history import HISTORY_KINDS
from qualitydesk.store.records import LINK_KINDS

# --- records ----------------------------------------------------------------------------------


def unique(*fields: str, what: str = "编号") -> AfterValidator:
    """No two items of the list share ``fields``; each repeat is reported where it stands."""

    def check(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[tuple[Any, ...]] = set()
        errors: list[InitErrorDetails] = []
        for i, item in enumerate(items):
            key = tuple(item[f] for f in fields)
            if key in seen:
                repeated = "、".join(shown(k) for k in key)
                errors.append(
                    InitErrorDetails(
                        type=fail(f"{what} {repeated} 重复"), loc=(i, fields[0]), input=key
                    )
                )
            seen.add(key)
        if errors:
            raise ValidationError.from_exception_data("unique", errors)
        return items

    return AfterValidator(check)


@with_config(STRICT)
class Score(TypedDict):
    """The self-assessment of one item (keyed by item id in ``scores``): its percentage, notes per
    guidance question, strengths, opportunities, who scored it and when.
    """

    pct: Percent
    notes: Annotated[dict[Key, FieldText], Field(max_length=MAX_NOTES)]
    strengths: LongText
    opportunities: LongText
    assessor: Line
    scored_at: OptionalStamp


@with_config(STRICT)
class Declaration(TypedDict):
    """The applicant's answer to one eligibility rule (keyed by rule id in ``declarations``):
    whether it is affirmed, the statement and the evidence offered.
    """

    affirmed: bool
    statement: LongText
    evidence: LongText
    affirmed_at: OptionalStamp


def _known_item(item: str, info: ValidationInfo) -> str:
    items = (info.context or {}).get("items")
    if items is not None and item not in items:
        raise fail(f"没有评分项 {shown(item)}")
    return item


@with_config(STRICT)
class Indicator(TypedDict):
    """A key performance indicator with its values per year (years as strings) and comparisons;
    ``item`` must be an item of the framework.
    """

    id: Key
    name: Line
    unit: Line
    better: Annotated[
        Literal["higher", "lower"], explained(lambda v: f"应为 higher 或 lower，收到 {shown(v)}")
    ]
    item: Annotated[Key, AfterValidator(_known_item)]
    values: Annotated[
        dict[Annotated[str, AfterValidator(check_year)], Number],
        Field(max_length=YEARS[1] - YEARS[0] + 1),
    ]
    target: Number | None
    competitor: Number | None
    competitor_source: Line
    benchmark: Number | None
    benchmark_source: Line


@with_config(STRICT)
class Link(TypedDict):
    """What an attachment supports: an item, an eligibility rule or a checklist entry."""

    kind: Annotated[
        Literal["item", "rule", "checklist"],
        explained(lambda v: f"关联类型应为 {'、'.join(LINK_KINDS)}，收到 {shown(v)}"),
    ]
    target: Key


def _base64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise fail("不是有效的 base64") from None


def _size_matches(size: int, info: ValidationInfo) -> int:
    data = info.data.get("data")
    if isinstance(data, bytes) and size != len(data):
        raise fail(f"应为 {len(data)}（附件内容的字节数），收到 {size}")
    return size


def _sha256_matches(digest: str, info: ValidationInfo) -> str:
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise fail("应为 64 位十六进制小写的 SHA-256")
    data = info.data.get("data")
    if isinstance(data, bytes) and hashlib.sha256(data).hexdigest() != digest:
        raise fail("与附件内容不符（文件可能已损坏或被改动）")
    return digest


@with_config(STRICT)
class Attachment(TypedDict):
    """An attachment with its content in base64; ``size`` and ``sha256`` must match the decoded
    content.
    """

    # data first: size and sha256 are checked against it.
    data: Annotated[str, StringConstraints(max_length=MAX_BASE64), AfterValidator(_base64)]
    id: RowId
    file_name: FileName
    media_type: Line
    size: Annotated[int, Field(ge=0, le=DEFAULT_MAX_ATTACHMENT), AfterValidator(_size_matches)]
    sha256: Annotated[str, StringConstraints(max_length=64), AfterValidator(_sha256_matches)]
    caption: FieldText
    added_at: Stamp
    links: Annotated[list[Link], Field(max_length=MAX_LINKS), unique("kind", "target", what="关联")]


# --- history: the value's type follows the kind -----------------------------------------------


@with_config(STRICT)
class FieldEntry(TypedDict):
    """A saved value of a field of the 申请表."""

    id: RowId
    kind: Literal["field"]
    key: Key
    value: FieldValue
    at: Stamp


@with_config(STRICT)
class RowsEntry(TypedDict):
    """A saved version of a table's rows; None: removed."""

    id: RowId
    kind: Literal["rows"]
    key: Key
    value: Annotated[list[Row], Field(max_length=MAX_ROWS)] | None
    at: Stamp


@with_config(STRICT)
class NarrativeEntry(TypedDict):
    """A saved version of an item's narrative (Markdown); None: removed."""

    id: RowId
    kind: Literal["narrative"]
    key: Key
    value: LongText | None
    at: Stamp


@with_config(STRICT)
class ProfileEntry(TypedDict):
    """A saved version of a profile section (Markdown); None: removed."""

    id: RowId
    kind: Literal["profile"]
    key: Key
    value: LongText | None
    at: Stamp


@with_config(STRICT)
class ScoreEntry(TypedDict):
    """A saved version of an item's :class:`Score`; None: removed."""

    id: RowId
    kind: Literal["score"]
    key: Key
    value: Score | None
    at: Stamp


@with_config(STRICT)
class DeclarationEntry(TypedDict):
    """A saved version of a rule's :class:`Declaration`; None: removed."""

    id: RowId
    kind: Literal["declaration"]
    key: Key
    value: Declaration | None
    at: Stamp


@with_config(STRICT)
class MetaEntry(TypedDict):
    """A setting's earlier value: only 字数上限 (``limit.<part>``) and the examiners' stage
    scores (``stage.<part>``) are set after creation.
    """

    id: RowId
    kind: Literal["meta"]
    key: Annotated[
        str,
        StringConstraints(pattern=r"^(limit|stage|notice)\.\S{1,100}$"),
        explained(
            lambda v: f"应为 limit.<部分编号>、stage.<评审环节> 或 notice.<项>，收到 {shown(v)}"
        ),
    ]
    value: FieldText | None
    at: Stamp


def _meta_value(entry: MetaEntry) -> MetaEntry:
    """The value fits its key: a 字数上限 for limit.<part>, a stage score for stage.<part>."""
    value = entry["value"]
    if value and entry["key"].startswith("limit.") and not re.fullmatch(r"[1-9][0-9]{0,8}", value):
        raise fail(f"字数上限应为正整数（或空，表示用奖项的规定），收到 {shown(value)}")
    if value and entry["key"].startswith("stage."):
        stage_text(value)
    return entry


def _history_kind(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("kind"), str):
        kind = value["kind"]
        return TAG + kind if kind in HISTORY_KINDS else None
    return None


_ENTRIES = {
    "field": FieldEntry,
    "rows": RowsEntry,
    "narrative": NarrativeEntry,
    "profile": ProfileEntry,
    "score": ScoreEntry,
    "declaration": DeclarationEntry,
    "meta": Annotated[MetaEntry, AfterValidator(_meta_value)],
}
assert set(_ENTRIES) == set(HISTORY_KINDS), "a history kind without its schema"
HistoryEntry = Annotated[  # type: ignore[valid-type]  # built at run time
    Union[tuple(Annotated[t, Tag(TAG + k)] for k, t in _ENTRIES.items())],  # noqa: UP007
    Discriminator(
        _history_kind,
        custom_error_type=CUSTOM,
        custom_error_message=f"应为历史记录：对象，kind 为 {'、'.join(HISTORY_KINDS)} 之一",
    ),
]
