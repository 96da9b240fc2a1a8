"""What each day allows, given the competitions around it.

D-n counts back from a competition's first day, D+n on from its last. Every restriction of
every competition the athlete enters applies (the strictest wins); priority only decides
which competition sets the taper volume. The same limits drive generation and the checks,
so a generated plan and a coach's edit are judged alike.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from planner.document.model import Competition, Priority
from planner.document.sessions import INTENSITY_LEVEL, PlyoIntensity
from planner.document.text import plural
from planner.engine.plan import PhaseKind
from planner.engine.rules import RuleBook
from planner.engine.timeline import Timeline


def intensity_allowed(intensity: PlyoIntensity, ceiling: int) -> bool:
    return INTENSITY_LEVEL[intensity] <= ceiling


class Restriction(NamedTuple):
    """Why a day is limited: the rule, a sentence, and which ``DayLimits`` fields it tightened."""

    rule_id: str
    text: str
    limits: frozenset[str] = frozenset()


class DayLimits(NamedTuple):
    """What one day allows. A named tuple: built, tightened and compared by the hundred for
    every plan and every hover of a drag, and used in the keys of the engine's caches."""

    competition: Competition | None = None
    heavy_lower: bool = True
    # From D-7 of an A competition only upper-body and ballistic lower-body work at <= 30 %.
    ballistic_only_pct: float | None = None
    # D-1..D-3 of any competition (rule taper.c), whatever else already limits the day.
    race_soon: bool = False
    # The day after a race: no lower-body lifting above this share of the max (None: no cap).
    lower_max_pct: float | None = None
    # 0 = no plyometrics, 1 = low, 2 = moderate, 3 = high.
    plyo_ceiling: int = 3
    volume: float = 1.0
    taper_text: str = ""
    taper_rule: str = ""
    priming_day: bool = False
    # Inside another A competition's D-7..D-3: a priming session must stay ballistic too.
    strict_ballistic: bool = False
    restrictions: tuple[Restriction, ...] = ()

    @property
    def rest_day(self) -> bool:
        return self.competition is not None

    def reason_for(self, limit: str, *, latest: bool = True) -> Restriction | None:
        """The latest (or first) restriction that tightened ``limit``, a field name such as
        "heavy_lower": the latest is the strictest of a tightening series, the first the nearest
        competition's own rule."""
        found = (r for r in (reversed(self.restrictions) if latest else self.restrictions) if limit in r.limits)
        return next(found, None)


_OPEN = DayLimits()


def _tighten(limits: DayLimits, rule_id: str, text: str, **changes: object) -> DayLimits:
    """``limits`` with ``changes`` applied and the restriction recorded, when anything changes.

    The plyometric ceiling and the lower-body cap only ever come down: a looser rule never lifts a stricter one.
    """
    ceiling = changes.get("plyo_ceiling")
    if isinstance(ceiling, int):
        changes["plyo_ceiling"] = min(limits.plyo_ceiling, ceiling)
    cap = changes.get("lower_max_pct")
    if isinstance(cap, float) and limits.lower_max_pct is not None:
        changes["lower_max_pct"] = min(limits.lower_max_pct, cap)
    tightened = frozenset(name for name, value in changes.items() if getattr(limits, name) != value)
    if not tightened:
        return limits
    restrictions = (*limits.restrictions, Restriction(rule_id, text, tightened))
    return limits._replace(restrictions=restrictions, **changes)  # type: ignore[arg-type]


def _taper_volume(limits: DayLimits, rule_id: str, text: str, volume: float) -> DayLimits:
    """A taper day's volume cut (the lower of two tapers' cuts holds), with the words that
    name the taper (the session's reason adds the cut its items got)."""
    if limits.volume <= volume:
        return limits
    return limits._replace(
        volume=volume,
        taper_text=text,
        taper_rule=rule_id,
    )


def _label(comp: Competition) -> str:
    return f"{comp.name} ({comp.priority.value})"


class Earlier(NamedTuple):
    """Limits worked out before for the same days, rules and priming: what a competition that
    did not change (nor its taper) gave them stands."""

    competitions: tuple[Competition, ...]
    timeline: Timeline
    limits: Sequence[DayLimits]


