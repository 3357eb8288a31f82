"""Importing a Word application by its headings: the plan, the Markdown, refusals, applying it."""

import difflib
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document as new_word  # noqa: N813 (a factory function)
from markdown_it import MarkdownIt

from qualitydesk.store import wordfile, wordimport
from qualitydesk.store.document import Document
from qualitydesk.store.records import Link
from qualitydesk.store.wordimport import APPEND, REPLACE, WordImportError, read_plan
from tests.helpers.word_files import TEXT_BOX, bold_application, png, styled_application

FRAMEWORK = "gbt19580-2012"


@pytest.fixture
def framework(forms):
    return forms.framework(FRAMEWORK)


@pytest.fixture(scope="module")
def demo_docx(demo_file, forms, tmp_path_factory):
    """The demo application exported to Word by QualityDesk's own export (made once)."""
    export = pytest.importorskip("qualitydesk.export.docx", reason="the Word export is not there")
    out = tmp_path_factory.mktemp("word") / "demo.docx"
    with Document.open(demo_file, read_only=True) as demo:
        export.export_docx(demo, forms, out)
    return out


def text_of(markdown: str) -> str:
    """What a narrative reads as (every text, tables included), without whitespace."""
    parts = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
    return "".join("".join(parts).split())


def sections(plan):
    return {s.heading: s for s in plan.sections}


# --- the plan ---------------------------------------------------------------------------------


def test_heading_styles_find_the_items_and_say_what_was_left_out(tmp_path, framework):
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    found = sections(plan)
    assert plan.targets() == ["4.1.2", "4.1.3"]
    assert found["4.1.2 高层领导的作用"].matched_by == "编号和标题"
    assert found["4.1 领导（110分）"].target is None  # a category's own text: left out
    assert found["附件清单"].target is None
    ignored = "；".join(plan.ignored)
    for part in (
        "封面",
        "目录（3 行）",
        "页眉和页脚（2 处）",
        f"文本框 1 个（共 {len(TEXT_BOX)} 字）",
        "脚注和尾注 1 个",
    ):
        assert part in ignored
    text = plan.text("4.1.2")
    assert TEXT_BOX not in text
    assert "申报单位" not in text
    assert "沟通渠道\t3" not in text


def test_the_narrative_keeps_paragraphs_lists_tables_bold_and_italic(tmp_path, framework):
    text = read_plan(styled_application(tmp_path / "a.docx"), framework).text("4.1.2")
    assert "高层领导包括**董事长“沈建平**”和*总经理*。" in text  # closes before “”
    assert "### a) 确定方向" in text
    assert "- 愿景：跻身第一梯队\n- 价值观：诚信、精准\n1. 每年评审一次\n2. 每季度通报" in text
    assert "| 渠道 | 频次 | 覆盖 |\n|---|---|---|\n| 职代会 | 每年1次 | 96人 |" in text
    assert "全员\\|含子公司" in text  # a | in a cell stays text
    assert "\n沟通渠道\n" in text  # the 表题 without its number: the program numbers tables
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<strong>董事长“沈建平</strong>" in html
    assert "<em>总经理</em>" in html
    assert html.count("<li>") == 4
    assert "<table>" in html


def test_text_that_looks_like_markup_stays_text(tmp_path, framework):
    text = read_plan(styled_application(tmp_path / "a.docx"), framework).text("4.1.3")
    assert text_of(text) == "公司按《公司法》建立治理结构。1.这不是列表，*也不是强调*。"
    assert "<em>" not in MarkdownIt("commonmark").render(text)


def test_line_breaks_and_quotes_are_kept(tmp_path, framework):
    word = new_word()
    word.add_heading("4.1.2 高层领导的作用", 2)
    lines = word.add_paragraph("第一行")
    lines.runs[0].add_break()  # Shift+Enter in Word
    lines.add_run("# 第二行")
    word.add_paragraph("质量是企业的生命。", style="Quote")
    word.save(tmp_path / "q.docx")
    text = read_plan(tmp_path / "q.docx", framework).text("4.1.2")
    assert text == "第一行\\\n\\# 第二行\n\n> 质量是企业的生命。\n"


