"""What a coach's changes to a session do, as values and as edits of the season.

A coach edits what the plan shows; the document keeps it as an override of the whole session
(``planner.document.edits.set_override``). The functions here build the edited ``Item`` (its load,
plates, percentage and contacts worked out the way the engine works them out) and the edit
function that ``OpenSeason.apply`` runs, so each gesture is one undo step and the plan is
never patched.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from planner.document.catalogue import Exercise, catalogue, exercise
from planner.document.edits import Edit, EditError, lock_week, move_session, reset_override, set_override, unlock_week
from planner.document.model import Athlete, Override, Season
from planner.document.sessions import Category, Intent, Item, Session, SessionKind
from planner.document.text import KIND_NAMES, date_text, day_title
from planner.document.validation import MAX_RANGE_KG
from planner.engine.loads import Load, loaded, round_load, typed_load
from planner.engine.plan import Plan
from planner.engine.plyometrics import item_facts
from planner.engine.prescription import reserve_note
from planner.engine.session_facts import HEAVY_PCT, refreshed

# Sensible ranges for the inspector's editors.
SETS_RANGE = (1, 20)
REPS_RANGE = (1, 50)
PERCENT_RANGE = (5.0, 100.0)
DISTANCE_RANGE = (5, 60)
DISTANCE_STEP = 5
# What a newly added item starts as; the coach adjusts it in the table.
NEW_SETS = 3
NEW_PERCENT = 70.0
NEW_DISTANCE_M = 10.0
NEW_REPS_IN_RESERVE = 2


class SessionRef(NamedTuple):
    """One athlete's session of one kind on one day: what a drag carries."""

    athlete_id: str
    day: date
    kind: SessionKind


def find_override(season: Season, ref: SessionRef) -> Override | None:
    return season.find_override((ref.athlete_id, ref.day, ref.kind))


def shown_session(plan: Plan, day: date, kind: SessionKind) -> Session | None:
    plan_day = plan.day(day)
    if plan_day is None:
        return None
    return next((s for s in plan_day.sessions if s.kind is kind), None)


def original_session(season: Season, plan: Plan, ref: SessionRef) -> Session | None:
    """The session the engine had before the coach changed it (what a reset returns to)."""
    override = find_override(season, ref)
    if override is not None:
        return override.replaced
    return shown_session(plan, ref.day, ref.kind)


# ---------------------------------------------------------------------------------------------
# Items


def _loaded(item: Item, load: Load | None, athlete: Athlete) -> Item:
    return loaded(item, load, athlete.equipment, athlete.units)


def with_percent(item: Item, percent: float, athlete: Athlete) -> Item:
    """A new percentage of the max; the load is rounded to the plates as the engine rounds it."""
    changed = item._replace(percent_max=percent)
    if item.max_value is None:
        return changed
    load = round_load(percent, item.max_value, athlete.equipment, athlete.units, floor_from_pct=HEAVY_PCT)
    if not exercise(item.exercise_id).barbell:
        load = Load(load.value, ())
    return _loaded(changed, load, athlete)


def with_load(item: Item, load: float, athlete: Athlete) -> Item:
    """A load typed by the coach; the percentage follows from the max when there is one."""
    percent = item.percent_max
    if item.max_value:
        percent = round(load / item.max_value * 100.0, 1)
    barbell = exercise(item.exercise_id).barbell
    typed = typed_load(load, athlete.equipment, athlete.units, barbell=barbell)
    return _loaded(item._replace(percent_max=percent), typed, athlete)


def _plyo_numbers(item: Item, athlete: Athlete) -> Item:
    """Contacts and intensity of a drill after its sets, reps or distance changed."""
    contacts, intensity = item_facts(item.exercise_id, item.sets, item.distance_m, item.reps, athlete)
    return item._replace(contacts=contacts, intensity=intensity)


def with_sets(item: Item, sets: int, athlete: Athlete) -> Item:
    changed = item._replace(sets=sets)
    return _plyo_numbers(changed, athlete) if item.category is Category.PLYOMETRIC else changed


def with_reps(item: Item, reps: int, athlete: Athlete) -> Item:
    changed = item._replace(reps=reps)
    return _plyo_numbers(changed, athlete) if item.category is Category.PLYOMETRIC else changed


def with_distance(item: Item, distance_m: float, athlete: Athlete) -> Item:
    return _plyo_numbers(item._replace(distance_m=distance_m), athlete)


def _max_for(chosen: Exercise, athlete: Athlete, day: date, fallback_lift: str | None) -> tuple[float | None, str]:
    """The max that drives ``chosen``'s load, and a note when another lift's max stands in."""
    assert chosen.max_from is not None
    entry = athlete.max_on(chosen.max_from, day)
    if entry is not None:
        return entry.value, ""
    if fallback_lift is not None and fallback_lift != chosen.max_from:
        # The engine loads a substitute without its own max off the original lift's max.
        entry = athlete.max_on(fallback_lift, day)
        if entry is not None:
            return entry.value, f"no {chosen.name.lower()} max: load from the {fallback_lift.replace('_', ' ')} max"
    return None, ""


