"""The open season's change sets: who made a change, what undo and redo say, and the plans kept."""

from __future__ import annotations

from datetime import date

from planner.document import edits
from planner.document.changes import Changes
from planner.document.model import Priority, Season
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.engine.results import record_result
from ui.document import OpenSeason


def record(document: OpenSeason) -> list[Changes]:
    seen: list[Changes] = []
    document.changed.connect(seen.append)
    return seen


def test_an_edit_says_who_made_it_and_undo_and_redo_say_nobody(document: OpenSeason) -> None:
    seen = record(document)
    maker = object()
    document.apply("Move competition", lambda s: edits.move_competition(s, "comp-3", date(2027, 2, 20)), maker)
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert [c.initiator for c in seen] == [maker, None, None]
    assert all(c.athletes == {"ath-1", "ath-2"} and c.competitions for c in seen)


def test_an_edit_that_changes_nothing_says_nothing(document: OpenSeason) -> None:
    seen = record(document)
    document.apply("Nothing", lambda s: s)
    assert seen == [] and document.undo_stack.count() == 0


def test_only_the_plans_an_edit_may_touch_are_derived_again(document: OpenSeason) -> None:
    before = {athlete_id: plan for athlete_id, plan in document.plans().items()}
    document.apply("Move competition", lambda s: edits.move_competition(s, "comp-3", date(2027, 2, 20)))
    after = document.plans()
    assert [a for a in after if after[a] is before[a]] == ["ath-3", "ath-4", "ath-5"]


def test_another_document_changes_everything(document: OpenSeason, demo: Season) -> None:
    seen = record(document)
    document.replace(edits.change_season(demo, name="Another"), None)
    assert len(seen) == 1 and seen[0].roster and seen[0].settings and seen[0].notes and seen[0].competitions


def test_an_edit_keeps_the_past_and_names_the_past_days_it_would_have_changed(demo: Season) -> None:
    document = OpenSeason(demo, today=date(2026, 11, 27))
    seen = record(document)
    before = {d.date: d.sessions for d in document.plan("ath-1").days if d.date < date(2026, 11, 27)}

    document.apply("Add competition", lambda s: edits.add_competition(
        s, name="Club meet", start=date(2026, 11, 25), end=date(2026, 11, 25), priority=Priority.C, indoor=True
    ))

    after = {d.date: d.sessions for d in document.plan("ath-1").days if d.date < date(2026, 11, 27)}
    assert after == before
    assert ("ath-1", date(2026, 11, 26)) in seen[-1].held
    assert all(day < date(2026, 11, 27) for _athlete, day in seen[-1].held)
    document.undo_stack.undo()
    assert document.season == demo and seen[-1].held == ()
    document.undo_stack.redo()
    assert seen[-1].held == ()  # said once, when the edit was made


def test_a_record_keeps_its_day_as_planned_in_the_same_undo_step(demo: Season) -> None:
    document = OpenSeason(demo, today=date(2026, 11, 27))
    day = date(2026, 11, 30)
    session = document.plan("ath-1").day(day).sessions[0]  # type: ignore[union-attr]

    document.apply("Done as planned", lambda s: edits.mark_done_as_planned(s, "ath-1", day, session.kind, session),
                   freeze=[("ath-1", day)])

    assert document.plan("ath-1").day(day).frozen  # type: ignore[union-attr]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.season == demo


def test_a_test_result_does_not_report_its_own_day_as_held(demo: Season) -> None:
    document = OpenSeason(demo, today=date(2026, 12, 23))
    seen = record(document)
    day = date(2026, 12, 22)
    test = document.plan("ath-1").day(day).sessions[0]  # type: ignore[union-attr]
    items = tuple(
        DoneItem(i.exercise_id, (DoneSet(3, 100.0 if i.exercise_id == "back_squat" else 65.0),))
        if i.percent_max is None and i.note.startswith("test") else DoneItem(i.exercise_id)
        for i in test.items
    )
    result = SessionRecord("ath-1", day, test.kind, RecordStatus.PARTLY_DONE, test, items=items)

    document.apply("Record", lambda s: record_result(s, result), freeze=[("ath-1", day)])

    assert any(m.date == day and m.from_reps == 3 for m in document.season.athlete("ath-1").maxes)
    assert seen[-1].held == ()
