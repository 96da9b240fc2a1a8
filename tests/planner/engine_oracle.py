"""An independent reading of the hard rules, written from the issue text, not from the engine.

The engine's own checks share code with generation; this oracle recomputes every restriction
from the competitions and the weekly rhythm so a bug in the shared code cannot hide itself.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.model import Athlete, Priority, Season, TrackDay
from planner.plan import PhaseKind, Plan
from planner.sessions import Category, PlyoIntensity, Session, SessionKind

HEAVY = 85.0


def _heavy(session: Session) -> bool:
    return any(i.lower_body and (i.percent_max or 0) >= HEAVY for i in session.items)


def _plyo_levels(session: Session) -> set[PlyoIntensity]:
    return {i.intensity for i in session.items if i.intensity is not None}


def hard_rule_breaches(season: Season, plan: Plan) -> list[str]:
    athlete: Athlete = plan.athlete
    found: list[str] = []
    by_date = {d.date: d for d in plan.days}
    comps = season.competitions_for(athlete.id)

    def sessions(day: date) -> tuple[Session, ...]:
        d = by_date.get(day)
        return d.sessions if d else ()

    def say(day: date, text: str) -> None:
        found.append(f"{day.isoformat()}: {text}")

    pre_or_later = {PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION, PhaseKind.TAPER}
    for comp in comps:
        day = comp.start
        while day <= comp.end:
            if sessions(day):
                say(day, f"session on competition day of {comp.name}")
            day += timedelta(days=1)
        for n in (1, 2, 3):
            for s in sessions(comp.start - timedelta(days=n)):
                if _heavy(s):
                    say(s.date, f"heavy lower-body work at D-{n} of {comp.name}")
        for n in (1, 2):
            for s in sessions(comp.start - timedelta(days=n)):
                if s.kind is SessionKind.PLYOMETRICS:
                    say(s.date, f"plyometrics at D-{n} of {comp.name}")
        recovery = 3 if comp.end > comp.start else 2
        for n in range(1, recovery + 1):
            for s in sessions(comp.end + timedelta(days=n)):
                if _heavy(s) or PlyoIntensity.HIGH in _plyo_levels(s):
                    say(s.date, f"heavy or high-intensity work at D+{n} after {comp.name}")
        if comp.priority is Priority.B:
            before = by_date.get(comp.start - timedelta(days=1))
            if before is not None and before.phase in pre_or_later:
                for n in range(1, 5):
                    for s in sessions(comp.start - timedelta(days=n)):
                        levels = _plyo_levels(s)
                        if n <= 3 and _heavy(s):
                            say(s.date, f"heavy at D-{n} of B {comp.name}")
                        if n <= 4 and PlyoIntensity.HIGH in levels:
                            say(s.date, f"high plyometrics at D-{n} of B {comp.name}")
                        if n <= 3 and PlyoIntensity.MODERATE in levels:
                            say(s.date, f"moderate plyometrics at D-{n} of B {comp.name}")
        if comp.priority is Priority.A:
            for n in range(1, 8):
                for s in sessions(comp.start - timedelta(days=n)):
                    levels = _plyo_levels(s)
                    if _heavy(s):
                        say(s.date, f"heavy at D-{n} of A {comp.name}")
                    if n <= 6 and PlyoIntensity.HIGH in levels:
                        say(s.date, f"high plyometrics at D-{n} of A {comp.name}")
                    if n <= 4 and PlyoIntensity.MODERATE in levels:
                        say(s.date, f"moderate plyometrics at D-{n} of A {comp.name}")
                    if s.kind is SessionKind.WEIGHTS:
                        # The priming exception holds only where no other A competition is
                        # between 3 and 7 days away.
                        priming = (
                            "priming" in s.tags
                            and n <= 2
                            and athlete.priming
                            and not any(
                                other.priority is Priority.A and 3 <= (other.start - s.date).days <= 7
                                for other in comps
                            )
                        )
                        for item in s.items:
                            if not item.lower_body:
                                continue
                            if priming:
                                if (item.percent_max or 0) > 85 or item.sets * item.reps > 10:
                                    say(s.date, "priming above 10 reps or 85 %")
                            elif item.exercise_id != "squat_jump" or (item.percent_max or 0) > 30:
                                say(s.date, f"{item.name} at D-{n} of A {comp.name}: not ballistic <= 30 %")

    spacing = 3 if athlete.junior else 2
    last_plyo: date | None = None
    for plan_day in plan.days:
        rhythm = athlete.rhythm[plan_day.date.weekday()]
        for s in plan_day.sessions:
            if rhythm.track is TrackDay.REST:
                say(plan_day.date, "session on a rest day")
            if s.kind is SessionKind.WEIGHTS:
                if not rhythm.lifting:
                    say(plan_day.date, "weights on a day without lifting")
                if rhythm.track is TrackDay.EASY and any(
                    i.lower_body and i.category is not Category.ACCESSORY for i in s.items
                ):
                    say(plan_day.date, "lower-body lifting on an easy day")
            else:
                if not rhythm.plyometrics or rhythm.track is not TrackDay.HARD:
                    say(plan_day.date, "plyometrics off a hard plyometrics day")
                if last_plyo is not None and (plan_day.date - last_plyo).days < spacing:
                    say(plan_day.date, "plyometric sessions too close")
                last_plyo = plan_day.date
                if plan_day.date < season.first_day + timedelta(weeks=4) and PlyoIntensity.HIGH in _plyo_levels(s):
                    say(plan_day.date, "high-intensity plyometrics in the first four weeks")
            for item in s.items:
                pct = item.percent_max
                if pct is not None and pct > 90:
                    say(plan_day.date, f"{item.name} above 90 %")
                if item.exercise_id in ("power_clean", "hang_clean", "hang_power_clean") and item.reps > 5:
                    say(plan_day.date, f"{item.name} with more than 5 reps")
                if item.load is not None and item.max_value is not None and pct is not None:
                    if item.load >= item.max_value:
                        say(plan_day.date, f"{item.name} load at or above the max")
                    if pct >= 85 and item.load > item.max_value * pct / 100 + 1e-6:
                        say(plan_day.date, f"{item.name} heavy load rounded up")
                if item.exercise_id == "depth_jumps" and athlete.junior:
                    say(plan_day.date, "depth jumps for a junior")
    return found
