"""A Word import written into a document, and a plan described before it is.

:func:`apply` writes a :class:`~qualitydesk.store.wordplan.Plan` into a document: per item 替换 /
追加 / 跳过 (an item that is empty is filled), pictures as evidence linked to the item and placed
in the text (``![标题](attachment:N)``), all narratives in one save. Every text it replaces keeps
its own history entry, so each item can be restored from 历史版本. :func:`plan_rows`,
:func:`action` and :func:`diff_lines` describe what it would do, for the dialog and the CLI.

No Qt here.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field

from qualitydesk.domain.forms import Framework
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Link
from qualitydesk.store.wordfile import WordImportError
from qualitydesk.store.wordheadings import PROFILE
from qualitydesk.store.wordplan import (
    APPEND,
    FILL,
    REPLACE,
    SKIP,
    Plan,
    application_id,
    current_text,
    target_label,
)
from qualitydesk.store.wordsections import IMAGE_REF, Section, WordImage


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
    pictures become attachments; targets skipped are left out.
    """
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


def _set_text(doc: Document, target: str, text: str) -> None:
    """``target``'s new text, a version of its own in the history (never merged into the one
    before, so the text it replaces can be restored).
    """
    kind, key = _history_key(target)
    doc.keep_as_version(kind, key)
    if kind == "profile":
        doc.set_profile(key, text)
    else:
        doc.set_narrative(key, text)


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
