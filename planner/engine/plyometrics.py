"""Plyometrics: a program of 3-5 drills built up over each build and trimmed to what each day allows.

The article's start (2-3 x 10 m) is rule plyo.start, with two more drills at a proper dose so a
session has the shape coaches write (plyo.session: 3-5 drills, each at least 2 sets). Each week
one drill in use gets one more set or rep, or 5 m more (plyo.progression); a new phase brings
its own drills, each entering at 2 sets, and an old low drill leaves when the session is full.
Bounding grows toward 20-30 m once the intensity gate is open (plyo.bounding). Weekly weighted
contacts (plyo.weights) rise at most 15 % over the highest of the last four weeks that were not
deloads, and stop at the per-session caps (plyo.caps); back from in-season weeks (one session
a week, tapers) a preparation week holds a cut of the program that keeps within that rise.
High-intensity drills wait for the fifth week of a build; depth jumps need age 16 and a back
squat of 1.5 x body mass (plyo.gate).
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
import math
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from planner.document.catalogue import catalogue, exercise
from planner.document.model import Athlete, Level
from planner.document.sessions import Category, Intent, Item, PlyoIntensity, Session, SessionKind
from planner.engine.plan import PhaseKind
from planner.engine.prescription import Context, cut_text, heading, taper_cut
from planner.engine.proximity import DayLimits, intensity_allowed
from planner.engine.rules import RuleBook, rule_book
from planner.engine.session_facts import plyometrics_facts
from planner.engine.timeline import DayPhase

# The drill every program is built around: it never leaves to make room for another.
_MAIN_DRILLS = ("bounding", "skips_for_height")
# Stand-ins when a day's intensity ceiling leaves fewer drills than a session needs.
_FILLERS = ("pogo_jumps", "ankle_hops", "skips_for_height", "standing_long_jump", "hurdle_hops")


class Drill(NamedTuple):
    """One drill of the program: ``reps`` runs of ``distance_m``, or ``reps`` sets of ``per_set`` contacts."""

    exercise_id: str
    reps: int
    distance_m: float | None = None
    per_set: int = 1
    # Alternates what the drill grows by: sets (or runs) first, then the size of each.
    grow_size: bool = False


class Dose(NamedTuple):
    """How a drill enters and how far it grows (rule plyo.session): sets, the size of a set
    (contacts, or metres a run), the largest size and the step from one size to the next."""

    sets: int
    size: float
    max_size: float
    step: float


def dose(ctx: Context, exercise_id: str) -> Dose:
    return _dose(ctx.rules, exercise_id)


@cache
def _dose(rules: RuleBook, exercise_id: str) -> Dose:
    sets, size, max_size, step = rules["plyo.session"].numbers(f"dose_{exercise_id}")
    return Dose(int(sets), size, max_size, step)


def entry(ctx: Context, exercise_id: str) -> Drill:
    """A drill at the dose it enters with."""
    given = dose(ctx, exercise_id)
    if exercise(exercise_id).stride_m is not None:
        return Drill(exercise_id, given.sets, given.size)
    return Drill(exercise_id, given.sets, None, int(given.size))


def drill_intensity(drill: Drill, ctx: Context) -> PlyoIntensity:
    cached = ctx.memo.drill_intensities.get(drill)
    if cached is None:
        cached = ctx.memo.drill_intensities[drill] = _drill_intensity(drill, ctx)
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


@cache
def contact_weights(rules: RuleBook) -> dict[PlyoIntensity, float]:
    """What one ground contact of each intensity counts for (rule plyo.weights)."""
    rule = rules["plyo.weights"]
    return {level: rule.number(level.value) for level in PlyoIntensity}


def _weights(ctx: Context) -> dict[PlyoIntensity, float]:
    return contact_weights(ctx.rules)


def _contacts(drill: Drill, ctx: Context) -> int:
    cached = ctx.memo.drill_contacts.get(drill)
    if cached is None:
        cached = ctx.memo.drill_contacts[drill] = drill_contacts(drill, ctx.athlete)
    return cached


def session_weighted(drills: tuple[Drill, ...], ctx: Context) -> float:
    weights = _weights(ctx)
    return sum(_contacts(d, ctx) * weights[drill_intensity(d, ctx)] for d in drills)


def _items_weighted(items: tuple[Item, ...], ctx: Context) -> float:
    weights = _weights(ctx)
    return sum(i.contacts * weights[i.intensity] for i in items if i.intensity is not None)


def _starting_program(ctx: Context) -> tuple[Drill, ...]:
    """The article's start (plyo.start) and two drills low in Chu's order, each at 2 sets."""
    rule = ctx.rules["plyo.start"]
    athlete = ctx.athlete
    distance = rule.number("distance_m")
    if athlete.novice:
        main = Drill("skips_for_height", rule.whole("beginner_reps"), distance)
    else:
        reps = rule.whole("advanced_reps" if athlete.level is Level.ADVANCED else "intermediate_reps")
        main = Drill("bounding", reps, distance)
    return (main, entry(ctx, "pogo_jumps"), entry(ctx, "standing_long_jump"))


def _pool(ctx: Context, kind: PhaseKind) -> tuple[str, ...]:
    """The drills a phase brings in (rule plyo.session), in the order they enter."""
    trained = not ctx.athlete.novice
    if kind is PhaseKind.SPECIFIC_PREPARATION:
        return ("hurdle_hops",) + (("standing_triple_jump",) if trained else ())
    if kind is PhaseKind.PRE_COMPETITION:
        pool: tuple[str, ...] = ("single_leg_hops",) if trained else ()
        if _depth_jumps_allowed(ctx):
            pool += ("depth_jumps",)
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
    cap = caps.whole(f"{prefix}_{ctx.athlete.level.value}")
    if ctx.athlete.junior:
        cap = min(cap, ctx.rules["plyo.junior"].whole("max_contacts"))
    return cap


@cache
def _rank(exercise_id: str) -> int:
    """Place in Chu's order of rising intensity (the catalogue's order of drills)."""
    return list(catalogue()).index(exercise_id)


def short_name(exercise_id: str) -> str:
    """How a reason names a drill: "hurdle hops", not the catalogue's full "Hurdle hops (30-60 cm), ..."."""
    return exercise(exercise_id).name.split(" (")[0].split(",")[0].lower()


