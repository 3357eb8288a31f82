"""Everything under forms/ together, and the questions the program asks of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import msgspec

from qualitydesk.domain.forms.award import Award
from qualitydesk.domain.forms.base import ORGANISATION, FormsError, applicant_name
from qualitydesk.domain.forms.catalogue import FormCatalogue, Limits
from qualitydesk.domain.forms.framework import Framework
from qualitydesk.domain.forms.ladder import Ladder
from qualitydesk.domain.forms.layouts import Layout
from qualitydesk.domain.forms.notice import Notice


@dataclass(frozen=True)
class Forms:
    """Everything under forms/: frameworks and awards by id, the 申请表 catalogue, text limits.

    ``awards`` iterates in the programmes' rank (each award's ``order``: the national award,
    the province's, the city's, the district's, other cities', the internal self-assessment last).
    """

    frameworks: Mapping[str, Framework]
    awards: Mapping[str, Award]
    form: FormCatalogue = field(repr=False)
    limits: Limits = field(repr=False)
    notices: Mapping[str, tuple[Notice, ...]] = field(default_factory=dict, repr=False)
    layouts: Mapping[str, Layout] = field(default_factory=dict, repr=False)  # by id, in order
    default_layout: str = ""  # the id of the layout an export uses unless told otherwise
    ladder: Ladder = field(default_factory=lambda: Ladder(ladder=()), repr=False)

    def layout(self, choice: str | None = None) -> Layout:
        """The layout named ``choice`` (id, 标准, Standard — any case), the default for None."""
        wanted = (choice or self.default_layout).strip().casefold()
        for layout in self.layouts.values():
            if wanted in (n.casefold() for n in layout.names()):
                return layout
        known = "、".join(f"{x.name}（{x.id}）" for x in self.layouts.values())
        raise FormsError(f"没有名为“{choice}”的版式（可用：{known}）")

    def layout_for(self, award: Award, choice: str | None = None) -> Layout:
        """The layout an export of ``award`` uses: the one chosen, and for the default layout
        the programme's own values ([layout] in its file) over it.
        """
        layout = self.layout(choice)
        change = award.layout
        if change is None or layout.id != self.default_layout:
            return layout
        return msgspec.structs.replace(
            layout, **dict(change.values), source=change.source, note=change.note
        )

    def notices_of(self, award_id: str) -> tuple[Notice, ...]:
        """The published notices of a programme, oldest first (empty: none shipped)."""
        return self.notices.get(award_id, ())

    def notice(self, award_id: str, year: int) -> Notice | None:
        """The programme's notice of ``year``, if one is shipped."""
        return next((n for n in self.notices_of(award_id) if n.year == year), None)

    def award(self, award_id: str) -> Award:
        """The award ``award_id``; FormsError naming the known ones when there is none."""
        try:
            return self.awards[award_id]
        except KeyError:
            known = "、".join(self.awards)
            raise FormsError(f"没有编号为 {award_id!r} 的奖项（可用：{known}）") from None

    def framework(self, framework_id: str) -> Framework:
        """The framework ``framework_id``; FormsError naming the known ones when there is none."""
        try:
            return self.frameworks[framework_id]
        except KeyError:
            known = "、".join(self.frameworks)
            raise FormsError(f"没有编号为 {framework_id!r} 的评价准则（可用：{known}）") from None

    def award_for(self, award_id: str, applicant: str = ORGANISATION) -> Award:
        """The award as one kind of applicant meets it: the rules, parts and attachments for
        ``applicant`` only; scored only where that applicant writes the scored 自评报告.
        """
        award = self.award(award_id)
        if applicant not in award.applicants:
            raise FormsError(f"{award.name}不接受{applicant_name(applicant)}申报")
        parts = tuple(p for p in award.parts if applicant in p.applicants)
        return msgspec.structs.replace(
            award,
            applicant=applicant,
            rules=tuple(r for r in award.rules if applicant in r.applicants),
            parts=parts,
            attachments=tuple(a for a in award.attachments if applicant in a.applicants),
            scored=award.scored and any(p.id == "report" for p in parts),
        )

    def framework_for(self, award: Award) -> Framework:
        """``award``'s framework, with the award's own profile for its applicant when it has one
        (a national award's 质量管理模式介绍 instead of GB/Z 19579's 组织概述; a 个人事迹).
        """
        framework = self.framework(award.framework)
        own = award.profile_for(award.applicant)
        return framework if own is None else msgspec.structs.replace(framework, profile=own)

    def scoped(self, award: Award) -> Forms:
        """These forms with the 申请表 narrowed to ``award``'s applicant and programme."""
        return replace(self, form=self.form.for_award(award))
