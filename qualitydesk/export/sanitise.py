"""Attachments made fit to print: what cannot be printed, and images bounded and scaled.

Images: the pixels an image declares are checked before it is decoded
(:data:`~qualitydesk.store.media.MAX_IMAGE_PIXELS`); a JPEG is decoded at a reduced scale
(``Image.draft``) and every image is scaled down, a band of rows at a time, to 300 dpi at the
largest size it can be placed (the text block): a 40 MB photo never lies in memory at full size.
PDFs are reduced to their visible pages in :mod:`qualitydesk.export.pdfclean`.

An attachment that cannot be printed raises :class:`AttachmentProblem` with the reason and what
to do, in Chinese, so the package prints a page saying so in its place and the rest of it is
made; :func:`unreadable_note` is what the export and preflight then tell the user.
"""

from __future__ import annotations

import io
import logging
import math
import struct
from dataclasses import dataclass
from typing import IO

from PIL import Image, UnidentifiedImageError

from qualitydesk.export.images import stream
from qualitydesk.export.layout import TEXT_HEIGHT, TEXT_WIDTH
from qualitydesk.store.media import MAX_IMAGE_PIXELS, ImageTooLarge, open_image

log = logging.getLogger(__name__)

__all__ = ["MAX_IMAGE_PIXELS", "AttachmentProblem", "PrintImage"]

PRINT_DPI = 300
SHRINK_BAND = 128  # rows of the scaled image made at a time


CHECK_FILE = "请检查文件后重新添加，或另附纸质件"


class AttachmentProblem(ValueError):
    """An attachment cannot be printed: ``reason`` says why and ``advice`` what to do, in
    Chinese (one clause each); the message is the reason.
    """

    def __init__(self, reason: str, advice: str = CHECK_FILE) -> None:
        super().__init__(reason)
        self.reason, self.advice = reason, advice


def unreadable_note(file_name: str, problem: AttachmentProblem) -> str:
    """What the export and preflight say about an attachment that cannot be printed."""
    return (
        f"附件《{file_name}》无法读取：{problem.reason}。包中以一页说明代替，其余内容照常导出；"
        f"{problem.advice}。"
    )


# --- images -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintImage:
    """Image bytes ready for the PDF (JPEG or PNG, upright, RGB or grey) and their pixel size."""

    data: bytes
    pixels: tuple[int, int]


def print_pixels(box: tuple[float, float] = (TEXT_WIDTH, TEXT_HEIGHT)) -> tuple[int, int]:
    """The pixels ``box`` (points) holds at print resolution."""
    return math.ceil(box[0] * PRINT_DPI / 72), math.ceil(box[1] * PRINT_DPI / 72)


def print_image(
    source: bytes | IO[bytes], box: tuple[float, float] = (TEXT_WIDTH, TEXT_HEIGHT)
) -> PrintImage:
    """``source`` as an image for print: at most 300 dpi when fitted into ``box`` (points).

    Raises :class:`AttachmentProblem` when it is too large, not an image, or damaged.
    """
    try:
        with open_image(source) as opened:
            return _prepare(opened, source, print_pixels(box))
    except ImageTooLarge as exc:
        raise AttachmentProblem(f"图片{exc}", "请把图片缩小后重新添加") from None
    except UnidentifiedImageError:
        raise AttachmentProblem("不是可以识别的图片格式") from None
    except (OSError, SyntaxError, EOFError) as exc:
        log.info("image attachment unreadable", exc_info=exc)
        raise AttachmentProblem("文件已损坏或不完整") from None
    except Exception as exc:  # hostile input: a decoder may fail in any way; the export goes on
        log.info("image attachment could not be decoded", exc_info=exc)
        raise AttachmentProblem("图片的格式或颜色模式不受支持") from None


