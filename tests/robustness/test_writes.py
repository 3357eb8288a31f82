"""Writes never destroy: every command that writes a file, and 另存为 (issue 11, §1 and §6).

Each writer — ``dump``, ``export``, ``load``, ``new``, ``demo`` and Save As — refuses the file it
reads, never writes an export onto an application file (.qdesk), replaces an existing file only
with ``--force`` (and never an application file that QualityDesk has open), and says so when the
folder does not exist. A full disk or a read-only folder leaves the old file byte for byte and no
stray file beside it (no .tmp, no -wal/-shm/.lock of a half-made file): exit 2 and one line that
says why and what to do. The full disk is injected in-process (always) and also made real on a
small tmpfs where this machine allows mounting one (root on Linux; skipped elsewhere, saying why).
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qualitydesk.cli import main
from qualitydesk.store import interchange
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.safewrite import WriteError

OUTPUTS = ("dump", "export")  # write a JSON or PDF file
DOCUMENTS = ("load", "new", "demo")  # make an application file
COMMANDS = OUTPUTS + DOCUMENTS
OLD = b'{"old": "an earlier file that must survive"}\n'
NARRATIVE = (
    "高层领导确定使命、愿景和价值观，并在组织内沟通。" * 400
)  # 40 KB: more than a full disk's room


@dataclass(frozen=True)
class Sources:
    doc: Path  # a small application file (closed)
    json: Path  # its dump


@pytest.fixture(scope="module")
def originals(tmp_path_factory, forms) -> Sources:
    folder = tmp_path_factory.mktemp("sources")
    with Document.create(
        folder / "source.qdesk",
        award="sip",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
        org_name="苏州测试科技有限公司",
    ) as doc:
        doc.set_narrative("4.1.2", NARRATIVE)
        doc.save()
        (folder / "source.json").write_text(interchange.dumps(doc), encoding="utf-8")
    return Sources(folder / "source.qdesk", folder / "source.json")


@pytest.fixture
def src(originals, tmp_path) -> Sources:
    """Private copies of the sources; targets go into tmp_path / "out"."""
    folder = tmp_path / "src"
    folder.mkdir()
    (tmp_path / "out").mkdir()
    return Sources(
        Path(shutil.copy(originals.doc, folder)), Path(shutil.copy(originals.json, folder))
    )


def argv(command: str, src: Sources, target: Path, *, force: bool = False) -> list[str]:
    args = {
        "dump": ["dump", str(src.doc), "-o", str(target)],
        "export": ["export", str(src.doc), "-o", str(target)],
        "load": ["load", str(src.json), str(target)],
        "new": ["new", str(target), "--award", "sip", "--org", "测试有限公司"],
        "demo": ["demo", str(target)],
    }[command]
    return [*args, "--force"] if force else args


def target_name(command: str) -> str:
    return {"dump": "out.json", "export": "out.pdf"}.get(command, "out.qdesk")


def old_target(command: str, src: Sources, folder: Path) -> Path:
    """An existing file where ``command`` will write: an earlier output, or an application."""
    target = folder / target_name(command)
    if command in OUTPUTS:
        target.write_bytes(OLD)
    else:
        shutil.copy(src.doc, target)
    return target


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run(capsys, args: list[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, args: list[str], *phrases: str) -> str:
    """The command fails with exit 2 and one line on stderr containing every phrase."""
    code, out, err = run(capsys, args)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert "Error" not in err  # no Python exception class
    for phrase in phrases:
        assert phrase in err, err
    return err


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["dump", "export", "load"])
def test_the_source_is_never_written_over(capsys, src, command):
    source = src.json if command == "load" else src.doc
    before = files(source.parent)
    refused(capsys, argv(command, src, source, force=True), "本身", "请换一个文件名")
    assert files(source.parent) == before


@pytest.mark.parametrize("command", OUTPUTS)
def test_an_export_never_goes_onto_an_application_file(capsys, src, tmp_path, command):
    out = tmp_path / "out"
    other = Path(shutil.copy(src.doc, out / "other.qdesk"))
    before = files(out)
    refused(capsys, argv(command, src, other, force=True), "申报文件，不能用导出的内容覆盖")
    refused(capsys, argv(command, src, out / "new.qdesk", force=True), ".qdesk")
    wal = src.doc.with_name(src.doc.name + "-wal")
    refused(capsys, argv(command, src, wal, force=True), "配套文件")
    assert files(out) == before
    assert not wal.exists()


@pytest.mark.parametrize("command", DOCUMENTS)
def test_an_application_open_in_qualitydesk_is_never_replaced(capsys, src, tmp_path, command):
    target = old_target(command, src, tmp_path / "out")
    before = target.read_bytes()
    with Document.open(target) as doc:  # as if open in the desktop program
        assert not doc.read_only
        refused(capsys, argv(command, src, target, force=True), "正由 QualityDesk", "不能替换")
        assert doc.narrative("4.1.2") == NARRATIVE
    assert target.read_bytes() == before
    assert sorted(files(tmp_path / "out")) == [target.name]


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_file_is_replaced_only_with_force(capsys, src, tmp_path, command):
    out = tmp_path / "out"
    target = old_target(command, src, out)
    before = files(out)
    refused(capsys, argv(command, src, target), "已存在；如要替换，请加 --force")
    assert files(out) == before
    code, _, err = run(capsys, argv(command, src, target, force=True))
    assert (code, err) == (0, "")
    assert sorted(files(out)) == [target.name]  # replaced in place: nothing left beside it
    assert target.read_bytes() != before[target.name]
    if command == "dump":
        assert json.loads(target.read_text("utf-8"))["format"] == "qualitydesk"
    elif command == "export":
        assert target.read_bytes().startswith(b"%PDF-")
    else:
        with Document.open(target, read_only=True) as doc:
            assert doc.award_id == {"demo": "suzhou-mayor"}.get(command, "sip")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_folder_is_said_not_a_traceback(capsys, src, tmp_path, command):
    target = tmp_path / "无此文件夹" / target_name(command)
    refused(capsys, argv(command, src, target), "文件夹", "不存在", "请先建立该文件夹")
    assert not target.parent.exists()


# --- a full disk, injected --------------------------------------------------------------------


def disk_full_on_write(monkeypatch) -> None:
    """os.write writes a little, then finds the disk full (as a real one does, part-way)."""
    real = os.write
    room = [512]

    def write(fd: int, data: bytes) -> int:
        if room[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        written = real(fd, bytes(data[: room[0]]))
        room[0] -= written
        return written

    monkeypatch.setattr(os, "write", write)


def disk_full_in_sqlite(monkeypatch) -> None:
    """Every new SQLite connection may grow to 4 pages only: SQLite's own SQLITE_FULL."""
    real = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.execute("PRAGMA max_page_count = 4")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_leaves_the_old_file_and_nothing_else(
    capsys, src, tmp_path, monkeypatch, command
):
    out = tmp_path / "out"
    target = old_target(command, src, out)
    before = files(out)
    args = argv(command, src, target, force=True)
    if command in OUTPUTS:
        disk_full_on_write(monkeypatch)
    else:
        disk_full_in_sqlite(monkeypatch)
    refused(capsys, args, "磁盘空间不足", "原有文件未改动", "请腾出磁盘空间")
    monkeypatch.undo()
    assert files(out) == before


