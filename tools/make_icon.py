#!/usr/bin/env python3
"""Draw QualityDesk's application icon: a round red seal with a gold ring and a white 「质」.

The same geometry is written twice, so the two files always agree:

- ``qualitydesk.svg`` — the scalable mark (the glyph as an outline path, so it needs no font);
- ``qualitydesk.png`` — 256 × 256, rendered from that geometry with QPainter.

The glyph comes from the bundled QualityDesk Sans Bold (``resources/fonts``); both files are
written to ``resources/icons``. The output is deterministic: running the script again rewrites
identical files.

Usage (from the repository root)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"  # where the icon is written
FONT = RESOURCES / "fonts" / "QualityDeskSans-Bold.ttf"
SIZE = 256
CENTRE = SIZE / 2
GLYPH = "质"

SEAL_RED = "#b8202b"  # the disc
SEAL_DARK = "#8e1620"  # its rim
GOLD = "#f2c45a"  # the ring
PAPER = "#fff8ea"  # the character

DISC_RADIUS = 122.0
RIM_WIDTH = 4.0
RING_RADIUS = 100.0
RING_WIDTH = 7.0
GLYPH_BOX = 118.0  # the character's ink fits a square this wide, centred


def glyph_path(family: str) -> QPainterPath:
    """The outline of 「质」, scaled so its ink fills GLYPH_BOX and centred on the icon."""
    font = QFont(family)
    font.setPixelSize(200)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, GLYPH)
    ink = path.boundingRect()
    scale = GLYPH_BOX / max(ink.width(), ink.height())
    transform = QTransform()
    transform.translate(CENTRE, CENTRE)
    transform.scale(scale, scale)
    transform.translate(-ink.center().x(), -ink.center().y())
    glyph = transform.map(path)
    glyph.setFillRule(Qt.FillRule.WindingFill)
    return glyph


def svg_path_data(path: QPainterPath) -> str:
    """The path as SVG ``d`` data: M, L and C commands, two decimals, each contour closed."""
    commands: list[str] = []
    count = path.elementCount()
    for index in range(count):
        element = path.elementAt(index)
        point = f"{element.x:.2f} {element.y:.2f}"
        if element.type == QPainterPath.ElementType.MoveToElement:
            if index:
                commands.append("Z")
            commands.append(f"M{point}")
        elif element.type == QPainterPath.ElementType.LineToElement:
            commands.append(f"L{point}")
        elif element.type == QPainterPath.ElementType.CurveToElement:
            commands.append(f"C{point}")
        else:  # the curve's second control point and its end point
            commands.append(f" {point}")
    commands.append("Z")
    return "".join(commands)


def svg_document(glyph: QPainterPath) -> str:
    """The icon as a stand-alone SVG document."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}">\n'
        "  <title>QualityDesk 质量奖申报助手</title>\n"
        f'  <circle cx="{CENTRE:g}" cy="{CENTRE:g}" r="{DISC_RADIUS - RIM_WIDTH / 2:g}" '
        f'fill="{SEAL_RED}" stroke="{SEAL_DARK}" stroke-width="{RIM_WIDTH:g}"/>\n'
        f'  <circle cx="{CENTRE:g}" cy="{CENTRE:g}" r="{RING_RADIUS:g}" fill="none" '
        f'stroke="{GOLD}" stroke-width="{RING_WIDTH:g}"/>\n'
        f'  <path fill="{PAPER}" fill-rule="nonzero" d="{svg_path_data(glyph)}"/>\n'
        "</svg>\n"
    )


def render_png(glyph: QPainterPath) -> QImage:
    """The icon as a 256 × 256 image with a transparent background."""
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = DISC_RADIUS - RIM_WIDTH / 2
    painter.setPen(QPen(QColor(SEAL_DARK), RIM_WIDTH))
    painter.setBrush(QBrush(QColor(SEAL_RED)))
    painter.drawEllipse(QRectF(CENTRE - disc, CENTRE - disc, 2 * disc, 2 * disc))
    painter.setPen(QPen(QColor(GOLD), RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    ring = QRectF(CENTRE - RING_RADIUS, CENTRE - RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS)
    painter.drawEllipse(ring)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(PAPER)))
    painter.drawPath(glyph)
    painter.end()
    return image


def main() -> int:
    """Write qualitydesk.svg and qualitydesk.png next to this script."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts need one
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    if font_id < 0:
        print(f"cannot load {FONT}", file=sys.stderr)
        return 1
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    glyph = glyph_path(family)
    (ICONS / "qualitydesk.svg").write_text(svg_document(glyph), encoding="utf-8")
    if not render_png(glyph).save(str(ICONS / "qualitydesk.png"), "PNG"):
        print("cannot write qualitydesk.png", file=sys.stderr)
        return 1
    print(f"wrote {ICONS / 'qualitydesk.svg'} and {ICONS / 'qualitydesk.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
