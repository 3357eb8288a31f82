"""Word text as CommonMark: escaping, bold and italic runs, and blocks joined into a narrative.

:func:`inline_markdown` turns a paragraph's :class:`Segment` s (text with its bold and italic) into
inline Markdown whose emphasis CommonMark reads as Word showed it, Chinese punctuation included
(:func:`table_markdown` a table's cells as a pipe table);
:func:`escape` and :func:`escape_line_start` keep text from being read as markup;
:func:`join_markdown` puts a section's blocks together, nesting list items as Word nested them.

No Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qualitydesk.store.wordbody import Block

QUOTE_STYLES = {"quote", "intense quote", "引用", "明显引用"}


@dataclass
class Segment:
    """A run of a paragraph's text with one look: bold, italic, both or neither."""

    text: str
    bold: bool = False
    italic: bool = False


_ESCAPED = set("\\`*_[]<>|")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|=+\s*$|(\d{1,9})([.)])(?=\s|$))")


def escape(text: str) -> str:
    """``text`` as CommonMark inline text: shown as written, never read as markup."""
    out = "".join("\\" + ch if ch in _ESCAPED else ch for ch in text)
    return re.sub(r"&(?=#?\w+;)", r"\\&", out)


def escape_line_start(markdown: str) -> str:
    """Keep a paragraph that starts like a heading, quote, list or rule a paragraph."""
    matched = _LINE_START.match(markdown)
    if not matched:
        return markdown
    if matched.group(2):  # "1. text": escape the dot, not the number
        end = matched.end(2)
        return markdown[:end] + "\\" + markdown[end:]
    return "\\" + markdown


def _edge(ch: str) -> bool:
    """Whitespace or punctuation, as CommonMark's flanking rules see it ("" = line edge)."""
    return not ch or ch.isspace() or unicodedata.category(ch)[0] in "PS"


def _marked(text: str, mark: str, before: str = "", after: str = "") -> str:
    """``text`` between ``mark``s, so that CommonMark reads them as emphasis.

    Spaces at the edges go outside the marks; so does punctuation where the marks would not
    open or close beside it — ``**`` closes after “。” only when a space or punctuation follows,
    which Chinese text (“重点”内容) rarely has. ``before`` and ``after`` are the characters
    around the span.
    """
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or (_edge(text[start]) and not _edge(before))):
        before = text[start]
        start += 1
    while end > start and (text[end - 1].isspace() or (_edge(text[end - 1]) and not _edge(after))):
        after = text[end - 1]
        end -= 1
    if start == end:
        return escape(text)
    return escape(text[:start]) + mark + escape(text[start:end]) + mark + escape(text[end:])


def inline_markdown(segments: list[Segment]) -> str:
    r"""Segments as inline Markdown: bold spans with italic inside; line breaks kept as ``\n``."""
    groups: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if groups and (groups[-1].bold, groups[-1].italic) == (seg.bold, seg.italic):
            groups[-1] = Segment(groups[-1].text + seg.text, seg.bold, seg.italic)
        else:
            groups.append(Segment(seg.text, seg.bold, seg.italic))
    out: list[str] = []
    i = 0
    while i < len(groups):
        before = groups[i - 1].text[-1] if i else ""
        if groups[i].bold:
            inner = []
            while i < len(groups) and groups[i].bold:
                inner.append(groups[i])
                i += 1
            after = groups[i].text[0] if i < len(groups) else ""
            out.append(_bold_span(inner, before, after))
            continue
        g = groups[i]
        adjacent = (i > 0 and groups[i - 1].bold) or (i + 1 < len(groups) and groups[i + 1].bold)
        after = groups[i + 1].text[0] if i + 1 < len(groups) else ""
        out.append(_lines(g.text, "*" if g.italic and not adjacent else "", before, after))
        i += 1
    return "".join(out).strip(" \u3000\t")


def _lines(text: str, mark: str, before: str = "", after: str = "") -> str:
    """Text that may hold line breaks: each line marked on its own (a mark never spans lines)."""
    pieces = text.split("\n")
    if not mark:
        return "\n".join(escape(p) for p in pieces)
    last = len(pieces) - 1
    return "\n".join(
        _marked(p, mark, before if n == 0 else "", after if n == last else "")
        for n, p in enumerate(pieces)
    )


def _bold_span(groups: list[Segment], before: str, after: str) -> str:
    text = "".join(g.text for g in groups)
    if "\n" in text or not any(g.italic for g in groups):
        return _lines(text, "**", before, after)
    if all(g.italic for g in groups):
        return _lines(text, "***", before, after)
    if _edge(text[0]) or _edge(text[-1]):  # rare: bold and italic mixed, punctuation at an edge
        return _lines(text, "**", before, after)
    inner = "".join(_marked(g.text, "*") if g.italic else escape(g.text) for g in groups)
    return f"**{inner}**"


def plain_text(segments: list[Segment]) -> str:
    """The segments' text, without marks."""
    return "".join(s.text for s in segments)


def all_bold(segments: list[Segment]) -> bool:
    """Whether every visible character is bold (a heading typed as a bold paragraph)."""
    visible = [s for s in segments if s.text.strip()]
    return bool(visible) and all(s.bold for s in visible)


def table_markdown(rows: list[list[str]]) -> str:
    """A pipe table of ``rows`` (the first is the header), short rows padded with empty cells."""
    columns = max(len(r) for r in rows)
    lines = []
    for n, row in enumerate(rows):
        padded = row + [""] * (columns - len(row))
        lines.append("| " + " | ".join(c or " " for c in padded) + " |")
        if n == 0:
            lines.append("|" + "---|" * columns)
    return "\n".join(lines)


def join_markdown(blocks: list[tuple[Block, str]]) -> str:
    """Blocks with their Markdown (as placed by the importer) joined into one narrative.

    List items follow each other on consecutive lines, nested by their Word level; every other
    block is a paragraph of its own (a block quote in a quote style). A paragraph's line breaks
    stay hard line breaks; a list item's and a cell's become spaces.
    """
    out: list[str] = []
    open_levels: list[tuple[int, int]] = []  # (Word list level, width of its marker)
    previous_list = False
    for block, markdown in blocks:
        if block.list_kind:
            while open_levels and open_levels[-1][0] >= block.list_level:
                open_levels.pop()
            indent = " " * sum(width for _, width in open_levels)
            marker = "- " if block.list_kind == "bullet" else f"{block.list_number}. "
            line = indent + marker + escape_line_start(" ".join(markdown.split()))
            out.append(("\n" if previous_list else "\n\n") + line)
            open_levels.append((block.list_level, len(marker)))
            previous_list = True
            continue
        open_levels.clear()
        previous_list = False
        if block.kind != "para":  # a table, or Markdown the importer made (heading, figure)
            out.append("\n\n" + markdown.strip("\n"))
            continue
        lines = [escape_line_start(line.strip(" \u3000\t")) for line in markdown.split("\n")]
        lines = [line for line in lines if line]
        quote = "> " if block.style.lower() in QUOTE_STYLES else ""
        if lines:  # a line break in Word (Shift+Enter) is a hard line break: \ at the line's end
            out.append("\n\n" + quote + ("\\\n" + quote).join(lines))
    return "".join(out).strip("\n") + "\n" if out else ""
