"""The desktop program (or any of our Python) run in a process of its own, as a user runs it."""

import os
import subprocess
import sys
from pathlib import Path


def run_offscreen(args: list[str], home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Python with ``args`` in a fresh process, as the desktop program runs: offscreen, with
    ``home`` as its data folder and ``env`` added; its output as text, whatever its exit code.
    """
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUALITYDESK_HOME": str(home), **env},
    )
