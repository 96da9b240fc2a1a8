"""The status bar's sentence for days an edit kept as they were planned."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from builders import athlete, season
from hypothesis import given
from hypothesis import strategies as st

from planner.engine.freeze_text import day_runs, kept_days_notice, runs_text

ANA, BEN, CARA = "ath-1", "ath-2", "ath-3"
SQUAD = season(athletes=(athlete(ANA, name="Ana"), athlete(BEN, name="Ben"), athlete(CARA, name="Cara")))
TODAY = date(2026, 11, 27)


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(count)]


def test_nothing_kept_says_nothing() -> None:
    assert kept_days_notice(SQUAD, [], TODAY) == ""


def test_three_past_days_of_one_athlete_are_named_as_one_run() -> None:
    held = [(ANA, day) for day in days(date(2026, 11, 24), 3)]
    assert kept_days_notice(SQUAD, held, TODAY) == (
        "Kept 3 past days of Ana as planned (24–26 Nov); the change applies from today on."
    )


def test_one_day_is_singular_and_repeats_count_once() -> None:
    held = [(ANA, date(2026, 11, 25)), (ANA, date(2026, 11, 25))]
    assert kept_days_notice(SQUAD, held, TODAY) == (
        "Kept 1 past day of Ana as planned (25 Nov); the change applies from today on."
    )


def test_two_athletes_are_named_each_with_their_days_in_squad_order() -> None:
    held = [(BEN, date(2026, 11, 25)), (ANA, date(2026, 11, 20)), (ANA, date(2026, 11, 24)),
            (ANA, date(2026, 11, 25))]
    assert kept_days_notice(SQUAD, held, TODAY) == (
        "Kept 3 past days of Ana (20 Nov, 24–25 Nov) and 1 of Ben (25 Nov) as planned; "
        "the change applies from today on."
    )


def test_three_athletes_are_counted_with_the_days_of_all() -> None:
    held = [(a, day) for a in (ANA, BEN, CARA) for day in days(date(2026, 11, 30), 3)]
    assert kept_days_notice(SQUAD, held, TODAY.replace(month=12, day=5)) == (
        "Kept 9 past days of 3 athletes as planned (30 Nov–2 Dec); the change applies from today on."
    )


def test_a_day_from_today_on_is_kept_because_it_is_recorded_and_the_sentence_says_so() -> None:
    held = [(ANA, date(2026, 11, 26)), (ANA, TODAY)]
    assert kept_days_notice(SQUAD, held, TODAY) == (
        "Kept 2 recorded or past days of Ana as planned (26–27 Nov); the change applies to the other days."
    )


def test_an_athlete_no_longer_in_the_squad_is_named_by_id() -> None:
    assert kept_days_notice(SQUAD, [("ath-9", date(2026, 11, 2))], TODAY) == (
        "Kept 1 past day of ath-9 as planned (2 Nov); the change applies from today on."
    )


def test_runs_cross_months_and_years_and_many_runs_give_the_first_and_last_day() -> None:
    assert runs_text(days(date(2026, 12, 30), 4)) == "30 Dec–2 Jan"
    assert runs_text([date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]) == "2 Nov, 9 Nov, 16 Nov"
    four = [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16), date(2026, 12, 20)]
    assert runs_text(four) == "between 2 Nov and 20 Dec"


@given(st.sets(st.dates(date(2026, 9, 1), date(2027, 9, 1)), max_size=40))
def test_runs_hold_every_day_once_in_order_with_gaps_between_them(chosen: set[date]) -> None:
    runs = day_runs(chosen)
    covered = [first + timedelta(days=n) for first, last in runs for n in range((last - first).days + 1)]
    assert covered == sorted(chosen)
    assert all(a[1] + timedelta(days=1) < b[0] for a, b in pairwise(runs))
