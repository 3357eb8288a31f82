"""The narrative editor: rich text on screen, Markdown (CommonMark + GitHub pipe tables) in the file.

The Markdown is read with ``QTextDocument.setMarkdown`` and written, never wrapped, by
:mod:`qualitydesk.ui.widgets.markdown_io`, which also cleans pastes from Word, WPS or a web page
(paragraphs, headings, lists, bold and tables kept; fonts, colours and styles lost). Images are
dropped with a note, because attachments belong on the 证实性材料 page.

Counting stays cheap on every keystroke: the text — table cells and picture titles included —
is taken block by block from the document (:func:`~qualitydesk.ui.widgets.markdown_io.document_text`)
and counted with :func:`qualitydesk.domain.textmetrics.count` after a short pause; it is the same
text and the same pictures that :func:`~qualitydesk.domain.textmetrics.measure` finds in the saved
Markdown for the 检查 step and the package, so the three never disagree. Under 含图表 each picture
or chart adds its ``figure_chars``; a table counts as its text (the rule is in
:mod:`qualitydesk.domain.textmetrics`).

A paste longer than the narrative may hold (:func:`qualitydesk.domain.limits.max_chars`, ten times
its part's limit) is refused with a notice before anything is converted: turning 50 MB of HTML
into Markdown and a document fragment is what froze the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QImage,
    QKeyEvent,
    QKeySequence,
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
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Part
from qualitydesk.domain.notices import EffectiveLimit
from qualitydesk.domain.textmetrics import TextCounts, count, with_figures
from qualitydesk.ui.widgets.markdown_io import document_markdown, document_text, html_markdown

GITHUB = QTextDocument.MarkdownFeature.MarkdownDialectGitHub
HEADING_LEVEL = 3  # the 标题 button makes sub-headings: the item itself is the chapter
ZOOM_LEVELS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)  # percent, as browsers
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


def zoom_level(percent: int, direction: int) -> int:
    """The zoom after ``percent``: the next level up (``direction`` > 0), down (< 0), or 100 (0)."""
    if direction > 0:
        return next((z for z in ZOOM_LEVELS if z > percent), ZOOM_LEVELS[-1])
    if direction < 0:
        return next((z for z in reversed(ZOOM_LEVELS) if z < percent), ZOOM_LEVELS[0])
    return 100


# --- counting against a limit -------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """How a part of the package is measured: metric, limit, and what a figure counts (含图表)."""

    metric: str = "words"
    limit: int | None = None
    figure_chars: int | None = None  # None: pictures and charts add nothing to the count
    reference: bool = False  # the limit is a 参考值 (the program's suggestion), not a rule

    @classmethod
    def of(
        cls, part: Part | None, limit: int | None = None, fallback: int | None = None
    ) -> Measure:
        """How ``part`` is measured; ``limit`` (the application's own) wins over the part's."""
        if part is None:
            return cls(limit=limit or fallback)
        figure_chars = part.figure_chars if part.counts_figures else None
        reference = not limit and (part.reference if part.limit else fallback is not None)
        return cls(part.metric, limit or part.limit or fallback, figure_chars, reference)

    @classmethod
    def of_limit(cls, part: Part | None, limit: EffectiveLimit | None) -> Measure:
        """How ``part`` is measured this year: its limit as notices.effective gives it."""
        if limit is None:
            return cls.of(part)
        return cls(limit.metric, limit.limit, limit.figure_chars, limit.reference)

    def text_count(self, counts: TextCounts) -> int:
        return counts.metric(self.metric)

    def total(self, text_count: int, figures: int) -> int:
        """The count the limit is checked against: the text, plus figures where they count."""
        if self.figure_chars is None:
            return text_count
        return with_figures(text_count, figures, self.figure_chars)

    def over(self, total: int) -> bool:
        return self.limit is not None and total > self.limit

    def describe(self, total: int, figures: int) -> str:
        """e.g. ``45,495 / 50,000 字（含图 12 幅，每幅按 300 字计）``."""
        text = numbers.integer(total)
        if self.limit is not None and not self.reference:
            text += f" / {numbers.integer(self.limit)}"
        text += QCoreApplication.translate("Measure", " 字")
        if self.figure_chars is not None:
            text += QCoreApplication.translate(
                "Measure", "（含图 {figures} 幅，每幅按 {chars} 字计）"
            ).format(figures=figures, chars=self.figure_chars)
        if self.limit is not None and self.reference:
            text += " · " + self.limit_text()
        return text

    def rule(self) -> str:
        """How the count is made, for a counter's tooltip (the rule of textmetrics, in words)."""
        rules = {
            "words": QCoreApplication.translate(
                "Measure",
                "按 Word“字数统计”的字数计：汉字、中文标点和全角字符每个计 1 字，"
                "英文单词、数字（如 ISO、9001:2015、12.5%）每个计 1 字；"
                "表格中的文字和图题计入，空格和换行不计。",
            ),
            "characters": QCoreApplication.translate(
                "Measure", "按字符数（不计空格）计；表格中的文字和图题计入。"
            ),
            "characters_no_punct": QCoreApplication.translate(
                "Measure", "按字符数计，空格和标点不计；表格中的文字和图题计入。"
            ),
            "hanzi": QCoreApplication.translate("Measure", "只计汉字；表格中的文字和图题计入。"),
        }
        text = rules.get(self.metric, rules["words"])
        if self.figure_chars is not None:
            text += QCoreApplication.translate(
                "Measure", "本部分含图表：每幅图按 {chars} 字计，表格按其文字计。"
            ).format(chars=self.figure_chars)
        return text

    def limit_text(self) -> str:
        """The limit as shown: ``50,000 字``, or ``参考值 50,000 字（按当年申报通知核对）``."""
        if self.limit is None:
            return ""
        if self.reference:
            return QCoreApplication.translate(
                "Measure", "参考值 {limit} 字（按当年申报通知核对）"
            ).format(limit=numbers.integer(self.limit))
        return QCoreApplication.translate("Measure", "{limit} 字").format(
            limit=numbers.integer(self.limit)
        )

    def over_text(self, total: int) -> str:
        """``，已超出 1,234 字`` (``，已超出参考值 1,234 字``); "" within the limit."""
        if not self.over(total):
            return ""
        n = numbers.integer(total - (self.limit or 0))
        if self.reference:
            return QCoreApplication.translate("Measure", "，已超出参考值 {n} 字").format(n=n)
        return QCoreApplication.translate("Measure", "，已超出 {n} 字").format(n=n)


def over_style(measure: Measure) -> str:
    """How a count over the limit looks: red for a rule, amber for a 参考值 (a suggestion)."""
    colour = "#8a5300" if measure.reference else "#b3261e"
    return f"color: {colour}; font-weight: bold;"


# --- the look of tables -------------------------------------------------------------------------


def _style_tables(document: QTextDocument) -> None:
    """Give every table the editor's look: thin borders, padding, full width, a header row."""
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            frame.setFormat(_table_format(frame.format().toTableFormat()))
        it += 1


def _table_format(fmt: QTextTableFormat | None = None) -> QTextTableFormat:
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


# --- the widgets --------------------------------------------------------------------------------


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
        if kind == QTextDocument.ResourceType.ImageResource.value and self.figure_source:
            image = self.figure_source(name.scheme(), name.path())
            if image is not None:
                return image
        return super().loadResource(kind, name)

    def insertFromMimeData(self, source: QMimeData) -> None:
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
        _style_tables(self.document())
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
        return source.hasImage() or super().canInsertFromMimeData(source)

    def event(self, event: QEvent) -> bool:
        is_key = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if is_key and self._move_in_table(event):
            return True
        return super().event(event)

    def _move_in_table(self, event: QKeyEvent) -> bool:
        """Tab / Shift+Tab move between table cells (Tab in the last cell adds a row, as in
        Word); elsewhere Tab moves the focus on."""
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


class MarkdownEdit(QWidget):
    """A rich-text editor with a small toolbar whose content is Markdown.

    ``edited`` is emitted on every change the user makes (not when loading); ``counted`` with
    the counts (:class:`TextCounts`) and figures after a short pause in typing, and at once
    after :meth:`set_markdown`; ``zoom_requested`` (+1 / -1) on Ctrl+wheel.
    """

    edited = Signal()
    counted = Signal(object, int)  # (TextCounts, figures)
    zoom_requested = Signal(int)
    COUNT_DELAY_MS = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._modified = False
        self._shown = ""  # the Markdown last loaded or read out: set_markdown(it) keeps undo
        self._changed = False  # edited since _shown
        self._zoom = 100
        self.editor = NarrativeTextEdit(self)
        self.setFocusProxy(self.editor)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setAccessibleName(self.tr("格式工具栏"))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("markdownNotice")
        self.notice.hide()
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(self.COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._emit_counts)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.editor, 1)
        self.editor.document().contentsChanged.connect(self._contents_changed)
        self.editor.currentCharFormatChanged.connect(self._update_actions)
        self.editor.cursorPositionChanged.connect(self._update_actions)
        self.editor.undoAvailable.connect(self.undo_action.setEnabled)
        self.editor.redoAvailable.connect(self.redo_action.setEnabled)
        self.editor.images_dropped.connect(self._images_dropped)
        self.editor.paste_refused.connect(self._paste_refused)
        self.editor.zoom_requested.connect(self.zoom_requested)

    # -- building --

    def _action(
        self,
        text: str,
        tip: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                f"{tip}（{shortcut.toString(QKeySequence.SequenceFormat.NativeText)}）"
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.bold_action = self._action(
            self.tr("加粗"),
            self.tr("加粗"),
            self._toggle_bold,
            QKeySequence(QKeySequence.StandardKey.Bold),
        )
        self.bold_action.setCheckable(True)
        self.bullet_action = self._action(
            self.tr("项目符号"),
            self.tr("项目符号列表"),
            lambda: self.toggle_list(QTextListFormat.Style.ListDisc),
            QKeySequence("Ctrl+Shift+8"),
        )
        self.number_action = self._action(
            self.tr("编号"),
            self.tr("编号列表"),
            lambda: self.toggle_list(QTextListFormat.Style.ListDecimal),
            QKeySequence("Ctrl+Shift+7"),
        )
        self.heading_action = self._action(
            self.tr("标题"), self.tr("小标题"), self.toggle_heading, QKeySequence("Ctrl+Alt+3")
        )
        self.heading_action.setCheckable(True)
        self.table_action = self._action(
            self.tr("插入表格"),
            self.tr("插入表格"),
            lambda: self.insert_table(3, 3),
            QKeySequence("Ctrl+Alt+T"),
        )
        # No shortcuts here: Ctrl+Z / Ctrl+Y belong to the window's 编辑 menu, which acts on the
        # focused editor (two actions with one shortcut would make Qt fire neither).
        self.undo_action = self._action(self.tr("撤销"), self.tr("撤销"), self.editor.undo)
        self.redo_action = self._action(self.tr("重做"), self.tr("重做"), self.editor.redo)
        for action, key in (
            (self.undo_action, QKeySequence.StandardKey.Undo),
            (self.redo_action, QKeySequence.StandardKey.Redo),
        ):
            native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.toolTip()}（{native}）")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        for action in (self.bold_action, self.bullet_action, self.number_action):
            self.toolbar.addAction(action)
        self.toolbar.addAction(self.heading_action)
        self.toolbar.addWidget(self._table_button())
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and action.text():
                button.setAccessibleName(action.toolTip())

    def _table_button(self) -> QToolButton:
        """插入表格 with a menu to choose the rows and columns."""
        button = QToolButton(self)
        button.setDefaultAction(self.table_action)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setAccessibleName(self.tr("插入表格"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # like the toolbar's other buttons
        menu = QMenu(button)
        chooser = QWidget(menu)
        row = QHBoxLayout(chooser)
        self.table_rows = QSpinBox(chooser)
        self.table_rows.setRange(2, 50)
        self.table_rows.setValue(3)
        self.table_rows.setAccessibleName(self.tr("表格行数（含表头）"))
        self.table_columns = QSpinBox(chooser)
        self.table_columns.setRange(1, 20)
        self.table_columns.setValue(3)
        self.table_columns.setAccessibleName(self.tr("表格列数"))
        rows_label = QLabel(self.tr("行(&R)"), chooser)
        rows_label.setBuddy(self.table_rows)
        columns_label = QLabel(self.tr("列(&C)"), chooser)
        columns_label.setBuddy(self.table_columns)
        insert = QPushButton(self.tr("插入(&I)"), chooser)
        insert.clicked.connect(menu.close)
        insert.clicked.connect(
            lambda: self.insert_table(self.table_rows.value(), self.table_columns.value())
        )
        for widget in (rows_label, self.table_rows, columns_label, self.table_columns, insert):
            row.addWidget(widget)
        action = QWidgetAction(menu)
        action.setDefaultWidget(chooser)
        menu.addAction(action)
        button.setMenu(menu)
        self.table_button = button
        return button

    # -- content --

    def set_markdown(self, text: str) -> None:
        """Load ``text`` (without ``edited``); undo starts afresh; counts are sent at once.

        Loading what the editor shows already (pages load again each time they are shown) keeps
        the document, the cursor and the undo history, so Ctrl+Z works across steps.
        """
        if self._shows(text):
            self._count_timer.stop()
            self._emit_counts()
            return
        self._loading = True
        try:
            document = self.editor.document()
            document.setMarkdown(text, GITHUB)
            _style_tables(document)
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)
            document.clearUndoRedoStacks()
            document.setModified(False)
        finally:
            self._loading = False
        self._modified = False
        self._shown, self._changed = text, False
        self.notice.hide()
        self._count_timer.stop()
        self._emit_counts()

    def _shows(self, text: str) -> bool:
        """Whether the editor shows ``text`` (read out again only after an edit)."""
        if self._changed:
            self.markdown()
        return text == self._shown

    def set_max_chars(self, maximum: int | None) -> None:
        """The most characters the narrative may hold: a longer paste is refused with a notice."""
        self.editor.max_chars = maximum

    def set_figure_source(self, source: Callable[[str, str], QImage | None]) -> None:
        """Where figures come from: ``source(scheme, ref)`` → image (``indicator``, its id)."""
        self.editor.figure_source = source

    def insert_figure(self, url: str, width: float, title: str) -> None:
        """Insert a figure (e.g. ``indicator:first-pass-yield``) as its own paragraph."""
        cursor = self.editor.textCursor()
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
        self.editor.setTextCursor(cursor)

    def markdown(self) -> str:
        """The content as Markdown (CommonMark + GitHub pipe tables); empty when blank."""
        self._shown, self._changed = document_markdown(self.editor.document()), False
        return self._shown

    def is_modified(self) -> bool:
        """Whether the user changed anything since the last :meth:`set_markdown`."""
        return self._modified

    def counts(self) -> tuple[TextCounts, int]:
        """The counts of the text (tables included) and the number of pictures, now."""
        text, figures = document_text(self.editor.document())
        return count(text), figures

    def is_empty(self) -> bool:
        return self.editor.document().isEmpty() or not self.editor.toPlainText().strip()

    def set_accessible_name(self, name: str) -> None:
        """Name the editor (and this widget) for screen readers."""
        self.setAccessibleName(name)
        self.editor.setAccessibleName(name)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Show the text at ``percent`` of the interface's font size.

        Only the editor's font changes: the text's formats, and so the Markdown, stay the same.
        """
        self._zoom = percent
        if percent == 100:
            self.editor.setFont(QFont())  # inherit the interface's font again
            return
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * percent / 100)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
        self.editor.setFont(font)

    # -- formatting --

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.bold_action.isChecked()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.editor.mergeCurrentCharFormat(fmt)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """Make the selected paragraphs a list of ``style``, or plain paragraphs again."""
        cursor = self.editor.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            for block in _selected_blocks(cursor):
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
        self._update_actions()

    def toggle_heading(self) -> None:
        """Make the selected paragraphs sub-headings, or body text again."""
        cursor = self.editor.textCursor()
        level = 0 if cursor.blockFormat().headingLevel() else HEADING_LEVEL
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, 1 if level else 0)
        cursor.beginEditBlock()
        for block in _selected_blocks(cursor):
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
        self.editor.mergeCurrentCharFormat(char)
        self._update_actions()

    def insert_table(self, rows: int, columns: int) -> None:
        """Insert a table of ``rows`` (the first is the header) × ``columns`` at the cursor."""
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text().strip() or cursor.currentTable() is not None:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        table = cursor.insertTable(max(2, rows), max(1, columns), _table_format())
        cursor.endEditBlock()
        self.editor.setTextCursor(table.cellAt(0, 0).firstCursorPosition())
        self.editor.setFocus()

    def _update_actions(self) -> None:
        cursor = self.editor.textCursor()
        self.bold_action.setChecked(
            cursor.charFormat().fontWeight() >= QFont.Weight.DemiBold
            and not cursor.blockFormat().headingLevel()
        )
        self.heading_action.setChecked(bool(cursor.blockFormat().headingLevel()))

    # -- signals --

    def _contents_changed(self) -> None:
        if self._loading:
            return
        self._modified = True
        self._changed = True
        self._count_timer.start()
        self.edited.emit()

    def _emit_counts(self) -> None:
        counts, figures = self.counts()
        self.counted.emit(counts, figures)

    def _images_dropped(self, images: int) -> None:
        self.notice.setText(
            self.tr(
                "粘贴内容中的 {n} 张图片未插入：请在“证实性材料”页把图片添加为附件，"
                "图表请在“关键绩效数据”页生成。"
            ).format(n=images)
        )
        self.notice.show()

    def _paste_refused(self, pasted: int, total: int, maximum: int) -> None:
        if pasted > maximum:
            text = self.tr(
                "粘贴的内容有 {n} 字，超过本项最多可容纳的 {max} 字，未粘贴。请分段粘贴或精简后再试。"
            )
        else:
            text = self.tr(
                "粘贴后本项将有 {n} 字，超过最多可容纳的 {max} 字，未粘贴。请分段粘贴或精简后再试。"
            )
        count = numbers.integer(pasted if pasted > maximum else total)
        self.notice.setText(text.format(n=count, max=numbers.integer(maximum)))
        self.notice.show()


def _selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks
