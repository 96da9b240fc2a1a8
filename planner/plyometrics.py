"""Plyometrics: a program built up slowly over each build and trimmed to what each day allows.

The article's start (2-3 x 10 m) is rule plyo.start. Each week one drill gets one more rep or
5 m more, never both, and a new drill counts as that week's change (plyo.progression).
Weekly weighted contacts (plyo.weights) rise at most 15 % once they pass 60 a week, and stop
at the per-session caps (plyo.caps). High-intensity drills wait for the fifth week of a
build; depth jumps need age 16 and a back squat of 1.5 x body mass (plyo.gate).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from planner.catalogue import exercise
from planner.model import Athlete, Level
from planner.plan import PhaseKind
from planner.prescription import Context, cut_text, heading, scaled, taper_cut, volume
from planner.proximity import DayLimits, intensity_allowed
from planner.rules import RuleBook, rule_book
from planner.session_facts import plyometrics_facts
from planner.sessions import Category, Intent, Item, PlyoIntensity, Session, SessionKind
from planner.timeline import DayPhase

_MAX_REPS = 6
_MAX_DISTANCE_M = 30.0
# Jumps in sets (pogos, hurdle hops) grow one contact a set at a time, up to this many.
_MAX_PER_SET = 20


@dataclass(frozen=True, slots=True)
class Drill:
    """One drill of the program: ``reps`` runs of ``distance_m``, or ``reps`` sets of ``per_set``."""

    exercise_id: str
    reps: int
    distance_m: float | None = None
    per_set: int = 1
    # Alternates the progressed variable of a distance drill: reps first, then distance.
    next_distance: bool = False


def drill(exercise_id: str, reps: int, distance_m: float | None = None) -> Drill:
    """A drill at its catalogue set size (10 pogo jumps a set, 6 hurdles a run...)."""
    per_set = 1 if distance_m is not None else exercise(exercise_id).contacts_per_rep or 1
    return Drill(exercise_id, reps, distance_m, per_set)


def drill_intensity(drill: Drill, ctx: Context) -> PlyoIntensity:
    cached = ctx.drill_intensities.get(drill)
    if cached is None:
        cached = ctx.drill_intensities[drill] = _drill_intensity(drill, ctx)
    return cached


def _drill_intensity(drill: Drill, ctx: Context) -> PlyoIntensity:
    ex = exercise(drill.exercise_id)
    if drill.exercise_id == "bounding" and drill.distance_m is not None:
        moderate_max = ctx.rules["plyo.start"].number("moderate_max_m")
        return PlyoIntensity.MODERATE if drill.distance_m <= moderate_max else PlyoIntensity.HIGH
    return ex.intensity or PlyoIntensity.LOW


def plyo_gap_days(athlete: Athlete, rules: RuleBook) -> int:
    """The fewest days between two plyometric sessions (plyo.spacing), for generation and checks."""
    return rules["plyo.spacing"].whole("junior_min_hours" if athlete.junior else "min_hours") // 24


def drill_contacts(drill: Drill, athlete: Athlete) -> int:
    ex = exercise(drill.exercise_id)
    if drill.distance_m is not None:
        stride = ex.stride_m or 2.0
        if drill.exercise_id == "bounding" and not athlete.novice:
            stride = 2.5
        return drill.reps * (math.ceil(drill.distance_m / stride) + 1)
    return drill.reps * drill.per_set


def _weights(ctx: Context) -> dict[PlyoIntensity, float]:
    if not ctx.contact_weights:
        rule = ctx.rules["plyo.weights"]
        ctx.contact_weights.update({level: rule.number(level.value) for level in PlyoIntensity})
    return ctx.contact_weights


def _contacts(drill: Drill, ctx: Context) -> int:
    cached = ctx.drill_contacts.get(drill)
    if cached is None:
        cached = ctx.drill_contacts[drill] = drill_contacts(drill, ctx.athlete)
    return cached


def session_weighted(drills: tuple[Drill, ...], ctx: Context) -> float:
    weights = _weights(ctx)
    return sum(_contacts(d, ctx) * weights[drill_intensity(d, ctx)] for d in drills)


def _starting_program(ctx: Context) -> tuple[Drill, ...]:
    rule = ctx.rules["plyo.start"]
    athlete = ctx.athlete
    distance = rule.number("distance_m")
    if athlete.novice:
        return (drill("skips_for_height", rule.whole("beginner_reps"), distance), drill("pogo_jumps", 2))
    reps = rule.whole("advanced_reps" if athlete.level is Level.ADVANCED else "intermediate_reps")
    return (drill("bounding", reps, distance), drill("pogo_jumps", 2))


def _pool(ctx: Context, kind: PhaseKind) -> tuple[Drill, ...]:
    athlete = ctx.athlete
    trained = not athlete.novice
    if kind is PhaseKind.GENERAL_PREPARATION:
        return (drill("standing_long_jump", 2),)
    if kind is PhaseKind.SPECIFIC_PREPARATION:
        return (drill("hurdle_hops", 1),) + ((drill("standing_triple_jump", 1),) if trained else ())
    if kind is PhaseKind.PRE_COMPETITION:
        pool: tuple[Drill, ...] = (drill("single_leg_hops", 1, 10.0),) if trained else ()
        if _depth_jumps_allowed(ctx):
            pool += (drill("depth_jumps", 3),)
        return pool
    return ()


def _depth_jumps_allowed(ctx: Context) -> bool:
    athlete = ctx.athlete
    gate = ctx.rules["plyo.gate"]
    if athlete.junior or athlete.level is not Level.ADVANCED:
        return False
    squat = athlete.max_on("back_squat", date.max)
    return squat is not None and squat.value >= gate.number("depth_squat_ratio") * athlete.body_mass


def _session_cap(ctx: Context, kind: PhaseKind) -> int:
    caps = ctx.rules["plyo.caps"]
    prefix = "pre" if kind in (PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION) else "off"
    return caps.whole(f"{prefix}_{ctx.athlete.level.value}")


class PlyoProgram:
    """The plyometric program of one athlete, advanced one week at a time."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.drills: tuple[Drill, ...] = ()
        self.cycle = 0
        self.reference = 0.0  # nominal weekly weighted contacts of the last full week
        self.pointer = 0
        self.last_change = ""

    def week(self, phase: DayPhase, sessions_per_week: int, *, hold: bool = False) -> tuple[Drill, ...]:
        """The program for the week that starts in ``phase`` (progressed when it may grow).

        ``hold`` keeps the program as it is in weeks cut short by a competition or a taper, so
        the next full week rises from the last full one.
        """
        if phase.cycle != self.cycle or not self.drills:
            self.cycle = phase.cycle
            self.drills = _starting_program(self.ctx)
            self.reference = session_weighted(self.drills, self.ctx) * sessions_per_week
            self.pointer = 0
            self.last_change = "start " + ", ".join(self.describe(d) for d in self.drills)
            return self.drills
        self.last_change = ""
        if not phase.kind.preparation or phase.deload or hold:
            return self.drills
        for candidate, text, changed in self._candidates(phase):
            if self._fits(candidate, phase, sessions_per_week):
                self.drills = candidate
                self.pointer = (changed + 1) % len(candidate)
                self.reference = session_weighted(candidate, self.ctx) * sessions_per_week
                self.last_change = text
                break
        return self.drills

    def describe(self, item: Drill) -> str:
        name = exercise(item.exercise_id).name.lower()
        if item.distance_m is not None:
            return f"{name} {item.reps} x {item.distance_m:g} m"
        return f"{name} x {item.reps}" if item.per_set == 1 else f"{name} {item.reps} x {item.per_set}"

    def _candidates(self, phase: DayPhase) -> list[tuple[tuple[Drill, ...], str, int]]:
        """Possible changes for this week, new drills first, then one drill at a time in turn."""
        gate = self.ctx.rules["plyo.gate"].whole("base_weeks")
        high_ok = phase.build_week >= gate
        present = {d.exercise_id for d in self.drills}
        candidates: list[tuple[tuple[Drill, ...], str, int]] = []
        for new in _pool(self.ctx, phase.kind):
            if new.exercise_id in present:
                continue
            if drill_intensity(new, self.ctx) is PlyoIntensity.HIGH and not high_ok:
                continue
            candidates.append(((*self.drills, new), f"new drill: {self.describe(new)}", len(self.drills)))
        count = len(self.drills)
        step = self.ctx.rules["plyo.progression"].number("step_m")
        for offset in range(count):
            i = (self.pointer + offset) % count
            drill = self.drills[i]
            if drill.distance_m is not None and drill.next_distance and drill.distance_m < _MAX_DISTANCE_M:
                grown = replace(drill, distance_m=drill.distance_m + step, next_distance=False)
                if high_ok or drill_intensity(grown, self.ctx) is not PlyoIntensity.HIGH:
                    name = exercise(drill.exercise_id).name.lower()
                    candidates.append((self._swap(i, grown), f"+{step:g} m on {name}", i))
            name = exercise(drill.exercise_id).name.lower()
            if drill.per_set > 1:
                # Jumps in sets: one more jump in each set is the smallest step there is.
                if drill.per_set < _MAX_PER_SET:
                    more = replace(drill, per_set=drill.per_set + 1)
                    candidates.append((self._swap(i, more), f"+1 rep a set of {name}", i))
            elif drill.reps < _MAX_REPS:
                more = replace(drill, reps=drill.reps + 1, next_distance=drill.distance_m is not None)
                candidates.append((self._swap(i, more), f"+1 rep of {name}", i))
        return candidates

    def _swap(self, index: int, drill: Drill) -> tuple[Drill, ...]:
        drills = list(self.drills)
        drills[index] = drill
        return tuple(drills)

    def _fits(self, drills: tuple[Drill, ...], phase: DayPhase, sessions: int) -> bool:
        ctx = self.ctx
        athlete = ctx.athlete
        contacts = sum(_contacts(d, ctx) for d in drills)
        if contacts > _session_cap(ctx, phase.kind):
            return False
        caps = ctx.rules["plyo.caps"]
        bounding = sum(_contacts(d, ctx) for d in drills if d.exercise_id == "bounding")
        if athlete.level is not Level.ADVANCED and bounding > caps.whole("bounding_cap"):
            return False
        rule = ctx.rules["plyo.progression"]
        weekly = session_weighted(drills, ctx) * sessions
        return weekly <= rule.number("free_below") or weekly <= self.reference * (1 + rule.number("max_rise"))


