"""Inline text of the Word copy as runs: Markdown's inline content read, and written as Word runs.

A :data:`Run` is a piece of text and its marks ("b" bold, "i" italic, "code"):
:func:`inline_runs` reads them from an inline Markdown node (a line break inside a paragraph
joins Chinese without a space, as the PDF does), :func:`add_runs` writes them into a paragraph,
:func:`put_text` writes text with its line breaks and tabs into one run.
"""

from __future__ import annotations

from typing import Any, cast

from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun
from markdown_it.tree import SyntaxTreeNode

from qualitydesk.export.markdown import SOFT_BREAK, resolve_soft_breaks

# one inline run: its text and how it looks
Run = tuple[str, frozenset[str]]  # marks: "b" bold, "i" italic, "code"


def add_runs(paragraph: Paragraph, runs: list[Run], size: float | None = None) -> None:
    """Append ``runs`` to ``paragraph`` with their bold / italic / code look."""
    for text, marks in runs:
        if not text:
            continue
        run = paragraph.add_run()
        put_text(run, text)
        if "b" in marks:
            run.bold = True
        if "i" in marks:
            run.italic = True
        if "code" in marks:
            run.font.name = "Consolas"
        if size is not None:
            run.font.size = Pt(size)


def put_text(run: DocxRun, text: str) -> None:
    """``text`` into an empty run, line breaks and tabs as Word's (python-docx's ``run.text``
    does the same but first searches the run for content to clear, which is slow).
    """
    r = run._r
    for i, line in enumerate(text.split("\n")):
        if i:
            r.add_br()
        for j, piece in enumerate(line.split("\t")):
            if j:
                r.add_tab()
            if piece:
                r.add_t(piece)


def plain(text: str) -> list[Run]:
    """``text`` as one run without marks."""
    return [(text, frozenset())]


def runs_text(runs: list[Run]) -> str:
    """The text of ``runs``, without their marks."""
    return "".join(text for text, _ in runs)


def inline_runs(node: SyntaxTreeNode, images: list[SyntaxTreeNode]) -> list[Run]:
    """The text of an inline container as runs with their marks; images are collected."""
    runs: list[Run] = []
    for child in node.children:
        _inline(child, frozenset(), runs, images)
    # The PDF's soft-break pass keeps each run's look, whatever it is (the PDF's is a style).
    return cast(list[Run], resolve_soft_breaks(cast(list[Any], runs)))


def _inline(
    node: SyntaxTreeNode, marks: frozenset[str], runs: list[Run], images: list[SyntaxTreeNode]
) -> None:
    kind = node.type
    if kind in ("text", "html_inline"):
        runs.append((node.content, marks))
    elif kind == "code_inline":
        runs.append((node.content, marks | {"code"}))
    elif kind == "softbreak":
        runs.append((SOFT_BREAK, marks))
    elif kind == "hardbreak":
        runs.append(("\n", marks))
    elif kind == "image":
        images.append(node)
    elif kind in ("strong", "em"):
        inner = marks | {"b" if kind == "strong" else "i"}
        for child in node.children:
            _inline(child, inner, runs, images)
    elif node.children:  # inline, link and anything newer: their text
        for child in node.children:
            _inline(child, marks, runs, images)
    elif node.content:
        runs.append((node.content, marks))
