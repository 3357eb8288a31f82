"""Whatever a user types exports; a failed or cancelled export changes nothing; preflight lists
what cannot be printed; exports run side by side in threads.
"""

from __future__ import annotations

import hashlib
import os
import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from qualitydesk.export import pdf as pdf_module
from qualitydesk.export.pdf import ExportCancelled, ExportError, export_pdf
from qualitydesk.export.preflight import unprintable
from qualitydesk.export.text import MISSING
from qualitydesk.store.document import Document
from tests.helpers.pdfcheck import (
    body_text,
    fonts_without_file,
    markdown_blocks,
    outline,
    squeeze,
)

PASTE = ("这是一段很长的粘贴文本，其中有标点、数字2024年和ISO 9001。" * 3000)[:100_000]
MARKUP = "<b>不是粗体</b> & <font name='Helvetica'>也不是字体</font> &amp; <para/> ]]> %s"
WIDE_TABLE = (
    "| " + " | ".join(f"第{i}列" for i in range(24)) + " |\n"
    "|" + "---|" * 24 + "\n"
    "| "
    + " | ".join("很长的单元格内容ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" for _ in range(24))
    + " |\n"
)


def _new(path: Path, **fields: str) -> Document:
    doc = Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )
    for key, value in fields.items():
        doc.set_field(key, value)
    return doc


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Document:
    """A document holding everything a user might type or paste."""
    doc = _new(
        tmp_path_factory.mktemp("hostile") / "hostile.qdesk",
        org_name="<b>苏州</b>&某某😀有限公司\u200b",
        main_products=PASTE[:10_000],  # the most a multi-line field holds (forms/limits.toml)
        contact_name="王𬭚",
    )
    doc.set_narrative(
        "4.1.2",
        f"钢𬭚铁与𠀀字，表情😀👍🏻，{MARKUP}\n\n"
        + "a" * 3000
        + "\n\n"
        + PASTE
        + "\n\n"
        + WIDE_TABLE,
    )
    doc.set_narrative("4.1.3", "| 只有一列 |\n|---|\n| " + PASTE[:20_000] + " |\n")
    doc.set_narrative("4.1.4", "零\u200b宽\u2060字\ufeff符")
    doc.set_profile(
        "B.1.1", "- 列表\n  - 嵌套\n\n> 引用\n\n```\n代码 <b>\n```\n\n---\n\n![图](http://x/y.png)"
    )
    doc.save()
    yield doc
    doc.close()


