#!/usr/bin/env python3
r"""Build QualityDesk's bundled Chinese fonts from the Debian Noto CJK fonts.

The app must render Chinese (UI via PySide6, PDF export via reportlab) on
machines without any Chinese font installed, so it ships its own fonts.  The
upstream Noto CJK fonts are OpenType/CFF collections of 20+ MB; this script
turns the Simplified Chinese faces into small, stand-alone TrueType fonts:

1. Read the character list from ``resources/fonts/charset.txt``.  With
   ``--regenerate-charset`` the list is rebuilt first from:
   printable ASCII, Latin-1, general punctuation (no format characters),
   CJK symbols and punctuation, full-width forms, a few business symbols,
   everything GB2312 encodes (all 87 rows, i.e. the 6,763 hanzi plus its
   symbols), and the 8,105 characters of the 2013 通用规范汉字表 taken from
   the Unihan ``kTGH`` field (Debian package ``unicode-data``).
2. Open the SC face of the source collection and check its name table.
3. Subset it with ``fontTools.subset`` (no hinting, no ``locl`` or vertical
   features, no Unicode variation sequences).
4. Convert the cubic CFF outlines to quadratic TrueType outlines with
   ``cu2qu`` and build ``glyf``/``loca``; drop ``CFF `` and ``VORG``; set
   ``maxp`` 1.0 and ``post`` format 3; fix ``hmtx``/``vmtx`` side bearings.
5. Rename the family (the OFL forbids nothing here: neither "Noto" nor the
   reserved name "Source" is used) and note the modification in the
   copyright and description strings.

Usage (from the repository root)::

    python tools/make_fonts.py \
        --source-dir /usr/share/fonts/opentype/noto --out resources/fonts

Add ``--regenerate-charset`` to rebuild ``charset.txt`` from the Unicode data
first, and ``--faces serif`` (``sans``, ``sans-bold``) to build only some fonts.

Requires ``fonttools`` (tested with 4.68) and, on Debian,
``apt-get install fonts-noto-cjk`` (and ``unicode-data`` for
``--regenerate-charset``).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from font_charset import build_charset, read_charset, write_charset
from fontTools import subset
from fontTools.ttLib import TTFont

# The outline conversion is the PDF export's own (its fallback faces are converted the same way).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from qualitydesk.export.fontsubset import cff_to_truetype

LOG = logging.getLogger("make_fonts")

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
DEFAULT_CHARSET = FONTS / "charset.txt"
DEFAULT_UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")

# Layout features kept in GSUB/GPOS.  Everything else is dropped, notably
# ``locl`` (pulls in the JP/KR/TC glyph variants and doubles the size) and
# the vertical-writing features (vert/vrt2/vkrn...), unused by the app.
LAYOUT_FEATURES = ["ccmp", "liga", "calt", "mark", "mkmk", "kern", "halt", "palt"]

MODIFICATION_NOTE = (
    "Modified for QualityDesk: subset and converted to TrueType (quadratic) outlines."
)


@dataclass(frozen=True)
class FaceSpec:
    """One output font and where it comes from."""

    source_file: str  # file name inside --source-dir
    face_index: int  # face inside the .ttc collection
    expected_family: str  # name ID 1 the source face must have
    family: str  # new family name (name ID 1 / 16)
    style: str  # subfamily (name ID 2 / 17)
    out_file: str  # output file name inside --out

    @property
    def postscript_name(self) -> str:
        """PostScript name (name ID 6), e.g. ``QualityDeskSerif-Regular``."""
        return f"{self.family.replace(' ', '')}-{self.style.replace(' ', '')}"

    @property
    def full_name(self) -> str:
        """Full font name (name ID 4)."""
        return self.family if self.style == "Regular" else f"{self.family} {self.style}"


FACES: dict[str, FaceSpec] = {
    "serif": FaceSpec(
        "NotoSerifCJK-Regular.ttc",
        2,
        "Noto Serif CJK SC",
        "QualityDesk Serif",
        "Regular",
        "QualityDeskSerif-Regular.ttf",
    ),
    "sans": FaceSpec(
        "NotoSansCJK-Regular.ttc",
        2,
        "Noto Sans CJK SC",
        "QualityDesk Sans",
        "Regular",
        "QualityDeskSans-Regular.ttf",
    ),
    "sans-bold": FaceSpec(
        "NotoSansCJK-Bold.ttc",
        2,
        "Noto Sans CJK SC",
        "QualityDesk Sans",
        "Bold",
        "QualityDeskSans-Bold.ttf",
    ),
}


# --------------------------------------------------------------------------
# Font building
# --------------------------------------------------------------------------


def load_face(source_dir: Path, spec: FaceSpec) -> TTFont:
    """Open the source face and check that it is the expected (SC) face."""
    font = TTFont(source_dir / spec.source_file, fontNumber=spec.face_index)
    family = font["name"].getDebugName(1)
    if family != spec.expected_family:
        raise ValueError(
            f"{spec.source_file} face {spec.face_index} is {family!r}, "
            f"expected {spec.expected_family!r}"
        )
    if "CFF " not in font:
        raise ValueError(f"{spec.source_file}: expected CFF outlines")
    return font


def subset_font(font: TTFont, unicodes: set[int]) -> set[int]:
    """Subset ``font`` in place to ``unicodes``; return the code points it lacks."""
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.format != 14]  # no variation sequences
    missing = unicodes - set(cmap.getBestCmap())
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes - missing)
    subsetter.subset(font)
    return missing


def rename(font: TTFont, spec: FaceSpec, source_family: str) -> None:
    """Give the font its own family name and record the modification."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    upstream_version = version.split(";")[0].removeprefix("Version ").strip()
    copyright_notice = name.getDebugName(0) or ""
    name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    new_names = {
        0: f"{copyright_notice} {MODIFICATION_NOTE}".strip(),
        1: spec.family,
        2: spec.style,
        3: f"{upstream_version};QualityDesk;{spec.postscript_name}",
        4: spec.full_name,
        5: f"Version {upstream_version}; QualityDesk subset of {source_family}",
        6: spec.postscript_name,
        10: (
            f"Subset of {source_family} {upstream_version} (SIL OFL 1.1) for QualityDesk, "
            "converted from CFF to TrueType outlines. Not an official Noto font."
        ),
    }
    for name_id, text in new_names.items():
        name.setName(text, name_id, 3, 1, 0x409)
    if spec.style not in ("Regular", "Bold", "Italic", "Bold Italic"):
        name.setName(spec.family, 16, 3, 1, 0x409)
        name.setName(spec.style, 17, 3, 1, 0x409)


