"""Year over year as the window and the internal report show it: the comparison of an earlier
application file with this one (:mod:`qualitydesk.domain.compare`), plus the actions of the
improvement plan closed since.

The earlier file is opened read-only and never changed. An action counts as closed since when the
earlier file had it open (未开始 or 进行中) and this one has it done (the same action: the same id
and title — a file made from last year's keeps its ids — else the same title and item).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qualitydesk.domain.compare import Comparison, compare
from qualitydesk.domain.forms import Forms
from qualitydesk.store.compare import side_of
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Action

OPEN_STATUSES = ("open", "doing")


@dataclass(frozen=True)
class YearOverYear:
    """An earlier application against this one: the comparison, the actions closed since (as this
    file has them) and the earlier file's name.
    """

    comparison: Comparison
    closed: tuple[Action, ...] = ()
    old_file: str = ""  # as the report names it


def closed_since(old: Sequence[Action], new: Sequence[Action]) -> tuple[Action, ...]:
    """The actions of ``new`` that are done and were open in ``old`` (see the module docstring)."""
    by_id = {a.id: a for a in old}
    by_name = {(a.title.strip(), a.item): a for a in old}
    closed = []
    for action in new:
        if action.status != "done":
            continue
        before = by_id.get(action.id)
        if before is None or before.title.strip() != action.title.strip():
            before = by_name.get((action.title.strip(), action.item))
        if before is not None and before.status in OPEN_STATUSES:
            closed.append(action)
    return tuple(closed)


def year_over_year(old: str | os.PathLike[str], new: Document, forms: Forms) -> YearOverYear:
    """The application file ``old`` against the open ``new``; DocumentError when ``old`` cannot
    be read, is ``new`` itself or has another framework.
    """
    if Path(old).resolve() == Path(new.path).resolve():
        raise DocumentError(f"{Path(old).name} 就是当前申报文件，请选择往年的申报文件")
    with Document.open(old, read_only=True) as before:
        if before.framework_id != new.framework_id:
            raise DocumentError(
                f"两份申报的评价准则不同（{before.framework_id} 与 {new.framework_id}），"
                "无法逐项对比"
            )
        framework = forms.framework(new.framework_id)
        comparison = compare(framework, side_of(before), side_of(new))
        old_actions = before.actions()
    return YearOverYear(comparison, closed_since(old_actions, new.actions()), Path(old).name)
