"""A feedback report's lines cut into items and their 优势 / 改进机会, and its stage scores.

:class:`Splitter` takes the report's lines in order (:class:`Line`: a Word paragraph, a table
cell, or a PDF text line that may continue the one before) and finds the items' headings as the
Word import does (:class:`~qualitydesk.store.wordheadings.Catalogue`): a heading in a Word
heading style or bold names an item by its number or title; a plain line (a PDF's) only when it
is numbered and its title is the item's, or short. Under an item, a line 优势 / 主要优势 starts
its strengths and 改进机会 / 改进空间 / 不足 its opportunities; each paragraph (or bulleted,
numbered or sentence-ended PDF line) is a point. A stated stage score ("材料评审得分：612.5") is
taken wherever it stands. Text that belongs to no item's 优势 or 改进机会 is kept as
:class:`Unmatched` for the preview. No Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from qualitydesk.domain import scoring
from qualitydesk.domain.forms import Category, Framework
from qualitydesk.domain.team import merged_remarks
from qualitydesk.store.wordheadings import Catalogue, Heading, parse_heading

# The stages the programmes name (their composite part ids, forms/awards/*.toml [composite]).
STAGE_NAMES = {"materials": "材料评审", "defence": "陈述答辩", "onsite": "现场评审"}
STRENGTHS, OPPORTUNITIES = "strengths", "opportunities"
_WORDS = {
    **dict.fromkeys(("优势", "优点", "强项"), STRENGTHS),
    **dict.fromkeys(
        ("改进机会", "改进空间", "改进建议", "不足之处", "不足", "待改进之处", "需改进之处"),
        OPPORTUNITIES,
    ),
}
_MARKER = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?P<open>[【\[]?)\s*(?:主要)?"
    rf"(?P<word>{'|'.join(sorted(_WORDS, key=len, reverse=True))})(?:方面)?\s*(?P<close>[】\]]?)"
    r"\s*(?:[（(]\s*[+＋\-－−]\s*[)）])?\s*(?P<colon>[:：])?\s*(?P<rest>.*)$"
)
_TOC_LINE = re.compile(r"(?:\.{3,}|…{2,}|·{3,})\s*\d{1,4}\s*$")
_PAGE_NUMBER = re.compile(
    r"第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|[-—–]?\s*\d{1,4}\s*[-—–]?|\d+\s*/\s*\d+"
)
_POINT_START = re.compile(r"^\s*(?:[-*•·●▪■◆]|\d{1,2}\s*[.、)）]|[（(]\s*\d{1,2}\s*[)）])")
_ENDS_POINT = "。！？；;!?：:"
_CLAUSE_MARKS = re.compile(r"[，。；,;！？!?]")
_PUNCTUATION = re.compile(r"[\s\W_]+")
MAX_HEADING_TITLE = 30  # a plain line longer than this is text, not a heading
SHORT_TITLE = 20  # a plain numbered line with a title this short may be a heading by number


@dataclass(frozen=True)
class Line:
    """One line of a report: its text, whether it looks like a heading (a Word heading style or
    outline level, or bold and short), its outline level, and whether it may continue the line
    before (a PDF wraps a paragraph into lines).
    """

    text: str
    heading_like: bool
    level: int | None
    wrapped: bool = False


@dataclass(frozen=True)
class Unmatched:
    """Text the import leaves out: where it stands (“标题之前”, an item's heading …) and what."""

    where: str
    text: str


@dataclass
class _Found:
    item: str
    heading: str
    strengths: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)


