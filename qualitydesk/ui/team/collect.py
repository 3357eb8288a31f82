"""评分 → 汇总评分: the assessors' returned files, dropped on the dialog or chosen, recorded.

Each file — an assessor's .qdesk-score or a filled Excel scorebook — is read and checked on
its own (:func:`qualitydesk.store.scorefile.collect`, through the session) and gets a line
saying what became of it: recorded (how many items), or refused with the reason (another
application, an earlier hand-out, changed outside the program, a percent off the step …), in
which case nothing in the application changed. A file from an assessor whose scores were
collected before is recorded only when the user agrees to replace them. The applicant's text in
a returned file is never read into the application.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Forms
from qualitydesk.domain.team import Scorebook
from qualitydesk.store.errors import DocumentError
from qualitydesk.store.scorefile import collect, read_returned
from qualitydesk.ui import theme
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.pages.evidence_files import FileDrop
from qualitydesk.ui.shell.session import Session

DROP_STYLE = "QFrame#dropZone { border: 2px dashed $accent; border-radius: 6px; }"


@dataclass(frozen=True)
class Outcome:
    """What became of one returned file: whose it is (if that could be read), whether it was
    recorded, and the line shown for it.
    """

    path: Path
    assessor: str
    recorded: bool
    message: str


class CollectDialog(QDialog):
    """Returned files in, one line each out; ``collected`` after a file was recorded."""

    collected = Signal()

    def __init__(
        self, session: Session, forms: Forms, messages: Messages, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.forms = forms
        self.messages = messages
        self.outcomes: list[Outcome] = []
        self.setWindowTitle(self.tr("汇总评分"))
        self.drop_zone = QFrame(self)
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet(theme.style(DROP_STYLE))
        zone = QVBoxLayout(self.drop_zone)
        hint = QLabel(
            self.tr("把评分人交回的文件（.qdesk-score 或 Excel 评分表 .xlsx）拖到这里"), self
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        choose = QPushButton(self.tr("选择文件(&F)…"), self)
        choose.clicked.connect(self._choose)
        zone.addWidget(hint)
        zone.addWidget(choose, 0, Qt.AlignmentFlag.AlignCenter)
        self._drop = FileDrop(self.drop_zone, lambda: True)
        self._drop.dropped.connect(self.add_files)
        self.results = QTreeWidget(self)
        self.results.setAccessibleName(self.tr("汇总结果"))
        self.results.setHeaderLabels([self.tr("文件"), self.tr("评分人"), self.tr("结果")])
        self.results.setRootIsDecorated(False)
        self.results.setWordWrap(True)
        self.results.header().setStretchLastSection(True)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.drop_zone)
        column.addWidget(self.results, 1)
        column.addWidget(buttons)
        self.resize(760, 460)

    def _choose(self) -> None:
        files = self.messages.open_files(
            self,
            self.tr("选择交回的评分文件"),
            "",
            self.tr("评分文件 (*.qdesk-score *.xlsx)"),
        )
        if files:
            self.add_files(files)

    def add_files(self, paths: list[str]) -> list[Outcome]:
        """Collect ``paths`` one by one and show what became of each."""
        found = [self._collect_one(Path(p)) for p in paths]
        for outcome in found:
            self._show(outcome)
        self.outcomes += found
        if any(o.recorded for o in found):
            self.collected.emit()
        return found

    def _collect_one(self, path: Path) -> Outcome:
        try:
            book, _warnings = read_returned(path)  # collect() reads it again, with them
        except DocumentError as exc:
            return Outcome(path, "", False, _reason(exc, path))
        replace = False
        before = self.session.doc.assessor(book.assessor)
        if before is not None and before.returned_at:
            refused = self._check(book, path)
            if refused is not None:
                return refused
            if not self._replace_asked(path, before.source, before.returned_at, book.assessor):
                kept = self.tr("未汇总：保留此前交回的评分（{0}）").format(before.source)
                return Outcome(path, book.assessor, False, kept)
            replace = True
        forms = self.forms
        try:
            returned = self.session.apply(lambda doc: collect(doc, forms, [path], replace=replace))
        except DocumentError as exc:
            return Outcome(path, book.assessor, False, _reason(exc, path))
        done = returned[0]
        text = (
            self.tr("已替换此前的评分，{0} 个评分项") if replace else self.tr("已汇总 {0} 个评分项")
        )
        notes = "".join(f"；{w}" for w in done.warnings)
        return Outcome(path, done.assessor, True, "✓ " + text.format(done.scored) + notes)

    def _check(self, book: Scorebook, path: Path) -> Outcome | None:
        """A refusal of ``book`` for anything but having been collected before; None if none."""
        try:
            self.session.doc.check_returned(book, replace=True)
        except DocumentError as exc:
            return Outcome(path, book.assessor, False, _reason(exc, path))
        return None

    def _replace_asked(self, path: Path, source: str, returned_at: str, assessor: str) -> bool:
        when = returned_at[:16].replace("T", " ")
        question = self.tr(
            "{assessor}的评分已于 {when} 汇总（来自 {source}）。\n用 {file} 中的评分替换吗？"
        ).format(assessor=assessor, when=when, source=source, file=path.name)
        return self.messages.question(self, self.tr("同一评分人再次交回"), question)

    def _show(self, outcome: Outcome) -> None:
        line = outcome.message if outcome.recorded else "✗ " + outcome.message
        row = QTreeWidgetItem([outcome.path.name, outcome.assessor, line])
        row.setToolTip(0, str(outcome.path))
        row.setToolTip(2, outcome.message)
        tone = theme.OK if outcome.recorded else theme.ERROR
        row.setForeground(2, QBrush(tone.color()))
        self.results.addTopLevelItem(row)
        self.results.scrollToItem(row)


def _reason(exc: DocumentError, path: Path) -> str:
    """The store's message without the file's full path in front (the line names the file)."""
    text = str(exc)
    for prefix in (f"{path}：", f"{path.name}："):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text
