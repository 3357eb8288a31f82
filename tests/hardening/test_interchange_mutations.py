"""The JSON loader fed mutated dumps: success or a clear error, never a crash or half a file.

Each example takes the dump of a small complete document and applies a few mutations at random
places — a key dropped, a value of another type, random values (hostile ones among them: integers
beyond SQLite's 64 bits, NaN, Infinity, unpaired surrogates, deep nesting, bad timestamps), random
Unicode, random base64, a structure cut short, an unknown key. ``interchange.load`` must then
either write a document that opens cleanly, or raise InterchangeError/DocumentError with a message
and leave nothing. The text of the dump is mutated too (bytes cut, dropped, inserted, replaced)
and goes through ``read_json`` first, as ``qualitydesk load`` does.

Each property test runs its share of 200 examples in ``make test`` and 10,000 in ``make fuzz``
(:mod:`tests.hardening.fuzz`).
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
from hypothesis import given
from hypothesis import strategies as st

from qualitydesk.store import interchange
from qualitydesk.store.document import Document, DocumentError
from tests.hardening.fuzz import fuzz_settings

Path_ = tuple[str | int, ...]

EXAMPLES = 200  # in make test; make fuzz runs 10,000 of each


def _nested(depth: int) -> Any:
    value: Any = 0
    for _ in range(depth):
        value = [value]
    return value


HOSTILE = st.sampled_from(
    [
        2**63,
        -(2**63) - 1,
        10**30,
        float("nan"),
        float("inf"),
        float("-inf"),
        1e308,
        "a\ud800b",
        "\x00",
        "",
        " ",
        "2026-13-45T25:61:00+08:00",
        "2026-05-15T09:00:00",
        "../../etc/passwd",
        "9" * 30,
        _nested(60),
    ]
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.text(max_size=20)
    | HOSTILE,
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
    for mutation in mutations:
        # Each copied on its own: hypothesis may hand the same object to two mutations, and
        # placing one inside the other would make a cycle, which no JSON text can hold.
        where, operation, value, text, encoded, keep = copy.deepcopy(mutation)
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


def _attempt(data: Any, forms, text: bytes | None = None) -> None:
    """Load ``data`` (or the JSON ``text``, read as ``qualitydesk load`` reads it)."""
    with tempfile.TemporaryDirectory(prefix="qdesk-mutation-") as folder:
        target = Path(folder) / "loaded.qdesk"
        before = []
        failure: DocumentError | None = None
        try:
            if text is not None:
                source = Path(folder) / "mutated.json"
                source.write_bytes(text)
                before = [source.name]
                data = interchange.read_json(source)
            interchange.load(data, target, forms, source="mutated.json")
        except DocumentError as exc:  # InterchangeError is one
            failure = exc
        if failure is not None:
            _check_message(str(failure))
            assert sorted(p.name for p in Path(folder).iterdir()) == before, "a stray file"
            return
        with Document.open(target) as doc:  # what was written opens and reads completely
            assert doc.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            json.dumps(interchange.dump(doc), ensure_ascii=False)
            doc.history()  # every entry parses
            doc.scores(), doc.indicators(), [doc.limit(p) for p in ("report", "profile")]
        assert sorted(p.name for p in Path(folder).iterdir()) == sorted([*before, target.name])


def _check_message(message: str) -> None:
    assert message, "an error without a message"
    lines = message.splitlines()
    assert len(lines) <= 1 + interchange.MAX_SHOWN_PROBLEMS + 1, "more than 20 problems shown"
    for word in ("Traceback", "Error", "Input should", "pydantic", "\ud800"):
        assert word not in message, message


def test_the_unmutated_seed_loads(seed, forms):
    _attempt(seed, forms)


# The hypothesis functions are nested so a falsifying example prints the mutations, not the
# fixtures (the forms' repr alone is large enough for hypothesis to warn, and warnings fail).


def test_mutated_dumps_load_or_are_refused_cleanly(seed, forms):
    @fuzz_settings(EXAMPLES)
    @given(mutations=MUTATIONS)
    def mutated_dump(mutations):
        _attempt(mutate(seed, mutations), forms)

    mutated_dump()


def test_an_unpaired_surrogate_quoted_in_a_message(seed, forms):
    # Found by `make fuzz` at 10,000 examples: the message quoting the value could not be made.
    mutations = [
        (1, "retype", None, "", "", 0),
        (1, "retype", None, "", "", 0),
        (1, "random", "a\ud800b", "", "", 0),
    ]
    _attempt(mutate(seed, mutations), forms)


def test_arbitrary_json_is_refused_cleanly(forms):
    @fuzz_settings(round(EXAMPLES * 0.2))
    @given(value=JSON_VALUES)
    def arbitrary_json(value):
        _attempt(value, forms)

    arbitrary_json()


def test_attachment_data_as_random_base64(seed, forms):
    @fuzz_settings(round(EXAMPLES * 0.3))
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


# Mutations of the dump's text: (operation, where as a fraction of the length, length, bytes).
TEXT_MUTATION = st.tuples(
    st.sampled_from(("cut", "drop", "insert", "replace")),
    st.floats(0, 1),
    st.integers(1, 8),
    st.binary(min_size=1, max_size=8) | st.sampled_from([b"{", b"[", b'"', b"\\", b"\xff", b"NaN"]),
)


def mutate_text(text: bytes, mutations: list[tuple[str, float, int, bytes]]) -> bytes:
    for operation, where, length, material in mutations:
        at = int(where * len(text))
        if operation == "cut":
            text = text[:at]
        elif operation == "drop":
            text = text[:at] + text[at + length :]
        elif operation == "insert":
            text = text[:at] + material + text[at:]
        else:
            text = text[:at] + material + text[at + len(material) :]
    return text


def test_mutated_dump_text_loads_or_is_refused_cleanly(seed, forms):
    text = json.dumps(seed, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")

    @fuzz_settings(round(EXAMPLES * 0.5))
    @given(mutations=st.lists(TEXT_MUTATION, min_size=1, max_size=3))
    def mutated_text(mutations):
        _attempt(None, forms, text=mutate_text(text, mutations))

    mutated_text()
