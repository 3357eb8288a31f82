"""What every part of a PDF needs while its story is put together: the document, the programme,
styles, numbering, the 目录 entries, and small helpers for headings, narratives and values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from qualitydesk.domain import numbers
from qualitydesk.domain.forms import Award, FieldSpec, Forms, Framework, Part
from qualitydesk.export.blocks import Heading, Picture, TocLine
from qualitydesk.export.flowables import Para, TextStyle
from qualitydesk.export.layout import PageGeometry
from qualitydesk.export.markdown import Narrative, Numbering, Sources
from qualitydesk.export.merge import PdfPages
from qualitydesk.export.sanitise import AttachmentProblem, PrintImage, print_image, unreadable_note
from qualitydesk.export.styles import Styles, make_styles
from qualitydesk.store.document import Document, DocumentError

EMPTY = "（未填写）"


@dataclass
class Book:
    """The state shared by the parts of one export."""

    doc: Document
    forms: Forms
    check: Callable[[str], None]  # reports a step; raises when the user cancelled
    page: InitVar[PageGeometry | None] = None  # the page; None: the programme's default layout
    numbering: Numbering = field(default_factory=Numbering)
    toc: list[tuple[str, str, int]] = field(default_factory=list)
    width: float = 0.0  # the text block's width (the geometry's)
    pdfs: PdfPages = field(default_factory=PdfPages)  # PDF attachments placed in the story
    notes: dict[int, str] = field(default_factory=dict)  # for the user: what became of attachments
    _images: dict[int, PrintImage | AttachmentProblem | None] = field(default_factory=dict)
    _names: dict[int, str] | None = None

    def __post_init__(self, page: PageGeometry | None) -> None:
        self.award: Award = self.forms.award_for(self.doc.award_id, self.doc.applicant)
        self.framework: Framework = self.forms.framework_for(self.award)
        self.forms = self.forms.scoped(self.award)  # the 申请表 of this applicant
        self.geometry: PageGeometry = page or PageGeometry.from_layout(
            self.forms.layout_for(self.award)
        )
        self.styles: Styles = make_styles(self.geometry)
        self.width = self.width or self.geometry.text_width
        self.sources = Sources({i.id: i for i in self.doc.indicators()}, self.picture)

    # -- names --

    @property
    def org(self) -> str:
        """The applicant's name: the organisation's, or the person's for an individual."""
        if self.award.individual:
            return str(self.doc.field("person_name") or "") or "（未填写申报人姓名）"
        return str(self.doc.field("org_name") or "") or "（未填写组织名称）"

    @property
    def programme(self) -> str:
        """2026年度苏州市市长质量奖; 第五届中国质量奖 where the programme numbers its rounds."""
        found = self.award.round_for(self.doc.year)
        if found is not None:
            return f"{found.name}{self.award.name}"
        return f"{self.doc.year}年度{self.award.name}"

    @property
    def pledge(self) -> str:
        """The 申报承诺: the organisation's, or the person's (本人) for an individual."""
        who = "本人" if self.award.individual else "本组织"
        texts = self.part_name("profile", "组织概述") if self.award.individual else "自评报告"
        return (
            f"{who}自愿申报{self.programme}，郑重承诺：所填报的申请表、{texts}及证实性材料"
            f"内容真实、准确、完整，符合《{self.award.document}》规定的申报条件；"
            "如有弄虚作假，愿承担由此产生的一切后果和责任。"
        )

    @property
    def pledge_lines(self) -> list[str]:
        """Who signs under the 申报承诺: the legal representative and seal, or the person."""
        if self.award.individual:
            name = str(self.doc.field("person_signatory") or "")
            return [
                f"申报人：{name or '　' * 6}　　签字：{'_' * 18}",
                "日　　期：　　　　年　　月　　日",
            ]
        name = str(self.doc.field("signatory") or "")
        return [
            f"法定代表人：{name or '　' * 6}　　签字：{'_' * 18}",
            "申报组织（盖章）：",
            "日　　期：　　　　年　　月　　日",
        ]

    def leaves_out(self, part: Part) -> bool:
        """An optional appendix (中国质量奖's GB/T 19580 自评) the user left empty stays out."""
        if not part.optional:
            return False
        texts = {"report": self.doc.narratives, "profile": self.doc.profiles}.get(part.id)
        return texts is not None and not any(t.strip() for t in texts().values())

    def part_name(self, part_id: str, default: str) -> str:
        """The name the programme gives part ``part_id``; ``default`` where it has no such part."""
        part = self.award.part(part_id)
        return part.name if part else default

    # -- building blocks --

    def heading(
        self,
        text: str,
        style: TextStyle,
        key: str,
        level: int,
        *,
        toc: bool = True,
        outline: str | None = None,
    ) -> Heading:
        """A heading flowable with its bookmark ``key`` at outline ``level`` (0: a part); entered in
        the 目录 unless ``toc`` is False, under ``outline`` when given, else ``text``.
        """
        if toc:
            self.toc.append((key, outline or text, level))
        return Heading(text, style, key=key, level=level, outline=outline)

    def narrative(self, markdown: str, prefix: str, key: str, level: int) -> list[Flowable]:
        """A narrative (Markdown) as flowables, its tables and figures numbered with ``prefix`` and
        its headings bookmarked under ``key`` from ``level``; :data:`EMPTY` when blank.
        """
        if not markdown.strip():
            return [Para(EMPTY, self.styles.plain)]
        renderer = Narrative(
            self.styles, self.numbering, self.sources, self.width, prefix, key, level
        )
        return renderer.render(markdown)

    def para(self, text: str, style: TextStyle | None = None) -> Para:
        """``text`` as a paragraph in ``style`` (body text by default)."""
        return Para(text, style or self.styles.body)

    def contents(self) -> list[Flowable]:
        """The 目录 lines for the headings registered so far."""
        out: list[Flowable] = []
        for key, title, level in self.toc:
            style = self.styles.toc_part if level == 0 else self.styles.toc
            out.append(TocLine(key, title, level, style))
        return out

    # -- values --

    def value(self, spec: FieldSpec, value: object) -> str:
        """A 申请表 value as it is printed (:func:`format_value`)."""
        return format_value(spec, value)

    def picture(
        self, attachment_id: int, width: float | None = None, height: float | None = None
    ) -> Flowable | None:
        """An image attachment as a picture (by default as wide as the text and at most 0.6 of
        its height), a note saying why in its place when it cannot be printed, or None if the
        document has no such attachment.
        """
        width = self.width if width is None else width
        height = self.geometry.text_height * 0.6 if height is None else height
        found = self.print_image(attachment_id)
        if found is None:
            return None
        if isinstance(found, AttachmentProblem):
            name = self._attachment_names()[attachment_id]
            return Para(f"（图片“{name}”无法读取：{found.reason}，未能印出）", self.styles.note)
        return Picture(found.data, found.pixels, width, height)

    def print_image(self, attachment_id: int) -> PrintImage | AttachmentProblem | None:
        """An image attachment ready for print (at 300 dpi across the text block), or why not;
        None if there is no such attachment. A problem is noted for the export's result.
        """
        if attachment_id not in self._images:
            self._images[attachment_id] = self._load_image(attachment_id)
        found = self._images[attachment_id]
        if isinstance(found, AttachmentProblem):
            self.note_problem(attachment_id, found)
        return found

    def note_problem(self, attachment_id: int, problem: AttachmentProblem) -> None:
        """Note for the user (once per attachment) that attachment ``attachment_id`` could not be
        printed, and why.
        """
        name = self._attachment_names()[attachment_id]
        self.notes.setdefault(attachment_id, unreadable_note(name, problem))

    def _load_image(self, attachment_id: int) -> PrintImage | AttachmentProblem | None:
        if attachment_id not in self._attachment_names():
            return None
        try:
            with self.doc.open_attachment(attachment_id) as stream:  # read in pieces
                return print_image(stream)
        except DocumentError:
            return AttachmentProblem("文件内容已丢失或损坏")
        except AttachmentProblem as problem:
            return problem

    def _attachment_names(self) -> dict[int, str]:
        if self._names is None:
            self._names = {a.id: a.file_name for a in self.doc.attachments()}
        return self._names


def format_value(spec: FieldSpec, value: object) -> str:
    """A 申请表 value as it is printed: 是/否 boxes, 2009年6月18日, 12,000.00 万元, 14.60%."""
    if value is None or value == "":
        return ""
    if spec.type == "bool" or isinstance(value, bool):
        return "■是　□否" if value else "□是　■否"
    text = str(value).strip()
    if spec.type == "date":
        return chinese_date(text)
    if spec.type == "money":
        return numbers.money_wan(text)
    if spec.type == "percent":
        return numbers.percent(text, 2)
    if spec.unit and spec.type == "integer":
        return f"{text} {spec.unit}"
    return text


def chinese_date(text: str) -> str:
    """2026-05-15 as 2026年5月15日; anything else unchanged."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.year}年{day.month}月{day.day}日"


def gap(height_mm: float) -> Flowable:
    """Vertical space of ``height_mm`` millimetres."""
    return Spacer(1, height_mm * mm)