def test_a_full_disk_for_a_new_file_leaves_nothing(capsys, src, tmp_path, monkeypatch):
    disk_full_on_write(monkeypatch)
    refused(capsys, argv("dump", src, tmp_path / "out" / "a.json"), "磁盘空间不足", "没有留下")
    monkeypatch.undo()
    assert files(tmp_path / "out") == {}


# --- a read-only folder, injected -------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_that_refuses_writing_is_said(capsys, src, tmp_path, monkeypatch, command):
    """Where the system lets nothing be created (EACCES, as a protected share does)."""
    out = tmp_path / "out"
    target = old_target(command, src, out)
    before = files(out)

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    refused(capsys, argv(command, src, target, force=True), "没有写入权限", "原有文件未改动")
    monkeypatch.undo()
    assert files(out) == before


# --- 另存为 -----------------------------------------------------------------------------------


@pytest.fixture
def opened(src) -> Iterator[Document]:
    with Document.open(src.doc) as doc:
        yield doc


def test_save_as_refuses_the_document_itself(opened):
    before = opened.path.read_bytes()
    with pytest.raises(WriteError, match="这是申报文件本身"):
        opened.save_copy(opened.path, force=True)
    assert opened.path.read_bytes() == before


def test_save_as_replaces_only_with_force_and_never_an_open_file(opened, tmp_path):
    target = Path(shutil.copy(opened.path, tmp_path / "out" / "副本.qdesk"))
    opened.set_narrative("4.1.2", "另存时尚未保存的修改")
    with pytest.raises(DocumentError, match="已存在"):
        opened.save_copy(target)
    with Document.open(target), pytest.raises(WriteError, match="正由 QualityDesk"):
        opened.save_copy(target, force=True)
    assert opened.save_copy(target, force=True) == target
    with Document.open(target, read_only=True) as copy:
        assert copy.narrative("4.1.2") == "另存时尚未保存的修改"
    assert sorted(files(tmp_path / "out")) == ["副本.qdesk"]


def test_save_as_into_a_missing_folder_is_said(opened, tmp_path):
    with pytest.raises(WriteError, match="不存在"):
        opened.save_copy(tmp_path / "无此文件夹" / "副本.qdesk")


def test_save_as_on_a_full_disk_leaves_the_old_copy(opened, tmp_path, monkeypatch):
    out = tmp_path / "out"
    target = Path(shutil.copy(opened.path, out / "副本.qdesk"))
    before = files(out)
    disk_full_in_sqlite(monkeypatch)
    with pytest.raises(WriteError, match=r"磁盘空间不足.*原有文件未改动"):
        opened.save_copy(target, force=True)
    monkeypatch.undo()
    assert files(out) == before