def _size(item: Drill) -> str:
    if item.distance_m is not None:
        return f"{item.reps} x {item.distance_m:g} m"
    return f"{item.reps} x {item.per_set}"


def describe(item: Drill) -> str:
    """A drill as a coach writes it: "hurdle hops 2 x 6", "alternate-leg bounding 3 x 10 m"."""
    return f"{short_name(item.exercise_id)} {_size(item)}"


class _Change(NamedTuple):
    drills: tuple[Drill, ...]
    text: str
    # The drill that changed: the next week's turn starts after it.
    changed: int


class ProgramState(NamedTuple):
    """Everything a ``PlyoProgram`` holds between two weeks, frozen."""

    drills: tuple[Drill, ...]
    cycle: int
    pointer: int
    last_change: str
    history: tuple[float, ...]
    history_sessions: tuple[int, ...]
    history_full: tuple[bool, ...]
    season_weeks: tuple[tuple[float, bool, bool], ...]
    week_total: float
    week_sessions: int
    week_counts: bool
    week_full: bool
    week_season: bool
    week_preparation: bool


class PlyoProgram:
    """The plyometric program of one athlete, advanced one week at a time."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.drills: tuple[Drill, ...] = ()
        self.cycle = 0
        self.pointer = 0
        self.last_change = ""
        # Weekly weighted contacts really planned in the weeks of this build that were not
        # deloads, newest last; the week being planned is added up as its sessions are built.
        self.history: list[float] = []
        # Sessions built in each of those weeks: the week's rise is judged on as many.
        self.history_sessions: list[int] = []
        # Whether each was a full week, not cut for a competition or a taper.
        self.history_full: list[bool] = []
        # Every week of the build that was not a deload, whatever its phase: weighted contacts,
        # whether it was full and whether it was a preparation week. The return from a
        # competition block rises from these (plyo.progression).
        self.season_weeks: list[tuple[float, bool, bool]] = []
        self._week_total = 0.0
        self._week_sessions = 0
        self._week_counts = False
        self._week_full = False
        self._week_season = False
        self._week_preparation = False

    def state(self) -> ProgramState:
        """The program as it stands: a plan resumed at this week starts from it."""
        return ProgramState(
            self.drills, self.cycle, self.pointer, self.last_change, tuple(self.history),
            tuple(self.history_sessions), tuple(self.history_full), tuple(self.season_weeks), self._week_total,
            self._week_sessions, self._week_counts, self._week_full, self._week_season, self._week_preparation,
        )

    def restore(self, state: ProgramState) -> None:
        """Takes up the program as ``state`` holds it."""
        self.drills, self.cycle, self.pointer, self.last_change = state[:4]
        self.history = list(state.history)
        self.history_sessions = list(state.history_sessions)
        self.history_full = list(state.history_full)
        self.season_weeks = list(state.season_weeks)
        (self._week_total, self._week_sessions, self._week_counts, self._week_full, self._week_season,
         self._week_preparation) = state[8:]

    @property
    def reference(self) -> float:
        """The baseline of the 15 % rise (plyo.progression): the highest of the last four
        weeks that were not deloads, so a week cut for a meet does not lower it; 0 while those
        weeks hold no full one (the soft check has no baseline then either)."""
        window = self.ctx.rules["plyo.progression"].whole("baseline_weeks")
        if not any(self.history_full[-window:]):
            return 0.0
        return max(self.history[-window:], default=0.0)

    def record(self, weighted: float) -> None:
        """Adds a session built this week to the week's weighted contacts."""
        self._week_total += weighted
        self._week_sessions += 1

    def _sessions_expected(self, sessions_per_week: int, *, latest: bool = False) -> int:
        """Sessions a full week really holds: the most of the baseline weeks (a rhythm with
        one plyometric day holds one), or the rule's number before any was planned. ``latest``
        takes the last loading week's instead, where it was full: the days the rhythm and the
        spacing leave mostly repeat from week to week."""
        window = self.ctx.rules["plyo.progression"].whole("baseline_weeks")
        if latest and self.history_full and self.history_full[-1] and self.history_sessions[-1]:
            return self.history_sessions[-1]
        return max(self.history_sessions[-window:], default=0) or sessions_per_week

    def week(self, phase: DayPhase, sessions_per_week: int, *, hold: bool = False) -> tuple[Drill, ...]:
        """The program for the week that starts in ``phase`` (progressed when it may grow).

        ``hold`` keeps the program as it is in weeks cut short by a competition or a taper; the
        next full week rises from the best of the last four weeks, so the cut week holds it
        back no more than a full one.
        """
        self._close_week(phase, hold)
        if phase.cycle != self.cycle or not self.drills:
            self.cycle = phase.cycle
            self._clear_history()
            self.season_weeks.clear()
            self.drills = _starting_program(self.ctx)
            self.pointer = 0
            self.last_change = "start " + ", ".join(describe(d) for d in self.drills)
            return self.drills
        self.last_change = ""
        if not phase.kind.preparation or phase.deload or hold:
            return self.drills
        # The week's step depends only on the program, the phase and the recent weeks: most
        # seasons repeat the same steps from one plan to the next, so each is found once.
        window = self.ctx.rules["plyo.progression"].whole("baseline_weeks")
        key = (
            "plyo-step", self.drills, self.pointer, phase.kind,
            phase.build_week >= self.ctx.rules["plyo.gate"].whole("base_weeks"), sessions_per_week,
            self._sessions_expected(sessions_per_week), self._sessions_expected(sessions_per_week, latest=True),
            self.reference, tuple(self.season_weeks[-window:]),
        )
        step = self.ctx.memo.bodies.get(key)
        if step is None:
            step = self.ctx.memo.bodies[key] = self._step(phase, sessions_per_week)
        week, self.drills, self.pointer, self.last_change = step
        return week

    def _step(
        self, phase: DayPhase, sessions_per_week: int
    ) -> tuple[tuple[Drill, ...], tuple[Drill, ...], int, str]:
        """This week's drills, then the program, pointer and change text it leaves behind."""
        back = self._back_from_season(sessions_per_week)
        if back is not None:
            return back, self.drills, self.pointer, self.last_change
        sessions = self._sessions_expected(sessions_per_week)
        # Bounding toward its target is judged on the sessions of the last loading week: a
        # rhythm that has come down to one session a week does not keep it short (plyo.bounding).
        latest = self._sessions_expected(sessions_per_week, latest=True)
        for change in self._candidates(phase):
            lengthened = self._lengthens_bounding(change)
            if self._fits(change.drills, phase, latest if lengthened else sessions):
                pointer = (change.changed + 1) % len(change.drills)
                return change.drills, change.drills, pointer, change.text
        return self.drills, self.drills, self.pointer, ""

    def _back_from_season(self, sessions: int) -> tuple[Drill, ...] | None:
        """The week's cut of the program on the way back from in-season weeks (one session a
        week, tapers), or None where the full program keeps within the 15 % rise over the best
        of the last four weeks that were not deloads (plyo.progression)."""
        rule = self.ctx.rules["plyo.progression"]
        recent = self.season_weeks[-rule.whole("baseline_weeks"):]
        if all(preparation for _, _, preparation in recent) or not any(full for _, full, _ in recent):
            return None
        limit = max(rule.number("free_below"), max(w for w, _, _ in recent) * (1 + rule.number("max_rise")))
        full_week = session_weighted(self.drills, self.ctx) * sessions
        if full_week <= limit:
            return None
        share = limit / full_week
        cut = self.drills
        while share > 0.25:
            cut = reduce_drills(self.ctx, self.drills, share)
            if session_weighted(cut, self.ctx) * sessions <= limit:
                break
            share -= 0.05
        full = sum(_contacts(d, self.ctx) for d in self.drills)
        kept = sum(_contacts(d, self.ctx) for d in cut)
        rise = round(rule.number("max_rise") * 100)
        self.last_change = (
            f"back from the in-season weeks: contacts {cut_text(full, kept)}, at most {rise} % over the best of the "
            f"last {rule.whole('baseline_weeks')} weeks"
        )
        return cut

    def _lengthens_bounding(self, change: _Change) -> bool:
        """Whether ``change`` is bounding's step toward its target distance."""
        if change.changed >= len(self.drills):
            return False
        before, after = self.drills[change.changed], change.drills[change.changed]
        return before.exercise_id == after.exercise_id == "bounding" and (after.distance_m or 0.0) > (
            before.distance_m or 0.0
        )

    def _close_week(self, phase: DayPhase, hold: bool) -> None:
        # Mirrors the soft check: a week outside the preparation phases starts the count again.
        if self._week_counts:
            self.history.append(self._week_total)
            self.history_sessions.append(self._week_sessions)
            self.history_full.append(self._week_full)
        if self._week_season:
            self.season_weeks.append((self._week_total, self._week_full, self._week_preparation))
        self._week_season = not phase.deload
        self._week_preparation = phase.kind.preparation
        if not phase.kind.preparation:
            self._clear_history()
        self._week_counts = phase.kind.preparation and not phase.deload
        self._week_full = not hold
        self._week_total = 0.0
        self._week_sessions = 0

    def _clear_history(self) -> None:
        self.history.clear()
        self.history_sessions.clear()
        self.history_full.clear()

    def _candidates(self, phase: DayPhase) -> Iterator[_Change]:
        """This week's possible changes, best first (the first that fits is taken): bounding
        toward its target distance (as far as the gate allows), the phase's new drills, then
        each drill in use in turn."""
        high_ok = phase.build_week >= self.ctx.rules["plyo.gate"].whole("base_weeks")
        target = self.ctx.rules["plyo.bounding"].number("target_m")
        for i, drill in enumerate(self.drills):
            if drill.exercise_id == "bounding" and (drill.distance_m or 0.0) < target:
                # Bounding first reaches its target distance (plyo.bounding): 15 m before the
                # gate, past it once the gate is open, before the phase's new drills take the
                # weeks a short build has.
                yield from (c for c in self._growth(i, high_ok) if c.drills[i].distance_m != drill.distance_m)
        yield from self._new_drills(phase, high_ok)
        count = len(self.drills)
        for offset in range(count):
            yield from self._growth((self.pointer + offset) % count, high_ok)

    def _new_drills(self, phase: DayPhase, high_ok: bool) -> list[_Change]:
        rule = self.ctx.rules["plyo.session"]
        present = {d.exercise_id for d in self.drills}
        pool = _pool(self.ctx, phase.kind)
        changes: list[_Change] = []
        for exercise_id in pool:
            if exercise_id in present:
                continue
            new = entry(self.ctx, exercise_id)
            if drill_intensity(new, self.ctx) is PlyoIntensity.HIGH and not high_ok:
                continue
            text = f"new drill: {describe(new)}"
            if len(self.drills) < rule.whole("max_drills"):
                changes.append(_Change((*self.drills, new), text, len(self.drills)))
            leaving = self._lowest(pool)
            if leaving is not None and len(self.drills) >= rule.whole("min_drills"):
                drills = (*self.drills[:leaving], *self.drills[leaving + 1:], new)
                old = short_name(self.drills[leaving].exercise_id)
                changes.append(_Change(drills, f"{text} in place of {old}", len(drills) - 1))
        return changes

    def _lowest(self, pool: tuple[str, ...]) -> int | None:
        """The drill that leaves to make room: the lowest in Chu's order, never the program's
        main drill nor one the phase brought."""
        movable = [
            (i, d) for i, d in enumerate(self.drills) if d.exercise_id not in _MAIN_DRILLS and d.exercise_id not in pool
        ]
        if not movable:
            return None
        return min(movable, key=lambda pair: (_rank(pair[1].exercise_id), pair[0]))[0]

    def _growth(self, index: int, high_ok: bool) -> list[_Change]:
        """One more set or run, or a bigger set or 5 m more, in the order the drill alternates."""
        drill = self.drills[index]
        name = short_name(drill.exercise_id)
        distance = drill.distance_m is not None
        more: list[_Change] = []
        if drill.reps < self.ctx.rules["plyo.session"].whole("max_runs" if distance else "max_sets"):
            grown = Drill(drill.exercise_id, drill.reps + 1, drill.distance_m, drill.per_set, True)
            what = "run" if distance else "set"
            more.append(_Change(self._swap(index, grown), f"+1 {what} of {name}: {_size(grown)}", index))
        bigger = [
            _Change(self._swap(index, grown), text, index)
            for grown, text in (self._longer(drill, high_ok) if distance else self._bigger_sets(drill))
        ]
        return bigger + more if drill.grow_size else more + bigger

    def _bigger_sets(self, drill: Drill) -> list[tuple[Drill, str]]:
        given = dose(self.ctx, drill.exercise_id)
        if drill.per_set + given.step > given.max_size:
            return []
        bigger = Drill(drill.exercise_id, drill.reps, None, drill.per_set + int(given.step))
        return [(bigger, f"+{given.step:g} a set of {short_name(drill.exercise_id)}: {_size(bigger)}")]

    def _longer(self, drill: Drill, high_ok: bool) -> list[tuple[Drill, str]]:
        """5 m more on each run; where that weighs too much, longer runs and fewer of them."""
        ctx = self.ctx
        given = dose(ctx, drill.exercise_id)
        distance = drill.distance_m or 0.0
        longer = Drill(drill.exercise_id, drill.reps, distance + given.step, drill.per_set)
        if distance + given.step > given.max_size or (
            not high_ok and drill_intensity(longer, ctx) is PlyoIntensity.HIGH
        ):
            return []
        options = [longer]
        # The step past 15 m of bounding weighs as high intensity, and 5 m more on every run of
        # a long set is a big step while bounding is short of its target (plyo.bounding).
        crossing = drill_intensity(longer, ctx) is not drill_intensity(drill, ctx)
        short = drill.exercise_id == "bounding" and high_ok and distance < ctx.rules["plyo.bounding"].number(
            "target_m"
        )
        if crossing or short:
            # About the contacts of the runs before, then a run fewer.
            runs = _contacts(drill, ctx) / _contacts(Drill(drill.exercise_id, 1, longer.distance_m), ctx)
            for fewer in sorted({round(runs), math.floor(runs)}, reverse=True):
                if ctx.rules["plyo.session"].whole("min_sets") <= fewer < drill.reps:
                    options.append(Drill(drill.exercise_id, fewer, longer.distance_m, drill.per_set))
        name = short_name(drill.exercise_id)
        changes = []
        for option in options:
            fewer_runs = ", fewer runs" if option.reps < drill.reps else ""
            changes.append((option, f"+{given.step:g} m on {name}{fewer_runs}: {_size(option)}"))
        return changes

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
        # Without a planned week to compare with, the program in use is the baseline.
        reference = self.reference or session_weighted(self.drills, ctx) * sessions
        return weekly <= rule.number("free_below") or weekly <= reference * (1 + rule.number("max_rise"))


