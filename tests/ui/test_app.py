"""The first window: bundled fonts, Chinese strings, the programme browser; the start itself."""

import json
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from qualitydesk.ui.app import create_application
from qualitydesk.ui.fonts import UI_FAMILY, load_bundled_fonts, ui_font
from qualitydesk.ui.programmes import ProgrammeBrowser
from tests.helpers.process import run_offscreen


class _Holder:
    def __init__(self, browser):
        self.browser = browser


@pytest.fixture
def window(qtbot, forms):
    """The programme browser (Help → 奖项与资格条件一览) in a window of its own."""
    create_application()
    browser = ProgrammeBrowser(forms)
    qtbot.addWidget(browser)
    browser.resize(1100, 700)
    browser.show()
    qtbot.waitExposed(browser)
    return _Holder(browser)


def test_bundled_fonts_cover_chinese(qapp):
    families = load_bundled_fonts()
    assert UI_FAMILY in families
    assert families == [UI_FAMILY]  # Regular and Bold; the PDF's serif is not the window's
    metrics = QFontMetrics(ui_font())
    for ch in "质量奖申报助手玥堃喆":
        assert metrics.inFontUcs4(ord(ch)), ch
    assert UI_FAMILY in QFontDatabase.families()


def test_application_identity_and_qt_strings_in_chinese(qapp):
    create_application()
    assert QApplication.applicationName() == "QualityDesk"
    assert QApplication.organizationName() == "QualityDesk"  # set before settings are read
    icon = QApplication.windowIcon().pixmap(64, 64)  # the file is read when asked for
    assert icon.width() == 64
    assert not icon.toImage().allGray()  # the icon, not a blank
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts & {"确定", "确定(O)"}, texts
    assert any(t.startswith("取消") for t in texts), texts


def test_browser_shows_each_programme_with_its_lines(window, qtbot):
    browser = window.browser
    assert browser.list.count() == 8
    browser.select("suzhou-mayor")
    assert "苏州市市长质量奖" in browser.title.text()
    assert "市长质量奖：不低于 600 分" in browser.lines.text()
    citations = [browser.rules.item(r, 0).text() for r in range(browser.rules.rowCount())]
    assert "第十一条（六）" in citations
    assert "组织概述（参考值 3,000 字，按当年申报通知核对）" in browser.parts.text()

    # Choosing another programme with the keyboard updates the details.
    browser.list.setFocus()
    row = next(
        r
        for r in range(browser.list.count())
        if browser.list.item(r).data(Qt.ItemDataRole.UserRole) == "sip"
    )
    browser.list.setCurrentRow(row - 1)
    qtbot.keyClick(browser.list, Qt.Key.Key_Down)
    assert "高于 600 分" in browser.lines.text()
    citations = [browser.rules.item(row, 0).text() for row in range(browser.rules.rowCount())]
    assert "第十二条" in citations  # 已获苏州市市长质量奖（含质量管理优秀奖）及以上的不得申报


def test_unpublished_rules_are_flagged(window):
    window.browser.select("nantong-city")
    rules = window.browser.rules
    assert rules.rowCount() > 0
    assert all(rules.item(r, 3).text() == "按当年申报通知核对" for r in range(rules.rowCount()))
    assert "按当年申报通知核对" in window.browser.source.text()


def test_inputs_have_accessible_names(window):
    assert window.browser.list.accessibleName() == "奖项列表"
    assert window.browser.rules.accessibleName() == "资格条件"


# The desktop program started as `qualitydesk demo.qdesk` starts, its event loop watched: the
# garbage collector (while the document opens, when the loop starts) and the settings file (when
# the window is first exposed, and soon after).
START = textwrap.dedent("""
    import gc, json, os, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    import qualitydesk.cli
    from qualitydesk.store.document import Document

    settings = os.path.join(os.environ["QUALITYDESK_HOME"], "settings.ini")
    seen = {}
    document_open = Document.open.__func__
    event_loop = QApplication.exec

    def watched_open(cls, *args, **kwargs):
        seen["collecting while the document opens"] = gc.isenabled()
        return document_open(cls, *args, **kwargs)

    class Exposed(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Expose:
                seen.setdefault("settings written when the window shows", os.path.exists(settings))
            return False

    def watched_loop(app):
        window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
        seen["collecting when the loop starts"] = gc.isenabled()
        seen["what the start made is frozen"] = gc.get_freeze_count() > 0
        exposed = Exposed()
        window.windowHandle().installEventFilter(exposed)

        def done():
            seen["settings written soon after"] = os.path.exists(settings)
            window.close_document()
            app.quit()

        QTimer.singleShot(1500, done)
        return event_loop()

    Document.open = classmethod(watched_open)
    QApplication.exec = watched_loop
    qualitydesk.cli.main([sys.argv[1]])
    print(json.dumps(seen))
""")


def test_the_start_leaves_the_collector_and_the_disk_until_the_window_shows(demo_copy, tmp_path):
    done = run_offscreen(["-c", START, str(demo_copy)], tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {
        "collecting while the document opens": False,
        "collecting when the loop starts": True,
        "what the start made is frozen": True,
        "settings written when the window shows": False,  # two waits for the disk: after it
        "settings written soon after": True,
    }
