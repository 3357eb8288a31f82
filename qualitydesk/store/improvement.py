"""The examiners' feedback and the improvement plan (改进计划) of a document.

The examiners' 反馈报告 gives, per item, 优势 and 改进机会 (:class:`~qualitydesk.store.records.
Feedback`); each 改进机会 — the examiners' or the team's own, from the self-score — can become an
:class:`~qualitydesk.store.records.Action` with an owner, a due date and a status. Both are
written at once (like indicators and attachments), outside the narratives' history; every call
that fails raises :class:`DocumentError` and leaves the file as it was.

:func:`filter_actions` is the action list's filter (status, item or category, owner, words);
:func:`is_overdue` says which open actions are late. The Chinese names of the statuses and
sources are :data:`STATUS_LABELS` and :data:`SOURCE_LABELS`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date

from msgspec.structs import replace

from qualitydesk.store.base import DocumentBase
from qualitydesk.store.errors import DocumentError, reading
from qualitydesk.store.records import ACTION_SOURCES, ACTION_STATUSES, Action, Feedback

OWN, EXAMINERS = ACTION_SOURCES
OPEN, DOING, DONE, DROPPED = ACTION_STATUSES
STATUS_LABELS = {OPEN: "未开始", DOING: "进行中", DONE: "已完成", DROPPED: "已取消"}
SOURCE_LABELS = {OWN: "自评", EXAMINERS: "评审反馈"}
_ACTION_COLUMNS = "id, title, source, item, owner, due, status, note, created_at"


class ImprovementMixin(DocumentBase):
    """The examiners' feedback per item and the improvement actions."""

    # -- the examiners' feedback --

    def feedback(self) -> dict[str, Feedback]:
        """The examiners' feedback, by item (in the items' text order)."""
        with reading(self.path, "评审反馈"):
            found = self.conn.execute(
                "select item, strengths, opportunities, source, entered_at from feedback"
            ).fetchall()
        entries = {row[0]: Feedback(*(value or "" for value in row[1:])) for row in found}
        return dict(sorted(entries.items(), key=lambda entry: _item_key(entry[0])))

    def set_feedback(self, item: str, feedback: Feedback | None) -> None:
        """Record (or with None, or with no text, clear) the examiners' feedback on ``item``."""
        self.set_feedbacks({item: feedback})

    def set_feedbacks(self, entries: Mapping[str, Feedback | None]) -> None:
        """Record or clear the feedback of several items at once (an import): all or nothing.

        Feedback without a time is stamped now.
        """
        self._check_writable()
        if any(not item.strip() for item in entries):
            raise DocumentError("评审反馈缺少评分项编号")
        stamp = self._clock()
        with self._write_now() as db:
            for item, feedback in entries.items():
                db.execute("delete from feedback where item = ?", [item])
                if feedback is None or not (feedback.strengths or feedback.opportunities).strip():
                    continue
                db.table("feedback").insert(
                    {
                        "item": item,
                        "strengths": feedback.strengths,
                        "opportunities": feedback.opportunities,
                        "source": feedback.source,
                        "entered_at": feedback.entered_at or stamp,
                    }
                )

    # -- the improvement plan --

    def actions(self) -> list[Action]:
        """Every action of the improvement plan, in the order made."""
        with reading(self.path, "改进计划"):
            found = self.conn.execute(
                f"select {_ACTION_COLUMNS} from actions order by id"
            ).fetchall()
        return [Action(row[0], *(value or "" for value in row[1:])) for row in found]

    def add_action(self, action: Action) -> int:
        """Store a new action (its ``id`` is ignored); return the id it was given."""
        return self.add_actions([action])[0]

    def add_actions(self, actions: Sequence[Action]) -> list[int]:
        """Store several new actions at once (all or nothing); return their ids, in order."""
        self._check_writable()
        for action in actions:
            check_action(action)
        stamp = self._clock()
        ids = []
        with self._write_now() as db:
            for action in actions:
                row = _action_row(action)
                row.pop("id")
                row["created_at"] = action.created_at or stamp
                ids.append(int(db.table("actions").insert(row).last_pk or 0))
        return ids

    def update_action(self, action: Action) -> None:
        """Change a stored action (found by its ``id``); its creation time is kept."""
        self._check_writable()
        check_action(action)
        stored = self._action(action.id)
        row = _action_row(action)
        row["created_at"] = stored.created_at
        with self._write_now() as db:
            db.table("actions").update(action.id, row)

    def remove_action(self, action_id: int) -> None:
        """Remove an action of the improvement plan."""
        self._check_writable()
        self._action(action_id)
        with self._write_now() as db:
            db.execute("delete from actions where id = ?", [action_id])

    def proposed_actions(self, source: str, items: Iterable[str] | None = None) -> list[Action]:
        """One new action (not stored, id 0) per 改进机会 point of ``items`` (default: every
        item): the team's own (``"own"``, from the self-scores) or the examiners'
        (``"examiners"``, from the feedback). Points already in the plan for that item and
        source, and repeats, are left out.
        """
        from qualitydesk.domain.team import merged_remarks  # not needed to open a file

        if source == OWN:
            saved = self._scores  # the self-scores, pending changes included (as ContentMixin)
            found = {
                item: self._get("score", item, saved.get(item))
                for item in self._keys("score", saved)
            }
            texts = {item: score.opportunities for item, score in found.items() if score}
        elif source == EXAMINERS:
            texts = {item: fb.opportunities for item, fb in self.feedback().items()}
        else:
            raise DocumentError(f"改进措施的来源应为 {'、'.join(ACTION_SOURCES)}，收到“{source}”")
        wanted = set(items) if items is not None else None
        taken = {(a.source, a.item, fold(a.title)) for a in self.actions()}
        proposed = []
        for item in sorted(texts, key=_item_key):
            if wanted is not None and item not in wanted:
                continue
            for point in merged_remarks([texts[item]]):
                key = (source, item, fold(point))
                if key not in taken:
                    taken.add(key)
                    proposed.append(Action(0, point, source, item))
        return proposed

    def actions_from_opportunities(
        self,
        source: str,
        items: Iterable[str] | None = None,
        *,
        owner: str = "",
        due: str = "",
    ) -> list[Action]:
        """Turn the 改进机会 points of :meth:`proposed_actions` into stored actions at once
        (with ``owner`` and ``due`` when given); return them with their ids.
        """
        proposed = [replace(a, owner=owner, due=due) for a in self.proposed_actions(source, items)]
        ids = self.add_actions(proposed)
        stored = {a.id: a for a in self.actions()}
        return [stored[i] for i in ids]

    def _action(self, action_id: int) -> Action:
        with reading(self.path, "改进计划"):
            row = self.conn.execute(
                f"select {_ACTION_COLUMNS} from actions where id = ?", [action_id]
            ).fetchone()
        if row is None:
            raise DocumentError(f"{self.path}：改进计划中没有编号为 {action_id} 的措施")
        return Action(row[0], *(value or "" for value in row[1:]))


