"""One field of the 申请表: its input chosen by type, unit, error line and help line.

A field with a validator (or a date, number or year) is checked when editing finishes: a wrong
value is marked (red border, a message under it, the message in its accessible description) and
kept as typed, a right one is normalised in place (full-width digits made half-width, dates as
ISO). :func:`check_value` does the same check for the cells of the tables.

A field holds at most ``max_length`` characters (forms/limits.toml, through
:func:`qualitydesk.domain.limits.field_max`): a line refuses more keys and cuts a paste as any
line edit does; a multi-line field refuses a paste that would make it longer and says so. A value
already longer (from an older file) is shown whole, never cut.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import FieldSpec
from qualitydesk.domain.validators import Check, normalize, validate
from qualitydesk.store.records import FieldValue
from qualitydesk.ui import theme
from qualitydesk.ui.widgets.autoheight import grow_to_content
from qualitydesk.ui.widgets.issue import Issue
from qualitydesk.ui.widgets.wrapped import WrappedLabel

# Mnemonics for the fields a user most often jumps to (unique on the page).
MNEMONICS = {
    "org_name": "N",
    "uscc": "U",
    "legal_representative": "L",
    "registered_address": "A",
    "established_on": "D",
    "enterprise_type": "T",
    "industry": "I",
    "contact_name": "C",
    "contact_phone": "P",
    "contact_mobile": "M",
    "contact_email": "E",
    "employees_total": "G",
    "excellence_introduced_on": "X",
    "main_products": "R",
    "policy_compliant": "Y",
    "signatory": "S",
}
NUMERIC_TYPES = ("date", "year", "integer", "money", "percent")
QT_MAX_LENGTH = 32767  # a QLineEdit's maxLength unless told otherwise
MULTILINE_LINES = 4  # a multi-line field shows at least this many lines, and grows


def check_value(spec: FieldSpec, text: str) -> Check | None:
    """Check a non-empty ``text`` for ``spec``; None when the field has nothing to check."""
    if spec.validator:
        return validate(spec.validator, text)
    if spec.type in ("date", "money", "percent"):
        return validate(spec.type, text)
    value = normalize(text)
    if spec.type == "integer":
        value = value.replace(",", "")
        if re.fullmatch(r"\d+", value):
            return Check(True, str(int(value)))
        return Check(
            False, value, QCoreApplication.translate("FormPage", "应为不带小数的整数，例如 1280")
        )
    if spec.type == "year":
        value = value.removesuffix("年").strip()
        if re.fullmatch(r"(19|20)\d\d", value):
            return Check(True, value)
        return Check(
            False, value, QCoreApplication.translate("FormPage", "年度应为四位年份，例如 2024")
        )
    return None


# The red border of an input holding a wrong value (a theme.style template). Set only while the
# value is wrong: a widget with a style sheet of its own is drawn through Qt's style-sheet style.
INVALID_STYLE = "QLineEdit, QPlainTextEdit { border: 2px solid $error; }"


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark ``widget`` (a line or a box of text) as holding a wrong value, or clear the mark."""
    widget.setProperty("invalid", invalid)
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.setStyleSheet(theme.style(INVALID_STYLE) if invalid else "")


def _label_html(text: str, required: bool, mnemonic: str | None = None) -> str:
    """A label as rich text: the name, its mnemonic and a red * when the field is required."""
    # The mnemonic's "&" stays raw: QLabel reads the shortcut from the unparsed text.
    body = html.escape(text, quote=False) + (f"(&{mnemonic})" if mnemonic else "")
    star = f' <span style="color:{theme.ERROR.name()}">*</span>' if required else ""
    return body + star


