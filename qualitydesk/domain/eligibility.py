"""资格自查: each eligibility clause of a programme evaluated against the application's data.

A rule's ``kind`` names the check and its ``params`` come from forms/; nothing is hard-wired to a
programme. Every evaluation returns a Finding with one of five statuses, a Chinese reason, the
evidence it used (the values read, each named) and, where the clause is ambiguous, how it was read:

- ``pass``: the data shows the condition is met;
- ``fail``: the data contradicts the clause's words — never for a value the program cannot read;
- ``unsure``: the program cannot decide (free text it does not recognise, a boundary the data
  cannot settle, conflicting data): the applicant checks it and may affirm it;
- ``needs-data``: the data needed is missing (or only the applicant can affirm the clause);
- ``declared``: the applicant affirmed the clause; evidence is checked by the examiners.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from qualitydesk.domain import places
from qualitydesk.domain.forms import Award, FormCatalogue, Rule
from qualitydesk.domain.numbers import money_wan
from qualitydesk.domain.validators import normalize, parse_date, region_code

Row = Mapping[str, object]


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNSURE = "unsure"
    NEEDS_DATA = "needs-data"
    DECLARED = "declared"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    "pass": "符合",
    "fail": "不符合",
    "unsure": "需确认",
    "needs-data": "待补充",
    "declared": "已声明",
}


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
    evidence: tuple[str, ...] = ()  # the values used, each named: "注册地址：苏州市吴中区…"
    reading: str = ""  # how an ambiguous clause was read (the rule's ``reading``)

    @property
    def clause(self) -> str:
        return self.rule.citation


@dataclass(frozen=True)
class Result:
    """What a kind decides: the status, the reason and the evidence behind it."""

    status: Status
    reason: str
    evidence: tuple[str, ...] = ()


# Statuses the applicant may stand in for with a declaration.
AFFIRMABLE = (Status.NEEDS_DATA, Status.UNSURE)


def evaluate(rule: Rule, app: Application, form: FormCatalogue | None = None) -> Finding:
    """Evaluate one rule; ``form`` supplies field labels for the reasons."""
    if rule.kind == "declaration":
        if rule.id in app.declared:
            return _finding(rule, Result(Status.DECLARED, "申报方已声明符合，由评审核验证实性材料"))
        return _finding(rule, Result(Status.NEEDS_DATA, "需申报方逐条确认并准备证实性材料"))
    result = _KINDS[rule.kind](rule.params, app, form)
    if result.status in AFFIRMABLE and rule.id in app.declared:
        reason = f"申报方已声明符合（{result.reason}）"
        result = Result(Status.DECLARED, reason, result.evidence)
    return _finding(rule, result)


def _finding(rule: Rule, result: Result) -> Finding:
    return Finding(rule, result.status, result.reason, result.evidence, rule.reading)


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


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return _text(value).lower() in ("1", "true", "yes", "是", "已撤销", "√", "✓")


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


def _strs(params: Mapping[str, object], key: str) -> list[str]:
    return [str(v) for v in params.get(key) or ()]  # type: ignore[attr-defined]


# --- the rule kinds -------------------------------------------------------------------------


def _years_since(
    params: Mapping[str, object], app: Application, form: FormCatalogue | None
) -> Result:
    field_id, years = str(params["field"]), int(str(params["years"]))
    label = _label(form, field_id)
    raw = app.fields.get(field_id)
    start = _date(raw)
    if start is None:
        if _text(raw):
            shown = (f"{label}：{_text(raw)}",)
            return Result(Status.UNSURE, f"无法识别{label}“{_text(raw)}”的日期", shown)
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


def _no_loss(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    years = int(str(params["years"]))
    wanted = list(range(app.date.year - years, app.date.year))
    profits: dict[int, Decimal] = {}
    unread: dict[int, str] = {}
    for row in app.tables.get("financials", ()):
        year, raw = _year(row.get("year")), row.get("profit_total")
        profit = _number(raw)
        if year is not None and profit is not None:
            profits[year] = profit
        elif year is not None and _text(raw):
            unread[year] = _text(raw)
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


def _certification(
    params: Mapping[str, object], app: Application, _: FormCatalogue | None
) -> Result:
    recognised, accepted = _strs(params, "recognised"), _strs(params, "accepted")
    any_system = bool(params.get("any_system", False))
    min_years = int(str(params["min_years"]))
    rows = [r for r in app.tables.get("certifications", ()) if _text(r.get("standard"))]
    if not rows:
        return Result(Status.NEEDS_DATA, "未填写管理体系认证")
    evidence = tuple(_cert_evidence(r) for r in rows)
    counting = [r for r in rows if _matches(accepted, _text(r.get("standard")))]
    if any_system:
        counting = [r for r in rows if _matches([*recognised, *accepted], _text(r.get("standard")))]
    unknown = [
        r for r in rows if r not in counting and not _matches(recognised, _text(r.get("standard")))
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
        names = "、".join(f"“{_text(r.get('standard'))}”" for r in live_unknown)
        note = f"未能识别认证标准 {names}，请核对是否属于本条所指的管理体系认证"
        return Result(Status.UNSURE, "；".join([note, *problems]), evidence)
    if undated:
        return Result(Status.NEEDS_DATA, "；".join(problems), evidence)
    if not counting:
        held = "、".join(_text(r.get("standard")) for r in rows)
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
    return f"认证标准：{_text(row.get('standard'))}（{dates}）"


def _expired(row: Row, today: date) -> bool:
    until = _date(row.get("valid_until"))
    return until is not None and until < today


def _cert_row(row: Row, today: date, min_years: int) -> tuple[Status, str]:
    """One certificate: PASS, FAIL (expired, too young) or NEEDS_DATA (a date is missing)."""
    name = _text(row.get("standard"))
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


# --- place of registration ------------------------------------------------------------------


def _code_in(code: str, outer: str) -> bool:
    """Whether 行政区划码 ``code`` lies in ``outer``: by the division table (zones and the
    divisions that administer them included), else by the code's structure (32 / 3205 / 320585)."""
    inner_division, outer_division = places.division(code), places.division(outer)
    if inner_division is not None and outer_division is not None:
        return places.within(inner_division, outer_division)
    if outer.endswith("0000"):
        return code[:2] == outer[:2]
    if outer.endswith("00"):
        return code[:4] == outer[:4]
    return code == outer


