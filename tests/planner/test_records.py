"""Records of what was done: the edits that make them, what they refuse and in which words,
how a file holds them, and that every season with records saves and loads back equal."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from builders import pure, refused
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import records, seasons, seasons_with_records

from planner.document import edits
from planner.document.migrations import migrate
from planner.document.model import Season, Units
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Category, Intent, Item, PlyoIntensity, Session, SessionKind
from planner.document.storage import DocumentError, dumps, load, loads
from planner.document.validation import season_problems
from planner.engine.record_entry import is_as_planned

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"
LUKASZ, ZOE = "ath-1", "ath-4"  # kg and lb, in v4_full (2025-03-03 to 2025-08-31)
TUESDAY = date(2025, 3, 18)
WEIGHTS, PLYOMETRICS = SessionKind.WEIGHTS, SessionKind.PLYOMETRICS
SQUAT = Item(
    exercise_id="back_squat",
    name="Back squat",
    category=Category.STRENGTH,
    lower_body=True,
    sets=3,
    reps=5,
    percent_max=80.0,
    max_value=150.0,
    load=120.0,
    unit="kg",
    load_kg=120.0,
)
NORDIC = Item(
    exercise_id="nordic_curl",
    name="Nordic hamstring curl",
    category=Category.ACCESSORY,
    lower_body=True,
    sets=2,
    reps=5,
)
BOUNDS = Item(
    exercise_id="bounds",
    name="Alternate-leg bounds",
    category=Category.PLYOMETRIC,
    lower_body=True,
    sets=2,
    reps=6,
    distance_m=20.0,
    contacts=12,
    intent=Intent.EXPLOSIVE,
    intensity=PlyoIntensity.MODERATE,
)


@pytest.fixture
def season() -> Season:
    return load(DOCUMENTS / "v4_full.sprintplan")


def planned(day: date = TUESDAY, kind: SessionKind = WEIGHTS, items: tuple[Item, ...] = (SQUAT, NORDIC)) -> Session:
    return Session(id=f"{kind}-{day.isoformat()}", date=day, kind=kind, title="Strength", items=items, minutes=50)


def record(**changes: Any) -> SessionRecord:
    """Łukasz's squat session of 18 March, partly done: two squat sets, no Nordic curls."""
    fields: dict[str, Any] = {
        "athlete_id": LUKASZ,
        "date": TUESDAY,
        "kind": WEIGHTS,
        "status": RecordStatus.PARTLY_DONE,
        "planned": planned(),
        "units": Units.KG,
        "items": (DoneItem("back_squat", (DoneSet(5, 120.0), DoneSet(4, 120.0))), DoneItem("nordic_curl", ())),
        "effort": 7.5,
        "minutes": 40,
        "note": "Left early: exam",
    }
    fields.update(changes)
    return SessionRecord(**fields)






# The edits ------------------------------------------------------------------------------------


def test_record_session_adds_the_record_after_the_others(season: Season) -> None:
    after = pure(lambda s: edits.record_session(s, LUKASZ, TUESDAY, WEIGHTS, record()), season)

    assert after.records == (*season.records, record())
    assert after.find_record((LUKASZ, TUESDAY, WEIGHTS)) == record()
    assert after._replace(records=season.records) == season


def test_record_session_replaces_an_earlier_record_in_its_place(season: Season) -> None:
    first = season.records[0]
    again = first._replace(status=RecordStatus.DONE, effort=6.0, note="")

    after = pure(lambda s: edits.record_session(s, first.athlete_id, first.date, first.kind, again), season)

    assert after.records == (again, *season.records[1:])


def test_mark_done_as_planned_copies_every_prescribed_set(season: Season) -> None:
    after = pure(lambda s: edits.mark_done_as_planned(s, LUKASZ, TUESDAY, WEIGHTS, planned()), season)

    assert after.find_record((LUKASZ, TUESDAY, WEIGHTS)) == SessionRecord(
        athlete_id=LUKASZ,
        date=TUESDAY,
        kind=WEIGHTS,
        status=RecordStatus.DONE,
        planned=planned(),
        units=Units.KG,
        items=(
            DoneItem("back_squat", (DoneSet(5, 120.0), DoneSet(5, 120.0), DoneSet(5, 120.0))),
            DoneItem("nordic_curl", (DoneSet(5), DoneSet(5))),
        ),
        effort=None,
        minutes=None,
        note="",
    )


