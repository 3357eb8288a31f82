"""Starting the desktop program: identity, translations, fonts, the window — and the smoke test."""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from qualitydesk import __version__
from qualitydesk import log as applog
from qualitydesk.domain.forms import Forms, FormsError, load_forms
from qualitydesk.ui import inputguard
from qualitydesk.ui.fonts import load_bundled_fonts, ui_font

if TYPE_CHECKING:
    from qualitydesk.ui.shell.window import MainWindow

APP_NAME = "QualityDesk"
ORG_NAME = "QualityDesk"
WINDOW_TITLE = QT_TRANSLATE_NOOP("App", "质量奖申报助手 QualityDesk")  # message boxes' title
_READY = "qualitydeskReady"
_LANGUAGE = "qualitydeskLanguage"  # the application's property naming the language shown now
_TRANSLATOR = "qualitydeskTranslator"  # the object name of the translator set_language installs


def create_application(
    argv: list[str] | None = None, language: str | None = None, *, guard: bool = True
) -> QApplication:
    """The QApplication with its names set before any settings are read, fonts, translations and
    (unless ``guard`` is False: :func:`start` puts it on later) the input guard.

    Safe to call again (tests share one QApplication): the set-up happens once.
    """
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("qualitydesk")  # matches packaging/linux/qualitydesk.desktop
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    if app.property(_READY):
        return app
    load_bundled_fonts()
    app.setFont(ui_font())
    # No application-wide style sheet: with one, every widget is styled through it (a quarter
    # of the start-up's CPU); the header sets its own (shell/wizard.py).
    if guard:
        inputguard.install(app)  # the wheel scrolls pages, never changes an unfocused input
    icon = resources.files("qualitydesk.resources").joinpath("icons", "qualitydesk.png")
    if isinstance(icon, Path):  # a file: read when the window system first asks for the icon
        app.setWindowIcon(QIcon(str(icon)))
    elif icon.is_file():  # in an archive
        pixmap = QPixmap()
        pixmap.loadFromData(icon.read_bytes())
        app.setWindowIcon(QIcon(pixmap))
    if language is None:
        from qualitydesk.ui.settings import Settings

        language = Settings().language()
    set_language(app, language)
    app.setProperty(_READY, True)
    return app


