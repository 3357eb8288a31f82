"""The file information of a document and what is set for it: award, year, limits, notice, stages.

The file information (award, framework, year, date …) and the values set for one application
(a part's 字数上限, this year's 申报通知, the examiners' stage scores, file settings) are rows of
the ``meta`` table. Limits, the notice and stage scores are changes like any other (pending, with
history); a file setting is a mark written at once.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import PART_IDS
from qualitydesk.store import rows
from qualitydesk.store.base import DocumentBase

if TYPE_CHECKING:  # imported where used: opening a file needs no notice rules
    from qualitydesk.domain.notices import UserNotice

STAGE_PREFIX = "stage."  # meta: the examiners' stage scores, stage.<composite part id> = "612.5"
NOTICE_PREFIX = "notice."  # meta: this year's 申报通知 as the user set it (notice.deadline …)
NOTICE_KEYS = ("choice", "deadline", "channel", "notes")


class InformationMixin(DocumentBase):
    """The file information and the values set for this application."""

    @property
    def award_id(self) -> str:
        """The award applied for (an id of forms/)."""
        return self.meta["award"]

    @property
    def framework_id(self) -> str:
        """The framework the self-assessment follows (an id of forms/)."""
        return self.meta["framework"]

    @property
    def year(self) -> int:
        """The year of the application."""
        return int(self.meta["year"])

    @property
    def application_date(self) -> date:
        """The date of the application."""
        return date.fromisoformat(self.meta["date"])

    @property
    def applicant(self) -> str:
        """Who applies: "organisation" (the default) or "individual" (the setting ``applicant``)."""
        return self.setting("applicant") or "organisation"

    def limit(self, part: str) -> int | None:
        """A part's limit set for this application (e.g. 自评报告 60,000 字), if any."""
        value = self._get("meta", f"limit.{part}", self.meta.get(f"limit.{part}"))
        return int(value) if value else None

    def set_limit(self, part: str, limit: int | None) -> None:
        """Set (or with None clear) a part's limit."""
        self._set("meta", f"limit.{part}", str(limit) if limit else "")

    def notice_value(self, key: str) -> str:
        """This year's 申报通知 as set on its page: ``choice`` (a published notice's year, or
        ``none``), ``deadline`` (YYYY-MM-DD), ``channel`` or ``notes``; "" when unset.
        """
        name = NOTICE_PREFIX + key
        return str(self._get("meta", name, self.meta.get(name)) or "")

    def set_notice_value(self, key: str, value: str) -> None:
        """Set one of :data:`NOTICE_KEYS` of this year's notice."""
        if key not in NOTICE_KEYS:
            raise KeyError(key)
        self._set("meta", NOTICE_PREFIX + key, value.strip())

    def user_notice(self) -> UserNotice:
        """The notice values and the parts' limits set for this application (notices.effective)."""
        from qualitydesk.domain.notices import UserNotice

        try:
            deadline: date | None = date.fromisoformat(self.notice_value("deadline"))
        except ValueError:
            deadline = None
        return UserNotice(
            self.notice_value("choice"),
            deadline,
            self.notice_value("channel"),
            self.notice_value("notes"),
            {part: limit for part in PART_IDS if (limit := self.limit(part))},
        )

    def stage_score(self, part: str) -> Decimal | None:
        """The examiners' published score of a stage (材料评审 …, a composite part id), exact;
        None when not entered (or not a valid score).
        """
        text = self._get("meta", STAGE_PREFIX + part, self.meta.get(STAGE_PREFIX + part))
        try:
            return scoring.stage_score(text) if text else None
        except scoring.ScoreError:
            return None

    def set_stage_score(self, part: str, value: Decimal | None) -> None:
        """Record (or with None clear) a stage score; kept as its exact text, with history."""
        self._set("meta", STAGE_PREFIX + part, "" if value is None else numbers.score(value))

    def setting(self, key: str) -> str:
        """A file setting kept beside the file information (``needs_update`` …); "" if unset."""
        return str(self.meta.get(key, "") or "")

    def put_setting(self, key: str, value: str) -> None:
        """Write a file setting at once and outside the history: a mark such as 需更新 or the
        year of a renewed file, not the user's content.
        """
        with self._write_now() as db:
            rows.write_meta(db, key, value)
        self.meta[key] = value
