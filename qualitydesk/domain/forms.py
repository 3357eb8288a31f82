"""Award programmes, scoring frameworks and the 申请表 catalogue, read from ``forms/``.

The TOML files are data a user may correct by hand, so the loader is strict: every key is checked
for presence, type and spelling, every reference (an award's framework, a rule's field, an
attachment's rules) must resolve, and every problem is reported as ``file: key.path: problem``.
The result is a tree of frozen dataclasses; nothing here knows about Qt or SQL.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

KINDS = ("process", "results")
COMPARISONS = {"at_least": "不低于", "above": "高于"}
PART_IDS = ("form", "commitment", "profile", "report", "indicators", "evidence", "recommendation")
METRICS = ("words", "characters", "characters_no_punct", "hanzi")
FIELD_TYPES = ("text", "multiline", "date", "year", "integer", "money", "percent", "choice", "bool")
VALIDATORS = (
    "uscc",
    "phone",
    "mobile",
    "email",
    "postcode",
    "date",
    "money",
    "signed_money",
    "percent",
)
HONOUR_LEVELS = ("国际", "国家级", "省级", "市级", "区县级", "行业", "其他")
# The source of a value that no published text gives: the program's own suggestion, shown as such.
REFERENCE = "参考值 — 按当年申报通知核对"
# Who applies: an organisation (its branches, units, 班组 and QC小组 included) or a person.
APPLICANTS = ("organisation", "individual")
ORGANISATION = "organisation"

# The parameters each eligibility rule kind takes: name -> (type, element type for lists).
# Patterns (recognised, accepted, names, quality …) are regular expressions; see forms/README.md.
RULE_PARAMS: dict[str, dict[str, tuple[type, type | None]]] = {
    "years_since": {"field": (str, None), "years": (int, None)},
    "certification": {
        "recognised": (list, str),
        "accepted": (list, str),
        "any_system": (bool, None),
        "min_years": (int, None),
    },
    "no_loss": {"years": (int, None)},
    "region": {
        "area": (str, None),
        "area_codes": (list, str),
        "overlaps": (list, str),
    },
    "excluded_award": {
        "names": (list, str),
        "unsure_names": (list, str),
        "lower": (list, str),
        "quality": (list, str),
        "at_level": (list, str),
        "min_level": (str, None),
        "home": (str, None),
        "national": (list, str),
    },
    "honour": {
        "quality": (list, str),
        "min_level": (str, None),
        "home": (str, None),
        "valid_years": (int, None),
        "national": (list, str),
        "named": (list, str),
        "named_within_years": (int, None),
    },
    "reapply": {
        "names": (list, str),
        "years": (int, None),
        "revoked_names": (list, str),
        "revoked_years": (int, None),
    },
    "declaration": {},
}
# The parameters a rule may leave out, with the value it then has.
RULE_DEFAULTS: dict[str, dict[str, Any]] = {
    "certification": {"accepted": (), "any_system": False},
    "region": {"overlaps": ()},
    "excluded_award": {
        "unsure_names": (),
        "lower": (),
        "quality": (),
        "at_level": (),
        "min_level": "",
        "home": "",
        "national": (),
    },
    "honour": {
        "home": "",
        "national": (),
        "named": (),
        "named_within_years": 0,
    },
    "reapply": {"revoked_names": (), "revoked_years": 0},
}


class FormsError(ValueError):
    """A file under forms/ is missing, malformed or inconsistent."""


# --- the framework --------------------------------------------------------------------------


@dataclass(frozen=True)
class Factor:
    id: str
    kind: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    name_en: str
    points: int
    kind: str
    prompts: tuple[str, ...]
    category: str


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    name_en: str
    overview: str | None
    items: tuple[Item, ...]

    @property
    def points(self) -> int:
        return sum(item.points for item in self.items)


@dataclass(frozen=True)
class Band:
    kind: str
    low: int
    high: int
    name: str
    factors: Mapping[str, str]

    def __contains__(self, pct: object) -> bool:
        return isinstance(pct, int) and self.low <= pct <= self.high


@dataclass(frozen=True)
class ProfileSection:
    id: str
    group: str
    name: str
    name_en: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    name: str
    limit: int
    sections: tuple[ProfileSection, ...]
    limit_source: str = REFERENCE  # the clause or notice the limit comes from, or REFERENCE
    applicants: tuple[str, ...] = (ORGANISATION,)  # an award's own profile: for whom


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    name_en: str
    standard: str
    guide: str
    total_points: int
    step: int
    note: str
    factors: tuple[Factor, ...]
    categories: tuple[Category, ...]
    bands: tuple[Band, ...]
    profile: Profile

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for category in self.categories for item in category.items)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def factors_of(self, kind: str) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.kind == kind)

    def bands_of(self, kind: str) -> tuple[Band, ...]:
        return tuple(b for b in self.bands if b.kind == kind)


# --- award programmes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Tier:
    id: str
    name: str
    line: int | None
    comparison: str | None
    citation: str
    quota: int | None


@dataclass(frozen=True)
class CompositePart:
    id: str
    name: str
    weight: int


@dataclass(frozen=True)
class Composite:
    citation: str
    parts: tuple[CompositePart, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    citation: str
    text: str
    kind: str
    params: Mapping[str, Any]
    check_notice: bool
    applicants: tuple[str, ...] = APPLICANTS  # whom the clause is about (default: everyone)
    reading: str = ""  # how an ambiguous clause is read (shown with the verdict)


@dataclass(frozen=True)
class Part:
    id: str
    name: str
    limit: int | None
    metric: str
    counts_figures: bool
    figure_chars: int | None
    limit_editable: bool
    optional: bool = False  # an appendix the package may leave out (not required by readiness)
    applicants: tuple[str, ...] = APPLICANTS
    limit_source: str | None = None  # where the limit comes from (clause, notice or REFERENCE)

    @property
    def reference(self) -> bool:
        """The limit is the program's suggestion (REFERENCE), not a published rule."""
        return self.limit_source == REFERENCE


@dataclass(frozen=True)
class Fact:
    """Something a user should know about a programme (quota, reward, validity), with its source."""

    text: str
    source: str


