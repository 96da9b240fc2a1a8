"""Baseline for ``bench_pdf.py``: what reportlab alone needs for pages like the session cards.

For every athlete-week of the benchmark squad it builds, with plain reportlab Platypus, the
tables a card has, with the same rows, the same columns and the same embedded font and size
(DejaVu Sans, 8.5 pt): the header, a row per rest day or competition, and per session its
title bar, its exercise table (a row per item; the card's prescription columns and two
write-in boxes per set) and its effort and notes lines, with a page break after each
athlete-week. The cells hold the same words and figures as plain strings: no warm-up
arithmetic, no wrapping, no fitting. Pages are padded with one table each, if needed, to
the card PDF's page count, so both time the same number of pages.

Run alone it prints the baseline's time for the squad's season; ``bench_pdf.py`` imports
``build_baseline`` and compares.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, PageBreak, SimpleDocTemplate, Table, TableStyle

from planner.document.model import Season
from planner.document.sessions import Session, SessionKind
from planner.engine.generator import generate
from planner.engine.plan import Plan
from planner.export.print_selection import notes_for, week_competitions, week_dates

FONT = "BaselineSans"
BOLD = "BaselineSans-Bold"
SIZE = 8.5
WIDTH = A4[0] - 20 * mm
_SET_COLUMNS = 4  # write-in pairs per row on A4, as on the cards


def register_font() -> None:
    """The same TrueType files the cards embed, registered under the baseline's own names."""
    fonts = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "DejaVuSans-Bold.ttf")))


_STYLE = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), SIZE),
    ("LEADING", (0, 0), (-1, -1), 10),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("GRID", (0, 0), (-1, -1), 0.4, "#9AA1AB"),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]


def _table(rows: list[list[str]]) -> Table:
    columns = len(rows[0])
    table = Table(rows, colWidths=[WIDTH / columns] * columns)
    table.setStyle(TableStyle(_STYLE))
    return table


Rows = list[list[str]]


def _session_tables(session: Session) -> list[Rows]:
    title = [[f"{session.date:%a %d %b} {session.title}", session.reason[:60]]]
    if session.kind is SessionKind.WEIGHTS:
        per_line = min(max(item.sets for item in session.items), _SET_COLUMNS)
        rows = [["Exercise", "Sets × reps", "% max", "kg", "Plates / side", "Rest"] + ["kg", "reps"] * per_line]
        for item in session.items:
            plates = " + ".join(f"{p:g}" for p in item.plates_per_side)
            percent = "" if item.percent_max is None else f"{item.percent_max:g} %"
            load = "" if item.load is None else f"{item.load:g}"
            rows.append([item.name, f"{item.sets} × {item.reps}", percent, load, plates, f"{item.rest_s}"]
                        + [""] * (2 * per_line))
        body = [[[f"Warm-up for {session.items[0].name}"]], rows]
    else:
        rows = [["Drill", "Sets × reps", "Contacts", "Intensity", "Rest", "Sets done"]]
        for item in session.items:
            intensity = "" if item.intensity is None else item.intensity.value
            rows.append([item.name, f"{item.sets} × {item.reps}", str(item.contacts), intensity, f"{item.rest_s}",
                         "☐" * item.sets])
        body = [rows]
    return [title, *body, [["Effort (0–10)", "", "Notes", ""], ["", "", "", ""]]]


def baseline_story(season: Season, plans: Sequence[Plan], extra_pages: int = 0) -> list[object]:
    """The baseline's flowables for every athlete-week of ``plans``, and ``extra_pages`` more."""
    story: list[object] = []
    longest: list[Rows] = []
    longest_items = 0
    for plan in plans:
        for week in plan.weeks:
            dates = week_dates(season, week.number)
            story += [
                _table([[plan.athlete.name, f"Week {week.number}"], [plan.athlete.event.value, str(week.start)]]),
                _table([[week.phase.value]]),
            ]
            competitions = week_competitions(plan, dates)
            if competitions:
                story.append(_table([[c.priority.value, c.name] for c in competitions]))
            notes = notes_for(season, plan.athlete.id, dates)
            if notes:
                story.append(_table([[n.text] for n in notes]))
            for offset in range(7):
                day = plan.day(week.start + timedelta(days=offset))
                if day is None:
                    continue
                if day.competitions:
                    story.append(_table([[f"{day.date:%a %d %b}", "Competition " + ", ".join(day.competitions)]]))
                elif not day.sessions:
                    story.append(_table([[f"{day.date:%a %d %b}", "Rest"]]))
                for session in day.sessions:
                    tables = _session_tables(session)
                    if len(session.items) > longest_items:
                        longest, longest_items = tables, len(session.items)
                    story.append(KeepTogether([_table(rows) for rows in tables]))
            story.append(PageBreak())
    # A card whose week cannot fit takes a second page; as many extra pages here, each with
    # the longest session, make the page counts equal.
    for _ in range(extra_pages):
        story += [*(_table(rows) for rows in longest), PageBreak()]
    story.pop()
    return story


def build_baseline(season: Season, plans: Sequence[Plan], extra_pages: int = 0) -> int:
    """Build the baseline PDF in memory; return its page count."""
    document = SimpleDocTemplate(io.BytesIO(), pagesize=A4, leftMargin=10 * mm, rightMargin=10 * mm,
                                 topMargin=10 * mm, bottomMargin=13 * mm, invariant=1, initialFontName=FONT)
    document.build(baseline_story(season, plans, extra_pages))
    return int(document.page)


def matched_extra_pages(season: Season, plans: Sequence[Plan], pages: int) -> int:
    """How many extra pages make the baseline as long as a PDF of ``pages`` pages."""
    return pages - build_baseline(season, plans)


def main() -> int:
    from bench_pdf import squad_season  # type: ignore[import-not-found]

    register_font()
    season = squad_season()
    plans = [generate(season, a.id) for a in season.athletes]
    build_baseline(season, plans[:1])
    times = []
    for _ in range(3):
        start = time.perf_counter()
        pages = build_baseline(season, plans)
        times.append(time.perf_counter() - start)
    print(f"baseline, reportlab alone: {pages} pages in {statistics.median(times):.2f} s (median of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
