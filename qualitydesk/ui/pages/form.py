"""申请表: the organisation's data as grouped fields and editable tables, checked as it is typed.

Every field of ``forms/application-form.toml`` gets one widget by its type; a field with a
validator is checked when editing finishes: a wrong value is marked (red border, a message under
it, the message in its accessible description) and kept as typed, a right one is normalised in
place (full-width digits made half-width, dates as ISO). The tables (3-year financials,
certifications, licences, honours, products) are edited in ``QTableWidget``s with the same checks
per cell. The widgets are :class:`~qualitydesk.ui.widgets.field_editor.FieldEditor` and
:class:`~qualitydesk.ui.widgets.table_editor.TableEditor`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import FieldSpec, TableSpec
from qualitydesk.domain.limits import field_max
from qualitydesk.store.document import Document
from qualitydesk.store.records import FieldValue
from qualitydesk.ui.pages.base import IDLE_AFTER_MS, Issue, Page, PageContext
from qualitydesk.ui.widgets.field_editor import MNEMONICS, FieldEditor
from qualitydesk.ui.widgets.wrapped import WrappedLabel

LABELS_MEASURED = 6  # the longest labels, of which the widest sets the label column

if TYPE_CHECKING:  # imported with the first table, after the first group is shown
    from qualitydesk.ui.widgets.table_editor import TableEditor


class FormPage(Page):
    """The 申请表 step: grouped fields and the tables, inside one scroll area.

    Built ``progressive``ly (as the wizard shows it), the page builds its first group — what the
    window shows — at once and, from :data:`IDLE_AFTER_MS` on, each further group and table in a
    turn of the event loop of its own, so the window is painted and answers while the rest (five
    of its six parts, two thirds of the page's CPU) follows within half a second. Whatever reads the whole page
    (``editors``, ``tables``, ``issues`` …) has it built at once first.
    """

    key = "form"

    def __init__(
        self, context: PageContext, parent: QWidget | None = None, *, progressive: bool = False
    ) -> None:
        super().__init__(context, parent)
        self._loading = False
        self._editors: dict[str, FieldEditor] = {}
        self._tables: dict[str, TableEditor] = {}
        self._doc: Document | None = None  # loaded: what parts built later are filled from
        self._filled: set[str] = set()  # the fields and tables (table:<id>) filled from it
        self.application_year = date.today().year

        content = QWidget()
        self._column = QVBoxLayout(content)
        intro = WrappedLabel(
            self.tr(
                "按营业执照、审计报告和证书如实填写。带 * 的为必填项；"
                "填写有误的项会标红并说明原因，内容随时自动保存。"
            )
        )
        self._column.addWidget(intro)
        self._column.addStretch(1)
        catalogue = context.forms.form.for_award(context.award)  # this applicant's 申请表
        self._label_width = _label_width(
            [spec for group in catalogue.groups for spec in group.fields]
        )
        self._parts: list[Callable[[], QWidget]] = [
            partial(self._group_box, group.name, group.fields) for group in catalogue.groups
        ]
        self._parts += [partial(self._table, spec) for spec in catalogue.tables]
        self._build_parts(1 if progressive else len(self._parts))
        if self._parts:
            QTimer.singleShot(IDLE_AFTER_MS, self, self._build_while_idle)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    # -- built in parts --

    @property
    def building(self) -> bool:
        """Whether groups or tables are still to be built."""
        return bool(self._parts)

    def complete(self) -> None:
        """Build every group and table still to be built, shown and laid out at once: whoever
        asks is about to read them or bring one into view.
        """
        if self._parts:
            for part in self._build_parts(len(self._parts)):
                if self.isVisible():
                    part.show()  # now, not when the layout's queued call comes
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    @property
    def editors(self) -> dict[str, FieldEditor]:
        """Every field's editor, by field id (the whole page built first)."""
        self.complete()
        return self._editors

    @property
    def tables(self) -> dict[str, TableEditor]:
        """Every table's editor, by table id (the whole page built first)."""
        self.complete()
        return self._tables

    def _build_while_idle(self) -> None:
        self._build_parts(1)
        if self._parts:
            QTimer.singleShot(0, self, self._build_while_idle)

    def _build_parts(self, count: int) -> list[QWidget]:
        """Build the next ``count`` parts, placed before the closing stretch and filled from the
        document if it is loaded; ``completed`` once none is left. Returns the parts built.
        """
        built = [build() for build in self._parts[:count]]
        if not built:
            return []
        for part in built:
            self._column.insertWidget(self._column.count() - 1, part)
        del self._parts[:count]
        if self._doc is not None:
            self._fill(self._doc)
        if not self._parts:
            self.completed.emit()
        return built

    def _group_box(self, name: str, fields: Sequence[FieldSpec]) -> QGroupBox:
        box = QGroupBox(name)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for spec in fields:
            editor = FieldEditor(spec, self, max_length=field_max(self.context.forms.limits, spec))
            editor.edited.connect(self._edited)
            # One label column for all groups, so the inputs line up from group to group.
            editor.label.setMinimumWidth(self._label_width)
            editor.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._editors[spec.id] = editor
            form.addRow(editor.label, editor.box)
        return box

    def _table(self, spec: TableSpec) -> TableEditor:
        from qualitydesk.ui.widgets.table_editor import TableEditor

        editor = TableEditor(spec, max_length=self.context.forms.limits.table_cell)
        editor.edited.connect(self._edited)
        self._tables[spec.id] = editor
        return editor

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Fill every field and table; the tables offer the three years before the application's.
        Parts built later are filled from ``doc`` as they are built.
        """
        self._doc = doc
        self.application_year = doc.application_date.year
        self._filled = set()
        self._fill(doc)

    def _fill(self, doc: Document) -> None:
        """Fill the fields and tables built and not filled from ``doc`` yet."""
        self._loading = True
        try:
            for field_id, editor in self._editors.items():
                if field_id not in self._filled:
                    editor.set_value(doc.field(field_id))
            offered = [self.application_year - n for n in (3, 2, 1)]
            for table_id, editor in self._tables.items():
                if f"table:{table_id}" not in self._filled:
                    editor.load(doc.rows(table_id), offered)
            self._filled = set(self._editors) | {f"table:{t}" for t in self._tables}
        finally:
            self._loading = False

    def save(self, doc: Document) -> None:
        """Write the fields and tables whose values differ from the document's (empty is empty,
        however it is stored, so opening a file and leaving it changes nothing). A part not built
        yet holds the document's values: nothing of it to write.
        """
        for field_id, editor in self._editors.items():
            value = editor.value()
            if not _same(doc.field(field_id), value):
                doc.set_field(field_id, value)
        for table_id, editor in self._tables.items():
            rows = editor.rows()
            if _filled(rows) != _filled(doc.rows(table_id)):
                doc.set_rows(table_id, rows)

    def issues(self) -> list[Issue]:
        """What the fields and tables find: a required value missing, a value its check rejects."""
        found = [issue for editor in self.editors.values() for issue in editor.issues()]
        found += [issue for editor in self.tables.values() for issue in editor.issues()]
        return found

    def started(self) -> bool:
        """Whether any field or table cell is filled."""
        return any(e.filled() for e in self.editors.values()) or any(
            t.started() for t in self.tables.values()
        )

    def focus_anchor(self, anchor: str) -> None:
        """Focus a field (``uscc``), a table (``table:financials``) or a cell as the readiness
        check names it (``financials[0].revenue``).
        """
        cell = re.fullmatch(r"(\w+)\[(\d+)\]\.(\w+)", anchor)
        table_id = cell.group(1) if cell else anchor.removeprefix("table:")
        if cell or anchor.startswith("table:"):
            editor = self.tables.get(table_id)
            if editor is not None:
                self.scroll.ensureWidgetVisible(editor, 0, 0)
                self.scroll.ensureWidgetVisible(editor.table, 0, 40)
                editor.focus(int(cell.group(2)) if cell else None, cell.group(3) if cell else "")
            return
        field = self.editors.get(anchor)
        if field is not None:
            self.scroll.ensureWidgetVisible(field.box, 0, 60)
            field.input.setFocus(Qt.FocusReason.OtherFocusReason)


def _label_width(fields: Sequence[FieldSpec]) -> int:
    """The width of the widest field label as it will show (name, mnemonic, the required mark),
    measured before the fields are built, with a character to spare.
    """
    metrics = QLabel().fontMetrics()
    shown = [
        spec.label + (f"({MNEMONICS[spec.id]})" if spec.id in MNEMONICS else "") for spec in fields
    ]
    # Chinese characters share one width, twice or so a Latin one's: the widest label is among
    # the longest counted so, and only those are measured (each measured loads its glyphs).
    shown = sorted(shown, key=_columns, reverse=True)[:LABELS_MEASURED]
    mark = metrics.horizontalAdvance(" *")
    return max((metrics.horizontalAdvance(text) for text in shown), default=0) + 2 * mark


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _same(stored: FieldValue, value: FieldValue) -> bool:
    """Whether saving ``value`` would change nothing (None, "" and an unticked box are alike)."""
    if isinstance(value, bool):
        return bool(stored is True) == value and (stored is not None or not value)
    return ("" if stored is None else str(stored)) == value


def _filled(rows: list[dict[str, FieldValue]]) -> list[dict[str, FieldValue]]:
    """``rows`` without their empty cells: a row saved before a column was added to the 申请表
    (honours' 是否撤销) is the same row with that cell empty, and opening it changes nothing.
    """
    return [{k: v for k, v in row.items() if v not in ("", None)} for row in rows]
