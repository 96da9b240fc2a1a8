"""The season's shape for one athlete: phases derived from the competitions they enter.

Phases are worked out backwards from the A competitions (rules phase.single, phase.double,
phase.rebase): each peak gets a taper; a peak at least 16 weeks before the next one closes a
build of its own (double periodisation); a closer one gets a short re-base after it. Without
an A competition the last B (or C) competition anchors the season without a taper. From the
day after the last competition the athlete is in transition (phase.transition).

A build too short for its phases says what it left out or compressed before its first peak
(an A early in a build cuts off the phases after its taper starts), in one warning. Each
preparation phase loads in waves with a deload every fourth week (third for juniors) and
general and specific preparation end with a test week; the wave shifts so that reduced weeks
never stack (wave.stacking).
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple

from planner.document.model import Athlete, Competition, Priority, Season
from planner.document.text import date_text, plural
from planner.engine.plan import PHASE_NAMES, Phase, PhaseKind, PlanWarning
from planner.engine.rules import RuleBook

_DAY = timedelta(days=1)


class Peak(NamedTuple):
    """Competitions that share one taper: the first one sets it."""

    competitions: tuple[Competition, ...]
    taper_days: int

    @property
    def start(self) -> date:
        return self.competitions[0].start

    @property
    def end(self) -> date:
        return max(c.end for c in self.competitions)

    @property
    def taper_start(self) -> date:
        return self.start - timedelta(days=self.taper_days)


class DayPhase(NamedTuple):
    """Where one day sits in the season. A named tuple: the engine's caches key on it."""

    kind: PhaseKind
    name: str
    cycle: int
    # Week index within the current preparation phase (0-based); -1 outside one.
    phase_week: int
    phase_weeks: int
    # Whole weeks of the current build done when this day's week began (the plyometric gate).
    build_week: int
    first_build: bool
    deload: bool
    test_week: bool
    taper_for: Competition | None


class Timeline(NamedTuple):
    phases: tuple[Phase, ...]
    days: tuple[DayPhase, ...]  # one per season day
    peaks: tuple[Peak, ...]
    warnings: tuple[PlanWarning, ...]


def _peaks(competitions: tuple[Competition, ...], rules: RuleBook) -> list[Peak]:
    taper = rules["taper.a"]
    shared_gap = rules["taper.shared"].whole("min_gap_days")
    peaks: list[Peak] = []
    for comp in (c for c in competitions if c.priority is Priority.A):
        if peaks and (comp.start - peaks[-1].end).days < shared_gap:
            last = peaks[-1]
            peaks[-1] = Peak((*last.competitions, comp), last.taper_days)
            continue
        days = taper.whole("indoor_days" if comp.indoor else "outdoor_days")
        peaks.append(Peak((comp,), days))
    if not peaks:
        for priority in (Priority.B, Priority.C):
            anchors = [c for c in competitions if c.priority is priority]
            if anchors:
                peaks.append(Peak((anchors[-1],), 0))
                break
    return peaks


def _split_weeks(
    total_days: int, defaults: tuple[float, float, float], competition_max: float, min_strength: float
) -> tuple[float, float, float, float]:
    """Weeks of general, specific, pre-competition and competition phases for a build."""
    weeks = total_days / 7
    prep = sum(defaults)
    gpp, spp, pre = defaults
    if weeks >= prep:
        competition = min(weeks - prep, competition_max)
        extra = weeks - prep - competition
        # A long lead-in stretches the preparation phases in proportion.
        gpp, spp, pre = (w * (1 + extra / prep) for w in defaults)
        return gpp, spp, pre, competition
    scale = weeks / prep
    gpp, spp, pre = gpp * scale, spp * scale, pre * scale
    if gpp + spp < min_strength:
        if weeks <= min_strength:
            # Too short for a power block after enough strength work: strength only.
            return (0.0, weeks, 0.0, 0.0) if weeks < 4 else (weeks * 0.4, weeks * 0.6, 0.0, 0.0)
        pre = weeks - min_strength
        gpp, spp = min_strength * 0.55, min_strength * 0.45
    if gpp < 2:
        gpp, spp = 0.0, gpp + spp
    if pre < 1:
        # Less than a week of power work is no block: the strength work runs on instead.
        spp, pre = spp + pre, 0.0
    return gpp, spp, pre, 0.0


