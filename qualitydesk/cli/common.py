"""What the commands share: exit codes, usage errors, the parser's error, JSON output, opening."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qualitydesk.store.document import Document

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2

# --force: commands never replace an existing file without it (DESIGN.md, 命令行).
REPLACE_DOCUMENT = "替换已存在的同名文件（正在 QualityDesk 中打开的文件不会被替换）"
REPLACE_OUTPUT = "替换已存在的同名文件（申报文件本身和其他 .qdesk 文件从不会被替换）"


class UsageError(Exception):
    """Bad input from the command line: reported in one line, exit 2."""


def emit(data: Any) -> None:
    """Print ``data`` as indented JSON, Chinese as it is (``--json``)."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def open_read_only(path: str) -> Document:
    """Open for reading only: no writer lock, so the file can stay open for editing in the
    desktop program meanwhile, and one consistent snapshot of it for the whole command.
    """
    from qualitydesk.store.document import Document

    return Document.open(path, read_only=True)