def reduce_drills(ctx: Context, drills: tuple[Drill, ...], share: float) -> tuple[Drill, ...]:
    """About ``share`` of the contacts, by fewer sets or runs, smaller sets and, at the fewest
    runs, shorter ones, never below 2 sets a drill nor 20 contacts a session (plyo.session).

    When whole sets leave the session clearly above the share, the lowest drill in Chu's order
    leaves, as long as the session keeps its 3 drills.
    """
    if share >= 1.0:
        return drills
    rule = ctx.rules["plyo.session"]
    min_sets = rule.whole("min_sets")
    cut = tuple(_reduce(ctx, d, share, min_sets) for d in drills)
    full = sum(_contacts(d, ctx) for d in drills)
    target = full * share
    floor = rule.whole("min_contacts")
    while len(cut) > rule.whole("min_drills"):
        movable = [i for i, d in enumerate(cut) if d.exercise_id not in _MAIN_DRILLS]
        lowest = min(movable, key=lambda i: (_rank(cut[i].exercise_id), i))
        rest = cut[:lowest] + cut[lowest + 1:]
        total, fewer = sum(_contacts(d, ctx) for d in cut), sum(_contacts(d, ctx) for d in rest)
        if fewer < floor or abs(fewer - target) >= abs(total - target):
            break
        cut = rest
    if sum(_contacts(d, ctx) for d in cut) < floor:
        return drills
    return cut


