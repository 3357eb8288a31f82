"""Every modal dialog the program shows comes from here, so tests can replace them all.

The main window owns one ``Messages``; tests swap in a recording fake, and no ``exec()`` is ever
reached from a test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from qualitydesk.ui.app import ui_language

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def file_dialog_options() -> QFileDialog.Option:
    """The system's file dialog speaks the system's language, Qt's own the interface's: use Qt's
    when the two differ (English interface on a Chinese system, or the other way round).
    """
    system_chinese = QLocale.system().language() == QLocale.Language.Chinese
    if system_chinese == (ui_language() == "zh_CN"):
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


class Messages:
    """Message boxes and file dialogs, in one replaceable place."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user something; returns when they close the box."""
        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user something went wrong that they can put right (a save that failed …)."""
        QMessageBox.warning(parent, title, text)

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user an action could not be done at all (a file that cannot be opened …)."""
        QMessageBox.critical(parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Ask a yes/no question; True if the user answered yes."""
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def exported(self, parent: QWidget | None, title: str, text: str) -> str:
        """Say a file was written and offer to open it: ``"file"``, ``"folder"`` or ``""``."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        translate = QCoreApplication.translate
        open_file = box.addButton(
            translate("Messages", "打开文件"), QMessageBox.ButtonRole.AcceptRole
        )
        open_folder = box.addButton(
            translate("Messages", "打开所在文件夹"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_file)
        box.exec()
        clicked = box.clickedButton()
        return "file" if clicked is open_file else "folder" if clicked is open_folder else ""

    def print_dialog(self, parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
        """The system print dialog for a document of ``pages`` pages; True once 打印 is pressed."""
        from qualitydesk.ui.printing import make_print_dialog

        dialog = make_print_dialog(printer, pages, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_file(self, parent: QWidget | None, title: str, folder: str, filters: str) -> str:
        """The file the user chose to open, starting in ``folder``; "" if they cancelled."""
        options = file_dialog_options()
        return QFileDialog.getOpenFileName(parent, title, folder, filters, options=options)[0]

    def open_files(
        self, parent: QWidget | None, title: str, folder: str, filters: str
    ) -> list[str]:
        """The files the user chose to open, starting in ``folder``; [] if they cancelled."""
        options = file_dialog_options()
        return QFileDialog.getOpenFileNames(parent, title, folder, filters, options=options)[0]

    def save_file(self, parent: QWidget | None, title: str, path: str, filters: str) -> str:
        """The name the user chose to save under, ``path`` offered; "" if they cancelled.
        The dialog itself asks before an existing file is chosen.
        """
        options = file_dialog_options()
        return QFileDialog.getSaveFileName(parent, title, path, filters, options=options)[0]

    def folder(self, parent: QWidget | None, title: str, folder: str) -> str:
        """The folder the user chose, starting in ``folder``; "" if they cancelled."""
        options = QFileDialog.Option.ShowDirsOnly | file_dialog_options()
        return QFileDialog.getExistingDirectory(parent, title, folder, options)