def test_done_as_planned_for_an_lb_athlete_records_kg_loads_in_lb(season: Season) -> None:
    plyo = planned(kind=PLYOMETRICS, items=(BOUNDS,))
    kg_squat = planned(items=(SQUAT,))

    after = pure(lambda s: edits.mark_done_as_planned(s, ZOE, TUESDAY, WEIGHTS, kg_squat), season)
    after = pure(lambda s: edits.mark_done_as_planned(s, ZOE, TUESDAY, PLYOMETRICS, plyo), after)

    squats = after.find_record((ZOE, TUESDAY, WEIGHTS))
    bounds = after.find_record((ZOE, TUESDAY, PLYOMETRICS))
    assert squats is not None and bounds is not None
    # 120 kg is 264.554... lb, kept to a tenth as a coach would type it.
    assert (squats.units, squats.items[0].sets) == (Units.LB, (DoneSet(5, 264.6),) * 3)
    assert bounds.items == (DoneItem("bounds", (DoneSet(6, None, 20.0), DoneSet(6, None, 20.0))),)


def test_done_as_planned_records_a_body_weight_item_without_a_load_as_the_card_does(season: Season) -> None:
    # A junior's squat jumps at 0 % carry a 0 kg load; done as planned they were done at body weight.
    jumps = SQUAT._replace(
        exercise_id="squat_jump", name="Squat jump", percent_max=0.0, load=0.0,
        load_kg=0.0)

    after = pure(lambda s: edits.mark_done_as_planned(s, LUKASZ, TUESDAY, WEIGHTS, planned(items=(jumps,))), season)

    done = after.find_record((LUKASZ, TUESDAY, WEIGHTS))
    assert done is not None
    assert done.items == (DoneItem("squat_jump", (DoneSet(5),) * 3),)
    assert is_as_planned(done)


def test_done_as_planned_keeps_the_effort_minutes_and_note_already_typed(season: Season) -> None:
    typed = pure(lambda s: edits.record_session(s, LUKASZ, TUESDAY, WEIGHTS, record()), season)

    after = pure(lambda s: edits.mark_done_as_planned(s, LUKASZ, TUESDAY, WEIGHTS, planned()), typed)

    done = after.find_record((LUKASZ, TUESDAY, WEIGHTS))
    assert done is not None
    assert (done.status, done.effort, done.minutes, done.note) == (RecordStatus.DONE, 7.5, 40, "Left early: exam")
    assert [len(item.sets) for item in done.items] == [3, 2]
    assert len(after.records) == len(season.records) + 1


def test_mark_missed_drops_the_sets_and_keeps_the_note(season: Season) -> None:
    typed = pure(lambda s: edits.record_session(s, LUKASZ, TUESDAY, WEIGHTS, record()), season)

    after = pure(lambda s: edits.mark_missed(s, LUKASZ, TUESDAY, WEIGHTS, planned()), typed)

    assert after.find_record((LUKASZ, TUESDAY, WEIGHTS)) == SessionRecord(
        athlete_id=LUKASZ,
        date=TUESDAY,
        kind=WEIGHTS,
        status=RecordStatus.MISSED,
        planned=planned(),
        units=Units.KG,
        note="Left early: exam",
    )


def test_remove_record_restores_the_season_before_it(season: Season) -> None:
    recorded = pure(lambda s: edits.record_session(s, LUKASZ, TUESDAY, WEIGHTS, record()), season)

    assert pure(lambda s: edits.remove_record(s, LUKASZ, TUESDAY, WEIGHTS), recorded) == season


def test_removing_what_was_never_recorded_is_refused(season: Season) -> None:
    message = refused(lambda s: edits.remove_record(s, LUKASZ, TUESDAY, PLYOMETRICS), season)

    assert message == "Nothing is recorded for Łukasz Żółć's plyometrics session on 2025-03-18"


def test_removing_an_athlete_removes_their_records(season: Season) -> None:
    after = pure(lambda s: edits.remove_athlete(s, ZOE), season)

    assert [r.athlete_id for r in after.records] == [LUKASZ]


def test_the_season_cannot_shrink_past_a_record(season: Season) -> None:
    message = refused(lambda s: edits.change_season(s, first_day=date(2025, 3, 5)), season)

    assert message == (
        "What Zoë Brontë did in the plyometrics session on 2025-03-04 is recorded, and would be "
        "outside the season 2025-03-05 to 2025-08-31; remove the record first"
    )


def test_converting_units_leaves_records_in_the_units_they_were_typed_in(season: Season) -> None:
    after = pure(lambda s: edits.convert_units(s, LUKASZ, Units.LB), season)

    assert after.records == season.records
    assert after.records[0].units is Units.KG


# Refusals, in a coach's words -------------------------------------------------------------------

