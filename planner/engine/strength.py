"""Weights sessions: what a strength session holds in each phase of the season.

Strength before power (phase.strength_first): the season's first build goes from 4 x 10 to
4 x 8 (strength.base), specific preparation reaches 3 x 6 at 77.5-82.5 % and then 3 x 5
(strength.february), pre-competition alternates a power day with a heavy day
(strength.power_day, strength.heavy) and the competition phase maintains (strength.maintenance).

The sessions of a preparation week differ: a squat day, a hinge and single-leg day (Romanian
deadlifts and Nordic curls, strength.hamstring; single-leg, trunk and pull work,
strength.support) and a clean day. Juniors and beginners lift at 80 % or less in sets of 5 or
more (strength.novice); the day after a race is upper body only (strength.recovery).
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from planner.document.catalogue import exercise
from planner.document.model import Event, Level
from planner.document.sessions import Category, Intent, Item, Session, SessionKind
from planner.engine.plan import PhaseKind
from planner.engine.prescription import (
    Context,
    barbell_item,
    cut_text,
    heading,
    is_heavy,
    rep_range_item,
    scaled,
    taper_cut,
    taper_reason,
    volume,
)
from planner.engine.proximity import DayLimits
from planner.engine.session_facts import weights_facts
from planner.engine.timeline import DayPhase


class Slot(StrEnum):
    STRENGTH = "strength"
    HEAVY = "heavy"
    POWER = "power"
    TEST = "test"
    PRIMING = "priming"


class Planned(NamedTuple):
    """A weights session the week plan asks for on one day (a named tuple: a session's key holds
    it, and a class of these costs less to make at start-up than a frozen dataclass)."""

    slot: Slot
    nth: int  # position of this session within its week (varies the accessories)
    of: int  # how many weights sessions the week has


def _progress(phase: DayPhase) -> float:
    """0 at the first week of a phase, 1 at its last (deloads hold the previous week)."""
    if phase.phase_weeks <= 1:
        return 1.0
    week = phase.phase_week - 1 if phase.deload and phase.phase_week > 0 else phase.phase_week
    return min(1.0, max(0.0, week / (phase.phase_weeks - 1)))


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _quarter(pct: float) -> float:
    """Percentages move in 2.5 % steps, the way coaches write them."""
    return round(pct / 2.5) * 2.5


NORDIC = "nordic_hamstring_curl"
HINGE = "romanian_deadlift"

# The deltoid and arm-drive work that rotates through accessory slots and easy days.
_UPPER_BODY = ("dumbbell_shoulder_press", "arm_drive", "lateral_raise")


def _accessories(ctx: Context, index: int, in_season: bool) -> list[Item]:
    key = ("accessories", index % len(_UPPER_BODY), in_season)
    cached = ctx.memo.lists.get(key)
    if cached is None:
        cached = ctx.memo.lists[key] = tuple(_new_accessories(ctx, index, in_season))
    return list(cached)


def _new_accessories(ctx: Context, index: int, in_season: bool) -> list[Item]:
    rule = ctx.rules["strength.accessory"]
    sets = rule.whole("in_season_sets" if in_season else "sets")
    rir = rule.whole("rir")
    ids = ("strength.accessory",)
    calf = rep_range_item(ctx, "calf_raise", sets, rule.whole("reps_high"), rir, rule_ids=ids)
    return [calf, _upper(ctx, index, sets)]


def _upper(ctx: Context, index: int, sets: int) -> Item:
    rule = ctx.rules["strength.accessory"]
    exercise_id = _UPPER_BODY[index % len(_UPPER_BODY)]
    return rep_range_item(ctx, exercise_id, sets, rule.whole("reps_low"), rule.whole("rir"),
                          rule_ids=("strength.accessory",))


def _support(ctx: Context, exercise_id: str, reps_key: str) -> Item:
    rule = ctx.rules["strength.support"]
    return rep_range_item(ctx, exercise_id, rule.whole("sets"), rule.whole(reps_key), rule.whole("rir"),
                          rule_ids=("strength.support",))


def _trunk(ctx: Context) -> Item:
    return _support(ctx, "pallof_press", "trunk_reps")


def _pull(ctx: Context) -> Item:
    return _support(ctx, "dumbbell_row", "pull_reps")


def _hurdler_items(ctx: Context, phase: DayPhase) -> list[Item]:
    if ctx.athlete.event is not Event.HURDLES_400:
        return []
    key = ("hurdler", phase.kind)
    cached = ctx.memo.lists.get(key)
    if cached is None:
        cached = ctx.memo.lists[key] = tuple(_new_hurdler_items(ctx, phase))
    return list(cached)


def _new_hurdler_items(ctx: Context, phase: DayPhase) -> list[Item]:
    rule = ctx.rules["strength.hurdler"]
    early = phase.kind is PhaseKind.GENERAL_PREPARATION
    exercise_id = "split_squat" if phase.kind.preparation else "step_up"
    ids = ("strength.hurdler",)
    return [
        rep_range_item(
            ctx,
            exercise_id,
            rule.whole("sets" if phase.kind.preparation else "season_sets"),
            rule.whole("reps_early" if early else "reps_late"),
            rule.whole("rir"),
            rule_ids=ids,
        ),
        rep_range_item(ctx, "hip_flexor_march", rule.whole("hip_flexor_sets"), rule.whole("hip_flexor_reps"),
                       rule.whole("rir"), rule_ids=ids),
    ]


def _fewer_sets(ctx: Context, item: Item, sets: int) -> Item:
    """``item`` with at most ``sets`` sets, built once per item (kept beside it, as ``scaled``
    does, so its id cannot be reused while the cache lives)."""
    key = ("fewer-sets", id(item), sets)
    cached = ctx.memo.scaled.get(key)
    if cached is not None and cached[0] is item:
        return cached[1]
    result = item if item.sets <= sets else item._replace(sets=sets)
    ctx.memo.scaled[key] = (item, result)
    return result


def _single_leg(ctx: Context, phase: DayPhase) -> list[Item]:
    """A hurdler's unilateral lift and hip-flexor work, or a flat 400 m runner's single-leg lift."""
    return _hurdler_items(ctx, phase) or [_support(ctx, "rear_foot_elevated_split_squat", "single_leg_reps")]


def _nordic_done(ctx: Context, phase: DayPhase) -> int:
    """The loading weeks of this build before this one that held Nordic curls."""
    done = ctx.nordic_weeks.get(phase.cycle)
    return 0 if not done else bisect_left(done, phase.build_week)


def _nordic(ctx: Context, phase: DayPhase) -> Item:
    """Nordic hamstring curls on Petersen's progression by week of the build (rule strength.hamstring)."""
    rule = ctx.rules["strength.hamstring"]
    sets, reps = rule.numbers("nordic_sets"), rule.numbers("nordic_reps")
    # One step per week of Nordic curls in this build, from the first; a deload week holds the
    # step before it.
    step = min(max(_nordic_done(ctx, phase) - (1 if phase.deload else 0), 0), len(sets) - 1)
    key = ("nordic", step)
    cached = ctx.memo.items.get(key)
    if cached is None:
        chosen = exercise(ctx.athlete.substitute_for(NORDIC))
        cached = ctx.memo.items[key] = Item(
            exercise_id=chosen.id,
            name=chosen.name,
            category=chosen.category,
            lower_body=chosen.lower_body,
            sets=int(sets[step]),
            reps=int(reps[step]),
            unit=ctx.athlete.units.value,
            rest_s=rule.whole("rest_s"),
            intent=Intent.CONTROLLED,
            note="body weight: lower yourself as slowly as you can",
            rule_ids=("strength.hamstring",),
        )
    return cached


