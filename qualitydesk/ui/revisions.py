"""The words for a saved version: what it is of (组织名称, 4.1.2 组织治理, 第十一条（六）) and its
value as text a person reads (not JSON), so that 历史版本 can list and compare versions.

The names come from forms/ (the 申请表 catalogue, the framework, the programme); a key forms/ does
not know (an older programme edition) is shown as it is stored.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct
from msgspec.structs import asdict
from PySide6.QtCore import QCoreApplication

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Award, FieldSpec, Forms, Framework
from qualitydesk.store.document import Document

SHORT_RULE = 24  # characters of a clause's text shown after its citation


class RevisionWords:
    """Names and readable values of history entries for one application's programme."""

    def __init__(self, forms: Forms, award: Award, framework: Framework) -> None:
        self.forms, self.award, self.framework = forms, award, framework

    # -- what a version is of --

    def subject(self, kind: str, key: str) -> str:
        """组织名称 / 4.1.2 组织治理 / B.1.1 组织的基本情况 / 第十一条（六） 近三年… ."""
        try:
            if kind == "field":
                return self.forms.form.field(key).label
            if kind == "rows":
                return self.forms.form.table(key).name
            if kind in ("narrative", "score"):
                item = self.framework.item(key)
                return f"{item.id} {item.name}"
            if kind == "profile":
                section = next(s for s in self.framework.profile.sections if s.id == key)
                return f"{section.id} {section.name}"
            if kind == "declaration":
                rule = self.award.rule(key)
                text = " ".join(rule.text.split())
                short = text if len(text) <= SHORT_RULE else text[:SHORT_RULE] + "…"
                return f"{rule.citation} {short}"
            if kind == "meta" and key.startswith("limit."):
                part = self.award.part(key.removeprefix("limit."))
                name = part.name if part else key.removeprefix("limit.")
                return QCoreApplication.translate("RevisionWords", "%1 篇幅限制").replace(
                    "%1", name
                )
            if kind == "meta" and key.startswith("stage.") and self.award.composite is not None:
                stage = key.removeprefix("stage.")
                names = {p.id: p.name for p in self.award.composite.parts}
                return QCoreApplication.translate("RevisionWords", "评审得分：%1").replace(
                    "%1", names.get(stage, stage)
                )
        except (KeyError, StopIteration):
            pass
        return key

    # -- a value as text --

    def current(self, doc: Document, kind: str, key: str) -> object:
        """The value the document holds now, in the shape the history stores it."""
        value: object = {
            "field": lambda: doc.field(key),
            "rows": lambda: doc.rows(key),
            "narrative": lambda: doc.narrative(key),
            "profile": lambda: doc.profile(key),
            "score": lambda: doc.score(key),
            "declaration": lambda: doc.declaration(key),
            "meta": lambda: doc.meta.get(key, ""),
        }.get(kind, lambda: None)()
        return asdict(value) if isinstance(value, Struct) else value

    def text(self, kind: str, key: str, value: object) -> str:
        """``value`` (as the history stores it) as lines a person reads."""
        if value is None or value == "":
            return ""
        if kind == "field":
            return self._field_text(self._field_spec(key), value)
        if kind == "rows" and isinstance(value, list):
            return self._rows_text(key, value)
        if kind == "score" and isinstance(value, Mapping):
            return self._score_text(value)
        if kind == "declaration" and isinstance(value, Mapping):
            return self._declaration_text(value)
        if kind == "meta" and key.startswith("limit."):
            return QCoreApplication.translate("RevisionWords", "%1 字").replace(
                "%1", numbers.integer(str(value))
            )
        if kind == "meta" and key.startswith("stage."):
            return QCoreApplication.translate("RevisionWords", "%1 分").replace(
                "%1", numbers.score(str(value))
            )
        return str(value)

    def _field_spec(self, key: str) -> FieldSpec | None:
        try:
            return self.forms.form.field(key)
        except KeyError:
            return None

    def _field_text(self, spec: FieldSpec | None, value: object) -> str:
        if isinstance(value, bool) or (spec is not None and spec.type == "bool"):
            return (
                QCoreApplication.translate("RevisionWords", "是")
                if value in (True, "true", "1", "是")
                else QCoreApplication.translate("RevisionWords", "否")
            )
        if spec is not None and spec.type == "money":
            return numbers.money_wan(str(value))
        if spec is not None and spec.type == "percent":
            return numbers.percent(str(value))
        return str(value)

    def _rows_text(self, key: str, rows: list[object]) -> str:
        try:
            columns = {c.id: c for c in self.forms.form.table(key).columns}
        except KeyError:
            columns = {}
        lines = []
        for n, row in enumerate(rows, 1):
            if not isinstance(row, Mapping):
                continue
            cells = [
                f"{columns[c].label if c in columns else c}：" + self._field_text(columns.get(c), v)
                for c, v in row.items()
                if v not in (None, "")
            ]
            lines.append(
                QCoreApplication.translate("RevisionWords", "第 %1 行：").replace("%1", str(n))
                + "；".join(cells)
            )
        return "\n".join(lines)

    def _score_text(self, score: Mapping[str, object]) -> str:
        factors = {f.id: f.name for f in self.framework.factors}
        lines = [
            QCoreApplication.translate("RevisionWords", "得分率：%1").replace(
                "%1", numbers.percent(str(score.get("pct", "")))
            )
        ]
        notes = score.get("notes")
        if isinstance(notes, Mapping):
            for factor, note in notes.items():
                if note:
                    lines.append(f"{factor} {factors.get(str(factor), '')}：{note}")
        for field, label in (
            ("strengths", QCoreApplication.translate("RevisionWords", "优势")),
            ("opportunities", QCoreApplication.translate("RevisionWords", "改进机会")),
            ("assessor", QCoreApplication.translate("RevisionWords", "评分人")),
        ):
            if score.get(field):
                lines.append(f"{label}：{score[field]}")
        return "\n".join(lines)

    def _declaration_text(self, declaration: Mapping[str, object]) -> str:
        affirmed = (
            QCoreApplication.translate("RevisionWords", "是")
            if declaration.get("affirmed")
            else QCoreApplication.translate("RevisionWords", "否")
        )
        lines = [
            QCoreApplication.translate("RevisionWords", "确认符合：%1").replace("%1", affirmed)
        ]
        if declaration.get("statement"):
            lines.append(
                QCoreApplication.translate("RevisionWords", "声明：%1").replace(
                    "%1", str(declaration["statement"])
                )
            )
        if declaration.get("evidence"):
            lines.append(
                QCoreApplication.translate("RevisionWords", "证实材料：%1").replace(
                    "%1", str(declaration["evidence"])
                )
            )
        return "\n".join(lines)