def set_language(app: QApplication, language: str) -> None:
    """Show the interface in ``language`` from now on, replacing the translation in use.

    简体中文: Qt's own zh_CN strings (确定/取消/下一步, the file dialogs). English: our translation
    file. Qt sends every widget a LanguageChange; the main window rebuilds its menus and pages.
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.deleteLater()
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR)
    if _load_translation(translator, language):
        app.installTranslator(translator)
    else:
        translator.deleteLater()
    app.setProperty(_LANGUAGE, language)


def ui_language() -> str:
    """The language the interface shows now: ``zh_CN`` or ``en``."""
    app = QApplication.instance()
    value = app.property(_LANGUAGE) if app is not None else None
    return str(value) if value else "zh_CN"


def _load_translation(translator: QTranslator, language: str) -> bool:
    if language == "en":
        ours = resources.files("qualitydesk.resources").joinpath("i18n", "qualitydesk_en.qm")
        # Loaded from a file, not from bytes: QTranslator keeps no copy of data it is given.
        with resources.as_file(ours) as path:
            return path.is_file() and translator.load(str(path))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return translator.load(chinese, "qtbase", "_", folder)


def run(path: str | None = None, *, smoke_test: bool = False) -> int:
    """Run the desktop program (opening ``path`` if given) until its window closes; the exit code.

    With ``smoke_test`` it runs :func:`run_smoke_test` instead of waiting for the user. Forms that
    cannot be loaded end it at once with 2, after saying why. The garbage collector, which the
    command line turns off for the start, is on again once the window is.
    """
    app = create_application(guard=smoke_test)
    from qualitydesk.ui.settings import data_dir

    context = applog.Context("qualitydesk --smoke-test" if smoke_test else "qualitydesk (desktop)")
    applog.install(data_dir(), context)
    try:
        forms = load_forms()
    except FormsError as exc:
        applog.record_failure(exc, "forms/ cannot be loaded")
        text = QCoreApplication.translate("App", "奖项数据（forms/）有误，无法启动：\n%1")
        if smoke_test:  # no one is there to close a dialog
            print(text.replace("%1", str(exc)), file=sys.stderr)
        else:
            QMessageBox.critical(None, _title(), text.replace("%1", str(exc)))
        return 2
    if smoke_test:  # its own settings: the user's 最近打开 never lists the test's demo
        gc.enable()
        with tempfile.TemporaryDirectory(prefix="qualitydesk-smoke-settings-") as folder:
            from qualitydesk.ui.settings import Settings
            from qualitydesk.ui.shell.window import MainWindow

            window = MainWindow(forms, Settings(Path(folder)))
            context.document = lambda: str(window.view.doc.path) if window.view else ""
            applog.install_excepthooks()  # a failure is printed: a dialog would wait for ever
            try:
                return run_smoke_test(window)
            except Exception as exc:  # the test's verdict; the cause goes to the log
                applog.record_failure(exc, "smoke test failed")
                print(f"smoke test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
    window = start(forms, path)
    gc.freeze()  # what the start made lives with the window: no collection walks it again
    gc.enable()
    context.document = lambda: str(window.view.doc.path) if window.view else ""
    applog.install_excepthooks(lambda text: window.messages.critical(window, _title(), text))
    return app.exec()


def start(forms: Forms, path: str | None = None) -> MainWindow:
    """Show the main window and open ``path`` in it (if given), as the desktop program starts.

    The input guard (:mod:`~qualitydesk.ui.inputguard`) goes on once the window is painted
    (:func:`~qualitydesk.ui.inputguard.install_when_painted`): it is an application-wide event
    filter in Python, and the thousands of events of building and painting the window and its
    first page each passing through it, and the classes PySide6 builds for it, were a third of the
    start-up's CPU. Widgets built before it are guarded as it goes on.
    """
    from qualitydesk.ui.settings import Settings
    from qualitydesk.ui.shell.window import MainWindow

    app = create_application(guard=False)
    window = MainWindow(forms, Settings())
    window.show()
    if path:
        window.open_path(path)
    inputguard.install_when_painted(app, window)
    return window


def _title() -> str:
    return QCoreApplication.translate("App", WINDOW_TITLE)


def _quiet_offscreen(kind: object, context: object, message: str) -> None:
    """The smoke test's Qt messages, minus the offscreen platform's note on size hints."""
    del kind, context
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run_smoke_test(window: object) -> int:
    """Open the demo, visit every step, export the PDF and the Word copy, read the Word copy
    back, round-trip the JSON archive, in a temporary folder, and load every command's module
    (a frozen program must carry them); 0 when all works.
    """
    import importlib

    from pypdf import PdfReader

    from qualitydesk.cli.dispatch import command_modules
    from qualitydesk.export.docx import export_docx
    from qualitydesk.store import interchange, wordimport
    from qualitydesk.store.demo import build_demo
    from qualitydesk.store.document import Document
    from qualitydesk.ui.exporting import export_snapshot
    from qualitydesk.ui.shell.window import MainWindow

    assert isinstance(window, MainWindow)
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance()
    assert app is not None
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="qualitydesk-smoke-") as folder:
        demo = Path(folder) / "demo.qdesk"
        build_demo(demo, window.forms).close()
        window.show()
        if not window.open_path(demo) or window.view is None:
            print("smoke test: the demo did not open", file=sys.stderr)
            return 1
        for key in window.view.keys:
            window.view.show_step(key)
            app.processEvents()
        statuses = {key: window.view.navigator.status_text(key) for key in window.view.keys}
        out = Path(folder) / "package.pdf"
        export_snapshot(demo, window.forms, out, "package", None)
        pages = len(PdfReader(out).pages)
        window.close_document()
        window.close()
        word = Path(folder) / "package.docx"
        with Document.open(demo, read_only=True) as doc:
            export_docx(doc, window.forms, word)
            framework = window.forms.framework(doc.framework_id)
            interchange.load(interchange.dump(doc), Path(folder) / "copy.qdesk", window.forms)
        sections = len(wordimport.read_plan(word, framework).sections)
    commands = [importlib.import_module(name) for name in command_modules()]
    took = time.perf_counter() - started
    print(
        f"smoke test: {len(statuses)} steps visited, {pages}-page PDF exported, "
        f"Word copy with {sections} sections read back, JSON round trip, "
        f"{len(commands)} command modules, {took:.1f} s"
    )
    return 0
