"""Two application files compared year over year (:mod:`qualitydesk.domain.compare`).

Both are opened read-only: comparing never changes either file. Files of different frameworks
(GB/T 19580 against another) cannot be compared item by item and are refused with the reason.
"""

from __future__ import annotations

import os

from qualitydesk.domain.compare import Comparison, Side, compare
from qualitydesk.domain.forms import Forms
from qualitydesk.store.document import Document, DocumentError


def side_of(doc: Document) -> Side:
    """What of ``doc`` a comparison reads: year, applicant, self-scores, narratives, indicators."""
    name = str(doc.field("org_name") or doc.field("person_name") or "")
    pcts = {item: score.pct for item, score in doc.scores().items()}
    return Side(doc.year, name, pcts, doc.narratives(), doc.indicators())


def compare_files(
    old: str | os.PathLike[str], new: str | os.PathLike[str], forms: Forms
) -> Comparison:
    """The application ``old`` against ``new``; DocumentError if one cannot be read or their
    frameworks differ.
    """
    with Document.open(old, read_only=True) as before, Document.open(new, read_only=True) as after:
        if before.framework_id != after.framework_id:
            raise DocumentError(
                f"两份申报的评价准则不同（{before.framework_id} 与 {after.framework_id}），"
                "无法逐项对比"
            )
        framework = forms.framework(after.framework_id)
        return compare(framework, side_of(before), side_of(after))
