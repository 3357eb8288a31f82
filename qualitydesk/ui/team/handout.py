"""评分 → 分发评分表: one assessor file (and Excel scorebook) for each member of the team.

The user names the assessors, one a line (those handed out to before are offered), and chooses
the folder; 分发 writes ``<name>.qdesk-score`` — opened in this program's scoring-only mode —
and ``<name>.xlsx`` for those who will not install anything, and registers the round, through
the session (:func:`qualitydesk.store.scorefile.hand_out_files`). Files already in the folder
are replaced only when the user says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from qualitydesk.domain.forms import Forms
from qualitydesk.store.errors import DocumentError
from qualitydesk.store.scorefile import SUFFIX, hand_out_files, safe_file_name
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.shell.session import Session


class HandOutDialog(QDialog):
    """The names of the assessors and the folder their files go to; 分发 writes them."""

    def __init__(
        self,
        session: Session,
        forms: Forms,
        messages: Messages,
        folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.forms = forms
        self.messages = messages
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("分发评分表"))
        self.names = QPlainTextEdit(self)
        self.names.setAccessibleName(self.tr("评分人"))
        self.names.setTabChangesFocus(True)
        self.names.setPlaceholderText(self.tr("张三\n李四\n王五"))
        self.names.setPlainText("\n".join(a.name for a in session.doc.assessors()))
        self.folder = QLineEdit(folder, self)
        self.folder.setAccessibleName(self.tr("保存到文件夹"))
        choose = QPushButton(self.tr("选择(&C)…"), self)
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        explain = QLabel(
            self.tr(
                "每位评分人得到两个文件：评分文件（.qdesk-score，用质量奖申报助手打开，"
                "逐项评分）和 Excel 评分表（不安装本程序也能填写）。评分人独立评分后交回其中一个，"
                "用“评分 → 汇总评分”收回。申报原文在评分表中只读。"
            ),
            self,
        )
        explain.setWordWrap(True)
        form = QFormLayout(self)
        names_label = QLabel(self.tr("评分人（每行一位）(&N)"), self)
        names_label.setBuddy(self.names)
        folder_label = QLabel(self.tr("保存到(&F)"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(explain)
        form.addRow(names_label, self.names)
        form.addRow(folder_label, folder_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.hand_out_button = buttons.addButton(
            self.tr("分发(&H)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.hand_out)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 420)

    def _choose_folder(self) -> None:
        chosen = self.messages.folder(self, self.tr("评分表保存到"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen_names(self) -> list[str]:
        """The names typed, one a line, blank lines left out."""
        return [line.strip() for line in self.names.toPlainText().splitlines() if line.strip()]

    def hand_out(self) -> list[Path]:
        """分发: write every assessor's files and close; [] (the dialog stays, saying why) when
        nothing was written.
        """
        names, folder = self.chosen_names(), Path(self.folder.text().strip())
        if not names:
            self.messages.warning(self, self.tr("无法分发"), self.tr("请至少填写一位评分人。"))
            return []
        if not self.folder.text().strip():
            self.messages.warning(self, self.tr("无法分发"), self.tr("请选择保存评分表的文件夹。"))
            return []
        existing = self._existing(names, folder)
        force = False
        if existing:
            question = self.tr("文件夹中已有以下文件，替换它们吗？\n{0}").format(
                "\n".join(p.name for p in existing)
            )
            if not self.messages.question(self, self.tr("替换评分表"), question):
                return []
            force = True
        forms = self.forms
        try:
            self.written = self.session.apply(
                lambda doc: hand_out_files(doc, forms, names, folder, force=force)
            )
        except DocumentError as exc:
            self.messages.warning(self, self.tr("无法分发"), str(exc))
            return []
        self.messages.information(
            self,
            self.tr("已分发评分表"),
            self.tr("已在 {folder} 为 {count} 位评分人生成评分表：\n{files}").format(
                folder=folder, count=len(names), files="\n".join(p.name for p in self.written)
            ),
        )
        self.accept()
        return self.written

    @staticmethod
    def _existing(names: list[str], folder: Path) -> list[Path]:
        """The files of ``names`` already in ``folder`` (that 分发 would replace)."""
        found = []
        for name in names:
            stem = safe_file_name(name)
            found += [
                p for p in (folder / f"{stem}{SUFFIX}", folder / f"{stem}.xlsx") if p.exists()
            ]
        return found