WHO = "Łukasz Żółć's weights session on 2025-03-18"
SQUAT_SETS = (DoneSet(5, 120.0), DoneSet(4, 120.0))


def _with_squat_sets(*sets: DoneSet) -> SessionRecord:
    return record(items=(DoneItem("back_squat", sets), DoneItem("nordic_curl", ())))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            _with_squat_sets(DoneSet(5, 120.0), DoneSet(5, -2.5)),
            f"{WHO}, back squat, set 2: the load must be 0 to 600 kg, found -2.5 kg",
        ),
        (
            _with_squat_sets(DoneSet(-1, 120.0)),
            f"{WHO}, back squat, set 1: the reps must be 0 to 100, found -1",
        ),
        (
            _with_squat_sets(DoneSet(5, 1_200.0)),
            f"{WHO}, back squat, set 1: the load must be 0 to 600 kg, found 1200 kg",
        ),
        (
            _with_squat_sets(*(DoneSet(5, 120.0),) * 21),
            f"{WHO}, back squat: 21 sets done; a record holds at most 20",
        ),
        (record(effort=11.0), f"{WHO}: the effort must be 0 to 10, found 11"),
        (record(effort=-0.5), f"{WHO}: the effort must be 0 to 10, found -0.5"),
        (record(effort=float("nan")), f"{WHO}: the effort must be 0 to 10, found nan"),
        (record(minutes=-5), f"{WHO}: the minutes must be 0 to 600, found -5"),
        (
            record(status=RecordStatus.MISSED),
            f"{WHO}: a missed session has no sets done",
        ),
        (
            record(items=(DoneItem("back_squat", SQUAT_SETS),)),
            f"{WHO}: the record has 1 exercise where 2 were planned",
        ),
        (
            record(items=(DoneItem("front_squat", SQUAT_SETS), DoneItem("nordic_curl", ()))),
            f"{WHO}, front squat: exercise 1 was recorded as front squat where back squat was planned",
        ),
        (record(note="a\x00b"), f"{WHO}: the note holds a control character (U+0000)"),
    ],
)
def test_a_bad_record_is_refused_whole_naming_session_exercise_and_set(
    season: Season, bad: SessionRecord, message: str
) -> None:
    assert refused(lambda s: edits.record_session(s, LUKASZ, TUESDAY, WEIGHTS, bad), season) == (
        f"{message}; nothing was recorded"
    )


def test_a_record_at_every_bound_is_kept(season: Season) -> None:
    at_bounds = record(
        items=(DoneItem("back_squat", (DoneSet(100, 600.0),) * 19 + (DoneSet(0, 0.0),)), DoneItem("nordic_curl", ())),
        effort=10.0,
        minutes=600,
    )

    after = pure(lambda s: edits.record_session(s, LUKASZ, TUESDAY, WEIGHTS, at_bounds), season)

    assert after.find_record((LUKASZ, TUESDAY, WEIGHTS)) == at_bounds


def test_a_record_for_a_day_outside_the_season_is_refused(season: Season) -> None:
    day = date(2025, 9, 2)
    late = record(date=day, planned=planned(day))

    message = refused(lambda s: edits.record_session(s, LUKASZ, day, WEIGHTS, late), season)

    assert message == (
        "Łukasz Żółć's weights session on 2025-09-02 is outside the season 2025-03-03 to 2025-08-31; "
        "nothing was recorded"
    )


def test_a_record_for_an_unknown_athlete_is_refused(season: Season) -> None:
    for edit in (
        lambda s: edits.record_session(s, "ath-9", TUESDAY, WEIGHTS, record(athlete_id="ath-9")),
        lambda s: edits.mark_done_as_planned(s, "ath-9", TUESDAY, WEIGHTS, planned()),
        lambda s: edits.mark_missed(s, "ath-9", TUESDAY, WEIGHTS, planned()),
        lambda s: edits.remove_record(s, "ath-9", TUESDAY, WEIGHTS),
    ):
        assert refused(edit, season) == "No athlete with id 'ath-9'"


def test_a_record_of_another_session_is_refused(season: Season) -> None:
    message = refused(lambda s: edits.record_session(s, LUKASZ, TUESDAY, PLYOMETRICS, record()), season)

    assert message == (
        "The record is of Łukasz Żółć's weights session on 2025-03-18, but it was entered for "
        "Łukasz Żółć's plyometrics session on 2025-03-18"
    )


def test_a_planned_session_of_another_day_is_refused(season: Season) -> None:
    message = refused(
        lambda s: edits.mark_done_as_planned(s, LUKASZ, TUESDAY, WEIGHTS, planned(date(2025, 3, 19))), season
    )

    assert message == (
        "The planned session is a weights session on 2025-03-19, "
        "but the change is for the weights session on 2025-03-18"
    )


