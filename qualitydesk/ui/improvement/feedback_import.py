"""从 Word/PDF 导入反馈: read the examiners' 反馈报告 in the background, preview the plan, apply it.

:class:`FeedbackImportDialog` shows the plan of :mod:`qualitydesk.store.feedbackimport`: one row
per item found in the report (ticked: it will be written) with its heading in the report, how
many 优势 and 改进机会 points it has and whether it replaces feedback already entered; below,
the selected item's text as it will be written, the text that fits no item (not imported), and
the stage scores the report states (filled into 评分汇总 only when ticked). 应用 writes the
ticked items at once; 取消 writes nothing.

:class:`FeedbackImporter` runs the flow for the 评审与改进 window: choose the file, read it with
the background job helper, show the dialog, apply.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Award, Framework
from qualitydesk.store import feedbackimport
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.feedbackimport import FeedbackPlan
from qualitydesk.ui import screen
from qualitydesk.ui.improvement.host import Host
from qualitydesk.ui.messages import Messages

ITEM, HEADING, STRENGTHS, OPPORTUNITIES, EXISTING = range(5)
FEEDBACK_IMPORT = screen.Fit(0.8, QSize(720, 480), QSize(1200, 760))
ITEM_ROLE = Qt.ItemDataRole.UserRole


class FeedbackImportDialog(QDialog):
    """The plan of one feedback import; 应用 accepts it (the caller applies it on ``accepted``)."""

    def __init__(
        self,
        plan: FeedbackPlan,
        doc: Document,
        framework: Framework,
        award: Award,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入评审反馈：%1").replace("%1", plan.source.name))
        self.plan, self.doc = plan, doc
        self.names = {item.id: item.name for item in framework.items}
        self.stage_names = {p.id: p.name for p in award.composite.parts} if award.composite else {}
        self.table = self._make_table()
        self.preview = self._text_box(self.tr("将写入的内容"))
        self.unmatched = self._text_box(self.tr("未导入的文字"))
        self.unmatched.setPlainText(
            "\n".join(f"［{u.where}］{u.text}" for u in plan.unmatched) or self.tr("（无）")
        )
        self.stages = QCheckBox()
        self._offer_stages()
        notes = QLabel("\n".join(plan.notes))
        notes.setWordWrap(True)
        notes.setVisible(bool(plan.notes))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            self.tr("应用(&A)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self._splitter(), 1)
        column.addWidget(notes)
        column.addWidget(self.stages)
        column.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_item)
        self.table.itemChanged.connect(lambda _cell: self._enable())
        if self.table.rowCount():
            self.table.selectRow(0)
        self._enable()

    # -- building --

    def _make_table(self) -> QTableWidget:
        found = list(self.plan.items.values())
        replaced = set(self.plan.replaces(self.doc))
        table = QTableWidget(len(found), 5)
        table.setAccessibleName(self.tr("导入计划"))
        table.setHorizontalHeaderLabels(
            [
                self.tr("评分项"),
                self.tr("反馈报告中的标题"),
                self.tr("优势"),
                self.tr("改进机会"),
                self.tr("现有反馈"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for row, entry in enumerate(found):
            has_text = bool(entry.strengths or entry.opportunities)
            first = QTableWidgetItem(f"{entry.item} {self.names.get(entry.item, '')}")
            first.setData(ITEM_ROLE, entry.item)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked if has_text else Qt.CheckState.Unchecked)
            if not has_text:
                first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            existing = self.tr("替换已有反馈") if entry.item in replaced else self.tr("新增")
            if not has_text:
                existing = self.tr("无内容，不导入")
            cells = (
                first,
                QTableWidgetItem(entry.heading),
                QTableWidgetItem(self.tr("%1 条").replace("%1", str(len(entry.strengths)))),
                QTableWidgetItem(self.tr("%1 条").replace("%1", str(len(entry.opportunities)))),
                QTableWidgetItem(existing),
            )
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(HEADING, QHeaderView.ResizeMode.Stretch)
        for column in (ITEM, STRENGTHS, OPPORTUNITIES, EXISTING):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _text_box(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setReadOnly(True)
        box.setAccessibleName(name)
        return box

    def _splitter(self) -> QSplitter:
        parts = (
            (self.tr("反馈报告中找到的评分项(&R)：勾选的将写入评审反馈"), self.table),
            (self.tr("所选评分项将写入的内容(&P)："), self.preview),
            (self.tr("未能对应到评分项的文字(&U)（不导入）："), self.unmatched),
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        for text, widget in parts:
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(widget)
            column.addWidget(label)
            column.addWidget(widget, 1)
            splitter.addWidget(holder)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 1)
        return splitter

    def _offer_stages(self) -> None:
        found = {p: v for p, v in self.plan.stages.items() if p in self.stage_names}
        self.stages.setVisible(bool(found))
        self.stages.setChecked(bool(found))
        if found:
            scores = "　".join(
                f"{self.stage_names[p]} {numbers.score(v)}" for p, v in found.items()
            )
            text = self.tr("同时在“评分汇总”中填写报告给出的评审得分：%1").replace("%1", scores)
            self.stages.setText(text)

    # -- showing --

    def _show_item(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.preview.clear()
            return
        entry = list(self.plan.items.values())[rows[0].row()]
        lines = [self.tr("优势：")] + [f"· {p}" for p in entry.strengths or [self.tr("（无）")]]
        lines += ["", self.tr("改进机会：")]
        lines += [f"· {p}" for p in entry.opportunities or [self.tr("（无）")]]
        self.preview.setPlainText("\n".join(lines))

    def _enable(self) -> None:
        self.apply_button.setEnabled(bool(self.chosen_items()) or self.stages.isChecked())

    # -- the choice --

    def chosen_items(self) -> list[str]:
        """The items ticked to be written."""
        return [
            str(self.table.item(row, ITEM).data(ITEM_ROLE))
            for row in range(self.table.rowCount())
            if self.table.item(row, ITEM).checkState() == Qt.CheckState.Checked
        ]

    def chosen_stages(self) -> dict[str, Decimal]:
        """The stage scores to fill in 评分汇总 (none unless ticked)."""
        if not self.stages.isChecked():
            return {}
        return {p: v for p, v in self.plan.stages.items() if p in self.stage_names}


class FeedbackImporter(QObject):
    """从 Word/PDF 导入反馈 for the 评审与改进 window: file, background reading, plan, apply."""

    def __init__(self, window: QWidget, host: Host, done: Callable[[list[str]], object]) -> None:
        super().__init__(window)
        self.window, self.host, self.done = window, host, done
        self.doc = host.doc
        self.award, self.framework = host.context.award, host.context.framework
        self.messages: Messages = host.context.messages
        self.dialog: FeedbackImportDialog | None = None
        self.job: object = None

    def start(self) -> None:
        """Ask for the report (a read-only application cannot take one) and read it."""
        if self.doc.read_only:
            self.messages.information(self.window, self.tr("只读"), self.doc.read_only_reason)
            return
        path = self.messages.open_file(
            self.window,
            self.tr("导入评审反馈报告"),
            str(self.doc.path.parent),
            self.tr("评审反馈报告 (*.docx *.doc *.wps *.pdf);;所有文件 (*)"),
        )
        if path:
            self.read(Path(path))

    def read(self, path: Path) -> None:
        """Read ``path`` in the background; the plan dialog opens when it is read."""
        from qualitydesk.ui.jobs import start_job

        framework = self.framework
        job = start_job(
            lambda report: feedbackimport.read_feedback(path, framework),
            parent=self.window,
            title=self.tr("正在读取评审反馈报告…"),
        )
        job.finished.connect(self.review)
        job.failed.connect(
            lambda message: self.messages.warning(self.window, self.tr("无法导入"), message)
        )
        self.job = job

    def review(self, plan: FeedbackPlan) -> FeedbackImportDialog:
        """Show ``plan`` in the dialog; 应用 there writes it."""
        dialog = FeedbackImportDialog(plan, self.doc, self.framework, self.award, self.window)
        dialog.accepted.connect(lambda: self.apply(dialog))
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            screen.remember_size(dialog, settings, "feedback-import", FEEDBACK_IMPORT)
        else:
            screen.fit_to_screen(dialog, screen.available_geometry(dialog), FEEDBACK_IMPORT)
        dialog.open()
        self.dialog = dialog
        return dialog

    def apply(self, dialog: FeedbackImportDialog) -> None:
        """Write the ticked items' feedback (and the stage scores, if ticked); say what was done."""
        try:
            written = feedbackimport.apply(dialog.plan, self.doc, dialog.chosen_items())
        except DocumentError as exc:
            self.messages.warning(self.window, self.tr("无法导入"), str(exc))
            return
        stages = dialog.chosen_stages()
        if stages and not self._write_stages(stages):
            return
        self.done(written)
        text = self.tr("已导入 %1 个评分项的评审反馈。").replace("%1", str(len(written)))
        if stages:
            text += self.tr("评审得分已填入“评分汇总”。")
        self.messages.information(self.window, self.tr("导入完成"), text)

    def _write_stages(self, stages: dict[str, Decimal]) -> bool:
        """Fill the stage scores in after the pages' changes are saved; saved with history,
        and the pages shown again (评分汇总 shows them).
        """
        try:
            if not self.host.flush():
                raise DocumentError(self.host.last_error)
            for part, value in stages.items():
                self.doc.set_stage_score(part, value)
            self.doc.save()
        except DocumentError as exc:
            self.messages.warning(self.window, self.tr("未能保存"), str(exc))
            return False
        self.host.reload()
        return True
