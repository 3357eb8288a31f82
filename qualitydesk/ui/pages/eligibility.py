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

from dataclasses import replace
from datetime import date

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from qualitydesk.domain.eligibility import AFFIRMABLE, Application, Finding, Status, evaluate
from qualitydesk.domain.forms import Award, Rule
from qualitydesk.domain.notices import Origin
from qualitydesk.store.document import Document
from qualitydesk.store.readiness import application, effective
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.pages.eligibility_card import STYLE_SHEET, RuleCard


class EligibilityPage(Page):
    """The 资格自查 step: every clause of the programme, evaluated live."""

    key = "eligibility"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setStyleSheet(theme.style(STYLE_SHEET))
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
        cards are rebuilt only when the clauses change.
        """
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
        """Show this year's clauses (the 办法's with the notice's, marked as from the notice) and the
        document's declarations, then evaluate them.
        """
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
        """Write each declaration that differs from the document's (clauses that offer one only)."""
        for rule_id, card in self.cards.items():
            if not card.can_declare:
                continue
            declaration = card.declaration()
            if declaration != doc.declaration(rule_id):
                doc.set_declaration(rule_id, declaration)

    def issues(self) -> list[Issue]:
        """A clause 不符合 is an error; one that 需确认 or is 待补充, and not yet declared, is missing."""
        found = []
        for finding in self.findings:
            if finding.status not in (Status.FAIL, *AFFIRMABLE):
                continue
            severity = "error" if finding.status is Status.FAIL else "missing"
            message = f"{finding.clause} {_short(finding.rule.text)}：{finding.reason}"
            found.append(Issue(message, severity, self.key, finding.rule.id))
        return found

    def started(self) -> bool:
        """Whether the 申请表 holds any data, or any declaration is touched or ticked."""
        entered = bool(self._app.fields) or any(self._app.tables.values())
        return entered or any(c.touched or c.affirmed for c in self.cards.values())

    def focus_anchor(self, anchor: str) -> None:
        """Scroll to the card of clause ``anchor`` (a rule id) and focus it."""
        card = self.cards.get(anchor)
        if card is not None:
            self.scroll.ensureWidgetVisible(card, 0, 20)
            card.focus()


def _short(text: str, limit: int = 30) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"
