"""Import a Word application into the items by its headings: a plan first, then one save.

:func:`read_plan` opens a .docx (a .doc, .wps, .rtf or .odt through LibreOffice when it is
installed), finds each item by its heading — the GB/T 19580 clause number ("4.1.2 高层领导的
作用", "P.1 组织概述", "B.1.1 …") or the title, with Chinese numbering ("一、领导", "（二）组织治
理"), in a Word heading style or as a bold numbered paragraph — and returns a :class:`Plan`: the
sections (Word heading → item → characters → pictures) with their text as Markdown, the
pictures, and what was left out (cover, 目录, headers and footers, text boxes …). Nothing is
written while planning; a file that cannot be read (encrypted, damaged, too large, not Word) is
refused with a :class:`WordImportError` that says why and what to do.

:func:`apply` writes a plan into a document: per item 替换 / 追加 / 跳过 (an item that is empty is
filled), pictures as evidence linked to the item and placed in the text
(``![标题](attachment:N)``), all narratives in one save. Every text it replaces keeps its own
history entry, so each item can be restored from 历史版本. This module is the import's front:
the plan itself is :mod:`~qualitydesk.store.wordplan`'s, the writing
:mod:`~qualitydesk.store.wordapply`'s; both are re-exported here.

A per-section copy exported by QualityDesk carries its item in the Word file's properties
(``subject``; ``identifier`` names the application): its text goes back into that item.

The reading is done by :mod:`~qualitydesk.store.wordfile` (what the file is, LibreOffice,
refusals), :mod:`~qualitydesk.store.wordbody` (Word's XML to Markdown blocks) and
:mod:`~qualitydesk.store.wordheadings` and :mod:`~qualitydesk.store.wordsections` (headings to
sections). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from qualitydesk.domain.forms import Framework
from qualitydesk.store import wordfile
from qualitydesk.store.wordapply import Applied, action, apply, diff_lines, new_texts, plan_rows
from qualitydesk.store.wordbody import BodyReader, Skipped
from qualitydesk.store.wordfile import WordImportError
from qualitydesk.store.wordplan import (
    APPEND,
    FILL,
    MARKER_PREFIX,
    MODES,
    REPLACE,
    SKIP,
    Plan,
    all_targets,
    application_id,
    current_text,
    target_label,
)
from qualitydesk.store.wordsections import Builder, Section, WordImage
from qualitydesk.store.wordstyles import Styles

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

__all__ = [
    "APPEND",
    "FILL",
    "MODES",
    "REPLACE",
    "SKIP",
    "Applied",
    "Plan",
    "Section",
    "WordImage",
    "WordImportError",
    "action",
    "all_targets",
    "application_id",
    "apply",
    "build_plan",
    "current_text",
    "diff_lines",
    "new_texts",
    "plan_rows",
    "read_plan",
    "target_label",
]


def build_plan(
    source: Path, word: WordDocument, framework: Framework, *, notes: Iterable[str] = ()
) -> Plan:
    """The plan for a python-docx document ``word`` read from ``source``."""
    part = word.part
    numbering = None
    try:
        numbering = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    styles = Styles(part.styles.element if part.styles is not None else None, numbering)
    related = dict(part.related_parts)
    reader = BodyReader(styles, related)
    blocks = list(reader.blocks(word.element.body))
    properties = word.core_properties
    marker_target = _marker_target(framework, properties.subject or "")
    builder = Builder(framework, marker_target)
    builder.feed(blocks)
    sections = builder.sections_out()
    plan = Plan(
        source,
        sections,
        builder.images,
        _ignored(builder, reader.skipped, _headers_footers(word)),
        list(notes),
        marker_application=_marker_application(properties.identifier or ""),
        marker_target=marker_target,
    )
    _explain(plan, reader.skipped)
    return plan


def _marker_application(identifier: str) -> str:
    identifier = identifier.strip()
    return identifier if identifier.startswith(MARKER_PREFIX) else ""


def _marker_target(framework: Framework, subject: str) -> str:
    """The item a per-section copy exported by QualityDesk came from (its ``subject``)."""
    subject = subject.strip()
    return subject if subject in all_targets(framework) else ""


def _headers_footers(word: WordDocument) -> int:
    found = 0
    for section in word.sections:
        parts = (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        )
        for part in parts:
            if not part.is_linked_to_previous and any(p.text.strip() for p in part.paragraphs):
                found += 1
    return found


def _ignored(builder: Builder, skipped: Skipped, headers: int) -> list[str]:
    out = []
    if builder.cover_blocks:
        out.append(f"封面及第一个标题之前的内容（{builder.cover_blocks} 段）")
    if skipped.toc_paragraphs or builder.toc_lines:
        out.append(f"目录（{skipped.toc_paragraphs + builder.toc_lines} 行）")
    if headers:
        out.append(f"页眉和页脚（{headers} 处）")
    if skipped.text_boxes:
        out.append(
            f"文本框 {skipped.text_boxes} 个（共 {skipped.text_box_chars} 字），"
            "如需要请手工复制其中的文字"
        )
    if skipped.charts:
        out.append(
            f"Word 图表或 SmartArt {skipped.charts} 个（请在“关键绩效数据”中录入数据生成趋势图）"
        )
    if skipped.notes:
        out.append(f"脚注和尾注 {skipped.notes} 个（正文中的注号也未保留）")
    if skipped.linked_pictures:
        out.append(f"链接到外部文件、未嵌入文档的图片 {skipped.linked_pictures} 张")
    return out


def _explain(plan: Plan, skipped: Skipped) -> None:
    if skipped.deletions:
        plan.notes.append("文档含有未接受的修订：按接受全部修订后的文字导入")
    unplaced = [i for i in plan.images if not i.placeable]
    if unplaced:
        kinds = sorted({i.file_name.rsplit(".", 1)[-1].upper() for i in unplaced})
        plan.notes.append(
            f"{len(unplaced)} 张图片（{'、'.join(kinds)} 格式）不能放入正文，"
            "导入后作为证实性材料关联到所在评分项"
        )
    if not plan.targets():
        plan.notes.append(
            "没有找到与评分项对应的标题（如“4.1.2 高层领导的作用”或“（一）高层领导的作用”）"
        )


def read_plan(
    path: str | Path,
    framework: Framework,
    *,
    max_bytes: int = wordfile.MAX_BYTES,
    report: Callable[[str], None] | None = None,
) -> Plan:
    """Read a Word file and plan its import into ``framework``'s items; nothing is written.

    Raises :class:`WordImportError` (one clear line) for a file that cannot be imported.
    """
    path = Path(path)
    word, notes = wordfile.open_word(path, max_bytes=max_bytes, report=report)
    try:
        return build_plan(path, word, framework, notes=notes)
    except (KeyError, ValueError, AttributeError, TypeError, IndexError) as exc:
        raise WordImportError(f"{path}：文档结构有误，无法读取（{exc}）") from None
