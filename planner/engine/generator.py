"""``generate``: the season document in, one athlete's day-by-day plan out.

Pure and deterministic: the same document always gives the same plan. The steps are the
timeline (phases from the competitions), each day's limits (competition proximity), a week
plan (which days get weights and plyometrics), the sessions themselves, then the coach's
locked weeks and overrides, the checks and the metrics.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import combinations, pairwise
from typing import NamedTuple

from planner.by_identity import ByIdentity, forget_all
from planner.document.model import Athlete, Competition, FrozenSpan, Season, TrackDay
from planner.document.sessions import Session, SessionKind
from planner.document.text import plural
from planner.engine.checks import hard_rule_breaches, soft_rule_warnings
from planner.engine.metrics import Curves, RecordedLoad, day_metrics_since, recorded_loads, weeks
from planner.engine.plan import Day, DayMetrics, PhaseKind, Plan, PlanWarning, Week
from planner.engine.plyometrics import PlyoProgram, ProgramState, build_plyometrics, plyo_gap_days
from planner.engine.prescription import Context, Memo
from planner.engine.proposals import max_proposals
from planner.engine.proximity import DayLimits, Earlier, day_limits
from planner.engine.rules import RuleBook, rule_book
from planner.engine.strength import Planned, Slot, build_easy_day, build_weights
from planner.engine.timeline import DayPhase, Timeline, build_timeline

# The season's shape for one athlete (the timeline and each day's limits) depends only on the
# season's days, the competitions they enter and two of their settings. Athletes who share these
# (most of a squad enters the same competitions) share the shape, and so does the next call
# after an edit that leaves them alone (a max, a rhythm, a note): the shape is kept across
# calls for the last few documents.
_ShapeKey = tuple[date, date, int, tuple[Competition, ...], bool, bool, RuleBook]
_SHAPES: "OrderedDict[_ShapeKey, _Shape]" = OrderedDict()
_SHAPES_KEPT = 64


# Items and session bodies depend only on the athlete, the rule book and their own keys, so
# they are kept across calls too: the next plan after an edit rebuilds only what changed. With
# them, the athlete's last plan and how it was derived: the next plan takes up the weeks and
# days before the first one the edit changed (a drag moves a competition by a day: most of the
# season stays as it was). A memo started afresh starts without a last plan.
@dataclass
class _Kept:
    memo: Memo = field(default_factory=Memo)
    run: "_Run | None" = None


_KEPT: OrderedDict[tuple[Athlete, RuleBook], _Kept] = OrderedDict()
_ATHLETES_KEPT = 64
# Entries per athlete: past this (a long drag, many edits) the athlete's memo starts afresh.
_MEMO_ENTRIES = 4_000


def _kept(athlete: Athlete, rules: RuleBook) -> _Kept:
    """What earlier plans of this athlete with this rule book left (a fresh memo the first time)."""
    key = (athlete, rules)
    kept = _KEPT.get(key)
    if kept is None or kept.memo.size() > _MEMO_ENTRIES:
        kept = _KEPT[key] = _Kept()
        if len(_KEPT) > _ATHLETES_KEPT:
            _KEPT.popitem(last=False)
    _KEPT.move_to_end(key)
    return kept


def forget() -> None:
    """Drops what earlier plans left to reuse (shapes, items, sessions, the last plans): the
    next plan starts cold. Plans never depend on it; tests compare warm plans with cold ones."""
    _SHAPES.clear()
    _KEPT.clear()
    forget_all()


def generate(season: Season, athlete_id: str) -> Plan:
    """The plan for one athlete; raises ``KeyError`` for an unknown athlete id."""
    return _generate(season, season.athlete(athlete_id))


def generate_all(season: Season, athlete_ids: Collection[str] | None = None) -> tuple[Plan, ...]:
    """Every athlete's plan (or those of ``athlete_ids``), in squad order.

    Work common to several athletes is done once. Unknown ids are ignored.
    """
    chosen = season.athletes if athlete_ids is None else [a for a in season.athletes if a.id in athlete_ids]
    return tuple(_generate(season, athlete) for athlete in chosen)


class _Shape(NamedTuple):
    """One athlete's season before any session: its days, their phases and limits, and what
    each week allows."""

    dates: tuple[date, ...]
    timeline: Timeline
    limits: tuple[DayLimits, ...]
    weeks: "tuple[_WeekShape, ...]"
    competitions: tuple[Competition, ...]


def _shape(
    season: Season, athlete: Athlete, competitions: tuple[Competition, ...], rules: RuleBook, earlier: _Shape | None
) -> _Shape:
    """The athlete's shape of the season; ``earlier``, the shape of the athlete's last plan (of
    a season with the same first day), lends the limits of the days and the shapes of the weeks
    that no changed competition reaches."""
    # The rule book is hashed by identity: the key holds it, so no other book takes its place.
    key = (season.first_day, season.last_day, season.week_start, competitions, athlete.junior, athlete.priming,
           rules)
    shape = _SHAPES.get(key)
    if shape is not None:
        _SHAPES.move_to_end(key)
        return shape
    shape = _SHAPES[key] = _new_shape(season, athlete, competitions, rules, earlier)
    if len(_SHAPES) > _SHAPES_KEPT:
        _SHAPES.popitem(last=False)
    return shape


def _new_shape(
    season: Season, athlete: Athlete, competitions: tuple[Competition, ...], rules: RuleBook, earlier: _Shape | None
) -> _Shape:
    """The athlete's shape of the season worked out now (``_shape`` keeps the last ones), the
    limits of the days and the shapes of the weeks that no changed competition reaches lent by
    ``earlier``."""
    timeline = build_timeline(season, athlete, rules)
    before = None if earlier is None else Earlier(earlier.competitions, earlier.timeline, earlier.limits)
    limits = tuple(day_limits(season.first_day, season.last_day, competitions, timeline, rules,
                              priming=athlete.priming, earlier=before))
    dates = _dates(season.first_day, len(limits))
    weeks = _week_shapes(season, dates, timeline, limits, competitions, rules, earlier)
    return _Shape(dates, timeline, limits, weeks, competitions)


@lru_cache(maxsize=8)
def _dates(first: date, count: int) -> tuple[date, ...]:
    # Shapes of the same season (every hover of a drag) share their days.
    return tuple(first + timedelta(days=i) for i in range(count))


class _WeekShape(NamedTuple):
    """What one week of the season allows whoever trains in it: the part of the week plan
    that depends only on the season's shape, worked out once for every athlete who shares it."""

    span: tuple[date, ...]  # the week's days inside the season
    phases: tuple[DayPhase, ...]
    phase: DayPhase  # the phase most of the week is in
    race_week: bool
    reduced: bool  # cut short by a competition or a taper: the plyometric program holds
    # Days that allow weights on a hard track day: not the day after a race (a recovery day,
    # rule competition.after), not D-1/D-2 (rule race.week), not a competition day, and not the
    # transition days a week ending the season or a build keeps free (phase.transition).
    lifting: tuple[date, ...]
    # Days that allow an easy day's upper-body session (rule strength.easy_day).
    easy: tuple[date, ...]
    # Days that allow plyometrics.
    jumping: tuple[date, ...]


