"""Export an editable Word copy (.docx): the whole package, or one item or category for a colleague.

:func:`export_docx` is what the command line (``qualitydesk export FILE -o OUT.docx``) and the GUI
(文件 → 导出 Word 副本) call. Like the PDF export it only reads the document, writes through a
temporary file (:mod:`qualitydesk.store.safewrite`) and may run in a background thread with
``progress(done, total, message)``; returning False cancels.

The copy has the PDF package's content in the same order (:mod:`~qualitydesk.export.wordparts`):
cover, 目录 (a Word TOC field), 申请表 as Word tables, 资格自查与承诺, 组织概述, 自评报告,
关键绩效数据 with the charts as 300-dpi pictures, the 证实性材料 list (the files are not
embedded), 推荐意见.
Styles are the ones a Chinese office expects: 宋体 小四 body text at 1.5 lines, 黑体 headings in
Word's built-in heading styles (标题 1–3 in a Chinese Word, so the navigation pane and the 目录
work), A4 with a 10 mm gutter on the binding side, page numbers in the footer.

The marker: where a copy came from
==================================
The Word import (:mod:`qualitydesk.store.wordimport`) reads these to put an edited copy back;
this is the contract between the two (also in the project notes as docx-marker.md).

Core document properties (``docProps/core.xml``, python-docx ``document.core_properties``):

- ``identifier`` — ``"qualitydesk:" + APPLICATION_ID`` where APPLICATION_ID is the application
  file's ``created`` stamp (``Document.meta["created"]``, e.g. ``2026-05-15T09:30:12+08:00``): it
  is set once when the file is made and never changes, whatever the file is renamed to. A .docx
  whose identifier does not start with ``qualitydesk:`` was not exported by QualityDesk.
- ``subject`` — what the copy holds: ``""`` the whole package; ``"4.1.2"`` one scored item;
  ``"4.1"`` one category (its items follow under their own headings); ``"profile:B.1.1"`` one
  section of the 组织概述.
- ``category`` — ``"QualityDesk 申报材料"`` (package) or ``"QualityDesk 分项"`` (one section).
- ``comments`` — for people: the application file's path and name when exported, and how to
  bring the copy back. ``title`` — the programme and section; ``author`` — the organisation;
  ``keywords`` — award name, standard, year; ``created`` / ``modified`` — the export's time.

In the body:

- Items are paragraphs in style ``Heading 3`` whose text is the clause number, one space and the
  framework's name (``4.1.2 组织治理``); categories are ``Heading 2`` (``4.1 领导``), parts
  ``Heading 1`` (``自评报告``). 组织概述 sections are ``Heading 3`` (``B.1.1 组织的环境``) under
  ``Heading 2`` groups (``B.1 组织描述``). An item's narrative is everything after its heading
  up to the next ``Heading 1``–``3``. Only headings under the parts 组织概述 and 自评报告 hold
  narratives: the ``Heading 2`` titles of 关键绩效数据 (``4.7.2 产品和服务结果``) head
  indicator tables and charts, not the item's text.
- Headings inside a narrative are ``Heading 4`` and below (the narrative's top Markdown level
  is ``Heading 4``, one level deeper is ``Heading 5`` …).
- Lists: ``List Bullet`` / ``List Number`` (nesting: ``List Bullet 2`` …, ``List Continue`` for
  further paragraphs of an item); tables: Word tables whose first row is the header row
  (``w:tblHeader``), with their 表题 (``表4.1.2-1``) in a ``Caption`` paragraph above.
- Pictures: the alternative text (``wp:docPr/@descr``) is the Markdown image source
  (``indicator:first-pass-yield``, ``attachment:3``), the 图题 below in ``Caption``
  (``图4.7.2-1 标题``). Figure and table numbers are the program's: the import drops them.
- Not content: paragraphs in style ``QualityDesk 说明`` (the note at the top of a per-section
  copy), the 目录 (a TOC field; its entries are in styles ``toc 1``–``toc 3``), and paragraphs
  in style ``注释`` that say a part is empty (``（未填写）``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from qualitydesk import __version__
from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.forms import Forms, FormsError, Framework
from qualitydesk.export import wordparts, wordxml
from qualitydesk.export.book import Book
from qualitydesk.export.graphics import trend_drawing
from qualitydesk.export.layout import TEXT_WIDTH
from qualitydesk.export.markdown import CHART_HEIGHT
from qualitydesk.export.pdf import ExportCancelled, ExportError, Progress, _Reporter
from qualitydesk.export.raster import DPI, drawing_png
from qualitydesk.export.wordparts import COVER, INTRO, SUBTITLE, WordBook
from qualitydesk.export.wordtext import (
    CAPTION,
    CELL,
    CODE,
    HEAD_CELL,
    NOTE,
    QUOTE,
    Figure,
    WordText,
)
from qualitydesk.store import safewrite
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.safewrite import WriteError

__all__ = ["DocxResult", "ExportCancelled", "ExportError", "Scope", "export_docx", "scope_of"]

MARKER_PREFIX = "qualitydesk:"
SERIF_LATIN, SERIF_CJK = "Times New Roman", "宋体"
SANS_LATIN, SANS_CJK = "Arial", "黑体"
BODY_PT = 12.0  # 小四
HEADING_PT = {1: 18.0, 2: 15.0, 3: 13.5, 4: 12.0, 5: 12.0, 6: 12.0}
HEADING_SPACE = {1: (6, 16), 2: (12, 8), 3: (10, 6), 4: (6, 3), 5: (6, 3), 6: (6, 3)}
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x4D, 0x4D, 0x4D)
LIST_STEP_PT = 24.0  # one list level: two characters


@dataclass(frozen=True)
class Scope:
    """What a copy holds: the whole package, or one item, category or 组织概述 section."""

    kind: str  # "package" | "item" | "category" | "profile"
    id: str = ""
    title: str = ""  # "4.1.2 组织治理"

    @property
    def subject(self) -> str:
        """The marker in the core properties' subject (see the module docstring)."""
        if self.kind == "package":
            return ""
        return f"profile:{self.id}" if self.kind == "profile" else self.id


