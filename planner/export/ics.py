"""The plans as an iCalendar file (RFC 5545), for the calendar programs coaches and athletes use.

Every athlete's calendar holds one all-day event per session (the summary names it, the
description lists the exercises with sets, reps, percentages and loads) and one all-day event
per competition the athlete is entered in. Sessions have no time of day in SprintPlan, and
all-day events are what calendar programs show as "on that day" without inventing one;
sessions are marked free time (TRANSP:TRANSPARENT) so they never block an athlete's agenda.

UIDs are UUIDs derived from the season id and the item's ids (athlete and session or
competition), never from dates or contents: exporting again after a change and importing the
file into the same calendar updates the events instead of adding copies, and a competition
keeps its UID when it moves. Session ids name the athlete, the day and the kind of session,
so a regenerated session on that day keeps its UID too. A competition gets one UID per
athlete: calendar programs take a UID to mean one event wherever it appears, so a UID shared
by two athletes' calendars would let the second import overwrite or drop the first one's
event. A squad calendar (several plans) is the union of the athletes' calendars with the
same UIDs, each summary prefixed with the athlete's name.

DTSTAMP is the export time, which is what tells a calendar program that a re-imported event
is newer than the one it holds.

Any text the model can hold is written: names and titles go on one line (a line break or
tab becomes a space), descriptions keep their lines, and control characters and lone
surrogates, which a calendar file cannot carry (RFC 5545 3.3.11), are left out. icalendar
escapes and folds the rest; the calendar's own name and description are also written as
X-WR-CALNAME and X-WR-CALDESC, which it does not escape, so they are one line too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from uuid import UUID, uuid5

from icalendar import Calendar, Event
from icalendar.enums import TRANSP

from planner.document.limits import one_line
from planner.document.model import Athlete, Competition, Priority, Season
from planner.document.sessions import Item, Session, SessionKind
from planner.document.text import (
    BODY_WEIGHT,
    KIND_NAMES,
    contacts_text,
    is_plyometric,
    item_note,
    number,
    plates_text,
    rest_text,
    volume_text,
)
from planner.engine.plan import Plan

__all__ = ["competition_uid", "ics_bytes", "season_calendar", "session_uid"]

_DAY = timedelta(days=1)
_PRIORITY_MEANING = {
    Priority.A: "a target competition of the season, tapered for",
    Priority.B: "an important competition, with a mini-taper",
    Priority.C: "trained through",
}


def _product_id() -> str:
    try:
        release = version("sprintplan")
    except PackageNotFoundError:
        release = "unknown"
    return f"-//SprintPlan//SprintPlan {release}//EN"


def _uid(season_id: UUID, name: str) -> str:
    # uuid5 encodes the name as UTF-8, which fails on a lone surrogate; spelt out as the six
    # characters \ud800 instead, such an id still gives a UID, and every other id the one it
    # always gave.
    return str(uuid5(season_id, name.encode("utf-8", "backslashreplace").decode("utf-8")))


def session_uid(season_id: UUID, session: Session) -> str:
    """The UID of a session's event: from the season id and the session id (athlete, day, kind)."""
    return _uid(season_id, f"session/{session.id}")


def competition_uid(season_id: UUID, athlete_id: str, competition_id: str) -> str:
    """The UID of a competition's event in one athlete's calendar; unchanged when it moves."""
    return _uid(season_id, f"competition/{athlete_id}/{competition_id}")


def _lines(text: str) -> str:
    """``text`` for a description: its lines kept, each as ``one_line`` makes it."""
    return "\n".join(one_line(line) for line in text.splitlines())


def _item_line(item: Item) -> str:
    """"Back squat 3 x 3 @ 87.5 % = 120 kg (25 + 25 per side), rest 3:00"."""
    text = f"{item.name} {volume_text(item)}"
    if is_plyometric(item):
        text += f" ({contacts_text(item)})"
    elif item.body_weight:
        text += f", {BODY_WEIGHT}"
    else:
        if item.percent_max is not None:
            text += f" @ {number(item.percent_max)} %"
        if item.load is not None:
            text += f" = {number(item.load)} {item.unit}"
            if item.plates_per_side:
                text += f" ({plates_text(item)} per side)"
        if item.reps_in_reserve is not None:
            text += f", {item.reps_in_reserve} in reserve"
    text += f", rest {rest_text(item.rest_s)}"
    note = item_note(item)
    return f"{text} ({note})" if note else text