@pytest.fixture(scope="module")
def hostile_pdf(hostile, forms, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "hostile.pdf"
    export_pdf(hostile, forms, out)
    return out


@pytest.fixture(scope="module")
def hostile_read(hostile_pdf) -> tuple[PdfReader, str, list[float]]:
    """The hostile PDF: reader, body text, and the x position of every piece of text."""
    reader = PdfReader(hostile_pdf)
    xs: list[float] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            xs.append(cm[4] + tm[4] * cm[0])

    texts = [page.extract_text(visitor_text=visit) for page in reader.pages]
    return reader, body_text(reader, texts), xs


def test_anything_typed_exports(hostile_read):
    reader, _, _ = hostile_read
    assert len(reader.pages) > 60
    assert fonts_without_file(reader) == []


def test_markup_prints_as_typed(hostile_read):
    _, text, _ = hostile_read
    assert squeeze(MARKUP.replace("&amp;", "&")) in text  # Markdown reads &amp; as &
    assert squeeze("<b>苏州</b>&某某") in text


def test_paste_long_words_and_wide_tables_are_all_there(hostile_read):
    reader, text, xs = hostile_read
    assert "a" * 3000 in text
    assert squeeze(PASTE) in text
    for block in markdown_blocks(WIDE_TABLE):
        assert squeeze(block) in text
    width = float(reader.pages[0].mediabox.width)
    assert xs
    assert all(0 <= x <= width for x in xs)


def test_characters_beyond_the_bmp_extract_exactly(hostile_read):
    _, text, _ = hostile_read
    assert "钢𬭚铁" in text
    assert "王𬭚" in text


def test_missing_glyphs_print_as_geta_and_format_characters_vanish(hostile_read):
    _, text, _ = hostile_read
    assert f"与{MISSING}字，表情{MISSING}{MISSING}{MISSING}，" in text
    assert "零宽字符" in text
    assert "\u200b" not in text


def test_empty_sections_say_so(hostile_read):
    reader, text, _ = hostile_read
    assert "（未填写）" in text
    assert "（未添加证实性材料）" in text
    assert "（未填写关键绩效指标）" in text
    titles = [e.title for e in outline(reader)]
    assert "4.7.7 领导方面的结果" in titles


def test_a_new_empty_document_exports_both_kinds(tmp_path, forms):
    doc = _new(tmp_path / "empty.qdesk")
    try:
        for kind in ("package", "internal"):
            result = export_pdf(doc, forms, tmp_path / f"{kind}.pdf", kind=kind)
            assert result.pages == len(PdfReader(result.path).pages)
            assert result.size == result.path.stat().st_size
    finally:
        doc.close()


# --- preflight --------------------------------------------------------------------------------


def test_preflight_lists_each_unprintable_character_where_it_is(hostile, forms):
    problems = unprintable(hostile, forms)
    found = {(p.where, p.char) for p in problems}
    assert ("申请表 组织名称", "😀") in found
    assert ("自评报告 4.1.2", "𠀀") in found
    assert ("自评报告 4.1.2", "👍") in found
    assert ("自评报告 4.1.2", "🏻") in found
    assert all(p.char not in "\u200b\u2060\ufeff" for p in problems)  # removed, not reported
    assert all(p.char != "𬭚" for p in problems)  # in the 8105 list: printable
    emoji = next(p for p in problems if p.char == "😀")
    assert emoji.codepoint == "U+1F600"
    assert "申请表 组织名称" in emoji.message
    assert MISSING in emoji.message


def test_preflight_of_the_demo_is_clean(forms, tmp_path):
    from qualitydesk.store.demo import build_demo

    doc = build_demo(tmp_path / "demo.qdesk", forms)
    try:
        assert unprintable(doc, forms) == []
    finally:
        doc.close()


# --- failing, cancelling, writing -------------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def small(tmp_path, forms) -> Document:
    doc = _new(tmp_path / "small.qdesk", org_name="苏州某某有限公司")
    doc.set_narrative("4.1.2", "高层领导确定使命、愿景和价值观。")
    doc.save()
    yield doc
    doc.close()


def test_a_failing_export_leaves_the_previous_pdf_and_the_document(small, forms, monkeypatch):
    out = small.path.with_name("out.pdf")
    out.write_bytes(b"%PDF-1.4 previous export\n")
    before, document = _digest(out), _digest(small.path)

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("排版引擎出错")

    monkeypatch.setattr(pdf_module, "build", broken)
    with pytest.raises(ExportError, match="排版引擎出错"):
        export_pdf(small, forms, out, force=True)
    assert _digest(out) == before
    assert _digest(small.path) == document
    assert sorted(p.name for p in out.parent.iterdir() if p.suffix == ".part") == []


def test_a_failing_write_leaves_the_previous_pdf(small, forms, monkeypatch):
    out = small.path.with_name("out.pdf")
    out.write_bytes(b"%PDF-1.4 previous export\n")
    before = _digest(out)

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError, match="原有文件未改动"):
        export_pdf(small, forms, out, force=True)
    assert _digest(out) == before
    assert [p for p in out.parent.iterdir() if p.name.endswith(".part")] == []


def test_cancel_through_progress_writes_nothing(small, forms):
    out = small.path.with_name("out.pdf")
    out.write_bytes(b"%PDF-1.4 previous export\n")
    before = _digest(out)
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, message: str) -> bool:
        calls.append((done, total, message))
        return done < 30

    with pytest.raises(ExportCancelled):
        export_pdf(small, forms, out, progress=progress, force=True)
    assert _digest(out) == before
    assert calls
    assert all(total == 100 for _, total, _ in calls)
    assert [p for p in out.parent.iterdir() if p.name.endswith(".part")] == []


