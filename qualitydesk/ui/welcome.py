"""The welcome screen: recent files, 新建申报, 打开, 打开示例."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

STYLE = """
#welcomeColumn QPushButton[card="true"] {
    text-align: left; padding: 10px 14px; border: 1px solid #c9d3e0; border-radius: 6px;
    background: #ffffff;
}
#welcomeColumn QPushButton[card="true"]:hover { border-color: #1f5fa8; background: #f3f7fc; }
#welcomeColumn QPushButton[card="true"]:focus { border: 2px solid #1f5fa8; }
#welcomeNote { color: #5f6b7a; }
"""


class WelcomeView(QWidget):
    """What the window shows when no application is open."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column_widget = QFrame()
        column_widget.setObjectName("welcomeColumn")
        column_widget.setStyleSheet(STYLE)
        column_widget.setMaximumWidth(960)

        self.new_button = self._card(
            self.tr("新建申报(&N)…"), self.tr("选择奖项与年度，填写组织名称，选择保存位置")
        )
        self.open_button = self._card(self.tr("打开(&O)…"), self.tr("打开已有的申报文件（.qdesk）"))
        self.demo_button = self._card(
            self.tr("打开示例(&D)"), self.tr("一份虚构的苏州制造企业的完整申报，可随意修改")
        )
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        cards = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            cards.addWidget(button, 1)

        recent_label = QLabel(self.tr("最近打开(&R)："))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("最近打开的申报文件"))
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.empty_note = QLabel(self.tr("还没有打开过申报文件。可以先打开示例看看。"))
        self.empty_note.setObjectName("welcomeNote")
        privacy = QLabel(self.tr("所有数据只保存在本机的申报文件中，程序不连接网络。"))
        privacy.setObjectName("welcomeNote")

        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._heading())
        column.addSpacing(20)
        column.addLayout(cards)
        column.addSpacing(20)
        column.addWidget(recent_label)
        column.addWidget(self.recent, 1)
        column.addWidget(self.empty_note)
        column.addWidget(privacy)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 32, 40, 24)
        outer.addStretch(1)
        outer.addWidget(column_widget, 8)
        outer.addStretch(1)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel()
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            icon.setPixmap(app_icon.pixmap(64, 64))
            row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QLabel(
            self.tr(
                "<h1 style='margin:0'>质量奖申报助手</h1>"
                "<p>按 GB/T 19580《卓越绩效评价准则》逐项填写自评报告、自评打分，对照奖项办法逐条自查申报资格，"
                "并导出可直接打印装订的申报材料。</p>"
            )
        )
        text.setWordWrap(True)
        row.addWidget(text, 1)
        return row

    def _card(self, title: str, description: str) -> QPushButton:
        """A large button: its title (with the mnemonic) and a line saying what it does."""
        button = QPushButton(f"{title}\n{description}")
        button.setProperty("card", True)
        button.setAccessibleDescription(description)
        button.setMinimumHeight(button.fontMetrics().height() * 4)
        return button

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
