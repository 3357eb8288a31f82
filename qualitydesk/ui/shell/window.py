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
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qualitydesk import __version__
from qualitydesk.domain.forms import Forms, FormsError
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.ui import screen
from qualitydesk.ui.app import set_language, ui_language
from qualitydesk.ui.editing import EditActions, EditorZoom
from qualitydesk.ui.exporting import Exporter
from qualitydesk.ui.findbar import FindBar
from qualitydesk.ui.guide import GuideDialog
from qualitydesk.ui.history import HistoryDialog
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.newapp import NewApplicationWizard
from qualitydesk.ui.pages.base import PageContext
from qualitydesk.ui.programmes import ProgrammeBrowser
from qualitydesk.ui.renew_dialog import Renewer
from qualitydesk.ui.settings import Settings, data_dir
from qualitydesk.ui.shell.wizard import WizardView
from qualitydesk.ui.welcome import WelcomeView
from qualitydesk.ui.wordimport_dialog import WordImporter

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "质量奖申报助手")
# Not translated: one demo file in the data folder whatever the interface language (a translated
# name would make a second copy on each switch), and its contents are a Chinese application.
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
        self.exporter = Exporter(self, self.messages, forms, settings)
        self.word_importer = WordImporter(self, self.messages, settings)
        self.renewer = Renewer(
            self, self.messages, forms, lambda: bool(self.view is None or self.view.flush())
        )
        self.renewer.created.connect(self.open_path)
        self.edit_actions = EditActions(self)
        self.zoom = EditorZoom(self, settings)
        self.zoom.changed.connect(self._zoomed)
        self.guide: GuideDialog | None = None
        self.welcome = self._make_welcome()
        self.find_bar = FindBar(self)
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
        screen.restore_or_fit(self, settings.geometry(), screen.MAIN_WINDOW)

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
        self._action(self.tr("以往年申报为基础新建(&L)…"), self.renew_application, None, file_menu)
        file_menu.addSeparator()
        self.doc_actions = [
            self._action(
                self.tr("另存为(&A)…"), self.save_as, QKeySequence.StandardKey.SaveAs, file_menu
            ),
            self._action(self.tr("历史版本(&H)…"), self.show_history, "Ctrl+Shift+H", file_menu),
            self._action(self.tr("从 Word 导入(&W)…"), self.import_word, None, file_menu),
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
            self._action(self.tr("导出 Word 副本(&B)…"), self.export_word, None, file_menu),
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
        self.edit_actions.add_to(edit_menu)
        edit_menu.addSeparator()
        self.doc_actions += [
            self._action(
                self.tr("查找(&F)…"),
                self.find_bar.show_find,
                QKeySequence.StandardKey.Find,
                edit_menu,
            ),
            self._action(self.tr("替换(&R)…"), self.find_bar.show_replace, "Ctrl+H", edit_menu),
        ]

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
        self.zoom.add_to(view_menu)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("语言(&L)"))
        self.language_actions = {
            "zh_CN": self._action(
                "简体中文", lambda: self._set_language("zh_CN"), None, language_menu
            ),
            "en": self._action("English", lambda: self._set_language("en"), None, language_menu),
        }
        for language, action in self.language_actions.items():
            action.setCheckable(True)
            action.setChecked(language == ui_language())
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(self.tr("用户指南(&G)"), self.show_guide, "F1", help_menu)
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
            award = self.forms.award_for(doc.award_id, doc.applicant)
            framework = self.forms.framework_for(award)
        except FormsError as exc:
            doc.close()
            self.messages.critical(self, self.tr("无法打开"), f"{path}：{exc}")
            return False
        context = PageContext(self.forms.scoped(award), award, framework, self.messages)
        self._restore_export_options(doc.path)
        # Read before the view shows: showing it reports its first step, which is saved too.
        last = self.settings.last_page(doc.path)
        self.view = WizardView(doc, context)
        self.find_bar.set_view(self.view)
        self.view.save_failed.connect(self._save_failed)
        self.view.page_created.connect(self._page_created)
        self.view.page_shown.connect(lambda key: self.settings.set_last_page(doc.path, key))
        self.central.addWidget(self.view)
        self.central.setCurrentWidget(self.view)
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
        self.find_bar.set_view(None)
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
        screen.remember_size(wizard, self.settings, "new-application", screen.NEW_APPLICATION)
        wizard.open()

    def _create(self, wizard: NewApplicationWizard) -> None:
        award_id, year, org, path = wizard.choice()
        award = self.forms.award(award_id)
        individual = wizard.applicant() == "individual"
        try:
            doc = Document.create(
                path,
                award=award.id,
                award_version=award.version,
                framework=award.framework,
                year=year,
                application_date=date.today(),
                org_name="" if individual else org,
            )
            try:
                if individual:
                    doc.put_setting("applicant", "individual")
                    doc.set_field("person_name", org)
                    doc.save()
            finally:
                doc.close()
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
            str(old.with_name(old.stem + self.tr("-副本") + ".qdesk")),
            self.tr("申报文件 (*.qdesk)"),
        )
        if not target:
            return
        if not self.view.flush():
            self.messages.warning(self, self.tr("未能保存"), self.view.last_error)
            return
        try:
            # The file dialog has asked before choosing an existing file: replace it (never the
            # document itself, nor a file open in QualityDesk).
            self.view.doc.save_copy(target, force=True)
        except DocumentError as exc:
            self.messages.critical(self, self.tr("无法另存"), str(exc))
            return
        self.open_path(target)

    def import_word(self) -> None:
        """文件 → 从 Word 导入: a Word application (or a colleague's section) into the items."""
        if self.view is not None:
            self.word_importer.start(self.view)

    def renew_application(self) -> None:
        """文件 → 以往年申报为基础新建: a copy of last year's file for this year, opened."""
        recent = self.settings.recent_files()
        self.renewer.start(str(Path(recent[0]).parent) if recent else "")

    def show_history(self) -> None:
        if self.view is None:
            return
        self.view.flush()
        dialog = HistoryDialog(self.view.doc, self, context=self.view.context)
        dialog.restore_requested.connect(self._restore)
        screen.remember_size(dialog, self.settings, "history", screen.HISTORY)
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

    def _page_created(self, key: str, page: QWidget) -> None:
        self.zoom.attach(page)
        if key == "preflight":
            page.action_requested.connect(self._page_action)  # type: ignore[attr-defined]
            if self.view is not None:  # the file's remembered 版式 and 双面打印
                options = self.settings.export_options(self.view.doc.path)
                page.set_export_options(*options)  # type: ignore[attr-defined]

            def remember(*_: object) -> None:
                self._set_export_options(page)

            page.double_sided.toggled.connect(remember)  # type: ignore[attr-defined]
            page.layout_choice.currentIndexChanged.connect(remember)  # type: ignore[attr-defined]
        elif key.startswith("item:"):
            page.export_word_requested.connect(  # type: ignore[attr-defined]
                lambda item: self.export_word(item=item)
            )

    def _set_export_options(self, page: QWidget) -> None:
        """版式 and 双面打印 as chosen on 检查与导出: for the exports, and kept for this file."""
        layout = page.layout_id()  # type: ignore[attr-defined]
        double = page.double_sided.isChecked()  # type: ignore[attr-defined]
        self.exporter.layout, self.exporter.double_sided = layout or None, double
        if self.view is not None:
            self.settings.set_export_options(self.view.doc.path, layout, double)

    def _restore_export_options(self, path: Path) -> None:
        """The options last chosen for this file, before its 检查与导出 page is built."""
        layout, double = self.settings.export_options(path)
        known = layout in self.forms.layouts  # a layout since removed from forms/: the default
        self.exporter.layout, self.exporter.double_sided = layout if known else None, double

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

    def export_word(self, *, item: str | None = None) -> None:
        """导出 Word 副本: the package, or (from an item page) that one item."""
        if self.view is not None:
            self.exporter.export_word(self.view, item=item)

    def _preview(self) -> None:
        if self.view is not None:
            self.exporter.preview(self.view)

    def _print(self) -> None:
        if self.view is not None:
            self.exporter.print(self.view)

    # -- window --

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def _set_language(self, language: str) -> None:
        """Show the interface in ``language`` now: the menus and the welcome screen are made
        again, and an open application is saved, closed and opened again on the same step."""
        path = self.view.doc.path if self.view is not None else None
        if language == ui_language() or not self.close_document():
            for name, action in self.language_actions.items():
                action.setChecked(name == ui_language())
            return
        self.settings.set_language(language)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_language(app, language)
        self._retranslate()
        if path is not None:
            self.open_path(path)

    def _retranslate(self) -> None:
        """Make everything the window shows again, in the language just installed."""
        bar = self.menuBar()
        for menu in bar.findChildren(QMenu):
            for action in menu.actions():
                if action.parent() is self:  # made by _make_actions, which makes it again
                    action.setShortcuts([])
                    action.deleteLater()
            menu.deleteLater()
        bar.clear()
        find_bar, self.find_bar = self.find_bar, FindBar(self)
        find_bar.parentWidget().layout().replaceWidget(find_bar, self.find_bar)
        find_bar.hide()
        find_bar.deleteLater()
        self.edit_actions.retranslate()
        self.zoom.retranslate()
        self._make_actions()
        welcome, self.welcome = self.welcome, self._make_welcome()
        self.central.insertWidget(0, self.welcome)
        self.central.setCurrentWidget(self.welcome)
        self.central.removeWidget(welcome)
        welcome.deleteLater()
        if self.guide is not None:
            if self.guide.isVisible():
                self.guide.show_guide(ui_language())
            else:
                self.guide.deleteLater()
                self.guide = None
        self._update_title()

    def _make_welcome(self) -> WelcomeView:
        welcome = WelcomeView({a.id: a.name for a in self.forms.awards.values()})
        welcome.new_requested.connect(self.new_application)
        welcome.open_requested.connect(self.open_dialog)
        welcome.demo_requested.connect(self.open_demo)
        welcome.recent_chosen.connect(self.open_path)
        welcome.set_recent(self.settings.recent_files())
        return welcome

    def _zoomed(self, percent: int) -> None:
        self.statusBar().showMessage(self.tr("显示比例 {0}%").format(percent), 3000)

    def show_guide(self) -> None:
        """帮助 → 用户指南: the guide in the interface's language, in a window beside the work."""
        if self.guide is None:
            self.guide = GuideDialog(self.settings, self)
        self.guide.show_guide(ui_language())

    def _programmes(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("奖项与资格条件一览"))
        column = QVBoxLayout(dialog)
        column.addWidget(ProgrammeBrowser(self.forms))
        screen.remember_size(dialog, self.settings, "programmes", screen.PROGRAMMES)
        dialog.open()
        return dialog

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