@dataclass(frozen=True)
class AttachmentSpec:
    id: str
    name: str
    required: bool
    rules: tuple[str, ...]
    note: str
    applicants: tuple[str, ...] = APPLICANTS


@dataclass(frozen=True)
class Round:
    """One round (届) of a programme that numbers its rounds: 第五届 — the year it was declared."""

    number: int
    year: int
    source: str

    @property
    def name(self) -> str:
        return f"第{_CHINESE_NUMBERS.get(self.number, str(self.number))}届"


_CHINESE_NUMBERS = dict(enumerate("零一二三四五六七八九十", 0)) | {
    n: f"十{'一二三四五六七八九'[n - 11]}" for n in range(11, 20)
}


@dataclass(frozen=True)
class Award:
    id: str
    name: str
    name_en: str
    level: str
    order: int  # where the programme stands in lists: national first, then down the ladder
    issuer: str
    document: str
    document_number: str | None
    issued: date | None
    effective: date | None
    expires: date | None
    framework: str
    scored: bool
    cycle: str
    categories: tuple[str, ...]
    recommender: str | None
    source: str
    check_notice: bool
    facts: tuple[Fact, ...]
    tiers: tuple[Tier, ...]
    composite: Composite | None
    rules: tuple[Rule, ...]
    parts: tuple[Part, ...]
    attachments: tuple[AttachmentSpec, ...]
    applicants: tuple[str, ...] = (ORGANISATION,)  # who may apply: organisations, people
    profiles: tuple[Profile, ...] = ()  # the award's own 组织概述 / 个人事迹 (over the framework's)
    rounds: tuple[Round, ...] = ()  # numbered rounds (届), where the programme numbers them
    layout: LayoutChange | None = None  # the programme's own page layout over the default one
    applicant: str = ORGANISATION  # the applicant this award was narrowed to (Forms.award_for)

    @property
    def individual(self) -> bool:
        """Narrowed to a person's application (:meth:`Forms.award_for`)."""
        return self.applicant == "individual"

    def round_for(self, year: int) -> Round | None:
        return next((r for r in self.rounds if r.year == year), None)

    def profile_for(self, applicant: str) -> Profile | None:
        """The award's own profile for ``applicant``; None: the framework's is used."""
        return next((p for p in self.profiles if applicant in p.applicants), None)

    @property
    def version(self) -> str:
        """Which edition of the rules: document number and/or the date it took effect."""
        parts = [self.document_number or "", self.effective.isoformat() if self.effective else ""]
        return " ".join(p for p in parts if p) or self.document

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def part(self, part_id: str) -> Part | None:
        return next((p for p in self.parts if p.id == part_id), None)


# --- yearly notices (awards/<id>/notices/<year>.toml) -------------------------------------


@dataclass(frozen=True)
class NoticeLimit:
    """A part's 字数 limit as a notice sets it, over the award's part (None: as the part says)."""

    part: str
    limit: int
    metric: str | None
    counts_figures: bool | None
    figure_chars: int | None
    source: str


@dataclass(frozen=True)
class Notice:
    """One round's 申报通知: deadline, limits, extra conditions and attachments over the 办法."""

    award: str
    year: int
    title: str
    issuer: str
    document_number: str | None
    issued: date | None  # the notice's own date (TOML key ``date``)
    source: str
    deadline: date | None
    channel: str | None
    cycle: str | None
    cycle_note: str
    limits: tuple[NoticeLimit, ...]
    rules: tuple[Rule, ...]
    attachments: tuple[AttachmentSpec, ...]
    facts: tuple[Fact, ...]

    @property
    def cited(self) -> str:
        """How a value from this notice is cited: title, number and date where known."""
        return _cited(self.title, self.document_number, self.issued)


# --- the 申请表 -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    id: str
    label: str
    label_en: str
    type: str
    required: bool
    validator: str | None
    unit: str | None
    choices: tuple[str, ...]
    help: str


@dataclass(frozen=True)
class FieldGroup:
    id: str
    name: str
    name_en: str
    fields: tuple[FieldSpec, ...]
    applicants: tuple[str, ...] = (ORGANISATION,)  # whose form the group belongs to
    awards: tuple[str, ...] = ()  # only these programmes' forms (empty: every programme)

    def belongs_to(self, award: Award) -> bool:
        return award.applicant in self.applicants and (not self.awards or award.id in self.awards)


@dataclass(frozen=True)
class TableSpec:
    id: str
    name: str
    name_en: str
    help: str
    by_year: bool
    columns: tuple[FieldSpec, ...]
    applicants: tuple[str, ...] = (ORGANISATION,)

    def column(self, column_id: str) -> FieldSpec:
        for column in self.columns:
            if column.id == column_id:
                return column
        raise KeyError(column_id)


@dataclass(frozen=True)
class FormCatalogue:
    groups: tuple[FieldGroup, ...]
    tables: tuple[TableSpec, ...]

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for group in self.groups for f in group.fields)

    def field(self, field_id: str) -> FieldSpec:
        for spec in self.fields:
            if spec.id == field_id:
                return spec
        raise KeyError(field_id)

    def table(self, table_id: str) -> TableSpec:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def for_award(self, award: Award) -> FormCatalogue:
        """The groups and tables of ``award``'s form for its applicant (:meth:`Forms.award_for`)."""
        groups = tuple(g for g in self.groups if g.belongs_to(award))
        tables = tuple(t for t in self.tables if award.applicant in t.applicants)
        return FormCatalogue(groups, tables)


# --- text sizes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """The most characters each kind of text may hold (forms/limits.toml); see
    :mod:`qualitydesk.domain.limits` for what they bound and how a narrative's bound is found."""

    narrative_factor: int
    narrative_default: int
    field: int
    multiline_field: int
    table_cell: int
    score_note: int
    declaration: int
    indicator: int
    caption: int
    file_name: int


# --- page layouts (forms/layouts.toml, an award's [layout]) ---------------------------------

