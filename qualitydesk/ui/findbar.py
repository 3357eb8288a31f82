"""The find / replace bar under the wizard: 查找 (Ctrl+F) and 替换 (Ctrl+H) in the narratives.

It searches where the user writes prose — every 组织概述 section and every 自评报告 item, in the order
of the steps — and counts the matches across all of them ("3 / 12"). Enter finds the next match,
Shift+Enter the previous one; the focus stays in the bar and the match is shown selected (and
highlighted, as its editor has no focus), so a second Enter can never type into the text. Esc
closes the bar and puts the focus back in the text, the match still selected. A step whose page
is not built yet is searched in its saved text (the Markdown its editor would load); the page is
built when one of its matches is shown or replaced. Every replacement goes through the editors,
so it can be undone (全部替换: one undo step in each text it changes) and autosave saves it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from qualitydesk.ui.findbar_search import (
    Match,
    Narratives,
    Place,
    editors,
    occurrences,
    replace_in,
    searchable,
    start_point,
)
from qualitydesk.ui.shell.wizard import WizardView

PARAGRAPH_SEPARATOR = "\u2029"  # what QTextCursor.selectedText() puts between paragraphs
PREFILL_MAX = 100  # a longer selection is not taken as the text to find


class FindBar(QWidget):
    """查找 and 替换 for the open application; :meth:`set_view` gives it the wizard to search."""

    def __init__(self, parent: QWidget | None = None, view: WizardView | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.narratives = Narratives(self)
        self._anchor: QTextEdit | None = None  # the text the user (or the last match) was in
        self._highlighted: QTextEdit | None = None
        self._reveal = QTimer(self)  # once a newly shown page has its size: scroll to the match
        self._reveal.setSingleShot(True)
        self._reveal.timeout.connect(self._reveal_match)
        self._build()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())  # made on Ctrl+F: in the text
        self.hide()

    # -- building --

    def _build(self) -> None:
        self.find_edit = QLineEdit(self)
        self.find_edit.setAccessibleName(self.tr("查找内容"))
        self.find_edit.setPlaceholderText(
            self.tr("在组织概述和自评报告中查找：回车查找下一处，Shift+回车查找上一处")
        )
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setAccessibleName(self.tr("替换为"))
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("查找结果"))
        self.count_label.setToolTip(self.tr("组织概述和全部自评报告中的匹配数"))
        metrics = self.count_label.fontMetrics()  # a steady width: the field does not jump
        texts = (self.tr("共 {n} 处").format(n=9999), "9999 / 9999", self.tr("未找到"))
        self.count_label.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in texts))
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("findNotice")
        self.notice_label.setAccessibleName(self.tr("查找提示"))
        self.case_box = QCheckBox(self.tr("区分大小写"), self)
        self.previous_button = self._tool(self.tr("上一处"), self.tr("上一处（Shift+回车）"))
        self.next_button = self._tool(self.tr("下一处"), self.tr("下一处（回车）"))
        close = self._tool("×", self.tr("关闭查找（Esc）"))
        close.setAccessibleName(self.tr("关闭查找"))
        self.replace_button = QPushButton(self.tr("替换"), self)
        self.replace_button.setToolTip(self.tr("替换选中的这一处，并查找下一处"))
        self.replace_all_button = QPushButton(self.tr("全部替换"), self)
        self.replace_all_button.setToolTip(
            self.tr("替换组织概述和全部自评报告中的每一处；每段文字可分别撤销")
        )
        self._lay_out(close)
        self.find_edit.textChanged.connect(self._search_changed)
        self.case_box.toggled.connect(self._search_changed)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        buttons = (self.previous_button, self.next_button, self.case_box, close)
        for widget in (self.find_edit, *self.replace_row, *buttons):
            widget.installEventFilter(self)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAutoRaise(True)
        return button

    def _lay_out(self, close: QToolButton) -> None:
        find_label = QLabel(self.tr("查找(&I)："), self)
        find_label.setBuddy(self.find_edit)
        self.replace_label = QLabel(self.tr("替换为："), self)
        self.replace_label.setBuddy(self.replace_edit)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 2, 8, 2)
        grid.setVerticalSpacing(2)
        grid.addWidget(find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.count_label, 0, 2)
        grid.addWidget(self.previous_button, 0, 3)
        grid.addWidget(self.next_button, 0, 4)
        grid.addWidget(self.case_box, 0, 5)
        grid.addWidget(self.notice_label, 0, 6)
        grid.addWidget(close, 0, 7)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 2, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 4, 1, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(6, 2)
        self.replace_row = (
            self.replace_label,
            self.replace_edit,
            self.replace_button,
            self.replace_all_button,
        )

    # -- showing and hiding --

    def set_view(self, view: WizardView | None) -> None:
        """Search ``view`` from now on (None: no application is open, the bar hides)."""
        self._clear_highlight()
        self.view = view
        self.narratives.forget()
        self._anchor = None
        self.notice_label.clear()
        self.count_label.clear()
        if view is None:
            self.hide()

    def show_find(self) -> None:
        """Open the bar to find (Ctrl+F), taking the text selected in the narrative if short."""
        self._open(replacing=False)

    def show_replace(self) -> None:
        """Open the bar to find and replace (Ctrl+H)."""
        self._open(replacing=True)

    def _open(self, *, replacing: bool) -> None:
        if self.view is None:
            return
        focused = QApplication.focusWidget()
        if isinstance(focused, QTextEdit):
            selected = focused.textCursor().selectedText()
            if selected and PARAGRAPH_SEPARATOR not in selected and len(selected) <= PREFILL_MAX:
                self.find_edit.setText(selected)
        read_only = self.view.doc.read_only
        for widget in self.replace_row:
            widget.setVisible(replacing)
            widget.setEnabled(not read_only)
        self.replace_edit.setPlaceholderText(self.tr("只读文件，不能替换") if read_only else "")
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self._search_changed()

    def close_bar(self) -> None:
        """Hide the bar and go back to the text, where the last match stays selected."""
        self._clear_highlight()
        editor = self._anchor_editor()
        if editor is not None:
            editor.setFocus()
        elif self.view is not None and self.view.current_key in self.view.pages:
            self.view.pages[self.view.current_key].setFocus()
        self.hide()

    # -- keys --

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter = next, Shift+Enter = previous in the text fields; Esc closes from anywhere."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(watched, QLineEdit):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
            else:
                self.find_next()
            return True  # never passed on: Enter must not reach anything that edits
        return super().eventFilter(watched, event)

    # -- finding --

    def find_next(self) -> None:
        """Select the next match, on through the narratives and round to the first (Enter)."""
        self._step(forward=True)

    def find_previous(self) -> None:
        """Select the match before, back through the narratives and round (Shift+Enter)."""
        self._step(forward=False)

    def _flags(self) -> QTextDocument.FindFlag:
        if self.case_box.isChecked():
            return QTextDocument.FindFlag.FindCaseSensitively
        return QTextDocument.FindFlag(0)

    def _step(self, *, forward: bool) -> None:
        """Select the next (or previous) match after the cursor, wrapping round at the end."""
        needle = self.find_edit.text()
        if self.view is None or not needle:
            return
        places = self._places()
        matches = Narratives.matches(places, needle, self._flags())
        if not matches:
            self._show_count(0, 0)
            return
        point = start_point(self.view, places, self._anchor_editor(), forward=forward)
        if forward:
            ahead = [i for i, m in enumerate(matches) if (m.place, m.start) >= point]
            index, wrapped = (ahead[0], False) if ahead else (0, True)
        else:
            behind = [i for i, m in enumerate(matches) if (m.place, m.end) <= point]
            index, wrapped = (behind[-1], False) if behind else (len(matches) - 1, True)
        self._show(matches[index], places[matches[index].place], needle)
        self._show_count(index + 1, len(matches))
        if wrapped and forward:
            self.notice_label.setText(self.tr("已到末尾，已从头开始查找"))
        elif wrapped:
            self.notice_label.setText(self.tr("已到开头，已从末尾开始查找"))

    def _places(self) -> list[Place]:
        assert self.view is not None
        return self.narratives.places(self.view)

    def _anchor_editor(self) -> QTextEdit | None:
        """The text the user was last in (or the last match's), if it is on the current step."""
        view, editor = self.view, self._anchor
        if view is None or editor is None or not isValid(editor):
            return None
        page = view.pages.get(view.current_key)
        return editor if page is not None and page.isAncestorOf(editor) else None

    # -- showing a match --

    def _show(self, match: Match, place: Place, needle: str) -> None:
        """Go to the match's step and select it in its editor, without giving it the focus."""
        assert self.view is not None
        if self.view.current_key != place.key:
            self.view.show_step(place.key)
        editor = editors(self.view.pages[place.key])[place.index]
        spans = occurrences(editor.document(), needle, self._flags())
        start, end = spans[min(match.ordinal, len(spans) - 1)] if spans else (0, 0)
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        previous = self._anchor
        if previous is not None and previous is not editor and isValid(previous):
            left = previous.textCursor()  # one selection on screen: the match's
            left.clearSelection()
            previous.setTextCursor(left)
        self._anchor = editor
        self._highlight(editor, cursor)
        self._reveal_match()
        self._reveal.start(0)  # again once a page shown just now has been laid out

    def _highlight(self, editor: QTextEdit, cursor: QTextCursor) -> None:
        """Paint the match as a selection even though its editor does not have the focus."""
        self._clear_highlight()
        palette = editor.palette()
        active = QPalette.ColorGroup.Active
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        char = QTextCharFormat()
        char.setBackground(palette.color(active, QPalette.ColorRole.Highlight))
        char.setForeground(palette.color(active, QPalette.ColorRole.HighlightedText))
        selection.format = char
        editor.setExtraSelections([selection])
        self._highlighted = editor

    def _clear_highlight(self) -> None:
        if self._highlighted is not None and isValid(self._highlighted):
            self._highlighted.setExtraSelections([])
        self._highlighted = None

    def _reveal_match(self) -> None:
        """Scroll the editor, and the page around it, so that the selected match shows."""
        editor = self._highlighted
        if editor is None or not isValid(editor):
            return
        editor.ensureCursorVisible()
        area = editor.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None and area.widget() is not None:
            rect = editor.cursorRect()
            point = editor.viewport().mapTo(area.widget(), rect.center())
            area.ensureVisible(point.x(), point.y(), 40, 3 * rect.height())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QTextEdit):
            self._anchor = new
            if new is self._highlighted:  # its own selection shows now
                self._clear_highlight()

    # -- counting --

    def _search_changed(self) -> None:
        """Count the matches of what is typed (without moving): "共 12 处" or "未找到"."""
        self.notice_label.clear()
        needle = self.find_edit.text()
        if self.view is None or not needle:
            self.count_label.clear()
            return
        total = len(Narratives.matches(self._places(), needle, self._flags()))
        if total:
            self.count_label.setText(self.tr("共 {n} 处").format(n=total))
        else:
            self._show_count(0, 0)

    def _show_count(self, number: int, total: int) -> None:
        self.notice_label.clear()
        if total:
            self.count_label.setText(f"{number} / {total}")
        else:
            self.count_label.setText(self.tr("未找到"))

    # -- replacing --

    def _can_replace(self) -> bool:
        if self.view is None or not self.find_edit.text():
            return False
        if self.view.doc.read_only:
            self.notice_label.setText(self.tr("只读文件，不能替换"))
            return False
        return True

    def replace(self) -> None:
        """Replace the selected match (if it is one) and select the next."""
        if not self._can_replace():
            return
        needle = self.find_edit.text()
        editor = self._anchor_editor()
        replaced = False
        if editor is not None and self._is_match(editor.textCursor().selectedText(), needle):
            cursor = editor.textCursor()
            cursor.insertText(self.replace_edit.text())  # one undo step
            editor.setTextCursor(cursor)
            self._clear_highlight()
            replaced = True
        self._step(forward=True)
        if replaced and not self.notice_label.text():
            self.notice_label.setText(self.tr("已替换 1 处"))

    def _is_match(self, selected: str, needle: str) -> bool:
        if self.case_box.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_all(self) -> None:
        """Replace every match in every searched text: one undo step in each text changed."""
        if not self._can_replace():
            return
        assert self.view is not None
        needle, replacement, flags = self.find_edit.text(), self.replace_edit.text(), self._flags()
        self._clear_highlight()
        keys = {p.key for p in self._places() if occurrences(p.document, needle, flags)}
        replaced = texts = 0
        for key in searchable(self.view):
            if key not in keys:
                continue
            for editor in editors(self.view.page(key)):  # built if need be: undo needs an editor
                count = replace_in(editor.document(), needle, replacement, flags)
                replaced += count
                texts += bool(count)
        self._search_changed()
        if replaced:
            self.notice_label.setText(
                self.tr("已替换 {n} 处（{texts} 段文字，各自可撤销）").format(
                    n=replaced, texts=texts
                )
            )
