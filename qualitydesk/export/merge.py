"""PDF attachments drawn onto the pages reserved for them, each page as a form XObject.

The story reserves a box (:class:`~qualitydesk.export.flowables.PageSlot`) for each page of a
PDF attachment, so those pages get the running header, the page number and the bookmark like any
other. When the slot is drawn, :class:`PdfPages` reads the attachment's page with pypdf and
hands it to reportlab's document as a form XObject — its content and resources as they are
(streams stay compressed as they came), the objects it refers to copied once per document —
and the slot draws the form scaled into its box. The package is written once, by reportlab:
no second reading and writing of the whole file to merge pages into it afterwards.

The attachments come from :func:`qualitydesk.export.pdfclean.clean_pdf`: their visible pages
only, upright, with no annotations, actions or unused fonts. An attachment's subset font whose
tag (the ``ABCDEF+`` of its name) is already used in the package — by another attachment's font —
gets a tag of its own, and our fonts, tagged when the document is saved, avoid the attachments'
tags (:func:`qualitydesk.export.fonts.subset_tag`): two subsets of one name are one font to many
printers.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator, Sequence

from pypdf import PageObject, PdfReader, Transformation
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    PdfObject,
    RectangleObject,
    StreamObject,
)
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen.canvas import Canvas

from qualitydesk.export.fonts import SUBSET_TAG, subset_tag


class PdfPages:
    """The cleaned PDF attachments of one export, drawn page by page into reportlab's document."""

    def __init__(self) -> None:
        self.data: dict[int, bytes] = {}
        self._readers: dict[int, PdfReader] = {}
        self._tags: set[str] = set()  # the attachments' subset tags, once each is unique

    def add(self, attachment: int, data: bytes) -> None:
        """Keep the cleaned ``data`` of ``attachment`` for drawing."""
        self.data[attachment] = data

    def draw(self, canv: Canvas, attachment: int, index: int, width: float, height: float) -> None:
        """Page ``index`` of ``attachment`` scaled into (0, 0, ``width``, ``height``), centred."""
        doc = canv._doc
        name = f"QualityDeskAttachment{attachment}.{index}"
        page = self._reader(attachment).pages[index]
        if not canv.hasForm(name):
            doc.Reference(_form(page, doc, f"QDA{attachment}."), pdfdoc.xObjectName(name))
        # the package's fonts are tagged when it is saved: they keep clear of these
        doc.__dict__.setdefault("_qualitydesk_subset_tags", set()).update(self._tags)
        canv.saveState()
        canv.transform(*_fit(page.cropbox, (0.0, 0.0, width, height)).ctm)
        canv.doForm(name)
        canv.restoreState()

    def _reader(self, attachment: int) -> PdfReader:
        if attachment not in self._readers:
            reader = PdfReader(io.BytesIO(self.data[attachment]))
            _retag(reader, attachment, self._tags)
            self._readers[attachment] = reader
        return self._readers[attachment]


# --- pypdf's objects in reportlab's document -------------------------------------------------


class _Raw(pdfdoc.PDFObject):
    """An object written as pypdf writes it (a name, number, string …)."""

    def __init__(self, value: PdfObject) -> None:
        out = io.BytesIO()
        value.write_to_stream(out)
        self.data = out.getvalue()

    def format(self, document: object) -> bytes:
        return self.data


class _Dict(pdfdoc.PDFObject):
    """A dictionary whose keys are written as pypdf's names (escapes and all)."""

    def __init__(self, entries: list[tuple[bytes, object]]) -> None:
        self.entries = entries

    def format(self, document: object) -> bytes:
        body = b"\n".join(
            key + b" " + pdfdoc.format(value, document) for key, value in self.entries
        )
        return b"<<\n" + body + b"\n>>"


class _Array(pdfdoc.PDFObject):
    def __init__(self, items: list[object]) -> None:
        self.items = items

    def format(self, document: object) -> bytes:
        return b"[ " + b" ".join(pdfdoc.format(item, document) for item in self.items) + b" ]"


class _Stream(pdfdoc.PDFObject):
    """A stream with its data as stored (still encoded by its /Filter, if any)."""

    __RefOnly__ = 1

    def __init__(self, entries: list[tuple[bytes, object]], data: bytes) -> None:
        self.entries, self.data = entries, data

    def format(self, document: object) -> bytes:
        length = (b"/Length", len(self.data))
        head = _Dict([*self.entries, length]).format(document)
        return head + b"\nstream\n" + self.data + b"\nendstream\n"


class _Copier:
    """Copies pypdf objects into reportlab's document, each indirect object once."""

    def __init__(self, doc: PDFDocument, prefix: str) -> None:
        self.doc, self.prefix = doc, prefix
        self.started: set[str] = set()  # named before their copy is done: loops end there

    def copy(self, value: PdfObject | None) -> object:
        """``value`` as reportlab writes it; an indirect object as a reference to its copy."""
        if isinstance(value, IndirectObject):
            name = f"{self.prefix}{value.idnum}.{value.generation}"
            if name not in self.started and name not in self.doc.idToObject:
                self.started.add(name)
                self.doc.Reference(self._direct(value.get_object()), name)
            return pdfdoc.PDFObjectReference(name)
        return self._direct(value)

    def entries(self, value: DictionaryObject) -> list[tuple[bytes, object]]:
        """A dictionary's entries (its raw values: references stay references), /Length aside."""
        return [
            (_Raw(NameObject(key)).data, self.copy(item))
            for key, item in value.items()
            if key != "/Length"
        ]

    def _direct(self, value: PdfObject | None) -> object:
        if value is None:
            return b"null"
        if isinstance(value, StreamObject):
            return _Stream(self.entries(value), value._data)
        if isinstance(value, DictionaryObject):
            return _Dict(self.entries(value))
        if isinstance(value, ArrayObject):
            return _Array([self.copy(item) for item in value])
        return _Raw(value)


def _form(page: PageObject, doc: PDFDocument, prefix: str) -> _Stream:
    """``page`` as a form XObject: its content, its resources, its visible area as the box."""
    copier = _Copier(doc, prefix)
    crop = page.cropbox
    box = ArrayObject(FloatObject(float(v)) for v in (crop.left, crop.bottom, crop.right, crop.top))
    entries: list[tuple[bytes, object]] = [
        (b"/Type", b"/XObject"),
        (b"/Subtype", b"/Form"),
        (b"/BBox", _Raw(box)),
    ]
    if "/Resources" in page:
        entries.append((b"/Resources", copier.copy(page.raw_get("/Resources"))))
    contents = _resolved(page.get("/Contents"))
    if isinstance(contents, StreamObject):  # as stored, still compressed
        kept = [(k, v) for k, v in copier.entries(contents) if k in (b"/Filter", b"/DecodeParms")]
        return _Stream(entries + kept, contents._data)
    streams = contents if isinstance(contents, ArrayObject) else ArrayObject()
    parts = [part.get_object().get_data() for part in streams]
    data = zlib.compress(b"\n".join(parts))
    return _Stream([*entries, (b"/Filter", b"/FlateDecode")], data)


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
        descendants = _resolved(font.get("/DescendantFonts"))
        parts: list[PdfObject | None] = [font]
        if isinstance(descendants, ArrayObject):
            parts += [_resolved(d) for d in descendants]
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
