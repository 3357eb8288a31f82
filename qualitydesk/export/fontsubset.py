"""Fonts made for the PDF: a face subset to the characters needed, and a placeholder face.

:func:`subset_truetype` cuts a face down to exactly the characters an export needs with
fontTools, CFF outlines converted to TrueType (reportlab embeds TrueType only) by
:func:`cff_to_truetype` — the conversion ``tools/make_fonts.py`` also makes of the bundled fonts.
An emoji that only a colour font has (CBDT, sbix) is drawn with Pillow as a picture
(:func:`render_picture`); :func:`placeholder_font` is the blank face the text keeps it in, so the
PDF still extracts and searches as the emoji.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

    from qualitydesk.export.fontscan import Face

PICTURE_SIZE = 109  # the pixel size colour bitmap fonts (Noto Color Emoji) are drawn at
CFF_ONLY_TABLES = ("CFF ", "CFF2", "VORG")  # tables that must not survive the conversion

_DROPPED = [
    "BASE", "GDEF", "GSUB", "GPOS", "JSTF", "MATH", "COLR", "CPAL", "CBDT", "CBLC", "sbix",
    "SVG ", "EBDT", "EBLC", "EBSC", "VORG", "vhea", "vmtx", "DSIG", "meta", "kern", "morx",
    "feat", "trak", "LTSH", "hdmx", "VDMX", "PCLT", "gasp", "FFTM",
]  # fmt: skip


_MAXP_TRUETYPE = (
    "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
    "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth",
    "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
)  # fmt: skip


def subset_truetype(path: Path, index: int, codes: Iterable[int]) -> bytes:
    """A TrueType font with exactly the glyphs of ``codes`` from face ``index`` of ``path``:
    no hinting, no layout tables, CFF outlines converted to quadratic TrueType ones.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # the copyright notice travels with the glyphs
    options.drop_tables += _DROPPED
    with TTFont(str(path), fontNumber=index, lazy=True) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codes))
        subsetter.subset(font)
        if "CFF " in font or "CFF2" in font:
            cff_to_truetype(font)
        font["post"].formatType = 3.0
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def cff_to_truetype(font: TTFont, max_err: float = 1.0) -> None:
    """Replace ``font``'s CFF outlines with quadratic TrueType (``glyf``) ones, in place.

    Cubic curves become quadratic ones within ``max_err`` font units (cu2qu); the side bearings
    of ``hmtx`` (and of ``vmtx``, from the vertical origins ``VORG`` gave) follow the new
    outlines; the CFF tables go; ``head``, ``maxp`` 1.0 and ``post`` format 3 are set as for an
    unhinted TrueType font.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    origins = _vertical_origins(font) if "vmtx" in font else {}
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    font["glyf"], font["loca"] = glyf, newTable("loca")  # loca's offsets come when compiling
    _side_bearings(font, origins)
    for tag in CFF_ONLY_TABLES:
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in _MAXP_TRUETYPE:
        setattr(maxp, attr, 0)
    maxp.maxZones = 1  # no instructions, no twilight zone
    maxp.recalc(font)  # points and contours from glyf
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)


def _vertical_origins(font: TTFont) -> dict[str, int]:
    """The vertical origin (Y) of every glyph: from ``VORG``, or the ascender."""
    order = font.getGlyphOrder()
    if "VORG" in font:
        vorg = font["VORG"]
        return {name: vorg.VOriginRecords.get(name, vorg.defaultVertOriginY) for name in order}
    return dict.fromkeys(order, font["hhea"].ascent)


def _side_bearings(font: TTFont, origins: dict[str, int]) -> None:
    """``hmtx`` (and ``vmtx``) side bearings as TrueType expects them: lsb = xMin, and the
    vertical origin ``VORG`` gave expressed as tsb = origin - yMax.
    """
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    vmtx = font.get("vmtx")
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        empty = glyph.numberOfContours == 0
        advance, _ = hmtx[name]
        hmtx[name] = (advance, 0 if empty else glyph.xMin)
        if vmtx is not None:
            v_advance, _ = vmtx[name]
            vmtx[name] = (v_advance, 0 if empty else origins[name] - glyph.yMax)


def placeholder_font(name: str, codes: Iterable[int]) -> bytes:
    """A TrueType font whose glyphs for ``codes`` are (all but) blank and one em wide: the text
    keeps the character (it extracts and searches) while a picture is drawn over it.
    """
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    codes = sorted(codes)
    order = [".notdef", *(f"u{code:X}" for code in codes)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({code: f"u{code:X}" for code in codes})
    pen = TTGlyphPen(None)  # a dot of 1/1000 em under the picture: pdfium extracts a glyph
    pen.moveTo((500, 300))  # with no outline at all as a space
    pen.lineTo((501, 300))
    pen.lineTo((501, 301))
    pen.lineTo((500, 301))
    pen.closePath()
    dot = pen.glyph()
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), **dict.fromkeys(order[1:], dot)})
    builder.setupHorizontalMetrics(dict.fromkeys(order, (1000, 0)))
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": name, "styleName": "Regular", "psName": name})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def render_picture(face: Face, code: int) -> bytes | None:
    """``chr(code)`` drawn in colour by a bitmap colour font (CBDT, sbix), as a cropped PNG."""
    from PIL import Image, ImageDraw, ImageFont

    for size in (PICTURE_SIZE, 160, 96, 64):  # a bitmap font has glyphs at some sizes only
        try:
            font = ImageFont.truetype(str(face.path), size, index=face.index)
            break
        except OSError:
            continue
    else:
        return None
    image = Image.new("RGBA", (size * 2, size * 2))
    ImageDraw.Draw(image).text((size // 2, size // 2), chr(code), font=font, embedded_color=True)
    box = image.getbbox()
    if box is None:
        return None
    out = io.BytesIO()
    image.crop(box).save(out, "PNG")
    return out.getvalue()
