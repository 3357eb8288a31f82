"""申报通知: pick a published notice or enter this year's values; counters and checks use them."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qualitydesk.domain.forms import PART_IDS, load_forms
from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import PageContext, Status
from qualitydesk.ui.pages.item import ItemPage
from qualitydesk.ui.pages.notice import NoticePage
from tests.helpers.gui import commit_text, place


def _type(qtbot, widget, text: str) -> None:
    """Replace a line edit's or spin box's text by keyboard, as a user does."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def jiangsu(qapp, forms, messages):
    award = forms.award_for("jiangsu-governor")
    return PageContext(forms, award, forms.framework(award.framework), messages)


@pytest.fixture
def jiangsu_doc(tmp_path):
    doc = Document.create(
        tmp_path / "js.qdesk",
        award="jiangsu-governor",
        framework="gbt19580-2012",
        year=2025,
        application_date=date(2025, 5, 15),
    )
    yield doc
    doc.close()


def test_the_years_published_notice_is_shown_with_the_cycle_conflict(qtbot, jiangsu, jiangsu_doc):
    page = place(qtbot, NoticePage(jiangsu), jiangsu_doc)
    assert page.choice.currentData() == "2025"  # the application year's notice, not yet chosen
    assert page.status() == Status.NOT_STARTED
    holding = page.holding.text()
    assert "评选周期：每两年（申报通知；与办法的“每年”不一致" in holding
    assert "自评报告：参考值 50,000 字（按当年申报通知核对）\n" in holding
    assert "报送方式：经申报组织所在设区市质量发展委员会办公室推荐报送" in holding
    assert (
        "出处：2025年江苏省省长质量奖申报通知（二手资料整理，原文未能核对）" in page.details.text()
    )
    assert "申报条件（2025年申报通知）" in page.facts.text()


def test_choosing_no_notice_is_kept(qtbot, jiangsu, jiangsu_doc):
    page = place(qtbot, NoticePage(jiangsu), jiangsu_doc)
    page.choice.setFocus()
    with qtbot.waitSignal(page.changed):
        QTest.keyClick(page.choice, Qt.Key.Key_Up)  # the first entry: no published notice
    assert page.choice.currentData() == "none"
    assert "评选周期：每年" in page.holding.text()
    assert "不一致" not in page.holding.text()
    page.save(jiangsu_doc)
    jiangsu_doc.save()
    with Document.open(jiangsu_doc.path, read_only=True) as saved:
        assert saved.notice_value("choice") == "none"


def test_a_limit_entered_here_drives_the_item_counter_and_survives_reopening(
    qtbot, context, empty_doc
):
    page = place(qtbot, NoticePage(context), empty_doc)
    assert list(page.limits) == ["profile", "report"]
    with qtbot.waitSignal(page.changed):
        _type(qtbot, page.limits["report"], "20000")
    assert "自评报告：20,000 字（本年填写）" in page.holding.text()
    with qtbot.waitSignal(page.changed):
        _type(qtbot, page.deadline, "2026/6/30")
    assert page.deadline.text() == "2026-06-30"
    commit_text(page.channel, "苏州市市场监管局网上申报")
    page.save(empty_doc)
    empty_doc.save()
    assert page.status() == Status.DONE

    item = place(qtbot, ItemPage(context, "4.1.2"), empty_doc)
    with qtbot.waitSignal(item.editor.counted):
        commit_text(item.editor.editor, "领导作用")
    assert "自评报告合计 4 / 20,000 字" in item.counts_label.text()

    path = empty_doc.path
    empty_doc.close()
    with Document.open(path) as reopened:
        again = place(qtbot, NoticePage(context), reopened)
        assert again.limits["report"].value() == 20000
        assert again.deadline.text() == "2026-06-30"
        assert again.channel.text() == "苏州市市场监管局网上申报"
        assert reopened.user_notice().limits == {"report": 20000}


def test_a_wrong_deadline_is_an_error_and_not_kept(qtbot, context, empty_doc):
    page = place(qtbot, NoticePage(context), empty_doc)
    _type(qtbot, page.deadline, "2026-13-01")
    assert [i.severity for i in page.issues()] == ["error"]
    assert page.deadline_problem.isVisible()
    assert page.status() == Status.PROBLEM
    page.save(empty_doc)
    assert empty_doc.notice_value("deadline") == ""


def test_a_reference_limit_shows_as_a_suggestion_on_the_item_page(qtbot, context, demo_doc):
    item = place(qtbot, ItemPage(context, "4.1.2"), demo_doc)
    text = item.counts_label.text()
    assert "参考值 50,000 字（按当年申报通知核对）" in text
    assert " / 50,000" not in text


def test_a_shipped_notice_limit_reaches_the_page(qtbot, tmp_path, messages, empty_doc):
    import shutil
    from pathlib import Path

    root = tmp_path / "forms"
    shutil.copytree(Path(__file__).parents[2] / "forms", root)
    folder = root / "awards" / "suzhou-mayor" / "notices"
    folder.mkdir(parents=True)
    (folder / "2026.toml").write_text(
        'year = 2026\ntitle = "2026年申报通知（测试）"\nissuer = "评定办"\nsource = "测试"\n'
        '[[limits]]\npart = "report"\nlimit = 35000\n',
        encoding="utf-8",
    )
    forms = load_forms(root)
    award = forms.award("suzhou-mayor")
    context = PageContext(forms, award, forms.framework(award.framework), messages)
    assert set(PART_IDS) >= {p.id for p in award.parts}
    page = place(qtbot, NoticePage(context), empty_doc)
    assert "自评报告：35,000 字（申报通知：2026年申报通知（测试））" in page.holding.text()
    item = place(qtbot, ItemPage(context, "4.1.2"), empty_doc)
    assert "/ 35,000 字" in item.counts_label.text()