def build_plyometrics(
    ctx: Context,
    day: date,
    phase: DayPhase,
    limits: DayLimits,
    drills: tuple[Drill, ...],
    program: PlyoProgram,
) -> Session | None:
    # The sessions of one week are alike but for their date: build the body once.
    key = (phase, limits, drills, program.last_change)
    body = ctx.bodies.get(key)
    if body is None:
        body = ctx.bodies[key] = _plyo_body(ctx, phase, limits, drills, program.last_change)
    if body is None:
        return None
    return Session(
        id=f"{ctx.athlete.id}:{day.isoformat()}:plyometrics",
        date=day,
        kind=SessionKind.PLYOMETRICS,
        **body,
    )


def _plyo_body(
    ctx: Context,
    phase: DayPhase,
    limits: DayLimits,
    drills: tuple[Drill, ...],
    last_change: str,
) -> dict[str, Any] | None:
    items: list[Item] = []
    notes: list[str] = []
    ceiling = limits.plyo_ceiling
    moderate_max = ctx.rules["plyo.start"].number("moderate_max_m")
    for drill in drills:
        intensity = drill_intensity(drill, ctx)
        if not intensity_allowed(intensity, ceiling):
            if drill.exercise_id == "bounding" and ceiling >= 2:
                drill = replace(drill, distance_m=min(drill.distance_m or moderate_max, moderate_max))
                intensity = drill_intensity(drill, ctx)
            else:
                continue
        items.append(_drill_item(ctx, drill, intensity))
    dropped = len(drills) - len(items)
    if dropped or any(i.distance_m != d.distance_m for i, d in zip(items, drills, strict=False)):
        restriction = limits.reason_for("plyo_ceiling")
        if restriction is not None:
            notes.append(restriction.text)
    if not items:
        return None
    tags: list[str] = []
    rule_ids = ["plyo.start", "plyo.progression", "plyo.weights", "plyo.spacing"]
    reason = f"{heading(phase)}: plyometrics"
    if last_change:
        reason += f" ({last_change})"
    if phase.kind is PhaseKind.COMPETITION:
        # One session a week instead of the build's two: each holds this share of the program.
        share = ctx.rules["plyo.competition"].number("volume") * ctx.rules["plyo.spacing"].number("sessions_per_week")
        if share < 1.0:
            items = [scaled(i, share, "plyo.competition", ctx) for i in items]
        volume_text = f"about {round(ctx.rules['plyo.competition'].number('volume') * 100)} %"
        reason = f"{phase.name}: one short, high-quality plyometric session ({volume_text} of the weekly volume)"
        rule_ids.append("plyo.competition")
    if phase.deload:
        full = items
        items = [scaled(i, ctx.rules["plyo.progression"].number("deload_volume"), "wave", ctx) for i in items]
        reason += f"; deload week: contacts {cut_text(volume(full), volume(items))}"
        tags.append("deload")
        rule_ids.append("wave")
    cut = taper_cut(ctx, items, limits, phase.name, rule_ids, tags)
    if cut is not None:
        items, reason = cut
    if notes:
        reason += "; " + "; ".join(notes)
    facts = plyometrics_facts(items)
    return {
        "title": facts.title,
        "items": tuple(items),
        "heavy": facts.heavy,
        "minutes": facts.minutes,
        "effort": facts.effort,
        "tags": tuple(tags),
        "rule_ids": tuple(dict.fromkeys((*rule_ids, *(r for i in items for r in i.rule_ids)))),
        "reason": reason,
    }


