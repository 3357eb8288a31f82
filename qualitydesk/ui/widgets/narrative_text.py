"""The text area of the narrative editor: pastes, tables, formatting and Ctrl+wheel.

Pastes from Word, WPS or a web page are cleaned on the way in (:mod:`markdown_io`: paragraphs,
headings, lists, bold and tables kept; fonts, colours and styles lost). Images are dropped with a
note, because attachments belong on the 证实性材料 page. A paste longer than the narrative may
hold (:func:`qualitydesk.domain.limits.max_chars`, ten times its part's limit) is refused before
anything is converted: turning 50 MB of HTML into Markdown and a document fragment is what froze
the window. Tab moves between table cells as in Word; the formatting commands of the toolbar act
on the selected paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QImage,
    QKeyEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from qualitydesk.ui.widgets.html_paste import html_markdown

GITHUB = QTextDocument.MarkdownFeature.MarkdownDialectGitHub
HEADING_LEVEL = 3  # the 标题 button makes sub-headings: the item itself is the chapter
WHEEL_STEP = 120  # angleDelta of one notch of a mouse wheel
_TAG = re.compile(r"<[^>]*>")


def pasted_size(source: QMimeData) -> int:
    """How many characters a paste brings, measured without converting it.

    The plain-text alternative that Word, WPS and browsers put beside their HTML counts; HTML
    alone counts without its tags, Markdown alone as it is.
    """
    if source.hasText():
        return len(source.text())
    if source.hasHtml():
        return len(_TAG.sub("", source.html()))
    if source.hasFormat("text/markdown"):
        return len(bytes(source.data("text/markdown").data()).decode("utf-8", "replace"))
    return 0


# --- the look of tables -------------------------------------------------------------------------


def style_tables(document: QTextDocument) -> None:
    """Give every table the editor's look: thin borders, padding, full width, a header row."""
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            frame.setFormat(table_format(frame.format().toTableFormat()))
        it += 1


def table_format(fmt: QTextTableFormat | None = None) -> QTextTableFormat:
    """The editor's table look, over ``fmt`` when given."""
    fmt = QTextTableFormat(fmt) if fmt is not None else QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setHeaderRowCount(1)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.clearColumnWidthConstraints()
    return fmt


# --- the text area ------------------------------------------------------------------------------


