"""Charts as PNG pictures for the Word copy: a reportlab.graphics drawing painted with Pillow.

The PDF draws the charts of :mod:`qualitydesk.export.graphics` as vectors; Word gets the same
drawing as a picture at print resolution (300 dpi), so the two look alike. reportlab's own bitmap
renderer needs a cairo binding that is not installed here, so this module paints the few shapes
the charts use — lines, polylines, polygons, circles, rectangles, text, groups — itself, with the
dash patterns that tell the series apart on a black-and-white copy. Pillow is thread-safe for
this (unlike pdfium; a lock keeps the shared fonts to one thread at a time), so an export may
run in a background thread.
"""

from __future__ import annotations

import functools
import io
import math
import threading
from collections.abc import Iterator, Sequence
from importlib import resources
from itertools import pairwise

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color

from qualitydesk.export.fonts import _FILES

DPI = 300
COLOURS = 64  # palette entries: the series colours and the anti-aliased text edges
Point = tuple[float, float]
RGBA = tuple[int, int, int, int]
_lock = threading.Lock()


def drawing_png(drawing: Drawing, dpi: int = DPI) -> bytes:
    """``drawing`` as a PNG of ``dpi`` pixels per inch, on white, with its resolution recorded."""
    scale = dpi / 72.0
    size = (max(1, round(drawing.width * scale)), max(1, round(drawing.height * scale)))
    image = Image.new("RGB", size, (255, 255, 255))
    with _lock:  # the cached fonts are shared: one FreeType face must not draw in two threads
        _Painter(image, scale, drawing.height).paint(drawing.contents)
    # A chart has few colours: a palette keeps the file small and is quick to compress.
    palette = image.quantize(COLOURS, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    palette.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _rgba(color: object) -> RGBA | None:
    if not isinstance(color, Color):
        return None
    alpha = getattr(color, "alpha", 1.0)
    alpha = 1.0 if alpha is None else alpha
    return (
        round(color.red * 255),
        round(color.green * 255),
        round(color.blue * 255),
        round(alpha * 255),
    )


@functools.cache
def _font_data(name: str) -> bytes:
    file = _FILES.get(name, _FILES[next(iter(_FILES))])
    return resources.files("qualitydesk.resources").joinpath("fonts", file).read_bytes()


@functools.cache
def _font(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(_font_data(name)), pixels)


class _Painter:
    """Paints shapes onto ``image``: points scaled by ``scale``, y measured from the bottom."""

    def __init__(self, image: Image.Image, scale: float, height: float) -> None:
        self.image, self.scale, self.height = image, scale, height
        self.draw = ImageDraw.Draw(image)

    def xy(self, x: float, y: float) -> Point:
        return x * self.scale, (self.height - y) * self.scale

    def points(self, flat: Sequence[float]) -> list[Point]:
        return [self.xy(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]

    def width(self, shape: object) -> int:
        return max(1, round(float(getattr(shape, "strokeWidth", 1) or 1) * self.scale))

    def paint(self, shapes: Sequence[object]) -> None:
        for shape in shapes:
            if isinstance(shape, Group):
                self.paint(shape.contents)  # the charts place shapes directly: no transforms
            elif isinstance(shape, String):
                self.text(shape)
            elif isinstance(shape, Line):
                self.stroke([self.xy(shape.x1, shape.y1), self.xy(shape.x2, shape.y2)], shape)
            elif isinstance(shape, Polygon):  # before PolyLine: both have points
                self.polygon(self.points(shape.points), shape)
            elif isinstance(shape, PolyLine):
                self.stroke(self.points(shape.points), shape)
            elif isinstance(shape, Circle):
                self.circle(shape)
            elif isinstance(shape, Rect):
                x0, y0 = self.xy(shape.x, shape.y + shape.height)
                x1, y1 = self.xy(shape.x + shape.width, shape.y)
                self.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], shape)

    def stroke(self, points: list[Point], shape: object, closed: bool = False) -> None:
        color = _rgba(getattr(shape, "strokeColor", None))
        if color is None or len(points) < 2:
            return
        if closed:
            points = [*points, points[0]]
        dash = getattr(shape, "strokeDashArray", None)
        width = self.width(shape)
        if dash:
            pattern = [max(float(d) * self.scale, 1.0) for d in dash]
            for segment in _dashes(points, pattern):
                self.draw.line(segment, fill=color, width=width)
        else:
            self.draw.line(points, fill=color, width=width, joint="curve")

    def polygon(self, points: list[Point], shape: object) -> None:
        fill = _rgba(getattr(shape, "fillColor", None))
        if fill is not None and fill[3] < 255:  # see-through: blend through a mask
            mask = Image.new("L", self.image.size, 0)
            ImageDraw.Draw(mask).polygon(points, fill=fill[3])
            self.image.paste(fill[:3], (0, 0, *self.image.size), mask)
        elif fill is not None:
            self.draw.polygon(points, fill=fill)
        self.stroke(points, shape, closed=True)

    def circle(self, shape: Circle) -> None:
        x, y = self.xy(shape.cx, shape.cy)
        r = shape.r * self.scale
        fill = _rgba(shape.fillColor)
        stroke = _rgba(shape.strokeColor) if shape.strokeWidth else None
        box = (x - r, y - r, x + r, y + r)
        self.draw.ellipse(box, fill=fill, outline=stroke, width=self.width(shape))

    def text(self, shape: String) -> None:
        if not shape.text:
            return
        font = _font(shape.fontName, max(1, round(shape.fontSize * self.scale)))
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(shape.textAnchor, "ls")
        fill = _rgba(shape.fillColor) or (0, 0, 0, 255)
        self.draw.text(self.xy(shape.x, shape.y), shape.text, font=font, fill=fill, anchor=anchor)


def _dashes(points: list[Point], pattern: list[float]) -> Iterator[list[Point]]:
    """The drawn pieces of a dashed polyline: ``pattern`` is on, off, on, off … in pixels."""
    index, left, on = 0, pattern[0], True
    current: list[Point] = [points[0]]
    for (x0, y0), (x1, y1) in pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while length - done > left:
            done += left
            t = done / length
            point = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if on:
                yield [*current, point]
            current = [point]
            index = (index + 1) % len(pattern)
            left, on = pattern[index], not on
        left -= length - done
        current.append((x1, y1))
    if on and len(current) > 1:
        yield current
