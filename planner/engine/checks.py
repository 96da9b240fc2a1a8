"""Plan checks: every rule a plan is judged by, applied to the sessions it finally holds.

Hard rules always hold in what the engine generates (the property tests hold it to that); a
coach's edit that breaks one is kept as made and the plan warns. Soft rules hold where the
calendar allows; where it does not, the plan warns with the rule's id.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from planner.by_identity import ByIdentity
from planner.document.catalogue import catalogue
from planner.document.model import Athlete, Priority, Season, TrackDay
from planner.document.sessions import Category, PlyoIntensity, Session, SessionKind
from planner.document.text import plural, span_text
from planner.engine.loads import held_as_dumbbells
from planner.engine.metrics import main_lift
from planner.engine.plan import DayMetrics, PhaseKind, PlanWarning, Week
from planner.engine.plyometrics import plyo_gap_days
from planner.engine.prescription import is_heavy, max_is_stale
from planner.engine.proximity import DayLimits, intensity_allowed
from planner.engine.record_checks import record_warnings
from planner.engine.rules import RuleBook
from planner.engine.session_facts import HEAVY_PCT
from planner.engine.timeline import DayPhase

Report = Callable[[str, str], None]


def hard_rule_breaches(
    athlete: Athlete,
    dates: Sequence[date],
    sessions_by_day: Sequence[Sequence[Session]],
    limits: Sequence[DayLimits],
    phases: Sequence[DayPhase],
    rules: RuleBook,
    *,
    only: Collection[date] | None = None,
) -> list[PlanWarning]:
    """Each breach of a hard rule, one warning per session and rule.

    ``only`` limits the report to those days (the spacing of plyometric sessions still
    counts the sessions before them).
    """
    found: list[PlanWarning] = []
    if only is not None and not only:
        return found
    ceiling_pct = rules["load.ceiling"].number("max_pct")
    max_clean_reps = rules["strength.clean"].whole("max_reps")
    heavy_rule = rules["strength.heavy"]
    cap_pct = heavy_rule.number("cap_pct")
    max_age = heavy_rule.whole("max_age_days")
    gate_weeks = rules["plyo.gate"].whole("base_weeks")
    ballistic_from = rules["taper.a"].whole("ballistic_from")
    spacing = plyo_gap_days(athlete, rules)
    last_plyo: date | None = None

    for day, sessions, limit, phase in zip(dates, sessions_by_day, limits, phases, strict=True):
        if only is not None and day not in only:
            if any(s.kind is SessionKind.PLYOMETRICS for s in sessions):
                last_plyo = day
            continue
        rhythm = athlete.rhythm[day.weekday()]
        for session in sessions:
            def breach(rule_id: str, message: str, session: Session = session, day: date = day) -> None:
                found.append(PlanWarning(rule_id, day, f"{session.title}: {message}"))

            if limit.rest_day:
                breach("competition.day", f"a session on a competition day ({limit.competition.name})"
                       if limit.competition else "a session on a competition day")
                continue
            if rhythm.track is TrackDay.REST:
                breach("rhythm", "a session on a rest day of the weekly rhythm")
                continue
            weights = session.kind is SessionKind.WEIGHTS
            if weights and not rhythm.lifting:
                breach("rhythm", "lifting on a day without lifting in the weekly rhythm")
            if not weights and not rhythm.plyometrics:
                breach("rhythm", "plyometrics on a day without plyometrics in the weekly rhythm")
            if rhythm.track is TrackDay.EASY:
                if not weights:
                    breach("rhythm", "plyometrics on an easy track day")
                elif _lower_body((session,)).lower:
                    breach("rhythm", "lower-body lifting on an easy track day (only upper-body and accessories)")
            if weights:
                _weights_breaches(session, limit, breach, ceiling_pct, max_clean_reps, cap_pct, max_age, athlete, day,
                                  ballistic_from)
            else:
                for item in session.items:
                    if item.intensity is None:
                        continue
                    if not intensity_allowed(item.intensity, limit.plyo_ceiling):
                        reason = limit.reason_for("plyo_ceiling")
                        breach(reason.rule_id if reason else "taper.c",
                               f"{item.name} ({item.intensity.value}) breaks: "
                               + (reason.text if reason else "the day's limits"))
                    if item.intensity is PlyoIntensity.HIGH and 0 <= phase.build_week < gate_weeks:
                        breach("plyo.gate", f"{item.name} is high intensity in week {phase.build_week + 1} of a build")
                    if item.exercise_id == "depth_jumps" and (athlete.junior or (athlete.age_on(day) or 99) < 16):
                        breach("plyo.gate", "depth jumps for an athlete under 16 or a junior")
                if last_plyo is not None and (day - last_plyo).days < spacing:
                    breach("plyo.spacing", f"only {(day - last_plyo).days * 24} h after the last plyometric session")
                last_plyo = day
    return found


def _weights_breaches(
    session: Session,
    limit: DayLimits,
    report: Report,
    ceiling_pct: float,
    max_clean_reps: int,
    cap_pct: float,
    max_age: int,
    athlete: Athlete,
    day: date,
    ballistic_from: int,
) -> None:
    priming = "priming" in session.tags and limit.priming_day and not limit.strict_ballistic
    for item in session.items:
        pct = item.percent_max
        if pct is not None and pct > ceiling_pct:
            report("load.ceiling", f"{item.name} at {pct:g} % is above {ceiling_pct:g} %")
        # A coach may name an exercise the catalogue lacks; the item's own category stands in.
        ex = catalogue().get(item.exercise_id)
        category = ex.category if ex else item.category
        if category is Category.POWER and item.exercise_id != "squat_jump" and item.reps > max_clean_reps:
            report("strength.clean", f"{item.name} with {item.reps} reps a set (at most {max_clean_reps})")
        if item.load is not None and item.max_value is not None and item.load >= item.max_value and pct is not None:
            report("load.rounding", f"{item.name} load {item.load:g} is at or above the max")
        rounded_up = item.load is not None and item.max_value is not None and pct is not None and (
            pct >= HEAVY_PCT and item.load > item.max_value * pct / 100 + 1e-6 and not held_as_dumbbells(item)
        )
        if rounded_up:
            report("load.rounding", f"{item.name} heavy load rounded up")
        if is_heavy(item) and pct is not None and pct > cap_pct and item.max_value is not None:
            entry = athlete.max_on((ex.max_from if ex else None) or item.exercise_id, day) or athlete.max_on(
                main_lift(item.exercise_id), day
            )
            if max_is_stale(entry, day, max_age):
                report("strength.heavy", f"{item.name} above {cap_pct:g} % with an estimated or old max")
        if item.lower_body and is_heavy(item) and not limit.heavy_lower:
            rule = limit.reason_for("heavy_lower", latest=False)
            report(rule.rule_id if rule else "taper.c", f"{item.name} at {pct:g} %: " + (rule.text if rule else ""))
        if limit.lower_max_pct is not None and item.lower_body and (pct or 0) > limit.lower_max_pct:
            rule = limit.reason_for("lower_max_pct")
            report(rule.rule_id if rule else "competition.after",
                   f"{item.name} at {pct:g} %: " + (rule.text if rule else ""))
        if limit.ballistic_only_pct is not None and item.lower_body and not priming:
            ballistic = item.exercise_id == "squat_jump" and (pct or 0) <= limit.ballistic_only_pct
            if not ballistic:
                report("taper.a", f"{item.name}: from D-{ballistic_from} only upper-body and ballistic work at "
                       f"{limit.ballistic_only_pct:g} % or less")
    if priming:
        reps = sum(i.total_reps for i in session.items if i.exercise_id != "squat_jump")
        pct_top = max((i.percent_max or 0 for i in session.items), default=0)
        if reps > 10 or pct_top > 85:
            report("taper.priming", "priming session above 10 reps or 85 %")


def soft_rule_warnings(
    athlete: Athlete,
    season: Season,
    dates: Sequence[date],
    sessions_by_day: Sequence[Sequence[Session]],
    phases: Sequence[DayPhase],
    limits: Sequence[DayLimits],
    metrics: Sequence[DayMetrics],
    week_list: Sequence[Week],
    rules: RuleBook,
) -> list[PlanWarning]:
    warnings: list[PlanWarning] = []
    # Three checks read each day's lower-body work: it is looked up once per day for them.
    lower_body = [_lower_body(sessions) for sessions in sessions_by_day]
    warnings += _consecutive(dates, lower_body)
    warnings += _detraining(dates, lower_body, phases, rules)
    warnings += _maintenance_gaps(athlete, dates, lower_body, phases, limits, rules)
    warnings += _contact_rise(athlete, week_list, season, dates, phases, rules)
    warnings += _spikes(dates, phases, metrics, season, rules)
    warnings += record_warnings(athlete, season, rules)
    return warnings


class _LowerBody(NamedTuple):
    """The lower-body work of a day's sessions, as the checks read it."""

    heavy: bool  # high-intensity lower-body work (a session marked heavy)
    lower: bool  # lower-body work other than accessories, in a weights session
    top: float  # the top percentage of the lower-body strength sets (0 without)


