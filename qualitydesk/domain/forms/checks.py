"""What the schema cannot say alone: sums, coverage, unique ids and references between files.

Each check raises :class:`FormsError` as ``file: key.path: 问题`` (see :mod:`.errors`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from qualitydesk.domain.forms.award import Award, Part, Tier
from qualitydesk.domain.forms.base import APPLICANTS, COMPARISONS, ORGANISATION, REFERENCE
from qualitydesk.domain.forms.catalogue import FieldSpec, FormCatalogue
from qualitydesk.domain.forms.errors import join, problem
from qualitydesk.domain.forms.framework import Band, Framework
from qualitydesk.domain.forms.ladder import Ladder
from qualitydesk.domain.forms.rules import PATTERN_PARAMS, Rule

# Fields and table columns the eligibility kinds read, whatever the rule parameters say.
REQUIRED_FIELDS = ("uscc", "registered_address")
REQUIRED_COLUMNS = {
    "financials": ("year", "profit_total"),
    "certifications": ("standard", "first_issued", "valid_until"),
    "honours": ("name", "level", "year", "issuer", "valid_until", "revoked", "revoked_year"),
}


def unique(file: str, key: str, ids: Iterable[str]) -> None:
    """Every id under ``key`` appears once."""
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise problem(file, key, f"编号 {value!r} 出现了两次")
        seen.add(value)


# --- frameworks -------------------------------------------------------------------------------


def framework(file: str, fw: Framework) -> None:
    """Unique ids, items inside their category, points adding up, bands covering 0–100%."""
    unique(file, "categories", (c.id for c in fw.categories))
    unique(file, "categories.items", (item.id for item in fw.items))
    unique(file, "profile.sections", (s.id for s in fw.profile.sections))
    for i, category in enumerate(fw.categories):
        for j, item in enumerate(category.items):
            if not item.id.startswith(category.id + "."):
                where = f"categories[{i}].items[{j}].id"
                raise problem(file, where, f"评分项 {item.id!r} 不属于类目 {category.id!r}")
    total = sum(item.points for item in fw.items)
    if total != fw.total_points:
        raise problem(file, "total_points", f"各评分项合计 {total} 分，而不是 {fw.total_points} 分")
    for i, band in enumerate(fw.bands):
        _band(file, f"bands[{i}]", band, fw)
    for kind in {item.kind for item in fw.items}:
        _band_cover(file, kind, fw.bands_of(kind), fw.step)


def _band(file: str, where: str, band: Band, fw: Framework) -> None:
    if not band.low <= band.high <= 100:
        raise problem(file, join(where, "high"), f"{band.low}–{band.high} 不是 0–100 之间的区间")
    expected = [f.id for f in fw.factors_of(band.kind)]
    for factor in expected:
        if factor not in band.factors:
            raise problem(file, join(where, "factors", factor), "缺少此项（必填）")
    for factor in band.factors:
        if factor not in expected:
            allowed = "、".join(expected)
            raise problem(file, join(where, "factors", factor), f"不是该类要素（可用：{allowed}）")


def _band_cover(file: str, kind: str, bands: Sequence[Band], step: int) -> None:
    expected_low = 0
    for band in sorted(bands, key=lambda b: b.low):
        if band.low != expected_low:
            raise problem(file, "bands", f"{kind} 的分数段在 {expected_low}% 处有空缺或重叠")
        expected_low = band.high + step
    if expected_low != 100 + step:
        raise problem(file, "bands", f"{kind} 的分数段没有覆盖到 100%")


# --- awards -----------------------------------------------------------------------------------


def award(file: str, award: Award) -> None:
    """Ids, tiers, weights, parts and applicants of one award file."""
    unique(file, "tiers", (t.id for t in award.tiers))
    unique(file, "rules", (r.id for r in award.rules))
    unique(file, "parts", (f"{p.id}（{a}）" for p in award.parts for a in p.applicants))
    unique(file, "attachments", (a.id for a in award.attachments))
    unique(file, "rounds", (str(r.number) for r in award.rounds))
    attachments_prove_rules(file, award, {r.id for r in award.rules})
    for i, tier in enumerate(award.tiers):
        _tier(file, f"tiers[{i}]", tier)
    if award.composite is not None:
        total = sum(p.weight for p in award.composite.parts)
        if total != 100:
            raise problem(file, "composite.parts", f"权重合计 {total}，应为 100")
    for i, part in enumerate(award.parts):
        _part(file, f"parts[{i}]", part)
    if award.layout is not None and not award.layout.values:
        raise problem(file, "layout", "没有给出任何版式数值（如 binding_mm、body_size_pt）")
    _applicants(file, award)


def attachments_prove_rules(file: str, award: Award, rule_ids: set[str]) -> None:
    """Every rule an attachment names exists."""
    for i, attachment in enumerate(award.attachments):
        for rule_id in attachment.rules:
            if rule_id not in rule_ids:
                raise problem(file, f"attachments[{i}].rules", f"没有编号为 {rule_id!r} 的条款")


def _tier(file: str, where: str, tier: Tier) -> None:
    if tier.line is not None and tier.comparison is None:
        allowed = "、".join(f"{k}（{v}）" for k, v in COMPARISONS.items())
        raise problem(
            file, join(where, "comparison"), f"有分数线的等级须写明比较方式（可用：{allowed}）"
        )
    if tier.line is None and tier.comparison is not None:
        raise problem(file, join(where, "comparison"), "没有分数线（line），不应给出比较方式")


def _part(file: str, where: str, part: Part) -> None:
    if part.counts_figures and part.figure_chars is None:
        raise problem(
            file, join(where, "figure_chars"), "缺少此项：counts_figures 须说明一张图表计多少字"
        )
    if (part.limit is not None or part.figure_chars is not None) and not part.limit_source:
        raise problem(
            file,
            join(where, "limit_source"),
            f"缺少此项：须写明字数上限的出处（条款，或“{REFERENCE}”）",
        )


def _applicants(file: str, award: Award) -> None:
    """Every applicant a rule, part, attachment, profile or seal names may apply; a person's
    application has its own profile.
    """
    entries: dict[str, tuple[tuple[str, ...], ...]] = {
        "rules": tuple(e.applicants for e in award.rules),
        "parts": tuple(e.applicants for e in award.parts),
        "attachments": tuple(e.applicants for e in award.attachments),
        "profiles": tuple(e.applicants for e in award.profiles),
        "cover.seals": tuple(e.applicants for e in award.cover.seals) if award.cover else (),
    }
    for key, whom in entries.items():
        for i, applicants in enumerate(whom):
            if applicants == APPLICANTS:  # the default: whoever the award accepts
                continue
            for applicant in applicants:
                if applicant not in award.applicants:
                    where = f"{key}[{i}].applicants"
                    raise problem(file, where, f"{applicant!r} 不在本奖项的 applicants 中")
    for applicant in award.applicants:
        if applicant != ORGANISATION and award.profile_for(applicant) is None:
            raise problem(
                file, "profiles", f"缺少 {applicant!r} 的概述（评价准则的组织概述不适用）"
            )


def rules(file: str, rules: Sequence[Rule], form: FormCatalogue, ladder: Ladder) -> None:
    """Each rule's fields exist in the 申请表, patterns compile, levels are on the ladder."""
    for i, rule in enumerate(rules):
        _rule(file, f"rules[{i}].params", rule, form, ladder)


