"""Hostile and odd attachment files, built on the fly.

The visible pages are drawn with reportlab (real text a test can read back); pypdf then adds
every kind of active content a PDF can carry; odd PDFs are written object by object, so each
is broken in exactly one way. Image bombs are PNGs that declare far more pixels than they hold.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

MARKER = "qd-hostile"  # in every script, address and file name planted below
FILLED = "Filled value"  # what the form field shows (its appearance, not the page content)


def visible_pdf(lines: list[str]) -> bytes:
    """One A4 page per line of text, drawn with reportlab."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595, 842))
    for line in lines:
        canvas.setFont("Helvetica", 18)
        canvas.drawString(72, 720, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _name(value: str) -> NameObject:
    return NameObject(value)


def _dict(**entries: PdfObject) -> DictionaryObject:
    return DictionaryObject({_name("/" + k): v for k, v in entries.items()})


def _js(code: str) -> DictionaryObject:
    return _dict(S=_name("/JavaScript"), JS=TextStringObject(code))


def _rect(*values: float) -> ArrayObject:
    return ArrayObject(FloatObject(v) for v in values)


def _stream(writer: PdfWriter, data: bytes, **entries: PdfObject) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream.update({_name("/" + k): v for k, v in entries.items()})
    return writer._add_object(stream)


def _appearance(writer: PdfWriter) -> IndirectObject:
    """A field's appearance: the text FILLED in Helvetica, in a 200 × 30 box."""
    font = _dict(Type=_name("/Font"), Subtype=_name("/Type1"), BaseFont=_name("/Helvetica"))
    resources = _dict(Font=_dict(Helv=font))
    content = f"BT /Helv 14 Tf 4 10 Td ({FILLED}) Tj ET".encode()
    return _stream(
        writer,
        content,
        Type=_name("/XObject"),
        Subtype=_name("/Form"),
        BBox=_rect(0, 0, 200, 30),
        Resources=resources,
    )


def _embedded_file(writer: PdfWriter) -> DictionaryObject:
    data = _stream(writer, b"MZ not really a program", Type=_name("/EmbeddedFile"))
    name = TextStringObject(f"{MARKER}.exe")
    return _dict(Type=_name("/Filespec"), F=name, UF=name, EF=_dict(F=data))


def _annotations(writer: PdfWriter, widget: IndirectObject) -> ArrayObject:
    link = {"Type": _name("/Annot"), "Subtype": _name("/Link"), "Rect": _rect(72, 600, 300, 620)}
    actions = [
        _dict(S=_name("/URI"), URI=TextStringObject(f"https://{MARKER}.example/")),
        _dict(S=_name("/Launch"), F=TextStringObject(f"{MARKER}.exe")),
        _js(f"app.alert('{MARKER} link');"),
        _dict(S=_name("/GoTo"), D=ArrayObject([NumberObject(1), _name("/Fit")])),
        _dict(S=_name("/SubmitForm"), F=TextStringObject(f"https://{MARKER}.example/post")),
    ]
    annots: list[PdfObject] = [writer._add_object(_dict(**link, A=action)) for action in actions]
    attachment = _dict(
        Type=_name("/Annot"),
        Subtype=_name("/FileAttachment"),
        Rect=_rect(400, 600, 420, 620),
        FS=_embedded_file(writer),
    )
    annots.append(writer._add_object(attachment))
    for subtype in ("/Screen", "/Movie", "/Sound", "/RichMedia"):
        media = _dict(Type=_name("/Annot"), Subtype=_name(subtype), Rect=_rect(72, 72, 200, 200))
        media[_name("/AA")] = _dict(PO=_js(f"app.alert('{MARKER} media');"))
        annots.append(writer._add_object(media))
    annots.append(widget)
    return ArrayObject(annots)


def active_pdf() -> bytes:
    """Two visible pages carrying JavaScript, automatic actions, Launch, URI, embedded files,
    XFA, an AcroForm field with actions, links and multimedia annotations.
    """
    reader = PdfReader(io.BytesIO(visible_pdf(["Visible page one", "Visible page two"])))
    writer = PdfWriter(clone_from=reader)
    writer.add_attachment(f"{MARKER}.txt", b"an embedded file")  # /Names /EmbeddedFiles
    root = writer._root_object
    scripts = ArrayObject([TextStringObject("start"), _js(f"app.alert('{MARKER} on open');")])
    root["/Names"].get_object()[_name("/JavaScript")] = _dict(Names=scripts)
    root[_name("/OpenAction")] = _js(f"app.alert('{MARKER} open action');")
    root[_name("/AA")] = _dict(WC=_js(f"app.alert('{MARKER} close');"))
    page = writer.pages[0]
    page[_name("/AA")] = _dict(O=_js(f"app.alert('{MARKER} page open');"))
    widget = writer._add_object(
        _dict(
            Type=_name("/Annot"),
            Subtype=_name("/Widget"),
            FT=_name("/Tx"),
            T=TextStringObject("field"),
            V=TextStringObject(FILLED),
            F=NumberObject(4),  # print
            Rect=_rect(72, 500, 272, 530),
            AP=_dict(N=_appearance(writer)),
            AA=_dict(K=_js(f"app.alert('{MARKER} keystroke');")),
            A=_js(f"app.alert('{MARKER} field');"),
        )
    )
    page[_name("/Annots")] = _annotations(writer, widget)
    xfa = _stream(writer, f"<template>{MARKER}</template>".encode())
    root[_name("/AcroForm")] = _dict(
        Fields=ArrayObject([widget]),
        XFA=ArrayObject([TextStringObject("template"), xfa]),
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- odd PDFs, written object by object --------------------------------------------------------


def raw_pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF file of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _page_pdf(page: bytes, content: bytes = b"BT ET", extra: list[bytes] | None = None) -> bytes:
    stream = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R " + page + b" >>",
            stream,
            *(extra or []),
        ]
    )