def test_progress_rises_to_the_end(small, forms):
    seen: list[int] = []
    result = export_pdf(
        small, forms, small.path.with_name("p.pdf"), progress=lambda d, t, m: seen.append(d) or True
    )
    assert seen == sorted(seen)
    assert seen[-1] == 100
    assert len(set(seen)) > 5
    assert result.pages >= 5


def test_bad_targets_are_refused_clearly(small, forms, tmp_path):
    with pytest.raises(ExportError, match="文件夹"):
        export_pdf(small, forms, tmp_path)
    with pytest.raises(ExportError, match="不存在"):
        export_pdf(small, forms, tmp_path / "missing" / "out.pdf")
    with pytest.raises(ExportError, match="申报文件本身"):
        export_pdf(small, forms, small.path)
    with pytest.raises(ExportError, match="package 或 internal"):
        export_pdf(small, forms, tmp_path / "x.pdf", kind="docx")


def test_exports_in_parallel_threads(small, forms, tmp_path):
    results: dict[int, object] = {}

    def run(n: int) -> None:
        try:
            results[n] = export_pdf(small, forms, tmp_path / f"t{n}.pdf", kind="internal")
        except Exception as exc:  # reported below
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pages = {n: getattr(r, "pages", r) for n, r in results.items()}
    assert len(set(pages.values())) == 1, pages
    for n in range(3):
        assert fonts_without_file(PdfReader(tmp_path / f"t{n}.pdf")) == []


# --- attachments of every kind ----------------------------------------------------------------


def _photo(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    image = Image.new("RGB", (width, height), (40, 120, 200))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=95)
    return out.getvalue()


def _landscape_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(842, 595)
    writer.add_blank_page(595, 842).rotate(90)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_attachments_of_any_kind_export_or_say_why(small, forms):
    small.add_attachment(_photo(5000, 3000), "现场照片.jpg", caption="大幅照片")
    small.add_attachment(_landscape_pdf(), "横向.pdf", caption="横向与旋转的页面")
    small.add_attachment(b"\x89PNG\r\n\x1a\n broken", "坏图.png", caption="损坏的图片")
    small.add_attachment(b"%PDF-1.4 broken", "坏文件.pdf", caption="损坏的PDF")
    small.add_attachment(b"PK\x03\x04 docx", "说明.docx", caption="Word 文件")
    out = small.path.with_name("attachments.pdf")
    result = export_pdf(small, forms, out)
    reader = PdfReader(out)
    text = body_text(reader, [page.extract_text() for page in reader.pages])
    assert "图片“坏图.png”无法读取" in text
    assert "PDF文件“坏文件.pdf”无法读取" in text
    assert "“说明.docx”" in text
    assert "请另附纸质件" in text
    titles = [e.title for e in outline(reader)]
    assert sum(t.startswith("附件") for t in titles) == 5
    assert result.size < 2 * 1024 * 1024  # the 15-megapixel photo was scaled for print


def test_charts_and_images_placed_in_narratives_are_numbered_by_item(small, forms):
    from qualitydesk.store.records import Indicator, Link

    small.put_indicator(
        Indicator("yield", "一次合格率", "%", "higher", "4.7.2", {2024: 98.5, 2025: 99.1}, 99.5)
    )
    picture = small.add_attachment(_photo(400, 300), "现场.jpg", links=(Link("item", "4.7.2"),))
    small.set_narrative(
        "4.7.2",
        "| 指标 | 值 |\n|---|---|\n| 合格率 | 99.1 |\n\n"
        "![合格率趋势](indicator:yield)\n\n"
        f"![检验现场](attachment:{picture.id})\n\n![外部图片](https://example.com/a.png)\n",
    )
    small.save()
    out = small.path.with_name("figures.pdf")
    export_pdf(small, forms, out)
    reader = PdfReader(out)
    text = body_text(reader, [page.extract_text() for page in reader.pages])
    assert "表4.7.2-1" in text
    assert "图4.7.2-1合格率趋势" in text
    assert "图4.7.2-2检验现场" in text
    assert "图4.7.2-3外部图片" in text
    assert "不在申报文件中" in text
    assert "表4.7.2-2关键绩效指标" in text  # the 关键绩效数据 table continues the item's count
    assert text.count("图4.7.2-1") == 2  # the chart keeps its number there
