"""Images are copied into the PDF as they are stored, and print the same pixels.

The PDF is read back with pypdfium2 (the image's decoded pixels) and pypdf (its stream).
"""

from __future__ import annotations

import io
import os
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from qualitydesk.export.images import draw_image, stream
from qualitydesk.export.sanitise import AttachmentProblem, print_image


def _encoded(mode: str, fmt: str, size: tuple[int, int] = (37, 23), **options: object) -> bytes:
    pixels = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).convert(mode)
    out = io.BytesIO()
    pixels.save(out, format=fmt, **options)
    return out.getvalue()


def _pdf_with(tmp_path: Path, *images: bytes) -> Path:
    path = tmp_path / "images.pdf"
    canv = Canvas(str(path))
    for n, data in enumerate(images):
        canv.saveState()
        canv.translate(50, 50 + 200 * n)
        draw_image(canv, data, 150, 100)
        canv.restoreState()
    canv.save()
    return path


def _printed(path: Path) -> list[Image.Image]:
    page = pdfium.PdfDocument(str(path))[0]
    found = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
    return [obj.get_bitmap(render=False).to_pil() for obj in found]


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_png_prints_its_own_pixels_without_being_decoded(tmp_path: Path, mode: str) -> None:
    data = _encoded(mode, "PNG")
    found = stream(data)
    assert found is not None
    path = _pdf_with(tmp_path, data)
    (image,) = [x.get_object() for x in PdfReader(path).pages[0]["/Resources"]["/XObject"].values()]
    assert image._data == found.content  # the PNG's own compressed rows
    (printed,) = _printed(path)
    original = Image.open(io.BytesIO(data))
    assert printed.size == original.size
    assert printed.convert(mode).tobytes() == original.tobytes()


def test_a_jpeg_is_stored_byte_for_byte(tmp_path: Path) -> None:
    data = _encoded("RGB", "JPEG", quality=90)
    path = _pdf_with(tmp_path, data)
    xobjects = PdfReader(path).pages[0]["/Resources"]["/XObject"]
    (image,) = [x.get_object() for x in xobjects.values()]
    assert image["/Filter"] == ["/DCTDecode"]
    assert image._data == data  # the stream as stored, not decoded and encoded again
    assert _printed(path)[0].size == (37, 23)


@pytest.mark.parametrize(("mode", "fmt"), [("RGBA", "PNG"), ("P", "PNG"), ("CMYK", "JPEG")])
def test_other_images_still_print_through_reportlab(tmp_path: Path, mode: str, fmt: str) -> None:
    data = _encoded(mode, fmt)
    assert stream(data) is None
    (printed,) = _printed(_pdf_with(tmp_path, data))
    assert printed.size == (37, 23)


def _with_header(png: bytes, offset: int, value: int) -> bytes:
    """``png`` with one byte of its IHDR changed (and the chunk's CRC made right again)."""
    header = bytearray(png[12:29])  # b"IHDR" and its 13 bytes
    header[4 + offset] = value
    return png[:12] + bytes(header) + zlib.crc32(header).to_bytes(4, "big") + png[33:]


def test_sixteen_bit_or_interlaced_pngs_are_left_to_reportlab() -> None:
    png = _encoded("RGB", "PNG")
    assert stream(_with_header(png, 8, 16)) is None  # bit depth
    assert stream(_with_header(png, 12, 1)) is None  # Adam7 interlacing


def test_damaged_or_unknown_data_is_left_to_reportlab() -> None:
    png = _encoded("RGB", "PNG")
    assert stream(png[:40]) is None  # cut inside the header or the first IDAT
    assert stream(b"GIF89a....") is None
    assert stream(b"\xff\xd8\xff") is None


def test_the_same_image_twice_is_stored_once(tmp_path: Path) -> None:
    data = _encoded("RGB", "PNG")
    path = _pdf_with(tmp_path, data, data)
    xobjects = PdfReader(path).pages[0]["/Resources"]["/XObject"]
    assert len(xobjects) == 1
    assert len(_printed(path)) == 2


# --- checked for print without decoding the rows (sanitise.print_image) -----------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")


def _png_halves() -> bytes:
    """20 × 10: red on the left, blue on the right."""
    image = Image.new("RGB", (20, 10), (255, 0, 0))
    image.paste((0, 0, 255), (10, 0, 20, 10))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_a_plain_png_is_kept_as_it_is() -> None:
    data = _png_halves()
    printed = print_image(data)
    assert (printed.data, printed.pixels) == (data, (20, 10))


def test_an_exif_turn_after_the_rows_is_still_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: rotate 90° clockwise to show
    data = _png_halves()
    data = data[:-12] + _chunk(b"eXIf", exif.tobytes()) + data[-12:]  # just before IEND
    printed = print_image(data)
    assert printed.pixels == (10, 20)
    upright = Image.open(io.BytesIO(printed.data)).convert("RGB")
    assert upright.getpixel((5, 2))[0] > 200  # red, once on the left, is on top
    assert upright.getpixel((5, 17))[2] > 200


def test_a_png_with_a_damaged_row_is_refused() -> None:
    data = bytearray(_png_halves())
    at = data.index(b"IDAT") + 8
    data[at] ^= 0xFF  # one byte of the compressed rows: its chunk's checksum no longer matches
    with pytest.raises(AttachmentProblem, match="损坏"):
        print_image(bytes(data))
