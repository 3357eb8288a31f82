"""Award programmes, scoring frameworks and the 申请表 catalogue, read from ``forms/``.

The TOML files are data a user may correct by hand, so the loader is strict: every key is checked
for presence, type and spelling, every reference (an award's framework, a rule's field, an
attachment's rules) must resolve, and every problem is reported as ``file: key.path: problem``.
The result is a tree of frozen dataclasses; nothing here knows about Qt or SQL.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
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

# The parameters each eligibility rule kind takes: name -> (type, element type for lists).
RULE_PARAMS: dict[str, dict[str, tuple[type, type | None]]] = {
    "years_since": {"field": (str, None), "years": (int, None)},
    "certification": {"standards": (list, str), "min_years": (int, None)},
    "no_loss": {"years": (int, None)},
    "region": {"area": (str, None), "codes": (list, str), "address_keywords": (list, str)},
    "excluded_award": {"keywords": (list, str)},
    "honour": {"keywords": (list, str), "levels": (list, str), "within_years": (int, None)},
    "declaration": {},
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


@dataclass(frozen=True)
class Part:
    id: str
    name: str
    limit: int | None
    metric: str
    counts_figures: bool
    figure_chars: int | None
    limit_editable: bool


@dataclass(frozen=True)
class AttachmentSpec:
    id: str
    name: str
    required: bool
    rules: tuple[str, ...]
    note: str


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
    notes: tuple[str, ...]
    tiers: tuple[Tier, ...]
    composite: Composite | None
    rules: tuple[Rule, ...]
    parts: tuple[Part, ...]
    attachments: tuple[AttachmentSpec, ...]

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


@dataclass(frozen=True)
class TableSpec:
    id: str
    name: str
    name_en: str
    help: str
    by_year: bool
    columns: tuple[FieldSpec, ...]

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
    profile = Profile(node.str("name"), node.int("limit", minimum=1), tuple(sections))
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
        ("parts", [p.id for p in parts]),
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
        notes=top.str_list("notes", required=False),
        tiers=tuple(tiers),
        composite=_composite(composite_node) if composite_node else None,
        rules=tuple(rules),
        parts=tuple(parts),
        attachments=tuple(attachments),
    )
    top.done()
    return award


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
    params: dict[str, Any] = {}
    for name, (expected, element) in RULE_PARAMS[kind].items():
        if expected is list:
            params[name] = params_node.str_list(name)
        elif expected is int:
            params[name] = params_node.int(name)
        else:
            params[name] = params_node.str(name)
        assert element in (None, str)
    params_node.done()
    rule = Rule(
        node.str("id"),
        node.str("citation"),
        node.str("text"),
        kind,
        params,
        node.bool("check_notice", default=False),
    )
    node.done()
    return rule


def _part(node: _Node) -> Part:
    part = Part(
        id=node.choice("id", PART_IDS),
        name=node.str("name"),
        limit=node.opt_int("limit", minimum=1),
        metric=node._get("metric", str, "a string", False) or "words",
        counts_figures=node.bool("counts_figures"),
        figure_chars=node.opt_int("figure_chars", minimum=0),
        limit_editable=node.bool("limit_editable"),
    )
    if part.metric not in METRICS:
        raise node.error("metric", f"{part.metric!r} is not one of {', '.join(METRICS)}")
    if part.counts_figures and part.figure_chars is None:
        raise node.error("figure_chars", "missing: counts_figures needs what one figure counts")
    node.done()
    return part


def _attachment(node: _Node) -> AttachmentSpec:
    spec = AttachmentSpec(
        node.str("id"),
        node.str("name"),
        node.bool("required"),
        node.str_list("rules", required=False),
        node.opt_str("note") or "",
    )
    node.done()
    return spec


# --- the 申请表 -----------------------------------------------------------------------------


def _form(file: str, data: Mapping[str, Any]) -> FormCatalogue:
    top = _Node(file, "", data)
    groups = []
    for node in top.tables("groups"):
        fields = tuple(_field(f) for f in node.tables("fields"))
        groups.append(FieldGroup(node.str("id"), node.str("name"), node.str("name_en"), fields))
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


# --- cross-references -----------------------------------------------------------------------

# Fields and table columns the eligibility kinds read, whatever the rule parameters say.
_REQUIRED_FIELDS = ("uscc", "registered_address")
_REQUIRED_COLUMNS = {
    "financials": ("year", "profit_total"),
    "certifications": ("standard", "first_issued", "valid_until"),
    "honours": ("name", "level", "year", "valid_until"),
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
        if rule.kind == "honour":
            for level in rule.params["levels"]:
                if level not in HONOUR_LEVELS:
                    raise FormsError(f"{where}.levels: {level!r} is not an honour level")


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
    forms = Forms(frameworks, {}, form, limits)
    awards: dict[str, Award] = {}
    files: dict[int, str] = {}
    for name in _toml_names(root, "awards"):
        award = _award(name, _read_toml(root, name))
        _check_award(name, award, forms)
        if award.order in files:
            raise FormsError(
                f"{name}: order: {award.order} is also the order of {files[award.order]}"
            )
        files[award.order] = name
        awards[award.id] = award
    ranked = sorted(awards.values(), key=lambda a: a.order)
    return Forms(frameworks, {a.id: a for a in ranked}, form, limits)


def _toml_names(root: Traversable, folder: str) -> list[str]:
    directory = root.joinpath(folder)
    if not directory.is_dir():
        raise FormsError(f"{folder}/: folder not found under {root}")
    names = sorted(e.name for e in directory.iterdir() if e.name.endswith(".toml"))
    if not names:
        raise FormsError(f"{folder}/: no .toml files")
    return [f"{folder}/{name}" for name in names]
