"""Shared fixtures. Qt runs offscreen, and nothing touches the real home folder."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One throw-away home for the whole run: settings, recent files and logs land there.
_home = tempfile.mkdtemp(prefix="qualitydesk-test-home-")
os.environ["HOME"] = _home
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, ".config")
os.environ["XDG_DATA_HOME"] = os.path.join(_home, ".local", "share")
os.environ["XDG_CACHE_HOME"] = os.path.join(_home, ".cache")
os.environ["QUALITYDESK_HOME"] = os.path.join(_home, "qualitydesk")
os.environ.pop("QUALITYDESK_FORMS", None)

import pytest

from qualitydesk.domain.forms import Forms, load_forms


@pytest.fixture(scope="session")
def forms() -> Forms:
    return load_forms()
