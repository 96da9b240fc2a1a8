"""Test sessions and their rep-max attempts, and the units a record's loads are read in.

A test session (tag "test", rule strength.test) ramps each tested lift up to a rep-max
attempt: an item of the rule with no percentage (each ramp set has one). Shared by test
results (``planner.engine.results``), which turn attempts into maxes, and by max proposals
(``planner.engine.proposals``), which leave tests out of the work sets they read.
"""

from __future__ import annotations

from planner.document.model import Athlete, in_units
from planner.document.records import SessionRecord
from planner.document.sessions import Item, Session, SessionKind

__all__ = ["TEST_RULE", "TEST_TAG", "in_athlete_units", "is_test", "rep_max_attempts"]

TEST_TAG = "test"
TEST_RULE = "strength.test"


def is_test(session: Session) -> bool:
    return session.kind is SessionKind.WEIGHTS and TEST_TAG in session.tags


def rep_max_attempts(session: Session) -> tuple[int, ...]:
    """Positions of the session's rep-max attempts: the test rule's items without a
    percentage (the ramp before each has one)."""
    if not is_test(session):
        return ()
    return tuple(i for i, item in enumerate(session.items) if _attempt(item))


def _attempt(item: Item) -> bool:
    return TEST_RULE in item.rule_ids and item.percent_max is None and item.intensity is None


def in_athlete_units(load: float, record: SessionRecord, athlete: Athlete) -> float:
    """A load of ``record`` in the athlete's units now (a record keeps the units it was typed in)."""
    return in_units(load, record.units, athlete.units)
