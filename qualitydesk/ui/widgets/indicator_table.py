"""The cells of the 关键绩效数据 table: numbers as typed and read back, and the cell editors.

:func:`parse_number` reads what is typed in a number cell (:class:`NumberError` when it is not a
number) and :func:`number_text` writes a stored number back; :class:`ChoiceDelegate` edits a
column of fixed choices with a combo box, :class:`TextDelegate` the text and number cells,
reporting every keystroke so the chart can follow the typing. (The wheel over an unfocused combo box
scrolls the table: :mod:`qualitydesk.ui.inputguard` sees to that for every input.)
"""

from __future__ import annotations

import math
import unicodedata

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

KEY_ROLE = Qt.ItemDataRole.UserRole  # the indicator id (name column) or the choice key
ModelIndex = QModelIndex | QPersistentModelIndex


class NumberError(ValueError):
    """Text in a number cell that is not a number."""


def parse_number(text: str) -> float | None:
    """The number typed in a cell (full-width digits, thousands separators, a trailing %
    allowed); None when empty; NumberError when it is not a number.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    cleaned = cleaned.removesuffix("%").strip()
    if not cleaned:
        return None
    if "_" in cleaned:
        raise NumberError(text)
    try:
        value = float(cleaned)
    except ValueError:
        raise NumberError(text) from None
    if not math.isfinite(value):
        raise NumberError(text)
    return value


def number_text(value: float | None) -> str:
    """A stored number as it goes into a cell (no thousands separators, no trailing .0)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for a column of fixed choices (key, label); commits on every change."""

    def __init__(self, choices: list[tuple[str, str]], name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.choices = choices
        self.name = name

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        """A combo box of the labels, named for screen readers, that commits at every change."""
        del option, index
        combo = QComboBox(parent)
        combo.setAccessibleName(self.name)
        for key, label in self.choices:
            combo.addItem(label, key)
        combo.currentIndexChanged.connect(lambda _=0, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        """Select the cell's key (the first choice if it is not one), without committing."""
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(KEY_ROLE))
        blocked = editor.blockSignals(True)
        editor.setCurrentIndex(max(position, 0))
        editor.blockSignals(blocked)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """Put the chosen label and key in the cell, unless the key is the same."""
        assert isinstance(editor, QComboBox)
        if index.data(KEY_ROLE) == editor.currentData():
            return
        model.setItemData(
            index,
            {Qt.ItemDataRole.DisplayRole: editor.currentText(), KEY_ROLE: editor.currentData()},
        )


class TextDelegate(QStyledItemDelegate):
    """A line edit editor that names itself after its column and reports every keystroke."""

    edited = Signal(int, int, str)  # row, column, text as typed so far

    def __init__(self, names: dict[int, str], parent: QWidget) -> None:
        super().__init__(parent)
        self.names = names
        self.max_length: int | None = None  # characters of a cell; None: Qt's own bound

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        """A frameless line named after its column that emits ``edited`` at every keystroke."""
        del option
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if self.max_length is not None:  # a longer value from an older file is shown whole
            editor.setMaxLength(max(self.max_length, len(str(index.data() or ""))))
        editor.setAccessibleName(self.names.get(index.column(), ""))
        row, column = index.row(), index.column()
        editor.textEdited.connect(lambda text: self.edited.emit(row, column, text))
        return editor
