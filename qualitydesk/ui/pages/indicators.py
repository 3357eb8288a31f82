"""关键绩效数据: the indicators of the 4.7 results items in a table, with a live trend chart.

Each row is one indicator: name, unit, direction, the results item it belongs to, one column per
year, and target / competitor / benchmark values with their sources. Numbers are kept as typed:
a cell that is not a number is marked and explained, never thrown away. Selecting a row shows its
trend chart, redrawn as values are typed.
"""

from __future__ import annotations

from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.indicators import Indicator
from qualitydesk.store.document import Document
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.pages.indicators_table import IndicatorTable, year_span
from qualitydesk.ui.widgets.indicator_table import NumberError, parse_number
from qualitydesk.ui.widgets.trend_chart import TrendChartWidget

MIN_YEARS = 3  # an indicator needs at least three years to show a trend


class IndicatorsPage(Page):
    """The 关键绩效数据 step: an editable table of indicators and the selected one's chart."""

    key = "indicators"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self._years: list[int] = []
        self._stored: dict[str, Indicator] = {}  # as in the document when loaded / last saved
        self._removed: set[str] = set()
        self._editable = False  # until a writable document is loaded
        self._items = [i for i in context.framework.items if i.kind == "results"]
        self._build()

    # -- building --

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "为 4.7 各结果评分项录入关键绩效指标：近 3–5 年的数值，以及目标、竞争对手和标杆的"
                "对比值（注明来源）。选中一行，下方即显示它的趋势图。"
            )
        )
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("添加指标(&A)"))
        self.add_button.setAccessibleName(self.tr("添加指标"))
        self.remove_button = QPushButton(self.tr("删除指标(&D)"))
        self.remove_button.setAccessibleName(self.tr("删除指标"))
        self.add_button.clicked.connect(self.add_indicator)
        self.remove_button.clicked.connect(self.remove_current)
        self.add_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.table = IndicatorTable(self._items, self.context.forms.limits.indicator)
        self.table.text_delegate.edited.connect(self._preview)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(self._on_current_changed)
        self.chart = TrendChartWidget()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._table_panel())
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.table)

    def _table_panel(self) -> QWidget:
        table_label = QLabel(self.tr("指标表(&I)"))
        table_label.setBuddy(self.table)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        palette = self.problem_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, theme.ERROR.color(palette))
        self.problem_label.setPalette(palette)
        self.problem_label.hide()
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table_label)
        column.addWidget(self.table, 1)
        column.addWidget(self.problem_label)
        return panel

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Fill the table with the document's indicators (a column for each of the five years before
        the application's, and any other year they use), keep the selection and show its chart.
        """
        row = self.table.currentRow()
        selected = self.table.indicator_id(row) if row >= 0 else ""
        self._loading = True
        try:
            indicators = doc.indicators()
            self._stored = {i.id: i for i in indicators}
            self._removed.clear()
            self._years = year_span(doc.year, indicators)
            self.table.setRowCount(0)
            self.table.set_up_columns(self._years, [i.item for i in indicators])
            for indicator in indicators:
                self.table.append_row(indicator)
            self.table.fit_columns()
        finally:
            self._loading = False
        self._set_editable(not doc.read_only)
        if self.table.rowCount():
            ids = [self.table.indicator_id(r) for r in range(self.table.rowCount())]
            self.table.setCurrentCell(ids.index(selected) if selected in ids else 0, 0)
        self._show_chart(self.table.currentRow())
        self._update_problems()

    def _set_editable(self, editable: bool) -> None:
        """A read-only document is shown, not edited."""
        self._editable = editable
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.table.set_editable(editable)

    def save(self, doc: Document) -> None:
        """Remove the indicators deleted here; write each row that differs from the document's."""
        current = {i.id: i for i in doc.indicators()}
        for indicator_id in sorted(self._removed):
            if indicator_id in current:
                doc.remove_indicator(indicator_id)
        self._removed.clear()
        for row in range(self.table.rowCount()):
            indicator = self.table.row_indicator(row, fallback=current)
            if current.get(indicator.id) != indicator:
                doc.put_indicator(indicator)
        self._stored = {i.id: i for i in doc.indicators()}

    def issues(self) -> list[Issue]:
        """A results item with no indicator is a warning; each row adds its own problems (a name
        missing, a value that is not a number …).
        """
        found: list[Issue] = []
        covered = {self.table.key(row, "item") for row in range(self.table.rowCount())}
        for item in self._items:
            if item.id not in covered:
                message = self.tr("%1 %2还没有关键绩效指标").replace("%1", item.id)
                found.append(Issue(message.replace("%2", item.name), "warning", self.key, item.id))
        for row in range(self.table.rowCount()):
            found += self._row_issues(row)
        return found

    def started(self) -> bool:
        """Any indicator in the table."""
        return self.table.rowCount() > 0

    def focus_anchor(self, anchor: str) -> None:
        """Select the row of indicator ``anchor``, or else the first of results item ``anchor``."""
        rows = range(self.table.rowCount())
        row = next((r for r in rows if self.table.indicator_id(r) == anchor), -1)
        if row < 0:
            row = next((r for r in rows if self.table.key(r, "item") == anchor), -1)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
            self.table.scrollToItem(self.table.item(row, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- rows --

    def _row_issues(self, row: int) -> list[Issue]:
        indicator = self.table.row_indicator(row)
        name = indicator.name or self.tr("第 %1 行的指标").replace("%1", str(row + 1))
        found = []
        if not indicator.name:
            message = self.tr("第 %1 行的指标还没有名称").replace("%1", str(row + 1))
            found.append(Issue(message, "missing", self.key, indicator.id))
        for index in range(len(self.table.columns)):
            problem = self._cell_problem(row, index)
            if problem:
                found.append(Issue(f"“{name}”：{problem}", "error", self.key, indicator.id))
        years = len(indicator.values)
        if years < MIN_YEARS:
            message = self.tr("“%1”只有 %2 年的数值，至少需要近 %3 年的数据")
            if not years:
                message = self.tr("“%1”还没有填写各年数值，至少需要近 %3 年的数据")
            message = message.replace("%1", name).replace("%2", str(years))
            found.append(
                Issue(message.replace("%3", str(MIN_YEARS)), "missing", self.key, indicator.id)
            )
        return found

    def _cell_problem(self, row: int, index: int) -> str:
        """What is wrong with one cell, in Chinese; empty when nothing is."""
        column = self.table.columns[index]
        if column.kind not in ("year", "number"):
            return ""
        text = self.table.cell_text(row, index)
        try:
            parse_number(text)
        except NumberError:
            message = self.tr("“%1”一栏的“%2”不是有效的数字")
            return message.replace("%1", column.label).replace("%2", text.strip())
        return ""

    # -- user actions --

    def add_indicator(self) -> None:
        """Append an empty indicator row and start editing its name."""
        if not self._editable:
            return
        current = self.table.currentRow()
        item = self.table.key(current, "item") if current >= 0 else ""
        indicator = Indicator(
            id=self._new_id(), name="", unit="", better="higher", item=item or self._items[0].id
        )
        self._loading = True
        try:
            row = self.table.append_row(indicator)
        finally:
            self._loading = False
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        self.changed.emit()

    def remove_current(self) -> None:
        """Delete the selected indicator (after asking, when it holds any data)."""
        row = self.table.currentRow()
        if row < 0 or not self._editable:
            return
        indicator = self.table.row_indicator(row)
        if indicator.name or indicator.values:
            question = self.tr("删除指标“%1”及其全部数值？此操作无法撤销。")
            name = indicator.name or self.tr("（未命名）")
            if not self.context.messages.question(
                self, self.tr("删除指标"), question.replace("%1", name)
            ):
                return
        self._removed.add(indicator.id)
        self.table.removeRow(row)
        self._show_chart(self.table.currentRow())
        self._update_problems()
        self.changed.emit()

    def _new_id(self) -> str:
        used = {self.table.indicator_id(r) for r in range(self.table.rowCount())}
        used |= set(self._stored) | self._removed
        number = 1
        while f"kpi-{number}" in used:
            number += 1
        return f"kpi-{number}"

    # -- reactions --

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        self._mark(item)
        if item.row() == self.table.currentRow():
            self._show_chart(item.row())
        self._update_problems()
        self.changed.emit()

    def _on_current_changed(self, row: int, column: int, previous_row: int, _: int) -> None:
        del column
        if row != previous_row:
            self._show_chart(row)

    def _preview(self, row: int, column: int, text: str) -> None:
        if row == self.table.currentRow():
            self._show_chart(row, (column, text))

    def _show_chart(self, row: int, typed: tuple[int, str] | None = None) -> None:
        if row < 0 or row >= self.table.rowCount():
            if self.table.rowCount():
                self.chart.set_empty_text(self.tr("选择一个指标，即可在这里看到它的趋势图。"))
            else:
                self.chart.set_empty_text(self.tr("还没有指标。点击“添加指标”开始录入。"))
            self.chart.set_chart(None)
            return
        indicator = self.table.row_indicator(row, typed=typed)
        if not indicator.name:
            indicator = replace(indicator, name=self.tr("（未命名指标）"))
        self.chart.set_chart(trend_chart(indicator))

    def _mark(self, item: QTableWidgetItem) -> None:
        """Colour a cell that is not a number and say why; clear the mark when it is fixed."""
        problem = self._cell_problem(item.row(), item.column())
        blocked = self.table.blockSignals(True)
        try:
            if problem:
                item.setBackground(QBrush(theme.ERROR_BACKGROUND.color(self.palette())))
                item.setToolTip(problem)
            else:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
                is_text = self.table.columns[item.column()].kind == "text"
                item.setToolTip(item.text() if is_text else "")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, problem)
        finally:
            self.table.blockSignals(blocked)

    def _update_problems(self) -> None:
        errors = [i for i in self.issues() if i.severity == "error"]
        if not errors:
            self.problem_label.hide()
            return
        text = self.tr("有 %1 处数值无法识别（已标红，原样保留）：%2")
        self.problem_label.setText(
            text.replace("%1", str(len(errors))).replace("%2", errors[0].message)
        )
        self.problem_label.show()
