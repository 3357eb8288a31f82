"""PDF attachments placed onto the pages reserved for them, page by page, with pypdf.

The story reserves a box (:class:`~qualitydesk.export.flowables.PageSlot`) for each page of a
PDF attachment, so those pages get the running header, the page number and the bookmark like any
other; here each attachment page is scaled into its box. Only the pages that receive something
are rewritten: the result is an incremental update of the PDF reportlab made.

The attachments come from :func:`qualitydesk.export.pdfclean.clean_pdf`: their visible pages
only, upright, with no annotations, actions or unused fonts. reportlab shares one font
dictionary among all pages, so a page that receives an attachment gets its own copy of its
resources first. An attachment's subset font whose tag (the ``ABCDEF+`` of its name) is already
used in the package — by our fonts or another attachment's — gets a tag of its own: two subsets
of one name are one font to many printers.

A reader of the update sees only its trailer: it names the document information again (with
the time of the merge as /ModDate), or viewers show no title. The catalog (language, page
labels, outline, PageMode) is reportlab's, unchanged; reportlab writes a PDF 1.7 header, which
the cross-reference stream of the update needs (1.5 at least).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    PdfObject,
    RectangleObject,
)

from qualitydesk.export.fonts import SUBSET_TAG, subset_tag

Slot = tuple[
    int, int, int, tuple[float, float, float, float]
]  # attachment, its page, our page, box


def place_pages(pdf: bytes, slots: Sequence[Slot], attachments: Mapping[int, bytes]) -> bytes:
    """``pdf`` with page ``n`` of each (cleaned) attachment drawn into its slot."""
    if not slots:
        return pdf
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    tags = {str(font["/BaseFont"])[1:7] for font in _fonts(writer.pages) if _tagged(font)}
    readers: dict[int, PdfReader] = {}
    for attachment, index, on_page, box in slots:
        if attachment not in readers:
            readers[attachment] = PdfReader(io.BytesIO(attachments[attachment]))
            _retag(readers[attachment], attachment, tags)
        source = readers[attachment].pages[index]
        target = writer.pages[on_page - 1]
        _own_resources(target)
        target.merge_transformed_page(source, _fit(source.cropbox, box))
    _carry_info(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _carry_info(writer: PdfWriter) -> None:
    """Name the document information in the update's trailer, with /ModDate now.

    pypdf names it only when it made a new one; the information is written as a new object
    so it always does. Its text entries (title, author, dates …) are carried; /Trapped, a name
    reportlab sets to its default, is not.
    """
    info = writer.metadata or {}
    entries: dict[str, str] = {
        key: str(value)
        for key, value in info.items()
        if isinstance(value, str) and not isinstance(value, NameObject)
    }
    entries["/ModDate"] = pdf_date(datetime.now().astimezone())
    writer.metadata = None
    writer.add_metadata(entries)


def pdf_date(moment: datetime) -> str:
    """``moment`` (aware) as a PDF date: D:20261203113050+08'00'."""
    offset = moment.strftime("%z") or "+0000"
    return f"D:{moment:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:5]}'"


# --- subset tags --------------------------------------------------------------------------------


def _tagged(font: DictionaryObject) -> bool:
    return bool(SUBSET_TAG.match(str(font.get("/BaseFont", ""))[1:]))


def _fonts(pages: Sequence[PageObject]) -> Iterator[DictionaryObject]:
    """Every font dictionary the pages use, once: in their resources and their forms'."""
    seen: set[int] = set()
    stack = [page.get("/Resources") for page in pages]
    while stack:
        resources = _resolved(stack.pop())
        if not isinstance(resources, DictionaryObject) or id(resources) in seen:
            continue
        seen.add(id(resources))
        for kind in ("/Font", "/XObject"):
            found = _resolved(resources.get(kind))
            for value in found.values() if isinstance(found, DictionaryObject) else ():
                item = _resolved(value)
                if not isinstance(item, DictionaryObject) or id(item) in seen:
                    continue
                if kind == "/Font":
                    seen.add(id(item))
                    yield item
                stack.append(item.get("/Resources"))  # a form's, or a Type3 font's


def _resolved(value: PdfObject | None) -> PdfObject | None:
    return value.get_object() if value is not None else None


def _retag(reader: PdfReader, attachment: int, used: set[str]) -> None:
    """Give each subset font of ``reader`` whose tag is in ``used`` a new one; note its tag."""
    for font in _fonts(reader.pages):
        if not _tagged(font):
            continue
        name = str(font["/BaseFont"])[1:]
        if name[:6] not in used:
            used.add(name[:6])
            continue
        tag = subset_tag(used, name[7:], attachment, name)
        parts = [font] + [_resolved(d) for d in _resolved(font.get("/DescendantFonts")) or ()]
        for part in parts:
            if isinstance(part, DictionaryObject):
                _rename(part, "/BaseFont", name[:6], tag)
                descriptor = _resolved(part.get("/FontDescriptor"))
                if isinstance(descriptor, DictionaryObject):
                    _rename(descriptor, "/FontName", name[:6], tag)


def _rename(entry: DictionaryObject, key: str, old: str, new: str) -> None:
    value = str(entry.get(key, ""))
    if value.startswith(f"/{old}+"):
        entry[NameObject(key)] = NameObject(f"/{new}+{value[8:]}")


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
