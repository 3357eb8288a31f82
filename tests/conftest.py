"""Shared fixtures. Qt runs offscreen, and nothing touches the real home folder."""

import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One throw-away home for the whole run: settings, recent files and logs land there.
_home = tempfile.mkdtemp(prefix="qualitydesk-test-home-")
os.environ["HOME"] = _home
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, ".config")
os.environ["XDG_DATA_HOME"] = os.path.join(_home, ".local", "share")
os.environ["XDG_CACHE_HOME"] = os.path.join(_home, ".cache")
os.environ["QUALITYDESK_HOME"] = os.path.join(_home, "qualitydesk")
os.environ.pop("QUALITYDESK_FORMS", None)
# No system font as a fallback for what the bundled fonts lack: the results would depend on the
# machine. Tests that want a fallback face build one and point this at its folder.
os.environ["QUALITYDESK_FONT_DIRS"] = ""

import pytest

from qualitydesk.domain.forms import Forms, load_forms
from qualitydesk.store.demo import build_demo

REPO_FORMS = Path(__file__).parents[1] / "forms"


@pytest.fixture(scope="session")
def forms() -> Forms:
    return load_forms()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory, forms):
    """The demo application, built once; tests copy it before changing anything."""
    path = tmp_path_factory.mktemp("demo-master") / "demo.qdesk"
    build_demo(path, forms).close()
    return path


# --- offline: no test may open a network socket ---------------------------------------------
from collections.abc import Iterator

from tests.helpers.offline import SocketGuard


@pytest.fixture(scope="session", autouse=True)
def network_guard() -> Iterator[SocketGuard]:
    """Socket creation and name resolution raise NetworkForbidden for the whole run.

    No socket family is allowed, AF_UNIX and socketpair included: nothing in the program or its
    tests needs one. Subprocesses are covered by tests/test_offline.py.
    """
    guard = SocketGuard()
    guard.install()
    yield guard
    guard.uninstall()


@pytest.fixture(autouse=True)
def _no_network_attempt(network_guard: SocketGuard) -> Iterator[None]:
    """Fails a test whose code tried to reach the network, even if it swallowed the error."""
    before = len(network_guard.attempts)
    yield
    tried = network_guard.attempts[before:]
    if tried:
        pytest.fail(f"tried to reach the network: {'; '.join(tried)}", pytrace=False)


@pytest.fixture
def broken(tmp_path):
    """A writable copy of forms/ and a helper to change one file in it."""
    root = tmp_path / "forms"
    shutil.copytree(REPO_FORMS, root)

    def edit(relative: str, old: str, new: str) -> Path:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return root

    return edit


# --- markers: gui is set here; slow is written on the tests (see pyproject.toml) ---------------
QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester"})
UI_TESTS = Path(__file__).parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks ``gui`` every test in tests/ui and every test that uses a Qt fixture.

    ``fixturenames`` holds the fixtures a test needs through others too (``demo_window`` brings
    ``qtbot``), so a helper fixture that opens a window marks its tests as well.
    """
    for item in items:
        uses_qt = QT_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if uses_qt or UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.gui)
