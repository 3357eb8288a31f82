"""Is a document ready to submit? Eligibility, completeness and limits, from the domain rules.

Used by ``qualitydesk check`` and the wizard's 检查与导出 page alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from qualitydesk.domain import eligibility, notices, scoring
from qualitydesk.domain.eligibility import Finding, Status
from qualitydesk.domain.forms import Award, Forms, Part
from qualitydesk.domain.textmetrics import measure, with_figures
from qualitydesk.domain.validators import validate
from qualitydesk.store.document import Document
from qualitydesk.store.renew import needs_update


@dataclass(frozen=True)
class Missing:
    """Something still to do: which part, which thing, and what is wrong with it."""

    part: str
    key: str
    problem: str


@dataclass(frozen=True)
class LimitCheck:
    """One limited part's count against its limit this year, in the part's metric (figures added
    where the part counts them); ``figures`` is the number of pictures and charts found.
    """

    part: str
    name: str
    count: int
    limit: int
    figures: int
    reference: bool = False  # the limit is the program's suggestion (参考值), not a rule
    source: str = ""  # where the limit comes from: a clause, the notice, the user, or 参考值

    @property
    def ok(self) -> bool:
        """Whether the count is within the limit."""
        return self.count <= self.limit


@dataclass(frozen=True)
class Readiness:
    """The result of :func:`check`: eligibility findings, what is still missing, and each limited
    part's count.
    """

    eligibility: list[Finding]
    completeness: list[Missing]
    limits: list[LimitCheck]

    @property
    def ready(self) -> bool:
        """Whether the application may be submitted: every rule passes or is declared, nothing is
        missing, and no limit that is a rule is exceeded (a 参考值 only warns).
        """
        eligible = all(f.status in (Status.PASS, Status.DECLARED) for f in self.eligibility)
        within = all(c.ok or c.reference for c in self.limits)  # a 参考值 only warns
        return eligible and not self.completeness and within


def application(doc: Document) -> eligibility.Application:
    """What the eligibility rules read, taken from the document."""
    declared = frozenset(r for r, d in doc.declarations().items() if d.affirmed)
    tables = {t: doc.rows(t) for t in doc.table_ids()}
    return eligibility.Application(doc.application_date, doc.fields(), tables, declared)


def scorecard(doc: Document, forms: Forms) -> scoring.Scorecard:
    """The self-scores of the document on its framework (unscored items count as 0%)."""
    pcts = {item: s.pct for item, s in doc.scores().items()}
    return scoring.score(forms.framework(doc.framework_id), pcts)


def check(doc: Document, forms: Forms) -> Readiness:
    """Eligibility, completeness and limits of the document, with this year's notice laid over the
    办法.
    """
    this_year = effective(doc, forms)
    award = this_year.award
    findings = eligibility.evaluate_all(award, application(doc), forms.form)
    scoped = forms.scoped(award)  # the 申请表 of this applicant
    return Readiness(findings, completeness(doc, scoped, award), _limits(doc, this_year))


def eligibility_findings(doc: Document, forms: Forms) -> list[eligibility.Finding]:
    """The eligibility part of :func:`check` alone (no counting of the narratives)."""
    award = effective(doc, forms).award
    return eligibility.evaluate_all(award, application(doc), forms.form)


def completeness(doc: Document, forms: Forms, award: Award) -> list[Missing]:
    """What is still to do: required 申请表 fields and table cells that are empty or invalid, empty
    profile sections and narratives, narratives carried over from an earlier year and not yet
    updated, unscored items (scored programmes) and required attachments with nothing linked.
    """
    missing: list[Missing] = []
    fields = doc.fields()
    for spec in forms.form.fields:
        value = fields.get(spec.id)
        if value in (None, ""):
            if spec.required:
                missing.append(Missing("form", spec.id, f"未填写{spec.label}"))
        elif spec.validator and isinstance(value, str):
            result = validate(spec.validator, value)
            if not result.ok:
                missing.append(Missing("form", spec.id, f"{spec.label}：{result.message}"))
    for table in forms.form.tables:
        for i, row in enumerate(doc.rows(table.id)):
            where = f"{table.name}第 {i + 1} 行"
            for column in table.columns:
                key, value = f"{table.id}[{i}].{column.id}", row.get(column.id)
                if value in (None, ""):
                    if column.required:
                        missing.append(Missing("form", key, f"{where}未填写{column.label}"))
                elif column.validator and isinstance(value, str):
                    result = validate(column.validator, value)
                    if not result.ok:
                        problem = f"{where}{column.label}：{result.message}"
                        missing.append(Missing("form", key, problem))
    fw = forms.framework_for(award)
    part_ids = {p.id for p in award.parts if not p.optional}  # an appendix is not required
    if "profile" in part_ids:
        for section in fw.profile.sections:
            if not doc.profile(section.id).strip():
                missing.append(Missing("profile", section.id, f"{section.id} {section.name}未填写"))
    if "report" in part_ids:
        outdated = set(needs_update(doc))  # a renewed file: items not yet brought up to date
        for item in fw.items:
            if not doc.narrative(item.id).strip():
                missing.append(Missing("report", item.id, f"{item.id} {item.name}未填写"))
            elif item.id in outdated:
                problem = f"{item.id} {item.name}：内容沿用往年申报，尚未标为已更新"
                missing.append(Missing("report", item.id, problem))
            if award.scored and doc.score(item.id) is None:
                missing.append(
                    Missing("report", f"score.{item.id}", f"{item.id} {item.name}未自评打分")
                )
    linked = {
        link.target for a in doc.attachments() for link in a.links if link.kind == "checklist"
    }
    for wanted in award.attachments:
        if wanted.required and wanted.id not in linked:
            missing.append(Missing("evidence", wanted.id, f"缺少证实性材料：{wanted.name}"))
    return missing


def limits(doc: Document, forms: Forms, award: Award) -> list[LimitCheck]:
    """Each limited part's count against its limit this year (``award`` as the 办法 gives it;
    the 申报通知 and the user's values are laid over it here).
    """
    return _limits(doc, effective(doc, forms, award))


def _limits(doc: Document, this_year: notices.Effective) -> list[LimitCheck]:
    texts = {"profile": list(doc.profiles().values()), "report": list(doc.narratives().values())}
    checks = []
    for part in this_year.award.parts:
        limit = this_year.limit(part.id)
        if limit is None or part.id not in texts:
            continue
        checks.append(_limit(part, limit, texts[part.id]))
    return checks


def effective(doc: Document, forms: Forms, award: Award | None = None) -> notices.Effective:
    """The award as it holds this year: the chosen 申报通知 and the user's values (申报通知
    page) over the 办法 — the limits, rules and attachments every check and counter uses.
    """
    base = award or forms.award_for(doc.award_id, doc.applicant)
    return notices.effective(forms, base, doc.user_notice(), doc.year)


def _limit(part: Part, limit: notices.EffectiveLimit, markdowns: list[str]) -> LimitCheck:
    total = figures = 0
    for markdown in markdowns:
        counts, found = measure(markdown)  # as the editor and the package count it
        total += counts.metric(part.metric)
        figures += found
    if part.counts_figures and part.figure_chars is not None:
        total = with_figures(total, figures, part.figure_chars)
    return LimitCheck(
        part.id, part.name, total, limit.limit, figures, limit.reference, limit.source
    )