def _week_shapes(
    season: Season, dates: tuple[date, ...], timeline: Timeline, limits: Sequence[DayLimits],
    competitions: tuple[Competition, ...], rules: RuleBook, earlier: _Shape | None,
) -> tuple[_WeekShape, ...]:
    """Each week's shape; ``earlier``, a shape of the same days, lends the weeks whose days
    have the same phases and limits and that no changed competition (its days, its eves)
    reaches: a drag changes a few weeks of the season."""
    first = season.first_day
    count = len(dates)
    eve_days = rules["strength.easy_day"].whole("not_before_days")
    eves = _eves(competitions, eve_days)
    # Lifting on D-1/D-2 would take the place of the heavy slot the rules allow earlier in
    # the week (rule race.week); opt-in priming is planned on its own.
    race_eve_days = rules["race.week"].whole("no_lifting_before_days")
    race_eves = _eves(competitions, race_eve_days)
    racing = _race_days(competitions)
    lend: tuple[_WeekShape, ...] = ()
    lend_phases: tuple[DayPhase, ...] = ()
    lend_limits: Sequence[DayLimits] = ()
    touched: set[date] = set()
    if earlier is not None and earlier.dates is dates:
        lend, lend_phases, lend_limits = earlier.weeks, earlier.timeline.days, earlier.limits
        changed = tuple(set(competitions).symmetric_difference(earlier.competitions))
        touched = _eves(changed, max(eve_days, race_eve_days)) | _race_days(changed)
    transition = PhaseKind.TRANSITION
    result: list[_WeekShape] = []
    start = (season.first_week_start - first).days
    while start < count:
        days = slice(max(start, 0), min(start + 7, count))
        start += 7
        span = dates[days]
        phases = timeline.days[days]
        week_limits = limits[days]
        if len(result) < len(lend):
            lent = lend[len(result)]
            if (lent.span == span and phases == lend_phases[days] and week_limits == lend_limits[days]
                    and touched.isdisjoint(span)):
                result.append(lent)
                continue
        training = [phase.kind is not transition for phase in phases]
        open_day = [limit.competition is None and t for limit, t in zip(week_limits, training, strict=True)]
        race_week = not racing.isdisjoint(span)
        result.append(_WeekShape(
            span=span,
            phases=phases,
            phase=_week_phase(phases),
            race_week=race_week,
            reduced=race_week or any(limit.volume < 1 for limit in week_limits),
            lifting=tuple(day for day, o, limit in zip(span, open_day, week_limits, strict=True)
                          if o and limit.lower_max_pct is None and day not in race_eves),
            easy=tuple(day for day, o in zip(span, open_day, strict=True) if o and day not in eves),
            jumping=tuple(day for day, limit, t in zip(span, week_limits, training, strict=True)
                          if limit.plyo_ceiling > 0 and t),
        ))
    return tuple(result)


