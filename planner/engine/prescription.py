"""Building prescribed items: loads from training maxes, volume scaling and limits.

Shared by the weights and plyometrics builders so both apply the same rounding, the same
volume cuts and the same reading of a day's limits.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from typing import Any, TypeVar

from planner.document.catalogue import Exercise, exercise
from planner.document.model import Athlete, MaxEntry
from planner.document.sessions import Category, Intent, Item, PlyoIntensity
from planner.document.text import BODY_WEIGHT, plural
from planner.engine.loads import Load, load_fields, round_load
from planner.engine.plan import PlanWarning
from planner.engine.proximity import DayLimits
from planner.engine.rules import RuleBook
from planner.engine.session_facts import HEAVY_PCT
from planner.engine.timeline import DayPhase

# A warning a build gave: its rule, its key for warn_once and its message.
Said = tuple[str, str, str]
T = TypeVar("T")


@dataclass
class Memo:
    """What building one athlete's plan leaves for the next plan of the same athlete and rule
    book to reuse: items, session bodies and whole sessions, each under a key that holds every
    input it depends on (planner.engine.generator keeps one per athlete across calls)."""

    # Most weeks repeat the same items; building each once keeps a live preview fast.
    items: dict[tuple[object, ...], Item] = field(default_factory=dict)
    drill_intensities: dict[Any, PlyoIntensity] = field(default_factory=dict)
    bodies: dict[tuple[object, ...], Any] = field(default_factory=dict)
    scaled: dict[tuple[object, ...], tuple[Item, Item]] = field(default_factory=dict)
    drill_contacts: dict[Any, int] = field(default_factory=dict)
    # Built once with the warnings the build gave (``Context.remember``): items and sessions.
    remembered: dict[tuple[object, ...], tuple[Any, tuple[Said, ...]]] = field(default_factory=dict)
    lists: dict[tuple[object, ...], tuple[Item, ...]] = field(default_factory=dict)
    max_breaks: list[date] | None = None

    def size(self) -> int:
        """Entries kept (the tables that grow with the plans built)."""
        return len(self.items) + len(self.remembered) + len(self.bodies) + len(self.scaled)


@dataclass
class Context:
    """Per-athlete state shared while one plan is generated, and the athlete's ``memo``."""

    athlete: Athlete
    rules: RuleBook
    memo: Memo = field(default_factory=Memo)
    warnings: list[PlanWarning] = field(default_factory=list)
    # The plan's warnings open with its timeline's; the week loop's own follow from here. A
    # mark counts the loop's own alone: a plan resumed from a week of another (whose
    # timeline may warn more or less) holds the same loop warnings up to that week.
    _own_from: int = 0
    # In the order first warned: a plan resumed from a week of the last one keeps a prefix.
    _warned: dict[tuple[str, str], None] = field(default_factory=dict)
    # Per build (cycle), the loading weeks that held Nordic curls: the progression counts the
    # weeks the athlete really did them, not the weeks since the build began.
    nordic_weeks: dict[int, list[int]] = field(default_factory=dict)  # sorted, no repeats
    # (cycle, week) in the order they were counted, so the table can be rebuilt as it was at
    # any week of the plan.
    nordic_log: list[tuple[int, int]] = field(default_factory=list)
    # What the builds under way would warn: a cached build says its warnings again on every
    # use, dated by that use, so a plan from warm caches warns exactly as one from cold.
    _said: list[list[Said]] = field(default_factory=list)

    def max_epoch(self, day: date) -> int:
        """Changes whenever the maxes a session on ``day`` would use, or their age class, change."""
        if self.memo.max_breaks is None:
            stale_after = timedelta(days=self.rules["strength.heavy"].whole("max_age_days") + 1)
            self.memo.max_breaks = sorted({d for m in self.athlete.maxes for d in (m.date, m.date + stale_after)})
        return bisect_right(self.memo.max_breaks, day)

    def warn_once(self, rule_id: str, key: str, day: date, message: str) -> None:
        for said in self._said:
            said.append((rule_id, key, message))
        if (rule_id, key) not in self._warned:
            self._warned[rule_id, key] = None
            self.warnings.append(PlanWarning(rule_id, day, message))

    def log_nordic(self, cycle: int, build_week: int) -> None:
        """Counts a loading week of build ``cycle`` that held Nordic curls."""
        weeks = self.nordic_weeks.setdefault(cycle, [])
        at = bisect_left(weeks, build_week)
        if at == len(weeks) or weeks[at] != build_week:
            weeks.insert(at, build_week)
            self.nordic_log.append((cycle, build_week))

    def begin(self, kept: Sequence[PlanWarning]) -> None:
        """Opens the plan's warnings with ``kept``, its timeline's."""
        self.warnings = list(kept)
        self._own_from = len(kept)

    def mark(self) -> tuple[int, int, int]:
        """How far this plan has come: the week loop's warnings, warned keys and counted Nordic weeks."""
        return len(self.warnings) - self._own_from, len(self._warned), len(self.nordic_log)

    def resume(self, earlier: Context, mark: tuple[int, int, int], kept: Sequence[PlanWarning]) -> None:
        """Takes up ``earlier``'s state at ``mark``: ``kept`` (this plan's timeline's warnings)
        in place of its timeline's, then the loop's warnings, warned keys and Nordic weeks."""
        warnings, warned, nordic = mark
        start = earlier._own_from
        self.warnings = [*kept, *earlier.warnings[start:start + warnings]]
        self._own_from = len(kept)
        self._warned = dict.fromkeys(islice(earlier._warned, warned))
        self.nordic_weeks = {}
        self.nordic_log = []
        for cycle, week in earlier.nordic_log[:nordic]:
            self.log_nordic(cycle, week)

    def remember(self, key: tuple[object, ...], day: date, build: Callable[[], T]) -> T:
        """``build()``, kept under ``key`` with the warnings it gave, which every later use
        gives again (dated ``day``)."""
        cached = self.memo.remembered.get(key)
        if cached is None:
            said: list[Said] = []
            self._said.append(said)
            try:
                item = build()
            finally:
                self._said.pop()
            self.memo.remembered[key] = (item, tuple(said))
            return item
        for rule_id, warn_key, message in cached[1]:
            self.warn_once(rule_id, warn_key, day, message)
        result: T = cached[0]
        return result


