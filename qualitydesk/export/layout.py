"""The page: A4 with a binding margin, running header, 第 N 页 共 M 页 footer, and the passes.

The binding edge is on the left; with double-sided printing it alternates (left on odd pages,
right on even ones) and every part starts on an odd page. The story is laid out in a draft pass
(no drawing, nothing saved) to learn the page of each heading and the page count, then drawn in a
final pass that prints them in the 目录 and footers; if the numbers moved, once more.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import ActionFlowable, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate

from qualitydesk.export.flowables import fit_text
from qualitydesk.export.fonts import SANS, SANS_BOLD, SERIF, fonts
from qualitydesk.export.text import clean, strip_format

PAGE_WIDTH, PAGE_HEIGHT = A4
BINDING = 25 * mm
OUTER = 15 * mm
TOP = 25 * mm
BOTTOM = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - BINDING - OUTER
TEXT_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM
GREY = (0.35, 0.35, 0.35)
MAX_PASSES = 4


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


@dataclass
class PassResult:
    """What a pass learnt: the page of every marked key, the page count, the attachment slots."""

    pages: dict[str, int] = field(default_factory=dict)
    total: int = 0
    slots: list[tuple[int, int, int, tuple[float, float, float, float]]] = field(
        default_factory=list
    )
    pdf: bytes = b""


class PartBreak(ActionFlowable):
    """Start a new part on a new page (an odd page when printing double-sided)."""

    def __init__(self) -> None:
        super().__init__(("part_break",))


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
            leftMargin=BINDING,
            rightMargin=OUTER,
            topMargin=TOP,
            bottomMargin=BOTTOM,
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
        self._on_flowable = on_flowable
        self.setProgressCallBack(self._progress)
        frame = Frame(BINDING, BOTTOM, TEXT_WIDTH, TEXT_HEIGHT, 0, 0, 0, 0, id="text")
        cover = Frame(BINDING, BOTTOM, TEXT_WIDTH, TEXT_HEIGHT, 0, 0, 0, 0, id="cover")
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

    def note_slot(
        self, attachment: int, page: int, on_page: int, rect: tuple[float, float, float, float]
    ) -> None:
        self.result.slots.append((attachment, page, on_page, rect))

    # -- part breaks --

    def handle_part_break(self) -> None:
        if self._curPageFlowableCount or self.page == 0:
            self.handle_pageBreak()
        if self.setup.double_sided and self.page % 2 == 1:
            self.clean_hanging()  # an even page stays empty so the part starts on an odd one
            self.handle_pageBreak()

    # -- progress --

    def _progress(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._size = max(int(value), 1)
        elif kind == "PROGRESS":
            self._on_flowable(int(value), self._size)

    # -- page decoration --

    def _decorate_cover(self, canv: object, doc: BaseDocTemplate) -> None:
        if self.setup.internal and not self.draft:
            _internal_mark(canv)

    def _decorate(self, canv: object, doc: BaseDocTemplate) -> None:
        if self.draft:
            return
        page = doc.page
        left, right = _text_edges(page, self.setup.double_sided)
        _header(canv, self.setup, page, left, right)
        _footer(canv, page, self.known.total or page, left, right)
        if self.setup.internal:
            _internal_mark(canv)


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

    def beforeDrawPage(self, canv: object, doc: BaseDocTemplate) -> None:
        left, _ = _text_edges(doc.page, self.double_sided)
        for frame in self.frames:
            frame.x1 = left


def _text_edges(page: int, double_sided: bool) -> tuple[float, float]:
    """Left and right edge of the text block on ``page`` (1-based)."""
    if double_sided and page % 2 == 0:
        return OUTER, PAGE_WIDTH - BINDING
    return BINDING, PAGE_WIDTH - OUTER


def _header(canv: object, setup: PageSetup, page: int, left: float, right: float) -> None:
    y = PAGE_HEIGHT - TOP + 5 * mm
    half = (right - left) / 2 - 6 * mm
    org = fit_text(clean(setup.org, fonts()), SANS, 9, half)
    title = fit_text(clean(setup.title, fonts()), SANS, 9, half)
    outer_left = setup.double_sided and page % 2 == 0
    canv.saveState()
    canv.setFillColorRGB(*GREY)
    canv.setFont(SANS, 9)
    if outer_left:
        canv.drawString(left, y, org)
        canv.drawRightString(right, y, title)
    else:
        canv.drawString(left, y, title)
        canv.drawRightString(right, y, org)
    canv.setStrokeColorRGB(*GREY)
    canv.setLineWidth(0.5)
    canv.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
    canv.restoreState()


def _footer(canv: object, page: int, total: int, left: float, right: float) -> None:
    canv.saveState()
    canv.setFillColorRGB(*GREY)
    canv.setFont(SERIF, 10)
    canv.drawCentredString((left + right) / 2, BOTTOM - 10 * mm, f"第 {page} 页 共 {total} 页")
    canv.restoreState()


def _internal_mark(canv: object) -> None:
    """内部资料: top centre in red, and a light diagonal watermark."""
    canv.saveState()
    canv.setFillColorRGB(0.75, 0.1, 0.1)
    canv.setFont(SANS_BOLD, 10)
    canv.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 12 * mm, "内部资料　注意保密")
    canv.setFillColorRGB(0.9, 0.9, 0.9)
    canv.setFont(SANS_BOLD, 60)
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canv.rotate(45)
    canv.setFillAlpha(0.5)
    canv.drawCentredString(0, 0, "内部资料")
    canv.restoreState()


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
        result = _one_pass(story(), setup, draft, known, lambda d, t, n=number: on_pass(n, d, t))
        if not draft and result.pages == known.pages and result.total == known.total:
            return result
        known = result
    return result


def _one_pass(
    flowables: Sequence[Flowable],
    setup: PageSetup,
    draft: bool,
    known: PassResult,
    on_flowable: Callable[[int, int], None],
) -> PassResult:
    out = io.BytesIO()
    template = _Template(out, setup, draft=draft, known=known, on_flowable=on_flowable)
    edits: list[tuple[object, ...]] = []
    template._multiBuildEdits = edits.append
    try:
        template.build(list(flowables))
    finally:
        for edit in edits:  # undo what reportlab marked on postponed flowables
            edit[0](*edit[1:])
    result = template.result
    result.total = template.page
    result.pdf = out.getvalue()
    return result
