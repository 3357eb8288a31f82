"""组织概述: the sections of GB/Z 19579 附录B with their prompts and a live count against the limit —
or the award's own sections where it has them (质量管理模式介绍, a person's 个人事迹).
"""

from __future__ import annotations

from functools import partial
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import ProfileSection
from qualitydesk.domain.limits import max_chars
from qualitydesk.domain.textmetrics import TextCounts, count
from qualitydesk.store.document import Document
from qualitydesk.store.readiness import effective
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.autoheight import grow_to_content
from qualitydesk.ui.widgets.guidance import Guidance
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit
from qualitydesk.ui.widgets.measure import Measure, over_style

EDITOR_LINES = 6  # a section's editor is as tall as its text, and at least this many lines


class ProfilePage(Page):
    """One rich-text editor per 组织概述 section, grouped (B.1 组织描述, B.2 组织面临的挑战)."""

    key = "profile"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.profile = context.framework.profile
        self.part = context.award.part("profile")
        self.measure = Measure.of(self.part, None, self.profile.limit)
        self.editors: dict[str, MarkdownEdit] = {}
        self.guidance: dict[str, Guidance] = {}
        self.section_counts: dict[str, QLabel] = {}
        self.boxes: dict[str, QWidget] = {}
        self._counts: dict[str, tuple[TextCounts, int]] = {}
        self._saved: dict[str, str] = {}
        self.total_label = QLabel(self)
        self.total_label.setObjectName("profileTotal")
        self.total_label.setWordWrap(True)
        self.total_label.setAccessibleName(self.tr("{0}字数").format(self.profile.name))
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self._sections())
        hint = QLabel(self._hint(), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        self._show_total()
        chain = [w for s in self.editors for w in (self.guidance[s].toggle, self.editors[s].editor)]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _hint(self) -> str:
        limit = numbers.integer(self.measure.limit or 0)
        award = self.context.award
        if award.profile_for(award.applicant) is not None:  # the award's own 质量管理模式, 个人事迹
            return self.tr("按{award}的申报要求分节撰写{name}，全文一般不超过 {limit} 字。").format(
                award=award.name, name=self.profile.name, limit=limit
            )
        return self.tr(
            "按 {guide} 附录B 简要说明组织的基本情况和面临的挑战，全文一般不超过 {limit} 字。"
        ).format(guide=self.context.framework.guide, limit=limit)

    # -- building --

    def _sections(self) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        group = None
        for number, section in enumerate(self.profile.sections, 1):
            if section.group != group:
                group = section.group
                heading = QLabel(group, content)
                heading.setObjectName("profileGroup")
                font = heading.font()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.15)
                heading.setFont(font)
                column.addWidget(heading)
            box = self._section(section, number, content)
            self.boxes[section.id] = box
            column.addWidget(box)
        column.addStretch(1)
        return content

    def _section(self, section: ProfileSection, number: int, parent: QWidget) -> QWidget:
        box = QFrame(parent)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        editor = MarkdownEdit(box)
        editor.set_max_chars(max_chars(self.context.forms, self.context.award, "profile"))
        editor.set_accessible_name(f"{section.id} {section.name}")
        grow_to_content(editor.editor, EDITOR_LINES)  # the page scrolls, not the editor
        mnemonic = f"(&{number})" if number < 10 else ""
        label = QLabel(f"{section.id} {section.name}{mnemonic}", box)
        label.setBuddy(editor)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        counter = QLabel(box)
        counter.setAccessibleName(self.tr("{id} 字数").format(id=section.id))
        title_row = QHBoxLayout()
        title_row.addWidget(label, 1)
        title_row.addWidget(counter)
        guidance = Guidance(section.prompts, parent=box)
        layout.addLayout(title_row)
        layout.addWidget(guidance)
        layout.addWidget(editor, 1)
        editor.edited.connect(self.changed)
        editor.counted.connect(partial(self._section_counted, section.id))
        self.editors[section.id] = editor
        self.guidance[section.id] = guidance
        self.section_counts[section.id] = counter
        return box

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Show each section's text (left as it is where the editor already holds it, so the cursor
        and undo history stay), counted against this year's limit or else the framework's 参考值.
        """
        this_year = effective(doc, self.context.forms, self.context.award).limit("profile")
        if this_year is None and self.part is None:  # no such part: the framework's 参考值
            self.measure = Measure.of(None, doc.limit("profile"), self.profile.limit)
        else:
            self.measure = Measure.of_limit(self.part, this_year)
        for section_id, editor in self.editors.items():
            text = doc.profile(section_id)
            if section_id in self._saved and text == self._saved[section_id]:
                continue  # the editor shows it already: keep the cursor and undo history
            self._saved[section_id] = text
            editor.set_markdown(text)  # counts arrive through counted
            self.guidance[section_id].set_expanded(not text.strip())
        self._show_total()

    def save(self, doc: Document) -> None:
        """Write the sections edited since they were loaded or saved."""
        for section_id, editor in self.editors.items():
            if not editor.is_modified():
                continue
            markdown = editor.markdown()
            if markdown != self._saved.get(section_id):
                doc.set_profile(section_id, markdown)
                self._saved[section_id] = markdown

    def issues(self) -> list[Issue]:
        """An empty section is missing; a total over the limit an error (over a 参考值, a warning)."""
        found = [
            Issue(
                self.tr("组织概述 {id} {name} 尚未填写").format(id=s.id, name=s.name),
                "missing",
                self.key,
                s.id,
            )
            for s in self.profile.sections
            if self.editors[s.id].is_empty()
        ]
        total, _ = self.total()
        over = self.measure.over_message(self.tr("组织概述"), total)  # a 参考值: a warning
        return found if over is None else [*found, Issue(*over, self.key, "")]

    def started(self) -> bool:
        """Whether any section has text."""
        return any(not editor.is_empty() for editor in self.editors.values())

    def focus_anchor(self, anchor: str) -> None:
        """Scroll to section ``anchor`` (the first if there is none such) and focus its editor."""
        section_id = anchor if anchor in self.editors else next(iter(self.editors))
        self.scroll.ensureWidgetVisible(self.boxes[section_id])
        self.editors[section_id].setFocus()

    # -- counts --

    def total(self) -> tuple[int, int]:
        """The count of all sections together, as the limit is measured, and their figures."""
        text = sum(self.measure.text_count(c) for c, _ in self._counts.values())
        figures = sum(f for _, f in self._counts.values())
        return self.measure.total(text, figures), figures

    def _section_counted(self, section_id: str, counts: TextCounts, figures: int) -> None:
        self._counts[section_id] = (counts, figures)
        words = self.measure.total(self.measure.text_count(counts), figures)
        self.section_counts[section_id].setText(
            self.tr("本节 {n} 字").format(n=numbers.integer(words))
        )
        self._show_total()

    def _show_total(self) -> None:
        for section_id in self.editors:
            self._counts.setdefault(section_id, (count(""), 0))
        total, figures = self.total()
        text = self.tr("合计 {count}").format(count=self.measure.describe(total, figures))
        over = self.measure.over(total)
        text += self.measure.over_text(total)
        self.total_label.setText(text)
        self.total_label.setToolTip(self.measure.rule())  # how the count is made
        self.total_label.setProperty("over", over)
        self.total_label.setStyleSheet(over_style(self.measure) if over else "")
