"""自评报告: an overview of the items by category — counts, self-scores, totals against the limit.

Read-only: activating an item's row opens its page, where the narrative and score are edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import Category, Item
from qualitydesk.domain.textmetrics import TextCounts, measure
from qualitydesk.store.document import Document
from qualitydesk.store.readiness import effective
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.measure import Measure, over_style

ITEM_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 6  # 评分项, 分值, 字数 (tables included), 图 (pictures and charts), 自评, 得分


class ReportPage(Page):
    """The 23 items grouped by category, with what each holds so far and the report's total."""

    key = "report"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.part = context.award.part("report")
        self.measure = Measure.of(self.part)
        self._measured: dict[str, tuple[str, TextCounts, int]] = {}
        self._started = False
        self._scored: set[str] = set()
        self._total = (0, 0)
        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        self.total_label.setAccessibleName(self.tr("自评报告字数"))
        self.score_label = QLabel(self)
        self.score_label.setWordWrap(True)
        self.score_label.setAccessibleName(self.tr("自评总分"))
        hint = QLabel(
            self.tr("双击或按回车打开评分项，填写自评内容并打分。"),
            self,
        )
        hint.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("评分项一览"))
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(
            [
                self.tr("评分项"),
                self.tr("分值"),
                self.tr("字数"),
                self.tr("图"),
                self.tr("自评"),
                self.tr("得分"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        label = QLabel(self.tr("评分项(&I)"), self)
        label.setBuddy(self.tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.categories: dict[str, QTreeWidgetItem] = {}
        for category in context.framework.categories:
            self._add_category(category)
        self.tree.expandAll()
        self.tree.itemActivated.connect(self._activated)
        scored = context.award.scored
        self.tree.setColumnHidden(4, not scored)
        self.tree.setColumnHidden(5, not scored)
        self.score_label.setVisible(scored)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total_label)
        layout.addWidget(self.score_label)
        layout.addWidget(hint)
        layout.addWidget(label)
        layout.addWidget(self.tree, 1)

    def _add_category(self, category: Category) -> None:
        row = QTreeWidgetItem(self.tree, [f"{category.id} {category.name}", str(category.points)])
        font = row.font(0)
        font.setBold(True)
        for column in range(COLUMNS):
            row.setFont(column, font)
            if column:
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        row.setData(0, ITEM_ROLE, "")
        self.categories[category.id] = row
        for item in category.items:
            self.items[item.id] = self._add_item(row, item)

    def _add_item(self, parent: QTreeWidgetItem, item: Item) -> QTreeWidgetItem:
        row = QTreeWidgetItem(parent, [f"{item.id} {item.name}", str(item.points)])
        row.setData(0, ITEM_ROLE, item.id)
        row.setToolTip(0, self.tr("打开 {id} {name}").format(id=item.id, name=item.name))
        for column in range(1, COLUMNS):
            row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        return row

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Count every item's narrative; show counts and self-scores by category and in total."""
        this_year = effective(doc, self.context.forms, self.context.award)
        self.measure = Measure.of_limit(self.part, this_year.limit("report"))
        scores = doc.scores()
        self._scored = set(scores)
        card = scoring.score(self.context.framework, {i: s.pct for i, s in scores.items()})
        text_total = figures_total = 0
        self._started = False
        for category in self.context.framework.categories:
            category_text = category_figures = 0
            for item in category.items:
                markdown = doc.narrative(item.id)
                counts, figures = self._measure(item.id, markdown)
                words = self.measure.text_count(counts)
                self._started |= bool(markdown.strip())
                self._show_item(
                    item, card, words=words, figures=figures, filled=bool(markdown.strip())
                )
                category_text += words
                category_figures += figures
            text_total += category_text
            figures_total += category_figures
            row = self.categories[category.id]
            row.setText(2, numbers.integer(category_text))
            row.setText(3, str(category_figures) if category_figures else "")
            category_points = next(c for c in card.categories if c.category.id == category.id)
            row.setText(5, numbers.score(category_points.points))
        total = self.measure.total(text_total, figures_total)
        self._total = (total, figures_total)
        self._show_totals(total, figures_total, card, len(scores))

    def save(self, doc: Document) -> None:
        """Nothing to save: the items are edited on their own pages."""
        del doc

    def issues(self) -> list[Issue]:
        """The report's total over the limit: an error, or a warning where the limit is a 参考值."""
        total, _ = self._total
        over = self.measure.over_message(self.tr("自评报告"), total)  # a 参考值: a warning
        return [] if over is None else [Issue(*over, self.key, "")]

    def started(self) -> bool:
        """Whether any item's narrative has text (as of the last load)."""
        return self._started

    def focus_anchor(self, anchor: str) -> None:
        """Select the row of item or category ``anchor`` and focus the tree."""
        row = self.items.get(anchor) or self.categories.get(anchor)
        if row is not None:
            self.tree.setCurrentItem(row)
            self.tree.scrollToItem(row)
        self.tree.setFocus()

    def total(self) -> tuple[int, int]:
        """The report's count as the limit is measured, and its figures."""
        return self._total

    # -- rows --

    def _measure(self, item_id: str, markdown: str) -> tuple[TextCounts, int]:
        cached = self._measured.get(item_id)
        if cached is None or cached[0] != markdown:
            cached = (markdown, *measure(markdown))
            self._measured[item_id] = cached
        return cached[1], cached[2]

    def _show_item(
        self, item: Item, card: scoring.Scorecard, *, words: int, figures: int, filled: bool
    ) -> None:
        row = self.items[item.id]
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        normal = QBrush(self.palette().color(QPalette.ColorRole.Text))
        row.setText(2, numbers.integer(words) if filled else self.tr("未填写"))
        row.setForeground(2, normal if filled else muted)
        row.setText(3, str(figures) if figures else "")
        item_score = card.item(item.id)
        if item.id not in self._scored:
            row.setText(4, self.tr("未评分"))
            row.setText(5, "")
            row.setForeground(4, muted)
        else:
            row.setText(4, numbers.percent(item_score.pct))
            row.setText(5, numbers.score(item_score.points))
            row.setForeground(4, normal)

    def _show_totals(
        self, total: int, figures: int, card: scoring.Scorecard, scored_items: int
    ) -> None:
        text = self.tr("自评报告合计 {count}").format(count=self.measure.describe(total, figures))
        over = self.measure.over(total)
        text += self.measure.over_text(total)
        self.total_label.setText(text)
        self.total_label.setProperty("over", over)
        bold = QFont(self.total_label.font())
        bold.setBold(True)
        self.total_label.setFont(bold)
        self.total_label.setStyleSheet(over_style(self.measure) if over else "")
        self.score_label.setText(
            self.tr(
                "自评总分 {total} / {max} 分（过程 {process} 分，结果 {results} 分）；"
                "已打分 {scored} / {items} 项"
            ).format(
                total=numbers.score(card.total),
                max=self.context.framework.total_points,
                process=numbers.score(card.process),
                results=numbers.score(card.results),
                scored=scored_items,
                items=len(self.items),
            )
        )

    def _activated(self, row: QTreeWidgetItem, column: int) -> None:
        del column
        item_id = row.data(0, ITEM_ROLE)
        if item_id:
            self.navigate.emit(f"item:{item_id}", "")
