"""The self-assessment team of a document (自评小组): who was handed a scorebook, what each
assessor returned, the spread threshold and the scores agreed at the consensus meeting.

These are written at once (:meth:`~qualitydesk.store.base.DocumentBase._write_now`), as
indicators are, and read from the file when asked for. An agreed score also becomes the item's
self-score through :meth:`~qualitydesk.store.content.ContentMixin.set_score` and a save, so the
history has it. Every public call raises :class:`~qualitydesk.store.errors.DocumentError` with a
Chinese reason; a refused call changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from msgspec.structs import replace

from qualitydesk.domain.forms import Forms, Framework
from qualitydesk.domain.scoring import ScoreError, check_pct
from qualitydesk.store import rows
from qualitydesk.store.base import DocumentBase
from qualitydesk.store.errors import DocumentError, reading
from qualitydesk.store.records import Assessor, Consensus, Score

if TYPE_CHECKING:  # qualitydesk.domain.team is imported where used: opening a file needs none of it
    from qualitydesk.domain.team import AssessorScore, Scorebook

SPREAD_SETTING = "team.spread"  # the file setting of the spread threshold (percentage points)
TEAM = "自评小组"  # who an agreed self-score is by
MAX_NAME = 50  # characters of an assessor's name


class TeamMixin(DocumentBase):
    """The assessors, their returned scores and the consensus of a document."""

    # -- assessors --

    def assessors(self) -> list[Assessor]:
        """Every assessor handed a scorebook, in the order handed out (then as named)."""
        with reading(self.path, "自评小组"):
            found = self.conn.execute(
                "SELECT name, round, handed_out_at, returned_at, source FROM assessors"
                " ORDER BY handed_out_at, rowid"
            ).fetchall()
        return [Assessor(*(str(v or "") for v in r)) for r in found]

    def assessor(self, name: str) -> Assessor | None:
        """The assessor ``name``, if handed a scorebook."""
        return next((a for a in self.assessors() if a.name == name), None)

    def hand_out(self, names: Sequence[str]) -> str:
        """Register ``names`` as handed a scorebook in a new round; return the round's id.

        An assessor handed out to before is handed out to again: the earlier round's file of
        theirs is refused from now on; what they returned is kept until the new file replaces it.
        """
        cleaned = [check_name(n) for n in names]
        if not cleaned:
            raise DocumentError("请至少给出一位评分人")
        repeated = sorted({n for n in cleaned if cleaned.count(n) > 1})
        if repeated:
            raise DocumentError(f"评分人“{'、'.join(repeated)}”重复；每位评分人只能给出一次")
        self._check_writable()
        stamp = self._clock()
        import secrets  # only when handing out: not needed to open a file

        round_id = f"{stamp}#{secrets.token_hex(4)}"
        known = {a.name: a for a in self.assessors()}
        with self._write_now() as db:
            for name in cleaned:
                was = known.get(name)
                db.table("assessors").upsert(
                    {
                        "name": name,
                        "round": round_id,
                        "handed_out_at": stamp,
                        "returned_at": was.returned_at if was else "",
                        "source": was.source if was else "",
                    },
                    pk="name",
                )
        return round_id

    def remove_assessor(self, name: str) -> None:
        """Remove an assessor and every score they returned (the consensus stays)."""
        if self.assessor(name) is None:
            raise DocumentError(f"没有评分人“{name}”")
        with self._write_now() as db:
            db.execute("DELETE FROM assessor_scores WHERE assessor = ?", [name])
            db.execute("DELETE FROM assessors WHERE name = ?", [name])

    def clear_team(self) -> None:
        """Forget every assessor, what they returned and the consensus, at once: a renewed
        file's self-assessment starts again (its self-scores and their history stay).
        """
        with self._write_now() as db:
            for table in ("assessor_scores", "assessors", "consensus"):
                db.execute(f"DELETE FROM {table}")  # our own table names

    def scorebook(self, assessor: str, forms: Forms) -> Scorebook:
        """What to hand ``assessor``: the application, the items with their narratives
        (read-only) and the scores the assessor returned so far.
        """
        from qualitydesk.domain.team import Scorebook, ScorebookItem

        found = self.assessor(assessor)
        if found is None:
            raise DocumentError(f"“{assessor}”不是已分发评分表的评分人；请先分发")
        framework = self._framework(forms)
        award = forms.awards.get(self.meta["award"])
        return Scorebook(
            application=self.meta.get("created", ""),
            round=found.round,
            assessor=found.name,
            org_name=str(self._get("field", "org_name", self._fields.get("org_name")) or ""),
            award=award.name if award else self.meta["award"],
            framework=framework.id,
            year=int(self.meta["year"]),
            handed_out_at=found.handed_out_at,
            step=framework.step,
            items=tuple(
                ScorebookItem(i.id, i.name, i.points, i.kind, self._narrative_text(i.id))
                for i in framework.items
            ),
            scores=tuple(s for s in self.assessor_scores() if s.assessor == assessor),
        )

    # -- returned scores --

    def assessor_scores(self) -> list[AssessorScore]:
        """Every score the assessors returned, by assessor and item."""
        from qualitydesk.domain.team import AssessorScore

        with reading(self.path, "评分人的评分"):
            found = self.conn.execute(
                "SELECT assessor, item, pct, strengths, opportunities, comment"
                " FROM assessor_scores ORDER BY assessor, item"
            ).fetchall()
        return [
            AssessorScore(str(a), str(i), int(p), s or "", o or "", c or "")
            for a, i, p, s, o, c in found
        ]

    def record_returned(
        self,
        book: Scorebook,
        source: str,
        *,
        replace: bool = False,
        framework: Framework | None = None,
    ) -> None:
        """Record the scores of a returned scorebook (from ``source``, a file name).

        Refused, changing nothing, when the book belongs to another application or an earlier
        round, names an unknown assessor, scores an item the framework lacks (or one twice) or
        off the step, or when the assessor has returned already and ``replace`` is False.
        ``framework`` is the document's (loaded from forms/ when not given).
        """
        who, checked = self.check_returned(book, replace=replace, framework=framework)
        stamp = self._clock()
        with self._write_now() as db:
            db.execute("DELETE FROM assessor_scores WHERE assessor = ?", [who.name])
            db.table("assessor_scores").insert_all(
                (
                    {
                        "assessor": who.name,
                        "item": s.item,
                        "pct": s.pct,
                        "strengths": s.strengths,
                        "opportunities": s.opportunities,
                        "comment": s.comment,
                    }
                    for s in checked
                ),
                pk=("assessor", "item"),
            )
            db.table("assessors").update(who.name, {"returned_at": stamp, "source": source})

    def check_returned(
        self, book: Scorebook, *, replace: bool = False, framework: Framework | None = None
    ) -> tuple[Assessor, list[AssessorScore]]:
        """The assessor of ``book`` and its scores if :meth:`record_returned` would record them;
        else DocumentError saying why not. Changes nothing.
        """
        self._check_writable()
        who = self._check_book(book, replace=replace)
        if book.framework != self.meta["framework"]:
            raise DocumentError(
                f"{who.name}的评分表按评价准则 {book.framework} 评分，本申报用 "
                f"{self.meta['framework']}"
            )
        if not book.scores:
            raise DocumentError(
                f"{who.name}的评分表中还没有任何评分，未汇总（可能交回的是空白评分表）；"
                "请评分人填写后再交回"
            )
        framework = framework or self._framework(None)
        return who, check_scores(book.scores, framework, who.name)

    def _check_book(self, book: Scorebook, *, replace: bool) -> Assessor:
        """The assessor of ``book``, or DocumentError saying why it is not this one's."""
        if book.application != self.meta.get("created", ""):
            raise DocumentError(
                f"{book.assessor or '该'}的评分表是从另一份申报文件分发的"
                f"（{book.org_name or '未知组织'}，{book.year} 年度），不是当前这一份；"
                "同一单位的副本或往年文件也算另一份，请从当前文件重新分发"
            )
        who = self.assessor(book.assessor)
        if who is None:
            raise DocumentError(f"“{book.assessor}”不是本申报分发过评分表的评分人")
        if book.round != who.round:
            rounds = {a.round for a in self.assessors()}
            if book.round in rounds:
                raise DocumentError(
                    f"这是较早一次分发给{who.name}的评分表；{who.handed_out_at[:10]} 已重新分发，"
                    "请收回新的评分表"
                )
            raise DocumentError(f"{who.name}的评分表不属于本申报的任何一次分发")
        if who.returned_at and not replace:
            raise DocumentError(
                f"{who.name}的评分已于 {who.returned_at[:16].replace('T', ' ')} 汇总"
                f"（来自 {who.source or '未知文件'}）；如要用新文件替换，请选择“替换”"
                "（命令行加 --replace）"
            )
        return who

    # -- the spread and the consensus --

    def spread_threshold(self) -> int:
        """The spread (percentage points) from which an item is discussed; 20 unless set."""
        from qualitydesk.domain.team import DEFAULT_SPREAD

        text = str(self.meta.get(SPREAD_SETTING, "") or "")
        return int(text) if text.isdigit() and 0 < int(text) <= 100 else DEFAULT_SPREAD

    def set_spread_threshold(self, points: int) -> None:
        """Set the spread threshold: whole percentage points 1–100, written at once."""
        if isinstance(points, bool) or not isinstance(points, int) or not 0 < points <= 100:
            raise DocumentError(f"分歧阈值应为 1–100 之间的整数（百分点），收到 {points!r}")
        with self._write_now() as db:
            rows.write_meta(db, SPREAD_SETTING, str(points))
        self.meta[SPREAD_SETTING] = str(points)

    def consensus(self) -> dict[str, Consensus]:
        """The agreed scores, by item."""
        with reading(self.path, "共识评分"):
            found = self.conn.execute(
                "SELECT item, pct, note, before, agreed_at FROM consensus ORDER BY item"
            ).fetchall()
        return {
            str(i): Consensus(str(i), int(p), n or "", _before(b), a or "")
            for i, p, n, b, a in found
        }

    def agree(self, item: str, pct: int, note: str, *, framework: Framework | None = None) -> None:
        """Record the score agreed for ``item`` and make it the item's self-score (with history;
        the item's notes, 优势 and 改进机会 are kept). Saves the document.
        """
        self._check_writable()
        framework = framework or self._framework(None)
        if item not in {i.id for i in framework.items}:
            raise DocumentError(f"评价准则中没有评分项“{item}”")
        try:
            pct = check_pct(pct, framework.step)
        except ScoreError as exc:
            raise DocumentError(f"评分项 {item}：{exc}") from None
        before = {s.assessor: s.pct for s in self.assessor_scores() if s.item == item}
        stamp = self._clock()
        with self._write_now() as db:
            db.table("consensus").upsert(
                {
                    "item": item,
                    "pct": pct,
                    "note": note.strip(),
                    "before": json.dumps(before, ensure_ascii=False, sort_keys=True),
                    "agreed_at": stamp,
                },
                pk="item",
            )
        existing: Score | None = self._get("score", item, self._scores.get(item))
        agreed = replace(existing or Score(pct), pct=pct, assessor=TEAM, scored_at=stamp)
        self._set("score", item, agreed)
        self._fresh_history.add(("score", item))  # its own entry, never merged into an edit
        self.save()  # type: ignore[attr-defined]  # Document's: the history records it

    # -- helpers --

    def _framework(self, forms: Forms | None) -> Framework:
        from qualitydesk.domain.forms import FormsError, load_forms

        try:
            return (forms or load_forms()).framework(self.meta["framework"])
        except FormsError as exc:
            raise DocumentError(str(exc)) from None

    def _narrative_text(self, item: str) -> str:
        text: str = self._get("narrative", item, self._narratives.get(item, ""))
        return text


