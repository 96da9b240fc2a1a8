"""A training max from a set lifted: the rep-max formula of rule max.estimate.

Shared by test results (a rep max taken to the limit) and by proposals from logged work sets
(which leave the reps in reserve their prescription asked for), so both read one formula,
the one ``resources/data/rules.toml`` names with its source.
"""

from __future__ import annotations

import math

from planner.engine.rules import RuleBook

_EPS = 1e-9


FORMULAS = ("epley", "brzycki")


def _formula(rules: RuleBook) -> str:
    formula = rules["max.estimate"].word("formula")
    if formula not in FORMULAS:
        raise ValueError(f"rule max.estimate: formula {formula!r} is not one of {', '.join(FORMULAS)}")
    return formula


def estimated_max(load: float, reps: int, rules: RuleBook, reps_in_reserve: float = 0.0) -> float | None:
    """The one-rep max ``load`` x ``reps`` shows, or None when the set says nothing about it.

    A single to the limit is the max itself; more reps (plus ``reps_in_reserve``, the reps the
    lifter could still have done) go through the rule's formula. A failed attempt (0 reps),
    no load or more reps than the formula holds for give None.
    """
    rule = rules["max.estimate"]
    if reps < 1 or load <= 0 or reps > rule.whole("max_reps"):
        return None
    to_failure = reps + max(0.0, reps_in_reserve)
    if to_failure <= 1 + _EPS:
        return load
    if _formula(rules) == "brzycki":
        top, limit = rule.number("brzycki_top"), rule.number("brzycki_reps")
        if to_failure >= limit:
            return None
        return load * top / (limit - to_failure)
    return load * (1 + to_failure / rule.number("epley_reps"))


def reps_to_failure(percent: float, rules: RuleBook) -> float:
    """How many reps the formula says a lifter can do at ``percent`` of the max: the inverse
    of ``estimated_max``, so a set done as prescribed estimates the max it was worked from."""
    rule = rules["max.estimate"]
    share = percent / 100
    if share <= 0:
        return math.inf
    if _formula(rules) == "brzycki":
        return rule.number("brzycki_reps") - rule.number("brzycki_top") * share
    return rule.number("epley_reps") * (1 / share - 1)


def floor_to(value: float, increment: float) -> float:
    """``value`` rounded down to a multiple of ``increment``: a max is never rounded up."""
    if increment <= 0:
        return value
    steps = math.floor(value / increment + _EPS)
    return round(steps * increment, 6)
