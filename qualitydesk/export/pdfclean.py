"""PDF attachments reduced to what their pages show, for the package.

Each page is copied onto a fresh page of a new PDF — its content and the resources that content
uses, nothing else. So nothing the attachment carried besides its pages comes along: JavaScript,
actions run on opening a document or page, launch and web links, embedded files, forms and XFA,
multimedia. What a page shows through annotations that print (a filled-in form field, a stamp,
a comment set to print) is drawn into its content first; then every annotation is left out,
internal links included (they would point at the attachment's own page numbers, which are others
in the package). Resources keep only what draws: actions, scripts and references to outside
files are taken out of them too. Pages are turned upright (``/Rotate`` goes into the content)
and fonts a page selects but never shows text with are left out. What was removed is reported
in words (:attr:`CleanPdf.removed`, :func:`removed_note`) for the export's notes and preflight.
Finding and stripping the active content is :mod:`~qualitydesk.export.pdfactive`'s part, drawing
the annotations :mod:`~qualitydesk.export.pdfannots`'.

A PDF that cannot be read this way — encrypted, truncated, a page without a size or with a
rotation that is not a right angle, nesting too deep, anything pypdf fails on — raises
:class:`~qualitydesk.export.sanitise.AttachmentProblem` with the reason.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, cast

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
from pypdf.generic import (
    DictionaryObject,
    IndirectObject,
    NameObject,
    RectangleObject,
)

from qualitydesk.export.pdfactive import (
    REMOVED_WORDS,
    active_content,
    removed_note,
    strip_resources,
)
from qualitydesk.export.pdfannots import annotation_appearances
from qualitydesk.export.sanitise import AttachmentProblem

__all__ = ["REMOVED_WORDS", "CleanPdf", "clean_pdf", "removed_note"]

log = logging.getLogger(__name__)
# pypdf warns of every flaw it reads past in a damaged attachment — in English, quoting pieces of
# the file, on stderr when nothing else handles it. The export gives its own verdict instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_PAGE_SIDE = 14_400.0  # points (200 inches): the largest page PDF allows without UserUnit
ENCRYPTED = "文件已加密，需要密码才能打开"
UNENCRYPTED = "请向提供方索取未加密的版本后重新添加"
_SHOWS_TEXT = {b"Tj", b"TJ", b"'", b'"'}


@dataclass(frozen=True)
class CleanPdf:
    """A PDF attachment's pages as they show, upright, in a PDF of their own (nothing else)."""

    data: bytes
    sizes: tuple[tuple[float, float], ...]  # each page's width and height, in points
    removed: tuple[str, ...]  # kinds of active content left out (keys of REMOVED_WORDS)


def clean_pdf(source: bytes | IO[bytes], check: Callable[[], None] | None = None) -> CleanPdf:
    """The visible pages of the PDF in ``source``; ``check()`` runs before each page (it may
    raise to cancel). Raises :class:`AttachmentProblem` when the PDF cannot be read.
    """
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    _check_complete(stream)
    with _reading():
        reader = PdfReader(stream, strict=False)
        _decrypt(reader)
        count = len(reader.pages)
    if count == 0:
        raise AttachmentProblem("文件中没有页面")
    with _reading():
        removed = active_content(reader)
    writer = PdfWriter()
    for index in range(count):
        if check is not None:
            check()
        with _reading(f"第 {index + 1} 页"):
            _copy_page(reader.pages[index], writer)
    with _reading():
        strip_resources(writer)
        out = io.BytesIO()
        writer.write(out)
    sizes = tuple((float(p.mediabox.width), float(p.mediabox.height)) for p in writer.pages)
    return CleanPdf(out.getvalue(), sizes, removed)


def _check_complete(stream: IO[bytes]) -> None:
    stream.seek(0)
    head = stream.read(1024)
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(max(size - 2048, 0))
    tail = stream.read()
    stream.seek(0)
    if b"%PDF" not in head:
        raise AttachmentProblem("不是 PDF 文件")
    if b"%%EOF" not in tail:
        raise AttachmentProblem("文件不完整（可能在复制或下载时被截断）")


def _decrypt(reader: PdfReader) -> None:
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except DependencyError:
        raise AttachmentProblem("文件的加密方式不受支持", UNENCRYPTED) from None
    if not opened:
        raise AttachmentProblem(ENCRYPTED, UNENCRYPTED)


