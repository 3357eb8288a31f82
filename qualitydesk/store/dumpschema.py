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

from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, Literal, NotRequired

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    with_config,
)
from pydantic_core import ErrorDetails
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from qualitydesk.domain.forms import Award, Forms, Framework
from qualitydesk.store import schema
from qualitydesk.store.dumprecords import (
    Attachment,
    Declaration,
    HistoryEntry,
    Indicator,
    Score,
    unique,
)
from qualitydesk.store.dumpteam import TEAM_META, TEAM_SCHEMA
from qualitydesk.store.dumptypes import (
    CUSTOM,
    MAX_ATTACHMENTS,
    MAX_HISTORY,
    MAX_INDICATORS,
    MAX_ROWS,
    NOTICE_META,
    STRICT,
    TAG,
    UNPAIRED,
    DateText,
    FieldValue,
    Key,
    LimitText,
    Line,
    LongText,
    Row,
    StageText,
    Stamp,
    YearText,
    explained,
    fail,
    shown,
)
from qualitydesk.store.jsonpath import json_path

FORMAT = "qualitydesk"

# --- meta -------------------------------------------------------------------------------------


def _known_award(award: str, info: ValidationInfo) -> str:
    if award not in (info.context or {}).get("awards", {}):
        raise fail(f"没有编号为 {award!r} 的奖项")
    return award


def _matching_framework(framework: str, info: ValidationInfo) -> str:
    awards: Mapping[str, Award] = (info.context or {}).get("awards", {})
    award = awards.get(info.data.get("award", ""))
    if award is not None and framework != award.framework:
        raise fail(f"应为 {award.framework}（{award.name}所用的评价准则）")
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
META |= TEAM_META  # schema 3: the team's spread threshold

# --- the document -----------------------------------------------------------------------------


def _keyed(name: str, keys: Iterable[str], value: Any) -> Any:
    """A JSON object that may hold ``keys`` (each a ``value``) and nothing else."""
    return with_config(STRICT)(TypedDict(name, dict.fromkeys(keys, value), total=False))  # type: ignore[operator]  # built at run time


def _counted(kind: Any, limit: int) -> Any:
    return Annotated[kind, Field(max_length=limit)]


def _containers(forms: Forms, award: Award | None) -> dict[str, Any]:
    """The containers whose keys come from forms/ (free keys when the award is unknown)."""
    if award is None:  # meta reports the award; the rest is still checked for its types
        return {
            "meta": with_config(ConfigDict(extra="allow", strict=True))(TypedDict("Meta", META)),  # type: ignore[operator]  # built at run time
            "fields": _counted(dict[Key, FieldValue], 10_000),
            "tables": _counted(dict[Key, _counted(list[Row], MAX_ROWS)], 1_000),  # type: ignore[misc]  # built at run time
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
        t.id: _counted(list[_keyed(f"Row_{t.id}", [c.id for c in t.columns], FieldValue)], MAX_ROWS)  # type: ignore[misc]  # built at run time
        for t in forms.form.tables
    }
    return {
        "meta": with_config(STRICT)(TypedDict("Meta", META | limits)),  # type: ignore[operator]  # built at run time
        "fields": _keyed("Fields", [f.id for f in forms.form.fields], FieldValue),
        "tables": with_config(STRICT)(TypedDict("Tables", tables, total=False)),  # type: ignore[operator]  # built at run time
        "declarations": _keyed("Declarations", [r.id for r in award.rules], Declaration),
        "profile": _keyed("Profile", _profile_sections(framework, award), LongText),
        "narratives": _keyed("Narratives", items, LongText),
        "scores": _keyed("Scores", items, Score),
    }


def _profile_sections(framework: Framework, award: Award) -> list[str]:
    """The framework's profile sections and those of the award's own profiles (any applicant)."""
    profiles = (framework.profile, *award.profiles)
    return list(dict.fromkeys(s.id for p in profiles for s in p.sections))


def document_type(forms: Forms, award: Award | None) -> type:
    """The typed dict a dump of a document for ``award`` must match."""
    fields = {
        "format": Literal["qualitydesk"],
        "schema": Annotated[
            int,
            Field(ge=1, le=schema.SCHEMA_VERSION),
            explained(
                lambda v: f"不支持的格式版本 {shown(v)}（本程序支持 1–{schema.SCHEMA_VERSION}）"
            ),
        ],
        **_containers(forms, award),
        "indicators": Annotated[list[Indicator], Field(max_length=MAX_INDICATORS), unique("id")],
        "attachments": Annotated[list[Attachment], Field(max_length=MAX_ATTACHMENTS), unique("id")],
        "history": Annotated[list[HistoryEntry], Field(max_length=MAX_HISTORY), unique("id")],  # type: ignore[valid-type]  # built at run time
        **TEAM_SCHEMA,  # schema 3: the self-assessment team and the improvement plan
    }
    return with_config(STRICT)(TypedDict("Dump", fields))  # type: ignore[operator]  # built at run time


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


def validate(data: object, forms: Forms) -> tuple[dict[str, object] | None, list[str]]:
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
    parts = [p for p in loc if not (isinstance(p, str) and p.startswith(TAG))]
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


def describe(error: ErrorDetails) -> str:
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
