"""Starting the desktop program: application identity, Chinese translations, fonts, window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from qualitydesk import __version__
from qualitydesk.domain.forms import Forms, FormsError, load_forms
from qualitydesk.ui.fonts import load_bundled_fonts, ui_font
from qualitydesk.ui.programmes import ProgrammeBrowser

APP_NAME = "QualityDesk"
ORG_NAME = "QualityDesk"
WINDOW_TITLE = "质量奖申报助手 QualityDesk"
_READY = "qualitydeskReady"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its names set before any settings are read, fonts and zh_CN strings.

    Safe to call again (tests share one QApplication): the set-up happens once.
    """
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    if app.property(_READY):
        return app
    load_bundled_fonts()
    app.setFont(ui_font())
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if translator.load(chinese, "qtbase", "_", folder):
        app.installTranslator(translator)
    app.setProperty(_READY, True)
    return app


class MainWindow(QMainWindow):
    def __init__(self, forms: Forms, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(WINDOW_TITLE)
        self.browser = ProgrammeBrowser(forms)
        self.setCentralWidget(self.browser)
        self.statusBar().showMessage(
            f"{len(forms.awards)} 个奖项 · {forms.framework('gbt19580-2012').standard} · 离线运行"
        )
        self.resize(1200, 760)


def run(path: str | None = None) -> int:
    app = create_application()
    try:
        forms = load_forms()
    except FormsError as exc:
        QMessageBox.critical(None, WINDOW_TITLE, f"奖项数据（forms/）有误，无法启动：\n{exc}")
        return 2
    window = MainWindow(forms)
    if path:
        window.statusBar().showMessage(f"尚不能打开 {path}：申报文件（.qdesk）将在后续版本中支持")
    window.show()
    return app.exec()