def age_text(days: int) -> str:
    """A rule's age limit as a coach says it: 42 days is "6 weeks"."""
    return plural(days // 7, "week") if days % 7 == 0 else plural(days, "day")


def heading(phase: DayPhase) -> str:
    """Where a session sits in the season: "Specific preparation, week 3 of 10", or the
    phase's own name outside a preparation phase ("Competition")."""
    if phase.phase_week < 0:
        return phase.name
    return f"{phase.name}, week {phase.phase_week + 1} of {phase.phase_weeks}"


def cut_text(before: float, after: float) -> str:
    """How much smaller ``after`` is than ``before``, as the session's reason says it: "-33 %"."""
    return f"-{round((1 - after / before) * 100)} %" if before > 0 else "-0 %"


def max_is_stale(entry: MaxEntry | None, day: date, max_age_days: int) -> bool:
    """Missing, only estimated, or older than ``max_age_days`` on ``day``: too weak for heavy sets."""
    return entry is None or not entry.tested or (day - entry.date).days > max_age_days


def reserve_note(reps_in_reserve: int) -> str:
    """The note of a rep-range item (the print-outs leave it out where a column says the same)."""
    return f"choose a load that leaves {reps_in_reserve} reps in reserve"


def scale_volume(sets: int, reps: int, volume: float, min_reps: int = 1) -> tuple[int, int]:
    """Sets and reps holding about ``volume`` of the total reps; never more than before, and
    never fewer than ``min_reps`` a set (or the reps there were)."""
    if volume >= 1.0:
        return sets, reps
    target = sets * reps * volume
    new_sets = max(1, min(sets, round(sets * volume)))
    new_reps = max(min(reps, min_reps), min(reps, round(target / new_sets)))
    return new_sets, new_reps


def is_heavy(item: Item) -> bool:
    return item.lower_body and item.percent_max is not None and item.percent_max >= HEAVY_PCT


def barbell_item(
    ctx: Context,
    day: date,
    exercise_id: str,
    sets: int,
    reps: int,
    percent: float,
    *,
    rule_ids: tuple[str, ...],
    rest_s: int,
    intent: Intent = Intent.CONTROLLED,
    heavy_cap: bool = False,
    warn_stale: bool = True,
) -> Item:
    """A %-of-max item with its rounded load; heavy sets are capped when the max is stale.

    ``warn_stale`` False keeps the cap but not the warning: a test session is the remedy.
    """
    # The day matters only through the maxes in force and their age (the max epoch); any
    # warning an item raises was raised the first time it was built.
    key = (exercise_id, sets, reps, percent, rule_ids, rest_s, intent, heavy_cap, warn_stale, ctx.max_epoch(day))
    return ctx.remember(key, day, lambda: _barbell_item(
        ctx, day, exercise_id, sets, reps, percent,
        rule_ids=rule_ids, rest_s=rest_s, intent=intent, heavy_cap=heavy_cap, warn_stale=warn_stale,
    ))


def _barbell_item(
    ctx: Context,
    day: date,
    exercise_id: str,
    sets: int,
    reps: int,
    percent: float,
    *,
    rule_ids: tuple[str, ...],
    rest_s: int,
    intent: Intent,
    heavy_cap: bool,
    warn_stale: bool,
) -> Item:
    athlete = ctx.athlete
    chosen = exercise(athlete.substitute_for(exercise_id))
    max_lift = chosen.max_from or exercise_id
    entry = athlete.max_on(max_lift, day)
    if entry is None and chosen.max_from != exercise(exercise_id).max_from:
        # A substitute without its own max runs off the original lift's max.
        fallback = exercise(exercise_id).max_from
        entry = athlete.max_on(fallback, day) if fallback else None
        if entry is not None and fallback is not None:
            ctx.warn_once(
                "max.missing",
                f"{chosen.id}-fallback",
                day,
                f"No {chosen.name.lower()} max recorded: its loads use the {fallback.replace('_', ' ')} max",
            )
    notes: list[str] = []
    ids = rule_ids
    heavy_rule = ctx.rules["strength.heavy"]
    max_age_days = heavy_rule.whole("max_age_days")
    stale = max_is_stale(entry, day, max_age_days)
    # Each cap that applies gives its reason; the note names the percentage finally
    # prescribed, so a junior's stale max does not read "capped at 87.5 %" beside 85 %.
    why_capped: list[str] = []
    why_stale = ""
    if heavy_cap and chosen.lower_body and percent > heavy_rule.number("cap_pct") and stale:
        percent = heavy_rule.number("cap_pct")
        why_stale = "missing" if entry is None else "only estimated" if not entry.tested else (
            f"older than {age_text(max_age_days)}"
        )
        why_capped.append(f"the max is {why_stale}")
        ids = (*ids, "max.age")
    if athlete.junior and chosen.lower_body:
        junior_cap = ctx.rules["strength.junior"].number("heavy_cap_pct")
        if percent > junior_cap:
            percent = junior_cap
            why_capped.insert(0, "junior")
            ids = (*ids, "strength.junior")
    if why_capped:
        notes.append(f"capped at {percent:g} %: " + ", and ".join(why_capped))
    if why_stale and warn_stale:
        ctx.warn_once(
            "max.age",
            f"{max_lift}-{entry.date if entry else 'none'}",
            day,
            f"Heavy {chosen.name.lower()} sets use a max that is {why_stale}: capped at {percent:g} %; "
            "test and record a new max",
        )
    percent = min(percent, ctx.rules["load.ceiling"].number("max_pct"))
    if entry is None:
        ctx.warn_once(
            "max.missing",
            max_lift,
            day,
            f"No {max_lift.replace('_', ' ')} max recorded for {athlete.name}: sessions show percentages only",
        )
        return _item(ctx, day, chosen, sets, reps, percent, None, rest_s, intent, ids, "; ".join(notes))
    return _item(ctx, day, chosen, sets, reps, percent, entry.value, rest_s, intent, ids, "; ".join(notes))


def _item(
    ctx: Context,
    day: date,
    chosen: Exercise,
    sets: int,
    reps: int,
    percent: float,
    max_value: float | None,
    rest_s: int,
    intent: Intent,
    rule_ids: tuple[str, ...],
    note: str,
) -> Item:
    athlete = ctx.athlete
    load: Load | None = None
    if max_value is not None:
        load = round_load(
            percent, max_value, athlete.equipment, athlete.units,
            floor_from_pct=ctx.rules["load.rounding"].number("floor_from_pct"),
        )
        if load.below_bar:
            ctx.warn_once(
                "load.rounding",
                f"below-bar-{chosen.id}",
                day,
                f"{chosen.name} at {percent:g} % is below the {athlete.equipment.bar_mass:g} "
                f"{athlete.units.value} bar: dumbbells or a technique bar",
            )
            rule_ids = (*rule_ids, "load.rounding")
        elif percent <= 0 and not note:
            note = BODY_WEIGHT
    return Item(
        exercise_id=chosen.id,
        name=chosen.name,
        category=chosen.category,
        lower_body=chosen.lower_body,
        sets=sets,
        reps=reps,
        percent_max=percent,
        max_value=max_value,
        rest_s=rest_s,
        intent=intent,
        note=note,
        rule_ids=rule_ids,
        **load_fields(load, athlete.equipment, athlete.units),
    )


def rep_range_item(
    ctx: Context,
    exercise_id: str,
    sets: int,
    reps: int,
    rir: int,
    *,
    rule_ids: tuple[str, ...],
    rest_s: int = 90,
) -> Item:
    key = ("rep-range", exercise_id, sets, reps, rir, rule_ids, rest_s)
    cached = ctx.memo.items.get(key)
    if cached is not None:
        return cached
    chosen = exercise(ctx.athlete.substitute_for(exercise_id))
    ctx.memo.items[key] = item = Item(
        exercise_id=chosen.id,
        name=chosen.name,
        category=chosen.category,
        lower_body=chosen.lower_body,
        sets=sets,
        reps=reps,
        reps_in_reserve=rir,
        unit=ctx.athlete.units.value,
        rest_s=rest_s,
        intent=Intent.CONTROLLED,
        note=reserve_note(rir),
        rule_ids=rule_ids,
    )
    return item


def scaled(item: Item, volume: float, rule_id: str, ctx: Context) -> Item:
    # Keyed by identity (hashing a whole item is slow); the source item is kept with the
    # result so its id cannot be reused by another item while the cache lives.
    key = ("scaled", id(item), volume, rule_id)
    cached = ctx.memo.scaled.get(key)
    if cached is not None and cached[0] is item:
        return cached[1]
    # Juniors and beginners keep their main lifts in sets of 5 or more: a cut drops reps
    # only down to that (rule strength.novice).
    novice_lift = ctx.athlete.novice and item.category is Category.STRENGTH and item.percent_max is not None
    min_reps = ctx.rules["strength.novice"].whole("min_reps") if novice_lift else 1
    result = _scaled(item, volume, rule_id, min_reps)
    ctx.memo.scaled[key] = (item, result)
    return result


def _scaled(item: Item, volume: float, rule_id: str, min_reps: int) -> Item:
    sets, reps = scale_volume(item.sets, item.reps, volume, min_reps)
    if (sets, reps) == (item.sets, item.reps):
        return item
    contacts = item.contacts
    if item.category is Category.PLYOMETRIC and item.sets * item.reps:
        contacts = round(item.contacts * sets * reps / (item.sets * item.reps))
    return item._replace(sets=sets, reps=reps, contacts=contacts, rule_ids=(*item.rule_ids, rule_id))


def taper_cut(
    ctx: Context, items: list[Item], limits: DayLimits, phase_name: str, rule_ids: list[str], tags: list[str]
) -> tuple[list[Item], str] | None:
    """A taper day's volume cut, the same for lifting and jumping: the items scaled and the
    reason that replaces the session's own (its rule and tag are added); None off a taper.

    The reason gives the cut the items really got (reps, or contacts for jumps), which
    whole sets and reps make a little different from the rule's figure.
    """
    if limits.volume >= 1.0:
        return None
    rule_ids.append(limits.taper_rule)
    tags.append("taper")
    cut = [scaled(i, limits.volume, limits.taper_rule, ctx) for i in items]
    return cut, taper_reason(limits, phase_name, cut_text(volume(items), volume(cut)))


def taper_reason(limits: DayLimits, phase_name: str, cut: str) -> str:
    """A taper day's reason: "Taper for Nationals (A) in 9 days: volume -51 %, intensity kept (Taper)"."""
    return f"{limits.taper_text}: volume {cut}, intensity kept ({phase_name})"


def volume(items: list[Item]) -> float:
    """A session's volume as its cuts are measured: contacts of jumps, reps of lifts."""
    return float(sum(i.contacts if i.category is Category.PLYOMETRIC else i.total_reps for i in items))
