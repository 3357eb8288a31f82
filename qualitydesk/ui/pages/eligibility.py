"""资格自查: every eligibility clause of the programme with its status, reason and declaration.

Each clause is a card: its citation (第十一条（六）) and text, the status evaluated by
``qualitydesk.domain.eligibility`` from the application's data (符合 / 不符合 / 需确认 / 待补充 /
已声明, in colour and in words), the reason, the data it used, how an ambiguous clause is read, and
where its data comes from with a link to the 申请表. Clauses only the applicant can affirm, and
data-driven clauses whose data is missing or that the program cannot decide (需确认), offer a
declaration:
a tick, a statement and the evidence (one of the document's attachments, or free text). Ticking
re-evaluates at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

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
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.eligibility import AFFIRMABLE, Application, Finding, Status, evaluate
from qualitydesk.domain.forms import Award, FormCatalogue, Rule
from qualitydesk.domain.notices import Origin
from qualitydesk.store.document import Document
from qualitydesk.store.readiness import application, effective
from qualitydesk.store.records import Attachment, Declaration
from qualitydesk.ui.pages.base import Issue, Page, PageContext

# status → (sign, text colour, background); the sign and the words carry it, not colour alone
STATUS_LOOK = {
    Status.PASS: ("✓", "#1b5e20", "#e6f4ea"),
    Status.FAIL: ("✗", "#b3261e", "#fdecea"),
    Status.UNSURE: ("?", "#6a1b9a", "#f3e5f5"),
    Status.NEEDS_DATA: ("○", "#7a4f00", "#fff3d6"),
    Status.DECLARED: ("✎", "#0b4f9c", "#e3eefb"),
}
STYLE_SHEET = """
QFrame#ruleCard { border: 1px solid #c9ccd1; border-radius: 6px; background: palette(base); }
QLabel[role="hint"] { color: #5f6368; }
QLabel[role="notice"] { color: #7a4f00; border: 1px solid #d9a400; border-radius: 3px;
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
        sign, colour, background = STATUS_LOOK[finding.status]
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
        words = {
            Status.PASS: self.tr("符合"),
            Status.FAIL: self.tr("不符合"),
            Status.UNSURE: self.tr("需确认"),
            Status.NEEDS_DATA: self.tr("待补充"),
            Status.DECLARED: self.tr("已声明"),
        }
        return words[status]

    def focus(self) -> None:
        target: QWidget | None = self.affirm if self.can_declare else self.goto
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)


class EligibilityPage(Page):
    """The 资格自查 step: every clause of the programme, evaluated live."""

    key = "eligibility"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setStyleSheet(STYLE_SHEET)
        award = context.award
        self._app = Application(date=date.today())
        self.findings: list[Finding] = []
        self.summary = QLabel()
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.summary.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "依据《{document}》逐条核对申报条件。由数据判断的条款请在申请表中补全数据；"
                "需要声明的条款请勾选确认，写明事实并指明证实性材料。"
            ).format(document=award.document)
        )
        intro.setWordWrap(True)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.summary)
        column.addWidget(intro)
        self.cards_box = QVBoxLayout()
        column.addLayout(self.cards_box)
        column.addStretch(1)
        self.rules: tuple[Rule, ...] = ()
        self.cards: dict[str, RuleCard] = {}
        self._show_rules(award, frozenset())
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.refresh()

    def _show_rules(self, award: Award, from_notice: frozenset[str]) -> None:
        """One card per clause of ``award`` (this year's: the 办法 with the notice's clauses);
        cards are rebuilt only when the clauses change."""
        if award.rules != self.rules:
            for card in self.cards.values():
                card.hide()
                card.deleteLater()
            self.cards = {}
            for rule in award.rules:
                card = RuleCard(rule, award, self.context.forms.form)
                card.edited.connect(self._declaration_edited)
                card.go_to_form.connect(lambda anchor: self.navigate.emit("form", anchor))
                self.cards[rule.id] = card
                self.cards_box.addWidget(card)
            self.rules = award.rules
        for rule_id, card in self.cards.items():
            card.origin.setVisible(rule_id in from_notice)

    # -- evaluation --

    def refresh(self) -> None:
        """Evaluate every clause with the declarations as ticked on this page now."""
        declared = frozenset(rid for rid, card in self.cards.items() if card.affirmed)
        app = replace(self._app, declared=declared)
        form = self.context.forms.form
        self.findings = [evaluate(rule, app, form) for rule in self.rules]
        for finding in self.findings:
            self.cards[finding.rule.id].show_finding(finding)
        self.summary.setText(self._summary_text())

    def _summary_text(self) -> str:
        if not self.findings:
            return self.tr("本项目没有申报资格条件，无需自查。")
        counts = {s: sum(f.status is s for f in self.findings) for s in Status}
        return self.tr(
            "{total} 条：符合 {ok} · 已声明 {declared} · 需确认 {unsure} · 待补充 {missing} · "
            "不符合 {fail}"
        ).format(
            total=len(self.findings),
            ok=counts[Status.PASS],
            declared=counts[Status.DECLARED],
            unsure=counts[Status.UNSURE],
            missing=counts[Status.NEEDS_DATA],
            fail=counts[Status.FAIL],
        )

    def _declaration_edited(self) -> None:
        self.refresh()
        self.changed.emit()

    # -- the page contract --

    def load(self, doc: Document) -> None:
        this_year = effective(doc, self.context.forms, self.context.award)
        from_notice = frozenset(
            r.id for r in this_year.award.rules if this_year.origin(r.id) is not Origin.RULES
        )
        self._show_rules(this_year.award, from_notice)
        self._app = replace(application(doc), declared=frozenset())
        attachments = doc.attachments()
        form = self.context.forms.form
        for rule in self.rules:
            base = evaluate(rule, self._app, form)
            self.cards[rule.id].load(doc.declaration(rule.id), base, attachments)
        self.refresh()

    def save(self, doc: Document) -> None:
        for rule_id, card in self.cards.items():
            if not card.can_declare:
                continue
            declaration = card.declaration()
            if declaration != doc.declaration(rule_id):
                doc.set_declaration(rule_id, declaration)

    def issues(self) -> list[Issue]:
        found = []
        for finding in self.findings:
            if finding.status not in (Status.FAIL, *AFFIRMABLE):
                continue
            severity = "error" if finding.status is Status.FAIL else "missing"
            message = f"{finding.clause} {_short(finding.rule.text)}：{finding.reason}"
            found.append(Issue(message, severity, self.key, finding.rule.id))
        return found

    def started(self) -> bool:
        entered = bool(self._app.fields) or any(self._app.tables.values())
        return entered or any(c.touched or c.affirmed for c in self.cards.values())

    def focus_anchor(self, anchor: str) -> None:
        card = self.cards.get(anchor)
        if card is not None:
            self.scroll.ensureWidgetVisible(card, 0, 20)
            card.focus()


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


def _short(text: str, limit: int = 30) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"
