"""The examiners' feedback and the improvement plan in a document: stored at once, checked,
made from 改进机会, filtered.
"""

from datetime import date

import pytest
from msgspec.structs import replace

from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.improvement import filter_actions, is_overdue
from qualitydesk.store.records import Action, Feedback, Score


def reopened(doc: Document) -> Document:
    doc.close()
    return Document.open(doc.path, read_only=True)


def test_feedback_is_written_at_once_and_cleared(new_doc, clock):
    doc = new_doc()
    doc.set_feedback("4.1.2", Feedback("领导重视", "缺少评价", "反馈.docx"))
    doc.set_feedback("4.10.1", Feedback("", "排在 4.2 之后"))
    doc.set_feedback("4.2.2", Feedback("战略清晰"))
    doc.set_feedback("4.3.2", Feedback("顾客细分"))
    assert not doc.pending  # nothing waits for a save
    doc.set_feedback("4.3.2", None)
    doc.set_feedback("4.2.2", Feedback("战略清晰", " "))
    doc.set_feedback("4.1.2", Feedback("领导重视", "缺少评价", "反馈.docx"))
    with reopened(doc) as again:
        stored = again.feedback()
    assert list(stored) == ["4.1.2", "4.2.2", "4.10.1"]  # by number, not as text
    assert stored["4.1.2"] == Feedback("领导重视", "缺少评价", "反馈.docx", clock())


def test_actions_are_added_updated_and_removed(new_doc, clock):
    doc = new_doc()
    first = doc.add_action(Action(0, "  建立领导绩效评价  ", item="4.1.2", owner="张三"))
    second = doc.add_action(Action(0, "完善内审整改跟踪", "examiners", "4.1.3", due="2026-09-30"))
    assert (first, second) == (1, 2)
    stored = doc.actions()
    assert stored[0] == Action(1, "建立领导绩效评价", "own", "4.1.2", "张三", created_at=clock())
    clock.advance(days=1)
    doc.update_action(
        Action(2, "完善内审整改跟踪", "examiners", "4.1.3", "李四", "", "doing", "已启动")
    )
    doc.remove_action(1)
    with reopened(doc) as again:
        assert again.actions() == [
            Action(
                2,
                "完善内审整改跟踪",
                "examiners",
                "4.1.3",
                "李四",
                "",
                "doing",
                "已启动",
                stored[1].created_at,
            )
        ]


@pytest.mark.parametrize(
    ("action", "reason"),
    [
        (Action(0, " "), "不能为空"),
        (Action(0, "x", source="boss"), "来源"),
        (Action(0, "x", status="closed"), "状态"),
        (Action(0, "x", due="2026/9/30"), "YYYY-MM-DD"),
        (Action(0, "x", due="2026-02-30"), "YYYY-MM-DD"),
    ],
)
def test_a_bad_action_is_refused_and_nothing_is_written(new_doc, action, reason):
    doc = new_doc()
    doc.add_action(Action(0, "已有的措施"))
    modified = doc.meta["modified"]
    with pytest.raises(DocumentError, match=reason):
        doc.add_actions([Action(0, "好的措施"), action])
    with pytest.raises(DocumentError, match=reason):
        doc.update_action(replace(action, id=1))
    assert [a.title for a in doc.actions()] == ["已有的措施"]
    assert doc.meta["modified"] == modified


def test_changing_an_unknown_action_is_refused(new_doc):
    doc = new_doc()
    with pytest.raises(DocumentError, match="没有编号为 7"):
        doc.update_action(Action(7, "x"))
    with pytest.raises(DocumentError, match="没有编号为 7"):
        doc.remove_action(7)


def test_opportunities_become_actions_once(new_doc):
    doc = new_doc()
    doc.set_score("4.1.2", Score(50, opportunities="1. 缺少领导绩效评价\n2、 沟通机制不完善\n"))
    doc.set_score("4.2.2", Score(40, opportunities="- 战略目标分解不足"))
    doc.save()
    doc.set_feedback("4.1.2", Feedback("", "缺少领导绩效评价。\n未见创新激励"))
    own = doc.actions_from_opportunities("own", ["4.1.2"], owner="张三", due="2026-12-31")
    assert [(a.id, a.title, a.item, a.owner, a.due) for a in own] == [
        (1, "缺少领导绩效评价", "4.1.2", "张三", "2026-12-31"),
        (2, "沟通机制不完善", "4.1.2", "张三", "2026-12-31"),
    ]
    assert [a.title for a in doc.proposed_actions("own")] == ["战略目标分解不足"]
    examiners = doc.actions_from_opportunities("examiners")
    assert [(a.title, a.source) for a in examiners] == [
        ("缺少领导绩效评价。", "examiners"),
        ("未见创新激励", "examiners"),
    ]
    assert doc.proposed_actions("examiners") == []  # already in the plan
    with pytest.raises(DocumentError, match="来源"):
        doc.proposed_actions("boss")


def test_the_list_filters_by_status_item_owner_source_and_words():
    actions = [
        Action(1, "建立领导绩效评价", "own", "4.1.2", "张三", "2026-03-01", "open"),
        Action(2, "完善内审整改", "examiners", "4.1.3", "李四", "", "doing", "审计部牵头"),
        Action(3, "战略目标分解", "examiners", "4.2.2", "张 三", "2026-01-01", "done"),
        Action(4, "无关条目", "own", "", "", "", "dropped"),
    ]

    def ids(**filters):
        return [a.id for a in filter_actions(actions, **filters)]

    assert ids() == [1, 2, 3, 4]
    assert ids(statuses={"open", "doing"}) == [1, 2]
    assert ids(item="4.1") == [1, 2]
    assert ids(item="4.1.3") == [2]
    assert ids(owner="张三") == [1, 3]
    assert ids(source="examiners", statuses={"done"}) == [3]
    assert ids(text="审计") == [2]
    today = date(2026, 3, 2)
    assert [a.id for a in actions if is_overdue(a, today)] == [1]
