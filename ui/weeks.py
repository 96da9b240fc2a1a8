"""How the window names a training week, in the chart's hover text and the plan checks."""

from __future__ import annotations

from datetime import date, timedelta

from planner.document.model import Season
from ui.session_text import MONTH_NAMES


def week_label(start: date, season: Season) -> str:
    """"Week 12 · 21–27 Dec", "Week 13 · 28 Dec – 3 Jan"."""
    end = start + timedelta(days=6)
    first, last = MONTH_NAMES[start.month - 1][:3], MONTH_NAMES[end.month - 1][:3]
    span = f"{start.day}–{end.day} {last}" if start.month == end.month else f"{start.day} {first} – {end.day} {last}"
    return f"Week {season.week_number(start)} · {span}"
