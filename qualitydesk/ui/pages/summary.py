"""评分汇总: the self-score at a glance — totals, category bars, radar, award lines, gap list —
and the examiners' published stage scores with the programme's composite.

The self-score is recomputed from the document's item scores on ``load``, so it follows the
scores set on the item pages; it is exact (599.75 is shown as 599.75 and does not reach 不低于
600). The page says plainly that the lines apply to the examiners' 总评分 and the self-score is an
estimate. Where the programme defines a composite (``[composite]`` in forms/awards), a 评审得分
group takes the three stage scores (saved through the session like any field) and shows the
composite, exact, beside the lines with its clause. Activating a row of the gap list asks the
window to show that item's score panel.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import charts, numbers, scoring
from qualitydesk.store import readiness
from qualitydesk.store.document import Document
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.pages.summary_gaps import GapList
from qualitydesk.ui.pages.summary_stages import StageScoreEditor
from qualitydesk.ui.widgets.radar_chart import RadarChartWidget


class SummaryPage(Page):
    """The 评分汇总 step: the self-score (read-only) and the examiners' stage scores."""

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
        self.composite_status: list[QLabel] = []  # per tier: the composite against the line
        self.stage_editors: list[StageScoreEditor] = []
        self.composite: Decimal | None = None
        self._loading = False
        self._stages_entered = False
        self._build()

    # -- building --

    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(self._build_totals())
        column.addWidget(self._build_lines())
        if self.context.award.composite is not None:
            column.addWidget(self._build_examiners())
        charts_row = QHBoxLayout()
        charts_row.addWidget(self._build_bars(), 1)
        charts_row.addWidget(self._build_radar(), 1)
        column.addLayout(charts_row)
        self.gap_list = GapList()
        self.gap_list.item_chosen.connect(self._open_item)
        column.addWidget(self.gap_list)
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
        box = QVBoxLayout(group)
        self.line_note = QLabel(
            self.tr("分数线适用于评审组给出的总评分；自评总分只是估计，不代表评审结果。")
        )
        self.line_note.setWordWrap(True)
        box.addWidget(self.line_note)
        self.lines_grid = QGridLayout()
        box.addLayout(self.lines_grid)
        self.lines_grid.setColumnStretch(3, 1)  # the composite's verdict right after the self's
        self.lines_grid.setHorizontalSpacing(self.fontMetrics().horizontalAdvance("中") * 2)
        for row, tier in enumerate(self.context.award.tiers):
            name = QLabel(tier.name)
            wording = QLabel()
            status = QLabel()
            status.setWordWrap(True)
            status.setAccessibleName(self.tr("%1达线情况（自评）").replace("%1", tier.name))
            examined = QLabel()
            examined.setWordWrap(True)
            examined.setAccessibleName(self.tr("%1达线情况（综合得分）").replace("%1", tier.name))
            examined.setVisible(False)
            self.lines_grid.addWidget(name, row, 0)
            self.lines_grid.addWidget(wording, row, 1)
            self.lines_grid.addWidget(status, row, 2)
            self.lines_grid.addWidget(examined, row, 3)
            self.tier_labels.append((name, wording, status))
            self.composite_status.append(examined)
        return group

    def _build_examiners(self) -> QGroupBox:
        """评审得分: the three stage scores as published, and the composite with its clause."""
        spec = self.context.award.composite
        assert spec is not None
        group = QGroupBox(self.tr("评审得分"))
        note = QLabel(
            self.tr(
                "评审组公布各环节得分后在此填写（0–1000 分，可带小数），"
                "程序按%1的权重计算综合得分，并与分数线对照。"
            ).replace("%1", spec.citation)
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for part in spec.parts:
            editor = StageScoreEditor(part, self)
            editor.edited.connect(self._stage_edited)
            self.stage_editors.append(editor)
            form.addRow(editor.label, editor.box)
        self.composite_label = QLabel()
        self.composite_label.setWordWrap(True)
        self.composite_label.setAccessibleName(self.tr("综合得分"))
        self.composite_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(group)
        box.addWidget(note)
        box.addLayout(form)
        box.addWidget(self.composite_label)
        return group

    def _build_bars(self) -> QGroupBox:
        group = QGroupBox(self.tr("各类目得分"))
        grid = QGridLayout(group)
        grid.setColumnStretch(1, 1)
        for row, category in enumerate(self.context.framework.categories):
            name = QLabel(f"{category.id} {category.name}")
            bar = QProgressBar()
            bar.setRange(0, category.points * 100)  # hundredths: scores are exact (24.75)
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
        self.gap_list.show_gaps(self.gaps)
        self._loading = True
        try:
            for editor in self.stage_editors:
                editor.show_score(doc.stage_score(editor.part.id))
        finally:
            self._loading = False
        self._show_composite()

    def save(self, doc: Document) -> None:
        """The stage scores typed (a wrong one is not saved: it stays marked until corrected)."""
        for editor in self.stage_editors:
            if editor.text() and editor.score() is None:
                continue
            if doc.stage_score(editor.part.id) != editor.score():
                doc.set_stage_score(editor.part.id, editor.score())

    def issues(self) -> list[Issue]:
        """A stage score that is not one (an error); a warning while the total (the composite
        once the examiners' scores are in, else the self-score) is below the first line.
        """
        found = [
            Issue(f"{editor.part.name}：{check.message}", "error", self.key, editor.spec.id)
            for editor in self.stage_editors
            if (check := editor.current_check()) is not None and not check.ok
        ]
        if self.card is None:
            return found
        if self.composite is not None:
            tiers = scoring.evaluate_tiers(self.context.award, self.composite)
            message = self.tr("综合得分 %1 分，未达到“%2”的分数线（%3）")
            total = self.composite
        else:
            tiers, total = self.tiers, self.card.total
            message = self.tr("自评总分 %1 分，尚未达到“%2”的分数线（%3）")
        first = next((t for t in tiers if t.line is not None), None)
        if first is None or first.reached:
            return found
        message = message.replace("%1", numbers.score(total)).replace("%2", first.tier)
        return [*found, Issue(message.replace("%3", first.wording), "warning", self.key, "")]

    def started(self) -> bool:
        """Any item scored, or a stage score entered."""
        return self._scored or any(editor.text() for editor in self.stage_editors)

    def focus_anchor(self, anchor: str) -> None:
        """Focus a stage score (``stage_<part>``), or select the gap row of item ``anchor`` (or
        the first row) and focus the list.
        """
        for editor in self.stage_editors:
            if editor.spec.id == anchor:
                editor.input.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.gap_list.select_item(anchor)

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

    def _show_lines(self, total: Decimal) -> None:
        for (_, wording, status), tier in zip(self.tier_labels, self.tiers, strict=True):
            wording.setText(tier.wording)
            text = self._tier_status(tier, total)
            if tier.reached is not None:
                text = self.tr("自评 %1").replace("%1", text)
            status.setText(text)
            self._colour(status, tier.reached)

    def _colour(self, label: QLabel, reached: bool | None) -> None:
        palette = label.palette()
        if reached is None:
            palette = self.palette()
        else:
            tone = theme.OK if reached else theme.ERROR
            palette.setColor(QPalette.ColorRole.WindowText, tone.color(palette))
        label.setPalette(palette)

    def _tier_status(self, tier: scoring.TierResult, total: Decimal) -> str:
        if tier.reached is None or tier.line is None:
            return self.tr("按评审结果确定")
        if tier.reached:
            return self.tr("● 已达到")
        if tier.comparison == "above" and total >= tier.line:
            return self.tr("○ 未达到：须高于 %1 分").replace("%1", str(tier.line))
        shortfall = numbers.score(tier.line - total)
        return self.tr("○ 未达到：还差 %1 分").replace("%1", shortfall)

    # -- the examiners' scores --

    def _stage_edited(self) -> None:
        if self._loading:
            return
        self._show_composite()
        self.changed.emit()

    def _show_composite(self) -> None:
        """The composite of the stage scores typed (exact), beside each line with its clause."""
        spec = self.context.award.composite
        if spec is None:
            return
        stages = {editor.part.id: editor.score() for editor in self.stage_editors}
        self.composite = scoring.composite_of(spec, stages)
        rule = f"{spec.citation}：{scoring.composite_formula(spec)}"
        if self.composite is None:
            text = self.tr("综合得分：三个环节的得分填齐后计算（%1）").replace("%1", rule)
        else:
            text = self.tr("综合得分 %1 分（%2）").replace("%1", numbers.score(self.composite))
            text = text.replace("%2", rule)
        self.composite_label.setText(text)
        tiers = (
            []
            if self.composite is None
            else scoring.evaluate_tiers(self.context.award, self.composite)
        )
        for index, label in enumerate(self.composite_status):
            tier = tiers[index] if tiers else None
            label.setVisible(tier is not None)
            if tier is None or self.composite is None:
                continue
            status = self._tier_status(tier, self.composite)
            label.setText(self.tr("综合得分 %1").replace("%1", status))
            self._colour(label, tier.reached)

    def _show_bars(self, card: scoring.Scorecard) -> None:
        for bar, value, score in zip(self.bars, self.bar_values, card.categories, strict=True):
            bar.setValue(int(score.points * 100))  # item points are whole hundredths
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

    def _open_item(self, item_id: str) -> None:
        """Show the score panel of ``item_id`` (a row of the gap list was activated)."""
        self.navigate.emit(f"item:{item_id}", "score")
