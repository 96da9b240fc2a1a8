"""Benchmark: ``generate`` on a 48-week season with 10 competitions.

Budget (issue: the periodisation engine): one athlete at most 10 ms median, a squad of 12 at
most 100 ms median. Prints the figures; run with ``make bench``.
"""

from __future__ import annotations

import dataclasses
import gc
import statistics
import sys
import time
from collections.abc import Callable

from planner.document.demo import demo_season
from planner.document.model import Season
from planner.engine.generator import generate, generate_all

ONE_ATHLETE_BUDGET_MS = 10.0
SQUAD_BUDGET_MS = 100.0


def benchmark_season() -> Season:
    """The demo season cut to 10 competitions and grown to a squad of 12."""
    demo = demo_season()
    competitions = demo.competitions[:10]
    athletes = list(demo.athletes)
    number = demo.next_athlete_number
    while len(athletes) < 12:
        template = demo.athletes[len(athletes) % len(demo.athletes)]
        athletes.append(dataclasses.replace(template, id=f"ath-{number}", name=f"{template.name} {number}"))
        number += 1
    return dataclasses.replace(
        demo,
        athletes=tuple(athletes),
        competitions=tuple(
            dataclasses.replace(c, athletes=None) if c.athletes is not None else c for c in competitions
        ),
        next_athlete_number=number,
    )


def measure(run: Callable[[], object], repeats: int) -> list[float]:
    run()  # warm caches (rule book, catalogue) the way a running window has them
    times = []
    gc.collect()
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float], budget: float) -> bool:
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    ok = median <= budget
    print(f"{name:32} median {median:7.2f} ms   p95 {p95:7.2f} ms   budget {budget:6.1f} ms   {'ok' if ok else 'OVER'}")
    return ok


def main() -> int:
    season = benchmark_season()
    weeks = season.week_count
    print(f"season: {weeks} weeks, {len(season.competitions)} competitions, {len(season.athletes)} athletes")
    one = measure(lambda: generate(season, "ath-1"), 200)
    squad = measure(lambda: generate_all(season), 30)
    ok = report("generate, one athlete", one, ONE_ATHLETE_BUDGET_MS)
    ok = report("generate, squad of 12", squad, SQUAD_BUDGET_MS) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
