"""Export an application as a print-ready PDF: the package to submit or the internal report.

:func:`export_pdf` is what the command line and the GUI call. It reads the document and never
changes it; it writes the PDF to a temporary file beside the target and moves it into place only
when it is complete, so a failed or cancelled export leaves an existing PDF as it was. It keeps no
state between calls and may run in a background thread: ``progress(done, total, message)`` is
called as work proceeds, and returning False cancels (:class:`ExportCancelled`, nothing written).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pypdf.errors import PyPdfError
from reportlab.platypus.doctemplate import LayoutError

from qualitydesk import __version__
from qualitydesk.domain.forms import Forms, FormsError
from qualitydesk.export import internal, package
from qualitydesk.export.book import Book
from qualitydesk.export.fonts import fonts
from qualitydesk.export.layout import PageGeometry, PageSetup, build
from qualitydesk.export.preflight import oversized, rare_characters, unprintable
from qualitydesk.store import safewrite, sizes
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.safewrite import WriteError
from qualitydesk.store.yearly import YearOverYear

KINDS = ("package", "internal")
Progress = Callable[[int, int, str], bool]


class ExportError(Exception):
    """The PDF could not be made or written; the message says why, in Chinese."""


class ExportCancelled(ExportError):
    """The user cancelled the export through the progress callback; nothing was written."""


@dataclass(frozen=True)
class ExportResult:
    """A PDF written: where, its page count and size in bytes, and what the user should know."""

    path: Path
    pages: int
    size: int
    notes: tuple[str, ...] = ()  # what became of attachments: active content removed, unreadable
    missing: int = 0  # characters no font has, printed as 〓 (preflight lists each)


class _Reporter:
    """Turns stages and flowable counts into ``progress(done, 100, message)`` calls."""

    TOTAL = 100

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last: tuple[int, str] | None = None

    def report(self, done: float, message: str) -> None:
        if self.progress is None:
            return
        done = max(int(done), self.last[0] if self.last else 0)  # never backwards
        state = (min(done, self.TOTAL - 1), message)
        if state == self.last:
            return
        self.last = state
        if self.progress(state[0], self.TOTAL, message) is False:
            raise ExportCancelled("已取消导出，未写入文件")

    def finish(self, message: str) -> None:
        if self.progress is not None:
            self.progress(self.TOTAL, self.TOTAL, message)


def export_pdf(
    doc: Document,
    forms: Forms,
    out: Path,
    *,
    kind: str = "package",
    double_sided: bool = False,
    layout: str | None = None,
    progress: Progress | None = None,
    force: bool = False,
    previous: YearOverYear | None = None,
) -> ExportResult:
    """Write the PDF of ``kind`` (package or internal) for ``doc`` to ``out``.

    ``layout`` names the page layout of forms/layouts.toml (标准, 紧凑, or its id); None: the
    default, which for a programme with its own [layout] is the programme's. ``previous`` adds
    与往年对比 to the internal report.

    ``out`` is never the document or another application file; an existing file is replaced
    only with ``force`` (:func:`qualitydesk.store.safewrite.check_target`).
    """
    if kind not in KINDS:
        raise ExportError(f"未知的导出类型“{kind}”（应为 package 或 internal）")
    out = _check_target(doc, Path(out), force)
    geometry = _geometry(doc, forms, layout)
    too_long = oversized(doc, forms)  # before any layout: a 10 MB title would take gigabytes
    if too_long:
        raise ExportError(sizes.refusal(too_long))
    reporter = _Reporter(progress)
    reporter.report(0, "正在准备内容")
    try:
        missing = _glyphs(doc, forms)
        with collector_paused():
            data, pages, notes = _render(
                doc, forms, kind, double_sided, reporter, geometry=geometry, previous=previous
            )
    except ExportError:
        raise
    except (DocumentError, FormsError) as exc:
        raise ExportError(f"导出失败：{exc}") from exc
    except (LayoutError, PyPdfError, ValueError, KeyError, OSError) as exc:
        raise ExportError(f"导出失败，排版时出错：{exc}") from exc
    except Exception as exc:  # a bug: still one clear message, the cause chained for the log
        raise ExportError(f"导出失败（程序内部错误：{type(exc).__name__}: {exc}）") from exc
    reporter.report(97, "正在写入文件")
    _write_atomically(out, data, force)
    reporter.finish("导出完成")
    return ExportResult(out, pages, len(data), notes, missing)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a package is laid out and drawn.

    An export makes some 10⁵ objects that live until it ends (the story, its lines, the PDF's
    objects); the collector, started by allocations, went through all of them again and again —
    a quarter of the export's time. Reference counting frees what it can meanwhile; the few
    cycles wait for the collector's next run after the export.
    """
    if not gc.isenabled():  # paused already (another export in another thread)
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _glyphs(doc: Document, forms: Forms) -> int:
    """Register the fallback faces for what the bundled fonts lack, all in one go (each face is
    subset once; nothing is scanned when the bundle has everything); the number of characters
    no font has, which print as 〓.
    """
    rare = rare_characters(doc, forms)
    if not rare:
        return 0
    fonts().fallback_fonts(rare)
    return len(unprintable(doc, forms))