def _session_summary(session: Session) -> str:
    if session.kind is SessionKind.PLYOMETRICS:
        contacts = sum(i.contacts for i in session.items if is_plyometric(i))
        return f"{session.title}: {contacts} contacts"
    return f"Weights: {session.title}"


def _session_description(session: Session) -> str:
    lines = [_item_line(item) for item in session.items]
    lines.append("")
    lines.append(f"About {session.minutes} min, estimated effort {number(session.effort)}/10.")
    if session.reason:
        lines.append(f"Why: {session.reason}")
    if session.rule_ids:
        lines.append(f"Rules: {', '.join(session.rule_ids)}")
    lines.extend(session.notes)
    if session.edited:
        lines.append("Changed by the coach.")
    return "\n".join(lines)


def _session_event(season: Season, session: Session, prefix: str, stamp: datetime) -> Event:
    return Event.new(
        uid=session_uid(season.id, session),
        stamp=stamp,
        start=session.date,
        end=session.date + _DAY,
        summary=one_line(prefix + _session_summary(session)),
        description=_lines(_session_description(session)),
        categories=["SprintPlan", KIND_NAMES[session.kind]],
        transparency=TRANSP.TRANSPARENT,
    )


def _competition_description(competition: Competition) -> str:
    place = "Indoor" if competition.indoor else "Outdoor"
    days = "one day" if competition.days == 1 else f"{competition.days} days"
    return (
        f"Priority {competition.priority.value}: {_PRIORITY_MEANING[competition.priority]}.\n"
        f"{place}, {days}."
    )


def _competition_event(season: Season, athlete: Athlete, competition: Competition, prefix: str,
                       stamp: datetime) -> Event:
    # "[A] Name" and the categories below are what planner.imports.competitions reads back, so a
    # calendar exported here imports into another season with the same priority and venue.
    return Event.new(
        uid=competition_uid(season.id, athlete.id, competition.id),
        stamp=stamp,
        start=competition.start,
        # All-day DTEND is exclusive (RFC 5545 3.6.1): the day after the last day.
        end=competition.end + _DAY,
        summary=one_line(f"{prefix}[{competition.priority.value}] {competition.name}"),
        description=_lines(_competition_description(competition)),
        categories=[
            "SprintPlan",
            "Competition",
            f"Priority {competition.priority.value}",
            "Indoor" if competition.indoor else "Outdoor",
        ],
    )


def season_calendar(season: Season, plans: Sequence[Plan], *, stamp: datetime | None = None) -> Calendar:
    """One calendar with the sessions and competitions of ``plans`` (all from ``season``).

    ``stamp`` (default: now) becomes every event's DTSTAMP; tests pass a fixed one.
    """
    moment = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    squad = len(plans) > 1
    names = ", ".join(plan.athlete.name for plan in plans)
    calendar = Calendar.new(
        prodid=_product_id(),
        name=one_line(f"{season.name}: {names}" if names else season.name),
        description=one_line(f"Weights, plyometrics and competitions planned with SprintPlan for {names or 'nobody'}."),
        # Stable like the event UIDs, so the calendar itself is recognised on the next import.
        uid=_uid(season.id, "calendar/" + "/".join(plan.athlete.id for plan in plans)),
    )
    for plan in plans:
        prefix = f"{plan.athlete.name}: " if squad else ""
        for competition in plan.competitions:
            calendar.add_component(_competition_event(season, plan.athlete, competition, prefix, moment))
        for day in plan.days:
            for session in day.sessions:
                calendar.add_component(_session_event(season, session, prefix, moment))
    return calendar


def ics_bytes(season: Season, plans: Sequence[Plan], *, stamp: datetime | None = None) -> bytes:
    """The ``.ics`` file for ``plans``: UTF-8, CRLF line endings, long lines folded."""
    data: bytes = season_calendar(season, plans, stamp=stamp).to_ical()
    return data
