"""Import the examiners' 反馈报告 (Word or PDF) into the items' feedback: a plan, then one write.

:func:`read_feedback` reads a .docx (an old .doc or .wps through LibreOffice, as the Word import
does) or a PDF (its text, through pypdf) and cuts it at the items' headings — recognised as the
Word import recognises them (:mod:`~qualitydesk.store.wordheadings`: "4.1.2 高层领导的作用",
"（二）组织治理", in a heading style, bold, or as a numbered line). Inside an item, the points
under 优势 / 主要优势 go to its strengths, those under 改进机会 / 改进空间 / 不足 to its
opportunities (:mod:`~qualitydesk.store.feedbacklines`). The stage scores the report states
("材料评审得分：612.5") are found and returned, not written. The :class:`FeedbackPlan` lists per
item what was found and the text that fits nowhere; nothing is written while planning.

:func:`apply` writes a plan's feedback into a document, all items at once. A file that is not a
Word document or a PDF, or has no item headings, is refused with a
:class:`FeedbackImportError` that says why. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from qualitydesk.domain.forms import Award, Framework
from qualitydesk.domain.markdown import inline_text
from qualitydesk.store import wordfile
from qualitydesk.store.errors import DocumentError
from qualitydesk.store.feedbacklines import STAGE_NAMES, Line, Splitter, Unmatched
from qualitydesk.store.records import Feedback
from qualitydesk.store.wordbody import BodyReader
from qualitydesk.store.wordstyles import Styles

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from qualitydesk.store.document import Document

__all__ = [
    "STAGE_NAMES",
    "FeedbackImportError",
    "FeedbackPlan",
    "ItemFeedback",
    "Unmatched",
    "apply",
    "read_feedback",
    "stage_names",
]

PDF = b"%PDF-"
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
NO_HEADINGS = (
    "没有找到评分项标题（如“4.1.1 高层领导的作用”），无法按评分项导入评审反馈；"
    "请确认选择的是评审反馈报告"
)


class FeedbackImportError(DocumentError):
    """A feedback report cannot be imported; the message says why, in Chinese."""


@dataclass
class ItemFeedback:
    """What the report says about one item: its heading, 优势 and 改进机会 (one point a line)."""

    item: str
    heading: str
    strengths: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)

    def as_feedback(self, source: str, entered_at: str = "") -> Feedback:
        """The item's feedback as the document keeps it."""
        return Feedback(
            "\n".join(self.strengths), "\n".join(self.opportunities), source, entered_at
        )


@dataclass
class FeedbackPlan:
    """What an import would write: per item (in the report's order) the feedback found, the
    stage scores stated (by composite part id: ``materials`` …), text that fits nowhere, notes.
    """

    source: Path
    items: dict[str, ItemFeedback]
    stages: dict[str, Decimal] = field(default_factory=dict)
    unmatched: list[Unmatched] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def replaces(self, doc: Document) -> list[str]:
        """The items of the plan that already have feedback in ``doc`` (applying replaces it)."""
        existing = doc.feedback()
        return [item for item in self.items if item in existing]

    def as_json(self) -> dict[str, object]:
        """The plan as JSON-ready data (``--json``); stage scores as exact text."""
        return {
            "source": str(self.source),
            "items": [
                {
                    "item": found.item,
                    "heading": found.heading,
                    "strengths": found.strengths,
                    "opportunities": found.opportunities,
                }
                for found in self.items.values()
            ],
            "stages": {part: str(score) for part, score in self.stages.items()},
            "unmatched": [{"where": u.where, "text": u.text} for u in self.unmatched],
            "notes": self.notes,
        }


def stage_names(award: Award) -> dict[str, str]:
    """The stages whose scores a report of ``award`` may state, by composite part id → name:
    the award's own composite parts, else the usual 材料评审 / 陈述答辩 / 现场评审.
    """
    if award.composite is None:
        return dict(STAGE_NAMES)
    return {part.id: part.name for part in award.composite.parts}


