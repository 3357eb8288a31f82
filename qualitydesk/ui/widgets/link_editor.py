"""The caption (说明) and links (关联到) of one attachment on the 证实性材料 page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.store.records import Attachment, Link

if TYPE_CHECKING:
    from qualitydesk.domain.forms import Award, Forms, Framework


class Programme(Protocol):
    """What the editor reads of the page's context: the award, its framework and the limits."""

    @property
    def forms(self) -> Forms:
        """The programme's forms: the caption's maximum length is in their limits."""

    @property
    def award(self) -> Award:
        """The award: its checklist entries and clauses are what an attachment can prove."""

    @property
    def framework(self) -> Framework:
        """The framework: its items are what an attachment can be linked to."""


KEY_ROLE = Qt.ItemDataRole.UserRole  # an entry's link target


def _short(text: str, length: int = 36) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


class LinkEditor(QWidget):
    """说明 and 关联到 of the selected attachment: checklist entries, items and clauses.

    ``caption_edited(text)`` and ``links_edited()`` report user edits (never ``show``'s).
    """

    caption_edited = Signal(str)
    links_edited = Signal()

    def __init__(self, context: Programme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {s.id: s for s in context.award.attachments}
        self._showing = False
        self.caption = QLineEdit()
        self.max_caption = context.forms.limits.caption  # it heads the attachment's pages
        self.caption.setMaxLength(self.max_caption)
        self.caption.setAccessibleName(self.tr("说明"))
        self.caption.setPlaceholderText(self.tr("例如：营业执照副本（2025年年检）"))
        self.caption.setAcceptDrops(False)  # a file dropped here is added, not typed in
        self.caption.textEdited.connect(self._caption_edited)
        caption_label = QLabel(self.tr("说明(&C)"))
        caption_label.setBuddy(self.caption)
        optional = self.tr("（可选）")
        self.lists = {
            "checklist": self._list(
                self.tr("关联的清单条目"),
                (
                    (s.id, s.name + ("" if s.required else optional), s.note)
                    for s in self.specs.values()
                ),
            ),
            "item": self._list(
                self.tr("关联的评分条目"),
                ((i.id, f"{i.id} {i.name}", "") for i in context.framework.items),
            ),
            "rule": self._list(
                self.tr("关联的资格条款"),
                ((r.id, f"{r.citation} {_short(r.text)}", r.text) for r in context.award.rules),
            ),
        }
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("关联到"))
        self.tabs.addTab(self.lists["checklist"], self.tr("清单条目"))
        self.tabs.addTab(self.lists["item"], self.tr("评分条目"))
        self.tabs.addTab(self.lists["rule"], self.tr("资格条款"))
        links_label = QLabel(self.tr("关联到(&K)"))
        links_label.setBuddy(self.tabs)
        row = QHBoxLayout()
        row.addWidget(caption_label)
        row.addWidget(self.caption, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(links_label)
        box.addWidget(self.tabs, 1)

    def _list(self, name: str, entries: Iterable[tuple[str, str, str]]) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setWordWrap(True)
        for target, text, tip in entries:
            entry = QListWidgetItem(text)
            entry.setData(KEY_ROLE, target)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            entry.setToolTip(tip)
            widget.addItem(entry)
        widget.itemChanged.connect(self._toggled)
        return widget

    def _entries(self) -> Iterable[tuple[str, QListWidgetItem]]:
        for kind, widget in self.lists.items():
            for row in range(widget.count()):
                yield kind, widget.item(row)

    def show_attachment(self, attachment: Attachment | None, caption: str = "") -> None:
        """Show ``attachment``'s caption and ticks (nothing when None), emitting nothing."""
        targets = {(link.kind, link.target) for link in attachment.links} if attachment else set()
        self._showing = True
        try:
            self._show_caption(caption)
            for kind, entry in self._entries():
                ticked = (kind, entry.data(KEY_ROLE)) in targets
                entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        finally:
            self._showing = False

    def set_caption(self, text: str) -> None:
        """Show ``text`` as the caption unless it is shown already (the cursor stays put)."""
        if self.caption.text() != text:
            self._show_caption(text)

    def _show_caption(self, text: str) -> None:
        """Show ``text`` whole, even one longer than a caption may be (from an older file)."""
        self.caption.setMaxLength(max(self.max_caption, len(text)))
        self.caption.setText(text)

    def links(self, attachment: Attachment) -> tuple[Link, ...]:
        """The ticked links, plus any of ``attachment``'s the lists do not show (kept)."""
        shown = {(kind, entry.data(KEY_ROLE)) for kind, entry in self._entries()}
        kept = [link for link in attachment.links if (link.kind, link.target) not in shown]
        ticked = [
            Link(kind, entry.data(KEY_ROLE))
            for kind, entry in self._entries()
            if entry.checkState() == Qt.CheckState.Checked
        ]
        return tuple(kept + ticked)

    def _caption_edited(self, text: str) -> None:
        if not self._showing:
            self.caption_edited.emit(text)

    def _toggled(self, entry: QListWidgetItem) -> None:
        if self._showing:
            return
        spec = self.specs.get(entry.data(KEY_ROLE))
        ticked = entry.checkState() == Qt.CheckState.Checked
        if entry.listWidget() is self.lists["checklist"] and ticked and spec is not None:
            self._tick_rules(spec.rules)  # the clauses a checklist entry proves come along
        self.links_edited.emit()

    def _tick_rules(self, rules: Iterable[str]) -> None:
        wanted = set(rules)
        self._showing = True
        try:
            for kind, entry in self._entries():
                if kind == "rule" and entry.data(KEY_ROLE) in wanted:
                    entry.setCheckState(Qt.CheckState.Checked)
        finally:
            self._showing = False
