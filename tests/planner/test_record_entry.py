"""Reading a session card's typed cells into a record: the values, the status the sets make,
what is refused and where, and the one-line sets the squad entry reads."""

from __future__ import annotations

from datetime import date

import pytest
from builders import athlete, pure, refused, season
from hypothesis import given
from hypothesis import strategies as st

from planner.document import edits
from planner.document.model import Units
from planner.document.records import DoneItem, DoneSet, RecordStatus
from planner.document.sessions import Category, Item, Session, SessionKind
from planner.engine.record_entry import (
    EntryError,
    SetCells,
    as_planned_items,
    derived_status,
    entry_record,
    entry_units,
    is_as_planned,
    parse_sets,
    planned_lines,
    problem_place,
    record_cells,
    sets_from_cells,
    sets_text,
)

DAY = date(2026, 10, 14)
SQUAT = Item("back_squat", "Back squat", Category.STRENGTH, True, sets=3, reps=5, percent_max=80.0,
             max_value=150.0, load=120.0, unit="kg", load_kg=120.0)
NORDIC = Item("nordic_curl", "Nordic hamstring curl", Category.ACCESSORY, True, sets=2, reps=5)
BOUNDS = Item("bounds", "Alternate-leg bounds", Category.PLYOMETRIC, True, sets=2, reps=6, distance_m=20.0,
              contacts=24)
WEIGHTS = Session("s1", DAY, SessionKind.WEIGHTS, "Strength", (SQUAT, NORDIC))
PLYO = Session("s2", DAY, SessionKind.PLYOMETRICS, "Plyo", (BOUNDS,))
ADA = athlete()


def cells(*rows: tuple[tuple[str, str], ...]) -> tuple[tuple[SetCells, ...], ...]:
    return tuple(tuple(SetCells(reps, amount) for reps, amount in row) for row in rows)


AS_PLANNED = cells((("5", "120"),) * 3, (("5", ""),) * 2)


def test_planned_lines_list_every_set_with_load_in_the_athletes_units() -> None:
    lines = planned_lines(WEIGHTS, Units.KG)
    assert [(line.name, line.set_index, line.reps, line.load) for line in lines] == [
        ("Back squat", 0, 5, 120.0), ("Back squat", 1, 5, 120.0), ("Back squat", 2, 5, 120.0),
        ("Nordic hamstring curl", 0, 5, None), ("Nordic hamstring curl", 1, 5, None),
    ]
    # 120 kg is 264.6 lb: a record is in the athlete's units.
    assert planned_lines(WEIGHTS, Units.LB)[0].load == 264.6
    plyo = planned_lines(PLYO, Units.KG)
    assert [(line.plyometric, line.reps, line.distance_m) for line in plyo] == [(True, 6, 20.0)] * 2


def test_the_prefilled_cells_read_back_as_the_prescription() -> None:
    prefilled = record_cells(None, WEIGHTS, Units.KG)
    assert prefilled == AS_PLANNED
    items = sets_from_cells(WEIGHTS, prefilled)
    assert items == as_planned_items(WEIGHTS, Units.KG)
    assert derived_status(WEIGHTS, items) is RecordStatus.DONE


def test_a_load_with_three_decimals_reads_back_as_prescribed() -> None:
    # A pound athlete loading in 0.625 lb steps: 45.625 lb is shown whole, not as 45.62.
    light = Item("back_squat", "Back squat", Category.STRENGTH, True, sets=2, reps=5, percent_max=50.0,
                 max_value=91.25, load=45.625, unit="lb", load_kg=20.7)
    session = Session("s3", DAY, SessionKind.WEIGHTS, "Strength", (light,))
    prefilled = record_cells(None, session, Units.LB)
    assert prefilled == cells((("5", "45.625"),) * 2)
    assert sets_from_cells(session, prefilled) == as_planned_items(session, Units.LB)
    assert sets_text(as_planned_items(session, Units.LB)[0].sets, light) == "5x45.625, 5x45.625"


def test_fewer_reps_or_an_empty_set_is_partly_done_and_nothing_is_missed() -> None:
    fewer = cells((("5", "120"), ("5", "120"), ("3", "120")), (("5", ""),) * 2)
    assert derived_status(WEIGHTS, sets_from_cells(WEIGHTS, fewer)) is RecordStatus.PARTLY_DONE
    skipped = cells((("5", "120"),) * 3, (("5", ""), ("", "")))
    items = sets_from_cells(WEIGHTS, skipped)
    assert items[1] == DoneItem("nordic_curl", (DoneSet(5),))
    assert derived_status(WEIGHTS, items) is RecordStatus.PARTLY_DONE
    nothing = cells((("", "120"),) * 3, (("", ""),) * 2)
    assert derived_status(WEIGHTS, sets_from_cells(WEIGHTS, nothing)) is RecordStatus.MISSED


