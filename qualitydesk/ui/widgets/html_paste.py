"""Pastes from Word, WPS or a web page, reduced to what a narrative keeps.

Paragraphs, headings, lists (Word's ``mso-list`` paragraphs included), bold and tables are kept;
fonts, colours and styles are lost: the HTML is read into a scratch document, written as
Markdown (:func:`~qualitydesk.ui.widgets.markdown_io.document_markdown`) and read back. Images
are dropped (and counted), because attachments belong on the 证实性材料 page.
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QTextDocument

from qualitydesk.ui.widgets.markdown_io import document_markdown

_SUPPORT_LISTS = re.compile(
    r"<!(?:--)?\[if !supportLists\](?:--)?>(.*?)<!(?:--)?\[endif\](?:--)?>", re.S | re.I
)
_WORD_LIST_PARAGRAPH = re.compile(r"<p\b([^>]*mso-list:[^>]*)>(.*?)</p>", re.S | re.I)
_IGNORE_SPAN = re.compile(
    r"<span[^>]*mso-list:\s*Ignore[^>]*>(.*?)</span>\s*(?:</span>\s*)?", re.S | re.I
)
_LIST_PLACEHOLDER = re.compile(r"(?:\x00(?:ul|ol)\d+\x01.*?\x00\s*)+", re.S)
_LIST_ITEM = re.compile(r"\x00(ul|ol)(\d+)\x01(.*?)\x00", re.S)
_ORDERED_MARKER = re.compile(r"^[(（]?[0-9A-Za-z一二三四五六七八九十ivxlcIVXLC]{1,4}[.)）、．]")
_DROP_BLOCKS = re.compile(r"<(style|script|xml|head)\b.*?</\1\s*>", re.S | re.I)
_COMMENTS = re.compile(r"<!--.*?-->", re.S)
_DOWNLEVEL = re.compile(r"<!\[(?:if [^\]]*|endif)\]>", re.I)
_IMAGES = re.compile(r"<img\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]+>")


_SOURCE_LINE_BREAK = re.compile(r"[ \t]*\r?\n\s*")
_EAST_ASIAN = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_CONTEXT = 200  # how far around a line break to look for the neighbouring characters


def _join_east_asian(match: re.Match[str]) -> str:
    """Drop a line break of the HTML source between two Chinese characters (tags aside).

    Word wraps the lines of the HTML it puts on the clipboard; read as HTML, each wrap becomes a
    space, which does not belong between Chinese characters.
    """
    source = match.string
    before = _TAGS.sub("", source[max(0, match.start() - _CONTEXT) : match.start()]).rstrip()
    after = _TAGS.sub("", source[match.end() : match.end() + _CONTEXT]).lstrip()
    if before and after and _EAST_ASIAN.match(before[-1]) and _EAST_ASIAN.match(after[0]):
        return ""
    return match.group(0)


def _visible(fragment: str) -> str:
    return html.unescape(_TAGS.sub("", fragment)).replace("\xa0", " ").strip()


def _word_list_item(match: re.Match[str]) -> str:
    attrs, body = match.group(1), match.group(2)
    marker = _SUPPORT_LISTS.search(body) or _IGNORE_SPAN.search(body)
    if marker is None:
        return match.group(0)
    kind = "ol" if _ORDERED_MARKER.match(_visible(marker.group(1))) else "ul"
    level = re.search(r"level(\d+)", attrs)
    body = body[: marker.start()] + body[marker.end() :]
    return f"\x00{kind}{level.group(1) if level else 1}\x01{body}\x00"


def _nest(items: str) -> str:
    out: list[str] = []
    open_lists: list[tuple[str, int]] = []
    for kind, level_text, body in _LIST_ITEM.findall(items):
        level = int(level_text)
        while open_lists and (
            open_lists[-1][1] > level or (open_lists[-1][1] == level and open_lists[-1][0] != kind)
        ):
            out.append(f"</{open_lists.pop()[0]}>")
        if not open_lists or open_lists[-1][1] < level:
            out.append(f"<{kind}>")
            open_lists.append((kind, level))
        out.append(f"<li>{body}</li>")
    out.extend(f"</{kind}>" for kind, _ in reversed(open_lists))
    return "".join(out)


def clean_html(source: str) -> tuple[str, int]:
    """Word's (or a web page's) HTML reduced to structure; also how many images it had.

    Word writes list items as paragraphs with an ``mso-list`` style and a bullet or number in a
    conditional section; they become real ``<ul>``/``<ol>`` lists. Line breaks of the source
    between Chinese characters go (they would read as spaces). Styles, scripts, comments, Office
    XML and images are removed.
    """
    source = _DROP_BLOCKS.sub("", source)
    source = _COMMENTS.sub("", source)
    source = _WORD_LIST_PARAGRAPH.sub(_word_list_item, source)
    source = _LIST_PLACEHOLDER.sub(lambda m: _nest(m.group(0)), source)
    source = _DOWNLEVEL.sub("", source)
    source = _SOURCE_LINE_BREAK.sub(_join_east_asian, source)
    images = len(_IMAGES.findall(source))
    return _IMAGES.sub("", source), images


def html_markdown(source: str) -> tuple[str, int]:
    """Pasted HTML as clean Markdown, and the number of images dropped from it."""
    cleaned, images = clean_html(source)
    scratch = QTextDocument()
    scratch.setHtml(cleaned)
    return document_markdown(scratch).replace("\xa0", " "), images