def test_bold_numbered_paragraphs_with_chinese_numbering(tmp_path, framework):
    plan = read_plan(bold_application(tmp_path / "b.docx"), framework)
    assert plan.targets() == ["4.1.2", "4.1.3", "4.2.2"]
    item = plan.text("4.1.2")
    assert "**1. 确定方向**" in item
    assert "每年修订一次战略地图" in item
    assert sections(plan)["（二）组织治理"].matched_by == "标题"
    assert "**战略**\n\n战略委员会每季度开会。" in plan.text("4.1.3")  # not the category 4.2
    assert plan.ignored == ["封面及第一个标题之前的内容（1 段）"]


def test_a_heading_found_by_its_place_among_the_categorys_items(tmp_path, framework):
    word = new_word()
    word.add_heading("一、领导", 1)
    word.add_heading("（一）高层领导", 2)  # neither number nor title: the first item of 4.1
    word.add_paragraph("领导作用的内容。")
    word.add_heading("（三）社会责任与公益", 2)
    word.add_paragraph("社会责任的内容。")
    word.save(tmp_path / "c.docx")
    plan = read_plan(tmp_path / "c.docx", framework)
    assert [(s.target, s.matched_by) for s in plan.sections] == [
        ("4.1.2", "顺序"),
        ("4.1.4", "标题"),
    ]


def test_a_picture_becomes_evidence_placed_in_the_text_with_its_caption(tmp_path, framework):
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    [image] = plan.images
    assert image.caption == "组织架构图"
    assert image.media_type == "image/png"
    assert "![组织架构图](wordimage:0)" in plan.text("4.1.2")
    assert "图1" not in plan.text("4.1.2")
    assert sections(plan)["4.1.2 高层领导的作用"].images == [0]


def test_the_plan_table_says_what_happens(tmp_path, framework, new_doc):
    doc = new_doc()
    doc.set_narrative("4.1.3", "已有的治理内容。")
    doc.save()
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    plan.choose_modes(doc)
    rows = wordimport.plan_rows(plan, doc, framework)
    assert rows[1][:2] == ("4.1.2 高层领导的作用", "4.1.2 高层领导的作用")
    assert [r[4] for r in rows] == ["不导入", "新填", "跳过（已有内容）", "不导入"]
    assert rows[1][3] == "1"


# --- applying ---------------------------------------------------------------------------------


def test_apply_fills_empty_items_and_skips_filled_ones_unless_told(tmp_path, framework, new_doc):
    doc = new_doc()
    doc.set_narrative("4.1.3", "已有的治理内容。")
    doc.save()
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    plan.choose_modes(doc)
    result = wordimport.apply(plan, doc)
    assert result.written == {"4.1.2": wordimport.FILL}
    assert result.skipped == ["4.1.3"]
    assert doc.narrative("4.1.3") == "已有的治理内容。"
    plan.modes["4.1.3"] = APPEND
    wordimport.apply(plan, doc)
    assert doc.narrative("4.1.3").startswith("已有的治理内容。\n\n公司按《公司法》")
    plan.modes["4.1.3"] = REPLACE
    wordimport.apply(plan, doc)
    assert doc.narrative("4.1.3").startswith("公司按《公司法》")


def test_pictures_are_stored_once_linked_to_the_item_and_placed(tmp_path, framework, new_doc):
    doc = new_doc()
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    plan.choose_modes(doc)
    result = wordimport.apply(plan, doc)
    [attachment] = doc.attachments()
    assert attachment.links == (Link("item", "4.1.2"),)
    assert attachment.caption == "组织架构图"
    assert doc.attachment_data(attachment.id) == png()
    assert f"![组织架构图](attachment:{attachment.id})" in doc.narrative("4.1.2")
    assert (result.attachments, result.placed) == (1, 1)
    plan.modes["4.1.2"] = REPLACE
    again = wordimport.apply(plan, doc)  # importing again reuses the stored picture
    assert again.attachments == 0
    assert len(doc.attachments()) == 1


