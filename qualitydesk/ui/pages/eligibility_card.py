"""The card of one eligibility clause on the 资格自查 page: status, reason, source, declaration.

A card shows the clause's citation and text, the status ``qualitydesk.domain.eligibility`` found
(in colour, with a sign and in words), the reason and the data used, how an ambiguous clause is
read, where its data is entered on the 申请表 (with a button to go there) and, where the applicant
can affirm the clause, a declaration: a tick, a statement and the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.eligibility import AFFIRMABLE, Finding, Status
from qualitydesk.domain.forms import Award, FormCatalogue, Rule
from qualitydesk.store.records import Attachment, Declaration
from qualitydesk.ui import theme

# status → (sign, text colour, background); the sign and the words carry it, not colour alone
STATUS_LOOK = {
    Status.PASS: ("✓", theme.OK, theme.OK_BACKGROUND),
    Status.FAIL: ("✗", theme.ERROR, theme.ERROR_BACKGROUND),
    Status.UNSURE: ("?", theme.UNSURE, theme.UNSURE_BACKGROUND),
    Status.NEEDS_DATA: ("○", theme.WARNING, theme.WARNING_BACKGROUND),
    Status.DECLARED: ("✎", theme.ACCENT, theme.ACCENT_BACKGROUND),
}
STYLE_SHEET = """
QFrame#ruleCard { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }
QLabel[role="hint"] { color: $muted; }
QLabel[role="notice"] { color: $warning; border: 1px solid $warning_line; border-radius: 3px;
                        padding: 0px 4px; }
