"""Starting the desktop program: identity, translations, fonts, the window — and the smoke test."""

from __future__ import annotations

import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from qualitydesk import __version__
from qualitydesk import log as applog
from qualitydesk.domain.forms import FormsError, load_forms
from qualitydesk.ui.fonts import load_bundled_fonts, ui_font

APP_NAME = "QualityDesk"
ORG_NAME = "QualityDesk"
WINDOW_TITLE = "质量奖申报助手 QualityDesk"
_READY = "qualitydeskReady"
STYLE = """
#header { background: #f3f6fa; border-bottom: 1px solid #d5dde8; }
#headerTitle { font-size: 11pt; }
#headerScore { color: #1f4e79; }
#headerSaved { color: #2e7d32; }
"""


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with its names set before any settings are read, fonts and translations.

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
    app.setStyleSheet(STYLE)
    icon = resources.files("qualitydesk.resources").joinpath("icons", "qualitydesk.png")
    if icon.is_file():
        pixmap = QPixmap()
        pixmap.loadFromData(icon.read_bytes())
        app.setWindowIcon(QIcon(pixmap))
    if language is None:
        from qualitydesk.ui.settings import Settings

        language = Settings().language()
    _install_translations(app, language)
    app.setProperty(_READY, True)
    return app


def _install_translations(app: QApplication, language: str) -> None:
    """简体中文: Qt's own zh_CN strings (确定/取消/下一步). English: our translation file."""
    if language == "en":
        ours = resources.files("qualitydesk.resources").joinpath("i18n", "qualitydesk_en.qm")
        translator = QTranslator(app)
        # Loaded from a file, not from bytes: QTranslator keeps no copy of data it is given.
        with resources.as_file(ours) as path:
            if path.is_file() and translator.load(str(path)):
                app.installTranslator(translator)
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if translator.load(chinese, "qtbase", "_", folder):
        app.installTranslator(translator)


def run(path: str | None = None, *, smoke_test: bool = False) -> int:
    app = create_application()
    from qualitydesk.ui.settings import data_dir

    context = applog.Context("qualitydesk --smoke-test" if smoke_test else "qualitydesk (desktop)")
    applog.install(data_dir(), context)
    try:
        forms = load_forms()
    except FormsError as exc:
        applog.record_failure(exc, "forms/ cannot be loaded")
        QMessageBox.critical(None, WINDOW_TITLE, f"奖项数据（forms/）有误，无法启动：\n{exc}")
        return 2
    from qualitydesk.ui.mainwindow import MainWindow
    from qualitydesk.ui.settings import Settings

    window = MainWindow(forms, Settings())
    context.document = lambda: str(window.view.doc.path) if window.view else ""
    applog.install_excepthooks(lambda text: window.messages.critical(window, WINDOW_TITLE, text))
    if smoke_test:
        return run_smoke_test(window)
    window.show()
    if path:
        window.open_path(path)
    return app.exec()


def _quiet_offscreen(kind: object, context: object, message: str) -> None:
    """The smoke test's Qt messages, minus the offscreen platform's note on size hints."""
    del kind, context
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run_smoke_test(window: object) -> int:
    """Open the demo, visit every step, export the PDF to a temporary folder; 0 when all works."""
    from pypdf import PdfReader

    from qualitydesk.store.demo import build_demo
    from qualitydesk.ui.exporting import export_snapshot
    from qualitydesk.ui.mainwindow import MainWindow

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
    took = time.perf_counter() - started
    print(f"smoke test: {len(statuses)} steps visited, {pages}-page PDF exported, {took:.1f} s")
    return 0
