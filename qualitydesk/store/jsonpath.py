"""Where in a JSON document a value is, written as users read it: ``$.scores["4.4.2"].pct``.

Kept apart from :mod:`qualitydesk.store.dumpschema` so that the size checks can name places
without loading the schema library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def json_path(loc: Iterable[int | str]) -> str:
    """``$.history[3].at``; keys that are not plain names in brackets: ``$.scores["4.4.2"]``."""
    path = "$"
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _IDENTIFIER.fullmatch(part):
            path += f".{part}"
        else:
            path += f"[{json.dumps(part, ensure_ascii=False)}]"
    return path
