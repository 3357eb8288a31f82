"""Word's styles and numbering as the importer reads them, and the XML names it reads them by.

:class:`Styles` answers, per style id and following ``basedOn``, a style's name, its outline
level (a heading style "Heading 2"/"标题 2" or an ``outlineLvl``), whether it is bold and the
numbering it gives its paragraphs; per numbering instance and level, whether the list is a
bullet or an ordered one. :class:`XmlElement` is what the reader needs of an XML element
(python-docx parses Word's XML with lxml); :func:`w` and :func:`ns` name the tags it reads.

No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol, overload

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {
    "w": W,
    "r": R,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
FALSE_VALUES = {"0", "false", "off", "none"}


class XmlElement(Protocol):
    """An XML element of a Word part, as lxml gives it: the calls the importer makes."""

    @property
    def tag(self) -> str:
        """The element's ``{namespace}name``."""

    @property
    def text(self) -> str | None:
        """The text before the element's first child."""

    @overload
    def get(self, key: str) -> str | None: ...
    @overload
    def get(self, key: str, default: str) -> str: ...
    def find(self, path: str) -> XmlElement | None:
        """The first element at ``path`` (ElementPath), if any."""

    def findall(self, path: str) -> list[XmlElement]:
        """Every element at ``path`` (ElementPath)."""

    def iter(self, tag: str = ...) -> Iterator[XmlElement]:
        """This element and every element inside it (those named ``tag``), in document order."""

    def getparent(self) -> XmlElement | None:
        """The element this one is in."""

    def __iter__(self) -> Iterator[XmlElement]:
        """The element's children."""


def w(tag: str) -> str:
    """The WordprocessingML tag or attribute ``tag`` with its namespace: ``{…/main}tag``."""
    return f"{{{W}}}{tag}"


def ns(prefixed: str) -> str:
    """A prefixed XML name (``"a:blip"``, ``"wp:docPr"`` …) with its namespace."""
    prefix, _, tag = prefixed.partition(":")
    return f"{{{NS[prefix]}}}{tag}"


class Styles:
    """Style facts by style id, following ``basedOn``: name, outline level, bold, numbering."""

    def __init__(
        self, styles_element: XmlElement | None, numbering_element: XmlElement | None
    ) -> None:
        self._by_id: dict[str, XmlElement] = {}
        self._default_para = ""
        if styles_element is not None:
            for style in styles_element.iter(w("style")):
                style_id = style.get(w("styleId"), "")
                self._by_id[style_id] = style
                if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                    self._default_para = style_id
        self._formats = _numbering_formats(numbering_element)
        self._levels: dict[str, int | None] = {}
        self._bold: dict[str, bool | None] = {}
        self._numbering: dict[str, tuple[str, int] | None] = {}

    def _chain(self, style_id: str) -> Iterator[XmlElement]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based = style.find(w("basedOn"))
            style_id = based.get(w("val"), "") if based is not None else ""

    def paragraph_style(self, p: XmlElement) -> str:
        """The style id of paragraph ``p``: its own, or the document's default."""
        found = p.find(f"{w('pPr')}/{w('pStyle')}")
        return found.get(w("val"), "") if found is not None else self._default_para

    def name(self, style_id: str) -> str:
        """The style's name as Word shows it ("heading 1", "标题 2" …); "" for none."""
        style = self._by_id.get(style_id)
        name = style.find(w("name")) if style is not None else None
        return name.get(w("val"), "") if name is not None else ""

    def outline_level(self, style_id: str) -> int | None:
        """The outline level 1–9 the style gives its paragraphs (a heading style's number)."""
        if style_id not in self._levels:
            self._levels[style_id] = self._find_level(style_id)
        return self._levels[style_id]

    def _find_level(self, style_id: str) -> int | None:
        for style in self._chain(style_id):
            matched = HEADING_STYLE.match(self.name(style.get(w("styleId"), "")))
            if matched:
                return int(matched.group(1))
            level = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            if level is not None:
                return outline(level)
        return None

    def bold(self, style_id: str) -> bool | None:
        """Whether the style makes its text bold; None when no style in the chain says."""
        if style_id not in self._bold:
            self._bold[style_id] = self._find_bold(style_id)
        return self._bold[style_id]

    def _find_bold(self, style_id: str) -> bool | None:
        for style in self._chain(style_id):
            found = style.find(f"{w('rPr')}/{w('b')}")
            if found is not None:
                return on(found)
        return None

    def numbering(self, style_id: str) -> tuple[str, int] | None:
        """The numbering instance and level the style gives its paragraphs, if any."""
        if style_id not in self._numbering:
            self._numbering[style_id] = self._find_numbering(style_id)
        return self._numbering[style_id]

    def _find_numbering(self, style_id: str) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            num = style.find(f"{w('pPr')}/{w('numPr')}")
            if num is not None:
                return num_pr(num, 0)
        return None

    def list_format(self, num_id: str, level: int) -> str:
        """Whether a numbering instance's list at ``level`` is a "bullet" or an "ordered" one."""
        return self._formats.get((num_id, level), "ordered")


def _numbering_formats(numbering: XmlElement | None) -> dict[tuple[str, int], str]:
    if numbering is None:
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for definition in numbering.iter(w("abstractNum")):
        levels = {}
        for lvl in definition.iter(w("lvl")):
            fmt = lvl.find(w("numFmt"))
            kind = "bullet" if fmt is not None and fmt.get(w("val")) == "bullet" else "ordered"
            levels[int(lvl.get(w("ilvl"), "0"))] = kind
        abstract[definition.get(w("abstractNumId"), "")] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        levels = abstract.get(ref.get(w("val"), "") if ref is not None else "", {})
        for level, kind in levels.items():
            formats[(num.get(w("numId"), ""), level)] = kind
    return formats


def outline(element: XmlElement) -> int | None:
    """The outline level 1–9 an ``outlineLvl`` element gives (Word counts from 0; 9 is body)."""
    try:
        value = int(element.get(w("val"), "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else None


def on(element: XmlElement) -> bool:
    """Whether a toggle property (``<w:b/>``, ``<w:b w:val="0"/>`` …) is on."""
    return str(element.get(w("val"), "1")).lower() not in FALSE_VALUES


def num_pr(num: XmlElement, default_level: int) -> tuple[str, int] | None:
    """The numbering instance and level of a ``numPr``; None when it removes the numbering."""
    num_id = num.find(w("numId"))
    ilvl = num.find(w("ilvl"))
    if num_id is None:
        return None
    value = num_id.get(w("val"), "0")
    if value == "0":  # numbering explicitly removed
        return None
    level = int(ilvl.get(w("val"), "0")) if ilvl is not None else default_level
    return value, min(max(level, 0), 8)