def _shaped(item: Item, chosen: Exercise, athlete: Athlete, day: date, fallback_lift: str | None) -> Item:
    """``item`` turned into ``chosen``, keeping its sets (and reps where they still mean the same)."""
    base = item._replace(
        exercise_id=chosen.id,
        name=chosen.name,
        category=chosen.category,
        lower_body=chosen.lower_body,
        unit=athlete.units.value,
    )
    if chosen.category is Category.PLYOMETRIC:
        distance = (item.distance_m or NEW_DISTANCE_M) if chosen.stride_m else None
        reps = 1 if distance is not None else (chosen.contacts_per_rep or 1)
        drill = base._replace(
            reps=reps, distance_m=distance, percent_max=None, max_value=None, reps_in_reserve=None,
            note="", intent=Intent.EXPLOSIVE,
        )
        return _plyo_numbers(_loaded(drill, None, athlete), athlete)
    if chosen.max_from is not None:
        max_value, note = _max_for(chosen, athlete, day, fallback_lift)
        lifted = base._replace(
            max_value=max_value, reps_in_reserve=None, note=note,
            percent_max=item.percent_max if item.percent_max is not None else NEW_PERCENT,
            distance_m=None, contacts=0, intensity=None,
        )
        assert lifted.percent_max is not None
        return with_percent(lifted, lifted.percent_max, athlete)
    reserve = item.reps_in_reserve if item.reps_in_reserve is not None else NEW_REPS_IN_RESERVE
    ranged = base._replace(
        percent_max=None, max_value=None, reps_in_reserve=reserve,
        note=reserve_note(reserve), distance_m=None, contacts=0, intensity=None,
    )
    return _loaded(ranged, None, athlete)


def with_exercise(item: Item, exercise_id: str, athlete: Athlete, day: date) -> Item:
    if exercise_id == item.exercise_id:
        return item
    original_lift = exercise(item.exercise_id).max_from
    return _shaped(item, exercise(exercise_id), athlete, day, original_lift)


def new_item(exercise_id: str, athlete: Athlete, day: date) -> Item:
    """An added exercise with the defaults a coach most often starts from."""
    chosen = exercise(exercise_id)
    power = chosen.category is Category.POWER
    plyo = chosen.category is Category.PLYOMETRIC
    rest = 60 if plyo else 150 if power else 180 if chosen.max_from else 90
    blank = Item(
        exercise_id=chosen.id,
        name=chosen.name,
        category=chosen.category,
        lower_body=chosen.lower_body,
        sets=NEW_SETS,
        reps=3 if power else 5 if chosen.max_from else 10,
        unit=athlete.units.value,
        rest_s=rest,
        intent=Intent.EXPLOSIVE if power or plyo else Intent.CONTROLLED,
    )
    return _shaped(blank, chosen, athlete, day, None)


def allowed_loads(item: Item, athlete: Athlete) -> tuple[float, ...]:
    """Every load the athlete can actually lift for ``item``, lightest first.

    Below the bar that is a pair of dumbbells; on the bar, the bar plus whole increments;
    never above the max (a heavier set is a test, not a prescription).
    """
    eq = athlete.equipment
    ceiling = item.max_value if item.max_value else athlete.units.from_kg(MAX_RANGE_KG[1])
    values: list[float] = []
    if exercise(item.exercise_id).barbell:
        pair = 2 * eq.dumbbell_step
        k = 1
        while pair * k < eq.bar_mass - 1e-9 and pair * k <= ceiling + 1e-9:
            values.append(round(pair * k, 4))
            k += 1
        k = 0
        while eq.bar_mass + k * eq.increment <= ceiling + 1e-9:
            values.append(round(eq.bar_mass + k * eq.increment, 4))
            k += 1
    else:
        k = 1
        while k * eq.increment <= ceiling + 1e-9:
            values.append(round(k * eq.increment, 4))
            k += 1
    if item.load is not None and all(abs(v - item.load) > 1e-6 for v in values):
        # An existing load stays choosable even if the equipment changed since.
        values.append(item.load)
    return tuple(sorted(values))


Choices = tuple[tuple[Exercise, ...], tuple[Exercise, ...]]


def exercise_choices(item: Item, generated_exercise_id: str | None) -> Choices:
    """What ``item`` may become: the generated exercise and its substitutes, then the rest of
    the same category (catalogue order)."""
    exercises = catalogue()
    first_id = generated_exercise_id if generated_exercise_id in exercises else item.exercise_id
    first = exercises[first_id]
    preferred_ids = [first.id, *first.substitutes]
    if item.exercise_id not in preferred_ids:
        preferred_ids.insert(0, item.exercise_id)
    preferred = tuple(exercises[i] for i in dict.fromkeys(preferred_ids) if i in exercises)
    rest = tuple(
        e for e in exercises.values() if e.category is item.category and e.id not in {p.id for p in preferred}
    )
    return preferred, rest


