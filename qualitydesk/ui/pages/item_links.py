"""The links of an item page: the attachments linked to the item and the indicators it owns.

Both lists show every row (the score panel scrolls, not the lists) or, when empty, a line saying
where to add some. A click on a row asks the window to show that attachment or indicator; the
insert-chart menu offers the item's indicators, for the page to place a trend chart in the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Item
from qualitydesk.store.records import Attachment, Indicator, Link


class ItemLinks(QGroupBox):
    """关联的证实性材料和数据: the item's attachments and indicators, and the insert-chart menu."""

    navigate = Signal(str, str)  # step key, anchor: a linked attachment or indicator clicked
    chart_chosen = Signal(object)  # the Indicator whose trend chart goes into the text

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("关联的证实性材料和数据"))
        self.item = item
        column = QVBoxLayout(self)
        self.attachments = QListWidget(self)
        self.attachments.setAccessibleName(self.tr("关联的证实性材料"))
        self.indicators = QListWidget(self)
        self.indicators.setAccessibleName(self.tr("关联的关键绩效指标"))
        self.no_attachments = QLabel(
            self.tr("尚无关联本项的材料；可在“证实性材料”页把附件关联到 {id}。").format(id=item.id),
            self,
        )
        self.no_indicators = QLabel(self.tr("尚无归属本项的关键绩效指标。"), self)
        self.insert_chart = QToolButton(self)
        self.insert_chart.setText(self.tr("把趋势图插入自评内容(&R)"))
        self.insert_chart.setToolTip(
            self.tr("在光标处插入所选指标的趋势图；它在申报材料中按本项编号（图{id}-n）").format(
                id=item.id
            )
        )
        self.insert_chart.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_chart.setMenu(QMenu(self.insert_chart))
        for text, widget, empty in (
            (self.tr("证实性材料(&E)"), self.attachments, self.no_attachments),
            (self.tr("关键绩效数据(&K)"), self.indicators, self.no_indicators),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            empty.setWordWrap(True)
            widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            column.addWidget(label)
            column.addWidget(widget)
            column.addWidget(empty)
            widget.itemClicked.connect(self._link_activated)
            widget.itemActivated.connect(self._link_activated)
        column.addWidget(self.insert_chart)

    def show_links(self, attachments: list[Attachment], indicators: list[Indicator]) -> None:
        """List the attachments linked to the item and the indicators that belong to it."""
        link = Link("item", self.item.id)
        self.attachments.clear()
        for attachment in attachments:
            if link in attachment.links:
                entry = QListWidgetItem(attachment.caption or attachment.file_name)
                entry.setToolTip(attachment.file_name)
                entry.setData(Qt.ItemDataRole.UserRole, ("evidence", str(attachment.id)))
                self.attachments.addItem(entry)
        self.indicators.clear()
        own = [i for i in indicators if i.item == self.item.id]
        menu = self.insert_chart.menu()
        menu.clear()
        for indicator in own:
            menu.addAction(indicator.name, lambda i=indicator: self.chart_chosen.emit(i))
        self.insert_chart.setEnabled(not menu.isEmpty())
        for indicator in own:
            name = f"{indicator.name}（{indicator.unit}）" if indicator.unit else indicator.name
            entry = QListWidgetItem(name)
            entry.setToolTip(name)  # the list elides what its width cannot show
            entry.setData(Qt.ItemDataRole.UserRole, ("indicators", indicator.id))
            self.indicators.addItem(entry)
        for widget, empty in (
            (self.attachments, self.no_attachments),
            (self.indicators, self.no_indicators),
        ):
            widget.setVisible(widget.count() > 0)
            empty.setVisible(widget.count() == 0)
            height = sum(widget.sizeHintForRow(row) for row in range(widget.count()))
            widget.setFixedHeight(height + 2 * widget.frameWidth() + 2)  # all rows: no scroll bar

    def _link_activated(self, entry: QListWidgetItem) -> None:
        step, anchor = entry.data(Qt.ItemDataRole.UserRole)
        self.navigate.emit(step, anchor)
