"""申请表: the organisation's data as grouped fields and editable tables, checked as it is typed.

Every field of ``forms/application-form.toml`` gets one widget by its type; a field with a
validator is checked when editing finishes: a wrong value is marked (red border, a message under
it, the message in its accessible description) and kept as typed, a right one is normalised in
place (full-width digits made half-width, dates as ISO). The tables (3-year financials,
certifications, licences, honours, products) are edited in ``QTableWidget``s with the same checks
per cell.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import FieldSpec, TableSpec
from qualitydesk.domain.validators import Check, normalize, validate
from qualitydesk.store.document import Document
from qualitydesk.store.records import FieldValue
from qualitydesk.ui.pages.base import Issue, Page, PageContext

ERROR_COLOUR = "#b3261e"
ERROR_BACKGROUND = "#fdecea"
HINT_COLOUR = "#5f6368"
STYLE_SHEET = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 2px solid {ERROR_COLOUR}; }}
QLabel[role="error"] {{ color: {ERROR_COLOUR}; }}
QLabel[role="warning"] {{ color: #8a5a00; }}
QLabel[role="hint"] {{ color: {HINT_COLOUR}; }}
"""
# Mnemonics for the fields a user most often jumps to (unique on the page).
MNEMONICS = {
    "org_name": "N",
    "uscc": "U",
    "legal_representative": "L",
    "registered_address": "A",
    "established_on": "D",
    "enterprise_type": "T",
    "industry": "I",
    "contact_name": "C",
    "contact_phone": "P",
    "contact_mobile": "M",
    "contact_email": "E",
    "employees_total": "G",
    "excellence_introduced_on": "X",
    "main_products": "R",
    "policy_compliant": "Y",
    "signatory": "S",
}
NUMERIC_TYPES = ("date", "year", "integer", "money", "percent")
OFFERED = Qt.ItemDataRole.UserRole + 1  # on a year cell: a row the page offered, not yet edited
EXTRA = Qt.ItemDataRole.UserRole + 2  # on a row's first cell: keys of the row not in the spec


def check_value(spec: FieldSpec, text: str) -> Check | None:
    """Check a non-empty ``text`` for ``spec``; None when the field has nothing to check."""
    if spec.validator:
        return validate(spec.validator, text)
    if spec.type in ("date", "money", "percent"):
        return validate(spec.type, text)
    value = normalize(text)
    if spec.type == "integer":
        value = value.replace(",", "")
        if re.fullmatch(r"\d+", value):
            return Check(True, str(int(value)))
        return Check(
            False, value, QCoreApplication.translate("FormPage", "应为不带小数的整数，例如 1280")
        )
    if spec.type == "year":
        value = value.removesuffix("年").strip()
        if re.fullmatch(r"(19|20)\d\d", value):
            return Check(True, value)
        return Check(
            False, value, QCoreApplication.translate("FormPage", "年度应为四位年份，例如 2024")
        )
    return None


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _label_html(text: str, required: bool, mnemonic: str | None = None) -> str:
    """A label as rich text: the name, its mnemonic and a red * when the field is required."""
    # The mnemonic's "&" stays raw: QLabel reads the shortcut from the unparsed text.
    body = html.escape(text, quote=False) + (f"(&{mnemonic})" if mnemonic else "")
    star = f' <span style="color:{ERROR_COLOUR}">*</span>' if required else ""
    return body + star


# --- one field ----------------------------------------------------------------------------------