@dataclass(frozen=True)
class DocxResult:
    path: Path
    size: int
    scope: Scope
    notes: tuple[str, ...] = ()  # attachments that could not be shown, and why


def scope_of(framework: Framework, item: str | None = None, category: str | None = None) -> Scope:
    """The scope for ``--item`` (a scored item or a 组织概述 section) or ``--category``."""
    if item and category:
        raise ExportError("--item 和 --category 只能给出一个")
    if category:
        for c in framework.categories:
            if c.id == category:
                return Scope("category", c.id, f"{c.id} {c.name}")
        known = "、".join(c.id for c in framework.categories)
        raise ExportError(f"没有类目“{category}”；本申报的类目是 {known}")
    if item:
        wanted = item.removeprefix("profile:")
        for i in framework.items:
            if i.id == wanted:
                return Scope("item", i.id, f"{i.id} {i.name}")
        for s in framework.profile.sections:
            if s.id == wanted:
                return Scope("profile", s.id, f"{s.id} {s.name}")
        known = "、".join(i.id for i in framework.items)
        raise ExportError(
            f"没有评分项“{item}”；本申报的评分项是 {known}（组织概述章节如 "
            f"{framework.profile.sections[0].id} 也可以）"
        )
    return Scope("package")


def export_docx(
    doc: Document,
    forms: Forms,
    out: Path,
    *,
    item: str | None = None,
    category: str | None = None,
    double_sided: bool = False,
    progress: Progress | None = None,
    force: bool = False,
) -> DocxResult:
    """Write the Word copy of ``doc`` to ``out``: the package, or the one ``item`` / ``category``.

    ``out`` is never the document or another application file; an existing file is replaced
    only with ``force``. Raises :class:`ExportError` with a Chinese message on any failure.
    """
    reporter = _Reporter(progress)
    try:
        target = safewrite.check_target(Path(out), source=doc.path, force=force)
        framework = forms.framework_for(forms.award_for(doc.award_id, doc.applicant))
        scope = scope_of(framework, item, category)
        reporter.report(0, "正在准备内容")
        book = Book(doc, forms, check=_stepper(reporter))
        word = build(book, scope, double_sided=double_sided)
        reporter.report(92, "正在写入文件")
        data = io.BytesIO()
        word.save(data)
        safewrite.write_bytes(target, data.getvalue(), force=force)
    except ExportError:
        raise
    except (DocumentError, FormsError) as exc:  # WriteError included: its message says it all
        message = str(exc) if isinstance(exc, WriteError) else f"导出失败：{exc}"
        raise ExportError(message) from None
    except (ValueError, KeyError, OSError) as exc:
        raise ExportError(f"导出 Word 失败：{exc}") from exc
    except Exception as exc:  # a bug: still one clear message, the cause chained for the log
        raise ExportError(f"导出 Word 失败（程序内部错误：{type(exc).__name__}: {exc}）") from exc
    reporter.finish("导出完成")
    return DocxResult(target, len(data.getvalue()), scope, tuple(book.notes.values()))


def _stepper(reporter: _Reporter) -> Callable[[str], None]:
    """Each step the parts report moves the progress on a little (up to 90%)."""
    steps = [0]

    def check(message: str) -> None:
        steps[0] += 1
        reporter.report(min(5 + 5 * steps[0], 90), message)

    return check


# --- the document --------------------------------------------------------------------------------


