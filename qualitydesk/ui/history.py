"""历史版本: every saved version of fields, narratives, scores …, compared with now, and restoring one.

Versions are listed by what they are of in the user's words (组织名称, 4.1.2 组织治理, 第十一条（六）);
the selected one is shown side by side with the current value, changes highlighted, before the
user decides to restore it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.store.document import Document
from qualitydesk.store.records import Revision
from qualitydesk.ui import screen
from qualitydesk.ui.pages.base import PageContext
from qualitydesk.ui.revisions import RevisionWords
from qualitydesk.ui.widgets.textdiff import Difference, Wording, side_by_side

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
    """Lists the versions newest first; 恢复此版本 makes the selected one current.

    With ``context`` (the open application's programme) versions are named in the user's words;
    without it, by their stored keys.
    """

    restore_requested = Signal(int)

    def __init__(
        self,
        doc: Document,
        parent: QWidget | None = None,
        *,
        context: PageContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("历史版本"))
        self.doc = doc
        self.words = (
            RevisionWords(context.forms, context.award, context.framework) if context else None
        )
        self.revisions: list[Revision] = doc.history()
        self.difference: Difference | None = None
        self.table = self._make_table()
        self.comparison = QTextBrowser()
        self.comparison.setOpenLinks(False)
        self.comparison.setAccessibleName(self.tr("选中版本与当前内容的对比"))
        label = QLabel(self.tr("选中版本与当前内容对比(&C)："))
        label.setBuddy(self.comparison)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
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
        lower_column.addWidget(self.comparison, 1)
        lower_column.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        if self.revisions:
            self.table.selectRow(0)
        else:
            self.comparison.setPlainText(self.tr("还没有保存过的历史版本。"))
        screen.fit_to_screen(self, screen.available_geometry(self), screen.HISTORY)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(len(self.revisions), 3)
        table.setAccessibleName(self.tr("历史版本列表"))
        table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("内容"), self.tr("项目")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, revision in enumerate(self.revisions):
            cells = (
                revision.at.replace("T", " ")[:19],
                self.tr(KIND_LABELS.get(revision.kind, revision.kind)),
                self.subject(revision),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                table.setItem(row, column, cell)
        return table

    def subject(self, revision: Revision) -> str:
        """What the version is of, in the user's words (4.1.2 组织治理)."""
        return self.words.subject(revision.kind, revision.key) if self.words else revision.key

    def _text(self, revision: Revision, value: object) -> str:
        if self.words is not None:
            return self.words.text(revision.kind, revision.key, value)
        return "" if value is None else str(value)

    def _current(self) -> Revision | None:
        rows = self.table.selectionModel().selectedRows()
        return self.revisions[rows[0].row()] if rows else None

    def _selected(self) -> None:
        revision = self._current()
        self.restore_button.setEnabled(False)
        if revision is None:
            self.comparison.clear()
            self.summary.clear()
            return
        now = (
            self.words.current(self.doc, revision.kind, revision.key)
            if self.words
            else revision.value
        )
        wording = Wording(
            old_title=self.tr("选中的版本（%1）").replace("%1", revision.at.replace("T", " ")[:16]),
            new_title=self.tr("当前内容"),
            folded=self.tr("%1 行未改动"),
            same=self.tr("选中的版本与当前内容相同。"),
        )
        self.difference = side_by_side(
            self._text(revision, revision.value), self._text(revision, now), wording
        )
        self.comparison.setHtml(self.difference.html)
        changes = self.difference.changes
        self.summary.setText(
            self.tr("共 %1 处不同；恢复后，当前内容仍留在历史版本中。").replace("%1", str(changes))
            if changes
            else self.tr("与当前内容相同，无需恢复。")
        )
        self.restore_button.setEnabled(bool(changes) and not self.doc.read_only)

    def _restore(self) -> None:
        revision = self._current()
        if revision is not None:
            self.restore_requested.emit(revision.id)
            self.accept()