class _Checkpoint(NamedTuple):
    """Where the week loop stood as a week began: a plan resumed at that week starts here."""

    last_plyo: date | None
    last_weights: date | None
    program: ProgramState
    ctx: tuple[int, int, int]  # Context.mark()


class _Run(NamedTuple):
    """One athlete's last plan and what deriving it left: the shape it was derived for, the
    week loop's state as each week began (and once more at its end), the loop's sessions before
    the taper was fitted, then the days as the coach's edits left them and their figures."""

    shape: _Shape
    priming: frozenset[date]
    ctx: Context
    checkpoints: tuple[_Checkpoint, ...]
    looped: tuple[list[Session], ...]
    planned_on: dict[int, Planned]
    final: tuple[list[Session], ...]
    recorded: tuple[RecordedLoad | None, ...] | None
    metrics: tuple[DayMetrics, ...]
    curves: tuple[Curves, ...]
    weeks: tuple[Week, ...]
    days: tuple[Day, ...]
    locked: frozenset[date]
    frozen: frozenset[date]


def _generate(season: Season, athlete: Athlete) -> Plan:
    rules = rule_book()
    competitions = season.competitions_for(athlete.id)
    last = _kept(athlete, rules)
    ctx, earlier = Context(athlete, rules, last.memo), last.run
    if earlier is not None and earlier.shape.dates[:1] != (season.first_day,):
        earlier = None  # another first day: nothing lines up
    shape = _shape(season, athlete, competitions, rules, None if earlier is None else earlier.shape)
    dates, timeline, limits = shape.dates, shape.timeline, shape.limits
    priming = frozenset(_priming_days(athlete, dates, timeline, limits)) if athlete.priming else frozenset()
    resume_week = _first_changed_week(earlier, shape, priming)
    looped, planned_on, checkpoints = _generate_sessions(ctx, shape, priming, earlier, resume_week)
    generated = list(looped)
    _fit_taper_volume(ctx, dates, timeline, limits, generated, planned_on)
    final, edited_days, locked_days = _apply_coach(season, athlete, dates, generated)
    final, frozen_days, held = _apply_frozen(season, athlete, dates, final)

    recorded = recorded_loads(season, athlete.id, dates, final)
    recorded_tuple = None if recorded is None else tuple(recorded)
    # The days before the first that changed keep their figures (and the curves run on from
    # them); the weeks and days before the first whose phase or limits changed too.
    same_days = 0 if earlier is None else _same_days(earlier, final, recorded_tuple)
    same_shape = 0 if earlier is None else _same_shape_days(earlier.shape, shape, same_days)
    metrics, curves = day_metrics_since(final, rules, recorded, same_days,
                                        ((), ()) if earlier is None else (earlier.metrics, earlier.curves))
    week_list = tuple(weeks(season, dates, timeline.days, final, metrics, same_shape,
                            () if earlier is None else earlier.weeks))
    said = tuple(ctx.warnings)

    def checks() -> tuple[PlanWarning, ...]:
        # Generated sessions keep the hard rules by construction (the property tests run the
        # same checks over whole generated plans); what the coach changed is checked here.
        warnings = list(said)
        for breach in hard_rule_breaches(athlete, dates, final, limits, timeline.days, rules, only=edited_days):
            warnings.append(PlanWarning(breach.rule_id, breach.date, f"Coach edit breaks a rule: {breach.message}"))
        warnings += soft_rule_warnings(athlete, season, dates, final, timeline.days, limits, metrics, week_list,
                                       rules)
        warnings.sort(key=lambda w: (w.date, w.rule_id, w.message))
        return tuple(warnings)

    # Positional: a plan makes a Day per day of the season, and keywords cost twice as much.
    kept = 0 if earlier is None else _same_flags(earlier, dates, same_shape, locked_days, frozen_days)
    days = (earlier.days[:kept] if earlier is not None else ()) + tuple(
        Day(
            day,
            phase.kind,
            tuple(sessions),
            metric,
            (limit.competition.id,) if limit.competition else (),
            phase.deload,
            phase.taper_for.id if phase.taper_for else None,
            day in locked_days,
            day in frozen_days,
        )
        for day, phase, sessions, metric, limit in zip(
            dates[kept:], timeline.days[kept:], final[kept:], metrics[kept:], limits[kept:], strict=True
        )
    )
    last.run = _Run(
        shape, priming, ctx, checkpoints, tuple(looped), planned_on, tuple(final), recorded_tuple, tuple(metrics),
        tuple(curves), week_list, days, frozenset(locked_days), frozenset(frozen_days),
    )
    return Plan(athlete, timeline.phases, competitions, days, week_list, checks, held,
                max_proposals(season, athlete, rules))


