"""Each edit: what it changes, what it refuses (and in which words), and that it is pure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from builders import pure, refused

from planner.document import edits
from planner.document.demo import demo_season
from planner.document.edits import UNCHANGED, EditError
from planner.document.model import (
    DayRhythm,
    Equipment,
    Event,
    Level,
    MaxEntry,
    Note,
    Priority,
    Season,
    Sex,
    TrackDay,
    Units,
)
from planner.document.sessions import Session, SessionKind

LUCJA, SOREN, ZOE, NOEL, JONAS = "ath-1", "ath-2", "ath-3", "ath-4", "ath-5"
INDOOR_CHAMPS, NATIONALS = "comp-5", "comp-10"
MONDAY = date(2027, 1, 11)
WEIGHTS = SessionKind.WEIGHTS


@pytest.fixture
def season() -> Season:
    return demo_season()


def session(day: date, kind: SessionKind = WEIGHTS, title: str = "Strength") -> Session:
    return Session(
        id=f"{kind}-{day.isoformat()}-{title}", date=day, kind=kind, title=title, items=()
    )






# Competitions --------------------------------------------------------------------------------


def test_add_competition_uses_and_advances_the_counter(season: Season) -> None:
    assert edits.new_competition_id(season) == "comp-12"
    after = pure(
        lambda s: edits.add_competition(
            s,
            name="  Indoor Champs ",
            start=date(2027, 3, 6),
            end=date(2027, 3, 7),
            priority=Priority.B,
            indoor=True,
            athletes=[ZOE, NOEL, ZOE],
        ),
        season,
    )
    added = after.competition("comp-12")
    assert added.name == "Indoor Champs"
    assert added.athletes == (ZOE, NOEL)
    assert added.days == 2
    assert after.next_competition_number == 13
    assert edits.new_competition_id(after) == "comp-13"
    assert after.competitions[:-1] == season.competitions


def test_add_competition_for_everyone(season: Season) -> None:
    after = edits.add_competition(
        season,
        name="Club Relays",
        start=date(2027, 6, 5),
        end=date(2027, 6, 5),
        priority=Priority.C,
        indoor=False,
    )
    assert after.competitions[-1].athletes is None


def test_add_competition_after_the_season_is_refused(season: Season) -> None:
    message = refused(
        lambda s: edits.add_competition(
            s,
            name="Indoor Champs",
            start=date(2027, 9, 4),
            end=date(2027, 9, 10),
            priority=Priority.A,
            indoor=True,
        ),
        season,
    )
    assert message == (
        "Competition 'Indoor Champs' would end on 2027-09-10, "
        "after the season's last day 2027-09-05"
    )


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (
            date(2026, 10, 1),
            date(2026, 10, 6),
            "would start on 2026-10-01, before the season's first day",
        ),
        (
            date(2027, 3, 7),
            date(2027, 3, 6),
            "would end on 2027-03-06, before it starts on 2027-03-07",
        ),
        (date(2027, 3, 1), date(2027, 3, 20), "lasts more than 14 days"),
    ],
)
def test_add_competition_with_impossible_dates_is_refused(
    season: Season, start: date, end: date, words: str
) -> None:
    message = refused(
        lambda s: edits.add_competition(
            s, name="Open", start=start, end=end, priority=Priority.C, indoor=False
        ),
        season,
    )
    assert words in message


def test_add_competition_refuses_unknown_athletes_and_empty_names(season: Season) -> None:
    def add(name: str, athletes: list[str]) -> Callable[[Season], Season]:
        return lambda s: edits.add_competition(
            s,
            name=name,
            start=date(2027, 3, 6),
            end=date(2027, 3, 6),
            priority=Priority.C,
            indoor=False,
            athletes=athletes,
        )

    assert refused(add("Open", [LUCJA, "ath-9"]), season) == "No athlete with id 'ath-9'"
    assert refused(add("   ", [LUCJA]), season) == "A competition's name cannot be empty"


def test_move_competition_keeps_its_length(season: Season) -> None:
    after = pure(lambda s: edits.move_competition(s, NATIONALS, date(2027, 7, 30)), season)
    moved = after.competition(NATIONALS)
    assert (moved.start, moved.end) == (date(2027, 7, 30), date(2027, 8, 1))
    assert moved._replace(start=date(2027, 7, 23), end=date(2027, 7, 25)) == (
        season.competition(NATIONALS)
    )


def test_move_competition_past_the_season_is_refused(season: Season) -> None:
    message = refused(lambda s: edits.move_competition(s, NATIONALS, date(2027, 9, 4)), season)
    assert message == (
        "Competition 'National Championships' would end on 2027-09-06, after the season's "
        "last day 2027-09-05"
    )


def test_unknown_competition_ids_are_refused(season: Season) -> None:
    expected = "No competition with id 'comp-99'"
    assert refused(lambda s: edits.move_competition(s, "comp-99", MONDAY), season) == expected
    assert refused(lambda s: edits.change_competition(s, "comp-99", name="X"), season) == expected
    assert refused(lambda s: edits.remove_competition(s, "comp-99"), season) == expected


def test_change_competition_changes_only_what_is_given(season: Season) -> None:
    after = pure(
        lambda s: edits.change_competition(
            s, INDOOR_CHAMPS, name="Indoor Nationals", priority=Priority.B, athletes=None
        ),
        season,
    )
    old, new = season.competition(INDOOR_CHAMPS), after.competition(INDOOR_CHAMPS)
    assert new == old._replace(
        name="Indoor Nationals", priority=Priority.B, athletes=None
    )
    assert after.competitions.index(new) == season.competitions.index(old)


def test_change_competition_with_nothing_changed_returns_an_equal_document(season: Season) -> None:
    assert edits.change_competition(season, INDOOR_CHAMPS) == season
    same = season.competition(INDOOR_CHAMPS)
    assert (
        edits.change_competition(
            season,
            INDOOR_CHAMPS,
            name=same.name,
            start=same.start,
            end=same.end,
            priority=same.priority,
            indoor=same.indoor,
            athletes=same.athletes,
        )
        == season
    )


def test_change_competition_refuses_an_end_before_the_start(season: Season) -> None:
    message = refused(
        lambda s: edits.change_competition(s, INDOOR_CHAMPS, end=date(2027, 2, 20)), season
    )
    assert message == (
        "Competition 'Indoor Championships' would end on 2027-02-20, before it starts on 2027-02-27"
    )


def test_remove_competition(season: Season) -> None:
    after = pure(lambda s: edits.remove_competition(s, NATIONALS), season)
    assert after.find_competition(NATIONALS) is None
    assert len(after.competitions) == len(season.competitions) - 1
    # The counter never goes back, so comp-10 is not given out again.
    assert edits.new_competition_id(after) == "comp-12"


# Athletes ------------------------------------------------------------------------------------


def add_anna(s: Season, **fields: object) -> Season:
    values: dict[str, object] = {
        "name": "Anna Kowalska",
        "event": Event.FLAT_400,
        "sex": Sex.FEMALE,
        "level": Level.BEGINNER,
        "junior": False,
        "body_mass": 60.0,
    }
    values.update(fields)
    return edits.add_athlete(s, **values)  # type: ignore[arg-type]


def test_add_athlete_uses_and_advances_the_counter(season: Season) -> None:
    assert edits.new_athlete_id(season) == "ath-6"
    after = pure(add_anna, season)
    anna = after.athlete("ath-6")
    assert anna.name == "Anna Kowalska"
    assert anna.equipment == Equipment()
    assert len(anna.rhythm) == 7
    assert after.next_athlete_number == 7
    # Competitions for everyone now include her; explicit lists do not.
    assert after.competition(NATIONALS).enters("ath-6")
    assert not after.competition(INDOOR_CHAMPS).enters("ath-6")


def test_add_athlete_in_pounds_gets_a_pound_gym(season: Season) -> None:
    after = add_anna(season, units=Units.LB, body_mass=135.0)
    assert after.athlete("ath-6").equipment == Equipment(45.0, 5.0, 5.0)


def test_add_athlete_coerces_lists_and_enum_values(season: Season) -> None:
    rhythm = [DayRhythm(TrackDay.EASY, lifting=True, plyometrics=False)] * 7
    after = add_anna(
        season,
        event="400mH",
        maxes=[MaxEntry("back_squat", date(2026, 9, 1), 80.0)],
        substitutions=[["power_clean", "hang_clean"]],
        rhythm=rhythm,
    )
    anna = after.athlete("ath-6")
    assert anna.event is Event.HURDLES_400
    assert anna.maxes == (MaxEntry("back_squat", date(2026, 9, 1), 80.0),)
    assert anna.substitutions == (("power_clean", "hang_clean"),)
    assert anna.rhythm == tuple(rhythm)


def test_add_athlete_names_the_athlete_when_a_value_is_implausible(season: Season) -> None:
    message = refused(lambda s: add_anna(s, body_mass=600.0), season)
    assert message == "Anna Kowalska: body mass 600 kg is outside 25-200 kg"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": " "}, "An athlete's name cannot be empty"),
        ({"sex": "other"}, "'other' is not a valid sex; use one of female, male"),
        (
            {"maxes": [MaxEntry("bench_press", date(2026, 9, 1), 60.0)]},
            "No training max can be kept for 'bench_press'",
        ),
        (
            {"substitutions": [("back_squat", "bounding")]},
            "'bounding' cannot replace Back squat; it can be replaced by front_squat",
        ),
        (
            {"substitutions": [("snatch", "hang_clean")]},
            "No exercise with id 'snatch' in the catalogue",
        ),
    ],
)
def test_add_athlete_refuses_bad_fields(
    season: Season, fields: dict[str, object], expected: str
) -> None:
    assert refused(lambda s: add_anna(s, **fields), season).startswith(expected)


def test_change_athlete_replaces_only_the_given_fields(season: Season) -> None:
    after = pure(
        lambda s: edits.change_athlete(s, ZOE, level=Level.ADVANCED, priming=True, body_mass=58.0),
        season,
    )
    assert after.athlete(ZOE) == season.athlete(ZOE)._replace(
        level=Level.ADVANCED, priming=True, body_mass=58.0
    )
    assert after.athletes[2].id == ZOE


def test_change_athlete_with_nothing_changed_returns_an_equal_document(season: Season) -> None:
    assert edits.change_athlete(season, ZOE) == season
    assert edits.change_athlete(season, ZOE, name=season.athlete(ZOE).name) == season


def test_change_athlete_rejects_unknown_fields_and_the_id(season: Season) -> None:
    with pytest.raises(TypeError, match="favourite_colour"):
        edits.change_athlete(season, ZOE, favourite_colour="green")
    with pytest.raises(TypeError, match="id"):
        edits.change_athlete(season, ZOE, id="ath-77")


def test_change_athlete_refuses_a_short_rhythm_naming_the_athlete(season: Season) -> None:
    message = refused(lambda s: edits.change_athlete(s, ZOE, rhythm=()), season)
    assert message == "Zoë Marchetti: the weekly rhythm needs seven days"


def test_unknown_athlete_ids_are_refused(season: Season) -> None:
    expected = "No athlete with id 'ath-42'"
    for edit in (
        lambda s: edits.change_athlete(s, "ath-42", priming=True),
        lambda s: edits.remove_athlete(s, "ath-42"),
        lambda s: edits.record_max(s, "ath-42", lift="back_squat", day=MONDAY, value=100.0),
        lambda s: edits.lock_week(s, "ath-42", MONDAY, ()),
        lambda s: edits.add_note(s, text="x", athlete_id="ath-42"),
    ):
        assert refused(edit, season) == expected


def test_convert_units_keeps_the_real_masses(season: Season) -> None:
    after = pure(lambda s: edits.convert_units(s, NOEL, Units.KG), season)
    noel = after.athlete(NOEL)
    assert noel.units is Units.KG
    assert noel.body_mass == pytest.approx(78.0, abs=0.05)
    assert noel.equipment.bar_mass == pytest.approx(20.4, abs=0.05)
    squat = noel.max_on("back_squat", date(2026, 12, 1))
    assert squat is not None and squat.value == pytest.approx(149.7, abs=0.05)
    assert edits.convert_units(season, NOEL, Units.LB) == season


def test_change_units_only_relabels(season: Season) -> None:
    after = edits.change_athlete(season, LUCJA, units=Units.LB, body_mass=135.5)
    assert after.athlete(LUCJA).maxes == season.athlete(LUCJA).maxes


def test_remove_athlete_drops_everything_of_theirs(season: Season) -> None:
    day = date(2027, 2, 23)
    s = edits.set_override(
        season, athlete_id=SOREN, day=day, kind=WEIGHTS, session=None, replaced=session(day)
    )
    s = edits.lock_week(s, SOREN, date(2027, 2, 22), [session(day)])
    s = edits.add_note(s, text="Hamstring check", athlete_id=SOREN)
    s = edits.lock_week(s, ZOE, date(2027, 2, 22), [])
    after = pure(lambda x: edits.remove_athlete(x, SOREN), s)
    assert after.find_athlete(SOREN) is None
    assert all(o.athlete_id != SOREN for o in after.overrides)
    assert [w.athlete_id for w in after.locked_weeks] == [ZOE]
    assert all(n.athlete_id != SOREN for n in after.notes)
    assert len(after.notes) == len(season.notes)
    # Only Søren was entered in the indoor championships: it stays, with nobody entered.
    assert after.competition(INDOOR_CHAMPS).athletes == ()
    assert after.competition("comp-1").athletes == (ZOE, JONAS)
    assert after.competition(NATIONALS).athletes is None
    assert edits.new_athlete_id(after) == "ath-6"


# Maxes ---------------------------------------------------------------------------------------


def test_record_max_adds_a_new_date(season: Season) -> None:
    day = date(2027, 1, 4)
    after = pure(
        lambda s: edits.record_max(s, LUCJA, lift="back_squat", day=day, value=110.0, tested=True),
        season,
    )
    assert after.athlete(LUCJA).max_on("back_squat", day) == MaxEntry("back_squat", day, 110.0)
    assert len(after.athlete(LUCJA).maxes) == 3


def test_record_max_replaces_the_same_lift_and_date(season: Season) -> None:
    day = date(2026, 9, 22)
    after = edits.record_max(season, LUCJA, lift="back_squat", day=day, value=107.5, tested=False)
    assert after.athlete(LUCJA).maxes[0] == MaxEntry("back_squat", day, 107.5, tested=False)
    assert len(after.athlete(LUCJA).maxes) == 2
    same = edits.record_max(season, LUCJA, lift="back_squat", day=day, value=105.0, tested=True)
    assert same == season


def test_record_max_refuses_unknown_lifts_and_implausible_values(season: Season) -> None:
    message = refused(
        lambda s: edits.record_max(s, LUCJA, lift="bench_press", day=MONDAY, value=60.0), season
    )
    assert message.startswith("No training max can be kept for 'bench_press'; choose one of ")
    assert "back_squat" in message
    message = refused(
        lambda s: edits.record_max(s, NOEL, lift="back_squat", day=MONDAY, value=1200.0), season
    )
    assert message == "Noël Brandt: a max of 1200 lb for back_squat is outside 22-882 lb"


def test_remove_max(season: Season) -> None:
    after = pure(
        lambda s: edits.remove_max(s, ZOE, lift="hang_clean", day=date(2026, 10, 2)), season
    )
    assert [m.lift for m in after.athlete(ZOE).maxes] == ["back_squat", "power_clean"]
    message = refused(lambda s: edits.remove_max(s, ZOE, lift="hang_clean", day=MONDAY), season)
    assert message == "Zoë Marchetti has no hang_clean max on 2027-01-11"


# Overrides -----------------------------------------------------------------------------------


def test_set_override_then_reset(season: Season) -> None:
    day = date(2027, 1, 12)
    generated, mine = session(day, title="Generated"), session(day, title="Mine")
    after = pure(
        lambda s: edits.set_override(
            s, athlete_id=LUCJA, day=day, kind=WEIGHTS, session=mine, replaced=generated
        ),
        season,
    )
    (override,) = after.overrides
    assert (override.session, override.replaced) == (mine, generated)
    assert pure(lambda s: edits.reset_override(s, LUCJA, day, WEIGHTS), after) == season


def test_set_override_again_keeps_the_original_generated_session(season: Season) -> None:
    day = date(2027, 1, 12)
    generated, first, second = (session(day, title=t) for t in ("Generated", "First", "Second"))
    s = edits.set_override(
        season, athlete_id=LUCJA, day=day, kind=WEIGHTS, session=first, replaced=generated
    )
    # The UI shows the coach's first version, so that is what it reports as replaced.
    s = edits.set_override(
        s, athlete_id=LUCJA, day=day, kind=WEIGHTS, session=second, replaced=first
    )
    (override,) = s.overrides
    assert (override.session, override.replaced) == (second, generated)


def test_set_override_back_to_the_generated_session_drops_it(season: Season) -> None:
    day = date(2027, 1, 12)
    generated = session(day, title="Generated")
    s = edits.set_override(
        season, athlete_id=LUCJA, day=day, kind=WEIGHTS, session=None, replaced=generated
    )
    back = edits.set_override(
        s, athlete_id=LUCJA, day=day, kind=WEIGHTS, session=generated, replaced=None
    )
    assert back == season


def test_set_override_refuses_mismatched_sessions_and_days_outside(season: Season) -> None:
    day = date(2027, 1, 12)
    message = refused(
        lambda s: edits.set_override(
            s,
            athlete_id=LUCJA,
            day=day,
            kind=WEIGHTS,
            session=session(day + timedelta(days=1)),
            replaced=None,
        ),
        season,
    )
    assert message == (
        "The new session is a weights session on 2027-01-13, but the change is for the weights "
        "session on 2027-01-12"
    )
    outside = date(2027, 9, 6)
    message = refused(
        lambda s: edits.set_override(
            s, athlete_id=LUCJA, day=outside, kind=WEIGHTS, session=session(outside), replaced=None
        ),
        season,
    )
    assert message == (
        "Łucja Wiśniewska's weights session on 2027-09-06 would be outside the season "
        "2026-10-05 to 2027-09-05"
    )


def test_reset_override_without_an_override_is_refused(season: Season) -> None:
    message = refused(lambda s: edits.reset_override(s, LUCJA, MONDAY, WEIGHTS), season)
    assert message == "Łucja Wiśniewska has no changed weights session on 2027-01-11"


def test_move_session_is_one_edit_with_two_overrides(season: Season) -> None:
    tuesday, wednesday = date(2027, 1, 12), date(2027, 1, 13)
    moving = session(tuesday, SessionKind.PLYOMETRICS, "Bounds")
    after = pure(
        lambda s: edits.move_session(
            s, athlete_id=LUCJA, session=moving, to_day=wednesday, replaced_at_target=None
        ),
        season,
    )
    source, target = after.overrides
    assert (source.date, source.session, source.replaced) == (tuesday, None, moving)
    assert target.date == wednesday
    assert target.session == moving._replace(date=wednesday)
    assert target.replaced is None


def test_move_session_to_its_own_day_changes_nothing(season: Season) -> None:
    day = date(2027, 1, 12)
    same = edits.move_session(
        season, athlete_id=LUCJA, session=session(day), to_day=day, replaced_at_target=None
    )
    assert same == season


def test_move_session_there_and_back_leaves_no_overrides(season: Season) -> None:
    tuesday, wednesday = date(2027, 1, 12), date(2027, 1, 13)
    moving = session(tuesday)
    there = edits.move_session(
        season, athlete_id=LUCJA, session=moving, to_day=wednesday, replaced_at_target=None
    )
    back = edits.move_session(
        there,
        athlete_id=LUCJA,
        session=moving._replace(date=wednesday),
        to_day=tuesday,
        replaced_at_target=None,
    )
    assert back == season


def test_move_session_outside_the_season_is_refused(season: Season) -> None:
    message = refused(
        lambda s: edits.move_session(
            s,
            athlete_id=LUCJA,
            session=session(date(2027, 9, 5)),
            to_day=date(2027, 9, 6),
            replaced_at_target=None,
        ),
        season,
    )
    assert "would be outside the season" in message


# Locked weeks --------------------------------------------------------------------------------


def test_lock_and_unlock_a_week(season: Season) -> None:
    sessions = [session(MONDAY), session(MONDAY + timedelta(days=3), SessionKind.PLYOMETRICS)]
    after = pure(lambda s: edits.lock_week(s, ZOE, MONDAY, sessions), season)
    (week,) = after.locked_weeks
    assert (week.athlete_id, week.week_start, week.sessions) == (ZOE, MONDAY, tuple(sessions))
    relocked = edits.lock_week(after, ZOE, MONDAY, sessions[:1])
    assert [w.sessions for w in relocked.locked_weeks] == [tuple(sessions[:1])]
    assert pure(lambda s: edits.unlock_week(s, ZOE, MONDAY), after) == season


def test_lock_week_refusals(season: Season) -> None:
    tuesday = MONDAY + timedelta(days=1)
    assert refused(lambda s: edits.lock_week(s, ZOE, tuesday, ()), season) == (
        "A locked week must start on a Monday; 2027-01-12 is a Tuesday"
    )
    assert refused(lambda s: edits.lock_week(s, ZOE, date(2027, 9, 6), ()), season) == (
        "The week of 2027-09-06 is outside the season 2026-10-05 to 2027-09-05"
    )
    stray = session(MONDAY + timedelta(days=7))
    assert refused(lambda s: edits.lock_week(s, ZOE, MONDAY, [stray]), season) == (
        "Zoë Marchetti's weights session on 2027-01-18 is not in the week 2027-01-11 to 2027-01-17"
    )
    assert refused(lambda s: edits.unlock_week(s, ZOE, MONDAY), season) == (
        "Zoë Marchetti's week of 2027-01-11 is not locked"
    )


# The season ----------------------------------------------------------------------------------


def test_change_season_name_and_dates(season: Season) -> None:
    after = pure(
        lambda s: edits.change_season(
            s, name="Squad 2026-27", first_day=date(2026, 9, 28), last_day=date(2027, 9, 30)
        ),
        season,
    )
    assert (after.name, after.first_day, after.last_day) == (
        "Squad 2026-27",
        date(2026, 9, 28),
        date(2027, 9, 30),
    )
    assert after.athletes == season.athletes
    assert edits.change_season(season) == season
    assert edits.change_season(season, name=UNCHANGED, week_start=0) == season


def test_change_season_refuses_to_strand_a_competition(season: Season) -> None:
    message = refused(lambda s: edits.change_season(s, last_day=date(2027, 8, 15)), season)
    assert message == (
        "Competition 'Late Summer Meeting' (2027-08-21 to 2027-08-21) would be outside the "
        "season 2026-10-05 to 2027-08-15; move or remove it first"
    )


def test_change_season_refuses_to_strand_an_override(season: Season) -> None:
    day = date(2026, 10, 6)
    s = edits.set_override(
        season, athlete_id=JONAS, day=day, kind=WEIGHTS, session=None, replaced=session(day)
    )
    message = refused(lambda x: edits.change_season(x, first_day=date(2026, 10, 12)), s)
    assert message == (
        "Jonáš Dvořák's changed weights session on 2026-10-06 would be outside the season "
        "2026-10-12 to 2027-09-05; reset it first"
    )


def test_change_season_refuses_to_strand_a_locked_week(season: Season) -> None:
    s = edits.lock_week(season, JONAS, date(2026, 10, 5), ())
    message = refused(lambda x: edits.change_season(x, first_day=date(2026, 10, 12)), s)
    assert message.startswith("Jonáš Dvořák's locked week of 2026-10-05 would be outside")


def test_change_season_week_start(season: Season) -> None:
    after = pure(lambda s: edits.change_season(s, week_start=6), season)
    assert after.week_start == 6
    assert after.week_of(MONDAY) == date(2027, 1, 10)
    locked = edits.lock_week(season, ZOE, MONDAY, ())
    assert refused(lambda s: edits.change_season(s, week_start=6), locked) == (
        "Unlock the 1 locked week before weeks start on another day: a locked week keeps "
        "seven fixed days"
    )
    assert edits.change_season(locked, week_start=0) == locked


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"name": "  "}, "The season's name cannot be empty"),
        ({"week_start": 7}, "The first day of the week must be 0 (Monday) to 6 (Sunday), not 7"),
        (
            {"first_day": date(2027, 10, 1)},
            "The season would end on 2027-09-05, before it starts on 2027-10-01",
        ),
        ({"first_day": date(2020, 1, 1)}, "A season can last two years at the most"),
    ],
)
def test_change_season_refusals(season: Season, change: dict[str, object], expected: str) -> None:
    assert refused(lambda s: edits.change_season(s, **change), season) == expected  # type: ignore[arg-type]


# Notes ---------------------------------------------------------------------------------------


def test_add_change_and_remove_a_note(season: Season) -> None:
    after = pure(
        lambda s: edits.add_note(s, text=" Altitude camp ", day=date(2027, 3, 1), athlete_id=LUCJA),
        season,
    )
    note = after.notes[-1]
    assert note == Note("Altitude camp", date(2027, 3, 1), LUCJA)
    changed = pure(lambda s: edits.change_note(s, note, text="Altitude camp (Sestriere)"), after)
    assert changed.notes[-1] == Note("Altitude camp (Sestriere)", date(2027, 3, 1), LUCJA)
    assert edits.change_note(after, note) == after
    general = edits.change_note(after, note, day=None, athlete_id=None)
    assert general.notes[-1] == Note("Altitude camp")
    assert pure(lambda s: edits.remove_note(s, note), after) == season


def test_notes_may_be_dated_outside_the_season(season: Season) -> None:
    after = edits.add_note(season, text="Tested maxes", day=date(2026, 9, 22))
    assert after.notes[-1].date == date(2026, 9, 22)


def test_note_refusals(season: Season) -> None:
    assert refused(lambda s: edits.add_note(s, text="  "), season) == "A note cannot be empty"
    stale = Note("Never written")
    assert refused(lambda s: edits.remove_note(s, stale), season) == (
        "No note 'Never written' in the season"
    )
    assert refused(lambda s: edits.change_note(s, stale, text="x"), season) == (
        "No note 'Never written' in the season"
    )


def test_remove_note_removes_one_of_two_equal_notes(season: Season) -> None:
    twice = edits.add_note(edits.add_note(season, text="Ice bath"), text="Ice bath")
    once = edits.remove_note(twice, Note("Ice bath"))
    assert once.notes == (*season.notes, Note("Ice bath"))


def test_a_competition_cannot_overlap_another_that_shares_an_athlete() -> None:
    season = demo_season()
    longest = max(season.competitions, key=lambda c: c.days)
    assert longest.days >= 3
    with pytest.raises(EditError, match=r"would overlap .*which the same athletes are entered in"):
        edits.add_competition(
            season, name="Inside", start=longest.start + timedelta(days=1), end=longest.start + timedelta(days=1),
            priority=Priority.A, indoor=False, athletes=longest.athletes,
        )
    other = next(c for c in season.competitions if c.id != longest.id and c.enters(
        (longest.athletes or (season.athletes[0].id,))[0]))
    with pytest.raises(EditError, match="would overlap"):
        edits.move_competition(season, other.id, longest.end)


def test_competitions_on_the_same_days_for_different_athletes_are_allowed() -> None:
    season = demo_season()
    longest = max(season.competitions, key=lambda c: c.days)
    first, second = season.athletes[0].id, season.athletes[1].id
    season = edits.change_competition(season, longest.id, athletes=[first])
    added = edits.add_competition(
        season, name="Elsewhere", start=longest.start, end=longest.start, priority=Priority.C,
        indoor=False, athletes=[second],
    )
    assert added.competitions[-1].name == "Elsewhere"
    with pytest.raises(EditError, match="would overlap"):
        edits.change_competition(added, added.competitions[-1].id, athletes=[first, second])


# ---------------------------------------------------------------------------------------------
# Dates and texts no season can hold: refused with the reason, never an overflow


OUT_OF_RANGE = "is outside the years"


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda s: edits.record_max(s, JONAS, lift="back_squat", day=date(9999, 12, 31), value=90.0),
         "The date of the max cannot be used: 9999-12-31 is"),
        (lambda s: edits.move_competition(s, NATIONALS, date(9999, 12, 31)),
         "The competition's new first day cannot be used: 9999-12-31 is"),
        (lambda s: edits.move_competition(s, NATIONALS, date(1, 1, 1)),
         "The competition's new first day cannot be used: 0001-01-01 is"),
        (lambda s: edits.change_competition(s, NATIONALS, end=date(9999, 12, 31)),
         "The competition's last day cannot be used"),
        (lambda s: edits.add_competition(
            s, name="Far", start=date(9999, 12, 30), end=date(9999, 12, 31), priority=Priority.C, indoor=False),
         "The competition's first day cannot be used"),
        (lambda s: edits.lock_week(s, JONAS, date(9999, 12, 27), ()), "The week's first day cannot be used"),
        (lambda s: edits.lock_week(s, JONAS, date(1, 1, 1), ()), "The week's first day cannot be used"),
        (lambda s: edits.move_session(
            s, athlete_id=JONAS, session=session(MONDAY), to_day=date(9999, 12, 31), replaced_at_target=None),
         "The day to move the session to cannot be used"),
        (lambda s: edits.set_override(
            s, athlete_id=JONAS, day=date.max, kind=WEIGHTS, session=None, replaced=None),
         "The session's day cannot be used"),
        (lambda s: edits.change_season(s, last_day=date(9999, 12, 31)), "The season's last day cannot be used"),
        (lambda s: edits.change_athlete(s, JONAS, birth_date=date(1, 1, 1)), "The birth date cannot be used"),
        (lambda s: edits.add_note(s, text="Rain", day=date(9999, 1, 1)), "The note's day cannot be used"),
    ],
)
def test_dates_no_season_can_hold_are_refused_with_the_reason(
    season: Season, edit: Callable[[Season], Season], words: str
) -> None:
    message = refused(edit, season)
    assert message.startswith(words)
    assert OUT_OF_RANGE in message


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: edits.change_athlete(s, JONAS, name="Jonáš\nDvořák"),
         "An athlete's name cannot be used: it holds a line break"),
        (lambda s: edits.change_season(s, name="Outdoor\x07"),
         "The season's name cannot be used: it holds a control character (U+0007)"),
        (lambda s: edits.change_competition(s, NATIONALS, name="Nationals \ud800"),
         "A competition's name cannot be used: it holds a broken character (U+D800, half of a pair)"),
        (lambda s: edits.change_competition(s, NATIONALS, name="N" * 81),
         "A competition's name cannot be used: it is 81 characters long; at most 80 fit"),
        (lambda s: edits.add_note(s, text="word " * 1_700),
         "A note cannot be used: it is 8,499 characters long; at most 2,000 fit"),
    ],
)
def test_texts_that_would_break_a_file_or_a_page_are_refused(
    season: Season, edit: Callable[[Season], Season], message: str
) -> None:
    assert refused(edit, season) == message


def test_a_note_may_run_over_several_lines(season: Season) -> None:
    after = pure(lambda s: edits.add_note(s, text="Rain all week.\n\tIndoor track instead."), season)
    assert after.notes[-1].text == "Rain all week.\n\tIndoor track instead."


def test_a_masters_athlete_born_before_the_seasons_years_is_accepted(season: Season) -> None:
    after = pure(lambda s: edits.change_athlete(s, JONAS, birth_date=date(1931, 5, 2)), season)
    assert after.athlete(JONAS).birth_date == date(1931, 5, 2)
