"""PDF attachments placed onto the pages reserved for them, page by page, with pypdf.

The story reserves a box (:class:`~qualitydesk.export.flowables.PageSlot`) for each page of a
PDF attachment, so those pages get the running header, the page number and the bookmark like any
other; here each attachment page is scaled into its box. Only the pages that receive something
are rewritten: the result is an incremental update of the PDF reportlab made.

reportlab shares one font dictionary among all pages, so a page that receives an attachment gets
its own copy of its resources first; and fonts an attachment page selects but never shows text
with (reportlab's own PDFs select an unembedded Helvetica on every page) are left out, with the
operators that select them.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, RectangleObject

Slot = tuple[
    int, int, int, tuple[float, float, float, float]
]  # attachment, its page, our page, box
_SHOWS_TEXT = {b"Tj", b"TJ", b"'", b'"'}


def place_pages(pdf: bytes, slots: Sequence[Slot], attachments: Mapping[int, bytes]) -> bytes:
    """``pdf`` with page ``n`` of each attachment drawn into its slot."""
    if not slots:
        return pdf
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    readers: dict[int, PdfWriter] = {}
    for attachment, index, on_page, box in slots:
        if attachment not in readers:
            readers[attachment] = _open(attachments[attachment])
        source = readers[attachment].pages[index]
        source.transfer_rotation_to_content()
        _drop_unused_fonts(source)
        target = writer.pages[on_page - 1]
        _own_resources(target)
        target.merge_transformed_page(source, _fit(source.cropbox, box))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _open(data: bytes) -> PdfWriter:
    """An attachment as a writer: its pages may then be changed (rotation, unused fonts)."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    return PdfWriter(clone_from=reader)


def _resources(page: PageObject) -> DictionaryObject:
    found = page.get("/Resources")
    return found.get_object() if found is not None else DictionaryObject()


def _own_resources(page: PageObject) -> None:
    """Give ``page`` a resource dictionary (and sub-dictionaries) no other page shares."""
    copy = DictionaryObject()
    for key, value in _resources(page).items():
        resolved = value.get_object()
        if isinstance(resolved, DictionaryObject):
            resolved = DictionaryObject(resolved)
        elif isinstance(resolved, ArrayObject):
            resolved = ArrayObject(resolved)
        copy[NameObject(key)] = resolved
    page[NameObject("/Resources")] = copy


def _drop_unused_fonts(page: PageObject) -> None:
    """Remove the fonts the page's content never shows text with, and their selection."""
    _own_resources(page)
    fonts = _resources(page).get("/Font")
    contents = page.get_contents()
    if not isinstance(fonts, DictionaryObject) or contents is None:
        return
    used: set[str] = set()
    current = None
    for operands, operator in contents.operations:
        if operator == b"Tf" and operands:
            current = str(operands[0])
        elif operator in _SHOWS_TEXT and current is not None:
            used.add(current)
    unused = [name for name in fonts if name not in used]
    if not unused:
        return
    for name in unused:
        del fonts[name]
    contents.operations = [
        (operands, operator)
        for operands, operator in contents.operations
        if not (operator == b"Tf" and operands and str(operands[0]) in unused)
    ]
    page.replace_contents(contents)


def _fit(crop: RectangleObject, box: tuple[float, float, float, float]) -> Transformation:
    """Scale the page's visible area into ``box`` (x, y, width, height), centred."""
    x, y, width, height = box
    crop_w, crop_h = float(crop.width), float(crop.height)
    scale = min(width / crop_w, height / crop_h)
    dx = x + (width - crop_w * scale) / 2
    dy = y + (height - crop_h * scale) / 2
    return (
        Transformation()
        .translate(-float(crop.left), -float(crop.bottom))
        .scale(scale, scale)
        .translate(dx, dy)
    )
