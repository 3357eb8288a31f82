"""One scored item of the 自评报告: guidance, the narrative, live counts, the self-score and links.

Left (wide): the item's guidance prompts, the rich-text narrative and its counts against the
report's limit (含图表 where the programme counts figures). Right: the score panel — band, 5% step,
the band's A-D-L-I or Le-T-C-I descriptors with a note per factor, 优势 and 改进机会 — and the
attachments and indicators linked to the item.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.limits import max_chars
from qualitydesk.domain.textmetrics import TextCounts, measure
from qualitydesk.store.document import Document
from qualitydesk.store.readiness import effective
from qualitydesk.store.records import Indicator
from qualitydesk.store.renew import RENEWED_FROM_YEAR, mark_updated, needs_update
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.pages.item_figures import FIGURE_SIZE, NarrativeFigures
from qualitydesk.ui.pages.item_links import ItemLinks
from qualitydesk.ui.pages.item_score import ItemScorePanel
from qualitydesk.ui.widgets.guidance import Guidance
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit
from qualitydesk.ui.widgets.measure import Measure, over_style


class ItemPage(Page):
    """The page of one item (4.1.2 …): narrative on the left, score panel on the right."""

    export_word_requested = Signal(str)  # 导出本项为 Word…: the item's id

    def __init__(self, context: PageContext, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.item = context.framework.item(item_id)
        self.key = f"item:{item_id}"
        self.title = f"{self.item.id} {self.item.name}"
        self.part = context.award.part("report")
        self.measure = Measure.of(self.part)
        self._saved_text: str | None = None
        self._other_texts: dict[str, str] = {}
        self._others: tuple[int, int] | None = None  # their text count and figures, once measured
        self._measured: dict[str, tuple[str, TextCounts, int]] = {}
        self._counts: tuple[TextCounts, int] | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._narrative_side())
        splitter.addWidget(self._score_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        chain = [
            self.guidance.toggle,
            self.editor.editor,
            self.score_panel.band,
            self.score_panel.pct,
            *self.score_panel.notes.values(),
            self.score_panel.strengths,
            self.score_panel.opportunities,
            self.links.attachments,
            self.links.indicators,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time: share the width 3 : 2 between the narrative and the score panel."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = self.splitter.width()
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])

    # -- building: the narrative --

    def _narrative_side(self) -> QWidget:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.editor = MarkdownEdit(side)  # first QTextEdit of the page: find and bench use it
        self.editor.set_max_chars(max_chars(self.context.forms, self.context.award, "report"))
        self.editor.set_accessible_name(self.tr("{id} 自评内容").format(id=self.item.id))
        heading = QLabel(f"{self.item.id} {self.item.name}", side)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setWordWrap(True)
        kind = self.tr("过程") if self.item.kind == "process" else self.tr("结果")
        factors = "-".join(f.id for f in self.context.framework.factors_of(self.item.kind))
        meta = QLabel(
            self.tr("{points} 分 · {kind}类评分项，按 {factors} 评价").format(
                points=self.item.points, kind=kind, factors=factors
            ),
            side,
        )
        meta.setWordWrap(True)
        self.guidance = Guidance(
            self.item.prompts,
            self.tr("评分项要求与引导问题（{n}）").format(n=len(self.item.prompts)),
            side,
        )
        label = QLabel(self.tr("自评内容(&N)"), side)
        label.setBuddy(self.editor)
        self.counts_label = QLabel(side)
        self.counts_label.setWordWrap(True)
        self.counts_label.setAccessibleName(self.tr("字数统计"))
        for widget in (heading, meta, self._update_banner(side), self.guidance, label):
            column.addWidget(widget)
        column.addWidget(self.editor, 1)
        column.addWidget(self.counts_label)
        self.export_word_button = QToolButton(side)
        self.export_word_button.setText(self.tr("导出本项为 Word…"))
        self.export_word_button.setToolTip(
            self.tr(
                "把本项的自评内容导出为 Word 文档，交给同事修改；改好后用“文件 → 从 Word 导入”放回"
            )
        )
        self.export_word_button.setAutoRaise(True)
        self.export_word_button.clicked.connect(
            lambda: self.export_word_requested.emit(self.item.id)
        )
        column.addWidget(self.export_word_button, 0, Qt.AlignmentFlag.AlignRight)
        self.editor.edited.connect(self.changed)
        self.editor.counted.connect(self._counted)
        self.figures = NarrativeFigures()
        self.editor.set_figure_source(self.figures.figure)
        return side

    def _update_banner(self, parent: QWidget) -> QFrame:
        """需更新: shown while the item still has the text of the year this file was renewed from."""
        self.outdated = False
        self._updated_now = False
        banner = QFrame(parent)
        banner.setObjectName("needsUpdate")
        banner.setStyleSheet(
            theme.style("#needsUpdate { background: $warning_background; border-radius: 4px; }")
        )
        row = QHBoxLayout(banner)
        self.update_label = QLabel(banner)
        self.update_label.setWordWrap(True)
        self.update_button = QPushButton(self.tr("标为已更新(&U)"), banner)
        self.update_button.setToolTip(self.tr("本项已按本年度情况更新：不再提示“需更新”"))
        self.update_button.clicked.connect(self._mark_updated)
        row.addWidget(self.update_label, 1)
        row.addWidget(self.update_button)
        banner.hide()
        self.update_banner = banner
        return banner

    def _mark_updated(self) -> None:
        self.outdated, self._updated_now = False, True
        self.update_banner.hide()
        self.changed.emit()

    def _insert_chart(self, indicator: Indicator) -> None:
        self.editor.insert_figure(f"indicator:{indicator.id}", FIGURE_SIZE[0], indicator.name)
        self.editor.editor.setFocus()

    # -- building: the score panel --

    def _score_side(self) -> QWidget:
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 4, 0)
        self.score_panel = ItemScorePanel(self.context.framework, self.item, panel)
        self.score_panel.edited.connect(self.changed)
        self.links = ItemLinks(self.item, panel)
        self.links.navigate.connect(self.navigate)
        self.links.chart_chosen.connect(self._insert_chart)
        column.addWidget(self.score_panel)
        column.addWidget(self.links)
        column.addStretch(1)
        self.scroll.setWidget(panel)
        self.score_panel.setVisible(self.context.award.scored)
        return self.scroll

    # -- the page contract --

    def load(self, doc: Document) -> None:
        """Show the item's narrative (left as it is when the editor already holds it, so the cursor
        and undo history stay), its score, links, figures and 需更新 mark, counted against this
        year's limit.
        """
        this_year = effective(doc, self.context.forms, self.context.award)
        self.measure = Measure.of_limit(self.part, this_year.limit("report"))
        self._other_texts = {
            item.id: doc.narrative(item.id)
            for item in self.context.framework.items
            if item.id != self.item.id
        }
        self._others = None
        self._measured_others()  # now, while the window builds pages in idle time
        text = doc.narrative(self.item.id)
        attachments = doc.attachments()
        self.figures.load_pictures(doc, text, attachments)
        self._show_needs_update(doc)
        if text != self._saved_text:  # not what the editor already shows
            self._saved_text = text
            self.editor.set_markdown(text)
            self.guidance.set_expanded(not text.strip())
        else:
            self._show_counts()
        self.score_panel.load_score(doc.score(self.item.id))
        indicators = doc.indicators()
        self.links.show_links(attachments, indicators)
        self.figures.load_indicators(indicators, self.editor)

    def save(self, doc: Document) -> None:
        """Write the narrative and the score if they were edited, and clear the item's 需更新 mark once
        the user has clicked 标为已更新.
        """
        if self.editor.is_modified():
            markdown = self.editor.markdown()
            if markdown != self._saved_text:
                doc.set_narrative(self.item.id, markdown)
                self._saved_text = markdown
        if self.score_panel.dirty:
            doc.set_score(self.item.id, self.score_panel.score())
            self.score_panel.saved(doc.score(self.item.id))
        if self._updated_now:
            mark_updated(doc, self.item.id)
            self._updated_now = False

    def _show_needs_update(self, doc: Document) -> None:
        self.outdated = self.item.id in needs_update(doc) and not self._updated_now
        self.update_label.setText(
            self.tr(
                "需更新：本项内容沿用 {year} 年度的申报，请按本年度的情况修改，改好后点“标为已更新”。"
            ).format(year=doc.setting(RENEWED_FROM_YEAR) or self.tr("往年"))
        )
        self.update_banner.setVisible(self.outdated)
        self.update_button.setEnabled(not doc.read_only)

    def issues(self) -> list[Issue]:
        """Missing: a 需更新 mark, an empty narrative, no band where the programme is scored."""
        found = []
        if self.outdated:
            found.append(
                Issue(
                    self.tr("{id} {name}：内容沿用往年申报，需更新").format(
                        id=self.item.id, name=self.item.name
                    ),
                    "missing",
                    self.key,
                    "narrative",
                )
            )
        if self.editor.is_empty():
            found.append(
                Issue(
                    self.tr("{id} {name}：尚未填写自评内容").format(
                        id=self.item.id, name=self.item.name
                    ),
                    "missing",
                    self.key,
                    "narrative",
                )
            )
        if self.context.award.scored and self.score_panel.chosen_band() is None:
            found.append(
                Issue(
                    self.tr("{id} {name}：尚未自评打分").format(
                        id=self.item.id, name=self.item.name
                    ),
                    "missing",
                    self.key,
                    "score",
                )
            )
        return found

    def started(self) -> bool:
        """Whether the narrative has text or a band is chosen."""
        return not self.editor.is_empty() or self.score_panel.chosen_band() is not None

    def focus_anchor(self, anchor: str) -> None:
        """Focus the narrative; ``score`` focuses the band, ``char:<box>:<n>:<c>`` selects the
        ``n``-th ``c`` (a character no font prints) in the narrative or a score box.
        """
        if anchor.startswith("char:"):  # a character no font prints (检查与导出): select it
            self._select_char(*anchor.split(":", 3)[1:])
        elif anchor == "score" and self.score_panel.isVisible():
            self.scroll.ensureWidgetVisible(self.score_panel.band)
            self.score_panel.band.setFocus()
        else:
            self.editor.setFocus()

    def _select_char(self, box: str, occurrence: str, char: str) -> None:
        """Select the ``occurrence``-th ``char`` (from 0) in the narrative or a score box."""
        edit = self.score_panel.text_boxes().get(box) if box else self.editor.editor
        if edit is None or (box and not self.score_panel.isVisible()):
            edit = self.editor.editor
        cursor = QTextCursor(edit.document())
        for _ in range(int(occurrence or 0) + 1):
            found = edit.document().find(char, cursor, QTextDocument.FindFlag.FindCaseSensitively)
            if found.isNull():
                break
            cursor = found
        edit.setTextCursor(cursor)
        self.scroll.ensureWidgetVisible(edit)
        edit.ensureCursorVisible()
        edit.setFocus()

    # -- counts --

    def _measured_others(self) -> tuple[int, int]:
        """The other items' text count and figures; a narrative is measured again only when
        its text changed.
        """
        if self._others is not None:
            return self._others
        text_total = figures_total = 0
        for item_id, text in self._other_texts.items():
            cached = self._measured.get(item_id)
            if cached is None or cached[0] != text:
                cached = (text, *measure(text))
                self._measured[item_id] = cached
            text_total += self.measure.text_count(cached[1])
            figures_total += cached[2]
        self._others = (text_total, figures_total)
        return self._others

    def _counted(self, counts: TextCounts, figures: int) -> None:
        self._counts = (counts, figures)
        self._show_counts()

    def _show_counts(self) -> None:
        if self._counts is None:
            return
        counts, figures = self._counts
        own = self.measure.text_count(counts)
        text = self.tr("本项 {n} 字").format(n=numbers.integer(own))
        if figures:
            text += self.tr("、图 {n} 幅").format(n=figures)
        total, total_figures = self.report_total()
        text += self.tr(" · 自评报告合计 {total}").format(
            total=self.measure.describe(total, total_figures)
        )
        over = self.measure.over(total)
        text += self.measure.over_text(total)
        self.counts_label.setText(text)
        self.counts_label.setToolTip(self.measure.rule())  # how the count is made
        self.counts_label.setProperty("over", over)
        self.counts_label.setStyleSheet(over_style(self.measure) if over else "")

    def report_total(self) -> tuple[int, int]:
        """The whole report's count as the limit is measured (this item live) and its figures."""
        counts, figures = self._counts or self.editor.counts()
        others_text, others_figures = self._measured_others()
        own = self.measure.text_count(counts)
        total_figures = others_figures + figures
        return self.measure.total(others_text + own, total_figures), total_figures