"""
# Which part of the 申请表 each kind of clause reads: (field id or table anchor).
SOURCE_ANCHORS = {
    "region": "uscc",
    "certification": "table:certifications",
    "no_loss": "table:financials",
    "excluded_award": "table:honours",
    "honour": "table:honours",
    "reapply": "table:honours",
}


def source_anchor(rule: Rule) -> str:
    """Where on the 申请表 the data of ``rule`` is entered ("" for declarations)."""
    if rule.kind == "years_since":
        return str(rule.params["field"])
    return SOURCE_ANCHORS.get(rule.kind, "")


def _source_name(anchor: str, form: FormCatalogue) -> str:
    try:
        if anchor.startswith("table:"):
            return form.table(anchor.removeprefix("table:")).name
        name = form.field(anchor).label
    except KeyError:
        return anchor
    if anchor == "uscc":
        return f"{name}、{form.field('registered_address').label}"
    return name


class RuleCard(QFrame):
    """One clause: citation, text, status, reason, data source and (where it applies) a declaration."""

    edited = Signal()  # the declaration changed
    go_to_form = Signal(str)  # anchor on the 申请表

    def __init__(
        self, rule: Rule, award: Award, form: FormCatalogue, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setObjectName("ruleCard")
        self._loading = False
        self.loaded: Declaration | None = None
        self.touched = False
        self.can_declare = rule.kind == "declaration"
        self.person = award.individual  # a person declares for himself, not for an organisation

        self.citation = QLabel(rule.citation)
        bold = QFont(self.citation.font())
        bold.setBold(True)
        self.citation.setFont(bold)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # Labels shown before they are laid out get a parent: alone, each would flash up as a
        # window of its own and take the focus from where the user is typing.
        self.notice = QLabel(self.tr("按当年申报通知核对"), self)
        self.notice.setProperty("role", "notice")
        self.notice.setVisible(rule.check_notice or award.check_notice)
        # 申报通知: a clause this year's notice adds or rewords (set by the page on load).
        self.origin = _badge(self, self.tr("出自申报通知"))
        clause, _, note = rule.text.strip().partition("\n\n")
        self.text = QLabel(clause.strip())
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel(note.strip(), self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.note.setVisible(bool(note.strip()))
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence_list = _hint(self, "")
        self.evidence_list.setVisible(False)
        self.reading = _hint(self, self.tr("条款读法：{reading}").format(reading=rule.reading))
        self.reading.setVisible(bool(rule.reading))

        header = QHBoxLayout()
        header.addWidget(self.citation)
        header.addWidget(self.status)
        header.addWidget(self.notice)
        header.addWidget(self.origin)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.text)
        layout.addWidget(self.note)
        layout.addWidget(self.reason)
        layout.addWidget(self.evidence_list)
        layout.addWidget(self.reading)
        layout.addLayout(self._source_row(form))
        self.declaration_box = self._declaration_box()
        layout.addWidget(self.declaration_box)

    def _source_row(self, form: FormCatalogue) -> QHBoxLayout:
        row = QHBoxLayout()
        anchor = source_anchor(self.rule)
        if anchor:
            where = self.tr("数据来源：申请表 · {where}").format(where=_source_name(anchor, form))
        else:
            where = (
                self.tr("由申报人本人声明符合，并准备证实性材料供评审核验")
                if self.person
                else self.tr("由申报组织声明符合，并准备证实性材料供评审核验")
            )
        self.source = QLabel(where)
        self.source.setWordWrap(True)
        self.source.setProperty("role", "hint")
        row.addWidget(self.source, 1)
        self.goto: QPushButton | None = None
        if anchor:
            self.goto = QPushButton(self.tr("前往申请表"))
            self.goto.setAccessibleName(
                self.tr("前往申请表填写 {where}").format(where=_source_name(anchor, form))
            )
            self.goto.clicked.connect(lambda: self.go_to_form.emit(anchor))
            row.addWidget(self.goto)
        return row

    def _declaration_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        if self.person:
            self.affirm = QCheckBox(self.tr("本人确认符合此条款(&Y)"))
            name = self.tr("{citation}：本人确认符合此条款")
        else:
            self.affirm = QCheckBox(self.tr("本组织确认符合此条款(&Y)"))
            name = self.tr("{citation}：本组织确认符合此条款")
        self.affirm.setAccessibleName(name.format(citation=self.rule.citation))
        self.statement = QLineEdit()
        self.statement.setPlaceholderText(self.tr("简述符合的事实，例如“近3年无严重失信记录”"))
        self.statement.setAccessibleName(
            self.tr("{citation} 声明内容").format(citation=self.rule.citation)
        )
        self.evidence = QComboBox()
        self.evidence.setEditable(True)
        self.evidence.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # No completer: Qt's own completes the typed text inline with the first attachment
        # named so, and keeps that when the user clicks elsewhere. The list offers them all.
        self.evidence.setCompleter(None)
        self.evidence.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.evidence.setAccessibleName(
            self.tr("{citation} 证实材料").format(citation=self.rule.citation)
        )
        self.evidence.lineEdit().setPlaceholderText(
            self.tr("选择已添加的证实性材料，或写明将提供的材料")
        )
        self.linked = QLabel()
        self.linked.setWordWrap(True)
        self.linked.setProperty("role", "hint")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        statement_label = QLabel(self.tr("声明内容"))
        statement_label.setBuddy(self.statement)
        evidence_label = QLabel(self.tr("证实材料"))
        evidence_label.setBuddy(self.evidence)
        form.addRow(statement_label, self.statement)
        form.addRow(evidence_label, self.evidence)
        column.addWidget(self.affirm)
        column.addLayout(form)
        column.addWidget(self.linked)
        self.affirm.toggled.connect(self._edited)
        self.statement.textEdited.connect(self._edited)
        self.evidence.editTextChanged.connect(self._edited)
        return box

    def _edited(self) -> None:
        if not self._loading:
            self.touched = True
            self.edited.emit()

    # -- loading and reading --

    def load(
        self, declaration: Declaration | None, base: Finding, attachments: Sequence[Attachment]
    ) -> None:
        """Show the stored declaration; offer one when the clause needs it (``base`` without it)."""
        self._loading = True
        try:
            self.loaded = declaration
            self.touched = False
            affirmed = declaration is not None and declaration.affirmed
            self.can_declare = (
                self.rule.kind == "declaration"
                or base.status in AFFIRMABLE
                or declaration is not None
            )
            self.declaration_box.setVisible(self.can_declare)
            self.affirm.setChecked(affirmed)
            self.statement.setText(declaration.statement if declaration else "")
            self._fill_evidence(attachments, declaration.evidence if declaration else "")
        finally:
            self._loading = False

    def _fill_evidence(self, attachments: Sequence[Attachment], current: str) -> None:
        linked = [a for a in attachments if any(k.target == self.rule.id for k in a.links)]
        others = [a for a in attachments if a not in linked]
        self.evidence.clear()
        self.evidence.addItem("")
        for attachment in [*linked, *others]:
            self.evidence.addItem(attachment.caption or attachment.file_name)
            self.evidence.setItemData(
                self.evidence.count() - 1, attachment.file_name, Qt.ItemDataRole.ToolTipRole
            )
        self.evidence.setEditText(current)
        names = "；".join(a.caption or a.file_name for a in linked)
        self.linked.setText(self.tr("证实性材料中已关联本条：{names}").format(names=names))
        self.linked.setVisible(bool(linked))

    @property
    def affirmed(self) -> bool:
        """Whether the clause is affirmed: it offers a declaration and the box is ticked."""
        return self.can_declare and self.affirm.isChecked()

    def declaration(self) -> Declaration | None:
        """The declaration to store: None while it was never made nor touched."""
        if not self.can_declare or (self.loaded is None and not self.touched):
            return None
        affirmed = self.affirm.isChecked()
        stamp = self.loaded.affirmed_at if self.loaded and self.loaded.affirmed else ""
        return Declaration(
            affirmed,
            self.statement.text().strip(),
            self.evidence.currentText().strip(),
            stamp if affirmed else "",
        )

    def show_finding(self, finding: Finding) -> None:
        """Show the status of ``finding`` (sign, words, colour), its reason and the data used."""
        sign, tone, shade = STATUS_LOOK[finding.status]
        colour, background = tone.name(self.palette()), shade.name(self.palette())
        words = self.status_words(finding.status)
        self.status.setText(f"{sign} {words}")
        self.status.setStyleSheet(
            f"color: {colour}; background: {background}; border: 1px solid {colour};"
            "border-radius: 3px; padding: 0px 6px;"
        )
        self.status.setAccessibleName(self.tr("状态：{status}").format(status=words))
        self.reason.setText(self.tr("判断：{reason}").format(reason=finding.reason))
        used = "\n".join(f"· {e}" for e in finding.evidence)
        self.evidence_list.setText(self.tr("依据的数据：\n{evidence}").format(evidence=used))
        self.evidence_list.setVisible(bool(finding.evidence))

    def status_words(self, status: Status) -> str:
        """The words of a status as the card shows them (符合, 不符合 …)."""
        words = {
            Status.PASS: self.tr("符合"),
            Status.FAIL: self.tr("不符合"),
            Status.UNSURE: self.tr("需确认"),
            Status.NEEDS_DATA: self.tr("待补充"),
            Status.DECLARED: self.tr("已声明"),
        }
        return words[status]

    def focus(self) -> None:
        """Focus the declaration's tick, or else the button to the 申请表."""
        target: QWidget | None = self.affirm if self.can_declare else self.goto
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)


def _badge(parent: QWidget, text: str) -> QLabel:
    """A hidden badge beside the citation (shown by the page where it applies)."""
    label = QLabel(text, parent)
    label.setProperty("role", "notice")
    label.setVisible(False)
    return label


def _hint(parent: QWidget, text: str) -> QLabel:
    """A grey, wrapped, selectable plain-text line of a card (the evidence, the reading)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty("role", "hint")
    return label