class _DayKinds:
    """A mutable day-by-day phase assignment that is folded into Phase values at the end."""

    def __init__(self, season: Season) -> None:
        self.first = season.first_day
        self.length = (season.last_day - season.first_day).days + 1
        self.kind = [PhaseKind.TRANSITION] * self.length
        self.name = [PHASE_NAMES[PhaseKind.TRANSITION]] * self.length
        self.cycle = [1] * self.length

    def paint(self, start: date, end: date, kind: PhaseKind, name: str, cycle: int) -> None:
        lo = max(0, (start - self.first).days)
        hi = min(self.length - 1, (end - self.first).days)
        for i in range(lo, hi + 1):
            self.kind[i] = kind
            self.name[i] = name
            self.cycle[i] = cycle

    def days_of(self, start: date, end: date) -> dict[PhaseKind, int]:
        """Days of each phase kind painted from ``start`` to ``end``."""
        days: dict[PhaseKind, int] = {}
        for kind in self.kind[max(0, (start - self.first).days) : (end - self.first).days + 1]:
            days[kind] = days.get(kind, 0) + 1
        return days

    def phases(self) -> tuple[Phase, ...]:
        result: list[Phase] = []
        start = 0
        for i in range(1, self.length + 1):
            if i == self.length or (self.kind[i], self.name[i], self.cycle[i]) != (
                self.kind[start],
                self.name[start],
                self.cycle[start],
            ):
                result.append(
                    Phase(
                        self.kind[start],
                        self.name[start],
                        self.first + timedelta(days=start),
                        self.first + timedelta(days=i - 1),
                        self.cycle[start],
                    )
                )
                start = i
        return tuple(result)


def build_timeline(season: Season, athlete: Athlete, rules: RuleBook) -> Timeline:
    competitions = season.competitions_for(athlete.id)
    peaks = _peaks(competitions, rules)
    warnings: list[PlanWarning] = []
    days = _DayKinds(season)
    double = rules["phase.double"]
    single = rules["phase.single"]
    min_gap = timedelta(weeks=double.whole("min_gap_weeks"))

    # Group peaks into builds: a peak far enough before the next closes a build of its own.
    builds: list[list[Peak]] = [[]]
    for i, peak in enumerate(peaks):
        builds[-1].append(peak)
        if i + 1 < len(peaks) and peaks[i + 1].start - peak.end >= min_gap:
            builds.append([])

    # A competitions closer than taper.shared's gap are one peak already (``_peaks``), so
    # separate peaks never need two tapers in a row; a shared taper is worth a word.
    for peak in peaks:
        if len(peak.competitions) > 1:
            names = ", ".join(c.name for c in peak.competitions[1:])
            warnings.append(
                PlanWarning(
                    "taper.shared",
                    peak.competitions[1].start,
                    f"A competitions less than {rules['taper.shared'].whole('min_gap_days')} days apart share one "
                    f"taper into {peak.competitions[0].name}; maintenance until {names}",
                )
            )

    build_starts: list[date] = []
    cursor = season.first_day
    mini_transition = timedelta(weeks=double.whole("mini_transition_weeks"))
    for number, build in enumerate(builds, start=1):
        is_double = len(builds) > 1
        if number == 1:
            defaults = (
                (double.number("gpp1_weeks"), double.number("spp1_weeks"), double.number("pre1_weeks"))
                if is_double
                else (single.number("gpp_weeks"), single.number("spp_weeks"), single.number("pre_weeks"))
            )
        else:
            defaults = (
                double.number("rebase_gpp_weeks"),
                double.number("rebase_spp_weeks"),
                double.number("pre2_weeks"),
            )
        # The single season's phases have a shortest length; a double season's builds are
        # short already, so anything under their default length is compressed.
        shape = (
            _BuildShape("phase.double", defaults)
            if is_double
            else _BuildShape(
                "phase.single", (single.number("gpp_min"), single.number("spp_min"), single.number("pre_min"))
            )
        )
        target = build[-1] if build else None
        prep_end = (target.taper_start if target else season.last_day + _DAY) - _DAY
        prep_end = min(prep_end, season.last_day)
        build_starts.append(cursor)
        planned = _paint_build(days, season, cursor, prep_end, defaults, rules, number)
        for peak in build:
            _paint_peak(days, peak, number)
        # Earlier peaks inside this build are followed by a short re-base.
        for peak, following in pairwise(build):
            _paint_rebase(days, season, peak, following, rules, number)
        # What the build holds before its first peak once the peaks are in: an A early in the
        # build cuts off the phases planned after its taper starts.
        first = build[0] if build else None
        ready_end = min(first.taper_start - _DAY, prep_end) if first is not None else prep_end
        if planned is not None and ready_end >= cursor:
            warning = _build_warning(
                cursor, ready_end, first, target, shape, planned, days.days_of(cursor, ready_end), rules
            )
            if warning is not None:
                warnings.append(warning)
        elif number == 1 or planned is not None:
            warnings.append(_no_build_warning(cursor, first, shape))
        if target is None:
            break
        after = target.end + _DAY
        if number < len(builds):
            days.paint(after, after + mini_transition - _DAY, PhaseKind.TRANSITION, "Mini-transition", number)
            cursor = after + mini_transition
        else:
            _paint_season_end(days, season, competitions, target, rules, number, warnings)

    phases = days.phases()
    day_phases = _day_phases(season, athlete, phases, peaks, build_starts, rules)
    return Timeline(phases, day_phases, tuple(peaks), tuple(warnings))


