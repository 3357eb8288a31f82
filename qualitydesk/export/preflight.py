"""Before printing: every problem between a document and its package, as records with places.

:func:`problems` gathers what 检查与导出 lists and ``qualitydesk check`` prints, each a
:class:`~qualitydesk.domain.problems.Problem` with its place as a
:class:`~qualitydesk.domain.problems.Location`: the eligibility, completeness and limit checks
(:mod:`qualitydesk.store.readiness`), the texts longer than their place may hold
(:func:`oversized`, the bounds of forms/limits.toml: the export refuses them, naming each, rather
than laying them out) and the characters no font can print.

A character beyond the bundled fonts (a rare character beyond the 8,105 of 通用规范汉字表, an
emoji) prints from a fallback face of the system when one has it (:mod:`.fallback`); only what
no font has is listed (:func:`unprintable`), judged as the export's own :meth:`FontSet.covered`
judges (read by :mod:`.coverage` from the fonts' files, without registering them with reportlab),
each occurrence with its line and column so the user can replace it (a private-use character
from another program, an emoji on a machine without an emoji font); the export prints 〓 in its
place rather than failing or leaving a silent gap, and says how many it printed. Zero-width and
format characters (U+200B, U+2060, U+FEFF …) are not listed: the export removes them.

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

from msgspec.structs import replace

from qualitydesk.domain import numbers
from qualitydesk.domain.eligibility import Finding
from qualitydesk.domain.eligibility import Status as Eligibility
from qualitydesk.domain.forms import Forms
from qualitydesk.domain.limits import Oversized, clip
from qualitydesk.domain.problems import Kind, Location, Problem, Severity
from qualitydesk.export import coverage
from qualitydesk.export.pdfclean import clean_pdf, removed_note
from qualitydesk.export.sanitise import AttachmentProblem, print_image, unreadable_note
from qualitydesk.export.text import MISSING, strip_format
from qualitydesk.store import readiness, sizes
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Attachment

Placed = tuple[str, str, Location]  # where in words, the text, where it is fixed


def problems(
    doc: Document, forms: Forms, result: readiness.Readiness | None = None
) -> list[Problem]:
    """Every problem of ``doc`` but its attachments' (:func:`attachment_notes`: slow), in the
    order 检查与导出 lists them; ``result`` is the readiness check when it is at hand already.
    """
    result = result or readiness.check(doc, forms)
    found = [finding_problem(f) for f in result.eligibility if not _met(f)]
    found += [missing_problem(m) for m in result.completeness]
    found += [limit_problem(c) for c in result.limits if not c.ok]
    found += unprintable(doc, forms)  # print as 〓: a warning, the export goes on
    found += [oversized_problem(o) for o in oversized(doc, forms)]  # the export refuses these
    return found


def _met(finding: Finding) -> bool:
    return finding.status in (Eligibility.PASS, Eligibility.DECLARED)


def finding_problem(finding: Finding) -> Problem:
    """A clause not met (an error) or not yet known to be met (missing), at its rule."""
    severity = Severity.ERROR if finding.status is Eligibility.FAIL else Severity.MISSING
    message = f"{finding.clause}【{finding.status.label}】{finding.reason}"
    place = Location("eligibility", finding.rule.id)
    return Problem(Kind.ELIGIBILITY, severity, place, message, where=finding.clause)


def missing_problem(missing: readiness.Missing) -> Problem:
    """Something to fill in or correct: a field or cell (``financials[0].revenue``), an item's
    narrative or self-score (key ``score.4.1.2``), a section, a checklist entry.
    """
    place = Location(missing.part, missing.key)
    if missing.part == "report" and missing.key.startswith("score."):
        place = Location("report", missing.key.removeprefix("score."), "score")
    return Problem(Kind.INCOMPLETE, Severity.MISSING, place, missing.problem)


def limit_problem(check: readiness.LimitCheck) -> Problem:
    """A part over its 字数 limit: an error, or a warning over the program's 参考值."""
    count, limit = numbers.integer(check.count), numbers.integer(check.limit)
    if check.reference:
        severity = Severity.WARNING
        message = f"{check.name}共 {count} 字，超过参考值 {limit} 字（按当年申报通知核对）"
    else:
        severity, message = Severity.ERROR, f"{check.name}共 {count} 字，超过 {limit} 字的限制"
    place = Location(check.part)
    return Problem(Kind.LIMIT, severity, place, message, check.name, "", check.count, check.limit)