def _hinge(ctx: Context, day: date, phase: DayPhase) -> Item:
    """Romanian deadlifts at a share of the back-squat max: the lift the coach tests gives a
    printed load that follows each new max, and the hinge counts in the week's volume-load."""
    rule = ctx.rules["strength.hamstring"]
    t = _progress(phase)
    if ctx.athlete.novice:
        reps, pct = rule.whole("rdl_novice_reps"), rule.number("rdl_novice_pct")
    elif phase.kind is PhaseKind.GENERAL_PREPARATION:
        reps = rule.whole("rdl_reps")
        pct = _quarter(_lerp(rule.number("rdl_pct_start"), rule.number("rdl_pct_end"), t))
    elif phase.kind is PhaseKind.SPECIFIC_PREPARATION:
        reps = rule.whole("rdl_spp_reps")
        pct = _quarter(_lerp(rule.number("rdl_spp_pct_start"), rule.number("rdl_spp_pct_end"), t))
    else:
        reps, pct = rule.whole("rdl_pre_reps"), rule.number("rdl_pre_pct")
    return barbell_item(ctx, day, HINGE, rule.whole("rdl_sets"), reps, pct,
                        rule_ids=("strength.hamstring",), rest_s=120)


def _light_hinge(ctx: Context, day: date) -> Item:
    """Romanian deadlifts kept light where Nordic curls are too much (close to a race)."""
    rule = ctx.rules["strength.hamstring"]
    return barbell_item(ctx, day, HINGE, rule.whole("rdl_light_sets"), rule.whole("rdl_light_reps"),
                        rule.number("rdl_light_pct"), rule_ids=("strength.hamstring",), rest_s=120)


