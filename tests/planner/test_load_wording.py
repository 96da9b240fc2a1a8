"""How a load goes on, worded once for the window, the cards, the calendar and the plan JSON."""

from __future__ import annotations

from planner.document.sessions import Category, Item
from planner.document.text import below_bar_text, fractional_text, item_note, number, plates_text

JUMPS = Item(
    exercise_id="squat_jump", name="Squat jump", category=Category.POWER, lower_body=True, sets=3, reps=6,
    percent_max=20.0, max_value=60.0, load=12.0, unit="kg", load_kg=12.0, below_bar=20.0, per_hand=6.0,
    note="move fast: stop the set if the jumps slow",
)


def test_every_mass_reads_to_the_smallest_plate() -> None:
    assert [number(v) for v in (0.625, 0.125, 120.0, 87.5, -0.0)] == ["0.625", "0.125", "120", "87.5", "0"]


def test_a_load_below_the_bar_reads_as_dumbbells_before_the_items_own_note() -> None:
    assert plates_text(JUMPS) == "two 6 kg dumbbells"
    assert below_bar_text(JUMPS) == "Below the 20 kg bar: hold two 6 kg dumbbells or use a technique bar"
    assert item_note(JUMPS) == (
        "Below the 20 kg bar: hold two 6 kg dumbbells or use a technique bar; move fast: stop the set if the jumps slow"
    )


def test_fractional_plates_read_in_the_items_unit() -> None:
    pressed = JUMPS._replace(
        load=46.0, unit="lb", below_bar=None, per_hand=None, fractional_per_side=0.5, note=""
    )
    assert (plates_text(pressed), fractional_text(pressed), below_bar_text(pressed)) == (
        "empty bar", "plus 0.5 lb per side in fractional plates", ""
    )
    assert item_note(pressed) == "plus 0.5 lb per side in fractional plates"