_NO_LOWER_BODY = _LowerBody(heavy=False, lower=False, top=0.0)
# Worked out once per day's sessions: a plan takes most of its days over from the last one.
_LOWER_BODY: ByIdentity[_LowerBody] = ByIdentity()


def _lower_body(sessions: Sequence[Session]) -> _LowerBody:
    """The lower-body work of a day's ``sessions``."""
    if not sessions:
        return _NO_LOWER_BODY
    return _LOWER_BODY.get(_lower_body_work, *sessions)


def _lower_body_work(*sessions: Session) -> _LowerBody:
    heavy = any_lower = False
    top = 0.0
    for session in sessions:
        heavy = heavy or session.heavy
        if session.kind is not SessionKind.WEIGHTS:
            continue
        for item in session.items:
            if item.lower_body and item.category is not Category.ACCESSORY:
                any_lower = True
                if item.category is Category.STRENGTH:
                    top = max(top, item.percent_max or 0.0)
    return _LowerBody(heavy, any_lower, top)


def _consecutive(dates: Sequence[date], lower_body: Sequence[_LowerBody]) -> list[PlanWarning]:
    """High-intensity lower-body work on two days in a row (``lower_body``: each day's)."""
    found: list[PlanWarning] = []
    for i in range(1, len(dates)):
        if lower_body[i].heavy and lower_body[i - 1].heavy:
            found.append(
                PlanWarning(
                    "rhythm.consecutive",
                    dates[i],
                    "High-intensity lower-body work on two days in a row "
                    f"({dates[i - 1].strftime('%a')} and {dates[i].strftime('%a')})",
                )
            )
    return found