def _reduce(ctx: Context, drill: Drill, share: float, min_sets: int) -> Drill:
    target = _contacts(drill, ctx) * share
    sets = max(min(min_sets, drill.reps), min(drill.reps, round(drill.reps * share)))
    given = dose(ctx, drill.exercise_id)
    if drill.distance_m is not None:
        cut = Drill(drill.exercise_id, sets, drill.distance_m, drill.per_set, drill.grow_size)
        # At the fewest runs, shorter runs take the rest of the cut (never below the start distance).
        while (cut.distance_m or 0.0) - given.step >= given.size:
            shorter = Drill(cut.exercise_id, cut.reps, (cut.distance_m or 0.0) - given.step, cut.per_set, cut.grow_size)
            if abs(_contacts(shorter, ctx) - target) >= abs(_contacts(cut, ctx) - target):
                break
            cut = shorter
        return cut
    step = max(1, int(given.step))
    per_set = round(target / sets / step) * step
    return Drill(drill.exercise_id, sets, None, max(step, min(drill.per_set, per_set)), drill.grow_size)


def build_plyometrics(
    ctx: Context,
    day: date,
    phase: DayPhase,
    limits: DayLimits,
    drills: tuple[Drill, ...],
    program: PlyoProgram,
) -> Session | None:
    # Kept whole for the next plan, like a weights session; the week's contacts are counted
    # on every use.
    key = ("plyo-session", day, phase, limits, drills, program.last_change)
    session, weighted = ctx.remember(
        key, day, lambda: _plyo_session(ctx, day, phase, limits, drills, program.last_change)
    )
    if session is None:
        return None
    program.record(weighted)
    return session


