"""The wizard's steps in order, and the page that shows each one.

Step keys: ``form``, ``notice``, ``eligibility``, ``profile``, ``report``, ``item:4.1.2`` (one per scored
item), ``indicators``, ``evidence``, ``summary``, ``preflight``.
"""

from __future__ import annotations

from msgspec import Struct
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qualitydesk.domain.forms import Award, Framework
from qualitydesk.ui.pages.base import Page, PageContext

_TITLES = {
    "form": QT_TRANSLATE_NOOP("Steps", "申请表"),
    "notice": QT_TRANSLATE_NOOP("Steps", "申报通知"),
    "eligibility": QT_TRANSLATE_NOOP("Steps", "资格自查"),
    "profile": QT_TRANSLATE_NOOP("Steps", "组织概述"),
    "report": QT_TRANSLATE_NOOP("Steps", "自评报告"),
    "indicators": QT_TRANSLATE_NOOP("Steps", "关键绩效数据"),
    "evidence": QT_TRANSLATE_NOOP("Steps", "证实性材料"),
    "summary": QT_TRANSLATE_NOOP("Steps", "评分汇总"),
    "preflight": QT_TRANSLATE_NOOP("Steps", "检查与导出"),
}
# The wizard's own steps around the programme's parts: first the 申请表 (whether or not the
# programme prints one), the 申报通知 and the 资格自查; last the 评分汇总 and 检查与导出.
_OPENING = ("form", "notice", "eligibility")
# The steps of each package part, in the order forms/ lists the parts (awards/<id>.toml
# [[parts]]); a part not here (资格自查与承诺, 推荐意见) is written on a step above or at export.
_PART_STEPS = {
    "profile": ("profile",),
    "report": ("report",),  # and one step per scored item after it
    "indicators": ("indicators",),
    "evidence": ("evidence",),
}
_DEFAULT_PARTS = ("profile", "report", "indicators", "evidence")  # no programme: every step


class Step(Struct, frozen=True):
    """One step of the wizard: its key, its title and, for an item, its category."""

    key: str
    title: str
    category: str = ""  # for items: the category id (4.1 …)


def steps(framework: Framework, award: Award | None = None) -> list[Step]:
    """Every step of the wizard in order, items included.

    With ``award``, the steps of its parts in the order of its parts (a person's application
    has no 自评报告, no items, no 评分汇总), titled with the award's own part names where they
    differ (质量管理模式介绍, 个人事迹, 附录：GB/T 19580 自评（可选）).
    """
    found = [Step(key, title(key, award)) for key in _OPENING]
    parts = [p.id for p in award.parts] if award is not None else list(_DEFAULT_PARTS)
    for part_id in dict.fromkeys(parts):  # a part listed once per applicant is one step
        for key in _PART_STEPS.get(part_id, ()):
            found.append(Step(key, title(key, award)))
            if key == "report":
                found += [
                    Step(f"item:{i.id}", f"{i.id} {i.name}", i.category) for i in framework.items
                ]
    if award is None or award.scored:
        found.append(Step("summary", title("summary", award)))
    found.append(Step("preflight", title("preflight", award)))
    return found


def title(key: str, award: Award | None = None) -> str:
    """The step's title: the award's name for its part where it has its own (质量管理模式介绍
    for 组织概述), else the usual one.
    """
    part = award.part(key) if award is not None and key in _PART_STEPS else None
    if part is not None and part.name != _TITLES.get(key):
        return part.name
    return QCoreApplication.translate("Steps", _TITLES[key]) if key in _TITLES else key


def create_page(key: str, context: PageContext, *, progressive: bool = False) -> Page:
    """The page for a step (imported on first use, so start-up stays quick); ``progressive``: the
    申请表 builds what shows first and the rest while idle (``Page.building``).
    """
    if key.startswith("item:"):
        from qualitydesk.ui.pages.item import ItemPage

        return ItemPage(context, key.removeprefix("item:"))
    if key == "form":
        from qualitydesk.ui.pages.form import FormPage

        return FormPage(context, progressive=progressive)
    if key == "notice":
        from qualitydesk.ui.pages.notice import NoticePage

        return NoticePage(context)
    if key == "eligibility":
        from qualitydesk.ui.pages.eligibility import EligibilityPage

        return EligibilityPage(context)
    if key == "profile":
        from qualitydesk.ui.pages.profile import ProfilePage

        return ProfilePage(context)
    if key == "report":
        from qualitydesk.ui.pages.report import ReportPage

        return ReportPage(context)
    if key == "indicators":
        from qualitydesk.ui.pages.indicators import IndicatorsPage

        return IndicatorsPage(context)
    if key == "evidence":
        from qualitydesk.ui.pages.evidence import EvidencePage

        return EvidencePage(context)
    if key == "summary":
        from qualitydesk.ui.pages.summary import SummaryPage

        return SummaryPage(context)
    if key == "preflight":
        from qualitydesk.ui.pages.preflight import PreflightPage

        return PreflightPage(context)
    raise KeyError(key)
