"""The status of a step before its page is built, read from the document.

The navigator shows every step's status from the moment an application opens. Building every
page to learn it cost seconds of CPU after each opening, most of it on the items (one page per
scored item); so a step's status is read here from what its page would load, by the rules of its
page's ``issues()`` and ``started()``:

- a scored item: the narrative, the self-score and the 需更新 mark (``ItemPage``);
- 资格自查: the eligibility verdicts, with the declarations affirmed (``EligibilityPage``) —
  after every save, and while idle after opening (the first reading loads the places table);
- 检查与导出: the problems of the export's check (``PreflightPage``) — slower (it counts every
  narrative and looks for characters no font prints), so read while idle, not on every save.

Once the page is built, the page itself says (tests/ui/test_statuses.py keeps the two equal).
"""

from __future__ import annotations

from collections.abc import Iterable

from qualitydesk.domain.forms import Item
from qualitydesk.store.document import Document
from qualitydesk.store.renew import needs_update
from qualitydesk.ui.pages.base import PageContext, Status

ITEM_PREFIX = "item:"
QUICK_KEYS = frozenset({"eligibility"})  # besides the items: after every save and while idle
IDLE_KEYS = frozenset({"preflight"})  # read once while idle


def status_of(started: bool, severities: Iterable[str]) -> Status:
    """A page's status from whether it is started and its issues' severities (``Page.status``)."""
    if not started:
        return Status.NOT_STARTED
    found = set(severities)
    if "error" in found:
        return Status.PROBLEM
    if "missing" in found:
        return Status.IN_PROGRESS
    return Status.DONE


def item_status(doc: Document, context: PageContext, item: Item, outdated: bool) -> Status:
    """The status ``ItemPage`` would show for ``item`` (``outdated``: marked 需更新)."""
    written = bool(doc.narrative(item.id).strip())
    score = doc.score(item.id)
    bands = context.framework.bands_of(item.kind)
    banded = score is not None and any(score.pct in band for band in bands)
    if not written and not banded:
        return Status.NOT_STARTED
    if outdated or not written or (context.award.scored and not banded):
        return Status.IN_PROGRESS
    return Status.DONE


def item_statuses(doc: Document, context: PageContext, keys: list[str]) -> dict[str, Status]:
    """The statuses of the item steps among ``keys`` (``item:4.1.2`` …), from the document."""
    wanted = {key.removeprefix(ITEM_PREFIX) for key in keys if key.startswith(ITEM_PREFIX)}
    if not wanted:
        return {}
    outdated = set(needs_update(doc))
    return {
        f"{ITEM_PREFIX}{item.id}": item_status(doc, context, item, item.id in outdated)
        for item in context.framework.items
        if item.id in wanted
    }


def eligibility_status(doc: Document, context: PageContext) -> Status:
    """The status ``EligibilityPage`` would show: a clause 不符合 is a problem; one 需确认 or
    待补充, and not declared, is still to do.
    """
    from qualitydesk.domain.eligibility import AFFIRMABLE, evaluate_all
    from qualitydesk.domain.eligibility import Status as Verdict
    from qualitydesk.store.readiness import application, effective

    app = application(doc)
    award = effective(doc, context.forms, context.award).award
    ticked = app.declared & {rule.id for rule in award.rules}
    started = bool(app.fields) or any(app.tables.values()) or bool(ticked)
    verdicts = [f.status for f in evaluate_all(award, app, context.forms.form)]
    errors = ["error" for v in verdicts if v is Verdict.FAIL]
    return status_of(started, errors + ["missing" for v in verdicts if v in AFFIRMABLE])


def preflight_status(doc: Document, context: PageContext) -> Status:
    """The status ``PreflightPage`` would show: the export's problems, with the attachments'
    when they are judged already (the page judges them when it is built).
    """
    from qualitydesk.export.preflight import known_attachment_notes, problems

    found = problems(doc, context.forms) + (known_attachment_notes(doc.attachments()) or [])
    started = bool(doc.fields()) or bool(doc.narratives())
    return status_of(started, (problem.severity.value for problem in found))


def quick_statuses(doc: Document, context: PageContext, keys: list[str]) -> dict[str, Status]:
    """The statuses among ``keys`` that are quick to read: the items' and the 资格自查's."""
    found = item_statuses(doc, context, keys)
    if "eligibility" in keys:
        found["eligibility"] = eligibility_status(doc, context)
    return found


def idle_status(doc: Document, context: PageContext, key: str) -> Status:
    """The status of a step of :data:`IDLE_KEYS` or :data:`QUICK_KEYS`, read while idle."""
    if key == "preflight":
        return preflight_status(doc, context)
    if key == "eligibility":
        return eligibility_status(doc, context)
    raise KeyError(key)
