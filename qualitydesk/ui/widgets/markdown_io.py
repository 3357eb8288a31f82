"""A ``QTextDocument`` as Markdown: the writer, and the countable text of a document.

``QTextDocument.setMarkdown`` reads Markdown; writing it back is done here rather than with
``QTextDocument.toMarkdown``, because Qt's writer wraps lines at 80 columns and, between two
Chinese characters, drops the character at the wrap (and turns line breaks into spaces when the
text is read again) — it would lose the user's words. The writer below never wraps. Where it
checks what it wrote, it reads it back with the narratives' one parser
(:mod:`qualitydesk.domain.markdown`). Pastes are cleaned in :mod:`html_paste`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextListFormat,
    QTextTable,
)

from qualitydesk.domain.markdown import inline_text

OBJECT = "\ufffc"  # what an image stands for in a block's text
IMAGE_ALT = "图"  # the alt text of an image that has none
LINE_BREAK = "\u2028"


# --- the document as Markdown -------------------------------------------------------------------

_ESCAPED = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What would start a heading, quote, list or rule at the start of a line (``*``, ``_`` are escaped
# everywhere already).
_LINE_START = re.compile(r"^(?:(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|[-=]+\s*$)|(\d{1,9})([.)])(?=\s|$))")
_ORDER = ("**", "*", "~~")  # the outermost marker first


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _loose(ch: str) -> bool:
    """Whether ``ch`` is whitespace or punctuation (what emphasis markers cannot hug)."""
    return ch.isspace() or _is_punct(ch)


def _loose_run(chars: Iterable[str]) -> int:
    """How many of ``chars``, from the first, are whitespace or punctuation."""
    n = 0
    for ch in chars:
        if not _loose(ch):
            break
        n += 1
    return n


def _escape_markdown(text: str) -> str:
    r"""``text`` with what Markdown would read as markup escaped (``\*``, ``\[`` …)."""
    return _ENTITY.sub(r"\\&", _ESCAPED.sub(r"\\\1", text))


@dataclass
class _Run:
    text: str
    marks: frozenset[str]
    code: bool = False
    href: str = ""
    image: str = ""
    alt: str = ""


def _run_of(text: str, fmt: QTextCharFormat, plain: bool) -> _Run:
    if fmt.isImageFormat():
        image = fmt.toImageFormat()
        alt = str(image.property(QTextFormat.Property.ImageAltText) or "")
        return _Run(text, frozenset(), image=image.name(), alt=alt)
    marks: set[str] = set()
    if not plain:
        if fmt.fontWeight() >= QFont.Weight.DemiBold:
            marks.add("**")
        if fmt.fontItalic():
            marks.add("*")
        if fmt.fontStrikeOut():
            marks.add("~~")
    href = fmt.anchorHref() if fmt.isAnchor() else ""
    return _Run(text, frozenset(marks), fmt.fontFixedPitch(), href)


def _runs(block: QTextBlock, plain: bool) -> list[_Run]:
    runs: list[_Run] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            run = _run_of(fragment.text(), fragment.charFormat(), plain)
            last = runs[-1] if runs else None
            same = last and not last.image and not run.image
            if same and (last.marks, last.code, last.href) == (run.marks, run.code, run.href):
                last.text += run.text
            else:
                runs.append(run)
        it += 1
    return runs


def _fix_flanking(runs: list[_Run]) -> list[_Run]:
    """Move spaces and punctuation out of emphasis where CommonMark would not see the markers.

    ``**产品。**2025年`` is not bold in CommonMark (a closing ``**`` after punctuation must be
    followed by space or punctuation); ``**产品**。2025年`` is, and reads the same.
    """
    edge = _Run("", frozenset())  # the start and the end of the line
    runs = [edge, *(r for r in runs if r.text or r.image), _Run("", frozenset())]
    i = 1
    while i < len(runs):
        a, b = runs[i - 1], runs[i]
        before = a.text[-1] if a.text else " "
        after = b.text[0] if b.text else " "
        closes, opens = a.marks - b.marks, b.marks - a.marks
        bad_close = closes and (before.isspace() or (_is_punct(before) and not _loose(after)))
        bad_open = opens and (after.isspace() or (_is_punct(after) and not _loose(before)))
        moved_a = _loose_run(reversed(a.text)) if bad_close else 0
        moved_b = _loose_run(b.text) if bad_open else 0
        if not (moved_a or moved_b) or a.code or b.code or a.image or b.image:
            i += 1
            continue
        middle = a.text[len(a.text) - moved_a :] + b.text[:moved_b]
        a.text, b.text = a.text[: len(a.text) - moved_a], b.text[moved_b:]
        runs.insert(i, _Run(middle, a.marks & b.marks, href=a.href if a.href == b.href else ""))
        last = len(runs) - 1
        runs = [r for k, r in enumerate(runs) if r.text or r.image or k in (0, last)]
        i = max(1, i - 1)
    return [r for r in runs if r.text or r.image]


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _render_run(run: _Run) -> str:
    if run.image:
        # Never an empty alt text: Qt's Markdown reader drops images without one.
        alt = _escape_markdown(run.alt.replace("]", "")) or IMAGE_ALT
        return "".join(f"![{alt}]({run.image})" for ch in run.text if ch == OBJECT)
    text = _code_span(run.text) if run.code else _escape_markdown(run.text.replace(OBJECT, ""))
    return f"[{text}](<{run.href}>)" if run.href else text


def _emphasised(runs: list[_Run]) -> str:
    out: list[str] = []
    stack: list[str] = []
    for run in _fix_flanking(runs):
        keep = next((i for i, m in enumerate(stack) if m not in run.marks), len(stack))
        out.extend(reversed(stack[keep:]))
        del stack[keep:]
        for mark in _ORDER:
            if mark in run.marks and mark not in stack:
                out.append(mark)
                stack.append(mark)
        out.append(_render_run(run))
    out.extend(reversed(stack))
    return "".join(out)


def _inline(block: QTextBlock, plain: bool = False) -> str:
    """A block's text as inline Markdown; ``plain`` ignores bold and italics (headings).

    Where emphasis cannot be written so that it reads back as the same text (CommonMark's
    rules for ``*`` next to punctuation are intricate), the block is written without it: the
    words matter more than their bold.
    """
    runs = _runs(block, plain)
    text = _emphasised([_Run(r.text, r.marks, r.code, r.href, r.image, r.alt) for r in runs])
    if not any(r.marks for r in runs):
        return text
    expected = "".join(r.text for r in runs if not r.image).replace(OBJECT, "")
    if _squeezed(inline_text(_paragraph(text, ""))) != _squeezed(expected):
        text = _emphasised(
            [_Run(r.text, frozenset(), r.code, r.href, r.image, r.alt) for r in runs]
        )
    return text


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def _paragraph(text: str, indent: str) -> str:
    """Inline Markdown as a paragraph: nothing at a line start may read as block markup."""
    text = text.strip(" \t" + LINE_BREAK)  # a break at the end would be a literal backslash
    lines = [_LINE_START.sub(_line_start, line.strip(" \t")) for line in text.split(LINE_BREAK)]
    return ("\\\n" + indent).join(lines)


def _cell_text(it: QTextFrame.iterator, plain: bool) -> str:
    """A cell's paragraphs on one line; the header row's bold is the table's, not the text's."""
    parts = []
    while not it.atEnd():
        block = it.currentBlock()
        if block.isValid():
            parts.append(_inline(block, plain).replace(LINE_BREAK, " ").strip())
        it += 1
    return " ".join(p for p in parts if p)


def _table(table: QTextTable) -> str:
    rows = []
    for r in range(table.rows()):
        cells = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            own = cell.row() == r and cell.column() == c
            cells.append(_cell_text(cell.begin(), plain=r == 0) if own else "")
        rows.append("| " + " | ".join(cells) + " |")
    if not rows:
        return ""
    rule = "| " + " | ".join("---" for _ in range(table.columns())) + " |"
    return "\n".join([rows[0], rule, *rows[1:]])


class _Writer:
    """Walks a QTextDocument and writes CommonMark + pipe tables, one block at a time."""

    def __init__(self) -> None:
        self.chunks: list[tuple[str, str]] = []  # (kind, text); kind "list" joins tightly
        self.levels: list[tuple[int, int]] = []  # open list levels: (indent level, content col)
        self.code: list[str] = []
        self.language = ""

    def write(self, document: QTextDocument) -> str:
        it = document.rootFrame().begin()
        while not it.atEnd():
            frame = it.currentFrame()
            if isinstance(frame, QTextTable):
                self._flush_code()
                self.levels.clear()
                self.chunks.append(("table", _table(frame)))
            elif frame is None:
                self._block(it.currentBlock())
            it += 1
        self._flush_code()
        out = ""
        for i, (kind, text) in enumerate(self.chunks):
            if i:
                out += "\n" if kind == "list" == self.chunks[i - 1][0] else "\n\n"
            out += text
        return out + "\n" if out.strip() else ""

    def _block(self, block: QTextBlock) -> None:
        fmt = block.blockFormat()
        if fmt.hasProperty(QTextFormat.Property.BlockCodeFence) or fmt.nonBreakableLines():
            self.language = str(fmt.property(QTextFormat.Property.BlockCodeLanguage) or "")
            self.code.append(block.text())
            return
        self._flush_code()
        if fmt.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
            self.levels.clear()
            self.chunks.append(("rule", "---"))
            return
        if block.textList() is not None:
            self._list_item(block)
            return
        self.levels.clear()
        level = fmt.headingLevel()
        text = _inline(block, plain=level > 0)
        if not text.strip():
            return
        if level:
            self.chunks.append(("heading", "#" * min(level, 6) + " " + text.strip()))
            return
        quote = "> " * int(fmt.intProperty(QTextFormat.Property.BlockQuoteLevel))
        body = _paragraph(text, quote)
        self.chunks.append(("paragraph", quote + body))

    def _list_item(self, block: QTextBlock) -> None:
        text_list = block.textList()
        fmt = text_list.format()
        level = max(1, fmt.indent())
        while self.levels and self.levels[-1][0] >= level:
            self.levels.pop()
        column = self.levels[-1][1] if self.levels else 0
        ordered = fmt.style() in (
            QTextListFormat.Style.ListDecimal,
            QTextListFormat.Style.ListLowerAlpha,
            QTextListFormat.Style.ListUpperAlpha,
            QTextListFormat.Style.ListLowerRoman,
            QTextListFormat.Style.ListUpperRoman,
        )
        number = text_list.itemNumber(block) + max(1, fmt.start())
        marker = f"{number}. " if ordered else "- "
        indent = " " * column
        body = _paragraph(_inline(block), indent + " " * len(marker))
        self.levels.append((level, column + len(marker)))
        self.chunks.append(("list", indent + marker + body))

    def _flush_code(self) -> None:
        if not self.code:
            return
        body = "\n".join(self.code)
        longest = max((len(m) for m in re.findall(r"^`{3,}", body, re.M)), default=2)
        fence = "`" * (longest + 1)
        self.chunks.append(("code", f"{fence}{self.language}\n{body}\n{fence}"))
        self.code, self.language = [], ""


def document_markdown(document: QTextDocument) -> str:
    """``document`` as Markdown (CommonMark + GitHub pipe tables), never wrapped."""
    return _Writer().write(document)


def document_text(document: QTextDocument) -> tuple[str, int]:
    """The countable text of ``document`` and its pictures and charts.

    The same text and figures as ``markdown_text(document_markdown(document))``
    (:func:`qualitydesk.domain.textmetrics.narrative`: table cells and picture titles are text),
    without writing Markdown: cheap enough for every keystroke.
    """
    parts: list[str] = []
    figures = 0
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            for r in range(frame.rows()):
                for c in range(frame.columns()):
                    cell = frame.cellAt(r, c)
                    if (cell.row(), cell.column()) != (r, c):
                        continue  # the rest of a merged cell
                    blocks = cell.begin()
                    while not blocks.atEnd():
                        figures += _block_text(blocks.currentBlock(), parts)
                        blocks += 1
        elif frame is None:
            figures += _block_text(it.currentBlock(), parts)
        it += 1
    return "\n".join(parts), figures


def _block_text(block: QTextBlock, parts: list[str]) -> int:
    """Append ``block``'s text, each picture as its title on a line; return the pictures."""
    text = block.text()
    if OBJECT not in text:
        parts.append(text)
        return 0
    pictures = 0
    pieces: list[str] = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fmt = fragment.charFormat()
        if fragment.isValid() and fmt.isImageFormat():
            alt = str(fmt.toImageFormat().property(QTextFormat.Property.ImageAltText) or "")
            title = alt.replace("]", "") or IMAGE_ALT  # as the writer writes it
            n = fragment.text().count(OBJECT)
            pieces.append(f"\n{title}\n" * n)
            pictures += n
        elif fragment.isValid():
            pieces.append(fragment.text().replace(OBJECT, ""))
        fragments += 1
    parts.append("".join(pieces))
    return pictures
