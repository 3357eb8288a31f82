"""Fallback faces: the system's fonts print what the bundled fonts lack (𠀀 𪚥 龘, emoji).

The bundled fonts cover GB2312, the 8,105 characters of 通用规范汉字表 and common symbols. For a
character beyond them, the export looks through the fonts installed on the machine:

- Windows: ``%WINDIR%\\Fonts`` and the per-user fonts folder (SimSun-ExtB ``simsunb.ttf``,
  MingLiU-ExtB ``mingliub.ttc``, Segoe UI Symbol and Segoe UI Emoji are looked at first);
- macOS: ``/System/Library/Fonts`` (and ``Supplemental``), ``/Library/Fonts``, ``~/Library/Fonts``;
- Linux and others: ``~/.local/share/fonts``, ``~/.fonts``, ``/usr/local/share/fonts``,
  ``/usr/share/fonts`` (no fontconfig needed).

``QUALITYDESK_FONT_DIRS`` (folders separated by ``os.pathsep``) replaces that list: tests point it
at a folder of their own, and an empty value turns the fallback off.

Scanning reads only each font's table directory, ``OS/2.fsType`` and ``cmap`` straight from the
file (a few milliseconds a file; fontTools decodes a whole cmap into a dictionary, which made a
scan of this machine's 71 fonts 6.8 s instead of 0.4 s), in order, and stops at the first font
that has the character; what it learnt is kept for the process. Nothing is scanned while every
character is in the bundled fonts, so an export without rare characters costs nothing more.
Fonts whose licence forbids embedding (``fsType`` restricted, bitmap-only or no-subsetting)
are skipped.

A face that has a character with an outline (TrueType or CFF) is subset with fontTools to
exactly the characters needed, CFF outlines converted to TrueType (reportlab embeds TrueType
only), and registered with reportlab under a unique name (``QualityDeskFallback-N``). An emoji
that only a colour font has (CBDT, sbix: Noto Color Emoji, Apple Color Emoji) is drawn with
Pillow as a picture; the text keeps the character in a blank placeholder face so the PDF still
extracts and searches as the emoji. Outline faces win over colour ones: an emoji prints as a
monochrome outline where any font has one (Segoe UI Symbol, Symbola).
"""

from __future__ import annotations

import io
import itertools
import logging
import mmap
import os
import struct
import sys
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

LOG = logging.getLogger(__name__)
Buffer = bytes | mmap.mmap

ENV_DIRS = "QUALITYDESK_FONT_DIRS"
PREFIX = "QualityDeskFallback"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
PICTURE_SIZE = 109  # the pixel size colour bitmap fonts (Noto Color Emoji) are drawn at

# Looked at first, in this order (lower case): rare hanzi, then symbols and emoji.
PREFERRED = (
    "simsunb.ttf",
    "mingliub.ttc",
    "simsun.ttc",
    "msyh.ttc",
    "seguisym.ttf",
    "seguiemj.ttf",
    "songti.ttc",
    "pingfang.ttc",
    "stheiti light.ttc",
    "apple symbols.ttf",
    "apple color emoji.ttc",
    "notoserifcjk-regular.ttc",
    "notosanscjk-regular.ttc",
    "hanamina.ttf",
    "hanaminb.ttf",
    "symbola_hint.ttf",
    "symbola.ttf",
    "notocoloremoji.ttf",
)
_OUTLINES = (b"glyf", b"CFF ", b"CFF2")
_BITMAP_COLOUR = (b"CBDT", b"sbix")


# --- where fonts are --------------------------------------------------------------------------