def _novice_pct(ctx: Context, pct: float, rule_ids: tuple[str, ...]) -> tuple[float, tuple[str, ...]]:
    """A main lift's percentage held at the novice ceiling for juniors and beginners."""
    ceiling = ctx.rules["strength.novice"].number("max_pct")
    if ctx.athlete.novice and pct > ceiling:
        return ceiling, (*rule_ids, "strength.novice")
    return pct, rule_ids


def _squat(ctx: Context, day: date, phase: DayPhase) -> tuple[Item, str]:
    """The squat of a strength session and what its reason calls it ("strength base")."""
    t = _progress(phase)
    junior = ctx.rules["strength.junior"].number("gpp_pct_offset") if ctx.athlete.junior else 0.0
    if phase.kind is PhaseKind.GENERAL_PREPARATION:
        base = ctx.rules["strength.base"]
        if phase.first_build:
            reps = base.whole("reps_early") if t < 0.4 else base.whole("reps_late")
            pct = _quarter(_lerp(base.number("pct_start"), base.number("pct_end"), t) + junior)
            sets = base.whole("sets")
        else:
            reps = base.whole("rebase_reps")
            sets = base.whole("rebase_sets")
            pct = _quarter(_lerp(base.number("rebase_pct_start"), base.number("rebase_pct_end"), t) + junior)
        pct, ids = _novice_pct(ctx, pct, ("strength.base",))
        item = barbell_item(ctx, day, "back_squat", sets, reps, pct, rule_ids=ids, rest_s=120)
        return item, "strength base"
    rule = ctx.rules["strength.february"]
    late = t > 1 - rule.number("late_share")
    if phase.kind is PhaseKind.SPECIFIC_PREPARATION and phase.phase_week >= 0:
        if late:
            sets, reps, pct = rule.whole("sets"), rule.whole("late_reps"), rule.number("late_pct")
        else:
            span = max(1e-9, 1 - rule.number("late_share"))
            pct = _quarter(_lerp(rule.number("pct_start"), rule.number("pct_end"), min(1.0, t / span)))
            sets, reps = rule.whole("sets"), rule.whole("reps")
    else:
        # A re-base inside the competition season holds the February work.
        sets, reps, pct = rule.whole("sets"), rule.whole("late_reps"), rule.number("late_pct")
    pct, ids = _novice_pct(ctx, pct, ("strength.february",))
    item = barbell_item(ctx, day, "back_squat", sets, reps, pct, rule_ids=ids, rest_s=180)
    return item, "strength"


def _clean(ctx: Context, day: date, phase: DayPhase, *, late: bool | None = None) -> Item:
    rule = ctx.rules["strength.clean"]
    t = _progress(phase)
    if late is None:
        late = phase.kind is not PhaseKind.GENERAL_PREPARATION
    key = "late" if late else "early"
    reps = round(_lerp(rule.number(f"{key}_reps_start"), rule.number(f"{key}_reps_end"), t))
    reps = min(reps, rule.whole("max_reps"))
    pct = _quarter(_lerp(rule.number(f"{key}_pct_start"), rule.number(f"{key}_pct_end"), t))
    sets = rule.whole(f"{key}_sets")
    return barbell_item(
        ctx, day, "power_clean", sets, reps, pct, rule_ids=("strength.clean",), rest_s=150,
        intent=Intent.EXPLOSIVE,
    )


def _maintenance_clean(ctx: Context, day: date) -> Item:
    """The maintenance session's light explosive lift."""
    rule = ctx.rules["strength.maintenance"]
    return barbell_item(ctx, day, "power_clean", rule.whole("clean_sets"), rule.whole("clean_reps"),
                        rule.number("clean_pct"), rule_ids=("strength.maintenance",), rest_s=150,
                        intent=Intent.EXPLOSIVE)


def _squat_jumps(ctx: Context, day: date, sets: int, reps: int, rule_id: str) -> Item:
    key = ("squat_jumps", sets, reps, rule_id, ctx.max_epoch(day))
    return ctx.remember(key, day, lambda: _new_squat_jumps(ctx, day, sets, reps, rule_id))


def _new_squat_jumps(ctx: Context, day: date, sets: int, reps: int, rule_id: str) -> Item:
    rule = ctx.rules["strength.power_day"]
    novice = ctx.athlete.novice
    pct = rule.number("novice_pct" if novice else "pct")
    item = barbell_item(ctx, day, "squat_jump", sets, reps, pct, rule_ids=(rule_id,), rest_s=150,
                        intent=Intent.EXPLOSIVE)
    return item._replace(note="; ".join(n for n in (item.note, "move fast: stop the set if the jumps slow") if n))