def build(book: Book, scope: Scope, *, double_sided: bool = False) -> WordDocument:
    """The Word document for ``scope`` (not yet saved)."""
    word = styled_document()
    _page(word, book, scope, double_sided)
    wb = WordBook(book, word, WordText(word, book.numbering, _figure_source(book)))
    if scope.kind == "package":
        _package(wb)
    else:
        _section(wb, scope)
    _core_properties(word, book, scope)
    wordxml.update_fields_on_open(word)
    return word


def styled_document() -> WordDocument:
    """An empty Word document with the copy's styles (宋体 小四 text, 黑体 headings …)."""
    word = new_word_document()
    package_rels = word.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's template's picture of a blank page
            del package_rels[rel_id]
    _styles(word)
    return word


def _package(wb: WordBook) -> None:
    wordparts.cover(wb)
    place = wordparts.contents(wb)
    for part in wb.book.award.parts:
        build_part = wordparts.PARTS.get(part.id)
        if build_part is not None and not wb.book.leaves_out(part):
            wb.check(f"正在生成：{part.name}")
            build_part(wb)
    wordparts.fill_contents(wb, place)


def _section(wb: WordBook, scope: Scope) -> None:
    book = wb.book
    what = {"item": "自评报告评分项", "category": "自评报告类目", "profile": "组织概述"}[scope.kind]
    today = datetime.now().astimezone()
    lines = [
        f"{book.org}　{book.programme}",
        f"{what}：{scope.title}"
        f"（由质量奖申报助手导出于 {today.year}年{today.month}月{today.day}日）",
        "请直接修改标题下的正文，可增删段落、列表和表格；请保留带编号的标题。"
        "改好后交回申报负责人，在程序中用“文件 → 从 Word 导入”放回。",
    ]
    for line in lines:
        wb.para(line, INTRO)
    wb.check(f"正在生成：{scope.title}")
    if scope.kind == "item":
        wordparts.report_item(wb, scope.id)
    elif scope.kind == "category":
        wordparts.report_category(wb, scope.id)
    else:
        wordparts.profile_section(wb, scope.id)


def _figure_source(book: Book) -> Callable[[str, str], tuple[Figure, str]]:
    """Pictures for narratives: an indicator's trend chart, or an image attachment."""
    width = TEXT_WIDTH * 0.8

    def find(kind: str, ref: str) -> tuple[Figure, str]:
        if kind == "indicator" and ref in book.sources.indicators:
            indicator = book.sources.indicators[ref]
            png = drawing_png(trend_drawing(trend_chart(indicator), width, CHART_HEIGHT))
            pixels = (round(width * DPI / 72), round(CHART_HEIGHT * DPI / 72))
            return (png, pixels), indicator.name
        if kind == "attachment" and ref.isdigit():
            found = book.print_image(int(ref))
            data, pixels = getattr(found, "data", None), getattr(found, "pixels", None)
            if data is not None and pixels is not None:
                return (data, pixels), ""
        return None, ""

    return find


# --- styles and page ---------------------------------------------------------------------------