def oversized_problem(too_long: Oversized) -> Problem:
    """A text longer than its place may hold: an error (the export refuses it)."""
    return Problem(
        Kind.OVERSIZED,
        Severity.ERROR,
        too_long.location,
        too_long.message,
        too_long.where,
        count=too_long.size,
        maximum=too_long.maximum,
    )


def unprintable(doc: Document, forms: Forms) -> list[Problem]:
    """Every occurrence of a character of the document that no font prints: neither a bundled
    font nor a fallback face of the system (the export's own judgement, :meth:`FontSet.covered`).
    """
    found: list[Problem] = []
    for where, text, place in texts(doc, forms):
        rare = beyond_bundle(text)
        missing = {ch for ch in rare if not coverage.covered(ch)}
        if missing:
            found += _occurrences(where, text, place, missing)
    return found


def beyond_bundle(text: str) -> set[str]:
    """The characters of ``text`` (as printed: format characters removed) no bundled font has."""
    union = coverage.bundled()  # FontSet.union, without registering the fonts with reportlab
    rare = {ch for ch in set(text) if ord(ch) not in union}
    return {ch for ch in rare if ch != "\n" and strip_format(ch) == ch}  # not removed, not a space


def rare_characters(doc: Document, forms: Forms) -> set[str]:
    """Every character of the document's texts that no bundled font has (fast: a set of all)."""
    found: set[str] = set()
    for _where, text, _place in texts(doc, forms):
        found.update(text)
    return beyond_bundle("".join(found))


def _occurrences(where: str, text: str, place: Location, missing: set[str]) -> list[Problem]:
    found = []
    seen: dict[str, int] = {}
    line, line_start = 1, 0
    for offset, ch in enumerate(text):
        if ch == "\n":
            line, line_start = line + 1, offset + 1
        elif ch in missing:
            occurrence = seen.get(ch, 0)
            seen[ch] = occurrence + 1
            column = offset - line_start + 1
            at = replace(place, offset=offset, line=line, column=column, occurrence=occurrence)
            found.append(_problem(where, ch, at))
    return found


def oversized(doc: Document, forms: Forms) -> list[Oversized]:
    """Every text longer than its place may hold (forms/limits.toml, e.g. a narrative ten times
    its part's limit, a 10 MB attachment title): the export refuses to lay them out.
    """
    return sizes.in_document(doc, forms)


def _problem(where: str, ch: str, place: Location) -> Problem:
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    kind = "表情符号" if _emoji(ch) else "字符"
    described = f"{kind}“{ch}”（{code}{'，' + name if name else ''}）"
    message = (
        f"{where} 第 {place.line} 行第 {place.column} 字：{described}在内置字体和本机字体中都没有，"
        f"打印时将显示为“{MISSING}”；请改用常用写法或删除。"
    )
    return Problem(Kind.UNPRINTABLE, Severity.WARNING, place, message, where, ch)


def _emoji(ch: str) -> bool:
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF


