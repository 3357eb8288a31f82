#!/usr/bin/env python3
r"""Build QualityDesk's bundled Chinese fonts from the Debian Noto CJK fonts.

The app must render Chinese (UI via PySide6, PDF export via reportlab) on
machines without any Chinese font installed, so it ships its own fonts.  The
upstream Noto CJK fonts are OpenType/CFF collections of 20+ MB; this script
turns the Simplified Chinese faces into small, stand-alone TrueType fonts:

1. Read the character list from ``charset.txt`` (next to this script).  With
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

    python resources/fonts/make_fonts.py \
        --source-dir /usr/share/fonts/opentype/noto --out resources/fonts

Add ``--regenerate-charset`` to rebuild ``charset.txt`` from the Unicode data
first, and ``--faces serif`` (``sans``, ``sans-bold``) to build only some fonts.

Requires ``fonttools`` (tested with 4.68) and, on Debian,
``apt-get install fonts-noto-cjk`` (and ``unicode-data`` for
``--regenerate-charset``).
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import logging
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

LOG = logging.getLogger("make_fonts")

HERE = Path(__file__).resolve().parent
DEFAULT_CHARSET = HERE / "charset.txt"
DEFAULT_UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")

# Layout features kept in GSUB/GPOS.  Everything else is dropped, notably
# ``locl`` (pulls in the JP/KR/TC glyph variants and doubles the size) and
# the vertical-writing features (vert/vrt2/vkrn...), unused by the app.
LAYOUT_FEATURES = ["ccmp", "liga", "calt", "mark", "mkmk", "kern", "halt", "palt"]

# Tables that must not survive the CFF -> TrueType conversion.
CFF_ONLY_TABLES = ("CFF ", "CFF2", "VORG")

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
# Character set
# --------------------------------------------------------------------------

# Single symbols used in business documents, beyond the ranges below.
BUSINESS_SYMBOLS = "℃℉№€×÷±≥≤≠≈∞√■□▲△●○◆◇★☆※"

# Skipped inside the punctuation ranges: zero-width / format / separator
# characters and unassigned code points.
EXCLUDED_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"}


def assigned(cps: Iterable[int]) -> set[int]:
    """Return the code points that are assigned, visible characters."""
    return {cp for cp in cps if unicodedata.category(chr(cp)) not in EXCLUDED_CATEGORIES}


def base_ranges() -> set[int]:
    """Latin, punctuation, CJK symbol and business-symbol code points."""
    cps: set[int] = set(range(0x20, 0x7F))  # printable ASCII
    cps |= assigned(range(0xA0, 0x100))  # Latin-1 supplement
    cps |= assigned(range(0x2000, 0x2070))  # general punctuation
    cps |= assigned(range(0x3000, 0x3040))  # CJK symbols and punctuation
    cps |= assigned(range(0xFF00, 0xFFF0))  # half-/full-width forms
    cps |= set(range(0x2460, 0x2474))  # ① .. ⑳
    cps |= set(range(0x2160, 0x216C))  # Ⅰ .. Ⅻ
    cps |= set(range(0x2170, 0x217C))  # ⅰ .. ⅻ
    cps |= set(range(0x2190, 0x2194))  # ← ↑ → ↓
    # Symbol blocks that Word and Excel users paste into reports: super/subscripts, currency,
    # letterlike (℃ №), number forms, arrows, mathematical operators (− ≈ ∑), technical, enclosed
    # alphanumerics, box drawing, shapes, miscellaneous symbols (☑ ☐), dingbats (✓ ✗), enclosed
    # CJK (㈠) and CJK compatibility units (㎡ ㎏ ㎞). Glyphs the source font lacks are skipped.
    for first, last in (
        (0x2070, 0x20CF),
        (0x2100, 0x22FF),
        (0x2300, 0x23FF),
        (0x2460, 0x27BF),
        (0x3200, 0x33FF),
    ):
        cps |= assigned(range(first, last + 1))
    cps |= assigned(range(0x0391, 0x03AA))  # Greek capitals
    cps |= assigned(range(0x03B1, 0x03CA))  # Greek small letters
    cps |= {ord(ch) for ch in BUSINESS_SYMBOLS}
    return cps


def gb2312_chars(first_row: int = 1, last_row: int = 87) -> set[int]:
    """Decode every two-byte GB2312 code in rows ``first_row..last_row``.

    Rows 16-87 hold the 6,763 hanzi; rows 1-9 hold symbols, pinyin letters,
    kana, Greek, Cyrillic and box drawing.
    """
    cps: set[int] = set()
    for row in range(first_row, last_row + 1):
        for cell in range(1, 95):
            with contextlib.suppress(UnicodeDecodeError):  # unassigned cells
                cps.add(ord(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312")))
    return cps


def tongyong_guifan_chars(unihan_other_mappings: Path) -> set[int]:
    """Return the 8,105 characters of 通用规范汉字表 (2013).

    They are the code points carrying a ``kTGH`` value ("2013:<index>") in
    ``Unihan_OtherMappings.txt`` (Unicode >= 13; Debian ``unicode-data``).
    """
    opener = bz2.open if unihan_other_mappings.suffix == ".bz2" else open
    indices: dict[int, int] = {}
    with opener(unihan_other_mappings, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\tkTGH\t" not in line:
                continue
            code, _field, value = line.rstrip("\n").split("\t")
            for entry in value.split():
                indices[int(entry.split(":")[1])] = int(code[2:], 16)
    if sorted(indices) != list(range(1, 8106)):
        raise ValueError(f"{unihan_other_mappings}: kTGH does not give indices 1..8105")
    return set(indices.values())


def build_charset(unihan_other_mappings: Path) -> set[int]:
    """Assemble the full character set (see module docstring)."""
    return base_ranges() | gb2312_chars() | tongyong_guifan_chars(unihan_other_mappings)


def write_charset(path: Path, cps: set[int], unihan_other_mappings: Path) -> None:
    """Write ``cps`` as ``U+XXXX<TAB>char`` lines, sorted, with a header."""
    header = [
        "# QualityDesk bundled-font character set (generated by make_fonts.py).",
        "# One code point per line: U+XXXX<TAB>character.  '#' starts a comment.",
        "# Contents: printable ASCII, Latin-1, general punctuation (no format chars),",
        "# CJK symbols and punctuation, full-width forms, business symbols,",
        "# all of GB2312 (rows 1-87), and the 8105 characters of 通用规范汉字表 (2013)",
        f"# from the Unihan kTGH field ({unihan_other_mappings.name}).",
        f"# Total: {len(cps)} code points.",
    ]
    lines = header + [f"U+{cp:04X}\t{chr(cp)}" for cp in sorted(cps)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_charset(path: Path) -> set[int]:
    """Read the code points from a file written by :func:`write_charset`."""
    cps: set[int] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        field = line.split("\t", 1)[0].strip()
        if field and not field.startswith("#"):
            cps.add(int(field.removeprefix("U+"), 16))
    return cps


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


def vertical_origins(font: TTFont) -> dict[str, int]:
    """Vertical origin Y of every glyph, from ``VORG`` (or the ascender)."""
    order = font.getGlyphOrder()
    if "VORG" in font:
        vorg = font["VORG"]
        return {name: vorg.VOriginRecords.get(name, vorg.defaultVertOriginY) for name in order}
    ascender = font["hhea"].ascent
    return dict.fromkeys(order, ascender)


def convert_outlines(font: TTFont, max_err: float) -> None:
    """Replace the CFF outlines with quadratic TrueType ``glyf`` outlines."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")  # offsets are computed when compiling


def fix_metrics(font: TTFont, origins: dict[str, int]) -> None:
    """Make hmtx/vmtx side bearings match the new glyph bounding boxes.

    TrueType rasterisers expect lsb == xMin; the vertical origin that
    ``VORG`` gave explicitly is expressed through tsb = origin - yMax.
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


def set_truetype_tables(font: TTFont) -> None:
    """Drop CFF tables and set head/maxp/post for an unhinted TrueType font."""
    for tag in CFF_ONLY_TABLES:
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1  # no twilight zone needed: no instructions
    maxp.recalc(font)  # points/contours from glyf

    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)


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
    origins = vertical_origins(font)
    convert_outlines(font, max_err)
    fix_metrics(font, origins)
    set_truetype_tables(font)
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
        "--out", type=Path, default=HERE, help="output directory (default: this script's directory)"
    )
    parser.add_argument(
        "--charset",
        type=Path,
        default=DEFAULT_CHARSET,
        help="character list file (default: charset.txt here)",
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
