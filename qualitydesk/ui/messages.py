"""Every modal dialog the program shows comes from here, so tests can replace them all.

The main window owns one ``Messages``; tests swap in a recording fake, and no ``exec()`` is ever
reached from a test.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Messages:
    """Message boxes and file dialogs, in one replaceable place."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, parent: QWidget | None, title: str, folder: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]

    def open_files(
        self, parent: QWidget | None, title: str, folder: str, filters: str
    ) -> list[str]:
        return QFileDialog.getOpenFileNames(parent, title, folder, filters)[0]

    def save_file(self, parent: QWidget | None, title: str, path: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(parent, title, path, filters)[0]

    def folder(self, parent: QWidget | None, title: str, folder: str) -> str:
        return QFileDialog.getExistingDirectory(parent, title, folder)
