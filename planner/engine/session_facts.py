"""What a session's items say about it: title, heavy or not, minutes and estimated effort.

The engine uses this for the sessions it builds, and an edit uses it again when a coach
changes the items, so an edited session is described by the same rules as a generated one.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
import math
from typing import Final, NamedTuple

from planner.document.sessions import INTENSITY_LEVEL, Category, Item, Session, SessionKind

HEAVY_PCT: Final = 85.0


class Facts(NamedTuple):
    title: str
    heavy: bool
    minutes: int
    effort: float


def weights_facts(items: tuple[Item, ...] | list[Item], tags: tuple[str, ...] | list[str]) -> Facts:
    heavy = lower = False
    top = 0.0
    all_lower_power = True
    work_s = 0
    for i in items:
        work_s += i.sets * (i.rest_s + 45)
        if i.lower_body:
            lower = True
            pct = i.percent_max or 0.0
            top = max(top, pct)
            heavy = heavy or pct >= HEAVY_PCT
            all_lower_power = all_lower_power and i.category is not Category.STRENGTH
    if "test" in tags:
        title, effort = "Test", 8.0
    elif heavy:
        title, effort = "Heavy strength", 8.0 if top >= 87.5 else 7.0
    elif "power-day" in tags or (lower and all_lower_power):
        title, effort = "Power", 5.0
    elif lower:
        title, effort = "Strength", 6.0 if top < 75 else 7.0
    else:
        title, effort = "Upper body", 4.0
    if "taper" in tags:
        effort = max(3.0, effort - 2)
    if "deload" in tags:
        effort = max(3.0, effort - 1.5)
    if "priming" in tags:
        title, effort = "Priming", 3.0
    return Facts(title, heavy, 10 + round(work_s / 60 / 5) * 5, effort)


def plyometrics_facts(items: tuple[Item, ...] | list[Item]) -> Facts:
    top = max((INTENSITY_LEVEL[i.intensity] for i in items if i.intensity), default=1)
    contacts = sum(i.contacts for i in items)
    return Facts(
        "Plyometrics" if top < 3 else "Plyometrics (high intensity)",
        top >= 3,
        10 + 5 * math.ceil(contacts / 25),
        {1: 3.0, 2: 5.0, 3: 7.0}[top],
    )


def refreshed(session: Session) -> Session:
    """``session`` with title, heavy, minutes and effort worked out again from its items."""
    if session.kind is SessionKind.WEIGHTS:
        facts = weights_facts(session.items, session.tags)
    else:
        facts = plyometrics_facts(session.items)
    return session._replace(title=facts.title, heavy=facts.heavy, minutes=facts.minutes, effort=facts.effort)
