"""帮助 → 用户指南: the user guide shipped with the program, shown inside it, offline.

The guide is docs/guide.zh.md and docs/guide.en.md with their pictures in docs/images, installed
as the package ``qualitydesk.docs`` (pyproject.toml; build.spec bundles it the same way). The
dialog shows the guide of the interface's language as Markdown, pictures scaled to the width,
and follows the guide's own links: its contents (#…), the other language and, on a click, a web
address in the system's browser.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImageReader,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from qualitydesk.ui.screen import Fit, GeometryStore, remember_size

GUIDES = {"zh_CN": "guide.zh.md", "en": "guide.en.md"}
GUIDE_FIT = Fit(0.75, QSize(640, 420), QSize(1000, 760))
GITHUB = QTextDocument.MarkdownFeature.MarkdownDialectGitHub


def guide_folder() -> Path:
    """The folder of the installed guide (a checkout's docs/ when the install predates it)."""
    try:
        folder = Path(str(resources.files("qualitydesk.docs")))
    except ModuleNotFoundError:
        folder = Path(__file__).resolve().parents[2] / "docs"
    return folder


def guide_path(language: str) -> Path:
    """The guide in ``language`` (``zh_CN`` or ``en``)."""
    return guide_folder() / GUIDES.get(language, GUIDES["zh_CN"])


def slug(heading: str) -> str:
    """A heading's anchor as the guide links to it (GitHub's rule)."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


class GuideDialog(QDialog):
    """The user guide in a window of its own, beside the work (not modal)."""

    def __init__(self, store: GeometryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setAccessibleName(self.tr("用户指南"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.browser, 1)
        column.addWidget(buttons)
        self.path: Path | None = None
        remember_size(self, store, "guide", GUIDE_FIT)

    def show_guide(self, language: str) -> None:
        """Load the guide of ``language`` (if not shown already), and show the window."""
        self.setWindowTitle(self.tr("用户指南"))
        path = guide_path(language)
        if path != self.path:
            self._load(path)
        self.show()
        self.activateWindow()  # to the front again when it was open behind the window

    def _load(self, path: Path) -> None:
        self.path = path
        self.browser.setSearchPaths([str(path.parent)])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            text = self.tr("找不到用户指南：{0}").format(exc)
        self.browser.document().setMarkdown(text, GITHUB)
        self._fit_pictures()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.verticalScrollBar().setValue(0)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in {"http", "https", "mailto"}:
            QDesktopServices.openUrl(url)  # only on the user's click
        elif not url.path() and url.fragment():
            self.scroll_to(url.fragment())
        elif self.path is not None and url.path() in GUIDES.values():
            self._load(self.path.with_name(url.path()))
            if url.fragment():
                self.scroll_to(url.fragment())

    def scroll_to(self, anchor: str) -> bool:
        """Bring the heading whose anchor is ``anchor`` to the top; False if there is none."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and slug(block.text()) == anchor:
                self.browser.setTextCursor(QTextCursor(block))
                top = self.browser.document().documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        return False

    def _fit_pictures(self) -> None:
        """Scale each picture down to the width of the text (the screenshots are 1366 wide)."""
        if self.path is None:
            return
        room = max(200, self.browser.viewport().width() - 40)
        document = self.browser.document()
        for start, end, image in _pictures(document):
            natural = QImageReader(str(self.path.parent / image.name())).size().width()
            width = min(natural, room) if natural > 0 else room
            if image.width() == width:
                continue
            image.setWidth(width)
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the pictures to the new width of the text."""
        super().resizeEvent(event)
        self._fit_pictures()


def _pictures(document: QTextDocument) -> list[tuple[int, int, QTextImageFormat]]:
    """Where each picture of ``document`` is: (start, end, its format)."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isImageFormat():
                end = fragment.position() + fragment.length()
                found.append((fragment.position(), end, fragment.charFormat().toImageFormat()))
            it += 1
        block = block.next()
    return found
