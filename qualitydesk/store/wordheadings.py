"""Word headings recognised: which heading of an application names which item of the framework.

:func:`parse_heading` reads a heading's number (the GB/T 19580 clause "4.1.2", "P.1", "B.1.1",
or an ordinal "一、" "（二）" "(3)"), its title and its depth; :class:`Catalogue` holds the
framework's categories, items and 组织概述 sections by number and by title and tells what a
heading names (:meth:`Catalogue.match`): by number, by title (exactly or nearly), by both, or by
its place among its category's items. :func:`is_heading_like` says which paragraphs may be
headings at all. :mod:`~qualitydesk.store.wordsections` cuts the body at the headings found.

No Qt here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from qualitydesk.domain.forms import Category, Framework
from qualitydesk.store.wordbody import Block

PROFILE = "profile:"  # target prefix of a 组织概述 section: profile:B.1.1
REPORT_TITLES = ("自评报告", "卓越绩效自评报告", "自我评价报告", "评价报告")
# Parts of a package that hold no narratives: clause numbers under them (关键绩效数据's
# "4.7.2 产品和服务结果" above an indicator table) are not the items' text.
OTHER_PARTS = (
    "申请表",
    "申报表",
    "资格自查",
    "关键绩效数据",
    "关键绩效指标",
    "证实性材料",
    "推荐意见",
    "推荐单位意见",
    "评分汇总",
    "附件",
    "附录",
)
MIN_FUZZY = 0.75
BY_ORDER = "顺序"  # matched_by of a heading found by its place among its category's items

_NUMBER = re.compile(
    r"^(?:(?P<letter>[PB])\s*[.．]?\s*)?(?P<num>\d{1,2}(?:\s*[.．]\s*\d{1,2}){0,3})(?![.．]?\s*\d)"
    r"\s*[.．]?\s*[、:：]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_CN1 = re.compile(
    r"^第?(?P<n>[一二三四五六七八九十]{1,3})\s*(?:[、.．]|章|部分|节)\s*(?P<title>.*)$"
)
_CN2 = re.compile(r"^[（(](?P<n>[一二三四五六七八九十]{1,3})[)）]\s*[、.．]?\s*(?P<title>.*)$")
_AR2 = re.compile(r"^[（(](?P<n>\d{1,2})[)）]\s*(?P<title>.*)$")
_POINTS = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_TOC_LINE = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|-{4,}|\s{2,}|\t)\s*\d{1,4}\s*$")
_CN_DIGITS = {ch: n for n, ch in enumerate("一二三四五六七八九", 1)}
_NORMALISE = re.compile(r"[\s\u3000、，,。.．:：;；“”\"'‘’《》<>()（）\[\]【】—\-·]+")


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text, 0)


@dataclass(frozen=True)
class Heading:
    """A heading's number (clause "4.1.2", "B.1.1", or an ordinal), title and depth."""

    text: str
    number: str = ""
    ordinal: int = 0
    depth: int = 1
    title: str = ""
    styled: bool = False


def parse_heading(text: str, *, styled: bool, level: int | None) -> Heading:
    """The number, title and depth of heading ``text``; ``styled``: in a heading style (or with
    an outline level), ``level``: that outline level, which wins over the number's depth.
    """
    text = " ".join(text.split())
    title_text = _POINTS.sub("", text).strip()
    matched = _NUMBER.match(title_text)
    if matched and (matched.group("title") or "").strip():
        number = re.sub(r"[\s．]", "", matched.group("num")).replace("．", ".")
        letter = (matched.group("letter") or "").upper()
        if letter:
            depth = number.count(".") + 1
            return Heading(text, "B." + number, 0, level or depth, matched.group("title"), styled)
        depth = number.count(".") + 1
        ordinal = int(number) if "." not in number else 0
        return Heading(text, number, ordinal, level or depth, matched.group("title"), styled)
    for pattern, depth, convert in (
        (_CN1, 1, _cn_number),
        (_CN2, 2, _cn_number),
        (_AR2, 4, int),
    ):
        found = pattern.match(title_text)
        if found and found.group("title").strip():
            ordinal = convert(found.group("n"))
            return Heading(text, "", ordinal, level or depth, found.group("title"), styled)
    return Heading(text, "", 0, level or 9, title_text, styled)


