"""证实性材料: the attachments stored in the application, their links, and the programme's checklist.

Files come in by drag and drop or the 添加文件 button. A background job reads them (large files
show progress and can be cancelled) and hands each one to the GUI thread as soon as it is read,
which stores it with ``doc.add_attachment`` — the document's SQLite connection is used by the GUI
thread only, so an autosave can never run inside a half-written attachment.

Attachments, their links and deletions are written to the file at once (the document API does
so); only caption edits wait for ``save(doc)`` like the other pages' text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import AttachmentSpec
from qualitydesk.domain.numbers import file_size
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Attachment, Link
from qualitydesk.ui.jobs import Job, start_job
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.checklist import ChecklistView
from qualitydesk.ui.widgets.file_reader import FileProblem, FileRead, fill_in, read_files
from qualitydesk.ui.widgets.link_editor import LinkEditor
from qualitydesk.ui.widgets.preview import AttachmentPreview

KEY_ROLE = Qt.ItemDataRole.UserRole
CAPTION_COLUMN = 1
LINKS_COLUMN = 4


def _spec_links(spec: AttachmentSpec) -> tuple[Link, ...]:
    """A checklist entry and the clauses it proves."""
    return (Link("checklist", spec.id), *(Link("rule", r) for r in spec.rules))


class _ElideMiddle(QStyledItemDelegate):
    """Shortens text in the middle: “financial…ments.pdf”."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class _Delivery(QObject):
    """Hands what the worker read to the GUI thread, in order, as it is read."""

    arrived = Signal(object)  # FileRead | FileProblem


@dataclass
class _Batch:
    """One round of adding files: where they go and what became of them."""

    doc: Document
    links: tuple[Link, ...]
    added: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --- the page ---------------------------------------------------------------------------------


