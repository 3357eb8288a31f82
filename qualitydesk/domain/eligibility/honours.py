"""The honour kinds: ``honour``, ``excluded_award`` and ``reapply``, placing each award on the
ladder of forms/levels.toml (given to the rules as ``params["ladder"]``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from qualitydesk.domain import places
from qualitydesk.domain.eligibility.values import (
    _date,
    _flag,
    _matches,
    _year,
    as_text,
    param_strs,
)
from qualitydesk.domain.eligibility.verdicts import Application, Result, Row, Status
from qualitydesk.domain.forms import FormCatalogue, Level

# --- honours: placing an award on the ladder ------------------------------------------------


def _ladder(params: Mapping[str, object]) -> tuple[Level, ...]:
    """The levels of the ladder, highest first (forms/levels.toml, in the rule's params)."""
    levels = params.get("ladder")
    return tuple(x for x in levels if isinstance(x, Level)) if isinstance(levels, tuple) else ()


def _ranks(params: Mapping[str, object]) -> dict[str, int]:
    """Each level's height on the ladder: the lowest is 0."""
    ladder = _ladder(params)
    return {level.name: len(ladder) - 1 - i for i, level in enumerate(ladder)}


def _level_of(params: Mapping[str, object], division: str) -> str | None:
    """The ladder level of awards by a division of this kind (``nation``, ``province`` …)."""
    return next((x.name for x in _ladder(params) if x.division == division), None)


@dataclass(frozen=True)
class _Placed:
    """Where an award stands: its ladder level (None: cannot place), its division, how known."""

    level: str | None
    division: places.Division | None
    how: str


def _place(row: Row, params: Mapping[str, object]) -> _Placed:
    name, issuer = as_text(row.get("name")), as_text(row.get("issuer"))
    chosen = as_text(row.get("level"))
    for source, text in (("名称", name), ("授予单位", issuer)):
        if not text:
            continue
        national = _level_of(params, "nation")
        if national and _matches(param_strs(params, "national"), text):
            return _Placed(national, None, f"按{source}“{text}”定为{national}")
        division = places.place_in_name(text)
        level = _level_of(params, division.level) if division is not None else None
        if division is not None and level is not None:
            return _Placed(level, division, f"按{source}中的“{division.full_name}”定为{level}")
    if chosen in _ranks(params):
        return _Placed(chosen, None, f"按所选级别“{chosen}”")
    return _Placed(None, None, f"无法从名称、授予单位或级别（{chosen or '未选'}）判断级别")


def _standing(placed: _Placed, params: Mapping[str, object]) -> str:
    """Above | at | other | below | unknown, against ``min_level`` (and ``home`` if given)."""
    minimum, ranks = str(params.get("min_level") or ""), _ranks(params)
    if placed.level is None or minimum not in ranks or placed.level not in ranks:
        return "unknown"
    rank, floor = ranks[placed.level], ranks[minimum]
    if rank < floor:
        return "below"
    home_name = str(params.get("home") or "")
    home = places.find_division(home_name) if home_name else None
    if placed.division is None:  # national, or only the level the user chose
        if rank > floor:
            return "above"
        return "unknown" if home is not None else "at"  # a city's level: which city's, unsaid
    if home is None:
        return "above" if rank > floor else "at"
    if rank == floor:
        return "at" if placed.division.code == home.code else "other"
    return "above" if places.within(home, placed.division) else "other"


def _honour_evidence(row: Row) -> str:
    parts = [
        as_text(row.get("level")) or "级别未选",
        f"{_year(row.get('year'))} 年" if _year(row.get("year")) else "年份未填",
    ]
    if as_text(row.get("issuer")):
        parts.append(f"授予单位 {as_text(row.get('issuer'))}")
    until = _date(row.get("valid_until"))
    if until:
        parts.append(f"有效期至 {until.isoformat()}")
    if _flag(row.get("revoked")):
        parts.append("已撤销")
    return f"获奖荣誉：{as_text(row.get('name'))}（{'，'.join(parts)}）"


def _within_years(year: int | None, today: date, years: int) -> str:
    """Yes | boundary | no | unknown: whether ``year`` lies within ``years`` before ``today``."""
    if year is None:
        return "unknown"
    if year > today.year:
        return "no"
    if year > today.year - years:
        return "yes"
    return "boundary" if year == today.year - years else "no"


def _still_valid(row: Row, today: date, valid_years: int) -> str:
    """Yes | boundary | no | unknown: a quality award's 有效期 (entered, else from its year)."""
    if _flag(row.get("revoked")):
        return "no"
    until = _date(row.get("valid_until"))
    if until is not None:
        return "yes" if until >= today else "no"
    return _within_years(_year(row.get("year")), today, valid_years)


# --- honours: the kinds ---------------------------------------------------------------------


def honour_rule(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    """The ``honour`` rule: an honour of the level asked for, valid on the application date."""
    rows = [r for r in app.tables.get("honours", ()) if as_text(r.get("name"))]
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
    name, year = as_text(row.get("name")), _year(row.get("year"))
    if _matches(param_strs(params, "named"), name):
        within = int(str(params.get("named_within_years") or 0))
        when = _within_years(year, today, within)
        return _timed(name, when, f"于申报前 {within} 年内获得（{year} 年）", f"{within} 年内获得")
    if not _matches(param_strs(params, "quality"), name):
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


def excluded_award_rule(
    params: Mapping[str, object], app: Application, _: FormCatalogue | None
) -> Result:
    """The ``excluded_award`` rule: none of the honours listed is one that bars the applicant."""
    rows = [r for r in app.tables.get("honours", ()) if as_text(r.get("name"))]
    evidence = tuple(_honour_evidence(r) for r in rows) or ("获奖荣誉：未填写",)
    unsure: list[str] = []
    for row in rows:
        name, year = as_text(row.get("name")), _year(row.get("year"))
        when = f"（{year} 年）" if year else ""
        if _matches(param_strs(params, "unsure_names"), name):
            unsure.append(f"“{name}”{when}是否属于排除申报的奖项需核对")
            continue
        if _matches(param_strs(params, "names"), name):
            return Result(Status.FAIL, f"已获得“{name}”{when}，按此条不可再申报", evidence)
        if _matches(param_strs(params, "lower"), name) or not _matches(
            param_strs(params, "quality"), name
        ):
            continue  # not a quality award, or a lower rung of the home's ladder (苏州市质量奖)
        placed = _place(row, params)
        standing = _standing(placed, params)
        at_level = param_strs(params, "at_level")  # empty: every award at the line's level excludes
        if standing == "above" or (standing == "at" and _matches(at_level or [""], name)):
            reason = f"已获得“{name}”{when}（{placed.how}），按此条不可再申报"
            return Result(Status.FAIL, reason, evidence)
        if standing in ("at", "other", "unknown"):
            note = f"“{name}”{when}{placed.how}，无法确定是否属于排除申报的奖项，请填写授予单位"
            unsure.append(note)
    if unsure:
        return Result(Status.UNSURE, "；".join(unsure), evidence)
    return Result(Status.PASS, "获奖荣誉中没有排除申报的奖项", evidence)


def reapply_rule(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    """The ``reapply`` rule: the years an earlier award (or its revocation) bars."""
    names = param_strs(params, "names")
    revoked_names = param_strs(params, "revoked_names") or names
    rows = [r for r in app.tables.get("honours", ()) if as_text(r.get("name"))]
    held = [r for r in rows if _matches([*names, *revoked_names], as_text(r.get("name")))]
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
    names = param_strs(params, "names")
    revoked_names = param_strs(params, "revoked_names") or names
    years, revoked_years = int(str(params["years"])), int(str(params.get("revoked_years") or 0))
    name = as_text(row.get("name"))
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