def _plyo_session(
    ctx: Context, day: date, phase: DayPhase, limits: DayLimits, drills: tuple[Drill, ...], last_change: str
) -> tuple[Session | None, float]:
    # The sessions of one week are alike but for their date: build the body once.
    key = (phase, limits, drills, last_change)
    cached = ctx.memo.bodies.get(key)
    if cached is None:
        body = _plyo_body(ctx, phase, limits, drills, last_change)
        weighted = 0.0 if body is None else _items_weighted(body["items"], ctx)
        cached = ctx.memo.bodies[key] = (body, weighted)
    body, weighted = cached
    if body is None:
        return None, 0.0
    if not phase.kind.preparation:
        _warn_short_bounding(ctx, day, phase, drills)
    session = Session(
        id=f"{ctx.athlete.id}:{day.isoformat()}:plyometrics",
        date=day,
        kind=SessionKind.PLYOMETRICS,
        **body,
    )
    return session, weighted


def _warn_short_bounding(ctx: Context, day: date, phase: DayPhase, drills: tuple[Drill, ...]) -> None:
    """A build too short for bounding to reach its target distance says so (plyo.bounding)."""
    target = ctx.rules["plyo.bounding"].number("target_m")
    short = next((d.distance_m for d in drills if d.exercise_id == "bounding" and (d.distance_m or 0.0) < target),
                 None)
    if short is not None:
        ctx.warn_once(
            "plyo.bounding",
            f"cycle-{phase.cycle}",
            day,
            f"Bounding reached {short:g} m before the competition phase, short of the {target:g} m target: "
            "the build was too short to lengthen the runs within the weekly rise",
        )


