"""Type sizes and spacing: serif (宋体-style) 小四 body text, sans (黑体-style) headings.

The body's size, leading and paragraph space and the tables' size come from the export's
:class:`~qualitydesk.export.layout.PageGeometry` (the layout chosen in forms/layouts.toml); the
headings, captions and the 目录 keep their own sizes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from qualitydesk.export.flowables import TextStyle
from qualitydesk.export.fonts import SANS, SANS_BOLD, SERIF
from qualitydesk.export.layout import COMPACT, PageGeometry

CELL_LEADING = 15.0 / 10.5  # a table cell's leading for its size


@dataclass(frozen=True)
class Styles:
    """The text styles of one export, made by :func:`make_styles`."""

    body: TextStyle
    plain: TextStyle  # body without the first-line indent
    part: TextStyle  # 一级: a part of the package
    section: TextStyle  # 二级: a category, a group of the profile
    item: TextStyle  # 三级: a scored item, a profile section
    subheading: TextStyle  # headings inside a narrative
    caption: TextStyle
    note: TextStyle
    cell: TextStyle
    head_cell: TextStyle
    label_cell: TextStyle
    toc: TextStyle
    toc_part: TextStyle
    code: TextStyle
    cover_title: TextStyle
    cover_subtitle: TextStyle
    cover_field: TextStyle

    def cell_of(self, size: float, align: str = "left") -> TextStyle:
        """The table cell style at ``size`` points (leading 1.4 × size), aligned ``align``."""
        return replace(self.cell, size=size, leading=size * 1.4, align=align)

    def head_of(self, size: float) -> TextStyle:
        """The table header cell style at ``size`` points (leading 1.4 × size)."""
        return replace(self.head_cell, size=size, leading=size * 1.4)


def make_styles(geometry: PageGeometry = COMPACT) -> Styles:
    """The styles of an export on ``geometry``'s page (the body and table type it sets)."""
    size = geometry.body_size
    body = TextStyle(
        SERIF,
        size,
        geometry.body_leading,
        first_indent=2 * size,
        space_after=geometry.paragraph_space,
    )
    table = geometry.table_size
    cell = TextStyle(SERIF, table, round(table * CELL_LEADING, 2), align="left")
    return Styles(
        body=body,
        plain=replace(body, first_indent=0.0),
        part=TextStyle(SANS_BOLD, 18.0, 28.0, align="center", space_before=6.0, space_after=16.0),
        section=TextStyle(SANS_BOLD, 15.0, 24.0, align="left", space_before=12.0, space_after=8.0),
        item=TextStyle(SANS_BOLD, 13.5, 22.0, align="left", space_before=10.0, space_after=6.0),
        subheading=TextStyle(
            SANS_BOLD, 12.0, 20.0, align="left", space_before=6.0, space_after=3.0
        ),
        caption=TextStyle(SANS, 10.5, 16.0, align="center", space_before=3.0, space_after=8.0),
        note=TextStyle(SERIF, 10.5, 16.0, align="justify", space_after=4.0),
        cell=cell,
        head_cell=replace(cell, font=SANS_BOLD, align="center"),
        label_cell=replace(cell, font=SANS, align="left"),
        toc=TextStyle(SERIF, 12.0, 22.0, align="left"),
        toc_part=TextStyle(SANS_BOLD, 12.5, 24.0, align="left"),
        code=TextStyle(SANS, 10.0, 15.0, align="left", left_indent=size * 2, space_after=4.0),
        cover_title=TextStyle(SANS_BOLD, 26.0, 40.0, align="center"),
        cover_subtitle=TextStyle(SANS_BOLD, 18.0, 30.0, align="center"),
        cover_field=TextStyle(SERIF, 14.0, 24.0, align="left"),
    )
