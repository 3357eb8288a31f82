"""peek: what the welcome screen shows about a recent file, read without opening it for writing."""

import sqlite3
from datetime import date

import pytest

from qualitydesk.store.document import Document
from qualitydesk.store.summary import peek


@pytest.fixture
def created(tmp_path):
    doc = Document.create(
        tmp_path / "申报.qdesk",
        award="sip",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
        org_name="苏州测试科技有限公司",
    )
    saved = doc.saved_at
    doc.close()
    return doc.path, saved


def test_a_closed_file(created):
    path, saved = created
    before = sorted(p.name for p in path.parent.iterdir())
    summary = peek(path)
    assert summary is not None
    assert (summary.award_id, summary.year, summary.org_name) == (
        "sip",
        2026,
        "苏州测试科技有限公司",
    )
    assert summary.modified is not None
    assert summary.modified.isoformat() == saved
    assert sorted(p.name for p in path.parent.iterdir()) == before  # no -wal, -shm or lock left


def test_a_file_open_for_editing_is_read_without_its_lock(created):
    path, _ = created
    with Document.open(path) as doc:
        doc.set_field("org_name", "改名后的公司")
        doc.save()
        lock = path.with_name(path.name + ".lock")
        held = lock.read_text(encoding="utf-8")
        summary = peek(path)
        assert summary is not None
        assert summary.org_name == "改名后的公司"  # the latest save, still in the -wal
        assert lock.read_text(encoding="utf-8") == held
        assert not doc.read_only
        doc.set_field("org_name", "再改一次")
        doc.save()  # peeking left the writer free to save
    assert peek(path).org_name == "再改一次"


def test_what_is_not_an_application(tmp_path):
    assert peek(tmp_path / "不存在.qdesk") is None
    text = tmp_path / "文本.qdesk"
    text.write_text("不是数据库" * 30, encoding="utf-8")
    assert peek(text) is None
    other = tmp_path / "other.qdesk"
    conn = sqlite3.connect(other)
    conn.execute("create table t (x)")
    conn.commit()
    conn.close()
    assert peek(other) is None
    assert peek(tmp_path) is None  # a folder


def test_a_damaged_file(created):
    path, _ = created
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))
    assert peek(path) is None
