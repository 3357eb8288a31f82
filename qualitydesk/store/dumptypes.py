"""The value types of a dumped document: bounded strings, timestamps, dates, numbers, field values.

The building blocks of :mod:`qualitydesk.store.dumpschema`: each is an annotated type that
pydantic checks strictly, and each refusal is one Chinese message (:func:`fail`) that names the
value as the JSON had it (:func:`shown`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, NotRequired, Union

from pydantic import (
    AfterValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

from qualitydesk.domain.scoring import ScoreError, check_pct, stage_score
from qualitydesk.store.evidence import DEFAULT_MAX_ATTACHMENT

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
TAG = "\x1f"  # marks union tags in error locations (they are not part of the JSON path)
STRICT = ConfigDict(extra="forbid", strict=True)


def fail(message: str) -> PydanticCustomError:
    r"""An error whose message is ``message`` as is (no template: braces stay braces).

    An unpaired surrogate quoted from the input is written as ``\udXXX``: pydantic cannot
    render a message holding one (found by `make fuzz`).
    """
    printable = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return PydanticCustomError(CUSTOM, "{message}", {"message": printable})


def explained(message: Callable[[object], str]) -> WrapValidator:
    """Any error of the wrapped type is reported as one ``message(value)``."""

    def wrap(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except ValidationError:
            raise fail(message(value)) from None

    return WrapValidator(wrap)


def shown(value: object) -> str:
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
    r"""Text SQLite can store: UTF-8 encodable (JSON's \ud800 escapes give unpaired surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise fail(UNPAIRED) from None
    return text


Key = Annotated[str, StringConstraints(min_length=1, max_length=MAX_KEY), AfterValidator(_storable)]
Line = Annotated[str, StringConstraints(max_length=MAX_LINE), AfterValidator(_storable)]
FieldText = Annotated[str, StringConstraints(max_length=MAX_FIELD), AfterValidator(_storable)]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_storable)]


def _timestamp(text: str) -> str:
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        raise fail(
            f"不是有效的时间：{shown(text)}"
            "（应为带时区的 ISO 8601 时间，如 2026-05-15T09:00:00+08:00）"
        )
    return text


def _optional_timestamp(text: str) -> str:
    return _timestamp(text) if text else text


Stamp = Annotated[str, StringConstraints(max_length=64), AfterValidator(_timestamp)]
OptionalStamp = Annotated[
    str, StringConstraints(max_length=64), AfterValidator(_optional_timestamp)
]


def check_year(text: str) -> str:
    """``text`` if it is a four-digit year within :data:`YEARS`; else :func:`fail`'s error."""
    if not (len(text) == 4 and text.isascii() and text.isdigit()) or not (
        YEARS[0] <= int(text) <= YEARS[1]
    ):
        raise fail(f"年度应为 {YEARS[0]}–{YEARS[1]} 之间的四位数字，收到 {shown(text)}")
    return text


def _date(text: str) -> str:
    try:
        day = date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d\d-\d\d", text) else None
    except ValueError:
        day = None
    if day is None or not YEARS[0] <= day.year <= YEARS[1]:
        raise fail(f"不是有效的日期：{shown(text)}（应为 YYYY-MM-DD）")
    return text


YearText = Annotated[str, StringConstraints(max_length=8), AfterValidator(check_year)]
DateText = Annotated[str, StringConstraints(max_length=16), AfterValidator(_date)]
LimitText = Annotated[
    str,
    StringConstraints(pattern=r"^(|[1-9][0-9]{0,8})$"),
    explained(lambda v: f"字数上限应为正整数（或空，表示用奖项的规定），收到 {shown(v)}"),
]


def stage_text(text: str) -> str:
    """An examiners' stage score as the program reads it (0–1000, at most 4 decimals), or ""."""
    if text:
        try:
            stage_score(text)
        except ScoreError as exc:
            raise fail(str(exc)) from None
    return text


StageText = Annotated[str, StringConstraints(max_length=32), AfterValidator(stage_text)]


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
        raise fail("不是有效的文件名（不能为空，不能含路径或控制字符）")
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
        raise fail(f"百分比必须是 0–100 之间 {step} 的倍数（整数），收到 {shown(value)}") from None


Percent = Annotated[int, WrapValidator(_pct)]

# --- unions picked by the value's JSON type ---------------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return TAG + "null"
    kind = {bool: "bool", str: "str", int: "int", float: "float"}.get(type(value), "other")
    return TAG + kind


FieldValue = Annotated[
    Union[  # noqa: UP007 (tagged members, one per JSON type)
        Annotated[FieldText, Tag(TAG + "str")],
        Annotated[bool, Tag(TAG + "bool")],
        Annotated[None, Tag(TAG + "null")],
    ],
    Discriminator(
        _json_type,
        custom_error_type=CUSTOM,
        custom_error_message="应为字符串、true/false 或 null",
    ),
]
Row = Annotated[dict[Key, FieldValue], Field(max_length=MAX_COLUMNS)]