def _paint_build(
    days: _DayKinds,
    season: Season,
    start: date,
    end: date,
    defaults: tuple[float, float, float],
    rules: RuleBook,
    number: int,
) -> frozenset[PhaseKind] | None:
    """Paints one build's phases and returns the kinds it painted; None when there is no room
    for any."""
    if end < start:
        return None
    total = (end - start).days + 1
    competition_max = rules["phase.single"].number("competition_max_weeks")
    min_strength = rules["phase.strength_first"].number("min_strength_weeks")
    gpp, spp, pre, comp = _split_weeks(total, defaults, competition_max, min_strength)
    suffix = f" {number}" if number > 1 else ""
    rebase = f"{suffix} (re-base)" if number > 1 else ""
    names = (
        (PhaseKind.GENERAL_PREPARATION, PHASE_NAMES[PhaseKind.GENERAL_PREPARATION] + rebase),
        (PhaseKind.SPECIFIC_PREPARATION, PHASE_NAMES[PhaseKind.SPECIFIC_PREPARATION] + suffix),
        (PhaseKind.PRE_COMPETITION, PHASE_NAMES[PhaseKind.PRE_COMPETITION] + suffix),
        (PhaseKind.COMPETITION, PHASE_NAMES[PhaseKind.COMPETITION] + suffix),
    )
    # Boundaries fall on the season's week starts so load waves and the calendar line up.
    cursor = start
    spent = 0.0
    painted: set[PhaseKind] = set()
    for (kind, name), weeks in zip(names, (gpp, spp, pre, comp), strict=True):
        if weeks <= 0:
            continue
        spent += weeks
        boundary = start + timedelta(days=round(spent * 7))
        boundary = season.week_of(boundary + timedelta(days=3)) if boundary <= end else end + _DAY
        boundary = min(max(boundary, cursor), end + _DAY)
        if kind is PhaseKind.COMPETITION or spent >= sum((gpp, spp, pre, comp)) - 1e-9:
            boundary = end + _DAY
        if boundary > cursor:
            days.paint(cursor, boundary - _DAY, kind, name, number)
            painted.add(kind)
            cursor = boundary
    return frozenset(painted)


_PREPARATION_NAMES = (
    (PhaseKind.GENERAL_PREPARATION, "general preparation"),
    (PhaseKind.SPECIFIC_PREPARATION, "specific preparation"),
    (PhaseKind.PRE_COMPETITION, "pre-competition"),
)


class _BuildShape(NamedTuple):
    """The rule a build's phase lengths come from and the shortest general, specific and
    pre-competition phases it allows before the plan says the build is compressed."""

    rule_id: str
    shortest: tuple[float, float, float]


