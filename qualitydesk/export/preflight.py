"""Before printing: the characters that no bundled font can print, and where they are.

The 检查与导出 page lists them so the user can replace them (an emoji, a rare character beyond
the 8,105 of 通用规范汉字表, a private-use character from another program); the export prints
〓 in their place rather than failing or leaving a silent gap. Zero-width and format characters
(U+200B, U+2060, U+FEFF …) are not listed: the export removes them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from qualitydesk.domain.forms import Forms
from qualitydesk.export.fonts import fonts
from qualitydesk.export.text import MISSING, strip_format
from qualitydesk.store.document import Document


@dataclass(frozen=True)
class PrintProblem:
    """A character that will not print, where it occurs, and what to do (in Chinese)."""

    where: str  # 自评报告 4.1.2, 申请表 组织名称, 申请表 管理体系认证 第 2 行 认证机构 …
    char: str
    codepoint: str  # U+1F600
    message: str


def unprintable(doc: Document, forms: Forms) -> list[PrintProblem]:
    """Every character of the document that no bundled font has, once per place it occurs."""
    font_set = fonts()
    problems: list[PrintProblem] = []
    for where, text in texts(doc, forms):
        cleaned = strip_format(text)
        missing = {ch for ch in set(cleaned) if ch != "\n" and not font_set.covered(ch)}
        for ch in sorted(missing, key=cleaned.index):
            problems.append(_problem(where, ch))
    return problems


def _problem(where: str, ch: str) -> PrintProblem:
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    kind = "表情符号" if _emoji(ch) else "字符"
    described = f"{kind}“{ch}”（{code}{'，' + name if name else ''}）"
    message = (
        f"{where}中的{described}不在内置字体中，打印时将显示为“{MISSING}”；请改用常用写法或删除。"
    )
    return PrintProblem(where, ch, code, message)


def _emoji(ch: str) -> bool:
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF


def texts(doc: Document, forms: Forms) -> Iterator[tuple[str, str]]:
    """Every text a user typed that goes into a PDF, with where it is, in the package's order."""
    yield from _form_texts(doc, forms)
    for rule_id, declaration in doc.declarations().items():
        where = f"资格声明 {_citation(doc, forms, rule_id)}"
        yield where, declaration.statement
        yield where, declaration.evidence
    framework = forms.framework(doc.framework_id)
    for section in framework.profile.sections:
        yield f"组织概述 {section.id}", doc.profile(section.id)
    for item in framework.items:
        yield f"自评报告 {item.id}", doc.narrative(item.id)
    for item_id, score in doc.scores().items():
        yield f"自评分 {item_id} 优势", score.strengths
        yield f"自评分 {item_id} 改进机会", score.opportunities
        for factor, note in score.notes.items():
            yield f"自评分 {item_id} {factor}", note
    for indicator in doc.indicators():
        where = f"关键绩效数据 {indicator.name}"
        for text in (indicator.name, indicator.unit, indicator.competitor_source):
            yield where, text
        yield where, indicator.benchmark_source
    for attachment in doc.attachments():
        where = f"证实性材料 {attachment.caption or attachment.file_name}"
        yield where, attachment.caption
        yield where, attachment.file_name


def _form_texts(doc: Document, forms: Forms) -> Iterator[tuple[str, str]]:
    catalogue = forms.form
    labels = {spec.id: spec.label for spec in catalogue.fields}
    for field_id, value in doc.fields().items():
        if isinstance(value, str):
            yield f"申请表 {labels.get(field_id, field_id)}", value
    for table in catalogue.tables:
        columns = {c.id: c.label for c in table.columns}
        for n, row in enumerate(doc.rows(table.id), 1):
            for column_id, value in row.items():
                if isinstance(value, str):
                    label = columns.get(column_id, column_id)
                    yield f"申请表 {table.name} 第 {n} 行 {label}", value


def _citation(doc: Document, forms: Forms, rule_id: str) -> str:
    try:
        return forms.award(doc.award_id).rule(rule_id).citation
    except KeyError:
        return rule_id
