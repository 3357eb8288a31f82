"""The main window: welcome screen or the open application, menus, shortcuts, open/new/close.

Closing never asks: everything is saved as it is typed. If a save fails (a full disk), the window
says why and stays open with the text still in it.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from qualitydesk.domain.forms import Forms, FormsError
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.ui import screen
from qualitydesk.ui.app import set_language, ui_language
from qualitydesk.ui.editing import EditActions, EditorZoom
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.pages.base import PageContext
from qualitydesk.ui.painted import after_painted
from qualitydesk.ui.settings import Settings, data_dir
from qualitydesk.ui.shell.exports import ExportCommands
from qualitydesk.ui.shell.menus import MenuBar
from qualitydesk.ui.shell.wizard import WizardView

if TYPE_CHECKING:
    from qualitydesk.ui.findbar import FindBar
    from qualitydesk.ui.newapp import NewApplicationWizard
    from qualitydesk.ui.renew_dialog import Renewer
    from qualitydesk.ui.welcome import WelcomeView
    from qualitydesk.ui.wordimport_dialog import WordImporter

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "质量奖申报助手")
# Not translated: one demo file in the data folder whatever the interface language (a translated
# name would make a second copy on each switch), and its contents are a Chinese application.
DEMO_NAME = "示例申报.qdesk"


class MainWindow(ExportCommands, QMainWindow):
    """The one window: the welcome screen until an application is open, then its wizard; the menus,
    the find bar, export and the dialogs of the 文件 menu.
    """

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
        self.edit_actions = EditActions(self)
        self.zoom = EditorZoom(self, settings)
        self.zoom.changed.connect(self._zoomed)
        self._welcome: WelcomeView | None = None  # made when needed (not to open a file at start)
        self._find_bar: FindBar | None = None  # made on first use (Ctrl+F)
        self.central = QStackedWidget()
        body = QWidget()
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.central, 1)
        self.setCentralWidget(body)
        self.menus = MenuBar(self)
        self.menus.build()
        self._update_title()
        screen.restore_or_fit(self, settings.geometry(), screen.MAIN_WINDOW)

    @property
    def find_bar(self) -> FindBar:
        """查找 / 替换's bar under the wizard, made on first use (Ctrl+F, Ctrl+H)."""
        if self._find_bar is None:
            from qualitydesk.ui.findbar import FindBar

            self._find_bar = FindBar(self, self.view)
            self._column.addWidget(self._find_bar)
        return self._find_bar

    @property
    def welcome(self) -> WelcomeView:
        """The welcome screen, first in the central stack; made on first need, and shown
        then unless an application is open.
        """
        if self._welcome is None:
            from qualitydesk.ui.welcome import WelcomeView

            welcome = self._welcome = WelcomeView(
                {a.id: a.name for a in self.forms.awards.values()}
            )
            welcome.new_requested.connect(self.new_application)
            welcome.open_requested.connect(self.open_dialog)
            welcome.demo_requested.connect(self.open_demo)
            welcome.recent_chosen.connect(self.open_path)
            welcome.set_recent(self.settings.recent_files())
            self.central.insertWidget(0, welcome)
            if self.view is None:
                self.central.setCurrentWidget(welcome)
        return self._welcome

    def showEvent(self, event: QShowEvent) -> None:
        """Shown: the welcome screen follows unless a file is opened meanwhile (at start)."""
        super().showEvent(event)
        if self._welcome is None:
            QTimer.singleShot(0, self, self._welcome_unless_open)

    def _welcome_unless_open(self) -> None:
        if self.view is None:
            self.central.setCurrentWidget(self.welcome)

    @cached_property
    def word_importer(self) -> WordImporter:
        """文件 → 从 Word 导入's runner (made on first use, as the exporter is)."""
        from qualitydesk.ui.wordimport_dialog import WordImporter

        return WordImporter(self, self.messages, self.settings)

    @cached_property
    def renewer(self) -> Renewer:
        """以往年申报为基础新建's runner (made on first use)."""
        from qualitydesk.ui.renew_dialog import Renewer

        def flush() -> bool:
            return bool(self.view is None or self.view.flush())

        renewer = Renewer(self, self.messages, self.forms, flush)
        renewer.created.connect(self.open_path)
        return renewer

    def _enable_document_actions(self) -> None:
        self.menus.enable_document_actions(self.view is not None)

    # -- opening and closing --

    def open_path(self, path: str | Path) -> bool:
        """Open an application file; say why in a dialog when it cannot be opened."""
        if str(path).lower().endswith(".qdesk-score"):  # an assessor's: the scoring-only mode
            from qualitydesk.ui.team.scoring_window import open_score_file

            return open_score_file(path, self.forms, self.messages, self) is not None
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
        if self._find_bar is not None:
            self._find_bar.set_view(self.view)
        self.view.save_failed.connect(self._save_failed)
        self.view.page_created.connect(self._page_created)
        self.view.page_shown.connect(
            lambda key: after_painted(self, partial(self.settings.set_last_page, doc.path, key))
        )
        self.central.addWidget(self.view)
        self.central.setCurrentWidget(self.view)
        self.view.show_step(last if last in self.view.keys else "form")
        self.view.build_all_while_idle()
        after_painted(self, partial(self.settings.add_recent, doc.path))  # the file: once painted
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
        if self._find_bar is not None:
            self._find_bar.set_view(None)
        self.welcome.set_recent(self.settings.recent_files())
        self.central.setCurrentWidget(self.welcome)
        self._enable_document_actions()
        self._update_title()
        return True

    def open_dialog(self) -> None:
        """文件 → 打开: choose an application file (from the last one's folder) and open it."""
        folder = (
            str(Path(self.settings.recent_files()[0]).parent)
            if self.settings.recent_files()
            else ""
        )
        path = self.messages.open_file(
            self,
            self.tr("打开申报文件"),
            folder,
            self.tr("申报文件 (*.qdesk)") + ";;" + self.tr("评分人的评分文件 (*.qdesk-score)"),
        )
        if path:
            self.open_path(path)

    def open_demo(self) -> None:
        """Open the demo application, made in the data folder the first time it is asked for."""
        path = data_dir() / DEMO_NAME
        if not path.exists():
            from qualitydesk.store.demo import build_demo  # the demo's texts: only when wanted

            try:
                build_demo(path, self.forms).close()
            except DocumentError as exc:
                self.messages.critical(self, self.tr("无法生成示例"), str(exc))
                return
        self.open_path(path)

    def new_application(self) -> None:
        """文件 → 新建申报: the new-application wizard; on 完成 the file is created and opened."""
        folder = (
            Path(self.settings.recent_files()[0]).parent
            if self.settings.recent_files()
            else Path.home()
        )
        from qualitydesk.ui.newapp import NewApplicationWizard

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
        """文件 → 另存为: save, copy the file to the chosen name and go on working in the copy."""
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
        """文件 → 历史版本: the file's saved versions, after a save; one can be restored."""
        if self.view is None:
            return
        self.view.flush()
        from qualitydesk.ui.history import HistoryDialog

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

    def _page_created(self, key: str, page: QWidget) -> None:
        self.zoom.attach(page)
        self._wire_export_page(key, page)

    # -- window --

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def switch_language(self, language: str) -> None:
        """Show the interface in ``language`` now: the menus and the welcome screen are made
        again, and an open application is saved, closed and opened again on the same step.
        """
        path = self.view.doc.path if self.view is not None else None
        if language == ui_language() or not self.close_document():
            self.menus.check_language(ui_language())
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
        find_bar, self._find_bar = self._find_bar, None  # made again, in the new language
        if find_bar is not None:
            self._column.removeWidget(find_bar)
            find_bar.hide()
            find_bar.deleteLater()
        self.edit_actions.retranslate()
        self.zoom.retranslate()
        self.menus.rebuild()
        welcome, self._welcome = self._welcome, None
        self.central.setCurrentWidget(self.welcome)  # made again, in the new language
        if welcome is not None:
            self.central.removeWidget(welcome)
            welcome.deleteLater()
        self._update_title()

    def _zoomed(self, percent: int) -> None:
        self.statusBar().showMessage(self.tr("显示比例 {0}%").format(percent), 3000)

    def _update_title(self) -> None:
        if self.view is None:
            self.setWindowTitle(self.tr(APP_TITLE))
        else:
            doc = self.view.doc
            suffix = self.tr("（只读）") if doc.read_only else ""
            self.setWindowTitle(f"{doc.path.name}{suffix} — {self.tr(APP_TITLE)}")

    def changeEvent(self, event: QEvent) -> None:
        """Save at once when the window stops being the active one."""
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow() and self.view:
            self.view.flush()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save and close the application and keep the window's place; stay open if saving fails."""
        if not self.close_document():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        event.accept()
