"""fontTools (the PDF export's font fallback subsets and converts system fonts) imports the module
of each font table by name when it first reads that table: collect them all.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = [
    *collect_submodules("fontTools.ttLib.tables"),
    "fontTools.subset",
    "fontTools.pens.cu2quPen",
    "fontTools.pens.ttGlyphPen",
]
