"""The assessor's file (.qdesk-score): written with a checksum, read back equal; every hostile
file — cut short, of another application or round, from a newer program, edited by hand, scores
off the scale or of unknown items, a second copy — is refused with its reason and the
application does not change.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from qualitydesk.domain.team import AssessorScore
from qualitydesk.store import interchange
from qualitydesk.store.document import DocumentError
from qualitydesk.store.scorefile import (
    ScoreFileError,
    checksum,
    collect,
    hand_out_files,
    read_score_file,
    write_score_file,
)


@pytest.fixture
def handed(new_doc, forms, tmp_path):
    """An application handed out to 张三 and 李四; 张三's file filled in the program."""
    doc = new_doc(org_name="苏州澄远精密科技有限公司")
    doc.set_narrative("4.1.2", "原文")
    doc.save()
    folder = tmp_path / "out"
    folder.mkdir()
    hand_out_files(doc, forms, ["张三", "李四"], folder)
    path = folder / "张三.qdesk-score"
    book = read_score_file(path)
    scores = (AssessorScore("张三", "4.1.2", 60, "优势"), AssessorScore("张三", "4.1.3", 45))
    write_score_file(path, replace(book, scores=scores))
    return doc, path


def edit_json(path, change, *, keep_checksum=False):
    """Change the file's JSON as a text editor would; the checksum recomputed unless kept."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    if not keep_checksum:
        data["checksum"] = checksum(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_file_reads_back_as_written(handed, forms):
    doc, path = handed
    book = read_score_file(path)
    assert book.scores[0] == AssessorScore("张三", "4.1.2", 60, "优势")
    assert book == replace(doc.scorebook("张三", forms), scores=book.scores)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("qualitydesk-score", 1)
    assert data["checksum"] == checksum(data)


def _truncate(path):
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _not_ours(path):
    path.write_text('{"format": "qualitydesk", "schema": 3}', encoding="utf-8")


def _set(key, value):
    return lambda path: edit_json(path, lambda d: d.__setitem__(key, value))


def _score(field, value, n=0):
    return lambda path: edit_json(path, lambda d: d["scores"][n].__setitem__(field, value))


def _by_hand(path):
    edit_json(path, lambda d: d["scores"][0].__setitem__("pct", 80), keep_checksum=True)


def _twice(path):
    edit_json(path, lambda d: d["scores"].append(dict(d["scores"][0])))


HOSTILE = {
    "truncated": (_truncate, "不是完整的评分文件"),
    "not ours": (_not_ours, "不是质量奖申报助手的评分文件"),
    "empty": (lambda p: p.write_bytes(b""), "不是完整的评分文件"),
    "not utf-8": (lambda p: p.write_bytes(b"\xff\xfe{}"), "不是完整的评分文件"),
    "newer version": (_set("version", 2), "由更新版本的质量奖申报助手生成"),
    "edited by hand": (_by_hand, "文件在程序之外被修改过"),
    "another application": (_set("application", "2020-01-01T00:00:00+08:00"), "另一份申报"),
    "another round": (_set("round", "2020-01-01T00:00:00+08:00#0000"), "不属于本申报"),
    "unknown assessor": (_set("assessor", "赵六"), "不是本申报分发过评分表的评分人"),
    "pct 101": (_score("pct", 101), "评分项 4.1.2 的评分（%）101 无效"),
    "pct 33": (_score("pct", 33), "评分项 4.1.2 的评分（%）33 无效"),
    "pct as text": (_score("pct", "60"), '评分项 4.1.2 的评分（%）"60" 无效'),
    "unknown item": (_score("item", "9.9"), "评分项“9.9”不是分发的评分表中的评分项"),
    "item twice": (_twice, "评分项 4.1.2 的评分出现了不止一次"),
    "missing key": (lambda p: edit_json(p, lambda d: d.pop("round")), "缺少“round”"),
    "another framework": (_set("framework", "efqm"), "按评价准则 efqm 评分"),
    "nothing scored": (_set("scores", []), "评分表中还没有任何评分，未汇总"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_and_nothing_changes(handed, forms, case):
    doc, path = handed
    spoil, message = HOSTILE[case]
    spoil(path)
    before = interchange.dumps(doc)
    with pytest.raises(DocumentError) as refused:
        collect(doc, forms, [path])
    assert message in str(refused.value)
    assert str(path) in str(refused.value)
    assert interchange.dumps(doc) == before


def test_a_duplicate_assessor_is_refused_without_replace(handed, forms):
    doc, path = handed
    collect(doc, forms, [path])
    before = interchange.dumps(doc)
    with pytest.raises(ScoreFileError, match=r"已于 .* 汇总"):
        collect(doc, forms, [path])
    copy = path.with_name("张三-副本.qdesk-score")
    copy.write_bytes(path.read_bytes())
    with pytest.raises(ScoreFileError, match="同是张三的评分表"):
        collect(doc, forms, [path, copy], replace=True)
    assert interchange.dumps(doc) == before


def test_one_bad_file_among_good_ones_records_none(handed, forms):
    doc, path = handed
    other = path.with_name("李四.qdesk-score")
    _truncate(other)
    before = interchange.dumps(doc)
    with pytest.raises(ScoreFileError, match="李四"):
        collect(doc, forms, [path, other])
    assert interchange.dumps(doc) == before


def test_the_narratives_of_a_book_are_never_taken(handed, forms):
    doc, path = handed
    edit_json(path, lambda d: d["items"][0].__setitem__("narrative", "评分人改写的原文"))
    collect(doc, forms, [path])
    assert doc.narrative("4.1.2") == "原文"


def test_missing_files_and_folders_are_named(handed, forms, tmp_path):
    doc, _ = handed
    with pytest.raises(ScoreFileError, match="文件不存在"):
        collect(doc, forms, [tmp_path / "无.qdesk-score"])
    with pytest.raises(ScoreFileError, match="是文件夹"):
        collect(doc, forms, [tmp_path])
    with pytest.raises(ScoreFileError, match="文件夹不存在"):
        hand_out_files(doc, forms, ["王五"], tmp_path / "无")
    assert doc.assessor("王五") is None