def addable_exercises(kind: SessionKind) -> tuple[Exercise, ...]:
    """Exercises a session of ``kind`` can take, in catalogue order."""
    plyo = kind is SessionKind.PLYOMETRICS
    return tuple(e for e in catalogue().values() if (e.category is Category.PLYOMETRIC) == plyo)


def addable_by_category(kind: SessionKind) -> list[tuple[Category, tuple[Exercise, ...]]]:
    """``addable_exercises`` grouped by category, each category once (in the order the
    categories are declared), catalogue order within a category."""
    exercises = addable_exercises(kind)
    groups = [(category, tuple(e for e in exercises if e.category is category)) for category in Category]
    return [(category, members) for category, members in groups if members]


# ---------------------------------------------------------------------------------------------
# Sessions


def _plain(item: Item) -> Item:
    return item._replace(edited=False) if item.edited else item


def rebuilt_session(shown: Session, items: Iterable[Item], original: Session | None) -> Session:
    """The coach's version of ``shown`` holding ``items``.

    An item is marked edited unless it is one of the original's items unchanged, so changing a
    number back, or removing an item, leaves the other rows unmarked. When every item is back
    to the original, the original itself is returned, which ``set_override`` treats as "no
    override".
    """
    plain = [_plain(i) for i in items]
    unmatched = [_plain(i) for i in original.items] if original is not None else []
    if original is not None and plain == unmatched:
        return original
    marked: list[Item] = []
    for item in plain:
        if item in unmatched:
            unmatched.remove(item)
            marked.append(item)
        else:
            marked.append(item._replace(edited=True))
    # Title, heavy, minutes and effort follow the items by the same rules as generated sessions.
    return refreshed(shown._replace(items=tuple(marked), edited=True))


def override_edit(ref: SessionRef, shown: Session, items: Iterable[Item], original: Session | None) -> Edit:
    session = rebuilt_session(shown, items, original)

    def edit(season: Season) -> Season:
        return set_override(
            season, athlete_id=ref.athlete_id, day=ref.day, kind=ref.kind, session=session, replaced=original
        )

    return edit


def remove_session_edit(ref: SessionRef, original: Session | None) -> Edit:
    def edit(season: Season) -> Season:
        return set_override(
            season, athlete_id=ref.athlete_id, day=ref.day, kind=ref.kind, session=None, replaced=original
        )

    return edit


def reset_edit(ref: SessionRef) -> Edit:
    def edit(season: Season) -> Season:
        return reset_override(season, ref.athlete_id, ref.day, ref.kind)

    return edit


def move_edit(season: Season, plan: Plan, ref: SessionRef, to_day: date) -> Edit:
    """Move the shown session of ``ref`` to ``to_day``; ``EditError`` says why it cannot."""
    athlete = season.athlete(ref.athlete_id)
    session = shown_session(plan, ref.day, ref.kind)
    what = KIND_NAMES[ref.kind].lower()
    if session is None:
        raise EditError(f"{athlete.name} has no {what} session on {day_title(ref.day)} to move")
    if to_day != ref.day and not season.contains(to_day):
        raise EditError(
            f"{day_title(to_day)} is outside the season ({date_text(season.first_day)} to "
            f"{date_text(season.last_day)}); the session stays where it is"
        )
    target = shown_session(plan, to_day, ref.kind)
    if to_day != ref.day and target is not None:
        # Moving onto it would silently drop the session already there.
        raise EditError(
            f"{athlete.name} already has a {what} session on {day_title(to_day)}; move or remove that one first"
        )
    target_original = original_session(season, plan, SessionRef(ref.athlete_id, to_day, ref.kind))

    def edit(current: Season) -> Season:
        return move_session(
            current, athlete_id=ref.athlete_id, session=session, to_day=to_day, replaced_at_target=target_original
        )

    return edit


def week_days(season: Season, day: date) -> tuple[date, ...]:
    """The season's days in the week (by the season's first weekday) that holds ``day``."""
    start = season.week_of(day)
    return tuple(d for d in (start + timedelta(days=k) for k in range(7)) if season.contains(d))


def is_week_locked(season: Season, athlete_id: str, day: date) -> bool:
    start = season.week_of(day)
    return any(w.athlete_id == athlete_id and w.week_start == start for w in season.locked_weeks)


def lock_edit(season: Season, plan: Plan, athlete_id: str, day: date) -> Edit:
    """Freeze the week of ``day`` as the plan shows it now (overrides included)."""
    start = season.week_of(day)
    sessions = tuple(
        s for d in week_days(season, day) if (plan_day := plan.day(d)) is not None for s in plan_day.sessions
    )

    def edit(current: Season) -> Season:
        return lock_week(current, athlete_id, start, sessions)

    return edit


def unlock_edit(season: Season, athlete_id: str, day: date) -> Edit:
    start = season.week_of(day)

    def edit(current: Season) -> Season:
        return unlock_week(current, athlete_id, start)

    return edit
