"""One table of the 申请表, edited in a ``QTableWidget``: rows added and removed, cells checked.

Each cell is checked by its column with :func:`~qualitydesk.ui.widgets.field_editor.check_value`,
as the fields are; :class:`ChoiceDelegate` edits a column of choices, :class:`LengthDelegate`
the others, in a line that holds at most a cell's maximum (forms/limits.toml).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import TableSpec
from qualitydesk.domain.validators import Check
from qualitydesk.store.records import FieldValue
from qualitydesk.ui import theme
from qualitydesk.ui.widgets.field_editor import check_value
from qualitydesk.ui.widgets.issue import Issue

OFFERED = Qt.ItemDataRole.UserRole + 1  # on a year cell: a row the page offered, not yet edited
EXTRA = Qt.ItemDataRole.UserRole + 2  # on a row's first cell: keys of the row not in the spec


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a choice column with a combo box of its choices (and an empty entry)."""

    def __init__(self, choices: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = ["", *choices]

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        """A combo box of the choices; picking one commits it and closes the editor."""
        del option, index
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        combo.setAccessibleName(self.tr("选择"))
        combo.activated.connect(lambda _: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        """Select the cell's value, added to the choices if it is not one (kept, never lost)."""
        assert isinstance(editor, QComboBox)
        text = str(index.data() or "")
        if editor.findText(text) < 0:
            editor.addItem(text)
        editor.setCurrentIndex(editor.findText(text))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        """Put the chosen text in the cell."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class LengthDelegate(QStyledItemDelegate):
    """Edits a cell in a line of at most ``max_length`` characters; a longer value already in
    the cell (from an older file) is shown whole, never cut.
    """

    def __init__(self, max_length: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_length = max_length

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        """The usual line, holding at most ``max_length`` characters or the cell's whole value."""
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(max(self.max_length, len(str(index.data() or ""))))
        return editor


class TableEditor(QGroupBox):
    """One table of the 申请表: rows of cells checked by their column, add and remove rows."""

    edited = Signal()

    def __init__(
        self, spec: TableSpec, parent: QWidget | None = None, *, max_length: int | None = None
    ) -> None:
        super().__init__(spec.name, parent)
        self.spec = spec
        self.max_length = max_length  # of a cell, in characters; None: Qt's own bound
        self._loading = False
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setObjectName(f"table_{spec.id}")
        self.table.setAccessibleName(spec.name)
        self.table.setAccessibleDescription(spec.help)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setWordWrap(True)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._set_up_columns()
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.horizontalHeader().sectionResized.connect(self._fit_rows)

        help_label = QLabel(spec.help)
        help_label.setWordWrap(True)
        theme.colour_text(help_label, theme.MUTED)
        self.table_label = QLabel(self.tr("表格（用方向键移动，F2 或直接输入编辑）"))
        self.table_label.setBuddy(self.table)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        theme.colour_text(self.problems, theme.ERROR)
        self.problems.setVisible(False)
        self.add_button = QPushButton(self.tr("添加一行"))
        self.add_button.setAccessibleName(self.tr("{table}：添加一行").format(table=spec.name))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("删除所选行"))
        self.remove_button.setAccessibleName(self.tr("{table}：删除所选行").format(table=spec.name))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected_rows)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def _set_up_columns(self) -> None:
        header = self.table.horizontalHeader()
        for col, column in enumerate(self.spec.columns):
            title = column.label + ("*" if column.required else "")
            if column.unit:
                title += f"\n（{column.unit}）"
            item = QTableWidgetItem(title)
            item.setToolTip(column.help)
            self.table.setHorizontalHeaderItem(col, item)
            if column.type == "choice":
                self.table.setItemDelegateForColumn(col, ChoiceDelegate(column.choices, self))
            elif self.max_length is not None:
                self.table.setItemDelegateForColumn(col, LengthDelegate(self.max_length, self))
            wide = column.type in ("text", "multiline")
            mode = QHeaderView.ResizeMode.Stretch if wide else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(col, mode)
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # -- loading and reading rows --

    def load(self, rows: Sequence[dict[str, FieldValue]], offered_years: Sequence[int]) -> None:
        """Show ``rows``; when there are none and the table is by year, offer ``offered_years``."""
        self._loading = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._append(row)
            if not rows and self.spec.by_year:
                for year in offered_years:
                    self._append({"year": str(year)}, offered=True)
            self._check_all()
        finally:
            self._loading = False
        self._fit_columns()

    def _append(self, row: dict[str, FieldValue], offered: bool = False) -> int:
        index = self.table.rowCount()
        self.table.insertRow(index)
        known = {c.id for c in self.spec.columns}
        for col, column in enumerate(self.spec.columns):
            value = row.get(column.id)
            item = QTableWidgetItem("" if value is None else str(value))
            if offered and column.id == "year":
                item.setData(OFFERED, True)
                item.setForeground(theme.MUTED.color(self.palette()))
                item.setToolTip(self.tr("建议填写的年度，编辑本行后才会保存"))
            self.table.setItem(index, col, item)
        extra = {k: v for k, v in row.items() if k not in known}
        if extra:
            self.table.item(index, 0).setData(EXTRA, extra)
        return index

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def _offered(self, row: int) -> bool:
        return any(
            (item := self.table.item(row, col)) is not None and bool(item.data(OFFERED))
            for col in range(self.table.columnCount())
        )

    def _row_filled(self, row: int) -> bool:
        """Whether the user has put anything in the row (an offered year alone does not count)."""
        if self._offered(row):
            return False
        return any(self._cell(row, col) for col in range(self.table.columnCount()))

    def rows(self) -> list[dict[str, FieldValue]]:
        """The rows to save: column id → text, completely empty and untouched offered rows left out."""
        found: list[dict[str, FieldValue]] = []
        for row in range(self.table.rowCount()):
            if not self._row_filled(row):
                continue
            first = self.table.item(row, 0)
            values: dict[str, FieldValue] = dict(first.data(EXTRA) or {}) if first else {}
            for col, column in enumerate(self.spec.columns):
                values[column.id] = self._cell(row, col)
            found.append(values)
        return found

    def started(self) -> bool:
        """Whether the user has put anything in a row (an offered year alone does not count)."""
        return any(self._row_filled(row) for row in range(self.table.rowCount()))

    # -- editing --

    def add_row(self) -> None:
        """Append an empty row and put the cursor in its first cell."""
        index = self._append({})
        self._fit_rows()
        self.table.setCurrentCell(index, 0)
        self.table.setFocus()
        self.edited.emit()

    def remove_selected_rows(self) -> None:
        """Remove the rows with a selected cell and emit ``edited``."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows:
            return
        for row in rows:
            self.table.removeRow(row)
        self._update_problems()
        self.table.setFocus()
        self.edited.emit()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        self._loading = True  # marking a cell changes it again: do not come back here
        try:
            self._adopt_row(item.row())
            self._check_cell(item, normalise=True)
        finally:
            self._loading = False
        self._update_problems()
        self.table.resizeRowToContents(item.row())
        self.edited.emit()

    def _adopt_row(self, row: int) -> None:
        """The user edited an offered row: from now on it is theirs and will be saved."""
        for col in range(self.table.columnCount()):
            item = self.table.item(row, col)
            if item is not None and item.data(OFFERED):
                item.setData(OFFERED, None)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
                item.setToolTip(self.spec.columns[col].help)

    # -- checking --

    def _check_cell(self, item: QTableWidgetItem, normalise: bool) -> Check | None:
        column = self.spec.columns[item.column()]
        text = item.text().strip()
        found = check_value(column, text) if text else None
        if found is not None and found.ok and normalise and found.value != item.text():
            item.setText(found.value)
        invalid = found is not None and not found.ok
        if invalid:
            assert found is not None
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            item.setData(Qt.ItemDataRole.DecorationRole, icon)
            item.setBackground(theme.ERROR_BACKGROUND.color(self.palette()))
            item.setToolTip(found.message)
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("有误：") + found.message
            )
        else:
            item.setData(Qt.ItemDataRole.DecorationRole, None)
            item.setData(Qt.ItemDataRole.BackgroundRole, None)
            if not item.data(OFFERED):
                item.setToolTip(column.help)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, None)
        return found

    def _check_all(self) -> None:
        for row in range(self.table.rowCount()):
            for col in range(self.table.columnCount()):
                item = self.table.item(row, col)
                if item is not None:
                    self._check_cell(item, normalise=False)
        self._update_problems()

    def cell_problems(self) -> list[tuple[int, int, str]]:
        """(row, column, message) of every wrong cell."""
        found = []
        for row in range(self.table.rowCount()):
            for col, column in enumerate(self.spec.columns):
                text = self._cell(row, col)
                check = check_value(column, text) if text else None
                if check is not None and not check.ok:
                    found.append((row, col, check.message))
        return found

    def _update_problems(self) -> None:
        lines = [
            self.tr("第 {row} 行“{column}”：{message}").format(
                row=row + 1, column=self.spec.columns[col].label, message=message
            )
            for row, col, message in self.cell_problems()
        ]
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

    def issues(self) -> list[Issue]:
        """A wrong cell is an error, a required cell empty in a row the user filled is missing."""
        anchor = f"table:{self.spec.id}"
        found = [
            Issue(
                self.tr("{table}第 {row} 行{column}：{message}").format(
                    table=self.spec.name,
                    row=row + 1,
                    column=self.spec.columns[col].label,
                    message=message,
                ),
                "error",
                "form",
                anchor,
            )
            for row, col, message in self.cell_problems()
        ]
        for row in range(self.table.rowCount()):
            if not self._row_filled(row):
                continue
            for col, column in enumerate(self.spec.columns):
                if column.required and not self._cell(row, col):
                    text = self.tr("{table}第 {row} 行未填写{column}").format(
                        table=self.spec.name, row=row + 1, column=column.label
                    )
                    found.append(Issue(text, "missing", "form", anchor))
        return found

    def focus(self, row: int | None = None, column_id: str = "") -> None:
        """Focus the table: on the given cell, else on its first wrong cell if there is one."""
        problems = self.cell_problems()
        ids = [c.id for c in self.spec.columns]
        if row is not None and 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, ids.index(column_id) if column_id in ids else 0)
        elif problems:
            self.table.setCurrentCell(problems[0][0], problems[0][1])
        elif self.table.rowCount() and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- sizes --

    def _fit_columns(self) -> None:
        metrics = QFontMetrics(self.table.font())
        for col, column in enumerate(self.spec.columns):
            if column.type not in ("text", "multiline"):
                self.table.resizeColumnToContents(col)
                minimum = metrics.horizontalAdvance("0000-00-00") + 24
                self.table.setColumnWidth(col, max(self.table.columnWidth(col), minimum))
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()
