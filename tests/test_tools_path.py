"""`make test` lets a test run only what `make test` installs, as on a fresh machine."""

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.helpers.tools_path import base_programs, fill

GUARDED = os.environ.get("QUALITYDESK_TEST_PATH")


def test_the_base_folder_holds_the_base_tools_only(tmp_path):
    folder = tmp_path / "path"
    fill(folder)
    names = {p.name for p in folder.iterdir()}
    assert {"sh", "cat", "grep", "sed", "tar"} <= names
    assert not names & {"libreoffice", "soffice", "git", "python3", "Xvfb", "xdotool"}
    assert set(base_programs()) == names


@pytest.mark.skipif(not GUARDED, reason="pytest was started by hand, not by `make test`")
def test_make_test_runs_the_suite_with_the_venv_and_base_tools_only():
    venv_bin = Path(sys.executable).parent
    entries = [Path(p) for p in os.environ["PATH"].split(os.pathsep) if p]
    assert entries == [venv_bin, Path(GUARDED)]
    assert shutil.which("soffice") is None  # LibreOffice: a program make test does not install
    assert shutil.which("python") == str(venv_bin / "python")
