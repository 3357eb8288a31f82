"""The narrative editor: Markdown in and out, formatting by keyboard and toolbar, pastes, counts."""

import pytest
from markdown_it import MarkdownIt
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest

from qualitydesk.domain.textmetrics import count, markdown_text
from qualitydesk.store.demo import demo_root
from qualitydesk.ui.app import create_application
from qualitydesk.ui.widgets.guidance import Guidance
from qualitydesk.ui.widgets.html_paste import clean_html
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit
from tests.helpers.gui import commit_text

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal {font-family:宋体; color:#1F3864; mso-style-parent:"";}</style>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
</head><body lang=ZH-CN>
<p class=MsoNormal><span style='font-family:宋体;color:red;font-size:14pt'>第一段，
<b>质量方针</b>是精于微米。</span><o:p></o:p></p>
<p class=MsoNormal>第二段。</p>
<ul><li>顾客满意度</li><li>一次交检合格率</li></ul>
<p class=MsoListParagraph style='text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]>
<span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span><![endif]>Word 列表一<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]>
<span style='font-family:Symbol'>·<span>&nbsp;</span></span><![endif]>Word 列表二</p>
<table border=1 style='border-collapse:collapse'><tr><td><p>指标</p></td><td>2025年</td></tr>
<tr><td>合格率</td><td>99.46%</td></tr></table>
<p><![if !vml]><img width=200 src="file:///C:/clip_image001.png"><![endif]>图后文字</p>
</body></html>"""


@pytest.fixture
def edit(qtbot, qapp):
    create_application()
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _demo_texts():
    root = demo_root()
    for folder in ("narratives", "profile"):
        for entry in sorted(root.joinpath(folder).iterdir(), key=lambda e: e.name):
            yield entry.name, entry.read_text(encoding="utf-8")


def _words(markdown: str) -> str:
    return "".join(markdown_text(markdown)[0].split())


def test_demo_narratives_survive_a_round_trip(edit):
    texts = list(_demo_texts())
    assert len(texts) == 28
    for name, source in texts:
        edit.set_markdown(source)
        written = edit.markdown()
        assert _words(written) == _words(source), name
        assert markdown_text(written)[1] == markdown_text(source)[1], name
        edit.set_markdown(written)
        assert edit.markdown() == written, name  # stable: loading and saving changes nothing
        counts, figures = edit.counts()
        text, expected_figures = markdown_text(source)
        assert (counts, figures) == (count(text), expected_figures), name
    assert not edit.is_modified()


def test_long_chinese_lines_are_not_wrapped_or_cut(edit):
    # Qt's own toMarkdown wraps at 80 columns and drops the character at the wrap.
    sentence = "公司建立了覆盖全员的质量责任制，" * 20
    edit.set_markdown(sentence)
    assert edit.markdown() == sentence + "\n"


def test_bold_by_keyboard(edit, qtbot):
    edit.editor.setFocus()
    QTest.keyClicks(edit.editor, "ISO 9001")
    qtbot.keyClick(edit.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.markdown() == "**ISO 9001**\n"
    assert edit.bold_action.isChecked()
    qtbot.keyClick(edit.editor, Qt.Key.Key_End)
    qtbot.keyClick(edit.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(edit.editor, " ok")
    assert edit.markdown() == "**ISO 9001** ok\n"


def test_bold_chinese_ending_in_punctuation_stays_bold_in_commonmark(edit):
    cursor = edit.editor.textCursor()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText("产品与提供方式。", bold)
    cursor.insertText("2025年收入占比", QTextCharFormat())
    markdown = edit.markdown()
    assert markdown == "**产品与提供方式**。2025年收入占比\n"
    assert "<strong>产品与提供方式</strong>" in MarkdownIt("commonmark").render(markdown)


@pytest.mark.parametrize(
    "runs",
    [
        [("1", "b"), (" ", "bi"), ("a", ""), ("*", "b")],
        [(".）”b]", "i"), ("；、精", "b"), ("<].>质-*“", "bi")],
        [("；\u2028*#-b>", "b"), ("*!：\u2028。针微!", "i"), (" \u2028", "")],
        [("“优秀供应商”", "b"), ("称号", "")],
    ],
)
def test_tricky_emphasis_never_changes_the_words(edit, runs):
    cursor = edit.editor.textCursor()
    for text, style in runs:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if "b" in style else QFont.Weight.Normal)
        fmt.setFontItalic("i" in style)
        cursor.insertText(text, fmt)
    markdown = edit.markdown()
    written = "".join(text for text, _ in runs)
    assert _words(markdown) == "".join(written.replace("\u2028", "").split())
    edit.set_markdown(markdown)
    assert "".join(edit.editor.toPlainText().split()) == "".join(written.split())


def test_lists_and_headings_from_the_toolbar(edit, qtbot):
    commit_text(edit.editor, "主要做法")
    qtbot.mouseClick(edit.toolbar.widgetForAction(edit.heading_action), Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit.editor, Qt.Key.Key_Return)
    assert not edit.heading_action.isChecked()
    commit_text(edit.editor, "顾客满意度测量")
    qtbot.mouseClick(edit.toolbar.widgetForAction(edit.bullet_action), Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit.editor, Qt.Key.Key_Return)
    commit_text(edit.editor, "投诉处理")
    assert edit.markdown() == "### 主要做法\n\n- 顾客满意度测量\n- 投诉处理\n"
    qtbot.mouseClick(edit.toolbar.widgetForAction(edit.number_action), Qt.MouseButton.LeftButton)
    assert edit.markdown() == "### 主要做法\n\n1. 顾客满意度测量\n2. 投诉处理\n"
    qtbot.mouseClick(edit.toolbar.widgetForAction(edit.number_action), Qt.MouseButton.LeftButton)
    assert edit.markdown() == "### 主要做法\n\n1. 顾客满意度测量\n\n投诉处理\n"
    edit.undo_action.trigger()
    assert "2. 投诉处理" in edit.markdown()


def test_text_that_looks_like_markup_is_escaped(edit, qtbot):
    lines = ["1. 不是列表 *也不是强调* | 不是表格 # 号", "- 也不是列表", "# 不是标题", "---"]
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(edit.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        commit_text(edit.editor, line)
    markdown = edit.markdown()
    assert markdown_text(markdown)[0] == "\n".join(lines) + "\n"
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    for tag in ("<ol>", "<ul>", "<em>", "<h1>", "<hr", "<table>"):
        assert tag not in html
    assert html.count("<br />") == 3


def test_insert_table_and_move_between_cells_with_tab(edit, qtbot):
    commit_text(edit.editor, "对比如下")
    edit.table_rows.setValue(2)
    edit.table_columns.setValue(2)
    edit.insert_table(edit.table_rows.value(), edit.table_columns.value())
    for text in ("指标", "2025年", "合格率", "99.46%"):
        commit_text(edit.editor, text)
        qtbot.keyClick(edit.editor, Qt.Key.Key_Tab)  # in the last cell: a new row, as in Word
    commit_text(edit.editor, "损失率")
    qtbot.keyClick(edit.editor, Qt.Key.Key_Backtab)
    commit_text(edit.editor, "+")
    assert edit.markdown() == (
        "对比如下\n\n| 指标 | 2025年 |\n| --- | --- |\n| 合格率 | +99.46% |\n| 损失率 |  |\n"
    )
    counts, figures = edit.counts()
    # A table counts as its text, as in Word (not as a figure): 对比如下 | 指标 年 2025 |
    # 合格率 +99.46% | 损失率
    assert (counts.words, figures) == (4 + (2 + 1 + 1) + (3 + 1) + 3, 0)


def test_html_paste_keeps_paragraphs_lists_and_tables_but_no_styles(edit, qtbot):
    mime = QMimeData()
    mime.setHtml(
        "<p>第一段</p><p>第二段</p><ul><li>甲</li><li>乙</li></ul>"
        "<table><tr><th>指标</th><th>2025年</th></tr><tr><td>合格率</td><td>99%</td></tr></table>"
    )
    with qtbot.waitSignal(edit.edited):
        edit.editor.insertFromMimeData(mime)
    markdown = edit.markdown()
    assert "第一段\n\n第二段" in markdown
    assert "- 甲\n- 乙" in markdown
    assert "| 指标 | 2025年 |\n| --- | --- |\n| 合格率 | 99% |" in markdown
    assert edit.notice.isHidden()
    edit.undo_action.trigger()  # the paste is one step
    assert edit.markdown() == ""


def test_word_paste_keeps_its_lists_and_drops_fonts_colours_and_images(edit, qtbot):
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    mime.setText("plain fallback")
    edit.editor.insertFromMimeData(mime)
    markdown = edit.markdown()
    assert "第一段，**质量方针**是精于微米。" in markdown  # Word's source line wraps are no spaces
    assert "- 顾客满意度\n- 一次交检合格率" in markdown
    assert "- Word 列表一\n- Word 列表二" in markdown
    assert "| 指标 | 2025年 |" in markdown
    assert "图后文字" in markdown
    for noise in ("宋体", "color", "Symbol", "·", "mso", "img", "plain fallback"):
        assert noise not in markdown
    assert edit.notice.isVisible()
    assert "1 张图片" in edit.notice.text()


def test_clean_html_finds_word_numbered_lists():
    source = (
        "<p style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span>&nbsp;"
        "</span></span><![endif]>第一步</p>\n"
        "<p style='mso-list:l1 level2 lfo2'><![if !supportLists]><span>a)</span><![endif]>细节</p>"
        "<p style='mso-list:l1 level1 lfo2'><![if !supportLists]>2.<![endif]>第二步</p>"
    )
    cleaned, images = clean_html(source)
    assert cleaned == "<ol><li>第一步</li><ol><li>细节</li></ol><li>第二步</li></ol>"
    assert images == 0


def test_image_only_paste_is_dropped_with_a_note(edit):
    from PySide6.QtGui import QImage

    mime = QMimeData()
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0)
    mime.setImageData(image)
    assert edit.editor.canInsertFromMimeData(mime)
    edit.editor.insertFromMimeData(mime)
    assert edit.markdown() == ""
    assert "证实性材料" in edit.notice.text()


def test_chinese_input_is_an_edit_loading_is_not(edit, qtbot):
    with qtbot.assertNotEmitted(edit.edited):
        edit.set_markdown("# 标题\n\n已有内容")
    assert not edit.is_modified()
    assert not edit.undo_action.isEnabled()
    edit.editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(edit.edited), qtbot.waitSignal(edit.counted) as counted:
        commit_text(edit.editor, "，补充说明")
    counts, figures = counted.args
    assert counts.hanzi == len("标题已有内容补充说明")
    assert figures == 0
    assert edit.is_modified()
    assert edit.undo_action.isEnabled()
    assert edit.markdown() == "# 标题\n\n已有内容，补充说明\n"


def test_toolbar_is_named_for_screen_readers(edit):
    names = {
        edit.toolbar.widgetForAction(a).accessibleName()
        for a in edit.toolbar.actions()
        if edit.toolbar.widgetForAction(a) is not None and a.text()
    }
    assert {"加粗（Ctrl+B）", "项目符号列表（Ctrl+Shift+8）", "撤销（Ctrl+Z）"} <= names
    assert edit.table_button.accessibleName() == "插入表格"
    edit.set_accessible_name("4.1.2 自评内容")
    assert edit.editor.accessibleName() == "4.1.2 自评内容"


def test_guidance_folds_away(qtbot, qapp):
    guidance = Guidance(("问题一？", "问题二？"))
    qtbot.addWidget(guidance)
    guidance.show()
    assert guidance.body.text() == "1. 问题一？\n2. 问题二？"
    assert guidance.body.isVisible()
    qtbot.mouseClick(guidance.toggle, Qt.MouseButton.LeftButton)
    assert not guidance.body.isVisible()
    assert not guidance.is_expanded()