def _heavy_squat(ctx: Context, day: date, phase: DayPhase) -> Item:
    novice = ctx.rules["strength.novice"]
    if phase.kind not in (PhaseKind.COMPETITION, PhaseKind.TAPER):
        rule = ctx.rules["strength.heavy"]
        t = _progress(phase) if phase.kind is PhaseKind.PRE_COMPETITION else 0.0
        if ctx.athlete.novice:
            # Juniors and beginners: sets of 5 at 80 % or less (ACSM novice loading).
            pct = _quarter(_lerp(novice.number("heavy_pct_start"), novice.number("heavy_pct_end"), t))
            return barbell_item(ctx, day, "back_squat", novice.whole("heavy_sets"), novice.whole("heavy_reps"), pct,
                                rule_ids=("strength.heavy", "strength.novice"), rest_s=180, heavy_cap=True)
        reps = rule.whole("reps_early") if t < 0.5 else rule.whole("reps_late")
        pct = _quarter(_lerp(rule.number("pct_start"), rule.number("pct_end"), t))
        return barbell_item(ctx, day, "back_squat", rule.whole("sets"), reps, pct,
                            rule_ids=("strength.heavy",), rest_s=240, heavy_cap=True)
    if ctx.athlete.novice:
        return barbell_item(ctx, day, "back_squat", novice.whole("maintenance_sets"), novice.whole("maintenance_reps"),
                            novice.number("maintenance_pct"), rule_ids=("strength.maintenance", "strength.novice"),
                            rest_s=180, heavy_cap=True)
    rule = ctx.rules["strength.maintenance"]
    return barbell_item(ctx, day, "back_squat", rule.whole("sets"), rule.whole("reps"), rule.number("pct"),
                        rule_ids=("strength.maintenance",), rest_s=240, heavy_cap=True)


def _back_off(ctx: Context, day: date, phase: DayPhase) -> list[Item]:
    """Back-off sets after the heavy squat in the first half of pre-competition, so the week's
    volume steps down from the 3 x 5 of specific preparation instead of falling off a cliff."""
    rule = ctx.rules["strength.step"]
    # A preparation day holding the week's heavy slot (a week that starts before
    # pre-competition) is the very first step: it keeps its back-off sets.
    early = phase.kind is not PhaseKind.PRE_COMPETITION or _progress(phase) < rule.number("backoff_share")
    if ctx.athlete.novice or not early:
        return []
    return [barbell_item(ctx, day, "back_squat", rule.whole("backoff_sets"), rule.whole("backoff_reps"),
                         rule.number("backoff_pct"), rule_ids=("strength.step",), rest_s=180)]


def _test_items(ctx: Context, day: date) -> list[Item]:
    novice = ctx.athlete.novice
    ramp = (
        ctx.rules["strength.novice"].numbers("test_warmup_pct")
        if novice
        else ctx.rules["strength.test"].numbers("warmup_pct")
    )
    reps = ctx.rules["strength.novice"].whole("test_reps") if novice else 3
    items: list[Item] = []
    for lift in ("power_clean", "back_squat"):
        for pct in ramp:
            ramp_reps = 5 if pct <= 60 else 3 if pct <= 70 else 1
            items.append(barbell_item(ctx, day, lift, 1, ramp_reps, pct, rule_ids=("strength.test",), rest_s=180,
                                      intent=Intent.EXPLOSIVE if lift == "power_clean" else Intent.CONTROLLED,
                                      heavy_cap=True, warn_stale=False))
        # The note is written once the day's limits have shaped the ramp (_test_notes).
        items.append(items[-1]._replace(
            sets=1, reps=reps, percent_max=None, load=None, load_kg=None,
            plates_per_side=(), note=_TEST_NOTE))
    return items


_TEST_NOTE = "test:"


def _test_notes(items: list[Item]) -> list[Item]:
    """Each rep-max attempt's note names the last ramp set before it, as prescribed."""
    result: list[Item] = []
    last: dict[str, Item] = {}
    for item in items:
        if item.note.startswith(_TEST_NOTE):
            ramp = last.get(item.exercise_id)
            if ramp is None:
                continue
            last_set = "single" if ramp.reps == 1 else f"set of {ramp.reps}"
            item = item._replace(
                note=f"test: add small jumps from the {ramp.percent_max or 0:g} % {last_set} "
                     f"to a {item.reps}-rep max and record it")
        elif item.percent_max is not None:
            last[item.exercise_id] = item
        result.append(item)
    return result


