"""The .qdesk opener with randomly corrupted files: it opens cleanly or says why, naming the file.

tests/store/test_opening.py overwrites random byte ranges and cuts a file at one third; here the
damage is of other kinds — single bits flipped, cuts at any length, whole pages swapped, and a
-wal (and -shm) file left beside a good file by a crash, then corrupted. Each example works on its
own copy in its own folder, so no other connection can hold a lock (no busy-timeout waits).

After an open that succeeds the file passes ``quick_check`` and everything reads (or reading
raises DocumentError); it closes and opens again just as well. A refusal is a DocumentError whose
message starts with the path. Nothing else may escape, and no lock file is left behind.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qualitydesk.store import interchange
from qualitydesk.store.document import Document, DocumentError
from tests.hardening.conftest import fill, new_document
from tests.hardening.fuzz import fuzz_settings

PAGE = 4096
VERSIONS = 5
WAL_HEADER, FRAME_HEADER = 32, 24


@pytest.fixture(scope="module")
def crashed(tmp_path_factory) -> Path:
    """A folder holding a .qdesk and its -wal as a killed process leaves them.

    The file was checkpointed after :func:`fill`; the -wal holds five later saves of 4.1.2.
    """
    work = tmp_path_factory.mktemp("crash-work") / "small.qdesk"
    snapshot = tmp_path_factory.mktemp("crash-snapshot")
    with new_document(work) as doc:
        fill(doc)
    with Document.open(work) as doc:
        for n in range(1, VERSIONS + 1):
            doc.set_narrative("4.1.2", f"版本 {n} " + "高层领导" * (300 * n))
            doc.save()
        for suffix in ("", "-wal"):
            shutil.copy(f"{work}{suffix}", snapshot / f"small.qdesk{suffix}")
    return snapshot / "small.qdesk"


def expected_narratives() -> set[str]:
    return {""} | {f"版本 {n} " + "高层领导" * (300 * n) for n in range(1, VERSIONS + 1)}


def open_and_read(path: Path, *, read_only: bool = False) -> str | None:
    """Open ``path``; return 4.1.2's text, or None when the opener refused with a good message."""
    try:
        doc = Document.open(path, read_only=read_only)
    except DocumentError as exc:
        refusal = str(exc)
    else:
        refusal = ""
    if refusal:
        assert refusal.startswith(str(path)), refusal
        assert not Path(f"{path}.lock").exists(), "a failed open left its lock file"
        return None
    try:
        assert doc.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        narrative = doc.narrative("4.1.2")
        _read_everything(doc)
    finally:
        doc.close()
    assert not Path(f"{path}.lock").exists()
    with Document.open(path, read_only=True) as again:  # opening did not damage it
        assert again.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert again.narrative("4.1.2") == narrative
    return narrative


def _read_everything(doc: Document) -> None:
    """Every table, every attachment's bytes, the history: read, or DocumentError saying why."""
    failure = ""
    try:
        interchange.dump(doc)
    except DocumentError as exc:
        failure = str(exc) or "a DocumentError without a message"
    assert "without a message" not in failure


def with_copy(
    source: Path, damage: Callable[[Path], None], *, read_only: bool = False
) -> str | None:
    """Copy ``source`` (and its -wal) into a fresh folder, damage the copy, open it."""
    with tempfile.TemporaryDirectory(prefix="qdesk-corrupt-") as folder:
        path = Path(folder) / source.name
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{source}{suffix}").exists():
                shutil.copy(f"{source}{suffix}", f"{path}{suffix}")
        damage(path)
        return open_and_read(path, read_only=read_only)


def _edit(path: Path, change: Callable[[bytearray], bytes]) -> None:
    path.write_bytes(change(bytearray(path.read_bytes())))


def _flip(flips: list[tuple[int, int]]) -> Callable[[bytearray], bytes]:
    def change(data: bytearray) -> bytes:
        for position, bit in flips:
            data[position % len(data)] ^= 1 << bit
        return bytes(data)

    return change


def _swap(swaps: list[tuple[int, int]], unit: int, start: int = 0) -> Callable[[bytearray], bytes]:
    """Exchange whole units (pages, WAL frames) counted from ``start``."""

    def change(data: bytearray) -> bytes:
        count = (len(data) - start) // unit
        if count < 2:
            return bytes(data)
        for a, b in swaps:
            i, j = start + (a % count) * unit, start + (b % count) * unit
            data[i : i + unit], data[j : j + unit] = data[j : j + unit], data[i : i + unit]
        return bytes(data)

    return change


FLIPS = st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 7)), min_size=1, max_size=8)
SWAPS = st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999)), min_size=1, max_size=4)


@fuzz_settings(150)
@given(flips=FLIPS, read_only=st.booleans())
def test_flipped_bits(small_file, flips, read_only):
    with_copy(small_file, lambda p: _edit(p, _flip(flips)), read_only=read_only)


@fuzz_settings(60)
@given(keep=st.floats(0, 1, exclude_max=True), read_only=st.booleans())
def test_cut_at_any_length(small_file, keep, read_only):
    def cut(path: Path) -> None:
        _edit(path, lambda data: bytes(data[: int(len(data) * keep)]))

    with_copy(small_file, cut, read_only=read_only)


@fuzz_settings(100)
@given(swaps=SWAPS, seed=st.integers(0, 2**16))
def test_pages_swapped_or_shuffled(small_file, swaps, seed):
    def shuffle(path: Path) -> None:
        if seed % 4 == 0:  # every page after the first in a random order
            data = path.read_bytes()
            pages = [data[i : i + PAGE] for i in range(PAGE, len(data), PAGE)]
            random.Random(seed).shuffle(pages)
            path.write_bytes(data[:PAGE] + b"".join(pages))
        else:
            _edit(path, _swap(swaps, PAGE))

    with_copy(small_file, shuffle)


def test_the_crash_snapshot_recovers_the_last_save(crashed):
    assert with_copy(crashed, lambda p: None) == max(expected_narratives(), key=len)


WAL_DAMAGE = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["flip", "cut", "swap", "junk", "shm", "foreign"]),
        "flips": FLIPS,
        "swaps": SWAPS,
        "keep": st.floats(0, 1),
        "junk": st.binary(min_size=1, max_size=PAGE),
    }
)


@fuzz_settings(150)
@given(damage=WAL_DAMAGE)
def test_a_corrupted_wal_beside_a_good_file(crashed, small_file, damage):
    def corrupt(path: Path) -> None:
        wal, kind = Path(f"{path}-wal"), damage["kind"]
        if kind == "flip":
            _edit(wal, _flip(damage["flips"]))
        elif kind == "cut":
            _edit(wal, lambda data: bytes(data[: int(len(data) * damage["keep"])]))
        elif kind == "swap":
            _edit(wal, _swap(damage["swaps"], FRAME_HEADER + PAGE, WAL_HEADER))
        elif kind == "junk":
            _edit(wal, lambda data: bytes(data) + damage["junk"])
        elif kind == "shm":
            Path(f"{path}-shm").write_bytes(damage["junk"] * (32768 // len(damage["junk"]) + 1))
        else:  # beside another file: SQLite cannot tell, the pages may not fit
            shutil.copy(small_file, path)

    narrative = with_copy(crashed, corrupt)
    if damage["kind"] != "foreign":  # a good file always opens: at its last intact save
        assert narrative in expected_narratives()
