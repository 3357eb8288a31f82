"""The bundled fonts for the PDF: registered with reportlab once per process, and their coverage.

Three TrueType faces ship in ``resources/fonts``: a 宋体-style serif for body text and a 黑体-style
sans (regular and bold) for headings. They are registered under fixed names the first time an
export needs them; registration is guarded by a lock so exports running in background threads
can start at the same time.

reportlab writes a wrong ToUnicode entry for characters outside the BMP (``<2CB5A>`` instead of
the UTF-16 surrogate pair ``<D872DF5A>``), so 𬭚 prints right but copies and searches as U+2CB5.
:class:`_FixedTTFont` rewrites those entries after reportlab has made the font's PDF objects; only
fonts of this module are affected, reportlab itself is not patched.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from qualitydesk import fontfiles
from qualitydesk.export import fallback

SERIF = "QualityDeskSerif"
SANS = "QualityDeskSans"
SANS_BOLD = "QualityDeskSans-Bold"

_FILES = {SERIF: fontfiles.SERIF, SANS: fontfiles.SANS, SANS_BOLD: fontfiles.SANS_BOLD}

_lock = threading.Lock()
_BFCHAR_BEYOND_BMP = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _surrogates(match: re.Match[str]) -> str:
    """One ``bfchar`` line with its destination written as a UTF-16BE surrogate pair."""
    code = int(match.group(2), 16)
    utf16 = chr(code).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{utf16}>"


def fix_to_unicode(cmap: str) -> str:
    """A ToUnicode CMap with destinations beyond the BMP as UTF-16 pairs (PDF 1.7, 9.10.3)."""
    return _BFCHAR_BEYOND_BMP.sub(_surrogates, cmap)


SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def subset_tag(used: set[str], *parts: object) -> str:
    """A six-letter subset tag (PDF 9.6.4) derived from ``parts``, not yet in ``used`` (added).

    reportlab tags every font's subsets AAAAAA, AAAAAB …, so two fonts — or our font and the
    same one in an attachment — share a tag, which the format forbids and some printers' RIPs
    resolve by using the wrong subset. A hash of what names the subset is as stable as the
    document and different for every subset.
    """
    salt = 0
    while True:
        digest = hashlib.sha256(repr((*parts, salt)).encode()).digest()
        number = int.from_bytes(digest[:8], "big")
        tag = ""
        for _ in range(6):
            number, letter = divmod(number, 26)
            tag += chr(ord("A") + letter)
        if tag not in used:
            used.add(tag)
            return tag
        salt += 1


class _FixedTTFont(TTFont):
    """A TTFont whose ToUnicode CMaps are correct for characters outside the BMP and whose
    subsets have tags unique in the document (see :func:`subset_tag`).
    """

    def addObjects(self, doc: Any) -> None:
        fonts = doc.idToObject["BasicFonts"].dict
        before = set(fonts)
        super().addObjects(doc)
        for internal in sorted(set(fonts) - before):
            _retag(doc, fonts[internal], internal)
        for key, obj in doc.idToObject.items():
            if key.startswith("toUnicodeCMap:") and isinstance(getattr(obj, "content", None), str):
                obj.content = fix_to_unicode(obj.content)


def _retag(doc: Any, font: Any, internal: str) -> None:
    """Give the subset ``font`` (reportlab's PDFTrueTypeFont) a tag of its own in ``doc``."""
    old = str(font.BaseFont)
    if not SUBSET_TAG.match(old):
        return
    used = doc.__dict__.setdefault("_qualitydesk_subset_tags", set())
    cmap = doc.idToObject.get("toUnicodeCMap:" + old)
    content = getattr(cmap, "content", "")
    info = getattr(doc, "info", None)
    document = (getattr(info, "title", ""), getattr(info, "author", ""))
    new = f"{subset_tag(used, old[7:], internal, document, content)}+{old[7:]}"
    font.BaseFont = new
    descriptor = doc.idToObject.get("fontDescriptor:" + old)
    if descriptor is not None:
        descriptor.dict["FontName"] = pdfdoc.PDFName(new)
    if isinstance(content, str):
        cmap.content = content.replace(old, new)


@dataclass(frozen=True)
class FontSet:
    """The registered faces and the code points each one has a glyph for."""

    serif: str
    sans: str
    sans_bold: str
    cmaps: dict[str, frozenset[int]]
    union: frozenset[int]

    def bundled(self, ch: str) -> bool:
        """Whether a bundled font can print ``ch``."""
        return ord(ch) in self.union

    def lacking(self, text: str, *, bundled_only: bool = False) -> set[int]:
        """The code points of ``text`` (newlines aside) that no bundled font has and — unless
        ``bundled_only`` — no fallback face has either (set arithmetic: a page of text costs
        one pass over it, not a call per character).
        """
        codes = set(map(ord, text)).difference(self.union)
        codes.discard(10)
        if codes and not bundled_only:
            found = fallback.current()
            codes = {code for code in codes if not found.covered(chr(code))}
        return codes

    def covered(self, ch: str) -> bool:
        """Whether a bundled font or a fallback face (:mod:`~qualitydesk.export.fallback`: the
        system's fonts) can print ``ch``; fonts are searched only for what the bundle lacks.
        """
        return ord(ch) in self.union or fallback.current().covered(ch)

    def fallback_fonts(self, chars: Iterable[str]) -> dict[str, str]:
        """The registered fallback font for each of ``chars`` that no bundled font has and a
        fallback face has (subset and registered now if it was not yet).
        """
        return fallback.current().fonts_for(ch for ch in chars if ord(ch) not in self.union)

    def face_for(self, font: str, ch: str) -> str | None:
        """``font`` if it has ``ch``, else the first bundled face that has it, else None."""
        code = ord(ch)
        if code in self.cmaps[font]:
            return font
        return next((name for name, cmap in self.cmaps.items() if code in cmap), None)


def _load(name: str) -> TTFont:
    data = fontfiles.font_file(_FILES[name]).read_bytes()
    font = _FixedTTFont(name, io.BytesIO(data))
    # glyph → characters is needed only while reportlab reads the cmap (and for HarfBuzz
    # shaping, which we do not use): 10,000 small lists a face, 3.7 MB of the export's peak
    font.face.glyphToChar = {}
    return font


def fonts() -> FontSet:
    """The bundled fonts, registered with reportlab on first use (safe from any thread).

    The first call also turns off reportlab's ASCII85 encoding of streams (``useA85``): binary
    streams are a fifth smaller, and encoding them takes a good part of an export's time without
    reportlab's optional C accelerator. The setting is process-wide; QualityDesk is the only
    user of reportlab in its process, and the PDFs are valid either way.
    """
    with _lock:
        return _register()


@functools.cache
def _register() -> FontSet:
    rl_config.useA85 = 0
    cmaps: dict[str, frozenset[int]] = {}
    for name in _FILES:
        font = pdfmetrics.getFont(name) if name in pdfmetrics.getRegisteredFontNames() else None
        if not isinstance(font, _FixedTTFont):
            font = _load(name)
            pdfmetrics.registerFont(font)
            # reportlab files a TrueType font under its face's name too, and gives a new name
            # the font registered first for that face — the demo's attachments, drawn with the
            # same file, would stand in for ours, without its ToUnicode fix and unique tags
            pdfmetrics._fonts[name] = font
        cmaps[name] = frozenset(font.face.charToGlyph)
    return FontSet(SERIF, SANS, SANS_BOLD, cmaps, frozenset().union(*cmaps.values()))