def _rule(file: str, where: str, rule: Rule, form: FormCatalogue, ladder: Ladder) -> None:
    params = rule.params
    if rule.kind == "years_since":
        field_id = str(params["field"])
        try:
            spec = form.field(field_id)
        except KeyError:
            raise problem(file, join(where, "field"), f"申请表中没有字段 {field_id!r}") from None
        if spec.type != "date":
            raise problem(file, join(where, "field"), f"{spec.id!r} 不是日期字段")
    for name in PATTERN_PARAMS:
        for pattern in _strings(params.get(name)):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise problem(
                    file, join(where, name), f"{pattern!r} 不是正则表达式（{exc}）"
                ) from None
    level = str(params.get("min_level") or "")
    if level and level not in ladder.names:
        allowed = "、".join(ladder.names)
        raise problem(
            file, join(where, "min_level"), f"{level!r} 不在荣誉级别中（可用：{allowed}）"
        )
    if rule.kind in ("excluded_award", "honour") and _strings(params.get("quality")) and not level:
        raise problem(file, join(where, "min_level"), "缺少此项：quality 须配最低级别")
    for code in (*_strings(params.get("area_codes")), *_strings(params.get("overlaps"))):
        if not re.fullmatch(r"\d{6}", code):
            raise problem(file, where, f"{code!r} 不是 6 位行政区划码")
    if rule.kind == "certification" and not (params["any_system"] or params["accepted"]):
        raise problem(
            file, join(where, "accepted"), "缺少此项：列出认可的标准，或 any_system = true"
        )


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, tuple | list) else ()


# --- the 申请表 and the ladder -------------------------------------------------------------------


def form(file: str, catalogue: FormCatalogue) -> None:
    """Unique ids; the fields and columns eligibility reads exist; choices only on choices."""
    unique(file, "groups", (g.id for g in catalogue.groups))
    unique(file, "groups.fields", (f.id for f in catalogue.fields))
    unique(file, "tables", (t.id for t in catalogue.tables))
    for i, table in enumerate(catalogue.tables):
        unique(file, f"tables[{i}].columns", (c.id for c in table.columns))
    for i, group in enumerate(catalogue.groups):
        _choices(file, f"groups[{i}].fields", group.fields)
    for i, table in enumerate(catalogue.tables):
        _choices(file, f"tables[{i}].columns", table.columns)
    field_ids = {f.id for f in catalogue.fields}
    for field_id in REQUIRED_FIELDS:
        if field_id not in field_ids:
            raise problem(file, "groups.fields", f"缺少字段 {field_id!r}（资格自查要读）")
    for table_id, columns in REQUIRED_COLUMNS.items():
        try:
            table = catalogue.table(table_id)
        except KeyError:
            raise problem(file, "tables", f"缺少表格 {table_id!r}（资格自查要读）") from None
        for column in columns:
            if column not in {c.id for c in table.columns}:
                raise problem(file, f"tables.{table_id}", f"缺少列 {column!r}（资格自查要读）")


def _choices(file: str, where: str, specs: Sequence[FieldSpec]) -> None:
    for j, spec in enumerate(specs):
        kind, choices = spec.type, spec.choices
        if kind == "choice" and not choices:
            raise problem(file, f"{where}[{j}].choices", "缺少此项：选择型字段须列出可选项")
        if choices and kind != "choice":
            raise problem(
                file, f"{where}[{j}].choices", f"只有 choice 字段有可选项，此字段为 {kind!r}"
            )


def ladder(file: str, ladder: Ladder, catalogue: FormCatalogue) -> None:
    """The ladder has levels, each once, each one of the 获奖荣誉 table's 级别 choices."""
    if not ladder.ladder:
        raise problem(file, "ladder", "缺少此项：至少一个级别")
    unique(file, "ladder", ladder.names)
    choices = catalogue.table("honours").column("level").choices
    for i, name in enumerate(ladder.names):
        if name not in choices:
            allowed = "、".join(choices)
            raise problem(
                file, f"ladder[{i}].name", f"{name!r} 不是申请表“级别”的可选项（{allowed}）"
            )
