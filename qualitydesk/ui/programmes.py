"""A browser of the award programmes in forms/: lines, eligibility clauses and package parts.

It is the first screen of the program until the application wizard arrives; the new-application
wizard will reuse it to let the user pick a programme.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Award, Forms
from qualitydesk.domain.scoring import line_wording

# Translated where shown (the context of ProgrammeBrowser.tr, so lupdate files them together).
NOTICE = QT_TRANSLATE_NOOP("ProgrammeBrowser", "按当年申报通知核对")
KIND_LABELS = {
    "years_since": QT_TRANSLATE_NOOP("ProgrammeBrowser", "年限"),
    "certification": QT_TRANSLATE_NOOP("ProgrammeBrowser", "体系认证"),
    "no_loss": QT_TRANSLATE_NOOP("ProgrammeBrowser", "经营效益"),
    "region": QT_TRANSLATE_NOOP("ProgrammeBrowser", "注册地"),
    "excluded_award": QT_TRANSLATE_NOOP("ProgrammeBrowser", "已获奖项"),
    "honour": QT_TRANSLATE_NOOP("ProgrammeBrowser", "荣誉"),
    "reapply": QT_TRANSLATE_NOOP("ProgrammeBrowser", "重新申报"),
    "declaration": QT_TRANSLATE_NOOP("ProgrammeBrowser", "声明"),
}


def _translated(text: str) -> str:
    return QCoreApplication.translate("ProgrammeBrowser", text)


class ProgrammeBrowser(QWidget):
    """Lists the programmes on the left and shows the selected one's rules on the right."""

    def __init__(self, forms: Forms, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forms = forms
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("奖项列表"))
        for award in forms.awards.values():  # in the programmes' rank (forms/ order)
            item = QListWidgetItem(f"{award.name}（{award.level}）")
            item.setData(Qt.ItemDataRole.UserRole, award.id)
            if award.check_notice:
                item.setToolTip(_translated(NOTICE))
            self.list.addItem(item)

        self.title = QLabel()
        self.title.setObjectName("programmeTitle")
        self.title.setWordWrap(True)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.parts = QLabel()
        self.parts.setWordWrap(True)
        self.rules = QTableWidget(0, 4)
        self.rules.setAccessibleName(self.tr("资格条件"))
        self.rules.setHorizontalHeaderLabels(
            [self.tr("条款"), self.tr("类别"), self.tr("条件"), self.tr("核对")]
        )
        self.rules.verticalHeader().setVisible(False)
        self.rules.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rules.setWordWrap(True)
        header = self.rules.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        rules_label = QLabel(self.tr("资格条件(&R)"))
        rules_label.setBuddy(self.rules)

        detail = QWidget()
        column = QVBoxLayout(detail)
        for widget in (self.title, self.source, self.lines, rules_label, self.rules, self.parts):
            column.addWidget(widget)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.list.currentItemChanged.connect(self._show_current)
        self.list.setCurrentRow(0)

    def select(self, award_id: str) -> None:
        """Select the programme ``award_id`` and show it; KeyError if there is none such."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == award_id:
                self.list.setCurrentRow(row)
                return
        raise KeyError(award_id)

    def _show_current(self, current: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_award(self.forms.award(current.data(Qt.ItemDataRole.UserRole)))

    def show_award(self, award: Award) -> None:
        """Show ``award``: its document, lines, eligibility clauses and package parts."""
        notice = (
            self.tr("　〔%1〕").replace("%1", _translated(NOTICE)) if award.check_notice else ""
        )
        self.title.setText(f"<h2>{html.escape(award.name)}</h2>")
        number = f" {award.document_number}" if award.document_number else ""
        self.source.setText(f"{award.issuer}《{award.document}》{number}{notice}")
        lines = [
            f"{t.name}：{line_wording(t.line, t.comparison)}（{t.citation}）" for t in award.tiers
        ]
        if not award.scored:
            lines.append(self.tr("不按 1000 分制评分"))
        self.lines.setText(self.tr("分数线：%1").replace("%1", "；".join(lines) or self.tr("无")))
        self.rules.setRowCount(len(award.rules))
        for row, rule in enumerate(award.rules):
            check = _translated(NOTICE) if rule.check_notice or award.check_notice else ""
            kind = _translated(KIND_LABELS[rule.kind])
            values = (rule.citation, kind, rule.text.strip(), check)
            for col, value in enumerate(values):
                self.rules.setItem(row, col, QTableWidgetItem(value))
        self.rules.resizeRowsToContents()
        limit = self.tr("（≤ %1 字）")
        suggested = self.tr("（参考值 %1 字，按当年申报通知核对）")
        parts = " → ".join(
            p.name
            + (
                (suggested if p.reference else limit).replace("%1", numbers.integer(p.limit))
                if p.limit
                else ""
            )
            for p in award.parts
        )
        self.parts.setText(self.tr("申报材料：%1").replace("%1", parts))
