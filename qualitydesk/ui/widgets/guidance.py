"""The guidance prompts (引导问题) shown above a narrative editor, folding away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget


class Guidance(QWidget):
    """The guidance prompts of a section or item: a numbered list that folds away."""

    def __init__(
        self, prompts: tuple[str, ...], title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setText(title or self.tr("引导问题（{n}）").format(n=len(prompts)))
        self.toggle.setAccessibleName(self.tr("显示或隐藏引导问题"))
        self.body = QLabel("\n".join(f"{i}. {prompt}" for i, prompt in enumerate(prompts, 1)), self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setObjectName("guidancePrompts")
        self.body.setAccessibleName(self.tr("引导问题"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self.toggle.toggled.connect(self.set_expanded)
        self.set_expanded(True)

    def set_expanded(self, expanded: bool) -> None:
        """Unfold the prompts or fold them away, as the toggle does."""
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here through toggled
            return
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)
        self.body.setVisible(expanded)

    def is_expanded(self) -> bool:
        """Whether the prompts are unfolded."""
        return self.toggle.isChecked()
