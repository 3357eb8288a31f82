"""视图 → 语言 switches the interface at once, with the open application on the same step."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFileDialog

from qualitydesk.ui.app import create_application, set_language, ui_language
from qualitydesk.ui.messages import file_dialog_options
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit
from tests.helpers.gui import commit_text, open_window

TS = Path(__file__).parents[2] / "resources" / "i18n" / "qualitydesk_en.ts"
TYPED = "切换语言前输入的一句话。"


@pytest.fixture(scope="module")
def english_qm():
    """The English translation, built as make builds it when pytest runs on its own."""
    qm = TS.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < TS.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def app(qapp, english_qm):
    application = create_application()
    yield application
    set_language(application, "zh_CN")  # the other tests expect the Chinese interface


@pytest.fixture
def window(app, qtbot, forms, settings, messages):
    win = open_window(qtbot, forms, settings, messages)
    yield win
    win.close_document()


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def language_command(window, name: str):
    view = next(
        a.menu() for a in window.menuBar().actions() if a.menu().title() in {"视图(&V)", "&View"}
    )
    languages = next(a.menu() for a in view.actions() if a.menu() is not None)
    return next(a for a in languages.actions() if a.text() == name)


def test_the_language_switches_without_a_restart(window, demo_file, tmp_path, qtbot, messages):
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    window.open_path(path)
    window.view.show_step("item:4.1.2")
    editor = window.view.pages["item:4.1.2"].findChild(MarkdownEdit).editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, TYPED)
    assert menu_titles(window)[:2] == ["文件(&F)", "编辑(&E)"]

    language_command(window, "English").trigger()
    assert ui_language() == "en"
    assert window.settings.language() == "en"
    assert menu_titles(window)[:2] == ["&File", "&Edit"]
    assert language_command(window, "English").isChecked()
    assert window.view is not None
    assert window.view.current_key == "item:4.1.2"  # the same step, made again in English
    assert window.view.next_button.text() == "&Next"
    page = window.view.pages["item:4.1.2"].findChild(MarkdownEdit)
    assert TYPED in page.editor.toPlainText()  # saved before the switch
    assert page.bold_action.text() == "Bold"
    assert not [m for m in messages.shown if m[0] != "information"]

    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # one action each
    assert window.view.current_key == "item:4.1.3"

    language_command(window, "简体中文").trigger()
    assert ui_language() == "zh_CN"
    assert menu_titles(window)[:2] == ["文件(&F)", "编辑(&E)"]
    assert window.view.next_button.text() == "下一步(&N)"
    assert window.view.current_key == "item:4.1.3"


def test_the_welcome_screen_follows_the_language(window):
    language_command(window, "English").trigger()
    assert window.central.currentWidget() is window.welcome
    assert "新建" not in window.welcome.new_button.text()
    assert window.windowTitle().startswith("QualityDesk")
    language_command(window, "简体中文").trigger()
    assert "新建申报" in window.welcome.new_button.text()
    assert window.windowTitle() == "质量奖申报助手"


def test_file_dialogs_speak_the_interface_language(app):
    system_chinese = QLocale.system().language() == QLocale.Language.Chinese
    native = QFileDialog.Option(0)
    qt_own = QFileDialog.Option.DontUseNativeDialog
    set_language(app, "en")
    assert file_dialog_options() == (qt_own if system_chinese else native)
    assert QCoreApplication.translate("QFileDialog", "&Open") == "&Open"
    set_language(app, "zh_CN")
    assert file_dialog_options() == (native if system_chinese else qt_own)
    assert QCoreApplication.translate("QFileDialog", "&Open") == "打开(&O)"  # qtbase_zh_CN