@contextmanager
def _reading(where: str = "") -> Iterator[None]:
    """Turns whatever a damaged or hostile PDF makes pypdf raise into an AttachmentProblem."""
    prefix = f"{where}：" if where else ""
    try:
        yield
    except AttachmentProblem as exc:
        raise AttachmentProblem(f"{prefix}{exc.reason}", exc.advice) from None
    except FileNotDecryptedError:
        raise AttachmentProblem(ENCRYPTED, UNENCRYPTED) from None
    except RecursionError:
        raise AttachmentProblem(f"{prefix}文件结构嵌套过深，无法读取") from None
    except PdfReadError as exc:
        log.info("PDF attachment unreadable", exc_info=exc)
        raise AttachmentProblem(f"{prefix}文件已损坏或格式异常，无法读取") from None
    except Exception as exc:  # hostile input: pypdf may fail in any way; the export goes on
        log.info("PDF attachment could not be copied", exc_info=exc)
        raise AttachmentProblem(f"{prefix}文件已损坏或格式异常，无法读取") from None


def _copy_page(source: PageObject, writer: PdfWriter) -> None:
    """Draw what ``source`` shows, upright, onto a new page of ``writer``."""
    crop = _visible_box(source)
    rotation = _rotation(source)
    upright, size = _upright(crop, rotation)
    page = writer.add_blank_page(*size)
    content = _content_only(source, crop)
    _drop_unused_fonts(content)
    page.merge_transformed_page(content, upright)
    shown = annotation_appearances(source, crop)
    if shown is not None:
        page.merge_transformed_page(shown, upright)


def _visible_box(page: PageObject) -> RectangleObject:
    box = page.cropbox
    values = [float(v) for v in box]
    left, bottom = min(values[0], values[2]), min(values[1], values[3])
    width, height = abs(values[2] - values[0]), abs(values[3] - values[1])
    if not all(math.isfinite(v) for v in values) or not (
        1 <= width <= MAX_PAGE_SIDE and 1 <= height <= MAX_PAGE_SIDE
    ):
        raise AttachmentProblem(f"页面尺寸无效（{_points(width)} × {_points(height)} 点）")
    return RectangleObject((left, bottom, left + width, bottom + height))


def _points(value: float) -> str:
    return f"{value:g}" if math.isfinite(value) else "无效"


def _rotation(page: PageObject) -> int:
    value = page.get("/Rotate", 0)
    value = value.get_object() if isinstance(value, IndirectObject) else value
    if isinstance(value, bool) or not isinstance(value, int | float) or value % 90:
        raise AttachmentProblem(f"页面旋转角度“{value}”无效（应为 90 的倍数）")
    return int(value) % 360


def _upright(crop: RectangleObject, rotation: int) -> tuple[Transformation, tuple[float, float]]:
    """The transformation that turns the page as it is shown (``/Rotate``) and moves its visible
    area to the origin, and the size it then has.
    """
    turn = Transformation().rotate(-rotation)
    corners = [
        turn.apply_on((x, y))
        for x in (float(crop.left), float(crop.right))
        for y in (float(crop.bottom), float(crop.top))
    ]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return turn.translate(-min(xs), -min(ys)), (max(xs) - min(xs), max(ys) - min(ys))


def _content_only(source: PageObject, crop: RectangleObject) -> PageObject:
    """A detached page with ``source``'s content and resources and nothing else."""
    page = PageObject(source.pdf)
    page[NameObject("/MediaBox")] = crop
    resources = source.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    page[NameObject("/Resources")] = (
        DictionaryObject(resources)
        if isinstance(resources, DictionaryObject)
        else DictionaryObject()
    )
    contents = source.get_contents()
    if contents is not None:
        page.replace_contents(contents)
    return page


def _drop_unused_fonts(page: PageObject) -> None:
    """Leave out the fonts the page never shows text with, and the operators selecting them
    (reportlab's PDFs select an unembedded Helvetica on every page).
    """
    resources = cast(DictionaryObject, page["/Resources"])  # as _content_only made it
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else None
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
    unused = {name for name in fonts if name not in used}
    if not unused:
        return
    resources[NameObject("/Font")] = DictionaryObject(
        {NameObject(k): v for k, v in fonts.items() if k not in unused}
    )
    contents.operations = [
        (operands, operator)
        for operands, operator in contents.operations
        if not (operator == b"Tf" and operands and str(operands[0]) in unused)
    ]
    page.replace_contents(contents)
