"""Random sequences of edits never produce an invalid document and never touch their input.

Each step draws one edit function and arguments that are sometimes sensible and sometimes
not (unknown ids, dates outside the season, implausible values). Whatever happens, an edit
either returns a season without problems or raises ``EditError``, and the season it was given
stays equal to a deep copy taken before.

Every document the edits reach can also be saved and loaded back equal, including weeks
locked and sessions moved as the engine planned them (a junior's body-weight jumps at 0 %
of the max once made such a season unsaveable) and sessions recorded as done or missed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from strategies import NAMES, SUBSTITUTIONS, records, seasons, sessions

from planner.document import edits
from planner.document.catalogue import lifts_with_maxes
from planner.document.demo import demo_season
from planner.document.edits import UNCHANGED, Edit, EditError
from planner.document.model import (
    DayRhythm,
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
from planner.document.storage import dumps, loads
from planner.document.validation import season_problems
from planner.engine.freeze import settle
from planner.engine.generator import generate

T = TypeVar("T")
Builder = Callable[[st.DataObject, Season], Edit]

_SLACK = timedelta(days=30)


# Argument strategies, drawn against the current season ---------------------------------------


def _athlete_id(data: st.DataObject, season: Season) -> str:
    known = [a.id for a in season.athletes]
    return _known_or(data, known, "ath-999")


def _competition_id(data: st.DataObject, season: Season) -> str:
    known = [c.id for c in season.competitions]
    return _known_or(data, known, "comp-999")


def _day(data: st.DataObject, season: Season) -> date:
    return data.draw(st.dates(season.first_day - _SLACK, season.last_day + _SLACK))


def _name(data: st.DataObject) -> str:
    return data.draw(st.sampled_from(NAMES) | st.text(max_size=12))


def _maybe(data: st.DataObject, value: object) -> object:
    return data.draw(st.sampled_from([UNCHANGED, value]))


def _entries(data: st.DataObject, season: Season) -> tuple[str, ...] | None:
    ids = [a.id for a in season.athletes] + ["ath-999"]
    return data.draw(st.none() | st.lists(st.sampled_from(ids), max_size=3).map(tuple))


def _session(data: st.DataObject, day: date, kind: SessionKind | None = None) -> Session:
    kind = kind or data.draw(st.sampled_from(SessionKind))
    # Full sessions (with items) now and then; mostly bare ones, which keep each example
    # small enough for Hypothesis to run many edits in it.
    if data.draw(st.integers(0, 4)) == 0:
        return data.draw(sessions(day, kind))
    title = data.draw(st.sampled_from(["Strength", "Power", "Bounds", "Ωμέγα"]))
    return Session(id=f"s-{title}-{day}", date=day, kind=kind, title=title, items=())


def _known_or(data: st.DataObject, known: list[T], other: T) -> T:
    """One of ``known`` most of the time (so removals succeed), else ``other``."""
    if known and data.draw(st.integers(0, 3)) > 0:
        return data.draw(st.sampled_from(known))
    return other


# One builder per edit function ----------------------------------------------------------------


def _add_competition(data: st.DataObject, season: Season) -> Edit:
    start = _day(data, season)
    end = start + timedelta(days=data.draw(st.integers(-1, 15)))
    name, priority, indoor = (
        _name(data),
        data.draw(st.sampled_from(Priority)),
        data.draw(st.booleans()),
    )
    athletes = _entries(data, season)
    return lambda s: edits.add_competition(
        s, name=name, start=start, end=end, priority=priority, indoor=indoor, athletes=athletes
    )


def _move_competition(data: st.DataObject, season: Season) -> Edit:
    competition_id, start = _competition_id(data, season), _day(data, season)
    return lambda s: edits.move_competition(s, competition_id, start)


def _change_competition(data: st.DataObject, season: Season) -> Edit:
    competition_id = _competition_id(data, season)
    start = _day(data, season)
    changes = {
        "name": _maybe(data, _name(data)),
        "start": _maybe(data, start),
        "end": _maybe(data, start + timedelta(days=data.draw(st.integers(0, 3)))),
        "priority": _maybe(data, data.draw(st.sampled_from(Priority))),
        "indoor": _maybe(data, data.draw(st.booleans())),
        "athletes": _maybe(data, _entries(data, season)),
    }
    return lambda s: edits.change_competition(s, competition_id, **changes)  # type: ignore[arg-type]


def _remove_competition(data: st.DataObject, season: Season) -> Edit:
    competition_id = _competition_id(data, season)
    return lambda s: edits.remove_competition(s, competition_id)


def _rhythm(data: st.DataObject) -> tuple[DayRhythm, ...]:
    day = st.builds(DayRhythm, st.sampled_from(TrackDay), st.booleans(), st.booleans())
    return tuple(data.draw(st.lists(day, min_size=6, max_size=7)))


def _add_athlete(data: st.DataObject, season: Season) -> Edit:
    units = data.draw(st.sampled_from(Units))
    lift = data.draw(st.sampled_from(lifts_with_maxes()))
    fields = {
        "name": _name(data),
        "event": data.draw(st.sampled_from(Event)),
        "sex": data.draw(st.sampled_from(Sex)),
        "level": data.draw(st.sampled_from(Level)),
        "junior": data.draw(st.booleans()),
        "body_mass": data.draw(st.floats(20.0, 450.0)),
        "units": units,
        "maxes": [MaxEntry(lift, _day(data, season), data.draw(st.floats(5.0, 900.0)))],
        "rhythm": data.draw(st.none() | st.just(_rhythm(data))),
        "priming": data.draw(st.booleans()),
    }
    return lambda s: edits.add_athlete(s, **fields)


def _substitutions(data: st.DataObject) -> list[tuple[str, str]]:
    # The catalogue's substitutions, and one it refuses.
    return data.draw(st.lists(st.sampled_from([*SUBSTITUTIONS, ("back_squat", "bounding")]), max_size=2))


def _change_athlete(data: st.DataObject, season: Season) -> Edit:
    athlete_id = _athlete_id(data, season)
    field, value = data.draw(
        st.sampled_from(
            [
                ("name", _name(data)),
                ("level", data.draw(st.sampled_from(Level))),
                ("junior", data.draw(st.booleans())),
                ("priming", data.draw(st.booleans())),
                ("body_mass", data.draw(st.floats(20.0, 450.0))),
                ("units", data.draw(st.sampled_from(Units))),
                ("rhythm", _rhythm(data)),
                ("substitutions", _substitutions(data)),
                ("birth_date", data.draw(st.none() | st.dates(date(1890, 1, 1), date(2030, 1, 1)))),
            ]
        )
    )
    return lambda s: edits.change_athlete(s, athlete_id, **{field: value})


def _convert_units(data: st.DataObject, season: Season) -> Edit:
    athlete_id, units = _athlete_id(data, season), data.draw(st.sampled_from(Units))
    return lambda s: edits.convert_units(s, athlete_id, units)


def _remove_athlete(data: st.DataObject, season: Season) -> Edit:
    athlete_id = _athlete_id(data, season)
    return lambda s: edits.remove_athlete(s, athlete_id)


def _record_max(data: st.DataObject, season: Season) -> Edit:
    athlete_id = _athlete_id(data, season)
    lift = data.draw(st.sampled_from([*lifts_with_maxes(), "bench_press"]))
    day, value, tested = (
        _day(data, season),
        data.draw(st.floats(1.0, 1000.0)),
        data.draw(st.booleans()),
    )
    from_reps = data.draw(st.none() | st.integers(2, 12)) if tested else None
    return lambda s: edits.record_max(
        s, athlete_id, lift=lift, day=day, value=value, tested=tested, from_reps=from_reps
    )


def _remove_max(data: st.DataObject, season: Season) -> Edit:
    athlete_id = _athlete_id(data, season)
    athlete = season.find_athlete(athlete_id)
    known = [(m.lift, m.date) for m in athlete.maxes] if athlete else []
    lift, day = _known_or(data, known, ("back_squat", season.first_day))
    return lambda s: edits.remove_max(s, athlete_id, lift=lift, day=day)


def _set_override(data: st.DataObject, season: Season) -> Edit:
    athlete_id, day = _athlete_id(data, season), _day(data, season)
    kind = data.draw(st.sampled_from(SessionKind))
    session = data.draw(st.none() | st.just(_session(data, day, kind)))
    # Now and then a session of another day, which must be refused.
    replaced_day = data.draw(st.sampled_from([day, day, day + timedelta(days=1)]))
    replaced = data.draw(st.none() | st.just(_session(data, replaced_day, kind)))
    return lambda s: edits.set_override(
        s, athlete_id=athlete_id, day=day, kind=kind, session=session, replaced=replaced
    )


def _reset_override(data: st.DataObject, season: Season) -> Edit:
    known = [o.key for o in season.overrides]
    random_key = (
        _athlete_id(data, season),
        _day(data, season),
        data.draw(st.sampled_from(SessionKind)),
    )
    athlete_id, day, kind = _known_or(data, known, random_key)
    return lambda s: edits.reset_override(s, athlete_id, day, kind)


def _move_session(data: st.DataObject, season: Season) -> Edit:
    athlete_id = _athlete_id(data, season)
    session = _session(data, _day(data, season))
    to_day = data.draw(st.sampled_from([session.date, _day(data, season)]))
    target = data.draw(st.none() | st.just(_session(data, to_day, session.kind)))
    return lambda s: edits.move_session(
        s, athlete_id=athlete_id, session=session, to_day=to_day, replaced_at_target=target
    )


def _lock_week(data: st.DataObject, season: Season) -> Edit:
    athlete_id, day = _athlete_id(data, season), _day(data, season)
    week_start = data.draw(st.sampled_from([season.week_of(day), day]))
    offsets = data.draw(st.lists(st.integers(0, 7), max_size=3))
    week = [_session(data, week_start + timedelta(days=n)) for n in offsets]
    return lambda s: edits.lock_week(s, athlete_id, week_start, week)


def _planned_sessions(data: st.DataObject, season: Season) -> tuple[str, list[Session]]:
    """An athlete (or an unknown id) and the sessions the engine plans for them."""
    athlete_id = _athlete_id(data, season)
    if season.find_athlete(athlete_id) is None:
        return athlete_id, []
    plan = generate(season, athlete_id)
    return athlete_id, [session for day in plan.days for session in day.sessions]


def _lock_planned_week(data: st.DataObject, season: Season) -> Edit:
    # As the window locks a week: the snapshot is what the engine shows for it.
    athlete_id, planned = _planned_sessions(data, season)
    week_start = season.week_of(_day(data, season))
    week = [s for s in planned if week_start <= s.date < week_start + timedelta(days=7)]
    return lambda s: edits.lock_week(s, athlete_id, week_start, week)


def _move_planned_session(data: st.DataObject, season: Season) -> Edit:
    athlete_id, planned = _planned_sessions(data, season)
    if not planned:
        return lambda s: edits.move_session(
            s, athlete_id=athlete_id, session=_session(data, s.first_day), to_day=s.last_day, replaced_at_target=None
        )
    session = data.draw(st.sampled_from(planned))
    to_day = _day(data, season)
    target = next((p for p in planned if p.date == to_day and p.kind == session.kind), None)
    return lambda s: edits.move_session(
        s, athlete_id=athlete_id, session=session, to_day=to_day, replaced_at_target=target
    )


def _record_key(data: st.DataObject, season: Season) -> tuple[str, date, SessionKind]:
    """A recorded session's key most of the time (so removals succeed), else any session's."""
    known = [r.key for r in season.records]
    random_key = (_athlete_id(data, season), _day(data, season), data.draw(st.sampled_from(SessionKind)))
    return _known_or(data, known, random_key)


def _record_session(data: st.DataObject, season: Season) -> Edit:
    athlete_id, day, kind = _record_key(data, season)
    # Now and then a record of another session than the one it is entered for, or with a
    # value no session holds (an effort of 11, a negative load): both must be refused whole.
    record_day = data.draw(st.sampled_from([day, day, day + timedelta(days=1)]))
    record = data.draw(records(athlete_id, record_day, kind))
    if data.draw(st.integers(0, 4)) == 0:
        record = record._replace(effort=data.draw(st.sampled_from([-1.0, 10.5, 11.0])))
    return lambda s: edits.record_session(s, athlete_id, day, kind, record)


def _record_sessions(data: st.DataObject, season: Season) -> Edit:
    keys = {_record_key(data, season) for _ in range(data.draw(st.integers(0, 3)))}
    batch = [data.draw(records(*key)) for key in sorted(keys)]
    return lambda s: edits.record_sessions(s, batch)


def _planned_or_any(data: st.DataObject, season: Season) -> tuple[str, date, SessionKind, Session]:
    athlete_id, planned = _planned_sessions(data, season)
    as_planned = data.draw(st.booleans())
    if planned and as_planned:
        session = data.draw(st.sampled_from(planned))
        return athlete_id, session.date, session.kind, session
    athlete_id, day, kind = _record_key(data, season)
    return athlete_id, day, kind, _session(data, day, kind)


def _mark_done_as_planned(data: st.DataObject, season: Season) -> Edit:
    athlete_id, day, kind, session = _planned_or_any(data, season)
    return lambda s: edits.mark_done_as_planned(s, athlete_id, day, kind, session)


def _mark_missed(data: st.DataObject, season: Season) -> Edit:
    athlete_id, day, kind, session = _planned_or_any(data, season)
    return lambda s: edits.mark_missed(s, athlete_id, day, kind, session)


def _remove_record(data: st.DataObject, season: Season) -> Edit:
    athlete_id, day, kind = _record_key(data, season)
    return lambda s: edits.remove_record(s, athlete_id, day, kind)


def _unlock_week(data: st.DataObject, season: Season) -> Edit:
    known = [(w.athlete_id, w.week_start) for w in season.locked_weeks]
    random_key = (_athlete_id(data, season), season.week_of(_day(data, season)))
    athlete_id, week_start = _known_or(data, known, random_key)
    return lambda s: edits.unlock_week(s, athlete_id, week_start)


def _change_season(data: st.DataObject, season: Season) -> Edit:
    shift = st.integers(-40, 40).map(lambda n: timedelta(days=n))
    changes = {
        "name": _maybe(data, _name(data)),
        "first_day": _maybe(data, season.first_day + data.draw(shift)),
        "last_day": _maybe(data, season.last_day + data.draw(shift)),
        "week_start": _maybe(data, data.draw(st.integers(0, 6))),
    }
    return lambda s: edits.change_season(s, **changes)  # type: ignore[arg-type]


def _note_athlete(data: st.DataObject, season: Season) -> str | None:
    return data.draw(st.none() | st.just(_athlete_id(data, season)))


def _add_note(data: st.DataObject, season: Season) -> Edit:
    text, day = _name(data), data.draw(st.none() | st.just(_day(data, season)))
    athlete_id = _note_athlete(data, season)
    return lambda s: edits.add_note(s, text=text, day=day, athlete_id=athlete_id)


def _a_note(data: st.DataObject, season: Season) -> Note:
    stale = Note("not in the season")
    return _known_or(data, list(season.notes), stale)


def _change_note(data: st.DataObject, season: Season) -> Edit:
    note = _a_note(data, season)
    changes = {
        "text": _maybe(data, _name(data)),
        "day": _maybe(data, data.draw(st.none() | st.just(_day(data, season)))),
        "athlete_id": _maybe(data, _note_athlete(data, season)),
    }
    return lambda s: edits.change_note(s, note, **changes)  # type: ignore[arg-type]


def _remove_note(data: st.DataObject, season: Season) -> Edit:
    note = _a_note(data, season)
    return lambda s: edits.remove_note(s, note)


def _proposal(data: st.DataObject, season: Season) -> tuple[str, str, date, float]:
    known = [(d.athlete_id, d.lift, d.date, d.value) for d in season.dismissed]
    random_key = (
        _athlete_id(data, season),
        data.draw(st.sampled_from([*lifts_with_maxes(), "bench_press"])),
        _day(data, season),
        data.draw(st.floats(1.0, 1000.0)),
    )
    return _known_or(data, known, random_key)


def _dismiss_max_proposal(data: st.DataObject, season: Season) -> Edit:
    athlete_id, lift, day, value = _proposal(data, season)
    return lambda s: edits.dismiss_max_proposal(s, athlete_id, lift=lift, day=day, value=value)


def _restore_max_proposal(data: st.DataObject, season: Season) -> Edit:
    athlete_id, lift, day, value = _proposal(data, season)
    return lambda s: edits.restore_max_proposal(s, athlete_id, lift=lift, day=day, value=value)


def _settle(data: st.DataObject, season: Season) -> Edit:
    # Not an edit of its own, but every edit in the window starts from it: the documents it
    # makes (days kept as planned) must save and load back like any other.
    today = season.first_day + timedelta(days=data.draw(st.integers(-3, 60)))
    return lambda s: settle(s, today)


BUILDERS: dict[str, Builder] = {
    "add_competition": _add_competition,
    "move_competition": _move_competition,
    "change_competition": _change_competition,
    "remove_competition": _remove_competition,
    "add_athlete": _add_athlete,
    "change_athlete": _change_athlete,
    "convert_units": _convert_units,
    "remove_athlete": _remove_athlete,
    "record_max": _record_max,
    "remove_max": _remove_max,
    "set_override": _set_override,
    "reset_override": _reset_override,
    "move_session": _move_session,
    "lock_week": _lock_week,
    "lock_planned_week": _lock_planned_week,
    "move_planned_session": _move_planned_session,
    "unlock_week": _unlock_week,
    "change_season": _change_season,
    "add_note": _add_note,
    "change_note": _change_note,
    "remove_note": _remove_note,
    "record_session": _record_session,
    "record_sessions": _record_sessions,
    "mark_done_as_planned": _mark_done_as_planned,
    "mark_missed": _mark_missed,
    "remove_record": _remove_record,
    "dismiss_max_proposal": _dismiss_max_proposal,
    "restore_max_proposal": _restore_max_proposal,
    "settle": _settle,
}


def test_every_public_edit_has_a_builder() -> None:
    edit_functions = {
        name
        for name in edits.__all__
        if callable(getattr(edits, name))
        and not name.startswith("new_")
        and name not in {"Edit", "EditError", "Unchanged"}
    }
    assert edit_functions <= set(BUILDERS)


def _assert_saves_and_loads_back(season: Season) -> None:
    text = dumps(season)
    loaded = loads(text)
    assert loaded == season
    assert dumps(loaded) == text


def _apply_random_edits(data: st.DataObject, season: Season) -> None:
    for _ in range(data.draw(st.integers(1, 10), label="steps")):
        name = data.draw(st.sampled_from(sorted(BUILDERS)), label="edit")
        edit = BUILDERS[name](data, season)
        before = copy.deepcopy(season)
        try:
            after = edit(season)
        except EditError as error:
            event(f"{name}: refused")
            assert season == before
            assert str(error).strip()
            continue
        event(f"{name}: done")
        assert season == before
        assert season_problems(after) == []
        _assert_saves_and_loads_back(after)
        season = after


_SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(data=st.data())
def test_random_edits_on_the_demo_season(data: st.DataObject) -> None:
    _apply_random_edits(data, demo_season())


@_SETTINGS
@given(season=seasons(), data=st.data())
def test_random_edits_on_generated_seasons(season: Season, data: st.DataObject) -> None:
    _apply_random_edits(data, season)


def test_a_junior_week_locked_and_a_session_moved_as_planned_save_and_load_back() -> None:
    season = demo_season()
    plan = generate(season, "ath-5")
    week_start = date(2027, 3, 8)
    week = [s for day in plan.days if week_start <= day.date < date(2027, 3, 15) for s in day.sessions]
    assert any(item.body_weight for session in week for item in session.items)
    locked = edits.lock_week(season, "ath-5", week_start, week)
    _assert_saves_and_loads_back(locked)
    weights = next(s for s in week if s.date == date(2027, 3, 13) and s.kind is SessionKind.WEIGHTS)
    moved = edits.move_session(
        season, athlete_id="ath-5", session=weights, to_day=date(2027, 3, 12), replaced_at_target=None
    )
    _assert_saves_and_loads_back(moved)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(season=seasons())
def test_edits_that_change_nothing_return_an_equal_document(season: Season) -> None:
    assert edits.change_season(season) == season
    for competition in season.competitions:
        assert edits.change_competition(season, competition.id) == season
    for athlete in season.athletes:
        assert edits.change_athlete(season, athlete.id) == season
        assert edits.convert_units(season, athlete.id, athlete.units) == season
    for note in season.notes:
        assert edits.change_note(season, note) == season
