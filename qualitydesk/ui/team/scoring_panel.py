"""The right side of the scoring-only mode: one item's band guide, score and remarks.

As on the item page's 自评打分 (:mod:`qualitydesk.ui.pages.item_score`), the assessor picks a
band, the percentage is then held inside it in the framework's step (5%), and the band's
descriptors (A-D-L-I or Le-T-C-I) are shown; below come 优势, 改进机会 and 评语. While
未评分 the remarks wait: an assessor's score is a percent first (the file keeps no remark
without one). The panel says when the assessor changed anything (``edited``); the window
keeps the scores and saves them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import Band, Framework
from qualitydesk.domain.team import AssessorScore, ScorebookItem
from qualitydesk.ui.pages.item_score import StepSpinBox
from qualitydesk.ui.widgets.autoheight import grow_to_content


class AssessorScorePanel(QWidget):
    """The band guide, the 5% score and 优势 / 改进机会 / 评语 of the item shown."""

    edited = Signal()  # the assessor changed the band, the percentage or a remark

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self.item: ScorebookItem | None = None
        self.bands: tuple[Band, ...] = ()
        self._kind = ""
        self._loading = False
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.guide = QLabel(self)
        self.guide.setWordWrap(True)
        self.guide.setTextFormat(Qt.TextFormat.RichText)
        self.guide.setAccessibleName(self.tr("评分指南"))
        self.strengths = self._text_box(self.tr("优势"))
        self.opportunities = self._text_box(self.tr("改进机会"))
        self.comment = self._text_box(self.tr("评语"))
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addLayout(self._score_form())
        column.addWidget(self.guide)
        for text, box in (
            (self.tr("优势(&S)"), self.strengths),
            (self.tr("改进机会(&O)"), self.opportunities),
            (self.tr("评语(&C)"), self.comment),
        ):
            label = QLabel(text, self)
            label.setBuddy(box)
            column.addWidget(label)
            column.addWidget(box)
        column.addStretch(1)
        self.band.currentIndexChanged.connect(self._band_chosen)
        self.pct.valueChanged.connect(self._pct_changed)

    def _text_box(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setAccessibleName(name)
        box.setTabChangesFocus(True)
        grow_to_content(box, 3)
        box.textChanged.connect(self._edited)
        return box

    def _score_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.band = QComboBox(self)
        self.band.setAccessibleName(self.tr("评分档"))
        self.pct = StepSpinBox(self)
        self.pct.setAccessibleName(self.tr("得分百分比"))
        self.pct.setSuffix("%")
        self.pct.setSingleStep(self.framework.step)
        self.points_label = QLabel(self)
        self.points_label.setAccessibleName(self.tr("本项得分"))
        band_label = QLabel(self.tr("评分档(&B)"), self)
        band_label.setBuddy(self.band)
        pct_label = QLabel(self.tr("百分比(&P)"), self)
        pct_label.setBuddy(self.pct)
        form.addRow(band_label, self.band)
        form.addRow(pct_label, self.pct)
        form.addRow(self.tr("得分"), self.points_label)
        return form

    # -- the item shown --

    def show_item(self, item: ScorebookItem, score: AssessorScore | None) -> None:
        """Show ``item`` with the assessor's ``score`` of it (None: 未评分); not an edit."""
        was_loading, self._loading = self._loading, True
        try:
            self.item = item
            self.title.setText(
                self.tr("<b>{id} {name}</b>（{points} 分）").format(
                    id=html.escape(item.id), name=html.escape(item.name), points=item.points
                )
            )
            self._set_kind(item.kind)
            band = next((b for b in self.bands if score and score.pct in b), None)
            self.band.setCurrentIndex(self.bands.index(band) + 1 if band else 0)
            self._show_band(band, score.pct if score else None)
            self.strengths.setPlainText(score.strengths if score else "")
            self.opportunities.setPlainText(score.opportunities if score else "")
            self.comment.setPlainText(score.comment if score else "")
        finally:
            self._loading = was_loading

    def _set_kind(self, kind: str) -> None:
        """The band list of ``kind`` (process or results) items."""
        if kind == self._kind:
            return
        self._kind = kind
        self.bands = self.framework.bands_of(kind)
        self.band.clear()
        self.band.addItem(self.tr("未评分"), None)
        for band in self.bands:
            self.band.addItem(band.name, band.low)

    def score(self, assessor: str) -> AssessorScore | None:
        """The score as the panel shows it now, by ``assessor`` (None while 未评分)."""
        if self.item is None or self.chosen_band() is None:
            return None
        return AssessorScore(
            assessor,
            self.item.id,
            self.pct.value(),
            self.strengths.toPlainText().strip(),
            self.opportunities.toPlainText().strip(),
            self.comment.toPlainText().strip(),
        )

    def chosen_band(self) -> Band | None:
        """The band chosen, or None while 未评分."""
        index = self.band.currentIndex()
        return self.bands[index - 1] if index > 0 else None

    # -- the band guide --

    def _show_band(self, band: Band | None, pct: int | None = None) -> None:
        """Limit the percentage to ``band``, show its descriptors and the points."""
        was_loading, self._loading = self._loading, True
        try:
            self.pct.limit_to(band, pct)
        finally:
            self._loading = was_loading
        scored = band is not None
        for widget in (self.pct, self.strengths, self.opportunities, self.comment):
            widget.setEnabled(scored)
        self.guide.setText(self._guide_text(band))
        self._show_points()

    def _guide_text(self, band: Band | None) -> str:
        if band is None:
            return self.tr("请先选择评分档；评分档的描述显示在这里。")
        lines = [f"<b>{html.escape(band.name)}</b>"]
        for factor in self.framework.factors_of(self._kind):
            descriptor = html.escape(band.factors.get(factor.id, ""))
            lines.append(
                f"<b>{html.escape(factor.id)} {html.escape(factor.name)}</b>　{descriptor}"
            )
        return "<br>".join(lines)

    def _show_points(self) -> None:
        points = self.item.points if self.item else 0
        if self.chosen_band() is None:
            self.points_label.setText(self.tr("— / {max} 分").format(max=points))
            return
        earned = numbers.score(scoring.item_points(points, self.pct.value()))
        self.points_label.setText(self.tr("{points} / {max} 分").format(points=earned, max=points))

    def _band_chosen(self, index: int) -> None:
        del index
        if self._loading:
            return
        self._show_band(self.chosen_band())
        self._edited()

    def _pct_changed(self, value: int) -> None:
        del value
        self._show_points()
        if not self._loading:
            self._edited()

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit()