def check_name(name: object) -> str:
    """An assessor's name, trimmed; DocumentError when empty, too long or on several lines."""
    text = str(name).strip() if isinstance(name, str) else ""
    if not text:
        raise DocumentError("评分人姓名不能为空")
    if len(text) > MAX_NAME or any(c in text for c in "\r\n\t\0"):
        raise DocumentError(f"评分人姓名“{text[:MAX_NAME]}”过长或含有换行等字符")
    return text


def check_scores(
    scores: Sequence[AssessorScore], framework: Framework, assessor: str
) -> list[AssessorScore]:
    """``scores`` if every one is an item of ``framework``, once, at a percent on its step;
    else DocumentError naming the item and the value.
    """
    known = {i.id for i in framework.items}
    seen: set[str] = set()
    for s in scores:
        if s.item not in known:
            raise DocumentError(f"{assessor}的评分表中有评价准则没有的评分项“{s.item}”")
        if s.item in seen:
            raise DocumentError(f"{assessor}的评分表中评分项 {s.item} 出现了不止一次")
        seen.add(s.item)
        try:
            check_pct(s.pct, framework.step)
        except ScoreError:
            raise DocumentError(
                f"{assessor}的评分表中评分项 {s.item} 的得分 {s.pct!r} 无效："
                f"应为 0–100 之间 {framework.step} 的倍数"
            ) from None
    return list(scores)


def _before(text: object) -> dict[str, int]:
    try:
        data = json.loads(str(text or "{}"))
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, int)}
