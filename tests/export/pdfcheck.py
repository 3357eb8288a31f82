"""Reading an exported PDF back: text per page without running header and footer, outline,
fonts, and the lines of the layout (for the line-breaking rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from markdown_it import MarkdownIt
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from qualitydesk.export.fonts import fonts
from qualitydesk.export.text import clean

FOOTER = re.compile(r"第 (\d+) 页 共 (\d+) 页")
WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """``text`` without any whitespace: layout decides where spaces and line ends go."""
    return WHITESPACE.sub("", text)


@dataclass(frozen=True)
class Entry:
    level: int
    title: str
    page: int  # 1-based


def outline(reader: PdfReader) -> list[Entry]:
    entries: list[Entry] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append(
                    Entry(level, item.title, reader.get_destination_page_number(item) + 1)
                )

    walk(reader.outline, 0)
    return entries


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


INTERNAL_MARKS = ("内部资料　注意保密", "内部资料")


def body_text(reader: PdfReader, texts: list[str]) -> str:
    """All pages' text, whitespace removed, the running header and footer taken out.

    Header, footer and the 内部资料 marks are drawn before the page's content, so their text
    comes first on a page (the cover has none).
    """
    title, org = (clean(s, fonts()) for s in (reader.metadata.title, reader.metadata.author))
    pages = []
    for page_text in texts[1:]:
        text = FOOTER.sub("", page_text, count=1)
        for mark in (title, org, *INTERNAL_MARKS):
            if mark in text[: len(title) + len(org) + 60]:
                text = text.replace(mark, "", 1)
        pages.append(text)
    return squeeze("".join(pages))


def markdown_blocks(markdown: str) -> list[str]:
    """The text of every paragraph, heading, list item and table cell of a narrative."""
    blocks = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline":
            parts = [
                child.content
                for child in token.children or ()
                if child.type in ("text", "code_inline", "html_inline")
            ]
            if "".join(parts).strip():
                blocks.append("".join(parts))
    return blocks


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


def layout_lines(pdf: Path) -> list[str]:
    """Every line of text on the pages, as a reader sees it (pdfium's characters, grouped).

    Characters follow each other on a line while they share its height and move right without a
    gap wider than one character; a table cell or a column starts a line of its own.
    """
    lines: list[str] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            text_page = page.get_textpage()
            line: list[str] = []
            previous: tuple[float, float, float, float] | None = None
            for index in range(text_page.count_chars()):
                char = text_page.get_text_range(index, 1)
                if char in ("\r", "\n", ""):
                    continue
                box = text_page.get_charbox(index, loose=True)
                if previous is not None and not _same_line(previous, box):
                    lines.append("".join(line).strip())
                    line = []
                line.append(char)
                previous = box
            lines.append("".join(line).strip())
            text_page.close()
            page.close()
    finally:
        document.close()
    return [line for line in lines if line]


def _same_line(before: tuple[float, ...], box: tuple[float, ...]) -> bool:
    """Whether ``box`` (left, bottom, right, top) continues the line that ended with ``before``."""
    left, bottom, _, top = box
    _, before_bottom, before_right, before_top = before
    height = max(top - bottom, before_top - before_bottom, 1.0)
    middle = (bottom + top) / 2
    on_line = before_bottom - 0.2 * height <= middle <= before_top + 0.2 * height
    return on_line and before_right - 0.5 * height <= left <= before_right + 1.5 * height


def toc_numbers(text: str) -> dict[str, int]:
    """目录 entries of a page's text: title -> page number."""
    found = re.findall(r"([^\n]+?)\n\s*(?:\. ?)+\n(\d+)", text)
    return {title.strip(): int(number) for title, number in found}