def _drill_item(ctx: Context, drill: Drill, intensity: PlyoIntensity) -> Item:
    key = ("drill", drill, intensity)
    cached = ctx.items.get(key)
    if cached is not None:
        return cached
    ex = exercise(drill.exercise_id)
    contacts = _contacts(drill, ctx)
    distance = drill.distance_m is not None
    ids: tuple[str, ...] = ("plyo.start", "plyo.weights")
    if ex.id == "depth_jumps":
        ids += ("plyo.gate",)
    note = "submaximal, counted as moderate" if ex.id == "bounding" and intensity is PlyoIntensity.MODERATE else ""
    ctx.items[key] = item = Item(
        exercise_id=ex.id,
        name=ex.name,
        category=Category.PLYOMETRIC,
        lower_body=True,
        sets=drill.reps,
        reps=1 if distance else drill.per_set,
        unit=ctx.athlete.units.value,
        rest_s=60,
        intent=Intent.EXPLOSIVE,
        distance_m=drill.distance_m,
        contacts=contacts,
        intensity=intensity,
        note=note,
        rule_ids=ids,
    )
    return item


def item_facts(
    exercise_id: str, runs: int, distance_m: float | None, per_set: int, athlete: Athlete
) -> tuple[int, PlyoIntensity]:
    """Contacts and intensity of ``runs`` x ``distance_m`` or ``runs`` x ``per_set`` of a drill
    (for an item a coach edits)."""
    ctx = Context(athlete, rule_book())
    item = Drill(exercise_id, runs, distance_m, 1 if distance_m is not None else per_set)
    return drill_contacts(item, athlete), drill_intensity(item, ctx)