class FieldEditor(QObject):
    """The input for one field of the 申请表, with its unit, error line and help line."""

    edited = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.check: Check | None = None
        self.label = QLabel(_label_html(spec.label, spec.required, MNEMONICS.get(spec.id)))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.input = self._make_input()
        self.input.setObjectName(f"field_{spec.id}")
        name = spec.label + (self.tr("（必填）") if spec.required else "")
        self.input.setAccessibleName(name)
        self.input.setAccessibleDescription(spec.help)
        self.input.setToolTip(spec.help)
        self.label.setBuddy(self.input)
        self.label.setToolTip(spec.help)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(spec.help)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.box = self._make_box()

    def _make_input(self) -> QWidget:
        spec = self.spec
        if spec.type == "bool":
            box = QCheckBox(self.tr("是"))
            box.toggled.connect(self.edited)
            return box
        if spec.type == "choice":
            combo = QComboBox()
            combo.addItems(["", *spec.choices])
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self.edited)
            return combo
        if spec.type == "multiline":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            lines = QFontMetrics(edit.font()).lineSpacing()
            edit.setFixedHeight(int(lines * 4.6) + 2 * edit.frameWidth() + 8)
            edit.textChanged.connect(self.edited)
            return edit
        line = QLineEdit()
        if spec.type == "date":
            line.setPlaceholderText(self.tr("例如 2016-12-01"))
        if spec.type in NUMERIC_TYPES:
            line.setMaximumWidth(QFontMetrics(line.font()).horizontalAdvance("0") * 24)
        line.textEdited.connect(self._text_edited)
        line.editingFinished.connect(self.finish_editing)
        return line

    def _make_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        fixed = self.spec.type in (*NUMERIC_TYPES, "bool", "choice")
        row.addWidget(self.input, 0 if fixed else 1)
        if self.spec.unit:
            unit = QLabel(self.spec.unit)
            unit.setAccessibleName(self.tr("单位"))
            row.addWidget(unit)
        if fixed:
            row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.message)
        column.addWidget(self.hint)
        return box

    # -- values --

    def text(self) -> str:
        widget = self.input
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        return ""

    def value(self) -> FieldValue:
        if isinstance(self.input, QCheckBox):
            return self.input.isChecked()
        return self.text()

    def filled(self) -> bool:
        return self.value() not in ("", False)

    def set_value(self, value: FieldValue) -> None:
        """Show ``value`` without emitting ``edited``."""
        widget = self.input
        blocked = widget.blockSignals(True)
        try:
            if isinstance(widget, QCheckBox):
                widget.setChecked(value is True or str(value).lower() in ("true", "1", "是"))
            elif isinstance(widget, QComboBox):
                text = "" if value is None else str(value)
                if widget.findText(text) < 0:
                    widget.addItem(text)  # a value from elsewhere is kept, not lost
                widget.setCurrentIndex(widget.findText(text))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText("" if value is None else str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
        finally:
            widget.blockSignals(blocked)
        self.revalidate(normalise=False)

    # -- checking --

    def current_check(self) -> Check | None:
        """The check of what the widget holds now (None: empty or nothing to check)."""
        if not isinstance(self.input, QLineEdit):
            return None
        text = self.text()
        return check_value(self.spec, text) if text else None

    def _text_edited(self) -> None:
        self.edited.emit()
        if self.check is not None and not self.check.ok:
            found = self.current_check()
            if found is None or found.ok:
                self._show(None)  # corrected: clear the mark at once, normalise when finished

    def finish_editing(self) -> None:
        """Check the value; normalise it in place when it is right."""
        before = self.text()
        self.revalidate(normalise=True)
        if self.text() != before:
            self.edited.emit()

    def revalidate(self, normalise: bool) -> None:
        found = self.current_check()
        line = self.input if isinstance(self.input, QLineEdit) else None
        if normalise and line and found is not None and found.ok and found.value != line.text():
            line.setText(found.value)
        self._show(found)

    def _show(self, found: Check | None) -> None:
        self.check = found
        invalid = found is not None and not found.ok
        warning = found is not None and found.ok and bool(found.warning)
        self.input.setProperty("invalid", invalid)
        _repolish(self.input)
        if invalid:
            assert found is not None
            self.message.setText(found.message)
            self.message.setProperty("role", "error")
            self.input.setAccessibleDescription(self.tr("有误：") + found.message)
        elif warning:
            assert found is not None
            self.message.setText(found.warning)
            self.message.setProperty("role", "warning")
            self.input.setAccessibleDescription(self.tr("请核对：") + found.warning)
        else:
            self.input.setAccessibleDescription(self.spec.help)
        _repolish(self.message)
        self.message.setVisible(invalid or warning)

    def issues(self) -> list[Issue]:
        spec = self.spec
        if not self.filled():
            if not spec.required:
                return []
            text = self.tr("尚未勾选：{label}") if spec.type == "bool" else self.tr("未填写{label}")
            return [Issue(text.format(label=spec.label), "missing", "form", spec.id)]
        found = self.current_check()
        if found is not None and not found.ok:
            return [Issue(f"{spec.label}：{found.message}", "error", "form", spec.id)]
        if found is not None and found.warning:
            return [Issue(f"{spec.label}：{found.warning}", "warning", "form", spec.id)]
        return []


# --- tables ------------------------------------------------------------------------------------


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a choice column with a combo box of its choices (and an empty entry)."""

    def __init__(self, choices: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = ["", *choices]

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
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
        assert isinstance(editor, QComboBox)
        text = str(index.data() or "")
        if editor.findText(text) < 0:
            editor.addItem(text)
        editor.setCurrentIndex(editor.findText(text))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class TableEditor(QGroupBox):
    """One table of the 申请表: rows of cells checked by their column, add and remove rows."""

    edited = Signal()

    def __init__(self, spec: TableSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec.name, parent)
        self.spec = spec
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
        help_label.setProperty("role", "hint")
        self.table_label = QLabel(self.tr("表格（用方向键移动，F2 或直接输入编辑）"))
        self.table_label.setBuddy(self.table)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setProperty("role", "error")
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
                item.setForeground(QColor(HINT_COLOUR))
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
            item.setBackground(QColor(ERROR_BACKGROUND))
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
        _repolish(self.problems)

    def issues(self) -> list[Issue]:
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


# --- the page ----------------------------------------------------------------------------------


class FormPage(Page):
    """The 申请表 step: grouped fields and the tables, inside one scroll area."""

    key = "form"
    title = "申请表"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setStyleSheet(STYLE_SHEET)
        self._loading = False
        self.editors: dict[str, FieldEditor] = {}
        self.tables: dict[str, TableEditor] = {}
        self.application_year = date.today().year

        content = QWidget()
        column = QVBoxLayout(content)
        intro = QLabel(
            self.tr(
                "按营业执照、审计报告和证书如实填写。带 * 的为必填项；"
                "填写有误的项会标红并说明原因，内容随时自动保存。"
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        for group in context.forms.form.groups:
            column.addWidget(self._group_box(group.name, group.fields))
        for spec in context.forms.form.tables:
            editor = TableEditor(spec)
            editor.edited.connect(self._edited)
            self.tables[spec.id] = editor
            column.addWidget(editor)
        column.addStretch(1)
        # One label column for all groups, so the inputs line up from group to group.
        width = max(editor.label.sizeHint().width() for editor in self.editors.values())
        for editor in self.editors.values():
            editor.label.setMinimumWidth(width)
            editor.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def _group_box(self, name: str, fields: Sequence[FieldSpec]) -> QGroupBox:
        box = QGroupBox(name)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for spec in fields:
            editor = FieldEditor(spec, self)
            editor.edited.connect(self._edited)
            self.editors[spec.id] = editor
            form.addRow(editor.label, editor.box)
        return box

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    # -- the page contract --

    def load(self, doc: Document) -> None:
        self._loading = True
        try:
            self.application_year = doc.application_date.year
            for field_id, editor in self.editors.items():
                editor.set_value(doc.field(field_id))
            offered = [self.application_year - n for n in (3, 2, 1)]
            for table_id, editor in self.tables.items():
                editor.load(doc.rows(table_id), offered)
        finally:
            self._loading = False

    def save(self, doc: Document) -> None:
        for field_id, editor in self.editors.items():
            value = editor.value()
            if not _same(doc.field(field_id), value):
                doc.set_field(field_id, value)
        for table_id, editor in self.tables.items():
            rows = editor.rows()
            if rows != doc.rows(table_id):
                doc.set_rows(table_id, rows)

    def issues(self) -> list[Issue]:
        found = [issue for editor in self.editors.values() for issue in editor.issues()]
        found += [issue for editor in self.tables.values() for issue in editor.issues()]
        return found

    def started(self) -> bool:
        return any(e.filled() for e in self.editors.values()) or any(
            t.started() for t in self.tables.values()
        )

    def focus_anchor(self, anchor: str) -> None:
        """Focus a field (``uscc``), a table (``table:financials``) or a cell as the readiness
        check names it (``financials[0].revenue``)."""
        cell = re.fullmatch(r"(\w+)\[(\d+)\]\.(\w+)", anchor)
        table_id = cell.group(1) if cell else anchor.removeprefix("table:")
        if cell or anchor.startswith("table:"):
            editor = self.tables.get(table_id)
            if editor is not None:
                self.scroll.ensureWidgetVisible(editor, 0, 0)
                self.scroll.ensureWidgetVisible(editor.table, 0, 40)
                editor.focus(int(cell.group(2)) if cell else None, cell.group(3) if cell else "")
            return
        field = self.editors.get(anchor)
        if field is not None:
            self.scroll.ensureWidgetVisible(field.box, 0, 60)
            field.input.setFocus(Qt.FocusReason.OtherFocusReason)


def _same(stored: FieldValue, value: FieldValue) -> bool:
    """Whether saving ``value`` would change nothing (None, "" and an unticked box are alike)."""
    if isinstance(value, bool):
        return bool(stored is True) == value and (stored is not None or not value)
    return ("" if stored is None else str(stored)) == value
