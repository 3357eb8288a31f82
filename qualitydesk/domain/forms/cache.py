"""forms/ read once, then kept: the checked :class:`Forms` of a forms/ folder, stored in the user's
data folder and used again while nothing it was read from has changed.

Reading forms/ parses some twenty TOML files and checks every rule (a tenth of the desktop
program's start-up CPU); the stored copy loads in a millisecond. It is keyed by the *contents* of
every file under the folder (a hash, not file times: an edit within the clock's tick must not be
missed), the folder's place, the program's version and the code that reads it, so a corrected
forms/ file or a new program is read afresh. A copy that cannot be read — damaged, from another
Python — is read afresh and replaced; one that cannot be written (a read-only data folder) is
simply not kept. Only a forms/ that loads without a problem is kept: a problem is reported on
every start until fixed.
"""

from __future__ import annotations

import hashlib
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


def _key(root: Path) -> str:
    """What the stored copy must have been read from: every file under ``root`` (path and
    contents), the folder itself, the program's version and the reading code's files.
    """
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{root.resolve()}\0{__version__}\0{sys.version}\0".encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    for source in sorted(_CODE.glob("*.py")):  # absent from a frozen bundle: its version says
        stat = source.stat()
        digest.update(f"{source.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _store(path: Path, key: str, forms: Forms) -> None:
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