class EvidencePage(Page):
    """证实性材料: attachments with preview, captions and links, and the checklist.

    ``attachments_added(ids)`` is emitted when a batch of added files has been dealt with
    (finished, cancelled or failed), with the ids of the attachments it stored.
    """

    key = "evidence"

    attachments_added = Signal(list)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._doc: Document | None = None
        self._attachments: list[Attachment] = []
        self._captions: dict[int, str] = {}  # caption edits not yet written
        self._job: Job | None = None
        self._batch: _Batch | None = None
        self._folder = ""
        self._shown = False
        # No parent: the worker may still emit on it while the page is being closed.
        self._delivery = _Delivery()
        self._delivery.arrived.connect(self._store, Qt.ConnectionType.QueuedConnection)
        self._build()
        self.setAcceptDrops(True)

    # -- building --

    def _build(self) -> None:
        self.hint = QLabel(self._hint_text())
        self.hint.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setChildrenCollapsible(False)
        self.columns.addWidget(self._build_left())
        self.columns.addWidget(self._build_right())
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.status_label)
        chain = [
            self.table,
            self.add_button,
            self.export_button,
            self.delete_button,
            self.checklist.tree,
            self.checklist.add_button,
            self.preview,
            self.preview.zoom_out_button,
            self.preview.zoom_in_button,
            self.preview.fit_width_button,
            self.preview.fit_page_button,
            self.preview.enlarge_button,
            self.preview.previous_button,
            self.preview.next_button,
            self.editor.caption,
            self.editor.tabs,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    def _hint_text(self) -> str:
        return self.tr(
            "把文件从文件管理器拖到本页，或点击“添加文件”，即可存入申报文件。"
            "选中一份材料可预览，并在右侧勾选它所证明的清单条目、评分条目和资格条款。"
        )

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setHorizontalHeaderLabels(
            [self.tr("文件名"), self.tr("说明"), self.tr("类型"), self.tr("大小"), self.tr("关联")]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.setAccessibleName(self.tr("证实性材料列表"))
        table.setWordWrap(False)
        table.setItemDelegateForColumn(0, _ElideMiddle(table))  # keeps file names' extensions
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CAPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.itemSelectionChanged.connect(self._show_selected)
        table.itemChanged.connect(self._cell_edited)
        delete = QAction(table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        table.addAction(delete)
        return table

    def _build_left(self) -> QWidget:
        self.table = self._build_table()
        table_label = QLabel(self.tr("已添加的材料(&M)"))
        table_label.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("添加文件(&A)…"))
        self.add_button.clicked.connect(self.choose_files)
        self.export_button = QPushButton(self.tr("另存为(&S)…"))
        self.export_button.setToolTip(self.tr("把选中的材料另存到一个文件夹"))
        self.export_button.clicked.connect(self.export_selected)
        self.delete_button = QPushButton(self.tr("删除(&D)"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.export_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        upper = QWidget()
        box = QVBoxLayout(upper)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(table_label)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.checklist = ChecklistView(self.context.award.attachments)
        self.checklist.entry_selected.connect(self._checklist_selected)
        self.checklist.add_requested.connect(self.choose_files_for_entry)
        self.checklist.tree.currentItemChanged.connect(self._update_buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(upper)
        split.addWidget(self.checklist)
        return split

    def _build_right(self) -> QWidget:
        self.preview = AttachmentPreview()
        preview_label = QLabel(self.tr("预览(&V)"))
        preview_label.setBuddy(self.preview)
        upper = QWidget()
        box = QVBoxLayout(upper)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(preview_label)
        box.addWidget(self.preview, 1)
        self.editor = LinkEditor(self.context)
        self.editor.caption_edited.connect(self._caption_edited)
        self.editor.links_edited.connect(self._links_edited)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(upper)
        self.right.addWidget(self.editor)
        return self.right

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # first show: share out the room the page got; then the user's say
            self._shown = True
            width, height = self.columns.width(), self.right.height()
            self.columns.setSizes([width // 2, width - width // 2])  # room to read a scan
            self.right.setSizes([height * 3 // 5, height * 2 // 5])

    # -- the page contract --

    def load(self, doc: Document) -> None:
        self._doc = doc
        self._captions.clear()
        self._attachments = doc.attachments()
        self._fill(select=self._attachments[0].id if self._attachments else None)
        self.setAcceptDrops(not doc.read_only)
        self.status_label.setText(doc.read_only_reason)

    def save(self, doc: Document) -> None:
        """Write the caption edits not written yet (everything else is written at once)."""
        if not self._captions:
            return
        known = {a.id for a in doc.attachments()}
        for attachment_id, caption in list(self._captions.items()):
            if attachment_id in known:
                doc.update_attachment(attachment_id, caption=caption)
            del self._captions[attachment_id]
            row = self._row_of(attachment_id)
            if row >= 0:
                self._attachments[row] = replace(self._attachments[row], caption=caption)

    def issues(self) -> list[Issue]:
        linked = {
            link.target for a in self._attachments for link in a.links if link.kind == "checklist"
        }
        return [
            Issue(fill_in(self.tr("缺少证实性材料：%1"), spec.name), "missing", self.key, spec.id)
            for spec in self.context.award.attachments
            if spec.required and spec.id not in linked
        ]

    def started(self) -> bool:
        return bool(self._attachments)

    def focus_anchor(self, anchor: str) -> None:
        """Select a checklist entry (by its id) or an attachment (by its id as text)."""
        if self.checklist.select(anchor):
            self.checklist.tree.setFocus()
        elif anchor.isdigit():
            self.select_attachment(int(anchor))
            self.table.setFocus()

    # -- the table --

    def _fill(self, select: int | None = None) -> None:
        """Rebuild the table and checklist from ``self._attachments``; select ``select``."""
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            self.table.setRowCount(len(self._attachments))
            for row, attachment in enumerate(self._attachments):
                self._fill_row(row, attachment)
            self._size_columns()
            if select is not None:
                self.select_attachment(select)
        self.checklist.show_attachments(self._attachments)
        self._show_selected()

    def _size_columns(self) -> None:
        """File names and links as wide as they need, within reason; captions take the rest."""
        em = self.fontMetrics().horizontalAdvance("中")
        for column, least, most in ((0, 7 * em, 11 * em), (LINKS_COLUMN, 6 * em, 9 * em)):
            self.table.resizeColumnToContents(column)
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(max(width, least), most))

    def _fill_row(self, row: int, attachment: Attachment) -> None:
        cells = (
            attachment.file_name,
            self._captions.get(attachment.id, attachment.caption),
            self._type_text(attachment),
            file_size(attachment.size),
            self._links_text(attachment.links),
        )
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(KEY_ROLE, attachment.id)
            cell.setToolTip(text)
            if column != CAPTION_COLUMN or self._read_only():
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, cell)

    def _links_text(self, links: Iterable[Link]) -> str:
        names = {s.id: s.name for s in self.context.award.attachments}
        names |= {r.id: r.citation for r in self.context.award.rules}
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

    def _row_of(self, attachment_id: int) -> int:
        return next((r for r, a in enumerate(self._attachments) if a.id == attachment_id), -1)

    def _replace(self, attachment: Attachment) -> None:
        """Show a changed attachment in place, keeping the selection."""
        row = self._row_of(attachment.id)
        self._attachments[row] = attachment
        with QSignalBlocker(self.table):
            self._fill_row(row, attachment)
        self.checklist.show_attachments(self._attachments)

    # -- selection --

    def selected(self) -> Attachment | None:
        """The attachment selected in the table, if any."""
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self._attachments[row] if row < len(self._attachments) else None

    def select_attachment(self, attachment_id: int) -> None:
        row = self._row_of(attachment_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollToItem(self.table.item(row, 0))

    @Slot()
    def _show_selected(self) -> None:
        attachment = self.selected()
        caption = self._captions.get(attachment.id, attachment.caption) if attachment else ""
        self.editor.show_attachment(attachment, caption)
        self._show_preview(attachment)
        self._update_buttons()

    def _show_preview(self, attachment: Attachment | None) -> None:
        if attachment is None or self._doc is None:
            empty = self._doc is not None and not self._attachments
            self.preview.clear(
                self.tr("尚未添加材料：把文件拖到本页，或点击“添加文件”。") if empty else ""
            )
            return
        try:
            data = self._doc.attachment_data(attachment.id)
        except DocumentError as exc:
            self.preview.clear(str(exc))
            return
        self.preview.show_data(data, attachment.media_type)

    @Slot(str)
    def _checklist_selected(self, spec_id: str) -> None:
        for attachment in self._attachments:
            if Link("checklist", spec_id) in attachment.links:
                self.select_attachment(attachment.id)
                return

    @Slot()
    def _update_buttons(self) -> None:
        writable = not self._read_only()
        chosen = self.selected() is not None
        self.add_button.setEnabled(writable and self._job is None)
        self.checklist.add_button.setEnabled(
            writable and self._job is None and self.checklist.current() is not None
        )
        self.delete_button.setEnabled(writable and chosen)
        self.export_button.setEnabled(chosen)
        self.editor.setEnabled(writable and chosen)

    def _read_only(self) -> bool:
        return self._doc is None or self._doc.read_only

    # -- editing captions and links --

    @Slot(str)
    def _caption_edited(self, text: str) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        self._captions[attachment.id] = text
        cell = self.table.item(self._row_of(attachment.id), CAPTION_COLUMN)
        with QSignalBlocker(self.table):
            cell.setText(text)
            cell.setToolTip(text)
        self.changed.emit()

    @Slot(QTableWidgetItem)
    def _cell_edited(self, cell: QTableWidgetItem) -> None:
        if cell.column() != CAPTION_COLUMN:
            return
        attachment_id = int(cell.data(KEY_ROLE))
        self._captions[attachment_id] = cell.text()
        selected = self.selected()
        if selected is not None and selected.id == attachment_id:
            self.editor.set_caption(cell.text())
        self.changed.emit()

    @Slot()
    def _links_edited(self) -> None:
        attachment = self.selected()
        if attachment is None or self._doc is None:
            return
        links = self.editor.links(attachment)
        try:
            self._doc.update_attachment(attachment.id, links=links)
        except DocumentError as exc:
            self._warn(self.tr("无法修改关联"), str(exc))
            return
        self._replace(replace(attachment, links=links))
        self.changed.emit()

    # -- deleting and exporting --

    @Slot()
    def delete_selected(self) -> None:
        """Remove the selected attachment from the document, after asking."""
        attachment = self.selected()
        if attachment is None or self._doc is None or self._read_only():
            return
        question = fill_in(
            self.tr("确定要从申报文件中删除“%1”吗？删除后无法恢复。"), attachment.file_name
        )
        if not self.context.messages.question(self, self.tr("删除材料"), question):
            return
        try:
            self._doc.remove_attachment(attachment.id)
        except DocumentError as exc:
            self._warn(self.tr("无法删除"), str(exc))
            return
        self._captions.pop(attachment.id, None)
        row = self._row_of(attachment.id)
        self._attachments = self._doc.attachments()
        following = (
            self._attachments[min(row, len(self._attachments) - 1)] if self._attachments else None
        )
        self._fill(select=following.id if following else None)
        self.status_label.setText(fill_in(self.tr("已删除“%1”。"), attachment.file_name))
        self.changed.emit()

    @Slot()
    def export_selected(self) -> None:
        """Write the selected attachment into a folder the user chooses (另存为)."""
        attachment = self.selected()
        if attachment is None or self._doc is None:
            return
        folder = self.context.messages.folder(self, self.tr("另存到文件夹"), self._folder)
        if not folder:
            return
        self._folder = folder
        try:
            path = self._doc.export_attachment(attachment.id, folder)
        except DocumentError as exc:
            self._warn(self.tr("无法另存"), str(exc))
            return
        except OSError as exc:
            text = fill_in(self.tr("%1：无法写入（%2）"), folder, exc.strerror or exc)
            self._warn(self.tr("无法另存"), text)
            return
        self.status_label.setText(fill_in(self.tr("已另存为 %1"), path))

    # -- adding files --

    @Slot()
    def choose_files(self) -> None:
        """Ask for files (添加文件) and add them."""
        self._choose(())

    @Slot(str)
    def choose_files_for_entry(self, spec_id: str) -> None:
        """Ask for files and add them linked to checklist entry ``spec_id`` and its clauses."""
        spec = next((s for s in self.context.award.attachments if s.id == spec_id), None)
        if spec is not None:
            self._choose(_spec_links(spec))

    def _choose(self, links: tuple[Link, ...]) -> None:
        filters = self.tr(
            "常用材料 (*.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp "
            "*.doc *.docx *.xls *.xlsx *.ofd);;所有文件 (*)"
        )
        title = self.tr("添加证实性材料")
        paths = self.context.messages.open_files(self, title, self._folder, filters)
        if paths:
            self.add_files(paths, links=links)

    def add_files(self, paths: list[str], *, links: tuple[Link, ...] = ()) -> Job | None:
        """Read ``paths`` in the background and store each in the document as it arrives.

        Returns the job, or None when nothing was started (no document, read-only, busy).
        """
        if self._doc is None or not paths:
            return None
        if self._read_only():
            self._warn(self.tr("无法添加文件"), self._doc.read_only_reason)
            return None
        if self._job is not None:
            self.status_label.setText(self.tr("正在添加文件，请等这一批完成后再添加。"))
            return None
        self._folder = str(Path(paths[0]).parent)
        self._batch = _Batch(self._doc, links)
        message = self.tr("正在读取“%1”（%2 / %3）")
        read = read_files(
            list(paths), self._doc.max_attachment, self._delivery.arrived.emit, message
        )
        self._job = start_job(read, parent=self, title=self.tr("添加文件"))
        self._job.finished.connect(lambda _count: self._batch_done(False))
        self._job.cancelled.connect(lambda: self._batch_done(True))
        self._job.failed.connect(lambda message: self._batch_done(False, message))
        self.status_label.setText(self.tr("正在添加文件……"))
        self._update_buttons()
        return self._job

    @Slot(object)
    def _store(self, arrived: object) -> None:
        """Store one file the worker has read, on the GUI thread (the document is not shared)."""
        batch = self._batch
        if batch is None or batch.doc.closed:
            return
        if isinstance(arrived, FileProblem):
            batch.problems.append(self._problem_text(arrived, batch.doc.max_attachment))
            return
        assert isinstance(arrived, FileRead)
        try:
            attachment = batch.doc.add_attachment(arrived.data, arrived.name, links=batch.links)
        except DocumentError as exc:
            batch.problems.append(str(exc))
            return
        batch.added.append(attachment.id)

    def _problem_text(self, problem: FileProblem, limit: int) -> str:
        if problem.kind == "too-big":
            text = self.tr("“%1”大小为 %2，超过单个附件的上限 %3；请压缩或拆分后再添加")
            return fill_in(text, problem.name, file_size(problem.size), file_size(limit))
        if problem.kind == "not-a-file":
            return fill_in(self.tr("“%1”是文件夹，请选择其中的文件"), problem.name)
        detail = problem.detail or self.tr("文件不存在或无权读取")
        return fill_in(self.tr("“%1”无法读取（%2）"), problem.name, detail)

    def _batch_done(self, cancelled: bool, failure: str = "") -> None:
        """A batch ended: show what was added, and in one message what was not."""
        batch, self._batch, self._job = self._batch, None, None
        assert batch is not None
        if batch.doc is self._doc and not batch.doc.closed:
            self._attachments = batch.doc.attachments()
            self._fill(select=batch.added[-1] if batch.added else None)
        summary = fill_in(self.tr("已添加 %1 个文件。"), len(batch.added))
        self.status_label.setText(self.tr("已取消；") + summary if cancelled else summary)
        problems = [*batch.problems, failure] if failure else batch.problems
        if problems:
            self._warn(self.tr("部分文件未添加"), "\n".join(problems))
        self._update_buttons()
        if batch.added:
            self.changed.emit()
        self.attachments_added.emit(list(batch.added))

    def _warn(self, title: str, text: str) -> None:
        self.context.messages.warning(self, title, text)

    # -- drag and drop --

    def _dropped_files(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        """The local files being dragged, if this page can take them now."""
        data = event.mimeData()
        if self._read_only() or not data.hasUrls():
            return []
        return [url.toLocalFile() for url in data.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
            self.hint.setText(self.tr("松开鼠标即可把文件添加到申报文件。"))
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.hint.setText(self._hint_text())
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.hint.setText(self._hint_text())
        paths = self._dropped_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)