def test_one_save_and_every_replaced_text_restorable(tmp_path, framework, new_doc, clock):
    doc = new_doc()
    doc.set_narrative("4.1.2", "我刚写的内容。")
    doc.save()
    clock.advance(seconds=30)  # within the minutes that merge typing into one version
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    plan.choose_modes(doc, REPLACE)
    wordimport.apply(plan, doc)
    imported = doc.history("narrative")
    assert {r.key for r in imported[:2]} == {"4.1.2", "4.1.3"}
    assert imported[0].at == imported[1].at  # one save
    before = next(r for r in doc.history("narrative", "4.1.2") if r.value == "我刚写的内容。")
    doc.restore(before.id)
    doc.save()
    assert doc.narrative("4.1.2") == "我刚写的内容。"


def test_a_text_older_than_the_history_gets_a_version_before_it_is_replaced(
    tmp_path, framework, new_doc
):
    doc = new_doc()
    doc.set_narrative("4.1.2", "旧文件里的内容。")
    doc.save()
    doc.db["history"].delete_where()  # as in a file from before the history was kept
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    plan.choose_modes(doc, REPLACE)
    wordimport.apply(plan, doc)
    assert "旧文件里的内容。" in [r.value for r in doc.history("narrative", "4.1.2")]


def test_nothing_is_written_to_a_read_only_document(tmp_path, framework, new_doc):
    path = new_doc().path
    plan = read_plan(styled_application(tmp_path / "a.docx"), framework)
    with (
        Document.open(path, read_only=True) as reader,
        pytest.raises(WordImportError, match="只读"),
    ):
        wordimport.apply(plan, reader)


# --- a colleague's section coming back --------------------------------------------------------


def section_copy(path: Path, doc: Document, item: str, text: str) -> Path:
    word = new_word()
    word.core_properties.subject = item
    word.core_properties.identifier = wordimport.application_id(doc)
    word.add_paragraph("请在下面修改，改好后发回。")
    word.add_heading("4.1.2 高层领导的作用", 3)
    word.add_paragraph(text)
    word.save(path)
    return path


def test_an_exported_section_goes_back_into_its_item_with_its_difference(
    tmp_path, framework, new_doc
):
    doc = new_doc()
    doc.set_narrative("4.1.2", "第一段。\n\n第二段。\n")
    doc.save()
    copy = section_copy(tmp_path / "s.docx", doc, "4.1.2", "第一段，同事改过。")
    plan = read_plan(copy, framework)
    assert plan.marker_target == "4.1.2"
    assert plan.warnings(doc) == []
    plan.choose_modes(doc)
    assert plan.mode("4.1.2") == REPLACE  # its own item: the copy is its new text
    diff = wordimport.diff_lines(plan, doc, "4.1.2")
    assert "-第一段。" in diff
    assert "+第一段，同事改过。" in diff
    wordimport.apply(plan, doc)
    assert doc.narrative("4.1.2").startswith("请在下面修改")  # text before the heading is kept
    assert doc.narrative("4.1.2").endswith("第一段，同事改过。\n")


def test_a_section_from_another_application_is_flagged(tmp_path, framework, new_doc):
    doc, other = new_doc("a.qdesk"), new_doc("b.qdesk")
    other.put_setting("created", "2020-01-01T00:00:00+08:00")
    plan = read_plan(section_copy(tmp_path / "s.docx", other, "4.1.2", "内容"), framework)
    assert "另一份申报文件" in plan.warnings(doc)[0]


@pytest.mark.slow
def test_the_exported_demo_comes_back_whole(demo_docx, demo_file, tmp_path, framework, forms):
    """Round trip: demo → Word (H13's export) → import into a new file → the same 23 items."""
    plan = read_plan(demo_docx, framework)
    target = Document.create(
        tmp_path / "new.qdesk",
        award="suzhou-mayor",
        framework=FRAMEWORK,
        year=2026,
        application_date=Document.open(demo_file, read_only=True).application_date,
    )
    with target:
        plan.choose_modes(target)
        wordimport.apply(plan, target)
        with Document.open(demo_file, read_only=True) as demo:
            total = same = 0
            for item in framework.items:
                a, b = text_of(demo.narrative(item.id)), text_of(target.narrative(item.id))
                matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
                total += len(a)
                same += sum(block.size for block in matcher.get_matching_blocks())
                assert demo.narrative(item.id).count("|---") == target.narrative(item.id).count(
                    "|---"
                ), item.id  # every table
            assert same / total >= 0.99
            for section in framework.profile.sections:
                assert text_of(target.profile(section.id)) == text_of(demo.profile(section.id))
    assert len(plan.targets()) == len(framework.items) + len(framework.profile.sections)


