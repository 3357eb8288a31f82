"""The Python sources shiboken6 reads at each import, read but not kept.

shiboken6 looks at every module imported after it to learn whether the module uses PySide6 (for
its ``__feature__`` switches, PYSIDE-2029): it reads the module's source with
``inspect.getsource``, and ``linecache`` keeps every line it read for the life of the process —
8 MB of text for QualityDesk's modules and their libraries, about 20 MB of the desktop program's
resident memory. :func:`forget_read_sources` lets shiboken6 read and judge each module as
before, then drops the lines it added (a traceback reads a file again when it needs its lines).
A frozen build ships no sources: there shiboken6 finds none and nothing is kept anyway.
"""

from __future__ import annotations

import importlib
import linecache
from collections.abc import Callable
from types import ModuleType

_CHECK = "_mod_uses_pyside"  # shibokensupport.feature's look at an imported module
_FORGETS = "_qualitydesk_forgets"


def forget_read_sources() -> bool:
    """Make shiboken6's look at each newly imported module leave ``linecache`` as it found it;
    whether that is in place (False with a PySide6 that does not read sources so).
    """
    import PySide6  # noqa: F401  (loads shiboken6, which provides shibokensupport)

    try:
        feature = importlib.import_module("shibokensupport.feature")
    except ImportError:
        return False
    check = getattr(feature, _CHECK, None)
    if not callable(check):
        return False
    if not getattr(check, _FORGETS, False):
        setattr(feature, _CHECK, _forgetting(check))
        _forget_files()  # what it read before: the modules imported since PySide6
    return True


def _forget_files() -> None:
    """Drop the lines ``linecache`` holds of files it can read again (those with a time of
    modification; lines registered by a program, which it could not, stay).
    """
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)


def _forgetting(check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        known = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in set(linecache.cache) - known:  # a copy: another thread may import
                linecache.cache.pop(name, None)

    setattr(uses_pyside, _FORGETS, True)
    return uses_pyside