def _prepare(opened: Image.Image, source: bytes | IO[bytes], box: tuple[int, int]) -> PrintImage:
    orientation = _orientation(opened, source)
    width, height = opened.size
    bw, bh = box if orientation < 5 else (box[1], box[0])  # 5–8: stored turned a quarter
    scale = min(1.0, bw / width, bh / height)
    wanted = (max(1, round(width * scale)), max(1, round(height * scale)))
    if opened.format == "JPEG" and scale < 1:
        opened.draft("RGB" if opened.mode in ("RGB", "YCbCr") else None, wanted)
    keep = (
        scale == 1
        and orientation == 1
        and opened.format in ("JPEG", "PNG")
        and opened.mode in ("RGB", "L", "RGBA", "LA")
        and _length(source) <= width * height * 4  # no megabytes of metadata along with it
    )
    if keep and opened.format == "PNG":
        data = _all_bytes(source)
        if stream(data) is not None:  # its rows go into the PDF compressed, as they are
            opened.verify()  # so: every chunk whole and its checksum right, rows not decoded
            return PrintImage(data, opened.size)
    opened.load()  # decodes: at the reduced scale for a JPEG
    if keep:
        return PrintImage(_all_bytes(source), opened.size)
    image = _shrink(opened, wanted) if opened.size != wanted else opened
    if orientation != 1:  # (the scaled copy has no EXIF left to say so)
        image = image.transpose(_TURNS[orientation])
    image = _flat(image)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88)
    return PrintImage(out.getvalue(), image.size)


def _shrink(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` scaled down to ``size`` a band of rows at a time, so that no copy of the
    whole image (converted or half-scaled) is ever made beside the decoded one.
    """
    mode = _working_mode(image)
    (width, height), rows = image.size, size[1]
    ratio = height / rows
    margin = math.ceil(3 * ratio) + 1  # the rows Lanczos reads beyond a band's edges
    out = Image.new(mode, size)
    for top in range(0, rows, SHRINK_BAND):
        bottom = min(top + SHRINK_BAND, rows)
        first, last = top * ratio, bottom * ratio
        crop_top = max(0, math.floor(first) - margin)
        crop_bottom = min(height, math.ceil(last) + margin)
        band = _in_mode(image.crop((0, crop_top, width, crop_bottom)), mode)
        box = (0.0, first - crop_top, float(width), last - crop_top)
        part = band.resize((size[0], bottom - top), Image.Resampling.LANCZOS, box=box)
        out.paste(part, (0, top))
    return out


def _working_mode(image: Image.Image) -> str:
    if "A" in image.mode or "transparency" in image.info:
        return "RGBA"
    if image.mode in ("L", "1") or image.mode.startswith(("I", "F")):
        return "L"
    return "RGB"


def _in_mode(image: Image.Image, mode: str) -> Image.Image:
    if image.mode == mode:
        return image
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):  # 16-bit grey: keep its range
        image = image.convert("F").point(lambda value: value / 256)
    return image.convert(mode)


_TURNS = {  # EXIF orientation → what turns the stored pixels upright (as ImageOps.exif_transpose)
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _orientation(image: Image.Image, source: bytes | IO[bytes]) -> int:
    if image.format == "PNG" and "exif" not in image.info and not _late_exif(source):
        return 1  # (Pillow would decode every row to look for an eXIf chunk after them)
    try:
        value = image.getexif().get(0x0112, 1)  # Orientation
    except (OSError, ValueError, SyntaxError):  # a damaged EXIF block: take the image as it is
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _late_exif(source: bytes | IO[bytes]) -> bool:
    """Whether a PNG has an eXIf chunk (read from the chunks' headers alone)."""
    found = io.BytesIO(source) if isinstance(source, bytes) else source
    start = found.tell()
    try:
        found.seek(8)  # the signature
        while len(head := found.read(8)) == 8:
            length, kind = struct.unpack(">I4s", head)
            if kind in (b"eXIf", b"IEND"):
                return kind == b"eXIf"
            found.seek(length + 4, io.SEEK_CUR)  # the data and its checksum
        return False
    finally:
        found.seek(start)


def _flat(image: Image.Image) -> Image.Image:
    """RGB or grey, transparency laid on white."""
    if image.mode in ("RGB", "L"):
        return image
    if "A" in image.mode or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _length(source: bytes | IO[bytes]) -> int:
    if isinstance(source, bytes):
        return len(source)
    return source.seek(0, io.SEEK_END)


def _all_bytes(source: bytes | IO[bytes]) -> bytes:
    if isinstance(source, bytes):
        return source
    source.seek(0)
    return source.read()