# --- refusals: nothing is written -------------------------------------------------------------


def ole(*streams: str) -> bytes:
    """Enough of an OLE compound file to be recognised: its signature and directory names."""
    names = b"".join(s.encode("utf-16-le") + b"\0\0" for s in streams)
    return wordfile.OLE + b"\0" * 504 + names + b"\0" * 512


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (ole("EncryptedInfo", "EncryptedPackage"), "locked.docx", "打开密码"),
        (b"just some notes\n", "notes.docx", "纯文本文件"),
        (b"", "empty.docx", "空的"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 40, "picture.docx", "不是 Word 文档"),
    ],
)
def test_files_that_are_not_readable_word_are_refused(tmp_path, framework, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WordImportError, match=message) as refused:
        read_plan(path, framework)
    assert str(path) in str(refused.value)


def test_a_damaged_docx_is_refused(tmp_path, framework):
    whole = styled_application(tmp_path / "a.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(WordImportError, match="已损坏"):
        read_plan(broken, framework)


def test_a_workbook_renamed_docx_is_refused(tmp_path, framework):
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(WordImportError, match="Excel"):
        read_plan(path, framework)


def test_a_file_at_the_size_limit_is_refused_before_it_is_read(tmp_path, framework):
    path = styled_application(tmp_path / "a.docx")
    with pytest.raises(WordImportError, match="超过"):
        read_plan(path, framework, max_bytes=path.stat().st_size)


def test_an_old_word_file_without_libreoffice_says_to_save_as_docx(
    tmp_path, framework, monkeypatch
):
    monkeypatch.setattr(wordfile, "find_soffice", lambda: None)
    path = tmp_path / "old.doc"
    path.write_bytes(ole("WordDocument", "1Table"))
    with pytest.raises(WordImportError, match=r"请先用 Word 或 WPS 另存为 \.docx"):
        read_plan(path, framework)


# --- LibreOffice for the old formats ----------------------------------------------------------


def fake_soffice(tmp_path: Path, body: str) -> str:
    """A stand-in for soffice: a Python script run with the same arguments."""
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\nimport sys, shutil, time, pathlib\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in is a script with a #! line")
def test_an_old_word_file_is_converted_by_libreoffice_in_a_temporary_folder(
    tmp_path, framework, monkeypatch
):
    converted = bold_application(tmp_path / "converted.docx")
    soffice = fake_soffice(
        tmp_path,
        "out = pathlib.Path(sys.argv[sys.argv.index('--outdir') + 1])\n"
        "out.mkdir(parents=True, exist_ok=True)\n"
        f"shutil.copy({str(converted)!r}, out / 'input.docx')",
    )
    monkeypatch.setattr(wordfile, "find_soffice", lambda: soffice)
    path = tmp_path / "old.wps"
    path.write_bytes(ole("WordDocument"))
    plan = read_plan(path, framework)
    assert plan.targets() == ["4.1.2", "4.1.3", "4.2.2"]
    assert "LibreOffice" in plan.notes[0]


@pytest.mark.skipif(os.name != "posix", reason="the stand-in is a script with a #! line")
def test_a_conversion_that_hangs_is_stopped(tmp_path, monkeypatch):
    soffice = fake_soffice(tmp_path, "time.sleep(30)")
    path = tmp_path / "old.doc"
    path.write_bytes(ole("WordDocument"))
    with pytest.raises(WordImportError, match="超过 1 秒"):
        wordfile.open_word(path, soffice=soffice, timeout=1)


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
<office:automatic-styles>
 <style:style style:name="B" style:family="paragraph">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
</office:automatic-styles>
<office:body><office:text>
 <text:p>苏州澄远液压科技有限公司</text:p>
 <text:p text:style-name="B">4.1.2 高层领导的作用</text:p>
 <text:p>高层领导把六项职责写入工作规范。</text:p>
 <table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>
  <table:table-row><table:table-cell><text:p>渠道</text:p></table:table-cell>
   <table:table-cell><text:p>频次</text:p></table:table-cell></table:table-row>
  <table:table-row><table:table-cell><text:p>职代会</text:p></table:table-cell>
   <table:table-cell><text:p>每年1次</text:p></table:table-cell></table:table-row>
 </table:table>
 <text:p><draw:frame draw:name="pic" svg:width="2cm" svg:height="1cm"><draw:image
  xlink:href="Pictures/p.png" xlink:type="simple"/></draw:frame></text:p>
 <text:p><draw:frame draw:name="box" svg:width="4cm" svg:height="1cm"><draw:text-box>
  <text:p>文本框里的说明文字</text:p></draw:text-box></draw:frame></text:p>
 <text:p text:style-name="B">4.1.3 组织治理</text:p>
 <text:p>董事会下设三个专门委员会。</text:p>
</office:text></office:body></office:document-content>
"""
ODT_STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:master-styles><style:master-page style:name="Standard">
 <style:header><text:p>自评报告页眉</text:p></style:header>
</style:master-page></office:master-styles></office:document-styles>
"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="Pictures/p.png" manifest:media-type="image/png"/>
</manifest:manifest>
"""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH")
@pytest.mark.slow
def test_a_document_written_by_libreoffice_is_read(tmp_path, framework):
    """An .odt (bold numbered paragraphs, a table, a picture, a text box, a header) converted by
    the real LibreOffice.
    """
    path = tmp_path / "report.odt"
    with zipfile.ZipFile(path, "w") as odt:
        odt.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text"
        )  # stored first, uncompressed
        odt.writestr("content.xml", ODT_CONTENT, zipfile.ZIP_DEFLATED)
        odt.writestr("styles.xml", ODT_STYLES, zipfile.ZIP_DEFLATED)
        odt.writestr("META-INF/manifest.xml", ODT_MANIFEST, zipfile.ZIP_DEFLATED)
        odt.writestr("Pictures/p.png", png(), zipfile.ZIP_DEFLATED)
    plan = read_plan(path, framework)
    assert plan.targets() == ["4.1.2", "4.1.3"]
    text = plan.text("4.1.2")
    assert "| 渠道 | 频次 |" in text
    assert "![图](wordimage:0)" in text  # a picture without a caption still has an alt text
    assert TEXT_BOX not in text
    assert any("文本框" in line for line in plan.ignored)
    assert any("页眉" in line for line in plan.ignored)