def build_weights(ctx: Context, day: date, phase: DayPhase, limits: DayLimits, planned: Planned) -> Session | None:
    if planned.slot is Slot.PRIMING:
        return _priming(ctx, day, limits)
    # A session is its day, phase, limits and place in the week, and the Nordic curls done so
    # far; the next plan after an edit builds only the sessions whose inputs changed.
    key = ("weights", day, phase, limits, planned, _nordic_done(ctx, phase))
    session = ctx.remember(key, day, lambda: _weights_session(ctx, day, phase, limits, planned))
    if session is not None:
        _log_nordic(ctx, phase, session.items)
    return session


# What a session's reason names: (item position, the words for it; None: the item's name).
_Named = list[tuple[int, str | None]]
_PROPER_NAMES = ("Romanian", "Nordic")


def _name(item: Item) -> str:
    """An exercise as a sentence names it: "back squat", "Romanian deadlift"."""
    return item.name if item.name.startswith(_PROPER_NAMES) else item.name.lower()


def _said(item: Item, words: str | None) -> str:
    """An item as a reason says it: "heavy day 3 x 3 at 87.5 %", "squat jumps 3 x 6 moved fast"."""
    name = words or _name(item)
    if item.exercise_id == "squat_jump":
        return f"{name} {item.sets} x {item.reps} moved fast"
    if item.percent_max is None:
        return f"{name} {item.sets} x {item.reps}"
    return f"{name} {item.sets} x {item.reps} at {item.percent_max:g} %"


def _strength_day(
    ctx: Context, day: date, phase: DayPhase, planned: Planned, in_season: bool
) -> tuple[list[Item], _Named, str]:
    """A preparation session by its place in the week: a squat day (with the week's pull), a
    hinge and single-leg day (with trunk work) and, third in a week, a clean day; a week's only
    session holds some of each."""
    role = planned.nth % 3
    if role == 1 and planned.of > 1:
        # With two sessions a week the clean comes twice, beside the squat and the hinge.
        items = [_clean(ctx, day, phase)] if planned.of == 2 else []
        first = len(items)
        items += [_hinge(ctx, day, phase), _nordic(ctx, phase), *_single_leg(ctx, phase), _trunk(ctx)]
        return items, [(first, None), (first + 1, None)], "hinge and single-leg day"
    squat, label = _squat(ctx, day, phase)
    clean = _clean(ctx, day, phase)
    if planned.of == 1:
        calf = _accessories(ctx, 0, in_season)[0]
        items = [clean, squat, _nordic(ctx, phase), *_single_leg(ctx, phase), calf, _pull(ctx)]
        return items, [(1, label), (2, None)], ""
    if role == 0:
        return [clean, squat, _accessories(ctx, 0, in_season)[0], _pull(ctx)], [(1, label)], ""
    # The third day is not a copy of the first: the clean leads, the squat is a lighter second
    # dose (one set fewer) and single-leg work follows (a hurdler's own, or step-ups).
    second = ctx.rules["strength.support"].whole("clean_day_squat_sets")
    lighter = _fewer_sets(ctx, squat, second)
    single_leg = _hurdler_items(ctx, phase) or [_support(ctx, "step_up", "single_leg_reps")]
    # The calf raises stay on the squat day: the card keeps to a page.
    upper = _accessories(ctx, 2, in_season)[1:]
    return [clean, lighter, *single_leg, *upper], [(0, None), (1, label)], "clean day"


def _heavy_day(ctx: Context, day: date, phase: DayPhase) -> tuple[list[Item], _Named, str]:
    heavy = _heavy_squat(ctx, day, phase)
    # A week that starts in the phase before pre-competition takes its heavy day from it too.
    if phase.kind not in (PhaseKind.COMPETITION, PhaseKind.TAPER):
        back_off = _back_off(ctx, day, phase)
        items = [heavy, *back_off, _hinge(ctx, day, phase), _nordic(ctx, phase), *_hurdler_items(ctx, phase)]
        named: _Named = [(0, "heavy day"), *((1, "back-off sets") for _ in back_off), (1 + len(back_off), None)]
        return items, named, ""
    # In season: short, heavy and explosive, plus the week's hamstring and hurdle work.
    items = [heavy, _maintenance_clean(ctx, day), _nordic(ctx, phase), *_hurdler_items(ctx, phase)]
    return items, [(0, "back squat"), (1, None)], "maintenance"


