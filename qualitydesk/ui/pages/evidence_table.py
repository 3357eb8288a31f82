"""The table of the 证实性材料 page: one row per attachment — file, caption, type, size, links.

Only the caption can be edited in place (double click or F2); file names are shortened in the
middle so their extension stays visible, and the links column names the checklist entries,
items and clauses an attachment proves.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qualitydesk.domain.forms import Award
from qualitydesk.domain.numbers import file_size
from qualitydesk.store.records import Attachment, Link
from qualitydesk.ui.widgets.file_reader import fill_in

KEY_ROLE = Qt.ItemDataRole.UserRole
CAPTION_COLUMN = 1
LINKS_COLUMN = 4


class _ElideMiddle(QStyledItemDelegate):
    """Shortens text in the middle: “financial…ments.pdf”."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class AttachmentTable(QTableWidget):
    """The attachments as rows; ``delete_requested`` when the user presses Delete in it."""

    delete_requested = Signal()

    def __init__(self, award: Award, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.award = award
        self.setHorizontalHeaderLabels(
            [self.tr("文件名"), self.tr("说明"), self.tr("类型"), self.tr("大小"), self.tr("关联")]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAccessibleName(self.tr("证实性材料列表"))
        self.setWordWrap(False)
        self.setItemDelegateForColumn(0, _ElideMiddle(self))  # keeps file names' extensions
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CAPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        delete = QAction(self)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_requested)
        self.addAction(delete)

    def show_rows(self, rows: list[tuple[Attachment, str]], read_only: bool) -> None:
        """One row per (attachment, caption shown); captions editable unless ``read_only``."""
        self.setRowCount(len(rows))
        for row, (attachment, caption) in enumerate(rows):
            self.show_row(row, attachment, caption, read_only)
        self._size_columns()

    def show_row(self, row: int, attachment: Attachment, caption: str, read_only: bool) -> None:
        """Show ``attachment`` with ``caption`` in ``row``."""
        cells = (
            attachment.file_name,
            caption,
            self._type_text(attachment),
            file_size(attachment.size),
            self._links_text(attachment.links),
        )
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(KEY_ROLE, attachment.id)
            cell.setToolTip(text)
            if column != CAPTION_COLUMN or read_only:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, column, cell)

    def set_caption(self, row: int, text: str) -> None:
        """Show a caption edited elsewhere in ``row`` (not an edit of the cell)."""
        cell = self.item(row, CAPTION_COLUMN)
        with QSignalBlocker(self):
            cell.setText(text)
            cell.setToolTip(text)

    def selected_row(self) -> int | None:
        """The one row selected, if one is."""
        rows = {i.row() for i in self.selectedItems()}
        return rows.pop() if len(rows) == 1 else None

    def select(self, row: int) -> None:
        """Select ``row`` and scroll it into view."""
        self.selectRow(row)
        self.scrollToItem(self.item(row, 0))

    def _size_columns(self) -> None:
        """File names and links as wide as they need, within reason; captions take the rest."""
        em = self.fontMetrics().horizontalAdvance("中")
        for column, least, most in ((0, 7 * em, 11 * em), (LINKS_COLUMN, 6 * em, 9 * em)):
            self.resizeColumnToContents(column)
            width = self.columnWidth(column)
            self.setColumnWidth(column, min(max(width, least), most))

    def _links_text(self, links: Iterable[Link]) -> str:
        names = {s.id: s.name for s in self.award.attachments}
        names |= {r.id: r.citation for r in self.award.rules}
        groups: dict[str, list[str]] = {"checklist": [], "item": [], "rule": []}
        for link in links:
            groups.setdefault(link.kind, []).append(names.get(link.target, link.target))
        parts = ["、".join(dict.fromkeys(shown)) for shown in groups.values() if shown]
        return "；".join(parts) or self.tr("未关联")

    def _type_text(self, attachment: Attachment) -> str:
        media = attachment.media_type
        if media == "application/pdf":
            return self.tr("PDF 文档")
        if media.startswith("image/"):
            return fill_in(self.tr("%1 图片"), media.split("/", 1)[1].upper())
        suffix = Path(attachment.file_name).suffix.lstrip(".").upper()
        return fill_in(self.tr("%1 文件"), suffix) if suffix else self.tr("文件")