def _detraining(
    dates: Sequence[date],
    lower_body: Sequence[_LowerBody],
    phases: Sequence[DayPhase],
    rules: RuleBook,
) -> list[PlanWarning]:
    """Gaps longer than the rule allows between days with lower-body work (``lower_body``:
    each day's), outside tapers and the transition."""
    max_gap = rules["detraining"].whole("max_gap_days")
    found: list[PlanWarning] = []
    gap = 0
    exempt = (PhaseKind.TAPER, PhaseKind.TRANSITION)
    for day, work, phase in zip(dates, lower_body, phases, strict=True):
        if phase.kind in exempt or phase.taper_for is not None or work.lower:
            gap = 0
            continue
        gap += 1
        if gap == max_gap + 1:
            found.append(
                PlanWarning(
                    "detraining",
                    day,
                    f"More than {max_gap} days without a strength session since "
                    f"{(day - timedelta(days=max_gap)).isoformat()}",
                )
            )
    return found


def _maintenance_gaps(
    athlete: Athlete,
    dates: Sequence[date],
    lower_body: Sequence[_LowerBody],
    phases: Sequence[DayPhase],
    limits: Sequence[DayLimits],
    rules: RuleBook,
) -> list[PlanWarning]:
    """Heavy lower-body strength sets (squats, not cleans) from pre-competition to the last
    competition, outside A tapers: one session a week keeps strength and speed, one every two
    weeks loses them (T11). ``lower_body`` holds each day's lower-body work."""
    rule = rules["detraining"]
    max_gap = rule.whole("max_gap_days")
    threshold = rule.number("novice_heavy_pct" if athlete.novice else "heavy_pct")
    # Searched from the season's end, where the last competition is.
    last_race = next((i for i in reversed(range(len(limits))) if limits[i].rest_day), -1)
    # The week before every A is taper-like, also for a second A that shares the first's taper.
    before_a = {
        i - n
        for i, lim in enumerate(limits)
        if lim.competition is not None and lim.competition.priority is Priority.A and lim.competition.start == dates[i]
        for n in range(1, 8)
    }
    season_kinds = (PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION)
    found: list[PlanWarning] = []
    start: int | None = None  # the first day of the current gap

    def close(end: int) -> None:
        if start is not None and end - start > max_gap:
            found.append(PlanWarning(
                "detraining",
                dates[start],
                f"No lower-body set at {threshold:g} % or more for {plural(end - start, 'day')} "
                f"({span_text(dates[start], dates[end - 1])}): the weekly rhythm and the competitions leave no day "
                "for heavy legs; one heavy session a week keeps strength and speed, one every two weeks loses them",
            ))

    for i in range(min(len(dates), last_race + 1)):
        phase = phases[i]
        counted = phase.kind in season_kinds and phase.taper_for is None and i not in before_a
        if not counted or lower_body[i].top >= threshold:
            close(i)
            start = None
        elif start is None:
            start = i
    close(min(len(dates), last_race + 1))
    return found


_FROM_PRE_COMPETITION = frozenset({PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION, PhaseKind.TAPER})


