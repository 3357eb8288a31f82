"""The main window's menu bar: 文件, 编辑, 转到, 视图, 帮助 — their actions and shortcuts, and
the help menu's windows (用户指南, 奖项与资格条件一览, 关于).

The menus are made again when the interface language changes (:meth:`MenuBar.rebuild`). Their
words keep the translation context ``MainWindow``, where they were first written, so the
translation file needs no change for this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QVBoxLayout

from qualitydesk import __version__
from qualitydesk.ui import screen
from qualitydesk.ui.app import ui_language

if TYPE_CHECKING:
    from qualitydesk.ui.guide import GuideDialog
    from qualitydesk.ui.shell.window import MainWindow

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}  # each in its own language: never translated


class MenuBar:
    """The menus of ``window``, their actions (parented to the window), and which of them need an
    open application (:attr:`doc_actions`).
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.doc_actions: list[QAction] = []
        self.language_actions: dict[str, QAction] = {}
        self.guide: GuideDialog | None = None

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        menu: QMenu | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def build(self) -> None:
        """Make every menu on the window's menu bar."""
        self.doc_actions = []
        self._file_menu()
        self._edit_and_go_menus()
        self._view_menu()
        self._team_menu()
        self._improvement_menu()
        self._help_menu()
        self.enable_document_actions(self.window.view is not None)

    def _team_menu(self) -> None:
        """评分: the self-assessment team — hand out, collect, agree (ui/team, when first asked)."""
        menu = self.window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "评分(&S)"))

        def run(command: str) -> None:
            from qualitydesk.ui.team import commands  # when first asked

            getattr(commands, command)(self.window)

        hand_out = QCoreApplication.translate("MainWindow", "分发评分表(&H)…")
        collect = QCoreApplication.translate("MainWindow", "汇总评分(&C)…")
        consensus = QCoreApplication.translate("MainWindow", "共识会议(&M)…")
        self.doc_actions += [
            self._action(hand_out, lambda: run("hand_out"), None, menu),
            self._action(collect, lambda: run("collect"), None, menu),
            self._action(consensus, lambda: run("consensus"), None, menu),
        ]

    def _improvement_menu(self) -> None:
        """评审与改进: the examiners' feedback and the improvement plan, in a window beside."""
        menu = self.window.menuBar().addMenu(
            QCoreApplication.translate("MainWindow", "评审与改进(&R)")
        )

        def show(tab: str) -> None:
            from qualitydesk.ui.improvement.window import show_improvement  # when first asked

            show_improvement(self.window, tab)

        feedback = QCoreApplication.translate("MainWindow", "评审反馈(&F)…")
        plan = QCoreApplication.translate("MainWindow", "改进计划(&P)…")
        self.doc_actions += [
            self._action(feedback, lambda: show("feedback"), None, menu),
            self._action(plan, lambda: show("actions"), None, menu),
        ]

    def rebuild(self) -> None:
        """Make the menus again, in the language just installed."""
        window = self.window
        bar = window.menuBar()
        for menu in bar.findChildren(QMenu):
            for action in menu.actions():
                if action.parent() is window:  # made by build(), which makes it again
                    action.setShortcuts([])
                    action.deleteLater()
            menu.deleteLater()
        bar.clear()
        self.build()
        if self.guide is not None:
            if self.guide.isVisible():
                self.guide.show_guide(ui_language())
            else:
                self.guide.deleteLater()
                self.guide = None

    def enable_document_actions(self, enabled: bool) -> None:
        """Enable the actions that work on an open application (or not, when none is open)."""
        for action in self.doc_actions:
            action.setEnabled(enabled)

    def _file_menu(self) -> None:
        window, action = self.window, self._action
        menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
        new = QCoreApplication.translate("MainWindow", "新建申报(&N)…")
        action(new, window.new_application, QKeySequence.StandardKey.New, menu)
        open_text = QCoreApplication.translate("MainWindow", "打开(&O)…")
        action(open_text, window.open_dialog, QKeySequence.StandardKey.Open, menu)
        action(
            QCoreApplication.translate("MainWindow", "打开示例(&D)"), window.open_demo, None, menu
        )
        renew = QCoreApplication.translate("MainWindow", "以往年申报为基础新建(&L)…")
        action(renew, window.renew_application, None, menu)
        menu.addSeparator()
        save_as = QCoreApplication.translate("MainWindow", "另存为(&A)…")
        history = QCoreApplication.translate("MainWindow", "历史版本(&H)…")
        word_in = QCoreApplication.translate("MainWindow", "从 Word 导入(&W)…")
        compare = QCoreApplication.translate("MainWindow", "与往年对比(&Y)…")
        self.doc_actions += [
            action(save_as, window.save_as, QKeySequence.StandardKey.SaveAs, menu),
            action(history, window.show_history, "Ctrl+Shift+H", menu),
            action(word_in, window.import_word, None, menu),
            action(compare, self.compare_years, None, menu),
        ]
        menu.addSeparator()
        package = QCoreApplication.translate("MainWindow", "导出申报材料 PDF(&E)…")
        internal = QCoreApplication.translate("MainWindow", "导出内部自评报告(&I)…")
        word_out = QCoreApplication.translate("MainWindow", "导出 Word 副本(&B)…")
        preview = QCoreApplication.translate("MainWindow", "打印预览(&V)…")
        print_text = QCoreApplication.translate("MainWindow", "打印(&P)…")
        self.doc_actions += [
            action(package, lambda: window.export("package"), "Ctrl+E", menu),
            action(internal, lambda: window.export("internal"), None, menu),
            action(word_out, window.export_word, None, menu),
            action(preview, window.preview, None, menu),
            action(print_text, window.print_document, QKeySequence.StandardKey.Print, menu),
        ]
        menu.addSeparator()
        close = QCoreApplication.translate("MainWindow", "关闭申报(&C)")
        self.doc_actions.append(action(close, window.close_document, "Ctrl+W", menu))
        quit_text = QCoreApplication.translate("MainWindow", "退出(&X)")
        action(quit_text, window.close, QKeySequence.StandardKey.Quit, menu)

    def _edit_and_go_menus(self) -> None:
        window, action = self.window, self._action
        edit_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "编辑(&E)"))
        window.edit_actions.add_to(edit_menu)
        edit_menu.addSeparator()
        find = QCoreApplication.translate("MainWindow", "查找(&F)…")
        replace = QCoreApplication.translate("MainWindow", "替换(&R)…")
        self.doc_actions += [
            action(find, self._find, QKeySequence.StandardKey.Find, edit_menu),
            action(replace, self._replace, "Ctrl+H", edit_menu),
        ]
        go_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "转到(&G)"))
        back = QCoreApplication.translate("MainWindow", "上一步(&B)")
        forward = QCoreApplication.translate("MainWindow", "下一步(&N)")
        self.doc_actions += [
            action(back, lambda: window.view and window.view.go_back(), "Alt+Left", go_menu),
            action(forward, lambda: window.view and window.view.go_next(), "Alt+Right", go_menu),
        ]

    def _find(self) -> None:
        self.window.find_bar.show_find()  # the bar is made on first use

    def _replace(self) -> None:
        self.window.find_bar.show_replace()

    def _view_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "视图(&V)"))
        window.zoom.add_to(menu)
        menu.addSeparator()
        languages = menu.addMenu(QCoreApplication.translate("MainWindow", "语言(&L)"))
        choose = {
            "zh_CN": lambda: window.switch_language("zh_CN"),
            "en": lambda: window.switch_language("en"),
        }
        self.language_actions = {
            language: self._action(name, choose[language], None, languages)
            for language, name in LANGUAGES.items()
        }
        for language, action in self.language_actions.items():
            action.setCheckable(True)
            action.setChecked(language == ui_language())

    def _help_menu(self) -> None:
        window, action = self.window, self._action
        menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)"))
        guide = QCoreApplication.translate("MainWindow", "用户指南(&G)")
        programmes = QCoreApplication.translate("MainWindow", "奖项与资格条件一览(&P)…")
        action(guide, self.show_guide, "F1", menu)
        action(programmes, self.show_programmes, None, menu)
        action(QCoreApplication.translate("MainWindow", "关于(&A)"), self.show_about, None, menu)

    def check_language(self, language: str) -> None:
        """Tick ``language`` in 视图 → 语言 and untick the others."""
        for name, action in self.language_actions.items():
            action.setChecked(name == language)

    def compare_years(self) -> None:
        """文件 → 与往年对比: an earlier application file beside the open one."""
        from qualitydesk.ui.compare.launch import compare_with_earlier  # when first asked

        compare_with_earlier(self.window)

    # -- the help menu's windows --

    def show_guide(self) -> None:
        """帮助 → 用户指南: the guide in the interface's language, in a window beside the work."""
        if self.guide is None:
            from qualitydesk.ui.guide import GuideDialog  # with its Markdown: when first asked

            self.guide = GuideDialog(self.window.settings, self.window)
        self.guide.show_guide(ui_language())

    def show_programmes(self) -> QDialog:
        """帮助 → 奖项与资格条件一览: every programme and its eligibility, in a dialog."""
        from qualitydesk.ui.programmes import ProgrammeBrowser

        window = self.window
        dialog = QDialog(window)
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "奖项与资格条件一览"))
        column = QVBoxLayout(dialog)
        column.addWidget(ProgrammeBrowser(window.forms))
        screen.remember_size(dialog, window.settings, "programmes", screen.PROGRAMMES)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        """帮助 → 关于: the version and what the program is for."""
        about = QCoreApplication.translate(
            "MainWindow",
            "质量奖申报助手 QualityDesk {0}\n按 GB/T 19580 准备质量奖申报材料。离线运行，数据只保存在本机。",
        )
        title = QCoreApplication.translate("MainWindow", "关于")
        self.window.messages.information(self.window, title, about.format(__version__))
