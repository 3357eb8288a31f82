"""The JSON loader fed mutated dumps: success or a clear error, never a crash or half a file.

Each example takes the dump of a small complete document and applies a few mutations at random
places — a key dropped, a value of another type, random values, random Unicode, random base64,
a structure cut short, an unknown key. ``interchange.load`` must then either write a document
that opens cleanly, or raise InterchangeError/DocumentError with a message and leave nothing.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qualitydesk.store import interchange
from qualitydesk.store.document import Document, DocumentError

Path_ = tuple[str | int, ...]

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
BASE64 = st.one_of(
    st.binary(max_size=64).map(lambda b: base64.b64encode(b).decode("ascii")),
    st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n -_",
        max_size=40,
    ),
)
UNICODE = st.text(st.characters(codec="utf-8"), max_size=40)


@pytest.fixture(scope="module")
def seed(small_file) -> dict[str, Any]:
    with Document.open(small_file, read_only=True) as doc:
        return interchange.dump(doc)


def paths(node: Any, prefix: Path_ = ()) -> list[Path_]:
    """Every place in the structure, the root excluded."""
    found: list[Path_] = []
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        found.append((*prefix, key))
        found.extend(paths(child, (*prefix, key)))
    return found


def _parent(data: Any, path: Path_) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _retype(value: Any) -> Any:
    """The same content in another JSON type."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return 0


def _truncate(value: Any, keep: int) -> Any:
    if isinstance(value, list):
        return value[:keep]
    if isinstance(value, dict):
        return dict(list(value.items())[:keep])
    if isinstance(value, str):
        return value[:keep]
    return value


OPERATIONS = ("drop", "retype", "random", "unicode", "base64", "truncate", "extra")
# One mutation: where (taken modulo the number of places), what, and the material it may use.
MUTATION = st.tuples(
    st.integers(0, 10**6),
    st.sampled_from(OPERATIONS),
    JSON_VALUES,
    UNICODE,
    BASE64,
    st.integers(0, 3),
)
MUTATIONS = st.lists(MUTATION, min_size=1, max_size=4)


def mutate(seed: dict[str, Any], mutations: list[tuple[Any, ...]]) -> dict[str, Any]:
    """A copy of ``seed`` with the mutations applied, one after the other."""
    data = copy.deepcopy(seed)
    for where, operation, value, text, encoded, keep in copy.deepcopy(mutations):
        places = paths(data)
        if not places:
            break
        path = places[where % len(places)]
        parent, key = _parent(data, path), path[-1]
        if operation == "drop":
            del parent[key]
        elif operation == "retype":
            parent[key] = _retype(parent[key])
        elif operation == "random":
            parent[key] = value
        elif operation == "unicode":
            parent[key] = text
        elif operation == "base64":
            parent[key] = encoded
        elif operation == "truncate":
            parent[key] = _truncate(parent[key], keep)
        elif isinstance(parent, dict):
            parent[text] = value
    return data


def _attempt(data: Any, forms) -> None:
    with tempfile.TemporaryDirectory(prefix="qdesk-mutation-") as folder:
        target = Path(folder) / "loaded.qdesk"
        failure: DocumentError | None = None
        try:
            interchange.load(data, target, forms, source="mutated.json")
        except DocumentError as exc:  # InterchangeError is one
            failure = exc
        if failure is not None:
            assert str(failure), "an error without a message"
            assert sorted(p.name for p in Path(folder).iterdir()) == [], "a half-written file"
            return
        with Document.open(target) as doc:  # what was written opens and reads completely
            assert doc.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            json.dumps(interchange.dump(doc), ensure_ascii=False)
        assert sorted(p.name for p in Path(folder).iterdir()) == ["loaded.qdesk"]


def test_the_unmutated_seed_loads(seed, forms):
    _attempt(seed, forms)


# The hypothesis functions are nested so a falsifying example prints the mutations, not the
# fixtures (the forms' repr alone is large enough for hypothesis to warn, and warnings fail).


def test_mutated_dumps_load_or_are_refused_cleanly(seed, forms):
    @settings(max_examples=150, deadline=None)
    @given(mutations=MUTATIONS)
    def mutated_dump(mutations):
        _attempt(mutate(seed, mutations), forms)

    mutated_dump()


def test_arbitrary_json_is_refused_cleanly(forms):
    @settings(max_examples=40, deadline=None)
    @given(value=JSON_VALUES)
    def arbitrary_json(value):
        _attempt(value, forms)

    arbitrary_json()


def test_attachment_data_as_random_base64(seed, forms):
    @settings(max_examples=60, deadline=None)
    @given(encoded=BASE64, consistent=st.booleans())
    def random_base64(encoded, consistent):
        dumped = copy.deepcopy(seed)
        attachment = dumped["attachments"][0]
        attachment["data"] = encoded
        if consistent:  # size and checksum to match, so the write path runs too
            try:
                blob = base64.b64decode(encoded, validate=True)
            except ValueError:
                blob = None
            if blob is not None:
                attachment["sha256"] = hashlib.sha256(blob).hexdigest()
                attachment["size"] = len(blob)
        _attempt(dumped, forms)

    random_base64()
