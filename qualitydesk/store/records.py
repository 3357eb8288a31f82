"""What a document holds besides plain fields: scores, declarations, indicators, attachments."""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct, field

from qualitydesk.domain.indicators import Indicator

__all__ = [
    "Action",
    "Assessor",
    "Attachment",
    "Consensus",
    "Declaration",
    "Feedback",
    "FieldValue",
    "Indicator",
    "Link",
    "Revision",
    "Row",
    "Score",
]

FieldValue = str | bool | None
Row = Mapping[str, FieldValue]


class Score(Struct, frozen=True):
    """The self-score of one item: percentage, factor notes, 优势, 改进机会, who and when."""

    pct: int
    notes: Mapping[str, str] = field(default_factory=dict)
    strengths: str = ""
    opportunities: str = ""
    assessor: str = ""
    scored_at: str = ""


class Declaration(Struct, frozen=True):
    """The applicant's explicit affirmation of an eligibility clause, with its evidence."""

    affirmed: bool
    statement: str = ""
    evidence: str = ""
    affirmed_at: str = ""


class Link(Struct, frozen=True):
    """What an attachment proves: an item (4.7.2), a clause (rule id) or a checklist entry."""

    kind: str  # "item", "rule" or "checklist"
    target: str


LINK_KINDS = ("item", "rule", "checklist")


class Attachment(Struct, frozen=True):
    """An attachment's description (its content is read separately): name, type, size in bytes,
    SHA-256, caption, when it was added and what it supports.
    """

    id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    caption: str
    added_at: str
    links: tuple[Link, ...] = ()


class Revision(Struct, frozen=True):
    """One entry of the history: a value of a field, narrative, section … at a time."""

    id: int
    kind: str
    key: str
    value: object
    at: str


class Assessor(Struct, frozen=True):
    """A member of the self-assessment team handed a scorebook: name, hand-out round, when it was
    handed out and returned (empty until then) and what it came back as (a file name).
    """

    name: str
    round: str
    handed_out_at: str
    returned_at: str = ""
    source: str = ""


class Consensus(Struct, frozen=True):
    """The score of an item agreed at the consensus meeting: percent, note, every assessor's
    percent before (by name) and when it was agreed.
    """

    item: str
    pct: int
    note: str = ""
    before: Mapping[str, int] = field(default_factory=dict)
    agreed_at: str = ""


class Feedback(Struct, frozen=True):
    """The examiners' feedback on an item: 优势, 改进机会, where it came from and when entered."""

    strengths: str = ""
    opportunities: str = ""
    source: str = ""
    entered_at: str = ""


ACTION_SOURCES = ("own", "examiners")
ACTION_STATUSES = ("open", "doing", "done", "dropped")


class Action(Struct, frozen=True):
    """An action of the improvement plan: what, from whose 改进机会 ("own" or "examiners"), the
    linked item, owner, due date (ISO or ""), status ("open", "doing", "done", "dropped"), a note
    and when it was made. ``id`` is 0 until the document has stored it.
    """

    id: int
    title: str
    source: str = "own"
    item: str = ""
    owner: str = ""
    due: str = ""
    status: str = "open"
    note: str = ""
    created_at: str = ""