def _first_changed_week(earlier: _Run | None, shape: _Shape, priming: frozenset[date]) -> int:
    """The first week whose sessions the week loop would not plan as it did for ``earlier``:
    its shape, its days' limits, its priming days or its phases' dates changed (the loop's
    state as the week begins is the earlier plan's up to there)."""
    if earlier is None:
        return 0
    old = earlier.shape
    same_priming = earlier.priming == priming
    if old is shape and same_priming:
        return len(shape.weeks)
    first = shape.dates[0]
    # The loop's warnings are keyed by the start of the phase they are about: a week reaching
    # the first phase that starts elsewhere is planned again (where a phase ends, say a
    # competition moved by a day, does not change the weeks before it).
    was_phases, now_phases = old.timeline.phases, shape.timeline.phases
    common = min(len(was_phases), len(now_phases))
    moved_phase = next(
        (min(was_phases[i].start, now_phases[i].start) for i in range(common)
         if was_phases[i].start != now_phases[i].start),
        None,
    )
    if moved_phase is None and len(was_phases) != len(now_phases):
        moved_phase = (was_phases if len(was_phases) > common else now_phases)[common].start
    for w, (was, now) in enumerate(zip(old.weeks, shape.weeks, strict=False)):
        if (was is not now and was != now) or (moved_phase is not None and now.span[-1] >= moved_phase):
            return w
        if was is now and same_priming:
            continue  # a week the shape lent: its days' limits are the last shape's
        start = (now.span[0] - first).days
        end = start + len(now.span)
        if old.limits[start:end] != shape.limits[start:end] or any(
            (d in earlier.priming) != (d in priming) for d in now.span
        ):
            return w
    return min(len(old.weeks), len(shape.weeks))


def _same_days(earlier: _Run, final: Sequence[Sequence[Session]], recorded: tuple[RecordedLoad | None, ...] | None
               ) -> int:
    """How many days from the first hold the same sessions and recorded loads as ``earlier``."""
    old = earlier.final
    count = min(len(old), len(final))
    if recorded != earlier.recorded:
        if recorded is None or earlier.recorded is None:
            return 0
        count = next((i for i, (a, b) in enumerate(zip(recorded, earlier.recorded, strict=False)) if a != b), count)
    for i in range(count):
        was, now = old[i], final[i]
        if was is not now and (
            len(was) != len(now) or any(a is not b and a != b for a, b in zip(was, now, strict=True))
        ):
            return i
    return count


def _same_shape_days(old: _Shape, shape: _Shape, most: int) -> int:
    """How many days from the first (``most`` at most) have the same phase and limits in both
    shapes (before the week of the shorter season's last day, when their lengths differ)."""
    if old is shape:
        return min(most, len(shape.dates))
    count = min(len(old.dates), len(shape.dates), most)
    if len(old.dates) != len(shape.dates):
        # The week holding the shorter season's last day ends earlier in it.
        last_week = shape.weeks[-1] if len(shape.dates) < len(old.dates) else old.weeks[-1]
        count = min(count, (last_week.span[0] - shape.dates[0]).days)
    pairs = zip(old.timeline.days[:count], shape.timeline.days[:count], old.limits[:count], shape.limits[:count],
                strict=True)
    return next((i for i, (was, now, was_limits, now_limits) in enumerate(pairs)
                 if was != now or was_limits != now_limits), count)


def _same_flags(earlier: _Run, dates: Sequence[date], count: int, locked: set[date], frozen: set[date]) -> int:
    """How many of the first ``count`` days are locked and kept as they were in ``earlier``."""
    if earlier.locked == locked and earlier.frozen == frozen:
        return min(count, len(earlier.days))
    return next(
        (i for i in range(count) if (dates[i] in locked) != (dates[i] in earlier.locked)
         or (dates[i] in frozen) != (dates[i] in earlier.frozen)),
        min(count, len(earlier.days)),
    )


def _week_phase(phases: Sequence[DayPhase]) -> DayPhase:
    """The phase most days of the week are in (the earliest on a tie)."""
    kind = phases[0].kind
    if all(p.kind is kind for p in phases):
        return phases[0]  # most weeks
    counts: dict[PhaseKind, int] = {}
    for p in phases:
        counts[p.kind] = counts.get(p.kind, 0) + 1
    kind = max(counts, key=counts.__getitem__)
    return next(p for p in phases if p.kind is kind)


