"""What the bundled fonts and the system's fallback faces can print, known without reportlab.

The check before an export (:mod:`.preflight`) asks only which characters some font has. The
answer is read from the bundled fonts' ``cmap`` tables (:func:`~.fontscan.read_faces`): the same
code points reportlab finds when it registers them (:class:`~.fonts.FontSet`), without loading
9 MB of fonts into reportlab — some 20 MB of the desktop program's memory, for a check that runs
while it is idle.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from qualitydesk import fontfiles
from qualitydesk.export import fallback
from qualitydesk.export.fontscan import read_faces


@functools.cache
def bundled() -> frozenset[int]:
    """The code points some bundled font has a glyph for (:attr:`FontSet.union`)."""
    codes: set[int] = set()
    for name in fontfiles.ALL:  # fonts.py's faces (that module imports reportlab)
        with resources.as_file(fontfiles.font_file(name)) as path:
            for face in read_faces(Path(path)):
                for first, last in zip(face.starts, face.ends, strict=True):
                    codes.update(range(first, last + 1))
    return frozenset(codes)


def covered(ch: str) -> bool:
    """Whether a bundled font or a fallback face of the system can print ``ch``
    (:meth:`FontSet.covered`).
    """
    return ord(ch) in bundled() or fallback.current().covered(ch)
