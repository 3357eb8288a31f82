"""评审得分 on the 评分汇总 page: the input of one stage score the examiners published.

A stage score (材料评审, 陈述答辩, 现场评审 …) is 0–1000 with exact decimals, checked as the
application form's fields are. Its strings keep the context ``SummaryPage``, where they were
first written, so that their translations stay where translators find them.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.forms import CompositePart, FieldSpec
from qualitydesk.domain.validators import Check
from qualitydesk.ui.widgets.field_editor import FieldEditor


class StageScoreEditor(FieldEditor):
    """The input for one stage score (材料评审 …): 0–1000, exact decimals, checked as the
    application form's fields are (red border and the reason under it when wrong).
    """

    def __init__(self, part: CompositePart, parent: QWidget | None = None) -> None:
        help_text = QCoreApplication.translate(
            "SummaryPage", "评审组公布的%1得分，0–1000 分，可带小数（如 612.5）"
        ).replace("%1", part.name)
        spec = FieldSpec(
            id=f"stage_{part.id}",
            label=part.name,
            label_en="",
            type="text",
            required=False,
            validator=None,
            unit=QCoreApplication.translate("SummaryPage", "分"),
            choices=(),
            help=help_text,
        )
        super().__init__(spec, parent, max_length=24)
        self.part = part
        self.hint.setVisible(False)  # the group's note says it once for all three
        self.input.setObjectName(f"stage_{part.id}")
        self.input.setMaximumWidth(self.input.fontMetrics().horizontalAdvance("0") * 16)

    def current_check(self) -> Check | None:
        """0–1000 with at most 4 decimals (the domain's rule); the exact value as it is shown."""
        text = self.text()
        if not text:
            return None
        try:
            value = scoring.stage_score(text, self.part.name)
        except scoring.ScoreError as exc:
            return Check(False, text, str(exc))
        return Check(True, numbers.score(value))

    def score(self) -> Decimal | None:
        """The exact score typed, or None when empty or not a valid score."""
        found = self.current_check()
        return scoring.stage_score(found.value) if found is not None and found.ok else None

    def show_score(self, value: Decimal | None) -> None:
        """Show ``value`` exactly as the domain writes a score (empty for None)."""
        self.set_value("" if value is None else numbers.score(value))
