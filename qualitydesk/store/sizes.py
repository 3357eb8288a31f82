"""Texts too long for their place, in an open document or in a dump about to be loaded.

The bounds are :mod:`qualitydesk.domain.limits` (forms/limits.toml). :func:`in_document` is what
检查与导出 lists and what the export refuses on; :func:`in_dump` is what ``load`` refuses on, each
problem with its JSON path. Only sizes are checked here: a dump's types and keys are checked
before (:mod:`qualitydesk.store.dumpschema`), and anything of the wrong type is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from msgspec.structs import replace

from qualitydesk.domain.forms import Award, Forms
from qualitydesk.domain.limits import Oversized, clip, field_max, max_chars, oversized
from qualitydesk.domain.problems import Location
from qualitydesk.store.document import Document
from qualitydesk.store.jsonpath import json_path

Sized = tuple[str, object, int]  # where, the text, its maximum
Placed = tuple[str, object, int, Location]  # and where it is fixed
INDICATOR_TEXTS = (  # an indicator's texts: label, attribute
    ("名称", "name"),
    ("单位", "unit"),
    ("竞争对手来源", "competitor_source"),
    ("标杆来源", "benchmark_source"),
)


def in_document(doc: Document, forms: Forms) -> list[Oversized]:
    """Every text of ``doc`` longer than its place may hold, in the package's order."""
    found = []
    for where, text, maximum, location in _document(doc, forms):
        problem = oversized(where, text, maximum)
        if problem is not None:
            found.append(replace(problem, location=location))
    return found


def in_dump(data: Mapping[str, object], forms: Forms) -> list[str]:
    """``$.path：有 N 字，超过本项最多可容纳的 M 字`` for every text of a dump that is too long."""
    award = forms.awards.get(str(_mapping(data.get("meta")).get("award")))
    if award is None:
        return []
    found = (oversized(path, text, maximum) for path, text, maximum in _dump(data, forms, award))
    return [f"{p.where}：{p.problem}" for p in found if p is not None]


def refusal(problems: list[Oversized], shown: int = 3) -> str:
    """One line saying what is too long and what to do: the export's message."""
    listed = "；".join(p.message for p in problems[:shown])
    more = f"；另有 {len(problems) - shown} 处" if len(problems) > shown else ""
    return f"无法导出：{listed}{more}。请精简或分段后再导出（“检查与导出”页列出了每一处）。"


# --- an open document -------------------------------------------------------------------------


def _document(doc: Document, forms: Forms) -> Iterator[Placed]:
    limits = forms.limits
    award = forms.award(doc.award_id)
    catalogue = forms.form
    specs = {spec.id: spec for spec in catalogue.fields}
    for field_id, value in doc.fields().items():
        spec = specs.get(field_id)
        where = f"申请表 {spec.label if spec else field_id}"
        yield where, value, field_max(limits, spec), Location("form", field_id)
    for table in catalogue.tables:
        labels = {c.id: c.label for c in table.columns}
        for n, row in enumerate(doc.rows(table.id), 1):
            for column_id, value in row.items():
                where = f"申请表 {table.name} 第 {n} 行 {labels.get(column_id, column_id)}"
                cell = Location("form", f"{table.id}[{n - 1}].{column_id}")
                yield where, value, limits.table_cell, cell
    for rule_id, declaration in doc.declarations().items():
        place = Location("eligibility", rule_id)
        statement, evidence = replace(place, field="statement"), replace(place, field="evidence")
        yield f"资格声明 {rule_id} 声明", declaration.statement, limits.declaration, statement
        yield f"资格声明 {rule_id} 证明", declaration.evidence, limits.declaration, evidence
    yield from _narratives(doc, forms, award)
    for n, indicator in enumerate(doc.indicators(), 1):
        where = f"关键绩效数据 第 {n} 个指标（{clip(indicator.name)}）"
        for label, key in INDICATOR_TEXTS:
            place = Location("indicators", indicator.id, key)
            yield f"{where}{label}", getattr(indicator, key), limits.indicator, place
    for n, attachment in enumerate(doc.attachments(), 1):
        where = f"证实性材料 附件{n}（{clip(attachment.file_name)}）"
        place = Location("evidence", str(attachment.id))
        yield f"{where}的标题", attachment.caption, limits.caption, replace(place, field="caption")
        name = replace(place, field="file_name")
        yield f"{where}的文件名", attachment.file_name, limits.file_name, name


def _narratives(doc: Document, forms: Forms, award: Award) -> Iterator[Placed]:
    """The 组织概述 sections, the 自评报告 items and the 自评分 notes."""
    limits = forms.limits
    profile_max = max_chars(forms, award, "profile")
    for section, text in doc.profiles().items():
        yield f"组织概述 {section}", text, profile_max, Location("profile", section)
    report_max = max_chars(forms, award, "report")
    for item, text in doc.narratives().items():
        yield f"自评报告 {item}", text, report_max, Location("report", item)
    for item, score in doc.scores().items():
        boxes = [
            ("优势", "strengths", score.strengths),
            ("改进机会", "opportunities", score.opportunities),
        ]
        boxes += [(factor, factor, note) for factor, note in score.notes.items()]
        for label, key, text in boxes:
            yield f"自评分 {item} {label}", text, limits.score_note, Location("report", item, key)


# --- a dump -----------------------------------------------------------------------------------


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _records(value: object) -> list[Mapping[str, Any]]:
    return [r for r in value if isinstance(r, Mapping)] if isinstance(value, list) else []


def _dump(data: Mapping[str, Any], forms: Forms, award: Award) -> Iterator[Sized]:
    limits = forms.limits
    specs = {spec.id: spec for spec in forms.form.fields}
    for field_id, value in _mapping(data.get("fields")).items():
        yield json_path(["fields", field_id]), value, field_max(limits, specs.get(field_id))
    for table_id, rows in _mapping(data.get("tables")).items():
        for i, row in enumerate(_records(rows)):
            for column, value in row.items():
                yield json_path(["tables", table_id, i, column]), value, limits.table_cell
    for rule, declaration in _mapping(data.get("declarations")).items():
        for key in ("statement", "evidence"):
            value = _mapping(declaration).get(key)
            yield json_path(["declarations", rule, key]), value, limits.declaration
    for key, part in (("profile", "profile"), ("narratives", "report")):
        maximum = max_chars(forms, award, part)
        for name, text in _mapping(data.get(key)).items():
            yield json_path([key, name]), text, maximum
    for item, score in _mapping(data.get("scores")).items():
        for key in ("strengths", "opportunities"):
            yield json_path(["scores", item, key]), _mapping(score).get(key), limits.score_note
        for factor, note in _mapping(_mapping(score).get("notes")).items():
            yield json_path(["scores", item, "notes", factor]), note, limits.score_note
    for i, indicator in enumerate(_records(data.get("indicators"))):
        for key in ("name", "unit", "competitor_source", "benchmark_source"):
            yield json_path(["indicators", i, key]), indicator.get(key), limits.indicator
    for i, attachment in enumerate(_records(data.get("attachments"))):
        yield json_path(["attachments", i, "caption"]), attachment.get("caption"), limits.caption
        file_name = attachment.get("file_name")
        yield json_path(["attachments", i, "file_name"]), file_name, limits.file_name
