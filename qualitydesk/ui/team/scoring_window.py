"""The scoring-only mode: one assessor scores the application in their .qdesk-score file.

An assessor handed a .qdesk-score file opens it in the same program (文件 → 打开, or the file
named on the command line) and gets this window instead of the wizard: the items and which are
scored at the top left, the applicant's text below it (read-only, drawn as the item pages draw
Markdown), and on the right the band guide, the 5% score and 优势 / 改进机会 / 评语
(:class:`~qualitydesk.ui.team.scoring_panel.AssessorScorePanel`).

Nothing typed is lost: the scores go back into the same file (through
:func:`~qualitydesk.store.scorefile.write_score_file`, all or nothing) after a pause of
:data:`~qualitydesk.ui.shell.session.DEBOUNCE_MS`, at the latest
:data:`~qualitydesk.ui.shell.session.MAX_WAIT_MS` after the first unsaved change, and at once
on Ctrl+S, on another item, when the window loses focus and when it closes. A save that fails
says why and keeps the window open with the scores in it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Forms, FormsError, Framework
from qualitydesk.domain.team import AssessorScore, Scorebook, ScorebookItem
from qualitydesk.store.errors import DocumentError
from qualitydesk.store.scorefile import read_score_file, write_score_file
from qualitydesk.ui import screen
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.shell.session import DEBOUNCE_MS, MAX_WAIT_MS, RETRY_MS
from qualitydesk.ui.team.scoring_panel import AssessorScorePanel
from qualitydesk.ui.widgets.narrative_text import GITHUB, NarrativeTextEdit, style_tables

ID, NAME, SCORE = range(3)  # the item list's columns


class ScoringWindow(QMainWindow):
    """One assessor's scorebook, item by item, saved into its file as it is typed."""

    def __init__(
        self,
        path: Path,
        book: Scorebook,
        framework: Framework,
        messages: Messages,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.path = path
        self.book = book
        self.messages = messages
        self.scores: dict[str, AssessorScore] = {s.item: s for s in book.scores}
        self.dirty = False
        self.last_error = ""
        self.panel = AssessorScorePanel(framework)
        self.panel.edited.connect(self._edited)
        self.items = self._item_list()
        self.narrative = self._narrative_view()
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("保存状态"))
        self.progress = QLabel()
        self._show_progress()
        self._debounce = self._timer()
        self._max_wait = self._timer()
        self.setCentralWidget(self._body())
        self.setWindowTitle(
            self.tr("{assessor}的评分表 — {org} · {award} · {year} 年度").format(
                assessor=book.assessor, org=book.org_name, award=book.award, year=book.year
            )
        )
        self._actions()
        self.saved_label.setText(self.tr("已保存"))
        self.items.setCurrentItem(self.items.topLevelItem(0))
        app = QApplication.instance()
        if app is not None:  # the program ends with this window open: what it holds is saved
            app.aboutToQuit.connect(self.flush)
        screen.fit_to_screen(self, screen.available_geometry(self), screen.MAIN_WINDOW)

    def _timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(self.flush)
        return timer

    def _item_list(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName(self.tr("评分项"))
        tree.setHeaderLabels([self.tr("评分项"), self.tr("名称"), self.tr("评分")])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        for item in self.book.items:
            row = QTreeWidgetItem([item.id, item.name, ""])
            row.setData(ID, Qt.ItemDataRole.UserRole, item.id)
            tree.addTopLevelItem(row)
            self._show_scored(row)
        for column in (ID, SCORE):
            tree.resizeColumnToContents(column)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        tree.currentItemChanged.connect(self._item_chosen)
        return tree

    def _narrative_view(self) -> NarrativeTextEdit:
        view = NarrativeTextEdit(self)
        view.setReadOnly(True)
        view.setAccessibleName(self.tr("申报原文"))
        view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return view

    def _body(self) -> QWidget:
        header = QHBoxLayout()
        who = QLabel(
            self.tr("评分人：{assessor}　　{org} · {award} · {year} 年度").format(
                assessor=self.book.assessor,
                org=self.book.org_name,
                award=self.book.award,
                year=self.book.year,
            )
        )
        who.setWordWrap(True)
        header.addWidget(who, 1)
        header.addWidget(self.progress)
        header.addSpacing(16)
        header.addWidget(self.saved_label)
        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(self.items)
        self.item_title = QLabel()
        reading = QWidget()
        reading_column = QVBoxLayout(reading)
        reading_column.setContentsMargins(0, 0, 0, 0)
        reading_column.addWidget(self.item_title)
        reading_column.addWidget(self.narrative, 1)
        left.addWidget(reading)
        left.setSizes([220, 480])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(header)
        column.addWidget(splitter, 1)
        QWidget.setTabOrder(self.items, self.narrative)
        QWidget.setTabOrder(self.narrative, self.panel.band)
        return body

    def _actions(self) -> None:
        save = QAction(self.tr("保存(&S)"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.triggered.connect(self.flush)
        close = QAction(self.tr("关闭(&C)"), self)
        close.setShortcut(QKeySequence("Ctrl+W"))
        close.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("评分表(&F)"))
        menu.addAction(save)
        menu.addAction(close)

    # -- the item shown --

    def _item_chosen(self, current: QTreeWidgetItem | None, previous: object) -> None:
        del previous
        if current is None:
            return
        self.flush()
        item = self._book_item(current.data(ID, Qt.ItemDataRole.UserRole))
        self.item_title.setText(f"<b>{item.id} {item.name}</b>")
        document = self.narrative.document()
        document.setMarkdown(item.narrative or self.tr("（申报原文中本项没有内容）"), GITHUB)
        style_tables(document)
        self.narrative.moveCursor(QTextCursor.MoveOperation.Start)
        self.panel.show_item(item, self.scores.get(item.id))

    def _book_item(self, item_id: str) -> ScorebookItem:
        return next(i for i in self.book.items if i.id == item_id)

    def current_item(self) -> str:
        """The id of the item shown."""
        row = self.items.currentItem()
        return str(row.data(ID, Qt.ItemDataRole.UserRole)) if row is not None else ""

    def show_item(self, item_id: str) -> None:
        """Show the item ``item_id``."""
        for n in range(self.items.topLevelItemCount()):
            row = self.items.topLevelItem(n)
            if row.data(ID, Qt.ItemDataRole.UserRole) == item_id:
                self.items.setCurrentItem(row)
                return

    def _show_scored(self, row: QTreeWidgetItem) -> None:
        score = self.scores.get(str(row.data(ID, Qt.ItemDataRole.UserRole)))
        row.setText(SCORE, f"{score.pct}%" if score else self.tr("未评分"))

    def _show_progress(self) -> None:
        self.progress.setText(
            self.tr("已评 {scored} / {items} 项").format(
                scored=len(self.scores), items=len(self.book.items)
            )
        )

    # -- saving --

    def _edited(self) -> None:
        item = self.panel.item
        if item is None:
            return
        score = self.panel.score(self.book.assessor)
        if score is None:
            self.scores.pop(item.id, None)
        else:
            self.scores[item.id] = score
        row = self.items.currentItem()
        if row is not None:
            self._show_scored(row)
        self._show_progress()
        if not self.dirty:
            self.saved_label.setText(self.tr("未保存…"))
        self.dirty = True
        self._debounce.start(DEBOUNCE_MS)
        if not self._max_wait.isActive():
            self._max_wait.start(MAX_WAIT_MS)

    def scorebook(self) -> Scorebook:
        """The scorebook with the scores as they are now, in the items' order."""
        order = [i.id for i in self.book.items]
        scores = sorted(self.scores.values(), key=lambda s: order.index(s.item))
        return replace(self.book, scores=tuple(scores))

    def flush(self) -> bool:
        """Write the scores into the file now if anything changed; False (and why, in
        ``last_error`` and on screen) when it could not be written.
        """
        self._debounce.stop()
        self._max_wait.stop()
        if not self.dirty:
            return True
        try:
            write_score_file(self.path, self.scorebook(), force=True)
        except DocumentError as exc:
            self.last_error = str(exc)
            self.saved_label.setText(self.tr("未能保存"))
            self.saved_label.setToolTip(self.last_error)
            self._debounce.start(RETRY_MS)
            return False
        self.dirty = False
        self.last_error = ""
        stamp = datetime.now().strftime("%H:%M:%S")
        self.saved_label.setText(self.tr("已保存 {0}").format(stamp))
        self.saved_label.setToolTip("")
        return True

    def changeEvent(self, event: QEvent) -> None:
        """Save at once when the window stops being the active one."""
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.flush()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save before closing. When the file cannot be written, say why and stay open with the
        scores in it unless the user chooses to close all the same (a file on a read-only disk).
        """
        if not self.flush():
            question = self.tr("未能保存评分：{0}\n\n仍要关闭吗？尚未保存的修改将丢失。")
            if not self.messages.question(
                self, self.tr("未能保存"), question.format(self.last_error)
            ):
                event.ignore()
                return
        self._debounce.stop()
        event.accept()


def open_score_file(
    path: str | Path, forms: Forms, messages: Messages, parent: QWidget | None = None
) -> ScoringWindow | None:
    """Open the assessor's file ``path`` in a scoring window (the one open already, if any);
    None, after saying why, when it cannot be opened.
    """
    path = Path(path)
    if parent is not None:
        for window in parent.findChildren(ScoringWindow):
            if window.path.resolve() == path.resolve() and window.isVisible():
                window.activateWindow()
                return window
    try:
        book = read_score_file(path)
        framework = forms.framework(book.framework)
    except (DocumentError, FormsError) as exc:
        messages.critical(parent, QCoreApplication.translate("ScoringWindow", "无法打开"), str(exc))
        return None
    window = ScoringWindow(path, book, framework, messages, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
