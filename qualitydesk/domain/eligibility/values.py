"""Reading an application's values for 资格自查: typed values or the text the user typed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from qualitydesk.domain.forms import FormCatalogue
from qualitydesk.domain.validators import normalize, parse_date


def as_text(value: object) -> str:
    """``value`` as normalised text; "" for None."""
    return normalize(str(value)) if value is not None else ""


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    return parse_date(as_text(value)) if as_text(value) else None


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    raw = as_text(value).replace(",", "").removesuffix("万元").strip()
    return Decimal(raw) if re.fullmatch(r"[+-]?\d+(\.\d+)?", raw) else None


def _year(value: object) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number == int(number) else None


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return as_text(value).lower() in ("1", "true", "yes", "是", "已撤销", "√", "✓")


def _whole_years(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _label(form: FormCatalogue | None, field_id: str) -> str:
    if form is None:
        return field_id
    try:
        return form.field(field_id).label
    except KeyError:
        return field_id


def _compact(text: str) -> str:
    """What patterns are matched against: half-width, upper-case, without spaces."""
    return re.sub(r"\s", "", normalize(text)).upper()


def _matches(patterns: Iterable[str], text: str) -> bool:
    compact = _compact(text)
    return bool(compact) and any(re.search(p, compact, re.IGNORECASE) for p in patterns)


def param_strs(params: Mapping[str, object], key: str) -> list[str]:
    """The strings a rule's parameter ``key`` lists (none when it is absent)."""
    return [str(v) for v in params.get(key) or ()]  # type: ignore[attr-defined]
