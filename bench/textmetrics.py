"""How long the text counts take on a 60,000-character self-assessment report with tables.

Target: under 2 ms per count, so the editor can recount on every pause in typing. The report is
Markdown with paragraphs, mixed Latin and numbers, and a table every few paragraphs; what is
counted is its text as :func:`qualitydesk.domain.textmetrics.narrative` finds it (table cells
included), as the editor's live counter and the 检查 step count it. Each count is of the text
with one more character typed into a line in its middle, as the counter sees it while the user
types. For information: the first count of the text (no line counted before, as when a
narrative is opened) and reading the Markdown itself (done on opening and checking, not while
typing).
Run: .venv/bin/python bench/textmetrics.py
"""

from __future__ import annotations

import itertools
import re
import statistics
import time
from collections.abc import Callable

from qualitydesk.domain import textmetrics
from qualitydesk.domain.textmetrics import count, narrative

PARAGRAPH = (
    "公司坚持“质量第一、顾客至上”的方针，2024年通过ISO 9001:2015再认证；营业收入同比增长12.5%。"
    "高层领导每季度主持经营分析会，对照战略目标（见表4.2.3-1）评审关键绩效指标，"
    "并通过QC小组、六西格玛项目和合理化建议推动改进与创新。\n\n"
)
TABLE = (
    "| 指标 | 2023年 | 2024年 | 2025年 | 标杆 |\n|---|---|---|---|---|\n"
    "| 一次交检合格率（%） | 98.62 | 99.05 | 99.46 | 99.50 |\n"
    "| 外部质量损失率（%） | 0.41 | 0.32 | 0.24 | 0.18 |\n"
    "| 配合间隙 | 2–4μm | 2–4μm | 2–3μm | Cpk≥1.33 |\n\n"
)
TARGET_MS = 2.0


def report_markdown(size: int = 60_000) -> str:
    """A narrative of at least ``size`` characters of text: three paragraphs, then a table, each
    paragraph and table row numbered (no two lines alike, as in a real report).
    """
    chunk = PARAGRAPH * 3 + TABLE
    numbered = itertools.count(1)
    return re.sub(
        r"^(\| )?(?=公司|一次|外部|配合)",
        lambda found: f"{found.group(0)}{next(numbered)}",
        chunk * (2 * size // len(chunk) + 1),  # markup is less than half of it
        flags=re.MULTILINE,
    )


def report(size: int = 60_000) -> str:
    """The counted text of that narrative, ``size`` characters of it."""
    return narrative(report_markdown(size)).text[:size]


def typed_into(text: str, keys: int) -> list[str]:
    """``text`` after each of ``keys`` characters typed at the end of a line in its middle."""
    at = text.index("\n", len(text) // 2)
    return [text[:at] + "质" * typed + text[at:] for typed in range(1, keys + 1)]


def first_count(text: str) -> float:
    """Milliseconds to count ``text`` with no line of it counted before (a narrative opened)."""
    textmetrics._piece_counts.cache_clear()  # the kept counts
    start = time.perf_counter()
    count(text)
    return (time.perf_counter() - start) * 1000


def timed(work: Callable[[], object], repeat: int) -> list[float]:
    work()  # warm the regex caches and imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    text = report()
    count(text)  # the narrative as opened: every line counted once
    keys = iter(typed_into(text, 301))
    times = timed(lambda: count(next(keys)), 300)
    first = statistics.median(first_count(text) for _ in range(10))
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95)]
    counts = count(text)
    markdown = report_markdown(len(text))
    found = narrative(markdown)
    parse = statistics.median(timed(lambda: narrative(markdown), 10))
    print(
        f"text                     {len(text):,} characters "
        f"({counts.hanzi:,} 汉字, {counts.words:,} 字, {found.tables} tables)"
    )
    print(f"count, median            {median:.3f} ms  (one more character typed each time)")
    print(f"count, 95th percentile   {p95:.3f} ms")
    print(f"target                   < {TARGET_MS} ms  {'ok' if median < TARGET_MS else 'MISSED'}")
    print(f"first count              {first:.3f} ms  (no line counted before: a narrative opened)")
    print(f"reading the Markdown     {parse:.1f} ms ({len(markdown):,} characters, not per key)")


if __name__ == "__main__":
    main()
