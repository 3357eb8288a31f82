"""Reading an exported PDF's text back: per page, without the running header and footer, the
outline, the printed page numbers and the blocks of a narrative to look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from pypdf import PdfReader

from qualitydesk.export.fonts import fonts
from qualitydesk.export.text import clean

FOOTER = re.compile(r"第 (\d+) 页 共 (\d+) 页")
WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """``text`` without any whitespace: layout decides where spaces and line ends go."""
    return WHITESPACE.sub("", text)


@dataclass(frozen=True)
class Entry:
    """An outline entry (a bookmark): its depth from 0, its title and the page it opens."""

    level: int
    title: str
    page: int  # 1-based


def outline(reader: PdfReader) -> list[Entry]:
    """The outline of the document, depth first, as a flat list."""
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
    """The text pypdf extracts from each page, in page order."""
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


def toc_numbers(text: str) -> dict[str, int]:
    """目录 entries of a page's text: title -> page number."""
    found = re.findall(r"([^\n]+?)\n\s*(?:\. ?)+\n(\d+)", text)
    return {title.strip(): int(number) for title, number in found}


ROMAN = re.compile(r"^[ivxlcdm]+$")


def printed_number(text: str) -> str | None:
    """The page number a page prints: N of 第 N 页 共 M 页, a roman numeral alone on a line
    (front matter), or None (the cover, a blank page).
    """
    found = FOOTER.search(text)
    if found:
        return found.group(1)
    return next((line for line in text.split("\n") if ROMAN.match(line.strip())), None)