def font_dirs() -> tuple[Path, ...]:
    """The folders searched for fallback fonts: ``QUALITYDESK_FONT_DIRS`` or the system's."""
    configured = os.environ.get(ENV_DIRS)
    if configured is not None:
        return tuple(Path(p) for p in configured.split(os.pathsep) if p)
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return (windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts")
    if sys.platform == "darwin":
        return (
            Path("/System/Library/Fonts"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        )
    return (
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    )


def font_files(dirs: Iterable[Path]) -> list[Path]:
    """The font files under ``dirs`` (recursively), preferred names first, then by path."""
    found: dict[Path, None] = {}
    for folder in dirs:
        try:
            for root, _subdirs, names in os.walk(folder):
                for name in names:
                    if name.lower().endswith(FONT_SUFFIXES):
                        found[Path(root) / name] = None
        except OSError as exc:  # a folder we may not read: the others still count
            LOG.debug("font folder %s not read: %s", folder, exc)

    def rank(path: Path) -> tuple[int, str]:
        name = path.name.lower()
        return (PREFERRED.index(name) if name in PREFERRED else len(PREFERRED), str(path))

    return sorted(found, key=rank)


# --- reading a font's coverage cheaply ----------------------------------------------------------


@dataclass(frozen=True)
class Face:
    """One face of a font file: where it is, whether it may be embedded, what it covers."""

    path: Path
    index: int  # the face in a collection (.ttc), else 0
    name: str  # the PostScript name, for the log
    outline: bool  # TrueType or CFF outlines (else a colour bitmap font)
    embeddable: bool
    starts: tuple[int, ...] = field(repr=False)
    ends: tuple[int, ...] = field(repr=False)

    def has(self, code: int) -> bool:
        i = bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]

    @property
    def usable(self) -> bool:
        return self.embeddable and bool(self.starts)


def embeddable(fs_type: int) -> bool:
    """Whether OS/2 ``fsType`` lets us embed a subset: not restricted (bit 1 alone), not
    "no subsetting" (bit 8), not "bitmap embedding only" (bit 9)."""
    if fs_type & 0x0300:
        return False
    return (fs_type & 0x000F) != 0x0002


def read_faces(path: Path) -> list[Face]:
    """The faces of a font file with their coverage; [] for a file that is not a font."""
    try:
        with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if data[:4] == b"ttcf":
                count = struct.unpack_from(">I", data, 8)[0]
                offsets = struct.unpack_from(f">{count}I", data, 12)
            else:
                offsets = (0,)
            return [_face(path, i, data, offset) for i, offset in enumerate(offsets)]
    except (OSError, struct.error, IndexError, ValueError, KeyError) as exc:
        LOG.debug("font %s not read: %s", path, exc)
        return []


def _face(path: Path, index: int, data: Buffer, offset: int) -> Face:
    count = struct.unpack_from(">H", data, offset + 4)[0]
    tables = {}
    for i in range(count):
        tag, _checksum, start, length = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        tables[tag] = (start, length)
    fs_type = 0
    if b"OS/2" in tables:
        fs_type = struct.unpack_from(">H", data, tables[b"OS/2"][0] + 8)[0]
    colour = any(tag in tables for tag in _BITMAP_COLOUR)
    outline = not colour and any(tag in tables for tag in _OUTLINES)
    ranges = _cmap_ranges(data, tables[b"cmap"][0]) if b"cmap" in tables else []
    name = _ps_name(data, tables[b"name"][0]) if b"name" in tables else ""
    starts = tuple(s for s, _ in ranges)
    ends = tuple(e for _, e in ranges)
    return Face(path, index, name or path.stem, outline, embeddable(fs_type), starts, ends)


def _cmap_ranges(data: Buffer, base: int) -> list[tuple[int, int]]:
    """The code points a cmap maps to a real glyph, as merged (first, last) ranges."""
    count = struct.unpack_from(">H", data, base + 2)[0]
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, base + 4 + 8 * i)
        subtables[(platform, encoding)] = base + offset
    for key in ((3, 10), (0, 6), (0, 4)):
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 12:
            return _merge(_format12(data, subtables[key]))
    for key in ((3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 4:
            return _merge(_format4(data, subtables[key]))
    return []  # a symbol-encoded (3, 0) font maps to U+F0xx: not the characters users type


def _format12(data: Buffer, at: int) -> Iterator[tuple[int, int]]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    for i in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        if glyph == 0:
            first += 1  # the first code maps to .notdef
        if first <= last:
            yield first, last


def _format4(data: Buffer, at: int) -> Iterator[tuple[int, int]]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    range_offsets = struct.unpack_from(f">{segments}H", data, range_at)
    for i, (first, last) in enumerate(zip(starts, ends, strict=True)):
        if first == 0xFFFF:
            continue
        if range_offsets[i] == 0:
            hole = (-deltas[i]) & 0xFFFF  # the one code whose glyph would be 0
            if first <= hole <= last:
                yield from ((a, b) for a, b in ((first, hole - 1), (hole + 1, last)) if a <= b)
            else:
                yield first, last
            continue
        for code in range(first, last + 1):
            where = range_at + 2 * i + range_offsets[i] + 2 * (code - first)
            if struct.unpack_from(">H", data, where)[0] != 0:
                yield code, code


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _ps_name(data: Buffer, base: int) -> str:
    count, strings = struct.unpack_from(">HH", data, base + 2)
    for i in range(count):
        platform, _enc, _lang, name_id, length, offset = struct.unpack_from(
            ">HHHHHH", data, base + 6 + 12 * i
        )
        if name_id == 6:
            raw = data[base + strings + offset : base + strings + offset + length]
            return raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
    return ""


# --- finding and registering faces --------------------------------------------------------------


class Fallback:
    """The fallback faces of a list of folders: scanned as needed, kept for the process."""

    def __init__(self, dirs: tuple[Path, ...]) -> None:
        self.dirs = dirs
        self._lock = threading.RLock()
        self._files: Iterator[Path] | None = None  # files not scanned yet (lazily listed)
        self._faces: list[Face] = []  # usable faces scanned so far, in search order
        self._found: dict[int, Face | None] = {}
        self._fonts: dict[int, str] = {}  # code point → registered reportlab font name

    def face(self, code: int) -> Face | None:
        """The face that prints ``code``: the first with an outline, else the first colour one."""
        with self._lock:
            if code not in self._found:
                self._found[code] = self._search(code)
            return self._found[code]

    def covered(self, ch: str) -> bool:
        return self.face(ord(ch)) is not None

    def _search(self, code: int) -> Face | None:
        having = [face for face in self._faces if face.has(code)]
        outline = next((face for face in having if face.outline), None)
        while outline is None:
            scanned = self._scan_next()
            if scanned is None:
                return having[0] if having else None  # a colour picture, or nothing
            having += [face for face in scanned if face.has(code)]
            outline = next((face for face in having if face.outline), None)
        return outline

    def _scan_next(self) -> list[Face] | None:
        """The usable faces of the next font file, or None when every file is scanned."""
        if self._files is None:
            self._files = iter(font_files(self.dirs))
        path = next(self._files, None)
        if path is None:
            return None
        faces = sorted((f for f in read_faces(path) if f.usable), key=_simplified_first)
        self._faces += faces
        return faces

    def fonts_for(self, chars: Iterable[str]) -> dict[str, str]:
        """The registered font that prints each of ``chars`` (those some fallback face has),
        subsetting and registering faces for those not registered yet."""
        chars = set(chars)
        with self._lock:
            wanted: dict[Face, set[int]] = {}
            for ch in chars:
                code = ord(ch)
                face = self.face(code)
                if face is not None and code not in self._fonts:
                    wanted.setdefault(face, set()).add(code)
            for face, codes in wanted.items():
                name = f"{PREFIX}-{next(_numbers)}"  # unique in the process
                try:
                    name, printed = _register(name, face, codes)
                except Exception as exc:  # a font fontTools or reportlab cannot take: 〓
                    LOG.warning("fallback font %s not usable: %s", face.path, exc)
                    printed = set()
                self._fonts.update(dict.fromkeys(printed, name))
                self._found.update(dict.fromkeys(codes - printed))  # nothing prints them
            return {ch: self._fonts[ord(ch)] for ch in chars if ord(ch) in self._fonts}


def _simplified_first(face: Face) -> bool:
    """In a collection (Noto CJK: JP, KR, SC, TC, HK), the Simplified Chinese face first."""
    name = face.name.lower()
    return not (name.endswith(("sc-regular", "sc", "gb")) or "cjksc" in name or "sc-" in name)


_lock = threading.Lock()
_fallbacks: dict[tuple[Path, ...], Fallback] = {}
_numbers = itertools.count(1)


def current() -> Fallback:
    """The fallback of the folders :func:`font_dirs` gives now (one per set of folders)."""
    dirs = font_dirs()
    with _lock:
        if dirs not in _fallbacks:
            _fallbacks[dirs] = Fallback(dirs)
        return _fallbacks[dirs]


# --- subsetting, converting, registering -----------------------------------------------------

_pictures: dict[tuple[str, int], bytes] = {}  # (placeholder font, code point) → PNG


def picture(font: str, ch: str) -> bytes | None:
    """The PNG to draw for ``ch`` set in ``font`` when that is a placeholder for a colour face."""
    return _pictures.get((font, ord(ch)))


def is_picture_font(font: str) -> bool:
    return font.startswith(PREFIX) and font.endswith("-picture")


def _register(name: str, face: Face, codes: set[int]) -> tuple[str, set[int]]:
    """Register the subset of ``face`` for ``codes`` as ``name``: the name registered and the
    code points it prints (a colour glyph Pillow cannot draw is left out)."""
    from reportlab.pdfbase import pdfmetrics

    from qualitydesk.export.fonts import _FixedTTFont

    if face.outline:
        data = subset_truetype(face.path, face.index, codes)
    else:
        name += "-picture"
        pictures = {code: _render_picture(face, code) for code in codes}
        codes = {code for code, png in pictures.items() if png is not None}
        if not codes:
            return name, codes
        data = placeholder_font(name, codes)
        _pictures.update({(name, code): pictures[code] for code in codes})
    pdfmetrics.registerFont(_FixedTTFont(name, io.BytesIO(data)))
    return name, codes


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
    no hinting, no layout tables, CFF outlines converted to quadratic TrueType ones."""
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
            _cff_to_truetype(font)
        font["post"].formatType = 3.0
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def _cff_to_truetype(font: TTFont) -> None:
    """Replace CFF outlines with quadratic ``glyf`` ones (as resources/fonts/make_fonts.py)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in _MAXP_TRUETYPE:
        setattr(maxp, attr, 0)
    maxp.maxZones = 1  # no instructions, no twilight zone
    hmtx = font["hmtx"]
    for name in order:
        glyph = glyphs[name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = (advance, glyph.xMin if glyph.numberOfContours else 0)


def placeholder_font(name: str, codes: Iterable[int]) -> bytes:
    """A TrueType font whose glyphs for ``codes`` are (all but) blank and one em wide: the text
    keeps the character (it extracts and searches) while a picture is drawn over it."""
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


def _render_picture(face: Face, code: int) -> bytes | None:
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