def _within_ceiling(
    ctx: Context, drills: tuple[Drill, ...], ceiling: int
) -> tuple[list[tuple[Drill, PlyoIntensity]], bool]:
    """The drills a day's ceiling allows (bounding cut back to 15 m where moderate is the
    limit), and whether any was dropped or cut."""
    moderate_max = ctx.rules["plyo.start"].number("moderate_max_m")
    kept: list[tuple[Drill, PlyoIntensity]] = []
    changed = False
    for drill in drills:
        intensity = drill_intensity(drill, ctx)
        if not intensity_allowed(intensity, ceiling):
            changed = True
            if drill.exercise_id == "bounding" and ceiling >= 2:
                drill = drill._replace(distance_m=min(drill.distance_m or moderate_max, moderate_max))
                intensity = drill_intensity(drill, ctx)
            else:
                continue
        kept.append((drill, intensity))
    return kept, changed


def _filled(
    ctx: Context, kept: list[tuple[Drill, PlyoIntensity]], ceiling: int, drills: int, contacts: int
) -> list[tuple[Drill, PlyoIntensity]]:
    """Low drills stand in for those a day's ceiling dropped, up to ``drills`` drills and ``contacts`` contacts."""
    present = {d.exercise_id for d, _ in kept}
    for exercise_id in _FILLERS:
        enough = len(kept) >= drills and sum(_contacts(d, ctx) for d, _ in kept) >= contacts
        if enough:
            break
        stand_in = entry(ctx, exercise_id)
        intensity = drill_intensity(stand_in, ctx)
        if exercise_id not in present and intensity_allowed(intensity, ceiling):
            kept.append((stand_in, intensity))
    return kept


