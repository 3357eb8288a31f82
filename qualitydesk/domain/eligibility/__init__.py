"""资格自查: each eligibility clause of a programme evaluated against the application's data.

A rule's ``kind`` names the check and its ``params`` come from forms/; nothing is hard-wired to a
programme. Every evaluation returns a Finding with one of five statuses, a Chinese reason, the
evidence it used (the values read, each named) and, where the clause is ambiguous, how it was read:

- ``pass``: the data shows the condition is met;
- ``fail``: the data contradicts the clause's words — never for a value the program cannot read;
- ``unsure``: the program cannot decide (free text it does not recognise, a boundary the data
  cannot settle, conflicting data): the applicant checks it and may affirm it;
- ``needs-data``: the data needed is missing (or only the applicant can affirm the clause);
- ``declared``: the applicant affirmed the clause; evidence is checked by the examiners.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from qualitydesk.domain.eligibility.honours import excluded_award_rule, honour_rule, reapply_rule
from qualitydesk.domain.eligibility.records import (
    certification_rule,
    no_loss_rule,
    years_since_rule,
)
from qualitydesk.domain.eligibility.region import region_rule
from qualitydesk.domain.eligibility.verdicts import (
    AFFIRMABLE,
    Application,
    Finding,
    Result,
    Row,
    Status,
)
from qualitydesk.domain.forms import Award, FormCatalogue, Rule

__all__ = [
    "AFFIRMABLE",
    "Application",
    "Finding",
    "Result",
    "Row",
    "Status",
    "evaluate",
    "evaluate_all",
]


def evaluate(rule: Rule, app: Application, form: FormCatalogue | None = None) -> Finding:
    """Evaluate one rule; ``form`` supplies field labels for the reasons."""
    if rule.kind == "declaration":
        if rule.id in app.declared:
            return _finding(rule, Result(Status.DECLARED, "申报方已声明符合，由评审核验证实性材料"))
        return _finding(rule, Result(Status.NEEDS_DATA, "需申报方逐条确认并准备证实性材料"))
    params = {**rule.params, "ladder": rule.ladder} if rule.ladder else rule.params
    result = _KINDS[rule.kind](params, app, form)
    if result.status in AFFIRMABLE and rule.id in app.declared:
        reason = f"申报方已声明符合（{result.reason}）"
        result = Result(Status.DECLARED, reason, result.evidence)
    return _finding(rule, result)


def _finding(rule: Rule, result: Result) -> Finding:
    return Finding(rule, result.status, result.reason, result.evidence, rule.reading)


def evaluate_all(
    award: Award, app: Application, form: FormCatalogue | None = None
) -> list[Finding]:
    """Every rule of ``award`` evaluated, in the award's order."""
    return [evaluate(rule, app, form) for rule in award.rules]


_Check = Callable[[Mapping[str, object], Application, FormCatalogue | None], Result]
# Every kind of forms.RULE_PARAMS but "declaration", which needs no data (see evaluate()).
_KINDS: dict[str, _Check] = {
    "years_since": years_since_rule,
    "certification": certification_rule,
    "no_loss": no_loss_rule,
    "region": region_rule,
    "excluded_award": excluded_award_rule,
    "honour": honour_rule,
    "reapply": reapply_rule,
}
