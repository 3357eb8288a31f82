"""证实性材料: the attachments stored in the application, their links, and the programme's checklist.

Files come in by drag and drop or the 添加文件 button; ``evidence_files`` reads them in the
background and stores each as it arrives. ``evidence_table`` shows them, one row per attachment.

Attachments, their links and deletions are written to the file at once (the document API does
so); only caption edits wait for ``save(doc)`` like the other pages' text.
"""

from __future__ import annotations

import itertools

from msgspec.structs import replace
from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Attachment, Link
from qualitydesk.ui.jobs import Job
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.pages.evidence_files import AttachmentFiles, Batch, FileDrop, spec_links
from qualitydesk.ui.pages.evidence_side import AttachmentSide
from qualitydesk.ui.pages.evidence_table import CAPTION_COLUMN, KEY_ROLE, AttachmentTable
from qualitydesk.ui.widgets.checklist import ChecklistView
from qualitydesk.ui.widgets.file_reader import fill_in


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
        self._shown = False
        self.files = AttachmentFiles(context.messages, self)
        self.files.finished.connect(self._batch_done)
        self._build()
        self.files.status.connect(self.status_label.setText)
        self._drop = FileDrop(self, lambda: not self._read_only())
        self._drop.hovering.connect(self._show_hint)
        self._drop.dropped.connect(self.add_files)

    # -- building --

    def _build(self) -> None:
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._show_hint()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setChildrenCollapsible(False)
        self.columns.addWidget(self._build_left())
        self.right = AttachmentSide(self.context)
        self.preview, self.editor = self.right.preview, self.right.editor
        self.editor.caption_edited.connect(self._caption_edited)
        self.editor.links_edited.connect(self._links_edited)
        self.columns.addWidget(self.right)
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

    def _show_hint(self, dragging: bool = False) -> None:
        """How to add files; while files are dragged over the page, that letting go adds them."""
        if dragging:
            self.hint.setText(self.tr("松开鼠标即可把文件添加到申报文件。"))
            return
        self.hint.setText(
            self.tr(
                "把文件从文件管理器拖到本页，或点击“添加文件”，即可存入申报文件。"
                "选中一份材料可预览，并在右侧勾选它所证明的清单条目、评分条目和资格条款。"
            )
        )

    def _build_left(self) -> QWidget:
        self.table = AttachmentTable(self.context.award)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.itemChanged.connect(self._cell_edited)
        self.table.delete_requested.connect(self.delete_selected)
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

    def showEvent(self, event: QShowEvent) -> None:
        """On the first show, share the page's room out between the table, preview and links."""
        super().showEvent(event)
        if not self._shown:  # first show: share out the room the page got; then the user's say
            self._shown = True
            width, height = self.columns.width(), self.right.height()
            self.columns.setSizes([width // 2, width - width // 2])  # room to read a scan
            self.right.setSizes([height * 3 // 5, height * 2 // 5])

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """List the attachments (the first selected); take drops unless the file is read-only."""
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
        """A required checklist entry with no attachment linked to it is missing."""
        linked = {
            link.target for a in self._attachments for link in a.links if link.kind == "checklist"
        }
        return [
            Issue(fill_in(self.tr("缺少证实性材料：%1"), spec.name), "missing", self.key, spec.id)
            for spec in self.context.award.attachments
            if spec.required and spec.id not in linked
        ]

    def started(self) -> bool:
        """Whether any file is attached."""
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
            rows = [(a, self._captions.get(a.id, a.caption)) for a in self._attachments]
            self.table.show_rows(rows, self._read_only())
            if select is not None:
                self.select_attachment(select)
        self.checklist.show_attachments(self._attachments)
        self._show_selected()

    def _row_of(self, attachment_id: int) -> int:
        return next((r for r, a in enumerate(self._attachments) if a.id == attachment_id), -1)

    def _replace(self, attachment: Attachment) -> None:
        """Show a changed attachment in place, keeping the selection."""
        row = self._row_of(attachment.id)
        self._attachments[row] = attachment
        caption = self._captions.get(attachment.id, attachment.caption)
        with QSignalBlocker(self.table):
            self.table.show_row(row, attachment, caption, self._read_only())
        self.checklist.show_attachments(self._attachments)

    # -- selection --

    def selected(self) -> Attachment | None:
        """The attachment selected in the table, if any."""
        row = self.table.selected_row()
        return self._attachments[row] if row is not None and row < len(self._attachments) else None

    def select_attachment(self, attachment_id: int) -> None:
        """Select the row of ``attachment_id`` (if shown) and scroll to it."""
        row = self._row_of(attachment_id)
        if row >= 0:
            self.table.select(row)

    @Slot()
    def _show_selected(self) -> None:
        attachment = self.selected()
        caption = self._captions.get(attachment.id, attachment.caption) if attachment else ""
        empty = self._doc is not None and not self._attachments
        self.right.show_attachment(self._doc, attachment, caption, empty)
        self._update_buttons()

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
        idle = self.files.job is None
        self.add_button.setEnabled(writable and idle)
        self.checklist.add_button.setEnabled(
            writable and idle and self.checklist.current() is not None
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
        self.table.set_caption(self._row_of(attachment.id), text)
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
            self.context.messages.warning(self, self.tr("无法修改关联"), str(exc))
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
        if not self.files.delete(self._doc, attachment):
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
        self.files.export(self._doc, attachment)

    # -- adding files --

    @Slot()
    def choose_files(self) -> None:
        """Ask for files (添加文件) and add them."""
        self.files.choose(self._doc, ())
        self._update_buttons()

    @Slot(str)
    def choose_files_for_entry(self, spec_id: str) -> None:
        """Ask for files and add them linked to checklist entry ``spec_id`` and its clauses."""
        spec = next((s for s in self.context.award.attachments if s.id == spec_id), None)
        if spec is not None:
            self.files.choose(self._doc, spec_links(spec))
            self._update_buttons()

    def add_files(self, paths: list[str], *, links: tuple[Link, ...] = ()) -> Job | None:
        """Read ``paths`` in the background and store each in the document as it arrives.

        Returns the job, or None when nothing was started (no document, read-only, busy).
        """
        job = self.files.add(self._doc, paths, links)
        self._update_buttons()
        return job

    def _batch_done(self, batch: Batch, cancelled: bool, failure: str) -> None:
        """A batch ended: show what was added, and in one message what was not."""
        if batch.doc is self._doc and not batch.doc.closed:
            self._attachments = batch.doc.attachments()
            self._fill(select=batch.added[-1] if batch.added else None)
        summary = fill_in(self.tr("已添加 %1 个文件。"), len(batch.added))
        self.status_label.setText(self.tr("已取消；") + summary if cancelled else summary)
        problems = [*batch.problems, failure] if failure else batch.problems
        if problems:
            self.context.messages.warning(self, self.tr("部分文件未添加"), "\n".join(problems))
        self._update_buttons()
        if batch.added:
            self.changed.emit()
        self.attachments_added.emit(list(batch.added))
