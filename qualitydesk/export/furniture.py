"""What every page carries besides its text: the running header, the folio, the internal mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from qualitydesk.export.blocks import draw_text, fit_text
from qualitydesk.export.fonts import SANS, SANS_BOLD, SERIF, fonts
from qualitydesk.export.text import clean

if TYPE_CHECKING:
    from qualitydesk.export.layout import PageSetup

GREY = (0.35, 0.35, 0.35)
PAGE_WIDTH, PAGE_HEIGHT = A4


def header(canv: Canvas, setup: PageSetup, page: int, left: float, right: float) -> None:
    """The running header between ``left`` and ``right``: the title and the organisation (the
    organisation on the outer side of an even page when double-sided), over a rule.
    """
    y = PAGE_HEIGHT - setup.geometry.top + 5 * mm
    half = (right - left) / 2 - 6 * mm
    org = fit_text(clean(setup.org, fonts()), SANS, 9, half)
    title = fit_text(clean(setup.title, fonts()), SANS, 9, half)
    outer_left = setup.double_sided and page % 2 == 0
    canv.saveState()
    canv.setFillColorRGB(*GREY)
    canv.setFont(SANS, 9)
    if outer_left:  # draw_text: what SANS lacks from a fallback face (𠀀 in a name)
        draw_text(canv, (left, y), org, SANS, 9)
        draw_text(canv, (right, y), title, SANS, 9, anchor="end")
    else:
        draw_text(canv, (left, y), title, SANS, 9)
        draw_text(canv, (right, y), org, SANS, 9, anchor="end")
    canv.setStrokeColorRGB(*GREY)
    canv.setLineWidth(0.5)
    canv.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
    canv.restoreState()


def footer(canv: Canvas, folio: str, left: float, right: float, *, bottom: float) -> None:
    """The folio (第 N 页 共 M 页, or a roman numeral) centred under the text block."""
    canv.saveState()
    canv.setFillColorRGB(*GREY)
    canv.setFont(SERIF, 10)
    canv.drawCentredString((left + right) / 2, bottom - 10 * mm, folio)
    canv.restoreState()


def internal_mark(canv: Canvas) -> None:
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
