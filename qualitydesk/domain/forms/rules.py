"""Eligibility clauses: a rule's keys, and the parameters each kind of rule takes.

Patterns (``recognised``, ``names``, ``quality`` …) are regular expressions searched in a value
with spaces removed, letters upper-cased and full-width characters made half-width (see
forms/README.md). Honour levels (``min_level``) are names on the ladder of forms/levels.toml.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

from qualitydesk.domain.forms.base import APPLICANTS, Applicant, Count, Model, Text
from qualitydesk.domain.forms.ladder import Level

RuleKind = Literal[
    "years_since",
    "certification",
    "no_loss",
    "region",
    "excluded_award",
    "honour",
    "reapply",
    "declaration",
]
RULE_KINDS: tuple[str, ...] = get_args(RuleKind)


class Rule(Model, frozen=True):
    """One clause of a programme's conditions, evaluated by its ``kind`` from ``params``.

    ``params`` holds the kind's parameters with their defaults filled in (see :data:`PARAMS`);
    the kinds that place honours get ``ladder``, the levels of forms/levels.toml (the loader
    sets it: it is not a key of the file).
    """

    id: Text
    citation: Text
    text: Text
    kind: RuleKind
    params: dict[str, object]
    check_notice: bool = False
    applicants: tuple[Applicant, ...] = APPLICANTS  # whom the clause is about (default: everyone)
    reading: str = ""  # how an ambiguous clause is read (shown with the verdict)
    ladder: tuple[Level, ...] = ()


class Params(Model, frozen=True):
    """The parameters of a rule kind (the ``params`` table)."""


class YearsSince(Params, frozen=True):
    """Whole years from a date field of the 申请表 to the application date."""

    field: Text
    years: Count


class Certification(Params, frozen=True):
    """A valid management-system certificate, held ``min_years``."""

    recognised: tuple[Text, ...]
    min_years: Count
    accepted: tuple[Text, ...] = ()
    any_system: bool = False


class NoLoss(Params, frozen=True):
    """No loss (利润总额 < 0) in the last ``years`` fiscal years."""

    years: Count


class Region(Params, frozen=True):
    """Registered in ``area`` (行政区划码 ``area_codes``)."""

    area: Text
    area_codes: tuple[Text, ...]
    overlaps: tuple[Text, ...] = ()


class ExcludedAward(Params, frozen=True):
    """No award that excludes the application (by name, or placed at or above ``min_level``)."""

    names: tuple[Text, ...]
    unsure_names: tuple[Text, ...] = ()
    lower: tuple[Text, ...] = ()
    quality: tuple[Text, ...] = ()
    at_level: tuple[Text, ...] = ()
    min_level: str = ""
    home: str = ""
    national: tuple[Text, ...] = ()


class Honour(Params, frozen=True):
    """A quality award at ``min_level`` or above still valid, or a named honour recent enough."""

    quality: tuple[Text, ...]
    min_level: Text
    valid_years: Count
    home: str = ""
    national: tuple[Text, ...] = ()
    named: tuple[Text, ...] = ()
    named_within_years: Count = 0


class Reapply(Params, frozen=True):
    """Years before a winner (or a revoked winner) may apply again."""

    names: tuple[Text, ...]
    years: Count
    revoked_names: tuple[Text, ...] = ()
    revoked_years: Count = 0


class Declaration(Params, frozen=True):
    """Affirmed by the applicant: no parameters."""


# The parameters of each kind of rule.
PARAMS: Mapping[str, type[Params]] = {
    "years_since": YearsSince,
    "certification": Certification,
    "no_loss": NoLoss,
    "region": Region,
    "excluded_award": ExcludedAward,
    "honour": Honour,
    "reapply": Reapply,
    "declaration": Declaration,
}
# Kinds whose rules place honours on the ladder (the loader gives them ``ladder``).
LADDER_KINDS = ("excluded_award", "honour")
PATTERN_PARAMS = (
    "recognised",
    "accepted",
    "names",
    "unsure_names",
    "lower",
    "quality",
    "at_level",
    "national",
    "named",
    "revoked_names",
)
