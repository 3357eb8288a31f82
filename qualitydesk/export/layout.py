"""The page: A4 with a binding margin, running header, 第 N 页 共 M 页 footer, and the passes.

The binding edge is on the left; with double-sided printing it alternates (left on odd pages,
right on even ones) and every part starts on an odd page. The story is laid out in a draft pass
(no drawing, nothing saved) to learn the page of each heading and the page count, then drawn in a
final pass that prints them in the 目录 and footers; if the numbers moved, once more.

Pages are numbered as printed books are: the front matter (cover, 目录) i, ii … — the cover and
blank back pages print nothing — and the body from 1 at the part a ``PartBreak(restart=True)``
starts; 第 N 页 共 M 页 counts body pages, the 目录 prints those numbers, and the PDF's page
labels say the same, so a viewer's "go to page 17" finds the page printed 17.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate

from qualitydesk.domain.forms import Layout
from qualitydesk.export import keep
from qualitydesk.export.fonts import SERIF
from qualitydesk.export.furniture import footer, header, internal_mark
from qualitydesk.export.text import strip_format

PAGE_WIDTH, PAGE_HEIGHT = A4
PDF_VERSION = (1, 7)
MAX_PASSES = 4


@dataclass(frozen=True)
class PageGeometry:
    """One export's page: margins (points) and the body and table type it sets.

    The values come from forms/layouts.toml (:meth:`from_layout`); the defaults are the 紧凑
    layout, the density of the first releases.
    """

    binding: float = 25 * mm  # 订口: the bound edge (left; alternating when double-sided)
    outer: float = 15 * mm
    top: float = 25 * mm
    bottom: float = 20 * mm
    body_size: float = 12.0  # 小四
    body_leading: float = 21.0  # baseline to baseline inside a paragraph
    paragraph_space: float = 3.0  # after a paragraph
    table_size: float = 10.5  # 五号

    @classmethod
    def from_layout(cls, layout: Layout) -> PageGeometry:
        """The geometry of a layout of forms/layouts.toml (millimetres and points there, points
        here).
        """
        return cls(
            binding=layout.binding_mm * mm,
            outer=layout.outer_mm * mm,
            top=layout.top_mm * mm,
            bottom=layout.bottom_mm * mm,
            body_size=layout.body_size_pt,
            body_leading=layout.leading_pt,
            paragraph_space=layout.paragraph_space_pt,
            table_size=layout.table_size_pt,
        )

    @property
    def text_width(self) -> float:
        """The width of the text block in points (the page less binding and outer margins)."""
        return PAGE_WIDTH - self.binding - self.outer

    @property
    def text_height(self) -> float:
        """The height of the text block in points (the page less top and bottom margins)."""
        return PAGE_HEIGHT - self.top - self.bottom

    def edges(self, page: int, double_sided: bool) -> tuple[float, float]:
        """Left and right edge of the text block on ``page`` (1-based)."""
        if double_sided and page % 2 == 0:
            return self.outer, PAGE_WIDTH - self.binding
        return self.binding, PAGE_WIDTH - self.outer


COMPACT = PageGeometry()
# The compact page, for old callers only: new code takes availWidth/availHeight or book.geometry.
BINDING, OUTER, TOP, BOTTOM = COMPACT.binding, COMPACT.outer, COMPACT.top, COMPACT.bottom
TEXT_WIDTH = COMPACT.text_width
TEXT_HEIGHT = COMPACT.text_height


@dataclass(frozen=True)
class PageSetup:
    """What every page shows besides the story, and the PDF's document information."""

    title: str  # document title: header (inner side) and metadata
    org: str  # organisation: header (outer side) and author
    subject: str
    creator: str
    keywords: tuple[str, ...] = ()
    double_sided: bool = False
    internal: bool = False  # mark every page 内部资料
    geometry: PageGeometry = COMPACT  # pdf.export_pdf gives the programme's chosen layout