def zero_mediabox_pdf() -> bytes:
    """A page with an empty media box: no size at all."""
    return _page_pdf(b"/MediaBox [0 0 0 0]")


def bad_rotate_pdf() -> bytes:
    """A page whose /Rotate is a name, not a number."""
    return _page_pdf(b"/MediaBox [0 0 595 842] /Rotate /Foo")


def deep_pdf(depth: int = 20_000) -> bytes:
    """A page whose resources hold arrays nested ``depth`` deep."""
    nested = b"[" * depth + b"]" * depth
    return _page_pdf(b"/MediaBox [0 0 595 842] /Resources << /Deep " + nested + b" >>")


def garbage_content_pdf() -> bytes:
    """A page whose content stream is cut Flate data: it cannot be decompressed."""
    content = zlib.compress(b"BT /F1 12 Tf (unterminated")[:-3]  # a broken Flate stream
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream + content + b"\nendstream",
        ]
    )


def encrypted_pdf() -> bytes:
    """A page of text, encrypted with a user password (RC4-128)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(visible_pdf(["Secret page"]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    """Three pages of text cut in the middle of the file, with no end marker."""
    data = visible_pdf(["Cut short"] * 3)
    return data[: len(data) // 2]


def truncated_with_eof_pdf() -> bytes:
    """Cut in the middle, then given an end marker: it looks complete and is not."""
    data = visible_pdf(["Cut short"] * 3)
    return data[: len(data) // 2] + b"\nstartxref\n999999\n%%EOF\n"


def odd_pdfs() -> Iterator[tuple[str, bytes]]:
    """(file name, data) for each odd PDF."""
    yield "零尺寸.pdf", zero_mediabox_pdf()
    yield "旋转异常.pdf", bad_rotate_pdf()
    yield "深层嵌套.pdf", deep_pdf()
    yield "内容损坏.pdf", garbage_content_pdf()
    yield "加密.pdf", encrypted_pdf()
    yield "截断.pdf", truncated_pdf()
    yield "截断带结尾.pdf", truncated_with_eof_pdf()


# --- images ------------------------------------------------------------------------------------


def png_bomb(side: int = 13_000) -> bytes:
    """A ``side`` × ``side`` white PNG, written row by row: about 600 KB on disk for 13000, and
    ``side``² pixels once decoded (nothing that large is ever held here).
    """
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit grey
    packer = zlib.compressobj(1)
    row = b"\x00" + b"\xff" * side  # filter byte, then the pixels
    rows, left = divmod(side, 250)
    block = row * 250
    data = b"".join(packer.compress(block) for _ in range(rows))
    data += packer.compress(row * left) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def noise_jpeg(width: int, height: int, quality: int = 95) -> bytes:
    """A photo-like JPEG of random noise: it stays large, as a camera's photo does."""
    import os

    from PIL import Image

    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality)
    return out.getvalue()
