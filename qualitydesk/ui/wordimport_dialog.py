"""文件 → 从 Word 导入: read a Word application in the background, show the plan, then apply it.

:class:`WordImportDialog` shows the plan of :mod:`qualitydesk.store.wordimport`: each section of
the Word file (its heading), the item it goes into — the user can choose another item or 不导入 —
its characters and pictures, and per item what happens to text already there (替换 / 追加 /
跳过; an empty item is simply filled). Below, the selected section's item is shown side by side
as it is now and as it will be after the import (the difference view of 历史版本), so a
colleague's edited section is compared before it is accepted.

:class:`WordImporter` runs the whole flow for the main window: choose the file, read it with the
background job helper (a large file never freezes the window), show the dialog, apply the plan
through the store in one save and reload the pages. Every text replaced stays in 历史版本.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Framework
from qualitydesk.store import wordimport
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.wordheadings import BY_ORDER
from qualitydesk.store.wordimport import APPEND, FILL, REPLACE, SKIP, Plan
from qualitydesk.ui import screen
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.widgets.textdiff import Wording, side_by_side

HEADING, TARGET, CHARACTERS, PICTURES, MODE = range(5)
WORD_IMPORT = screen.Fit(0.8, QSize(720, 480), QSize(1200, 800))
PLACEHOLDER = re.compile(r"\]\(wordimage:\d+\)")


class WordImportDialog(QDialog):
    """The plan of one Word import; 导入 applies it (the caller does, on ``accepted``)."""

    def __init__(
        self, plan: Plan, doc: Document, framework: Framework, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从 Word 导入：{name}").format(name=plan.source.name))
        self.plan, self.doc, self.framework = plan, doc, framework
        self.targets = wordimport.all_targets(framework)
        self.table = self._make_table()
        self.comparison = QTextBrowser()
        self.comparison.setOpenLinks(False)
        self.comparison.setAccessibleName(self.tr("导入前后对比"))
        compare_label = QLabel(self.tr("所选评分项导入前后对比(&C)："))
        compare_label.setBuddy(self.comparison)
        table_label = QLabel(
            self.tr(
                "Word 文件中的各节(&S)：可改选对应的评分项，或选“不导入”；已有内容的评分项可选替换、追加或跳过。"
            )
        )
        table_label.setWordWrap(True)
        table_label.setBuddy(self.table)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("导入(&I)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        upper, lower = QWidget(), QWidget()
        for holder, widgets in (
            (upper, (table_label, self.table)),
            (lower, (compare_label, self.comparison)),
        ):
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                column.addWidget(widget, 1 if widget in (self.table, self.comparison) else 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addWidget(self.summary)
        column.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_difference)
        self._refresh()
        self.table.selectRow(self._first_row())

    # -- the table --

    def _make_table(self) -> QTableWidget:
        sections = self.plan.sections
        table = QTableWidget(len(sections), 5)
        table.setAccessibleName(self.tr("导入计划"))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Word 中的标题"),
                self.tr("导入到"),
                self.tr("字数"),
                self.tr("图片"),
                self.tr("已有内容"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(HEADING, QHeaderView.ResizeMode.Stretch)
        for column in (TARGET, CHARACTERS, PICTURES, MODE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, section in enumerate(sections):
            heading = section.heading or self.tr("（文件开头）")
            cells = {
                HEADING: heading,
                CHARACTERS: str(section.characters),
                PICTURES: str(len(section.images)),
            }
            for column, text in cells.items():
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column != HEADING:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, cell)
            table.setCellWidget(row, TARGET, self._target_box(row))
            table.setCellWidget(row, MODE, self._mode_box(row))
        return table

    def _target_box(self, row: int) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(self.tr("第 {n} 节导入到").format(n=row + 1))
        box.addItem(self.tr("不导入"), None)
        for target in self.targets:
            box.addItem(wordimport.target_label(self.framework, target), target)
        section = self.plan.sections[row]
        box.setCurrentIndex(box.findData(section.target) if section.target else 0)
        if section.matched_by == BY_ORDER:  # neither its number nor its title said which item
            box.setToolTip(self.tr("按标题在类目中的顺序推断，请核对"))
        box.currentIndexChanged.connect(lambda _i, r=row: self._target_chosen(r))
        return box

    def _mode_box(self, row: int) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(self.tr("第 {n} 节对已有内容").format(n=row + 1))
        for mode, text in (
            (REPLACE, self.tr("替换")),
            (APPEND, self.tr("追加到后面")),
            (SKIP, self.tr("跳过")),
        ):
            box.addItem(text, mode)
        box.currentIndexChanged.connect(lambda _i, r=row: self._mode_chosen(r))
        return box

    def target_box(self, row: int) -> QComboBox:
        """The combo box of section ``row`` that says which item it goes into (or 不导入)."""
        box = self.table.cellWidget(row, TARGET)
        assert isinstance(box, QComboBox)
        return box

    def mode_box(self, row: int) -> QComboBox:
        """Section ``row``'s combo box of what happens to the item's text: 替换, 追加 or 跳过."""
        box = self.table.cellWidget(row, MODE)
        assert isinstance(box, QComboBox)
        return box

    def _first_row(self) -> int:
        """The section a per-section copy came back to, else the first that is imported."""
        sections = self.plan.sections
        for wanted in (self.plan.marker_target, None):
            for row, section in enumerate(sections):
                if section.target and (wanted is None or section.target == wanted):
                    return row
        return 0

    # -- choices --

    def _target_chosen(self, row: int) -> None:
        target = self.target_box(row).currentData()
        self.plan.sections[row].target = target
        if target and target not in self.plan.modes:
            self.plan.choose_modes(self.doc, SKIP)  # never overwrite what the user did not choose
        self._refresh()
        self.table.selectRow(row)
        self._show_difference()

    def _mode_chosen(self, row: int) -> None:
        target = self.plan.sections[row].target
        if target and not self._filling(target):
            self.plan.modes[target] = self.mode_box(row).currentData()
            self._refresh()
            self._show_difference()

    def _filling(self, target: str) -> bool:
        return not wordimport.current_text(self.doc, target).strip()

    def _refresh(self) -> None:
        """Mode boxes follow their item's choice (one per item); the summary says the totals."""
        for row, section in enumerate(self.plan.sections):
            box = self.mode_box(row)
            box.blockSignals(True)
            target = section.target or ""
            usable = bool(target) and not self._filling(target)
            box.setEnabled(usable)
            if usable:
                box.setCurrentIndex(box.findData(self.plan.mode(target)))
                box.setToolTip("")
            else:
                box.setCurrentIndex(-1)
                box.setPlaceholderText(self.tr("新填") if target else "—")
                box.setToolTip(self.tr("该评分项还没有内容：直接填入") if target else "")
            box.blockSignals(False)
        self.summary.setText(self._summary())
        self.import_button.setEnabled(bool(wordimport.new_texts(self.plan, self.doc)))

    def _summary(self) -> str:
        texts = wordimport.new_texts(self.plan, self.doc)
        counts = Counter(what for _, what in texts.values())
        skipped = len([t for t in self.plan.targets() if t not in texts])
        left_out = sum(1 for s in self.plan.sections if not s.target)
        lines = [
            self.tr(
                "将新填 {fill} 项、替换 {replace} 项、追加 {append} 项，跳过 {skip} 项，不导入 {out} 节；被替换的内容可在“历史版本”中恢复。"
            ).format(
                fill=counts[FILL],
                replace=counts[REPLACE],
                append=counts[APPEND],
                skip=skipped,
                out=left_out,
            )
        ]
        if self.plan.ignored:
            lines.append(self.tr("未导入：") + "；".join(self.plan.ignored))
        lines += self.plan.notes + self.plan.warnings(self.doc)
        return "\n".join(lines)

    # -- the difference view --

    def _show_difference(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        section = self.plan.sections[rows[0].row()] if rows else None
        if section is None or not section.target:
            self.comparison.setPlainText(self.tr("这一节不导入。"))
            return
        old = wordimport.current_text(self.doc, section.target)
        after = wordimport.new_texts(self.plan, self.doc).get(section.target)
        new = after[0] if after else old
        wording = Wording(
            old_title=self.tr("现在的内容"),
            new_title=self.tr("导入后") if after else self.tr("导入后（跳过，不改动）"),
            folded=self.tr("%1 行未改动"),
            same=self.tr("导入后与现在的内容相同。"),
        )
        shown = PLACEHOLDER.sub("](" + self.tr("图片", "a picture in the compared text") + ")", new)
        self.comparison.setHtml(side_by_side(old, shown, wording).html)


class WordImporter(QObject):
    """文件 → 从 Word 导入 for the main window: file, background reading, plan, apply."""

    def __init__(self, window: QWidget, messages: Messages, settings: Any = None) -> None:
        super().__init__(window)
        self.window, self.messages, self.settings = window, messages, settings
        self.job: Any = None
        self.dialog: WordImportDialog | None = None

    def start(self, view: Any) -> None:
        """Ask for a Word file (a read-only application cannot take one) and read it."""
        if view.doc.read_only:
            self.messages.information(self.window, self.tr("只读"), view.doc.read_only_reason)
            return
        path = self.messages.open_file(
            self.window,
            self.tr("从 Word 导入"),
            str(view.doc.path.parent),
            self.tr("Word 文档 (*.docx *.docm *.doc *.wps *.rtf *.odt);;所有文件 (*)"),
        )
        if path:
            self.read(view, Path(path))

    def read(self, view: Any, path: Path) -> None:
        """Read ``path`` in the background; the plan dialog opens when it is read."""
        from qualitydesk.ui.jobs import start_job

        framework = view.context.framework
        self.job = start_job(
            lambda report: wordimport.read_plan(
                path, framework, report=lambda message: report(0, 0, message)
            ),
            parent=self.window,
            title=self.tr("正在读取 Word 文件…"),
        )
        self.job.finished.connect(lambda plan: self.review(view, plan))
        self.job.failed.connect(
            lambda message: self.messages.warning(self.window, self.tr("无法导入"), message)
        )

    def review(self, view: Any, plan: Plan) -> WordImportDialog:
        """Save, then show ``plan`` against the saved text in the dialog; 导入 there applies it."""
        if not view.flush():  # the plan is compared with, and applied to, the saved text
            self.messages.warning(self.window, self.tr("未能保存"), view.last_error)
        plan.choose_modes(view.doc)
        dialog = WordImportDialog(plan, view.doc, view.context.framework, self.window)
        dialog.accepted.connect(lambda: self.apply(view, dialog.plan))
        if self.settings is not None:
            screen.remember_size(dialog, self.settings, "word-import", WORD_IMPORT)
        else:
            screen.fit_to_screen(dialog, screen.available_geometry(dialog), WORD_IMPORT)
        dialog.open()
        self.dialog = dialog
        return dialog

    def apply(self, view: Any, plan: Plan) -> None:
        """Save, write the plan's sections into their items, reload the pages and say what was done
        (the text replaced can be restored from 历史版本).
        """
        if not view.flush():
            self.messages.warning(self.window, self.tr("未能保存"), view.last_error)
            return
        try:
            result = wordimport.apply(plan, view.doc)
        except DocumentError as exc:
            self.messages.warning(self.window, self.tr("无法导入"), str(exc))
            return
        view.reload()
        text = self.tr(
            "已导入 {n} 项，图片 {pictures} 张放入正文。被替换的内容可在“文件 → 历史版本”中逐项恢复。"
        ).format(n=len(result.written), pictures=result.placed)
        if result.problems:
            text += "\n\n" + "\n".join(result.problems)
        self.messages.information(self.window, self.tr("导入完成"), text)