# The file ---------------------------------------------------------------------------------------


def test_the_v4_fixture_holds_its_records_values() -> None:
    partly, bounds, missed = load(DOCUMENTS / "v4_full.sprintplan").records

    assert (partly.status, partly.units, partly.effort, partly.minutes) == (RecordStatus.PARTLY_DONE, Units.KG, 8.5, 50)
    assert partly.items == (
        DoneItem("back_squat", (DoneSet(3, 112.5), DoneSet(3, 112.5), DoneSet(2, 100.0))),
        DoneItem("romanian_deadlift", ()),
    )
    assert partly.note == "Ból pleców po trzeciej serii;\nRDL opuszczone"
    assert partly.planned.items[0].load == 112.5
    assert (bounds.status, bounds.units, bounds.effort) == (RecordStatus.DONE, Units.LB, None)
    assert (missed.status, missed.items, missed.date) == (RecordStatus.MISSED, (), date(2025, 3, 10))


@pytest.mark.parametrize("name", ["full", "small"])
def test_a_v3_file_opens_unchanged_with_no_records(name: str) -> None:
    old = load(DOCUMENTS / f"v3_{name}.sprintplan")
    current = load(DOCUMENTS / f"v4_{name}.sprintplan")

    assert old.records == ()
    assert old == current._replace(records=())


def test_the_v3_to_v4_step_only_adds_records() -> None:
    data = json.loads((DOCUMENTS / "v3_full.sprintplan").read_text(encoding="utf-8"))

    migrated = migrate(data)

    assert migrated["records"] == []
    added = {"schema_version", "records", "frozen", "dismissed", "athletes"}
    assert {key: value for key, value in migrated.items() if key not in added} == {
        key: value for key, value in data.items() if key not in {"schema_version", "athletes"}
    }
    assert data["schema_version"] == 3 and "records" not in data


def _refusal(change: Callable[[dict[str, Any]], None]) -> DocumentError:
    data = json.loads((DOCUMENTS / "v4_full.sprintplan").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(data, indent=2, ensure_ascii=False))
    return caught.value