def test_more_reps_or_a_lighter_load_is_still_done() -> None:
    lighter = cells((("6", "110"),) * 3, (("5", ""),) * 2)
    items = sets_from_cells(WEIGHTS, lighter)
    assert items[0].sets == (DoneSet(6, 110.0),) * 3
    assert derived_status(WEIGHTS, items) is RecordStatus.DONE


def test_a_drill_reads_reps_and_distance() -> None:
    items = sets_from_cells(PLYO, cells((("6", "20"), ("4", "15"))))
    assert items == (DoneItem("bounds", (DoneSet(6, distance_m=20.0), DoneSet(4, distance_m=15.0))),)
    assert derived_status(PLYO, items) is RecordStatus.PARTLY_DONE


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (cells((("five", "120"),) * 3, (("5", ""),) * 2),
         "Back squat, set 1, reps: 'five' is not a number"),
        (cells((("5", "120"), ("5", "12o"), ("5", "120")), (("5", ""),) * 2),
         "Back squat, set 2, load: '12o' is not a number"),
        (cells((("5", "120"),) * 3, (("5", ""), ("4.5", ""))),
         "Nordic hamstring curl, set 2, reps: '4.5' is not a whole number"),
    ],
)
def test_text_that_is_not_a_number_is_refused_with_its_place(
    typed: tuple[tuple[SetCells, ...], ...], message: str
) -> None:
    with pytest.raises(EntryError) as caught:
        sets_from_cells(WEIGHTS, typed)
    assert str(caught.value) == message


def test_the_record_carries_effort_minutes_note_and_the_status_from_the_sets() -> None:
    items = sets_from_cells(WEIGHTS, AS_PLANNED)
    record = entry_record(ADA, DAY, WEIGHTS, items, effort="7", minutes="55", note="  felt quick ")
    assert (record.status, record.effort, record.minutes, record.note) == (RecordStatus.DONE, 7.0, 55, "felt quick")
    assert record.key == ("ath-1", DAY, SessionKind.WEIGHTS)
    assert record.planned is WEIGHTS
    assert is_as_planned(record)
    with pytest.raises(EntryError, match=r"Minutes: '55\.5' is not a whole number"):
        entry_record(ADA, DAY, WEIGHTS, items, minutes="55.5")
    with pytest.raises(EntryError, match="Effort: 'hard' is not a number"):
        entry_record(ADA, DAY, WEIGHTS, items, effort="hard")


def test_a_status_set_by_the_coach_wins_and_missed_keeps_only_the_note() -> None:
    items = sets_from_cells(WEIGHTS, AS_PLANNED)
    partly = entry_record(ADA, DAY, WEIGHTS, items, status=RecordStatus.PARTLY_DONE)
    assert partly.status is RecordStatus.PARTLY_DONE and not is_as_planned(partly)
    missed = entry_record(ADA, DAY, WEIGHTS, items, effort="3", minutes="10", note="ill", status=RecordStatus.MISSED)
    assert (missed.items, missed.effort, missed.minutes, missed.note) == ((), None, None, "ill")


def test_a_record_edited_keeps_the_units_its_loads_were_typed_in() -> None:
    # Recorded in kg, the athlete since converted to lb: the card shows and edits the record's
    # kg, so what it gives back is the same record, not its numbers read as pounds.
    recorded = entry_record(ADA, DAY, WEIGHTS, sets_from_cells(WEIGHTS, AS_PLANNED), note="easy")
    in_lb = ADA._replace(units=Units.LB)
    units = entry_units(in_lb, recorded)
    assert units is Units.KG
    shown = record_cells(recorded, WEIGHTS, units)
    again = entry_record(in_lb, DAY, WEIGHTS, sets_from_cells(WEIGHTS, shown), note="easy", units=units)
    assert again == recorded
    assert again.items[0].sets[0] == DoneSet(5, 120.0)
    # A session not recorded yet is typed in the athlete's units, as before.
    assert entry_units(in_lb, None) is Units.LB
    fresh = entry_record(in_lb, DAY, WEIGHTS, as_planned_items(WEIGHTS, Units.LB))
    assert fresh.units is Units.LB


def test_cells_of_a_record_show_what_was_done_and_empty_sets_for_the_rest() -> None:
    items = (DoneItem("back_squat", (DoneSet(5, 120.0), DoneSet(3, 117.5))), DoneItem("nordic_curl", ()))
    record = entry_record(ADA, DAY, WEIGHTS, items)
    shown = record_cells(record, WEIGHTS, Units.KG)
    assert shown == cells((("5", "120"), ("3", "117.5"), ("", "")), (("", ""),) * 2)
    assert sets_from_cells(WEIGHTS, shown) == items
    missed = entry_record(ADA, DAY, WEIGHTS, (), status=RecordStatus.MISSED)
    assert record_cells(missed, WEIGHTS, Units.KG) == cells((("", ""),) * 3, (("", ""),) * 2)