def _styles(word: WordDocument) -> None:
    """宋体 小四 at 1.5 lines for the text, 黑体 headings, and the styles the parts use."""
    wordxml.chinese_defaults(word, SERIF_LATIN, SERIF_CJK)
    styles = word.styles
    normal = styles["Normal"]
    _look(normal, SERIF_LATIN, SERIF_CJK, BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing = 1.5
    fmt.first_line_indent = Pt(2 * BODY_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = True
    for level, size in HEADING_PT.items():
        style = styles[f"Heading {level}"]
        _look(style, SANS_LATIN, SANS_CJK, size, bold=True)
        style.font.italic = False
        before, after = HEADING_SPACE[level]
        _block(style, before, after, line=1.25)
        style.paragraph_format.keep_with_next = True
        if level == 1:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.page_break_before = True  # each part on a new page
    for level in (1, 2, 3):
        toc = _add(word, f"toc {level}", "Normal")
        toc.paragraph_format.first_line_indent = Pt(0)
        toc.paragraph_format.left_indent = Pt(BODY_PT * 2 * (level - 1))
        if level == 1:
            _look(toc, SANS_LATIN, SANS_CJK, 12.5, bold=True)
    _list_styles(word)
    _own_styles(word)


def _own_styles(word: WordDocument) -> None:
    styles = word.styles
    caption = styles[CAPTION]
    _look(caption, SANS_LATIN, SANS_CJK, 10.5)
    _block(caption, 3, 8, line=1.0, align=WD_ALIGN_PARAGRAPH.CENTER)
    quote = styles[QUOTE]
    quote.font.italic = False
    quote.font.color.rgb = GREY
    quote.paragraph_format.left_indent = Pt(LIST_STEP_PT)
    subtitle = _add(word, SUBTITLE, "Normal")
    _look(subtitle, SANS_LATIN, SANS_CJK, 14.0, bold=True)
    _block(subtitle, 12, 6, line=1.25)
    subtitle.paragraph_format.keep_with_next = True
    cover = _add(word, COVER, "Normal")
    _look(cover, SANS_LATIN, SANS_CJK, 16.0)
    _block(cover, 0, 0, line=1.5, align=WD_ALIGN_PARAGRAPH.CENTER)
    code = _add(word, CODE, "Normal")
    _look(code, "Consolas", SANS_CJK, 10.0)
    _block(code, 0, 4, line=1.15)
    code.paragraph_format.left_indent = Pt(LIST_STEP_PT)
    cell = _add(word, CELL, "Normal")
    _look(cell, SERIF_LATIN, SERIF_CJK, 10.5)
    _block(cell, 0, 0, line=1.15, align=WD_ALIGN_PARAGRAPH.LEFT)
    head = _add(word, HEAD_CELL, CELL)
    _look(head, SANS_LATIN, SANS_CJK, 10.5, bold=True)
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note = _add(word, NOTE, "Normal")
    _look(note, SERIF_LATIN, SERIF_CJK, 10.5)
    _block(note, 0, 4, line=1.25, align=WD_ALIGN_PARAGRAPH.LEFT)
    intro = _add(word, INTRO, NOTE)
    intro.font.color.rgb = GREY
    for name in ("Header", "Footer"):
        _look(styles[name], SERIF_LATIN, SERIF_CJK, 9.0)
        _block(styles[name], 0, 0, line=1.0, align=WD_ALIGN_PARAGRAPH.CENTER)


def _list_styles(word: WordDocument) -> None:
    """List levels indented two characters each, the marker hanging in front of the text."""
    for level in (1, 2, 3):
        suffix = "" if level == 1 else f" {level}"
        for name in ("List Bullet", "List Number"):
            fmt = word.styles[name + suffix].paragraph_format
            fmt.left_indent = Pt(LIST_STEP_PT * level + 18)
            fmt.first_line_indent = Pt(-18)
        fmt = word.styles["List Continue" + suffix].paragraph_format
        fmt.left_indent = Pt(LIST_STEP_PT * level + 18)
        fmt.first_line_indent = Pt(0)
        fmt.space_after = Pt(0)


def _add(word: WordDocument, name: str, based_on: str) -> ParagraphStyle:
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = word.styles[based_on]
    style.quick_style = True
    return style


def _look(style: ParagraphStyle, latin: str, cjk: str, size: float, *, bold: bool = False) -> None:
    wordxml.set_style_fonts(style, latin, cjk)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = BLACK


def _block(
    style: ParagraphStyle,
    before: float,
    after: float,
    *,
    line: float,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = line
    fmt.first_line_indent = Pt(0)
    if align is not None:
        fmt.alignment = align


def _page(word: WordDocument, book: Book, scope: Scope, double_sided: bool) -> None:
    """A4; 15 mm margins plus a 10 mm gutter on the binding side (25 mm, as the PDF's); the
    title in the header, 第 N 页 共 M 页 in the footer; no header or footer on the cover."""
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(15)
    section.gutter = Mm(10)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)
    if double_sided:
        wordxml.mirror_margins(word)
    section.different_first_page_header_footer = scope.kind == "package"
    section.header.paragraphs[0].text = _title(book, scope)
    footer = section.footer.paragraphs[0]
    footer.add_run("第 ")
    wordxml.add_field(footer, "PAGE", "1")
    footer.add_run(" 页 共 ")
    wordxml.add_field(footer, "NUMPAGES", "1")
    footer.add_run(" 页")


def _title(book: Book, scope: Scope) -> str:
    if scope.kind == "package":
        return f"{book.programme}申报材料"
    return f"{book.programme} {scope.title}"


def _core_properties(word: WordDocument, book: Book, scope: Scope) -> None:
    """Document properties, and the marker the Word import reads (see the module docstring)."""
    doc = book.doc
    now = datetime.now(UTC).replace(microsecond=0)
    props = word.core_properties
    props.title = _title(book, scope)
    props.subject = scope.subject
    props.author = book.org
    props.last_modified_by = f"质量奖申报助手 QualityDesk {__version__}"
    props.keywords = "；".join((book.award.name, book.framework.standard, str(doc.year)))
    props.category = "QualityDesk 申报材料" if scope.kind == "package" else "QualityDesk 分项"
    props.identifier = MARKER_PREFIX + str(doc.meta.get("created", ""))
    props.comments = (
        f"由质量奖申报助手 QualityDesk 导出自申报文件 {doc.path}"
        + ("" if scope.kind == "package" else f"（{scope.title}）")
        + "。修改后可在程序中用“文件 → 从 Word 导入”放回。"
    )
    props.language = "zh-CN"
    props.created = props.modified = now
    props.revision = 1
