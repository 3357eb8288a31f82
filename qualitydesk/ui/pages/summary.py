"""评分汇总: the self-score at a glance — totals, category bars, radar, award lines, gap list.

Read-only: everything is recomputed from the document's item scores on ``load``, so it follows the
scores set on the item pages. Activating a row of the gap list asks the window to show that item's
score panel.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import charts, numbers, scoring
from qualitydesk.store import readiness
from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.radar_chart import RadarChartWidget

REACHED_COLOUR = "#2e7d32"
MISSED_COLOUR = "#b00020"
ITEM_ROLE = Qt.ItemDataRole.UserRole


class SummaryPage(Page):
    """The 评分汇总 step (read-only)."""

    key = "summary"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.card: scoring.Scorecard | None = None
        self.tiers: list[scoring.TierResult] = []
        self.gaps: list[scoring.Gap] = []
        self._scored = False
        self.bars: list[QProgressBar] = []
        self.bar_values: list[QLabel] = []
        self.tier_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        self._build()

    # -- building --

    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(self._build_totals())
        column.addWidget(self._build_lines())
        charts_row = QHBoxLayout()
        charts_row.addWidget(self._build_bars(), 1)
        charts_row.addWidget(self._build_radar(), 1)
        column.addLayout(charts_row)
        column.addWidget(self._build_gaps())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _build_totals(self) -> QVBoxLayout:
        heading = QLabel(self.tr("自评总分"))
        self.total_label = QLabel()
        self.total_label.setAccessibleName(self.tr("自评总分"))
        font = QFont(self.total_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.parts_label = QLabel()
        self.parts_label.setWordWrap(True)
        self.parts_label.setAccessibleName(self.tr("过程与结果得分"))
        self.unscored_label = QLabel(
            self.tr("还没有为任何评分项自评打分。在“自评报告”各评分项页面打分后，这里会自动汇总。")
        )
        self.unscored_label.setWordWrap(True)
        box = QVBoxLayout()
        box.addWidget(heading)
        box.addWidget(self.total_label)
        box.addWidget(self.parts_label)
        box.addWidget(self.unscored_label)
        return box

    def _build_lines(self) -> QGroupBox:
        group = QGroupBox(self.tr("奖项分数线"))
        self.lines_grid = QGridLayout(group)
        self.lines_grid.setColumnStretch(2, 1)
        for row, tier in enumerate(self.context.award.tiers):
            name = QLabel(tier.name)
            wording = QLabel()
            status = QLabel()
            status.setWordWrap(True)
            status.setAccessibleName(self.tr("%1达线情况").replace("%1", tier.name))
            self.lines_grid.addWidget(name, row, 0)
            self.lines_grid.addWidget(wording, row, 1)
            self.lines_grid.addWidget(status, row, 2)
            self.tier_labels.append((name, wording, status))
        return group

    def _build_bars(self) -> QGroupBox:
        group = QGroupBox(self.tr("各类目得分"))
        grid = QGridLayout(group)
        grid.setColumnStretch(1, 1)
        for row, category in enumerate(self.context.framework.categories):
            name = QLabel(f"{category.id} {category.name}")
            bar = QProgressBar()
            bar.setRange(0, category.points * 2)  # half points: scores step by 0.5
            bar.setTextVisible(False)
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name.setBuddy(bar)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(value, row, 2)
            self.bars.append(bar)
            self.bar_values.append(value)
        grid.setRowStretch(len(self.bars), 1)
        return group

    def _build_radar(self) -> QGroupBox:
        group = QGroupBox(self.tr("得分率雷达图"))
        self.radar = RadarChartWidget()
        box = QVBoxLayout(group)
        box.addWidget(self.radar)
        return group

    def _build_gaps(self) -> QGroupBox:
        group = QGroupBox(self.tr("提分空间"))
        hint = QLabel(
            self.tr(
                "各评分项升到上一评分档起点可增加的分值，按分值从高到低排列。"
                "双击某一行或选中后按回车，即可转到该评分项的自评打分。"
            )
        )
        hint.setWordWrap(True)
        label = QLabel(self.tr("提分清单(&G)"))
        self.gap_table = QTableWidget(0, 5)
        self.gap_table.setAccessibleName(self.tr("提分清单"))
        label.setBuddy(self.gap_table)
        self.gap_table.setHorizontalHeaderLabels(
            [
                self.tr("评分项"),
                self.tr("分值"),
                self.tr("当前得分率"),
                self.tr("上一档起点"),
                self.tr("可增加"),
            ]
        )
        self.gap_table.verticalHeader().setVisible(False)
        self.gap_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gap_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.gap_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gap_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.gap_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for index in range(1, 5):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
        self.gap_table.activated.connect(self._open_gap)
        box = QVBoxLayout(group)
        box.addWidget(hint)
        box.addWidget(label)
        box.addWidget(self.gap_table)
        return group

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Recompute everything from the document's scores."""
        self.card = readiness.scorecard(doc, self.context.forms)
        self.tiers = scoring.evaluate_tiers(self.context.award, self.card.total)
        self.gaps = scoring.gaps(self.card)
        self._scored = bool(doc.scores())
        self.unscored_label.setVisible(not self._scored)
        self._show_totals(self.card)
        self._show_lines(self.card.total)
        self._show_bars(self.card)
        self._show_radar(self.card)
        self._show_gaps()

    def save(self, doc: Document) -> None:
        """Nothing to save: the summary only reads the scores."""
        del doc

    def issues(self) -> list[Issue]:
        """A warning while the total is below the programme's first published line."""
        if self.card is None:
            return []
        first = next((t for t in self.tiers if t.line is not None), None)
        if first is None or first.reached:
            return []
        message = self.tr("自评总分 %1 分，尚未达到“%2”的分数线（%3）")
        message = message.replace("%1", numbers.score(self.card.total)).replace("%2", first.tier)
        return [Issue(message.replace("%3", first.wording), "warning", self.key, "")]

    def started(self) -> bool:
        """Any item scored."""
        return self._scored

    def focus_anchor(self, anchor: str) -> None:
        """Select the gap row of item ``anchor`` (or the first row) and focus the list."""
        for row in range(self.gap_table.rowCount()):
            item = self.gap_table.item(row, 0)
            if item is not None and item.data(ITEM_ROLE) == anchor:
                self.gap_table.selectRow(row)
                break
        else:
            if self.gap_table.rowCount():
                self.gap_table.selectRow(0)
        self.gap_table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- showing --

    def _show_totals(self, card: scoring.Scorecard) -> None:
        framework = self.context.framework
        total = self.tr("%1 / %2 分").replace("%1", numbers.score(card.total))
        self.total_label.setText(total.replace("%2", str(framework.total_points)))
        process_max = sum(i.points for i in framework.items if i.kind == "process")
        results_max = sum(i.points for i in framework.items if i.kind == "results")
        parts = self.tr("过程 %1 / %2 分　　结果 %3 / %4 分")
        parts = parts.replace("%1", numbers.score(card.process)).replace("%2", str(process_max))
        self.parts_label.setText(
            parts.replace("%3", numbers.score(card.results)).replace("%4", str(results_max))
        )

    def _show_lines(self, total: float) -> None:
        for (_, wording, status), tier in zip(self.tier_labels, self.tiers, strict=True):
            wording.setText(tier.wording)
            status.setText(self._tier_status(tier, total))
            colour = REACHED_COLOUR if tier.reached else MISSED_COLOUR
            palette = status.palette()
            if tier.reached is None:
                palette = self.palette()
            else:
                palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            status.setPalette(palette)

    def _tier_status(self, tier: scoring.TierResult, total: float) -> str:
        if tier.reached is None or tier.line is None:
            return self.tr("按评审结果确定")
        if tier.reached:
            return self.tr("● 已达到")
        if tier.comparison == "above" and total >= tier.line:
            return self.tr("○ 未达到：须高于 %1 分").replace("%1", str(tier.line))
        shortfall = numbers.score(tier.line - total)
        return self.tr("○ 未达到：还差 %1 分").replace("%1", shortfall)

    def _show_bars(self, card: scoring.Scorecard) -> None:
        for bar, value, score in zip(self.bars, self.bar_values, card.categories, strict=True):
            bar.setValue(round(score.points * 2))
            text = f"{numbers.score(score.points)} / {score.max}"
            value.setText(text)
            name = f"{score.category.id} {score.category.name}"
            bar.setAccessibleName(f"{name} {text}")
            bar.setToolTip(f"{name} {text}")

    def _show_radar(self, card: scoring.Scorecard) -> None:
        framework = self.context.framework
        categories = [
            (f"{s.category.id} {s.category.name}", s.points, s.max) for s in card.categories
        ]
        rings: dict[int, str] = {}
        for tier in self.tiers:
            if tier.line is not None:
                rings.setdefault(tier.line, self.tr("%1 分线").replace("%1", str(tier.line)))
        shares = [(label, line / framework.total_points) for line, label in rings.items()]
        self.radar.set_chart(charts.radar_chart(categories, shares))

    def _show_gaps(self) -> None:
        table = self.gap_table
        table.setRowCount(len(self.gaps))
        for row, gap in enumerate(self.gaps):
            cells = [
                f"{gap.item.id} {gap.item.name}",
                str(gap.item.points),
                numbers.percent(gap.pct),
                numbers.percent(gap.next_pct),
                self.tr("+%1 分").replace("%1", numbers.score(gap.gain)),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ITEM_ROLE, gap.item.id)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, cell)
        if table.rowCount():
            table.setCurrentCell(0, 0)
        self._fit_gap_table()

    def _fit_gap_table(self) -> None:
        """Tall enough for every row: the page scrolls, not the list."""
        table = self.gap_table
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        padding = self.fontMetrics().horizontalAdvance("中") * 2
        for index in range(1, table.columnCount()):
            content = max(table.sizeHintForColumn(index), header.sectionSizeHint(index))
            header.resizeSection(index, content + padding)
        height = table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
        table.setFixedHeight(height + 2 * table.frameWidth())

    def _open_gap(self, index: QModelIndex) -> None:
        item_id = index.data(ITEM_ROLE)
        if item_id:
            self.navigate.emit(f"item:{item_id}", "score")
