"""Start this year's application from last year's: a copy for the new year, every item 需更新.

:func:`renew` copies an application file (narratives, 组织概述, 申请表, indicators, evidence,
scores and history) to a new file and makes it the application of a later year:

- the year and the application date are the new ones, and the file gets a new identity (its
  ``created`` stamp, which Word copies exported from it carry);
- tables kept by year (近三年主要经济指标) move on: years before the new window are dropped and
  the years it lacks are added as empty rows; indicator values older than the five years an
  indicator table shows are dropped;
- what the applicant confirms for a period — the 近三年 compliance answers, the 承诺 and its
  date, the affirmed eligibility declarations — is cleared, to be confirmed again;
- every item is marked 需更新 (:data:`NEEDS_UPDATE`) until the user marks it updated on its page;
- last year's self-assessment team (assessors, their scores, the consensus) and the examiners'
  feedback are dropped; the improvement actions stay (the plan goes on into the new year);
- the source file is remembered (:data:`RENEWED_FROM`).

Eligibility is evaluated again for the new year whenever the file is checked or opened. The file
is built aside and moved into place when complete (:func:`.safewrite.new_document`).

No Qt here.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

from msgspec import Struct
from msgspec.structs import replace

from qualitydesk import __version__
from qualitydesk.domain.forms import Forms, FormsError
from qualitydesk.store import safewrite
from qualitydesk.store.document import NOTICE_KEYS, STAGE_PREFIX, Document, DocumentError, now
from qualitydesk.store.records import FieldValue

NEEDS_UPDATE = "needs_update"  # meta: the items not yet reviewed for the new year, by id
RENEWED_FROM = "renewed_from"  # meta: the file this one was started from
RENEWED_FROM_YEAR = "renewed_from_year"  # meta: that file's year
RECONFIRM_GROUPS = ("compliance", "declaration")  # 申请表 groups answered for a period
RECONFIRM_TYPES = ("bool", "date")
INDICATOR_YEARS = 5  # the years before the application year an indicator table shows
TABLE_YEARS = 3  # 近三年: a table kept by year holds at least the three years before


class Renewed(Struct, frozen=True):
    """What :func:`renew` made and changed."""

    path: Path
    year: int
    from_year: int
    dropped_years: tuple[int, ...]
    added_years: tuple[int, ...]
    indicator_values_dropped: int
    cleared_fields: tuple[str, ...]
    cleared_declarations: int
    items: int


def renew(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    forms: Forms,
    *,
    year: int | None = None,
    application_date: date | None = None,
    force: bool = False,
) -> Renewed:
    """Make ``target``: ``source`` as the application of ``year`` (default: the year after)."""
    source, target = Path(source), Path(target)
    safewrite.check_target(target, source=source, force=force, document=True)
    with Document.open(source, read_only=True) as old:
        from_year = old.year
        year = year or from_year + 1
        if year <= from_year:
            raise DocumentError(f"新的申报年度（{year}）应晚于 {source.name} 的 {from_year} 年度")
        if not 1900 < year <= 2100:
            raise DocumentError(f"申报年度 {year} 不正确")
        with safewrite.new_document(target, force=force, source=source) as temp:
            copy = sqlite3.connect(temp)
            try:
                old.conn.backup(copy)
            finally:
                copy.close()
            doc = Document.open(temp)
            try:
                result = _make_new_year(doc, forms, source, year, application_date)
                doc.save()
            finally:
                doc.discard()
    return replace(result, path=target)


def _make_new_year(
    doc: Document, forms: Forms, source: Path, year: int, application_date: date | None
) -> Renewed:
    from_year = doc.year
    today = date.today()
    when = application_date or (today if today.year == year else date(year, 1, 1))
    stamp = now()
    settings = {
        "year": str(year),
        "date": when.isoformat(),
        "created": stamp,
        "app_version": __version__,
        RENEWED_FROM: str(source.resolve()),
        RENEWED_FROM_YEAR: str(from_year),
    }
    try:
        framework = forms.framework(doc.framework_id)
        settings["award_version"] = forms.award(doc.award_id).version
    except (FormsError, KeyError) as exc:
        raise DocumentError(f"{source}：{exc}") from None
    for key, value in settings.items():
        doc.put_setting(key, value)
    items = [item.id for item in framework.items]
    doc.put_setting(NEEDS_UPDATE, " ".join(items))
    for key in [k for k, v in doc.meta.items() if k.startswith(STAGE_PREFIX) and v]:
        doc.set_stage_score(key.removeprefix(STAGE_PREFIX), None)  # last year's examiners' scores
    for key in NOTICE_KEYS:  # last year's 申报通知: a new round has its own
        if doc.notice_value(key):
            doc.set_notice_value(key, "")
    for part in [k.removeprefix("limit.") for k, v in doc.meta.items() if k.startswith("limit.")]:
        if doc.limit(part):
            doc.set_limit(part, None)
    dropped, added = _shift_tables(doc, forms, year)
    doc.clear_team()  # last year's assessors and consensus; the actions go on
    doc.set_feedbacks(dict.fromkeys(doc.feedback()))  # last year's examiners' feedback
    return Renewed(
        path=doc.path,
        year=year,
        from_year=from_year,
        dropped_years=dropped,
        added_years=added,
        indicator_values_dropped=_trim_indicators(doc, year),
        cleared_fields=_clear_confirmations(doc, forms),
        cleared_declarations=_clear_declarations(doc),
        items=len(items),
    )


def _year_of(row: dict[str, FieldValue]) -> int | None:
    value = str(row.get("year") or "").strip()
    return int(value) if value.isdigit() else None


def _shift_tables(
    doc: Document, forms: Forms, year: int
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Tables kept by year: the new window of years, the oldest dropped, the new ones empty."""
    dropped: set[int] = set()
    added: set[int] = set()
    for table in forms.form.tables:
        rows = doc.rows(table.id)
        if not table.by_year or not rows:
            continue
        years = {y for y in map(_year_of, rows) if y is not None}
        window = range(year - max(TABLE_YEARS, len(years)), year)
        kept = [r for r in rows if _year_of(r) is None or _year_of(r) in window]
        dropped |= years - set(window)
        missing = [y for y in window if y not in years]
        added |= set(missing)
        kept += [{"year": str(y)} for y in missing]
        kept.sort(key=lambda r: (_year_of(r) is None, _year_of(r) or 0))
        doc.set_rows(table.id, kept)
    return tuple(sorted(dropped)), tuple(sorted(added))


