"""帮助: the user guide inside the program (offline, with its pictures), in wheel and bundle."""

import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QTextBrowser

from qualitydesk import __version__
from qualitydesk.ui.guide import GuideDialog, guide_folder, guide_path
from tests.helpers.gui import open_window

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@pytest.fixture
def window(qtbot, forms, settings, messages):
    return open_window(qtbot, forms, settings, messages)


def help_command(window, label: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    return next(a for a in menu.actions() if a.text().startswith(label))


def pictures(document: QTextDocument) -> list[QTextImageFormat]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat())
            it += 1
        block = block.next()
    return found


def test_the_guide_opens_inside_the_program_with_its_pictures(window, qtbot):
    command = help_command(window, "用户指南")
    assert command.shortcut().toString() == "F1"
    command.trigger()
    dialog = window.menus.guide
    assert isinstance(dialog, GuideDialog)
    qtbot.waitExposed(dialog)
    browser = dialog.findChild(QTextBrowser)
    text = browser.toPlainText()
    assert "质量奖申报助手" in text
    assert "申报的九个步骤" in text
    names = {image.name() for image in pictures(browser.document())}
    assert names == {f"images/{p.name}" for p in (DOCS / "images").glob("*.png")}
    for name in names:  # found offline, beside the guide
        image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert image is not None, name
    room = browser.viewport().width()
    assert all(0 < image.width() <= room for image in pictures(browser.document()))
    window.grab().save("/tmp/h5/window.png")
    dialog.grab().save("/tmp/h5/guide.png")
    dialog.close()


def test_the_guide_follows_its_contents_and_the_other_language(window, qtbot):
    window.menus.show_guide()
    dialog = window.menus.guide
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    assert dialog.scroll_to("8-导出与打印")
    assert browser.textCursor().block().text() == "8. 导出与打印"
    assert not dialog.scroll_to("no-such-heading")
    browser.anchorClicked.emit(QUrl("guide.en.md"))
    assert dialog.path == guide_path("en")
    assert "QualityDesk" in browser.toPlainText()
    assert "The nine steps" in browser.toPlainText()
    dialog.show_guide("zh_CN")
    assert dialog.path == guide_path("zh_CN")
    dialog.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_contents_link_of_the_guide_leads_to_its_heading(window, qtbot, language):
    window.menus.show_guide()
    dialog = window.menus.guide
    dialog.show_guide(language)
    anchors = re.findall(r"\]\(#([^)\s]+)\)", guide_path(language).read_text(encoding="utf-8"))
    assert len(anchors) >= 10
    assert [a for a in anchors if not dialog.scroll_to(a)] == []
    dialog.close()


def test_about_shows_the_version(window, messages):
    help_command(window, "关于").trigger()
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("information", "关于")
    assert __version__ in text


def test_the_guide_is_shipped_in_the_wheel_and_the_bundle():
    from tests.test_packaging import _glob_covers, _run_spec

    assert guide_folder().joinpath("guide.zh.md").is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = pyproject["tool"]["setuptools"]
    assert setuptools["package-dir"]["qualitydesk.docs"] == "docs"
    assert "qualitydesk.docs" in setuptools["packages"]
    patterns = setuptools["package-data"]["qualitydesk.docs"]
    wanted = ["guide.zh.md", "guide.en.md"] + [
        f"images/{p.name}" for p in sorted((DOCS / "images").glob("*.png"))
    ]
    for name in wanted:
        assert any(_glob_covers(pattern, name) for pattern in patterns), name
    bundled = {dest for dest, _, _ in _run_spec()["a"].datas}
    for name in wanted:
        assert f"qualitydesk/docs/{name}" in bundled, name
    assert "qualitydesk/docs/make_screenshots.py" not in bundled
