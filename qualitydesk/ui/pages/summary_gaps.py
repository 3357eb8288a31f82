"""提分空间 on the 评分汇总 page: the items ranked by the points a higher band would add.

Each row is one item: its points, its share now, the start of the next band and the gain. The
list is as tall as its rows (the page scrolls, not the list); activating a row (double click or
Enter) names the item, for the page to open its score panel.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers, scoring

ITEM_ROLE = Qt.ItemDataRole.UserRole


class GapList(QGroupBox):
    """The 提分空间 group: a hint and the table of gaps; ``item_chosen(id)`` on activation."""

    item_chosen = Signal(str)  # the id of the item of the row activated

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("提分空间"))
        hint = QLabel(
            self.tr(
                "各评分项升到上一评分档起点可增加的分值，按分值从高到低排列。"
                "双击某一行或选中后按回车，即可转到该评分项的自评打分。"
            )
        )
        hint.setWordWrap(True)
        label = QLabel(self.tr("提分清单(&G)"))
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("提分清单"))
        label.setBuddy(self.table)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("评分项"),
                self.tr("分值"),
                self.tr("当前得分率"),
                self.tr("上一档起点"),
                self.tr("可增加"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for index in range(1, 5):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._open_gap)
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addWidget(label)
        box.addWidget(self.table)

    def show_gaps(self, gaps: list[scoring.Gap]) -> None:
        """Show ``gaps`` in their order, the first row current."""
        table = self.table
        table.setRowCount(len(gaps))
        for row, gap in enumerate(gaps):
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

    def select_item(self, item_id: str) -> None:
        """Select the row of ``item_id`` (else the first row) and focus the table."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ITEM_ROLE) == item_id:
                self.table.selectRow(row)
                break
        else:
            if self.table.rowCount():
                self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_gap_table(self) -> None:
        """Tall enough for every row: the page scrolls, not the list."""
        table = self.table
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
            self.item_chosen.emit(item_id)
