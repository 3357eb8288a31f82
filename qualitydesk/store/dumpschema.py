"""The schema of a dumped document: what ``qualitydesk load`` accepts, checked whole before writing.

A dump is one JSON object (see :mod:`qualitydesk.store.interchange`). It is validated against one
pydantic schema built from forms/ for the document's award: the keys a container may hold (the
申请表's fields and tables and each table's columns, the framework's items and 组织概述 sections,
the award's clauses and the parts whose 字数上限 can be set) are the keys of its typed dict, so an
unknown one is refused where it stands; every value has its JSON type (strict: no ``"60"`` for
60, no ``true`` for 1), a length or count limit and the range of what it means (a percentage is
0–100 in the framework's step, a year 1900–2100, an indicator's value finite and below 10¹⁵, an
id fits the file). Values that would load and break later are refused too: a timestamp that is
not an ISO date and time with its offset, a 字数上限 that is not a number, attachment data that
is not base64 or does not match its sha256 and size, a file name with a folder in it, text
SQLite cannot store (unpaired surrogates), two records with one id.

The schema has no open ("any JSON") value anywhere, so nothing nests deeper than the format
does (five levels: ``$.history[i].value[j].column``); the parser's own limit (200 levels, see
:func:`qualitydesk.store.interchange.read_json`) stops deeper input before it is built.

:func:`validate` gives the document, normalised (attachment data decoded to bytes), or the list of
problems, each with its JSON path (``$.narratives["4.1.2"]``, ``$.history[3].at``) and a Chinese
message; pydantic's own (English) messages and class names never reach the user.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Annotated, Any, Literal, NotRequired, Union

from pydantic import (
    AfterValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    with_config,
)
from pydantic_core import InitErrorDetails, PydanticCustomError
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from qualitydesk.domain.forms import Award, Forms, Framework
from qualitydesk.domain.scoring import ScoreError, check_pct, stage_score
from qualitydesk.store import schema
from qualitydesk.store.document import DEFAULT_MAX_ATTACHMENT, HISTORY_KINDS
from qualitydesk.store.jsonpath import json_path
from qualitydesk.store.records import LINK_KINDS

FORMAT = "qualitydesk"

# --- limits -----------------------------------------------------------------------------------
# Outer bounds: what no dump of a real document comes near. The maxima of each place that the
# program enforces (forms/limits.toml) are checked after the schema, by qualitydesk.store.sizes,
# and are never above these (tests/robustness/test_load_hostile.py checks it).
MAX_KEY = 200  # an id or key: a field, item, clause, indicator, factor, history key
MAX_LINE = 2_000  # one line: a name, unit, source, media type, assessor, version
MAX_FILE_NAME = 255
MAX_FIELD = 20_000  # a field of the 申请表, a table cell, a factor note
MAX_TEXT = 1_000_000  # a narrative, a 组织概述 section, 优势 / 改进机会, a statement or evidence
MAX_COLUMNS = 200  # columns of one row (in the history, where the table is not checked)
MAX_ROWS = 2_000  # rows of one table
MAX_NOTES = 100  # factor notes of one score
MAX_INDICATORS = 2_000
MAX_ATTACHMENTS = 10_000
MAX_LINKS = 1_000  # links of one attachment
MAX_HISTORY = 500_000
MAX_ID = 2**31 - 1  # row ids count up from 1; far beyond any real file, well inside SQLite's
YEARS = (1900, 2100)
MAX_MAGNITUDE = 1e15  # an indicator's value, target or comparison (absolute)
MAX_BASE64 = 4 * -(-DEFAULT_MAX_ATTACHMENT // 3)  # an attachment at the size limit, encoded

CUSTOM = "qualitydesk"  # the pydantic error type of our own messages
_TAG = "\x1f"  # marks union tags in error locations (they are not part of the JSON path)
_STRICT = ConfigDict(extra="forbid", strict=True)


def _fail(message: str) -> PydanticCustomError:
    """An error whose message is ``message`` as is (no template: braces stay braces).

    An unpaired surrogate quoted from the input is written as ``\\udXXX``: pydantic cannot
    render a message holding one (found by `make fuzz`).
    """
    printable = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return PydanticCustomError(CUSTOM, "{message}", {"message": printable})


def _explained(message: Callable[[Any], str]) -> WrapValidator:
    """Any error of the wrapped type is reported as one ``message(value)``."""

    def wrap(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except ValidationError:
            raise _fail(message(value)) from None

    return WrapValidator(wrap)


def _shown(value: Any) -> str:
    """The value as the JSON had it, cut short (and no 4,300-digit integer spelled out)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        return "一个超过 30 位的整数"
    text = json.dumps(value, ensure_ascii=False) if _is_json(value) else repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _is_json(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


# --- strings ----------------------------------------------------------------------------------


UNPAIRED = "含无法保存的字符（不成对的 UTF-16 代理项）"


def _storable(text: str) -> str:
    """Text SQLite can store: UTF-8 encodable (JSON's \\ud800 escapes give unpaired surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail(UNPAIRED) from None
    return text


def _text(max_length: int, min_length: int = 0) -> Any:
    return Annotated[
        str,
        StringConstraints(min_length=min_length, max_length=max_length),
        AfterValidator(_storable),
    ]


Key = _text(MAX_KEY, min_length=1)
Line = _text(MAX_LINE)
FieldText = _text(MAX_FIELD)
LongText = _text(MAX_TEXT)


def _timestamp(text: str) -> str:
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        raise _fail(
            f"不是有效的时间：{_shown(text)}"
            "（应为带时区的 ISO 8601 时间，如 2026-05-15T09:00:00+08:00）"
        )
    return text


def _optional_timestamp(text: str) -> str:
    return _timestamp(text) if text else text


Stamp = Annotated[str, StringConstraints(max_length=64), AfterValidator(_timestamp)]
OptionalStamp = Annotated[
    str, StringConstraints(max_length=64), AfterValidator(_optional_timestamp)
]


def _year(text: str) -> str:
    if not (len(text) == 4 and text.isascii() and text.isdigit()) or not (
        YEARS[0] <= int(text) <= YEARS[1]
    ):
        raise _fail(f"年度应为 {YEARS[0]}–{YEARS[1]} 之间的四位数字，收到 {_shown(text)}")
    return text


def _date(text: str) -> str:
    try:
        day = date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d\d-\d\d", text) else None
    except ValueError:
        day = None
    if day is None or not YEARS[0] <= day.year <= YEARS[1]:
        raise _fail(f"不是有效的日期：{_shown(text)}（应为 YYYY-MM-DD）")
    return text


YearText = Annotated[str, StringConstraints(max_length=8), AfterValidator(_year)]
DateText = Annotated[str, StringConstraints(max_length=16), AfterValidator(_date)]
LimitText = Annotated[
    str,
    StringConstraints(pattern=r"^(|[1-9][0-9]{0,8})$"),
    _explained(lambda v: f"字数上限应为正整数（或空，表示用奖项的规定），收到 {_shown(v)}"),
]


def _stage_text(text: str) -> str:
    """An examiners' stage score as the program reads it (0–1000, at most 4 decimals), or ""."""
    if text:
        try:
            stage_score(text)
        except ScoreError as exc:
            raise _fail(str(exc)) from None
    return text


StageText = Annotated[str, StringConstraints(max_length=32), AfterValidator(_stage_text)]


def _optional_date(text: str) -> str:
    return _date(text) if text else text


# 申报通知 (qualitydesk/ui/pages/notice.py): the published notice chosen, this year's values
NOTICE_META: dict[str, Any] = {
    "notice.choice": NotRequired[Annotated[str, StringConstraints(pattern=r"^(|none|\d{4})$")]],
    "notice.deadline": NotRequired[
        Annotated[str, StringConstraints(max_length=16), AfterValidator(_optional_date)]
    ],
    "notice.channel": NotRequired[FieldText],
    "notice.notes": NotRequired[FieldText],
}


def _file_name(name: str) -> str:
    if name in ("", ".", "..") or any(ch in "/\\\x7f" or ch < " " for ch in name):
        raise _fail("不是有效的文件名（不能为空，不能含路径或控制字符）")
    return name


FileName = Annotated[str, StringConstraints(max_length=MAX_FILE_NAME), AfterValidator(_file_name)]

# --- numbers ----------------------------------------------------------------------------------

RowId = Annotated[int, Field(ge=1, le=MAX_ID)]
Number = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]


