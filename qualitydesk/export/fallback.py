"""Fallback faces: the system's fonts print what the bundled fonts lack (𠀀 𪚥 龘, emoji).

The bundled fonts cover GB2312, the 8,105 characters of 通用规范汉字表 and common symbols. For a
character beyond them, :class:`Fallback` looks through the fonts installed on the machine
(:mod:`~qualitydesk.export.fontscan` says where they are and what each covers), in order, and
stops at the first font that has the character; what it learnt is kept for the process. Nothing
is scanned while every character is in the bundled fonts, so an export without rare characters
costs nothing more.

A face that has a character with an outline (TrueType or CFF) is subset to exactly the
characters needed (:mod:`~qualitydesk.export.fontsubset`) and registered with reportlab under a
unique name (``QualityDeskFallback-N``). An emoji that only a colour font has (CBDT, sbix: Noto
Color Emoji, Apple Color Emoji) is drawn with Pillow as a picture; the text keeps the character
in a blank placeholder face so the PDF still extracts and searches as the emoji. Outline faces
win over colour ones: an emoji prints as a monochrome outline where any font has one (Segoe UI
Symbol, Symbola).
"""

from __future__ import annotations

import io
import itertools
import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from qualitydesk.export.fontscan import Face, font_dirs, font_files, read_faces
from qualitydesk.export.fontsubset import placeholder_font, render_picture, subset_truetype

LOG = logging.getLogger(__name__)
PREFIX = "QualityDeskFallback"


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
        """Whether some fallback face prints ``ch``."""
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
        subsetting and registering faces for those not registered yet.
        """
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


# --- registering ------------------------------------------------------------------------------

_pictures: dict[tuple[str, int], bytes] = {}  # (placeholder font, code point) → PNG


def picture(font: str, ch: str) -> bytes | None:
    """The PNG to draw for ``ch`` set in ``font`` when that is a placeholder for a colour face."""
    return _pictures.get((font, ord(ch)))


def is_picture_font(font: str) -> bool:
    """Whether ``font`` is the placeholder of a colour face (its characters are pictures)."""
    return font.startswith(PREFIX) and font.endswith("-picture")


def _register(name: str, face: Face, codes: set[int]) -> tuple[str, set[int]]:
    """Register the subset of ``face`` for ``codes`` as ``name``: the name registered and the
    code points it prints (a colour glyph Pillow cannot draw is left out).
    """
    from reportlab.pdfbase import pdfmetrics

    from qualitydesk.export.fonts import _FixedTTFont

    if face.outline:
        data = subset_truetype(face.path, face.index, codes)
    else:
        name += "-picture"
        pictures = {code: render_picture(face, code) for code in codes}
        drawn = {code: png for code, png in pictures.items() if png is not None}
        codes = set(drawn)
        if not codes:
            return name, codes
        data = placeholder_font(name, codes)
        _pictures.update({(name, code): png for code, png in drawn.items()})
    pdfmetrics.registerFont(_FixedTTFont(name, io.BytesIO(data)))
    return name, codes
