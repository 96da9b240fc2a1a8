"""Benchmark: session cards as PDF.

Budget (issue: printing): the cards for a squad of 12 for the whole demo season take at most
2 times what reportlab alone needs for the same number of pages with tables of the same rows,
columns and font (``bench_pdf_baseline.py``); the squad's cards for one week take under half
a second. Imports and font registration are done before the clocks start, in both. The cards
are timed from the season document (plans generated inside), the baseline from plans ready
made. Prints the figures; run with ``python tests/benchmarks/bench_pdf.py``.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable

from bench_pdf_baseline import build_baseline, matched_extra_pages, register_font  # type: ignore[import-not-found]

from planner.document.demo import demo_season
from planner.document.model import Season
from planner.engine.generator import generate
from planner.export.pdf.cards import write_cards
from planner.export.pdf.fonts import register_fonts
from planner.export.print_selection import PrintSelection

RATIO_BUDGET = 2.0
WEEK_BUDGET_S = 0.5
SEASON_RUNS = 3
WEEK_RUNS = 15
WEEK = 11


def squad_season() -> Season:
    """The demo season with its squad grown to 12: copies of the five athletes, entered in the
    same competitions as the athlete they copy."""
    demo = demo_season()
    athletes = list(demo.athletes)
    copies: dict[str, list[str]] = {}
    number = demo.next_athlete_number
    while len(athletes) < 12:
        template = demo.athletes[len(athletes) % len(demo.athletes)]
        copy_id = f"ath-{number}"
        athletes.append(template._replace(id=copy_id, name=f"{template.name} {number}"))
        copies.setdefault(template.id, []).append(copy_id)
        number += 1
    competitions = tuple(
        c if c.athletes is None
        else c._replace(athletes=(*c.athletes, *(i for a in c.athletes for i in copies.get(a, ()))))
        for c in demo.competitions
    )
    return demo._replace(
        athletes=tuple(athletes), competitions=competitions,
        next_athlete_number=number)


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    register_fonts()
    register_font()
    season = squad_season()
    ids = tuple(a.id for a in season.athletes)
    whole = PrintSelection(ids, 1, season.week_count)
    plans = [generate(season, athlete_id) for athlete_id in ids]
    pages = write_cards(season, whole, io.BytesIO())  # also warms the rule book and font metrics
    extra = matched_extra_pages(season, plans, pages)
    baseline_pages = build_baseline(season, plans, extra)

    # Alternating runs, so a busy machine slows both sides of each pair alike.
    cards_times, baseline_times = [], []
    for _ in range(SEASON_RUNS):
        cards_times.append(timed(lambda: write_cards(season, whole, io.BytesIO())))
        baseline_times.append(timed(lambda: build_baseline(season, plans, extra)))
    # Per page: the baseline sets no week to fit its page, so its weeks may run to more pages
    # than the cards' (padding evens the counts only the other way).
    per_page = baseline_pages / pages
    ratio = statistics.median(c / b * per_page for c, b in zip(cards_times, baseline_times, strict=True))
    cards, baseline = statistics.median(cards_times), statistics.median(baseline_times)
    week = [timed(lambda: write_cards(season, PrintSelection(ids, WEEK, WEEK), io.BytesIO()))
            for _ in range(WEEK_RUNS)]
    week_median = statistics.median(week)

    print(f"squad of {len(ids)}, {season.week_count} weeks: {pages} card pages, baseline {baseline_pages} pages")
    print(f"  cards, whole season        {cards:7.2f} s   ({cards / pages * 1000:.1f} ms a page)")
    print(f"  reportlab alone (baseline) {baseline:7.2f} s   ({baseline / baseline_pages * 1000:.1f} ms a page)")
    verdict = "ok" if ratio <= RATIO_BUDGET else "OVER"
    print(f"  ratio a page (median of {SEASON_RUNS} pairs) {ratio:5.2f}   budget {RATIO_BUDGET:.1f}   {verdict}")
    verdict = "ok" if week_median < WEEK_BUDGET_S else "OVER"
    print(f"  squad's cards for one week {week_median:7.3f} s   budget {WEEK_BUDGET_S:.1f} s   {verdict} "
          f"(median of {WEEK_RUNS}, max {max(week):.3f} s)")
    ok = ratio <= RATIO_BUDGET and week_median < WEEK_BUDGET_S
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
