"""关键绩效数据: the indicators of the 4.7 results items in a table, with a live trend chart.

Each row is one indicator: name, unit, direction, the results item it belongs to, one column per
year, and target / competitor / benchmark values with their sources. Numbers are kept as typed:
a cell that is not a number is marked and explained, never thrown away. Selecting a row shows its
trend chart, redrawn as values are typed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.charts import Indicator, trend_chart
from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.indicator_table import (
    KEY_ROLE,
    ChoiceDelegate,
    NumberError,
    TextDelegate,
    number_text,
    parse_number,
)
from qualitydesk.ui.widgets.trend_chart import TrendChartWidget

MIN_YEARS = 3  # an indicator needs at least three years to show a trend
SPAN_YEARS = 5  # the table always offers the five years before the application year
BAD_CELL = "#f8d7da"
# Column widths in characters (low, high), by column key or kind.
COLUMN_EMS = {
    "name": (10, 13),
    "unit": (4, 8),
    "text": (8, 12),
    "year": (5, 8),
    "number": (5, 8),
    "better": (5, 9),
    "item": (8, 16),
}


def edit_triggers() -> QAbstractItemView.EditTrigger:
    """Spreadsheet-like: typing, F2, double click or a click on the current cell edits it."""
    return (
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )


@dataclass(frozen=True)
class Column:
    """One column of the table: ``kind`` is text, number, year, better or item."""

    kind: str
    key: str
    label: str
    year: int = 0


class IndicatorsPage(Page):
    """The 关键绩效数据 step: an editable table of indicators and the selected one's chart."""

    key = "indicators"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self._years: list[int] = []
        self._columns: list[Column] = []
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
        self._build_table()
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

    def _build_table(self) -> None:
        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(self.tr("关键绩效指标"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(edit_triggers())
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # rows as tall as their combo boxes, whatever the font size
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        probe = QComboBox()  # only measured: no parent, never shown, gone with this method
        rows.setDefaultSectionSize(max(rows.defaultSectionSize(), probe.sizeHint().height()))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.text_delegate = TextDelegate({}, self.table)
        self.text_delegate.max_length = self.context.forms.limits.indicator
        self.text_delegate.edited.connect(self._preview)
        self.table.setItemDelegate(self.text_delegate)
        self.better_delegate = ChoiceDelegate(
            [("higher", self.tr("越高越好")), ("lower", self.tr("越低越好"))],
            self.tr("改进方向"),
            self.table,
        )
        self.item_delegate = ChoiceDelegate(self._item_choices(), self.tr("所属评分项"), self.table)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(self._on_current_changed)

    def _table_panel(self) -> QWidget:
        table_label = QLabel(self.tr("指标表(&I)"))
        table_label.setBuddy(self.table)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        palette = self.problem_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#b00020"))
        self.problem_label.setPalette(palette)
        self.problem_label.hide()
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table_label)
        column.addWidget(self.table, 1)
        column.addWidget(self.problem_label)
        return panel

    def _item_choices(self, extra: list[str] | None = None) -> list[tuple[str, str]]:
        choices = [(i.id, f"{i.id} {i.name}") for i in self._items]
        known = {i.id for i in self._items}
        choices += [(item, item) for item in sorted(set(extra or ()) - known)]
        return choices

    def _make_columns(self) -> list[Column]:
        columns = [
            Column("text", "name", self.tr("名称")),
            Column("text", "unit", self.tr("单位")),
            Column("better", "better", self.tr("方向")),
            Column("item", "item", self.tr("所属评分项")),
        ]
        columns += [
            Column("year", str(y), self.tr("%1 年").replace("%1", str(y)), y) for y in self._years
        ]
        columns += [
            Column("number", "target", self.tr("目标")),
            Column("number", "competitor", self.tr("竞争对手")),
            Column("text", "competitor_source", self.tr("竞争对手来源")),
            Column("number", "benchmark", self.tr("标杆")),
            Column("text", "benchmark_source", self.tr("标杆来源")),
        ]
        return columns

    def _set_up_columns(self, extra_items: list[str]) -> None:
        self._columns = self._make_columns()
        self.table.setColumnCount(len(self._columns))
        self.table.setHorizontalHeaderLabels([c.label for c in self._columns])
        self.item_delegate.choices = self._item_choices(extra_items)
        names = {}
        for index, column in enumerate(self._columns):
            self.table.setItemDelegateForColumn(index, None)
            if column.kind == "better":
                self.table.setItemDelegateForColumn(index, self.better_delegate)
            elif column.kind == "item":
                self.table.setItemDelegateForColumn(index, self.item_delegate)
            names[index] = column.label
        self.text_delegate.names = names

    def column_of(self, kind: str, key: str) -> int:
        """The index of the column ``kind``/``key`` (e.g. ``year``/``2024``, ``text``/``name``)."""
        for index, column in enumerate(self._columns):
            if column.kind == kind and column.key == key:
                return index
        raise KeyError(f"{kind}:{key}")

    # -- the page contract --

    def load(self, doc: Document) -> None:
        row = self.table.currentRow()
        selected = self.indicator_id(row) if row >= 0 else ""
        self._loading = True
        try:
            indicators = doc.indicators()
            self._stored = {i.id: i for i in indicators}
            self._removed.clear()
            self._years = year_span(doc.year, indicators)
            self.table.setRowCount(0)
            self._set_up_columns([i.item for i in indicators])
            for indicator in indicators:
                self._append_row(indicator)
            self._fit_columns()
        finally:
            self._loading = False
        self._set_editable(not doc.read_only)
        if self.table.rowCount():
            ids = [self.indicator_id(r) for r in range(self.table.rowCount())]
            self.table.setCurrentCell(ids.index(selected) if selected in ids else 0, 0)
        self._show_chart(self.table.currentRow())
        self._update_problems()

    def _set_editable(self, editable: bool) -> None:
        """A read-only document is shown, not edited."""
        self._editable = editable
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.table.setEditTriggers(
            edit_triggers() if editable else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for row in range(self.table.rowCount()):
            for kind in ("better", "item"):
                index = self.table.model().index(row, self.column_of(kind, kind))
                editor = self.table.indexWidget(index)
                if editor is not None:
                    editor.setEnabled(editable)

    def save(self, doc: Document) -> None:
        current = {i.id: i for i in doc.indicators()}
        for indicator_id in sorted(self._removed):
            if indicator_id in current:
                doc.remove_indicator(indicator_id)
        self._removed.clear()
        for row in range(self.table.rowCount()):
            indicator = self.row_indicator(row, fallback=current)
            if current.get(indicator.id) != indicator:
                doc.put_indicator(indicator)
        self._stored = {i.id: i for i in doc.indicators()}

    def issues(self) -> list[Issue]:
        found: list[Issue] = []
        covered = {self._key(row, "item") for row in range(self.table.rowCount())}
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
        rows = range(self.table.rowCount())
        row = next((r for r in rows if self.indicator_id(r) == anchor), -1)
        if row < 0:
            row = next((r for r in rows if self._key(r, "item") == anchor), -1)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
            self.table.scrollToItem(self.table.item(row, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- rows --

    def indicator_id(self, row: int) -> str:
        """The id of the indicator in ``row`` (kept from the document, or ``kpi-<n>``)."""
        item = self.table.item(row, 0)
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def _key(self, row: int, kind: str) -> str:
        item = self.table.item(row, self.column_of(kind, kind))
        return str(item.data(KEY_ROLE) or "") if item is not None else ""

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _append_row(self, indicator: Indicator) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for index, column in enumerate(self._columns):
            self.table.setItem(row, index, self._cell(column, indicator))
        self.table.item(row, 0).setData(KEY_ROLE, indicator.id)
        for kind in ("better", "item"):
            self.table.openPersistentEditor(self.table.item(row, self.column_of(kind, kind)))
        return row

    def _cell(self, column: Column, indicator: Indicator) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if column.kind == "year":
            item.setText(number_text(indicator.values.get(column.year)))
        elif column.kind == "number":
            item.setText(number_text(getattr(indicator, column.key)))
        elif column.kind in ("better", "item"):
            key = getattr(indicator, column.key)
            delegate = self.better_delegate if column.kind == "better" else self.item_delegate
            item.setText(dict(delegate.choices).get(key, key))
            item.setData(KEY_ROLE, key)
        else:
            item.setText(getattr(indicator, column.key))
        if column.kind in ("year", "number"):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column.kind == "text":
            item.setToolTip(item.text())
        return item

    def row_indicator(
        self,
        row: int,
        fallback: dict[str, Indicator] | None = None,
        typed: tuple[int, str] | None = None,
    ) -> Indicator:
        """The indicator of ``row`` as the table shows it. Cells that are not numbers keep the
        value in ``fallback`` (the document's); ``typed`` overrides one cell (column, text)."""
        indicator_id = self.indicator_id(row)
        before = (fallback or {}).get(indicator_id)
        values: dict[int, float] = {}
        numbers: dict[str, float | None] = {}
        texts: dict[str, str] = {}
        for index, column in enumerate(self._columns):
            text = typed[1] if typed and typed[0] == index else self._text(row, index)
            if column.kind in ("year", "number"):
                try:
                    value = parse_number(text)
                except NumberError:
                    value = _previous(before, column)
                if column.kind == "number":
                    numbers[column.key] = value
                elif value is not None:
                    values[column.year] = value
            elif column.kind in ("better", "item"):
                texts[column.key] = self._key(row, column.kind)
            else:
                texts[column.key] = text.strip()
        return Indicator(
            id=indicator_id,
            name=texts["name"],
            unit=texts["unit"],
            better=texts["better"] or "higher",
            item=texts["item"],
            values=values,
            target=numbers["target"],
            competitor=numbers["competitor"],
            competitor_source=texts["competitor_source"],
            benchmark=numbers["benchmark"],
            benchmark_source=texts["benchmark_source"],
        )

    def _row_issues(self, row: int) -> list[Issue]:
        indicator = self.row_indicator(row)
        name = indicator.name or self.tr("第 %1 行的指标").replace("%1", str(row + 1))
        found = []
        if not indicator.name:
            message = self.tr("第 %1 行的指标还没有名称").replace("%1", str(row + 1))
            found.append(Issue(message, "missing", self.key, indicator.id))
        for index in range(len(self._columns)):
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
        column = self._columns[index]
        if column.kind not in ("year", "number"):
            return ""
        text = self._text(row, index)
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
        item = self._key(current, "item") if current >= 0 else ""
        indicator = Indicator(
            id=self._new_id(), name="", unit="", better="higher", item=item or self._items[0].id
        )
        self._loading = True
        try:
            row = self._append_row(indicator)
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
        indicator = self.row_indicator(row)
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
        used = {self.indicator_id(r) for r in range(self.table.rowCount())}
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
        indicator = self.row_indicator(row, typed=typed)
        if not indicator.name:
            indicator = replace(indicator, name=self.tr("（未命名指标）"))
        self.chart.set_chart(trend_chart(indicator))

    def _mark(self, item: QTableWidgetItem) -> None:
        """Colour a cell that is not a number and say why; clear the mark when it is fixed."""
        problem = self._cell_problem(item.row(), item.column())
        blocked = self.table.blockSignals(True)
        try:
            if problem:
                item.setBackground(QBrush(QColor(BAD_CELL)))
                item.setToolTip(problem)
            else:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
                is_text = self._columns[item.column()].kind == "text"
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

    def _fit_columns(self) -> None:
        """Widths from the contents, within sensible bounds measured in characters."""
        self.table.resizeColumnsToContents()
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("中")
        for index, column in enumerate(self._columns):
            low, high = COLUMN_EMS.get(column.key, COLUMN_EMS.get(column.kind, (5, 12)))
            if column.kind in ("better", "item"):
                delegate = self.better_delegate if column.kind == "better" else self.item_delegate
                widest = max(metrics.horizontalAdvance(label) for _, label in delegate.choices)
                low = max(low, (widest + 3 * em) / em)
            width = min(max(self.table.columnWidth(index), round(low * em)), round(high * em))
            self.table.setColumnWidth(index, width)


def year_span(year: int, indicators: list[Indicator]) -> list[int]:
    """The year columns: the five years before the application year, widened to every year used."""
    last = year - 1
    used = [y for i in indicators for y in i.values]
    first = min([last - SPAN_YEARS + 1, *used])
    return list(range(first, max([last, *used]) + 1))


def _previous(before: Indicator | None, column: Column) -> float | None:
    if before is None:
        return None
    if column.kind == "year":
        return before.values.get(column.year)
    value = getattr(before, column.key)
    return None if value is None else float(value)