def read_feedback(
    path: str | Path,
    framework: Framework,
    *,
    stages: Mapping[str, str] = STAGE_NAMES,
    max_bytes: int = wordfile.MAX_BYTES,
) -> FeedbackPlan:
    """Read a feedback report and plan its import into ``framework``'s items; nothing is
    written. ``stages``: the stage scores to look for, by composite part id → name (材料评审 …).

    Raises :class:`FeedbackImportError` for a file that cannot be imported.
    """
    path = Path(path)
    head = _head(path)
    notes: list[str] = []
    if head.startswith(PDF):
        lines = list(_pdf_lines(path, max_bytes))
    else:
        kind = wordfile.sniff(path)
        if kind != "docx" and kind not in wordfile.CONVERTIBLE:
            raise FeedbackImportError(f"{path}：不是 Word（.docx）或 PDF 文件，无法导入评审反馈")
        word, notes = wordfile.open_word(path, max_bytes=max_bytes)
        try:
            lines = list(_word_lines(word))
        except (KeyError, ValueError, AttributeError, TypeError, IndexError) as exc:
            raise FeedbackImportError(f"{path}：文档结构有误，无法读取（{exc}）") from None
    splitter = Splitter(framework, stages)
    splitter.feed(lines)
    if not splitter.headings:
        raise FeedbackImportError(f"{path}：{NO_HEADINGS}")
    items = {}
    for item, heading, strengths, opportunities in splitter.items_out():
        items[item] = ItemFeedback(item, heading, strengths, opportunities)
    plan = FeedbackPlan(path, items, splitter.stages, splitter.unmatched, [*notes])
    plan.notes += splitter.notes
    if not any(f.strengths or f.opportunities for f in items.values()):
        plan.notes.append("找到了评分项标题，但其下没有“优势”或“改进机会”的内容")
    return plan


def apply(plan: FeedbackPlan, doc: Document, items: Iterable[str] | None = None) -> list[str]:
    """Write the plan's feedback of ``items`` (default: every item with 优势 or 改进机会) into
    ``doc`` at once, replacing what those items had; return the items written. The stage
    scores are not written (the caller offers them).
    """
    chosen = list(plan.items) if items is None else [i for i in items if i in plan.items]
    entries = {
        item: plan.items[item].as_feedback(plan.source.name)
        for item in chosen
        if plan.items[item].strengths or plan.items[item].opportunities
    }
    doc.set_feedbacks(entries)
    return list(entries)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(len(PDF))
    except OSError as exc:
        raise FeedbackImportError(f"{path}：无法读取（{exc.strerror or exc}）") from None


def _word_lines(word: WordDocument) -> Iterator[Line]:
    """The paragraphs of a Word body (a table row by row), with what marks a heading."""
    part = word.part
    try:
        numbering = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    styles = Styles(part.styles.element if part.styles is not None else None, numbering)
    reader = BodyReader(styles, dict(part.related_parts))
    from qualitydesk.store.wordheadings import is_heading_like

    for block in reader.blocks(word.element.body):
        if block.kind == "para":
            texts = [t.strip() for t in block.text.splitlines() if t.strip()]
            heading_like = len(texts) == 1 and is_heading_like(block)
            yield from (Line(text, heading_like, block.level) for text in texts)
        elif block.kind == "table":
            rows = block.markdown.splitlines()
            for row in rows[:1] + rows[2:]:  # the header row, then the body (not the rule)
                yield from _table_row(row)


def _table_row(row: str) -> Iterator[Line]:
    """A row of a pipe table: each cell's text a line (a 优势 cell, then its points …)."""
    for cell in _CELL_SEPARATOR.split(row.strip().removeprefix("|").removesuffix("|")):
        text = inline_text(cell).strip()
        if text:
            yield Line(text, False, None)


def _pdf_lines(path: Path, max_bytes: int) -> Iterator[Line]:
    """The text lines of a PDF, page by page (a line may continue the one before)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    size = path.stat().st_size
    if size >= max_bytes:
        raise FeedbackImportError(f"{path}：文件过大，无法导入评审反馈")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FeedbackImportError(f"{path}：PDF 设有打开密码，无法读取；请去掉密码后再导入")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FeedbackImportError(f"{path}：PDF 文件已损坏，无法读取（{exc}）") from None
    if not any(text.strip() for text in pages):
        raise FeedbackImportError(
            f"{path}：PDF 中没有可提取的文字（可能是扫描件），无法导入评审反馈；请手工录入"
        )
    for text in pages:
        for line in text.splitlines():
            if line.strip():
                yield Line(line.strip(), False, None, wrapped=True)
