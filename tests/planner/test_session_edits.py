"""A coach's changes to an item: the load is rounded and goes on the bar as the engine's does."""

from __future__ import annotations

from datetime import date

from builders import athlete

from planner.document.model import Equipment
from planner.document.sessions import Category, Item
from planner.engine.loads import round_load
from planner.engine.session_edits import new_item, with_exercise, with_load, with_percent

# An increment finer than the smallest plate pair (0.2 kg a side, the smallest plate 0.25 kg).
FINE = Equipment(bar_mass=20.0, increment=0.4, dumbbell_step=2.5)
SQUAT = Item(
    exercise_id="back_squat", name="Back squat", category=Category.STRENGTH, lower_body=True,
    sets=3, reps=5, percent_max=70.0, max_value=100.0, load=70.0, unit="kg", load_kg=70.0,
    plates_per_side=(25.0,),
)


def _facts(item: Item) -> tuple[object, ...]:
    return item.load, item.plates_per_side, item.below_bar, item.per_hand, item.fractional_per_side


def test_a_percentage_below_the_bar_is_held_as_the_engines_dumbbells() -> None:
    coach = athlete()
    light = with_percent(SQUAT, 15.0, coach)
    engine = round_load(15.0, 100.0, coach.equipment, coach.units, floor_from_pct=85.0)
    assert _facts(light) == (engine.value, (), coach.equipment.bar_mass, engine.per_hand, 0.0)
    assert light.note == ""


def test_a_typed_load_on_the_bar_drops_the_dumbbells_and_the_fraction_follows_the_load() -> None:
    coach = athlete(equipment=FINE)
    held = with_load(SQUAT, 15.0, coach)
    assert _facts(held) == (15.0, (), 20.0, 7.5, 0.0)
    on_bar = with_load(held, 20.4, coach)
    assert _facts(on_bar) == (20.4, (), None, None, 0.2)
    assert _facts(with_load(on_bar, 21.0, coach)) == (21.0, (0.5,), None, None, 0.0)


def test_an_exercise_without_a_load_carries_no_load_facts() -> None:
    coach = athlete()
    held = with_load(SQUAT, 15.0, coach)
    calf = with_exercise(held, "calf_raise", coach, date(2027, 1, 12))
    assert _facts(calf) == (None, (), None, None, 0.0)
    assert _facts(new_item("pogo_jumps", coach, date(2027, 1, 12))) == (None, (), None, None, 0.0)