class NarrativeTextEdit(QTextEdit):
    """The text area of :class:`MarkdownEdit`: cleans pastes, moves between table cells on Tab."""

    images_dropped = Signal(int)
    zoom_requested = Signal(int)  # +1 / -1: Ctrl+wheel over the focused editor
    paste_refused = Signal(int, int, int)  # characters pasted, the text it would make, maximum

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self._wheel = 0  # a touchpad's small wheel steps add up to one zoom step
        # Draws figures the narrative refers to, e.g. ``indicator:first-pass-yield``.
        self.figure_source: Callable[[str, str], QImage | None] | None = None
        self.max_chars: int | None = None  # the most the narrative may hold; None: no bound

    def loadResource(self, kind: int, name: QUrl) -> object:
        """An image the text refers to is drawn by ``figure_source`` (a chart of an indicator …)."""
        if kind == QTextDocument.ResourceType.ImageResource.value and self.figure_source:
            image = self.figure_source(name.scheme(), name.path())
            if image is not None:
                return image
        return super().loadResource(kind, name)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste as clean text (Word's or a web page's HTML made Markdown), as one undo step; images
        are left out and counted in ``images_dropped``. Too long a paste is refused whole.
        """
        if self._too_long(source):
            return
        images = 0
        cursor = self.textCursor()
        if source.hasHtml():
            markdown, images = html_markdown(source.html())
            fragment = QTextDocumentFragment.fromMarkdown(markdown, GITHUB)
        elif source.hasFormat("text/markdown"):
            text = bytes(source.data("text/markdown").data()).decode("utf-8", "replace")
            fragment = QTextDocumentFragment.fromMarkdown(text, GITHUB)
        elif source.hasText():
            fragment = QTextDocumentFragment.fromPlainText(source.text())
        else:
            fragment = None
        if source.hasImage() and not images:
            images = 1
        cursor.beginEditBlock()
        if fragment is not None and not fragment.isEmpty():
            cursor.insertFragment(fragment)
        cursor.endEditBlock()
        cursor.joinPreviousEditBlock()  # tables exist once the insertion is done: one undo step
        style_tables(self.document())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if images:
            self.images_dropped.emit(images)

    def _too_long(self, source: QMimeData) -> bool:
        """Whether pasting ``source`` would make the text longer than it may be (then say so)."""
        if self.max_chars is None:
            return False
        pasted = pasted_size(source)
        cursor = self.textCursor()
        selected = cursor.selectionEnd() - cursor.selectionStart()
        kept = self.document().characterCount() - 1 - selected  # the count ends in a separator
        if pasted <= self.max_chars and kept + pasted <= self.max_chars:
            return False
        self.paste_refused.emit(pasted, kept + pasted, self.max_chars)
        return True

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel over the focused editor zooms (as in Word); otherwise the text scrolls."""
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not (control and self.hasFocus()):
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= WHEEL_STEP:
            direction = 1 if self._wheel > 0 else -1
            self._wheel -= direction * WHEEL_STEP
            self.zoom_requested.emit(direction)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        """Take an image too, so that dropping one can say it is not pasted."""
        return source.hasImage() or super().canInsertFromMimeData(source)

    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab move between a table's cells before Qt sees them."""
        is_key = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if is_key and self._move_in_table(event):
            return True
        return super().event(event)

    def _move_in_table(self, event: QKeyEvent) -> bool:
        """Tab / Shift+Tab move between table cells (Tab in the last cell adds a row, as in
        Word); elsewhere Tab moves the focus on.
        """
        key = event.key()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None:
            return False
        cell = table.cellAt(cursor)
        index = cell.row() * table.columns() + cell.column()
        index += -1 if key == Qt.Key.Key_Backtab else 1
        if index == table.rows() * table.columns() and key == Qt.Key.Key_Tab:
            table.appendRows(1)
        if not 0 <= index < table.rows() * table.columns():
            return False
        target = table.cellAt(index // table.columns(), index % table.columns())
        self.setTextCursor(target.firstCursorPosition())
        return True

    # -- formatting the selection --

    def set_bold(self, bold: bool) -> None:
        """Make what is typed next (or the selection) bold, or not."""
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """Make the selected paragraphs a list of ``style``, or plain paragraphs again."""
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            for block in selected_blocks(cursor):
                text_list = block.textList()
                if text_list is not None:
                    text_list.remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    QTextCursor(block).setBlockFormat(fmt)
        elif current is not None:
            fmt = current.format()
            fmt.setStyle(style)
            current.setFormat(fmt)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(style)
            cursor.createList(fmt)
        cursor.endEditBlock()

    def toggle_heading(self) -> None:
        """Make the selected paragraphs sub-headings, or body text again."""
        cursor = self.textCursor()
        level = 0 if cursor.blockFormat().headingLevel() else HEADING_LEVEL
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, 1 if level else 0)
        cursor.beginEditBlock()
        for block in selected_blocks(cursor):
            if block.textList() is not None:
                continue
            fmt = block.blockFormat()
            fmt.setHeadingLevel(level)
            whole = QTextCursor(block)
            whole.setBlockFormat(fmt)
            whole.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            whole.mergeCharFormat(char)
            whole.mergeBlockCharFormat(char)
        cursor.endEditBlock()
        self.mergeCurrentCharFormat(char)

    def insert_table(self, rows: int, columns: int) -> None:
        """Insert a table of ``rows`` (the first is the header) × ``columns`` at the cursor."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text().strip() or cursor.currentTable() is not None:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        table = cursor.insertTable(max(2, rows), max(1, columns), table_format())
        cursor.endEditBlock()
        self.setTextCursor(table.cellAt(0, 0).firstCursorPosition())
        self.setFocus()

    def insert_figure(self, url: str, width: float, title: str) -> None:
        """Insert a figure (e.g. ``indicator:first-pass-yield``) as its own paragraph."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock()
        image = QTextImageFormat()
        image.setName(url)
        image.setWidth(width)
        image.setProperty(QTextFormat.Property.ImageAltText, title)
        cursor.insertImage(image)
        cursor.insertBlock()
        cursor.endEditBlock()
        self.setTextCursor(cursor)


def selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """The paragraphs the selection of ``cursor`` touches (the cursor's own when none)."""
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks
