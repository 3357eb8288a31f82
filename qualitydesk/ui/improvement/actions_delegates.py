"""The editors of the action list's cells: a combo box for a choice, a date editor for 计划完成.

A choice (状态, 来源, 条目) is edited in a combo box holding each stored value with its word; a
pick from its open list is written at once, and keys (↑ ↓, Enter) work as in any combo box. The
wheel never changes one the user has not clicked: the application's input guard
(:mod:`qualitydesk.ui.inputguard`) covers these editors as every combo box and date editor.

计划完成 is edited in a date editor with a calendar. An action without a date starts at today's
date, but only a date the user changed is written: opening the editor and leaving it keeps 未定.
Delete on the cell clears the date (the view does that).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
ISO = "yyyy-MM-dd"
SHOWN = "qualitydeskShown"  # a property of the date editor: the date it started with


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell by choosing from ``choices()``: (stored value, word shown) pairs."""

    def __init__(self, choices: Callable[[], list[tuple[str, str]]], parent: QWidget) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A combo box with every choice; a pick from its list is written at once."""
        del option, index
        combo = QComboBox(parent)
        for value, shown in self.choices():
            combo.addItem(shown, value)
        combo.activated.connect(lambda _n: self._picked(combo))
        return combo

    def _picked(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Choose the cell's stored value."""
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Write the chosen value."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """Edits 计划完成 (an ISO date, or "" for none) with a date editor and its calendar."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A date editor (yyyy-MM-dd) with a calendar to pick from."""
        del option, index
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(ISO)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """The cell's date, or today's for an action without one."""
        assert isinstance(editor, QDateEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        day = QDate.fromString(text, ISO) if text else QDate.currentDate()
        editor.setDate(day if day.isValid() else QDate.currentDate())
        editor.setProperty(SHOWN, editor.date().toString(ISO))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Write the date, when the user changed it (or the cell had one)."""
        assert isinstance(editor, QDateEdit)
        chosen = editor.date().toString(ISO)
        if chosen != editor.property(SHOWN) or index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, chosen, Qt.ItemDataRole.EditRole)
