"""Annotations that print, drawn into the page: a filled-in form field, a stamp, a comment.

:func:`annotation_appearances` gives a detached page that draws the normal appearance of every
annotation of a page that prints (PDF 32000 §12.5.5), placed in its rectangle; links,
multimedia, hidden and non-printing annotations are not drawn. The cleaned copy merges it over
the page's content and leaves every annotation itself out.
"""

from __future__ import annotations

from typing import cast

from pypdf import PageObject
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    NameObject,
    PdfObject,
    RectangleObject,
    StreamObject,
)

_NEVER_DRAWN = {
    "/Link",
    "/Popup",
    "/FileAttachment",
    "/Sound",
    "/Movie",
    "/Screen",
    "/RichMedia",
    "/3D",
}
_HIDDEN, _PRINT = 2, 4  # annotation flags


def annotation_appearances(source: PageObject, crop: RectangleObject) -> PageObject | None:
    """A detached page drawing the appearance of each annotation of ``source`` that prints."""
    annots = source.get("/Annots")
    annots = annots.get_object() if annots is not None else None
    if not isinstance(annots, ArrayObject):
        return None
    xobjects = DictionaryObject()
    operations: list[tuple[list[PdfObject], bytes]] = []
    for entry in annots:
        placed = _placed_appearance(entry.get_object())
        if placed is None:
            continue
        stream, matrix = placed
        name = NameObject(f"/QDAnnot{len(xobjects)}")
        xobjects[name] = stream.indirect_reference or stream
        operations += [
            ([], b"q"),
            ([FloatObject(v) for v in matrix], b"cm"),
            ([name], b"Do"),
            ([], b"Q"),
        ]
    if not operations:
        return None
    page = PageObject(source.pdf)
    page[NameObject("/MediaBox")] = crop
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    content = ContentStream(None, source.pdf)
    content.operations = operations
    page.replace_contents(content)
    return page


def _placed_appearance(
    annotation: PdfObject,
) -> tuple[StreamObject, tuple[float, ...]] | None:
    """An annotation's normal appearance and the matrix that draws it in its rectangle, if it
    prints; None for links, multimedia, hidden or non-printing annotations.
    """
    if not isinstance(annotation, DictionaryObject):
        return None
    if annotation.get("/Subtype") in _NEVER_DRAWN:
        return None
    flags = annotation.get("/F", 0)
    if not isinstance(flags, int) or flags & _HIDDEN or not flags & _PRINT:
        return None
    appearance = annotation.get("/AP")
    appearance = appearance.get_object() if appearance is not None else None
    if not isinstance(appearance, DictionaryObject) or "/N" not in appearance:
        return None
    normal = appearance["/N"].get_object()
    if isinstance(normal, DictionaryObject) and not isinstance(normal, StreamObject):
        state = annotation.get("/AS")
        chosen = normal.get(state) if state in normal else None
        normal = chosen.get_object() if chosen is not None else None
    if not isinstance(normal, StreamObject):
        return None
    matrix = _appearance_matrix(normal, annotation.get("/Rect"))
    return (normal, matrix) if matrix is not None else None


def _appearance_matrix(form: StreamObject, rect: PdfObject | None) -> tuple[float, ...] | None:
    """PDF 32000 §12.5.5: the form's box, transformed by its matrix, fitted onto ``rect``."""
    if rect is None:
        return None
    try:  # arrays of numbers; whatever else a damaged file holds fails here and is caught
        x1, y1, x2, y2 = (float(v) for v in cast(ArrayObject, rect.get_object()))
        box = [float(v) for v in cast(ArrayObject, form["/BBox"])]
        a, b, c, d, e, f = (float(v) for v in form.get("/Matrix", (1, 0, 0, 1, 0, 0)))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    corners = [(box[i], box[j]) for i in (0, 2) for j in (1, 3)]
    xs = [a * x + c * y + e for x, y in corners]
    ys = [b * x + d * y + f for x, y in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if width <= 0 or height <= 0:
        return None
    sx, sy = abs(x2 - x1) / width, abs(y2 - y1) / height
    return (sx, 0.0, 0.0, sy, min(x1, x2) - min(xs) * sx, min(y1, y2) - min(ys) * sy)
