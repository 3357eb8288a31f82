"""检查与导出: everything that stands between this application and a print-ready package.

The list comes from the same checks as ``qualitydesk check`` (eligibility, completeness, limits)
plus the characters no bundled font can print and the texts too long to export (forms/limits.toml).
Activating a problem jumps to where it is fixed.
Export, preview and print are requested with ``action_requested`` and run by the main window.

Attachments the package cannot print (附件无法读取) and those whose scripts and actions it leaves
out are listed too; finding that out reads every attachment, so the first time it runs in the
background (on a read-only snapshot) and the list fills in when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.eligibility import Status as Eligibility
from qualitydesk.domain.forms import Layout
from qualitydesk.store import readiness, sizes
from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import Issue, Page, PageContext

TARGET_ROLE = Qt.ItemDataRole.UserRole
# The shipped layouts' names (forms/layouts.toml), for the translation file.
LAYOUT_NAMES = (
    QT_TRANSLATE_NOOP("PreflightPage", "标准"),
    QT_TRANSLATE_NOOP("PreflightPage", "紧凑"),
)


def _missing_target(missing: readiness.Missing) -> tuple[str, str]:
    """Where a completeness problem is fixed: (step key, anchor)."""
    if missing.part == "form":  # a field id, or a cell such as financials[0].revenue
        return "form", missing.key
    if missing.part == "report":
        if missing.key.startswith("score."):
            return f"item:{missing.key.removeprefix('score.')}", "score"
        return f"item:{missing.key}", ""
    return missing.part, missing.key


def _print_target(where: str) -> tuple[str, str]:
    """Where an unprintable character is fixed, from the export's description of its place."""
    part, _, rest = where.partition(" ")
    key = rest.split(" ", 1)[0]
    if part == "自评报告" and key:
        return f"item:{key}", ""
    if part == "自评分" and key:
        return f"item:{key}", "score"
    steps = {
        "组织概述": "profile",
        "资格声明": "eligibility",
        "关键绩效数据": "indicators",
        "证实性材料": "evidence",
    }
    return steps.get(part, "form"), key if part == "组织概述" else ""


def _char_target(problem: Any) -> tuple[str, str]:
    """Where an unprintable character is fixed; in an item's texts the anchor selects it there:
    ``char:<box>:<occurrence>:<character>`` (box "" is the narrative, else a score box)."""
    step, anchor = _print_target(problem.where)
    part, _, rest = problem.where.partition(" ")
    if part == "自评报告":
        return step, f"char::{problem.occurrence}:{problem.char}"
    if part == "自评分":
        box = {"优势": "strengths", "改进机会": "opportunities"}
        label = rest.split(" ", 1)[1] if " " in rest else ""
        return step, f"char:{box.get(label, label)}:{problem.occurrence}:{problem.char}"
    return step, anchor


class PreflightPage(Page):
    key = "preflight"

    action_requested = Signal(str)  # "package", "internal", "preview", "print"
    attachments_checked = Signal()  # the attachments were judged and the list shows them

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._issues: list[Issue] = []
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
        if doc is not self._doc:
            self._doc, self._attachment_failure = doc, ""
        result = readiness.check(doc, self.context.forms)
        self._started = bool(doc.fields()) or bool(doc.narratives())
        self.problems.clear()
        self._issues = []
        groups: dict[str, QTreeWidgetItem] = {}

        def add(group: str, text: str, severity: str, target: tuple[str, str]) -> None:
            if group not in groups:
                groups[group] = QTreeWidgetItem(self.problems, [group])
                groups[group].setFlags(Qt.ItemFlag.ItemIsEnabled)
            item = QTreeWidgetItem(groups[group], [text])
            item.setToolTip(0, text)  # a long line is cut at the edge
            item.setData(0, TARGET_ROLE, target)
            if severity == "error":
                item.setForeground(0, QColor("#c62828"))
            self._issues.append(Issue(text, severity, *target))

        for finding in result.eligibility:
            if finding.status in (Eligibility.FAIL, Eligibility.UNSURE, Eligibility.NEEDS_DATA):
                severity = "error" if finding.status is Eligibility.FAIL else "missing"
                text = f"{finding.clause}【{finding.status.label}】{finding.reason}"
                add(self.tr("资格条件"), text, severity, ("eligibility", finding.rule.id))
        for missing in result.completeness:
            add(self.tr("尚未完成"), missing.problem, "missing", _missing_target(missing))
        for limit in result.limits:
            if not limit.ok and limit.reference:  # the program's suggestion: a warning
                text = self.tr("{0}共 {1} 字，超过参考值 {2} 字（按当年申报通知核对）").format(
                    limit.name, numbers.integer(limit.count), numbers.integer(limit.limit)
                )
                add(self.tr("字数"), text, "warning", (limit.part, ""))
            elif not limit.ok:
                text = self.tr("{0}共 {1} 字，超过 {2} 字的限制").format(
                    limit.name, numbers.integer(limit.count), numbers.integer(limit.limit)
                )
                add(self.tr("字数"), text, "error", (limit.part, ""))
        for problem in self._unprintable(doc):  # prints as 〓: a warning, the export goes on
            add(self.tr("无法打印的字符"), problem.message, "warning", _char_target(problem))
        for too_long in sizes.in_document(doc, self.context.forms):  # the export refuses these
            add(self.tr("内容过长"), too_long.message, "error", _print_target(too_long.where))
        checking = self._attachment_notes(doc, add)
        if not self._issues:
            done = QTreeWidgetItem(
                self.problems, [self.tr("✓ 资格条件、完整性、字数限制和可打印字符均已检查通过")]
            )
            done.setForeground(0, QColor("#2e7d32"))
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

    def _unprintable(self, doc: Document) -> list:
        from qualitydesk.export.preflight import unprintable

        return unprintable(doc, self.context.forms)

    def _attachment_notes(self, doc: Document, add: Callable[..., None]) -> bool:
        """List what the export will do about attachments if that is known; otherwise start
        finding out in the background and return True."""
        from qualitydesk.export.preflight import UNREADABLE, known_attachment_notes

        notes = known_attachment_notes(doc.attachments())
        if notes is None and not self._attachment_failure:
            self._check_attachments(doc)
            return True
        if self._attachment_failure:
            text = self.tr("无法检查附件：{0}").format(self._attachment_failure)
            add(self.tr("附件无法读取"), text, "warning", ("evidence", ""))
        for note in notes or []:
            target = ("evidence", str(note.attachment_id))
            if note.kind == UNREADABLE:
                add(self.tr("附件无法读取"), note.message, "error", target)
            else:
                add(self.tr("附件中的脚本和动作将被移除"), note.message, "warning", target)
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
        target = item.data(0, TARGET_ROLE)
        if target:
            self.navigate.emit(*target)

    def save(self, doc: Document) -> None:
        del doc  # nothing is edited here

    def issues(self) -> list[Issue]:
        return list(self._issues)

    def started(self) -> bool:
        return self._started
