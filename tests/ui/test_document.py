"""The open season's change sets: who made a change, what undo and redo say, and the plans kept."""

from __future__ import annotations

from datetime import date

from planner.document import edits
from planner.document.changes import Changes
from planner.document.model import Season
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
