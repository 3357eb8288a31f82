"""评审反馈: per item the examiners' 优势 and 改进机会, typed (or imported) and written at once.

The items of the framework are listed on the left, each marked once it has feedback; the right
side shows the chosen item's two text boxes, one point a line. Typing is written to the file
half a second after the last key (:data:`DEBOUNCE_MS`), and at once when another item is chosen,
the window is left or closed (:meth:`FeedbackView.flush`): nothing typed is lost.

Above the list, where the programme defines a composite, the stage scores 材料评审 / 陈述答辩 /
现场评审 and their composite are shown as the 评分汇总 page holds them; they are edited there (the
link asks the main window to show it), so the two never disagree.
"""

from __future__ import annotations

import html

from msgspec.structs import replace
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import Item
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Feedback
from qualitydesk.ui.pages.base import PageContext

DEBOUNCE_MS = 500
ITEM_ROLE = Qt.ItemDataRole.UserRole


class FeedbackView(QWidget):
    """The 评审反馈 tab: items on the left, the chosen item's feedback on the right."""

    navigate = Signal(str, str)  # (step key, anchor): show a page of the main window
    import_requested = Signal()  # 从 Word/PDF 导入反馈…

    def __init__(self, doc: Document, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.context = doc, context
        self.items: dict[str, Item] = {item.id: item for item in context.framework.items}
        self.current = ""  # the item shown on the right
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        column = QVBoxLayout(self)
        if context.award.composite is not None:
            column.addLayout(self._stage_row())
        column.addWidget(self._body(), 1)
        self.load()

    # -- building --

    def _stage_row(self) -> QHBoxLayout:
        self.stages = QLabel()
        self.stages.setWordWrap(True)
        self.stages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stages.setAccessibleName(self.tr("评审得分"))
        edit = QPushButton(self.tr("在评分汇总中填写(&E)…"))
        edit.setToolTip(self.tr("评审得分在“评分汇总”页填写，这里只显示"))
        composite = self.context.award.composite
        assert composite is not None
        anchor = f"stage_{composite.parts[0].id}"
        edit.clicked.connect(lambda: self.navigate.emit("summary", anchor))
        row = QHBoxLayout()
        row.addWidget(self.stages, 1)
        row.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _body(self) -> QSplitter:
        self.item_list = QListWidget()
        self.item_list.setAccessibleName(self.tr("评分项"))
        for item in self.context.framework.items:
            row = QListWidgetItem(f"{item.id} {item.name}")
            row.setData(ITEM_ROLE, item.id)
            self.item_list.addItem(row)
        self.item_list.currentItemChanged.connect(self._chosen)
        self.import_button = QPushButton(self.tr("从 Word/PDF 导入反馈(&I)…"))
        self.import_button.clicked.connect(self.import_requested)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel(self.tr("评分项(&L)："))
        list_label.setBuddy(self.item_list)
        left_column.addWidget(list_label)
        left_column.addWidget(self.item_list, 1)
        left_column.addWidget(self.import_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self._editors())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])
        return splitter

    def _editors(self) -> QWidget:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.own_score = QLabel()
        self.own_score.setWordWrap(True)
        self.strengths = self._text_box(self.tr("评审组指出的优势"))
        self.opportunities = self._text_box(self.tr("评审组指出的改进机会"))
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("优势(&S)："), self.strengths)
        form.addRow(self.tr("改进机会(&O)："), self.opportunities)
        hint = QLabel(self.tr("按反馈报告逐条填写，每条一行；输入即自动保存。"))
        hint.setWordWrap(True)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.own_score, hint):
            column.addWidget(widget)
        column.addLayout(form, 1)
        column.addWidget(self.origin)
        return right

    def _text_box(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setAccessibleName(name)
        box.setTabChangesFocus(True)
        box.setPlaceholderText(self.tr("每条一行"))
        box.setReadOnly(self.doc.read_only)
        box.textChanged.connect(self._typed)
        return box

    # -- showing --

    def load(self) -> None:
        """Show the file's feedback again (the list's marks, the chosen item, the stage scores)."""
        feedback = self.doc.feedback()
        for row in range(self.item_list.count()):
            self._mark(self.item_list.item(row), feedback.get(self._item_of(row)))
        if self.item_list.currentRow() < 0 and self.item_list.count():
            self.item_list.setCurrentRow(0)
        else:
            self._show(self.current)
        self.show_stage_scores()
        self.import_button.setEnabled(not self.doc.read_only)

    def show_stage_scores(self) -> None:
        """The stage scores and their composite, as the 评分汇总 page has them now."""
        spec = self.context.award.composite
        if spec is None:
            return
        values = {part.id: self.doc.stage_score(part.id) for part in spec.parts}
        parts = []
        for part in spec.parts:
            value = values[part.id]
            shown = self.tr("未填") if value is None else numbers.score(value)
            parts.append(f"{part.name} {shown}")
        total = scoring.composite_of(spec, values)
        rule = f"{spec.citation}：{scoring.composite_formula(spec)}"
        if total is None:
            result = self.tr("综合得分：各环节得分填齐后计算（%1）").replace("%1", rule)
        else:
            result = self.tr("综合得分 %1 分（%2）").replace("%1", numbers.score(total))
            result = result.replace("%2", rule)
        self.stages.setText(self.tr("评审得分：") + "　".join(parts) + "\n" + result)

    def select_item(self, item_id: str) -> None:
        """Choose ``item_id`` in the list (its feedback shows on the right)."""
        for row in range(self.item_list.count()):
            if self._item_of(row) == item_id:
                self.item_list.setCurrentRow(row)
                return

    def _item_of(self, row: int) -> str:
        return str(self.item_list.item(row).data(ITEM_ROLE))

    def _mark(self, row: QListWidgetItem, feedback: Feedback | None) -> None:
        item = self.items[str(row.data(ITEM_ROLE))]
        entered = feedback is not None and bool(feedback.strengths or feedback.opportunities)
        row.setText(f"{'● ' if entered else ''}{item.id} {item.name}")
        row.setToolTip(self.tr("已录入评审反馈") if entered else self.tr("尚未录入评审反馈"))

    def _chosen(self, row: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        del previous
        self.flush()
        self._show("" if row is None else str(row.data(ITEM_ROLE)))

    def _show(self, item_id: str) -> None:
        self.current = item_id
        item = self.items.get(item_id)
        feedback = self.doc.feedback().get(item_id) if item else None
        self._loading = True
        try:
            self.strengths.setPlainText(feedback.strengths if feedback else "")
            self.opportunities.setPlainText(feedback.opportunities if feedback else "")
        finally:
            self._loading = False
        if item is None:
            self.heading.clear()
            self.own_score.clear()
            self.origin.clear()
            return
        points = self.tr("（%1 分）").replace("%1", str(item.points))
        self.heading.setText(f"<b>{html.escape(f'{item.id} {item.name}')}</b>{points}")
        score = self.doc.score(item_id)
        own = (
            self.tr("本组织自评：未打分")
            if score is None
            else self.tr("本组织自评：%1%").replace("%1", str(score.pct))
        )
        self.own_score.setText(own)
        self._show_origin(feedback)

    def _show_origin(self, feedback: Feedback | None) -> None:
        if feedback is None or not (feedback.source or feedback.entered_at):
            self.origin.clear()
            return
        text = self.tr("来源：%1　录入于 %2").replace("%1", feedback.source or self.tr("手工录入"))
        self.origin.setText(text.replace("%2", feedback.entered_at[:16].replace("T", " ")))

    # -- saving --

    def _typed(self) -> None:
        if not self._loading and not self.doc.read_only:
            self._timer.start(DEBOUNCE_MS)

    @property
    def pending(self) -> bool:
        """Whether something typed is not in the file yet."""
        return self._timer.isActive()

    def flush(self) -> bool:
        """Write what was typed for the item shown, now; False (and a message) if it failed."""
        self._timer.stop()
        if not self.current or self.doc.closed or self.doc.read_only:
            return True
        stored = self.doc.feedback().get(self.current)
        strengths = self.strengths.toPlainText().strip()
        opportunities = self.opportunities.toPlainText().strip()
        if stored is None and not (strengths or opportunities):
            return True
        if stored is not None and (stored.strengths, stored.opportunities) == (
            strengths,
            opportunities,
        ):
            return True
        new = None
        if strengths or opportunities:
            base = stored or Feedback()
            new = replace(base, strengths=strengths, opportunities=opportunities, entered_at="")
        try:
            self.doc.set_feedback(self.current, new)
        except DocumentError as exc:
            self.context.messages.warning(self, self.tr("未能保存"), str(exc))
            return False
        saved = self.doc.feedback().get(self.current)
        for row in range(self.item_list.count()):
            if self._item_of(row) == self.current:
                self._mark(self.item_list.item(row), saved)
        self._show_origin(saved)
        return True
