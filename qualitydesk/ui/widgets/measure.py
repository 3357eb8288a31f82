"""How a part of the package is counted against its limit, and how going over it is said.

:class:`Measure` holds the metric, the limit (a rule, or a 参考值 — the program's suggestion) and
what a picture counts (含图表); the pages show its counts beside the editors, and
:func:`over_limit` is the one wording of a count over its limit, for the pages' problems and the
检查与导出 list alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Part
from qualitydesk.domain.notices import EffectiveLimit
from qualitydesk.domain.textmetrics import TextCounts, with_figures
from qualitydesk.ui import theme


@dataclass(frozen=True)
class Measure:
    """How a part of the package is measured: metric, limit, and what a figure counts (含图表)."""

    metric: str = "words"
    limit: int | None = None
    figure_chars: int | None = None  # None: pictures and charts add nothing to the count
    reference: bool = False  # the limit is a 参考值 (the program's suggestion), not a rule

    @classmethod
    def of(
        cls, part: Part | None, limit: int | None = None, fallback: int | None = None
    ) -> Measure:
        """How ``part`` is measured; ``limit`` (the application's own) wins over the part's."""
        if part is None:
            return cls(limit=limit or fallback)
        figure_chars = part.figure_chars if part.counts_figures else None
        reference = not limit and (part.reference if part.limit else fallback is not None)
        return cls(part.metric, limit or part.limit or fallback, figure_chars, reference)

    @classmethod
    def of_limit(cls, part: Part | None, limit: EffectiveLimit | None) -> Measure:
        """How ``part`` is measured this year: its limit as notices.effective gives it."""
        if limit is None:
            return cls.of(part)
        return cls(limit.metric, limit.limit, limit.figure_chars, limit.reference)

    def text_count(self, counts: TextCounts) -> int:
        """The count of the text in this measure's metric."""
        return counts.metric(self.metric)

    def total(self, text_count: int, figures: int) -> int:
        """The count the limit is checked against: the text, plus figures where they count."""
        if self.figure_chars is None:
            return text_count
        return with_figures(text_count, figures, self.figure_chars)

    def over(self, total: int) -> bool:
        """Whether ``total`` is over the limit (never, without one)."""
        return self.limit is not None and total > self.limit

    def describe(self, total: int, figures: int) -> str:
        """e.g. ``45,495 / 50,000 字（含图 12 幅，每幅按 300 字计）``."""
        text = numbers.integer(total)
        if self.limit is not None and not self.reference:
            text += f" / {numbers.integer(self.limit)}"
        text += QCoreApplication.translate("Measure", " 字")
        if self.figure_chars is not None:
            text += QCoreApplication.translate(
                "Measure", "（含图 {figures} 幅，每幅按 {chars} 字计）"
            ).format(figures=figures, chars=self.figure_chars)
        if self.limit is not None and self.reference:
            text += " · " + self.limit_text()
        return text

    def rule(self) -> str:
        """How the count is made, for a counter's tooltip (the rule of textmetrics, in words)."""
        rules = {
            "words": QCoreApplication.translate(
                "Measure",
                "按 Word“字数统计”的字数计：汉字、中文标点和全角字符每个计 1 字，"
                "英文单词、数字（如 ISO、9001:2015、12.5%）每个计 1 字；"
                "表格中的文字和图题计入，空格和换行不计。",
            ),
            "characters": QCoreApplication.translate(
                "Measure", "按字符数（不计空格）计；表格中的文字和图题计入。"
            ),
            "characters_no_punct": QCoreApplication.translate(
                "Measure", "按字符数计，空格和标点不计；表格中的文字和图题计入。"
            ),
            "hanzi": QCoreApplication.translate("Measure", "只计汉字；表格中的文字和图题计入。"),
        }
        text = rules.get(self.metric, rules["words"])
        if self.figure_chars is not None:
            text += QCoreApplication.translate(
                "Measure", "本部分含图表：每幅图按 {chars} 字计，表格按其文字计。"
            ).format(chars=self.figure_chars)
        return text

    def limit_text(self) -> str:
        """The limit as shown: ``50,000 字``, or ``参考值 50,000 字（按当年申报通知核对）``."""
        if self.limit is None:
            return ""
        if self.reference:
            return QCoreApplication.translate(
                "Measure", "参考值 {limit} 字（按当年申报通知核对）"
            ).format(limit=numbers.integer(self.limit))
        return QCoreApplication.translate("Measure", "{limit} 字").format(
            limit=numbers.integer(self.limit)
        )

    def over_text(self, total: int) -> str:
        """``，已超出 1,234 字`` (``，已超出参考值 1,234 字``); "" within the limit."""
        if not self.over(total):
            return ""
        n = numbers.integer(total - (self.limit or 0))
        if self.reference:
            return QCoreApplication.translate("Measure", "，已超出参考值 {n} 字").format(n=n)
        return QCoreApplication.translate("Measure", "，已超出 {n} 字").format(n=n)

    def over_message(self, name: str, total: int) -> tuple[str, str] | None:
        """(message, severity) of :func:`over_limit` when ``total`` is over; None within it."""
        if self.limit is None or not self.over(total):
            return None
        return over_limit(name, total, self.limit, self.reference)


def over_style(measure: Measure) -> str:
    """How a count over the limit looks: red for a rule, amber for a 参考值 (a suggestion)."""
    tone = theme.WARNING if measure.reference else theme.ERROR
    return f"color: {tone.name()}; font-weight: bold;"


def over_limit(name: str, total: int, limit: int, reference: bool) -> tuple[str, str]:
    """What is said of ``name`` counting ``total`` over ``limit``, and how grave it is.

    Over a rule: ``自评报告共 52,000 字，超过 50,000 字的限制`` (``error``); over a 参考值:
    ``…超过参考值 50,000 字（按当年申报通知核对）`` (``warning``: a suggestion, worth a look).
    """
    values = {"name": name, "total": numbers.integer(total), "limit": numbers.integer(limit)}
    if reference:
        text = QCoreApplication.translate(
            "Measure", "{name}共 {total} 字，超过参考值 {limit} 字（按当年申报通知核对）"
        )
        return text.format(**values), "warning"
    text = QCoreApplication.translate("Measure", "{name}共 {total} 字，超过 {limit} 字的限制")
    return text.format(**values), "error"
