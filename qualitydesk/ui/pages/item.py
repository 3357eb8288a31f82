"""One scored item of the 自评报告: guidance, the narrative, live counts, the self-score and links.

Left (wide): the item's guidance prompts, the rich-text narrative and its counts against the
report's limit (含图表 where the programme counts figures). Right: the score panel — band, 5% step,
the band's A-D-L-I or Le-T-C-I descriptors with a note per factor, 优势 and 改进机会 — and the
attachments and indicators linked to the item.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QShowEvent, QTextCursor, QTextDocument, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.forms import Band, Factor
from qualitydesk.domain.limits import max_chars
from qualitydesk.domain.textmetrics import TextCounts, measure
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.readiness import effective
from qualitydesk.store.records import Attachment, Indicator, Link, Score
from qualitydesk.store.renew import RENEWED_FROM_YEAR, mark_updated, needs_update
from qualitydesk.ui.pages.base import Issue, Page, PageContext
from qualitydesk.ui.widgets.autoheight import grow_to_content
from qualitydesk.ui.widgets.guidance import Guidance
from qualitydesk.ui.widgets.markdown_edit import (
    MarkdownEdit,
    Measure,
    over_style,
)
from qualitydesk.ui.widgets.trend_chart import TrendChartWidget

FIGURE_SIZE = (560, 300)  # a chart placed in the narrative, in pixels
FIGURE_REF = re.compile(r"\]\(indicator:([^)\s]+)\)")
PICTURE_REF = re.compile(r"\]\(attachment:(\d+)\)")  # a picture placed in the text (Word import)


class StepSpinBox(QSpinBox):
    """A percentage spin box that only accepts multiples of its step (5%), rounding on leaving."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Acceptable and self.valueFromText(text) % self.singleStep():
            state = QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        step = self.singleStep()
        value = round(self.valueFromText(text) / step) * step
        return self.textFromValue(min(self.maximum(), max(self.minimum(), value)))