def normalise_title(title: str) -> str:
    """``title`` as titles are compared: no points “（10分）”, spaces or punctuation."""
    return _NORMALISE.sub("", _POINTS.sub("", title))


@dataclass(frozen=True)
class Match:
    """What a heading names: its kind, the key (an item's id …) and how it was found."""

    kind: str  # item, profile, category, profile-root, profile-group, report, ""
    key: str = ""
    by: str = ""


class Catalogue:
    """The framework's headings by number and by title."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.by_number: dict[str, Match] = {}
        self.by_title: dict[str, Match] = {}
        for category in framework.categories:
            self._add(category.id, category.name, Match("category", category.id))
            if category.overview:
                self.by_number[category.overview] = Match("category", category.id)
            for item in category.items:
                self._add(item.id, item.name, Match("item", item.id))
        profile = framework.profile
        self.by_title[normalise_title(profile.name)] = Match("profile-root")
        for section in profile.sections:
            self._add(section.id, section.name, Match("profile", PROFILE + section.id))
            group_id, _, group_name = section.group.partition(" ")
            self._add(group_id, group_name, Match("profile-group", group_id))
        for title in REPORT_TITLES:
            self.by_title[normalise_title(title)] = Match("report")

    def _add(self, number: str, title: str, match: Match) -> None:
        self.by_number.setdefault(number, match)
        if title:
            self.by_title.setdefault(normalise_title(title), match)

    def title_match(self, title: str, *, strict: bool = False) -> Match | None:
        """The heading a title names: exactly, or (unless ``strict``) nearly."""
        key = normalise_title(title)
        if not key:
            return None
        if key in self.by_title:
            return self.by_title[key]
        if len(key) < 3 or strict:
            return None
        inside = sorted(
            (len(name), name) for name in self.by_title if len(name) >= 4 and name in key
        )
        if inside and (len(inside) == 1 or inside[-2][0] < inside[-1][0]):
            return self.by_title[inside[-1][1]]  # “社会责任与公益”: 社会责任
        scored = sorted(
            (difflib.SequenceMatcher(None, key, name).ratio(), name)
            for name in self.by_title
            if len(name) >= 3
        )
        best = scored[-1] if scored else (0.0, "")
        clear = len(scored) < 2 or scored[-2][0] < best[0] - 0.05
        return self.by_title[best[1]] if best[0] >= MIN_FUZZY and clear else None

    def match(self, heading: Heading, category: Category | None, *, strict: bool = False) -> Match:
        """What ``heading`` names. ``category``: the items a bare ordinal (“（二）”) counts in;
        ``strict``: only a clause number or the exact title (a bold line inside an item).
        """
        number = heading.number if "." in heading.number else ""
        by_number = self.by_number.get(number) if number else None
        by_title = self.title_match(heading.title, strict=strict)
        numbered = bool(heading.number or heading.ordinal)
        if strict and by_title and by_title.kind not in ("item", "profile") and not numbered:
            by_title = None  # a bold “战略” in an item's text is text; “二、战略” a category
        if by_number and by_title:
            if by_number == by_title:
                return Match(by_number.kind, by_number.key, "编号和标题")
            return Match(by_title.kind, by_title.key, "标题（编号不同）")
        if by_title:
            return Match(by_title.kind, by_title.key, "标题")
        if by_number:
            return Match(by_number.kind, by_number.key, "编号")
        if heading.styled and heading.ordinal and category is not None and not strict:
            items = category.items
            if not number and 1 <= heading.ordinal <= len(items):
                return Match("item", items[heading.ordinal - 1].id, BY_ORDER)
        return Match("")


def is_heading_like(block: Block) -> bool:
    """A paragraph that may be a heading: a heading style or outline level, or bold and short."""
    if block.kind != "para" or (block.list_kind and block.level is None and not block.bold):
        return False
    if _TOC_LINE.search(block.text):
        return False
    if block.level is not None:
        return True
    return block.bold and len(block.text) <= 60 and not block.pictures
