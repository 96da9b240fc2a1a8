"""Test results: recording a test session moves the maxes it tested, in the same edit.

A test session (tag "test", rule strength.test) ends each lift's ramp with a rep-max
attempt: an item of the rule with no percentage. What the athlete lifted in that attempt is
the new max, dated the test day and marked tested: a single is the max itself, a rep max an
estimate by the formula of rule max.estimate, rounded down to the athlete's plate increment.
The max is dated the test day, so the days before keep their loads (``Athlete.max_on``) and
the test day itself is kept as planned once it is recorded; loads follow it from the next day.

``record_result`` and ``remove_result`` are edits like those of ``planner.document.edits``:
one undo step each, refused whole with an ``EditError`` that names what and where.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from planner.document import edits
from planner.document.catalogue import catalogue, lift_name
from planner.document.model import Athlete, MaxEntry, Season
from planner.document.records import RecordStatus, SessionRecord
from planner.document.sessions import SessionKind
from planner.document.validation import MAX_RANGE_KG, in_kg_range, record_session_words
from planner.engine.attempts import in_athlete_units, is_test, rep_max_attempts
from planner.engine.estimates import estimated_max, floor_to
from planner.engine.freeze import settle
from planner.engine.rules import RuleBook, rule_book

__all__ = ["ResultMax", "maxes_from_result", "record_result", "remove_result"]

class ResultMax(NamedTuple):
    """The max one test attempt gives: ``value`` in the athlete's units from ``load`` x ``reps``
    (the best set of the attempt)."""

    lift: str
    value: float
    load: float
    reps: int


def _lift(exercise_id: str) -> str:
    # A substitute tested (hang clean for power clean) is recorded as its own max.
    found = catalogue().get(exercise_id)
    return (found.max_from if found is not None else None) or exercise_id


def maxes_from_result(record: SessionRecord, athlete: Athlete, rules: RuleBook | None = None) -> tuple[ResultMax, ...]:
    """The maxes a test session's record gives, one per lift attempted with a load lifted.

    Nothing for a record that is not of a test, a missed session, or attempts without a
    load (ticked done without numbers) or with only failed reps.
    """
    book = rules or rule_book()
    if record.status is RecordStatus.MISSED or not is_test(record.planned):
        return ()
    best: dict[str, ResultMax] = {}
    for position in rep_max_attempts(record.planned):
        if position >= len(record.items):
            continue
        planned, done = record.planned.items[position], record.items[position]
        if done.exercise_id != planned.exercise_id:
            continue
        lift = _lift(planned.exercise_id)
        for done_set in done.sets:
            if done_set.load is None:
                continue
            load = in_athlete_units(done_set.load, record, athlete)
            estimate = estimated_max(load, done_set.reps, book)
            if estimate is None:
                continue
            value = floor_to(estimate, athlete.equipment.increment)
            if value <= 0:
                continue
            found = ResultMax(lift, value, load, done_set.reps)
            if lift not in best or value > best[lift].value:
                best[lift] = found
    return tuple(best.values())


def record_result(season: Season, record: SessionRecord) -> Season:
    """Keep ``record`` (as ``edits.record_session`` does) and, for a test session, the maxes
    its attempts give, dated the test day and tested. Re-recording a test replaces the maxes
    its earlier record made; a max typed by hand on that day for another lift stays."""
    earlier = season.find_record(record.key)
    recorded = edits.record_session(season, record.athlete_id, record.date, record.kind, record)
    athlete = recorded.athlete(record.athlete_id)
    found_maxes = maxes_from_result(record, athlete)
    if found_maxes:
        # The test day keeps the ramp it was prescribed (the window has kept it already): the
        # new max is dated that day and must move loads only from the next day on.
        recorded = settle(recorded, season.first_day, [(record.athlete_id, record.date)])
    result = _without_maxes_of(recorded, earlier)
    for found in found_maxes:
        if not in_kg_range(found.value, athlete.units, MAX_RANGE_KG):
            low, high = (athlete.units.from_kg(kg) for kg in MAX_RANGE_KG)
            raise edits.EditError(
                f"{_attempt_words(season, record, found, athlete)} works out to a max of {found.value:g} "
                f"{athlete.units.value}, outside {low:.0f}-{high:.0f} {athlete.units.value}; nothing was recorded"
            )
        try:
            result = edits.record_max(result, record.athlete_id, lift=found.lift, day=record.date, value=found.value,
                                      tested=True, from_reps=found.reps if found.reps > 1 else None)
        except edits.EditError as error:
            # Said of the attempt the coach typed, not of a max they never entered. (The max's
            # range, the likely refusal, is checked above in those words.)
            raise edits.EditError(
                f"{_attempt_words(season, record, found, athlete)}: {error}; nothing was recorded"
            ) from None
    return result


def _attempt_words(season: Season, record: SessionRecord, found: ResultMax, athlete: Athlete) -> str:
    """"Łucja Nowak's weights session on 2027-03-02, back squat: 3 x 105 kg"."""
    return (f"{record_session_words(season, record)}, {lift_name(found.lift)}: {found.reps} x {found.load:g} "
            f"{athlete.units.value}")


def remove_result(season: Season, athlete_id: str, day: date, kind: SessionKind) -> Season:
    """Forget what was recorded for a session and the maxes its test result made."""
    earlier = season.find_record((athlete_id, day, SessionKind(kind)))
    removed = edits.remove_record(season, athlete_id, day, kind)
    return _without_maxes_of(removed, earlier)


def _without_maxes_of(season: Season, record: SessionRecord | None) -> Season:
    """``season`` without the maxes ``record`` made: those still as it recorded them (a max the
    coach has changed since is theirs, and stays)."""
    if record is None:
        return season
    athlete = season.find_athlete(record.athlete_id)
    if athlete is None:
        return season
    made = {(m.lift, record.date, m.value) for m in maxes_from_result(record, athlete)}
    kept = tuple(m for m in athlete.maxes if not (m.tested and (m.lift, m.date, m.value) in made))
    if len(kept) == len(athlete.maxes):
        return season
    return _with_maxes(season, athlete, kept)


def _with_maxes(season: Season, athlete: Athlete, maxes: Iterable[MaxEntry]) -> Season:
    new = athlete._replace(maxes=tuple(maxes))
    athletes = tuple(new if a.id == athlete.id else a for a in season.athletes)
    return season._replace(athletes=athletes)
