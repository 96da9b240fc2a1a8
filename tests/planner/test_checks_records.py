"""Plan checks on what was done: runs of missed sessions (rule record.missed) and weeks far
over plan (rule record.over), judged from the records alone."""

from __future__ import annotations

from datetime import date

import pytest
from builders import plan_for, season

from planner.document import edits
from planner.document.model import Season
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Session, SessionKind
from planner.engine.generator import generate
from planner.engine.plan import PlanWarning
from planner.engine.record_checks import record_figures
from planner.engine.rules import rule_book

BASE = season()


def sessions_from(day: date, kind: SessionKind | None = None) -> list[Session]:
    return [s for d in plan_for(BASE).days if d.date >= day for s in d.sessions if kind is None or s.kind is kind]


def missed(doc: Season, planned: Session) -> Season:
    return edits.mark_missed(doc, "ath-1", planned.date, planned.kind, planned)


def done(doc: Season, planned: Session) -> Season:
    return edits.mark_done_as_planned(doc, "ath-1", planned.date, planned.kind, planned)


def warned(doc: Season, rule_id: str) -> list[PlanWarning]:
    return [w for w in generate(doc, "ath-1").warnings if w.rule_id == rule_id]


def test_the_rules_are_in_the_rule_book() -> None:
    book = rule_book()
    assert book["record.missed"].whole("in_a_row") == 3 and book["record.missed"].whole("weeks") == 2
    assert book["record.over"].number("ratio") == 1.5
    assert not book["record.missed"].hard and not book["record.over"].hard


def test_three_sessions_missed_in_a_row_warn_once_from_the_first() -> None:
    first, second, third, fourth, fifth = sessions_from(date(2026, 11, 2))[:5]
    doc = missed(missed(BASE, first), second)
    assert warned(doc, "record.missed") == []
    doc = missed(missed(doc, third), fourth)
    [warning] = warned(doc, "record.missed")
    assert warning.date == first.date
    assert warning.message.startswith("4 sessions missed in a row (")
    # A session done in between breaks the run.
    broken = missed(missed(done(missed(missed(BASE, first), second), third), fourth), fifth)
    assert warned(broken, "record.missed") == []


def test_two_weeks_whose_recorded_sessions_were_all_missed_warn() -> None:
    # One session recorded in each of two weeks running, both missed: not three in a row.
    week1 = sessions_from(date(2026, 11, 2))[0]
    week2 = sessions_from(date(2026, 11, 9))[0]
    doc = missed(missed(BASE, week1), week2)
    [warning] = warned(doc, "record.missed")
    assert warning.date == date(2026, 11, 2)
    assert warning.message.startswith("No session done in 2 weeks (")
    assert "all 2 recorded sessions missed" in warning.message
    # A week between with nothing recorded: nothing is known of it, no run of weeks.
    apart = missed(missed(BASE, week1), sessions_from(date(2026, 11, 16))[0])
    assert warned(apart, "record.missed") == []
    # A week with one session done among the missed ones was not a week without training.
    other = next(s for s in sessions_from(date(2026, 11, 9)) if s.date < date(2026, 11, 16) and s != week2)
    assert warned(done(doc, other), "record.missed") == []


def doubled(planned: Session) -> SessionRecord:
    """``planned`` done with every load twice the prescribed one."""
    items = tuple(DoneItem(i.exercise_id, tuple(DoneSet(i.reps, i.load * 2 if i.load else None, i.distance_m)
                                                for _ in range(i.sets))) for i in planned.items)
    return SessionRecord("ath-1", planned.date, planned.kind, RecordStatus.DONE, planned, items=items)


def test_a_week_far_over_plan_warns_with_the_figures() -> None:
    planned = next(s for s in sessions_from(date(2026, 11, 2), SessionKind.WEIGHTS)
                   if any(i.load for i in s.items))
    planned_kg = sum(i.total_reps * (i.load_kg or 0) for i in planned.items if i.intensity is None)
    record = doubled(planned)
    assert record_figures(record) == pytest.approx((planned_kg, 2 * planned_kg, 0.0, 0.0))
    doc = edits.record_session(BASE, "ath-1", planned.date, planned.kind, record)
    [warning] = warned(doc, "record.over")
    assert warning.date == BASE.week_of(planned.date)
    assert warning.message.startswith(
        f"Week far over plan: volume-load {2 * planned_kg:.0f} kg of {planned_kg:.0f} planned (200%)")
    # Done as planned, or missed: not over.
    assert warned(done(BASE, planned), "record.over") == []
    assert warned(missed(BASE, planned), "record.over") == []


def test_contacts_over_plan_count_runs_and_distances() -> None:
    planned = sessions_from(date(2026, 11, 2), SessionKind.PLYOMETRICS)[0]
    contacts = sum(i.contacts for i in planned.items)
    # Every set done twice over: twice the contacts.
    items = tuple(DoneItem(i.exercise_id, tuple(DoneSet(i.reps, None, i.distance_m) for _ in range(2 * i.sets)))
                  for i in planned.items)
    record = SessionRecord("ath-1", planned.date, planned.kind, RecordStatus.DONE, planned, items=items)
    assert record_figures(record) == pytest.approx((0.0, 0.0, contacts, 2 * contacts))
    doc = edits.record_session(BASE, "ath-1", planned.date, planned.kind, record)
    [warning] = warned(doc, "record.over")
    assert f"{2 * contacts} contacts of {contacts} planned (200%)" in warning.message
    # Ticked done without numbers: nothing to compare.
    bare = SessionRecord("ath-1", planned.date, planned.kind, RecordStatus.DONE, planned)
    assert record_figures(bare) is None
