"""No data loss, proved: a writer killed with SIGKILL at random moments, 50 times."""

import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from qualitydesk.store.document import Document

WRITER = textwrap.dedent("""
    import sys

    import sqlite_utils  # imported by the first save: before "ready", so the kills land on saves
    from qualitydesk.store.document import Document
    from qualitydesk.store.records import Score

    doc = Document.open(sys.argv[1])
    n = int(doc.field("compliance_note") or 0)
    print("ready", flush=True)
    while True:
        n += 1
        doc.set_field("compliance_note", str(n))
        doc.set_narrative("4.%d.2" % (n % 6 + 1), f"第 {n} 次保存。" + "过程管理" * (n % 50))
        doc.set_score("4.7.%d" % (n % 6 + 2), Score(5 * (n % 21)))
        doc.save()
        print(n, flush=True)  # reported only once save() has returned
""")

pytestmark = [
    pytest.mark.slow,  # a writer killed at random moments, many times over
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def test_killed_writer_never_loses_a_saved_change_or_corrupts_the_file(new_doc):
    doc = new_doc()
    path = doc.path
    doc.close()
    rng = random.Random(19580)
    rounds_with_saves = 0
    for _round in range(50):
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        ) as writer:
            assert writer.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.15))
            writer.send_signal(signal.SIGKILL)
            reported = [int(line) for line in writer.stdout.read().split() if line.isdigit()]
        with Document.open(path) as check:
            assert not check.read_only  # the dead writer's lock does not block us
            assert check.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            saved = int(check.field("compliance_note") or 0)
            if reported:
                rounds_with_saves += 1
                assert saved >= reported[-1]
                last = reported[-1]
                assert f"第 {saved} 次保存" in check.narrative(f"4.{saved % 6 + 1}.2")
                assert saved <= last + 1  # at most the one save in flight when killed
    assert rounds_with_saves >= 40  # the kills landed while saves were going on
