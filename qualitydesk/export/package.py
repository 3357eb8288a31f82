"""The application package, in the programme's order: cover, 目录, 申请表, 资格自查与承诺,
组织概述, 自评报告 item by item, 关键绩效数据, 证实性材料 with the attachments, 推荐意见.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, Table, TableStyle

from qualitydesk.export import evidence, form
from qualitydesk.export.blocks import Anchor
from qualitydesk.export.book import Book, chinese_date, gap
from qualitydesk.export.flowables import Para
from qualitydesk.export.layout import PartBreak
from qualitydesk.export.tables import Cell, grid, plain_style

CONTENTS_KEY = "contents"


def story(book: Book) -> list[Flowable]:
    """Every flowable of the package; the 目录 is filled in once all headings are known."""
    builders: dict[str, Callable[[Book], list[Flowable]]] = {
        "form": form.application_form,
        "commitment": form.commitment,
        "profile": profile,
        "report": report,
        "indicators": evidence.indicators,
        "evidence": evidence.evidence,
        "recommendation": recommendation,
    }
    body: list[Flowable] = []
    for part in book.award.parts:
        build = builders.get(part.id)
        if build is None or book.leaves_out(part):
            continue
        book.check(f"正在排版：{part.name}")
        body += [PartBreak(restart=not body), *build(book)]  # the first part is page 1
    head = [*cover(book), NextPageTemplate("body"), PartBreak(), *contents(book)]
    return head + body


def contents(book: Book) -> list[Flowable]:
    """The 目录: its bookmark, title and a line for every heading registered so far."""
    title = Para("目　　录", book.styles.part)
    return [Anchor(CONTENTS_KEY, "目录", 0), title, *book.contents()]


# --- cover ------------------------------------------------------------------------------------


COVER_FIELD_MAX = 120  # characters: any longer and the cover no longer fits on one page


def clip(value: str) -> str:
    """A cover entry short enough for the cover (the full text is in the 申请表)."""
    return value if len(value) <= COVER_FIELD_MAX else value[: COVER_FIELD_MAX - 1] + "…"


def cover(book: Book) -> list[Flowable]:
    """The cover: programme, 申报材料, the applicant, recommender, contact and date (entries clipped
    to :data:`COVER_FIELD_MAX`), and the programme's seal boxes and copies note if it has them;
    spaced to fit one page.
    """
    st = book.styles
    doc = book.doc
    applicant = "申　报　人" if book.award.individual else "申报组织（盖章）"
    fields = [
        (applicant, book.org),
        ("推荐单位（盖章）", str(doc.field("recommender") or "")),
        ("联　系　人", str(doc.field("contact_name") or "")),
        ("联系电话", joined(doc.field("contact_phone"), doc.field("contact_mobile"), sep="　")),
    ]
    if book.award.individual:  # a person is his own contact
        fields[2:4] = [("联系电话", str(doc.field("person_mobile") or ""))]
    fields += [
        ("填表日期", chinese_date(str(doc.field("filled_on") or doc.application_date))),
    ]
    rows = [
        [Para(label, st.cover_field), Para(clip(value), st.cover_field)] for label, value in fields
    ]
    table = Table(
        rows,
        colWidths=[44 * mm, 100 * mm],
        hAlign="CENTER",
        style=TableStyle(
            [
                *plain_style(),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, (0, 0, 0)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
            ]
        ),
    )
    shown: list[Flowable] = [
        Para(book.programme, st.cover_subtitle),
        Para("申　报　材　料", st.cover_title),
        table,
    ]
    if book.award.seals:  # the programme's own seal boxes and copies note (its [cover])
        shown.append(SealBoxes(book.award.seals))
    if book.award.copies:
        shown.append(Para(book.award.copies, replace(st.note, align="center")))
    out: list[Flowable] = [Anchor("cover", "封面", 0)]
    for space, flowable in zip(_cover_gaps(book, shown), shown, strict=True):
        out += [gap(space), flowable]
    return out


COVER_GAPS = (25, 12, 36, 20, 10)  # mm above the programme, the title, the table, seals, note


def _cover_gaps(book: Book, shown: list[Flowable]) -> list[float]:
    """The gaps between the cover's blocks (mm), narrowed so that all of it fits on one page:
    on a lower text block (标准) or under a long name.
    """
    room = book.geometry.text_height
    used = sum(f.wrap(book.width, room)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in shown)
    free = (room - used) / mm - 2  # a little slack for rounding
    gaps = COVER_GAPS[: len(shown)]  # a cover without seal boxes or note has fewer blocks
    scale = max(0.0, min(1.0, free / sum(gaps)))
    return [space * scale for space in gaps]


def joined(*values: object, sep: str) -> str:
    """The values that are not empty, joined by ``sep``."""
    return sep.join(str(v) for v in values if v not in (None, ""))


class SealBoxes(Flowable):
    """Empty boxes where the seals go, each labelled underneath."""

    def __init__(self, labels: tuple[str, ...], side: float = 42 * mm) -> None:
        super().__init__()
        self.labels, self.side = labels, side
        self.width, self.height = 0.0, side + 8 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The text block's width (``availWidth``), and the boxes' height with their labels."""
        self.width = availWidth  # the text block's width
        return self.width, self.height

    def draw(self) -> None:
        """The dashed boxes, spread evenly across the width, each with its label underneath; nothing
        in a draft pass.
        """
        from qualitydesk.export.flowables import is_draft
        from qualitydesk.export.fonts import SANS

        if is_draft(self):
            return
        canv = self.canv
        slot = self.width / len(self.labels)
        canv.setLineWidth(0.6)
        canv.setDash(3, 2)
        canv.setFont(SANS, 10)
        for i, label in enumerate(self.labels):
            x = i * slot + (slot - self.side) / 2
            canv.rect(x, 8 * mm, self.side, self.side)
            canv.drawCentredString(x + self.side / 2, 2 * mm, label)
        canv.setDash()


