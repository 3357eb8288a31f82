"""Page layouts of the package (forms/layouts.toml, an award's [layout]) and their checks."""

from __future__ import annotations

from typing import Annotated

import msgspec

from qualitydesk.domain.forms.base import REFERENCE, Model, Text


def _between(low: float, high: float, unit: str) -> msgspec.Meta:
    return msgspec.Meta(ge=low, le=high, extra={"unit": unit})


Margin = Annotated[float, _between(15.0, 50.0, "mm")]
BodySize = Annotated[float, _between(9.0, 16.0, "pt")]
Leading = Annotated[float, _between(10.0, 40.0, "pt")]
ParagraphSpace = Annotated[float, _between(0.0, 24.0, "pt")]
TableSize = Annotated[float, _between(7.5, 14.0, "pt")]

# The numbers a layout sets: margins in mm, type in points (ranges in the types above).
LAYOUT_VALUES = (
    "binding_mm",
    "outer_mm",
    "top_mm",
    "bottom_mm",
    "body_size_pt",
    "leading_pt",
    "paragraph_space_pt",
    "table_size_pt",
)
A4_MM = (210.0, 297.0)
MIN_TEXT_MM = (150.0, 200.0)  # the narrowest and lowest text block the package's tables fit


class Layout(Model, frozen=True):
    """A page layout of the package (版式): margins, body type and leading, table type."""

    id: Text
    name: Text  # 标准, 紧凑: what the export options and ``export --layout`` offer
    name_en: Text
    binding_mm: Margin  # 订口 (the bound edge)
    outer_mm: Margin
    top_mm: Margin
    bottom_mm: Margin
    body_size_pt: BodySize
    leading_pt: Leading  # fixed, baseline to baseline inside a paragraph
    paragraph_space_pt: ParagraphSpace
    table_size_pt: TableSize
    source: Text  # the programme's clause or template, or REFERENCE
    note: str = ""

    @property
    def reference(self) -> bool:
        """The program's suggestion (REFERENCE), not a layout the programme publishes."""
        return self.source == REFERENCE

    def names(self) -> tuple[str, ...]:
        """What a user may type to choose it: the id, the Chinese and the English name."""
        return (self.id, self.name, self.name_en)


class LayoutChange(Model, frozen=True):
    """An award's own layout values ([layout]) over the default layout, with their source."""

    source: Text
    note: str = ""
    binding_mm: Margin | None = None
    outer_mm: Margin | None = None
    top_mm: Margin | None = None
    bottom_mm: Margin | None = None
    body_size_pt: BodySize | None = None
    leading_pt: Leading | None = None
    paragraph_space_pt: ParagraphSpace | None = None
    table_size_pt: TableSize | None = None

    @property
    def values(self) -> tuple[tuple[str, float], ...]:
        """The values the award sets, by key."""
        found = ((key, getattr(self, key)) for key in LAYOUT_VALUES)
        return tuple((key, value) for key, value in found if value is not None)


class Layouts(Model, frozen=True):
    """forms/layouts.toml: the layouts in order and the id of the default one."""

    default: Text
    layouts: tuple[Layout, ...]


def layout_problem(layout: Layout) -> tuple[str, str] | None:
    """(key, problem) when the values together fail: a text block the package's tables do not
    fit in, or a leading the type does not fit in; None when the layout works.
    """
    width = A4_MM[0] - layout.binding_mm - layout.outer_mm
    height = A4_MM[1] - layout.top_mm - layout.bottom_mm
    if width < MIN_TEXT_MM[0]:
        return "outer_mm", (
            f"版心宽 {width:g} mm（A4 的 210 mm 减去 binding_mm 与 outer_mm），"
            f"应不小于 {MIN_TEXT_MM[0]:g} mm"
        )
    if height < MIN_TEXT_MM[1]:
        return "bottom_mm", (
            f"版心高 {height:g} mm（A4 的 297 mm 减去 top_mm 与 bottom_mm），"
            f"应不小于 {MIN_TEXT_MM[1]:g} mm"
        )
    if layout.leading_pt < layout.body_size_pt * 1.2:
        return "leading_pt", (
            f"{layout.leading_pt:g} pt 小于 1.2 × body_size_pt"
            f"（{layout.body_size_pt * 1.2:g} pt）：行与行会重叠"
        )
    if layout.table_size_pt > layout.body_size_pt:
        return "table_size_pt", "应不大于 body_size_pt"
    return None