def _trim_indicators(doc: Document, year: int) -> int:
    dropped = 0
    for indicator in doc.indicators():
        values = {y: v for y, v in indicator.values.items() if y >= year - INDICATOR_YEARS}
        if len(values) != len(indicator.values):
            dropped += len(indicator.values) - len(values)
            doc.put_indicator(replace(indicator, values=values))
    return dropped


def _clear_confirmations(doc: Document, forms: Forms) -> tuple[str, ...]:
    cleared = []
    for group in forms.form.groups:
        if group.id not in RECONFIRM_GROUPS:
            continue
        for spec in group.fields:
            if spec.type in RECONFIRM_TYPES and doc.field(spec.id) not in (None, ""):
                doc.set_field(spec.id, None)
                cleared.append(spec.id)
    return tuple(cleared)


def _clear_declarations(doc: Document) -> int:
    cleared = 0
    for rule, declaration in doc.declarations().items():
        if declaration.affirmed:
            doc.set_declaration(rule, replace(declaration, affirmed=False, affirmed_at=""))
            cleared += 1
    return cleared


# --- 需更新 -------------------------------------------------------------------------------------


def needs_update(doc: Document) -> list[str]:
    """The items still marked 需更新 (not yet reviewed since the file was renewed)."""
    return doc.setting(NEEDS_UPDATE).split()


def mark_updated(doc: Document, item: str) -> None:
    """The user has brought ``item`` up to date: it is no longer 需更新 (written at once)."""
    remaining = [i for i in needs_update(doc) if i != item]
    doc.put_setting(NEEDS_UPDATE, " ".join(remaining))
