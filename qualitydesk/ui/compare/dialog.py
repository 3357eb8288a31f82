"""与往年对比: an earlier application beside the open one, in four tabs — every item's percent and
band in both years (list and paired bar chart), each item's text side by side with the changed
paragraphs highlighted, the key performance indicators both report (both series on one chart),
and the actions of the improvement plan closed since. Nothing in it edits either file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.compare import ItemComparison, paragraphs
from qualitydesk.store.yearly import YearOverYear
from qualitydesk.ui import theme
from qualitydesk.ui.compare.charts import ItemBarsChart, TwoYearsChart
from qualitydesk.ui.compare.words import ItemWords
from qualitydesk.ui.widgets.textdiff import Difference, Wording, side_by_side

CHANGED_MARK = "●"


class CompareDialog(QDialog):
    """The comparison of ``found``; 导出到内部报告 emits :attr:`export_requested`."""

    export_requested = Signal()

    def __init__(self, found: YearOverYear, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = found
        comparison = found.comparison
        self.years = (comparison.old.year, comparison.new.year)
        self.names = (
            self.tr("%1 年度").replace("%1", str(self.years[0])),
            self.tr("%1 年度").replace("%1", str(self.years[1])),
        )
        self.words = ItemWords(self)
        self.changed = set(comparison.changed_items)
        self.setWindowTitle(self.tr("与往年对比"))
        self.difference: Difference | None = None
        self.job: object | None = None  # the export to the internal report, while it runs
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._scores_tab(), self.tr("得分(&S)"))
        self.tabs.addTab(self._text_tab(), self.tr("文字(&T)"))
        self.tabs.addTab(self._results_tab(), self.tr("结果数据(&R)"))
        self.tabs.addTab(self._actions_tab(), self.tr("完成的改进措施(&A)"))
        self.export_button = QPushButton(self.tr("导出到内部报告(&E)…"))
        self.export_button.clicked.connect(self.export_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.tabs, 1)
        column.addWidget(buttons)
        first = next(iter(self.changed_rows()), 0)
        self.items.selectRow(first)

    # -- 得分 --

    def _summary(self) -> str:
        c = self.found.comparison
        change = c.new_total - c.old_total
        signed = ("+" if change > 0 else "") + numbers.score(change)
        text = self.tr(
            "%1（%2）→ %3：自评总分 %4 → %5 分（%6）；得分或文字有变化的评分项 %7 项（共 %8 项）。"
        )
        values = (
            self.names[0],
            self.found.old_file or c.old.name,
            self.names[1],
            numbers.score(c.old_total),
            numbers.score(c.new_total),
            signed,
            str(len(c.changed_items)),
            str(len(c.items)),
        )
        for n, value in reversed(list(enumerate(values, 1))):
            text = text.replace(f"%{n}", value)
        return text

    def _scores_tab(self) -> QWidget:
        c = self.found.comparison
        self.items = QTableWidget(len(c.items), 5)
        self.items.setAccessibleName(self.tr("各评分项两个年度的得分"))
        self.items.setHorizontalHeaderLabels(
            [self.tr("评分项"), self.names[0], self.names[1], self.tr("变化"), self.tr("文字")]
        )
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().setVisible(False)
        for row, item in enumerate(c.items):
            cells = self.words.row(item, item.item in self.changed)
            marked = (item.item in self.changed, False, False, bool(item.pct_change), item.text.any)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.item)
                if marked[col]:
                    cell.setForeground(theme.ACCENT.color(self.palette()))
                self.items.setItem(row, col, cell)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.items.itemSelectionChanged.connect(self._item_chosen)
        self.bars = ItemBarsChart()
        self.bars.set_rows(
            [(i.item, i.old_pct, i.new_pct) for i in c.items], self.names, self.changed
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.items)
        split.addWidget(self.bars)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([self.items.sizeHint().width() * 3, self.bars.sizeHint().width()])
        return split

    def changed_rows(self) -> list[int]:
        """The rows (in the score list and the text list) of the items that changed."""
        return [n for n, i in enumerate(self.found.comparison.items) if i.item in self.changed]

    def _item_chosen(self) -> None:
        rows = self.items.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        self.bars.select(self.found.comparison.items[row].item)
        if self.text_items.currentRow() != row:
            self.text_items.setCurrentRow(row)

    # -- 文字 --

    def _text_tab(self) -> QWidget:
        self.text_items = QListWidget()
        self.text_items.setAccessibleName(self.tr("评分项（● 为有变化的）"))
        for item in self.found.comparison.items:
            mark = CHANGED_MARK if item.text.any else "　"
            entry = QListWidgetItem(f"{mark} {item.item} {item.name}　{self.words.text(item.text)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.item)
            if item.text.any:
                entry.setForeground(theme.ACCENT.color(self.palette()))
            self.text_items.addItem(entry)
        self.text_items.currentRowChanged.connect(self._show_text)
        self.diff = QTextBrowser()
        self.diff.setOpenLinks(False)
        self.diff.setAccessibleName(self.tr("选中评分项两个年度的文字对比"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.text_items)
        split.addWidget(self.diff)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        return split

    def _show_text(self, row: int) -> None:
        if row < 0:
            return
        item: ItemComparison = self.found.comparison.items[row]
        old = self.found.comparison.old.narratives.get(item.item, "")
        new = self.found.comparison.new.narratives.get(item.item, "")
        wording = Wording(
            f"{self.names[0]}　{item.item} {item.name}",
            f"{self.names[1]}　{item.item} {item.name}",
            self.tr("%1 段未改"),
            self.tr("两个年度的文字相同。"),
        )
        self.difference = side_by_side(
            "\n".join(paragraphs(old)), "\n".join(paragraphs(new)), wording
        )
        self.diff.setHtml(self.difference.html)
        if self.items.currentRow() != row:
            self.items.selectRow(row)

    # -- 结果数据 --

    def _results_tab(self) -> QWidget:
        c = self.found.comparison
        self.indicators = QListWidget()
        self.indicators.setAccessibleName(self.tr("两个年度都有的关键绩效指标"))
        for pair in c.indicators:
            unit = f"（{pair.unit}）" if pair.unit else ""
            self.indicators.addItem(f"{pair.name}{unit}")
        self.indicators.currentRowChanged.connect(self._show_indicator)
        self.only = QLabel(self.words.only(c, self.names))
        self.only.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.indicators, 1)
        column.addWidget(self.only)
        self.lines = TwoYearsChart()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.lines)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([self.indicators.sizeHintForColumn(0) + 24, self.lines.sizeHint().width()])
        if c.indicators:
            self.indicators.setCurrentRow(0)
        return split

    def _show_indicator(self, row: int) -> None:
        if row < 0:
            return
        pair = self.found.comparison.indicators[row]
        names = (
            self.tr("%1 年度申报").replace("%1", str(self.years[0])),
            self.tr("%1 年度申报").replace("%1", str(self.years[1])),
        )
        self.lines.set_series(pair.name, pair.old_values, pair.new_values, names)

    # -- 完成的改进措施 --

    def _actions_tab(self) -> QWidget:
        closed = self.found.closed
        page = QWidget()
        column = QVBoxLayout(page)
        note = self.tr("%1 年度尚未完成、现已完成的改进措施 %2 项。")
        note = note.replace("%1", str(self.years[0])).replace("%2", str(len(closed)))
        self.actions_note = QLabel(note)
        self.actions = QTableWidget(len(closed), 5)
        self.actions.setAccessibleName(self.tr("完成的改进措施"))
        heads = [
            self.tr("改进措施"),
            self.tr("评分项"),
            self.tr("责任人"),
            self.tr("完成期限"),
            self.tr("来源"),
        ]
        self.actions.setHorizontalHeaderLabels(heads)
        self.actions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions.verticalHeader().setVisible(False)
        for row, action in enumerate(closed):
            source = self.words.source(action.source)
            for col, text in enumerate(
                (action.title, action.item, action.owner, action.due, source)
            ):
                self.actions.setItem(row, col, QTableWidgetItem(text))
        self.actions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.actions_note)
        column.addWidget(self.actions, 1)
        return page
