"""forms/ read once, then kept: the checked :class:`Forms` of a forms/ folder, stored in the user's
data folder and used again while nothing it was read from has changed.

Reading forms/ parses some twenty TOML files and checks every rule (a tenth of the desktop
program's start-up CPU); the stored copy loads in a millisecond. It is keyed by the *contents* of
every file under the folder (kept whole and compared, not file times: an edit within the
clock's tick must not be missed), the folder's place, the program's version and the code that
reads it, so a corrected forms/ file or a new program is read afresh. A copy that cannot be read
— damaged, from another Python — is read afresh and replaced; one that cannot be written (a
read-only data folder) is simply not kept. Only a forms/ that loads without a problem is kept:
a problem is reported on every start until fixed.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from qualitydesk import __version__
from qualitydesk.domain.forms.collection import Forms
from qualitydesk.folders import data_folder

CACHE_NAME = "forms-cache.pickle"
_CODE = Path(__file__).parent  # the models and the loader: a change of them reads forms/ afresh


def cache_path() -> Path:
    """Where the stored copy is kept: a file of the user's data folder."""
    return data_folder() / CACHE_NAME


def cached(root: Path, load: Callable[[], Forms]) -> Forms:
    """The Forms of ``root``: the stored copy while its key still matches, else ``load()`` (whose
    FormsError passes on), stored for next time.
    """
    key = _key(root)
    path = cache_path()
    try:
        with path.open("rb") as stored:
            found_key, forms = pickle.load(stored)  # our own file, in the user's data folder
        if found_key == key and isinstance(forms, Forms):
            return forms
    except Exception:  # any stored copy that does not load (damaged, another Python): afresh
        pass
    forms = load()
    _store(path, key, forms)
    return forms


def _key(root: Path) -> tuple[object, ...]:
    """What the stored copy must have been read from: every file under ``root`` (path and
    contents, some 200 kB), the folder itself, the program's version and the reading code's files.
    """
    files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    # The reading code is absent from a frozen bundle: there its version says.
    code = [(source.name, source.stat()) for source in sorted(_CODE.glob("*.py"))]
    return (
        str(root.resolve()),
        __version__,
        sys.version,
        tuple((path.relative_to(root).as_posix(), path.read_bytes()) for path in files),
        tuple((name, stat.st_size, stat.st_mtime_ns) for name, stat in code),
    )


def _store(path: Path, key: tuple[object, ...], forms: Forms) -> None:
    """Keep ``forms`` under ``key`` (written aside, then moved into place); never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".forms-cache-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((key, forms), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # not kept: the next start reads forms/ again
