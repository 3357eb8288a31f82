"""An item of the 自评报告: narrative, live counts, score panel, links — through real widgets."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPlainTextEdit, QSpinBox, QTextEdit

from qualitydesk.store.document import Document
from qualitydesk.store.readiness import limits
from qualitydesk.store.records import Link
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.item import ItemPage
from tests.helpers.gui import commit_text, place


def _page(qtbot, context, doc, item_id):
    return place(qtbot, ItemPage(context, item_id), doc)


@pytest.fixture
def empty_page(qtbot, context, empty_doc):
    return _page(qtbot, context, empty_doc, "4.1.2")


def test_typing_a_narrative_counts_live_and_is_saved(empty_page, empty_doc, qtbot):
    page = empty_page
    assert page.key == "item:4.1.2"
    assert page.title == "4.1.2 高层领导的作用"
    assert page.status() == Status.NOT_STARTED
    assert {i.anchor for i in page.issues()} == {"narrative", "score"}
    assert "本项 0 字" in page.counts_label.text()
    with qtbot.waitSignal(page.changed), qtbot.waitSignal(page.editor.counted):
        commit_text(page.editor.editor, "高层领导每季度主持经营分析会。")
    assert "本项 15 字" in page.counts_label.text()
    assert (  # the 50,000 字 is the program's suggestion, not the programme's rule
        "自评报告合计 15 字（含图 0 幅，每幅按 300 字计） · 参考值 50,000 字（按当年申报通知核对）"
        in page.counts_label.text()
    )
    assert [i.anchor for i in page.issues()] == ["score"]
    assert page.status() == Status.IN_PROGRESS

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        assert saved.narrative("4.1.2") == "高层领导每季度主持经营分析会。\n"
        assert saved.score("4.1.2") is None


def test_choosing_a_band_and_stepping_by_keyboard_stores_the_score(
    empty_page, empty_doc, context, qtbot
):
    page = empty_page
    assert not page.score_panel.pct.isEnabled()
    page.score_panel.band.setFocus()
    with qtbot.waitSignal(page.changed):
        for _ in range(4):  # 未评分 → 0–5 → 10–25 → 30–45 → 50–65
            qtbot.keyClick(page.score_panel.band, Qt.Key.Key_Down)
    band = page.score_panel.chosen_band()
    assert band.name == "50%–65%"
    assert page.score_panel.pct.isEnabled()
    assert page.score_panel.pct.value() == 50
    assert band.factors["A"] in page.score_panel.descriptors["A"].text()
    page.score_panel.pct.setFocus()
    qtbot.keyClick(page.score_panel.pct, Qt.Key.Key_Up)
    assert page.score_panel.pct.value() == 55
    assert page.score_panel.points_label.text() == "27.5 / 50 分"
    qtbot.keyClick(page.score_panel.pct, Qt.Key.Key_Up)
    qtbot.keyClick(page.score_panel.pct, Qt.Key.Key_Up)
    qtbot.keyClick(page.score_panel.pct, Qt.Key.Key_Up)
    assert page.score_panel.pct.value() == 65  # the top of the band

    commit_text(page.score_panel.notes["A"], "职责写入制度")
    commit_text(page.score_panel.notes["L"], "每年评审改进")
    commit_text(page.score_panel.strengths, "文化认知度高")
    commit_text(page.score_panel.opportunities, "360度评估未覆盖中层")
    assert page.issues()[0].anchor == "narrative"

    page.save(empty_doc)
    empty_doc.save()
    with Document.open(empty_doc.path, read_only=True) as saved:
        score = saved.score("4.1.2")
    assert score.pct == 65
    assert dict(score.notes) == {"A": "职责写入制度", "L": "每年评审改进"}
    assert score.strengths == "文化认知度高"
    assert score.opportunities == "360度评估未覆盖中层"
    assert score.scored_at  # stamped by the document

    page.score_panel.band.setFocus()
    qtbot.keyClick(page.score_panel.band, Qt.Key.Key_Home)
    assert page.score_panel.chosen_band() is None
    page.save(empty_doc)
    assert empty_doc.score("4.1.2") is None


def test_percentages_off_the_step_are_rounded(empty_page, qtbot):
    page = empty_page
    page.score_panel.band.setCurrentIndex(3)  # 30%–45%
    page.score_panel.pct.setFocus()
    page.score_panel.pct.lineEdit().selectAll()
    QTest.keyClicks(page.score_panel.pct, "37")
    qtbot.keyClick(page.score_panel.pct, Qt.Key.Key_Return)
    assert page.score_panel.pct.value() == 35


def test_demo_item_shows_its_saved_score(qtbot, context, demo_doc):
    page = _page(qtbot, context, demo_doc, "4.1.2")
    saved = demo_doc.score("4.1.2")
    assert page.score_panel.band.currentText() == "70%–85%"
    assert page.score_panel.pct.value() == saved.pct == 70
    assert page.score_panel.points_label.text() == "35 / 50 分"
    assert page.score_panel.notes["A"].toPlainText() == saved.notes["A"]
    assert page.score_panel.strengths.toPlainText() == saved.strengths
    assert page.score_panel.opportunities.toPlainText() == saved.opportunities
    assert page.status() == Status.DONE
    assert not page.guidance.is_expanded()  # written already: the prompts fold away
    page.save(demo_doc)
    assert not demo_doc.pending  # looking changes nothing

    page.score_panel.pct.setFocus()
    qtbot.keyClick(page.score_panel.pct, Qt.Key.Key_Up)
    page.save(demo_doc)
    changed = demo_doc.score("4.1.2")
    assert changed.pct == 75
    assert (changed.assessor, changed.scored_at) == (saved.assessor, saved.scored_at)
    assert changed.notes == saved.notes


def test_report_total_counts_figures_as_the_programme_says(qtbot, context, demo_doc, forms):
    page = _page(qtbot, context, demo_doc, "4.7.2")
    report = next(c for c in limits(demo_doc, forms, context.award) if c.part == "report")
    expected = (
        f"{report.count:,} 字（含图 {report.figures} 幅，每幅按 300 字计） · 参考值 50,000 字"
    )
    assert expected in page.counts_label.text()
    assert page.report_total() == (report.count, report.figures)
    assert "、图" not in page.counts_label.text()  # its two tables count as their text

    page.editor.editor.moveCursor(page.editor.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(page.editor.counted):
        page.editor.insert_table(2, 2)
    assert page.report_total() == (report.count, report.figures)  # a table is no 300-字 figure
    commit_text(page.editor.editor, "合格率")  # in its first cell
    qtbot.waitUntil(lambda: page.report_total() == (report.count + 3, report.figures))
    assert f"{report.count + 3:,} 字（含图" in page.counts_label.text()

    demo_doc.set_limit("report", report.count)  # this year's notice: the report as it was
    page.load(demo_doc)
    assert page.counts_label.property("over") is True
    assert "已超出" in page.counts_label.text()


def test_links_open_the_attachment_and_the_indicator(qtbot, context, demo_doc):
    attachment = demo_doc.add_attachment(
        b"%PDF-1.4 demo", "质量月报.pdf", caption="2025年质量月报", links=(Link("item", "4.7.2"),)
    )
    page = _page(qtbot, context, demo_doc, "4.7.2")
    assert page.links.attachments.count() == 1
    assert page.links.attachments.item(0).text() == "2025年质量月报"
    names = [page.links.indicators.item(r).text() for r in range(page.links.indicators.count())]
    assert names[0] == "产品一次交检合格率（%）"
    assert len(names) == 3

    page.scroll.ensureWidgetVisible(page.links.attachments)
    rect = page.links.attachments.visualItemRect(page.links.attachments.item(0))
    with qtbot.waitSignal(page.navigate) as opened:
        qtbot.mouseClick(
            page.links.attachments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert opened.args == ["evidence", str(attachment.id)]

    page.scroll.ensureWidgetVisible(page.links.indicators)
    rect = page.links.indicators.visualItemRect(page.links.indicators.item(1))
    with qtbot.waitSignal(page.navigate) as opened:
        qtbot.mouseClick(
            page.links.indicators.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert opened.args == ["indicators", "external-failure-cost-rate"]

    other = _page(qtbot, context, demo_doc, "4.1.2")
    assert other.links.attachments.isHidden()
    assert other.links.no_attachments.isVisible()


def test_focus_anchor_reaches_the_score_and_the_narrative(empty_page, qtbot):
    empty_page.focus_anchor("score")
    qtbot.waitUntil(empty_page.score_panel.band.hasFocus)
    empty_page.focus_anchor("narrative")
    qtbot.waitUntil(empty_page.editor.editor.hasFocus)


def test_loading_again_keeps_the_editor_when_the_text_is_unchanged(empty_page, empty_doc):
    commit_text(empty_page.editor.editor, "第一段")
    empty_page.save(empty_doc)
    empty_page.load(empty_doc)  # the window loads a page again each time it is shown
    assert empty_page.editor.undo_action.isEnabled()
    empty_doc.set_narrative("4.1.2", "别处恢复的版本\n")
    empty_page.load(empty_doc)
    assert empty_page.editor.markdown() == "别处恢复的版本\n"


def test_every_input_has_a_name_and_a_label(empty_page):
    page = empty_page
    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    inputs = [
        w
        for kind in (QComboBox, QSpinBox, QPlainTextEdit, QListWidget)
        for w in page.findChildren(kind)
        if w.window() is page  # not the table-size chooser in the toolbar's menu
    ]
    assert len(inputs) >= 10
    for widget in inputs:
        assert widget.accessibleName(), widget
        assert widget in buddies, widget.accessibleName()
    assert page.editor in buddies
    editor = next(e for e in page.findChildren(QTextEdit) if not e.isReadOnly())
    assert editor is page.editor.editor
    assert editor.accessibleName() == "4.1.2 自评内容"


def test_unscored_programmes_hide_the_score_panel(qtbot, forms, messages, empty_doc):
    from qualitydesk.ui.pages.base import PageContext

    award = forms.award("china-quality")
    context = PageContext(forms, award, forms.framework(award.framework), messages)
    page = _page(qtbot, context, empty_doc, "4.1.2")
    assert page.score_panel.isHidden()
    assert [i.anchor for i in page.issues()] == ["narrative"]


def test_tab_order_follows_the_page(empty_page, qtbot):
    page = empty_page
    page.score_panel.band.setCurrentIndex(4)
    page.guidance.toggle.setFocus()
    expected = [
        page.editor.editor,
        page.score_panel.band,
        page.score_panel.pct,
        page.score_panel.notes["A"],
    ]
    for widget in expected:
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is widget


def test_a_trend_chart_can_be_placed_in_the_narrative(qtbot, context, demo_doc, forms):
    page = _page(qtbot, context, demo_doc, "4.7.2")
    (before,) = [c for c in limits(demo_doc, forms, context.award) if c.part == "report"]
    menu = page.links.insert_chart.menu()
    names = [a.text() for a in menu.actions()]
    assert names == ["产品一次交检合格率", "外部质量损失率", "三包期内现场故障率"]  # 4.7.2's own
    figures_in_item = page.editor.counts()[1]
    page.editor.editor.moveCursor(page.editor.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(page.changed):
        menu.actions()[names.index("产品一次交检合格率")].trigger()
    assert page.editor.counts()[1] == figures_in_item + 1
    page.save(demo_doc)
    demo_doc.save()
    chart = "![产品一次交检合格率](indicator:first-pass-yield)"
    text, found, rest = demo_doc.narrative("4.7.2").partition(chart)
    assert (found, rest) == (chart, "\n")  # a paragraph of its own, at the end
    assert text.endswith("相应的改进已列入2026年行动计划。\n\n")
    (after,) = [c for c in limits(demo_doc, forms, context.award) if c.part == "report"]
    assert after.figures == before.figures + 1  # 含图表: the chart counts as a figure
    image = page.figures.figure("indicator", "first-pass-yield")
    assert (image.width(), image.height()) == (560, 300)  # the size a chart is placed at
    assert page.figures.figure("indicator", "no-such-indicator") is None
