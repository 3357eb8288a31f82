"""The score panel of an item page (自评打分): band, 5% step, factor notes, 优势 and 改进机会.

The user picks a band; the percentage is then held inside it in the framework's step, the band's
descriptors (A-D-L-I or Le-T-C-I) are shown above a note box per factor, and the item's points
follow the percentage. The panel keeps the score's assessor and time from the document and says
when the user changed anything (``edited``); the page writes the score on ``save``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import Band, Factor, Framework, Item
from qualitydesk.store.records import Score
from qualitydesk.ui.widgets.autoheight import grow_to_content


class StepSpinBox(QSpinBox):
    """A percentage spin box that only accepts multiples of its step (5%), rounding on leaving."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Intermediate, not Acceptable, for a number between two steps (37 while typing)."""
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Acceptable and self.valueFromText(text) % self.singleStep():
            state = QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        """The nearest step within the range (37 becomes 35)."""
        step = self.singleStep()
        value = round(self.valueFromText(text) / step) * step
        return self.textFromValue(min(self.maximum(), max(self.minimum(), value)))

    def limit_to(self, band: Band | None, pct: int | None = None) -> None:
        """Offer only ``band``'s percentages, showing ``pct`` if it is one of them, else the
        band's lowest; with no band, 0 of the whole range.
        """
        if band is None:
            self.setRange(0, 100)
            self.setValue(0)
        else:
            self.setRange(band.low, band.high)
            self.setValue(pct if pct is not None and pct in band else band.low)


def _text_box(lines: int, parent: QWidget) -> QPlainTextEdit:
    """A note box at least ``lines`` high that grows with its text: the score panel scrolls."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    grow_to_content(box, lines)
    return box


class ItemScorePanel(QGroupBox):
    """The 自评打分 group of one item: what the user scored, and the score to store."""

    edited = Signal()  # the user changed the band, the percentage or a note

    def __init__(self, framework: Framework, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("自评打分"))
        self.item = item
        self.factors: tuple[Factor, ...] = framework.factors_of(item.kind)
        self.bands: tuple[Band, ...] = framework.bands_of(item.kind)
        self.dirty = False  # edited since loaded or saved
        self._loading = False
        self._existing: Score | None = None
        column = QVBoxLayout(self)
        column.addLayout(self._band_form(framework.step))
        self.descriptors: dict[str, QLabel] = {}
        self.notes: dict[str, QPlainTextEdit] = {}
        for factor in self.factors:
            column.addWidget(self._factor(factor))
        self.strengths = _text_box(4, self)
        self.strengths.setAccessibleName(self.tr("优势"))
        self.opportunities = _text_box(4, self)
        self.opportunities.setAccessibleName(self.tr("改进机会"))
        for text, edit in (
            (self.tr("优势(&S)"), self.strengths),
            (self.tr("改进机会(&O)"), self.opportunities),
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            column.addWidget(label)
            column.addWidget(edit)
            edit.textChanged.connect(self._score_edited)
        self.band.currentIndexChanged.connect(self._band_chosen)
        self.pct.valueChanged.connect(self._pct_changed)
        self._show_band(None)

    def _band_form(self, step: int) -> QFormLayout:
        """The band, the percentage and the points."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.band = QComboBox(self)
        self.band.setAccessibleName(self.tr("评分档"))
        self.band.addItem(self.tr("未评分"), None)
        for band in self.bands:
            self.band.addItem(band.name, band.low)
        self.pct = StepSpinBox(self)
        self.pct.setAccessibleName(self.tr("得分百分比"))
        self.pct.setSuffix("%")
        self.pct.setSingleStep(step)
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

    def _factor(self, factor: Factor) -> QWidget:
        """One factor: the chosen band's descriptor and the user's note."""
        holder = QWidget(self)
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

    def text_boxes(self) -> dict[str, QPlainTextEdit]:
        """The panel's text boxes by the name a place in the score has: strengths, a factor id."""
        return {"strengths": self.strengths, "opportunities": self.opportunities, **self.notes}

    # -- the score --

    def chosen_band(self) -> Band | None:
        """The band chosen, or None while 未评分."""
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

    def load_score(self, score: Score | None) -> None:
        """Show the stored ``score`` (None: 未评分); not an edit."""
        was_loading, self._loading = self._loading, True
        try:
            self.saved(score)
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
        finally:
            self._loading = was_loading

    def saved(self, score: Score | None) -> None:
        """The document now holds ``score`` (with its assessor and time): nothing is unsaved."""
        self._existing = score
        self.dirty = False

    def _show_band(self, band: Band | None, pct: int | None = None) -> None:
        """Limit the percentage to ``band``, show its descriptors and the points."""
        was_loading, self._loading = self._loading, True
        try:
            self.pct.limit_to(band, pct)
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
        self.dirty = True
        self.edited.emit()