def _span(days: int) -> str:
    """"3 weeks", "3 weeks and 4 days", "5 days"."""
    weeks, rest = divmod(days, 7)
    if not weeks:
        return plural(rest, "day")
    return plural(weeks, "week") + (f" and {plural(rest, 'day')}" if rest else "")


def _before(target: Peak | None) -> str:
    if target is None:
        return "the season's end"
    name = target.competitions[0].name
    return f"the {name} taper" if target.taper_days else name


def _no_build_warning(start: date, target: Peak | None, shape: _BuildShape) -> PlanWarning:
    where = f"inside {_before(target)}" if target is not None and start < target.start else f"at {_before(target)}"
    return PlanWarning(
        shape.rule_id,
        start,
        f"The season starts {where}: no general preparation, specific preparation or pre-competition",
    )


def _build_warning(
    start: date,
    end: date,
    first: Peak | None,
    target: Peak | None,
    shape: _BuildShape,
    planned: frozenset[PhaseKind],
    painted: dict[PhaseKind, int],
    rules: RuleBook,
) -> PlanWarning | None:
    """One line for a build too short for its phases: what was left out before its first peak
    and why, or which phases were compressed below the rule's shortest.

    ``planned`` holds the phases the build was laid out with (up to ``target``), ``painted``
    the days of each phase from ``start`` to ``end``, the day before the first peak's taper: a
    phase planned but not painted there was cut off by an A competition early in the build.
    """
    min_strength = rules["phase.strength_first"].number("min_strength_weeks")
    lead = f"Only {_span((end - start).days + 1)} before {_before(first)}"
    skipped = [(kind, label) for kind, label in _PREPARATION_NAMES if not painted.get(kind)]
    kept = [f"{_span(painted[kind])} of {label}" for kind, label in _PREPARATION_NAMES if painted.get(kind)]
    if skipped:
        why = []
        if PhaseKind.GENERAL_PREPARATION not in planned:
            why.append("too short for a general base")
        if PhaseKind.PRE_COMPETITION not in planned:
            why.append(f"a power block needs {min_strength:g} weeks of strength work first")
        cut = [kind for kind, _ in skipped if kind in planned]
        if cut and first is not None and target is not None:
            it = "it" if len(cut) == 1 else "them"
            why.append(
                f"{first.competitions[0].name} comes before the build to {target.competitions[0].name} reaches {it}"
            )
        rule_id = "phase.strength_first" if PhaseKind.PRE_COMPETITION not in planned else shape.rule_id
        message = f"{lead}: no {' or '.join(label for _, label in skipped)} ({'; '.join(why)})"
        if kept:
            message += f"; {' and '.join(kept)}"
        return PlanWarning(rule_id, start, message)
    short = [
        f"{label} {_span(painted[kind])} (at least {shortest:g} weeks)"
        for (kind, label), shortest in zip(_PREPARATION_NAMES, shape.shortest, strict=True)
        # Phases end on week starts: half a week short of the rule is still its length.
        if painted[kind] < (shortest - 0.5) * 7
    ]
    if short:
        return PlanWarning(shape.rule_id, start, f"{lead}: phases compressed to {', '.join(short)}")
    return None


def _paint_peak(days: _DayKinds, peak: Peak, number: int) -> None:
    first = peak.competitions[0]
    if peak.taper_days:
        days.paint(peak.taper_start, peak.start - _DAY, PhaseKind.TAPER, f"Taper: {first.name}", number)
    days.paint(peak.start, peak.end, PhaseKind.COMPETITION, f"Competition: {first.name}", number)