def test_bad_numbers_reach_the_edit_which_refuses_them_whole() -> None:
    document = season(athletes=(ADA,))
    items = sets_from_cells(WEIGHTS, cells((("5", "120"), ("5", "-20"), ("5", "120")), (("5", ""),) * 2))
    record = entry_record(ADA, DAY, WEIGHTS, items)
    message = refused(lambda s: edits.record_session(s, "ath-1", DAY, SessionKind.WEIGHTS, record), document)
    assert message.startswith("Test Athlete's weights session on 2026-10-14, back squat, set 2: the load must be 0")
    assert message.endswith("found -20 kg; nothing was recorded")
    eleven = entry_record(ADA, DAY, WEIGHTS, sets_from_cells(WEIGHTS, AS_PLANNED), effort="11")
    message = refused(lambda s: edits.record_session(s, "ath-1", DAY, SessionKind.WEIGHTS, eleven), document)
    assert message == ("Test Athlete's weights session on 2026-10-14: the effort must be 0 to 10, found 11; "
                       "nothing was recorded")
    good = entry_record(ADA, DAY, WEIGHTS, sets_from_cells(WEIGHTS, AS_PLANNED), effort="7")
    after = pure(lambda s: edits.record_session(s, "ath-1", DAY, SessionKind.WEIGHTS, good), document)
    assert after.records == (good,)


def test_sets_on_one_line() -> None:
    assert parse_sets("5x120, 5 x 120 kg,3×117.5", SQUAT) == (DoneSet(5, 120.0), DoneSet(5, 120.0), DoneSet(3, 117.5))
    assert parse_sets("5, 4", NORDIC) == (DoneSet(5), DoneSet(4))
    assert parse_sets("6x20m, 6", BOUNDS) == (DoneSet(6, distance_m=20.0), DoneSet(6))
    assert parse_sets("  ", SQUAT) == ()
    with pytest.raises(EntryError, match=r"Back squat, set 2: '5x' is not reps or reps x load"):
        parse_sets("5x120, 5x", SQUAT)
    with pytest.raises(EntryError, match="Alternate-leg bounds, set 1: 'far' is not reps or reps x metres"):
        parse_sets("far", BOUNDS)


done_sets = st.lists(
    st.builds(DoneSet, st.integers(0, 50), st.one_of(st.none(), st.integers(0, 4000).map(lambda n: n / 4)), st.none()),
    max_size=8,
)


@given(done_sets)
def test_sets_text_reads_back_as_the_same_sets(sets: list[DoneSet]) -> None:
    assert parse_sets(sets_text(sets, SQUAT), SQUAT) == tuple(sets)


typed_number = st.one_of(st.just(""), st.integers(0, 300).map(str), st.integers(0, 1200).map(lambda n: f"{n / 4:g}"))


@given(st.data())
def test_a_record_drawn_back_into_the_grid_reads_the_same(data: st.DataObject) -> None:
    typed = tuple(
        tuple(SetCells(data.draw(typed_number), data.draw(typed_number)) for _ in range(item.sets))
        for item in WEIGHTS.items
    )
    try:
        items = sets_from_cells(WEIGHTS, typed)
    except EntryError:
        return  # a fraction of reps: refused, with its place
    record = entry_record(ADA, DAY, WEIGHTS, items)
    assert record.status is derived_status(WEIGHTS, items)
    shown = record_cells(record, WEIGHTS, Units.KG)
    if record.status is RecordStatus.MISSED:
        assert all(c == SetCells("", "") for cells in shown for c in cells)
    else:
        assert sets_from_cells(WEIGHTS, shown) == items


def test_a_refusal_names_the_cell_it_is_about() -> None:
    with pytest.raises(EntryError) as caught:
        sets_from_cells(WEIGHTS, cells((("5", "120"), ("5", "1x0"), ("5", "120")), (("5", ""),) * 2))
    assert caught.value.place == (0, 1, "amount")
    with pytest.raises(EntryError) as caught:
        entry_record(ADA, DAY, WEIGHTS, (), minutes="soon", status=RecordStatus.DONE)
    assert caught.value.place == ("minutes",)
    # The record keeps only the sets done: its second set is the card's third row here.
    typed = cells((("5", "120"), ("", ""), ("5", "-5")), (("5", ""),) * 2)
    items = sets_from_cells(WEIGHTS, typed)
    assert problem_place("record.items[0].sets[1].load", items, typed) == (0, 2, "amount")
    assert problem_place("record.items[1].sets[0].reps", items, typed) == (1, 0, "reps")
    assert problem_place("record.effort", items, typed) == ("effort",)
    assert problem_place("record.planned.items[0]", items, typed) == ()
