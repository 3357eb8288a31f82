"""Everything fits a 1366×768 laptop: window and dialog sizes, no clipped text, one scroll bar.

The offscreen screen is small and cannot change once the application exists, so the sizes
are computed for the free area of a 1366×768 screen (less a 40 px taskbar) with the functions
the program uses (:mod:`qualitydesk.ui.screen`), and the window is laid out at that size. A
remembered geometry larger than the real (offscreen) screen shows the clamping on a real screen.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
    QWizard,
)

from qualitydesk.store.document import Document
from qualitydesk.ui import screen
from qualitydesk.ui.app import create_application, set_language
from qualitydesk.ui.history import HistoryDialog
from qualitydesk.ui.settings import Settings
from qualitydesk.ui.shell.window import MainWindow
from tests.helpers.gui import commit_text

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less the taskbar
ALL_FITS = (screen.MAIN_WINDOW, screen.PROGRAMMES, screen.HISTORY, screen.NEW_APPLICATION)


# --- what "fits" means ------------------------------------------------------------------------


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _in_scrolled_content(widget: QWidget) -> bool:
    """Whether ``widget`` is the content of a scroll area (it may be larger than the viewport)."""
    parent = widget.parentWidget()
    area = parent.parentWidget() if parent is not None else None
    return isinstance(area, QAbstractScrollArea) and parent is area.viewport()


def layout_problems(root: QWidget) -> list[str]:
    """Widgets cut off by their parent, clipped text, and scroll bars inside scroll bars."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget) or (widget.isWindow() and widget is not root):
            continue
        name = f"{type(widget).__name__} {_text(widget)!r}"
        parent = widget.parentWidget()
        cut = parent is not None and not parent.rect().contains(widget.geometry())
        if widget is not root and cut and not _in_scrolled_content(widget):
            problems.append(f"{name} {widget.geometry()} outside its parent {parent.rect()}")
        problems += _clipped(widget, name)
        if isinstance(widget, QAbstractScrollArea):
            problems += _scroll_problems(widget, name, root)
    return problems


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    value = text() if callable(text) else widget.accessibleName()
    return str(value)[:24]


def _clipped(widget: QWidget, name: str) -> list[str]:
    if isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            return [f"{name} h={widget.height()} < {need}"] if widget.height() < need else []
        need_size = widget.minimumSizeHint()
    elif isinstance(widget, QAbstractButton) and widget.text():
        need_size = widget.sizeHint()
    else:
        return []
    if widget.width() < need_size.width() or widget.height() < need_size.height():
        return [f"{name} {widget.size()} < {need_size}"]
    return []


def _scroll_problems(area: QAbstractScrollArea, name: str, root: QWidget) -> list[str]:
    outer = area.parentWidget()
    while outer is not None and outer is not root and not isinstance(outer, QAbstractScrollArea):
        outer = outer.parentWidget()
    if not isinstance(outer, QScrollArea):
        return []
    bar = area.verticalScrollBar()
    if bar.isVisible():
        return [f"{name}: a vertical scroll bar inside a scrolling page"]
    if bar.maximum() > 0:
        return [f"{name}: its scroll bar is off but part of it is hidden ({bar.maximum()})"]
    return []


def settled(qtbot, root: QWidget) -> list[str]:
    """The problems once the layouts have taken the text boxes' new heights."""
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: not layout_problems(root), timeout=1000)
    return layout_problems(root)


def inside(rect: QRect, area: QRect = LAPTOP) -> bool:
    """Whether a window with client area ``rect`` and its frame lies in ``area``."""
    return area.contains(rect.marginsAdded(screen.FRAME))


def fits(size: QSize, area: QRect = LAPTOP) -> bool:
    """Whether a window of client ``size`` with its frame fits in ``area``."""
    room = area.marginsRemoved(screen.FRAME).size()
    return size.width() <= room.width() and size.height() <= room.height()


# --- sizes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fit", ALL_FITS)
def test_every_initial_size_fits_the_laptop_with_its_frame(fit):
    size = screen.fitted_size(LAPTOP, fit)
    assert fits(size)
    assert inside(screen.centred(size, LAPTOP, LAPTOP))
    big = QRect(0, 0, 2560, 1400)
    assert screen.fitted_size(big, fit).boundedTo(fit.maximum) == screen.fitted_size(big, fit)


def test_a_geometry_from_a_larger_screen_is_clamped_back_inside():
    remembered = QRect(900, 500, 1900, 1050)
    clamped = screen.clamped(remembered, LAPTOP)
    assert inside(clamped)
    assert clamped.size() == LAPTOP.marginsRemoved(screen.FRAME).size()


