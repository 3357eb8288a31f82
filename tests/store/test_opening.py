"""Opening reports precisely what is wrong, and refuses or protects rather than guessing."""

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualitydesk.store import interchange, schema
from qualitydesk.store.document import Document, DocumentError


@pytest.fixture
def saved(new_doc):
    """A closed document with some content in it."""
    doc = new_doc()
    doc.set_field("org_name", "苏州澄远精密科技有限公司")
    doc.set_narrative("4.1.2", "高层领导的作用" * 2000)
    doc.add_attachment(os.urandom(200_000), "scan.png")
    doc.save()
    doc.close()
    return doc.path


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError, match="文件不存在"):
        Document.open(tmp_path / "none.qdesk")
    with pytest.raises(DocumentError, match="不是文件"):
        Document.open(tmp_path)


@pytest.mark.parametrize("content", [b"", b"hello", os.urandom(5000), b"PK\x03\x04" + b"\0" * 200])
def test_not_sqlite(tmp_path, content):
    path = tmp_path / "x.qdesk"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match="不是 SQLite 数据库文件"):
        Document.open(path)


def test_foreign_sqlite_file(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DocumentError, match="是 SQLite 数据库，但不是 QualityDesk 申报文件"):
        Document.open(path)


def test_truncated_file(saved):
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 3])
    with pytest.raises(DocumentError, match="损坏"):
        Document.open(saved)


def test_damaged_pages(saved):
    data = bytearray(saved.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data) - page, page * 3):
        data[offset : offset + 64] = os.urandom(64)
    saved.write_bytes(bytes(data))
    with pytest.raises(DocumentError, match="损坏"):
        Document.open(saved)


def test_newer_version_opens_read_only(saved):
    conn = sqlite3.connect(saved)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with Document.open(saved) as doc:
        assert doc.read_only
        assert "更新版本" in doc.read_only_reason
        assert doc.field("org_name") == "苏州澄远精密科技有限公司"
        with pytest.raises(DocumentError, match="更新版本"):
            doc.set_field("org_name", "x")


def test_foreign_triggers_and_views_are_refused(saved):
    conn = sqlite3.connect(saved)
    conn.execute("create view v as select 1")
    conn.commit()
    conn.close()
    with pytest.raises(DocumentError, match="view v"):
        Document.open(saved)


def test_in_use_by_another_running_qualitydesk(saved):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from qualitydesk.store.document import Document
            doc = Document.open({str(saved)!r})
            print("open", flush=True)
            sys.stdin.read()
            doc.close()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with Document.open(saved) as doc:
            assert doc.read_only
            assert f"进程 {holder.pid}" in doc.read_only_reason
            assert doc.field("org_name") == "苏州澄远精密科技有限公司"
    finally:
        holder.communicate("", timeout=30)
    with Document.open(saved) as doc:  # the other one has closed: writable again
        assert not doc.read_only


def test_a_stale_lock_of_a_killed_process_is_taken_over(saved):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock = saved.with_name(saved.name + ".lock")
    lock.write_text(f'{{"pid": {dead.stdout.strip()}, "host": "{os.uname().nodename}"}}', "utf-8")
    with Document.open(saved) as doc:
        assert not doc.read_only


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_files_of_every_earlier_version_open_and_upgrade(tmp_path, version):
    path = tmp_path / f"v{version}.qdesk"
    from sqlite_utils import Database

    db = Database(sqlite3.connect(path), execute_plugins=False)
    schema.migrate(db, 0, version)
    db["meta"].insert_all(
        [
            {"key": k, "value": v}
            for k, v in {
                "award": "sip",
                "framework": "gbt19580-2012",
                "year": "2025",
                "date": "2025-06-01",
                "created": "2025-06-01T09:00:00+08:00",
                "modified": "2025-06-01T09:00:00+08:00",
                "app_version": "0.0.9",
            }.items()
        ]
    )
    db["narratives"].insert({"item": "4.6.3", "text": "旧版本保存的改进与创新"})
    db.conn.commit()
    db.close()
    with Document.open(path) as doc:
        assert doc.narrative("4.6.3") == "旧版本保存的改进与创新"
        doc.set_narrative("4.6.3", "升级后继续编辑")
        doc.save()
        assert doc.history("narrative", "4.6.3")[0].value == "升级后继续编辑"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION + 1))
def test_the_written_out_shape_of_every_version_is_what_its_migrations_make(version):
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:")
    schema.migrate(Database(conn, execute_plugins=False), 0, version)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    made = {n: {c[1] for c in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}
    conn.close()
    assert schema.TABLES[version] == made
    assert set(schema.TABLES) == set(range(1, schema.SCHEMA_VERSION + 1))


def test_opening_and_reading_a_file_imports_no_sqlite_utils(saved):
    script = textwrap.dedent(
        f"""
        import sys
        from qualitydesk.store.document import Document
        with Document.open({str(saved)!r}) as doc:
            doc.history()
            doc.attachments()
        assert "sqlite_utils" not in sys.modules, "imported to open or read"
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_full_disk_is_reported_and_nothing_is_lost(new_doc):
    doc = new_doc()
    doc.set_narrative("4.1.2", "已保存的内容")
    doc.save()
    pages = doc.db.execute("PRAGMA page_count").fetchone()[0]
    doc.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    doc.set_narrative("4.1.3", "治理" * 100_000)
    with pytest.raises(DocumentError, match="磁盘空间不足"):
        doc.save()
    assert doc.pending
    assert doc.narrative("4.1.3").startswith("治理")  # still there for the next attempt
    with Document.open(doc.path, read_only=True) as reader:
        assert reader.narrative("4.1.2") == "已保存的内容"
        assert reader.narrative("4.1.3") == ""
        assert reader.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    doc.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    doc.save()
    assert not doc.pending
    doc.close()
    with Document.open(doc.path) as again:
        assert again.narrative("4.1.3").startswith("治理")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, 10**7), st.binary(min_size=1, max_size=64)), min_size=1, max_size=5
    )
)
def test_randomly_corrupted_files_are_refused_or_open_cleanly(saved, tmp_path, cuts):
    path = tmp_path / "corrupt.qdesk"
    shutil.copy(saved, path)
    data = bytearray(path.read_bytes())
    for position, junk in cuts:
        offset = position % len(data)
        data[offset : offset + len(junk)] = junk
    path.write_bytes(bytes(data))
    try:
        with Document.open(path) as doc:
            assert doc.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            interchange.dump(doc)  # reads everything, attachments included
    except DocumentError as exc:
        message = str(exc)
        assert message.startswith(str(path)) or "附件" in message


def test_a_file_in_a_place_that_cannot_be_written_opens_read_only(saved, monkeypatch):
    # (Tests run as root, for whom permissions do not apply: ask as an ordinary user would.)
    monkeypatch.setattr("qualitydesk.store.document.os.access", lambda path, mode: False)
    with Document.open(saved) as doc:
        assert doc.read_only
        assert "不可写" in doc.read_only_reason
        assert doc.field("org_name") == "苏州澄远精密科技有限公司"
    assert not saved.with_name(saved.name + ".lock").exists()
