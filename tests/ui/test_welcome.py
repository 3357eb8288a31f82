"""The welcome screen's recent files: what each is, a clear mark for a missing one, and reopening
on the step where the user left off.
"""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from qualitydesk.store.document import Document
from qualitydesk.ui.app import create_application
from qualitydesk.ui.settings import Settings
from qualitydesk.ui.welcome import PATH_ROLE, STATE_ROLE, WelcomeView
from tests.helpers.gui import open_window


def described(qtbot, welcome):
    """Wait until the recent files' details are read, and give their texts by path."""
    qtbot.waitUntil(
        lambda: all(
            welcome.recent.item(r).data(STATE_ROLE) != "reading"
            for r in range(welcome.recent.count())
        )
    )
    return {
        welcome.recent.item(r).data(PATH_ROLE): welcome.recent.item(r)
        for r in range(welcome.recent.count())
    }


def test_each_recent_file_shows_programme_year_organisation_and_last_save(qtbot, tmp_path, forms):
    create_application()
    doc = Document.create(
        tmp_path / "园区申报.qdesk",
        award="sip",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
        org_name="苏州测试科技有限公司",
    )
    doc.close()
    gone = tmp_path / "已删除.qdesk"
    text = tmp_path / "不是申报.qdesk"
    text.write_text("随便写的文字" * 40, encoding="utf-8")
    view = WelcomeView({a.id: a.name for a in forms.awards.values()})
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.recent_described):
        view.set_recent([str(doc.path), str(gone), str(text)])
    items = described(qtbot, view)

    first = items[str(doc.path)].text().splitlines()
    assert first[0] == "苏州工业园区质量奖 · 2026 年度 · 苏州测试科技有限公司"
    assert first[1].startswith("园区申报.qdesk")
    assert "最后保存 今天 " in first[1]

    missing = items[str(gone)]
    assert missing.data(STATE_ROLE) == "missing"
    assert "文件已不在" in missing.text()
    assert not missing.icon().isNull()

    assert items[str(text)].data(STATE_ROLE) == "unreadable"
    assert "无法读取" in items[str(text)].text()
    assert not doc.path.with_name(doc.path.name + ".lock").exists()  # read without the lock


def test_a_file_open_in_another_window_is_described_without_disturbing_it(qtbot, tmp_path, forms):
    create_application()
    doc = Document.create(
        tmp_path / "在编辑.qdesk",
        award="china-quality",
        framework="gbt19580-2012",
        year=2027,
        application_date=date(2027, 3, 1),
        org_name="正在编辑的公司",
    )
    try:
        view = WelcomeView({a.id: a.name for a in forms.awards.values()})
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.recent_described):
            view.set_recent([str(doc.path)])
        assert view.recent.item(0).text().startswith("中国质量奖 · 2027 年度 · 正在编辑的公司")
        doc.set_field("org_name", "改过的名称")
        doc.save()  # the writer was not blocked
    finally:
        doc.close()


@pytest.mark.slow
def test_recent_file_reopens_on_the_step_left(qtbot, forms, settings, messages, demo_copy):
    path = demo_copy
    window = open_window(qtbot, forms, settings, messages)
    assert window.open_path(path)
    window.view.show_step("item:4.2.2")
    assert window.close_document()

    items = described(qtbot, window.welcome)
    item = items[str(path.resolve())]
    assert item.text().startswith("苏州市市长质量奖 · 2026 年度 · 苏州澄远精密科技有限公司")
    window.welcome.recent.setFocus()
    window.welcome.recent.setCurrentItem(item)
    qtbot.keyClick(window.welcome.recent, Qt.Key.Key_Return)
    assert window.view is not None
    assert window.view.current_key == "item:4.2.2"

    # A later session (a new window on the same settings) opens on the step last shown.
    window.view.show_step("summary")
    window.close()
    later = open_window(qtbot, forms, Settings(path.parent / "settings"), messages)
    recent = described(qtbot, later.welcome)[str(path.resolve())]
    later.welcome.recent.setCurrentItem(recent)
    later.welcome.recent.setFocus()
    qtbot.keyClick(later.welcome.recent, Qt.Key.Key_Return)
    assert later.view.current_key == "summary"
    later.close_document()


@pytest.mark.parametrize("opened", ["demo", "damaged", "none"])
def test_a_file_opened_at_start_is_shown_without_the_welcome_screen(
    qtbot, forms, settings, *, messages, demo_copy, opened
):
    from qualitydesk.ui.shell.window import MainWindow

    create_application()
    window = MainWindow(forms, settings, messages)
    qtbot.addWidget(window)
    window.show()  # as `qualitydesk file.qdesk` starts: shown, then the file opened
    if opened == "damaged":
        demo_copy.write_bytes(b"not a database at all" * 20)
    if opened != "none":
        window.open_path(demo_copy)
    qtbot.waitExposed(window)
    if opened == "demo":  # the welcome screen is never made
        assert window._welcome is None
        assert window.central.currentWidget() is window.view
        window.close_document()
        assert window.central.currentWidget() is window.welcome  # made when first needed
    else:  # no file, or one that cannot be opened: the welcome screen, as soon as shown
        qtbot.waitUntil(lambda: window._welcome is not None)
        assert window.central.currentWidget() is window.welcome
        assert window.welcome.isVisible()