def texts(doc: Document, forms: Forms) -> Iterator[Placed]:
    """Every text a user typed that goes into a PDF, with where it is (in words, and where it is
    fixed), in the package's order.
    """
    yield from _form_texts(doc, forms)
    for rule_id, declaration in doc.declarations().items():
        where, place = (
            f"资格声明 {_citation(doc, forms, rule_id)}",
            Location("eligibility", rule_id),
        )
        yield where, declaration.statement, replace(place, field="statement")
        yield where, declaration.evidence, replace(place, field="evidence")
    framework = forms.framework_for(forms.award_for(doc.award_id, doc.applicant))
    for section in framework.profile.sections:
        yield f"组织概述 {section.id}", doc.profile(section.id), Location("profile", section.id)
    for item in framework.items:
        yield f"自评报告 {item.id}", doc.narrative(item.id), Location("report", item.id)
    for item_id, score in doc.scores().items():
        place = Location("report", item_id)
        yield f"自评分 {item_id} 优势", score.strengths, replace(place, field="strengths")
        yield (
            f"自评分 {item_id} 改进机会",
            score.opportunities,
            replace(place, field="opportunities"),
        )
        for factor, note in score.notes.items():
            yield f"自评分 {item_id} {factor}", note, replace(place, field=factor)
    for indicator in doc.indicators():
        where = f"关键绩效数据 {clip(indicator.name)}"
        for _label, key in sizes.INDICATOR_TEXTS:
            yield where, getattr(indicator, key), Location("indicators", indicator.id, key)
    for attachment in doc.attachments():
        where = f"证实性材料 {clip(attachment.caption or attachment.file_name)}"
        place = Location("evidence", str(attachment.id))
        yield where, attachment.caption, replace(place, field="caption")
        yield where, attachment.file_name, replace(place, field="file_name")


def _form_texts(doc: Document, forms: Forms) -> Iterator[Placed]:
    catalogue = forms.form
    labels = {spec.id: spec.label for spec in catalogue.fields}
    for field_id, value in doc.fields().items():
        if isinstance(value, str):
            yield f"申请表 {labels.get(field_id, field_id)}", value, Location("form", field_id)
    for table in catalogue.tables:
        columns = {c.id: c.label for c in table.columns}
        for n, row in enumerate(doc.rows(table.id), 1):
            for column_id, value in row.items():
                if isinstance(value, str):
                    label = columns.get(column_id, column_id)
                    cell = Location("form", f"{table.id}[{n - 1}].{column_id}")
                    yield f"申请表 {table.name} 第 {n} 行 {label}", value, cell


def _citation(doc: Document, forms: Forms, rule_id: str) -> str:
    try:
        return forms.award(doc.award_id).rule(rule_id).citation
    except KeyError:
        return rule_id


# --- attachments ------------------------------------------------------------------------------

UNREADABLE, SANITISED = Kind.UNREADABLE, Kind.SANITISED
Verdict = AttachmentProblem | tuple[str, ...]  # why it cannot be printed, or what is removed
_VERDICTS_KEPT = 512
_verdicts: OrderedDict[tuple[str, str], Verdict] = OrderedDict()
_verdicts_lock = threading.Lock()


def printed_as(attachment: Attachment) -> str:
    """How the package prints an attachment: "image", "pdf", or "" (it only says it cannot)."""
    if attachment.media_type.startswith("image/"):
        return "image"
    if attachment.media_type == "application/pdf" or attachment.file_name.lower().endswith(".pdf"):
        return "pdf"
    return ""


def attachment_notes(
    doc: Document, check: Callable[[int, int, str], object] | None = None
) -> list[Problem]:
    """What the export will do about the attachments of ``doc`` it cannot print (kind
    :data:`UNREADABLE`, an error: it prints a page saying so in its place) or prints without
    active content (:data:`SANITISED`, a warning), each problem at its attachment and named by
    its file name (``where``); ``check(done, total, file_name)`` is called before each one (it
    may raise to stop).
    """
    attachments = [a for a in doc.attachments() if printed_as(a)]
    notes = []
    for done, attachment in enumerate(attachments):
        if check is not None:
            check(done, len(attachments), attachment.file_name)
        note = _note(attachment, _verdict(doc, attachment))
        if note is not None:
            notes.append(note)
    return notes


def known_attachment_notes(attachments: list[Attachment]) -> list[Problem] | None:
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


def _note(attachment: Attachment, verdict: Verdict) -> Problem | None:
    name, place = attachment.file_name, Location("evidence", str(attachment.id))
    if isinstance(verdict, AttachmentProblem):
        message = unreadable_note(name, verdict)
        return Problem(UNREADABLE, Severity.ERROR, place, message, name)
    if verdict:
        return Problem(SANITISED, Severity.WARNING, place, removed_note(name, verdict), name)
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