# The numbers a layout sets: key -> (unit, lowest, highest). Margins in mm, type in points.
LAYOUT_VALUES: dict[str, tuple[str, float, float]] = {
    "binding_mm": ("mm", 15.0, 50.0),
    "outer_mm": ("mm", 15.0, 50.0),
    "top_mm": ("mm", 15.0, 50.0),
    "bottom_mm": ("mm", 15.0, 50.0),
    "body_size_pt": ("pt", 9.0, 16.0),
    "leading_pt": ("pt", 10.0, 40.0),
    "paragraph_space_pt": ("pt", 0.0, 24.0),
    "table_size_pt": ("pt", 7.5, 14.0),
}
A4_MM = (210.0, 297.0)
MIN_TEXT_MM = (150.0, 200.0)  # the narrowest and lowest text block the package's tables fit


@dataclass(frozen=True)
class Layout:
    """A page layout of the package (版式): margins, body type and leading, table type."""

    id: str
    name: str  # 标准, 紧凑: what the export options and ``export --layout`` offer
    name_en: str
    binding_mm: float  # 订口 (the bound edge)
    outer_mm: float
    top_mm: float
    bottom_mm: float
    body_size_pt: float
    leading_pt: float  # fixed, baseline to baseline inside a paragraph
    paragraph_space_pt: float
    table_size_pt: float
    source: str  # the programme's clause or template, or REFERENCE
    note: str = ""

    @property
    def reference(self) -> bool:
        """The program's suggestion (REFERENCE), not a layout the programme publishes."""
        return self.source == REFERENCE

    def names(self) -> tuple[str, ...]:
        """What a user may type to choose it: the id, the Chinese and the English name."""
        return (self.id, self.name, self.name_en)


@dataclass(frozen=True)
class LayoutChange:
    """An award's own layout values ([layout]) over the default layout, with their source."""

    values: tuple[tuple[str, float], ...]
    source: str
    note: str = ""


@dataclass(frozen=True)
class Forms:
    """Everything under forms/: frameworks and awards by id, the 申请表 catalogue, text limits.

    ``awards`` iterates in the programmes' rank (each award's ``order``: 中国质量奖, the
    province's, the city's, the district's, other cities', the internal self-assessment last).
    """

    frameworks: Mapping[str, Framework]
    awards: Mapping[str, Award]
    form: FormCatalogue = field(repr=False)
    limits: Limits = field(repr=False)
    notices: Mapping[str, tuple[Notice, ...]] = field(default_factory=dict, repr=False)
    layouts: Mapping[str, Layout] = field(default_factory=dict, repr=False)  # by id, in order
    default_layout: str = ""  # the id of the layout an export uses unless told otherwise

    def layout(self, choice: str | None = None) -> Layout:
        """The layout named ``choice`` (id, 标准, Standard — any case), the default for None."""
        wanted = (choice or self.default_layout).strip().casefold()
        for layout in self.layouts.values():
            if wanted in (n.casefold() for n in layout.names()):
                return layout
        known = "、".join(f"{x.name}（{x.id}）" for x in self.layouts.values())
        raise FormsError(f"没有名为“{choice}”的版式（可用：{known}）")

    def layout_for(self, award: Award, choice: str | None = None) -> Layout:
        """The layout an export of ``award`` uses: the one chosen, and for the default layout
        the programme's own values ([layout] in its file) over it."""
        layout = self.layout(choice)
        if award.layout is None or layout.id != self.default_layout:
            return layout
        change = award.layout
        return replace(layout, **dict(change.values), source=change.source, note=change.note)

    def notices_of(self, award_id: str) -> tuple[Notice, ...]:
        """The published notices of a programme, oldest first (empty: none shipped)."""
        return self.notices.get(award_id, ())

    def notice(self, award_id: str, year: int) -> Notice | None:
        return next((n for n in self.notices_of(award_id) if n.year == year), None)

    def award(self, award_id: str) -> Award:
        try:
            return self.awards[award_id]
        except KeyError:
            known = "、".join(self.awards)
            raise FormsError(f"没有编号为 {award_id!r} 的奖项（可用：{known}）") from None

    def framework(self, framework_id: str) -> Framework:
        try:
            return self.frameworks[framework_id]
        except KeyError:
            known = "、".join(self.frameworks)
            raise FormsError(f"没有编号为 {framework_id!r} 的评价准则（可用：{known}）") from None

    def award_for(self, award_id: str, applicant: str = ORGANISATION) -> Award:
        """The award as one kind of applicant meets it: the rules, parts and attachments for
        ``applicant`` only; scored only where that applicant writes the scored 自评报告."""
        award = self.award(award_id)
        if applicant not in award.applicants:
            raise FormsError(f"{award.name}不接受{applicant_name(applicant)}申报")
        parts = tuple(p for p in award.parts if applicant in p.applicants)
        return replace(
            award,
            applicant=applicant,
            rules=tuple(r for r in award.rules if applicant in r.applicants),
            parts=parts,
            attachments=tuple(a for a in award.attachments if applicant in a.applicants),
            scored=award.scored and any(p.id == "report" for p in parts),
        )

    def framework_for(self, award: Award) -> Framework:
        """``award``'s framework, with the award's own profile for its applicant when it has one
        (中国质量奖: 质量管理模式介绍 instead of GB/Z 19579's 组织概述; a person's 个人事迹)."""
        framework = self.framework(award.framework)
        own = award.profile_for(award.applicant)
        return framework if own is None else replace(framework, profile=own)

    def scoped(self, award: Award) -> Forms:
        """These forms with the 申请表 narrowed to ``award``'s applicant and programme."""
        return replace(self, form=self.form.for_award(award))


def applicant_name(applicant: str) -> str:
    return {"organisation": "组织", "individual": "个人"}.get(applicant, applicant)


# --- reading TOML strictly ------------------------------------------------------------------


