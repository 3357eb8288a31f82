"""Validators for the 申请表: each takes what the user typed and returns a Check.

A Check carries the normalised value (full-width digits and letters made half-width, spaces
trimmed, dates as ISO), an error message in Chinese when the input is wrong, and a warning for
input that is acceptable but worth a second look (e.g. an old 统一社会信用代码 whose embedded
组织机构代码 check fails).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from msgspec import Struct

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 20 29 25 13 8 …
ORG_CODE_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


class Check(Struct, frozen=True):
    """The result of checking one field: whether it is acceptable, the value as it should be stored
    (normalised), and why not or what to look at.
    """

    ok: bool
    value: str
    message: str = ""  # why it is wrong (when not ok)
    warning: str = ""  # acceptable, but worth a look


def _ok(value: str, warning: str = "") -> Check:
    return Check(True, value, "", warning)


def _bad(value: str, message: str) -> Check:
    return Check(False, value, message)


def normalize(text: str) -> str:
    """NFKC (full-width → half-width) and trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


# --- 统一社会信用代码 (GB 32100-2015) ---------------------------------------------------------


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character (MOD 31) for the first 17 characters of a code."""
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    """The GB 11714 check character (MOD 11) of a 组织机构代码 body."""
    total = sum(
        ORG_CODE_CHARSET.index(c) * w for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def normalize_uscc(text: str) -> str:
    """Upper-case, half-width, with spaces and hyphens removed."""
    return re.sub(r"[\s\-]", "", normalize(text)).upper()


def region_code(uscc: str) -> str:
    """The 行政区划码 (positions 3–8) of a 统一社会信用代码, or "" when it has none."""
    code = normalize_uscc(uscc)
    return code[2:8] if len(code) == 18 and code[2:8].isdigit() else ""


def check_uscc(text: str) -> Check:
    """A 统一社会信用代码 checked against GB 32100: length, characters, 行政区划码 and check
    character; a wrong check character of the embedded 组织机构代码 is only a warning.
    """
    code = normalize_uscc(text)
    if not code:
        return _bad(code, "请填写统一社会信用代码")
    if len(code) != 18:
        return _bad(code, f"统一社会信用代码应为 18 位，现为 {len(code)} 位")
    bad = sorted({c for c in code if c not in USCC_CHARSET})
    if bad:
        return _bad(
            code, f"统一社会信用代码含有不允许的字符 {'、'.join(bad)}（不使用 I、O、S、V、Z）"
        )
    if not code[2:8].isdigit():
        return _bad(code, f"第 3–8 位应为 6 位数字的行政区划码，现为 {code[2:8]}")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return _bad(
            code, f"校验位错误：第 18 位应为 {expected}，现为 {code[17]}，请核对代码是否抄错"
        )
    body = code[8:17]
    if all(c in ORG_CODE_CHARSET for c in body) and org_code_check_char(body[:8]) != body[8]:
        return _ok(
            code, "第 9–17 位的组织机构代码校验位不符（部分早期代码如此），请对照营业执照核对"
        )
    return _ok(code)


# --- contact details --------------------------------------------------------------------------

_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
_LANDLINE = re.compile(r"(?:\+?86)?0\d{2,3}\d{7,8}(?:(?:转|ext\.?|x|#)\d{1,6})?", re.IGNORECASE)
_SERVICE = re.compile(r"[48]00\d{7}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def _compact_phone(text: str) -> str:
    return re.sub(r"[\s\-()（）]", "", normalize(text))


def check_mobile(text: str) -> Check:
    """A mainland mobile number (11 digits starting 1, an optional +86 dropped)."""
    number = _compact_phone(text)
    if not number:
        return _bad(number, "请填写手机号码")
    if not _MOBILE.fullmatch(number):
        return _bad(number, "手机号码应为以 1 开头的 11 位数字，例如 13912345678")
    return _ok(number[-11:])


def check_phone(text: str) -> Check:
    """A landline with 区号 (0512-6688 1234), a 400/800 number, or a mobile."""
    raw = normalize(text)
    number = _compact_phone(text)
    if not number:
        return _bad(number, "请填写电话号码")
    if _MOBILE.fullmatch(number) or _SERVICE.fullmatch(number):
        return _ok(number)
    if _LANDLINE.fullmatch(number):
        return _ok(raw)
    return _bad(raw, "电话号码应含区号，例如 0512-66881234；也可填写手机或 400 电话")


def check_email(text: str) -> Check:
    """An e-mail address (one @, a dotted domain, no "..")."""
    value = normalize(text)
    if not value:
        return _bad(value, "请填写电子邮箱")
    if not _EMAIL.fullmatch(value) or ".." in value:
        return _bad(value, "电子邮箱格式不正确，例如 quality@example.com")
    return _ok(value)


def check_postcode(text: str) -> Check:
    """A six-digit 邮政编码 (spaces dropped)."""
    value = re.sub(r"\s", "", normalize(text))
    if not re.fullmatch(r"\d{6}", value):
        return _bad(value, "邮政编码应为 6 位数字，例如 215000")
    return _ok(value)


# --- dates, money, percentages ----------------------------------------------------------------

_DATE = re.compile(r"(\d{4})\s*(?:[-./年])\s*(\d{1,2})\s*(?:[-./月])\s*(\d{1,2})\s*日?")


def parse_date(text: str) -> date | None:
    """Read 2016-12-01, 2016/12/1, 2016.12.01 or 2016年12月1日; None when it is not a date."""
    match = _DATE.fullmatch(normalize(text))
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def check_date(text: str) -> Check:
    """A date in any form :func:`parse_date` reads, stored as ISO (2016-12-01); a date that does not
    exist (2月30日) says so.
    """
    value = normalize(text)
    if not value:
        return _bad(value, "请填写日期")
    parsed = parse_date(value)
    if parsed is None:
        if _DATE.fullmatch(value):
            return _bad(value, f"日期 {value} 不存在，请核对年月日")
        return _bad(value, "日期格式应为 年-月-日，例如 2016-12-01 或 2016年12月1日")
    return _ok(parsed.isoformat())


def _decimal(text: str) -> Decimal | None:
    value = normalize(text).replace(",", "").replace("，", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _check_number(text: str, what: str, unit: str, allow_negative: bool) -> Check:
    raw = normalize(text).removesuffix(unit).strip()
    if not raw:
        return _bad(raw, f"请填写{what}")
    number = _decimal(raw)
    if number is None:
        return _bad(raw, f"{what}应为数字（单位：{unit}），例如 1234.56")
    if number < 0 and not allow_negative:
        return _bad(raw, f"{what}不能为负数")
    if number.as_tuple().exponent < -2:  # type: ignore[operator]
        return _bad(raw, f"{what}最多保留 2 位小数")
    return _ok(f"{number:.2f}")


def check_money(text: str) -> Check:
    """An amount in 万元: non-negative, at most 2 decimals."""
    return _check_number(text, "金额", "万元", allow_negative=False)


def check_signed_money(text: str) -> Check:
    """An amount in 万元 that may be negative (利润总额: a loss)."""
    return _check_number(text, "金额", "万元", allow_negative=True)


def check_percent(text: str) -> Check:
    """A percentage, at most 2 decimals; values above 100 are allowed (资本保值增值率 108.5%)."""
    return _check_number(text, "百分比", "%", allow_negative=False)


VALIDATORS: dict[str, Callable[[str], Check]] = {
    "uscc": check_uscc,
    "phone": check_phone,
    "mobile": check_mobile,
    "email": check_email,
    "postcode": check_postcode,
    "date": check_date,
    "money": check_money,
    "signed_money": check_signed_money,
    "percent": check_percent,
}


def validate(validator: str, text: str) -> Check:
    """Run the named validator (as written in forms/application-form.toml) on ``text``."""
    try:
        return VALIDATORS[validator](text)
    except KeyError:
        raise ValueError(f"unknown validator {validator!r}") from None