class Splitter:
    """Cuts a report's lines into items (see the module docstring): :meth:`feed`, then
    :meth:`items_out`; :attr:`stages`, :attr:`unmatched` and :attr:`notes` say the rest.
    """

    def __init__(self, framework: Framework, stages: Mapping[str, str] = STAGE_NAMES) -> None:
        self.framework = framework
        self.catalogue = Catalogue(framework)
        self.parts = {name: part for part, name in stages.items()}
        names = "|".join(re.escape(name) for name in sorted(self.parts, key=len, reverse=True))
        number = r"\d+(?:\.\d+)?"
        self._stage = re.compile(  # a score word, a colon or 分 says a number is the score
            rf"(?P<name>{names})(?:阶段)?(?:(?:得分|成绩|分数|评分)\s*(?:为|是)?\s*[:：]?\s*"
            rf"(?P<said>{number})|\s*[:：]\s*(?P<colon>{number})|\s*(?P<points>{number})\s*分)"
            r"\s*分?"
        )
        self.headings = 0
        self.stages: dict[str, Decimal] = {}
        self.unmatched: list[Unmatched] = []
        self.notes: list[str] = []
        self._items: dict[str, _Found] = {}
        self._current: _Found | None = None
        self._depth = 0
        self._kind: str | None = None
        self._category: Category | None = None
        self._last = 0  # id() of the list the line before went to (0: none, or a heading)

    def feed(self, lines: Iterable[Line]) -> None:
        """Read ``lines`` (the report in order)."""
        for line in lines:
            self._line(line)

    def items_out(self) -> Iterator[tuple[str, str, list[str], list[str]]]:
        """Per item in the report's order: id, heading, 优势 points and 改进机会 points."""
        for found in self._items.values():
            strengths = merged_remarks(found.strengths)
            yield found.item, found.heading, strengths, merged_remarks(found.opportunities)

    # -- one line --

    def _line(self, line: Line) -> None:
        text = line.text
        if line.wrapped and _PAGE_NUMBER.fullmatch(text):
            return  # a PDF's page number: a point may go on after it
        if _TOC_LINE.search(text) or self._stage_line(text):
            self._last = 0
            return
        marker = _marker(text)
        if marker is not None:
            self._kind, rest = marker
            self._last = 0
            if rest:
                self._add(rest, line)
            return
        heading = parse_heading(text, styled=line.level is not None, level=line.level)
        if self._heading(heading, line):
            self._last = 0
            return
        if line.level is not None:  # a heading that names nothing: its text is not feedback
            if self._current is None or heading.depth <= self._depth:
                self._current = None
            self._kind = None
        self._add(text, line)

    def _heading(self, heading: Heading, line: Line) -> bool:
        """Handle ``line`` as a heading of an item or a category; False when it is text."""
        numbered = bool(heading.number or heading.ordinal)
        if line.heading_like:
            styled = line.level is not None
            strict = self._current is not None and not styled  # a bold line inside an item
            found = self.catalogue.match(heading, self._category if styled else None, strict=strict)
        else:
            if not numbered or len(heading.title) > MAX_HEADING_TITLE:
                return False
            found = self.catalogue.match(heading, None)
            exact = self.catalogue.title_match(heading.title, strict=True) is not None
            short = len(heading.title) <= SHORT_TITLE and not _CLAUSE_MARKS.search(heading.title)
            if not (
                found.by == "编号和标题"
                or (found.by == "编号" and short)
                or (found.by == "标题" and exact)
            ):
                return False
        if found.kind == "item":
            item = self.framework.item(found.key)
            self._category = next(c for c in self.framework.categories if c.id == item.category)
            self._current = self._items.setdefault(found.key, _Found(found.key, heading.text))
            self._depth, self._kind = heading.depth, None
            self.headings += 1
            return True
        if found.kind in ("category", "report", "profile-root", "profile-group", "profile"):
            self._category = next((c for c in self.framework.categories if c.id == found.key), None)
            self._current, self._kind = None, None
            return True
        return False

    def _add(self, text: str, line: Line) -> None:
        """Text: a point of the current item's 优势 or 改进机会, or left out."""
        target = getattr(self._current, self._kind) if self._current and self._kind else None
        if target is None:
            self._leave_out(text, line)
            return
        if line.wrapped and self._last == id(target) and target and _continues(target[-1], text):
            target[-1] = _join(target[-1], text)
        else:
            target.append(text)
        self._last = id(target)

    def _leave_out(self, text: str, line: Line) -> None:
        if self._current is not None:
            where = self._current.heading
        else:
            where = "标题之前" if not self.headings else "评分项之外"
        last = self.unmatched[-1] if self.unmatched else None
        joined = self._last == id(self.unmatched) and last is not None and last.where == where
        if line.wrapped and joined and last is not None and _continues(last.text, text):
            self.unmatched[-1] = Unmatched(where, _join(last.text, text))
        else:
            self.unmatched.append(Unmatched(where, text))
        self._last = id(self.unmatched)

    # -- stage scores --

    def _stage_line(self, text: str) -> bool:
        """Take the stage scores ``text`` states; True when that is all it says."""
        normalised = unicodedata.normalize("NFKC", text)
        matches = list(self._stage.finditer(normalised))
        if not matches:
            return False
        for found in matches:
            name = found.group("name")
            text = found.group("said") or found.group("colon") or found.group("points")
            try:
                score = scoring.stage_score(text, name)
            except scoring.ScoreError as exc:
                self.notes.append(f"“{found.group(0).strip()}”未采用：{exc}")
                continue
            part = self.parts[name]
            if part in self.stages and self.stages[part] != score:
                self.notes.append(f"{name}得分出现了不同的数值，采用先出现的 {self.stages[part]}")
                continue
            self.stages.setdefault(part, score)
        rest = self._stage.sub("", normalised)
        rest = _PUNCTUATION.sub("", rest).replace("得分", "").replace("评审", "")
        return len(rest) <= 6


def _marker(text: str) -> tuple[str, str] | None:
    """(strengths or opportunities, the text after it) when ``text`` starts a 优势 or 改进机会
    part (“优势”, “主要优势：…”, “【改进机会】…”, “二、改进空间”); None otherwise.
    """
    found = _MARKER.match(text.strip())
    if found is None:
        return None
    rest = found.group("rest").strip()
    bracketed = bool(found.group("open") and found.group("close"))
    if rest and not (found.group("colon") or bracketed):
        return None  # “优势明显的是……”: a sentence, not a heading
    return _WORDS[found.group("word")], rest


def _continues(before: str, text: str) -> bool:
    """Whether a PDF line ``text`` continues ``before`` (not a new point)."""
    return not before.endswith(tuple(_ENDS_POINT)) and not _POINT_START.match(text)


def _join(before: str, text: str) -> str:
    """Two parts of a wrapped line: a space only between two Latin words."""
    space = before[-1:].isascii() and before[-1:].isalnum() and text[:1].isascii()
    return f"{before} {text}" if space and text[:1].isalnum() else before + text
