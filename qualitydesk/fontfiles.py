"""The fonts QualityDesk ships (resources/fonts), by what each is for: one list for the window,
the PDF, the check before an export and the demo's files. Imports neither Qt nor reportlab.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

SERIF = "QualityDeskSerif-Regular.ttf"  # the PDF's body text; nothing on screen uses it
SANS = "QualityDeskSans-Regular.ttf"  # the window; the PDF's headings and tables
SANS_BOLD = "QualityDeskSans-Bold.ttf"
ALL = (SERIF, SANS, SANS_BOLD)


def font_file(name: str) -> Traversable:
    """One of the bundled fonts: a file, or an entry of an archive the program runs from."""
    return resources.files("qualitydesk.resources").joinpath("fonts", name)
