"""The verdicts of 资格自查: the five statuses, what a kind decides, the application it reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from qualitydesk.domain.forms import Rule

Row = Mapping[str, object]


class Status(StrEnum):
    """How a clause stands: 符合, 不符合, 需确认, 待补充, 已声明."""

    PASS = "pass"
    FAIL = "fail"
    UNSURE = "unsure"
    NEEDS_DATA = "needs-data"
    DECLARED = "declared"

    @property
    def label(self) -> str:
        """The status in Chinese (符合 …)."""
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
    """A rule's verdict: its status, the reason, the evidence and how the clause was read."""

    rule: Rule
    status: Status
    reason: str
    evidence: tuple[str, ...] = ()  # the values used, each named: "注册地址：苏州市吴中区…"
    reading: str = ""  # how an ambiguous clause was read (the rule's ``reading``)

    @property
    def clause(self) -> str:
        """The clause's citation (第十一条（六）)."""
        return self.rule.citation


@dataclass(frozen=True)
class Result:
    """What a kind decides: the status, the reason and the evidence behind it."""

    status: Status
    reason: str
    evidence: tuple[str, ...] = ()


# Statuses the applicant may stand in for with a declaration.
AFFIRMABLE = (Status.NEEDS_DATA, Status.UNSURE)
