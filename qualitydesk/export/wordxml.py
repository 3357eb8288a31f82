"""The few pieces of WordprocessingML that python-docx has no API for, in one place.

Everything else in the Word copy is made through python-docx's own objects; these helpers add
an element or an attribute to what python-docx made, never a hand-written part:

- fonts with ``w:eastAsia`` (python-docx sets only the Latin font) and the ``zh-CN`` language;
- fields: the 目录 (``TOC``), page numbers (``PAGE``, ``NUMPAGES``), and ``w:updateFields`` so
  Word fills the 目录 when the file is opened (F9 does it too);
- ``w:mirrorMargins`` for double-sided printing (the gutter alternates sides);
- table rows repeated as a header on every page (``w:tblHeader``) and cell shading;
- numbered lists that start again at their own number (a ``w:num`` overriding the start);
- a paragraph's bottom rule (a Markdown ``---``) and a picture's alternative text.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shape import InlineShape
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml.etree import _Element


def _child(parent: _Element, tag: str, successors: tuple[str, ...] = ()) -> _Element:
    """The child ``tag`` of a python-docx element, made if it is missing and put before the
    first of ``successors`` present (the schema's order: Word refuses some misordered files).
    """
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        after = (parent.find(qn(t)) for t in successors)
        successor = next((e for e in after if e is not None), None)
        if successor is not None:
            successor.addprevious(found)
        else:
            parent.append(found)
    return found


# --- fonts ------------------------------------------------------------------------------------

_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_fonts(r_pr: CT_RPr, latin: str, east_asian: str) -> None:
    """Latin text in ``latin``, Chinese in ``east_asian`` (宋体, 黑体) for a run-properties
    element: theme fonts are dropped, or Word would prefer them to the names given here.
    """
    fonts = r_pr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attr}"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_style_fonts(style: BaseStyle, latin: str, east_asian: str) -> None:
    """The fonts of Word style ``style``, as :func:`set_fonts` sets them."""
    set_fonts(style.element.get_or_add_rPr(), latin, east_asian)


def chinese_defaults(document: WordDocument, latin: str, east_asian: str) -> None:
    """The document's default fonts and language: Chinese (zh-CN) in ``east_asian``."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr, latin, east_asian)
    lang = _child(r_pr, "w:lang", _AFTER_LANG)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


# --- fields -----------------------------------------------------------------------------------


def _field_char(kind: str, *, dirty: bool = False) -> _Element:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def _instruction(text: str) -> _Element:
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {text} "
    run.append(instr)
    return run


def begin_field(paragraph: Paragraph, instruction: str, *, dirty: bool = False) -> None:
    """Start a field in ``paragraph``: what follows up to :func:`end_field` is its last result,
    shown until the field is updated (a dirty field is updated by Word when it opens the file).
    """
    p = paragraph._p
    p.append(_field_char("begin", dirty=dirty))
    p.append(_instruction(instruction))
    p.append(_field_char("separate"))


def end_field(paragraph: Paragraph) -> None:
    """The end of the field :func:`begin_field` started in ``paragraph``."""
    paragraph._p.append(_field_char("end"))


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A whole field in ``paragraph`` (``PAGE``, ``NUMPAGES``) showing ``shown`` until updated."""
    begin_field(paragraph, instruction)
    paragraph.add_run(shown)
    end_field(paragraph)


_SETTINGS_AFTER_UPDATE = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
_SETTINGS_BEFORE_MIRROR = (
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
)


def update_fields_on_open(document: WordDocument) -> None:
    """Ask Word to update the fields (the 目录) when it opens the file."""
    settings = document.settings.element
    _child(settings, "w:updateFields", _SETTINGS_AFTER_UPDATE).set(qn("w:val"), "true")


def mirror_margins(document: WordDocument) -> None:
    """Inside and outside margins instead of left and right: the gutter follows the binding."""
    settings = document.settings.element
    if settings.find(qn("w:mirrorMargins")) is not None:
        return
    mirror = OxmlElement("w:mirrorMargins")
    before = [settings.find(qn(tag)) for tag in _SETTINGS_BEFORE_MIRROR]
    present = [e for e in before if e is not None]
    if present:
        present[-1].addnext(mirror)
    else:
        settings.insert(0, mirror)


# --- tables -----------------------------------------------------------------------------------

_TR_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
_TR_AFTER_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del")
_TC_AFTER_SHADE = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
_TBL_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")


def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    _child(tr_pr, "w:tblHeader", _TR_AFTER_HEADER).set(qn("w:val"), "true")


def keep_row_together(row: _Row) -> None:
    """Never split ``row`` across pages (short label/value rows)."""
    tr_pr = row._tr.get_or_add_trPr()
    _child(tr_pr, "w:cantSplit", _TR_AFTER_CANT_SPLIT).set(qn("w:val"), "true")


def shade(cell: _Cell, fill: str) -> None:
    """A background of ``fill`` (hex RGB, e.g. "E8E8E8") for ``cell``."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = _child(tc_pr, "w:shd", _TC_AFTER_SHADE)
    for attr, value in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shd.set(qn(f"w:{attr}"), value)


def underline_cell(cell: _Cell) -> None:
    """A line under ``cell`` only (the fields of the cover)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = _child(tc_pr, "w:tcBorders", ("w:shd", *_TC_AFTER_SHADE))
    bottom = _child(borders, "w:bottom")
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
        bottom.set(qn(f"w:{attr}"), value)


def no_borders(table: Table) -> None:
    """A table without lines (the two-up chart layout)."""
    borders = _child(table._tbl.tblPr, "w:tblBorders", _TBL_AFTER_BORDERS)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _child(borders, f"w:{side}").set(qn("w:val"), "nil")


# --- lists ------------------------------------------------------------------------------------


def restart_numbering(document: WordDocument, paragraph: Paragraph, start: int) -> int:
    """Number ``paragraph`` (in a List Number style) from ``start``, as a list of its own;
    returns the new numbering id for the list's other paragraphs (:func:`use_numbering`).
    """
    numbering = document.part.numbering_part.element
    style_num = paragraph.style.element.pPr.numPr.numId.val  # type: ignore[union-attr]
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_at = OxmlElement("w:startOverride")
    start_at.set(qn("w:val"), str(start))
    override.append(start_at)
    num.append(override)
    use_numbering(paragraph, num.numId)
    return int(num.numId)


def use_numbering(paragraph: Paragraph, num_id: int) -> None:
    """``paragraph`` made an item (level 0) of numbering ``num_id``."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


# --- paragraphs and pictures --------------------------------------------------------------------

_P_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def bottom_rule(paragraph: Paragraph) -> None:
    """A thin grey line under ``paragraph`` (a Markdown ``---``)."""
    borders = _child(paragraph._p.get_or_add_pPr(), "w:pBdr", _P_AFTER_BORDER)
    bottom = _child(borders, "w:bottom")
    for attr, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "808080")):
        bottom.set(qn(f"w:{attr}"), value)


def describe_picture(picture: InlineShape, description: str, title: str = "") -> None:
    """The picture's alternative text (what it shows, for screen readers and the Word import)."""
    doc_pr = picture._inline.docPr
    doc_pr.set("descr", description)
    if title:
        doc_pr.set("title", title)
