"""The main window: welcome screen or the open application, menus, shortcuts, open/new/close.

Closing never asks: everything is saved as it is typed. If a save fails (a full disk), the window
says why and stays open with the text still in it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qualitydesk import __version__
from qualitydesk.domain.forms import Forms, FormsError
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.ui.exporting import Exporter
from qualitydesk.ui.history import HistoryDialog
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.newapp import NewApplicationWizard
from qualitydesk.ui.pages.base import PageContext
from qualitydesk.ui.programmes import ProgrammeBrowser
from qualitydesk.ui.settings import Settings, data_dir
from qualitydesk.ui.welcome import WelcomeView
from qualitydesk.ui.wizard import WizardView

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "质量奖申报助手")
DEMO_NAME = "示例申报.qdesk"


class MainWindow(QMainWindow):
    def __init__(
        self,
        forms: Forms,
        settings: Settings,
        messages: Messages | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.forms = forms
        self.settings = settings
        self.messages = messages or Messages()
        self.view: WizardView | None = None
        self.exporter = Exporter(self, self.messages, forms)
        self.welcome = WelcomeView()
        self.welcome.new_requested.connect(self.new_application)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_chosen.connect(self.open_path)
        self.find_bar = self._make_find_bar()
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.central, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(body)
        self._make_actions()
        self._update_title()
        self.welcome.set_recent(settings.recent_files())
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)

    # -- actions and menus --

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        menu: object = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self._action(
            self.tr("新建申报(&N)…"), self.new_application, QKeySequence.StandardKey.New, file_menu
        )
        self._action(
            self.tr("打开(&O)…"), self.open_dialog, QKeySequence.StandardKey.Open, file_menu
        )
        self._action(self.tr("打开示例(&D)"), self.open_demo, None, file_menu)
        file_menu.addSeparator()
        self.doc_actions = [
            self._action(
                self.tr("另存为(&A)…"), self.save_as, QKeySequence.StandardKey.SaveAs, file_menu
            ),
            self._action(self.tr("历史版本(&H)…"), self.show_history, "Ctrl+H", file_menu),
        ]
        file_menu.addSeparator()
        self.doc_actions += [
            self._action(
                self.tr("导出申报材料 PDF(&E)…"),
                lambda: self._export("package"),
                "Ctrl+E",
                file_menu,
            ),
            self._action(
                self.tr("导出内部自评报告(&I)…"), lambda: self._export("internal"), None, file_menu
            ),
            self._action(self.tr("打印预览(&V)…"), self._preview, None, file_menu),
            self._action(
                self.tr("打印(&P)…"), self._print, QKeySequence.StandardKey.Print, file_menu
            ),
        ]
        file_menu.addSeparator()
        self.doc_actions.append(
            self._action(self.tr("关闭申报(&C)"), self.close_document, "Ctrl+W", file_menu)
        )
        self._action(self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit, file_menu)

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.doc_actions.append(
            self._action(
                self.tr("查找(&F)…"), self.show_find, QKeySequence.StandardKey.Find, edit_menu
            )
        )

        go_menu = bar.addMenu(self.tr("转到(&G)"))
        self.doc_actions += [
            self._action(
                self.tr("上一步(&B)"),
                lambda: self.view and self.view.go_back(),
                "Alt+Left",
                go_menu,
            ),
            self._action(
                self.tr("下一步(&N)"),
                lambda: self.view and self.view.go_next(),
                "Alt+Right",
                go_menu,
            ),
        ]
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        language_menu = view_menu.addMenu(self.tr("语言(&L)"))
        self._action("简体中文", lambda: self._set_language("zh_CN"), None, language_menu)
        self._action("English", lambda: self._set_language("en"), None, language_menu)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(self.tr("奖项与资格条件一览(&P)…"), self._programmes, None, help_menu)
        self._action(self.tr("关于(&A)"), self._about, None, help_menu)
        self._enable_document_actions()

    def _enable_document_actions(self) -> None:
        for action in self.doc_actions:
            action.setEnabled(self.view is not None)

    # -- opening and closing --

    def open_path(self, path: str | Path) -> bool:
        """Open an application file; say why in a dialog when it cannot be opened."""
        if self.view is not None and not self.close_document():
            return False
        try:
            doc = Document.open(path)
        except DocumentError as exc:
            self.messages.critical(self, self.tr("无法打开"), str(exc))
            return False
        try:
            award = self.forms.award(doc.award_id)
            framework = self.forms.framework(doc.framework_id)
        except FormsError as exc:
            doc.close()
            self.messages.critical(self, self.tr("无法打开"), f"{path}：{exc}")
            return False
        context = PageContext(self.forms, award, framework, self.messages)
        self.view = WizardView(doc, context)
        self.view.save_failed.connect(self._save_failed)
        self.view.page_created.connect(self._page_created)
        self.view.page_shown.connect(lambda key: self.settings.set_last_page(doc.path, key))
        self.central.addWidget(self.view)
        self.central.setCurrentWidget(self.view)
        last = self.settings.last_page(doc.path)
        self.view.show_step(last if last in self.view.keys else "form")
        self.view.build_all_while_idle()
        self.settings.add_recent(doc.path)
        if doc.read_only:
            self.messages.information(self, self.tr("只读"), doc.read_only_reason)
        self._enable_document_actions()
        self._update_title()
        return True

    def close_document(self) -> bool:
        """Save and close the open application; False if it could not be saved."""
        if self.view is None:
            return True
        if not self.view.flush():
            self.messages.warning(self, self.tr("未能保存"), self.view.last_error)
            return False
        self.settings.set_last_page(self.view.doc.path, self.view.current_key)
        self.view.shutdown()
        self.view.doc.close()
        self.central.removeWidget(self.view)
        self.view.deleteLater()
        self.view = None
        self.welcome.set_recent(self.settings.recent_files())
        self.central.setCurrentWidget(self.welcome)
        self._enable_document_actions()
        self._update_title()
        return True

    def open_dialog(self) -> None:
        folder = (
            str(Path(self.settings.recent_files()[0]).parent)
            if self.settings.recent_files()
            else ""
        )
        path = self.messages.open_file(
            self, self.tr("打开申报文件"), folder, self.tr("申报文件 (*.qdesk)")
        )
        if path:
            self.open_path(path)

    def open_demo(self) -> None:
        path = data_dir() / DEMO_NAME
        if not path.exists():
            try:
                build_demo(path, self.forms).close()
            except DocumentError as exc:
                self.messages.critical(self, self.tr("无法生成示例"), str(exc))
                return
        self.open_path(path)

    def new_application(self) -> None:
        folder = (
            Path(self.settings.recent_files()[0]).parent
            if self.settings.recent_files()
            else Path.home()
        )
        wizard = NewApplicationWizard(self.forms, self.messages, folder, self)
        wizard.accepted.connect(lambda: self._create(wizard))
        wizard.open()

    def _create(self, wizard: NewApplicationWizard) -> None:
        award_id, year, org, path = wizard.choice()
        award = self.forms.award(award_id)
        try:
            Document.create(
                path,
                award=award.id,
                award_version=award.version,
                framework=award.framework,
                year=year,
                application_date=date.today(),
                org_name=org,
            ).close()
        except DocumentError as exc:
            self.messages.critical(self, self.tr("无法新建"), str(exc))
            return
        self.open_path(path)

    def save_as(self) -> None:
        if self.view is None:
            return
        old = self.view.doc.path
        target = self.messages.save_file(
            self,
            self.tr("另存为"),
            str(old.with_name(old.stem + "-副本.qdesk")),
            self.tr("申报文件 (*.qdesk)"),
        )
        if not target:
            return
        if not self.view.flush():
            self.messages.warning(self, self.tr("未能保存"), self.view.last_error)
            return
        try:
            self.view.doc.save_copy(target)
        except DocumentError as exc:
            self.messages.critical(self, self.tr("无法另存"), str(exc))
            return
        self.open_path(target)

    def show_history(self) -> None:
        if self.view is None:
            return
        self.view.flush()
        dialog = HistoryDialog(self.view.doc, self)
        dialog.restore_requested.connect(self._restore)
        dialog.open()

    def _restore(self, revision_id: int) -> None:
        assert self.view is not None
        try:
            self.view.doc.restore(revision_id)
            self.view.doc.save()
        except DocumentError as exc:
            self.messages.warning(self, self.tr("无法恢复"), str(exc))
            return
        self.view.reload()

    # -- export, preview, print --

    def _page_created(self, key: str, page: object) -> None:
        if key == "preflight":
            page.action_requested.connect(self._page_action)  # type: ignore[attr-defined]
            page.double_sided.toggled.connect(self._set_double_sided)  # type: ignore[attr-defined]

    def _set_double_sided(self, on: bool) -> None:
        self.exporter.double_sided = on

    def _page_action(self, action: str) -> None:
        {
            "package": lambda: self._export("package"),
            "internal": lambda: self._export("internal"),
            "preview": self._preview,
            "print": self._print,
        }[action]()

    def _export(self, kind: str) -> None:
        if self.view is not None:
            self.exporter.export(self.view, kind)

    def _preview(self) -> None:
        if self.view is not None:
            self.exporter.preview(self.view)

    def _print(self) -> None:
        if self.view is not None:
            self.exporter.print(self.view)

    # -- find --

    def _make_find_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 2, 8, 2)
        label = QLabel(self.tr("查找(&I)："))
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(self.tr("查找内容"))
        self.find_edit.setPlaceholderText(self.tr("在组织概述和自评报告中查找，回车查找下一处"))
        label.setBuddy(self.find_edit)
        self.find_status = QLabel()
        close = QToolButton()
        close.setText("×")
        close.setAccessibleName(self.tr("关闭查找"))
        close.clicked.connect(bar.hide)
        self.find_edit.returnPressed.connect(self.find_next)
        row.addWidget(label)
        row.addWidget(self.find_edit, 1)
        row.addWidget(self.find_status)
        row.addWidget(close)
        bar.hide()
        return bar

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find_next(self) -> None:
        """Go to the next place (after the current step) whose text contains the search."""
        text = self.find_edit.text().strip()
        if self.view is None or not text:
            return
        view = self.view
        doc = view.doc
        searchable = ["profile"] + [k for k in view.keys if k.startswith("item:")]
        start = searchable.index(view.current_key) if view.current_key in searchable else -1
        if self._find_on_page(text, from_cursor=True):
            return
        for key in searchable[start + 1 :] + searchable[: start + 1]:
            haystack = (
                "".join(doc.profiles().values())
                if key == "profile"
                else doc.narrative(key.removeprefix("item:"))
            )
            if text in haystack:
                view.show_step(key)
                self._find_on_page(text, from_cursor=False)
                return
        self.find_status.setText(self.tr("未找到"))

    def _find_on_page(self, text: str, *, from_cursor: bool) -> bool:
        """Select the next occurrence in the current page's editors (after the cursor)."""
        editors = self._editors()
        focused = next((i for i, e in enumerate(editors) if e.hasFocus()), 0)
        for index, editor in enumerate(editors):
            if index < focused and from_cursor:
                continue
            if not from_cursor or index > focused:
                editor.moveCursor(editor.textCursor().MoveOperation.Start)
            if editor.find(text):
                editor.setFocus()
                editor.ensureCursorVisible()
                self.find_status.clear()
                return True
        return False

    def _editors(self) -> list[QTextEdit]:
        if self.view is None or self.view.current_key not in self.view.pages:
            return []
        page = self.view.pages[self.view.current_key]
        return [e for e in page.findChildren(QTextEdit) if not e.isReadOnly()]

    # -- window --

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def _set_language(self, language: str) -> None:
        self.settings.set_language(language)
        self.messages.information(self, self.tr("语言"), self.tr("界面语言将在重新启动后生效。"))

    def _programmes(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("奖项与资格条件一览"))
        column = QVBoxLayout(dialog)
        column.addWidget(ProgrammeBrowser(self.forms))
        dialog.resize(1100, 700)
        dialog.open()

    def _about(self) -> None:
        self.messages.information(
            self,
            self.tr("关于"),
            self.tr(
                "质量奖申报助手 QualityDesk {0}\n按 GB/T 19580 准备质量奖申报材料。离线运行，数据只保存在本机。"
            ).format(__version__),
        )

    def _update_title(self) -> None:
        if self.view is None:
            self.setWindowTitle(self.tr(APP_TITLE))
        else:
            doc = self.view.doc
            suffix = self.tr("（只读）") if doc.read_only else ""
            self.setWindowTitle(f"{doc.path.name}{suffix} — {self.tr(APP_TITLE)}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow() and self.view:
            self.view.flush()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_document():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        event.accept()