class BoundedPlainTextEdit(QPlainTextEdit):
    """A multi-line field that refuses a paste making it longer than ``max_length``."""

    refused = Signal(int, int)  # the length the paste would make, the maximum

    def __init__(self, max_length: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_length = max_length

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste, unless the text would then be over ``max_length``: emit ``refused`` instead."""
        if self.max_length is not None and source.hasText():
            cursor = self.textCursor()
            selected = cursor.selectionEnd() - cursor.selectionStart()
            total = self.document().characterCount() - 1 - selected + len(source.text())
            if total > self.max_length:
                self.refused.emit(total, self.max_length)
                return
        super().insertFromMimeData(source)


# --- one field ----------------------------------------------------------------------------------


class FieldEditor(QObject):
    """The input for one field of the 申请表, with its unit, error line and help line."""

    edited = Signal()

    def __init__(
        self, spec: FieldSpec, parent: QWidget | None = None, *, max_length: int | None = None
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.max_length = max_length  # characters; None: Qt's own bound for a line
        self.check: Check | None = None
        self.label = QLabel(_label_html(spec.label, spec.required, MNEMONICS.get(spec.id)))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.input = self._make_input()
        self.input.setObjectName(f"field_{spec.id}")
        name = spec.label + (self.tr("（必填）") if spec.required else "")
        self.input.setAccessibleName(name)
        self.input.setAccessibleDescription(spec.help)
        self.input.setToolTip(spec.help)
        self.label.setBuddy(self.input)
        self.label.setToolTip(spec.help)
        self.message = WrappedLabel()
        self.message.setVisible(False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = WrappedLabel(spec.help)
        theme.colour_text(self.hint, theme.MUTED)
        self.box = self._make_box()

    def _make_input(self) -> QWidget:
        spec = self.spec
        if spec.type == "bool":
            box = QCheckBox(self.tr("是"))
            box.toggled.connect(self.edited)
            return box
        if spec.type == "choice":
            combo = QComboBox()
            combo.addItems(["", *spec.choices])
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self.edited)
            return combo
        if spec.type == "multiline":
            edit = BoundedPlainTextEdit(self.max_length)
            edit.refused.connect(self._paste_refused)
            edit.textChanged.connect(self._hide_message)  # a refused paste's notice is old now
            edit.setTabChangesFocus(True)
            edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            grow_to_content(edit, MULTILINE_LINES)  # the form scrolls, not the box
            edit.textChanged.connect(self.edited)
            return edit
        line = QLineEdit()
        if self.max_length is not None:
            line.setMaxLength(self.max_length)
        if spec.type == "date":
            line.setPlaceholderText(self.tr("例如 2016-12-01"))
        if spec.type in NUMERIC_TYPES:
            line.setMaximumWidth(QFontMetrics(line.font()).horizontalAdvance("0") * 24)
        line.textEdited.connect(self._text_edited)
        line.editingFinished.connect(self.finish_editing)
        return line

    def _make_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        fixed = self.spec.type in (*NUMERIC_TYPES, "bool", "choice")
        row.addWidget(self.input, 0 if fixed else 1)
        if self.spec.unit:
            unit = QLabel(self.spec.unit)
            unit.setAccessibleName(self.tr("单位"))
            row.addWidget(unit)
        if fixed:
            row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.message)
        column.addWidget(self.hint)
        return box

    # -- values --

    def text(self) -> str:
        """What the input holds as text, without surrounding spaces ("" for a tick box)."""
        widget = self.input
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        return ""

    def value(self) -> FieldValue:
        """The value to store: the text, or True/False for a tick box."""
        if isinstance(self.input, QCheckBox):
            return self.input.isChecked()
        return self.text()

    def filled(self) -> bool:
        """Whether the field has a value (a tick box: whether it is ticked)."""
        return self.value() not in ("", False)

    def set_value(self, value: FieldValue) -> None:
        """Show ``value`` without emitting ``edited``."""
        widget = self.input
        blocked = widget.blockSignals(True)
        try:
            if isinstance(widget, QCheckBox):
                widget.setChecked(value is True or str(value).lower() in ("true", "1", "是"))
            elif isinstance(widget, QComboBox):
                text = "" if value is None else str(value)
                if widget.findText(text) < 0:
                    widget.addItem(text)  # a value from elsewhere is kept, not lost
                widget.setCurrentIndex(widget.findText(text))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText("" if value is None else str(value))
            elif isinstance(widget, QLineEdit):
                text = "" if value is None else str(value)
                bound = QT_MAX_LENGTH if self.max_length is None else self.max_length
                widget.setMaxLength(max(bound, len(text)))  # too long already: whole, not cut
                widget.setText(text)
        finally:
            widget.blockSignals(blocked)
        self.revalidate(normalise=False)

    # -- checking --

    def current_check(self) -> Check | None:
        """The check of what the widget holds now (None: empty or nothing to check)."""
        if not isinstance(self.input, QLineEdit):
            return None
        text = self.text()
        return check_value(self.spec, text) if text else None

    def _text_edited(self) -> None:
        self.edited.emit()
        if self.check is not None and not self.check.ok:
            found = self.current_check()
            if found is None or found.ok:
                self._show(None)  # corrected: clear the mark at once, normalise when finished

    def finish_editing(self) -> None:
        """Check the value; normalise it in place when it is right."""
        before = self.text()
        self.revalidate(normalise=True)
        if self.text() != before:
            self.edited.emit()

    def revalidate(self, normalise: bool) -> None:
        """Check the value again and show the result; ``normalise`` puts a right value's normal form
        (half-width digits, an ISO date) in the line.
        """
        found = self.current_check()
        line = self.input if isinstance(self.input, QLineEdit) else None
        if normalise and line and found is not None and found.ok and found.value != line.text():
            line.setText(found.value)
        self._show(found)

    def _show(self, found: Check | None) -> None:
        self.check = found
        invalid = found is not None and not found.ok
        warning = found is not None and found.ok and bool(found.warning)
        if invalid or self.input.property("invalid"):
            mark_invalid(self.input, invalid)
        if invalid:
            assert found is not None
            self.message.setText(found.message)
            theme.colour_text(self.message, theme.ERROR)
            self.input.setAccessibleDescription(self.tr("有误：") + found.message)
        elif warning:
            assert found is not None
            self.message.setText(found.warning)
            theme.colour_text(self.message, theme.WARNING)
            self.input.setAccessibleDescription(self.tr("请核对：") + found.warning)
        else:
            self.input.setAccessibleDescription(self.spec.help)
        self.message.setVisible(invalid or warning)

    def _hide_message(self) -> None:
        self.message.setVisible(False)

    def _paste_refused(self, total: int, maximum: int) -> None:
        self.message.setText(
            self.tr(
                "粘贴后本项将有 {n} 字，超过最多可容纳的 {max} 字，未粘贴。请精简后再试。"
            ).format(n=numbers.integer(total), max=numbers.integer(maximum))
        )
        theme.colour_text(self.message, theme.ERROR)
        self.message.setVisible(True)

    def issues(self) -> list[Issue]:
        """Missing: an empty required field; error: a rejected value; warning: a doubtful one."""
        spec = self.spec
        if not self.filled():
            if not spec.required:
                return []
            text = self.tr("尚未勾选：{label}") if spec.type == "bool" else self.tr("未填写{label}")
            return [Issue(text.format(label=spec.label), "missing", "form", spec.id)]
        found = self.current_check()
        if found is not None and not found.ok:
            return [Issue(f"{spec.label}：{found.message}", "error", "form", spec.id)]
        if found is not None and found.warning:
            return [Issue(f"{spec.label}：{found.warning}", "warning", "form", spec.id)]
        return []
