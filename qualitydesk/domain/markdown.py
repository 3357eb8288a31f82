"""Reading a narrative's Markdown (CommonMark + GitHub pipe tables): one parser for every layer.

Narratives are stored as Markdown. What is in them — the text to count, the figures placed, the
text a run of inline Markdown reads as — is found by parsing with markdown-it-py, never with
patterns over the source: ``](indicator:x)`` inside a code span or an escaped bracket is text,
not a figure. The parser is made once, on first use (importing this module parses nothing).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def parser() -> MarkdownIt:
    """The Markdown parser of narratives: CommonMark with pipe tables."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _inline_tokens(markdown: str) -> list[Token]:
    """Every inline token of ``markdown`` (the children of its paragraphs, headings, cells)."""
    return [
        child
        for token in parser().parse(markdown)
        if token.type == "inline"
        for child in token.children or ()
    ]


def figure_refs(markdown: str, scheme: str) -> set[str]:
    """The references of the pictures placed with ``scheme``: ``indicator`` gives the ids of
    ``![…](indicator:ID)``, ``attachment`` the numbers of ``![…](attachment:N)``.
    """
    prefix = f"{scheme}:"
    found = set()
    for token in _inline_tokens(markdown):
        source = str(token.attrGet("src") or "") if token.type == "image" else ""
        if source.startswith(prefix) and len(source) > len(prefix):
            found.add(source[len(prefix) :])
    return found


def inline_text(markdown: str) -> str:
    """The text a run of inline Markdown reads as: its words and code spans, without markup."""
    return "".join(
        child.content
        for token in parser().parseInline(markdown)
        for child in token.children or ()
        if child.type in ("text", "code_inline")
    )