def test_a_restored_geometry_larger_than_the_real_screen_is_clamped(qtbot):
    available = screen.available_geometry()
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(available.adjusted(-200, -100, 600, 400))
    saved = big.saveGeometry()
    restored = QWidget()
    qtbot.addWidget(restored)
    screen.restore_or_fit(restored, saved, screen.MAIN_WINDOW)
    assert inside(restored.geometry(), available)


# --- the main window at 1366×768 ---------------------------------------------------------------


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings")


@pytest.fixture
def laptop_window(qtbot, forms, settings, messages) -> Iterator[MainWindow]:
    create_application()
    window = MainWindow(forms, settings, messages)
    qtbot.addWidget(window)
    screen.fit_to_screen(window, LAPTOP, screen.MAIN_WINDOW)
    window.show()
    qtbot.waitExposed(window)
    assert inside(window.geometry())
    assert window.size() == screen.fitted_size(LAPTOP, screen.MAIN_WINDOW)
    yield window
    window.close_document()


def test_the_welcome_screen_fits(laptop_window, qtbot):
    assert settled(qtbot, laptop_window) == []


@pytest.fixture
def language(request) -> Iterator[str]:
    """The interface language of the test; Chinese again afterwards."""
    app = create_application()
    set_language(app, request.param)
    yield request.param
    set_language(app, "zh_CN")


@pytest.fixture
def application(request, demo_file, tmp_path, forms):
    """The demo application, or a new empty one (every guidance panel open)."""
    path = tmp_path / "application.qdesk"
    if request.param == "demo":
        shutil.copy(demo_file, path)
    else:
        award = forms.award("suzhou-mayor")
        Document.create(
            path,
            award=award.id,
            award_version=award.version,
            framework=award.framework,
            year=2026,
            application_date=date(2026, 5, 15),
        ).close()
    return path


@pytest.mark.parametrize(
    ("language", "application"),
    [("zh_CN", "demo"), ("zh_CN", "empty"), ("en", "demo")],
    indirect=True,
)
@pytest.mark.slow
def test_every_step_fits_without_clipping_or_nested_scroll_bars(
    language, laptop_window, application, qtbot
):
    path = application
    english = laptop_window.menuBar().actions()[0].text() != "文件(&F)"
    assert english == (language == "en")
    assert laptop_window.open_path(path)
    view = laptop_window.view
    assert view is not None
    # the pages not shown on demand are built while idle; a layout settles between two builds
    qtbot.waitUntil(lambda: not view.building, timeout=60_000)
    found: dict[str, list[str]] = {}
    for key in view.keys:
        view.show_step(key)
        problems = settled(qtbot, laptop_window)
        if problems:
            found[key] = problems
    assert found == {}
    laptop_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is laptop_window)
    QTest.keyClick(laptop_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert laptop_window.find_bar.isVisible()
    assert settled(qtbot, laptop_window) == []  # with the find bar open


def test_the_window_reopens_at_its_remembered_size(forms, settings, messages, tmp_path, qtbot):
    first = MainWindow(forms, settings, messages)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(first.minimumSizeHint().expandedTo(QSize(700, 560)))
    assert first.close()
    second = MainWindow(forms, Settings(tmp_path / "settings"), messages)
    qtbot.addWidget(second)
    room = screen.available_geometry().marginsRemoved(screen.FRAME).size()
    assert second.size() == first.size().boundedTo(room)  # (the offscreen screen is small)
    assert second.height() == 560


# --- one scroll bar per page -------------------------------------------------------------------


def _open_step(window: MainWindow, path, key: str) -> QWidget:
    assert window.open_path(path)
    assert window.view is not None
    window.view.show_step(key)
    return window.view.pages[key]


def test_a_note_box_grows_with_its_text_and_the_panel_scrolls(
    laptop_window, demo_file, tmp_path, qtbot
):
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    page = _open_step(laptop_window, path, "item:4.1.2")
    note = page.score_panel.strengths
    before = note.height()
    commit_text(note, "第一条优势。" * 40)
    qtbot.waitUntil(lambda: note.height() > before)
    assert note.verticalScrollBar().maximum() == 0  # every line shows
    assert not note.verticalScrollBar().isVisible()
    bar = page.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: _cursor_in_view(note, page.scroll))
    assert bar.isVisible()


def _cursor_in_view(box: QPlainTextEdit | QTextEdit, scroll: QScrollArea) -> bool:
    rect = box.cursorRect()
    top = box.viewport().mapTo(scroll.viewport(), rect.topLeft())
    bottom = box.viewport().mapTo(scroll.viewport(), rect.bottomLeft())
    return scroll.viewport().rect().contains(top) and scroll.viewport().rect().contains(bottom)


