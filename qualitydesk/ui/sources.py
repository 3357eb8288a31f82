"""shiboken6's look at each imported module, made cheap and leaving nothing behind.

shiboken6 looks at every module imported after it to learn whether the module uses PySide6 (for
its ``__feature__`` switches, PYSIDE-2029): it reads the module's source with
``inspect.getsource`` and searches it for "PySide6". That decodes and splits every file into
``linecache``, which keeps the lines for the life of the process: 8 MB of text for QualityDesk's
modules and their libraries (about 20 MB of the desktop program's resident memory) and a tenth
of the start-up's own CPU. :func:`judge_sources_cheaply` asks the same question of the file's
bytes; a module whose source is not a plain ``.py`` file goes to shiboken6's own look, whose
lines are then dropped (a traceback reads a file again when it needs its lines). A frozen build
ships no sources: there shiboken6 finds none and nothing is kept anyway.
"""

from __future__ import annotations

import importlib
import linecache
from collections.abc import Callable
from types import ModuleType

_CHECK = "_mod_uses_pyside"  # shibokensupport.feature's look at an imported module
_OURS = "_qualitydesk_judges"


def judge_sources_cheaply() -> bool:
    """Put the cheap look in place of shiboken6's (once); whether it is in place (False with a
    PySide6 that does not look at sources so).
    """
    import PySide6  # noqa: F401  (loads shiboken6, which provides shibokensupport)

    try:
        feature = importlib.import_module("shibokensupport.feature")
    except ImportError:
        return False
    check = getattr(feature, _CHECK, None)
    if not callable(check):
        return False
    if not getattr(check, _OURS, False):
        setattr(feature, _CHECK, _cheaply(check))
        _forget_files()  # what it read before: the modules imported since PySide6
    return True


def _forget_files() -> None:
    """Drop the lines ``linecache`` holds of files it can read again (those with a time of
    modification; lines registered by a program, which it could not, stay).
    """
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)


def _cheaply(check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb", buffering=0) as source:  # one read, no buffer
                    return b"PySide6" in source.read()
            except OSError:
                pass  # gone since the import: shiboken6 decides, as it would have
        known = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in set(linecache.cache) - known:  # a copy: another thread may import
                linecache.cache.pop(name, None)

    setattr(uses_pyside, _OURS, True)
    return uses_pyside