def _power_day(
    ctx: Context, day: date, phase: DayPhase, planned: Planned, in_season: bool
) -> tuple[list[Item], _Named, str]:
    pre = phase.kind is PhaseKind.PRE_COMPETITION
    rule = ctx.rules["strength.power_day" if pre else "strength.maintenance"]
    sets = rule.whole("sets" if pre else "jump_sets")
    reps = rule.whole("reps" if pre else "jump_reps")
    jumps = _squat_jumps(ctx, day, sets, reps, "strength.power_day")
    # Pre-competition keeps Nordic curls on both days (preparation doses are 2-3 a week); in
    # season a race week's only session carries the week's one.
    nordic = [_nordic(ctx, phase)] if pre or (in_season and planned.of == 1) else []
    items = [_clean(ctx, day, phase, late=True), jumps, *nordic, *_hurdler_items(ctx, phase),
             *_accessories(ctx, planned.nth, in_season)]
    return items, [(1, "squat jumps")], "power day"


def _recovery_day(ctx: Context, planned: Planned, in_season: bool) -> list[Item]:
    """The day after a race: upper body, a pull and trunk work (rule strength.recovery)."""
    rule = ctx.rules["strength.recovery"]
    sets = ctx.rules["strength.accessory"].whole("in_season_sets" if in_season else "sets")
    upper = [_upper(ctx, planned.nth + k, sets) for k in range(rule.whole("upper_exercises"))]
    return [i._replace(rule_ids=(*i.rule_ids, "strength.recovery")) for i in (*upper, _pull(ctx), _trunk(ctx))]


def _weights_session(
    ctx: Context, day: date, phase: DayPhase, limits: DayLimits, planned: Planned
) -> Session | None:
    in_season = phase.kind in (PhaseKind.COMPETITION, PhaseKind.TAPER)
    tags: list[str] = []
    rule_ids: list[str] = []
    named: _Named = []
    words = ""
    recovery = limits.reason_for("lower_max_pct") if limits.lower_max_pct is not None else None
    if recovery is not None:
        items = _recovery_day(ctx, planned, in_season)
        tags.append("recovery")
        rule_ids.append("strength.recovery")
    elif planned.slot is Slot.TEST:
        items = _test_items(ctx, day) + _accessories(ctx, planned.nth, in_season)[1:]
        tags.append("test")
        rule_ids.append("strength.test")
    elif planned.slot is Slot.STRENGTH:
        items, named, words = _strength_day(ctx, day, phase, planned, in_season)
    elif planned.slot is Slot.HEAVY:
        items, named, words = _heavy_day(ctx, day, phase)
        tags.append("heavy-day")
    else:
        items, named, words = _power_day(ctx, day, phase, planned, in_season)
        tags.append("power-day")

    deload = ""
    if phase.deload and planned.slot is not Slot.TEST:
        full = items
        items = [scaled(i, ctx.rules["wave"].number("deload_volume"), "wave", ctx) for i in items]
        deload = f"; deload week: volume {cut_text(volume(full), volume(items))}, intensity held"
        tags.append("deload")
        rule_ids.append("wave")
    before_fit = items
    items, notes = _fit(ctx, day, items, limits)
    if planned.slot is Slot.TEST:
        items = _test_notes(items)
    if not items:
        return None
    if recovery is not None:
        reason = f"{heading(phase)}: recovery session, upper body, a pull and trunk work{deload}"
        notes.insert(0, recovery.text)
    elif planned.slot is Slot.TEST:
        reason = f"{phase.name}: test session closing the phase; record the new maxes"
    else:
        # Named as the card prints them: a lift the day's limits held at 80 % is said at 80 %,
        # one they dropped is not said.
        said = [_said(kept, w) for i, w in named if (kept := _fitted(before_fit[i], items)) is not None]
        reason = f"{heading(phase)}: {', '.join([words, *said] if words else said) or 'lifting the day allows'}"
        reason += deload
    # A test is a few reps by nature: a taper cuts the rest of the session, never the attempts.
    tests = [i for i in items if planned.slot is Slot.TEST and "strength.test" in i.rule_ids]
    cut = taper_cut(ctx, [i for i in items if i not in tests], limits, phase.name, rule_ids, tags)
    if cut is not None:
        items, reason = tests + cut[0], cut[1] + ("; the test sets are kept whole" if tests else "")
    if notes:
        reason += "; " + "; ".join(notes)
    return _session(ctx.athlete.id, day, items, reason, tags, rule_ids)


def _log_nordic(ctx: Context, phase: DayPhase, items: Sequence[Item]) -> None:
    """Counts a loading week whose session kept its Nordic curls (a day's limits may drop them)."""
    nordic = ctx.athlete.substitute_for(NORDIC)
    if not phase.deload and any(i.exercise_id == nordic for i in items):
        ctx.log_nordic(phase.cycle, phase.build_week)


