"""The welcome screen: recent files, 新建申报, 打开, 打开示例."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomeView(QWidget):
    """What the window shows when no application is open."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("<h1>质量奖申报助手</h1>"))
        intro = QLabel(
            self.tr(
                "按 GB/T 19580《卓越绩效评价准则》逐项填写自评报告、自评打分，对照奖项办法逐条自查申报资格，"
                "并导出可直接打印装订的申报材料。所有数据只保存在本机。"
            )
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建申报(&N)…"))
        self.open_button = QPushButton(self.tr("打开(&O)…"))
        self.demo_button = QPushButton(self.tr("打开示例(&D)"))
        self.demo_button.setToolTip(self.tr("一份虚构的苏州制造企业的完整申报，可随意修改"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            buttons.addWidget(button)
        buttons.addStretch(1)

        recent_label = QLabel(self.tr("最近打开(&R)："))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("最近打开的申报文件"))
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.empty_note = QLabel(self.tr("还没有打开过申报文件。可以先打开示例看看。"))

        column = QVBoxLayout(self)
        column.setContentsMargins(48, 32, 48, 32)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(recent_label)
        column.addWidget(self.recent, 1)
        column.addWidget(self.empty_note)

    def set_recent(self, files: list[str]) -> None:
        self.recent.clear()
        for path in files:
            item = QListWidgetItem(f"{Path(path).name}　—　{Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if not Path(path).exists():
                item.setText(item.text() + self.tr("（文件已不在）"))
            self.recent.addItem(item)
        self.empty_note.setVisible(not files)