def day_limits(
    first_day: date,
    last_day: date,
    competitions: tuple[Competition, ...],
    timeline: Timeline,
    rules: RuleBook,
    *,
    priming: bool,
    earlier: Earlier | None = None,
) -> list[DayLimits]:
    length = (last_day - first_day).days + 1
    # What decides each competition's limits is worked out once, here, for _limit too.
    influences = _influences(competitions, timeline, rules, first_day)
    if earlier is not None and len(earlier.limits) == length:
        # Only the days a competition whose limits changed reaches (where it was and where it
        # is now) are worked out again, from every competition in order, as below.
        was = set(_influences(earlier.competitions, earlier.timeline, rules, first_day))
        only = {i for influence in was.symmetric_difference(influences)
                for i in _reach(influence, first_day, length, rules)}
        if len(only) < length // 2:
            limits = list(earlier.limits)
            for i in only:
                limits[i] = _OPEN
            reaching = [influence for influence in influences
                        if not only.isdisjoint(_reach(influence, first_day, length, rules))]
            _limit(limits, first_day, reaching, rules, priming, only)
            return limits
    limits = [_OPEN] * length
    _limit(limits, first_day, influences, rules, priming, None)
    return limits


class _Influence(NamedTuple):
    """What decides the limits a competition sets: itself, and how its rules reach back."""

    competition: Competition
    taper_days: int  # an A's taper (its peak's), or 0
    shared_taper: bool  # an A sharing the taper of an earlier A: no volume cut of its own
    mini_taper: bool  # a B from the pre-competition phase on


def _influences(
    competitions: tuple[Competition, ...], timeline: Timeline, rules: RuleBook, first_day: date
) -> list[_Influence]:
    a_rule = rules["taper.a"]
    peaks = {peak.start: peak.taper_days for peak in timeline.peaks if peak.taper_days}
    result = []
    for comp in competitions:
        if comp.priority is Priority.A:
            shared = comp.start not in peaks
            days = a_rule.whole("indoor_days" if comp.indoor else "outdoor_days") if shared else peaks[comp.start]
            result.append(_Influence(comp, days, shared, False))
        else:
            result.append(_Influence(comp, 0, False, comp.priority is Priority.B and _b_rules_apply(
                comp, timeline, first_day)))
    return result


def _reach(influence: _Influence, first_day: date, length: int, rules: RuleBook) -> range:
    """The indexes of the days a competition limits (or may: the widest reach of its rules)."""
    base, after = rules["taper.c"], rules["competition.after"]
    before = max(base.whole("no_heavy_from"), base.whole("no_plyo_from"), influence.taper_days,
                 rules["taper.b"].whole("days") if influence.mini_taper else 0)
    days_after = max(after.whole("recovery_days"), after.whole("multi_day_days"), after.whole("days"))
    comp = influence.competition
    start = (comp.start - first_day).days - before
    end = (comp.end - first_day).days + days_after
    return range(max(start, 0), min(end + 1, length))


