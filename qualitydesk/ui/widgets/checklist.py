"""The programme's 证实性材料 checklist, each entry marked 已提供, 缺少 or 可选."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import AttachmentSpec
from qualitydesk.store.records import Attachment
from qualitydesk.ui import theme
from qualitydesk.ui.widgets.file_reader import fill_in

KEY_ROLE = Qt.ItemDataRole.UserRole  # an entry's spec id


class ChecklistView(QWidget):
    """The programme's 证实性材料 checklist with ✓ 已提供 / 缺少 / 可选 for each entry.

    ``entry_selected(spec_id)`` when the user picks an entry; ``add_requested(spec_id)`` when
    they ask to add files for it.
    """

    entry_selected = Signal(str)
    add_requested = Signal(str)

    def __init__(self, specs: tuple[AttachmentSpec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {s.id: s for s in specs}
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("状态"), self.tr("材料")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("申报清单"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current_changed)
        for spec in specs:
            entry = QTreeWidgetItem(["", spec.name])
            entry.setData(0, KEY_ROLE, spec.id)
            self.tree.addTopLevelItem(entry)
        label = QLabel(self.tr("申报清单(&L)"))
        label.setBuddy(self.tree)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.add_button = QPushButton(self.tr("为此条目添加文件(&F)…"))
        self.add_button.setToolTip(self.tr("添加文件，并关联到选中的清单条目及其资格条款"))
        self.add_button.clicked.connect(self._add_clicked)
        heading = QHBoxLayout()
        heading.addWidget(label)
        heading.addWidget(self.summary, 1)
        heading.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(heading)
        box.addWidget(self.tree, 1)
        if not specs:
            self.tree.hide()
            self.add_button.hide()
            self.summary.setText(self.tr("本奖项没有规定证实性材料清单。"))

    def current(self) -> str | None:
        """The id of the entry selected, or None when there is none."""
        entry = self.tree.currentItem()
        return entry.data(0, KEY_ROLE) if entry else None

    def select(self, spec_id: str) -> bool:
        """Make ``spec_id`` the current entry; False if there is no such entry."""
        for row in range(self.tree.topLevelItemCount()):
            entry = self.tree.topLevelItem(row)
            if entry.data(0, KEY_ROLE) == spec_id:
                self.tree.setCurrentItem(entry)
                self.tree.scrollToItem(entry)
                return True
        return False

    def show_attachments(self, attachments: Iterable[Attachment]) -> None:
        """Mark each entry from the attachments linked to it."""
        files: dict[str, list[str]] = {}
        for attachment in attachments:
            for link in attachment.links:
                if link.kind == "checklist":
                    files.setdefault(link.target, []).append(attachment.file_name)
        for row in range(self.tree.topLevelItemCount()):
            entry = self.tree.topLevelItem(row)
            spec = self.specs[entry.data(0, KEY_ROLE)]
            self._mark(entry, spec, files.get(spec.id, []))
        if self.specs:
            required = [s for s in self.specs.values() if s.required]
            present = sum(1 for s in required if s.id in files)
            self.summary.setText(
                fill_in(self.tr("必需材料已提供 %1 / %2 项"), present, len(required))
            )

    def _mark(self, entry: QTreeWidgetItem, spec: AttachmentSpec, files: list[str]) -> None:
        if files:
            status, colour = self.tr("✓ 已提供"), theme.OK.color(self.palette())
        elif spec.required:
            status, colour = self.tr("缺少"), theme.ERROR.color(self.palette())
        else:
            status, colour = self.tr("可选"), self.palette().placeholderText().color()
        entry.setText(0, status)
        entry.setForeground(0, QBrush(colour))
        tip = [spec.name, spec.note] if spec.note else [spec.name]
        if files:
            tip.append(fill_in(self.tr("已关联：%1"), "、".join(files)))
        for column in (0, 1):
            entry.setToolTip(column, "\n".join(tip))

    def _current_changed(self, current: QTreeWidgetItem | None, *_previous: object) -> None:
        if current is not None:
            self.entry_selected.emit(current.data(0, KEY_ROLE))

    def _add_clicked(self) -> None:
        spec_id = self.current()
        if spec_id:
            self.add_requested.emit(spec_id)
