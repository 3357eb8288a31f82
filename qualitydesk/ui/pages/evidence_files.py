"""Files in and out of the application on the 证实性材料 page: adding, deleting, saving a copy.

Adding reads the files in a background job (large files show progress and can be cancelled) and
hands each one to the GUI thread as soon as it is read, which stores it with
``doc.add_attachment`` — the document's SQLite connection is used by the GUI thread only, so an
autosave can never run inside a half-written attachment. Deleting asks first; saving a copy asks
for a folder. Each is written to the file at once; the page shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from qualitydesk.domain.forms import AttachmentSpec
from qualitydesk.domain.numbers import file_size
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Attachment, Link
from qualitydesk.ui.jobs import Job, start_job
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.widgets.file_reader import FileProblem, FileRead, fill_in, read_files


def spec_links(spec: AttachmentSpec) -> tuple[Link, ...]:
    """A checklist entry and the clauses it proves."""
    return (Link("checklist", spec.id), *(Link("rule", r) for r in spec.rules))


class FileDrop(QObject):
    """Takes the local files dragged onto ``target`` while ``accepting()`` says it can.

    ``hovering(True)`` while acceptable files are dragged over it, ``hovering(False)`` when they
    leave or are dropped; ``dropped(paths)`` with the files dropped.
    """

    hovering = Signal(bool)
    dropped = Signal(list)

    def __init__(self, target: QWidget, accepting: Callable[[], bool]) -> None:
        super().__init__(target)
        self._accepting = accepting
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept or refuse a drag over the target, and take what is dropped."""
        kind = event.type()
        if kind == QEvent.Type.DragLeave:
            self.hovering.emit(False)
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDropEvent)  # enter and move events are drop events too
        paths = self._local_files(event)
        if kind == QEvent.Type.Drop:
            self.hovering.emit(False)
        if not paths:
            event.ignore()
            return True
        event.acceptProposedAction()
        if kind == QEvent.Type.DragEnter:
            self.hovering.emit(True)
        elif kind == QEvent.Type.Drop:
            self.dropped.emit(paths)
        return True

    def _local_files(self, event: QDropEvent) -> list[str]:
        """The local files being dragged, if the target can take them now."""
        data = event.mimeData()
        if not self._accepting() or not data.hasUrls():
            return []
        return [url.toLocalFile() for url in data.urls() if url.isLocalFile()]


class _Delivery(QObject):
    """Hands what the worker read to the GUI thread, in order, as it is read."""

    arrived = Signal(object)  # FileRead | FileProblem


@dataclass
class Batch:
    """One round of adding files: where they go and what became of them."""

    doc: Document
    links: tuple[Link, ...]
    added: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class AttachmentFiles(QObject):
    """Adds, deletes and saves copies of the attachments of a document, asking ``parent``'s user.

    ``status(text)`` reports progress for the page's status line; ``finished(batch, cancelled,
    failure)`` is emitted when a batch of added files has been dealt with.
    """

    status = Signal(str)
    finished = Signal(object, bool, str)  # Batch, cancelled, what failed ("" when nothing)

    def __init__(self, messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self.messages = messages
        self.dialog_parent = parent  # dialogs and jobs open over it
        self.folder = ""  # the last folder files came from or went to
        self.job: Job | None = None
        self._batch: Batch | None = None
        # No parent: the worker may still emit on it while the page is being closed.
        self._delivery = _Delivery()
        self._delivery.arrived.connect(self._store, Qt.ConnectionType.QueuedConnection)

    # -- adding --

    def choose(self, doc: Document | None, links: tuple[Link, ...]) -> None:
        """Ask for files (添加文件) and add them with ``links``."""
        filters = self.tr(
            "常用材料 (*.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp "
            "*.doc *.docx *.xls *.xlsx *.ofd);;所有文件 (*)"
        )
        title = self.tr("添加证实性材料")
        paths = self.messages.open_files(self.dialog_parent, title, self.folder, filters)
        if paths:
            self.add(doc, paths, links)

    def add(self, doc: Document | None, paths: list[str], links: tuple[Link, ...]) -> Job | None:
        """Read ``paths`` in the background and store each in ``doc`` as it arrives.

        Returns the job, or None when nothing was started (no document, read-only, busy).
        """
        if doc is None or not paths:
            return None
        if doc.read_only:
            self.messages.warning(self.dialog_parent, self.tr("无法添加文件"), doc.read_only_reason)
            return None
        if self.job is not None:
            self.status.emit(self.tr("正在添加文件，请等这一批完成后再添加。"))
            return None
        self.folder = str(Path(paths[0]).parent)
        self._batch = Batch(doc, links)
        message = self.tr("正在读取“%1”（%2 / %3）")
        read = read_files(list(paths), doc.max_attachment, self._delivery.arrived.emit, message)
        self.job = start_job(read, parent=self.dialog_parent, title=self.tr("添加文件"))
        self.job.finished.connect(lambda _count: self._done(False))
        self.job.cancelled.connect(lambda: self._done(True))
        self.job.failed.connect(lambda message: self._done(False, message))
        self.status.emit(self.tr("正在添加文件……"))
        return self.job

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

    def _done(self, cancelled: bool, failure: str = "") -> None:
        batch, self._batch, self.job = self._batch, None, None
        assert batch is not None
        self.finished.emit(batch, cancelled, failure)

    # -- deleting and saving a copy --

    def delete(self, doc: Document, attachment: Attachment) -> bool:
        """Remove ``attachment`` from ``doc`` after asking; whether it was removed."""
        question = fill_in(
            self.tr("确定要从申报文件中删除“%1”吗？删除后无法恢复。"), attachment.file_name
        )
        if not self.messages.question(self.dialog_parent, self.tr("删除材料"), question):
            return False
        try:
            doc.remove_attachment(attachment.id)
        except DocumentError as exc:
            self.messages.warning(self.dialog_parent, self.tr("无法删除"), str(exc))
            return False
        return True

    def export(self, doc: Document, attachment: Attachment) -> None:
        """Write ``attachment`` into a folder the user chooses (另存为)."""
        folder = self.messages.folder(self.dialog_parent, self.tr("另存到文件夹"), self.folder)
        if not folder:
            return
        self.folder = folder
        try:
            path = doc.export_attachment(attachment.id, folder)
        except DocumentError as exc:
            self.messages.warning(self.dialog_parent, self.tr("无法另存"), str(exc))
            return
        except OSError as exc:
            text = fill_in(self.tr("%1：无法写入（%2）"), folder, exc.strerror or exc)
            self.messages.warning(self.dialog_parent, self.tr("无法另存"), text)
            return
        self.status.emit(fill_in(self.tr("已另存为 %1"), path))