# --- the command line -------------------------------------------------------------------------


def test_the_command_prints_the_plan_and_writes_only_without_dry_run(tmp_path, capsys):
    from qualitydesk import cli

    path = tmp_path / "app.qdesk"
    assert cli.main(["new", str(path), "--award", "suzhou-mayor"]) == 0
    docx = styled_application(tmp_path / "a.docx")
    assert cli.main(["import-docx", str(path), str(docx), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "4.1.2 高层领导的作用  4.1.2 高层领导的作用" in out
    assert "新填" in out
    assert "未导入：目录（3 行）" in out
    assert "试运行" in out
    with Document.open(path, read_only=True) as doc:
        assert doc.narratives() == {}
    assert cli.main(["import-docx", str(path), str(docx)]) == 0
    assert "已导入 2 项" in capsys.readouterr().out
    assert cli.main(["import-docx", str(path), str(docx), "--mode", "append"]) == 0
    with Document.open(path, read_only=True) as doc:
        assert doc.narrative("4.1.3").count("公司按《公司法》") == 2
    bad = tmp_path / "notes.docx"
    bad.write_text("not word")
    assert cli.main(["import-docx", str(path), str(bad)]) == 2
    assert "纯文本文件" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH")
@pytest.mark.slow
def test_an_old_word_file_is_read_through_the_real_libreoffice(tmp_path, framework):
    """A .doc (Word 97–2003) made by LibreOffice from a .docx comes back with its items."""
    source = bold_application(tmp_path / "b.docx")
    profile = (tmp_path / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path / "doc"), str(source)], check=True, timeout=120
    )
    plan = read_plan(tmp_path / "doc" / "b.doc", framework)
    assert plan.targets() == ["4.1.2", "4.1.3", "4.2.2"]
    assert "已由 LibreOffice 转换" in plan.notes[0]
