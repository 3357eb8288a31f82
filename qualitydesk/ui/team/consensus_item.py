"""One item at the consensus meeting: the scores side by side, the merged remarks, the agreement.

Every assessor's percent and band in a row of columns, then the mean, the median and the spread
(flagged for discussion from the threshold on); the assessors' 优势 and 改进机会 merged with
repeats folded (:func:`qualitydesk.domain.team.merged_remarks`); the agreed score in the
framework's step with a consensus note, and 确认共识, which the window carries out.
"""

from __future__ import annotations

import html
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Framework, Item
from qualitydesk.domain.team import AssessorScore, ItemSpread, merged_remarks
from qualitydesk.store.records import Consensus
from qualitydesk.ui import theme
from qualitydesk.ui.pages.item_score import StepSpinBox


def suggested(spread: ItemSpread | None, step: int) -> int:
    """The agreed score offered first: the median on the step (half a step up), or 0."""
    if spread is None:
        return 0
    steps = (spread.median / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(steps) * step


class ConsensusItem(QWidget):
    """The item under discussion; ``agree_requested`` (item, percent, note) on 确认共识."""

    agree_requested = Signal(str, int, str)

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self.item: Item | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.flag = QLabel(self)
        self.flag.setMargin(4)
        self.table = QTableWidget(2, 0, self)
        self.table.setAccessibleName(self.tr("各评分人的评分"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalHeaderLabels([self.tr("百分比"), self.tr("评分档")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.strengths = self._remarks(self.tr("优势（合并）"))
        self.opportunities = self._remarks(self.tr("改进机会（合并）"))
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.flag)
        column.addWidget(self.table)
        remarks = QHBoxLayout()
        for name, box in (
            (self.tr("优势"), self.strengths),
            (self.tr("改进机会"), self.opportunities),
        ):
            group = QGroupBox(name, self)
            scroll = QScrollArea(group)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(box)
            QVBoxLayout(group).addWidget(scroll)
            remarks.addWidget(group)
        column.addLayout(remarks, 1)
        column.addWidget(self._agreement())

    def _remarks(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setAccessibleName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _agreement(self) -> QGroupBox:
        group = QGroupBox(self.tr("共识"), self)
        form = QFormLayout(group)
        self.pct = StepSpinBox(group)
        self.pct.setAccessibleName(self.tr("共识得分"))
        self.pct.setRange(0, 100)
        self.pct.setSingleStep(self.framework.step)
        self.pct.setSuffix("%")
        self.pct.valueChanged.connect(self._show_band)
        self.band = QLabel(group)
        self.note = QPlainTextEdit(group)
        self.note.setAccessibleName(self.tr("共识说明"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("讨论后商定的理由，例如依据哪些事实"))
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.agree_button = QPushButton(self.tr("确认共识(&A)"), group)
        self.agree_button.clicked.connect(self._agree)
        self.status = QLabel(group)
        self.status.setMargin(4)
        tone(self.status, theme.OK, theme.OK_BACKGROUND)
        score_row = QHBoxLayout()
        score_row.addWidget(self.pct)
        score_row.addWidget(self.band, 1)
        score_row.addWidget(self.agree_button)
        pct_label = QLabel(self.tr("共识得分(&G)"), group)
        pct_label.setBuddy(self.pct)
        note_label = QLabel(self.tr("共识说明(&N)"), group)
        note_label.setBuddy(self.note)
        form.addRow(pct_label, score_row)
        form.addRow(note_label, self.note)
        form.addRow(self.status)
        return group

    # -- the item shown --

    def show_item(
        self,
        item: Item,
        spread: ItemSpread | None,
        scores: list[AssessorScore],
        agreed: Consensus | None,
    ) -> None:
        """Show ``item``: its ``spread`` (None when no assessor scored it), the assessors'
        ``scores`` of it and what was agreed so far.
        """
        self.item = item
        self.title.setText(
            self.tr("<b>{id} {name}</b>（{points} 分）").format(
                id=html.escape(item.id), name=html.escape(item.name), points=item.points
            )
        )
        self._show_flag(spread)
        self._fill_table(item, spread)
        self.strengths.setText(_bullets([s.strengths for s in scores]) or self.tr("（无）"))
        self.opportunities.setText(_bullets([s.opportunities for s in scores]) or self.tr("（无）"))
        self.pct.setValue(agreed.pct if agreed else suggested(spread, self.framework.step))
        self.note.setPlainText(agreed.note if agreed else "")
        self.show_agreed(agreed)

    def show_agreed(self, agreed: Consensus | None) -> None:
        """Say what was agreed for the item (and when), or nothing yet."""
        self.status.setVisible(agreed is not None)
        if agreed is not None:
            when = agreed.agreed_at[:16].replace("T", " ")
            self.status.setText(
                self.tr("✓ 已确认共识 {pct}%（{when}），已作为本项自评得分").format(
                    pct=agreed.pct, when=when
                )
            )

    def _show_flag(self, spread: ItemSpread | None) -> None:
        if spread is None:
            self.flag.setText(self.tr("尚无评分人的评分"))
        elif spread.flagged:
            self.flag.setText(
                self.tr("⚑ 需讨论：分歧 {spread} 个百分点").format(spread=spread.spread)
            )
        else:
            self.flag.setText(self.tr("分歧 {spread} 个百分点").format(spread=spread.spread))
        if spread is not None and spread.flagged:
            tone(self.flag, theme.WARNING, theme.WARNING_BACKGROUND)
        else:
            tone(self.flag, None, None)

    def _fill_table(self, item: Item, spread: ItemSpread | None) -> None:
        pcts = dict(spread.pcts) if spread else {}
        headers = [*pcts, self.tr("平均"), self.tr("中位数"), self.tr("分歧")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        cells = [(f"{pct}%", self._band_name(item, pct)) for pct in pcts.values()]
        if spread is not None:
            cells += [
                (numbers.percent(spread.mean), ""),
                (numbers.percent(spread.median), ""),
                (self.tr("{0} 个百分点").format(spread.spread), ""),
            ]
        else:
            cells += [("—", ""), ("—", ""), ("—", "")]
        for n, (pct, band) in enumerate(cells):
            for row, text in enumerate((pct, band)):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, n, cell)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def _band_name(self, item: Item, pct: int) -> str:
        band = next((b for b in self.framework.bands_of(item.kind) if pct in b), None)
        return band.name if band else ""

    def _show_band(self, pct: int) -> None:
        if self.item is not None:
            self.band.setText(self._band_name(self.item, pct))

    def _agree(self) -> None:
        if self.item is not None:
            self.pct.interpretText()
            note = self.note.toPlainText().strip()
            self.agree_requested.emit(self.item.id, self.pct.value(), note)


def tone(label: QLabel, text: theme.Tone | None, background: theme.Tone | None) -> None:
    """Draw ``label`` in the ``text`` tone on ``background`` (None: the window's own colours).

    Through the palette, not a style sheet: a style sheet would give the label the
    application's type instead of the window's larger one.
    """
    palette = label.parentWidget().palette() if label.parentWidget() else QPalette()
    if text is not None and background is not None:
        palette.setColor(QPalette.ColorRole.WindowText, text.color())
        palette.setColor(QPalette.ColorRole.Window, background.color())
    label.setPalette(palette)
    label.setAutoFillBackground(background is not None)


def _bullets(texts: list[str]) -> str:
    """The merged points as an HTML list ("" when there are none)."""
    points = merged_remarks(texts)
    if not points:
        return ""
    return "".join(f"• {html.escape(p)}<br>" for p in points)
