"""Reading an exported PDF back, for the tests that check what the export wrote.

:mod:`.text` gives text per page (without the running header and footer), the outline and the
printed page numbers; :mod:`.structure` fonts, header version and trailer; :mod:`.glyphs` where
characters sit (lines, glyph origins, character boxes); :mod:`.flow` how the pages are filled
(the blank at each page's foot, the group that opens a page).
"""

from .flow import MM, FootBlank, foot_blanks, opening_groups, section_start
from .glyphs import Box, Glyph, box_lines, char_boxes, find_chars, glyphs, layout_lines
from .structure import font_names, fonts_without_file, header_version, last_trailer
from .text import (
    FOOTER,
    INTERNAL_MARKS,
    ROMAN,
    Entry,
    body_text,
    markdown_blocks,
    outline,
    page_texts,
    printed_number,
    squeeze,
    toc_numbers,
)

__all__ = [
    "FOOTER",
    "INTERNAL_MARKS",
    "MM",
    "ROMAN",
    "Box",
    "Entry",
    "FootBlank",
    "Glyph",
    "body_text",
    "box_lines",
    "char_boxes",
    "find_chars",
    "font_names",
    "fonts_without_file",
    "foot_blanks",
    "glyphs",
    "header_version",
    "last_trailer",
    "layout_lines",
    "markdown_blocks",
    "opening_groups",
    "outline",
    "page_texts",
    "printed_number",
    "section_start",
    "squeeze",
    "toc_numbers",
]