def _pct(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> int:
    step = (info.context or {}).get("step", 5)
    try:
        return check_pct(handler(value), step)
    except (ValidationError, ScoreError):
        raise _fail(
            f"百分比必须是 0–100 之间 {step} 的倍数（整数），收到 {_shown(value)}"
        ) from None


Percent = Annotated[int, WrapValidator(_pct)]

# --- unions picked by the value's JSON type ---------------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return _TAG + "null"
    kind = {bool: "bool", str: "str", int: "int", float: "float"}.get(type(value), "other")
    return _TAG + kind


FieldValue = Annotated[
    Union[  # noqa: UP007 (tagged members, one per JSON type)
        Annotated[FieldText, Tag(_TAG + "str")],
        Annotated[bool, Tag(_TAG + "bool")],
        Annotated[None, Tag(_TAG + "null")],
    ],
    Discriminator(
        _json_type,
        custom_error_type=CUSTOM,
        custom_error_message="应为字符串、true/false 或 null",
    ),
]
Row = Annotated[dict[Key, FieldValue], Field(max_length=MAX_COLUMNS)]

# --- records ----------------------------------------------------------------------------------


def _unique(*fields: str, what: str = "编号") -> AfterValidator:
    """No two items of the list share ``fields``; each repeat is reported where it stands."""

    def check(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[tuple[Any, ...]] = set()
        errors: list[InitErrorDetails] = []
        for i, item in enumerate(items):
            key = tuple(item[f] for f in fields)
            if key in seen:
                shown = "、".join(_shown(k) for k in key)
                errors.append(
                    InitErrorDetails(
                        type=_fail(f"{what} {shown} 重复"), loc=(i, fields[0]), input=key
                    )
                )
            seen.add(key)
        if errors:
            raise ValidationError.from_exception_data("unique", errors)
        return items

    return AfterValidator(check)


@with_config(_STRICT)
class Score(TypedDict):
    pct: Percent
    notes: Annotated[dict[Key, FieldText], Field(max_length=MAX_NOTES)]
    strengths: LongText
    opportunities: LongText
    assessor: Line
    scored_at: OptionalStamp


@with_config(_STRICT)
class Declaration(TypedDict):
    affirmed: bool
    statement: LongText
    evidence: LongText
    affirmed_at: OptionalStamp


def _known_item(item: str, info: ValidationInfo) -> str:
    items = (info.context or {}).get("items")
    if items is not None and item not in items:
        raise _fail(f"没有评分项 {_shown(item)}")
    return item


@with_config(_STRICT)
class Indicator(TypedDict):
    id: Key
    name: Line
    unit: Line
    better: Annotated[
        Literal["higher", "lower"], _explained(lambda v: f"应为 higher 或 lower，收到 {_shown(v)}")
    ]
    item: Annotated[Key, AfterValidator(_known_item)]
    values: Annotated[
        dict[Annotated[str, AfterValidator(_year)], Number],
        Field(max_length=YEARS[1] - YEARS[0] + 1),
    ]
    target: Number | None
    competitor: Number | None
    competitor_source: Line
    benchmark: Number | None
    benchmark_source: Line


@with_config(_STRICT)
class Link(TypedDict):
    kind: Annotated[
        Literal["item", "rule", "checklist"],
        _explained(lambda v: f"关联类型应为 {'、'.join(LINK_KINDS)}，收到 {_shown(v)}"),
    ]
    target: Key


def _base64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _fail("不是有效的 base64") from None


def _size_matches(size: int, info: ValidationInfo) -> int:
    data = info.data.get("data")
    if isinstance(data, bytes) and size != len(data):
        raise _fail(f"应为 {len(data)}（附件内容的字节数），收到 {size}")
    return size


def _sha256_matches(digest: str, info: ValidationInfo) -> str:
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise _fail("应为 64 位十六进制小写的 SHA-256")
    data = info.data.get("data")
    if isinstance(data, bytes) and hashlib.sha256(data).hexdigest() != digest:
        raise _fail("与附件内容不符（文件可能已损坏或被改动）")
    return digest


@with_config(_STRICT)
class Attachment(TypedDict):
    # data first: size and sha256 are checked against it.
    data: Annotated[str, StringConstraints(max_length=MAX_BASE64), AfterValidator(_base64)]
    id: RowId
    file_name: FileName
    media_type: Line
    size: Annotated[int, Field(ge=0, le=DEFAULT_MAX_ATTACHMENT), AfterValidator(_size_matches)]
    sha256: Annotated[str, StringConstraints(max_length=64), AfterValidator(_sha256_matches)]
    caption: FieldText
    added_at: Stamp
    links: Annotated[
        list[Link], Field(max_length=MAX_LINKS), _unique("kind", "target", what="关联")
    ]


# --- history: the value's type follows the kind -----------------------------------------------


@with_config(_STRICT)
class FieldEntry(TypedDict):
    id: RowId
    kind: Literal["field"]
    key: Key
    value: FieldValue
    at: Stamp


@with_config(_STRICT)
class RowsEntry(TypedDict):
    id: RowId
    kind: Literal["rows"]
    key: Key
    value: Annotated[list[Row], Field(max_length=MAX_ROWS)] | None
    at: Stamp


@with_config(_STRICT)
class NarrativeEntry(TypedDict):
    id: RowId
    kind: Literal["narrative"]
    key: Key
    value: LongText | None
    at: Stamp


@with_config(_STRICT)
class ProfileEntry(TypedDict):
    id: RowId
    kind: Literal["profile"]
    key: Key
    value: LongText | None
    at: Stamp


@with_config(_STRICT)
class ScoreEntry(TypedDict):
    id: RowId
    kind: Literal["score"]
    key: Key
    value: Score | None
    at: Stamp


@with_config(_STRICT)
class DeclarationEntry(TypedDict):
    id: RowId
    kind: Literal["declaration"]
    key: Key
    value: Declaration | None
    at: Stamp


@with_config(_STRICT)
class MetaEntry(TypedDict):
    """A setting's earlier value: only 字数上限 (``limit.<part>``) and the examiners' stage
    scores (``stage.<part>``) are set after creation."""

    id: RowId
    kind: Literal["meta"]
    key: Annotated[
        str,
        StringConstraints(pattern=r"^(limit|stage|notice)\.\S{1,100}$"),
        _explained(
            lambda v: f"应为 limit.<部分编号>、stage.<评审环节> 或 notice.<项>，收到 {_shown(v)}"
        ),
    ]
    value: FieldText | None
    at: Stamp


def _meta_value(entry: MetaEntry) -> MetaEntry:
    """The value fits its key: a 字数上限 for limit.<part>, a stage score for stage.<part>."""
    value = entry["value"]
    if value and entry["key"].startswith("limit.") and not re.fullmatch(r"[1-9][0-9]{0,8}", value):
        raise _fail(f"字数上限应为正整数（或空，表示用奖项的规定），收到 {_shown(value)}")
    if value and entry["key"].startswith("stage."):
        _stage_text(value)
    return entry


def _history_kind(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("kind"), str):
        kind = value["kind"]
        return _TAG + kind if kind in HISTORY_KINDS else None
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
HistoryEntry = Annotated[
    Union[tuple(Annotated[t, Tag(_TAG + k)] for k, t in _ENTRIES.items())],  # noqa: UP007
    Discriminator(
        _history_kind,
        custom_error_type=CUSTOM,
        custom_error_message=f"应为历史记录：对象，kind 为 {'、'.join(HISTORY_KINDS)} 之一",
    ),
]

# --- meta -------------------------------------------------------------------------------------


def _known_award(award: str, info: ValidationInfo) -> str:
    if award not in (info.context or {}).get("awards", {}):
        raise _fail(f"没有编号为 {award!r} 的奖项")
    return award


def _matching_framework(framework: str, info: ValidationInfo) -> str:
    awards: Mapping[str, Award] = (info.context or {}).get("awards", {})
    award = awards.get(info.data.get("award", ""))
    if award is not None and framework != award.framework:
        raise _fail(f"应为 {award.framework}（{award.name}所用的评价准则）")
    return framework


META: dict[str, Any] = {
    "award": Annotated[Key, AfterValidator(_known_award)],
    "framework": Annotated[Key, AfterValidator(_matching_framework)],
    "year": YearText,
    "date": DateText,
    "created": Stamp,
    "modified": Stamp,
    "app_version": Line,
    "award_version": NotRequired[Line],
    "applicant": NotRequired[Literal["organisation", "individual"]],  # who applies
    # 以往年申报为基础新建 (store/renew.py): the items still to update, and where it came from
    "needs_update": NotRequired[Line],
    "renewed_from": NotRequired[Line],
    "renewed_from_year": NotRequired[YearText],
} | NOTICE_META

# --- the document -----------------------------------------------------------------------------


def _keyed(name: str, keys: Iterable[str], value: Any) -> Any:
    """A JSON object that may hold ``keys`` (each a ``value``) and nothing else."""
    return with_config(_STRICT)(TypedDict(name, dict.fromkeys(keys, value), total=False))


def _counted(kind: Any, limit: int) -> Any:
    return Annotated[kind, Field(max_length=limit)]


def _containers(forms: Forms, award: Award | None) -> dict[str, Any]:
    """The containers whose keys come from forms/ (free keys when the award is unknown)."""
    if award is None:  # meta reports the award; the rest is still checked for its types
        return {
            "meta": with_config(ConfigDict(extra="allow", strict=True))(TypedDict("Meta", META)),
            "fields": _counted(dict[Key, FieldValue], 10_000),
            "tables": _counted(dict[Key, _counted(list[Row], MAX_ROWS)], 1_000),
            "declarations": _counted(dict[Key, Declaration], 1_000),
            "profile": _counted(dict[Key, LongText], 1_000),
            "narratives": _counted(dict[Key, LongText], 1_000),
            "scores": _counted(dict[Key, Score], 1_000),
        }
    framework = forms.framework(award.framework)
    items = [i.id for i in framework.items]
    limits = {f"limit.{p.id}": NotRequired[LimitText] for p in award.parts}
    if award.composite is not None:  # the examiners' stage scores (stage.<part>)
        limits |= {f"stage.{p.id}": NotRequired[StageText] for p in award.composite.parts}
    tables = {
        t.id: _counted(list[_keyed(f"Row_{t.id}", [c.id for c in t.columns], FieldValue)], MAX_ROWS)
        for t in forms.form.tables
    }
    return {
        "meta": with_config(_STRICT)(TypedDict("Meta", META | limits)),
        "fields": _keyed("Fields", [f.id for f in forms.form.fields], FieldValue),
        "tables": with_config(_STRICT)(TypedDict("Tables", tables, total=False)),
        "declarations": _keyed("Declarations", [r.id for r in award.rules], Declaration),
        "profile": _keyed("Profile", _profile_sections(framework, award), LongText),
        "narratives": _keyed("Narratives", items, LongText),
        "scores": _keyed("Scores", items, Score),
    }


def _profile_sections(framework: Framework, award: Award) -> list[str]:
    """The framework's profile sections and those of the award's own profiles (any applicant)."""
    profiles = (framework.profile, *award.profiles)
    return list(dict.fromkeys(s.id for p in profiles for s in p.sections))


def document_type(forms: Forms, award: Award | None) -> Any:
    """The typed dict a dump of a document for ``award`` must match."""
    fields = {
        "format": Literal["qualitydesk"],
        "schema": Annotated[
            int,
            Field(ge=1, le=schema.SCHEMA_VERSION),
            _explained(
                lambda v: f"不支持的格式版本 {_shown(v)}（本程序支持 1–{schema.SCHEMA_VERSION}）"
            ),
        ],
        **_containers(forms, award),
        "indicators": Annotated[list[Indicator], Field(max_length=MAX_INDICATORS), _unique("id")],
        "attachments": Annotated[
            list[Attachment], Field(max_length=MAX_ATTACHMENTS), _unique("id")
        ],
        "history": Annotated[list[HistoryEntry], Field(max_length=MAX_HISTORY), _unique("id")],
    }
    return with_config(_STRICT)(TypedDict("Dump", fields))


class _Schemas:
    """The compiled schema of each award, made once per Forms (compiling takes a while)."""

    def __init__(self, forms: Forms) -> None:
        self.forms = forms
        self.adapters: dict[str | None, TypeAdapter[Any]] = {}

    def adapter(self, award: Award | None) -> TypeAdapter[Any]:
        key = award.id if award else None
        if key not in self.adapters:
            self.adapters[key] = TypeAdapter(document_type(self.forms, award))
        return self.adapters[key]

    def context(self, award: Award | None) -> dict[str, Any]:
        context: dict[str, Any] = {"awards": self.forms.awards}
        if award is not None and award.framework in self.forms.frameworks:
            framework = self.forms.frameworks[award.framework]
            context |= {"items": {i.id for i in framework.items}, "step": framework.step}
        return context


_SCHEMAS: list[_Schemas] = []  # a few Forms at most: the program's, and the tests'


def _schemas(forms: Forms) -> _Schemas:
    for found in _SCHEMAS:
        if found.forms is forms:
            return found
    del _SCHEMAS[:-3]
    _SCHEMAS.append(_Schemas(forms))
    return _SCHEMAS[-1]


def validate(data: Any, forms: Forms) -> tuple[dict[str, Any] | None, list[str]]:
    """``(document, [])`` when ``data`` is a loadable dump, else ``(None, problems)``.

    The document is ``data`` normalised: typed as the schema says, attachment data as bytes.
    """
    if not isinstance(data, dict):
        return None, ["$：应为对象（这不是 QualityDesk 导出的 JSON）"]
    if data.get("format") != FORMAT:
        return None, [f"$.format：应为 {FORMAT!r}（这不是 QualityDesk 导出的 JSON）"]
    meta = data.get("meta")
    award_id = meta.get("award") if isinstance(meta, dict) else None
    award = forms.awards.get(award_id) if isinstance(award_id, str) else None
    if award is not None and award.framework not in forms.frameworks:
        award = None
    schemas = _schemas(forms)
    try:
        document = schemas.adapter(award).validate_python(
            data, strict=True, context=schemas.context(award)
        )
    except ValidationError as exc:
        return None, [describe(error) for error in exc.errors(include_url=False)]
    return document, []


# --- messages ---------------------------------------------------------------------------------


def _clean(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The location in the JSON: without union tags and pydantic's "[key]" marker."""
    parts = [p for p in loc if not (isinstance(p, str) and p.startswith(_TAG))]
    if parts and parts[-1] == "[key]":
        parts.pop()
    return tuple(parts)


_UNKNOWN_KEYS = {
    "fields": "申请表中没有这个字段",
    "tables": "申请表中没有这个表格",
    "declarations": "该奖项没有这一资格条款",
    "profile": "评价准则中没有这个组织概述章节",
    "narratives": "评价准则中没有这个评分项",
    "scores": "评价准则中没有这个评分项",
}


def _unknown_key(loc: tuple[int | str, ...]) -> str:
    if len(loc) == 2 and loc[0] in _UNKNOWN_KEYS:
        return _UNKNOWN_KEYS[str(loc[0])]
    if len(loc) == 4 and loc[0] == "tables":
        return "表格中没有这一列"
    if len(loc) == 2 and loc[0] == "meta":
        if str(loc[1]).startswith("limit."):
            return "该奖项没有这一部分，不能设字数上限"
        if str(loc[1]).startswith("stage."):
            return "该奖项没有这一评审环节的得分"
        return "不是已知的文件信息"
    return "未知的键"


def _too_long(error: Mapping[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if isinstance(value, str):
        return f"过长（{len(value):,} 字符，上限 {ctx.get('max_length', 0):,}）"
    return f"条目过多（上限 {ctx.get('max_length', 0):,} 条）"


_MESSAGES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "missing": lambda e: "缺少",
    "string_type": lambda e: "应为字符串",
    "int_type": lambda e: "应为整数",
    "bool_type": lambda e: "应为 true/false",
    "float_type": lambda e: "应为数字",
    "finite_number": lambda e: "应为有限的数字（不能是 NaN 或 Infinity）",
    "dict_type": lambda e: "应为对象",
    "model_type": lambda e: "应为对象",
    "model_attributes_type": lambda e: "应为对象",
    "list_type": lambda e: "应为数组",
    "none_required": lambda e: "应为 null",
    "string_unicode": lambda e: UNPAIRED,
    "string_too_short": lambda e: "不能为空",
    "string_too_long": _too_long,
    "too_long": _too_long,
    "greater_than_equal": lambda e: f"应不小于 {e['ctx']['ge']:,}",
    "less_than_equal": lambda e: f"应不大于 {e['ctx']['le']:,}",
    "literal_error": lambda e: f"应为 {e['ctx']['expected']}",
    "string_pattern_mismatch": lambda e: "格式不正确",
}


def describe(error: Mapping[str, Any]) -> str:
    """One pydantic error as ``$.path：中文说明``."""
    loc = _clean(tuple(error["loc"]))
    kind = error["type"]
    if kind == CUSTOM:
        message = str((error.get("ctx") or {}).get("message") or error.get("msg", ""))
    elif kind == "extra_forbidden":
        message = _unknown_key(loc)
    elif kind in _MESSAGES:
        try:
            message = _MESSAGES[kind](error)
        except (KeyError, TypeError, ValueError):
            message = "格式不正确"
    else:
        message = "格式不正确"
    # Printable whatever the input held: an unpaired surrogate would fail on the way to stderr.
    return f"{json_path(loc)}：{message}".encode("utf-8", "backslashreplace").decode("utf-8")
