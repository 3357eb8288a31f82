"""The kinds read from dates and tables: years since a date, no loss, a certificate."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from qualitydesk.domain.eligibility.values import (
    _date,
    _label,
    _matches,
    _number,
    _whole_years,
    _year,
    as_text,
    param_strs,
)
from qualitydesk.domain.eligibility.verdicts import Application, Result, Row, Status
from qualitydesk.domain.forms import FormCatalogue
from qualitydesk.domain.numbers import money_wan


def years_since_rule(
    params: Mapping[str, object], app: Application, form: FormCatalogue | None
) -> Result:
    """The ``years_since`` rule: ``years`` full years from a date field to the application."""
    field_id, years = str(params["field"]), int(str(params["years"]))
    label = _label(form, field_id)
    raw = app.fields.get(field_id)
    start = _date(raw)
    if start is None:
        if as_text(raw):
            shown = (f"{label}：{as_text(raw)}",)
            return Result(Status.UNSURE, f"无法识别{label}“{as_text(raw)}”的日期", shown)
        return Result(Status.NEEDS_DATA, f"未填写{label}（要求满 {years} 年）")
    evidence = (f"{label}：{start.isoformat()}", f"申报日期：{app.date.isoformat()}")
    if start > app.date:
        reason = f"{label} {start.isoformat()} 晚于申报日期 {app.date.isoformat()}"
        return Result(Status.FAIL, reason, evidence)
    held = _whole_years(start, app.date)
    span = f"{label} {start.isoformat()} 至申报日期 {app.date.isoformat()} 满 {held} 年"
    if held >= years:
        return Result(Status.PASS, f"{span}（要求满 {years} 年）", evidence)
    return Result(Status.FAIL, f"{span}，不足要求的 {years} 年", evidence)


def no_loss_rule(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    """The ``no_loss`` rule: no loss (利润总额 below zero) in any of the last ``years`` years."""
    years = int(str(params["years"]))
    wanted = list(range(app.date.year - years, app.date.year))
    profits: dict[int, Decimal] = {}
    unread: dict[int, str] = {}
    for row in app.tables.get("financials", ()):
        year, raw = _year(row.get("year")), row.get("profit_total")
        profit = _number(raw)
        if year is not None and profit is not None:
            profits[year] = profit
        elif year is not None and as_text(raw):
            unread[year] = as_text(raw)
    evidence = tuple(f"{y} 年利润总额：{money_wan(profits[y])}" for y in wanted if y in profits)
    evidence += tuple(f"{y} 年利润总额：{unread[y]}" for y in wanted if y in unread)
    losses = [
        f"{y} 年利润总额 {money_wan(profits[y])}" for y in wanted if y in profits and profits[y] < 0
    ]
    if losses:
        return Result(Status.FAIL, "发生亏损：" + "；".join(losses), evidence)
    odd = [f"{y} 年“{unread[y]}”" for y in wanted if y in unread]
    if odd:
        return Result(Status.UNSURE, f"无法识别利润总额：{'、'.join(odd)}", evidence)
    missing = [str(y) for y in wanted if y not in profits]
    if missing:
        return Result(Status.NEEDS_DATA, f"缺少 {'、'.join(missing)} 年的利润总额", evidence)
    return Result(Status.PASS, f"{wanted[0]}–{wanted[-1]} 年利润总额均未亏损", evidence)


# --- management-system certification --------------------------------------------------------


def certification_rule(
    params: Mapping[str, object], app: Application, _: FormCatalogue | None
) -> Result:
    """The ``certification`` rule: a recognised management-system certificate valid on the date."""
    recognised, accepted = param_strs(params, "recognised"), param_strs(params, "accepted")
    any_system = bool(params.get("any_system", False))
    min_years = int(str(params["min_years"]))
    rows = [r for r in app.tables.get("certifications", ()) if as_text(r.get("standard"))]
    if not rows:
        return Result(Status.NEEDS_DATA, "未填写管理体系认证")
    evidence = tuple(_cert_evidence(r) for r in rows)
    counting = [r for r in rows if _matches(accepted, as_text(r.get("standard")))]
    if any_system:
        counting = [
            r for r in rows if _matches([*recognised, *accepted], as_text(r.get("standard")))
        ]
    unknown = [
        r
        for r in rows
        if r not in counting and not _matches(recognised, as_text(r.get("standard")))
    ]
    problems: list[str] = []
    undated = False
    for row in counting:
        verdict, note = _cert_row(row, app.date, min_years)
        if verdict is Status.PASS:
            return Result(Status.PASS, note, evidence)
        undated = undated or verdict is Status.NEEDS_DATA
        problems.append(note)
    live_unknown = [r for r in unknown if not _expired(r, app.date)]
    if live_unknown:
        names = "、".join(f"“{as_text(r.get('standard'))}”" for r in live_unknown)
        note = f"未能识别认证标准 {names}，请核对是否属于本条所指的管理体系认证"
        return Result(Status.UNSURE, "；".join([note, *problems]), evidence)
    if undated:
        return Result(Status.NEEDS_DATA, "；".join(problems), evidence)
    if not counting:
        held = "、".join(as_text(r.get("standard")) for r in rows)
        return Result(Status.FAIL, f"已填认证（{held}）不是本条要求的体系认证", evidence)
    return Result(Status.FAIL, "；".join(problems), evidence)


def _cert_evidence(row: Row) -> str:
    until = _date(row.get("valid_until"))
    issued = _date(row.get("first_issued"))
    dates = "，".join(
        p
        for p in (
            f"首次获证 {issued.isoformat()}" if issued else "",
            f"有效期至 {until.isoformat()}" if until else "有效期未填",
        )
        if p
    )
    return f"认证标准：{as_text(row.get('standard'))}（{dates}）"


def _expired(row: Row, today: date) -> bool:
    until = _date(row.get("valid_until"))
    return until is not None and until < today


def _cert_row(row: Row, today: date, min_years: int) -> tuple[Status, str]:
    """One certificate: PASS, FAIL (expired, too young) or NEEDS_DATA (a date is missing)."""
    name = as_text(row.get("standard"))
    issued, until = _date(row.get("first_issued")), _date(row.get("valid_until"))
    if until is None or (min_years and issued is None):
        wanted = "有效期" if until is None else "首次获证日期"
        return Status.NEEDS_DATA, f"{name} 证书缺少{wanted}"
    if until < today:
        return Status.FAIL, f"{name} 证书已于 {until.isoformat()} 过期"
    if not min_years:
        return Status.PASS, f"{name} 证书有效期至 {until.isoformat()}"
    assert issued is not None
    held = _whole_years(issued, today)
    if held < min_years:
        return Status.FAIL, f"{name} 自 {issued.isoformat()} 起持有 {held} 年，不足 {min_years} 年"
    since = f"自 {issued.isoformat()} 起已持有 {held} 年"
    return Status.PASS, f"{name} 证书有效期至 {until.isoformat()}，{since}"
