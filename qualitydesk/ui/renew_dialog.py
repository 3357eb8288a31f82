"""文件 → 以往年申报为基础新建: last year's application as the start of this year's.

:class:`Renewer` asks for last year's file, then :class:`RenewDialog` for the new year and where
the new file goes; :func:`qualitydesk.store.renew.renew` makes it in the background (a file with
many attachments takes a moment) and the window opens it. Every item of the new file shows 需更新
until the user marks it updated on its page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Forms
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.ui.messages import Messages


def suggested_path(source: Path, from_year: int, year: int) -> Path:
    """The new file beside the old one: its year in the name replaced, or the year added."""
    stem = source.stem
    if str(from_year) in stem:
        stem = stem.replace(str(from_year), str(year))
    else:
        stem = re.sub(r"[-_ ]?\d{4}$", "", stem) + f"-{year}"
    return source.with_name(stem + ".qdesk")


class RenewDialog(QDialog):
    """The new year and the new file's place; 新建 starts the copy (``accepted``)."""

    def __init__(
        self, source: Path, from_year: int, messages: Messages, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("以往年申报为基础新建"))
        self.source, self.from_year, self.messages = source, from_year, messages
        intro = QLabel(
            self.tr(
                "以 {name}（{year} 年度）为基础新建：复制自评内容、申请表、关键绩效数据、证实性材料和自评分，按新年度移动按年度填写的数据，各评分项标为“需更新”。原文件不会改动。"
            ).format(name=source.name, year=from_year)
        )
        intro.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setRange(from_year + 1, from_year + 10)
        self.year.setValue(max(from_year + 1, min(date.today().year, from_year + 10)))
        # "2027 年度" in Chinese; English writes the bare year (the translation is "%1")
        self.year.setSuffix(self.tr("%1 年度").replace("%1", ""))
        self.path = QLineEdit(str(suggested_path(source, from_year, self.year.value())))
        self.path.setAccessibleName(self.tr("新申报文件"))
        browse = QPushButton(self.tr("浏览(&B)…"))
        browse.clicked.connect(self._browse)
        self.year.valueChanged.connect(self._year_changed)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        year_label = QLabel(self.tr("申报年度(&Y)："))
        year_label.setBuddy(self.year)
        path_label = QLabel(self.tr("新文件(&F)："))
        path_label.setBuddy(self.path)
        form.addRow(year_label, self.year)
        form.addRow(path_label, where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            self.tr("新建(&C)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(buttons)

    def _year_changed(self, year: int) -> None:
        suggested = {
            str(suggested_path(self.source, self.from_year, y))
            for y in range(self.from_year + 1, self.from_year + 11)
        }
        if self.path.text() in suggested:  # not typed by the user: follow the year
            self.path.setText(str(suggested_path(self.source, self.from_year, year)))

    def _browse(self) -> None:
        chosen = self.messages.save_file(
            self, self.tr("新申报文件"), self.path.text(), self.tr("申报文件 (*.qdesk)")
        )
        if chosen:
            self.path.setText(chosen if chosen.endswith(".qdesk") else chosen + ".qdesk")

    def choice(self) -> tuple[int, Path]:
        """(the new year, the new file's path) as entered."""
        return self.year.value(), Path(self.path.text().strip())


class Renewer(QObject):
    """Runs 以往年申报为基础新建 for the main window; ``created(path)`` when the file is made."""

    created = Signal(object)

    def __init__(
        self,
        window: QWidget,
        messages: Messages,
        forms: Forms,
        flush: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(window)
        self.window, self.messages, self.forms, self.flush = window, messages, forms, flush
        self.dialog: RenewDialog | None = None
        self.job: Any = None

    def start(self, folder: str = "") -> None:
        """Ask for last year's file, starting in ``folder``, and go on with it."""
        source = self.messages.open_file(
            self.window, self.tr("选择往年的申报文件"), folder, self.tr("申报文件 (*.qdesk)")
        )
        if source:
            self.choose(Path(source))

    def choose(self, source: Path) -> RenewDialog | None:
        """Save the open file (it may be ``source``), read ``source``'s year and ask for the new
        year and path; None if ``source`` cannot be opened.
        """
        self.flush()  # the open file may be last year's: its latest typing goes into the copy
        try:
            with Document.open(source, read_only=True) as old:
                from_year = old.year
        except DocumentError as exc:
            self.messages.critical(self.window, self.tr("无法打开"), str(exc))
            return None
        dialog = RenewDialog(source, from_year, self.messages, self.window)
        dialog.accepted.connect(lambda: self.make(source, *dialog.choice()))
        dialog.open()
        self.dialog = dialog
        return dialog

    def make(self, source: Path, year: int, target: Path) -> None:
        """Make the new file in the background (replacing ``target`` only if the user says so) and
        emit ``created`` with its path.
        """
        from qualitydesk.store.renew import renew
        from qualitydesk.ui.jobs import start_job

        force = False
        if target.exists():
            if not self.messages.question(
                self.window,
                self.tr("文件已存在"),
                self.tr("{path} 已存在，要替换它吗？").format(path=target),
            ):
                return
            force = True  # asked: replaced (never a file open in QualityDesk, nor the source)
        forms, copying = self.forms, self.tr("正在复制 {name}…").format(name=source.name)

        def work(report: Any) -> Path:
            report(0, 0, copying)
            return renew(source, target, forms, year=year, force=force).path

        self.job = start_job(work, parent=self.window, title=self.tr("以往年申报为基础新建"))
        self.job.finished.connect(self.created.emit)
        self.job.failed.connect(
            lambda message: self.messages.warning(self.window, self.tr("无法新建"), message)
        )
