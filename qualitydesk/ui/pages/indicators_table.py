"""The table of the 关键绩效数据 page: one row per indicator, one column per field or year.

Columns are name, unit, direction, the results item, one per year (the five before the
application year, widened to every year used) and target / competitor / benchmark with their
sources. Cells hold the text as typed; ``row_indicator`` reads a row back as an ``Indicator``,
keeping the document's value where a cell is not a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qualitydesk.domain.forms import Item
from qualitydesk.domain.indicators import Indicator
from qualitydesk.ui.widgets.indicator_table import (
    KEY_ROLE,
    ChoiceDelegate,
    NumberError,
    TextDelegate,
    number_text,
    parse_number,
)

SPAN_YEARS = 5  # the table always offers the five years before the application year
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


class IndicatorTable(QTableWidget):
    """The indicators as an editable table; direction and item are chosen from lists."""

    def __init__(self, items: list[Item], max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.results = items  # the results items an indicator can belong to
        self.columns: list[Column] = []
        self.setAccessibleName(self.tr("关键绩效指标"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(edit_triggers())
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        # rows as tall as their combo boxes, whatever the font size
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        probe = QComboBox()  # only measured: no parent, never shown, gone with this method
        rows.setDefaultSectionSize(max(rows.defaultSectionSize(), probe.sizeHint().height()))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.text_delegate = TextDelegate({}, self)
        self.text_delegate.max_length = max_length
        self.setItemDelegate(self.text_delegate)
        self.better_delegate = ChoiceDelegate(
            [("higher", self.tr("越高越好")), ("lower", self.tr("越低越好"))],
            self.tr("改进方向"),
            self,
        )
        self.item_delegate = ChoiceDelegate(self._item_choices(), self.tr("所属评分项"), self)

    # -- columns --

    def _item_choices(self, extra: list[str] | None = None) -> list[tuple[str, str]]:
        choices = [(i.id, f"{i.id} {i.name}") for i in self.results]
        known = {i.id for i in self.results}
        choices += [(item, item) for item in sorted(set(extra or ()) - known)]
        return choices

    def _make_columns(self, years: list[int]) -> list[Column]:
        columns = [
            Column("text", "name", self.tr("名称")),
            Column("text", "unit", self.tr("单位")),
            Column("better", "better", self.tr("方向")),
            Column("item", "item", self.tr("所属评分项")),
        ]
        columns += [
            Column("year", str(y), self.tr("%1 年").replace("%1", str(y)), y) for y in years
        ]
        columns += [
            Column("number", "target", self.tr("目标")),
            Column("number", "competitor", self.tr("竞争对手")),
            Column("text", "competitor_source", self.tr("竞争对手来源")),
            Column("number", "benchmark", self.tr("标杆")),
            Column("text", "benchmark_source", self.tr("标杆来源")),
        ]
        return columns

    def set_up_columns(self, years: list[int], extra_items: list[str]) -> None:
        """Columns for ``years``; the item list also offers ``extra_items`` (unknown ids kept)."""
        self.columns = self._make_columns(years)
        self.setColumnCount(len(self.columns))
        self.setHorizontalHeaderLabels([c.label for c in self.columns])
        self.item_delegate.choices = self._item_choices(extra_items)
        names = {}
        for index, column in enumerate(self.columns):
            self.setItemDelegateForColumn(index, None)
            if column.kind == "better":
                self.setItemDelegateForColumn(index, self.better_delegate)
            elif column.kind == "item":
                self.setItemDelegateForColumn(index, self.item_delegate)
            names[index] = column.label
        self.text_delegate.names = names

    def column_of(self, kind: str, key: str) -> int:
        """The index of the column ``kind``/``key`` (e.g. ``year``/``2024``, ``text``/``name``)."""
        for index, column in enumerate(self.columns):
            if column.kind == kind and column.key == key:
                return index
        raise KeyError(f"{kind}:{key}")

    def set_editable(self, editable: bool) -> None:
        """Cells and choice lists editable, or only shown (a read-only document)."""
        self.setEditTriggers(
            edit_triggers() if editable else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for row in range(self.rowCount()):
            for kind in ("better", "item"):
                index = self.model().index(row, self.column_of(kind, kind))
                editor = self.indexWidget(index)
                if editor is not None:
                    editor.setEnabled(editable)

    def fit_columns(self) -> None:
        """Widths from the contents, within sensible bounds measured in characters."""
        self.resizeColumnsToContents()
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("中")
        for index, column in enumerate(self.columns):
            low, high = COLUMN_EMS.get(column.key, COLUMN_EMS.get(column.kind, (5, 12)))
            if column.kind in ("better", "item"):
                delegate = self.better_delegate if column.kind == "better" else self.item_delegate
                widest = max(metrics.horizontalAdvance(label) for _, label in delegate.choices)
                low = max(low, (widest + 3 * em) / em)
            width = min(max(self.columnWidth(index), round(low * em)), round(high * em))
            self.setColumnWidth(index, width)

    # -- rows --

    def indicator_id(self, row: int) -> str:
        """The id of the indicator in ``row`` (kept from the document, or ``kpi-<n>``)."""
        item = self.item(row, 0)
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def key(self, row: int, kind: str) -> str:
        """The key chosen in ``row``'s ``better`` or ``item`` column ("" when none)."""
        item = self.item(row, self.column_of(kind, kind))
        return str(item.data(KEY_ROLE) or "") if item is not None else ""

    def cell_text(self, row: int, column: int) -> str:
        """The text of a cell as typed ("" for an empty cell)."""
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def append_row(self, indicator: Indicator) -> int:
        """Add a row showing ``indicator``; its index."""
        row = self.rowCount()
        self.insertRow(row)
        for index, column in enumerate(self.columns):
            self.setItem(row, index, self._cell(column, indicator))
        self.item(row, 0).setData(KEY_ROLE, indicator.id)
        for kind in ("better", "item"):
            self.openPersistentEditor(self.item(row, self.column_of(kind, kind)))
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
        value in ``fallback`` (the document's); ``typed`` overrides one cell (column, text).
        """
        indicator_id = self.indicator_id(row)
        before = (fallback or {}).get(indicator_id)
        values: dict[int, float] = {}
        numbers: dict[str, float | None] = {}
        texts: dict[str, str] = {}
        for index, column in enumerate(self.columns):
            text = typed[1] if typed and typed[0] == index else self.cell_text(row, index)
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
                texts[column.key] = self.key(row, column.kind)
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
