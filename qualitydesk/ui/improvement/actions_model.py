"""The action list as a table model: one row an action, each edit written to the file at once.

:class:`ActionsModel` shows :meth:`Document.actions` in the columns 改进事项, 来源, 条目, 负责人,
计划完成, 状态, 备注; ``setData`` hands the changed action to :meth:`Document.update_action` (the
store writes it in its own transaction), and says why in ``failed`` when it could not.
:class:`ActionsFilter` keeps the rows of a status, an item, an owner and containing a text, as
:func:`qualitydesk.store.improvement.filter_actions` decides.

The display role shows words (未开始, 4.1 高层领导的作用); the edit role holds what is stored
(``open``, ``4.1``, an ISO date), which the editors of :mod:`.actions_delegates` read and write.
"""

from __future__ import annotations

from datetime import date

from msgspec.structs import replace
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from qualitydesk.domain.forms import Framework
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.improvement import filter_actions, is_overdue
from qualitydesk.store.records import Action
from qualitydesk.ui import theme

TITLE, SOURCE, ITEM, OWNER, DUE, STATUS, NOTE = range(7)
FIELDS = ("title", "source", "item", "owner", "due", "status", "note")
HEADERS = (
    QT_TRANSLATE_NOOP("ActionsModel", "改进事项"),
    QT_TRANSLATE_NOOP("ActionsModel", "来源"),
    QT_TRANSLATE_NOOP("ActionsModel", "条目"),
    QT_TRANSLATE_NOOP("ActionsModel", "负责人"),
    QT_TRANSLATE_NOOP("ActionsModel", "计划完成"),
    QT_TRANSLATE_NOOP("ActionsModel", "状态"),
    QT_TRANSLATE_NOOP("ActionsModel", "备注"),
)
STATUSES = {  # stored value: the word shown, in the order a combo offers them
    "open": QT_TRANSLATE_NOOP("ActionsModel", "未开始"),
    "doing": QT_TRANSLATE_NOOP("ActionsModel", "进行中"),
    "done": QT_TRANSLATE_NOOP("ActionsModel", "已完成"),
    "dropped": QT_TRANSLATE_NOOP("ActionsModel", "已取消"),
}
SOURCES = {
    "own": QT_TRANSLATE_NOOP("ActionsModel", "自评"),
    "examiners": QT_TRANSLATE_NOOP("ActionsModel", "评审反馈"),
}
UNFINISHED = "unfinished"  # the status filter for open and doing together
Index = QModelIndex | QPersistentModelIndex


def word(words: dict[str, str], value: str) -> str:
    """The word shown for stored ``value`` (a status, a source), in the interface's language."""
    return QCoreApplication.translate("ActionsModel", words[value]) if value in words else value


class ActionsModel(QAbstractTableModel):
    """The document's actions, editable in place."""

    failed = Signal(str)  # an edit could not be written: why

    def __init__(self, doc: Document, framework: Framework, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.item_names = {item.id: f"{item.id} {item.name}" for item in framework.items}
        self.actions: list[Action] = []
        self.today = date.today()
        self.reload()

    def reload(self) -> None:
        """Read the actions from the file again."""
        self.beginResetModel()
        self.actions = list(self.doc.actions())
        self.endResetModel()

    def action(self, row: int) -> Action:
        """The action of ``row``."""
        return self.actions[row]

    def row_of(self, action_id: int) -> int:
        """The row of the action with ``action_id``; -1 when there is none."""
        return next((n for n, a in enumerate(self.actions) if a.id == action_id), -1)

    def owners(self) -> list[str]:
        """Every owner named in the list, sorted, each once."""
        return sorted({a.owner for a in self.actions if a.owner})

    # -- the model's shape --

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per action."""
        return 0 if parent.isValid() else len(self.actions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """改进事项 … 备注."""
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The columns' titles; rows are numbered from 1."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ActionsModel", HEADERS[section])
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Every cell can be selected and edited (unless the file is read-only)."""
        flags = super().flags(index)
        if index.isValid() and not self.doc.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Words to show, stored values to edit, and an overdue date in the error colour."""
        if not index.isValid():
            return None
        action = self.actions[index.row()]
        column = index.column()
        value = str(getattr(action, FIELDS[column]))
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._shown(column, value)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == DUE
            and is_overdue(action, self.today)
        ):
            return theme.ERROR.color()
        return None

    def _shown(self, column: int, value: str) -> str:
        if column == STATUS:
            return word(STATUSES, value)
        if column == SOURCE:
            return word(SOURCES, value)
        if column == ITEM:
            return self.item_names.get(value, value)
        return value

    # -- changes --

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Write the edited cell's action to the file; False (and ``failed``) if it failed."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        old = self.actions[index.row()]
        field = FIELDS[index.column()]
        text = str(value or "").strip()
        if text == getattr(old, field) or (field == "title" and not text):
            return False
        new = replace(old, **{field: text})
        try:
            self.doc.update_action(new)
        except DocumentError as exc:
            self.failed.emit(str(exc))
            return False
        self.actions[index.row()] = new
        last = self.index(index.row(), len(FIELDS) - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        return True

    def add(self, action: Action) -> int:
        """Store ``action`` as a new one; its row (-1, and ``failed``, if it failed)."""
        try:
            new_id = self.doc.add_action(action)
        except DocumentError as exc:
            self.failed.emit(str(exc))
            return -1
        self.reload()
        return self.row_of(new_id)

    def remove(self, action_ids: list[int]) -> None:
        """Delete the actions with ``action_ids`` from the file."""
        try:
            for action_id in action_ids:
                self.doc.remove_action(action_id)
        except DocumentError as exc:
            self.failed.emit(str(exc))
        self.reload()


class ActionsFilter(QSortFilterProxyModel):
    """The rows of one status (or all, or 未完成), one item or category, one owner, containing
    a text (in the title, note or owner).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = self.item = self.owner = self.text = ""

    def set_filter(self, status: str, item: str, owner: str, text: str) -> None:
        """Keep the rows that match every filter given ("" lets every row through)."""
        self.beginFilterChange()
        self.status, self.item, self.owner = status, item, owner
        self.text = text.strip()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        """Whether the action of ``source_row`` matches the filters (the store's filter)."""
        model = self.sourceModel()
        assert isinstance(model, ActionsModel)
        statuses = ("open", "doing") if self.status == UNFINISHED else (self.status,)
        found = filter_actions(
            [model.action(source_row)],
            statuses=statuses if self.status else (),
            item=self.item,
            owner=self.owner,
            text=self.text,
        )
        return bool(found)
