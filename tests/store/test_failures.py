"""SQLite and the disk really failing under an open document: every call says why in Chinese
(DocumentError, never a bare sqlite3.Error or OSError) and the file keeps what it held.
"""

import os
import resource
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Indicator, Link

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses /proc and rlimits")

DAMAGED = "文件在打开期间被其他程序改写或截断，已损坏"


@pytest.fixture
def doc(new_doc) -> Document:
    """A saved document with a field, an indicator and an attachment."""
    doc = new_doc()
    doc.set_field("org_name", "旧名称")
    doc.save()
    doc.put_indicator(Indicator("ind1", "交付准时率", "%", "higher", "4.4.1", {2025: 97.0}))
    doc.add_attachment(b"evidence" * 500, "证明.txt", links=(Link("item", "4.4.1"),))
    return doc


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _reopened_org_name(path: Path) -> object:
    with Document.open(path, read_only=True) as again:
        return again.field("org_name")


def _make_read_only(path: Path) -> None:
    """Replace this process's descriptors of the file and its -wal by read-only ones: the file
    is as good as made read-only under the open connection (chmod does not reach an open one).
    """
    for target in (path, _companion(path, "-wal")):
        for fd in os.listdir("/proc/self/fd"):
            try:
                if os.readlink(f"/proc/self/fd/{fd}") != str(target.resolve()):
                    continue
            except OSError:
                continue
            read_only = os.open(target, os.O_RDONLY)
            os.dup2(read_only, int(fd))
            os.close(read_only)


def test_a_file_made_read_only_after_open_fails_to_save_with_a_reason(doc):
    _make_read_only(doc.path)
    doc.set_field("org_name", "新名称")
    with pytest.raises(DocumentError, match=r"读写文件时出错.*未能保存；修改仍保留在程序中"):
        doc.save()
    assert doc.pending
    assert doc.field("org_name") == "新名称"
    doc.discard()
    assert _reopened_org_name(doc.path) == "旧名称"


def test_a_database_locked_by_another_connection_fails_every_write_with_a_reason(doc):
    other = sqlite3.connect(doc.path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    doc.db.execute("PRAGMA busy_timeout = 50")
    busy = "文件正被其他程序占用，未能保存；修改仍保留在程序中"
    doc.set_field("org_name", "新名称")
    with pytest.raises(DocumentError, match=busy):
        doc.save()
    with pytest.raises(DocumentError, match=busy):
        doc.remove_indicator("ind1")
    with pytest.raises(DocumentError, match=busy):
        doc.update_attachment(1, caption="说明")
    with pytest.raises(DocumentError, match=busy):
        doc.remove_attachment(1)
    other.rollback()
    other.close()
    assert [i.id for i in doc.indicators()] == ["ind1"]
    assert doc.attachment_data(1) == b"evidence" * 500
    assert _reopened_org_name(doc.path) == "旧名称"
    doc.save()  # the changes were kept: they save once the lock is gone
    assert _reopened_org_name(doc.path) == "新名称"


def test_a_full_disk_refuses_an_attachment_and_keeps_the_file(doc):
    pages = doc.db.execute("PRAGMA page_count").fetchone()[0]
    doc.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DocumentError, match="磁盘空间不足，未能保存"):
        doc.add_attachment(os.urandom(200_000), "照片.jpg")
    assert [a.file_name for a in doc.attachments()] == ["证明.txt"]
    doc.discard()
    with Document.open(doc.path, read_only=True) as again:
        assert [a.file_name for a in again.attachments()] == ["证明.txt"]


def test_a_file_truncated_while_open_is_not_rebuilt_by_a_write(doc):
    for suffix in ("", "-wal"):
        os.truncate(_companion(doc.path, suffix), 0)
    shm = _companion(doc.path, "-shm")
    shm.write_bytes(bytes(shm.stat().st_size))  # SQLite now reads the file afresh
    with pytest.raises(DocumentError, match=f"{DAMAGED}，未能保存"):
        doc.remove_indicator("ind1")
    with pytest.raises(DocumentError, match=f"{DAMAGED}，无法读取附件列表"):
        doc.attachments()
    doc.set_field("org_name", "新名称")
    with pytest.raises(DocumentError, match=f"{DAMAGED}，未能保存；修改仍保留在程序中"):
        doc.save()
    assert doc.field("org_name") == "新名称"  # kept in the program
    doc.discard()
    assert doc.path.stat().st_size == 0  # no stray tables were made in the emptied file


def test_a_file_overwritten_with_garbage_while_open_fails_reads_and_writes(doc):
    garbage = {}
    for suffix in ("", "-wal", "-shm"):
        part = _companion(doc.path, suffix)
        garbage[suffix] = os.urandom(part.stat().st_size)
        part.write_bytes(garbage[suffix])
    for call, message in (
        (doc.attachments, "无法读取附件列表"),
        (lambda: doc.attachment_data(1), "无法读取附件"),
        (lambda: doc.open_attachment(1), "无法读取附件"),
        (doc.history, "无法读取历史记录"),
        (lambda: doc.restore(1), "无法读取历史记录"),
        (lambda: doc.remove_indicator("ind1"), "未能保存"),
        (lambda: doc.put_setting("needs_update", "1"), "未能保存"),
    ):
        with pytest.raises(DocumentError, match=f"{DAMAGED}，{message}"):
            call()
    doc.discard()
    assert doc.path.read_bytes() == garbage[""]  # nothing was written over it


def test_exporting_an_attachment_to_a_disk_that_refuses_the_write(doc, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    data = os.urandom(300_000)
    attachment = doc.add_attachment(data, "大文件.bin")
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, old_limit[1]))
    try:
        with pytest.raises(DocumentError, match="文件超出该磁盘允许的大小，未能写入"):
            doc.export_attachment(attachment.id, folder)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert list(folder.iterdir()) == []  # no half-written file left
