"""The yearly 申报通知 as a layer over the 办法: what holds for this year's application.

A programme's 办法 (forms/awards/<id>.toml) sets its rules; each round's notice
(forms/awards/<id>/notices/<year>.toml) adds or replaces limits, conditions and attachments and
gives the deadline and the channel. The user may pick a published notice and enter this year's
values (the deadline, each part's 字数 limit, the channel, notes) when the notice is not shipped.
:func:`effective` merges the three — the user's values over the notice over the 办法 — and says
where each value came from, so every limit shown carries its source. Pure domain: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Protocol, TypeVar

from msgspec.structs import replace

from qualitydesk.domain.forms import (
    REFERENCE,
    Award,
    Fact,
    Forms,
    Notice,
    NoticeLimit,
    Part,
)

NO_NOTICE = "none"  # the user's choice: no published notice, the 办法 alone (and own values)
USER_SOURCE = "申报通知（本申报书填写的当年值）"  # the source of a value the user entered

T = TypeVar("T")


class Origin(Enum):
    """Where a rule, an attachment or a limit comes from."""

    RULES = "rules"  # the programme's 办法 (the award file)
    NOTICE = "notice"  # the year's published notice
    USER = "user"  # entered by the user for this year


@dataclass(frozen=True)
class UserNotice:
    """This year's notice as the user set it in the application file.

    ``choice``: "" (not chosen: the notice of the application's year, if one is published),
    :data:`NO_NOTICE`, or a year ("2025") of a published notice.
    """

    choice: str = ""
    deadline: date | None = None
    channel: str = ""
    notes: str = ""
    limits: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EffectiveLimit:
    """A part's limit as it holds this year, and where it comes from."""

    part: str
    name: str
    limit: int
    metric: str
    figure_chars: int | None  # None: charts and tables do not count toward the limit
    source: str
    origin: Origin

    @property
    def reference(self) -> bool:
        """The program's own suggestion (:data:`REFERENCE`), not a published rule."""
        return self.source == REFERENCE


@dataclass(frozen=True)
class Effective:
    """The 办法 with this year's notice over it.

    ``award`` is the award as it holds this year (the notice's rules and attachments merged in,
    each part's limit the effective one): pass it wherever an Award is read.
    """

    base: Award
    award: Award
    notice: Notice | None
    user: UserNotice
    rule_origins: Mapping[str, Origin]
    attachment_origins: Mapping[str, Origin]
    limit_origins: Mapping[str, Origin]
    deadline: date | None
    deadline_origin: Origin | None
    channel: str
    channel_origin: Origin | None
    facts: tuple[Fact, ...]

    def limit(self, part_id: str) -> EffectiveLimit | None:
        """The effective limit of part ``part_id`` and where it comes from; None when the part has
        no limit (or no such part).
        """
        part = self.award.part(part_id)
        if part is None or part.limit is None:
            return None
        return EffectiveLimit(
            part.id,
            part.name,
            part.limit,
            part.metric,
            part.figure_chars if part.counts_figures else None,
            part.limit_source or REFERENCE,
            self.limit_origins.get(part.id, Origin.RULES),
        )

    def origin(self, rule_id: str) -> Origin:
        """Whether a rule comes from the 办法 or this year's notice."""
        return self.rule_origins.get(rule_id, Origin.RULES)

    @property
    def cycle(self) -> str:
        """How often the programme runs: the notice's value where it gives one."""
        if self.notice is not None and self.notice.cycle:
            return self.notice.cycle
        return self.base.cycle

    @property
    def cycle_conflict(self) -> bool:
        """The notice's cycle differs from the 办法's (shown with the notice's ``cycle_note``)."""
        return bool(self.notice and self.notice.cycle and self.notice.cycle != self.base.cycle)

    @property
    def cycle_note(self) -> str:
        """The notice's explanation of a different cycle; empty without a notice."""
        return self.notice.cycle_note if self.notice is not None else ""


def chosen_notice(forms: Forms, award_id: str, user: UserNotice, year: int) -> Notice | None:
    """The published notice the user chose; unchosen: the one of the application's year."""
    if user.choice == NO_NOTICE:
        return None
    if user.choice:
        try:
            return forms.notice(award_id, int(user.choice))
        except ValueError:
            return None
    return forms.notice(award_id, year)


def effective(forms: Forms, award: Award, user: UserNotice, year: int) -> Effective:
    """``award`` (as the application reads it) with the chosen notice and the user's values."""
    notice = chosen_notice(forms, award.id, user, year)
    rules, rule_origins = _merge(award.rules, notice.rules if notice else (), award.applicant)
    attachments, attachment_origins = _merge(
        award.attachments, notice.attachments if notice else (), award.applicant
    )
    profile = forms.framework_for(award).profile
    parts, limit_origins = _merge_limits(award, notice, user, profile.limit, profile.limit_source)
    deadline, deadline_origin = _pick(user.deadline, notice.deadline if notice else None)
    channel, channel_origin = _pick(user.channel.strip(), notice.channel if notice else None)
    facts = award.facts + (notice.facts if notice else ())
    return Effective(
        base=award,
        award=replace(award, rules=rules, attachments=attachments, parts=parts),
        notice=notice,
        user=user,
        rule_origins=rule_origins,
        attachment_origins=attachment_origins,
        limit_origins=limit_origins,
        deadline=deadline,
        deadline_origin=deadline_origin,
        channel=channel or "",
        channel_origin=channel_origin,
        facts=facts,
    )


def _pick(own: T | None, published: T | None) -> tuple[T | None, Origin | None]:
    if own:
        return own, Origin.USER
    if published:
        return published, Origin.NOTICE
    return None, None


class _Listed(Protocol):
    """A rule or an attachment: what a notice adds to or replaces in the 办法's lists."""

    @property
    def id(self) -> str: ...

    @property
    def applicants(self) -> tuple[str, ...]: ...


L = TypeVar("L", bound=_Listed)


def _merge(
    own: tuple[L, ...], published: tuple[L, ...], applicant: str
) -> tuple[tuple[L, ...], dict[str, Origin]]:
    """The 办法's entries, a notice entry with the same id replacing it, new ones after (only
    the notice's entries for this applicant).
    """
    wanted = [e for e in published if applicant in e.applicants]
    replacing = {e.id: e for e in wanted}
    merged = [replacing.pop(e.id, e) for e in own] + list(replacing.values())
    origins = {e.id: Origin.RULES for e in own} | {e.id: Origin.NOTICE for e in wanted}
    return tuple(merged), origins


def _merge_limits(
    award: Award,
    notice: Notice | None,
    user: UserNotice,
    profile_limit: int,
    profile_source: str,
) -> tuple[tuple[Part, ...], dict[str, Origin]]:
    """Each part's limit: the user's, else the notice's, else the 办法's (or the framework's
    组织概述 limit for a profile part without one).
    """
    published = {limit.part: limit for limit in (notice.limits if notice else ())}
    parts: list[Part] = []
    origins: dict[str, Origin] = {}
    for given in award.parts:
        part = given
        if part.id == "profile" and part.limit is None:
            part = replace(part, limit=profile_limit, limit_source=profile_source)
        if part.id in published:
            part = _with_notice_limit(part, published[part.id])
            origins[part.id] = Origin.NOTICE
        own = user.limits.get(part.id)
        if own:
            part = replace(part, limit=own, limit_source=USER_SOURCE)
            origins[part.id] = Origin.USER
        parts.append(part)
    return tuple(parts), origins


def _with_notice_limit(part: Part, limit: NoticeLimit) -> Part:
    counts = part.counts_figures if limit.counts_figures is None else limit.counts_figures
    return replace(
        part,
        limit=limit.limit,
        limit_source=limit.source,
        metric=limit.metric or part.metric,
        counts_figures=counts,
        figure_chars=part.figure_chars if limit.figure_chars is None else limit.figure_chars,
    )
