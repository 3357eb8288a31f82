"""评分 → 共识会议: the items as the team scored them, for the meeting that agrees one score each.

A window beside the wizard, large enough for a projector (the type a third larger than the
program's, the theme's high-contrast tones for what is flagged and what is agreed). On the left
every item, those whose spread reaches the threshold first (⚑ 需讨论), then the others in the
framework's order, then those no assessor scored; with each item's spread and what was agreed.
On the right the item chosen (:class:`~qualitydesk.ui.team.consensus_item.ConsensusItem`).

The window reads the open document; it writes only through the session
(:meth:`~qualitydesk.ui.shell.session.Session.apply`): 确认共识 records the consensus and makes
it the item's self-score (with history), and the threshold is a setting of the file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Framework
from qualitydesk.domain.team import ItemSpread, spreads
from qualitydesk.store.errors import DocumentError
from qualitydesk.ui import screen, theme
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.shell.session import Session
from qualitydesk.ui.team.consensus_item import ConsensusItem

ID, NAME, SPREAD, AGREED = range(4)  # the item list's columns
PROJECTOR_SCALE = 1.35  # the type, against the program's


class ConsensusWindow(QWidget):
    """The consensus meeting of the open application; ``agreed`` (item) after 确认共识."""

    agreed = Signal(str)

    def __init__(
        self,
        session: Session,
        framework: Framework,
        messages: Messages,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.framework = framework
        self.messages = messages
        self.rows: dict[str, ItemSpread | None] = {}
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * PROJECTOR_SCALE)
        self.setFont(font)
        self.setWindowTitle(self.tr("共识会议"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.threshold = QSpinBox(self)
        self.threshold.setAccessibleName(self.tr("分歧阈值"))
        self.threshold.setRange(1, 100)
        self.threshold.setSingleStep(framework.step)
        self.threshold.setSuffix(self.tr(" 个百分点"))
        self.threshold.setKeyboardTracking(False)
        self.items = self._item_list()
        self.detail = ConsensusItem(framework, self)
        self.detail.agree_requested.connect(self.agree)
        self._lay_out()
        self.refresh()
        self.items.setFocus()
        self.threshold.valueChanged.connect(self._threshold_changed)
        screen.fit_to_screen(self, screen.available_geometry(self), screen.MAIN_WINDOW)

    def _item_list(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName(self.tr("评分项"))
        tree.setHeaderLabels([self.tr("评分项"), self.tr("名称"), self.tr("分歧"), self.tr("共识")])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        tree.currentItemChanged.connect(self._item_chosen)
        return tree

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        label = QLabel(self.tr("分歧阈值(&T)"), self)
        label.setBuddy(self.threshold)
        top.addWidget(label)
        top.addWidget(self.threshold)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.items)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(splitter, 1)

    # -- what the document holds --

    def refresh(self) -> None:
        """Read the assessors' scores, the threshold and the consensus again and show them,
        keeping the item chosen.
        """
        doc = self.session.doc
        chosen = self.current_item()
        threshold = doc.spread_threshold()
        self.threshold.blockSignals(True)
        self.threshold.setValue(threshold)
        self.threshold.blockSignals(False)
        scores = doc.assessor_scores()
        agreed = doc.consensus()
        found = spreads(self.framework, scores, threshold)
        self.rows = {s.item: s for s in found}
        self.rows |= {i.id: None for i in self.framework.items if i.id not in self.rows}
        self.items.blockSignals(True)
        self.items.clear()
        for item_id, spread in self.rows.items():
            self.items.addTopLevelItem(self._row(item_id, spread, agreed.get(item_id)))
        for column in (ID, SPREAD, AGREED):
            self.items.resizeColumnToContents(column)
        self.items.blockSignals(False)
        assessors = len({s.assessor for s in scores})
        flagged = sum(1 for s in found if s.flagged)
        self.summary.setText(
            self.tr(
                "{assessors} 位评分人的评分；{flagged} 个评分项需讨论；已确认 {agreed} 项"
            ).format(assessors=assessors, flagged=flagged, agreed=len(agreed))
        )
        self.detail.agree_button.setEnabled(not doc.read_only)
        self.show_item(chosen if chosen in self.rows else next(iter(self.rows)))

    def _row(self, item_id: str, spread: ItemSpread | None, agreed: object) -> QTreeWidgetItem:
        item = self.framework.item(item_id)
        if spread is None:
            spread_text = self.tr("无评分")
        elif spread.flagged:
            spread_text = self.tr("⚑ {0}").format(spread.spread)
        else:
            spread_text = str(spread.spread)
        pct = getattr(agreed, "pct", None)
        row = QTreeWidgetItem([item.id, item.name, spread_text, f"✓ {pct}%" if agreed else ""])
        row.setData(ID, Qt.ItemDataRole.UserRole, item.id)
        if spread is not None and spread.flagged:
            for column in range(4):
                row.setForeground(column, QBrush(theme.WARNING.color()))
                row.setBackground(column, QBrush(theme.WARNING_BACKGROUND.color()))
        elif spread is None:
            for column in range(4):
                row.setForeground(column, QBrush(theme.MUTED.color()))
        return row

    def current_item(self) -> str:
        """The id of the item shown ("" before any)."""
        row = self.items.currentItem()
        return str(row.data(ID, Qt.ItemDataRole.UserRole)) if row is not None else ""

    def listed(self) -> list[str]:
        """The items' ids in the order listed."""
        count = self.items.topLevelItemCount()
        return [
            str(self.items.topLevelItem(n).data(ID, Qt.ItemDataRole.UserRole)) for n in range(count)
        ]

    def show_item(self, item_id: str) -> None:
        """Choose the item ``item_id`` and show it."""
        index = self.listed().index(item_id)
        row = self.items.topLevelItem(index)
        if self.items.currentItem() is row:
            self._item_chosen(row, None)
        else:
            self.items.setCurrentItem(row)

    def _item_chosen(self, current: QTreeWidgetItem | None, previous: object) -> None:
        del previous
        if current is None:
            return
        item_id = str(current.data(ID, Qt.ItemDataRole.UserRole))
        doc = self.session.doc
        scores = [s for s in doc.assessor_scores() if s.item == item_id]
        self.detail.show_item(
            self.framework.item(item_id),
            self.rows.get(item_id),
            scores,
            doc.consensus().get(item_id),
        )

    # -- writing, through the session --

    def agree(self, item: str, pct: int, note: str) -> bool:
        """确认共识: record ``pct`` as agreed for ``item`` and make it the self-score; False,
        after saying why, when it could not be written.
        """
        framework = self.framework
        try:
            self.session.apply(lambda doc: doc.agree(item, pct, note, framework=framework))
        except DocumentError as exc:
            self.messages.warning(self, self.tr("未能确认共识"), str(exc))
            return False
        self.refresh()
        self.agreed.emit(item)
        return True

    def _threshold_changed(self, points: int) -> None:
        try:
            self.session.apply(lambda doc: doc.set_spread_threshold(points))
        except DocumentError as exc:
            self.messages.warning(self, self.tr("未能保存"), str(exc))
        self.refresh()