def test_the_wheel_over_a_profile_section_scrolls_the_page(
    laptop_window, demo_file, tmp_path, qtbot
):
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    page = _open_step(laptop_window, path, "profile")
    assert settled(qtbot, laptop_window) == []
    editor = next(iter(page.editors.values())).editor
    assert not editor.verticalScrollBar().isVisible()
    bar = page.scroll.verticalScrollBar()
    assert bar.value() == 0
    spot = editor.mapTo(laptop_window, editor.rect().center())
    QTest.wheelEvent(laptop_window.windowHandle(), QPointF(spot), QPoint(0, -120))
    QApplication.processEvents()
    assert bar.value() > 0


def test_page_down_in_a_profile_section_moves_a_screen_not_to_its_end(
    laptop_window, demo_file, tmp_path, qtbot
):
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    page = _open_step(laptop_window, path, "profile")
    assert settled(qtbot, laptop_window) == []
    editor = next(iter(page.editors.values())).editor
    editor.setFocus()
    editor.insertPlainText("组织的环境。\n" * 80)  # taller than a screen
    qtbot.waitUntil(lambda: editor.height() > 2 * page.scroll.viewport().height())
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    bar = page.scroll.verticalScrollBar()
    bar.setValue(0)
    QTest.keyClick(editor, Qt.Key.Key_PageDown)
    screen_height = page.scroll.viewport().height()
    assert bar.value() == min(screen_height, bar.maximum())
    end = editor.document().characterCount() - 1
    assert 0 < editor.textCursor().position() < end
    qtbot.waitUntil(lambda: _cursor_in_view(editor, page.scroll))
    QTest.keyClick(editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().hasSelection()
    assert bar.value() == 0


# --- dialogs -----------------------------------------------------------------------------------


def _fits_laptop(qtbot, dialog: QWidget, fit: screen.Fit) -> None:
    """Lay ``dialog`` out at the size it gets on the laptop and check it."""
    assert fits(dialog.minimumSizeHint())
    size = screen.fitted_size(LAPTOP, fit)
    dialog.resize(size)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.size() == size
    assert settled(qtbot, dialog) == []


def test_the_programmes_browser_fits_and_remembers_its_size(
    laptop_window, forms, settings, qtbot, tmp_path
):
    dialog = laptop_window.menus.show_programmes()
    qtbot.waitExposed(dialog)
    assert screen.available_geometry().contains(dialog.frameGeometry())
    _fits_laptop(qtbot, dialog, screen.PROGRAMMES)
    dialog.resize(700, 500)
    dialog.close()
    assert not dialog.isVisible()
    again = laptop_window.menus.show_programmes()
    assert again.size() == QSize(700, 500)
    again.close()
    # a new run reads it from the settings file
    settings.sync()
    window = MainWindow(forms, Settings(tmp_path / "settings"), laptop_window.messages)
    qtbot.addWidget(window)
    third = window.menus.show_programmes()
    assert third.size() == QSize(700, 500)
    third.close()


def test_the_history_dialog_fits_and_remembers_its_size(laptop_window, demo_file, tmp_path, qtbot):
    path = tmp_path / "demo.qdesk"
    shutil.copy(demo_file, path)
    assert laptop_window.open_path(path)
    laptop_window.show_history()
    dialog = laptop_window.findChild(HistoryDialog)
    assert dialog is not None
    _fits_laptop(qtbot, dialog, screen.HISTORY)
    dialog.resize(660, 450)
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: laptop_window.findChild(HistoryDialog) is None)
    laptop_window.show_history()
    again = laptop_window.findChild(HistoryDialog)
    assert again.size() == QSize(660, 450)
    again.reject()


def test_the_new_application_wizard_fits_on_every_page(laptop_window, qtbot):
    laptop_window.new_application()
    wizard = laptop_window.findChild(QWizard)
    assert wizard is not None
    _fits_laptop(qtbot, wizard, screen.NEW_APPLICATION)
    wizard.next()
    commit_text(wizard.currentPage().org, "苏州新建测试有限公司")
    _fits_laptop(qtbot, wizard, screen.NEW_APPLICATION)
    wizard.next()
    assert wizard.currentId() == wizard.pageIds()[-1]
    _fits_laptop(qtbot, wizard, screen.NEW_APPLICATION)
    wizard.reject()


def test_the_about_box_fits(laptop_window, messages, qtbot):
    laptop_window.menus.show_about()
    _kind, title, text = messages.shown[-1]
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=laptop_window)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    hint = box.sizeHint()
    assert fits(hint)
    assert settled(qtbot, box) == []
    box.close()
