"""The narrative editor: rich text on screen, Markdown (CommonMark + GitHub pipe tables) in the file.

The Markdown is read with ``QTextDocument.setMarkdown`` and written, never wrapped, by
:mod:`qualitydesk.ui.widgets.markdown_io`; the text area itself (pastes, tables, formatting) is
:class:`~qualitydesk.ui.widgets.narrative_text.NarrativeTextEdit`, and how a part is counted
against its limit is :class:`~qualitydesk.ui.widgets.measure.Measure`.

Counting stays cheap on every keystroke: the text — table cells and picture titles included —
is taken block by block from the document (:func:`~qualitydesk.ui.widgets.markdown_io.document_text`)
and counted with :func:`qualitydesk.domain.textmetrics.count` after a short pause; it is the same
text and the same pictures that :func:`~qualitydesk.domain.textmetrics.measure` finds in the saved
Markdown for the 检查 step and the package, so the three never disagree. Under 含图表 each picture
or chart adds its ``figure_chars``; a table counts as its text (the rule is in
:mod:`qualitydesk.domain.textmetrics`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QTextCursor, QTextListFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from qualitydesk.domain import numbers
from qualitydesk.domain.textmetrics import TextCounts, count
from qualitydesk.ui.widgets.markdown_io import document_markdown, document_text
from qualitydesk.ui.widgets.narrative_text import GITHUB, NarrativeTextEdit, style_tables

__all__ = ["GITHUB", "MarkdownEdit", "zoom_level"]

ZOOM_LEVELS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)  # percent, as browsers


def zoom_level(percent: int, direction: int) -> int:
    """The zoom after ``percent``: the next level up (``direction`` > 0), down (< 0), or 100 (0)."""
    if direction > 0:
        return next((z for z in ZOOM_LEVELS if z > percent), ZOOM_LEVELS[-1])
    if direction < 0:
        return next((z for z in reversed(ZOOM_LEVELS) if z < percent), ZOOM_LEVELS[0])
    return 100


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
            style_tables(document)
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
        self.editor.insert_figure(url, width, title)

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
        """Whether the text holds nothing but white space."""
        return self.editor.document().isEmpty() or not self.editor.toPlainText().strip()

    def set_accessible_name(self, name: str) -> None:
        """Name the editor (and this widget) for screen readers."""
        self.setAccessibleName(name)
        self.editor.setAccessibleName(name)

    def zoom(self) -> int:
        """The zoom the text is shown at, in percent of the interface's font size."""
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
        self.editor.set_bold(self.bold_action.isChecked())

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """Make the selected paragraphs a list of ``style``, or plain paragraphs again."""
        self.editor.toggle_list(style)
        self._update_actions()

    def toggle_heading(self) -> None:
        """Make the selected paragraphs sub-headings, or body text again."""
        self.editor.toggle_heading()
        self._update_actions()

    def insert_table(self, rows: int, columns: int) -> None:
        """Insert a table of ``rows`` (the first is the header) × ``columns`` at the cursor."""
        self.editor.insert_table(rows, columns)

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