def _fitted(item: Item, fitted: list[Item]) -> Item | None:
    """What became of ``item`` once the day's limits were applied: itself, the same sets held at
    a lower percentage, or None when it was dropped."""
    return next((f for f in fitted if f.exercise_id == item.exercise_id and (f.sets, f.reps) == (item.sets, item.reps)),
                None)


def _fit(ctx: Context, day: date, items: list[Item], limits: DayLimits) -> tuple[list[Item], list[str]]:
    """Items adjusted to what the day allows, with a sentence per change."""
    notes: list[str] = []
    if limits.ballistic_only_pct is not None:
        ceiling = limits.ballistic_only_pct
        kept = [
            i
            for i in items
            if not i.lower_body
            or (i.category is Category.POWER and (i.percent_max or 0) <= ceiling and i.exercise_id == "squat_jump")
        ]
        if not any(i.lower_body for i in kept) and limits.lower_max_pct is None:
            # Legs keep a little fast work, except the day after a race (a recovery day).
            kept.insert(0, _squat_jumps(ctx, day, 2, 3, "taper.a"))
        rule = limits.reason_for("ballistic_only_pct", latest=False)
        if rule is not None:
            notes.append(rule.text.split(": ", 1)[-1])
        return kept, notes
    if limits.lower_max_pct is not None:
        cap = limits.lower_max_pct
        kept = [i for i in items if not (i.lower_body and (i.percent_max or 0) > cap)]
        if len(kept) < len(items):
            restriction = limits.reason_for("lower_max_pct")
            if restriction is not None:
                notes.append(restriction.text)
        items = kept
    if not limits.heavy_lower:
        restriction = limits.reason_for("heavy_lower", latest=False)
        assert restriction is not None  # heavy_lower is only ever switched off by a restriction
        adjusted: list[Item] = []
        changes: list[str] = []
        # Nordic curls leave the last three days before a race (their soreness lasts) and the
        # recovery day after one; two or three days after a race they are the week's hamstring
        # work (rule strength.hamstring).
        before_race = limits.race_soon or limits.lower_max_pct is not None
        for item in items:
            if (item.exercise_id == NORDIC and before_race) or (
                item.lower_body and item.note.startswith(_TEST_NOTE)
            ):
                # Eccentric hamstring work and rep-max attempts are heavy whatever their load.
                changes.append(f"no {_name(item)} max attempt" if item.note.startswith(_TEST_NOTE)
                               else f"no {_name(item)}s")
                if item.exercise_id == NORDIC and not limits.lower_max_pct and not any(
                    i.exercise_id == HINGE for i in items
                ):
                    # The week's hamstring work stays, light: a few Romanian deadlifts.
                    adjusted.append(_light_hinge(ctx, day))
                    changes.append("light Romanian deadlifts instead")
            elif is_heavy(item):
                capped = barbell_item(
                    ctx, day, item.exercise_id, item.sets, item.reps, 80.0,
                    rule_ids=(*item.rule_ids, restriction.rule_id), rest_s=item.rest_s, intent=item.intent,
                )
                adjusted.append(capped)
                changes.append(f"{item.name.lower()} kept at 80 %")
            else:
                adjusted.append(item)
        if changes:
            notes.append(f"{restriction.text}: {', '.join(dict.fromkeys(changes))}")
        items = adjusted
    return items, notes


def build_easy_day(ctx: Context, day: date, phase: DayPhase, limits: DayLimits, index: int) -> Session:
    """An easy track day's upper-body session (rule strength.easy_day): legs rest from the
    hard days, the arms and shoulders keep working. ``index`` counts the week's easy-day
    sessions so that the exercises rotate."""
    # Kept whole for the next plan, like a weights session (see build_weights).
    return ctx.remember(("easy-session", day, phase, limits, index), day,
                        lambda: _easy_session(ctx, day, phase, limits, index))


def _easy_session(ctx: Context, day: date, phase: DayPhase, limits: DayLimits, index: int) -> Session:
    # The items repeat from week to week; only the reason's words change.
    key = ("easy-day", phase.deload, limits.volume, limits.taper_rule, index)
    body = ctx.memo.bodies.get(key)
    if body is None:
        body = ctx.memo.bodies[key] = _easy_day(ctx, phase.deload, limits, index)
    items, tags, rule_ids, cut = body
    if limits.volume < 1.0:
        reason = taper_reason(limits, phase.name, cut)
    else:
        reason = f"{heading(phase)}: easy track day, upper body only"
        if phase.deload:
            reason += f"; deload week: volume {cut}"
    facts = weights_facts(items, tags)
    return Session(
        id=f"{ctx.athlete.id}:{day.isoformat()}:weights", date=day, kind=SessionKind.WEIGHTS, title=facts.title,
        items=items, heavy=facts.heavy, minutes=facts.minutes, effort=facts.effort, tags=tags, rule_ids=rule_ids,
        reason=reason,
    )


