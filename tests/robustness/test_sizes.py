"""Size guards: how much text each place may hold, enforced at paste, at load and before export.

A 50 MB paste froze the window for minutes and a 10 MB attachment title took the export past
8 GB. The bounds come from forms/ (limits.toml; a narrative holds at most ten times its part's
limit): a paste beyond them is refused at once with a notice, a dump holding more is refused at
load with the JSON path, and the export names the place and exits 2 instead of laying it out.
Lines refuse keys beyond their field's maximum; a value already longer is shown whole, never cut.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from qualitydesk.cli import main
from qualitydesk.domain.forms import FormsError, load_forms
from qualitydesk.domain.limits import max_chars
from qualitydesk.export.flowables import _Lines
from qualitydesk.export.pdf import export_pdf
from qualitydesk.export.preflight import oversized
from qualitydesk.store import interchange
from qualitydesk.store.document import Document
from qualitydesk.ui.app import create_application
from qualitydesk.ui.pages.base import PageContext
from qualitydesk.ui.pages.form import FormPage
from qualitydesk.ui.pages.item import ItemPage
from qualitydesk.ui.pages.preflight import PreflightPage
from qualitydesk.ui.pages.profile import ProfilePage
from qualitydesk.ui.settings import Settings
from qualitydesk.ui.shell.window import MainWindow
from qualitydesk.ui.widgets.link_editor import LinkEditor
from tests.helpers.gui import RecordingMessages, commit_text, place, show
from tests.helpers.pdfcheck import body_text, markdown_blocks, page_texts, squeeze

ITEM = "4.1.2"
SECTION = "B.1.1"
REPORT_MAX = 500_000  # 10 × the 50,000 字 of 苏州市市长质量奖's 自评报告
PROFILE_MAX = 30_000  # 10 × its 3,000 字 组织概述


@pytest.fixture
def context(qapp, forms):
    create_application()
    award = forms.award("suzhou-mayor")
    return PageContext(forms, award, forms.framework(award.framework), RecordingMessages())


@pytest.fixture
def doc(tmp_path):
    with Document.create(
        tmp_path / "sizes.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    ) as document:
        yield document


@pytest.fixture
def clipboard(qapp):
    """The system clipboard, emptied afterwards (a 50 MB text must not stay in memory)."""
    board = QApplication.clipboard()
    yield board
    board.clear()


def paste(board, widget, text: str, html: str | None = None) -> float:
    """Put ``text`` (and ``html``) on the clipboard, press Ctrl+V in ``widget``; the seconds."""
    mime = QMimeData()
    mime.setText(text)
    if html is not None:
        mime.setHtml(html)
    board.setMimeData(mime)
    widget.setFocus()
    start = time.perf_counter()
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return time.perf_counter() - start


# --- the bounds, from forms/ ----------------------------------------------------------------------


def test_a_narrative_may_hold_ten_times_its_parts_limit(forms):
    mayor = forms.award("suzhou-mayor")
    assert max_chars(forms, mayor, "report") == REPORT_MAX
    assert max_chars(forms, mayor, "profile") == PROFILE_MAX
    china = forms.award("china-quality")  # its 自评报告 has no 字数 limit
    assert china.part("report").limit is None
    assert max_chars(forms, china, "report") == forms.limits.narrative_default
    assert forms.limits.caption < forms.limits.field < forms.limits.multiline_field


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t + "caption_max = 3\n", "limits.toml: caption_max: 未知的键"),
        (lambda t: t.replace("caption = 200", "caption = 0"), "caption: 应不小于 1，实为 0"),
        (lambda t: re.sub(r"(?m)^field = 1000\n", "", t), "limits.toml: field: 缺少此项"),
        (lambda t: t.replace("file_name = 255", 'file_name = "255"'), "file_name: 应为整数"),
    ],
)
def test_the_limits_file_is_checked_like_every_forms_file(tmp_path, change, message):
    root = tmp_path / "forms"
    shutil.copytree(Path(__file__).parents[2] / "forms", root)
    limits = root / "limits.toml"
    limits.write_text(change(limits.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(FormsError, match=re.escape(message)):
        load_forms(root)


# --- paste ----------------------------------------------------------------------------------------


def test_a_50_mb_paste_is_refused_at_once_and_changes_nothing(qtbot, context, doc, clipboard):
    doc.set_narrative(ITEM, "原有的文字。\n")
    page = place(qtbot, ItemPage(context, ITEM), doc)
    editor = page.editor
    assert editor.editor.max_chars == REPORT_MAX
    text = "质量管理" * (50 * 2**20 // 12)  # 50 MB as UTF-8, as Word puts it with its HTML
    seconds = paste(clipboard, editor.editor, text, f"<html><body><p>{text}</p></body></html>")
    assert seconds < 5  # a sanity bound: it was more than 4 minutes
    assert editor.markdown() == "原有的文字。\n"
    assert not editor.is_modified()
    assert not editor.editor.document().isUndoAvailable()
    assert editor.notice.isVisible()
    assert editor.notice.text() == (
        f"粘贴的内容有 {len(text):,} 字，超过本项最多可容纳的 500,000 字，未粘贴。"
        "请分段粘贴或精简后再试。"
    )


def test_a_paste_up_to_the_maximum_is_accepted_and_one_beyond_it_refused(
    qtbot, context, doc, clipboard
):
    page = place(qtbot, ProfilePage(context), doc)
    editor = page.editors[SECTION]
    assert editor.editor.max_chars == PROFILE_MAX
    paste(clipboard, editor.editor, "概" * (PROFILE_MAX - 10))
    assert editor.markdown().strip() == "概" * (PROFILE_MAX - 10)
    assert not editor.notice.isVisible()

    paste(clipboard, editor.editor, "述" * 11)  # alone it is small; with the text, one too many
    assert editor.markdown().strip() == "概" * (PROFILE_MAX - 10)
    assert editor.notice.text() == (
        "粘贴后本项将有 30,001 字，超过最多可容纳的 30,000 字，未粘贴。请分段粘贴或精简后再试。"
    )
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    paste(clipboard, editor.editor, "述" * 10)  # exactly the maximum
    assert editor.markdown().strip() == "概" * (PROFILE_MAX - 10) + "述" * 10


def test_a_paste_replacing_a_selection_counts_what_it_replaces(qtbot, context, doc, clipboard):
    doc.set_profile(SECTION, "概" * (PROFILE_MAX - 5) + "\n")
    page = place(qtbot, ProfilePage(context), doc)
    edit = page.editors[SECTION].editor
    edit.selectAll()
    paste(clipboard, edit, "新" * PROFILE_MAX)
    assert page.editors[SECTION].markdown().strip() == "新" * PROFILE_MAX


# --- lines and cells ------------------------------------------------------------------------------


def test_every_field_and_cell_has_its_maximum(qtbot, context, doc):
    limits = context.forms.limits
    page = FormPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    show(qtbot, page, doc)
    lines = multiline = 0
    for spec in context.forms.form.for_award(context.award).fields:  # the organisation's form
        widget = page.editors[spec.id].input
        if isinstance(widget, QLineEdit):
            assert widget.maxLength() == limits.field, spec.id
            lines += 1
        elif isinstance(widget, QPlainTextEdit):
            assert widget.max_length == limits.multiline_field, spec.id
            multiline += 1
    assert lines > 20
    assert multiline >= 3
    cells = 0
    for editor in page.tables.values():
        if not editor.table.rowCount():
            editor.add_row()
        for col, column in enumerate(editor.spec.columns):
            if column.type == "choice":
                continue
            editor.table.setFocus()
            editor.table.setCurrentCell(0, col)
            QTest.keyClick(editor.table, Qt.Key.Key_F2)
            cell = QApplication.focusWidget()
            assert isinstance(cell, QLineEdit), (editor.spec.id, column.id)
            assert cell.maxLength() == limits.table_cell
            QTest.keyClick(cell, Qt.Key.Key_Escape)
            cells += 1
    assert cells > 15


def test_a_longer_value_from_an_older_file_is_shown_whole(qtbot, context, doc):
    doc.set_field("org_name", "名" * 600)
    doc.set_rows("certifications", [{"standard": "ISO 9001", "scope": "范" * 2500}])
    page = FormPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    show(qtbot, page, doc)
    assert page.editors["org_name"].input.text() == "名" * 600
    assert page.editors["org_name"].value() == "名" * 600
    table = page.tables["certifications"]
    col = [c.id for c in table.spec.columns].index("scope")
    table.table.setFocus()
    table.table.setCurrentCell(0, col)
    QTest.keyClick(table.table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    assert cell.text() == "范" * 2500
    QTest.keyClick(cell, Qt.Key.Key_Return)
    assert table.rows()[0]["scope"] == "范" * 2500


def test_a_multiline_field_refuses_a_paste_beyond_its_maximum(qtbot, context, doc, clipboard):
    page = FormPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    show(qtbot, page, doc)
    field = page.editors["main_products"]
    paste(clipboard, field.input, "品" * (context.forms.limits.multiline_field + 1))
    assert field.value() == ""
    assert field.message.isVisible()
    assert "超过最多可容纳的 10,000 字，未粘贴" in field.message.text()
    commit_text(field.input, "精密齿轮")
    assert field.value() == "精密齿轮"
    assert not field.message.isVisible()


def test_an_attachment_title_holds_at_most_its_maximum(qtbot, context):
    editor = LinkEditor(context)
    qtbot.addWidget(editor)
    assert editor.caption.maxLength() == context.forms.limits.caption


# --- load -----------------------------------------------------------------------------------------


def test_a_dump_with_an_oversized_narrative_or_caption_is_refused_at_load(
    tmp_path, demo_file, capsys
):
    with Document.open(demo_file, read_only=True) as demo:
        data = interchange.dump(demo)
    data["narratives"][ITEM] = "质" * (REPORT_MAX + 1)
    data["attachments"][0]["caption"] = "题" * 201
    folder = tmp_path / "in"
    folder.mkdir()
    source = folder / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = folder / "out.qdesk"
    assert main(["load", str(source), str(target)]) == 2
    err = capsys.readouterr().err
    assert '$.narratives["4.1.2"]：有 500,001 字，超过本项最多可容纳的 500,000 字' in err
    assert "$.attachments[0].caption：有 201 字，超过本项最多可容纳的 200 字" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in folder.iterdir()) == ["in.json"]


# --- preflight and export -------------------------------------------------------------------------


def test_preflight_lists_an_oversized_part_and_leads_to_it(qtbot, context, doc):
    doc.set_narrative(ITEM, "质" * (REPORT_MAX + 1))
    doc.set_profile(SECTION, "概" * PROFILE_MAX)  # at the maximum: fine
    found = oversized(doc, context.forms)
    assert [(p.where, p.size, p.maximum) for p in found] == [
        ("自评报告 4.1.2", REPORT_MAX + 1, REPORT_MAX)
    ]
    page = PreflightPage(context)
    qtbot.addWidget(page)
    page.load(doc)
    root = page.problems.invisibleRootItem()
    groups = {root.child(i).text(0): root.child(i) for i in range(root.childCount())}
    entry = groups["内容过长"].child(0)
    assert entry.text(0) == "自评报告 4.1.2 有 500,001 字，超过本项最多可容纳的 500,000 字"
    with qtbot.waitSignal(page.navigate) as signal:
        page.problems.itemActivated.emit(entry, 0)
    assert signal.args == [f"item:{ITEM}", "narrative"]


@pytest.mark.slow
def test_exporting_an_oversized_document_exits_2_naming_each_place(tmp_path, demo_file, capsys):
    path = tmp_path / "big.qdesk"
    shutil.copy(demo_file, path)
    with Document.open(path) as big:
        big.set_narrative(ITEM, "质" * (REPORT_MAX + 1))
        big.update_attachment(big.attachments()[0].id, caption="题" * 10_000_000)
        big.save()
    out = tmp_path / "big.pdf"
    start = time.perf_counter()
    assert main(["export", str(path), "-o", str(out)]) == 2
    assert time.perf_counter() - start < 10  # a sanity bound: it ran > 180 s and > 8.6 GB
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "自评报告 4.1.2 有 500,001 字，超过本项最多可容纳的 500,000 字" in captured.err
    assert "附件1（business-licence.png）的标题 有 10,000,000 字" in captured.err
    assert not out.exists()
    assert main(["check", str(path)]) == 1  # 检查 says so too
    assert "[过长] 自评报告 4.1.2 有 500,001 字" in capsys.readouterr().out


def test_the_window_says_why_it_does_not_export(qtbot, forms, tmp_path, demo_file):
    path = tmp_path / "long.qdesk"
    shutil.copy(demo_file, path)
    with Document.open(path) as long:
        long.set_profile(SECTION, "概" * (PROFILE_MAX + 1))
        long.save()
    messages = RecordingMessages()
    create_application()
    window = MainWindow(forms, Settings(tmp_path / "settings"), messages)
    qtbot.addWidget(window)
    window.show()
    window.open_path(path)
    out = tmp_path / "申报材料.pdf"
    messages.files.append(str(out))
    window.view.show_step("preflight")
    page = window.view.pages["preflight"]
    assert any("组织概述 B.1.1 有 30,001 字" in issue.message for issue in page.issues())
    page.buttons["package"].click()
    qtbot.waitUntil(lambda: any(m[0] == "warning" for m in messages.shown), timeout=30000)
    _, title, text = messages.shown[-1]
    assert title == "导出失败"
    assert "组织概述 B.1.1 有 30,001 字，超过本项最多可容纳的 30,000 字" in text
    assert not out.exists()
    window.close_document()


# --- layout in linear time, and still exact ---------------------------------------------------


def test_a_page_of_a_long_paragraph_holds_only_its_own_lines():
    lines = list(range(10))
    view = _Lines(lines, 3, 7)  # type: ignore[arg-type]
    assert len(view) == 4
    assert list(view) == [3, 4, 5, 6]
    assert (view[0], view[-1], view[1:3]) == (3, 6, [4, 5])
    with pytest.raises(IndexError):
        view[4]


@pytest.mark.slow
def test_a_paragraph_of_many_lines_and_runs_over_many_pages_prints_exactly(tmp_path, doc, forms):
    # pasted from a PDF: every line a soft break; bold words make many runs of two fonts
    lines = [
        f"第{n}行写的是**质量**改进 ISO 9001:2015 的要求，共计 {n * 7} 项。" for n in range(900)
    ]
    narrative = "\n".join(lines) + "\n"
    doc.set_narrative(ITEM, narrative)
    doc.save()
    out = tmp_path / "long.pdf"
    result = export_pdf(doc, forms, out)
    assert result.pages > 20
    reader = PdfReader(out)
    text = body_text(reader, page_texts(reader))
    assert squeeze(markdown_blocks(narrative)[0]) in text


def test_a_table_of_many_rows_prints_every_row_once_under_its_header(tmp_path, doc, forms):
    rows = "".join(f"| {n} | 第{n}项指标说明 |\n" for n in range(1, 401))
    doc.set_narrative(ITEM, "| 序号 | 说明 |\n|---|---|\n" + rows)
    doc.save()
    out = tmp_path / "table.pdf"
    export_pdf(doc, forms, out)
    reader = PdfReader(out)
    pages = [squeeze(t) for t in page_texts(reader)]
    with_rows = [t for t in pages if "项指标说明" in t]
    assert len(with_rows) >= 8
    assert all("序号说明" in t for t in with_rows)  # the header repeats on every page
    text = "".join(with_rows)
    found = [int(n) for n in re.findall(r"(\d+)第\1项指标说明", text)]
    assert found == list(range(1, 401))
