"""What every part of a PDF needs while its story is put together: the document, the programme,
styles, numbering, the 目录 entries, and small helpers for headings, narratives and values."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Award, FieldSpec, Forms, Framework
from qualitydesk.export.flowables import Heading, Para, Picture, TextStyle, TocLine
from qualitydesk.export.layout import TEXT_HEIGHT, TEXT_WIDTH
from qualitydesk.export.markdown import Narrative, Numbering, Sources
from qualitydesk.export.styles import Styles, make_styles
from qualitydesk.store.document import Document, DocumentError

EMPTY = "（未填写）"


@dataclass
class Book:
    """The state shared by the parts of one export."""

    doc: Document
    forms: Forms
    check: Callable[[str], None]  # reports a step; raises when the user cancelled
    styles: Styles = field(default_factory=make_styles)
    numbering: Numbering = field(default_factory=Numbering)
    toc: list[tuple[str, str, int]] = field(default_factory=list)
    width: float = TEXT_WIDTH
    pdfs: dict[int, bytes] = field(default_factory=dict)  # PDF attachments placed in the story
    _images: dict[int, tuple[bytes, tuple[int, int]] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.award: Award = self.forms.award(self.doc.award_id)
        self.framework: Framework = self.forms.framework(self.doc.framework_id)
        self.sources = Sources({i.id: i for i in self.doc.indicators()}, self.picture)

    # -- names --

    @property
    def org(self) -> str:
        return str(self.doc.field("org_name") or "") or "（未填写组织名称）"

    @property
    def programme(self) -> str:
        return f"{self.doc.year}年度{self.award.name}"

    def part_name(self, part_id: str, default: str) -> str:
        part = self.award.part(part_id)
        return part.name if part else default

    # -- building blocks --

    def heading(
        self,
        text: str,
        style: TextStyle,
        key: str,
        level: int,
        *,
        toc: bool = True,
        outline: str | None = None,
    ) -> Heading:
        if toc:
            self.toc.append((key, outline or text, level))
        return Heading(text, style, key=key, level=level, outline=outline)

    def narrative(self, markdown: str, prefix: str, key: str, level: int) -> list[Flowable]:
        if not markdown.strip():
            return [Para(EMPTY, self.styles.plain)]
        renderer = Narrative(
            self.styles, self.numbering, self.sources, self.width, prefix, key, level
        )
        return renderer.render(markdown)

    def para(self, text: str, style: TextStyle | None = None) -> Para:
        return Para(text, style or self.styles.body)

    def contents(self) -> list[Flowable]:
        """The 目录 lines for the headings registered so far."""
        out: list[Flowable] = []
        for key, title, level in self.toc:
            style = self.styles.toc_part if level == 0 else self.styles.toc
            out.append(TocLine(key, title, level, style))
        return out

    # -- values --

    def value(self, spec: FieldSpec, value: object) -> str:
        return format_value(spec, value)

    def picture(
        self, attachment_id: int, width: float = TEXT_WIDTH, height: float = TEXT_HEIGHT * 0.6
    ) -> Flowable | None:
        """An image attachment as a picture, or None if it is not a readable image."""
        if attachment_id not in self._images:
            self._images[attachment_id] = self._load_image(attachment_id)
        found = self._images[attachment_id]
        if found is None:
            return None
        data, pixels = found
        return Picture(data, pixels, width, height)

    def _load_image(self, attachment_id: int) -> tuple[bytes, tuple[int, int]] | None:
        try:
            data = self.doc.attachment_data(attachment_id)
        except DocumentError:
            return None
        return print_image(data)


def print_image(data: bytes, max_pixels: int = 2400) -> tuple[bytes, tuple[int, int]] | None:
    """Image bytes ready for the PDF (upright, RGB, at most ``max_pixels`` on the long side:
    about 350 dpi across the text block), with their size; None if Pillow cannot read them."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    unchanged = image.format in ("JPEG", "PNG") and image.mode in ("RGB", "L", "RGBA", "LA")
    if unchanged and max(image.size) <= max_pixels:
        return data, image.size
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    image.thumbnail((max_pixels, max_pixels))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88, optimize=True)
    return out.getvalue(), image.size


def format_value(spec: FieldSpec, value: object) -> str:
    """A 申请表 value as it is printed: 是/否 boxes, 2009年6月18日, 12,000.00 万元, 14.60%."""
    if value is None or value == "":
        return ""
    if spec.type == "bool" or isinstance(value, bool):
        return "■是　□否" if value else "□是　■否"
    text = str(value).strip()
    if spec.type == "date":
        return chinese_date(text)
    if spec.type == "money":
        return numbers.money_wan(text)
    if spec.type == "percent":
        return numbers.percent(text, 2)
    if spec.unit and spec.type == "integer":
        return f"{text} {spec.unit}"
    return text


def chinese_date(text: str) -> str:
    """2026-05-15 as 2026年5月15日; anything else unchanged."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.year}年{day.month}月{day.day}日"


def gap(height_mm: float) -> Flowable:
    return Spacer(1, height_mm * mm)
