"""A round's 申报通知 (awards/<id>/notices/<year>.toml): limits, rules, attachments."""

from __future__ import annotations

from datetime import date

import msgspec

from qualitydesk.domain.forms.award import AttachmentSpec, Fact
from qualitydesk.domain.forms.base import Count, Metric, Model, PartId, Positive, Text, Year
from qualitydesk.domain.forms.base import cited as cite
from qualitydesk.domain.forms.rules import Rule


class NoticeLimit(Model, frozen=True):
    """A part's 字数 limit as a notice sets it, over the award's part (None: as the part says)."""

    part: PartId
    limit: Positive
    source: str = ""  # the notice's clause; the loader fills in the notice itself when absent
    metric: Metric | None = None
    counts_figures: bool | None = None
    figure_chars: Count | None = None


class NoticeFact(Fact, frozen=True):
    """A notice's fact: its source defaults to the notice (filled in by the loader)."""

    source: str = ""


class Notice(Model, frozen=True):
    """One round's 申报通知: deadline, limits, extra conditions and attachments over the 办法."""

    year: Year
    title: Text
    issuer: Text
    source: Text
    document_number: str | None = None
    issued: date | None = msgspec.field(default=None, name="date")  # the notice's own date
    deadline: date | None = None
    channel: str | None = None
    cycle: str | None = None
    cycle_note: str = ""
    limits: tuple[NoticeLimit, ...] = ()
    rules: tuple[Rule, ...] = ()
    attachments: tuple[AttachmentSpec, ...] = ()
    facts: tuple[NoticeFact, ...] = ()
    award: str = ""  # the award's id, from the folder: not a key of the file

    @property
    def cited(self) -> str:
        """How a value from this notice is cited: title, number and date where known."""
        return cite(self.title, self.document_number, self.issued)
