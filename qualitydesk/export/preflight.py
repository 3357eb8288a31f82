"""Before printing: the characters that no font can print, and where they are.

A character beyond the bundled fonts (a rare character beyond the 8,105 of 通用规范汉字表, an
emoji) prints from a fallback face of the system when one has it (:mod:`.fallback`); only what
no font has is listed, judged by the export's own :meth:`FontSet.covered`. The 检查与导出 page
lists each occurrence with its line and column so the user can replace it (a private-use
character from another program, an emoji on a machine without an emoji font); the export prints
〓 in its place rather than failing or leaving a silent gap, and says how many it printed.
Zero-width and format characters (U+200B, U+2060, U+FEFF …) are not listed: the export removes
them.

It also lists the texts longer than their place may hold (:func:`oversized`, the bounds of
forms/limits.toml): those the export refuses, naming each, rather than laying them out.

And the attachments the export cannot print (附件无法读取) or prints without their active
content (:func:`attachment_notes`). They are judged by the export's own code (modules
``sanitise`` and ``pdfclean``), so the list says beforehand exactly what the export will do.
That means decoding images and reading every PDF page: slow for large files, so verdicts are
kept by content (SHA-256) for the session and the GUI asks for them off its thread.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from qualitydesk.domain.forms import Forms
from qualitydesk.domain.limits import Oversized, clip
from qualitydesk.export.fonts import fonts
from qualitydesk.export.pdfclean import clean_pdf, removed_note
from qualitydesk.export.sanitise import AttachmentProblem, print_image, unreadable_note
from qualitydesk.export.text import MISSING, strip_format
from qualitydesk.store import sizes
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Attachment


@dataclass(frozen=True)
class PrintProblem:
    """A character that will not print, where it occurs, and what to do (in Chinese).

    ``offset`` is its index in the text as stored (code points), ``line`` and ``column`` count
    from 1 in that text, and ``occurrence`` says which occurrence of ``char`` in the text it is
    (0 for the first): the editor finds it by that, since on screen the Markdown is rendered.
    """

    where: str  # 自评报告 4.1.2, 申请表 组织名称, 申请表 管理体系认证 第 2 行 认证机构 …
    char: str
    codepoint: str  # U+1F600
    message: str
    offset: int = 0
    line: int = 1
    column: int = 1
    occurrence: int = 0


def unprintable(doc: Document, forms: Forms) -> list[PrintProblem]:
    """Every occurrence of a character of the document that no font prints: neither a bundled
    font nor a fallback face of the system (the export's own judgement, :meth:`FontSet.covered`).
    """
    font_set = fonts()
    problems: list[PrintProblem] = []
    for where, text in texts(doc, forms):
        rare = beyond_bundle(text)
        missing = {ch for ch in rare if not font_set.covered(ch)}
        if missing:
            problems += _occurrences(where, text, missing)
    return problems


def beyond_bundle(text: str) -> set[str]:
    """The characters of ``text`` (as printed: format characters removed) no bundled font has."""
    union = fonts().union
    rare = {ch for ch in set(text) if ord(ch) not in union}
    return {ch for ch in rare if ch != "\n" and strip_format(ch) == ch}  # not removed, not a space


def rare_characters(doc: Document, forms: Forms) -> set[str]:
    """Every character of the document's texts that no bundled font has (fast: a set of all)."""
    found: set[str] = set()
    for _where, text in texts(doc, forms):
        found.update(text)
    return beyond_bundle("".join(found))


def _occurrences(where: str, text: str, missing: set[str]) -> list[PrintProblem]:
    problems = []
    seen: dict[str, int] = {}
    line, line_start = 1, 0
    for offset, ch in enumerate(text):
        if ch == "\n":
            line, line_start = line + 1, offset + 1
        elif ch in missing:
            occurrence = seen.get(ch, 0)
            seen[ch] = occurrence + 1
            column = offset - line_start + 1
            problem = _problem(where, ch, line, column)
            problems.append(replace(problem, offset=offset, occurrence=occurrence))
    return problems


def oversized(doc: Document, forms: Forms) -> list[Oversized]:
    """Every text longer than its place may hold (forms/limits.toml, e.g. a narrative ten times
    its part's limit, a 10 MB attachment title): the export refuses to lay them out."""
    return sizes.in_document(doc, forms)


def _problem(where: str, ch: str, line: int, column: int) -> PrintProblem:
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    kind = "表情符号" if _emoji(ch) else "字符"
    described = f"{kind}“{ch}”（{code}{'，' + name if name else ''}）"
    message = (
        f"{where} 第 {line} 行第 {column} 字：{described}在内置字体和本机字体中都没有，"
        f"打印时将显示为“{MISSING}”；请改用常用写法或删除。"
    )
    return PrintProblem(where, ch, code, message, line=line, column=column)


def _emoji(ch: str) -> bool:
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF


def texts(doc: Document, forms: Forms) -> Iterator[tuple[str, str]]:
    """Every text a user typed that goes into a PDF, with where it is, in the package's order."""
    yield from _form_texts(doc, forms)
    for rule_id, declaration in doc.declarations().items():
        where = f"资格声明 {_citation(doc, forms, rule_id)}"
        yield where, declaration.statement
        yield where, declaration.evidence
    framework = forms.framework_for(forms.award_for(doc.award_id, doc.applicant))
    for section in framework.profile.sections:
        yield f"组织概述 {section.id}", doc.profile(section.id)
    for item in framework.items:
        yield f"自评报告 {item.id}", doc.narrative(item.id)
    for item_id, score in doc.scores().items():
        yield f"自评分 {item_id} 优势", score.strengths
        yield f"自评分 {item_id} 改进机会", score.opportunities
        for factor, note in score.notes.items():
            yield f"自评分 {item_id} {factor}", note
    for indicator in doc.indicators():
        where = f"关键绩效数据 {clip(indicator.name)}"
        for text in (indicator.name, indicator.unit, indicator.competitor_source):
            yield where, text
        yield where, indicator.benchmark_source
    for attachment in doc.attachments():
        where = f"证实性材料 {clip(attachment.caption or attachment.file_name)}"
        yield where, attachment.caption
        yield where, attachment.file_name


def _form_texts(doc: Document, forms: Forms) -> Iterator[tuple[str, str]]:
    catalogue = forms.form
    labels = {spec.id: spec.label for spec in catalogue.fields}
    for field_id, value in doc.fields().items():
        if isinstance(value, str):
            yield f"申请表 {labels.get(field_id, field_id)}", value
    for table in catalogue.tables:
        columns = {c.id: c.label for c in table.columns}
        for n, row in enumerate(doc.rows(table.id), 1):
            for column_id, value in row.items():
                if isinstance(value, str):
                    label = columns.get(column_id, column_id)
                    yield f"申请表 {table.name} 第 {n} 行 {label}", value


def _citation(doc: Document, forms: Forms, rule_id: str) -> str:
    try:
        return forms.award(doc.award_id).rule(rule_id).citation
    except KeyError:
        return rule_id


# --- attachments ------------------------------------------------------------------------------

UNREADABLE, SANITISED = "unreadable", "sanitised"
Verdict = AttachmentProblem | tuple[str, ...]  # why it cannot be printed, or what is removed
_VERDICTS_KEPT = 512
_verdicts: OrderedDict[tuple[str, str], Verdict] = OrderedDict()
_verdicts_lock = threading.Lock()


@dataclass(frozen=True)
class AttachmentNote:
    """What the export will do about one attachment, in Chinese: print a page in its place
    (``kind`` "unreadable": 附件无法读取) or leave out its active content ("sanitised")."""

    attachment_id: int
    file_name: str
    kind: str
    message: str


def printed_as(attachment: Attachment) -> str:
    """How the package prints an attachment: "image", "pdf", or "" (it only says it cannot)."""
    if attachment.media_type.startswith("image/"):
        return "image"
    if attachment.media_type == "application/pdf" or attachment.file_name.lower().endswith(".pdf"):
        return "pdf"
    return ""


def attachment_notes(
    doc: Document, check: Callable[[int, int, str], object] | None = None
) -> list[AttachmentNote]:
    """The attachments of ``doc`` the export cannot print or prints without active content;
    ``check(done, total, file_name)`` is called before each one (it may raise to stop)."""
    attachments = [a for a in doc.attachments() if printed_as(a)]
    notes = []
    for done, attachment in enumerate(attachments):
        if check is not None:
            check(done, len(attachments), attachment.file_name)
        note = _note(attachment, _verdict(doc, attachment))
        if note is not None:
            notes.append(note)
    return notes


def known_attachment_notes(attachments: list[Attachment]) -> list[AttachmentNote] | None:
    """The notes for ``attachments`` if every verdict is known already, else None."""
    notes = []
    for attachment in attachments:
        if not printed_as(attachment):
            continue
        with _verdicts_lock:
            verdict = _verdicts.get((attachment.sha256, printed_as(attachment)))
        if verdict is None:
            return None
        note = _note(attachment, verdict)
        if note is not None:
            notes.append(note)
    return notes


def _note(attachment: Attachment, verdict: Verdict) -> AttachmentNote | None:
    name = attachment.file_name
    if isinstance(verdict, AttachmentProblem):
        return AttachmentNote(attachment.id, name, UNREADABLE, unreadable_note(name, verdict))
    if verdict:
        return AttachmentNote(attachment.id, name, SANITISED, removed_note(name, verdict))
    return None


def _verdict(doc: Document, attachment: Attachment) -> Verdict:
    key = (attachment.sha256, printed_as(attachment))
    with _verdicts_lock:
        known = _verdicts.get(key)
    if known is not None:
        return known
    try:
        with doc.open_attachment(attachment.id) as stream:
            if key[1] == "image":
                print_image(stream)
                verdict: Verdict = ()
            else:
                verdict = clean_pdf(stream).removed
    except AttachmentProblem as problem:
        verdict = problem
    except DocumentError:
        return AttachmentProblem("文件内容已丢失或损坏")  # not kept: the file may be repaired
    with _verdicts_lock:
        _verdicts[key] = verdict
        while len(_verdicts) > _VERDICTS_KEPT:
            _verdicts.popitem(last=False)
    return verdict