PLACE = "Record 1 (Łukasz Żółć, weights, on 11 March 2025)"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["records"][0]["items"][0]["sets"][1].update(load=-5),
            f"{PLACE}, exercise 1 (back squat), set 2, load: must be at least 0 kg, found -5 kg (line 419)",
        ),
        (
            lambda d: d["records"][0]["items"][0]["sets"][0].update(reps=-1),
            f"{PLACE}, exercise 1 (back squat), set 1, reps: must be at least 0, found -1 (line 413)",
        ),
        (lambda d: d["records"][0].update(effort=11), f"{PLACE}, effort: must be at most 10, found 11 (line 405)"),
        (lambda d: d["records"][0].update(minutes=-3), f"{PLACE}, minutes: must be at least 0, found -3 (line 406)"),
        (
            lambda d: d["records"][0].update(athlete="ath-9"),
            "Record 1 (weights, on 11 March 2025), athlete: record for an unknown athlete 'ath-9' (line 400)",
        ),
        (
            lambda d: d["records"][0]["items"][0]["sets"][0].update(load=5000.0),
            f"{PLACE}, exercise 1 (back squat), set 1, load: the load must be 0 to 600 kg, found 5000 kg (line 414)",
        ),
        (
            lambda d: d["records"][0].update(status="missed"),
            f"{PLACE}, status: a missed session has no sets done (line 403)",
        ),
    ],
)
def test_a_file_with_a_bad_record_is_refused_with_place_and_reason(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    assert _refusal(change).message == message


def test_a_file_with_a_record_outside_the_season_is_refused() -> None:
    def late(data: dict[str, Any]) -> None:
        data["records"][2].update(date="2025-09-01")
        data["records"][2]["planned"].update(date="2025-09-01")

    assert _refusal(late).message == (
        "Record 3 (Zoë Brontë, weights, on 1 September 2025), date: the weights session on 2025-09-01 "
        "is outside the season 2025-03-03 to 2025-08-31 (line 595)"
    )


def test_a_file_with_two_records_of_one_session_is_refused() -> None:
    def twice(data: dict[str, Any]) -> None:
        data["records"].append(data["records"][0])

    assert _refusal(twice).message.startswith(
        "Record 4 (Łukasz Żółć, weights, on 11 March 2025): two records for the same athlete, day and session kind"
    )


# Properties -------------------------------------------------------------------------------------

_PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_PROPERTY
@given(season=seasons_with_records())
def test_every_season_with_records_is_valid_and_saves_and_loads_back_equal(season: Season) -> None:
    assert season_problems(season) == []
    text = dumps(season)
    loaded = loads(text)
    assert loaded == season
    assert dumps(loaded) == text


@st.composite
def _recorded(draw: st.DrawFn) -> tuple[Season, SessionRecord]:
    season = draw(seasons().filter(lambda s: bool(s.athletes)))
    athlete = draw(st.sampled_from(season.athletes))
    day = draw(st.dates(season.first_day, season.last_day))
    return season, draw(records(athlete.id, day, draw(st.sampled_from(SessionKind))))


@_PROPERTY
@given(drawn=_recorded())
def test_recording_leaves_the_season_before_it_whole_and_removing_restores_it(
    drawn: tuple[Season, SessionRecord],
) -> None:
    before, new = drawn
    snapshot = copy.deepcopy(before)
    text = dumps(before)

    after = edits.record_session(before, new.athlete_id, new.date, new.kind, new)

    # The window's undo puts back the season it kept: it is exactly what it was.
    assert before == snapshot and dumps(before) == text
    assert after.find_record(new.key) == new
    assert loads(dumps(after)) == after
    assert edits.remove_record(after, new.athlete_id, new.date, new.kind) == before
    assert edits.record_session(after, new.athlete_id, new.date, new.kind, new) == after


_BAD_VALUES: dict[str, tuple[Callable[[SessionRecord], SessionRecord], str]] = {
    "effort above 10": (lambda r: r._replace(effort=10.5), ": the effort must be 0 to 10, found 10.5"),
    "effort below 0": (lambda r: r._replace(effort=-1.0), ": the effort must be 0 to 10, found -1"),
    "negative minutes": (lambda r: r._replace(minutes=-1), ": the minutes must be 0 to 600, found -1"),
}


@_PROPERTY
@given(drawn=_recorded(), bad=st.sampled_from(sorted(_BAD_VALUES)))
def test_a_record_with_a_bad_value_is_refused_with_its_sentence(drawn: tuple[Season, SessionRecord], bad: str) -> None:
    before, good = drawn
    spoil, sentence = _BAD_VALUES[bad]
    name = before.athlete(good.athlete_id).name.strip() or good.athlete_id
    who = f"{name}'s {good.kind} session on {good.date.isoformat()}"

    message = refused(lambda s: edits.record_session(s, good.athlete_id, good.date, good.kind, spoil(good)), before)

    assert message == f"{who}{sentence}; nothing was recorded"


@_PROPERTY
@given(drawn=_recorded(), load=st.floats(max_value=-0.01, allow_nan=False, allow_infinity=False), data=st.data())
def test_a_negative_load_in_any_set_is_refused_naming_the_set(
    drawn: tuple[Season, SessionRecord], load: float, data: st.DataObject
) -> None:
    before, good = drawn
    if not any(item.sets for item in good.items):
        # A record with no sets has no load to spoil: give it one squat set.
        good = good._replace(
            status=RecordStatus.DONE,
            planned=good.planned._replace(items=(SQUAT,)),
            items=(DoneItem("back_squat", (DoneSet(5, 100.0),)),),
        )
    done = [(j, k) for j, item in enumerate(good.items) for k in range(len(item.sets))]
    j, k = data.draw(st.sampled_from(done))
    sets = list(good.items[j].sets)
    sets[k] = sets[k]._replace(load=load)
    items = list(good.items)
    items[j] = items[j]._replace(sets=tuple(sets))
    bad = good._replace(items=tuple(items))

    message = refused(lambda s: edits.record_session(s, good.athlete_id, good.date, good.kind, bad), before)

    assert f", set {k + 1}: the load must be 0 to " in message
    assert message.endswith(f"found {load:g} {good.units.value}; nothing was recorded")


def test_records_kept_in_one_edit_are_the_records_kept_one_by_one() -> None:
    season = load(DOCUMENTS / "v4_full.sprintplan")
    first, second, third = season.records
    emptied = season._replace(records=())

    one_by_one = emptied
    for record in (first, second, third):
        one_by_one = edits.record_session(one_by_one, record.athlete_id, record.date, record.kind, record)

    assert edits.record_sessions(emptied, [first, second, third]) == one_by_one
    assert edits.record_sessions(one_by_one, []) is one_by_one
    with pytest.raises(edits.EditError) as caught:
        edits.record_sessions(emptied, [first, second._replace(effort=11.0)])
    assert str(caught.value).endswith("the effort must be 0 to 10, found 11")
