"""The exercise catalogue read from ``resources/data/exercises.toml``."""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from functools import cache
from typing import NamedTuple

# tomli, not the standard library's tomllib (which was taken from it): its compiled build reads the
# catalogue and the rule book in about a third of the time, which the window waits for.
import tomli

import resources
from planner.document.sessions import Category, PlyoIntensity

CATALOGUE_RESOURCE = "data/exercises.toml"
# The lifts a coach records maxes for; squat jumps run off the back-squat max.
MAIN_LIFTS = ("back_squat", "power_clean")


class Exercise(NamedTuple):
    id: str
    name: str
    category: Category
    lower_body: bool
    barbell: bool = False
    max_from: str | None = None
    intensity: PlyoIntensity | None = None
    contacts_per_rep: int | None = None
    stride_m: float | None = None
    substitutes: tuple[str, ...] = ()


@cache
def catalogue() -> dict[str, Exercise]:
    data = tomli.loads(resources.read_text(CATALOGUE_RESOURCE))
    exercises: dict[str, Exercise] = {}
    for raw in data["exercise"]:
        intensity = raw.get("intensity")
        exercises[raw["id"]] = Exercise(
            id=raw["id"],
            name=raw["name"],
            category=Category(raw["category"]),
            lower_body=bool(raw["lower_body"]),
            barbell=bool(raw.get("barbell", False)),
            max_from=raw.get("max_from"),
            intensity=PlyoIntensity(intensity) if intensity else None,
            contacts_per_rep=raw.get("contacts_per_rep"),
            stride_m=raw.get("stride_m"),
            substitutes=tuple(raw.get("substitutes", ())),
        )
    return exercises


def exercise(exercise_id: str) -> Exercise:
    return catalogue()[exercise_id]


def lift_name(exercise_id: str) -> str:
    """How a sentence names a lift: "back squat"; an id the catalogue lacks, spaced out."""
    found = catalogue().get(exercise_id)
    return exercise_id.replace("_", " ") if found is None else found.name.lower()


def lifts_with_maxes() -> tuple[str, ...]:
    """Every exercise id a max can be recorded for (main lifts and their substitutes)."""
    return tuple(sorted({e.max_from for e in catalogue().values() if e.max_from}))
