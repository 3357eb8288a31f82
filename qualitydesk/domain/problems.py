"""Problems as records: what stands between an application and its package, and where it is.

The checks — eligibility, completeness and limits (:mod:`qualitydesk.store.readiness`), the texts
too long for their place (:mod:`qualitydesk.store.sizes`), the characters no font prints and the
attachments the export cannot print (:mod:`qualitydesk.export.preflight`) — each give a
:class:`Problem`: what kind it is, how much it matters, where it is fixed (a :class:`Location`)
and a message in Chinese that names the place. The 检查与导出 page lists them and jumps to their
location; ``qualitydesk check`` prints their messages and gives their locations in its JSON.
Nothing reads a place back out of a message.
"""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct
from msgspec.structs import asdict


class Severity(StrEnum):
    """How much a problem matters (the 检查与导出 page's colours and the steps' status)."""

    ERROR = "error"  # wrong: to be fixed before submitting (有问题)
    MISSING = "missing"  # not filled in yet (进行中)
    WARNING = "warning"  # worth a look; the package prints all the same


class Kind(StrEnum):
    """What check found a problem."""

    ELIGIBILITY = "eligibility"  # a clause not met, or not yet known to be met
    INCOMPLETE = "incomplete"  # something to fill in or to correct
    LIMIT = "limit"  # a part over its 字数 limit (or over the program's 参考值)
    UNPRINTABLE = "unprintable"  # a character no font prints: printed as 〓
    OVERSIZED = "oversized"  # a text longer than its place may hold: the export refuses
    UNREADABLE = "unreadable"  # an attachment the export cannot print (附件无法读取)
    SANITISED = "sanitised"  # an attachment printed without its scripts and actions
    UNCHECKED = "unchecked"  # the attachments could not be checked


class Location(Struct, frozen=True):
    """Where a problem is fixed.

    ``step`` is the part of the application: ``form`` (申请表), ``eligibility``, ``profile``,
    ``report`` (自评报告 and 自评分), ``indicators`` or ``evidence``. ``item`` is the thing in it: a
    field id or a table cell (``financials[1].profit_total``), a rule id, a section id, a scored
    item id (4.1.2), an indicator id, an attachment id or a checklist entry; ``""`` is the step
    itself. ``field`` is the box of that thing: ``""`` its main text (an item's narrative);
    ``score`` an item's self-score, ``strengths``, ``opportunities`` or a factor id its notes;
    ``statement`` or ``evidence`` of a declaration; ``name``, ``unit``, ``competitor_source``,
    ``benchmark_source`` of an indicator; ``caption`` or ``file_name`` of an attachment.

    In a text: ``offset`` is the index in the text as stored (code points), ``line`` and
    ``column`` count from 1, and ``occurrence`` says which occurrence of the problem's character
    it is (0 for the first), which finds it on screen, where the Markdown is rendered.
    """

    step: str = ""
    item: str = ""
    field: str = ""
    offset: int | None = None
    line: int | None = None
    column: int | None = None
    occurrence: int | None = None

    def as_dict(self) -> dict[str, str | int | None]:
        """The location as ``qualitydesk check --json`` gives it: every key, null where unknown."""
        return asdict(self)


class Problem(Struct, frozen=True):
    """One problem: its kind, severity, location and message (Chinese, naming the place).

    ``where`` names the place in words (自评报告 4.1.2, 申请表 组织名称, an attachment's file
    name, a part's name). ``char`` is the character that does not print (:attr:`Kind.UNPRINTABLE`);
    ``count`` and ``maximum`` are how much there is and the most allowed (:attr:`Kind.LIMIT`:
    字数, :attr:`Kind.OVERSIZED`: characters), for a renderer that words the message itself.
    """

    kind: Kind
    severity: Severity
    location: Location
    message: str
    where: str = ""
    char: str = ""
    count: int | None = None
    maximum: int | None = None

    @property
    def codepoint(self) -> str:
        """The character's code point as ``U+1F600`` (``""`` when the problem has none)."""
        return f"U+{ord(self.char):04X}" if self.char else ""
