"""The words of the year-over-year view, translated: a score with its band, a change of percent,
what became of a text, the indicators only one year has, where an action came from.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from qualitydesk.domain.compare import Comparison, ItemComparison, TextChange


class ItemWords(QObject):
    """Turns comparison records into the view's text (translation context ``ItemWords``)."""

    def row(self, item: ItemComparison, changed: bool) -> list[str]:
        """The score list's cells of ``item``: name (marked when changed), both years, change, text."""
        mark = "● " if changed else ""
        return [
            f"{mark}{item.item} {item.name}",
            self.score(item.old_pct, item.old_band),
            self.score(item.new_pct, item.new_band),
            self.change(item.pct_change),
            self.text(item.text),
        ]

    def score(self, pct: int | None, band: str) -> str:
        """A percent and its band: 60%（50%–65%）; 未评分."""
        if pct is None:
            return self.tr("未评分")
        return f"{pct}%（{band}）" if band else f"{pct}%"

    def change(self, delta: int | None) -> str:
        """A change of percent: +10, −5, 未变; — when a year is not scored."""
        if delta is None:
            return "—"
        return self.tr("未变") if delta == 0 else f"{delta:+d}"

    def text(self, change: TextChange) -> str:
        """What became of a text: 改 1 段，增 2 段; 未改."""
        parts = [
            word.replace("%1", str(n))
            for word, n in (
                (self.tr("改 %1 段"), change.changed),
                (self.tr("增 %1 段"), change.added),
                (self.tr("删 %1 段"), change.removed),
            )
            if n
        ]
        return self.tr("，").join(parts) if parts else self.tr("未改")

    def only(self, comparison: Comparison, names: tuple[str, str]) -> str:
        """The indicators only one of the years reports, by name; empty when none."""
        lines = []
        for name, only in zip(names, (comparison.only_old, comparison.only_new), strict=True):
            if only:
                line = self.tr("仅 %1 有：%2").replace("%1", name)
                lines.append(line.replace("%2", "、".join(only)))
        if not comparison.indicators:
            lines.insert(0, self.tr("两个年度没有共同的关键绩效指标。"))
        return "\n".join(lines)

    def source(self, source: str) -> str:
        """Whose 改进机会 an action came from: 自评 or 评审反馈."""
        return {"own": self.tr("自评"), "examiners": self.tr("评审反馈")}.get(source, source)
