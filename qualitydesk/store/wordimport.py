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
history entry, so each item can be restored from 历史版本.

A per-section copy exported by QualityDesk carries its item in the Word file's properties
(``subject``; ``identifier`` names the application): its text goes back into that item.

The reading is done by :mod:`~qualitydesk.store.wordfile` (what the file is, LibreOffice,
refusals), :mod:`~qualitydesk.store.wordbody` (Word's XML to Markdown blocks) and
:mod:`~qualitydesk.store.wordsections` (headings to sections). No Qt here.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualitydesk.domain.forms import Framework
from qualitydesk.store import wordfile
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Link
from qualitydesk.store.wordbody import (
    BodyReader,
    Skipped,
    Styles,
)
from qualitydesk.store.wordfile import WordImportError
from qualitydesk.store.wordsections import IMAGE_REF, PROFILE, Builder, Section, WordImage

__all__ = [
    "APPEND",
    "MODES",
    "REPLACE",
    "SKIP",
    "Applied",
    "Plan",
    "Section",
    "WordImage",
    "WordImportError",
    "apply",
    "read_plan",
]

REPLACE, APPEND, SKIP = "replace", "append", "skip"
FILL = "fill"  # what happens to an item that has no text yet, whatever the mode
MODES = (REPLACE, APPEND, SKIP)
MARKER_PREFIX = "qualitydesk:"  # a Word copy's identifier: this + the application's created

# --- the plan ---------------------------------------------------------------------------------


@dataclass
class Plan:
    """What an import would do: sections, pictures, what was left out, and the choice per item."""

    source: Path
    sections: list[Section]
    images: list[WordImage]
    ignored: list[str]
    notes: list[str]
    marker_application: str = ""
    marker_target: str = ""
    modes: dict[str, str] = field(default_factory=dict)

    def targets(self) -> list[str]:
        """The items (and 组织概述 sections) text goes into, in the order of the Word file."""
        return list(dict.fromkeys(s.target for s in self.sections if s.target))

    def text(self, target: str) -> str:
        parts = [s.markdown.strip("\n") for s in self.sections if s.target == target]
        return "\n\n".join(p for p in parts if p) + "\n" if any(parts) else ""

    def images_of(self, target: str) -> list[WordImage]:
        seen = {i for s in self.sections if s.target == target for i in s.images}
        return [self.images[i] for i in sorted(seen)]

    def mode(self, target: str) -> str:
        return self.modes.get(target, SKIP)

    def choose_modes(self, doc: Document, default: str | None = None) -> None:
        """Per target: fill an empty item; otherwise ``default`` unless already chosen — by
        default 跳过, but 替换 for the item a per-section copy came from (it is its new text)."""
        for target in self.targets():
            if not current_text(doc, target).strip():
                self.modes[target] = REPLACE
            elif default is None:
                self.modes.setdefault(target, REPLACE if target == self.marker_target else SKIP)
            else:
                self.modes.setdefault(target, default)

    def warnings(self, doc: Document) -> list[str]:
        """What the user should know before applying this plan to ``doc``."""
        if self.marker_application and self.marker_application != application_id(doc):
            return ["该 Word 文件是从另一份申报文件导出的（不是当前打开的这一份），请确认对应关系"]
        return []


def application_id(doc: Document) -> str:
    """What a Word copy exported from ``doc`` carries as its ``identifier``."""
    return MARKER_PREFIX + doc.meta.get("created", "")


def target_label(framework: Framework, target: str | None) -> str:
    """“4.1.2 高层领导的作用” or “组织概述 B.1.1 组织的环境”; “—” for none."""
    if not target:
        return "—"
    if target.startswith(PROFILE):
        key = target.removeprefix(PROFILE)
        for section in framework.profile.sections:
            if section.id == key:
                return f"{framework.profile.name} {section.id} {section.name}"
        return target
    try:
        item = framework.item(target)
    except KeyError:
        return target
    return f"{item.id} {item.name}"


def all_targets(framework: Framework) -> list[str]:
    """Every target a section can be mapped to: the items, then the 组织概述 sections."""
    return [i.id for i in framework.items] + [PROFILE + s.id for s in framework.profile.sections]


def current_text(doc: Document, target: str) -> str:
    if target.startswith(PROFILE):
        return doc.profile(target.removeprefix(PROFILE))
    return doc.narrative(target)


def _set_text(doc: Document, target: str, text: str) -> None:
    """``target``'s new text, a version of its own in the history (never merged into the one
    before, so the text it replaces can be restored)."""
    kind, key = _history_key(target)
    doc.keep_as_version(kind, key)
    if kind == "profile":
        doc.set_profile(key, text)
    else:
        doc.set_narrative(key, text)


def build_plan(source: Path, word: Any, framework: Framework, *, notes: Iterable[str] = ()) -> Plan:
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


def _headers_footers(word: Any) -> int:
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


# --- applying ---------------------------------------------------------------------------------


@dataclass
class Applied:
    """What an import wrote: targets filled, replaced, appended to and skipped; pictures."""

    written: dict[str, str] = field(default_factory=dict)  # target -> FILL, REPLACE or APPEND
    skipped: list[str] = field(default_factory=list)
    attachments: int = 0
    placed: int = 0
    problems: list[str] = field(default_factory=list)
    saved_at: str = ""


def new_texts(plan: Plan, doc: Document) -> dict[str, tuple[str, str]]:
    """Per target the text it would have after the import and what happens (FILL …), before
    pictures become attachments; targets skipped are left out."""
    out = {}
    for target in plan.targets():
        imported = plan.text(target)
        if not imported.strip():
            continue
        existing = current_text(doc, target)
        mode = plan.mode(target)
        if not existing.strip():
            out[target] = (imported, FILL)
        elif mode == REPLACE:
            out[target] = (imported, REPLACE)
        elif mode == APPEND:
            out[target] = (existing.rstrip("\n") + "\n\n" + imported, APPEND)
    return out


def apply(plan: Plan, doc: Document) -> Applied:
    """Write ``plan`` into ``doc`` as the plan's modes say, in one save (see the module)."""
    if doc.read_only:
        raise WordImportError(f"{doc.path}：{doc.read_only_reason}，不能导入")
    result = Applied()
    texts = new_texts(plan, doc)
    result.skipped = [t for t in plan.targets() if t not in texts]
    if doc.pending:
        doc.save()  # the user's own edits first, as the autosave would
    _keep_current_versions(doc, list(texts))
    for target, (text, what) in texts.items():
        _set_text(doc, target, _place_images(plan, doc, target, text, result))
        result.written[target] = what
    result.saved_at = doc.save()
    return result


def _keep_current_versions(doc: Document, targets: list[str]) -> None:
    """Make sure the history holds each text about to be replaced (files from before history)."""
    missing = []
    for target in targets:
        text = current_text(doc, target)
        if not text:
            continue
        kind, key = _history_key(target)
        versions = doc.history(kind, key)
        if not versions or versions[0].value != text:
            _set_text(doc, target, text)
            missing.append(target)
    if missing:
        doc.save()


def _history_key(target: str) -> tuple[str, str]:
    if target.startswith(PROFILE):
        return "profile", target.removeprefix(PROFILE)
    return "narrative", target


def _place_images(plan: Plan, doc: Document, target: str, text: str, result: Applied) -> str:
    """Store the target's pictures (once) and point its text at them."""
    refs: dict[int, str] = {}
    same = bool(plan.marker_application) and plan.marker_application == application_id(doc)
    for image in plan.images_of(target):
        ref = _stored(doc, image, target, result, same_application=same)
        if ref:
            refs[image.index] = ref

    def placed(found: re.Match[str]) -> str:
        index = int(found.group(1))
        ref = refs.get(index)
        if ref is None:
            return "](wordimage-missing)"
        result.placed += 1
        return f"]({ref})"

    text = IMAGE_REF.sub(placed, text)
    # A picture that could not be stored leaves its caption as text.
    return re.sub(r"!\[([^\]]*)\]\(wordimage-missing\)", r"\1", text)


def _stored(
    doc: Document, image: WordImage, target: str, result: Applied, *, same_application: bool
) -> str:
    kind, _, ref = image.source.partition(":")
    if kind == "indicator" and any(i.id == ref for i in doc.indicators()):
        return image.source
    known = {str(a.id) for a in doc.attachments()}
    if kind == "attachment" and same_application and ref in known:
        return image.source  # the picture this application's copy showed
    digest = hashlib.sha256(image.data).hexdigest()
    links = (Link("item", target),) if not target.startswith(PROFILE) else ()
    for attachment in doc.attachments():
        if attachment.sha256 == digest and (
            not links
            or links[0] in attachment.links
            or image.source == f"attachment:{attachment.id}"
        ):
            return f"attachment:{attachment.id}"
    try:
        stored = doc.add_attachment(
            image.data,
            image.file_name,
            caption=image.caption,
            links=links,
            media_type=image.media_type,
        )
    except DocumentError as exc:
        result.problems.append(f"图片“{image.caption or image.file_name}”未能保存：{exc}")
        return ""
    result.attachments += 1
    return f"attachment:{stored.id}"


# --- describing a plan ------------------------------------------------------------------------

ACTIONS = {FILL: "新填", REPLACE: "替换", APPEND: "追加", SKIP: "跳过（已有内容）"}


def action(plan: Plan, doc: Document, section: Section) -> str:
    """What the import does with ``section``: 新填, 替换, 追加, 跳过（已有内容） or 不导入."""
    if section.target is None:
        return "不导入"
    if not current_text(doc, section.target).strip():
        return ACTIONS[FILL]
    return ACTIONS[plan.mode(section.target)]


def plan_rows(
    plan: Plan, doc: Document, framework: Framework
) -> list[tuple[str, str, str, str, str]]:
    """The plan as a table: Word 标题, 评分项, 字数, 图片, 处理 (the last four as text)."""
    return [
        (
            section.heading or "（文件开头）",
            target_label(framework, section.target),
            str(section.characters),
            str(len(section.images)),
            action(plan, doc, section),
        )
        for section in plan.sections
    ]


def diff_lines(plan: Plan, doc: Document, target: str) -> list[str]:
    """The change the import makes to ``target``'s text, as unified-diff lines."""
    new = new_texts(plan, doc).get(target)
    if new is None:
        return []
    old = current_text(doc, target)
    return list(
        difflib.unified_diff(
            old.splitlines(), new[0].splitlines(), "现在的内容", "导入后", lineterm="", n=1
        )
    )
