"""The welcome screen: recent files, 新建申报, 打开, 打开示例.

Each recent file shows its programme, year, organisation and when it was last saved. They are read
in the background with :func:`qualitydesk.store.summary.peek` (read-only, no lock), so a slow or
absent network folder never holds up the window; a file that is gone is marked so.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.store.summary import FileSummary, peek
from qualitydesk.ui import theme
from qualitydesk.ui.jobs import Job, start_job
from qualitydesk.ui.widgets.file_reader import fill_in

PATH_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # "reading", "ok", "missing" or "unreadable"

STYLE = """
#welcomeColumn QPushButton[card="true"] {
    text-align: left; padding: 10px 14px; border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); color: palette(text);
}
#welcomeColumn QPushButton[card="true"]:hover { border-color: $accent; background: $accent_background; }
#welcomeColumn QPushButton[card="true"]:focus { border: 2px solid $accent; }
#welcomeNote { color: $muted; }
"""


class WelcomeView(QWidget):
    """What the window shows when no application is open.

    ``programme_names`` maps award ids to the names shown for recent files;
    ``recent_described`` is emitted once the recent files' details have been read.
    """

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)
    recent_described = Signal()

    def __init__(
        self, programme_names: Mapping[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.programme_names = dict(programme_names or {})
        self._peeking: Job | None = None
        column_widget = QFrame()
        column_widget.setObjectName("welcomeColumn")
        column_widget.setStyleSheet(theme.style(STYLE))
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
        self.recent.setSpacing(4)
        self.recent.setIconSize(QSize(24, 24))
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(PATH_ROLE))
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

    # -- recent files --

    def set_recent(self, files: list[str]) -> None:
        """List ``files`` at once by name, then fill in what each holds as it is read."""
        self.recent.clear()
        for path in files:
            item = QListWidgetItem(self._where(path) + "\n" + self.tr("正在读取……"))
            item.setData(PATH_ROLE, path)
            item.setData(STATE_ROLE, "reading")
            item.setToolTip(path)
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            self.recent.addItem(item)
        self.empty_note.setVisible(not files)
        if self._peeking is not None:
            self._peeking.cancel()  # its result is for a list no longer shown
            self._peeking = None
        if not files:
            return
        job = start_job(
            lambda _report: [_look(path) for path in files],
            parent=self,
            title=self.tr("读取最近打开的文件"),
            show_dialog=False,
        )
        job.finished.connect(lambda found: self._described(job, found))
        job.failed.connect(lambda _message: self._described(job, [None] * len(files)))
        self._peeking = job

    def _described(self, job: Job, found: list[tuple[bool, FileSummary | None]]) -> None:
        if job is not self._peeking:
            return
        self._peeking = None
        for row, look in enumerate(found):
            item = self.recent.item(row)
            if item is not None:
                self._describe(item, look)
        self.recent_described.emit()

    def _describe(
        self, item: QListWidgetItem, look: tuple[bool, FileSummary | None] | None
    ) -> None:
        path = str(item.data(PATH_ROLE))
        exists, summary = look or (True, None)
        if not exists:
            item.setData(STATE_ROLE, "missing")
            item.setText(self._where(path) + "\n" + self.tr("（文件已不在）"))
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setForeground(self.palette().placeholderText())
            return
        if summary is None:
            item.setData(STATE_ROLE, "unreadable")
            item.setText(self._where(path) + "\n" + self.tr("无法读取：不是申报文件，或文件已损坏"))
            return
        item.setData(STATE_ROLE, "ok")
        item.setText(self._headline(summary) + "\n" + self._where(path, summary.modified))

    def _headline(self, summary: FileSummary) -> str:
        """苏州工业园区质量奖 · 2026 年度 · 苏州某某有限公司."""
        parts = [self.programme_names.get(summary.award_id, summary.award_id)]
        if summary.year is not None:
            parts.append(fill_in(self.tr("%1 年度"), summary.year))
        parts.append(summary.org_name or self.tr("（未填组织名称）"))
        return " · ".join(parts)

    def _where(self, path: str, modified: datetime | None = None) -> str:
        """申报.qdesk — /home/… · 最后保存 今天 14:03."""
        text = f"{Path(path).name}　—　{Path(path).parent}"
        if modified is not None:
            text += " · " + fill_in(self.tr("最后保存 %1"), self._when(modified))
        return text

    def _when(self, moment: datetime) -> str:
        local = moment.astimezone() if moment.tzinfo else moment
        clock = local.strftime("%H:%M")
        if local.date() == date.today():
            return fill_in(self.tr("今天 %1"), clock)
        if local.date() == date.today() - timedelta(days=1):
            return fill_in(self.tr("昨天 %1"), clock)
        return local.strftime("%Y-%m-%d %H:%M")


def _look(path: str) -> tuple[bool, FileSummary | None]:
    """Whether ``path`` exists, and what it holds (run in the background)."""
    exists = Path(path).exists()
    return exists, peek(path) if exists else None
