"""How long the text counts take on a 60,000-character self-assessment report.

Target: under 2 ms per count, so the editor can recount on every keystroke.
Run: .venv/bin/python bench/textmetrics.py
"""

from __future__ import annotations

import statistics
import time

from qualitydesk.domain.textmetrics import count

PARAGRAPH = (
    "公司坚持“质量第一、顾客至上”的方针，2024年通过ISO 9001:2015再认证；营业收入同比增长12.5%。"
    "高层领导每季度主持经营分析会，对照战略目标（见表4.2.3-1）评审关键绩效指标，"
    "并通过QC小组、六西格玛项目和合理化建议推动改进与创新。\n"
)
TARGET_MS = 2.0


def report(size: int = 60_000) -> str:
    return (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]


def time_count(text: str, repeat: int = 300) -> list[float]:
    count(text)  # warm the regex caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        count(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    text = report()
    times = time_count(text)
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95)]
    counts = count(text)
    print(
        f"text                     {len(text):,} characters "
        f"({counts.hanzi:,} 汉字, {counts.words:,} 字)"
    )
    print(f"count, median            {median:.3f} ms")
    print(f"count, 95th percentile   {p95:.3f} ms")
    print(f"target                   < {TARGET_MS} ms  {'ok' if median < TARGET_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