def _limit(
    limits: list[DayLimits],
    first_day: date,
    influences: Sequence[_Influence],
    rules: RuleBook,
    priming: bool,
    only: set[int] | None,
) -> None:
    """Tightens ``limits`` (those of the days in ``only``, or all) by each competition in turn,
    as its influence (its taper, shared or not, and its mini-taper) says."""
    length = len(limits)

    def index(day: date) -> int:
        return (day - first_day).days

    def wanted(i: int) -> bool:
        # Checked before a restriction's words are made: a drag works out a few days again.
        return 0 <= i < length and (only is None or i in only)

    base = rules["taper.c"]
    after = rules["competition.after"]
    a_rule = rules["taper.a"]
    b_rule = rules["taper.b"]
    no_heavy_from = base.whole("no_heavy_from")
    no_plyo_from = base.whole("no_plyo_from")
    recovery_days = after.whole("recovery_days")
    recovery_max_pct = after.number("recovery_max_pct")

    for influence in influences:
        comp = influence.competition
        label = _label(comp)
        start = index(comp.start)
        for i in range(start, index(comp.end) + 1):
            if wanted(i):
                limits[i] = _tighten(limits[i], "competition.day", f"Competition day: {label}", competition=comp,
                                     heavy_lower=False, plyo_ceiling=0)
        for n in range(1, no_heavy_from + 1):
            i = start - n
            if wanted(i):
                limits[i] = _tighten(limits[i], "taper.c", f"{label} in {plural(n, 'day')}: no heavy lower-body work",
                                     heavy_lower=False)
                if not limits[i].race_soon:
                    limits[i] = limits[i]._replace(race_soon=True)
        for n in range(1, no_plyo_from + 1):
            i = start - n
            if wanted(i):
                limits[i] = _tighten(limits[i], "taper.c", f"{label} in {plural(n, 'day')}: no plyometrics",
                                     plyo_ceiling=0)
        recovery = after.whole("multi_day_days" if comp.days > 1 else "days")
        end = index(comp.end)
        # The day after a 400 m race is a recovery day: no jumps, no heavy legs.
        for n in range(1, recovery_days + 1):
            i = end + n
            if wanted(i):
                limits[i] = _tighten(
                    limits[i], "competition.after",
                    f"D+{n} after {label}: recovery, no plyometrics and no lower-body lifting above "
                    f"{recovery_max_pct:g} %",
                    heavy_lower=False, plyo_ceiling=0, lower_max_pct=recovery_max_pct)
        for n in range(1, recovery + 1):
            i = end + n
            if wanted(i):
                limits[i] = _tighten(limits[i], "competition.after",
                                     f"D+{n} after {label}: no heavy lower-body work or high-intensity plyometrics",
                                     heavy_lower=False, plyo_ceiling=2)

        if influence.mini_taper:
            for n in range(1, b_rule.whole("days") + 1):
                day = comp.start - timedelta(days=n)
                i = index(day)
                if not wanted(i):
                    continue
                current = limits[i]
                text = f"Mini-taper for {label} in {plural(n, 'day')}"
                if n < (last := b_rule.whole("last_heavy")):
                    current = _tighten(current, "taper.b", f"{text}: last heavy session D-{last}", heavy_lower=False)
                if n < (last := b_rule.whole("last_high_plyo")):
                    current = _tighten(current, "taper.b", f"{text}: last high-intensity plyometrics D-{last}",
                                       plyo_ceiling=2)
                if n < (last := b_rule.whole("last_moderate_plyo")):
                    current = _tighten(current, "taper.b", f"{text}: last moderate plyometrics D-{last}",
                                       plyo_ceiling=1)
                current = _taper_volume(current, "taper.b", text, b_rule.number("volume"))
                limits[i] = current

        if comp.priority is Priority.A:
            for n in range(1, influence.taper_days + 1):
                day = comp.start - timedelta(days=n)
                i = index(day)
                if not wanted(i):
                    continue
                current = limits[i]
                text = f"Taper for {label} in {plural(n, 'day')}"
                if n < (last := a_rule.whole("last_heavy")):
                    current = _tighten(current, "taper.a", f"{text}: no heavy lower-body work after D-{last}",
                                       heavy_lower=False)
                if 2 < n <= a_rule.whole("ballistic_from"):
                    current = current._replace(strict_ballistic=True)
                if n <= a_rule.whole("ballistic_from"):
                    current = _tighten(
                        current,
                        "taper.a",
                        f"{text}: only upper-body and ballistic lower-body work at 30 % or less",
                        ballistic_only_pct=a_rule.number("ballistic_max_pct"),
                    )
                if n < (last := a_rule.whole("last_high_plyo")):
                    current = _tighten(current, "taper.a", f"{text}: last high-intensity plyometrics D-{last}",
                                       plyo_ceiling=2)
                if n < (last := a_rule.whole("last_moderate_plyo")):
                    current = _tighten(current, "taper.a", f"{text}: last moderate plyometrics D-{last}",
                                       plyo_ceiling=1)
                if n < (last := a_rule.whole("last_low_plyo")):
                    current = _tighten(current, "taper.a", f"{text}: low-intensity elastic work only until D-{last}",
                                       plyo_ceiling=0)
                if not influence.shared_taper:
                    current = _taper_volume(current, "taper.a", text, a_rule.number("volume"))
                if priming and n in (1, 2):
                    current = current._replace(priming_day=True)
                limits[i] = current


def _b_rules_apply(comp: Competition, timeline: Timeline, first_day: date) -> bool:
    """B competitions get a mini-taper from the pre-competition phase on; earlier, the C rules."""
    i = (comp.start - first_day).days
    if not 0 <= i < len(timeline.days):
        return False
    before = timeline.days[max(0, i - 1)].kind
    return before in (PhaseKind.PRE_COMPETITION, PhaseKind.COMPETITION, PhaseKind.TAPER)