def _region(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    area = str(params["area"])
    codes, overlaps = _strs(params, "area_codes"), _strs(params, "overlaps")
    code = region_code(_text(app.fields.get("uscc")))
    address = _text(app.fields.get("registered_address"))
    evidence = tuple(
        e
        for e in (
            f"注册地址：{address}" if address else "",
            f"统一社会信用代码行政区划码：{code}（{_division_name(code)}）" if code else "",
        )
        if e
    )
    code_inside = bool(code) and any(_code_in(code, c) for c in codes)
    # A code in a division the area partly covers does not contradict an address inside it.
    code_agrees = code_inside or (bool(code) and any(_code_in(code, c) for c in overlaps))
    if not address:
        if not code:
            return Result(Status.NEEDS_DATA, f"未填写注册地址，无法判断是否在{area}注册")
        where = "属于" if code_inside else "不属于"
        reason = (
            f"未填写注册地址；统一社会信用代码的行政区划码 {code} {where}{area}，"
            "请填写注册地址（住所）"
        )
        return Result(Status.UNSURE, reason, evidence)
    place = _address_place(address, area, codes, overlaps)
    return _region_verdict(place, area, code, (code_inside, code_agrees), evidence)


def _division_name(code: str) -> str:
    division = places.division(code)
    return division.full_name if division else "行政区划表中无此代码"


def _address_place(
    address: str, area: str, codes: Sequence[str], overlaps: Sequence[str]
) -> tuple[str, str]:
    """(inside | outside | coarse | partly | unknown, description) of the registered address."""
    division = places.parse_address(address)
    if division is None:
        return "unknown", f"无法从注册地址“{address}”识别所在省、市、区县"
    where = division.full_name
    if any(_code_in_division(division, c) for c in codes):
        return "inside", f"注册地址位于{where}，属于{area}"
    if any(_code_in_division(division, c) for c in overlaps):
        return "partly", f"注册地址位于{where}，该地仅部分区域属于{area}，请核对"
    if any(_code_in(c, division.code) for c in codes):
        return "coarse", f"注册地址只写到{where}，无法判断是否在{area}"
    return "outside", f"注册地址位于{where}，不在{area}"


def _code_in_division(division: places.Division, outer: str) -> bool:
    outer_division = places.division(outer)
    if outer_division is not None:
        return places.within(division, outer_division)
    return _code_in(division.code, outer)


def _region_verdict(
    place: tuple[str, str],
    area: str,
    code: str,
    code_fit: tuple[bool, bool],
    evidence: tuple[str, ...],
) -> Result:
    kind, described = place
    code_inside, code_agrees = code_fit
    if kind == "inside":
        if code and not code_agrees:
            note = (
                f"；但统一社会信用代码的行政区划码 {code} 不属于{area}"
                "（迁址后代码不变时常见），请核对营业执照"
            )
            return Result(Status.UNSURE, described + note, evidence)
        return Result(Status.PASS, described, evidence)
    if kind == "outside":
        if code_inside:
            note = f"；但统一社会信用代码的行政区划码 {code} 属于{area}，请核对营业执照住所"
            return Result(Status.UNSURE, described + note, evidence)
        return Result(Status.FAIL, described, evidence)
    if code:
        where = "属于" if code_inside else "不属于"
        described += f"（统一社会信用代码的行政区划码 {code} {where}{area}）"
    return Result(Status.UNSURE, described, evidence)


# --- honours: placing an award on the ladder ------------------------------------------------

_LADDER = {"国家级": 3, "省级": 2, "市级": 1, "区县级": 0}
_DIVISION_LEVEL = {"province": "省级", "prefecture": "市级", "county": "区县级"}


@dataclass(frozen=True)
class _Placed:
    """Where an award stands: its ladder level (None: cannot place), its division, how known."""

    level: str | None
    division: places.Division | None
    how: str


def _place(row: Row, params: Mapping[str, object]) -> _Placed:
    name, issuer = _text(row.get("name")), _text(row.get("issuer"))
    chosen = _text(row.get("level"))
    for source, text in (("名称", name), ("授予单位", issuer)):
        if not text:
            continue
        if _matches(_strs(params, "national"), text):
            return _Placed("国家级", None, f"按{source}“{text}”定为国家级")
        division = places.place_in_name(text)
        if division is not None:
            level = _DIVISION_LEVEL[division.level]
            return _Placed(level, division, f"按{source}中的“{division.full_name}”定为{level}")
    if chosen in _LADDER:
        return _Placed(chosen, None, f"按所选级别“{chosen}”")
    return _Placed(None, None, f"无法从名称、授予单位或级别（{chosen or '未选'}）判断级别")


def _standing(placed: _Placed, params: Mapping[str, object]) -> str:
    """above | at | other | below | unknown, against ``min_level`` (and ``home`` if given)."""
    minimum = str(params.get("min_level") or "")
    if placed.level is None or minimum not in _LADDER:
        return "unknown"
    rank, floor = _LADDER[placed.level], _LADDER[minimum]
    if rank < floor:
        return "below"
    home_name = str(params.get("home") or "")
    home = places.find_division(home_name) if home_name else None
    if placed.division is None:  # national, or only the level the user chose
        if rank > floor:
            return "above"
        return "unknown" if home is not None else "at"  # 市级: which city's, is not said
    if home is None:
        return "above" if rank > floor else "at"
    if rank == floor:
        return "at" if placed.division.code == home.code else "other"
    return "above" if places.within(home, placed.division) else "other"


def _honour_evidence(row: Row) -> str:
    parts = [
        _text(row.get("level")) or "级别未选",
        f"{_year(row.get('year'))} 年" if _year(row.get("year")) else "年份未填",
    ]
    if _text(row.get("issuer")):
        parts.append(f"授予单位 {_text(row.get('issuer'))}")
    until = _date(row.get("valid_until"))
    if until:
        parts.append(f"有效期至 {until.isoformat()}")
    if _flag(row.get("revoked")):
        parts.append("已撤销")
    return f"获奖荣誉：{_text(row.get('name'))}（{'，'.join(parts)}）"


def _within_years(year: int | None, today: date, years: int) -> str:
    """yes | boundary | no | unknown: whether ``year`` lies within ``years`` before ``today``."""
    if year is None:
        return "unknown"
    if year > today.year:
        return "no"
    if year > today.year - years:
        return "yes"
    return "boundary" if year == today.year - years else "no"


def _still_valid(row: Row, today: date, valid_years: int) -> str:
    """yes | boundary | no | unknown: a quality award's 有效期 (entered, else from its year)."""
    if _flag(row.get("revoked")):
        return "no"
    until = _date(row.get("valid_until"))
    if until is not None:
        return "yes" if until >= today else "no"
    return _within_years(_year(row.get("year")), today, valid_years)


# --- honours: the kinds ---------------------------------------------------------------------


def _honour(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    rows = [r for r in app.tables.get("honours", ()) if _text(r.get("name"))]
    if not rows:
        return Result(Status.NEEDS_DATA, "未填写获奖荣誉")
    evidence = tuple(_honour_evidence(r) for r in rows)
    verdicts = [_honour_row(r, params, app.date) for r in rows]
    for wanted in (Status.PASS, Status.UNSURE, Status.NEEDS_DATA):
        notes = [note for status, note in verdicts if status is wanted]
        if notes:
            return Result(
                wanted, "；".join(notes if wanted is not Status.PASS else notes[:1]), evidence
            )
    notes = [note for status, note in verdicts if note]
    return Result(Status.FAIL, "没有符合本条的荣誉：" + "；".join(notes), evidence)


def _honour_row(row: Row, params: Mapping[str, object], today: date) -> tuple[Status, str]:
    name, year = _text(row.get("name")), _year(row.get("year"))
    if _matches(_strs(params, "named"), name):
        within = int(str(params.get("named_within_years") or 0))
        when = _within_years(year, today, within)
        return _timed(name, when, f"于申报前 {within} 年内获得（{year} 年）", f"{within} 年内获得")
    if not _matches(_strs(params, "quality"), name):
        return Status.UNSURE, f"未能识别“{name}”是否属于本条所指的质量奖项或荣誉"
    placed = _place(row, params)
    standing = _standing(placed, params)
    if standing == "unknown":
        return Status.UNSURE, f"“{name}”{placed.how}，无法确定级别，请填写授予单位"
    if standing == "below":
        return Status.FAIL, f"“{name}”{placed.how}，低于{params['min_level']}"
    if standing == "other":
        return Status.UNSURE, f"“{name}”{placed.how}，不属于本地区的上级奖项，请核对是否计入"
    valid_years = int(str(params.get("valid_years") or 0))
    when = _still_valid(row, today, valid_years)
    return _timed(name, when, f"{placed.how}，在有效期内", "在有效期内")


def _timed(name: str, when: str, done: str, wanted: str) -> tuple[Status, str]:
    """The verdict on an honour's date: ``done`` says how it counts, ``wanted`` what is asked."""
    if when == "yes":
        return Status.PASS, f"“{name}”{done}"
    if when == "boundary":
        note = f"“{name}”的年份恰在界限上，仅凭年份无法判断是否{wanted}，请按证书日期核对"
        return Status.UNSURE, note
    if when == "unknown":
        return Status.NEEDS_DATA, f"“{name}”未填写获得年份"
    return Status.FAIL, f"“{name}”不满足“{wanted}”"


def _excluded_award(
    params: Mapping[str, object], app: Application, _: FormCatalogue | None
) -> Result:
    rows = [r for r in app.tables.get("honours", ()) if _text(r.get("name"))]
    evidence = tuple(_honour_evidence(r) for r in rows) or ("获奖荣誉：未填写",)
    unsure: list[str] = []
    for row in rows:
        name, year = _text(row.get("name")), _year(row.get("year"))
        when = f"（{year} 年）" if year else ""
        if _matches(_strs(params, "unsure_names"), name):
            unsure.append(f"“{name}”{when}是否属于排除申报的奖项需核对")
            continue
        if _matches(_strs(params, "names"), name):
            return Result(Status.FAIL, f"已获得“{name}”{when}，按此条不可再申报", evidence)
        if _matches(_strs(params, "lower"), name) or not _matches(_strs(params, "quality"), name):
            continue  # not a quality award, or a lower rung of the home's ladder (苏州市质量奖)
        placed = _place(row, params)
        standing = _standing(placed, params)
        at_level = _strs(params, "at_level")  # empty: every award at the line's level excludes
        if standing == "above" or (standing == "at" and _matches(at_level or [""], name)):
            reason = f"已获得“{name}”{when}（{placed.how}），按此条不可再申报"
            return Result(Status.FAIL, reason, evidence)
        if standing in ("at", "other", "unknown"):
            note = f"“{name}”{when}{placed.how}，无法确定是否属于排除申报的奖项，请填写授予单位"
            unsure.append(note)
    if unsure:
        return Result(Status.UNSURE, "；".join(unsure), evidence)
    return Result(Status.PASS, "获奖荣誉中没有排除申报的奖项", evidence)


def _reapply(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    names = _strs(params, "names")
    revoked_names = _strs(params, "revoked_names") or names
    rows = [r for r in app.tables.get("honours", ()) if _text(r.get("name"))]
    held = [r for r in rows if _matches([*names, *revoked_names], _text(r.get("name")))]
    if not held:
        evidence = tuple(_honour_evidence(r) for r in rows) or ("获奖荣誉：未填写",)
        return Result(Status.PASS, "获奖荣誉中没有本奖项的获奖记录", evidence)
    evidence = tuple(_honour_evidence(r) for r in held)
    verdicts = [_reapply_row(r, app.date, params) for r in held]
    for wanted in (Status.FAIL, Status.UNSURE, Status.NEEDS_DATA):
        notes = [note for status, note in verdicts if status is wanted]
        if notes:
            return Result(wanted, "；".join(notes), evidence)
    return Result(Status.PASS, "；".join(note for _, note in verdicts), evidence)


def _reapply_row(row: Row, today: date, params: Mapping[str, object]) -> tuple[Status, str]:
    names = _strs(params, "names")
    revoked_names = _strs(params, "revoked_names") or names
    years, revoked_years = int(str(params["years"])), int(str(params.get("revoked_years") or 0))
    name = _text(row.get("name"))
    if _flag(row.get("revoked")):
        if not revoked_years or not _matches(revoked_names, name):
            return Status.PASS, f"“{name}”已撤销"
        when = _within_years(_year(row.get("revoked_year")), today, revoked_years)
        bar = f"撤销称号后 {revoked_years} 年内不接受申报"
        return _barred(name, when, bar, "撤销年份")
    if not years or not _matches(names, name):
        return Status.PASS, f"“{name}”不限制重新申报"
    when = _within_years(_year(row.get("year")), today, years)
    return _barred(name, when, f"获奖满 {years} 年后方可重新申报", "获得年份")


def _barred(name: str, when: str, bar: str, year_label: str) -> tuple[Status, str]:
    if when == "unknown":
        return Status.NEEDS_DATA, f"“{name}”未填写{year_label}（{bar}）"
    if when == "yes":
        return Status.FAIL, f"“{name}”{bar}，尚未满期"
    if when == "boundary":
        return Status.UNSURE, f"“{name}”{bar}，按年份恰在界限上，请按证书或文件日期核对"
    return Status.PASS, f"“{name}”已满期（{bar}）"


_Check = Callable[[Mapping[str, object], Application, FormCatalogue | None], Result]
# Every kind of forms.RULE_PARAMS but "declaration", which needs no data (see evaluate()).
_KINDS: dict[str, _Check] = {
    "years_since": _years_since,
    "certification": _certification,
    "no_loss": _no_loss,
    "region": _region,
    "excluded_award": _excluded_award,
    "honour": _honour,
    "reapply": _reapply,
}
