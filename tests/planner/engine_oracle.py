"""An independent reading of the hard rules, written from the issue text, not from the engine.

The engine's own checks share code with generation; this oracle recomputes every restriction
from the competitions and the weekly rhythm so a bug in the shared code cannot hide itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise

from planner.document.model import Athlete, Event, Level, Priority, Season, TrackDay
from planner.document.sessions import Category, Item, PlyoIntensity, Session, SessionKind
from planner.engine.plan import Day, PhaseKind, Plan, Week

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


# =============================================================================================
# Issue 12, "What must hold": one check per rule, read from the issue text.
#
# Each ``rule_NN_*`` function returns breach strings ("YYYY-MM-DD: what"); an empty list means
# the rule holds or the plan carries the warning the issue names in its place. Only the season
# and the generated plan are read: days (phase, deload, taper_for, sessions and items), phases,
# weeks (volume-load and contacts) and warnings.
#
# Readings shared by the checks:
# - "A taper": the days whose ``taper_for`` is set or whose phase is the taper, and D-7..D-1
#   of every A competition (where the hard rules allow only ballistic lower-body work).
# - "B mini-taper": D-5..D-1 of a B competition whose D-1 lies in pre-competition, competition
#   or taper (rule taper.b: "from the pre-competition phase on").
# - "Tapers", unqualified: the days of an A taper or a B mini-taper. The hurdler's and the
#   in-season hamstring work (rules 2 and 5) are excused by A tapers only.
# - "Lifting session": a weights session with a lower-body item that is not an accessory
#   (the easy days' upper-body sessions are not one).
# - "Strength set": a lower-body item of the strength category with a percentage.
# - A "week" is one of ``plan.weeks`` (the season's own weeks); "a week with a competition"
#   holds a day of a competition the athlete is entered in; its volume-load is
#   ``Week.volume_load_kg``.
# - Exercises are told apart by the words of their id and name ("nordic", "split squat", ...),
#   so a catalogue entry of any name that says what it is counts.
# =============================================================================================

_PRE_OR_LATER = frozenset({PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION, PhaseKind.TAPER})
B_MINI_TAPER_DAYS = 5
MAX_STRENGTH_GAP_DAYS = 10  # rule 1: "at least every 7-10 days"
STRENGTH_FLOOR = 80.0  # rule 1: "80 % of the max or more"
MAINTENANCE_MAX_SETS, MAINTENANCE_MAX_REPS = 3, 3  # rule 1: "3 x 2-3 heavy"
NOVICE_STRENGTH_FLOOR = 75.0  # "75 % for juniors and beginners"
RECOVERY_MAX_PCT = 60.0  # rule 4
BEGINNER_MAX_PCT = 80.0  # rule 6
BEGINNER_MIN_REPS = 5
CLIFF_SHARE = 0.4  # rule 8
TAPER_SHARE = 0.6  # rule 12
CONTACT_RISE_PCT = 15  # rule 3, rule plyo.progression
CONTACTS_FREE_BELOW = 60.0
CONTACT_WEIGHTS = {PlyoIntensity.LOW: 1.0, PlyoIntensity.MODERATE: 1.3, PlyoIntensity.HIGH: 1.6}
MIN_DRILLS, MAX_DRILLS = 3, 5
MIN_DRILL_SETS = 2
MIN_SESSION_CONTACTS = 20
BOUNDING_TARGET_M = 20.0
# Full training weeks a build needs for bounding to pass the four-week gate and grow 10 -> 20 m.
BOUNDING_GROWTH_WEEKS = 6
BOUNDING_MODERATE_MAX_M = 15.0
# Rule 3's bounding target is asked of builds with room for it: the four-week gate before
# high-intensity work and the weeks a drill needs to grow 10 m in 5 m steps.
BOUNDING_ROOM_WEEKS = 10
MAX_TRANSITION_WEEKS = 6  # rule phase.transition: "never more than 6"

HAMSTRING_WORDS = ("nordic", "romanian", "rdl", "deadlift", "hinge", "good_morning", "glute_ham", "hamstring",
                   "hamstrings")
NORDIC_WORDS = ("nordic",)
UNILATERAL_WORDS = ("split_squat", "step_up", "lunge", "lunges", "single_leg", "bulgarian", "pistol")
HIP_FLEXOR_WORDS = ("hip_flexor", "psoas", "knee_drive", "hip_flexion", "iliopsoas")
TRUNK_WORDS = ("plank", "pallof", "dead_bug", "trunk", "core", "bird_dog", "anti_rotation", "rollout", "hollow",
               "side_bridge", "leg_raise", "sit_up", "crunch", "copenhagen", "back_extension")
PULL_WORDS = ("row", "rows", "pull", "pullup", "pulldown", "chin", "chinup", "face_pull")


def _text(item: Item) -> str:
    raw = f"{item.exercise_id} {item.name}".lower()
    return "_" + re.sub(r"[^a-z0-9]+", "_", raw) + "_"


def _says(item: Item, words: tuple[str, ...]) -> bool:
    text = _text(item)
    return any(f"_{word}_" in text for word in words)


def _is_hamstring(item: Item) -> bool:
    return item.category is not Category.PLYOMETRIC and _says(item, HAMSTRING_WORDS)


def _is_nordic(item: Item) -> bool:
    return item.category is not Category.PLYOMETRIC and _says(item, NORDIC_WORDS)


def _is_unilateral(item: Item) -> bool:
    """A single-leg lift: split squat, step-up, lunge, single-leg anything but a calf raise."""
    return (
        item.lower_body
        and item.category is not Category.PLYOMETRIC
        and _says(item, UNILATERAL_WORDS)
        and "calf" not in _text(item)
    )


def _is_hip_flexor(item: Item) -> bool:
    return item.category is not Category.PLYOMETRIC and _says(item, HIP_FLEXOR_WORDS)


def _is_trunk(item: Item) -> bool:
    return item.category is not Category.PLYOMETRIC and _says(item, TRUNK_WORDS)


def _is_pull(item: Item) -> bool:
    return item.category is not Category.PLYOMETRIC and not item.lower_body and _says(item, PULL_WORDS)


def _lifting(session: Session) -> bool:
    return session.kind is SessionKind.WEIGHTS and any(
        i.lower_body and i.category is not Category.ACCESSORY for i in session.items
    )


def _strength_sets(session: Session) -> list[Item]:
    if session.kind is not SessionKind.WEIGHTS:
        return []
    return [i for i in session.items if i.lower_body and i.category is Category.STRENGTH and i.percent_max is not None]


def _floor(athlete: Athlete) -> float:
    return NOVICE_STRENGTH_FLOOR if athlete.junior or athlete.level is Level.BEGINNER else STRENGTH_FLOOR


def _senior(athlete: Athlete) -> bool:
    return not athlete.junior


class _Reading:
    """What every check needs from one season and plan, worked out once."""

    def __init__(self, season: Season, plan: Plan) -> None:
        self.season = season
        self.plan = plan
        self.athlete = plan.athlete
        self.comps = season.competitions_for(self.athlete.id)
        self.by_date = {d.date: d for d in plan.days}
        self.race_days: set[date] = set()
        for comp in self.comps:
            self.race_days |= set(_span(comp.start, comp.end))
        self.declared_taper = {d.date for d in plan.days if d.taper_for is not None or d.phase is PhaseKind.TAPER}
        # The hard rules make D-7..D-1 of every A a taper (ballistic work only), also for the
        # second A of a shared taper, which has no taper days of its own.
        self.a_taper = self.declared_taper | {
            c.start - timedelta(days=n) for c in self.comps if c.priority is Priority.A for n in range(1, 8)
        }
        self.b_mini_taper: set[date] = set()
        for comp in self.comps:
            before = self.by_date.get(comp.start - timedelta(days=1))
            if comp.priority is Priority.B and before is not None and before.phase in _PRE_OR_LATER:
                self.b_mini_taper |= {comp.start - timedelta(days=n) for n in range(1, B_MINI_TAPER_DAYS + 1)}
        self.tapers = self.a_taper | self.b_mini_taper
        self.pre_race = {c.start - timedelta(days=n) for c in self.comps for n in (1, 2, 3)}
        # The recovery day after each competition (rule 4: no jumps, nothing above 60 %).
        self.recovery_days = {c.end + timedelta(days=1) for c in self.comps}
        self._weeks: dict[date, list[Day]] = {}

    def sessions(self, day: date) -> tuple[Session, ...]:
        found = self.by_date.get(day)
        return found.sessions if found else ()

    def week_days(self, week: Week) -> list[Day]:
        days = self._weeks.get(week.start)
        if days is None:
            found = (self.by_date.get(week.start + timedelta(days=k)) for k in range(7))
            days = self._weeks[week.start] = [d for d in found if d is not None]
        return days

    def week_sessions(self, week: Week) -> list[Session]:
        return [s for d in self.week_days(week) for s in d.sessions]

    def lifting_count(self, week: Week) -> int:
        return sum(1 for s in self.week_sessions(week) if _lifting(s))

    def has_race(self, week: Week) -> bool:
        return any(d.date in self.race_days for d in self.week_days(week))

    def cut_for_meet(self, week: Week) -> bool:
        """A week with a competition, one of the three days before one (where the C rules
        already forbid heavy work and D-1/D-2 hold no lifting) or the recovery day after one
        (rule 4): a week cut for a meet."""
        return any(
            d.date in self.race_days or d.date in self.pre_race or d.date in self.recovery_days
            for d in self.week_days(week)
        )

    def has_taper(self, week: Week, *, a_only: bool = False) -> bool:
        days = self.a_taper if a_only else self.tapers
        return any(d.date in days for d in self.week_days(week))

    def transition(self, week: Week) -> bool:
        return week.phase is PhaseKind.TRANSITION or any(d.phase is PhaseKind.TRANSITION for d in self.week_days(week))

    def full(self, week: Week) -> bool:
        return len(self.week_days(week)) == 7

    def warned(self, prefix: str, first: date, last: date) -> bool:
        return any(
            (w.rule_id == prefix or w.rule_id.startswith(prefix + ".")) and first <= w.date <= last
            for w in self.plan.warnings
        )


_last_reading: list[_Reading] = []


def _reading(season: Season, plan: Plan) -> _Reading:
    """The reading of the last plan checked: the thirteen checks of one plan share it."""
    if _last_reading and _last_reading[0].season is season and _last_reading[0].plan is plan:
        return _last_reading[0]
    _last_reading[:] = [_Reading(season, plan)]
    return _last_reading[0]


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def _day_text(day: date) -> str:
    return day.isoformat()


def rule_01_maintenance(season: Season, plan: Plan) -> list[str]:
    """In-season maintenance: a strength set at 80 % or more (75 % for juniors and beginners)
    at least every 10 days from the start of pre-competition to the last competition.

    Reading: the window is every day in a pre-competition or competition phase up to the end
    of the last competition. A taper days, transition days (a mini-transition) and days of a
    preparation phase after the first pre-competition day (a re-base, a second build) lie
    outside it and restart the count, as does the window's first day. A day more than 10 days
    after the later of the last such set and the last day outside the window is a breach,
    unless a ``detraining`` warning is dated inside that gap (the issue: "where no slot exists
    for 14 days, a detraining warning that names the dates").

    Maintenance sessions are short: in the competition phase a strength set at that level is
    at most 3 x 3 ("3 x 2-3 heavy"), except for juniors and beginners, whose sets stay at 5
    reps or more (rule 6; rule 1 itself gives juniors and beginners their own, lower line).
    """
    r = _reading(season, plan)
    if not r.comps:
        return []
    last_race = max(c.end for c in r.comps)
    floor = _floor(r.athlete)
    found: list[str] = []
    anchor: date | None = None
    reported: date | None = None
    for day in plan.days:
        if day.date > last_race:
            break
        inside = day.phase in (PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION) and day.date not in r.a_taper
        if not inside:
            anchor = day.date
            continue
        if anchor is None:
            anchor = day.date - timedelta(days=1)
        if any((i.percent_max or 0) >= floor for s in day.sessions for i in _strength_sets(s)):
            anchor = day.date
            continue
        gap = (day.date - anchor).days
        if gap > MAX_STRENGTH_GAP_DAYS and reported != anchor:
            reported = anchor
            if not r.warned("detraining", anchor, _gap_end(r, anchor, last_race, floor)):
                found.append(
                    f"{_day_text(day.date)}: no strength set at {floor:g} % or more since {_day_text(anchor)} "
                    f"({gap} days) and no detraining warning"
                )
    if not (r.athlete.junior or r.athlete.level is Level.BEGINNER):
        found += _long_maintenance(r, floor)
    return found


def _long_maintenance(r: _Reading, floor: float) -> list[str]:
    return [
        f"{_day_text(day.date)}: {i.name} {i.sets} x {i.reps} at {i.percent_max:g} % in the competition phase "
        "(maintenance is at most 3 x 3)"
        for day in r.plan.days
        if day.phase is PhaseKind.COMPETITION
        for s in day.sessions
        for i in _strength_sets(s)
        if (i.percent_max or 0) >= floor and (i.sets > MAINTENANCE_MAX_SETS or i.reps > MAINTENANCE_MAX_REPS)
    ]


def _gap_end(r: _Reading, anchor: date, last_race: date, floor: float) -> date:
    """The last day of the stretch without a strength set that starts after ``anchor``."""
    day = anchor + timedelta(days=1)
    while day <= last_race:
        found = r.by_date.get(day)
        if found is None or found.phase not in (PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION):
            break
        if day in r.a_taper:
            break
        if any((i.percent_max or 0) >= floor for s in found.sessions for i in _strength_sets(s)):
            break
        day += timedelta(days=1)
    return day


def _pairs_missing(
    r: _Reading, wanted: Callable[[Item], bool], *, phases: frozenset[PhaseKind] | None = None
) -> list[Week]:
    """First weeks of pairs of consecutive weeks, outside A tapers and the transition, that hold
    two or more lifting sessions between them but no item ``wanted`` in any weights session.

    Reading of "at least once in every two weeks that have two or more weights sessions": two
    weeks together; one lifting session a week (weekly meets) is two in two weeks. A B's
    mini-taper does not excuse a pair: with a B every Saturday every week holds one.
    """
    missing: list[Week] = []
    for first, second in pairwise(r.plan.weeks):
        pair = (first, second)
        if any(r.has_taper(w, a_only=True) or r.transition(w) for w in pair):
            continue
        if phases is not None and not all(w.phase in phases for w in pair):
            continue
        if sum(r.lifting_count(w) for w in pair) < 2:
            continue
        items = (
            i for w in pair for s in r.week_sessions(w) if s.kind is SessionKind.WEIGHTS for i in s.items
        )
        if not any(wanted(i) for i in items):
            missing.append(first)
    return missing


def rule_02_hurdlers(season: Season, plan: Plan) -> list[str]:
    """Hurdlers in every phase: a unilateral leg lift and hip-flexor work at least once in every
    two consecutive weeks that hold two or more lifting sessions between them, outside A tapers
    and the transition. Flat 400 m runners are not concerned."""
    r = _reading(season, plan)
    if r.athlete.event is not Event.HURDLES_400:
        return []
    found = [
        f"{_day_text(w.start)}: no unilateral leg lift in the two weeks from here (hurdler)"
        for w in _pairs_missing(r, _is_unilateral)
    ]
    found += [
        f"{_day_text(w.start)}: no hip-flexor work in the two weeks from here (hurdler)"
        for w in _pairs_missing(r, _is_hip_flexor)
    ]
    return found


def rule_03_plyometric_sessions(season: Season, plan: Plan) -> list[str]:
    """Plyometric sessions a coach would write.

    - Every session has at most 5 drills (items); outside the three days before a competition
      and tapers (A or B) it has at least 3, every drill at least 2 sets and the session at
      least 20 contacts. A new drill therefore enters with at least 2 sets (its "proper dose");
      whether progression builds the drills in use first is left to the engine's tests.
    - Bounding past 15 m counts as high intensity.
    - Intermediate and advanced seniors bound at least 20 m before the competition phase, when
      at least six full training weeks (no deload, meet or taper) lie before it and
      the first competition-phase day comes at least 10 weeks after the first plyometric
      session (room for the four-week gate and the growth).
    - Weekly weighted contacts (low 1.0, moderate 1.3, high 1.6) of a week in a preparation
      phase that is not a deload, is not cut for a meet, holds no taper day and is above 60
      rise at most 15 % (whole percent) over the highest of the last four earlier weeks that
      were not deloads, or the week carries a ``plyo.progression`` warning. The rise is judged
      once one of those four weeks was itself full (seven days in the season, not cut for a
      meet, no taper): a season
      that opens with meet weeks starts its program at the start dose, which is not a ramp.
    """
    r = _reading(season, plan)
    found: list[str] = []
    exempt = r.pre_race | r.tapers
    for day in plan.days:
        for s in day.sessions:
            if s.kind is not SessionKind.PLYOMETRICS:
                continue
            drills = list(s.items)
            if len(drills) > MAX_DRILLS:
                found.append(f"{_day_text(day.date)}: {len(drills)} drills in one plyometric session")
            for item in drills:
                if (
                    item.exercise_id == "bounding"
                    and (item.distance_m or 0) > BOUNDING_MODERATE_MAX_M
                    and item.intensity is not PlyoIntensity.HIGH
                ):
                    found.append(f"{_day_text(day.date)}: bounding {item.distance_m:g} m not counted as high intensity")
            if day.date in exempt:
                continue
            if len(drills) < MIN_DRILLS:
                found.append(f"{_day_text(day.date)}: {len(drills)} drills in a plyometric session (at least 3)")
            for item in drills:
                if item.sets < MIN_DRILL_SETS:
                    found.append(f"{_day_text(day.date)}: {item.name} {item.sets} x {item.reps} (at least 2 sets)")
            contacts = sum(i.contacts for i in drills)
            if contacts < MIN_SESSION_CONTACTS:
                found.append(f"{_day_text(day.date)}: {contacts} contacts in a plyometric session (at least 20)")
    found += _bounding_target(r)
    found += _contact_rise(r)
    return found


def _bounding_target(r: _Reading) -> list[str]:
    if r.athlete.junior or r.athlete.level is Level.BEGINNER:
        return []
    first_comp = next((d.date for d in r.plan.days if d.phase is PhaseKind.COMPETITION), None)
    if first_comp is None:
        return []
    plyo_days = [
        d.date
        for d in r.plan.days
        if d.date < first_comp and any(s.kind is SessionKind.PLYOMETRICS for s in d.sessions)
    ]
    if not plyo_days or (first_comp - plyo_days[0]).days < BOUNDING_ROOM_WEEKS * 7:
        return []
    # Room to grow means training weeks: deloads, weeks cut for a meet and taper weeks hold
    # the program, and the 15 % cap (a hard rule) comes before the 20 m target.
    growing = [
        w for w in r.plan.weeks
        if plyo_days[0] <= w.start < first_comp and r.full(w) and not w.deload
        and not r.cut_for_meet(w) and not r.has_taper(w)
    ]
    if len(growing) < BOUNDING_GROWTH_WEEKS:
        return []
    longest = max(
        (
            i.distance_m or 0
            for d in r.plan.days
            if d.date < first_comp
            for s in d.sessions
            if s.kind is SessionKind.PLYOMETRICS
            for i in s.items
            if i.exercise_id == "bounding"
        ),
        default=0.0,
    )
    if longest < BOUNDING_TARGET_M:
        return [f"{_day_text(first_comp)}: bounding reaches {longest:g} m before the competition phase (at least 20 m)"]
    return []


def _weighted_contacts(r: _Reading, week: Week) -> float:
    return sum(
        i.contacts * CONTACT_WEIGHTS[i.intensity]
        for s in r.week_sessions(week)
        for i in s.items
        if i.intensity is not None
    )


def _contact_rise(r: _Reading) -> list[str]:
    found: list[str] = []
    # Weighted contacts of the weeks that were not deloads, and whether each was a full week.
    history: list[tuple[float, bool]] = []
    for week in r.plan.weeks:
        contacts = _weighted_contacts(r, week)
        full = r.full(week) and not r.cut_for_meet(week) and not r.has_taper(week)
        judged = week.phase.preparation and not week.deload and full and contacts > CONTACTS_FREE_BELOW
        recent = history[-4:]
        baseline = max((c for c, _ in recent), default=0.0)
        if judged and baseline > 0 and any(was_full for _, was_full in recent):
            rise = round((contacts / baseline - 1) * 100)
            end = week.start + timedelta(days=6)
            if rise > CONTACT_RISE_PCT and not r.warned("plyo.progression", week.start, end):
                found.append(
                    f"{_day_text(week.start)}: weighted contacts rise {rise} % ({baseline:g} to {contacts:g}) "
                    "over the highest of the last four weeks"
                )
        if not week.deload:
            history.append((contacts, full))
    return found


def rule_04_day_after(season: Season, plan: Plan) -> list[str]:
    """The day after any competition (D+1 after its last day): no plyometrics and no lower-body
    item above 60 % of the max."""
    r = _reading(season, plan)
    found: list[str] = []
    for comp in r.comps:
        day = comp.end + timedelta(days=1)
        for s in r.sessions(day):
            if s.kind is SessionKind.PLYOMETRICS:
                found.append(f"{_day_text(day)}: plyometrics the day after {comp.name}")
            for i in s.items:
                if s.kind is SessionKind.WEIGHTS and i.lower_body and (i.percent_max or 0) > RECOVERY_MAX_PCT:
                    found.append(f"{_day_text(day)}: {i.name} at {i.percent_max:g} % the day after {comp.name}")
    return found


def rule_05_hamstrings(season: Season, plan: Plan) -> list[str]:
    """Hamstrings, hips, trunk.

    - Seniors: every week of general or specific preparation that is not a deload and holds
      two or more lifting sessions has a hamstring or hip-hinge exercise.
    - Seniors in season (pre-competition and competition): a hamstring exercise at least once
      in every two consecutive weeks holding two or more lifting sessions between them,
      outside A tapers and the transition (the Nordic's "one maintenance session a week").
    - The Nordic progression starts low: its first prescription is at most 2 x 6 (Petersen
      2011: 2 x 5 in week 1), and never more than 12 reps; no Nordic curl in the three days
      before a competition (section 12).
    - Every athlete: each general-preparation week that is not a deload and holds two or more
      lifting sessions has single-leg work, trunk work and a pull.
    - The week's lifting sessions differ: in general and specific preparation weeks that are
      not deloads, no two lifting sessions (tests aside) have the same set of lower-body
      lifts.
    """
    r = _reading(season, plan)
    found: list[str] = []
    prep = (PhaseKind.GENERAL_PREPARATION, PhaseKind.SPECIFIC_PREPARATION)
    for week in plan.weeks:
        if week.phase not in prep or week.deload or r.lifting_count(week) < 2:
            continue
        weights = [s for s in r.week_sessions(week) if s.kind is SessionKind.WEIGHTS]
        items = [i for s in weights for i in s.items]
        at = _day_text(week.start)
        if _senior(r.athlete) and not any(_is_hamstring(i) for i in items):
            found.append(f"{at}: no hamstring or hip-hinge exercise in a {week.phase.value} week")
        if week.phase is PhaseKind.GENERAL_PREPARATION:
            for what, test in (("single-leg work", _is_unilateral), ("trunk work", _is_trunk), ("pull", _is_pull)):
                if not any(test(i) for i in items):
                    found.append(f"{at}: no {what} in a general-preparation week")
        shapes = [
            frozenset(i.exercise_id for i in s.items if i.lower_body and i.category is not Category.ACCESSORY)
            for s in weights
            if _lifting(s) and "test" not in s.tags
        ]
        if len(shapes) != len(set(shapes)):
            found.append(f"{at}: two lifting sessions of the week are copies ({sorted(shapes[0])})")
    if _senior(r.athlete):
        in_season = frozenset({PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION})
        found += [
            f"{_day_text(w.start)}: no hamstring exercise in the two in-season weeks from here"
            for w in _pairs_missing(r, _is_hamstring, phases=in_season)
        ]
    nordics = [(d.date, i) for d in plan.days for s in d.sessions for i in s.items if _is_nordic(i)]
    if nordics:
        day, first = nordics[0]
        if first.sets > 2 or first.reps > 6:
            found.append(f"{_day_text(day)}: the first Nordic curls are {first.sets} x {first.reps} (start at 2 x 5)")
    for day, item in nordics:
        if item.reps > 12:
            found.append(f"{_day_text(day)}: Nordic curls {item.sets} x {item.reps} (at most 12 reps)")
        if day in r.pre_race:
            found.append(f"{_day_text(day)}: Nordic curls in the three days before a competition")
    return found


def rule_06_beginners(season: Season, plan: Plan) -> list[str]:
    """Beginners (junior or not): strength-category lifts at 80 % or less in sets of 5 reps or
    more. A test session's warm-up and its rep max are read as a test: only its percentages
    are held to 80 %."""
    r = _reading(season, plan)
    if r.athlete.level is not Level.BEGINNER:
        return []
    found: list[str] = []
    for day in plan.days:
        for s in day.sessions:
            for i in _strength_sets(s):
                if (i.percent_max or 0) > BEGINNER_MAX_PCT:
                    found.append(f"{_day_text(day.date)}: {i.name} at {i.percent_max:g} % for a beginner")
                if "test" not in s.tags and i.reps < BEGINNER_MIN_REPS:
                    found.append(f"{_day_text(day.date)}: {i.name} {i.sets} x {i.reps} for a beginner")
    return found


def rule_07_deloads(season: Season, plan: Plan) -> list[str]:
    """Deloads never stack: no two deload weeks in a row, and no deload day in the seven days
    before an A taper's first day."""
    r = _reading(season, plan)
    found = [
        f"{_day_text(after.start)}: a second deload week in a row"
        for before, after in pairwise(plan.weeks)
        if before.deload and after.deload
    ]
    starts = sorted(d for d in r.declared_taper if d - timedelta(days=1) not in r.declared_taper)
    for start in starts:
        for n in range(1, 8):
            day = r.by_date.get(start - timedelta(days=n))
            if day is not None and day.deload:
                found.append(f"{_day_text(day.date)}: a deload in the week before the taper from {_day_text(start)}")
                break
    return found


def rule_08_no_cliffs(season: Season, plan: Plan) -> list[str]:
    """No cliffs, and pre-competition keeps its heavy and light days.

    - A whole week that is not a deload, is not cut for a meet (holds no competition and none
      of the three days before one), holds no taper day (A or B) and is not in the transition
      keeps at least 40 % of the previous week's volume-load.
    - A whole pre-competition week that is not a deload, holds no competition and no taper
      day, and whose rhythm has two or more hard days with lifting, has a heavy session (a
      strength set at 80 %, 75 % for juniors and beginners, or more) and another lifting
      session that is light and explosive (power lifts, no strength set at that level), or
      the plan carries a ``frequency`` warning dated inside the phase up to that week.
    """
    r = _reading(season, plan)
    found: list[str] = []
    for before, week in pairwise(plan.weeks):
        if week.deload or r.cut_for_meet(week) or r.has_taper(week) or r.transition(week) or not r.full(week):
            continue
        if week.volume_load_kg < CLIFF_SHARE * before.volume_load_kg - 1e-6:
            found.append(
                f"{_day_text(week.start)}: volume-load falls from {before.volume_load_kg:g} to "
                f"{week.volume_load_kg:g} kg (below 40 %)"
            )
    floor = _floor(r.athlete)
    hard_lifting = sum(1 for d in r.athlete.rhythm if d.track is TrackDay.HARD and d.lifting)
    for week in plan.weeks:
        if week.phase is not PhaseKind.PRE_COMPETITION or week.deload or r.has_race(week) or r.has_taper(week):
            continue
        if not r.full(week) or hard_lifting < 2:
            continue
        lifting = [s for s in r.week_sessions(week) if _lifting(s)]
        heavy = [s for s in lifting if any((i.percent_max or 0) >= floor for i in _strength_sets(s))]
        light = [
            s for s in lifting
            if s not in heavy and any(i.category is Category.POWER and i.lower_body for i in s.items)
        ]
        phase = r.plan.phase_on(week.start)
        since = phase.start if phase else week.start
        if (not heavy or not light) and not r.warned("frequency", since, week.start + timedelta(days=6)):
            found.append(
                f"{_day_text(week.start)}: a pre-competition week without a heavy day and a light explosive day"
            )
    return found


def rule_09_race_weeks(season: Season, plan: Plan) -> list[str]:
    """Race weeks: no lifting session on D-1 or D-2 of a B or C competition (an opted-in
    athlete's priming session aside; days inside an A taper follow the taper's own rules), and
    nothing heavy (a session marked heavy or a lower-body lift above 60 %) the day after any
    competition."""
    r = _reading(season, plan)
    found: list[str] = []
    for comp in r.comps:
        for n in (1, 2):
            day = comp.start - timedelta(days=n)
            if comp.priority is Priority.A or day in r.a_taper:
                continue
            for s in r.sessions(day):
                if _lifting(s) and not ("priming" in s.tags and r.athlete.priming):
                    lifts = ", ".join(i.name for i in s.items if i.lower_body and i.category is not Category.ACCESSORY)
                    found.append(f"{_day_text(day)}: {lifts} at D-{n} of {comp.name}")
        after = comp.end + timedelta(days=1)
        for s in r.sessions(after):
            lifted = s.kind is SessionKind.WEIGHTS and any(
                i.lower_body and (i.percent_max or 0) > RECOVERY_MAX_PCT for i in s.items
            )
            if s.heavy or lifted:
                found.append(f"{_day_text(after)}: heavy work the day after {comp.name}")
    return found


def rule_10_season_end(season: Season, plan: Plan) -> list[str]:
    """Season end: the plan is in transition from the first week start at least 7 days after
    the last competition ("about a week"), for as long as a transition may last (6 weeks);
    past that the rules leave the season open."""
    r = _reading(season, plan)
    if not r.comps:
        return []
    last = max(c.end for c in r.comps)
    first = season.week_of(last + timedelta(days=7 + 6))
    if first < last + timedelta(days=7):
        first += timedelta(days=7)
    until = first + timedelta(weeks=MAX_TRANSITION_WEEKS) - timedelta(days=1)
    late = [d for d in plan.days if first <= d.date <= until and d.phase is not PhaseKind.TRANSITION]
    if late:
        return [f"{_day_text(late[0].date)}: {late[0].phase.value} after the last competition ended {_day_text(last)}"]
    return []


_PHASE_WORDS = {
    PhaseKind.GENERAL_PREPARATION: ("general",),
    PhaseKind.SPECIFIC_PREPARATION: ("specific",),
    PhaseKind.PRE_COMPETITION: ("pre-competition", "pre-comp", "precompetition"),
}


def rule_11_short_seasons(season: Season, plan: Plan) -> list[str]:
    """Short seasons say so: in a season with a competition, each of general preparation,
    specific preparation and pre-competition missing before the first competition or taper
    day has a warning whose rule id starts with ``phase.`` and whose message names it."""
    r = _reading(season, plan)
    if not r.comps:
        return []
    first_peak = next(
        (d.date for d in plan.days if d.phase in (PhaseKind.COMPETITION, PhaseKind.TAPER)), season.last_day
    )
    present = {d.phase for d in plan.days if d.date < first_peak}
    found: list[str] = []
    for kind, words in _PHASE_WORDS.items():
        if kind in present:
            continue
        said = any(
            w.rule_id.startswith("phase.") and any(word in w.message.lower() for word in words) for w in plan.warnings
        )
        if not said:
            found.append(f"{_day_text(season.first_day)}: {kind.value} left out without a phase.* warning naming it")
    return found


def rule_12_taper_volume(season: Season, plan: Plan) -> list[str]:
    """Taper volume: the seven days before each A competition hold at most 60 % of the average
    weekly volume-load of the last three full training weeks before those seven days (whole
    weeks that are not deloads, not cut for a meet, and hold no taper or transition day);
    priming counts. Without such a week there is nothing to compare with."""
    r = _reading(season, plan)
    found: list[str] = []
    for comp in r.comps:
        if comp.priority is not Priority.A:
            continue
        window = [comp.start - timedelta(days=n) for n in range(7, 0, -1)]
        if window[0] < season.first_day:
            continue
        full = [
            w for w in plan.weeks
            if w.start + timedelta(days=6) < window[0]
            and r.full(w)
            and not w.deload
            and not r.cut_for_meet(w)
            and not r.has_taper(w)
            and not r.transition(w)
        ][-3:]
        if not full:
            continue
        average = sum(w.volume_load_kg for w in full) / len(full)
        held = sum(r.by_date[d].metrics.volume_load_kg for d in window if d in r.by_date)
        if held > TAPER_SHARE * average + 1e-6:
            found.append(
                f"{_day_text(window[0])}: the seven days before {comp.name} hold {held:.0f} kg, "
                f"above 60 % of {average:.0f} kg"
            )
    return found


_PCT_SINGLE = re.compile(r"(\d+(?:\.\d+)?) ?% single")
_REP_MAX = re.compile(r"(\d+)-rep max")


def rule_13_test_days(season: Season, plan: Plan) -> list[str]:
    """Test days: no plyometric session before a test session on its day, and a test item's
    note matches its sets: "the N % single" is the heaviest single of that exercise in the
    session, "a K-rep max" is an item of K reps."""
    found: list[str] = []
    for day in plan.days:
        for index, s in enumerate(day.sessions):
            if "test" not in s.tags:
                continue
            if any(p.kind is SessionKind.PLYOMETRICS for p in day.sessions[:index]):
                found.append(f"{_day_text(day.date)}: plyometrics before the test session")
            for item in s.items:
                single = _PCT_SINGLE.search(item.note)
                if single:
                    singles = [
                        i.percent_max for i in s.items
                        if i.exercise_id == item.exercise_id and i.reps == 1 and i.percent_max is not None
                    ]
                    if not singles or float(single.group(1)) != max(singles):
                        found.append(
                            f"{_day_text(day.date)}: {item.name} note speaks of the {single.group(1)} % single, "
                            f"its heaviest single is {max(singles, default=0):g} %"
                        )
                rep_max = _REP_MAX.search(item.note)
                if rep_max and int(rep_max.group(1)) != item.reps:
                    found.append(
                        f"{_day_text(day.date)}: {item.name} note asks a {rep_max.group(1)}-rep max "
                        f"with {item.reps} reps"
                    )
    return found


COACHING_RULES: tuple[Callable[[Season, Plan], list[str]], ...] = (
    rule_01_maintenance,
    rule_02_hurdlers,
    rule_03_plyometric_sessions,
    rule_04_day_after,
    rule_05_hamstrings,
    rule_06_beginners,
    rule_07_deloads,
    rule_08_no_cliffs,
    rule_09_race_weeks,
    rule_10_season_end,
    rule_11_short_seasons,
    rule_12_taper_volume,
    rule_13_test_days,
)


def coaching_breaches(season: Season, plan: Plan) -> list[str]:
    """Every rule of issue 12 at once, each breach prefixed with its rule number."""
    return [f"rule {n}: {breach}" for n, rule in enumerate(COACHING_RULES, start=1) for breach in rule(season, plan)]