def _sessions_wanted(athlete: Athlete, phase: DayPhase, rules: RuleBook, race_week: bool) -> int:
    rule = rules["frequency"]
    novice = athlete.novice
    if phase.kind is PhaseKind.TRANSITION:
        return 0
    if phase.kind is PhaseKind.GENERAL_PREPARATION:
        wanted = rule.whole("gpp")
    elif phase.kind is PhaseKind.SPECIFIC_PREPARATION:
        wanted = rule.whole("spp")
    elif phase.kind is PhaseKind.PRE_COMPETITION:
        wanted = rule.whole("pre")
    else:
        wanted = rule.whole("race_week" if race_week else "competition")
    if novice:
        wanted = min(wanted, rule.whole("junior_or_beginner_max"))
    return wanted


def _spread(candidates: Sequence[date], count: int, previous: date | None, min_gap: int) -> list[date]:
    """``count`` days from ``candidates`` as far apart as possible (at least ``min_gap``)."""
    if not candidates or count <= 0:
        return []
    base = candidates[0].toordinal()
    offsets = tuple(d.toordinal() - base for d in candidates)
    before = None if previous is None else previous.toordinal() - base
    return [candidates[i] for i in _spread_offsets(offsets, count, before, min_gap)]


@cache
def _spread_offsets(offsets: tuple[int, ...], count: int, previous: int | None, min_gap: int) -> tuple[int, ...]:
    # Weeks repeat the same pattern of days, so the search runs once per pattern.
    count = min(count, len(offsets))
    best: tuple[int, ...] | None = None
    best_score: tuple[int, int] = (-1, 0)
    for combo in combinations(range(len(offsets)), count):
        chosen = [offsets[i] for i in combo]
        gaps = [b - a for a, b in pairwise(chosen)]
        if previous is not None and chosen:
            gaps.append(chosen[0] - previous)
        smallest = min(gaps, default=99)
        if smallest < min_gap:
            continue
        score = (smallest, -sum(combo))
        if score > best_score:
            best, best_score = combo, score
    if best is None:
        return _spread_offsets(offsets, count - 1, previous, min_gap) if count > 1 else ()
    return best