def _check_target(doc: Document, out: Path, force: bool) -> Path:
    try:
        return safewrite.check_target(out, source=doc.path, force=force)
    except WriteError as exc:
        raise ExportError(str(exc)) from None


def _geometry(doc: Document, forms: Forms, layout: str | None) -> PageGeometry:
    """The page of the layout chosen (the programme's values over the default one)."""
    try:
        award = forms.award_for(doc.award_id, doc.applicant)
        return PageGeometry.from_layout(forms.layout_for(award, layout))
    except FormsError as exc:
        raise ExportError(f"导出失败：{exc}") from exc


def _render(
    doc: Document,
    forms: Forms,
    kind: str,
    double_sided: bool,
    reporter: _Reporter,
    *,
    geometry: PageGeometry,
    previous: YearOverYear | None = None,
) -> tuple[bytes, int, tuple[str, ...]]:
    fonts()
    book = Book(doc, forms, check=lambda message: reporter.report(2, message), page=geometry)
    flowables = package.story(book) if kind == "package" else internal.story(book, previous)
    setup = _setup(book, kind, double_sided)
    spans = {1: (8, 45), 2: (45, 88)}

    def on_pass(number: int, done: int, total: int) -> None:
        low, high = spans.get(number, (45, 88))
        stage = "正在排版" if number == 1 else "正在生成页面"
        reporter.report(low + (high - low) * done / max(total, 1), stage)

    result = build(lambda: flowables, setup, on_pass)
    return result.pdf, result.total, tuple(book.notes.values())


def _setup(book: Book, kind: str, double_sided: bool) -> PageSetup:
    creator = f"质量奖申报助手 QualityDesk {__version__}"
    keywords = (book.award.name, book.framework.standard, str(book.doc.year))
    year = book.doc.year
    found = book.award.round_for(year)
    season = f"{found.name}，{year}年" if found is not None else f"{year}年度"
    programme = f"{book.award.name}（{season}）"  # Subject: the programme and the year
    if kind == "internal":
        title = f"{book.programme}自评报告（内部资料）"
        subject = f"{programme}卓越绩效自我评价报告（内部资料）"
    else:
        title = f"{book.programme}申报材料"
        subject = f"{programme}申报材料"
    return PageSetup(
        title=title,
        org=book.org,
        subject=subject,
        creator=creator,
        keywords=keywords,
        double_sided=double_sided,
        internal=kind == "internal",
        geometry=book.geometry,
    )


def _write_atomically(out: Path, data: bytes, force: bool) -> None:
    """Write ``data`` to a temporary file beside ``out``, then move it into place."""
    try:
        safewrite.write_bytes(out, data, force=force)
    except WriteError as exc:
        raise ExportError(str(exc)) from None
