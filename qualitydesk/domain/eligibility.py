"""资格自查: each eligibility clause of a programme evaluated against the application's data.

A rule's ``kind`` names the check and its ``params`` come from forms/; nothing is hard-wired to a
programme. Every evaluation returns a Finding with one of four statuses and a Chinese reason:

- ``pass``: the data shows the condition is met;
- ``fail``: the data shows it is not;
- ``needs-data``: the data needed is missing (or only the applicant can affirm the clause);
- ``declared``: the applicant affirmed the clause; evidence is checked by the examiners.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from qualitydesk.domain.forms import Award, FormCatalogue, Rule
from qualitydesk.domain.numbers import money_wan
from qualitydesk.domain.validators import normalize, parse_date, region_code

Row = Mapping[str, object]


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NEEDS_DATA = "needs-data"
    DECLARED = "declared"

    @property
    def label(self) -> str:
        return {"pass": "符合", "fail": "不符合", "needs-data": "待补充", "declared": "已声明"}[
            self
        ]


@dataclass(frozen=True)
class Application:
    """What eligibility needs to know of an application: its date, fields, tables, declarations.

    Values may be typed (``date``, numbers) or the text the user typed; both are read.
    """

    date: date
    fields: Mapping[str, object] = field(default_factory=dict)
    tables: Mapping[str, Sequence[Row]] = field(default_factory=dict)
    declared: frozenset[str] = frozenset()  # ids of rules the applicant has affirmed


@dataclass(frozen=True)
class Finding:
    rule: Rule
    status: Status
    reason: str

    @property
    def clause(self) -> str:
        return self.rule.citation


def evaluate(rule: Rule, app: Application, form: FormCatalogue | None = None) -> Finding:
    """Evaluate one rule; ``form`` supplies field labels for the reasons."""
    if rule.kind == "declaration":
        if rule.id in app.declared:
            return Finding(rule, Status.DECLARED, "申报组织已声明符合，由评审核验证实性材料")
        return Finding(rule, Status.NEEDS_DATA, "需申报组织逐条确认并准备证实性材料")
    status, reason = _KINDS[rule.kind](rule.params, app, form)
    if status is Status.NEEDS_DATA and rule.id in app.declared:
        status, reason = Status.DECLARED, f"申报组织已声明符合（{reason}）"
    return Finding(rule, status, reason)


def evaluate_all(
    award: Award, app: Application, form: FormCatalogue | None = None
) -> list[Finding]:
    return [evaluate(rule, app, form) for rule in award.rules]


# --- reading values -------------------------------------------------------------------------


def _text(value: object) -> str:
    return normalize(str(value)) if value is not None else ""


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    return parse_date(_text(value)) if _text(value) else None


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    raw = _text(value).replace(",", "").removesuffix("万元").strip()
    return Decimal(raw) if re.fullmatch(r"[+-]?\d+(\.\d+)?", raw) else None


def _year(value: object) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number == int(number) else None


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
    return re.sub(r"\s", "", text).upper()


Result = tuple[Status, str]


# --- the rule kinds -------------------------------------------------------------------------


def _years_since(
    params: Mapping[str, object], app: Application, form: FormCatalogue | None
) -> Result:
    field_id, years = str(params["field"]), int(str(params["years"]))
    label = _label(form, field_id)
    start = _date(app.fields.get(field_id))
    if start is None:
        return Status.NEEDS_DATA, f"未填写{label}（要求满 {years} 年）"
    if start > app.date:
        return Status.FAIL, f"{label} {start.isoformat()} 晚于申报日期 {app.date.isoformat()}"
    held = _whole_years(start, app.date)
    span = f"{label} {start.isoformat()} 至申报日期 {app.date.isoformat()} 满 {held} 年"
    if held >= years:
        return Status.PASS, f"{span}（要求满 {years} 年）"
    return Status.FAIL, f"{span}，不足要求的 {years} 年"


def _certification(
    params: Mapping[str, object], app: Application, _: FormCatalogue | None
) -> Result:
    standards = [str(s) for s in params["standards"]]  # type: ignore[attr-defined]
    min_years = int(str(params["min_years"]))
    wanted = "、".join(standards[:3]) + ("等" if len(standards) > 3 else "")
    rows = app.tables.get("certifications", ())
    if not rows:
        return Status.NEEDS_DATA, f"未填写管理体系认证（需 {wanted} 认证）"
    keys = [_compact(s) for s in standards]
    matching = [
        r for r in rows if any(_compact(_text(r.get("standard"))).startswith(k) for k in keys)
    ]
    if not matching:
        held = "、".join(_text(r.get("standard")) for r in rows)
        return Status.FAIL, f"已填认证（{held}）中没有 {wanted}"
    problems: list[str] = []
    for row in matching:
        name = _text(row.get("standard"))
        issued, until = _date(row.get("first_issued")), _date(row.get("valid_until"))
        if issued is None or until is None:
            problems.append(f"{name} 证书缺少首次获证日期或有效期")
            continue
        if until < app.date:
            problems.append(f"{name} 证书已于 {until.isoformat()} 过期")
            continue
        held = _whole_years(issued, app.date)
        if held < min_years:
            problems.append(f"{name} 自 {issued.isoformat()} 起持有 {held} 年，不足 {min_years} 年")
            continue
        since = f"，自 {issued.isoformat()} 起已持有 {held} 年" if min_years else ""
        return Status.PASS, f"{name} 证书有效期至 {until.isoformat()}{since}"
    missing_dates = all("缺少" in p for p in problems)
    return (Status.NEEDS_DATA if missing_dates else Status.FAIL), "；".join(problems)


def _no_loss(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    years = int(str(params["years"]))
    wanted = list(range(app.date.year - years, app.date.year))
    profits: dict[int, Decimal] = {}
    for row in app.tables.get("financials", ()):
        year, profit = _year(row.get("year")), _number(row.get("profit_total"))
        if year is not None and profit is not None:
            profits[year] = profit
    losses = [
        f"{y} 年利润总额 {money_wan(profits[y])}" for y in wanted if y in profits and profits[y] < 0
    ]
    if losses:
        return Status.FAIL, "发生亏损：" + "；".join(losses)
    missing = [str(y) for y in wanted if y not in profits]
    if missing:
        return Status.NEEDS_DATA, f"缺少 {'、'.join(missing)} 年的利润总额"
    return Status.PASS, f"{wanted[0]}–{wanted[-1]} 年利润总额均未亏损"


def _region(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    area = str(params["area"])
    codes = [str(c) for c in params["codes"]]  # type: ignore[attr-defined]
    keywords = [str(k) for k in params["address_keywords"]]  # type: ignore[attr-defined]
    code = region_code(_text(app.fields.get("uscc")))
    address = _text(app.fields.get("registered_address"))
    if code and any(code.startswith(c) for c in codes):
        return Status.PASS, f"统一社会信用代码中的行政区划码 {code} 属于{area}"
    hit = next((k for k in keywords if k in address), None)
    if hit:
        note = f"（统一社会信用代码中的行政区划码为 {code}，请核对登记机关）" if code else ""
        return Status.PASS, f"注册地址位于{hit}{note}"
    if not code and not address:
        return Status.NEEDS_DATA, f"未填写统一社会信用代码和注册地址，无法判断是否在{area}注册"
    seen = "；".join(p for p in (f"行政区划码 {code}" if code else "", address) if p)
    return Status.FAIL, f"注册地不在{area}（{seen}）"


def _excluded_award(
    params: Mapping[str, object], app: Application, _: FormCatalogue | None
) -> Result:
    keywords = [str(k) for k in params["keywords"]]  # type: ignore[attr-defined]
    for row in app.tables.get("honours", ()):
        name = _text(row.get("name"))
        if any(k in name for k in keywords):
            year = _year(row.get("year"))
            when = f"（{year} 年）" if year else ""
            return Status.FAIL, f"已获得“{name}”{when}，按此条不可再申报"
    return Status.PASS, "获奖荣誉中没有排除申报的奖项"


def _honour(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    keywords = [str(k) for k in params["keywords"]]  # type: ignore[attr-defined]
    levels = [str(v) for v in params["levels"]]  # type: ignore[attr-defined]
    within = int(str(params["within_years"]))
    rows = app.tables.get("honours", ())
    if not rows:
        return Status.NEEDS_DATA, "未填写获奖荣誉"
    for row in rows:
        name, level = _text(row.get("name")), _text(row.get("level"))
        year, until = _year(row.get("year")), _date(row.get("valid_until"))
        if not any(k in name for k in keywords) or level not in levels:
            continue
        if within and (year is None or year < app.date.year - within):
            continue
        if until is not None and until < app.date:
            continue
        return Status.PASS, f"已获得“{name}”（{level}，{year or '年份未填'} 年）"
    span = f"近 {within} 年内" if within else ""
    return Status.FAIL, f"获奖荣誉中没有{span}符合条件的{'/'.join(levels)}荣誉"


_Check = Callable[[Mapping[str, object], Application, FormCatalogue | None], Result]
# Every kind of forms.RULE_PARAMS but "declaration", which needs no data (see evaluate()).
_KINDS: dict[str, _Check] = {
    "years_since": _years_since,
    "certification": _certification,
    "no_loss": _no_loss,
    "region": _region,
    "excluded_award": _excluded_award,
    "honour": _honour,
}
