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
from typing import IO

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    PdfObject,
    RectangleObject,
    StreamObject,
)

from qualitydesk.export.sanitise import AttachmentProblem

log = logging.getLogger(__name__)
# pypdf warns of every flaw it reads past in a damaged attachment — in English, quoting pieces of
# the file, on stderr when nothing else handles it. The export gives its own verdict instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_PAGE_SIDE = 14_400.0  # points (200 inches): the largest page PDF allows without UserUnit
MAX_OBJECTS_SCANNED = 200_000
ENCRYPTED = "文件已加密，需要密码才能打开"
UNENCRYPTED = "请向提供方索取未加密的版本后重新添加"
_SHOWS_TEXT = {b"Tj", b"TJ", b"'", b'"'}


# --- PDFs: what they carry ----------------------------------------------------------------------

REMOVED_WORDS = {  # in the order they are reported
    "javascript": "JavaScript 脚本",
    "auto": "打开或翻页时自动执行的动作",
    "launch": "启动程序或打开其他文件的动作",
    "uri": "网址链接",
    "submit": "提交或导入数据的动作",
    "files": "嵌入的文件",
    "form": "交互式表单（AcroForm）",
    "xfa": "XFA 表单",
    "media": "音视频等多媒体内容",
}
_ACTIONS = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/GoToR": "launch",
    "/GoToE": "launch",
    "/URI": "uri",
    "/SubmitForm": "submit",
    "/ImportData": "submit",
    "/Rendition": "media",
    "/Movie": "media",
    "/Sound": "media",
}
_KEYS = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/OpenAction": "auto",
    "/AA": "auto",
    "/EmbeddedFiles": "files",
    "/EF": "files",
    "/AcroForm": "form",
    "/XFA": "xfa",
    "/RichMediaContent": "media",
}
_SUBTYPES = {
    "/FileAttachment": "files",
    "/RichMedia": "media",
    "/Movie": "media",
    "/Sound": "media",
    "/Screen": "media",
    "/3D": "media",
    "/Widget": "form",
}
_NOT_SCANNED = {"/Contents", "/Resources", "/Parent", "/P", "/StructTreeRoot", "/EF", "/AP"}


def active_content(reader: PdfReader) -> tuple[str, ...]:
    """The kinds of active content (keys of :data:`REMOVED_WORDS`) ``reader``'s document holds:
    its catalog, outline, pages and annotations are looked through (page content is not)."""
    found: set[str] = set()
    stack: list[PdfObject] = [reader.trailer.get("/Root", DictionaryObject())]
    seen: set[tuple[int, int]] = set()
    scanned = 0
    while stack and scanned < MAX_OBJECTS_SCANNED:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        scanned += 1
        if isinstance(item, DictionaryObject):
            _classify(item, found)
            stack += [v for k, v in item.items() if k not in _NOT_SCANNED]
        elif isinstance(item, ArrayObject):
            stack += list(item)
    return tuple(kind for kind in REMOVED_WORDS if kind in found)


def _classify(entry: DictionaryObject, found: set[str]) -> None:
    for key in entry:
        if key in _KEYS:
            found.add(_KEYS[key])
    action = entry.get("/S")
    if isinstance(action, NameObject) and action in _ACTIONS:
        found.add(_ACTIONS[action])
    subtype = entry.get("/Subtype")
    if isinstance(subtype, NameObject) and subtype in _SUBTYPES:
        found.add(_SUBTYPES[subtype])
    if entry.get("/Type") == "/EmbeddedFile":
        found.add("files")


def removed_text(kinds: tuple[str, ...]) -> str:
    """“JavaScript 脚本、网址链接”."""
    return "、".join(REMOVED_WORDS[kind] for kind in kinds)


def removed_note(file_name: str, kinds: tuple[str, ...]) -> str:
    """What the export and preflight say about a PDF whose active content is left out."""
    return f"附件《{file_name}》：已移除{removed_text(kinds)}；页面内容照常印出。"


# --- PDFs: the visible pages only ---------------------------------------------------------------


@dataclass(frozen=True)
class CleanPdf:
    """A PDF attachment's pages as they show, upright, in a PDF of their own (nothing else)."""

    data: bytes
    sizes: tuple[tuple[float, float], ...]  # each page's width and height, in points
    removed: tuple[str, ...]  # kinds of active content left out (keys of REMOVED_WORDS)


def clean_pdf(source: bytes | IO[bytes], check: Callable[[], None] | None = None) -> CleanPdf:
    """The visible pages of the PDF in ``source``; ``check()`` runs before each page (it may
    raise to cancel). Raises :class:`AttachmentProblem` when the PDF cannot be read."""
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
        _strip_resources(writer)
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
    shown = _annotation_appearances(source, crop)
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
    area to the origin, and the size it then has."""
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
    (reportlab's PDFs select an unembedded Helvetica on every page)."""
    resources = page["/Resources"]
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


# --- annotations that print, drawn into the page ------------------------------------------------

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


def _annotation_appearances(source: PageObject, crop: RectangleObject) -> PageObject | None:
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
    prints; None for links, multimedia, hidden or non-printing annotations."""
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
        normal = normal.get(state).get_object() if state in normal else None
    if not isinstance(normal, StreamObject):
        return None
    matrix = _appearance_matrix(normal, annotation.get("/Rect"))
    return (normal, matrix) if matrix is not None else None


def _appearance_matrix(form: StreamObject, rect: PdfObject) -> tuple[float, ...] | None:
    """PDF 32000 §12.5.5: the form's box, transformed by its matrix, fitted onto ``rect``."""
    try:
        x1, y1, x2, y2 = (float(v) for v in rect.get_object())
        box = [float(v) for v in form["/BBox"]]
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


# --- resources keep only what draws ---------------------------------------------------------------

_STRIPPED = {
    "/AA",
    "/OpenAction",
    "/JS",
    "/JavaScript",
    "/URI",
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/EF",
    "/XFA",
    "/AcroForm",
    "/RichMediaContent",
    "/RichMediaSettings",
    "/Ref",  # a reference XObject: a page imported from another file
}
_EXTERNAL_DATA = ("/F", "/FFilter", "/FDecodeParms")  # a stream whose data is in another file


def _strip_resources(writer: PdfWriter) -> None:
    """Remove actions, scripts and references to other files from every object of ``writer``
    (its pages hold content and resources only; this is for what hides inside those)."""
    for item in list(writer._objects):
        if isinstance(item, DictionaryObject):
            _strip(item)


def _strip(entry: DictionaryObject) -> None:
    stack: list[PdfObject] = [entry]
    while stack:
        item = stack.pop()
        if isinstance(item, DictionaryObject):
            for key in [k for k in item if k in _STRIPPED or _is_action(k, item[k])]:
                del item[key]
            if isinstance(item, StreamObject):
                for key in _EXTERNAL_DATA:
                    if key in item and not isinstance(item[key], int):
                        del item[key]
            stack += [v for v in item.values() if not isinstance(v, IndirectObject)]
        elif isinstance(item, ArrayObject):
            stack += [v for v in item if not isinstance(v, IndirectObject)]


def _is_action(key: str, value: PdfObject) -> bool:
    if key != "/A":
        return False
    value = value.get_object() if isinstance(value, IndirectObject) else value
    return isinstance(value, DictionaryObject) and "/S" in value
