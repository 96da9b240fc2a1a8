"""A readable week-by-week table of a plan, for the command line and golden-file tests.

Given the season, each week with something recorded gains a line of planned against done.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import zip_longest

from planner.document.model import Season
from planner.document.sessions import Item, Session, SessionKind
from planner.engine.compliance import Band, WeekCompliance, week_compliance
from planner.engine.plan import Plan, Week
from planner.export.look import LIFT_SHORT, PHASE_SHORT


def _main_set(item: Item) -> str:
    if item.percent_max is None:
        return ""
    short = LIFT_SHORT.get(item.exercise_id, item.exercise_id)
    return f"{short} {item.sets}x{item.reps}@{item.percent_max:g}"


def _session_text(session: Session) -> str:
    if session.kind is SessionKind.PLYOMETRICS:
        contacts = sum(i.contacts for i in session.items)
        return f"{session.date.strftime('%a')} plyo {contacts}c"
    sets = [s for s in (_main_set(i) for i in session.items) if s]
    if "test" in session.tags:
        sets = ["TEST"]
    return f"{session.date.strftime('%a')} " + " ".join(sets[:2] or [session.title])


def _week_notes(plan: Plan, week: Week) -> str:
    notes: list[str] = []
    names = {c.id: c for c in plan.competitions}
    for k in range(7):
        day = plan.day(week.start + timedelta(days=k))
        if day is None:
            continue
        for cid in day.competitions:
            comp = names[cid]
            text = f"{comp.priority.value}: {comp.name}{' (indoor)' if comp.indoor else ''}"
            if text not in notes:
                notes.append(text)
    if week.deload:
        notes.insert(0, "deload")
    return "; ".join(notes)


def _wrap(pieces: list[str], separator: str, width: int) -> list[str]:
    """The pieces joined on lines of at most ``width`` characters; a piece is never cut."""
    lines = [""]
    for piece in pieces:
        joined = f"{lines[-1]}{separator}{piece}" if lines[-1] else piece
        if len(joined) <= width or not lines[-1]:
            lines[-1] = joined
        else:
            lines.append(piece)
    return lines


_BAND_WORDS = {Band.GREEN: "on plan", Band.YELLOW: "near plan", Band.RED: "off plan", Band.MISSED: "missed",
               Band.PENDING: "to record", Band.NONE: ""}


def _percent(done: float, planned: float) -> str:
    return f" ({round(done / planned * 100)} %)" if planned > 0 else ""


def _done_line(week: WeekCompliance) -> str:
    """"done 5 of 7 (1 partly, 1 missed, 1 to record); VL 6120 of 6750 kg (91 %); ...": the
    planned side is that of the sessions recorded, so a week half entered reads fairly."""
    counts = [f"{n} {what}" for n, what in ((week.sessions_partly, "partly"), (week.sessions_missed, "missed"),
                                            (week.sessions_pending, "to record")) if n]
    parts = [f"done {week.sessions_done} of {week.sessions_planned}" + (f" ({', '.join(counts)})" if counts else "")]
    if week.recorded_planned_volume_kg > 0:
        parts.append(f"VL {week.done_volume_kg:.0f} of {week.recorded_planned_volume_kg:.0f} kg"
                     + _percent(week.done_volume_kg, week.recorded_planned_volume_kg))
    if week.recorded_planned_contacts > 0:
        parts.append(f"contacts {week.done_contacts:.0f} of {week.recorded_planned_contacts}"
                     + _percent(week.done_contacts, week.recorded_planned_contacts))
    parts.append(_BAND_WORDS[week.band])
    return "; ".join(p for p in parts if p)


def format_summary(plan: Plan, season: Season | None = None, today: date | None = None) -> str:
    """The plan week by week; with ``season`` (and the day it is read on, ``today``), the
    weeks holding a record say how what was done compares with what was planned."""
    athlete = plan.athlete
    recorded_weeks = (
        {season.week_of(r.date) for r in season.records if r.athlete_id == athlete.id} if season is not None else set()
    )
    lines = [
        f"{athlete.name} ({athlete.id}) - {athlete.event.value}, {athlete.level.value}"
        + (", junior" if athlete.junior else ""),
        "Phases:",
    ]
    for phase in plan.phases:
        lines.append(f"  {phase.start.isoformat()} to {phase.end.isoformat()}  {phase.name}")
    header = f"{'Wk':>3} {'Starts':10} {'Phase':13} {'Weights':44} {'Plyo':18} {'VL kg':>7} {'Cont':>5}  Notes"
    lines += ["", header, "-" * len(header)]
    for week in plan.weeks:
        weights: list[str] = []
        plyos: list[str] = []
        upper: list[str] = []
        for k in range(7):
            day = plan.day(week.start + timedelta(days=k))
            if day is None:
                continue
            for session in day.sessions:
                if "easy-day" in session.tags:
                    # Listed with the notes: the weights column keeps room for the main sets.
                    upper.append(session.date.strftime("%a"))
                    continue
                target = plyos if session.kind is SessionKind.PLYOMETRICS else weights
                target.append(_session_text(session))
        notes = "; ".join(n for n in (_week_notes(plan, week), "upper body " + " ".join(upper) if upper else "") if n)
        weights_lines = _wrap(weights, " | ", 44)
        plyo_lines = _wrap([p.split(" ")[0] + p.split(" ")[2] for p in plyos], " ", 18)
        lines.append(
            f"{week.number:>3} {week.start.isoformat():10} {PHASE_SHORT[week.phase]:13} "
            f"{weights_lines[0]:44} {plyo_lines[0]:18} "
            f"{week.volume_load_kg:>7.0f} {week.contacts:>5}  {notes}"
        )
        for more_weights, more_plyo in zip_longest(weights_lines[1:], plyo_lines[1:], fillvalue=""):
            lines.append(f"{'':28} {more_weights:44} {more_plyo}".rstrip())
        if season is not None and week.start in recorded_weeks:
            done = week_compliance(plan, season, week.start, today or date.max)
            lines.append(f"{'':28} {_done_line(done)}")
    if plan.warnings:
        lines += ["", "Warnings:"]
        lines += [f"  {w.date.isoformat()} [{w.rule_id}] {w.message}" for w in plan.warnings]
    return "\n".join(lines) + "\n"
