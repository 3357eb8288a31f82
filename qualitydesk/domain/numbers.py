"""Numbers written one way: on screen, in the PDF and Word files, and on the command line.

- counts (字数, pages, rows) and whole amounts: thousands separators — ``integer(60000)`` → 60,000
- money in 万元: two decimals and separators — ``money_wan(12000)`` → 12,000.00 万元
  (``money`` without the unit, for a table whose header names it)
- percentages: ``percent(14.6)`` → 14.6% (the value is already in per cent; up to two decimals
  unless ``places`` fixes them); ``fraction_percent(0.65)`` → 65% for a share of one
- measured values (indicators, chart ticks): ``number(0.0275)`` → 0.0275, ``number(180000)`` →
  180,000 — no trailing zeros
- scores: ``score(27.5)`` → 27.5, ``score(608)`` → 608, ``score(Decimal("599.75"))`` → 599.75 —
  points as the award rules write them (不低于 600 分, 满分 1000 分): every decimal the exact value
  has and no more (never 600.00, never rounded: 599.75 is not 600), no separators;
  ``json_score`` gives the same value for JSON (a number whose text is exactly those digits)
- file sizes: ``file_size(1536)`` → 1.5 KB

Halves round up (2.675 → 2.68), as people round, never to the float below; scores are never
rounded. Every function takes
an int, float, Decimal or text (``"1,234.5"``, ``"12万元"``, ``"14.6%"``); text that is not a
number comes back unchanged, so a typing mistake is shown as typed instead of vanishing.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

Number = int | float | Decimal | str

WAN = "万元"
_NUMBER_TEXT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def to_decimal(value: object) -> Decimal | None:
    """The exact value of ``value``, or None when it is not a (finite) number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip().replace(",", "").replace(" ", "")
    text = text.removesuffix(WAN).removesuffix("%").strip()
    if not _NUMBER_TEXT.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None


def _fixed(value: Decimal, places: int, *, group: bool = True) -> str:
    """``value`` rounded half-up to ``places`` decimals; never "-0"."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    return f"{rounded:,.{places}f}" if group else f"{rounded:.{places}f}"


def _trimmed(value: Decimal, most: int, *, group: bool = True) -> str:
    """At most ``most`` decimals, trailing zeros dropped (180,000; 0.0275; 27.5)."""
    text = _fixed(value, most, group=group)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def integer(value: Number) -> str:
    """A count or whole amount with thousands separators: 60000 → 60,000."""
    exact = to_decimal(value)
    return str(value) if exact is None else _fixed(exact, 0)


def decimal(value: Number, places: int = 2) -> str:
    """A number with exactly ``places`` decimals and separators: 1234.5 → 1,234.50."""
    exact = to_decimal(value)
    return str(value) if exact is None else _fixed(exact, places)


def number(value: Number, most: int = 4) -> str:
    """A measured value as people write it: separators, no trailing zeros (0.0275; 180,000)."""
    exact = to_decimal(value)
    return str(value) if exact is None else _trimmed(exact, most)


def money(value: Number) -> str:
    """An amount in 万元 without the unit (the column header names it): 12000 → 12,000.00."""
    return decimal(value, 2)


def money_wan(value: Number) -> str:
    """An amount in 万元 with the unit: 12000 → "12,000.00 万元"; text that is not one unchanged."""
    exact = to_decimal(value)
    return str(value) if exact is None else f"{_fixed(exact, 2)} {WAN}"


def percent(value: Number, places: int | None = None) -> str:
    """A value in per cent: 14.6 → "14.6%"; ``places`` fixes the decimals (68.46, 1 → 68.5%)."""
    exact = to_decimal(value)
    if exact is None:
        return str(value)
    text = _trimmed(exact, 2) if places is None else _fixed(exact, places)
    return f"{text}%"


def fraction_percent(fraction: float, places: int = 0) -> str:
    """A share of one as a percentage: 0.645 → "65%" (``places`` decimals)."""
    exact = to_decimal(fraction)
    return str(fraction) if exact is None else percent(exact * 100, places)


def _exact_decimal(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form or as -0 (600, not 6E+2)."""
    trimmed = value.normalize() + 0  # + 0 brings 6E+2 back to exponent 0
    return abs(trimmed) if trimmed == 0 else trimmed


def score(value: Number) -> str:
    """Points exactly, as the award rules write them: 27.5, 608, 599.75, 85.2625 (every decimal
    the value has, no trailing zeros, no separators, never rounded).
    """
    exact = to_decimal(value)
    return str(value) if exact is None else f"{_exact_decimal(exact):f}"


def json_score(value: Number) -> int | float:
    """A score for JSON: an int when whole (600), else a float whose text is the exact decimal
    (599.75; 0.15 is written 0.15). Read it with ``json.loads(text, parse_float=Decimal)`` to get
    the exact value; ValueError if the value has more digits than a float keeps (never for a
    score of at most 1000 with a few decimals).
    """
    exact = to_decimal(value)
    if exact is None:
        raise ValueError(f"not a score: {value!r}")
    exact = _exact_decimal(exact)
    if exact == exact.to_integral_value():
        return int(exact)
    as_float = float(exact)
    if Decimal(repr(as_float)) != exact:
        raise ValueError(f"{exact} has more digits than a JSON number keeps exactly")
    return as_float


def file_size(size: int) -> str:
    """A file's size: 512 → "512 B", 1536 → "1.5 KB", 3 MB → "3.0 MB"."""
    if size < 1024:
        return f"{integer(size)} B"
    if size < 1024 * 1024:
        return f"{decimal(Decimal(size) / 1024, 1)} KB"
    return f"{decimal(Decimal(size) / 1048576, 1)} MB"