def _generate_sessions(
    ctx: Context, shape: _Shape, priming_days: frozenset[date], earlier: _Run | None, resume_week: int
) -> tuple[list[list[Session]], dict[int, Planned], tuple[_Checkpoint, ...]]:
    """The week loop: each week's weights, easy-day and plyometric sessions, the slot each
    weights day was planned for, and the loop's state as each week began. The weeks before
    ``resume_week`` are ``earlier``'s, and the loop takes up its state there."""
    athlete = ctx.athlete
    rules = ctx.rules
    dates, timeline, limits, week_shapes = shape.dates, shape.timeline, shape.limits, shape.weeks
    first = dates[0]
    program = PlyoProgram(ctx)
    plyo_gap = plyo_gap_days(athlete, rules)
    plyo_per_week = rules["plyo.spacing"].whole("sessions_per_week")
    last_plyo: date | None = None
    last_weights: date | None = None
    lifting_days = [_rhythm_ok(athlete, weekday, lifting=True) for weekday in range(7)]
    plyo_days_ok = [_rhythm_ok(athlete, weekday, plyometrics=True) for weekday in range(7)]
    easy_lifting = [r.track is TrackDay.EASY and r.lifting for r in athlete.rhythm]
    planned_on: dict[int, Planned] = {}
    sessions: list[list[Session]]
    checkpoints: list[_Checkpoint]
    if earlier is None or resume_week == 0:
        sessions = [[] for _ in dates]
        checkpoints = []
        resume_week = 0
        ctx.begin(timeline.warnings)
    else:
        resume_day = (week_shapes[resume_week].span[0] - first).days if resume_week < len(week_shapes) else len(dates)
        sessions = [*earlier.looped[:resume_day], *([] for _ in range(len(dates) - resume_day))]
        planned_on = {i: planned for i, planned in earlier.planned_on.items() if i < resume_day}
        checkpoints = list(earlier.checkpoints[:resume_week])
        last_plyo, last_weights, state, mark = earlier.checkpoints[resume_week]
        program.restore(state)
        ctx.resume(earlier.ctx, mark, timeline.warnings)

    for week in week_shapes[resume_week:]:
        checkpoints.append(_Checkpoint(last_plyo, last_weights, program.state(), ctx.mark()))
        span, phases, phase, race_week = week.span, week.phases, week.phase, week.race_week

        # Weights on hard track days with lifting (rule rhythm), spread through the week.
        hard = [d for d in week.lifting if lifting_days[d.weekday()]]
        wanted = _sessions_wanted(athlete, phase, rules, race_week)
        if phase.kind is PhaseKind.TAPER:
            wanted = max(wanted, 1)
        chosen = _spread(hard, wanted, last_weights, 2) if wanted else []
        if len(chosen) < min(wanted, len(hard)):
            # The week's own spacing matters more than the gap to last week's last session.
            chosen = _spread(hard, wanted, None, 2)
        if phase.kind in (PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION, PhaseKind.TAPER):
            # The heavy (maintenance) lift goes where heavy work is allowed (rule race.week).
            chosen = _with_heavy_day(chosen, hard, wanted, last_weights, limits, first)
        if wanted and len(chosen) < wanted and phase.kind is not PhaseKind.TAPER and len(span) == 7 and not race_week:
            # Says why: too few hard lifting days, or too few a day apart from each other.
            why = (
                f"the weekly rhythm has {plural(len(hard), 'hard track day')} with lifting"
                if len(hard) < wanted
                else f"only {len(chosen)} of its {len(hard)} hard track days with lifting are a day apart"
            )
            # Dated and keyed by the phase itself: a week may start in the phase before, and a
            # phase name can come back (a second pre-competition after a re-base).
            own = next(d for d, p in zip(span, phases, strict=True) if p.kind is phase.kind)
            phase_start = next(p.start for p in timeline.phases if p.start <= own <= p.end)
            ctx.warn_once(
                "frequency",
                f"{phase.name}-{phase_start.isoformat()}",
                own,
                f"{phase.name}: {why}; {wanted} strength sessions a week are wanted, {len(chosen)} planned",
            )
        slots = _slots(phase, chosen, limits, first)
        for n, (day, slot) in enumerate(zip(chosen, slots, strict=True)):
            i = (day - first).days
            if day in priming_days:
                continue
            day_phase = timeline.days[i]
            planned = Planned(slot if not (day_phase.test_week and n == 0) else Slot.TEST, n, len(chosen))
            session = build_weights(ctx, day, day_phase, limits[i], planned)
            if session is not None:
                sessions[i].append(session)
                planned_on[i] = planned
                last_weights = day
        for day in priming_days:
            if span[0] <= day <= span[-1]:
                i = (day - first).days
                session = build_weights(ctx, day, timeline.days[i], limits[i], Planned(Slot.PRIMING, 0, 1))
                if session is not None:
                    sessions[i] = [s for s in sessions[i] if s.kind is not SessionKind.WEIGHTS] + [session]
                    planned_on[i] = Planned(Slot.PRIMING, 0, 1)

        # Easy track days ticked for lifting: upper-body work only (rule strength.easy_day).
        easy = [d for d in week.easy if easy_lifting[d.weekday()]]
        for n, day in enumerate(easy):
            i = (day - first).days
            sessions[i].append(build_easy_day(ctx, day, timeline.days[i], limits[i], n))

        # Plyometrics on hard track days that allow them, with recovery between sessions.
        plyo_wanted = _plyo_wanted(phase, plyo_per_week)
        drills = program.week(phase, plyo_wanted, hold=week.reduced) if plyo_wanted else ()
        # No jumps before a strength test on the same day (rule strength.test): tired legs test low.
        plyo_days = [
            d for d in week.jumping
            if plyo_days_ok[d.weekday()]
            and not ((i := (d - first).days) in planned_on and planned_on[i].slot is Slot.TEST)
        ]
        # Plyometrics after the lifting days keep the other days easy (high-low pattern).
        weights_days = set(chosen)
        preferred = sorted(plyo_days, key=lambda d: (d not in weights_days, d))
        picked = _spread(sorted(preferred[: max(plyo_wanted + 1, 3)]), plyo_wanted, last_plyo, plyo_gap)
        for day in picked:
            i = (day - first).days
            session = build_plyometrics(ctx, day, timeline.days[i], limits[i], drills, program)
            if session is not None:
                # Jumps before lifting on a shared day: explosive work goes first (rule S19).
                sessions[i].insert(0, session)
                last_plyo = day
    if resume_week < len(week_shapes) or earlier is None:
        checkpoints.append(_Checkpoint(last_plyo, last_weights, program.state(), ctx.mark()))
    else:
        checkpoints.append(earlier.checkpoints[len(week_shapes)])
    return sessions, planned_on, tuple(checkpoints)


def _volume_load(sessions: list[Session]) -> tuple[float, float]:
    """Volume-load in kg and relative volume (reps x share of the max) of weights sessions."""
    kg = relative = 0.0
    for session in sessions:
        if session.kind is not SessionKind.WEIGHTS:
            continue
        for item in session.items:
            if item.load_kg:
                kg += item.total_reps * item.load_kg
            if item.percent_max is not None:
                relative += item.total_reps * item.percent_max / 100
    return kg, relative


