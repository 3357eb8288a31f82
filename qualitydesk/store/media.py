"""What an image attachment declares before anyone decodes it, and the one limit on its pixels.

A PNG of 600 KB can declare 13000 × 13000 pixels and take gigabytes once decoded. Pillow reads
an image's size from its header without decoding it (``Image.open`` is lazy), so the size is
checked first, here, against :data:`MAX_IMAGE_PIXELS` — when an attachment is added, before it is
printed, and before it is previewed. Pillow's own guard (``Image.MAX_IMAGE_PIXELS``) is set from
the same constant: an image it finds too large raises, or warns (refused here all the same).
"""

from __future__ import annotations

import io
import struct
import warnings
from typing import IO

from PIL import Image, UnidentifiedImageError

MAX_IMAGE_PIXELS = 50_000_000  # 50 megapixels: a 8660 × 5773 photo; 150 MB as RGB, decoded

Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
# Images above the limit are refused by :func:`declared_pixels` itself; Pillow's warning for
# those between one and two times the limit would add nothing (it raises above twice).
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


class ImageTooLarge(ValueError):
    """An image declares more pixels than :data:`MAX_IMAGE_PIXELS`; the message says so."""

    def __init__(self, size: tuple[int, int] | None) -> None:
        self.size = size
        super().__init__(too_large_text(size))


def too_large_text(size: tuple[int, int] | None) -> str:
    """“为 13000×13000 像素（约 16900 万像素），超过 5000 万像素的上限” (or without the size)."""
    limit = f"{MAX_IMAGE_PIXELS // 10_000} 万像素的上限"
    if size is None:
        return f"像素过多，超过 {limit}"
    pixels = size[0] * size[1]
    return f"为 {size[0]}×{size[1]} 像素（约 {round(pixels / 10_000)} 万像素），超过 {limit}"


def open_image(source: bytes | IO[bytes]) -> Image.Image:
    """The image in ``source``, opened lazily (nothing decoded yet) and within the pixel limit.

    Raises :class:`ImageTooLarge` above the limit and ``UnidentifiedImageError``/``OSError`` when
    Pillow cannot read the header.
    """
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        image = Image.open(stream)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # (the warning arrives as an error in strict runs)
        raise ImageTooLarge(_refused_size(stream)) from None
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        image.close()
        raise ImageTooLarge((width, height))
    return image


def _refused_size(stream: IO[bytes]) -> tuple[int, int] | None:
    """The size an image Pillow refused to open declares, for the message: its header read by
    the format's own class as ``Image.open`` does, without the pixel guard (nothing decoded).
    """
    stream.seek(0)
    prefix = stream.read(16)
    for format_id in Image.ID:
        factory, accept = Image.OPEN[format_id]
        accepted = accept(prefix) if accept is not None else True
        if not accepted or isinstance(accepted, str):
            continue
        try:
            stream.seek(0)
            with factory(stream, "") as image:
                return image.size
        except (SyntaxError, OSError, ValueError, IndexError, TypeError, struct.error):
            continue
    return None


def declared_pixels(source: bytes | IO[bytes]) -> tuple[int, int] | None:
    """The size an image declares, or None when Pillow does not know the format (not an image,
    or one it cannot read); raises :class:`ImageTooLarge` above the limit.
    """
    try:
        with open_image(source) as image:
            return image.size
    except ImageTooLarge:
        raise
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def refusal(data: bytes, name: str, media_type: str) -> str | None:
    """Why an attachment ``name`` cannot be added (an image with too many pixels), or None."""
    looks_like_image = media_type.startswith("image/") or data[:8].startswith(
        (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF")
    )
    if not looks_like_image:
        return None
    try:
        declared_pixels(data)
    except ImageTooLarge as exc:
        return f"图片“{name}”{exc}；请缩小后再添加"
    return None