def test_save_as_in_the_window_refuses_the_open_file(qtbot, forms, tmp_path, src):
    from qualitydesk.ui.settings import Settings
    from tests.helpers.gui import RecordingMessages, open_window

    messages = RecordingMessages()
    window = open_window(qtbot, forms, Settings(tmp_path / "settings"), messages)
    try:
        assert window.open_path(src.doc)
        before = src.doc.read_bytes()
        messages.files.append(str(src.doc))  # the dialog asked "替换?" and the user said yes
        window.save_as()
        kind, title, text = messages.shown[-1]
        assert (kind, title) == ("critical", "无法另存")
        assert "这是申报文件本身" in text
        assert window.view.doc.path == src.doc
        assert src.doc.read_bytes() == before
        other = Path(shutil.copy(src.doc, tmp_path / "out" / "旧副本.qdesk"))
        messages.files.append(str(other))  # an existing copy: the dialog asked, user said yes
        window.save_as()
        assert window.view.doc.path == other
        assert not window.view.doc.read_only
    finally:
        window.close_document()


# --- for real: a small full tmpfs, and a read-only one ----------------------------------------

MS_RDONLY, MS_REMOUNT, MNT_DETACH = 1, 32, 2


class Mount:
    """A small tmpfs mounted at ``path`` (Linux, with the right to mount), for one test."""

    def __init__(self, path: Path, size_kb: int) -> None:
        self.path = path
        path.mkdir()
        self.libc = ctypes.CDLL(None, use_errno=True)
        options = f"size={size_kb}k,mode=0777".encode()
        if self.libc.mount(b"tmpfs", bytes(path), b"tmpfs", 0, options) != 0:
            reason = os.strerror(ctypes.get_errno())
            pytest.skip(f"cannot mount a tmpfs here ({reason}); the injected cases still run")

    def read_only(self) -> None:
        flags = MS_REMOUNT | MS_RDONLY
        if self.libc.mount(b"tmpfs", bytes(self.path), b"tmpfs", flags, None) != 0:
            pytest.skip(f"cannot make the tmpfs read-only ({os.strerror(ctypes.get_errno())})")

    def fill(self, leave: int = 8 * 1024) -> None:
        """Fill the disk, then free ``leave`` bytes: room for a temporary name, not a file."""
        free = shutil.disk_usage(self.path).free
        (self.path / "filler").write_bytes(b"\0" * max(free - leave, 0))
        assert shutil.disk_usage(self.path).free <= leave

    def unmount(self) -> None:
        self.libc.umount2(bytes(self.path), MNT_DETACH)


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Mount]:
    if not sys.platform.startswith("linux"):
        pytest.skip("a real small disk is made with a Linux tmpfs; the injected cases still run")
    mount = Mount(tmp_path / "disk", 256)
    yield mount
    mount.unmount()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_really_full_disk(capsys, src, small_disk, command):
    target = old_target(command, src, small_disk.path)
    small_disk.fill()
    before = files(small_disk.path)
    refused(capsys, argv(command, src, target, force=True), "磁盘空间不足", "原有文件未改动")
    assert files(small_disk.path) == before


def test_save_as_onto_a_really_full_disk(opened, small_disk):
    target = Path(shutil.copy(opened.path, small_disk.path / "副本.qdesk"))
    small_disk.fill()
    before = files(small_disk.path)
    with pytest.raises(WriteError, match="磁盘空间不足"):
        opened.save_copy(target, force=True)
    assert files(small_disk.path) == before


class ReadOnlyFolder:
    """A folder that cannot be written: a read-only tmpfs for root (who writes through
    permission bits), a folder without write permission for anyone else.
    """

    def __init__(self, tmp_path: Path) -> None:
        if sys.platform == "win32":
            pytest.skip("folder permissions are ACLs on Windows; the injected case still runs")
        self.mount = Mount(tmp_path / "disk", 256) if os.geteuid() == 0 else None
        self.path = self.mount.path if self.mount else tmp_path / "read-only"
        self.path.mkdir(exist_ok=True)

    def seal(self) -> None:
        if self.mount:
            self.mount.read_only()
        else:
            self.path.chmod(0o555)

    def release(self) -> None:
        if self.mount:
            self.mount.unmount()
        else:
            self.path.chmod(0o755)


@pytest.fixture
def read_only_folder(tmp_path) -> Iterator[ReadOnlyFolder]:
    folder = ReadOnlyFolder(tmp_path)
    yield folder
    folder.release()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_really_read_only_folder(capsys, src, read_only_folder, command):
    target = old_target(command, src, read_only_folder.path)
    read_only_folder.seal()
    before = files(read_only_folder.path)
    refused(capsys, argv(command, src, target, force=True), "没有写入权限", "请换一个可写的文件夹")
    assert files(read_only_folder.path) == before
