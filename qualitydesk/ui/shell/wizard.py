"""The application view: header, step navigator, the current page, 上一步 / 下一步, autosave.

Pages are created on first need: the window shows at once; the status in the navigator of an
item, the 资格自查 and the 检查与导出 is read from the document (statuses.py) and its page built when
first shown; the few other pages are built while idle so that their statuses show. A page
shown again is reused, and loaded again only when the file has changed since it last loaded
(other than by its own edits). An edit on a page
goes to the :class:`Session`, which saves it within a second — and at once on a page switch, when
the focus moves and on close.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain import numbers, scoring
from qualitydesk.store.document import Document
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import IDLE_AFTER_MS, Page, PageContext
from qualitydesk.ui.shell import statuses
from qualitydesk.ui.shell.navigator import StepNavigator
from qualitydesk.ui.shell.session import Session
from qualitydesk.ui.shell.steps import Step, create_page, steps

FIRST_BUILD_MS = IDLE_AFTER_MS
# The header's look, set on the header alone: a style sheet on the application would style
# every widget of every page through it, which costs a quarter of the start-up's CPU.
HEADER_STYLE = """
#header { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }
#headerTitle { font-size: 11pt; }
#headerScore { color: $accent; }
#headerSaved { color: $ok; }
"""  # a theme.style template


class WizardView(QWidget):
    """Everything shown while an application is open."""

    page_shown = Signal(str)
    page_created = Signal(str, object)
    save_failed = Signal(str)

    def __init__(self, doc: Document, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.context = context
        self.steps: list[Step] = steps(context.framework, context.award)
        self.keys = [s.key for s in self.steps]
        self.pages: dict[str, Page] = {}
        self.session = Session(doc, self.page, self)
        self.current_key = ""

        header = self._make_header()

        self.navigator = StepNavigator(self.steps, context.framework)
        self.navigator.step_chosen.connect(self.show_step)
        self.stack = QStackedWidget()
        self.back_button = QPushButton(self.tr("上一步(&B)"))
        self.next_button = QPushButton(self.tr("下一步(&N)"))
        self.back_button.setToolTip(self.tr("上一步（Alt+←）"))
        self.next_button.setToolTip(self.tr("下一步（Alt+→）"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.stack, 1)
        right_column.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(splitter, 1)

        self.session.state_changed.connect(self._show_save_state)
        self.session.saved.connect(self._saved)
        self.session.save_failed.connect(self.save_failed)
        # Built while idle so that their statuses show; an item's and the 资格自查's status is
        # read from the document instead, the 检查与导出's while idle (statuses.py), and their
        # pages built when first shown.
        # The 资格自查's status (the first time, ~50 ms: the places table) is read while idle too,
        # first; after a save, with the items'.
        self._pending_builds = [k for k in self.keys if k in statuses.QUICK_KEYS] + [
            k
            for k in self.keys
            if not k.startswith(statuses.ITEM_PREFIX) and k not in statuses.QUICK_KEYS
        ]
        self._loaded_at: dict[str, int] = {}  # page → the document's changes when it loaded
        self._changes_seen = 0
        self._show_unbuilt_statuses(quick=False)
        self._builder = QTimer(self)
        self._builder.setSingleShot(True)
        self._builder.timeout.connect(self._build_next)
        self._update_header()

    def _make_header(self) -> QFrame:
        self.title_label = QLabel()
        self.title_label.setObjectName("headerTitle")
        self.score_label = QLabel()
        self.score_label.setObjectName("headerScore")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("headerSaved")
        self.saved_label.setAccessibleName(self.tr("保存状态"))
        header = QFrame()
        header.setObjectName("header")
        header.setStyleSheet(theme.style(HEADER_STYLE))  # the colours of the palette in use
        header_row = QHBoxLayout(header)
        header_row.addWidget(self.title_label, 1)
        header_row.addWidget(self.score_label)
        header_row.addSpacing(16)
        header_row.addWidget(self.saved_label)
        return header

    # -- pages --

    def page(self, key: str) -> Page:
        """The page of ``key``, created and loaded on first use."""
        if key not in self.pages:
            page = create_page(key, self.context, progressive=not self.doc.read_only)
            self._load(key, page)
            if self.doc.read_only:
                make_read_only(page)
            page.changed.connect(lambda k=key: self.session.mark_changed(k))
            page.navigate.connect(self.navigate)
            self.stack.addWidget(page)
            self.pages[key] = page
            if page.building:  # its status once it is whole
                page.completed.connect(
                    lambda k=key: self.navigator.set_status(k, self.pages[k].status())
                )
            else:
                self.navigator.set_status(key, page.status())
            self.page_created.emit(key, page)
        return self.pages[key]

    def _changes(self) -> int:
        """How many rows this document's connection has written so far: what a page loaded
        from is still what the file holds while this stays the same.
        """
        return int(self.doc.conn.total_changes)

    def _load(self, key: str, page: Page) -> None:
        page.load(self.doc)
        self._loaded_at[key] = self._changes_seen = self._changes()

    def _show_unbuilt_statuses(self, *, quick: bool = True) -> None:
        """Show the statuses of the steps not built: the items', and with ``quick`` the rest of
        :data:`statuses.QUICK_KEYS` too.
        """
        unbuilt = [k for k in self.keys if k not in self.pages]
        if not quick:
            unbuilt = [k for k in unbuilt if k not in statuses.QUICK_KEYS]
        for key, status in statuses.quick_statuses(self.doc, self.context, unbuilt).items():
            self.navigator.set_status(key, status)

    def build_all_while_idle(self) -> None:
        """Create the remaining pages one per event-loop turn, so every status shows, but those
        whose status is read from the document (``statuses``: the items', the 资格自查's and the
        检查与导出's).

        The first waits :data:`FIRST_BUILD_MS`, so that the window is painted and answers the
        user before the background work starts.
        """
        self._builder.start(FIRST_BUILD_MS)

    @property
    def building(self) -> bool:
        """Whether pages (or parts of one) are still to be built while idle."""
        pending = bool(self._pending_builds) or any(p.building for p in self.pages.values())
        return pending and not self.doc.closed

    def shutdown(self) -> None:
        """Stop the timers before the document closes."""
        self._builder.stop()
        self.session.stop()
        self._pending_builds.clear()

    def _build_next(self) -> None:
        if self.doc.closed:
            return
        while self._pending_builds:
            key = self._pending_builds.pop(0)
            if key in self.pages:
                continue
            if key in statuses.IDLE_KEYS or key in statuses.QUICK_KEYS:
                self.navigator.set_status(key, statuses.idle_status(self.doc, self.context, key))
            else:
                self.page(key)
            self._builder.start(0)
            return

    def show_step(self, key: str) -> None:
        """Show the page of step ``key``: the changes so far are saved first, the page left gets its
        status updated, and the page shown is built or reloaded if the file changed since it
        loaded. Emits ``page_shown``.
        """
        if key == self.current_key:
            return
        if self.current_key:
            self.flush()
            previous = self.pages.get(self.current_key)
            if previous is not None:
                self.navigator.set_status(self.current_key, previous.status())
        page = self.page(key)
        if self._loaded_at.get(key) != self._changes():  # the file changed since it loaded
            self._load(key, page)
        self.stack.setCurrentWidget(page)
        self.current_key = key
        self.navigator.select(key)
        index = self.keys.index(key)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.keys) - 1)
        self.page_shown.emit(key)

    def navigate(self, key: str, anchor: str = "") -> None:
        """Show step ``key`` and, if given, bring ``anchor`` into view there (see
        ``Page.focus_anchor``).
        """
        self.show_step(key)
        if anchor:
            self.pages[key].focus_anchor(anchor)

    def go_back(self) -> None:
        """上一步: the step before the current one, if any."""
        index = self.keys.index(self.current_key)
        if index > 0:
            self.show_step(self.keys[index - 1])

    def go_next(self) -> None:
        """下一步: the step after the current one, if any."""
        index = self.keys.index(self.current_key)
        if index < len(self.keys) - 1:
            self.show_step(self.keys[index + 1])

    # -- saving (the session's) --

    @property
    def dirty(self) -> bool:
        """Whether anything is not in the file yet (the session's)."""
        return self.session.dirty

    @property
    def last_error(self) -> str:
        """Why the last save failed; empty after a save that worked."""
        return self.session.last_error

    def flush(self) -> bool:
        """Save every change now; False (and the reason in ``last_error``) on failure."""
        return self.session.flush()

    def _saved(self, keys: set[str]) -> None:
        changes = self._changes()
        if (
            keys == {self.current_key}
            and self._loaded_at.get(self.current_key) == self._changes_seen
        ):
            self._loaded_at[self.current_key] = changes  # its own edit: it shows it already
        self._changes_seen = changes
        for key in keys:
            self.navigator.set_status(key, self.pages[key].status())
        self._show_unbuilt_statuses()
        self._update_header()

    def _show_save_state(self, text: str, tooltip: str) -> None:
        self.saved_label.setText(text)
        self.saved_label.setToolTip(tooltip)

    def reload(self) -> None:
        """Load every page again from the document (after restoring a version)."""
        for key, page in self.pages.items():
            self._load(key, page)
            self.navigator.set_status(key, page.status())
        self._show_unbuilt_statuses()
        self._update_header()

    # -- header --

    def _update_header(self) -> None:
        award = self.context.award
        if award.individual:
            org = self.doc.field("person_name") or self.tr("（未填写申报人姓名）")
        else:
            org = self.doc.field("org_name") or self.tr("（未填写组织名称）")
        year = self.tr("{0} 年度").format(self.doc.year)
        self.title_label.setText(f"<b>{html.escape(str(org))}</b>　{award.name} · {year}")
        if award.scored:
            pcts = {item: score.pct for item, score in self.doc.scores().items()}
            framework = self.context.forms.framework(self.doc.framework_id)
            card = scoring.score(framework, pcts)  # unscored items count as 0%
            lines = []
            for tier in scoring.evaluate_tiers(award, card.total):
                if tier.reached is None:
                    continue
                mark = "✓" if tier.reached else "✗"
                lines.append(f"{tier.tier}（{tier.wording}）{mark}")
            text = self.tr("自评 {0} 分").format(numbers.score(card.total))
            self.score_label.setText("　".join([text, *lines]))
            self.score_label.setToolTip(
                self.tr("分数线适用于评审组给出的总评分；自评总分只是估计，不代表评审结果。")
            )
        self._show_save_state(*self.session.state())


def make_read_only(page: QWidget) -> None:
    """Let the user read and select, but not change, anything on ``page``."""
    for kind in (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox):
        for edit in page.findChildren(kind):
            edit.setReadOnly(True)
    for kind in (QComboBox, QCheckBox):
        for control in page.findChildren(kind):
            control.setEnabled(False)
    for view in page.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
