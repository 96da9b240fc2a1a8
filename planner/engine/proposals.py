"""Max proposals: logged work sets that show a clearly higher or lower max (rule max.proposal).

A work set is a set of a main lift prescribed from that lift's own max at the rule's
percentage or more (not a test, not a warm-up: warm-ups are not items). Its estimated max
counts the reps in reserve the prescription left, by the same formula the prescription
follows (``planner.engine.estimates``): a set done as prescribed estimates the max it was
worked from, so only a set lifted heavier, or for more or fewer reps, moves the estimate.

The best set of the last weeks since the lift's latest max is compared with that max; more
than the rule's margin above, the plan carries a proposal. A work set leaves reps in reserve,
so it shows a lower max only when the athlete fell short of it: a lower proposal needs the
best set itself to have been lighter or shorter than prescribed (a set done as prescribed
from an older, lower max, say before a test result was entered, shows nothing of the kind).

Nothing changes a max without the coach: accepting a proposal is an edit
(``edits.record_max``), dismissing one is kept in the season so that it does not come back.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from planner.by_identity import ByIdentity
from planner.document.catalogue import catalogue, lift_name
from planner.document.model import Athlete, MaxEntry, Season, Units, in_units
from planner.document.records import RecordStatus, SessionRecord
from planner.document.sessions import Item, SessionKind
from planner.engine.attempts import TEST_RULE, is_test
from planner.engine.estimates import estimated_max, floor_to, reps_to_failure
from planner.engine.plan import MaxProposal
from planner.engine.rules import RuleBook

__all__ = ["evidence_text", "max_proposals", "proposal_text"]


class _Evidence(NamedTuple):
    lift: str
    day: date
    load: float
    reps: int
    estimate: float
    short: bool  # lighter or fewer reps than prescribed


def max_proposals(season: Season, athlete: Athlete, rules: RuleBook) -> tuple[MaxProposal, ...]:
    """The athlete's proposals, one per lift at most, by the date of their evidence."""
    records = [r for r in season.records if r.athlete_id == athlete.id and _counts(r)]
    if not records:
        return ()
    rule = rules["max.proposal"]
    window = timedelta(weeks=rule.whole("weeks"))
    margin = rule.number("margin")
    by_lift: dict[str, list[_Evidence]] = {}
    for evidence in _work_sets(records, athlete, rules):
        by_lift.setdefault(evidence.lift, []).append(evidence)
    proposals: list[MaxProposal] = []
    for lift, found in by_lift.items():
        latest = _latest_max(athlete, lift)
        if latest is None:
            continue
        # Sets before the latest max are what it was set from, or older than it.
        since = [e for e in found if e.day > latest.date]
        if not since:
            continue
        last_day = max(e.day for e in since)
        recent = [e for e in since if e.day > last_day - window]
        best = max(recent, key=lambda e: (e.estimate, e.day))
        higher = best.estimate > latest.value * (1 + margin)
        lower = best.estimate < latest.value * (1 - margin) and best.short
        if not (higher or lower):
            continue
        proposed = floor_to(best.estimate, athlete.equipment.increment)
        if proposed <= 0 or proposed == latest.value:
            continue
        proposal = MaxProposal(lift, best.day, latest.value, proposed, athlete.units.value, best.load, best.reps)
        if not _dismissed(season, athlete.id, proposal):
            proposals.append(proposal)
    return tuple(sorted(proposals, key=lambda p: (p.evidence_date, p.lift)))


def proposal_text(proposal: MaxProposal) -> str:
    """"Back squat looks like 112.5 kg, not 105: update?"."""
    name = lift_name(proposal.lift)
    return (f"{name[:1].upper()}{name[1:]} looks like {proposal.proposed:g} {proposal.units}, "
            f"not {proposal.current:g}: update?")


def evidence_text(proposal: MaxProposal) -> str:
    """What the proposal rests on: "5 x 100 kg on Tue 3 Mar"."""
    return (f"{proposal.reps} x {proposal.load:g} {proposal.units} on "
            f"{proposal.evidence_date.strftime('%a')} {proposal.evidence_date.day} "
            f"{proposal.evidence_date.strftime('%b %Y')}")


def _counts(record: SessionRecord) -> bool:
    return (
        record.kind is SessionKind.WEIGHTS
        and record.status in (RecordStatus.DONE, RecordStatus.PARTLY_DONE)
        and not is_test(record.planned)
    )


def _latest_max(athlete: Athlete, lift: str) -> MaxEntry | None:
    entries = [m for m in athlete.maxes if m.lift == lift]
    return max(entries, key=lambda m: m.date) if entries else None


def _work_set(item: Item, min_pct: float) -> bool:
    found = catalogue().get(item.exercise_id)
    return (
        found is not None
        and found.barbell
        and found.max_from == item.exercise_id
        and item.percent_max is not None
        and item.percent_max >= min_pct
        and TEST_RULE not in item.rule_ids
    )


def _work_sets(records: list[SessionRecord], athlete: Athlete, rules: RuleBook) -> Iterator[_Evidence]:
    for record in records:
        yield from _EVIDENCE.get(_record_evidence, record, athlete.units, rules)


# Records are shared by the documents an edit makes one after another: read once each.
_EVIDENCE: ByIdentity[tuple[_Evidence, ...]] = ByIdentity()


def _record_evidence(record: SessionRecord, units: Units, rules: RuleBook) -> tuple[_Evidence, ...]:
    min_pct = rules["max.proposal"].number("min_pct")
    max_reps = rules["max.proposal"].whole("max_reps")
    found: list[_Evidence] = []
    for planned, done in zip(record.planned.items, record.items, strict=False):
        if done.exercise_id != planned.exercise_id or not _work_set(planned, min_pct):
            continue
        assert planned.percent_max is not None  # a work set has its percentage (_work_set)
        in_reserve = reps_to_failure(planned.percent_max, rules) - planned.reps
        for done_set in done.sets:
            if done_set.load is None or not 1 <= done_set.reps <= max_reps:
                continue
            load = in_units(done_set.load, record.units, units)
            estimate = estimated_max(load, done_set.reps, rules, in_reserve)
            if estimate is None:
                continue
            # Compared in kg, with the tenth a typed pound load is rounded to.
            lighter = planned.load_kg is not None and record.units.to_kg(done_set.load) < planned.load_kg - 0.05
            short = lighter or done_set.reps < planned.reps
            found.append(_Evidence(planned.exercise_id, record.date, load, done_set.reps, estimate, short))
    return tuple(found)


def _dismissed(season: Season, athlete_id: str, proposal: MaxProposal) -> bool:
    return any(
        d.athlete_id == athlete_id and d.lift == proposal.lift and d.date == proposal.evidence_date
        and d.value == proposal.proposed
        for d in season.dismissed
    )
