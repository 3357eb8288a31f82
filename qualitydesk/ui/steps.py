"""The wizard's steps in order, and the page that shows each one.

Step keys: ``form``, ``eligibility``, ``profile``, ``report``, ``item:4.1.2`` (one per scored
item), ``indicators``, ``evidence``, ``summary``, ``preflight``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qualitydesk.domain.forms import Framework
from qualitydesk.ui.pages.base import Page, PageContext

_TITLES = {
    "form": QT_TRANSLATE_NOOP("Steps", "申请表"),
    "eligibility": QT_TRANSLATE_NOOP("Steps", "资格自查"),
    "profile": QT_TRANSLATE_NOOP("Steps", "组织概述"),
    "report": QT_TRANSLATE_NOOP("Steps", "自评报告"),
    "indicators": QT_TRANSLATE_NOOP("Steps", "关键绩效数据"),
    "evidence": QT_TRANSLATE_NOOP("Steps", "证实性材料"),
    "summary": QT_TRANSLATE_NOOP("Steps", "评分汇总"),
    "preflight": QT_TRANSLATE_NOOP("Steps", "检查与导出"),
}
_BEFORE_ITEMS = ("form", "eligibility", "profile", "report")
_AFTER_ITEMS = ("indicators", "evidence", "summary", "preflight")


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    category: str = ""  # for items: the category id (4.1 …)


def steps(framework: Framework) -> list[Step]:
    """Every step of the wizard in order, items included."""
    found = [Step(key, title(key)) for key in _BEFORE_ITEMS]
    found += [Step(f"item:{i.id}", f"{i.id} {i.name}", i.category) for i in framework.items]
    found += [Step(key, title(key)) for key in _AFTER_ITEMS]
    return found


def title(key: str) -> str:
    return QCoreApplication.translate("Steps", _TITLES[key]) if key in _TITLES else key


def create_page(key: str, context: PageContext) -> Page:
    """The page for a step (imported on first use, so start-up stays quick)."""
    if key.startswith("item:"):
        from qualitydesk.ui.pages.item import ItemPage

        return ItemPage(context, key.removeprefix("item:"))
    if key == "form":
        from qualitydesk.ui.pages.form import FormPage

        return FormPage(context)
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
