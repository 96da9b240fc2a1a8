"""What gets printed: week ranges, date ranges, next week, athletes and the days of a card."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.document.demo import demo_season
from planner.document.model import Note, Season
from planner.engine.generator import generate
from planner.export.print_selection import (
    Paper,
    PrintSelection,
    SelectionError,
    check_athletes,
    next_week,
    notes_for,
    parse_day,
    parse_week_range,
    printed_days,
    week_competitions,
    week_dates,
    week_start,
    weeks_for_dates,
)

DEMO = demo_season()  # Monday 2026-10-05 to Sunday 2027-09-05, 48 weeks


def test_the_demo_season_numbers_its_weeks_from_its_first_monday() -> None:
    assert DEMO.week_count == 48
    assert week_start(DEMO, 1) == date(2026, 10, 5)
    assert week_start(DEMO, 11) == date(2026, 12, 14)
    assert week_dates(DEMO, 11) == tuple(date(2026, 12, 14) + timedelta(days=k) for k in range(7))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2-3", (2, 3)), ("7", (7, 7)), (" 2 - 3 ", (2, 3)), ("1-48", (1, 48)), ("48", (48, 48))],
)
def test_week_ranges_read_as_first_and_last_week(text: str, expected: tuple[int, int]) -> None:
    assert parse_week_range(text, 48) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5-2", "5-2: the first week comes after the last"),
        ("x", "'x' is not a week range such as 2-3 or 7"),
        ("2-", "'2-' is not a week range"),
        ("2..3", "is not a week range"),
        ("-3", "is not a week range"),
        ("0-2", "0-2: the season has weeks 1 to 48"),
        ("40-49", "40-49: the season has weeks 1 to 48"),
        ("", "is not a week range"),
    ],
)
def test_bad_week_ranges_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(SelectionError, match=message.replace(".", r"\.")):
        parse_week_range(text, 48)


def test_dates_are_iso_dates() -> None:
    assert parse_day("2027-01-11") == date(2027, 1, 11)
    with pytest.raises(SelectionError, match="'11/01/2027' is not a date such as 2027-01-11"):
        parse_day("11/01/2027")


def test_a_date_range_prints_the_whole_weeks_that_hold_it() -> None:
    # Wednesday of week 2 to Tuesday of week 4.
    assert weeks_for_dates(DEMO, date(2026, 10, 14), date(2026, 10, 27)) == (2, 4)
    assert weeks_for_dates(DEMO, date(2027, 1, 11), date(2027, 1, 17)) == (15, 15)
    # One end left open runs to the season's edge.
    assert weeks_for_dates(DEMO, date(2027, 8, 30), None) == (48, 48)
    assert weeks_for_dates(DEMO, None, date(2026, 10, 5)) == (1, 1)


def test_a_date_range_partly_outside_the_season_is_cut_to_it() -> None:
    assert weeks_for_dates(DEMO, date(2026, 9, 1), date(2026, 10, 12)) == (1, 2)


def test_bad_date_ranges_are_refused() -> None:
    with pytest.raises(SelectionError, match="2027-02-01 comes after 2027-01-01"):
        weeks_for_dates(DEMO, date(2027, 2, 1), date(2027, 1, 1))
    with pytest.raises(SelectionError, match="outside the season: the season runs from 2026-10-05 to 2027-09-05"):
        weeks_for_dates(DEMO, date(2020, 1, 1), date(2020, 2, 1))


@pytest.mark.parametrize(
    ("today", "week"),
    [
        (date(2026, 12, 11), 11),  # a Friday in week 10: the cards for Monday's week
        (date(2026, 12, 14), 12),  # a Monday: already in week 11, so next week is 12
        (date(2026, 7, 1), 1),  # before the season: its first week
        (date(2027, 9, 3), 48),  # the last week has no next week: still the last
        (date(2028, 1, 1), 48),  # after the season
    ],
)
def test_next_week_is_the_week_after_today(today: date, week: int) -> None:
    assert next_week(DEMO, today) == week


def test_the_first_and_last_week_may_be_short() -> None:
    # A season from Wednesday 2026-10-07 to Tuesday 2026-12-01, weeks starting on Monday.
    season = DEMO._replace(first_day=date(2026, 10, 7), last_day=date(2026, 12, 1), competitions=())
    assert week_dates(season, 1) == tuple(date(2026, 10, 7) + timedelta(days=k) for k in range(5))
    assert week_dates(season, season.week_count) == (date(2026, 11, 30), date(2026, 12, 1))


def test_athletes_default_to_the_squad_and_keep_the_order_given() -> None:
    assert check_athletes(DEMO, None) == ("ath-1", "ath-2", "ath-3", "ath-4", "ath-5")
    assert check_athletes(DEMO, []) == ("ath-1", "ath-2", "ath-3", "ath-4", "ath-5")
    assert check_athletes(DEMO, ["ath-3", "ath-1", "ath-3"]) == ("ath-3", "ath-1")


def test_an_unknown_athlete_is_named_with_the_ones_there_are() -> None:
    with pytest.raises(SelectionError, match=r"unknown athlete id 'ath-9' \(athletes in this season: ath-1, ath-2"):
        check_athletes(DEMO, ["ath-1", "ath-9"])
    empty = Season(id=DEMO.id, name="Empty", first_day=DEMO.first_day, last_day=DEMO.last_day)
    with pytest.raises(SelectionError, match="the season has no athletes"):
        check_athletes(empty, None)


def test_a_selection_lists_its_weeks() -> None:
    selection = PrintSelection(("ath-1",), 2, 4, Paper.A5)
    assert list(selection.weeks) == [2, 3, 4]
    assert PrintSelection(("ath-1",), 7, 7).paper is Paper.A4


def test_a5_prints_the_days_with_a_session_or_a_competition() -> None:
    plan = generate(DEMO, "ath-3")  # Zoë races the New Year Indoor Meeting on Saturday 23 January
    dates = week_dates(DEMO, 16)
    days = printed_days(plan, dates)
    assert [d.date for d in days] == [
        d.date for d in (plan.day(on) for on in dates) if d is not None and (d.sessions or d.competitions)
    ]
    assert date(2027, 1, 23) in [d.date for d in days]
    assert all(d.sessions or d.competitions for d in days)
    assert len(days) < 7  # her rest days are not printed


def test_a_week_lists_the_athletes_competitions_in_it() -> None:
    zoe = generate(DEMO, "ath-3")
    soren = generate(DEMO, "ath-2")
    assert [c.name for c in week_competitions(zoe, week_dates(DEMO, 16))] == ["New Year Indoor Meeting"]
    # Søren is not entered in that meeting.
    assert week_competitions(soren, week_dates(DEMO, 16)) == ()
    assert [c.name for c in week_competitions(soren, week_dates(DEMO, 21))] == ["Indoor Championships"]


def test_a_card_carries_the_notes_of_its_days_and_the_athletes_standing_notes() -> None:
    season = DEMO._replace(
        notes=(
            Note("Squad note on Tuesday", date(2026, 12, 15)),
            Note("Jonáš's note on Tuesday", date(2026, 12, 15), "ath-5"),
            Note("Zoë's standing note", None, "ath-3"),
            Note("A season note for the coach"),
            Note("Next week", date(2026, 12, 21)),
        ),
    )
    texts = [n.text for n in notes_for(season, "ath-3", week_dates(season, 11))]
    assert texts == ["Squad note on Tuesday", "Zoë's standing note"]
    texts = [n.text for n in notes_for(season, "ath-5", week_dates(season, 11))]
    assert texts == ["Squad note on Tuesday", "Jonáš's note on Tuesday"]
