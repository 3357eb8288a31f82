"""How much text each place of an application may hold: the size guards of paste, load and export.

A programme limits what is submitted (自评报告不超过 5 万字); the program may hold more while the
user drafts, but not without bound: a 50 MB paste froze the window for minutes and a 10 MB
attachment title took an export past 8 GB. The bounds come from forms/ (``limits.toml``, read
into :class:`~qualitydesk.domain.forms.Limits`):

- a narrative — one item of the 自评报告, one section of the 组织概述 — holds at most
  ``narrative_factor`` (10) times the 字数 limit of its part (:func:`max_chars`);
- short texts have fixed maxima: 申请表 fields and table cells, 自评分 notes, declarations,
  indicator names and units, attachment titles and file names.

Sizes are characters of the text as stored (``len``: a narrative's Markdown), which any layer can
measure at once; the programme's own 字数 metric is for the limit checks of 检查与导出.
"""

from __future__ import annotations

from msgspec import Struct, field

from qualitydesk.domain.forms import Award, FieldSpec, Forms, Limits
from qualitydesk.domain.numbers import integer
from qualitydesk.domain.problems import Location

NARRATIVE_PARTS = ("profile", "report")


def max_chars(forms: Forms, award: Award, part_id: str) -> int:
    """The most characters one narrative of ``part_id`` (``profile`` or ``report``) may hold.

    Ten times (``narrative_factor``) the part's 字数 limit as the programme publishes it (a limit
    the user edits in the document does not move the bound); the framework's 组织概述 limit when
    the programme gives none for it; ``narrative_default`` for a part without any limit.
    """
    limits = forms.limits
    part = award.part(part_id)
    limit = part.limit if part is not None else None
    if limit is None and part_id == "profile" and award.framework in forms.frameworks:
        limit = forms.framework_for(award).profile.limit
    if limit is None:
        return limits.narrative_default
    return limit * limits.narrative_factor


def field_max(limits: Limits, spec: FieldSpec | None, *, cell: bool = False) -> int:
    """The most characters a 申请表 field (or, with ``cell``, a table cell) of ``spec`` may hold."""
    if cell:
        return limits.table_cell
    if spec is not None and spec.type == "multiline":
        return limits.multiline_field
    return limits.field


class Oversized(Struct, frozen=True):
    """A text longer than its place may hold: where it is (in words, and as a :class:`Location`
    in an open document), its size and the maximum.
    """

    where: str  # 自评报告 4.1.2, 申请表 组织名称, $.narratives["4.1.2"] …
    size: int
    maximum: int
    location: Location = field(default_factory=Location)

    @property
    def problem(self) -> str:
        """有 612,345 字，超过本项最多可容纳的 500,000 字."""
        return f"有 {integer(self.size)} 字，超过本项最多可容纳的 {integer(self.maximum)} 字"

    @property
    def message(self) -> str:
        """The problem with its place: ``自评报告 4.1.2 有 612,345 字，超过…``."""
        return f"{self.where} {self.problem}"


def oversized(where: str, text: object, maximum: int) -> Oversized | None:
    """An :class:`Oversized` when ``text`` is a string longer than ``maximum``, else None."""
    if isinstance(text, str) and len(text) > maximum:
        return Oversized(where, len(text), maximum)
    return None


def clip(name: str, length: int = 24) -> str:
    """A user's name for a thing, short enough to name it in a message (titles can be huge)."""
    name = " ".join(name[: length * 4].split())
    return name if len(name) <= length else name[: length - 1] + "…"
