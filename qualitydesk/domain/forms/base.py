"""The schema's building blocks: the error, the value types forms/ files share, the base model.

Every model under :mod:`qualitydesk.domain.forms` is a frozen :class:`msgspec.Struct` that refuses
unknown keys; the annotated types below carry the allowed range (``ge``, ``le``, a unit, the
allowed words), which is what an error message names (:mod:`.errors`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, get_args

import msgspec


class FormsError(ValueError):
    """A file under forms/ is missing, malformed or inconsistent."""


class Model(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """A table of a forms/ file: frozen, every key known, given by name."""


# The source of a value that no published text gives: the program's own suggestion, shown as such.
REFERENCE = "参考值 — 按当年申报通知核对"

# A non-empty text (at least one character that is not a space).
Text = Annotated[str, msgspec.Meta(pattern=r"\S")]
Count = Annotated[int, msgspec.Meta(ge=0)]
Positive = Annotated[int, msgspec.Meta(ge=1)]
Percent = Annotated[int, msgspec.Meta(ge=0, le=100)]
Year = Annotated[int, msgspec.Meta(ge=1949)]

# Who applies: an organisation (its branches, units, 班组 and QC小组 included) or a person.
Applicant = Literal["organisation", "individual"]
APPLICANTS: tuple[Applicant, ...] = get_args(Applicant)
ORGANISATION: Applicant = "organisation"
Kind = Literal["process", "results"]
KINDS: tuple[str, ...] = get_args(Kind)
Comparison = Literal["at_least", "above"]
COMPARISONS = {"at_least": "不低于", "above": "高于"}
PartId = Literal[
    "form", "commitment", "profile", "report", "indicators", "evidence", "recommendation"
]
PART_IDS: tuple[str, ...] = get_args(PartId)
Metric = Literal["words", "characters", "characters_no_punct", "hanzi"]
METRICS: tuple[str, ...] = get_args(Metric)
FieldType = Literal[
    "text", "multiline", "date", "year", "integer", "money", "percent", "choice", "bool"
]
FIELD_TYPES: tuple[str, ...] = get_args(FieldType)
Validator = Literal[
    "uscc", "phone", "mobile", "email", "postcode", "date", "money", "signed_money", "percent"
]
VALIDATORS: tuple[str, ...] = get_args(Validator)


def applicant_name(applicant: str) -> str:
    """组织 or 个人: how an applicant is named in messages."""
    return {"organisation": "组织", "individual": "个人"}.get(applicant, applicant)


def cited(title: str, number: str | None, issued: date | None) -> str:
    """How a value from a notice is cited: its title, with the 文号 and date where known."""
    extra = "，".join(e for e in (number or "", issued.isoformat() if issued else "") if e)
    return f"{title}（{extra}）" if extra else title
