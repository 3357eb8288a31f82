"""Reading the files added on the 证实性材料 page, in a background job, chunk by chunk.

:func:`read_files` makes the job function; each file it reads (:class:`FileRead`) or cannot read
(:class:`FileProblem`) is handed on at once, so the GUI thread stores it while the next is read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qualitydesk.ui.jobs import JobCancelled, Report

CHUNK = 1024 * 1024


def fill_in(text: str, *values: object) -> str:
    """Replace %1, %2 … in a translated text (tr() has no arg() in Python)."""
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", str(value))
    return text


@dataclass(frozen=True)
class FileRead:
    """A file read in the background, to be stored by the GUI thread."""

    name: str
    data: bytes


@dataclass(frozen=True)
class FileProblem:
    """A file that was not read: ``kind`` is ``too-big``, ``unreadable`` or ``not-a-file``."""

    kind: str
    name: str
    detail: str = ""
    size: int = 0


def _sizes(paths: list[str]) -> dict[str, int]:
    found = {}
    for path in paths:
        try:
            if os.path.isfile(path):
                found[path] = os.path.getsize(path)
        except OSError:
            continue
    return found


def read_files(
    paths: list[str], limit: int, deliver: Callable[[object], None], message: str
) -> Callable[[Report], int]:
    """A job function reading ``paths`` in chunks and passing each to ``deliver``.

    Files over ``limit`` bytes are not read: a ``FileProblem`` is delivered instead, as for
    folders and unreadable files. ``message`` is the progress text with %1 (file name),
    %2 (its number) and %3 (how many). The function returns how many files it read.
    """

    def read(report: Report) -> int:
        known = _sizes(paths)
        total = sum(s for s in known.values() if s <= limit)
        progress = [0]  # bytes read so far, shared with read_one

        def read_one(path: str, text: str) -> FileRead | FileProblem:
            name = Path(path).name
            if path not in known:
                return FileProblem("not-a-file" if os.path.isdir(path) else "unreadable", name)
            if known[path] > limit:
                return FileProblem("too-big", name, size=known[path])
            chunks: list[bytes] = []
            try:
                with open(path, "rb") as f:
                    while chunk := f.read(CHUNK):
                        chunks.append(chunk)
                        progress[0] += len(chunk)
                        if not report(progress[0], total, text):
                            raise JobCancelled
            except OSError as exc:
                return FileProblem("unreadable", name, exc.strerror or "")
            return FileRead(name, b"".join(chunks))

        count = 0
        for number, path in enumerate(paths, 1):
            text = fill_in(message, Path(path).name, number, len(paths))
            if not report(progress[0], total, text):
                raise JobCancelled
            result = read_one(path, text)
            count += isinstance(result, FileRead)
            deliver(result)
        return count

    return read