def _fit_taper_volume(
    ctx: Context,
    dates: Sequence[date],
    timeline: Timeline,
    limits: Sequence[DayLimits],
    sessions: list[list[Session]],
    planned_on: dict[int, Planned],
) -> None:
    """The seven days before an A hold at most the taper's share of the volume-load of the
    last three full training weeks, priming included (rule taper.a): a taper measured against
    the pre-competition weeks' own small volume would barely taper at all."""
    rule = ctx.rules["taper.a"]
    share = rule.number("last_week_max")
    reference_weeks = rule.whole("reference_weeks")
    first = dates[0]
    for peak in timeline.peaks:
        if not peak.taper_days:
            continue
        week = [i for i in ((peak.start - first).days - n for n in range(1, 8)) if 0 <= i < len(dates)]
        full = _full_weeks_before(dates, timeline, limits, (peak.taper_start - first).days, reference_weeks)
        if not week or not full:
            continue
        totals = [_volume_load([s for i in w for s in sessions[i]]) for w in full]
        use_kg = all(kg > 0 for kg, _ in totals)
        reference = sum(kg if use_kg else rel for kg, rel in totals) / len(totals)
        # The day limits are shared by athletes with the same competitions: cut copies.
        cuts = {i: limits[i] for i in week}
        for _ in range(4):
            kg, rel = _volume_load([s for i in week for s in sessions[i]])
            now = kg if use_kg else rel
            if now <= share * reference or now <= 0:
                break
            factor = share * reference / now
            for i in week:
                planned = planned_on.get(i)
                if planned is None or planned.slot is Slot.PRIMING:
                    continue
                cut = cuts[i] = cuts[i]._replace(
                    volume=cuts[i].volume * factor,
                    taper_text=cuts[i].taper_text or f"Taper for {peak.competitions[0].name}", taper_rule="taper.a",
                )
                rebuilt = build_weights(ctx, dates[i], timeline.days[i], cut, planned)
                kept = [s for s in sessions[i] if s.kind is not SessionKind.WEIGHTS or "easy-day" in s.tags]
                sessions[i] = kept + ([rebuilt] if rebuilt is not None else [])
                sessions[i].sort(key=lambda s: s.kind is SessionKind.WEIGHTS)


def _full_weeks_before(
    dates: Sequence[date], timeline: Timeline, limits: Sequence[DayLimits], end: int, count: int
) -> list[list[int]]:
    """The day indexes of the last ``count`` full training weeks before index ``end``: seven
    days, no deload, no competition and no day cut for one, not in the transition."""
    found: list[list[int]] = []
    stop = end
    while stop >= 7 and len(found) < count:
        span = list(range(stop - 7, stop))
        stop -= 7
        if any(
            timeline.days[i].deload or timeline.days[i].kind is PhaseKind.TRANSITION
            or limits[i].rest_day or limits[i].volume < 1 or limits[i].lower_max_pct is not None
            for i in span
        ):
            continue
        found.append(span)
    return found


def _with_heavy_day(
    chosen: list[date], hard: Sequence[date], wanted: int, previous: date | None, limits: Sequence[DayLimits],
    first: date,
) -> list[date]:
    """``chosen``, or as many days that include one where heavy work is allowed when such a
    day exists: in a race week the single session goes on D-4/D-5, not on the power slot."""
    def heavy_ok(d: date) -> bool:
        return limits[(d - first).days].heavy_lower

    heavy = [d for d in hard if heavy_ok(d)]
    if not wanted or not heavy or any(heavy_ok(d) for d in chosen):
        return chosen
    best: list[date] = chosen
    best_score: tuple[int, int, int] | None = None
    for day in heavy:
        others = [d for d in hard if abs((d - day).days) >= 2]
        picked = sorted([day, *_spread(others, wanted - 1, None, 2)])
        gap = min(3, (picked[0] - previous).days) if previous is not None else 3
        score = (len(picked), gap, -day.toordinal())
        if best_score is None or score > best_score:
            best, best_score = picked, score
    return best


def _plyo_wanted(phase: DayPhase, per_week: int) -> int:
    if phase.kind is PhaseKind.TRANSITION:
        return 0
    if phase.kind in (PhaseKind.COMPETITION, PhaseKind.TAPER):
        return 1
    return per_week


def _slots(phase: DayPhase, chosen: list[date], limits: Sequence[DayLimits], first: date) -> list[Slot]:
    if phase.kind in (PhaseKind.GENERAL_PREPARATION, PhaseKind.SPECIFIC_PREPARATION):
        return [Slot.STRENGTH] * len(chosen)
    if not chosen:
        return []
    # Pre-competition and competition alternate a heavy day with a power day; the heavy day
    # goes where heavy work is allowed, earliest first.
    heavy_ok = [limits[(d - first).days].heavy_lower for d in chosen]
    heavy_index = heavy_ok.index(True) if True in heavy_ok else -1
    if heavy_index < 0:
        # No day allows heavy legs (two or three days after a race): the maintenance session
        # still comes, its squat held at 80 % by the day's limits, unless a race is three days
        # off or less (rule race.week).
        clear = [not limits[(d - first).days].race_soon for d in chosen]
        heavy_index = clear.index(True) if True in clear else -1
    slots = [Slot.POWER] * len(chosen)
    if heavy_index >= 0:
        slots[heavy_index] = Slot.HEAVY
    return slots


