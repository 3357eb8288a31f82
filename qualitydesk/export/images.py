"""Images into the PDF as they are stored: no decoding, no compressing again.

reportlab's ``drawImage`` decodes every image to raw pixels — to name it by a digest of those
pixels, and for a PNG to compress them once more — which for the demo package's fourteen
scanned certificates was a sixth of the whole export. A PDF can take both formats the print
images come in (:mod:`qualitydesk.export.sanitise`) without that: a JPEG's bytes are a
``DCTDecode`` stream as they are, and the compressed rows of a PNG (its ``IDAT`` chunks) are a
``FlateDecode`` stream with the PNG predictors (``/Predictor 15``, PDF 1.7, 7.4.4.4). The pixels
printed are the same.

Only the plain cases are copied: a JPEG of 8 bits with 1 or 3 components, a PNG of 8 bits, grey
or RGB, not interlaced, without transparency. Anything else (an alpha channel, a palette, 16
bits, CMYK, a file that does not parse) goes through reportlab as before.
"""

from __future__ import annotations

import hashlib
import io
import struct
from dataclasses import dataclass

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen.canvas import Canvas

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_COLOURS = {0: ("DeviceGray", 1), 2: ("DeviceRGB", 3)}  # colour type: space, components
_JPEG_COLOURS = {1: "DeviceGray", 3: "DeviceRGB"}
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2}  # baseline, extended, progressive (Huffman)


@dataclass(frozen=True)
class Stream:
    """An image XObject's content and what the PDF needs to know to decode it."""

    width: int
    height: int
    colour: str
    filters: tuple[str, ...]
    content: bytes
    parameters: tuple[tuple[str, int], ...] = ()  # /DecodeParms


def stream(data: bytes) -> Stream | None:
    """``data`` (a JPEG or PNG) as an image stream without decoding it, or None if it is not
    one of the plain cases (see the module docstring).
    """
    try:
        if data.startswith(_PNG_SIGNATURE):
            return _png(data)
        if data.startswith(b"\xff\xd8"):
            return _jpeg(data)
    except (struct.error, IndexError, ValueError):
        return None  # damaged or unusual: reportlab decodes it (and says what is wrong)
    return None


def _png(data: bytes) -> Stream | None:
    pos, idat, header = len(_PNG_SIGNATURE), [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if len(body) != length:
            return None
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind in (b"tRNS", b"PLTE"):
            return None  # transparency or a palette
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat:
        return None
    width, height, depth, colour_type, _compression, _filter, interlace = header
    if depth != 8 or interlace or colour_type not in _PNG_COLOURS or not width or not height:
        return None
    space, colours = _PNG_COLOURS[colour_type]
    parameters = (("Predictor", 15), ("Colors", colours), ("BitsPerComponent", 8))
    return Stream(
        width, height, space, ("FlateDecode",), b"".join(idat), (*parameters, ("Columns", width))
    )


def _jpeg(data: bytes) -> Stream | None:
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _JPEG_FRAMES:
            depth, height, width, components = struct.unpack(">BHHB", data[pos + 4 : pos + 10])
            if depth != 8 or components not in _JPEG_COLOURS or not width or not height:
                return None
            return Stream(width, height, _JPEG_COLOURS[components], ("DCTDecode",), data)
        if 0xC3 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return None  # lossless, hierarchical or arithmetic-coded frames
        pos += 2 + length
    return None


class _ImageXObject(pdfdoc.PDFImageXObject):
    """reportlab's image XObject with its stream given as it is, and /DecodeParms."""

    def __init__(self, name: str, found: Stream) -> None:
        super().__init__(name)
        self.width, self.height = found.width, found.height
        self.bitsPerComponent = 8
        self.colorSpace = found.colour
        self._filters = found.filters
        self.streamContent = found.content
        self.mask = None
        self.parameters = found.parameters

    def format(self, document: PDFDocument) -> bytes:
        pdf_stream = pdfdoc.PDFStream(content=self.streamContent)
        entries = pdf_stream.dictionary
        entries["Type"] = pdfdoc.PDFName("XObject")
        entries["Subtype"] = pdfdoc.PDFName("Image")
        entries["Width"] = self.width
        entries["Height"] = self.height
        entries["BitsPerComponent"] = self.bitsPerComponent
        entries["ColorSpace"] = pdfdoc.PDFName(self.colorSpace)
        entries["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(f) for f in self._filters])
        if self.parameters:  # one per filter, as /Filter is an array (PDF 1.7, 7.3.8.2)
            parameters = pdfdoc.PDFDictionary(dict(self.parameters))
            entries["DecodeParms"] = pdfdoc.PDFArray([parameters])
        entries["Length"] = len(self.streamContent)
        return pdf_stream.format(document)


def draw_image(canv: Canvas, data: bytes, width: float, height: float) -> None:
    """Draw the JPEG or PNG ``data`` into (0, 0, width, height) of ``canv``: copied as it is
    when it can be, else through reportlab. The same bytes drawn twice are stored once.
    """
    found = stream(data)
    if found is None:
        from reportlab.lib.utils import ImageReader

        canv.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width, height)
        return
    name = "qd" + hashlib.md5(data, usedforsecurity=False).hexdigest()
    document = canv._doc
    registered = document.getXObjectName(name)
    if document.idToObject.get(registered) is None:  # as Canvas.drawImage registers one
        xobject = _ImageXObject(name, found)
        canv._setXObjects(xobject)
        document.Reference(xobject, registered)
        document.addForm(name, xobject)
    canv._currentPageHasImages = 1
    canv.saveState()
    canv.scale(width, height)
    canv._code.append(f"/{registered} Do")
    canv.restoreState()
    canv._formsinuse.append(name)
