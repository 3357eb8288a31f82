r"""The fonts installed on the machine, and what each covers, read cheaply.

:func:`font_dirs` names the folders searched for fallback faces:

- Windows: ``%WINDIR%\Fonts`` and the per-user fonts folder (SimSun-ExtB ``simsunb.ttf``,
  MingLiU-ExtB ``mingliub.ttc``, Segoe UI Symbol and Segoe UI Emoji are looked at first);
- macOS: ``/System/Library/Fonts`` (and ``Supplemental``), ``/Library/Fonts``, ``~/Library/Fonts``;
- Linux and others: ``~/.local/share/fonts``, ``~/.fonts``, ``/usr/local/share/fonts``,
  ``/usr/share/fonts`` (no fontconfig needed).

``QUALITYDESK_FONT_DIRS`` (folders separated by ``os.pathsep``) replaces that list: tests point it
at a folder of their own, and an empty value turns the fallback off.

:func:`read_faces` reads only each font's table directory, ``OS/2.fsType`` and ``cmap`` straight
from the file (a few milliseconds a file; fontTools decodes a whole cmap into a dictionary, which
made a scan of this machine's 71 fonts 6.8 s instead of 0.4 s). Fonts whose licence forbids
embedding (``fsType`` restricted, bitmap-only or no-subsetting) are not :attr:`Face.usable`.
"""

from __future__ import annotations

import logging
import mmap
import os
import struct
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

LOG = logging.getLogger(__name__)
Buffer = bytes | mmap.mmap

ENV_DIRS = "QUALITYDESK_FONT_DIRS"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")

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
        """Whether the face maps ``code`` to a glyph."""
        i = bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]

    @property
    def usable(self) -> bool:
        """Whether the face may be embedded and covers anything."""
        return self.embeddable and bool(self.starts)


def embeddable(fs_type: int) -> bool:
    """Whether OS/2 ``fsType`` lets us embed a subset: not restricted (bit 1 alone), not
    "no subsetting" (bit 8), not "bitmap embedding only" (bit 9).
    """
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