def _race_days(competitions: tuple[Competition, ...]) -> set[date]:
    """Every day of every competition."""
    return {day for c in competitions for day in c.dates()}


def _eves(competitions: tuple[Competition, ...], days: int) -> set[date]:
    """The ``days`` days before each competition."""
    return {c.start - timedelta(days=n) for c in competitions for n in range(1, days + 1)}


def _rhythm_ok(athlete: Athlete, weekday: int, *, lifting: bool = False, plyometrics: bool = False) -> bool:
    rhythm = athlete.rhythm[weekday]
    if rhythm.track is not TrackDay.HARD:
        return False
    return (not lifting or rhythm.lifting) and (not plyometrics or rhythm.plyometrics)


def _priming_days(
    athlete: Athlete, dates: Sequence[date], timeline: Timeline, limits: Sequence[DayLimits]
) -> set[date]:
    first = dates[0]
    chosen: set[date] = set()
    for peak in timeline.peaks:
        if not peak.taper_days:
            continue
        for offset in (1, 2):
            day = peak.start - timedelta(days=offset)
            i = (day - first).days
            # Never on the day after a race (rule competition.after): priming is heavy work.
            if 0 <= i < len(dates) and limits[i].priming_day and not limits[i].rest_day and (
                limits[i].lower_max_pct is None
            ) and _rhythm_ok(
                athlete, day.weekday(), lifting=True
            ):
                chosen.add(day)
                break
    return chosen


def _apply_frozen(
    season: Season, athlete: Athlete, dates: Sequence[date], derived: list[list[Session]]
) -> tuple[list[list[Session]], set[date], tuple[date, ...]]:
    """Days kept as planned show what was prescribed then; the days whose sessions would now
    be otherwise are ``held``."""
    spans = season.frozen_spans(athlete.id)
    if not spans:
        return derived, set(), ()
    first = dates[0]
    final = list(derived)
    frozen: set[date] = set()
    held: list[date] = []
    for span in spans:
        kept = _KEPT_BY_DAY.get(_kept_by_day, span)
        start = max((span.first - first).days, 0)
        end = min((span.last - first).days, len(final) - 1)
        for i in range(start, end + 1):
            day = dates[i]
            sessions = kept.get(day, _NOTHING_KEPT)
            now = final[i]
            if len(now) != len(sessions) or any(a is not b and a != b for a, b in zip(now, sessions, strict=True)):
                held.append(day)
            final[i] = sessions
            frozen.add(day)
    held.sort()
    return final, frozen, tuple(held)


# A span's sessions by day, in the order a day shows them, worked out once per span: the same
# lists on every plan, so the next plan sees at once that a kept day has not changed. Never
# changed in place.
_KEPT_BY_DAY: ByIdentity[dict[date, list[Session]]] = ByIdentity(kept=5_000)
_NOTHING_KEPT: list[Session] = []


def _kept_by_day(span: FrozenSpan) -> dict[date, list[Session]]:
    kept: dict[date, list[Session]] = {}
    for session in span.sessions:
        kept.setdefault(session.date, []).append(session)
    for sessions in kept.values():
        sessions.sort(key=lambda s: s.kind is SessionKind.WEIGHTS)
    return kept


def _apply_coach(
    season: Season, athlete: Athlete, dates: Sequence[date], generated: list[list[Session]]
) -> tuple[list[list[Session]], set[date], set[date]]:
    """Locked weeks show their snapshot; overrides replace the generated session of their kind."""
    first = dates[0]
    edited: set[date] = set()
    locked: set[date] = set()
    if not any(w.athlete_id == athlete.id for w in season.locked_weeks) and not any(
        o.athlete_id == athlete.id for o in season.overrides
    ):
        return generated, edited, locked
    final = [list(s) for s in generated]
    for week in season.locked_weeks:
        if week.athlete_id != athlete.id:
            continue
        for k in range(7):
            day = week.week_start + timedelta(days=k)
            i = (day - first).days
            if 0 <= i < len(final):
                final[i] = [s for s in week.sessions if s.date == day]
                locked.add(day)
    for override in season.overrides:
        if override.athlete_id != athlete.id:
            continue
        i = (override.date - first).days
        if not 0 <= i < len(final):
            continue
        kept = [s for s in final[i] if s.kind is not override.kind]
        if override.session is not None:
            kept.append(override.session._replace(edited=True))
        kept.sort(key=lambda s: s.kind is SessionKind.WEIGHTS)
        final[i] = kept
        edited.add(override.date)
    return final, edited, locked
