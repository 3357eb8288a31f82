"""The bundled Chinese fonts, so the window shows Chinese on a machine with no CJK fonts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from qualitydesk import fontfiles

# The window's: the serif is the PDF's body face, and nothing on screen uses it.
FONT_FILES = (fontfiles.SANS, fontfiles.SANS_BOLD)
UI_FAMILY = "QualityDesk Sans"


def load_bundled_fonts() -> list[str]:
    """Register the fonts in resources/fonts with Qt; return the families that loaded.

    Registered by their files' names when they are files (Qt's FreeType then maps each file and
    reads what it draws: 7 MB less resident than a copy of the 9 MB of fonts given as data),
    else (in an archive) from their bytes.
    """
    families: list[str] = []
    for name in FONT_FILES:
        entry = fontfiles.font_file(name)
        if not entry.is_file():
            continue
        if isinstance(entry, Path):
            font_id = QFontDatabase.addApplicationFont(str(entry))
        else:
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def ui_font(point_size: float | None = None) -> QFont:
    """The interface font: the bundled sans, falling back to the system's CJK fonts."""
    font = QFont()
    font.setFamilies([UI_FAMILY, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"])
    # The bundled fonts carry no hinting, and FreeType's auto-hinter working hints out for each
    # glyph drawn was a tenth of the start-up's CPU for no difference to see on screen.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if point_size:
        font.setPointSizeF(point_size)
    return font