class _Node:
    """One TOML table being read: hands out typed values and remembers which keys were used."""

    def __init__(self, file: str, path: str, data: Mapping[str, Any]) -> None:
        self.file, self.path, self.data = file, path, data
        self.used: set[str] = set()

    def error(self, key: str | None, problem: str) -> FormsError:
        where = ".".join(p for p in (self.path, key) if p) or "(top level)"
        return FormsError(f"{self.file}: {where}: {problem}")

    def _get(self, key: str, kind: type | tuple[type, ...], name: str, required: bool) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.error(key, "missing")
            return None
        value = self.data[key]
        bad_bool = isinstance(value, bool) and bool not in (
            kind if isinstance(kind, tuple) else (kind,)
        )
        if not isinstance(value, kind) or bad_bool or isinstance(value, datetime):
            raise self.error(key, f"expected {name}, found {type(value).__name__} {value!r}")
        return value

    def str(self, key: str) -> str:
        value = self._get(key, str, "a string", True)
        if not value.strip():
            raise self.error(key, "must not be empty")
        return value

    def opt_str(self, key: str) -> str | None:
        value = self._get(key, str, "a string", False)
        return value if value is None else value.strip() or None

    def int(self, key: str, *, minimum: int = 0) -> int:
        return self._check_min(key, self._get(key, int, "an integer", True), minimum)

    def opt_int(self, key: str, *, minimum: int = 0) -> int | None:
        value = self._get(key, int, "an integer", False)
        return value if value is None else self._check_min(key, value, minimum)

    def _check_min(self, key: str, value: int, minimum: int) -> int:
        if value < minimum:
            raise self.error(key, f"must be at least {minimum}, found {value}")
        return value

    def bool(self, key: str, default: bool | None = None) -> bool:
        value = self._get(key, bool, "true or false", default is None)
        return default if value is None else value

    def opt_date(self, key: str) -> date | None:
        return self._get(key, date, "a date (YYYY-MM-DD)", False)

    def choice(self, key: str, allowed: tuple[str, ...] | Mapping[str, str]) -> str:
        value = self.str(key)
        if value not in allowed:
            raise self.error(key, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def str_list(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        values = self._get(key, list, "a list of strings", required) or []
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(f"{key}[{i}]", f"expected a non-empty string, found {value!r}")
        return tuple(values)

    def table(self, key: str, *, required: bool = True) -> _Node | None:
        value = self._get(key, dict, "a table", required)
        return None if value is None else _Node(self.file, self._sub(key), value)

    def tables(self, key: str, *, required: bool = True) -> Iterator[_Node]:
        values = self._get(key, list, "a list of tables ([[...]])", required) or []
        for i, value in enumerate(values):
            if not isinstance(value, dict):
                raise self.error(f"{key}[{i}]", f"expected a table, found {value!r}")
            yield _Node(self.file, self._sub(f"{key}[{i}]"), value)

    def _sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.error(unknown[0], "unknown key (misspelt, or not part of the format)")


def _unique(node: _Node, key: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise node.error(key, f"id {value!r} appears twice")
        seen.add(value)


def _read_toml(root: Traversable, relative: str) -> Mapping[str, Any]:
    entry = root.joinpath(*relative.split("/"))
    try:
        return tomllib.loads(entry.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise FormsError(f"{relative}: file not found") from None
    except UnicodeDecodeError as exc:
        raise FormsError(f"{relative}: not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise FormsError(f"{relative}: not valid TOML: {exc}") from None


# --- frameworks -----------------------------------------------------------------------------


def _framework(file: str, data: Mapping[str, Any]) -> Framework:
    top = _Node(file, "", data)
    factors = []
    for node in top.tables("factors"):
        factors.append(
            Factor(
                node.str("id"), node.choice("kind", KINDS), node.str("name"), node.str("name_en")
            )
        )
        node.done()
    categories = [_category(node) for node in top.tables("categories")]
    items = [item for c in categories for item in c.items]
    _unique(top, "categories", [c.id for c in categories])
    _unique(top, "categories.items", [item.id for item in items])
    bands = [_band(node, factors) for node in top.tables("bands")]
    profile_node = top.table("profile")
    assert profile_node is not None
    profile = _profile(profile_node)
    fw = Framework(
        id=top.str("id"),
        name=top.str("name"),
        name_en=top.str("name_en"),
        standard=top.str("standard"),
        guide=top.str("guide"),
        total_points=top.int("total_points", minimum=1),
        step=top.int("step", minimum=1),
        note=top.opt_str("note") or "",
        factors=tuple(factors),
        categories=tuple(categories),
        bands=tuple(bands),
        profile=profile,
    )
    top.done()
    if sum(item.points for item in items) != fw.total_points:
        total = sum(item.points for item in items)
        raise top.error("total_points", f"items add up to {total}, not {fw.total_points}")
    for kind in {item.kind for item in items}:
        _check_band_cover(top, kind, [b for b in bands if b.kind == kind], fw.step)
    return fw


def _category(node: _Node) -> Category:
    cid = node.str("id")
    items = []
    for item_node in node.tables("items"):
        item = Item(
            id=item_node.str("id"),
            name=item_node.str("name"),
            name_en=item_node.str("name_en"),
            points=item_node.int("points", minimum=1),
            kind=item_node.choice("kind", KINDS),
            prompts=item_node.str_list("prompts"),
            category=cid,
        )
        item_node.done()
        if not item.id.startswith(cid + "."):
            raise item_node.error("id", f"item {item.id!r} does not belong to category {cid!r}")
        items.append(item)
    category = Category(
        cid, node.str("name"), node.str("name_en"), node.opt_str("overview"), tuple(items)
    )
    node.done()
    return category


def _band(node: _Node, factors: list[Factor]) -> Band:
    kind = node.choice("kind", KINDS)
    low, high = node.int("low"), node.int("high")
    if not low <= high <= 100:
        raise node.error("high", f"band {low}–{high} is not a range within 0–100")
    factor_node = node.table("factors")
    assert factor_node is not None
    expected = [f.id for f in factors if f.kind == kind]
    descriptors = {fid: factor_node.str(fid) for fid in expected}
    factor_node.done()
    band = Band(kind, low, high, node.str("name"), descriptors)
    node.done()
    return band


def _check_band_cover(top: _Node, kind: str, bands: list[Band], step: int) -> None:
    expected_low = 0
    for band in sorted(bands, key=lambda b: b.low):
        if band.low != expected_low:
            raise top.error("bands", f"{kind} bands leave a gap or overlap at {expected_low}%")
        expected_low = band.high + step
    if expected_low != 100 + step:
        raise top.error("bands", f"{kind} bands do not reach 100%")


def _profile(node: _Node) -> Profile:
    sections = []
    for sec in node.tables("sections"):
        sections.append(
            ProfileSection(
                sec.str("id"),
                sec.str("group"),
                sec.str("name"),
                sec.str("name_en"),
                sec.str_list("prompts"),
            )
        )
        sec.done()
    _unique(node, "sections", [s.id for s in sections])
    profile = Profile(
        node.str("name"), node.int("limit", minimum=1), tuple(sections), node.str("limit_source")
    )
    node.done()
    return profile


# --- awards ---------------------------------------------------------------------------------


def _award(file: str, data: Mapping[str, Any]) -> Award:
    top = _Node(file, "", data)
    tiers = [_tier(node) for node in top.tables("tiers")]
    rules = [_rule(node) for node in top.tables("rules")]
    parts = [_part(node) for node in top.tables("parts")]
    attachments = [_attachment(node) for node in top.tables("attachments")]
    for key, ids in (
        ("tiers", [t.id for t in tiers]),
        ("rules", [r.id for r in rules]),
        ("parts", [f"{p.id}（{a}）" for p in parts for a in p.applicants]),
        ("attachments", [a.id for a in attachments]),
    ):
        _unique(top, key, ids)
    rule_ids = {r.id for r in rules}
    for i, attachment in enumerate(attachments):
        for rule_id in attachment.rules:
            if rule_id not in rule_ids:
                raise top.error(f"attachments[{i}].rules", f"no rule with id {rule_id!r}")
    composite_node = top.table("composite", required=False)
    award = Award(
        id=top.str("id"),
        name=top.str("name"),
        name_en=top.str("name_en"),
        level=top.str("level"),
        order=top.int("order", minimum=1),
        issuer=top.str("issuer"),
        document=top.str("document"),
        document_number=top.opt_str("document_number"),
        issued=top.opt_date("issued"),
        effective=top.opt_date("effective"),
        expires=top.opt_date("expires"),
        framework=top.str("framework"),
        scored=top.bool("scored"),
        cycle=top.str("cycle"),
        categories=top.str_list("categories"),
        recommender=top.opt_str("recommender"),
        source=top.str("source"),
        check_notice=top.bool("check_notice"),
        facts=tuple(_fact(node) for node in top.tables("facts", required=False)),
        tiers=tuple(tiers),
        composite=_composite(composite_node) if composite_node else None,
        rules=tuple(rules),
        parts=tuple(parts),
        attachments=tuple(attachments),
        layout=_layout_change(top),
        **_applicant_keys(top),
    )
    top.done()
    _check_applicants(top, award)
    return award


def _applicant_keys(top: _Node) -> dict[str, Any]:
    """An award's optional ``applicants``, its own ``[[profiles]]`` and its ``[[rounds]]`` (届)."""
    applicants = _applicants(top, "applicants") or (ORGANISATION,)
    profiles = []
    for node in top.tables("profiles", required=False):
        own = _applicants(node, "applicants") or (ORGANISATION,)
        profiles.append(replace(_profile(node), applicants=own))
    rounds = []
    for node in top.tables("rounds", required=False):
        rounds.append(Round(node.int("number", minimum=1), node.int("year"), node.str("source")))
        node.done()
    _unique(top, "rounds", [str(r.number) for r in rounds])
    return {"applicants": applicants, "profiles": tuple(profiles), "rounds": tuple(rounds)}


def _applicants(node: _Node, key: str) -> tuple[str, ...]:
    values = node.str_list(key, required=False)
    for value in values:
        if value not in APPLICANTS:
            raise node.error(key, f"{value!r} is not one of {', '.join(APPLICANTS)}")
    return values


def _check_applicants(top: _Node, award: Award) -> None:
    """Every applicant a rule, part, attachment or profile names may apply; a person has a form."""
    for key, entries in (
        ("rules", award.rules),
        ("parts", award.parts),
        ("attachments", award.attachments),
        ("profiles", award.profiles),
    ):
        for i, entry in enumerate(entries):
            if entry.applicants == APPLICANTS:  # the default: whoever the award accepts
                continue
            for applicant in entry.applicants:
                if applicant not in award.applicants:
                    raise top.error(
                        f"{key}[{i}].applicants", f"{applicant!r} is not in the award's applicants"
                    )
    for applicant in award.applicants:
        if applicant != ORGANISATION and award.profile_for(applicant) is None:
            raise top.error("profiles", f"no profile for {applicant!r} (the framework's is not)")


def _tier(node: _Node) -> Tier:
    line = node.opt_int("line", minimum=1)
    comparison = node._get("comparison", str, "a string", False)
    if line is not None and comparison not in COMPARISONS:
        raise node.error("comparison", f"a tier with a line needs one of {', '.join(COMPARISONS)}")
    if line is None and comparison is not None:
        raise node.error("comparison", "given without a line")
    tier = Tier(
        node.str("id"),
        node.str("name"),
        line,
        comparison,
        node.str("citation"),
        node.opt_int("quota", minimum=1),
    )
    node.done()
    return tier


def _composite(node: _Node) -> Composite:
    parts = []
    for part in node.tables("parts"):
        parts.append(CompositePart(part.str("id"), part.str("name"), part.int("weight")))
        part.done()
    if sum(p.weight for p in parts) != 100:
        raise node.error("parts", f"weights add up to {sum(p.weight for p in parts)}, not 100")
    composite = Composite(node.str("citation"), tuple(parts))
    node.done()
    return composite


def _rule(node: _Node) -> Rule:
    kind = node.choice("kind", tuple(RULE_PARAMS))
    params_node = node.table("params")
    assert params_node is not None
    params = _rule_params(params_node, kind)
    rule = Rule(
        node.str("id"),
        node.str("citation"),
        node.str("text"),
        kind,
        params,
        node.bool("check_notice", default=False),
        _applicants(node, "applicants") or APPLICANTS,
        node.opt_str("reading") or "",
    )
    node.done()
    return rule


def _rule_params(node: _Node, kind: str) -> dict[str, Any]:
    defaults = RULE_DEFAULTS.get(kind, {})
    params: dict[str, Any] = {}
    for name, (expected, element) in RULE_PARAMS[kind].items():
        assert element in (None, str)
        if name in defaults and name not in node.data:
            node.used.add(name)
            params[name] = defaults[name]
        elif expected is list:
            params[name] = node.str_list(name)
        elif expected is int:
            params[name] = node.int(name)
        elif expected is bool:
            params[name] = node.bool(name)
        else:
            params[name] = node.str(name)
    node.done()
    return params


def _part(node: _Node) -> Part:
    part = Part(
        id=node.choice("id", PART_IDS),
        name=node.str("name"),
        limit=node.opt_int("limit", minimum=1),
        metric=node._get("metric", str, "a string", False) or "words",
        counts_figures=node.bool("counts_figures"),
        figure_chars=node.opt_int("figure_chars", minimum=0),
        limit_editable=node.bool("limit_editable"),
        optional=node.bool("optional", default=False),
        applicants=_applicants(node, "applicants") or APPLICANTS,
        limit_source=node.opt_str("limit_source"),
    )
    if part.metric not in METRICS:
        raise node.error("metric", f"{part.metric!r} is not one of {', '.join(METRICS)}")
    if part.counts_figures and part.figure_chars is None:
        raise node.error("figure_chars", "missing: counts_figures needs what one figure counts")
    if (part.limit is not None or part.figure_chars is not None) and not part.limit_source:
        raise node.error(
            "limit_source", f'missing: where the limit comes from (a clause, or "{REFERENCE}")'
        )
    node.done()
    return part


def _fact(node: _Node, default_source: str | None = None) -> Fact:
    """A ``[[facts]]`` entry: the text and where it was read (a notice's facts default to it)."""
    text = node.str("text")
    source = node.opt_str("source") if default_source else node.str("source")
    fact = Fact(text, source or default_source or "")
    node.done()
    return fact


def _attachment(node: _Node) -> AttachmentSpec:
    spec = AttachmentSpec(
        node.str("id"),
        node.str("name"),
        node.bool("required"),
        node.str_list("rules", required=False),
        node.opt_str("note") or "",
        _applicants(node, "applicants") or APPLICANTS,
    )
    node.done()
    return spec


# --- yearly notices -------------------------------------------------------------------------


def _notice(file: str, data: Mapping[str, Any], award: Award, forms: Forms) -> Notice:
    """awards/<id>/notices/<year>.toml: one round's notice, checked against its award."""
    top = _Node(file, "", data)
    year = top.int("year", minimum=1949)
    if str(year) != Path(file).stem:
        raise top.error("year", f"{year} differs from the file name")
    head = {
        "title": top.str("title"),
        "issuer": top.str("issuer"),
        "document_number": top.opt_str("document_number"),
        "issued": top.opt_date("date"),
    }
    cited = _cited(head["title"], head["document_number"], head["issued"])
    limits = tuple(_notice_limit(n, award, cited) for n in top.tables("limits", required=False))
    rules = tuple(_rule(node) for node in top.tables("rules", required=False))
    attachments = tuple(_attachment(n) for n in top.tables("attachments", required=False))
    _unique(top, "limits", [limit.part for limit in limits])
    _unique(top, "rules", [r.id for r in rules])
    _unique(top, "attachments", [a.id for a in attachments])
    known = {r.id for r in award.rules} | {r.id for r in rules}
    for i, attachment in enumerate(attachments):
        for rule_id in attachment.rules:
            if rule_id not in known:
                raise top.error(f"attachments[{i}].rules", f"no rule with id {rule_id!r}")
    notice = Notice(
        award=award.id,
        year=year,
        source=top.str("source"),
        deadline=top.opt_date("deadline"),
        channel=top.opt_str("channel"),
        cycle=top.opt_str("cycle"),
        cycle_note=top.opt_str("cycle_note") or "",
        limits=limits,
        rules=rules,
        attachments=attachments,
        facts=tuple(_fact(node, cited) for node in top.tables("facts", required=False)),
        **head,
    )
    top.done()
    _check_cycle(top, notice, award)
    _check_notice_rules(file, award, rules, forms)
    return notice


def _cited(title: str, number: str | None, issued: date | None) -> str:
    extra = "，".join(e for e in (number or "", issued.isoformat() if issued else "") if e)
    return f"{title}（{extra}）" if extra else title


def _notice_limit(node: _Node, award: Award, cited: str) -> NoticeLimit:
    part_id = node.choice("part", PART_IDS)
    part = award.part(part_id)
    if part is None:
        raise node.error("part", f"{award.id} has no part {part_id!r}")
    metric = node.opt_str("metric")
    if metric is not None and metric not in METRICS:
        raise node.error("metric", f"{metric!r} is not one of {', '.join(METRICS)}")
    limit = NoticeLimit(
        part=part_id,
        limit=node.int("limit", minimum=1),
        metric=metric,
        counts_figures=node._get("counts_figures", bool, "true or false", False),
        figure_chars=node.opt_int("figure_chars", minimum=0),
        source=node.opt_str("source") or cited,
    )
    counts = part.counts_figures if limit.counts_figures is None else limit.counts_figures
    if counts and limit.figure_chars is None and part.figure_chars is None:
        raise node.error("figure_chars", "missing: counts_figures needs what one figure counts")
    node.done()
    return limit


def _check_cycle(top: _Node, notice: Notice, award: Award) -> None:
    """A notice that changes the 办法's cycle must say so (``cycle_note``): it is a conflict."""
    if notice.cycle_note and notice.cycle is None:
        raise top.error("cycle_note", "given without a cycle")
    if notice.cycle is not None and notice.cycle != award.cycle and not notice.cycle_note:
        raise top.error(
            "cycle_note",
            f"missing: the notice's cycle {notice.cycle!r} differs from the award's "
            f"{award.cycle!r}; note the conflict and which holds",
        )


def _check_notice_rules(file: str, award: Award, rules: tuple[Rule, ...], forms: Forms) -> None:
    """A notice's rules meet the award's checks (fields, levels), reported in the notice's file."""
    stand_in = f"awards/{award.id}.toml"
    try:
        _check_award(stand_in, replace(award, rules=rules, attachments=()), forms)
    except FormsError as exc:
        raise FormsError(str(exc).replace(stand_in, file, 1)) from None


def _notices(
    root: Traversable, awards: Mapping[str, Award], forms: Forms
) -> dict[str, tuple[Notice, ...]]:
    """awards/<id>/notices/*.toml for every award that has them, oldest first."""
    found: dict[str, tuple[Notice, ...]] = {}
    for entry in sorted(root.joinpath("awards").iterdir(), key=lambda e: e.name):
        if not entry.is_dir() or entry.name.startswith(("_", ".")):
            continue
        folder = f"awards/{entry.name}"
        if entry.name not in awards:
            raise FormsError(f"{folder}/: no award {entry.name!r} (awards/{entry.name}.toml)")
        for inner in entry.iterdir():
            if inner.name != "notices" and not inner.name.startswith(("_", ".")):
                raise FormsError(f"{folder}/{inner.name}: unknown (only notices/ belongs here)")
        if not entry.joinpath("notices").is_dir():
            continue
        names = sorted(
            f"{folder}/notices/{e.name}"
            for e in entry.joinpath("notices").iterdir()
            if e.name.endswith(".toml")
        )
        award = awards[entry.name]
        notices = [_notice(name, _read_toml(root, name), award, forms) for name in names]
        found[award.id] = tuple(sorted(notices, key=lambda n: n.year))
    return found


# --- the 申请表 -----------------------------------------------------------------------------


def _form(file: str, data: Mapping[str, Any]) -> FormCatalogue:
    top = _Node(file, "", data)
    groups = []
    for node in top.tables("groups"):
        fields = tuple(_field(f) for f in node.tables("fields"))
        groups.append(
            FieldGroup(
                node.str("id"),
                node.str("name"),
                node.str("name_en"),
                fields,
                _applicants(node, "applicants") or (ORGANISATION,),
                node.str_list("awards", required=False),
            )
        )
        node.done()
    tables = []
    for node in top.tables("tables"):
        columns = tuple(_field(c) for c in node.tables("columns"))
        _unique(node, "columns", [c.id for c in columns])
        tables.append(
            TableSpec(
                node.str("id"),
                node.str("name"),
                node.str("name_en"),
                node.opt_str("help") or "",
                node.bool("by_year"),
                columns,
                _applicants(node, "applicants") or (ORGANISATION,),
            )
        )
        node.done()
    top.done()
    _unique(top, "groups", [g.id for g in groups])
    _unique(top, "groups.fields", [f.id for g in groups for f in g.fields])
    _unique(top, "tables", [t.id for t in tables])
    return FormCatalogue(tuple(groups), tuple(tables))


def _field(node: _Node) -> FieldSpec:
    kind = node.choice("type", FIELD_TYPES)
    validator = node._get("validator", str, "a string", False)
    if validator is not None and validator not in VALIDATORS:
        raise node.error("validator", f"{validator!r} is not one of {', '.join(VALIDATORS)}")
    choices = node.str_list("choices", required=kind == "choice")
    if choices and kind != "choice":
        raise node.error("choices", f"only a choice field has choices, this one is {kind!r}")
    spec = FieldSpec(
        id=node.str("id"),
        label=node.str("label"),
        label_en=node.str("label_en"),
        type=kind,
        required=node.bool("required"),
        validator=validator,
        unit=node.opt_str("unit"),
        choices=choices,
        help=node.opt_str("help") or "",
    )
    node.done()
    return spec


# --- text sizes -----------------------------------------------------------------------------


def _limits(file: str, data: Mapping[str, Any]) -> Limits:
    top = _Node(file, "", data)
    names = [f.name for f in dataclass_fields(Limits)]
    limits = Limits(**{name: top.int(name, minimum=1) for name in names})
    top.done()
    return limits


# --- page layouts ---------------------------------------------------------------------------


def _layouts(file: str, data: Mapping[str, Any]) -> tuple[dict[str, Layout], str]:
    """forms/layouts.toml: the named layouts and the id of the default one."""
    top = _Node(file, "", data)
    layouts: dict[str, Layout] = {}
    for node in top.tables("layouts"):
        layout = Layout(
            id=node.str("id"),
            name=node.str("name"),
            name_en=node.str("name_en"),
            **{key: _layout_value(node, key) for key in LAYOUT_VALUES},
            source=node.str("source"),
            note=node.opt_str("note") or "",
        )
        node.done()
        _check_layout(node, layout)
        names = [n.casefold() for x in layouts.values() for n in x.names()]
        for name in layout.names():
            if name.casefold() in names:
                raise node.error(None, f"the name {name!r} is also another layout's")
        layouts[layout.id] = layout
    if not layouts:
        raise top.error("layouts", "missing: at least one [[layouts]]")
    default = top.str("default")
    if default not in layouts:
        raise top.error("default", f"no layout with id {default!r}")
    top.done()
    return layouts, default


def _layout_value(node: _Node, key: str, *, required: bool = True) -> float | None:
    unit, low, high = LAYOUT_VALUES[key]
    value = node._get(key, (int, float), f"a number ({unit})", required)
    if value is not None and not low <= value <= high:
        raise node.error(key, f"must be between {low:g} and {high:g} {unit}, found {value:g}")
    return None if value is None else float(value)


def _check_layout(node: _Node, layout: Layout) -> None:
    """The values together: a text block the package fits in, a leading the type fits in."""
    width = A4_MM[0] - layout.binding_mm - layout.outer_mm
    height = A4_MM[1] - layout.top_mm - layout.bottom_mm
    if width < MIN_TEXT_MM[0]:
        raise node.error(
            "outer_mm",
            f"the text block is {width:g} mm wide (A4 210 mm less binding_mm and outer_mm); "
            f"it must be at least {MIN_TEXT_MM[0]:g} mm",
        )
    if height < MIN_TEXT_MM[1]:
        raise node.error(
            "bottom_mm",
            f"the text block is {height:g} mm high (A4 297 mm less top_mm and bottom_mm); "
            f"it must be at least {MIN_TEXT_MM[1]:g} mm",
        )
    if layout.leading_pt < layout.body_size_pt * 1.2:
        raise node.error(
            "leading_pt",
            f"{layout.leading_pt:g} pt is less than 1.2 × body_size_pt "
            f"({layout.body_size_pt * 1.2:g} pt): the lines would overlap",
        )
    if layout.table_size_pt > layout.body_size_pt:
        raise node.error("table_size_pt", "must not be larger than body_size_pt")


def _layout_change(top: _Node) -> LayoutChange | None:
    """An award's ``[layout]``: some of the layout values, and where they come from."""
    node = top.table("layout", required=False)
    if node is None:
        return None
    values = {key: _layout_value(node, key, required=False) for key in LAYOUT_VALUES}
    change = LayoutChange(
        tuple((k, v) for k, v in values.items() if v is not None),
        node.str("source"),
        node.opt_str("note") or "",
    )
    node.done()
    if not change.values:
        raise node.error(None, f"no value: give one of {', '.join(LAYOUT_VALUES)}")
    return change


def _check_award_layout(file: str, award: Award, forms: Forms) -> None:
    """The award's [layout] over the default layout must still be a layout that works."""
    if award.layout is None:
        return
    node = _Node(file, "layout", {})
    _check_layout(node, forms.layout_for(award))


# --- cross-references -----------------------------------------------------------------------

# Fields and table columns the eligibility kinds read, whatever the rule parameters say.
_REQUIRED_FIELDS = ("uscc", "registered_address")
_REQUIRED_COLUMNS = {
    "financials": ("year", "profit_total"),
    "certifications": ("standard", "first_issued", "valid_until"),
    "honours": ("name", "level", "year", "issuer", "valid_until", "revoked", "revoked_year"),
}


def _check_form(file: str, form: FormCatalogue) -> None:
    field_ids = {f.id for f in form.fields}
    for field_id in _REQUIRED_FIELDS:
        if field_id not in field_ids:
            raise FormsError(f"{file}: groups.fields: the field {field_id!r} is missing")
    for table_id, columns in _REQUIRED_COLUMNS.items():
        try:
            table = form.table(table_id)
        except KeyError:
            raise FormsError(f"{file}: tables: the table {table_id!r} is missing") from None
        for column in columns:
            if column not in {c.id for c in table.columns}:
                raise FormsError(f"{file}: tables.{table_id}: the column {column!r} is missing")


def _check_award(file: str, award: Award, forms: Forms) -> None:
    if award.id != Path(file).stem:
        raise FormsError(f"{file}: id: {award.id!r} differs from the file name")
    if award.framework not in forms.frameworks:
        raise FormsError(f"{file}: framework: no framework {award.framework!r} in frameworks/")
    for i, rule in enumerate(award.rules):
        where = f"{file}: rules[{i}].params"
        if rule.kind == "years_since":
            try:
                spec = forms.form.field(rule.params["field"])
            except KeyError:
                raise FormsError(
                    f"{where}.field: no 申请表 field {rule.params['field']!r}"
                ) from None
            if spec.type != "date":
                raise FormsError(f"{where}.field: {spec.id!r} is not a date field")
        _check_rule_params(where, rule)


def _check_rule_params(where: str, rule: Rule) -> None:
    """Patterns must compile, levels be on the ladder, codes be 行政区划码."""
    for name, (expected, _) in RULE_PARAMS[rule.kind].items():
        value = rule.params[name]
        if expected is list and name not in ("area_codes", "overlaps"):
            for pattern in value:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise FormsError(f"{where}.{name}: {pattern!r} is no pattern ({exc})") from None
    level = rule.params.get("min_level")
    if level and level not in HONOUR_LEVELS[1:5]:
        raise FormsError(f"{where}.min_level: {level!r} is not one of 国家级, 省级, 市级, 区县级")
    if rule.kind in ("excluded_award", "honour") and rule.params["quality"] and not level:
        raise FormsError(f"{where}.min_level: missing: quality awards need the lowest level")
    for code in (*rule.params.get("area_codes", ()), *rule.params.get("overlaps", ())):
        if not re.fullmatch(r"\d{6}", code):
            raise FormsError(f"{where}: {code!r} is not a 6-digit 行政区划码")
    if rule.kind == "certification" and not (rule.params["any_system"] or rule.params["accepted"]):
        raise FormsError(f"{where}.accepted: missing: name the standards, or any_system = true")


# --- entry points ---------------------------------------------------------------------------


def forms_root() -> Traversable:
    """The forms/ folder: QUALITYDESK_FORMS when set, else the copy installed with the package."""
    override = os.environ.get("QUALITYDESK_FORMS")
    return Path(override) if override else resources.files("qualitydesk.forms")


def load_forms(root: Traversable | None = None) -> Forms:
    """Read and check every file under forms/; raise FormsError naming the first problem."""
    root = root or forms_root()
    frameworks: dict[str, Framework] = {}
    for name in _toml_names(root, "frameworks"):
        fw = _framework(name, _read_toml(root, name))
        if fw.id != Path(name).stem:
            raise FormsError(f"{name}: id: {fw.id!r} differs from the file name")
        frameworks[fw.id] = fw
    form_file = "application-form.toml"
    form = _form(form_file, _read_toml(root, form_file))
    _check_form(form_file, form)
    limits = _limits("limits.toml", _read_toml(root, "limits.toml"))
    layouts, default_layout = _layouts("layouts.toml", _read_toml(root, "layouts.toml"))
    forms = Forms(frameworks, {}, form, limits, layouts=layouts, default_layout=default_layout)
    awards: dict[str, Award] = {}
    files: dict[int, str] = {}
    for name in _toml_names(root, "awards"):
        award = _award(name, _read_toml(root, name))
        _check_award(name, award, forms)
        _check_award_layout(name, award, forms)
        if award.order in files:
            raise FormsError(
                f"{name}: order: {award.order} is also the order of {files[award.order]}"
            )
        files[award.order] = name
        awards[award.id] = award
    for i, group in enumerate(form.groups):
        for award_id in group.awards:
            if award_id not in awards:
                raise FormsError(f"{form_file}: groups[{i}].awards: no award {award_id!r}")
    ranked = sorted(awards.values(), key=lambda a: a.order)
    notices = _notices(root, awards, forms)
    awards_ranked = {a.id: a for a in ranked}
    return replace(forms, awards=awards_ranked, notices=notices)


def _toml_names(root: Traversable, folder: str) -> list[str]:
    directory = root.joinpath(folder)
    if not directory.is_dir():
        raise FormsError(f"{folder}/: folder not found under {root}")
    names = sorted(e.name for e in directory.iterdir() if e.name.endswith(".toml"))
    if not names:
        raise FormsError(f"{folder}/: no .toml files")
    return [f"{folder}/{name}" for name in names]
