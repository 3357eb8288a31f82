"""Schema errors in Chinese: which file, which key, what is allowed and what was found.

msgspec reports the first problem of a table as ``Expected `int` >= 1 - at `$.tiers[0].line```;
this module turns it into ``awards/sip.toml: tiers[0].line: 应不小于 1，实为 0``, reading the
allowed range, the allowed words and the known keys from the model's own types.
"""

from __future__ import annotations

import re

import msgspec
import msgspec.inspect as mi

from qualitydesk.domain.forms.base import FormsError

_TYPE_NAMES = {
    "int": "整数",
    "float": "数字",
    "str": "文字",
    "bool": "true 或 false",
    "date": "日期（YYYY-MM-DD）",
    "datetime": "日期时间",
    "array": "列表 [...]",
    "object": "表（table）",
    "null": "空值",
}
_MESSAGE = re.compile(r"(?P<what>.*?)(?: - at `\$(?P<path>[^`]*)`)?", re.DOTALL)
_SEGMENT = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_UNKNOWN = "未知的键（拼写有误，或不属于此格式）"
_FILLED_IN = (
    "applicant",
    "award",
    "category",
    "ladder",
)  # fields the loader sets, never keys of a file


def problem(file: str, path: str, message: str) -> FormsError:
    """The error ``file: path: message`` (the path names the key; empty: the file's top)."""
    return FormsError(f"{file}: {path or '（顶层）'}: {message}")


def join(*keys: str) -> str:
    """A key path from its pieces: ``rules[3]`` + ``params`` → ``rules[3].params``."""
    return ".".join(k for k in keys if k).replace(".[", "[")


def schema_error(
    file: str, prefix: str, exc: msgspec.ValidationError, data: object, model: type
) -> FormsError:
    """The validation error ``exc`` of ``data`` (read as ``model``) in ``file`` under ``prefix``."""
    found = _MESSAGE.fullmatch(str(exc))
    assert found is not None  # the pattern matches any text
    what, at = found["what"], found["path"] or ""
    segments = _segments(at)
    named = re.match(r"Object (missing required|contains unknown) field `([^`]+)`", what)
    if named:
        segments.append(named[2])
        at += f".{named[2]}"
    path = join(prefix, at.removeprefix("."))
    if named and named[1] == "missing required":
        return problem(file, path, "缺少此项（必填）")
    info = _type_at(mi.type_info(model), segments[:-1] if named else segments)
    if named:
        fields = info.fields if isinstance(info, mi.StructType) else ()
        keys = "、".join(f.encode_name for f in fields if f.encode_name not in _FILLED_IN)
        return problem(file, path, _UNKNOWN + (f"；此处可用的键：{keys}" if keys else ""))
    value = _value(data, segments)
    return problem(file, path, _describe(what, _type_at(mi.type_info(model), segments), value))


def _segments(path: str) -> list[str | int]:
    return [m[1] if m[1] is not None else int(m[2]) for m in _SEGMENT.finditer(path)]


def _value(data: object, segments: list[str | int]) -> object:
    for segment in segments:
        if isinstance(segment, int) and isinstance(data, list) and segment < len(data):
            data = data[segment]
        elif isinstance(segment, str) and isinstance(data, dict):
            data = data.get(segment)
        else:
            return None
    return data


def _unwrap(info: mi.Type) -> mi.Type:
    """The type itself: without its metadata, and of ``T | None`` the ``T``."""
    while True:
        if isinstance(info, mi.Metadata):
            info = info.type
        elif isinstance(info, mi.UnionType):
            types = [t for t in info.types if not isinstance(t, mi.NoneType)]
            if len(types) != 1:
                return info
            info = types[0]
        else:
            return info


def _type_at(info: mi.Type, segments: list[str | int]) -> mi.Type:
    """The type of the value at ``segments`` inside a value of type ``info``."""
    for segment in segments:
        inner = _unwrap(info)
        if isinstance(inner, mi.StructType) and isinstance(segment, str):
            fields = {f.encode_name: f.type for f in inner.fields}
            info = fields.get(segment, mi.AnyType())
        elif isinstance(inner, mi.ListType | mi.VarTupleType) and isinstance(segment, int):
            info = inner.item_type
        elif isinstance(inner, mi.DictType):
            info = inner.value_type
        else:
            return mi.AnyType()
    return info


def _unit(info: mi.Type) -> str:
    while isinstance(info, mi.Metadata | mi.UnionType):
        if isinstance(info, mi.Metadata):
            return f" {info.extra['unit']}" if info.extra and "unit" in info.extra else ""
        info = next((t for t in info.types if not isinstance(t, mi.NoneType)), mi.AnyType())
    return ""


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value) if isinstance(value, str) else str(value)


def _describe(what: str, info: mi.Type, value: object) -> str:
    """The problem in Chinese, with the allowed range or words and the value found."""
    inner, unit = _unwrap(info), _unit(info)
    found = f"，实为 {_shown(value)}" if value is not None else ""
    if what.startswith("Invalid enum value") and isinstance(inner, mi.LiteralType):
        allowed = "、".join(str(v) for v in inner.values)
        return f"{_shown(value)} 不是可用的值（可用：{allowed}）"
    if isinstance(inner, mi.IntType | mi.FloatType) and re.search(r"[<>]=? ", what):
        low, high = inner.ge, inner.le
        if low is not None and high is not None:
            return f"应在 {low:g}–{high:g}{unit} 之间{found}{unit}"
        if low is not None:
            return f"应不小于 {low:g}{unit}{found}{unit}"
        return f"应不大于 {high:g}{unit}{found}{unit}" if high is not None else what
    if "matching regex" in what or "length >=" in what:
        return "不能为空"
    if what.startswith("Invalid") and "date" in what:
        return f"应为{_TYPE_NAMES['date']}{found}"
    expected = re.match(r"Expected `([^`]+)`, got `([^`]+)`", what)
    if expected:
        wanted = [_TYPE_NAMES.get(t, t) for t in expected[1].split(" | ") if t != "null"]
        got = _TYPE_NAMES.get(expected[2], expected[2])
        shown = f" {_shown(value)}" if isinstance(value, str | int | float) else ""
        return f"应为{'或'.join(wanted)}{unit.strip() and f'（{unit.strip()}）'}，实为{got}{shown}"
    return what
