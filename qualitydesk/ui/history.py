"""历史版本: every saved version of fields, narratives, scores … and restoring one."""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.store.document import Document
from qualitydesk.store.records import Revision

KIND_LABELS = {
    "field": QT_TRANSLATE_NOOP("HistoryDialog", "申请表字段"),
    "rows": QT_TRANSLATE_NOOP("HistoryDialog", "申请表表格"),
    "narrative": QT_TRANSLATE_NOOP("HistoryDialog", "自评报告"),
    "profile": QT_TRANSLATE_NOOP("HistoryDialog", "组织概述"),
    "score": QT_TRANSLATE_NOOP("HistoryDialog", "自评分"),
    "declaration": QT_TRANSLATE_NOOP("HistoryDialog", "资格声明"),
    "meta": QT_TRANSLATE_NOOP("HistoryDialog", "设置"),
}


class HistoryDialog(QDialog):
    """Lists the versions newest first; 恢复此版本 makes the selected one current."""

    restore_requested = Signal(int)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("历史版本"))
        self.revisions: list[Revision] = doc.history()
        self.table = QTableWidget(len(self.revisions), 3)
        self.table.setAccessibleName(self.tr("历史版本列表"))
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("内容"), self.tr("项目")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, revision in enumerate(self.revisions):
            cells = (
                revision.at.replace("T", " ")[:19],
                self.tr(KIND_LABELS.get(revision.kind, revision.kind)),
                revision.key,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("版本内容"))
        label = QLabel(self.tr("选中版本的内容(&C)："))
        label.setBuddy(self.preview)
        self.restore_button = QPushButton(self.tr("恢复此版本(&R)"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(label)
        lower_column.addWidget(self.preview)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        self.resize(900, 600)

    def _current(self) -> Revision | None:
        rows = self.table.selectionModel().selectedRows()
        return self.revisions[rows[0].row()] if rows else None

    def _selected(self) -> None:
        revision = self._current()
        self.restore_button.setEnabled(revision is not None)
        if revision is None:
            return
        value = revision.value
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)
        self.preview.setPlainText(text)

    def _restore(self) -> None:
        revision = self._current()
        if revision is not None:
            self.restore_requested.emit(revision.id)
            self.accept()
