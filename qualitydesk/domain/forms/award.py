"""An award programme (awards/<id>.toml): tiers, rules, package parts, attachments, cover."""

from __future__ import annotations

from datetime import date

from qualitydesk.domain.forms.base import (
    APPLICANTS,
    ORGANISATION,
    REFERENCE,
    Applicant,
    Comparison,
    Count,
    Metric,
    Model,
    PartId,
    Percent,
    Positive,
    Text,
)
from qualitydesk.domain.forms.framework import Profile
from qualitydesk.domain.forms.layouts import LayoutChange
from qualitydesk.domain.forms.rules import Rule


class Tier(Model, frozen=True):
    """A level of the award (奖, 提名奖) with its score line, where one is published."""

    id: Text
    name: Text
    citation: Text
    line: Positive | None = None
    comparison: Comparison | None = None
    quota: Positive | None = None


class CompositePart(Model, frozen=True):
    """One stage of a composite score (材料评审 15%)."""

    id: Text
    name: Text
    weight: Percent


class Composite(Model, frozen=True):
    """How the stages' scores combine; the weights add up to 100."""

    citation: Text
    parts: tuple[CompositePart, ...]


class Part(Model, frozen=True):
    """A part of the package (申请表, 自评报告 …) with its 字数 limit and how it is counted."""

    id: PartId
    name: Text
    counts_figures: bool
    limit_editable: bool
    limit: Positive | None = None
    metric: Metric = "words"
    figure_chars: Count | None = None
    optional: bool = False  # an appendix the package may leave out (not required by readiness)
    applicants: tuple[Applicant, ...] = APPLICANTS
    limit_source: Text | None = None  # where the limit comes from (clause, notice or REFERENCE)

    @property
    def reference(self) -> bool:
        """The limit is the program's suggestion (REFERENCE), not a published rule."""
        return self.limit_source == REFERENCE


class Fact(Model, frozen=True):
    """Something a user should know about a programme (quota, reward, validity), with its source."""

    text: Text
    source: Text


class AttachmentSpec(Model, frozen=True):
    """An entry of the 证实性材料 checklist and the rules it proves."""

    id: Text
    name: Text
    required: bool
    rules: tuple[Text, ...] = ()
    note: str = ""
    applicants: tuple[Applicant, ...] = APPLICANTS


_CHINESE_NUMBERS = dict(enumerate("零一二三四五六七八九十", 0)) | {
    n: f"十{'一二三四五六七八九'[n - 11]}" for n in range(11, 20)
}


class Round(Model, frozen=True):
    """One round (届) of a programme that numbers its rounds: 第五届 — the year it was declared."""

    number: Positive
    year: Count
    source: Text

    @property
    def name(self) -> str:
        """第五届."""
        return f"第{_CHINESE_NUMBERS.get(self.number, str(self.number))}届"


class Seal(Model, frozen=True):
    """A box on the cover where a seal goes, labelled underneath, for some applicants."""

    label: Text
    applicants: tuple[Applicant, ...] = APPLICANTS


class Cover(Model, frozen=True):
    """What the package's cover asks for beyond its fields: seal boxes and the copies note."""

    source: Text  # the clause or template, or REFERENCE
    seals: tuple[Seal, ...] = ()
    copies: str = ""  # 一式三份…, printed under the seal boxes

    def seals_for(self, applicant: str) -> tuple[str, ...]:
        """The labels of the seal boxes an ``applicant``'s cover shows."""
        return tuple(s.label for s in self.seals if applicant in s.applicants)


class Award(Model, frozen=True):
    """An award programme: its rules, package and cover, as an applicant meets it once narrowed
    (:meth:`qualitydesk.domain.forms.Forms.award_for`).
    """

    id: Text
    name: Text
    name_en: Text
    level: Text
    order: Positive  # where the programme stands in lists: national first, then down the ladder
    issuer: Text
    document: Text
    framework: Text
    scored: bool
    cycle: Text
    categories: tuple[Text, ...]
    source: Text
    check_notice: bool
    tiers: tuple[Tier, ...]
    rules: tuple[Rule, ...]
    parts: tuple[Part, ...]
    attachments: tuple[AttachmentSpec, ...]
    document_number: str | None = None
    issued: date | None = None
    effective: date | None = None
    expires: date | None = None
    recommender: str | None = None
    facts: tuple[Fact, ...] = ()
    composite: Composite | None = None
    applicants: tuple[Applicant, ...] = (ORGANISATION,)  # who may apply: organisations, people
    profiles: tuple[Profile, ...] = ()  # the award's own 组织概述 / 个人事迹 (over the framework's)
    rounds: tuple[Round, ...] = ()  # numbered rounds (届), where the programme numbers them
    layout: LayoutChange | None = None  # the programme's own page layout over the default one
    cover: Cover | None = None  # seal boxes and copies note; None: the cover prints neither
    applicant: Applicant = ORGANISATION  # narrowed to (Forms.award_for): not a key of the file

    @property
    def individual(self) -> bool:
        """Narrowed to a person's application (:meth:`Forms.award_for`)."""
        return self.applicant == "individual"

    def round_for(self, year: int) -> Round | None:
        """The numbered round declared in ``year``, if the programme numbers its rounds."""
        return next((r for r in self.rounds if r.year == year), None)

    def profile_for(self, applicant: str) -> Profile | None:
        """The award's own profile for ``applicant``; None: the framework's is used."""
        return next((p for p in self.profiles if applicant in p.applicants), None)

    @property
    def version(self) -> str:
        """Which edition of the rules: document number and/or the date it took effect."""
        parts = [self.document_number or "", self.effective.isoformat() if self.effective else ""]
        return " ".join(p for p in parts if p) or self.document

    @property
    def seals(self) -> tuple[str, ...]:
        """The cover's seal boxes for the applicant the award is narrowed to (none: no cover)."""
        return self.cover.seals_for(self.applicant) if self.cover else ()

    @property
    def copies(self) -> str:
        """The cover's copies note (一式三份…), empty when the programme gives none."""
        return self.cover.copies if self.cover else ""

    def rule(self, rule_id: str) -> Rule:
        """The rule ``rule_id`` (KeyError when there is none)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def part(self, part_id: str) -> Part | None:
        """The part ``part_id`` (the first; the applicant's once narrowed), if there is one."""
        return next((p for p in self.parts if p.id == part_id), None)
