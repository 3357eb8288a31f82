"""The programs a test may run: the virtual environment's, and the system's base tools.

``make test`` runs the suite with ``PATH`` set to the venv's ``bin`` and a folder this script fills
with links to the commands of Debian's *Essential* packages (coreutils, bash, grep, sed, tar …),
which every Debian machine has. A test that calls a program someone installed by hand
(a PDF or office tool, say) then fails here as it would on a fresh machine.

On a system without dpkg the folder links a fixed list of POSIX base commands instead.
Usage: ``python tests/helpers/tools_path.py FOLDER``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

BIN_DIRS = ("/bin/", "/usr/bin/", "/sbin/", "/usr/sbin/")
POSIX_BASE = [
    "sh",
    "bash",
    "env",
    "cat",
    "cp",
    "mv",
    "rm",
    "ln",
    "ls",
    "mkdir",
    "rmdir",
    "chmod",
    "touch",
    "echo",
    "printf",
    "test",
    "true",
    "false",
    "sed",
    "grep",
    "find",
    "sort",
    "uniq",
    "head",
    "tail",
    "wc",
    "tr",
    "cut",
    "tee",
    "xargs",
    "date",
    "sleep",
    "uname",
    "id",
    "dirname",
    "basename",
    "readlink",
    "realpath",
    "tar",
    "gzip",
    "diff",
    "cmp",
]


def base_programs() -> dict[str, Path]:
    """Command name → program, for the commands every machine of this kind has."""
    if shutil.which("dpkg-query") is None:
        found = {name: shutil.which(name) for name in POSIX_BASE}
        return {name: Path(path) for name, path in found.items() if path}
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f=${Essential} ${Package}\\n"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    essential = [line.split()[1] for line in listing.splitlines() if line.startswith("yes ")]
    files = subprocess.run(
        ["dpkg-query", "-L", *essential], capture_output=True, text=True, check=True
    ).stdout
    programs: dict[str, Path] = {}
    for line in files.splitlines():
        path = Path(line)
        if line.startswith(BIN_DIRS) and path.is_file() and os.access(path, os.X_OK):
            programs.setdefault(path.name, path)
    return programs


def fill(folder: Path) -> None:
    """Make ``folder`` hold links to the base programs, and nothing else."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, program in base_programs().items():
        (folder / name).symlink_to(program)


if __name__ == "__main__":
    fill(Path(sys.argv[1]))