def _paint_rebase(
    days: _DayKinds, season: Season, peak: Peak, following: Peak, rules: RuleBook, number: int
) -> None:
    rebase = rules["phase.rebase"]
    room = (following.taper_start - peak.end).days - 1
    weeks = min(rebase.whole("weeks"), room // 7)
    if weeks < rebase.whole("min_weeks"):
        days.paint(peak.end + _DAY, following.taper_start - _DAY, PhaseKind.COMPETITION,
                   f"Competition: {following.competitions[0].name}", number)
        return
    start = peak.end + _DAY
    end = start + timedelta(weeks=weeks) - _DAY
    days.paint(start, end, PhaseKind.SPECIFIC_PREPARATION, f"Re-base after {peak.competitions[0].name}", number)
    if end + _DAY <= following.taper_start - _DAY:
        # Between the re-base and the next taper the athlete competes and maintains.
        current = days.kind[(end + _DAY - days.first).days] if end + _DAY <= season.last_day else None
        name = PHASE_NAMES[PhaseKind.PRE_COMPETITION] + (f" {number}" if number > 1 else "")
        if current not in (PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION):
            days.paint(end + _DAY, following.taper_start - _DAY, PhaseKind.PRE_COMPETITION, name, number)
        else:
            # A week of pre-competition bridges the re-base's three sessions of 3 x 5 and the
            # two short maintenance sessions, so the volume steps down instead of falling (also
            # where the build's own pre-competition leaves only a day or two after the re-base).
            # It runs to the end of the calendar week holding its seventh day, so that the
            # competition phase starts on a week start and a week with a single weights day does
            # not take the pre-competition step's back-off sets straight into maintenance.
            seventh = end + timedelta(weeks=1)
            bridge_end = min(season.week_of(seventh) + timedelta(days=6), following.taper_start - _DAY)
            days.paint(end + _DAY, bridge_end, PhaseKind.PRE_COMPETITION, name, number)


def _paint_season_end(
    days: _DayKinds,
    season: Season,
    competitions: tuple[Competition, ...],
    target: Peak,
    rules: RuleBook,
    number: int,
    warnings: list[PlanWarning],
) -> None:
    """Competition phase while there is something left to race, then the transition to the
    season's last day (rule phase.transition): no lifting weeks with nothing left to race."""
    if target.end + _DAY > season.last_day:
        return
    transition = rules["phase.transition"]
    # The final peak ends no later than the season's last competition: a B or C after it counts.
    last = max(competitions, key=lambda c: c.end)
    transition_start = last.end + timedelta(days=transition.whole("after_last_days"))
    if transition_start > target.end + _DAY:
        days.paint(target.end + _DAY, transition_start - _DAY, PhaseKind.COMPETITION,
                   f"Competition {number}" if number > 1 else "Competition", number)
    if transition_start > season.last_day:
        return
    days.paint(transition_start, season.last_day, PhaseKind.TRANSITION, PHASE_NAMES[PhaseKind.TRANSITION], number)
    length = (season.last_day - transition_start).days + 1
    max_weeks = transition.whole("max_weeks")
    if length > max_weeks * 7:
        warnings.append(
            PlanWarning(
                "phase.transition",
                transition_start,
                f"The season runs {_span(length)} past its last competition ({last.name}, "
                f"{date_text(last.end)}): transition to the end, longer than the {max_weeks} weeks it should "
                "last; end the season earlier or enter a later competition",
            )
        )


def _closes_with_test(phase: Phase) -> bool:
    """General and specific preparation end with a test week; a re-base does not."""
    return phase.kind in (
        PhaseKind.GENERAL_PREPARATION,
        PhaseKind.SPECIFIC_PREPARATION,
    ) and not phase.name.startswith("Re-base")


class _Wave(NamedTuple):
    """Where the season's deload weeks fall (rules wave and C6).

    ``deloads`` holds week starts (as ordinals) and ``tests`` the (phase index, week index)
    of each test week; a test week is a deload too.
    """

    deloads: frozenset[int]
    tests: frozenset[tuple[int, int]]


def _weeks_touching(season: Season, first: date, last: date) -> range:
    """Week starts (as ordinals) of the season weeks that hold a day of ``first``..``last``."""
    return range(season.week_of(first).toordinal(), season.week_of(last).toordinal() + 1, 7)


def _wave(season: Season, phases: tuple[Phase, ...], peaks: list[Peak], up: int, clear_days: int) -> _Wave:
    """Deloads every ``up + 1``-th week of a preparation phase and a test week at the end of
    general and specific preparation, shifted so that reduced weeks never stack.

    Never two deload weeks in a row, and no deload in the ``clear_days`` before an A taper
    (the taper is the reduction; rule wave.stacking). A test week that would fall there moves a week earlier; a load
    wave's deload that would stack moves a week earlier when ``up`` loading weeks still come
    before it, and is dropped otherwise.
    """
    before_taper: set[int] = set()
    for peak in peaks:
        if peak.taper_days:
            clear_from = peak.taper_start - timedelta(days=clear_days)
            before_taper.update(_weeks_touching(season, clear_from, peak.start - _DAY))
    # Weeks that hold rest or a taper are no loading weeks, whatever else they hold.
    resting: set[int] = set()
    for phase in phases:
        if phase.kind in (PhaseKind.TRANSITION, PhaseKind.TAPER):
            resting.update(_weeks_touching(season, phase.start, phase.end))
    first_week = season.first_week_start.toordinal()

    deloads: set[int] = set()
    tests: set[tuple[int, int]] = set()
    wanted: list[int] = []
    for index, phase in enumerate(phases):
        if not phase.kind.preparation:
            continue
        weeks = _weeks_touching(season, phase.start, phase.end)
        wanted += [week for i, week in enumerate(weeks) if (i + 1) % (up + 1) == 0]
        if _closes_with_test(phase) and len(weeks) >= 3:
            # At least two weeks of the phase before its test.
            for i in range(len(weeks) - 1, 1, -1):
                if weeks[i] not in before_taper:
                    tests.add((index, i))
                    deloads.add(weeks[i])
                    break

    def loading_weeks_before(week: int) -> int:
        count = 0
        while count < up:
            earlier = week - 7 * (count + 1)
            if earlier < first_week or earlier in deloads or earlier in resting:
                break
            count += 1
        return count

    for week in sorted(set(wanted)):
        for candidate in (week, week - 7):
            if (
                candidate in deloads
                or candidate in before_taper
                or candidate - 7 in deloads
                or candidate + 7 in deloads
                or loading_weeks_before(candidate) < up
            ):
                continue
            deloads.add(candidate)
            break
    return _Wave(frozenset(deloads), frozenset(tests))


def _day_phases(
    season: Season,
    athlete: Athlete,
    phases: tuple[Phase, ...],
    peaks: list[Peak],
    build_starts: list[date],
    rules: RuleBook,
) -> tuple[DayPhase, ...]:
    wave = rules["wave"]
    up = wave.whole("junior_up_weeks" if athlete.junior else "up_weeks")
    shape = _wave(season, phases, peaks, up, rules["wave.stacking"].whole("clear_before_taper_days"))
    taper_of: dict[int, Competition] = {}
    for peak in peaks:
        for ordinal in range(peak.taper_start.toordinal(), peak.start.toordinal()):
            taper_of[ordinal] = peak.competitions[0]
    result: list[DayPhase] = []
    for index, phase in enumerate(phases):
        phase_week0 = season.week_of(phase.start).toordinal()
        phase_weeks = (season.week_of(phase.end).toordinal() - phase_week0) // 7 + 1
        build = min(phase.cycle, len(build_starts))
        build_start = build_starts[build - 1].toordinal()
        first_build = build == 1
        prep = phase.kind.preparation
        # Days of one week share their DayPhase; only a taper's first day can split a week.
        shared: dict[tuple[int, Competition | None], DayPhase] = {}
        for ordinal in range(phase.start.toordinal(), phase.end.toordinal() + 1):
            week_index = (ordinal - phase_week0) // 7
            taper = taper_of.get(ordinal)
            day_phase = shared.get((week_index, taper))
            if day_phase is None:
                day_phase = shared[(week_index, taper)] = DayPhase(
                    kind=phase.kind,
                    name=phase.name,
                    cycle=phase.cycle,
                    phase_week=week_index if prep else -1,
                    phase_weeks=phase_weeks,
                    # Whole weeks trained when this week began: a build starting mid-week
                    # has not had a week of base by the next week's start.
                    build_week=max(0, (season.week_of(date.fromordinal(ordinal)).toordinal() - build_start) // 7),
                    first_build=first_build,
                    deload=prep and phase_week0 + 7 * week_index in shape.deloads,
                    test_week=(index, week_index) in shape.tests,
                    taper_for=taper,
                )
            result.append(day_phase)
    return tuple(result)
