"""检查与导出: everything that stands between this application and a print-ready package.

The list shows the problem records (:mod:`qualitydesk.domain.problems`) of the same checks as
``qualitydesk check`` (eligibility, completeness, limits) plus the characters no bundled font can
print and the texts too long to export (forms/limits.toml), each under its kind's heading with its
severity's icon. Activating a problem jumps to its location (:func:`target`).
Export, preview and print are requested with ``action_requested`` and run by the main window.

Attachments the package cannot print (附件无法读取) and those whose scripts and actions it leaves
out are listed too; finding that out reads every attachment, so the first time it runs in the
background (on a read-only snapshot) and the list fills in when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Layout
from qualitydesk.domain.problems import Kind, Location, Problem, Severity
from qualitydesk.store.document import Document
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.measure import over_limit

TARGET_ROLE = Qt.ItemDataRole.UserRole  # (step key, anchor): where activating the entry leads
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the Problem the entry shows
# The shipped layouts' names (forms/layouts.toml), for the translation file.
LAYOUT_NAMES = (
    QT_TRANSLATE_NOOP("PreflightPage", "标准"),
    QT_TRANSLATE_NOOP("PreflightPage", "紧凑"),
)
GROUPS = {  # the heading each kind of problem is listed under
    Kind.ELIGIBILITY: QT_TRANSLATE_NOOP("PreflightPage", "资格条件"),
    Kind.INCOMPLETE: QT_TRANSLATE_NOOP("PreflightPage", "尚未完成"),
    Kind.LIMIT: QT_TRANSLATE_NOOP("PreflightPage", "字数"),
    Kind.UNPRINTABLE: QT_TRANSLATE_NOOP("PreflightPage", "无法打印的字符"),
    Kind.OVERSIZED: QT_TRANSLATE_NOOP("PreflightPage", "内容过长"),
    Kind.UNREADABLE: QT_TRANSLATE_NOOP("PreflightPage", "附件无法读取"),
    Kind.UNCHECKED: QT_TRANSLATE_NOOP("PreflightPage", "附件无法读取"),
    Kind.SANITISED: QT_TRANSLATE_NOOP("PreflightPage", "附件中的脚本和动作将被移除"),
}
ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.MISSING: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
}


def target(problem: Problem) -> tuple[str, str]:
    """Where the wizard shows a problem's location: (step key, anchor of that step's page).

    A scored item is its own step (``item:4.1.2``); there the anchor ``score`` shows the
    self-score, ``narrative`` focuses the narrative's editor, and
    ``char:<box>:<occurrence>:<character>`` selects a character that does not print (box ``""``
    is the narrative, else a score box). Elsewhere the anchor is the thing of the step: a field
    or cell, a rule, a section, an indicator, an attachment.
    """
    place = problem.location
    if place.step != "report" or not place.item:
        return place.step, place.item
    step = f"item:{place.item}"
    if problem.kind is Kind.UNPRINTABLE:
        return step, f"char:{place.field}:{place.occurrence or 0}:{problem.char}"
    return step, "score" if place.field else "narrative"


class PreflightPage(Page):
    """The page of 检查与导出: the problems of the application, and the export buttons."""

    key = "preflight"

    action_requested = Signal(str)  # "package", "internal", "preview", "print"
    attachments_checked = Signal()  # the attachments were judged and the list shows them

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._issues: list[Issue] = []
        self._groups: dict[str, QTreeWidgetItem] = {}  # the headings of the list, by their text
        self._started = False
        self._doc: Document | None = None
        self._attachment_job: Any = None  # judging the attachments in the background
        self._attachment_failure = ""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("preflightSummary")
        self.problems = QTreeWidget()
        self.problems.setHeaderHidden(True)
        self.problems.setAccessibleName(self.tr("检查结果"))
        self.problems.itemActivated.connect(self._activated)
        list_label = QLabel(self.tr("检查结果（双击或回车转到需要修改的地方）(&L)："))
        list_label.setBuddy(self.problems)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for action, text in (
            ("package", self.tr("导出申报材料 PDF(&E)…")),
            ("internal", self.tr("导出内部自评报告(&I)…")),
            ("preview", self.tr("打印预览(&V)…")),
            ("print", self.tr("打印(&P)…")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        self.double_sided = QCheckBox(self.tr("双面打印（装订边左右交替）(&S)"))
        self.double_sided.setAccessibleName(self.tr("双面打印"))
        row.addWidget(self.double_sided)
        self.layout_choice = self._layout_box()
        layout_label = QLabel(self.tr("版式(&Y)："))
        layout_label.setBuddy(self.layout_choice)
        row.addWidget(layout_label)
        row.addWidget(self.layout_choice)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("<h2>检查与导出</h2>")))
        column.addWidget(self.summary)
        column.addWidget(list_label)
        column.addWidget(self.problems, 1)
        column.addLayout(row)

    def _layout_box(self) -> QComboBox:
        """版式: the layouts of forms/layouts.toml, the default (the programme's) first chosen."""
        box = QComboBox()
        box.setAccessibleName(self.tr("版式"))
        forms = self.context.forms
        for layout in forms.layouts.values():
            shown = forms.layout_for(self.context.award, layout.id)  # the programme's own values
            text = self.tr("{0}（行距 {1} 磅）").format(
                self.tr(layout.name), f"{shown.leading_pt:g}"
            )
            box.addItem(text, layout.id)
            box.setItemData(box.count() - 1, self._layout_tip(shown), Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(box.findData(forms.default_layout), 0))
        box.currentIndexChanged.connect(
            lambda _: box.setToolTip(str(box.currentData(Qt.ItemDataRole.ToolTipRole) or ""))
        )
        box.setToolTip(str(box.currentData(Qt.ItemDataRole.ToolTipRole) or ""))
        return box

    def _layout_tip(self, layout: Layout) -> str:
        tip = self.tr(
            "正文 {0} 磅，行距固定 {1} 磅；页边距：订口 {2} mm，外侧 {3} mm，上 {4} mm，下 {5} mm"
        ).format(
            *(f"{v:g}" for v in (layout.body_size_pt, layout.leading_pt, layout.binding_mm)),
            *(f"{v:g}" for v in (layout.outer_mm, layout.top_mm, layout.bottom_mm)),
        )
        if layout.reference:
            return tip + self.tr("（参考值，按当年申报通知核对）")
        return tip + self.tr("（出处：{0}）").format(layout.source)

    def layout_id(self) -> str:
        """The id of the layout chosen in 版式."""
        return str(self.layout_choice.currentData() or "")

    def set_export_options(self, layout_id: str, double_sided: bool) -> None:
        """Show the options remembered for this file ("" or an unknown id: the default)."""
        found = self.layout_choice.findData(layout_id)
        if found >= 0:
            self.layout_choice.setCurrentIndex(found)
        self.double_sided.setChecked(double_sided)

    def load(self, doc: Document) -> None:
        """List every problem of ``doc`` (the attachments' once they are judged)."""
        from qualitydesk.export.preflight import problems  # the export's own judgement

        if doc is not self._doc:
            self._doc, self._attachment_failure = doc, ""
        self._started = bool(doc.fields()) or bool(doc.narratives())
        self.problems.clear()
        self._issues = []
        self._groups = {}
        for problem in problems(doc, self.context.forms):
            self._add(problem)
        checking = self._attachment_problems(doc)
        if not self._issues:
            done = QTreeWidgetItem(
                self.problems, [self.tr("✓ 资格条件、完整性、字数限制和可打印字符均已检查通过")]
            )
            done.setForeground(0, theme.OK.color(self.palette()))
        self.problems.expandAll()
        if self._issues:
            self.summary.setText(
                self.tr("尚有 {0} 项需要处理。处理完毕即可导出申报材料；也可以先导出查看。").format(
                    len(self._issues)
                )
            )
        else:
            self.summary.setText(self.tr("全部检查通过，可以导出并打印申报材料。"))
        if checking:  # the list fills in when the background check is done
            self.summary.setText(self.summary.text() + self.tr("（正在检查附件能否印出……）"))

    def _add(self, problem: Problem) -> None:
        """List ``problem`` under its kind's heading, with its severity's icon and colour."""
        group = self.tr(GROUPS[problem.kind])
        if group not in self._groups:
            self._groups[group] = QTreeWidgetItem(self.problems, [group])
            self._groups[group].setFlags(Qt.ItemFlag.ItemIsEnabled)
        text = self._text(problem)
        item = QTreeWidgetItem(self._groups[group], [text])
        item.setToolTip(0, text)  # a long line is cut at the edge
        item.setIcon(0, self._icon(problem.severity))
        item.setData(0, TARGET_ROLE, target(problem))
        item.setData(0, PROBLEM_ROLE, problem)
        if problem.severity is Severity.ERROR:
            item.setForeground(0, theme.ERROR.color(self.palette()))
        self._issues.append(Issue(text, problem.severity.value, *target(problem)))

    def _text(self, problem: Problem) -> str:
        """The entry's text: the problem's message, or for a 字数 limit the page's own words."""
        if problem.kind is not Kind.LIMIT:
            return problem.message
        reference = problem.severity is Severity.WARNING  # the program's suggestion (参考值)
        count, limit = problem.count or 0, problem.maximum or 0
        return over_limit(problem.where, count, limit, reference)[0]

    def _icon(self, severity: Severity) -> QIcon:
        return self.style().standardIcon(ICONS[severity])

    def _attachment_problems(self, doc: Document) -> bool:
        """List what the export will do about attachments if that is known; otherwise start
        finding out in the background and return True.
        """
        from qualitydesk.export.preflight import known_attachment_notes

        found = known_attachment_notes(doc.attachments())
        if found is None and not self._attachment_failure:
            self._check_attachments(doc)
            return True
        if self._attachment_failure:
            text = self.tr("无法检查附件：{0}").format(self._attachment_failure)
            self._add(Problem(Kind.UNCHECKED, Severity.WARNING, Location("evidence"), text))
        for problem in found or []:
            self._add(problem)
        return False

    def _check_attachments(self, doc: Document) -> None:
        """Judge the attachments on a read-only snapshot in the background, then list again."""
        from qualitydesk.export.preflight import attachment_notes
        from qualitydesk.ui.jobs import JobCancelled, start_job

        if self._attachment_job is not None:
            return
        path = doc.path

        def judge(report: Callable[[int, int, str], bool]) -> object:
            def step(done: int, total: int, name: str) -> None:
                if not report(done, total, name):
                    raise JobCancelled

            with Document.open(path, read_only=True) as snapshot:
                return attachment_notes(snapshot, step)

        job = start_job(judge, parent=self, title=self.tr("检查附件"), show_dialog=False)
        job.finished.connect(lambda _notes: self._attachments_checked(doc, ""))
        job.failed.connect(lambda message: self._attachments_checked(doc, message))
        job.cancelled.connect(lambda: self._attachments_checked(doc, self.tr("已取消")))
        self._attachment_job = job

    def _attachments_checked(self, doc: Document, failure: str) -> None:
        self._attachment_job = None
        if doc is self._doc and not doc.closed:
            self._attachment_failure = failure
            self.load(doc)
            self.attachments_checked.emit()

    def _activated(self, item: QTreeWidgetItem) -> None:
        problem = item.data(0, PROBLEM_ROLE)
        if isinstance(problem, Problem):  # not a heading
            self.navigate.emit(*target(problem))

    def save(self, doc: Document) -> None:
        """Nothing: nothing is edited here."""
        del doc

    def issues(self) -> list[Issue]:
        """Every problem listed, as the navigator's status reads them."""
        return list(self._issues)

    def started(self) -> bool:
        """Anything of the application filled in."""
        return self._started
