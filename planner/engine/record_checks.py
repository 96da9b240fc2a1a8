"""Checks on what was done: runs of missed sessions and weeks far over plan.

Judged from the records alone, so a plan warns the same whatever day the window runs on: a
session nobody recorded yet says nothing (it may simply not be entered), a recorded one is
a fact. Rules record.missed and record.over.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.by_identity import ByIdentity
from planner.document.model import Athlete, Season
from planner.document.records import RecordStatus, SessionRecord
from planner.document.text import plural, span_text
from planner.engine.compliance import session_compliance
from planner.engine.plan import PlanWarning
from planner.engine.rules import RuleBook

__all__ = ["RecordFigures", "record_figures", "record_warnings"]

# Planned and done volume-load (kg) and contacts of one recorded session.
RecordFigures = tuple[float, float, float, float]


def record_warnings(athlete: Athlete, season: Season, rules: RuleBook) -> list[PlanWarning]:
    records = sorted((r for r in season.records if r.athlete_id == athlete.id), key=lambda r: (r.date, r.kind))
    if not records:
        return []
    return _missed(records, season, rules) + _over_plan(records, season, rules)


def _missed(records: Sequence[SessionRecord], season: Season, rules: RuleBook) -> list[PlanWarning]:
    rule = rules["record.missed"]
    in_a_row = rule.whole("in_a_row")
    found: list[PlanWarning] = []
    covered: set[date] = set()  # days a run already warned about
    run: list[SessionRecord] = []

    def close() -> None:
        if len(run) >= in_a_row:
            first, last = run[0].date, run[-1].date
            covered.update(r.date for r in run)
            found.append(PlanWarning(
                "record.missed", first,
                f"{plural(len(run), 'session')} missed in a row ({span_text(first, last)}): the plan goes on as if "
                "they were done; talk to the athlete and adjust",
            ))
        run.clear()

    for record in records:
        if record.status is RecordStatus.MISSED:
            run.append(record)
        else:
            close()
    close()

    # Weeks whose recorded sessions were all missed, counted in calendar weeks that follow
    # each other; a week with nothing recorded breaks the count (nothing is known of it).
    weeks_wanted = rule.whole("weeks")
    by_week: dict[date, list[SessionRecord]] = {}
    for record in records:
        by_week.setdefault(season.week_of(record.date), []).append(record)
    streak: list[date] = []

    def close_weeks() -> None:
        if len(streak) >= weeks_wanted:
            days = [r.date for start in streak for r in by_week[start]]
            if not set(days) <= covered:
                found.append(PlanWarning(
                    "record.missed", streak[0],
                    f"No session done in {plural(len(streak), 'week')} ({span_text(streak[0], max(days))}): "
                    f"all {plural(len(days), 'recorded session')} missed",
                ))
        streak.clear()

    for start in sorted(by_week):
        none_done = all(r.status is RecordStatus.MISSED for r in by_week[start])
        if none_done and streak and (start - streak[-1]).days != 7:
            close_weeks()
        if none_done:
            streak.append(start)
        else:
            close_weeks()
    close_weeks()
    return found


def _over_plan(records: Sequence[SessionRecord], season: Season, rules: RuleBook) -> list[PlanWarning]:
    ratio = rules["record.over"].number("ratio")
    by_week: dict[date, list[RecordFigures]] = {}
    for record in records:
        figures = record_figures(record)
        if figures is not None:
            by_week.setdefault(season.week_of(record.date), []).append(figures)
    found: list[PlanWarning] = []
    for start in sorted(by_week):
        planned_kg = sum(f[0] for f in by_week[start])
        done_kg = sum(f[1] for f in by_week[start])
        planned_contacts = sum(f[2] for f in by_week[start])
        done_contacts = sum(f[3] for f in by_week[start])
        over: list[str] = []
        if planned_kg > 0 and done_kg > ratio * planned_kg:
            over.append(f"volume-load {done_kg:.0f} kg of {planned_kg:.0f} planned ({done_kg / planned_kg:.0%})")
        if planned_contacts > 0 and done_contacts > ratio * planned_contacts:
            over.append(f"{done_contacts:.0f} contacts of {planned_contacts:.0f} planned "
                        f"({done_contacts / planned_contacts:.0%})")
        if over:
            found.append(PlanWarning(
                "record.over", start,
                f"Week far over plan: {' and '.join(over)}; more than {ratio:.0%} of the plan is a jump the load "
                "waves are there to avoid",
            ))
    return found


# Records are shared by the documents an edit makes one after another: measured once each.
_FIGURES: ByIdentity[RecordFigures | None] = ByIdentity()


def record_figures(record: SessionRecord) -> RecordFigures | None:
    """Planned and done volume-load (kg) and contacts of a recorded session, as compliance
    measures them; None when the record holds no numbers to compare (ticked done without
    them). A missed session did nothing of what it planned."""
    return _FIGURES.get(_figures, record)


def _figures(record: SessionRecord) -> RecordFigures | None:
    if record.status is not RecordStatus.MISSED and not record.items:
        return None
    measured = session_compliance(record)
    return (measured.planned_volume_kg, measured.done_volume_kg, float(measured.planned_contacts),
            measured.done_contacts)
