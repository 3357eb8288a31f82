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
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import FieldSpec
from qualitydesk.domain.limits import field_max
from qualitydesk.store.document import Document
from qualitydesk.store.records import FieldValue
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.field_editor import FieldEditor
from qualitydesk.ui.widgets.table_editor import TableEditor


class FormPage(Page):
    """The 申请表 step: grouped fields and the tables, inside one scroll area."""

    key = "form"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self.editors: dict[str, FieldEditor] = {}
        self.tables: dict[str, TableEditor] = {}
        self.application_year = date.today().year

        content = QWidget()
        column = QVBoxLayout(content)
        intro = QLabel(
            self.tr(
                "按营业执照、审计报告和证书如实填写。带 * 的为必填项；"
                "填写有误的项会标红并说明原因，内容随时自动保存。"
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        catalogue = context.forms.form.for_award(context.award)  # this applicant's 申请表
        for group in catalogue.groups:
            column.addWidget(self._group_box(group.name, group.fields))
        for spec in catalogue.tables:
            editor = TableEditor(spec, max_length=context.forms.limits.table_cell)
            editor.edited.connect(self._edited)
            self.tables[spec.id] = editor
            column.addWidget(editor)
        column.addStretch(1)
        # One label column for all groups, so the inputs line up from group to group.
        width = max(editor.label.sizeHint().width() for editor in self.editors.values())
        for editor in self.editors.values():
            editor.label.setMinimumWidth(width)
            editor.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def _group_box(self, name: str, fields: Sequence[FieldSpec]) -> QGroupBox:
        box = QGroupBox(name)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for spec in fields:
            editor = FieldEditor(spec, self, max_length=field_max(self.context.forms.limits, spec))
            editor.edited.connect(self._edited)
            self.editors[spec.id] = editor
            form.addRow(editor.label, editor.box)
        return box

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Fill every field and table; the tables offer the three years before the application's."""
        self._loading = True
        try:
            self.application_year = doc.application_date.year
            for field_id, editor in self.editors.items():
                editor.set_value(doc.field(field_id))
            offered = [self.application_year - n for n in (3, 2, 1)]
            for table_id, editor in self.tables.items():
                editor.load(doc.rows(table_id), offered)
        finally:
            self._loading = False

    def save(self, doc: Document) -> None:
        """Write the fields and tables whose values differ from the document's (empty is empty,
        however it is stored, so opening a file and leaving it changes nothing).
        """
        for field_id, editor in self.editors.items():
            value = editor.value()
            if not _same(doc.field(field_id), value):
                doc.set_field(field_id, value)
        for table_id, editor in self.tables.items():
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
