"""The step navigator: every step of the wizard with its status, items grouped by category."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from qualitydesk.domain.forms import Framework
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.shell.steps import Step

KEY_ROLE = Qt.ItemDataRole.UserRole
TONES = {
    Status.NOT_STARTED: theme.MUTED,
    Status.IN_PROGRESS: theme.WARNING,
    Status.DONE: theme.OK,
    Status.PROBLEM: theme.ERROR,
}


def status_icon(status: Status, size: int = 14, palette: QPalette | None = None) -> QIcon:
    """A dot in the status colour (for ``palette``): hollow when not started, filled otherwise."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = TONES[status].color(palette)
    painter.setPen(QPen(colour, 2))
    if status is not Status.NOT_STARTED:
        painter.setBrush(colour)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)


class StepNavigator(QTreeWidget):
    """Steps in a tree (自评报告 → categories → items); selecting one asks to show it."""

    step_chosen = Signal(str)

    def __init__(self, steps: list[Step], framework: Framework, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("申报步骤"))
        self.setIconSize(QSize(14, 14))
        self.setUniformRowHeights(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._icons: dict[tuple[Status, int], QIcon] = {}
        categories = {c.id: c for c in framework.categories}
        report: QTreeWidgetItem | None = None
        groups: dict[str, QTreeWidgetItem] = {}
        for step in steps:
            if step.category:
                assert report is not None
                if step.category not in groups:
                    category = categories[step.category]
                    group = QTreeWidgetItem(report, [f"{category.id} {category.name}"])
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    groups[step.category] = group
                item = QTreeWidgetItem(groups[step.category], [step.title])
            else:
                item = QTreeWidgetItem(self, [step.title])
                if step.key == "report":
                    report = item
            item.setData(0, KEY_ROLE, step.key)
            self._items[step.key] = item
        self.expandToDepth(0)
        self.currentItemChanged.connect(self._current_changed)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        key = current.data(0, KEY_ROLE) if current is not None else None
        if key:
            self.step_chosen.emit(key)

    def select(self, key: str) -> None:
        """Highlight ``key`` without announcing it again."""
        item = self._items[key]
        if self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
        self.scrollToItem(item)

    def set_status(self, key: str, status: Status) -> None:
        """Show ``status`` beside step ``key``: a coloured dot and the word (and in the tooltip)."""
        item = self._items[key]
        colour = TONES[status].color(self.palette())
        icon = self._icons.get((status, colour.rgba()))
        if icon is None:  # one per status and colour, shared by the steps
            icon = self._icons[status, colour.rgba()] = status_icon(status, palette=self.palette())
        item.setIcon(0, icon)
        item.setText(1, status.label)
        item.setForeground(1, colour)
        item.setData(1, KEY_ROLE, status.value)
        item.setToolTip(0, f"{item.text(0)}：{status.label}")

    def status_text(self, key: str) -> str:
        """The status word shown beside step ``key`` (未开始, 完成 …)."""
        return self._items[key].text(1)
