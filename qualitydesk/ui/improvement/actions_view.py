"""改进计划: the action list — filtered, edited in place, made from the 改进机会, exported to Excel.

The table (:mod:`.actions_model`) shows one action a row: 改进事项, 来源, 条目, 负责人, 计划完成
(a date editor), 状态 (a combo box: 未开始 / 进行中 / 已完成 / 已取消) and 备注; every edit is
written to the file at once by the store. Above it, filters by status (or 未完成), item or
category, owner and words; below it, 新建, 删除, 从改进机会生成 (each 改进机会 point of the
self-scores and the examiners' feedback becomes an action, points already in the plan are not
repeated) and 导出 Excel….
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.improvement import EXAMINERS, OWN
from qualitydesk.store.records import Action
from qualitydesk.ui.improvement.actions_delegates import ChoiceDelegate, DateDelegate
from qualitydesk.ui.improvement.actions_model import (
    DUE,
    ITEM,
    NOTE,
    OWNER,
    SOURCE,
    SOURCES,
    STATUS,
    STATUSES,
    TITLE,
    UNFINISHED,
    ActionsFilter,
    ActionsModel,
    word,
)
from qualitydesk.ui.pages.base import PageContext


class ActionsTable(QTableView):
    """The action list; Delete on a 计划完成 cell clears the date."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete / Backspace on a 计划完成 cell (not being edited) clears it."""
        index = self.currentIndex()
        clear = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        if clear and editable and index.column() == DUE:
            self.model().setData(index, "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)


class ActionsView(QWidget):
    """The 改进计划 tab."""

    def __init__(
        self,
        doc: Document,
        context: PageContext,
        before_reading: Callable[[], object] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.context = doc, context
        self.before_reading = before_reading  # saves what other windows hold, before 生成
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl  # tests replace it
        self.model = ActionsModel(doc, context.framework, self)
        self.model.failed.connect(self._failed)
        self.proxy = ActionsFilter(self)
        self.proxy.setSourceModel(self.model)
        column = QVBoxLayout(self)
        column.addLayout(self._filters())
        column.addWidget(self._table(), 1)
        column.addLayout(self._buttons())
        for signal in (self.model.modelReset, self.model.dataChanged, self.proxy.layoutChanged):
            signal.connect(self._refresh)
        self.proxy.rowsInserted.connect(self._refresh)
        self.proxy.rowsRemoved.connect(self._refresh)
        self._refresh()

    # -- building --

    def _filters(self) -> QHBoxLayout:
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部"), "")
        self.status_filter.addItem(self.tr("未完成（未开始和进行中）"), UNFINISHED)
        for value in STATUSES:
            self.status_filter.addItem(word(STATUSES, value), value)
        self.item_filter = QComboBox()
        self.item_filter.addItem(self.tr("全部"), "")
        for category in self.context.framework.categories:
            self.item_filter.addItem(f"{category.id} {category.name}", category.id)
            for item in category.items:
                self.item_filter.addItem(f"　{item.id} {item.name}", item.id)
        self.owner_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("改进事项、负责人或备注中的文字"))
        row = QHBoxLayout()
        for text, widget in (
            (self.tr("状态(&S)："), self.status_filter),
            (self.tr("条目(&I)："), self.item_filter),
            (self.tr("负责人(&W)："), self.owner_filter),
            (self.tr("查找(&F)："), self.search),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 2 if widget is self.search else 0)
        for combo in (self.status_filter, self.item_filter, self.owner_filter):
            combo.setAccessibleName(combo.itemText(0))
            combo.currentIndexChanged.connect(self._filter)
        self.status_filter.setAccessibleName(self.tr("按状态筛选"))
        self.item_filter.setAccessibleName(self.tr("按条目筛选"))
        self.owner_filter.setAccessibleName(self.tr("按负责人筛选"))
        self.search.textChanged.connect(self._filter)
        return row

    def _table(self) -> QTableView:
        table = ActionsTable()
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("改进计划"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        em = table.fontMetrics().height()  # about one Chinese character wide
        widths = {SOURCE: 6, ITEM: 12, OWNER: 6, DUE: 8, STATUS: 5, NOTE: 12}
        for column, ems in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, em * ems)
        longest = max(table.fontMetrics().horizontalAdvance(word(SOURCES, v)) for v in SOURCES)
        table.setColumnWidth(SOURCE, max(em * widths[SOURCE], longest + em))  # English is longer
        sources = [(value, word(SOURCES, value)) for value in SOURCES]
        statuses = [(value, word(STATUSES, value)) for value in STATUSES]
        items = [("", self.tr("（不关联）"))] + [
            (item.id, f"{item.id} {item.name}") for item in self.context.framework.items
        ]
        table.setItemDelegateForColumn(SOURCE, ChoiceDelegate(lambda: sources, table))
        table.setItemDelegateForColumn(STATUS, ChoiceDelegate(lambda: statuses, table))
        table.setItemDelegateForColumn(ITEM, ChoiceDelegate(lambda: items, table))
        table.setItemDelegateForColumn(DUE, DateDelegate(table))
        self.table = table
        return table

    def _buttons(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("新建(&N)"))
        self.delete_button = QPushButton(self.tr("删除(&D)"))
        self.generate_button = QPushButton(self.tr("从改进机会生成(&G)"))
        self.generate_button.setToolTip(
            self.tr("把自评和评审反馈中的每条改进机会列为一项改进事项；已列入的不重复")
        )
        self.export_button = QPushButton(self.tr("导出 Excel(&X)…"))
        self.export_button.setToolTip(self.tr("导出表中显示的改进事项（按当前的筛选和排序）"))
        self.count = QLabel()
        self.new_button.clicked.connect(self.new_action)
        self.delete_button.clicked.connect(self.delete_selected)
        self.generate_button.clicked.connect(self.generate)
        self.export_button.clicked.connect(self.export)
        row = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.generate_button):
            button.setEnabled(not self.doc.read_only)
            row.addWidget(button)
        row.addWidget(self.count, 1)
        row.addWidget(self.export_button)
        return row

    # -- filters --

    def _filter(self) -> None:
        self.proxy.set_filter(
            str(self.status_filter.currentData() or ""),
            str(self.item_filter.currentData() or ""),
            str(self.owner_filter.currentData() or ""),
            self.search.text(),
        )
        self._refresh()

    def _refresh(self, *args: object) -> None:
        """The owners offered by the filter, and how many actions are shown."""
        del args
        chosen = self.owner_filter.currentData()
        owners = self.model.owners()
        offered = [self.owner_filter.itemData(n) for n in range(1, self.owner_filter.count())]
        if offered != owners or not self.owner_filter.count():
            self.owner_filter.blockSignals(True)
            self.owner_filter.clear()
            self.owner_filter.addItem(self.tr("全部"), "")
            for owner in owners:
                self.owner_filter.addItem(owner, owner)
            self.owner_filter.setCurrentIndex(max(self.owner_filter.findData(chosen), 0))
            self.owner_filter.blockSignals(False)
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = self.tr("共 %1 项").replace("%1", str(total))
        if shown != total:
            text += self.tr("，显示 %1 项").replace("%1", str(shown))
        self.count.setText(text)

    def clear_filters(self) -> None:
        """Show every action."""
        for combo in (self.status_filter, self.item_filter, self.owner_filter):
            combo.setCurrentIndex(0)
        self.search.clear()

    # -- commands --

    def new_action(self) -> None:
        """新建: a new action, its 改进事项 open for typing."""
        self.clear_filters()
        row = self.model.add(Action(0, self.tr("新的改进事项")))
        if row >= 0:
            self.edit_cell(row, TITLE)

    def edit_cell(self, row: int, column: int) -> None:
        """Select the cell of the model's ``row`` and ``column`` and open its editor."""
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.setFocus()
            self.table.edit(index)

    def selected_ids(self) -> list[int]:
        """The ids of the selected actions."""
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.action(row).id for row in sorted(rows)]

    def delete_selected(self) -> None:
        """删除: the selected actions, after asking."""
        chosen = self.selected_ids()
        if not chosen:
            return
        question = self.tr("删除所选的 %1 项改进事项？此操作不能撤销。").replace(
            "%1", str(len(chosen))
        )
        if self.context.messages.question(self, self.tr("删除改进事项"), question):
            self.model.remove(chosen)

    def generate(self) -> None:
        """从改进机会生成: every 改进机会 point not in the plan yet becomes an action."""
        self.before_reading()
        try:
            proposed = self.doc.proposed_actions(OWN) + self.doc.proposed_actions(EXAMINERS)
            if proposed:
                self.doc.add_actions(proposed)
        except DocumentError as exc:
            self._failed(str(exc))
            return
        title = self.tr("从改进机会生成")
        if not proposed:
            text = self.tr("没有新的改进机会：自评和评审反馈中的改进机会都已列入改进计划。")
            self.context.messages.information(self, title, text)
            return
        self.model.reload()
        self.clear_filters()
        own = sum(1 for action in proposed if action.source == OWN)
        text = self.tr("已生成 %1 项改进事项（来自自评 %2 项，来自评审反馈 %3 项）。")
        text = text.replace("%1", str(len(proposed))).replace("%2", str(own))
        text = text.replace("%3", str(len(proposed) - own))
        self.context.messages.information(self, title, text)

    def shown_actions(self) -> list[Action]:
        """The actions the table shows, in its order (filtered and sorted)."""
        rows = (
            self.proxy.mapToSource(self.proxy.index(n, 0)).row()
            for n in range(self.proxy.rowCount())
        )
        return [self.model.action(row) for row in rows]

    def export(self) -> None:
        """导出 Excel…: the actions shown (filtered and sorted as in the table), as .xlsx."""
        path = self.doc.path
        suggested = path.with_name(path.stem + self.tr("-改进计划") + ".xlsx")
        target = self.context.messages.save_file(
            self, self.tr("导出改进计划"), str(suggested), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        from qualitydesk.export.actionsxlsx import write_actions  # openpyxl: only when asked

        shown = self.shown_actions()
        try:
            # The file dialog asked before an existing file was chosen: replace it.
            write_actions(shown, self.context.framework, out, force=True)
        except DocumentError as exc:
            self.context.messages.critical(self, self.tr("无法导出"), str(exc))
            return
        text = self.tr("已导出 %1 项改进事项：%2").replace("%1", str(len(shown)))
        choice = self.context.messages.exported(
            self, self.tr("导出完成"), text.replace("%2", str(out))
        )
        if choice:
            self.open_url(QUrl.fromLocalFile(str(out if choice == "file" else out.parent)))

    def _failed(self, message: str) -> None:
        self.context.messages.warning(self, self.tr("未能保存"), message)