def _contact_rise(
    athlete: Athlete,
    week_list: Sequence[Week],
    season: Season,
    dates: Sequence[date],
    phases: Sequence[DayPhase],
    rules: RuleBook,
) -> list[PlanWarning]:
    """Full preparation weeks whose weighted contacts rise more than the limit over the highest
    of the last four weeks that were not deloads, whatever their phase (plyo.progression).

    A full week has its seven days in the season, no competition day, none of the three days
    before one and no taper day (D-7..D-1 of an A, D-5..D-1 of a B from pre-competition on).
    Weeks that are not full are not judged and do not lower the baseline: the return to full
    volume after a week cut for a meet is not a ramp. The rise is judged once one of the four
    weeks was full, so a season that opens with meet weeks starts at the start dose unjudged.
    """
    rule = rules["plyo.progression"]
    limit_pct = round(rule.number("max_rise") * 100)
    window = rule.whole("baseline_weeks")
    first = dates[0] if dates else season.first_day
    length = len(dates)
    # Day by day (by position in the season): cut for a competition, or not.
    cut = [p.taper_for is not None or p.kind is PhaseKind.TAPER for p in phases]

    def cut_days(start: date, count: int, back: int = 0) -> None:
        for n in range(count):
            i = (start - first).days + n - back
            if 0 <= i < length:
                cut[i] = True

    for comp in season.competitions_for(athlete.id):
        cut_days(comp.start, comp.days)
        # The C rules cut D-3..D-1 of every competition; an A's taper and a B's mini-taper more.
        before = rules["taper.c"].whole("no_heavy_from")
        if comp.priority is Priority.A:
            before = max(before, rules["taper.a"].whole("ballistic_from"))
        elif comp.priority is Priority.B:
            eve = (comp.start - first).days - 1
            if 0 <= eve < length and phases[eve].kind in _FROM_PRE_COMPETITION:
                before = max(before, rules["taper.b"].whole("days"))
        cut_days(comp.start, before, back=before)
    found: list[PlanWarning] = []
    # Weighted contacts of the weeks that were not deloads, and whether each was a full week.
    recent: list[tuple[float, bool]] = []
    free_below = rule.number("free_below")
    for week in week_list:
        start = (week.start - first).days
        full = start >= 0 and start + 7 <= length and not any(cut[start:start + 7])
        last = recent[-window:]
        judged = week.phase.preparation and not week.deload and full and any(f for _, f in last)
        # Only a judged week above the free dose is measured against the baseline.
        if judged and week.weighted_contacts > free_below:
            baseline = max(weighted for weighted, _ in last)
            # Judged on the whole percentage the warning shows, so it never reads "rise 15 %;
            # the limit is 15 %".
            rise_pct = round((week.weighted_contacts / baseline - 1) * 100) if baseline > 0 else 0
            if rise_pct > limit_pct:
                found.append(
                    PlanWarning(
                        "plyo.progression",
                        week.start,
                        f"Weekly weighted contacts rise {rise_pct} % ({baseline:g} to {week.weighted_contacts:g}, "
                        f"the highest of the last {window} weeks that were not deloads); the limit is {limit_pct} %",
                    )
                )
        if not week.deload:
            recent.append((week.weighted_contacts, full))
    return found


def _spikes(
    dates: Sequence[date],
    phases: Sequence[DayPhase],
    metrics: Sequence[DayMetrics],
    season: Season,
    rules: RuleBook,
) -> list[PlanWarning]:
    rule = rules["metrics.spike"]
    threshold = rule.number("ratio")
    settle = rule.whole("settle_days")
    found: list[PlanWarning] = []
    # A return from a deload, transition, taper or competition is planned, not a spike. Weeks
    # are counted by position: day i is in week (i + lead) // 7 of the season's calendar.
    resting = (PhaseKind.TRANSITION, PhaseKind.TAPER, PhaseKind.COMPETITION)
    lead = (dates[0] - season.week_of(dates[0])).days if dates else 0
    deload_weeks = {(i + lead) // 7 for i, p in enumerate(phases) if p.deload or p.kind in resting}
    flagged_weeks: set[int] = set()
    for i in range(settle, len(dates)):
        acwr = metrics[i].acwr
        # Judged on the ratio as the warning shows it (two decimals), so it never reads
        # "1.50 (above 1.50)".
        if acwr is None or acwr <= threshold:
            continue
        shown = round(acwr, 2)
        week = (i + lead) // 7
        if (
            shown <= threshold
            or phases[i].kind is PhaseKind.TAPER
            or week - 1 in deload_weeks
            or week - 2 in deload_weeks
            or week in flagged_weeks
        ):
            continue
        flagged_weeks.add(week)
        found.append(
            PlanWarning(
                "metrics.spike", dates[i], f"Load spike: acute:chronic ratio {shown:.2f} (above {threshold:.2f})"
            )
        )
    return found