def check_action(action: Action) -> None:
    """DocumentError (in Chinese) unless ``action`` can be stored: a title, a known source and
    status, and a due date that is an ISO date (YYYY-MM-DD) or empty.
    """
    if not action.title.strip():
        raise DocumentError("改进措施缺少内容（改进事项不能为空）")
    if action.source not in ACTION_SOURCES:
        raise DocumentError(
            f"改进措施的来源应为 {'、'.join(ACTION_SOURCES)}，收到“{action.source}”"
        )
    if action.status not in ACTION_STATUSES:
        raise DocumentError(
            f"改进措施的状态应为 {'、'.join(ACTION_STATUSES)}，收到“{action.status}”"
        )
    if action.due and due_date(action.due) is None:
        raise DocumentError(f"计划完成日期应为 YYYY-MM-DD 格式的日期，收到“{action.due}”")


def due_date(text: str) -> date | None:
    """The date of an ISO due date ``YYYY-MM-DD``; None for "" or anything else."""
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def is_overdue(action: Action, today: date) -> bool:
    """Whether ``action`` is still open (未开始 or 进行中) and its due date has passed."""
    due = due_date(action.due)
    return action.status in (OPEN, DOING) and due is not None and due < today


def filter_actions(
    actions: Iterable[Action],
    *,
    statuses: Collection[str] = (),
    item: str = "",
    owner: str = "",
    source: str = "",
    text: str = "",
) -> list[Action]:
    """The actions that pass every filter given (an empty filter passes all): status one of
    ``statuses``; ``item`` the linked item or a category holding it ("4.1" takes 4.1.2);
    ``owner`` the owner (spacing and width ignored); ``source`` own or examiners; ``text``
    words in the title, note or owner.
    """
    wanted_owner = fold(owner)
    words = fold(text)
    found = []
    for action in actions:
        if statuses and action.status not in statuses:
            continue
        if item and not (action.item == item or action.item.startswith(item + ".")):
            continue
        if wanted_owner and fold(action.owner) != wanted_owner:
            continue
        if source and action.source != source:
            continue
        if words and words not in fold(f"{action.title}\n{action.note}\n{action.owner}"):
            continue
        found.append(action)
    return found


def fold(text: str) -> str:
    """``text`` as actions are compared: full/half width and case folded, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _item_key(item: str) -> tuple[tuple[int, ...], str]:
    """Items in their numbers' order (4.1.2 before 4.10.1)."""
    parts = item.split(".")
    numbers = tuple(int(p) for p in parts if p.isdigit())
    return (numbers if len(numbers) == len(parts) else (), item)


def _action_row(action: Action) -> dict[str, object]:
    return {
        "id": action.id,
        "title": action.title.strip(),
        "source": action.source,
        "item": action.item,
        "owner": action.owner.strip(),
        "due": action.due,
        "status": action.status,
        "note": action.note,
        "created_at": action.created_at,
    }