class _DayProgram(NamedTuple):
    drills: tuple[Drill, ...]
    # The day's intensity ceiling dropped or shortened a drill.
    limited: bool
    # A deload week's cut as its reason gives it: "contacts -34 % (fewer sets and jumps, ...)".
    deload_text: str


def _day_program(
    ctx: Context, drills: tuple[Drill, ...], ceiling: int, taper: bool, competition: bool, deload: bool
) -> _DayProgram:
    """The week's program as one day holds it: within the day's ceiling, the in-season share,
    the deload cut. Many days of a season share one, so each is worked out once."""
    key = ("plyo-day", drills, ceiling, taper, competition, deload)
    cached = ctx.memo.bodies.get(key)
    if cached is None:
        cached = ctx.memo.bodies[key] = _shape_day(ctx, drills, ceiling, taper, competition, deload)
    result: _DayProgram = cached
    return result


def _shape_day(
    ctx: Context, drills: tuple[Drill, ...], ceiling: int, taper: bool, competition: bool, deload: bool
) -> _DayProgram:
    kept, limited = _within_ceiling(ctx, drills, ceiling)
    if limited:
        rule = ctx.rules["plyo.session"]
        # A taper keeps its low-intensity elastic work to the last day it allows.
        kept = _filled(ctx, kept, ceiling, 1, 0) if taper else _filled(
            ctx, kept, ceiling, rule.whole("min_drills"), rule.whole("min_contacts")
        )
    day_drills = tuple(d for d, _ in kept)
    if competition and day_drills:
        # One session a week instead of the build's two: each holds this share of the program.
        share = ctx.rules["plyo.competition"].number("volume") * ctx.rules["plyo.spacing"].number("sessions_per_week")
        day_drills = reduce_drills(ctx, day_drills, share)
    deload_text = ""
    if deload and day_drills:
        full = sum(_contacts(d, ctx) for d in day_drills)
        cut_drills = reduce_drills(ctx, day_drills, ctx.rules["plyo.progression"].number("deload_volume"))
        kept_ids = {d.exercise_id for d in cut_drills}
        left_out = "".join(f", no {short_name(d.exercise_id)}" for d in day_drills if d.exercise_id not in kept_ids)
        cut = sum(_contacts(d, ctx) for d in cut_drills)
        deload_text = f"contacts {cut_text(full, cut)} (fewer sets and jumps{left_out}, at least 2 sets a drill)"
        day_drills = cut_drills
    return _DayProgram(day_drills, limited, deload_text)