def build_face(
    source_dir: Path, out_dir: Path, spec: FaceSpec, unicodes: set[int], max_err: float
) -> Path:
    """Produce one output font; return its path."""
    start = time.monotonic()
    font = load_face(source_dir, spec)
    source_family = font["name"].getDebugName(4) or spec.expected_family
    if spec.style != "Regular" and not source_family.endswith(spec.style):
        source_family = f"{source_family} {spec.style}"
    missing = subset_font(font, unicodes)
    cff_to_truetype(font, max_err)
    rename(font, spec, source_family)
    out_path = out_dir / spec.out_file
    font.recalcTimestamp = False  # keep the source's head.modified: reproducible output
    font.save(out_path)
    LOG.info(
        "%s: %d glyphs, %d of %d characters mapped (%d not in source: %s), %.2f MB, %.0f s",
        out_path.name,
        len(font.getGlyphOrder()),
        len(unicodes) - len(missing),
        len(unicodes),
        len(missing),
        " ".join(f"U+{cp:04X}" for cp in sorted(missing)) or "-",
        out_path.stat().st_size / 1e6,
        time.monotonic() - start,
    )
    return out_path


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=Path("/usr/share/fonts/opentype/noto"),
        help="directory holding the Noto CJK .ttc files",
    )
    parser.add_argument(
        "--out", type=Path, default=FONTS, help="output directory (default: resources/fonts)"
    )
    parser.add_argument(
        "--charset",
        type=Path,
        default=DEFAULT_CHARSET,
        help="character list file (default: resources/fonts/charset.txt)",
    )
    parser.add_argument(
        "--regenerate-charset",
        action="store_true",
        help="rebuild the character list file before building",
    )
    parser.add_argument(
        "--unihan",
        type=Path,
        default=DEFAULT_UNIHAN,
        help="Unihan_OtherMappings.txt[.bz2] (for --regenerate-charset)",
    )
    parser.add_argument(
        "--faces",
        nargs="+",
        choices=sorted(FACES),
        default=["serif", "sans", "sans-bold"],
        help="which fonts to build",
    )
    parser.add_argument(
        "--max-err",
        type=float,
        default=1.0,
        help="cu2qu approximation error, in font units (default 1.0)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    args = parse_args(argv)
    if args.regenerate_charset:
        write_charset(args.charset, build_charset(args.unihan), args.unihan)
        LOG.info("wrote %s", args.charset)
    unicodes = read_charset(args.charset)
    LOG.info("%d characters in %s", len(unicodes), args.charset)
    args.out.mkdir(parents=True, exist_ok=True)
    for key in args.faces:
        build_face(args.source_dir, args.out, FACES[key], unicodes, args.max_err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
