"""The week-by-week summary of a season with records: planned against done, week by week."""

from __future__ import annotations

from datetime import date

from planner.document import edits
from planner.document.demo import demo_season
from planner.engine.freeze import settle
from planner.engine.generator import generate
from planner.export.summary import format_summary


def test_the_summary_sets_what_was_done_against_the_plan_in_recorded_weeks() -> None:
    season = settle(demo_season(), date(2026, 11, 20))
    plan = generate(season, "ath-1")
    week = [s for d in plan.days if date(2026, 11, 9) <= d.date < date(2026, 11, 16) for s in d.sessions]
    for session in week:
        mark = edits.mark_missed if session.date == date(2026, 11, 12) else edits.mark_done_as_planned
        season = mark(season, "ath-1", session.date, session.kind, session)
    plan = generate(season, "ath-1")

    lines = format_summary(plan, season, date(2026, 11, 20)).splitlines()

    # 9-15 November: seven sessions; Thursday's, Romanian deadlifts 3 x 8 at 62.5 kg (1500 kg of
    # the week's 6750 kg), missed: 5250 kg done, 78 %.
    at = next(i for i, line in enumerate(lines) if line.startswith("  6 2026-11-09"))
    assert lines[at + 2].strip() == (
        "done 6 of 7 (1 missed); VL 5250 of 6750 kg (78 %); contacts 96 of 96 (100 %); near plan"
    )
    assert not any(line.strip().startswith("done") for line in lines[: at])
    assert format_summary(plan) == format_summary(generate(demo_season(), "ath-1"))
