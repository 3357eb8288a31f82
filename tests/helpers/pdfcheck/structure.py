"""Reading an exported PDF's structure back: its fonts, its header version and the trailer a
reader of the last incremental update sees.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, read_object


def fonts_without_file(reader: PdfReader) -> list[str]:
    """Names of fonts used on any page that have no embedded TrueType program (FontFile2)."""
    missing = []
    seen: set[int] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for reference in (fonts.get_object() if fonts else {}).values():
            font = reference.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else DictionaryObject()
            if "/FontFile2" not in descriptor:
                missing.append(str(font.get("/BaseFont")))
    return missing


def last_trailer(path: Path) -> DictionaryObject:
    """The trailer of the file's last cross-reference section — all a reader of an incremental
    update sees (pypdf falls back to older sections, poppler and others do not).
    """
    data = Path(path).read_bytes()
    offset = int(data[data.rindex(b"startxref") + len(b"startxref") :].split()[0])
    stream = io.BytesIO(data)
    if data[offset : offset + 4] == b"xref":
        stream.seek(data.index(b"<<", data.index(b"trailer", offset)))
    else:  # a cross-reference stream: "N 0 obj <<…>> stream"
        stream.seek(offset + re.match(rb"\s*\d+\s+\d+\s+obj", data[offset:]).end())
    found = read_object(stream, PdfReader(path))
    return found.get_object()


def header_version(path: Path) -> tuple[int, int]:
    """The version in the file's header, %PDF-1.7 -> (1, 7)."""
    found = re.match(rb"%PDF-(\d)\.(\d)", Path(path).read_bytes()[:16])
    return int(found.group(1)), int(found.group(2))


def font_names(reader: PdfReader) -> list[str]:
    """/BaseFont of every distinct font the pages use (their resources and their forms')."""
    names: list[str] = []
    seen: set[int] = set()
    stack = [page.get("/Resources") for page in reader.pages]
    while stack:
        resources = stack.pop()
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, DictionaryObject) or id(resources) in seen:
            continue
        seen.add(id(resources))
        for kind in ("/Font", "/XObject"):
            found = resources.get(kind)
            for value in found.get_object().values() if found is not None else ():
                item = value.get_object()
                if id(item) in seen or not isinstance(item, DictionaryObject):
                    continue
                seen.add(id(item))
                if kind == "/Font":
                    names.append(str(item.get("/BaseFont")))
                stack.append(item.get("/Resources"))
    return names
