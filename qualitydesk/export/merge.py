"""PDF attachments placed onto the pages reserved for them, page by page, with pypdf.

The story reserves a box (:class:`~qualitydesk.export.flowables.PageSlot`) for each page of a
PDF attachment, so those pages get the running header, the page number and the bookmark like any
other; here each attachment page is scaled into its box. Only the pages that receive something
are rewritten: the result is an incremental update of the PDF reportlab made.

The attachments come from :func:`qualitydesk.export.pdfclean.clean_pdf`: their visible pages
only, upright, with no annotations, actions or unused fonts. reportlab shares one font
dictionary among all pages, so a page that receives an attachment gets its own copy of its
resources first.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, RectangleObject

Slot = tuple[
    int, int, int, tuple[float, float, float, float]
]  # attachment, its page, our page, box


def place_pages(pdf: bytes, slots: Sequence[Slot], attachments: Mapping[int, bytes]) -> bytes:
    """``pdf`` with page ``n`` of each (cleaned) attachment drawn into its slot."""
    if not slots:
        return pdf
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    readers: dict[int, PdfReader] = {}
    for attachment, index, on_page, box in slots:
        if attachment not in readers:
            readers[attachment] = PdfReader(io.BytesIO(attachments[attachment]))
        source = readers[attachment].pages[index]
        target = writer.pages[on_page - 1]
        _own_resources(target)
        target.merge_transformed_page(source, _fit(source.cropbox, box))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