def _easy_day(
    ctx: Context, deload: bool, limits: DayLimits, index: int
) -> tuple[tuple[Item, ...], tuple[str, ...], tuple[str, ...], str]:
    """The items, tags and rule ids of an easy day's session and the cut its deload or
    taper made (as the reason says it)."""
    rule = ctx.rules["strength.easy_day"]
    count = min(rule.whole("exercises"), len(_UPPER_BODY))
    chosen = [_UPPER_BODY[(index + k) % len(_UPPER_BODY)] for k in range(count)]
    ids = ("strength.easy_day",)
    full = [
        rep_range_item(ctx, exercise_id, rule.whole("sets"), rule.whole("reps"), rule.whole("rir"), rule_ids=ids)
        for exercise_id in chosen
    ]
    items = full
    tags: list[str] = ["easy-day"]
    rule_ids: list[str] = ["strength.easy_day"]
    if deload:
        items = [_cut(i, ctx.rules["wave"].number("deload_volume"), "wave", rule.whole("min_reps")) for i in items]
        tags.append("deload")
        rule_ids.append("wave")
    if limits.volume < 1.0:
        items = [_cut(i, limits.volume, limits.taper_rule, rule.whole("min_reps")) for i in items]
        tags.append("taper")
        rule_ids.append(limits.taper_rule)
    item_ids = {rule_id for i in items for rule_id in i.rule_ids}
    all_ids = tuple(dict.fromkeys((*rule_ids, *sorted(item_ids), "rhythm")))
    return tuple(items), tuple(tags), all_ids, cut_text(volume(full), volume(items))


def _cut(item: Item, volume: float, rule_id: str, min_reps: int) -> Item:
    """``item`` with the sets and reps (never fewer than ``min_reps``, the accessory range)
    whose total is closest to ``volume`` of its own: with only two sets, dropping one would
    cut half the work where a deload asks for 30-40 %."""
    target = item.sets * item.reps * volume
    floor = min(min_reps, item.reps)
    options = [(sets, reps) for sets in range(1, item.sets + 1) for reps in range(floor, item.reps + 1)]
    sets, reps = min(options, key=lambda sr: (abs(sr[0] * sr[1] - target), -sr[0]))
    if (sets, reps) == (item.sets, item.reps):
        return item
    return item._replace(sets=sets, reps=reps, rule_ids=(*item.rule_ids, rule_id))


def _priming(ctx: Context, day: date, limits: DayLimits) -> Session:
    rule = ctx.rules["taper.priming"]
    comp_text = next((r.text.split(":")[0] for r in limits.restrictions if r.rule_id == "taper.a"), "")
    if ctx.athlete.level is Level.ADVANCED and not ctx.athlete.junior and not limits.strict_ballistic:
        item = barbell_item(ctx, day, "back_squat", rule.whole("squat_sets"), rule.whole("squat_reps"),
                            rule.number("squat_pct"), rule_ids=("taper.priming",), rest_s=180,
                            intent=Intent.EXPLOSIVE)
    else:
        item = _squat_jumps(ctx, day, rule.whole("jump_sets"), rule.whole("jump_reps"), "taper.priming")
    reason = f"Priming session: {comp_text}; low volume to feel sharp, not tired"
    return Session(
        id=f"{ctx.athlete.id}:{day.isoformat()}:weights",
        date=day,
        kind=SessionKind.WEIGHTS,
        title="Priming",
        items=(item,),
        heavy=False,
        minutes=25,
        effort=3.0,
        tags=("priming",),
        rule_ids=("taper.priming",),
        reason=reason,
    )


def _session(
    athlete_id: str, day: date, items: list[Item], reason: str, tags: list[str], rule_ids: list[str]
) -> Session:
    facts = weights_facts(items, tags)
    item_ids = {rule_id for i in items for rule_id in i.rule_ids}
    ids = tuple(dict.fromkeys((*rule_ids, *sorted(item_ids), "rhythm")))
    return Session(
        id=f"{athlete_id}:{day.isoformat()}:weights",
        date=day,
        kind=SessionKind.WEIGHTS,
        title=facts.title,
        items=tuple(items),
        heavy=facts.heavy,
        minutes=facts.minutes,
        effort=facts.effort,
        tags=tuple(tags),
        rule_ids=ids,
        reason=reason,
    )
