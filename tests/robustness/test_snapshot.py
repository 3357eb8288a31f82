"""Read-only commands take no writer lock and read one consistent snapshot.

A GUI user keeps editing while a script runs ``dump``, ``export``, ``check``, ``score`` or
``history``: the commands succeed, never block or disturb the editor, leave nothing beside the
file, and never mix two saved states in one output.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from qualitydesk import cli
from qualitydesk.export import pdf
from qualitydesk.store import interchange, schema
from qualitydesk.store.document import Document
from qualitydesk.store.lock import lock_path

DUMPS = 30
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)

# Saves as fast as it can until the stop file appears. Each round writes the same counter into a
# field, a narrative (and so the history) and an attachment caption, in one transaction: a
# consistent reader sees one counter everywhere.
EDITOR = textwrap.dedent("""
    import os, sys
    from qualitydesk.store.document import Document

    doc = Document.open(sys.argv[1])
    assert not doc.read_only, doc.read_only_reason
    attachment = doc.attachments()[0].id
    n = 0
    while not os.path.exists(sys.argv[2]):
        n += 1
        with doc.db.atomic():  # one transaction around the caption and the save
            doc.update_attachment(attachment, caption=f"第{n}版")
            doc.set_field("org_name", f"第{n}版")
            doc.set_narrative("4.1.2", f"第{n}版")
            doc.save()
        if n == 1:
            print("saving", flush=True)
    doc.close()
    print(n, flush=True)
""")


@pytest.fixture
def app(tmp_path: Path) -> Path:
    path = tmp_path / "申报.qdesk"
    with Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
        org_name="第0版",
    ) as doc:
        doc.add_attachment(PNG, "营业执照.png", caption="第0版")
        doc.set_narrative("4.1.2", "第0版")
    return path


def _versions(dump: dict) -> set[str]:
    """Every counter the dump shows; one when it is one saved state."""
    narrative_history = [h for h in dump["history"] if h["key"] == "4.1.2"]
    return {
        dump["fields"]["org_name"],
        dump["narratives"]["4.1.2"],
        dump["attachments"][0]["caption"],
        narrative_history[-1]["value"],
    }


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dump_during_editing_is_always_one_saved_state(app, tmp_path, capsys):
    stop = tmp_path / "stop"
    editor = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(app), str(stop)], stdout=subprocess.PIPE, text=True
    )
    seen = []
    try:
        assert editor.stdout is not None
        assert editor.stdout.readline().strip() == "saving"
        for i in range(DUMPS):
            out = tmp_path / f"dump{i}.json"
            assert _run(capsys, "dump", str(app), "-o", str(out))[0] == 0
            seen.append(_versions(json.loads(out.read_text("utf-8"))))
    finally:
        stop.touch()
        saves = int(editor.communicate(timeout=30)[0].strip())
    mixed = [versions for versions in seen if len(versions) != 1]
    assert not mixed, f"{len(mixed)} of {DUMPS} dumps mixed two states: {mixed[:3]}"
    assert saves > DUMPS  # the editor really kept saving during the dumps
    assert len({min(v) for v in seen}) > 1
    assert not lock_path(app).exists()
    assert sorted(p.name for p in app.parent.iterdir() if p.name.startswith(app.name)) == [app.name]


@pytest.fixture
def editing(app):
    """The desktop program's document: open for writing, holding the writer lock."""
    with Document.open(app) as doc:
        assert not doc.read_only
        yield doc