@dataclass
class PassResult:
    """What a pass learnt: the page of every marked key, the page count."""

    pages: dict[str, int] = field(default_factory=dict)
    total: int = 0
    pdf: bytes = b""
    body_start: int = 1  # the page numbered 1; the pages before it (cover, 目录) are i, ii …

    def label(self, page: int) -> str:
        """The number printed on ``page`` (1-based, physical): roman before the body."""
        if page < self.body_start:
            return roman(page)
        return str(page - self.body_start + 1)

    @property
    def body_pages(self) -> int:
        """How many pages the body has: the M of 第 N 页 共 M 页."""
        return max(self.total - self.body_start + 1, 0)


def roman(number: int) -> str:
    """``number`` in lower-case roman numerals (i, ii, iv …), as front matter is numbered."""
    digits = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    text = ""
    for value, letters in digits:
        count, number = divmod(number, value)
        text += letters * count
    return text


class PartBreak(ActionFlowable):
    """Start a new part on a new page (an odd page when printing double-sided).

    ``restart``: the part is the first of the body — its first page is numbered 1, the pages
    before it are front matter, numbered i, ii … (the cover prints none).
    """

    def __init__(self, restart: bool = False) -> None:
        super().__init__(("part_break", restart))


class _Template(BaseDocTemplate):
    def __init__(
        self,
        out: io.BytesIO,
        setup: PageSetup,
        *,
        draft: bool,
        known: PassResult,
        on_flowable: Callable[[int, int], None],
    ) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=setup.geometry.binding,
            rightMargin=setup.geometry.outer,
            topMargin=setup.geometry.top,
            bottomMargin=setup.geometry.bottom,
            title=strip_format(setup.title),
            author=strip_format(setup.org),
            subject=strip_format(setup.subject),
            creator=setup.creator,
            producer=setup.creator,
            keywords=list(setup.keywords),
            lang="zh-CN",
            displayDocTitle=1,
            initialFontName=SERIF,
            initialFontSize=12,
            pageCompression=1,
        )
        self.setup = setup
        self.draft = draft
        self.known = known
        self.result = PassResult()
        self._doSave = 0 if draft else 1
        self._size = 1
        self._blank = False  # the page begun now is a blank back page: no header, no footer
        self._on_flowable = on_flowable
        self.setProgressCallBack(self._progress)
        page = setup.geometry
        box = (page.binding, page.bottom, page.text_width, page.text_height, 0, 0, 0, 0)
        frame = Frame(*box, id="text")
        cover = Frame(*box, id="cover")
        self.addPageTemplates(
            [
                _MirroredTemplate("cover", [cover], setup, self._decorate_cover),
                _MirroredTemplate("body", [frame], setup, self._decorate),
            ]
        )

    # -- what flowables report --

    def note_page(self, key: str, page: int) -> None:
        self.result.pages.setdefault(key, page)

    def page_of(self, key: str) -> int:
        return self.known.pages.get(key, 0)

    def label_of(self, key: str) -> str:
        """The number printed on the page ``key`` landed on (previous pass); "" if unknown."""
        page = self.known.pages.get(key, 0)
        return self.known.label(page) if page else ""

    # a heading stays with the first lines of what follows, not all of it (see keep.py)
    handle_keepWithNext = keep.gather

    # -- part breaks --

    def handle_part_break(self, restart: bool = False) -> None:
        if self._curPageFlowableCount or self.page == 0:
            self.handle_pageBreak()
        if self.setup.double_sided and self.page % 2 == 1:
            self._blank = True  # an even page stays empty so the part starts on an odd one
            self.clean_hanging()
            self.handle_pageBreak()
            self._blank = False
        if restart:
            self.result.body_start = self.page + 1
            if self.page:  # there is front matter
                self.canv.addPageLabel(0, "ROMAN_LOWER")
            self.canv.addPageLabel(self.page, "ARABIC", start=1)

    # -- the document --

    def beforeDocument(self) -> None:
        self.canv.showOutline()  # the bookmarks panel opens with the document

    # -- progress --

    def _progress(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._size = max(int(value), 1)
        elif kind == "PROGRESS":
            self._on_flowable(int(value), self._size)

    # -- page decoration --

    def _decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.setup.internal and not self.draft and not self._blank:
            internal_mark(canv)

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.draft or self._blank:
            return
        page = doc.page
        left, right = _text_edges(page, self.setup.double_sided, self.setup.geometry)
        header(canv, self.setup, page, left, right)
        footer(canv, self._folio(page), left, right, bottom=self.setup.geometry.bottom)
        if self.setup.internal:
            internal_mark(canv)

    def _folio(self, page: int) -> str:
        """What the footer of ``page`` says: 第 N 页 共 M 页 in the body, i, ii … before it."""
        known = self.known
        if page < known.body_start:
            return known.label(page)
        total = known.body_pages if known.total else page
        return f"第 {known.label(page)} 页 共 {total} 页"


class _MirroredTemplate(PageTemplate):
    """A one-frame page whose frame moves to keep the binding margin on the binding edge."""

    def __init__(
        self,
        template_id: str,
        frames: list[Frame],
        setup: PageSetup,
        decorate: Callable[[object, BaseDocTemplate], None],
    ) -> None:
        super().__init__(id=template_id, frames=frames, onPage=decorate)
        self.double_sided = setup.double_sided
        self.geometry = setup.geometry

    def beforeDrawPage(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        left, _ = _text_edges(doc.page, self.double_sided, self.geometry)
        for frame in self.frames:
            frame.x1 = left


def _text_edges(
    page: int, double_sided: bool, geometry: PageGeometry = COMPACT
) -> tuple[float, float]:
    """Left and right edge of the text block on ``page`` (1-based)."""
    return geometry.edges(page, double_sided)


class _Canvas(Canvas):
    """reportlab's canvas writing a PDF 1.7 header: the pages of PDF attachments are copied in
    as they are, and may use anything up to 1.7; reportlab's default would say 1.4.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("pdfVersion", PDF_VERSION)
        super().__init__(*args, **kwargs)


# --- building ---------------------------------------------------------------------------------


def build(
    story: Callable[[], Sequence[Flowable]],
    setup: PageSetup,
    on_pass: Callable[[int, int, int], None],
) -> PassResult:
    """Lay out and draw the story until the page numbers it prints are the ones it gets.

    ``story`` returns the flowables (the same objects each time is fine: what a pass changes on
    them is undone). ``on_pass(pass_number, flowables_done, flowables_total)`` reports progress
    and may raise to stop.
    """
    known = PassResult()
    for number in range(1, MAX_PASSES + 1):
        draft = number == 1
        result = _one_pass(story(), setup, draft, known, partial(on_pass, number))
        if not draft and _same_numbers(result, known):
            return result
        known = result
    return result


def _same_numbers(one: PassResult, other: PassResult) -> bool:
    """Whether two passes put every key on the same page and number the pages alike."""
    return (one.pages, one.total, one.body_start) == (other.pages, other.total, other.body_start)


def _one_pass(
    flowables: Sequence[Flowable],
    setup: PageSetup,
    draft: bool,
    known: PassResult,
    on_flowable: Callable[[int, int], None],
) -> PassResult:
    out = io.BytesIO()
    template = _Template(out, setup, draft=draft, known=known, on_flowable=on_flowable)
    edits: list[tuple[Callable[..., object], *tuple[object, ...]]] = []
    template._multiBuildEdits = edits.append
    try:
        template.build(list(flowables), canvasmaker=_Canvas)
    finally:
        for edit in edits:  # undo what reportlab marked on postponed flowables
            edit[0](*edit[1:])
    result = template.result
    result.total = template.page
    result.pdf = out.getvalue()
    return result
