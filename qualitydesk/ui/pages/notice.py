"""申报通知: this year's notice over the 办法 — pick a published one, or enter this year's values.

Every round a programme publishes a notice (deadline, 字数 limits, extra conditions and
attachments, where to submit). The notices shipped in forms/ can be picked here; values the user
reads in this year's notice (the deadline, each part's 字数上限, the channel, other requirements)
are entered here and kept in the application file. :func:`qualitydesk.domain.notices.effective`
merges them over the 办法, and every counter, the checks and the export use the result. The page
shows where each limit comes from: the 办法, the notice, the user's entry, or a 参考值.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import notices, numbers
from qualitydesk.domain.forms import Notice
from qualitydesk.domain.notices import NO_NOTICE, Effective, Origin, UserNotice
from qualitydesk.domain.validators import validate
from qualitydesk.store.document import Document
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Issue, Page, PageContext

MAX_LIMIT = 10_000_000  # a 字数上限 beyond this is a typing slip

_ORIGINS = {
    Origin.RULES: QT_TRANSLATE_NOOP("NoticeOrigin", "办法"),
    Origin.NOTICE: QT_TRANSLATE_NOOP("NoticeOrigin", "申报通知"),
    Origin.USER: QT_TRANSLATE_NOOP("NoticeOrigin", "本年填写"),
}


def origin_label(origin: Origin) -> str:
    """The badge for where a rule, attachment or limit comes from: 办法 / 申报通知 / 本年填写."""
    return QCoreApplication.translate("NoticeOrigin", _ORIGINS[origin])


class NoticePage(Page):
    """The 申报通知 step: the chosen notice, this year's values, and what holds as a result."""

    key = "notice"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self._explicit = False  # the user chose a notice (else: the application year's)
        self._year = date.today().year
        self.published: tuple[Notice, ...] = context.forms.notices_of(context.award.id)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("申报通知"))
        self.details = _label(self, "noticeDetails")
        self.deadline = QLineEdit(self)
        self.deadline.setAccessibleName(self.tr("截止日期"))
        self.deadline_problem = _label(self, "deadlineProblem")
        self.deadline_problem.setStyleSheet(theme.style("color: $error;"))
        self.limits: dict[str, QSpinBox] = {}
        self.channel = QLineEdit(self)
        self.channel.setAccessibleName(self.tr("报送方式"))
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(self.tr("其他要求"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 5)
        self.holding = _label(self, "noticeHolding")
        self.facts = _label(self, "noticeFacts")
        self._build()
        self.choice.currentIndexChanged.connect(self._edited)
        self.deadline.textEdited.connect(self._edited)
        self.deadline.editingFinished.connect(self._normalise_deadline)
        self.channel.textEdited.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        for box in self.limits.values():
            box.valueChanged.connect(self._edited)

    # -- building --

    def _build(self) -> None:
        self.choice.addItem(self.tr("不用已收录的通知（只按办法和下面填写的值）"), NO_NOTICE)
        for notice in self.published:
            self.choice.addItem(
                self.tr("{year} 年：{title}").format(year=notice.year, title=notice.title),
                str(notice.year),
            )
        intro = _label(self, "noticeIntro")
        intro.setText(
            self.tr(
                "每轮申报以当年的申报通知为准：截止日期、字数要求、附加条件和报送方式可能与办法"
                "不同。选择已收录的通知，或按手头的通知填写本年的值（填写的值优先）。"
            )
        )
        published = QGroupBox(self.tr("已收录的申报通知"), self)
        top = QVBoxLayout(published)
        top.addWidget(self.choice)
        top.addWidget(self.details)
        own = QGroupBox(self.tr("本年的值（按手头的申报通知填写，留空则沿用通知或办法）"), self)
        form = QFormLayout(own)
        self.deadline.setPlaceholderText(self.tr("YYYY-MM-DD"))
        form.addRow(self.tr("截止日期(&D)"), self.deadline)
        form.addRow("", self.deadline_problem)
        for part in self.context.award.parts:
            if not part.limit_editable:
                continue
            box = QSpinBox(own)
            box.setRange(0, MAX_LIMIT)
            box.setSingleStep(1000)
            box.setGroupSeparatorShown(True)
            box.setSpecialValueText(self.tr("按通知或办法"))
            box.setSuffix(self.tr(" 字"))
            box.setAccessibleName(self.tr("{part}字数上限").format(part=part.name))
            self.limits[part.id] = box
            form.addRow(self.tr("{part}字数上限").format(part=part.name), box)
        form.addRow(self.tr("报送方式(&C)"), self.channel)
        form.addRow(self.tr("其他要求(&O)"), self.notes)
        holding = QGroupBox(self.tr("本年适用（括号内为出处）"), self)
        QVBoxLayout(holding).addWidget(self.holding)
        facts = QGroupBox(self.tr("须知"), self)
        QVBoxLayout(facts).addWidget(self.facts)
        content = QWidget()
        column = QVBoxLayout(content)
        for widget in (intro, published, own, holding, facts):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Show the notice picked (unpicked: the one published for the application year, if any) and
        the values the user entered from this year's notice.
        """
        self._loading = True
        try:
            self._year = doc.year
            user = doc.user_notice()
            chosen = notices.chosen_notice(
                self.context.forms, self.context.award.id, user, doc.year
            )
            index = self.choice.findData(str(chosen.year) if chosen else NO_NOTICE)
            self.choice.setCurrentIndex(max(index, 0))
            self._explicit = bool(user.choice)
            self.deadline.setText(doc.notice_value("deadline"))
            for part_id, box in self.limits.items():
                box.setValue(user.limits.get(part_id, 0))
            self.channel.setText(user.channel)
            if self.notes.toPlainText() != user.notes:
                self.notes.setPlainText(user.notes)
        finally:
            self._loading = False
        self._show()

    def save(self, doc: Document) -> None:
        """Write the pick ("" until the user makes one), the deadline if it is a date, the channel,
        the notes and each part's limit (0: none of the user's), where they differ.
        """
        choice = self._choice()
        if choice != doc.notice_value("choice"):
            doc.set_notice_value("choice", choice)
        deadline = self._deadline_text() if not self._deadline_problem() else ""
        for key, value in (
            ("deadline", deadline),
            ("channel", self.channel.text()),
            ("notes", self.notes.toPlainText()),
        ):
            if value.strip() != doc.notice_value(key):
                doc.set_notice_value(key, value)
        for part_id, box in self.limits.items():
            if (box.value() or None) != doc.limit(part_id):
                doc.set_limit(part_id, box.value() or None)

    def issues(self) -> list[Issue]:
        """A deadline that is not a date is an error."""
        found = []
        problem = self._deadline_problem()
        if problem:
            found.append(Issue(problem, "error", self.key, "deadline"))
        return found

    def started(self) -> bool:
        """Whether the user has picked a notice or entered any of this year's values."""
        return bool(
            self._explicit
            or self.deadline.text().strip()
            or self.channel.text().strip()
            or self.notes.toPlainText().strip()
            or any(box.value() for box in self.limits.values())
        )

    def focus_anchor(self, anchor: str) -> None:
        """Focus a part's limit (by part id) or the deadline (``deadline``); else the notice."""
        widget = self.limits.get(anchor) or (self.deadline if anchor == "deadline" else None)
        (widget or self.choice).setFocus()

    # -- what the widgets say --

    def _choice(self) -> str:
        """What to keep: "" while the user has not chosen (the application year's notice)."""
        return str(self.choice.currentData()) if self._explicit else ""

    def _deadline_text(self) -> str:
        check = validate("date", self.deadline.text().strip()) if self.deadline.text() else None
        return check.value if check is not None and check.ok else self.deadline.text().strip()

    def _deadline_problem(self) -> str:
        text = self.deadline.text().strip()
        if not text:
            return ""
        check = validate("date", text)
        return "" if check.ok else self.tr("截止日期：{problem}").format(problem=check.message)

    def user_notice(self) -> UserNotice:
        """This year's values as the widgets hold them (before they are saved)."""
        try:
            deadline = date.fromisoformat(self._deadline_text())
        except ValueError:
            deadline = None
        return UserNotice(
            self._choice(),
            deadline,
            self.channel.text(),
            self.notes.toPlainText(),
            {p: box.value() for p, box in self.limits.items() if box.value()},
        )

    def effective(self) -> Effective:
        """This year's rules as the page shows them now: the 办法 with the picked notice and the
        user's values merged over it (before they are saved).
        """
        return notices.effective(
            self.context.forms, self.context.award, self.user_notice(), self._year
        )

    # -- showing --

    def _edited(self) -> None:
        if self._loading:
            return
        if self.sender() is self.choice:
            self._explicit = True
        self._show()
        self.changed.emit()

    def _normalise_deadline(self) -> None:
        text = self._deadline_text()
        if text != self.deadline.text():
            self.deadline.setText(text)
            self._edited()

    def _show(self) -> None:
        this_year = self.effective()
        self.details.setText(self._details(this_year))
        self.deadline_problem.setText(self._deadline_problem())
        self.deadline_problem.setVisible(bool(self.deadline_problem.text()))
        published = this_year.notice
        self.deadline.setPlaceholderText(
            published.deadline.isoformat()
            if published is not None and published.deadline
            else self.tr("YYYY-MM-DD")
        )
        self.channel.setPlaceholderText(
            published.channel if published is not None and published.channel else ""
        )
        self.holding.setText("\n".join(self._holding(this_year)))
        facts = [f"• {f.text}（{f.source}）" for f in this_year.facts]
        self.facts.setText("\n".join(facts) or self.tr("（无）"))

    def _details(self, this_year: Effective) -> str:
        notice = this_year.notice
        if notice is None:
            return self.tr("未选用已收录的通知：按办法（{document}），加上下面填写的值。").format(
                document=self.context.award.document
            )
        lines = [
            self.tr("发文机关：{issuer}").format(issuer=notice.issuer),
            self.tr("日期：{date}").format(
                date=notice.issued.isoformat() if notice.issued else self.tr("未能核对")
            ),
            self.tr("出处：{source}").format(source=notice.source),
        ]
        if notice.document_number:
            lines.insert(1, self.tr("文号：{number}").format(number=notice.document_number))
        return "\n".join(lines)

    def _holding(self, this_year: Effective) -> list[str]:
        lines = []
        if this_year.deadline is not None:
            lines.append(
                self.tr("截止日期：{date}（{origin}）").format(
                    date=this_year.deadline.isoformat(),
                    origin=origin_label(this_year.deadline_origin or Origin.USER),
                )
            )
        lines.append(self._cycle_line(this_year))
        for part in this_year.award.parts:
            limit = this_year.limit(part.id)
            if limit is None:
                continue
            n = numbers.integer(limit.limit)
            if limit.reference:  # the program's suggestion: no rule to cite
                text = self.tr("{part}：参考值 {n} 字（按当年申报通知核对）")
            elif limit.origin is Origin.USER:
                text = self.tr("{part}：{n} 字（{origin}）")
            else:
                text = self.tr("{part}：{n} 字（{origin}：{source}）")
            origin = origin_label(limit.origin)
            lines.append(text.format(part=part.name, n=n, origin=origin, source=limit.source))
        if this_year.channel:
            lines.append(
                self.tr("报送方式：{channel}（{origin}）").format(
                    channel=this_year.channel,
                    origin=origin_label(this_year.channel_origin or Origin.USER),
                )
            )
        extra = [r for r in this_year.award.rules if this_year.origin(r.id) is Origin.NOTICE]
        for rule in extra:
            lines.append(
                self.tr("【{origin}】{citation} {text}").format(
                    origin=origin_label(Origin.NOTICE), citation=rule.citation, text=rule.text
                )
            )
        for spec in this_year.award.attachments:
            if this_year.attachment_origins.get(spec.id) is Origin.NOTICE:
                lines.append(
                    self.tr("【{origin}】证实性材料：{name}").format(
                        origin=origin_label(Origin.NOTICE), name=spec.name
                    )
                )
        return lines

    def _cycle_line(self, this_year: Effective) -> str:
        if this_year.cycle_conflict:
            return self.tr("评选周期：{cycle}（申报通知；与办法的“{rules}”不一致：{note}）").format(
                cycle=this_year.cycle, rules=this_year.base.cycle, note=this_year.cycle_note
            )
        return self.tr("评选周期：{cycle}").format(cycle=this_year.cycle)


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