def _plyo_body(
    ctx: Context,
    phase: DayPhase,
    limits: DayLimits,
    drills: tuple[Drill, ...],
    last_change: str,
) -> dict[str, Any] | None:
    if not drills or limits.plyo_ceiling <= 0:
        return None
    competition = phase.kind is PhaseKind.COMPETITION
    day = _day_program(ctx, drills, limits.plyo_ceiling, limits.volume < 1.0, competition, phase.deload)
    day_drills = day.drills
    if not day_drills:
        return None
    notes: list[str] = []
    if day.limited:
        restriction = limits.reason_for("plyo_ceiling")
        if restriction is not None:
            notes.append(restriction.text)
    tags: list[str] = []
    rule_ids = ["plyo.start", "plyo.progression", "plyo.session", "plyo.weights", "plyo.spacing"]
    if any(d.exercise_id == "bounding" for d in day_drills):
        rule_ids.append("plyo.bounding")
    reason = f"{heading(phase)}: plyometrics"
    if last_change:
        reason += f" ({last_change})"
    if competition:
        volume_text = f"about {round(ctx.rules['plyo.competition'].number('volume') * 100)} %"
        reason = f"{phase.name}: one short, high-quality plyometric session ({volume_text} of the weekly volume)"
        rule_ids.append("plyo.competition")
    if phase.deload:
        reason += f"; deload week: {day.deload_text}"
        tags.append("deload")
        rule_ids.append("wave")
    items = [_drill_item(ctx, d, drill_intensity(d, ctx)) for d in day_drills]
    taper = taper_cut(ctx, items, limits, phase.name, rule_ids, tags)
    if taper is not None:
        items, reason = taper
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
    key = ("drill", drill.exercise_id, drill.reps, drill.distance_m, drill.per_set, intensity)
    cached = ctx.memo.items.get(key)
    if cached is not None:
        return cached
    ex = exercise(drill.exercise_id)
    contacts = _contacts(drill, ctx)
    distance = drill.distance_m is not None
    ids: tuple[str, ...] = ("plyo.start", "plyo.weights", "plyo.session")
    if ex.id == "depth_jumps":
        ids += ("plyo.gate",)
    note = ""
    if ex.id == "bounding" and intensity is PlyoIntensity.MODERATE:
        note = "submaximal, counted as moderate"
    elif (ex.contacts_per_rep or 0) > 1 and dose(ctx, ex.id).step == ex.contacts_per_rep:
        # A set counted in the contacts of a multi-contact jump: say how many jumps that is.
        jumps = drill.per_set // ex.contacts_per_rep
        note = f"{jumps} jump{'s' if jumps > 1 else ''} a set, {ex.contacts_per_rep} contacts each"
    ctx.memo.items[key] = item = Item(
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
