"""The sections of a Word application: which heading names which item, and the text under it.

:class:`Builder` takes the blocks of :mod:`qualitydesk.store.wordbody` in order and cuts them
into :class:`Section` s, one per heading that names an item (its clause number "4.1.2", "B.1.1",
its title, or its place among its category's items "（二）"), with the text under it as Markdown
and its pictures as :class:`WordImage` s. A heading is a paragraph in a Word heading style (or
with an outline level) or a short bold paragraph; inside an item, deeper headings are the
item's own (Markdown ``###``) and bold lines are text unless they name an item exactly. Text
before the first heading (a cover) and a typed 目录 are left out and counted; so are parts of a
package that hold no narratives (申请表, 关键绩效数据 …), whatever their sub-headings say.
Which heading names what is :mod:`~qualitydesk.store.wordheadings`' part.

No Qt here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from qualitydesk.domain.forms import Category, Framework
from qualitydesk.domain.textmetrics import measure
from qualitydesk.store.wordbody import Block, Picture
from qualitydesk.store.wordheadings import (
    OTHER_PARTS,
    PROFILE,
    Catalogue,
    Heading,
    is_heading_like,
    normalise_title,
    parse_heading,
)
from qualitydesk.store.wordmarkdown import escape, join_markdown

IMAGE_REF = re.compile(r"\]\(wordimage:(\d+)\)")
PLACEABLE = {"image/png", "image/jpeg", "image/gif", "image/bmp"}
_CAPTION = re.compile(
    r"^(?P<kind>[图表])\s*[0-9A-Za-z一二三四五六七八九十]+(?:[.．\-–—_][0-9A-Za-z]+)*\s*"
)
FIGURE = "图"  # the alt text of a picture without a caption (Qt drops images that have none)


@dataclass
class WordImage:
    """A picture of the Word file: stored as evidence and, if it can be, placed in the text."""

    index: int
    data: bytes
    file_name: str
    media_type: str
    caption: str
    source: str = ""  # "indicator:ID" / "attachment:N" when QualityDesk exported it

    @property
    def placeable(self) -> bool:
        """Whether a narrative can show the picture (PNG, JPEG, GIF or BMP)."""
        return self.media_type in PLACEABLE


@dataclass
class Section:
    """Text under one Word heading, and the item (or 组织概述 section) it goes into."""

    heading: str
    target: str | None  # "4.1.2", "profile:B.1.1", or None: left out
    matched_by: str  # how the target was found: 编号、标题、编号和标题、顺序、导出标记 …
    markdown: str = ""
    images: list[int] = field(default_factory=list)
    characters: int = 0
    tables: int = 0
    suggested: str | None = None  # the target recognised, kept when the user re-maps


# --- building the plan ------------------------------------------------------------------------


@dataclass
class _Open:
    section: Section
    depth: int
    blocks: list[tuple[Block, str]] = field(default_factory=list)
    container: str = ""  # "category", "profile", "report": a heading above the items
    item: bool = False  # under an item's (or 组织概述 section's) own heading


class Builder:
    """Cuts a document's blocks into sections (see the module docstring): :meth:`feed`, then
    :meth:`sections_out`. ``marker_target``: the item a per-section copy came from; text
    before its first heading belongs to that item instead of being a cover.
    """

    def __init__(self, framework: Framework, marker_target: str) -> None:
        self.catalogue = Catalogue(framework)
        self.framework = framework
        self.sections: list[_Open] = []
        self.images: list[WordImage] = []
        self._by_digest: dict[str, int] = {}
        self.cover_blocks = 0
        self.toc_lines = 0
        self.in_toc = False
        self.outside: int | None = None  # depth of a part that holds no narratives, while in it
        self.category: Category | None = None
        self.category_depth = 0
        self.current: _Open | None = None
        if marker_target:
            self._start(Section("", marker_target, "导出标记"), 0)

    def _start(self, section: Section, depth: int, container: str = "", item: bool = False) -> None:
        self.current = _Open(section, depth, container=container, item=item)
        self.sections.append(self.current)

    def feed(self, blocks: list[Block]) -> None:
        """Cut ``blocks`` (the body in order) into sections."""
        blocks = [b for b in blocks if b.kind not in ("toc", "empty")]
        for n, block in enumerate(blocks):
            if block.kind == "para" and is_heading_like(block) and self._heading(block):
                continue
            if self.current is None:
                if self.in_toc:
                    self.toc_lines += 1
                else:
                    self.cover_blocks += 1
                continue
            self._body(block, blocks[n + 1] if n + 1 < len(blocks) else None)

    # -- headings --

    def _heading(self, block: Block) -> bool:
        """Handle ``block`` as a heading; False when it is body text after all."""
        heading = parse_heading(block.text, styled=block.level is not None, level=block.level)
        self.in_toc = normalise_title(heading.text) in ("目录", "目次")
        if self.in_toc:
            self.current = None  # a typed 目录: what follows is left out until the next heading
            return True
        if self.outside is not None:
            if not heading.styled or heading.depth > self.outside:
                return self._sub_heading(heading)
            self.outside = None
        if heading.styled and any(part in normalise_title(heading.title) for part in OTHER_PARTS):
            self.outside, self.category = heading.depth, None
            self._start(Section(heading.text, None, ""), heading.depth)
            return True
        current = self.current
        in_item = current is not None and current.item
        if current is not None and in_item and heading.styled and heading.depth > current.depth:
            return self._sub_heading(heading)  # an item's own headings are never items
        counted_in = self.category if heading.depth == self.category_depth + 1 else None
        strict = in_item and not heading.styled  # a bold line in an item: only a sure match
        found = self.catalogue.match(heading, counted_in, strict=strict)
        if found.kind in ("item", "profile"):
            if found.kind == "item":
                item = self.framework.item(found.key)
                self.category = next(c for c in self.framework.categories if c.id == item.category)
            section = Section(heading.text, found.key, found.by, suggested=found.key)
            self._start(section, heading.depth, item=True)
            return True
        if found.kind in ("category", "profile-root", "profile-group", "report"):
            if found.kind == "category":
                self.category = next(c for c in self.framework.categories if c.id == found.key)
                self.category_depth = heading.depth
            else:
                self.category = None
            kind = "category" if found.kind == "category" else found.kind
            self._start(Section(heading.text, None, ""), heading.depth, container=kind)
            return True
        if not heading.styled:
            return False  # a bold line that names nothing: body text
        if current is None or heading.depth <= current.depth:
            self._start(Section(heading.text, None, ""), heading.depth)
            return True
        return self._sub_heading(heading)

    def _sub_heading(self, heading: Heading) -> bool:
        """A heading inside a section's text: a Markdown heading (a bold line stays text)."""
        current = self.current
        if current is None or not heading.styled:
            return False
        depth = "###" if heading.depth <= current.depth + 1 else "####"
        current.blocks.append((Block("raw"), f"{depth} {escape(heading.text)}"))
        return True

    # -- body --

    def _body(self, block: Block, following: Block | None) -> None:
        assert self.current is not None
        out = self.current.blocks
        if block.kind == "table":
            self.current.section.tables += 1
            out.append((block, block.markdown))
            self._pictures(block.pictures)
            return
        caption = _CAPTION.match(block.text)
        if caption and caption.group("kind") == "表" and following and following.kind == "table":
            title = block.text[caption.end() :].strip()
            if title:
                out.append((Block("para"), escape(title)))
            return
        if (
            caption
            and (caption.group("kind") == "图" or block.caption_style)
            and self._recaption(block.text[caption.end() :].strip())
        ):
            return
        if block.text.startswith("续表") and following and following.kind == "table":
            return
        if block.text:
            out.append((block, block.markdown))
        self._pictures(block.pictures)

    def _recaption(self, title: str) -> bool:
        """A 图 caption right after a picture names it (the program numbers figures itself)."""
        out = self.current.blocks if self.current else []
        if not out or not out[-1][1].startswith("!["):
            return False
        found = IMAGE_REF.search(out[-1][1])
        if found is None:
            return False
        index = int(found.group(1))
        image = self.images[index]
        if title:
            image.caption = title
        out[-1] = (out[-1][0], f"![{escape(image.caption or FIGURE)}](wordimage:{index})")
        return True

    def _pictures(self, pictures: list[Picture]) -> None:
        """Pictures become the section's images; those a narrative can show go in its text."""
        assert self.current is not None
        for picture in pictures:
            index = self._image(picture)
            self.current.section.images.append(index)
            image = self.images[index]
            if image.placeable:
                line = f"![{escape(image.caption or FIGURE)}](wordimage:{index})"
                self.current.blocks.append((Block("raw"), line))

    def _image(self, picture: Picture) -> int:
        digest = hashlib.sha256(picture.data).hexdigest()
        if digest in self._by_digest:
            return self._by_digest[digest]
        source = ""
        for text in (picture.alt, picture.title):
            if re.fullmatch(r"(indicator|attachment):\S+", text.strip()):
                source = text.strip()
        caption = next(
            (t for t in (picture.title, picture.alt) if t.strip() and t.strip() != source), ""
        )
        index = len(self.images)
        self.images.append(
            WordImage(index, picture.data, picture.file_name, picture.media_type, caption, source)
        )
        self._by_digest[digest] = index
        return index

    # -- the result --

    def sections_out(self) -> list[Section]:
        """The sections with text or pictures, their Markdown joined and counted."""
        out = []
        for opened in self.sections:
            section = opened.section
            section.markdown = join_markdown(opened.blocks)
            section.characters = measure(section.markdown)[0].characters  # tables included
            if section.markdown.strip() or section.images:
                out.append(section)
            if opened.container == "profile-root" and section in out:
                section.suggested = PROFILE + self.framework.profile.sections[0].id
        profile_found = any(s.target and s.target.startswith(PROFILE) for s in out)
        for section in out:
            if section.target is None and section.suggested and not profile_found:
                section.target, section.matched_by = section.suggested, "组织概述（整体）"
        return out
