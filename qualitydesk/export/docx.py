"""Export an editable Word copy (.docx): the whole package, or one item or category for a colleague.

:func:`export_docx` is what the command line (``qualitydesk export FILE -o OUT.docx``) and the GUI
(文件 → 导出 Word 副本) call. Like the PDF export it only reads the document, writes through a
temporary file (:mod:`qualitydesk.store.safewrite`) and may run in a background thread with
``progress(done, total, message)``; returning False cancels.

The copy has the PDF package's content in the same order (:mod:`~qualitydesk.export.wordparts`,
:mod:`~qualitydesk.export.wordform`):
cover, 目录 (a Word TOC field), 申请表 as Word tables, 资格自查与承诺, 组织概述, 自评报告,
关键绩效数据 with the charts as 300-dpi pictures, the 证实性材料 list (the files are not
embedded), 推荐意见.
Styles are the ones a Chinese office expects: 宋体 小四 body text at 1.5 lines, 黑体 headings in
Word's built-in heading styles (标题 1–3 in a Chinese Word, so the navigation pane and the 目录
work), A4 with a 10 mm gutter on the binding side, page numbers in the footer
(:mod:`~qualitydesk.export.wordlayout`).

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

from docx import Document as new_word_document  # noqa: N813 (a factory function)
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from qualitydesk import __version__
from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.forms import Forms, FormsError, Framework
from qualitydesk.export import wordform, wordlayout, wordparts, wordxml
from qualitydesk.export.book import Book
from qualitydesk.export.graphics import trend_drawing
from qualitydesk.export.layout import TEXT_WIDTH
from qualitydesk.export.markdown import CHART_HEIGHT
from qualitydesk.export.pdf import ExportCancelled, ExportError, Progress, _Reporter
from qualitydesk.export.raster import DPI, drawing_png
from qualitydesk.export.sanitise import PrintImage
from qualitydesk.export.wordparts import INTRO, WordBook
from qualitydesk.export.wordtext import Figure, WordText
from qualitydesk.store import safewrite
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.safewrite import WriteError

__all__ = ["DocxResult", "ExportCancelled", "ExportError", "Scope", "export_docx", "scope_of"]

MARKER_PREFIX = "qualitydesk:"
# The parts the Word copy has, by the id of the programme's part (in the programme's order).
PARTS: dict[str, Callable[[WordBook], None]] = {
    "form": wordform.application_form,
    "commitment": wordform.commitment,
    "profile": wordparts.profile,
    "report": wordparts.report,
    "indicators": wordparts.indicators,
    "evidence": wordparts.evidence_list,
    "recommendation": wordform.recommendation,
}


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
    """What an export wrote: the file, its size, its scope and notes on attachments."""

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
    title = _title(book, scope)
    wordlayout.set_page(word, title, cover=scope.kind == "package", double_sided=double_sided)
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
    wordlayout.apply_styles(word)
    return word


def _package(wb: WordBook) -> None:
    wordparts.cover(wb)
    place = wordparts.contents(wb)
    for part in wb.book.award.parts:
        build_part = PARTS.get(part.id)
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
            if isinstance(found, PrintImage):
                return (found.data, found.pixels), ""
        return None, ""

    return find


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
