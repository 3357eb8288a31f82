"""The document file's speed: open the demo, save one field change, 1,000 coalesced edits, size.

Targets on this machine: open < 50 ms, one save < 5 ms.
Run: .venv/bin/python bench/store.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from qualitydesk.domain.forms import load_forms
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document

OPEN_TARGET_MS = 50.0
SAVE_TARGET_MS = 5.0


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.qdesk"
        build_demo(path, load_forms()).close()

        opens = []
        for _ in range(20):
            start = time.perf_counter()
            doc = Document.open(path)
            opens.append(_ms(start))
            doc.close()

        saves = []
        with Document.open(path) as doc:
            for i in range(50):
                doc.set_field("compliance_note", f"第 {i} 次修改")
                start = time.perf_counter()
                doc.save()
                saves.append(_ms(start))

            text = doc.narrative("4.1.2")
            start = time.perf_counter()
            for i in range(1000):
                doc.set_narrative("4.1.2", text + "补充" * (i % 7))
                doc.save()
            edits_ms = _ms(start)
            history_rows = len(doc.history("narrative", "4.1.2"))
        size = sum(p.stat().st_size for p in Path(folder).glob("demo.qdesk*"))

    open_ms, save_ms = statistics.median(opens), statistics.median(saves)
    print(
        f"open demo, median          {open_ms:8.2f} ms   target < {OPEN_TARGET_MS:g} ms  "
        f"{'ok' if open_ms < OPEN_TARGET_MS else 'MISSED'}"
    )
    print(
        f"save one field, median    {save_ms:8.2f} ms   target < {SAVE_TARGET_MS:g} ms  "
        f"{'ok' if save_ms < SAVE_TARGET_MS else 'MISSED'}"
    )
    print(
        f"1,000 coalesced edits     {edits_ms:8.1f} ms   ({edits_ms / 1000:.2f} ms each, "
        f"{history_rows} history entries)"
    )
    print(f"file size                 {size / 1024:8.0f} KB")


if __name__ == "__main__":
    main()