def _text_box(lines: int, parent: QWidget) -> QPlainTextEdit:
    """A note box at least ``lines`` high that grows with its text: the score panel scrolls."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    grow_to_content(box, lines)
    return box


class ItemPage(Page):
    """The page of one item (4.1.2 …): narrative on the left, score panel on the right."""

    export_word_requested = Signal(str)  # 导出本项为 Word…: the item's id

    def __init__(self, context: PageContext, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.item = context.framework.item(item_id)
        self.key = f"item:{item_id}"
        self.title = f"{self.item.id} {self.item.name}"
        self.factors: tuple[Factor, ...] = context.framework.factors_of(self.item.kind)
        self.bands: tuple[Band, ...] = context.framework.bands_of(self.item.kind)
        self.part = context.award.part("report")
        self.measure = Measure.of(self.part)
        self._loading = False
        self._score_dirty = False
        self._existing: Score | None = None
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
            self.band,
            self.pct,
            *self.notes.values(),
            self.strengths,
            self.opportunities,
            self.attachments,
            self.indicators,
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
        factors = "-".join(f.id for f in self.factors)
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
        self._indicators: dict[str, Indicator] = {}
        self._pictures: dict[str, tuple[str, bytes]] = {}  # attachment id -> (sha256, data)
        self._chart = TrendChartWidget()  # never shown: draws the charts placed in the text
        self.editor.set_figure_source(self._figure)
        return side

    def _update_banner(self, parent: QWidget) -> QFrame:
        """需更新: shown while the item still has the text of the year this file was renewed from."""
        self.outdated = False
        self._updated_now = False
        banner = QFrame(parent)
        banner.setObjectName("needsUpdate")
        banner.setStyleSheet("#needsUpdate { background: #fff3d6; border-radius: 4px; }")
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

    def _figure(self, scheme: str, ref: str) -> QImage | None:
        """The trend chart an ``indicator:ID`` figure in the narrative stands for, or the picture
        an ``attachment:N`` one shows (at most as wide as a chart)."""
        if scheme == "attachment":
            image = QImage.fromData(self._pictures.get(ref, ("", b""))[1])
            if image.isNull():
                return None
            if image.width() > FIGURE_SIZE[0]:
                image = image.scaledToWidth(
                    FIGURE_SIZE[0], Qt.TransformationMode.SmoothTransformation
                )
            return image
        indicator = self._indicators.get(ref) if scheme == "indicator" else None
        if indicator is None:
            return None
        self._chart.set_chart(trend_chart(indicator))
        return self._chart.render_to_image(QSize(*FIGURE_SIZE))

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
        self.score_box = self._score_box(panel)
        column.addWidget(self.score_box)
        column.addWidget(self._links_box(panel))
        column.addStretch(1)
        self.scroll.setWidget(panel)
        self.score_box.setVisible(self.context.award.scored)
        return self.scroll

    def _score_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("自评打分"), parent)
        column = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.band = QComboBox(box)
        self.band.setAccessibleName(self.tr("评分档"))
        self.band.addItem(self.tr("未评分"), None)
        for band in self.bands:
            self.band.addItem(band.name, band.low)
        self.pct = StepSpinBox(box)
        self.pct.setAccessibleName(self.tr("得分百分比"))
        self.pct.setSuffix("%")
        self.pct.setSingleStep(self.context.framework.step)
        self.points_label = QLabel(box)
        self.points_label.setAccessibleName(self.tr("本项得分"))
        band_label = QLabel(self.tr("评分档(&B)"), box)
        band_label.setBuddy(self.band)
        pct_label = QLabel(self.tr("百分比(&P)"), box)
        pct_label.setBuddy(self.pct)
        form.addRow(band_label, self.band)
        form.addRow(pct_label, self.pct)
        form.addRow(self.tr("得分"), self.points_label)
        column.addLayout(form)
        self.descriptors: dict[str, QLabel] = {}
        self.notes: dict[str, QPlainTextEdit] = {}
        for factor in self.factors:
            column.addWidget(self._factor(factor, box))
        self.strengths = _text_box(4, box)
        self.strengths.setAccessibleName(self.tr("优势"))
        self.opportunities = _text_box(4, box)
        self.opportunities.setAccessibleName(self.tr("改进机会"))
        for text, edit in (
            (self.tr("优势(&S)"), self.strengths),
            (self.tr("改进机会(&O)"), self.opportunities),
        ):
            label = QLabel(text, box)
            label.setBuddy(edit)
            column.addWidget(label)
            column.addWidget(edit)
            edit.textChanged.connect(self._score_edited)
        self.band.currentIndexChanged.connect(self._band_chosen)
        self.pct.valueChanged.connect(self._pct_changed)
        self._show_band(None)
        return box

    def _factor(self, factor: Factor, parent: QWidget) -> QWidget:
        """One factor: the chosen band's descriptor and the user's note."""
        holder = QWidget(parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(2)
        descriptor = QLabel(holder)
        descriptor.setWordWrap(True)
        descriptor.setTextFormat(Qt.TextFormat.RichText)
        note = _text_box(2, holder)
        note.setAccessibleName(self.tr("{id} {name}评语").format(id=factor.id, name=factor.name))
        note.setPlaceholderText(self.tr("本组织在“{name}”方面的依据").format(name=factor.name))
        label = QLabel(
            self.tr("{name}评语(&{key})").format(name=factor.name, key=factor.id[0]), holder
        )
        label.setBuddy(note)
        column.addWidget(descriptor)
        column.addWidget(label)
        column.addWidget(note)
        note.textChanged.connect(self._score_edited)
        self.descriptors[factor.id] = descriptor
        self.notes[factor.id] = note
        return holder

    def _links_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("关联的证实性材料和数据"), parent)
        column = QVBoxLayout(box)
        self.attachments = QListWidget(box)
        self.attachments.setAccessibleName(self.tr("关联的证实性材料"))
        self.indicators = QListWidget(box)
        self.indicators.setAccessibleName(self.tr("关联的关键绩效指标"))
        self.no_attachments = QLabel(
            self.tr("尚无关联本项的材料；可在“证实性材料”页把附件关联到 {id}。").format(
                id=self.item.id
            ),
            box,
        )
        self.no_indicators = QLabel(self.tr("尚无归属本项的关键绩效指标。"), box)
        self.insert_chart = QToolButton(box)
        self.insert_chart.setText(self.tr("把趋势图插入自评内容(&R)"))
        self.insert_chart.setToolTip(
            self.tr("在光标处插入所选指标的趋势图；它在申报材料中按本项编号（图{id}-n）").format(
                id=self.item.id
            )
        )
        self.insert_chart.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_chart.setMenu(QMenu(self.insert_chart))
        for text, widget, empty in (
            (self.tr("证实性材料(&E)"), self.attachments, self.no_attachments),
            (self.tr("关键绩效数据(&K)"), self.indicators, self.no_indicators),
        ):
            label = QLabel(text, box)
            label.setBuddy(widget)
            empty.setWordWrap(True)
            widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            column.addWidget(label)
            column.addWidget(widget)
            column.addWidget(empty)
            widget.itemClicked.connect(self._link_activated)
            widget.itemActivated.connect(self._link_activated)
        column.addWidget(self.insert_chart)
        return box

    # -- the page contract --

    def load(self, doc: Document) -> None:
        self._loading = True
        try:
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
            self._load_pictures(doc, text, attachments)
            self._show_needs_update(doc)
            if text != self._saved_text:  # not what the editor already shows
                self._saved_text = text
                self.editor.set_markdown(text)
                self.guidance.set_expanded(not text.strip())
            else:
                self._show_counts()
            self._load_score(doc.score(self.item.id))
            self._load_links(attachments, doc.indicators())
        finally:
            self._loading = False

    def save(self, doc: Document) -> None:
        if self.editor.is_modified():
            markdown = self.editor.markdown()
            if markdown != self._saved_text:
                doc.set_narrative(self.item.id, markdown)
                self._saved_text = markdown
        if self._score_dirty:
            doc.set_score(self.item.id, self.score())
            self._existing = doc.score(self.item.id)
            self._score_dirty = False
        if self._updated_now:
            mark_updated(doc, self.item.id)
            self._updated_now = False

    def _load_pictures(self, doc: Document, text: str, attachments: list[Attachment]) -> None:
        """The pictures the text shows (from a Word import); read again only when replaced."""
        digests = {str(a.id): a.sha256 for a in attachments}
        pictures = {}
        for ref in set(PICTURE_REF.findall(text)) & set(digests):
            cached = self._pictures.get(ref)
            if cached is not None and cached[0] == digests[ref]:
                pictures[ref] = cached
                continue
            try:
                pictures[ref] = (digests[ref], doc.attachment_data(int(ref)))
            except DocumentError:
                continue  # a lost picture shows as missing; the export says so too
        self._pictures = pictures

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
        if self.context.award.scored and self.chosen_band() is None:
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
        return not self.editor.is_empty() or self.chosen_band() is not None

    def focus_anchor(self, anchor: str) -> None:
        if anchor.startswith("char:"):  # a character no font prints (检查与导出): select it
            self._select_char(*anchor.split(":", 3)[1:])
        elif anchor == "score" and self.score_box.isVisible():
            self.scroll.ensureWidgetVisible(self.band)
            self.band.setFocus()
        else:
            self.editor.setFocus()

    def _select_char(self, box: str, occurrence: str, char: str) -> None:
        """Select the ``occurrence``-th ``char`` (from 0) in the narrative or a score box."""
        boxes = {"strengths": self.strengths, "opportunities": self.opportunities, **self.notes}
        edit = boxes.get(box) if box else self.editor.editor
        if edit is None or (box and not self.score_box.isVisible()):
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

    # -- the score --

    def chosen_band(self) -> Band | None:
        index = self.band.currentIndex()
        return self.bands[index - 1] if index > 0 else None

    def score(self) -> Score | None:
        """The score as the panel shows it now (None while 未评分)."""
        if self.chosen_band() is None:
            return None
        notes = {
            fid: box.toPlainText().strip()
            for fid, box in self.notes.items()
            if box.toPlainText().strip()
        }
        existing = self._existing
        return Score(
            self.pct.value(),
            notes,
            self.strengths.toPlainText().strip(),
            self.opportunities.toPlainText().strip(),
            existing.assessor if existing else "",
            existing.scored_at if existing else "",
        )

    def _load_score(self, score: Score | None) -> None:
        self._existing = score
        self._score_dirty = False
        band = None
        if score is not None:
            band = next((b for b in self.bands if score.pct in b), None)
        self.band.setCurrentIndex(self.bands.index(band) + 1 if band else 0)
        self._show_band(band, score.pct if score else None)
        notes = score.notes if score else {}
        for fid, box in self.notes.items():
            box.setPlainText(notes.get(fid, ""))
        self.strengths.setPlainText(score.strengths if score else "")
        self.opportunities.setPlainText(score.opportunities if score else "")

    def _show_band(self, band: Band | None, pct: int | None = None) -> None:
        """Limit the percentage to ``band``, show its descriptors and the points."""
        was_loading, self._loading = self._loading, True
        try:
            if band is None:
                self.pct.setRange(0, 100)
                self.pct.setValue(0)
            else:
                self.pct.setRange(band.low, band.high)
                self.pct.setValue(pct if pct is not None and pct in band else band.low)
        finally:
            self._loading = was_loading
        scored = band is not None
        for widget in (self.pct, *self.notes.values(), self.strengths, self.opportunities):
            widget.setEnabled(scored)
        for factor in self.factors:
            descriptor = band.factors.get(factor.id, "") if band else ""
            text = f"<b>{html.escape(factor.id)} {html.escape(factor.name)}</b>　"
            text += html.escape(descriptor) if band else self.tr("请先选择评分档。")
            self.descriptors[factor.id].setText(text)
        self._show_points()

    def _show_points(self) -> None:
        if self.chosen_band() is None:
            self.points_label.setText(self.tr("— / {max} 分").format(max=self.item.points))
            return
        points = scoring.item_points(self.item.points, self.pct.value())
        self.points_label.setText(
            self.tr("{points} / {max} 分").format(
                points=numbers.score(points), max=self.item.points
            )
        )

    def _band_chosen(self, index: int) -> None:
        if self._loading:
            return
        self._show_band(self.chosen_band())
        self._score_edited()

    def _pct_changed(self, value: int) -> None:
        del value
        self._show_points()
        if not self._loading:
            self._score_edited()

    def _score_edited(self) -> None:
        if self._loading:
            return
        self._score_dirty = True
        self.changed.emit()

    # -- links --

    def _load_links(self, attachments: list[Attachment], indicators: list[Indicator]) -> None:
        link = Link("item", self.item.id)
        self.attachments.clear()
        for attachment in attachments:
            if link in attachment.links:
                entry = QListWidgetItem(attachment.caption or attachment.file_name)
                entry.setToolTip(attachment.file_name)
                entry.setData(Qt.ItemDataRole.UserRole, ("evidence", str(attachment.id)))
                self.attachments.addItem(entry)
        self.indicators.clear()
        self._indicators = {i.id: i for i in indicators}
        self._refresh_figures()
        menu = self.insert_chart.menu()
        menu.clear()
        for indicator in indicators:
            if indicator.item == self.item.id:
                menu.addAction(indicator.name, lambda i=indicator: self._insert_chart(i))
        self.insert_chart.setEnabled(not menu.isEmpty())
        for indicator in indicators:
            if indicator.item == self.item.id:
                name = f"{indicator.name}（{indicator.unit}）" if indicator.unit else indicator.name
                entry = QListWidgetItem(name)
                entry.setToolTip(name)  # the list elides what its width cannot show
                entry.setData(Qt.ItemDataRole.UserRole, ("indicators", indicator.id))
                self.indicators.addItem(entry)
        for widget, empty in (
            (self.attachments, self.no_attachments),
            (self.indicators, self.no_indicators),
        ):
            widget.setVisible(widget.count() > 0)
            empty.setVisible(widget.count() == 0)
            height = sum(widget.sizeHintForRow(row) for row in range(widget.count()))
            widget.setFixedHeight(height + 2 * widget.frameWidth() + 2)  # all rows: no scroll bar

    def _refresh_figures(self) -> None:
        """Redraw the charts already in the text (their values may have changed meanwhile)."""
        document = self.editor.editor.document()
        for ref in set(FIGURE_REF.findall(self.editor.markdown())):
            image = self._figure("indicator", ref)
            if image is not None:
                url = QUrl(f"indicator:{ref}")
                document.addResource(QTextDocument.ResourceType.ImageResource.value, url, image)
        self.editor.editor.viewport().update()

    def _link_activated(self, entry: QListWidgetItem) -> None:
        step, anchor = entry.data(Qt.ItemDataRole.UserRole)
        self.navigate.emit(step, anchor)

    # -- counts --

    def _measured_others(self) -> tuple[int, int]:
        """The other items' text count and figures; a narrative is measured again only when
        its text changed."""
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
