"""What an edit changed: the difference between two versions of the season, as the views need it.

An edit is a pure ``Season -> Season`` function, so what it changed is found by comparing the
season before and after (records are immutable, so an untouched part is the very same object
and compares at once). A view then redraws only what the change set flags: the calendar keeps
its layout unless the season's dates moved, the notes list sleeps through a changed load, and
a plan is looked at again only for the athletes whose plan may differ.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

from planner.document.model import Season

_K = TypeVar("_K")
_V = TypeVar("_V")


class Changes(NamedTuple):
    """A change set. ``athletes`` are those whose plan may differ (their record, the
    competitions they are entered in, their overrides or locked weeks, or the season's dates
    changed); ``dates`` the days whose competitions, overrides, locked weeks or notes changed
    (the season's dates moving is ``settings``); ``roster`` that the list of athletes or an
    athlete's own record changed; ``settings`` the season's name, dates or week start;
    ``records`` that what was done in a session was recorded, changed or removed (its day is
    in ``dates`` and its athlete in ``athletes``: the record feeds the athlete's load figures
    and checks). ``held`` are the past days, by athlete, that the edit would have changed but
    that were kept as planned (the window fills it in; comparing documents cannot tell).
    ``initiator`` is who started the edit (None for undo, redo or another document)."""

    athletes: frozenset[str] = frozenset()
    dates: frozenset[date] = frozenset()
    roster: bool = False
    competitions: bool = False
    settings: bool = False
    notes: bool = False
    initiator: object = None
    records: bool = False
    held: tuple[tuple[str, date], ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.athletes or self.dates or self.roster or self.competitions or self.settings or self.notes
            or self.records
        )

    def plan_of(self, athlete_id: str) -> bool:
        """True when ``athlete_id``'s plan may have changed."""
        return athlete_id in self.athletes

    def on(self, day: date) -> bool:
        """True when something the coach entered changed on ``day`` (or the season's dates did)."""
        return self.settings or day in self.dates


def everything(before: Season | None, after: Season, initiator: object = None) -> Changes:
    """A different document altogether (new, open, restore): every view starts again."""
    ids = {a.id for a in after.athletes} | ({a.id for a in before.athletes} if before is not None else set())
    return Changes(frozenset(ids), frozenset(), True, True, True, True, initiator, records=True)


def changes_between(before: Season, after: Season, initiator: object = None) -> Changes:
    """What differs between two versions of one season."""
    if before is after:
        return Changes(initiator=initiator)
    if before.id != after.id:
        return everything(before, after, initiator)
    squad = frozenset(a.id for a in before.athletes) | frozenset(a.id for a in after.athletes)
    athletes: set[str] = set()
    dates: set[date] = set()

    roster = before.athletes != after.athletes
    if roster:
        athletes |= _changed_keys({a.id: a for a in before.athletes}, {a.id: a for a in after.athletes})

    competitions = before.competitions != after.competitions
    if competitions:
        old, new = {c.id: c for c in before.competitions}, {c.id: c for c in after.competitions}
        for competition_id in _changed_keys(old, new):
            for competition in (old.get(competition_id), new.get(competition_id)):
                if competition is not None:
                    athletes |= squad if competition.athletes is None else set(competition.athletes)
                    dates.update(competition.dates())

    if before.overrides != after.overrides:
        keyed = _changed_keys({o.key: o for o in before.overrides}, {o.key: o for o in after.overrides})
        for athlete_id, day, _kind in keyed:
            athletes.add(athlete_id)
            dates.add(day)

    if before.locked_weeks != after.locked_weeks:
        old_weeks = {(w.athlete_id, w.week_start): w for w in before.locked_weeks}
        new_weeks = {(w.athlete_id, w.week_start): w for w in after.locked_weeks}
        for athlete_id, week_start in _changed_keys(old_weeks, new_weeks):
            athletes.add(athlete_id)
            dates |= {week_start + timedelta(days=n) for n in range(7)}

    notes = before.notes != after.notes
    if notes:
        # Notes have no id: a changed note is one gone and one come, counted as a multiset so
        # that a second copy of a note (added, removed, undone) names its day too.
        old_notes, new_notes = Counter(before.notes), Counter(after.notes)
        moved = (old_notes - new_notes) + (new_notes - old_notes)
        dates |= {note.date for note in moved if note.date is not None}

    records = before.records != after.records
    if records:
        recorded = _changed_keys({r.key: r for r in before.records}, {r.key: r for r in after.records})
        dates |= {day for _athlete, day, _kind in recorded}
        athletes |= {athlete_id for athlete_id, _day, _kind in recorded}

    if before.frozen != after.frozen:
        for athlete_id in {f.athlete_id for f in before.frozen} | {f.athlete_id for f in after.frozen}:
            old_spans, new_spans = before.frozen_spans(athlete_id), after.frozen_spans(athlete_id)
            if old_spans != new_spans:
                athletes.add(athlete_id)
                for span in set(old_spans) ^ set(new_spans):
                    dates.update(span.days())

    if before.dismissed != after.dismissed:
        athletes |= {d.athlete_id for d in set(before.dismissed) ^ set(after.dismissed)}
    shape = _shape(before) != _shape(after)
    if shape:
        athletes |= squad
    settings = shape or before.name != after.name
    return Changes(frozenset(athletes), frozenset(dates), roster, competitions, settings, notes, initiator, records)


def _changed_keys(old: Mapping[_K, _V], new: Mapping[_K, _V]) -> set[_K]:
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def _shape(season: Season) -> tuple[date, date, int]:
    return (season.first_day, season.last_day, season.week_start)
