"""Active content in a PDF attachment: found, to say what is left out, and stripped.

:func:`active_content` looks through a document's catalog, outline, pages and annotations (not
the page content) for what the package leaves out — JavaScript, actions run on opening,
launch and web links, embedded files, forms and XFA, multimedia — and :func:`removed_note`
says it in words for the export's notes and preflight. :func:`strip_resources` takes actions,
scripts and references to outside files out of what the cleaned copy's pages still hold.
"""

from __future__ import annotations

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
)

MAX_OBJECTS_SCANNED = 200_000

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
    its catalog, outline, pages and annotations are looked through (page content is not).
    """
    found: set[str] = set()
    stack: list[PdfObject] = [reader.trailer.get("/Root", DictionaryObject())]
    seen: set[tuple[int, int]] = set()
    scanned = 0
    while stack and scanned < MAX_OBJECTS_SCANNED:
        item: PdfObject | None = stack.pop()
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


def strip_resources(writer: PdfWriter) -> None:
    """Remove actions, scripts and references to other files from every object of ``writer``
    (its pages hold content and resources only; this is for what hides inside those).
    """
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
    target = value.get_object() if isinstance(value, IndirectObject) else value
    return isinstance(target, DictionaryObject) and "/S" in target