# --- 组织概述 and 自评报告 ------------------------------------------------------------------


def profile(book: Book) -> list[Flowable]:
    """The 组织概述 part: each section's narrative under its group and section headings."""
    st = book.styles
    name = book.part_name("profile", book.framework.profile.name)
    out: list[Flowable] = [book.heading(name, st.part, "part.profile", 0)]
    group = None
    for section in book.framework.profile.sections:
        if section.group != group:
            group = section.group
            out.append(book.heading(group, st.section, f"profile.{group.split()[0]}", 1))
        title = f"{section.id} {section.name}"
        out.append(book.heading(title, st.item, f"profile.{section.id}", 2))
        out += book.narrative(book.doc.profile(section.id), section.id, f"profile.{section.id}", 3)
    return out


def report(book: Book) -> list[Flowable]:
    """The 自评报告 part: each item's narrative under its category and item headings."""
    st = book.styles
    out: list[Flowable] = [
        book.heading(book.part_name("report", "自评报告"), st.part, "part.report", 0)
    ]
    for category in book.framework.categories:
        book.check(f"正在排版：自评报告 {category.id} {category.name}")
        title = f"{category.id} {category.name}"
        out.append(book.heading(title, st.section, f"category.{category.id}", 1))
        for item in category.items:
            key = f"item.{item.id}"
            out.append(book.heading(f"{item.id} {item.name}", st.item, key, 2))
            out += book.narrative(book.doc.narrative(item.id), item.id, key, 3)
    return out


# --- 推荐意见 --------------------------------------------------------------------------------


def recommendation(book: Book) -> list[Flowable]:
    """The 推荐意见 part: a ruled form with the recommender, room for its opinion (or the opinion
    entered) and the seal and signature block, and the programme's range of recommenders.
    """
    st = book.styles
    doc = book.doc
    name = book.part_name("recommendation", "推荐意见")
    opinion = str(doc.field("recommender_opinion") or "")
    cell = book.styles.cell_of(12.0)
    label = replace(st.head_cell, size=12.0, leading=18.0)
    signature = Para(
        "推荐单位（盖章）\n\n负责人（签字）：\n\n年　　月　　日", replace(cell, align="right")
    )
    rows: list[list[Cell]] = [
        [Para("推荐单位", label), Para(str(doc.field("recommender") or ""), cell)],
        [
            Para("推荐意见", label),
            [Para(opinion, replace(st.body, size=12.0)), gap(70 if opinion else 120)],
        ],
        [Para("签章", label), [gap(8), signature, gap(6)]],
    ]
    out: list[Flowable] = [
        book.heading(name, st.part, "part.recommendation", 0),
        grid(
            rows,
            book.width,
            header_rows=0,
            widths=[32 * mm, book.width - 32 * mm],
            shaded=[((0, 0), (0, -1))],
        ),
    ]
    if book.award.recommender:
        out += [gap(4), Para(f"推荐单位范围：{book.award.recommender}", st.note)]
    return out
