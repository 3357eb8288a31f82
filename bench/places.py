"""How long the division table takes to load, and an address to parse.

Targets: loading under 50 ms (it happens on first use, never at start-up), a parse under 1 ms.
Run: .venv/bin/python bench/places.py
"""

from __future__ import annotations

import statistics
import time

from qualitydesk.domain import places

ADDRESSES = (
    "中国（江苏）自由贸易试验区苏州片区苏州工业园区星湖街328号",
    "江苏省苏州市相城区元和街道嘉元路959号",
    "上海市黄浦区太仓路100号",
    "太仓市城厢镇县府街1号",
    "鼓楼区中山路1号",
)
LOAD_MS, PARSE_MS = 50.0, 1.0


def time_load(repeat: int = 10) -> list[float]:
    times = []
    for _ in range(repeat):
        places._table.cache_clear()
        start = time.perf_counter()
        places._table()
        times.append((time.perf_counter() - start) * 1000)
    return times


def time_first_use(repeat: int = 10) -> list[float]:
    """Load, then the first parse (which builds the names readable at each step it takes)."""
    times = []
    for _ in range(repeat):
        places._table.cache_clear()
        start = time.perf_counter()
        places.parse_address(ADDRESSES[0])
        times.append((time.perf_counter() - start) * 1000)
    return times


def time_parse(repeat: int = 2000) -> list[float]:
    places._table()
    times = []
    for n in range(repeat):
        address = ADDRESSES[n % len(ADDRESSES)]
        start = time.perf_counter()
        places.parse_address(address)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    load = statistics.median(time_load())
    first = statistics.median(time_first_use())
    parse = time_parse()
    median = statistics.median(parse)
    p95 = sorted(parse)[int(len(parse) * 0.95)]
    print(f"divisions                {len(places.divisions()):,}")
    print(
        f"load, median             {load:.1f} ms   target < {LOAD_MS:.0f} ms  "
        f"{'ok' if load < LOAD_MS else 'MISSED'}"
    )
    print(
        f"load + first parse       {first:.1f} ms   target < {LOAD_MS:.0f} ms  "
        f"{'ok' if first < LOAD_MS else 'MISSED'}"
    )
    print(f"parse, median            {median * 1000:.1f} µs")
    print(
        f"parse, 95th percentile   {p95 * 1000:.1f} µs   target < {PARSE_MS:.0f} ms  "
        f"{'ok' if p95 < PARSE_MS else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
