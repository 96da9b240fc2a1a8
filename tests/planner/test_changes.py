"""What an edit changed (planner.document.changes): the flags and the athletes and days named,
and that an athlete left out really keeps the plan they had."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest

from planner.document import edits
from planner.document.changes import Changes, changes_between, everything
from planner.document.demo import demo_season
from planner.document.model import Season
from planner.engine.freeze import settle
from planner.engine.generator import generate


@pytest.fixture(scope="module")
def season() -> Season:
    return demo_season()


def days(first: date, count: int) -> frozenset[date]:
    return frozenset(first + timedelta(days=n) for n in range(count))


def test_the_same_season_changes_nothing_and_keeps_who_asked(season: Season) -> None:
    changes = changes_between(season, season, initiator="calendar")
    assert not changes
    assert changes == Changes(initiator="calendar")


def test_moving_a_meet_names_its_athletes_and_both_its_days(season: Season) -> None:
    moved = edits.move_competition(season, "comp-3", date(2027, 2, 20))  # Indoor Grand Prix: ath-2, ath-1
    changes = changes_between(season, moved)
    assert changes.athletes == {"ath-1", "ath-2"}
    assert changes.dates == {date(2027, 2, 6), date(2027, 2, 20)}
    assert changes.competitions
    assert not (changes.roster or changes.settings or changes.notes)
    assert changes.plan_of("ath-1") and not changes.plan_of("ath-3")


def test_a_meet_for_the_whole_squad_names_every_athlete(season: Season) -> None:
    moved = edits.move_competition(season, "comp-10", date(2027, 8, 6))
    changes = changes_between(season, moved)
    assert changes.athletes == {a.id for a in season.athletes}
    assert changes.dates == days(date(2027, 7, 23), 3) | days(date(2027, 8, 6), 3)


def test_changing_who_enters_names_those_leaving_and_those_joining(season: Season) -> None:
    changed = edits.change_competition(season, "comp-5", athletes=("ath-4",))  # was ath-2 only
    assert changes_between(season, changed).athletes == {"ath-2", "ath-4"}


def test_a_note_changes_its_day_and_no_plan(season: Season) -> None:
    noted = edits.add_note(season, text="Physio", day=date(2027, 3, 2), athlete_id="ath-3")
    changes = changes_between(season, noted)
    assert changes.notes and changes.dates == {date(2027, 3, 2)}
    assert changes.athletes == frozenset()
    assert changes.on(date(2027, 3, 2)) and not changes.on(date(2027, 3, 3))
    assert not (changes.competitions or changes.roster or changes.settings)


def test_an_athletes_record_changes_the_roster_and_their_plan_only(season: Season) -> None:
    renamed = edits.change_athlete(season, "ath-4", name="Ana Ruiz")
    changes = changes_between(season, renamed)
    assert changes.roster and changes.athletes == {"ath-4"}
    added = edits.add_athlete(season, name="New Runner", event=season.athletes[0].event, sex=season.athletes[0].sex,
                              level=season.athletes[0].level, junior=False, body_mass=60.0)
    assert changes_between(season, added).athletes == {added.athletes[-1].id}
    removed = edits.remove_athlete(season, "ath-5")
    assert "ath-5" in changes_between(season, removed).athletes


def test_the_seasons_dates_re_plan_everyone_its_name_nobody(season: Season) -> None:
    longer = edits.change_season(season, last_day=season.last_day + timedelta(days=7))
    changes = changes_between(season, longer)
    assert changes.settings and changes.athletes == {a.id for a in season.athletes}
    assert changes.on(date(2026, 12, 1))
    renamed = changes_between(season, edits.change_season(season, name="Another season"))
    assert renamed.settings and renamed.athletes == frozenset() and renamed.dates == frozenset()


def test_an_override_names_its_athlete_and_day(season: Season) -> None:
    plan = generate(season, "ath-2")
    day = next(d for d in plan.days if d.sessions and d.date.month == 11)
    session = day.sessions[0]
    edited = edits.set_override(season, athlete_id="ath-2", day=day.date, kind=session.kind, session=None,
                                replaced=session)
    changes = changes_between(season, edited)
    assert changes.athletes == {"ath-2"} and changes.dates == {day.date}
    assert changes_between(edited, season) == changes  # an undo names the same


def test_another_document_changes_everything(season: Season) -> None:
    other = season._replace(id=uuid4())
    changes = changes_between(season, other, initiator="open")
    assert changes == everything(season, other, "open")
    assert changes.roster and changes.competitions and changes.settings and changes.notes
    assert changes.athletes == {a.id for a in season.athletes}


@pytest.mark.parametrize(
    ("competition_id", "day"),
    [("comp-3", date(2027, 2, 20)), ("comp-9", date(2027, 6, 26)), ("comp-1", date(2027, 1, 9))],
)
def test_athletes_left_out_keep_their_plan(season: Season, competition_id: str, day: date) -> None:
    moved = edits.move_competition(season, competition_id, day)
    changes = changes_between(season, moved)
    for athlete in season.athletes:
        if not changes.plan_of(athlete.id):
            assert generate(moved, athlete.id) == generate(season, athlete.id), athlete.id


def test_a_record_names_its_day_and_only_its_athlete(season: Season) -> None:
    day = date(2026, 12, 1)
    planned = next(s for s in generate(season, "ath-1").days if s.date == day).sessions[-1]
    recorded = edits.mark_missed(season, "ath-1", day, planned.kind, planned)
    changes = changes_between(season, recorded)
    assert changes.records and changes.dates == {day}
    # The record feeds the athlete's load figures and checks, nobody else's.
    assert changes.athletes == {"ath-1"}
    assert not (changes.competitions or changes.roster or changes.settings or changes.notes)
    removed = edits.remove_record(recorded, "ath-1", day, planned.kind)
    assert changes_between(recorded, removed).dates == {day}


def test_a_second_copy_of_a_note_names_its_day_when_added_and_removed(season: Season) -> None:
    once = edits.add_note(season, text="Physio", day=date(2027, 4, 5), athlete_id="ath-1")
    twice = edits.add_note(once, text="Physio", day=date(2027, 4, 5), athlete_id="ath-1")
    assert changes_between(once, twice).dates == {date(2027, 4, 5)}
    assert changes_between(twice, once).dates == {date(2027, 4, 5)}


def test_a_dismissed_max_proposal_names_its_athletes_plan(season: Season) -> None:
    dismissed = edits.dismiss_max_proposal(season, "ath-2", lift="back_squat", day=date(2026, 12, 1), value=170.0)
    changes = changes_between(season, dismissed)
    assert changes.athletes == frozenset({"ath-2"}) and changes.dates == frozenset()
    assert changes_between(dismissed, season).athletes == frozenset({"ath-2"})


def test_keeping_the_past_names_the_days_kept_and_every_athlete(season: Season) -> None:
    today = date(2026, 11, 27)
    settled = settle(season, today)
    changes = changes_between(season, settled)
    assert changes.athletes == {a.id for a in season.athletes}
    assert changes.dates == days(season.first_day, (today - season.first_day).days)
    assert not (changes.records or changes.competitions or changes.roster or changes.settings or changes.notes)
    # A day recorded after today is kept on its own: only that day is named.
    ahead = date(2026, 12, 3)
    assert changes_between(settled, settle(settled, today, [("ath-2", ahead)])).dates == {ahead}