@pytest.mark.parametrize(
    ("argv", "codes"),
    [
        pytest.param(["dump", "{app}", "-o", "{out}.json"], {0}, id="dump"),
        pytest.param(["export", "{app}", "-o", "{out}.pdf"], {0}, id="export"),
        pytest.param(["check", "{app}", "--json"], {0, 1}, id="check"),
        pytest.param(["score", "{app}", "--json"], {0}, id="score"),
        pytest.param(["history", "{app}", "--json"], {0}, id="history"),
    ],
)
def test_read_commands_work_while_the_file_is_open_for_editing(
    editing, tmp_path, capsys, argv, codes
):
    app, lock = editing.path, lock_path(editing.path)
    held = lock.read_bytes()
    args = [a.format(app=app, out=tmp_path / "out") for a in argv]
    editing.set_field("org_name", "命令运行前的修改")
    editing.save()
    code, _, err = _run(capsys, *args)
    assert code in codes, err
    assert err == ""
    assert lock.read_bytes() == held  # the editor's lock, untouched
    editing.set_field("org_name", "命令运行后的修改")
    editing.save()  # the editor was not blocked
    if argv[0] == "dump":
        assert json.loads(Path(args[-1]).read_text("utf-8"))["fields"]["org_name"] == (
            "命令运行前的修改"
        )


@pytest.mark.parametrize("command", ["dump", "export"])
def test_the_file_can_be_opened_for_editing_while_a_command_reads_it(
    app, tmp_path, capsys, monkeypatch, command
):
    opened_meanwhile = []

    def open_for_editing() -> None:
        with Document.open(app) as doc:
            opened_meanwhile.append(doc.read_only_reason)
            doc.set_field("org_name", "导出期间的修改")
            doc.save()

    def hooked(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            open_for_editing()  # while the command has the file open
            return real(*args, **kwargs)

        return call

    if command == "dump":
        monkeypatch.setattr(interchange, "dumps", hooked(interchange.dumps))
    else:
        monkeypatch.setattr(pdf, "export_pdf", hooked(pdf.export_pdf))
    out = tmp_path / f"out.{'json' if command == 'dump' else 'pdf'}"
    code, _, err = _run(capsys, command, str(app), "-o", str(out))
    assert code == 0, err
    assert opened_meanwhile == [""]  # writable: the command held no lock
    if command == "dump":  # and it read the state from before the edit
        assert json.loads(out.read_text("utf-8"))["fields"]["org_name"] == "第0版"
    with Document.open(app, read_only=True) as doc:
        assert doc.field("org_name") == "导出期间的修改"


def test_read_commands_leave_nothing_beside_the_file(app, tmp_path, capsys):
    before = sorted(p.name for p in app.parent.iterdir())
    assert _run(capsys, "dump", str(app), "-o", str(tmp_path / "a.json"))[0] == 0
    assert _run(capsys, "export", str(app), "-o", str(tmp_path / "a.pdf"))[0] == 0
    assert _run(capsys, "check", str(app))[0] in (0, 1)
    assert _run(capsys, "score", str(app))[0] == 0
    assert _run(capsys, "history", str(app))[0] == 0
    after = sorted(p.name for p in app.parent.iterdir())
    assert sorted(set(after) - set(before)) == ["a.json", "a.pdf"]
    assert not any(re.search(r"-wal$|-shm$|\.lock$", name) for name in after)


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_a_file_of_an_older_format_is_read_without_being_upgraded(tmp_path, capsys, version):
    path = tmp_path / f"v{version}.qdesk"
    db = Database(sqlite3.connect(path), execute_plugins=False)
    schema.migrate(db, 0, version)
    meta = {"award": "sip", "framework": "gbt19580-2012", "year": "2025", "date": "2025-06-01"}
    db["meta"].insert_all([{"key": k, "value": v} for k, v in meta.items()])
    db["narratives"].insert({"item": "4.6.3", "text": "旧版本保存的改进与创新"})
    db.conn.commit()
    db.close()
    before = path.read_bytes()
    out = tmp_path / "old.json"
    code, _, err = _run(capsys, "dump", str(path), "-o", str(out))
    assert code == 0, err
    assert json.loads(out.read_text("utf-8"))["narratives"]["4.6.3"] == "旧版本保存的改进与创新"
    assert path.read_bytes() == before  # read from an upgraded copy in memory
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json", path.name]
