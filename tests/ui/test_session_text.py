"""How items and sessions read: the same words in the inspector, the squad week and tooltips."""

from __future__ import annotations

from datetime import date

from planner.document.model import Season, Units
from planner.document.sessions import Category, Intent, Item, PlyoIntensity, Session, SessionKind
from planner.engine.generator import generate
from ui.dialogs.form_checks import range_text
from ui.session_text import (
    contacts_text,
    date_text,
    day_title,
    distance_contacts_text,
    item_details,
    item_note,
    item_short,
    item_text,
    number,
    plates_text,
    rest_text,
    session_facts,
    session_lines,
    session_summary,
    session_tooltip,
    short_day,
    span_text,
)

SQUAT_KG = Item(
    exercise_id="back_squat", name="Back squat", category=Category.STRENGTH, lower_body=True,
    sets=3, reps=3, percent_max=87.5, max_value=140.0, load=120.0, unit="kg", load_kg=120.0,
    plates_per_side=(25.0, 25.0), rest_s=240,
)
SQUAT_LB = Item(
    exercise_id="back_squat", name="Back squat", category=Category.STRENGTH, lower_body=True,
    sets=3, reps=6, percent_max=80.0, max_value=330.0, load=265.0, unit="lb", load_kg=120.2,
    plates_per_side=(45.0, 45.0, 10.0, 10.0), rest_s=180,
)
BOUNDING = Item(
    exercise_id="bounding", name="Alternate-leg bounding", category=Category.PLYOMETRIC, lower_body=True,
    sets=3, reps=1, rest_s=60, intent=Intent.EXPLOSIVE, distance_m=15.0, contacts=24,
    intensity=PlyoIntensity.MODERATE,
)
POGO = Item(
    exercise_id="pogo_jumps", name="Pogo jumps", category=Category.PLYOMETRIC, lower_body=True,
    sets=4, reps=10, rest_s=60, intent=Intent.EXPLOSIVE, contacts=40, intensity=PlyoIntensity.LOW,
)
CALF = Item(
    exercise_id="calf_raise", name="Calf raise", category=Category.ACCESSORY, lower_body=True,
    sets=3, reps=12, reps_in_reserve=2, rest_s=90, note="choose a load that leaves 2 reps in reserve",
)


def test_a_barbell_item_in_kg_reads_sets_reps_percent_load_and_plates() -> None:
    assert item_text(SQUAT_KG) == "Back squat 3 x 3 @ 87.5 % = 120 kg (25 + 25 per side)"
    assert plates_text(SQUAT_KG) == "25 + 25"
    assert item_short(SQUAT_KG) == "Back squat 3x3 @ 87.5 % 120 kg"


def test_a_barbell_item_in_pounds_keeps_its_own_unit() -> None:
    assert item_text(SQUAT_LB) == "Back squat 3 x 6 @ 80 % = 265 lb (45 + 45 + 10 + 10 per side)"


def test_plyometric_drills_read_by_distance_or_reps_with_contacts_and_intensity() -> None:
    assert item_text(BOUNDING) == "Alternate-leg bounding 3 x 15 m (24 contacts, moderate)"
    assert item_text(POGO) == "Pogo jumps 4 x 10 (40 contacts, low)"
    assert contacts_text(BOUNDING) == "24 contacts, moderate"
    assert distance_contacts_text(BOUNDING) == "15 m · 24 (moderate)"
    assert distance_contacts_text(POGO) == "40 (low)"
    # A drill has no plates and no load, whatever unit the athlete uses.
    assert plates_text(POGO._replace(unit="lb")) == ""


def test_rep_range_work_reads_with_the_reps_in_reserve() -> None:
    assert item_text(CALF) == "Calf raise 3 x 12, 2 in reserve"
    assert contacts_text(CALF) == ""


def test_loads_below_the_bar_read_as_dumbbells_and_the_bar_alone_as_empty_bar() -> None:
    jumps = SQUAT_KG._replace(
        exercise_id="squat_jump", name="Squat jump", sets=3, reps=6, percent_max=20.0, max_value=92.5,
        load=20.0, plates_per_side=(), below_bar=22.5, per_hand=10.0, note="move fast",
    )
    assert item_text(jumps) == "Squat jump 3 x 6 @ 20 % = 20 kg (two 10 kg dumbbells)"
    assert item_details(jumps) == (
        "Squat jump: two 10 kg dumbbells · rest 4:00 · controlled — "
        "Below the 22.5 kg bar: hold two 10 kg dumbbells or use a technique bar; move fast"
    )
    bar = SQUAT_KG._replace(percent_max=30.0, max_value=66.0, load=20.0, plates_per_side=())
    assert plates_text(bar) == "empty bar"
    assert item_text(bar) == "Back squat 3 x 3 @ 30 % = 20 kg (empty bar)"


def test_fractional_plates_are_worded_after_the_plates() -> None:
    fine = SQUAT_KG._replace(unit="lb", load=46.0, plates_per_side=(), fractional_per_side=0.5, note="")
    assert item_note(fine) == "plus 0.5 lb per side in fractional plates"
    session = Session(id="s", date=date(2027, 1, 12), kind=SessionKind.WEIGHTS, title="Strength", items=(fine,))
    assert session_lines(session)[-1].endswith(
        " — plus 0.5 lb per side in fractional plates"
    )


def test_a_percentage_without_a_max_has_no_load() -> None:
    no_max = SQUAT_KG._replace(max_value=None, load=None, load_kg=None, plates_per_side=())
    assert item_text(no_max) == "Back squat 3 x 3 @ 87.5 %"
    assert plates_text(no_max) == ""


def test_numbers_rest_and_dates_are_written_as_a_coach_writes_them() -> None:
    assert [number(v) for v in (120.0, 87.5, 48.75, 0.5, 142.5)] == ["120", "87.5", "48.75", "0.5", "142.5"]
    # One formatter for every mass: a 0.625 kg plate never reads 0.62, in the window's forms too.
    assert number(0.625) == "0.625"
    assert range_text(Units.KG, (0.625, 10.0)) == "0.625–10 kg"
    assert [rest_text(s) for s in (60, 90, 150, 240)] == ["1:00", "1:30", "2:30", "4:00"]
    assert day_title(date(2027, 1, 12)) == "Tuesday 12 January 2027"
    assert short_day(date(2027, 1, 12)) == "Tue 12 Jan"
    assert date_text(date(2026, 10, 5)) == "5 October 2026"
    assert span_text(date(2027, 1, 11), date(2027, 1, 17)) == "11–17 January 2027"
    assert span_text(date(2027, 3, 29), date(2027, 4, 4)) == "29 March – 4 April 2027"
    assert span_text(date(2026, 12, 28), date(2027, 1, 3)) == "28 December 2026 – 3 January 2027"


def _session(kind: SessionKind, items: tuple[Item, ...], **fields: object) -> Session:
    base = Session(id="s", date=date(2027, 1, 12), kind=kind, title="Heavy strength", items=items)
    return base._replace(**fields)  # type: ignore[arg-type]


def test_session_summaries_lead_with_the_heaviest_lift_and_count_the_rest() -> None:
    clean = SQUAT_KG._replace(exercise_id="power_clean", name="Power clean", percent_max=72.5, load=80.0)
    weights = _session(SessionKind.WEIGHTS, (clean, SQUAT_KG, CALF), heavy=True, minutes=40, effort=8.0)
    plyo = _session(SessionKind.PLYOMETRICS, (BOUNDING, POGO), title="Plyometrics", minutes=25, effort=5.0)
    assert session_summary(weights, main_items=1) == "Heavy strength: Back squat 3x3 @ 87.5 % 120 kg, +2 more"
    assert session_summary(plyo) == "Plyo: 64 contacts"
    assert session_summary(weights) == (
        "Heavy strength: Back squat 3x3 @ 87.5 % 120 kg, Power clean 3x3 @ 72.5 % 80 kg, +1 more"
    )
    assert session_facts(weights) == "40 min · effort 8/10 · 3 exercises"
    assert session_facts(plyo) == "25 min · effort 5/10 · 64 contacts"


def test_edited_sessions_carry_the_pencil_mark_and_tooltips_list_every_item() -> None:
    upper = _session(SessionKind.WEIGHTS, (CALF,), title="Upper body", edited=True)
    assert session_summary(upper) == "✎ Upper body: 1 exercise"
    assert session_tooltip(upper).splitlines() == [
        "Upper body (weights) ✎ edited",
        "45 min · effort 5/10 · 1 exercise",
        "• Calf raise 3 x 12, 2 in reserve — choose a load that leaves 2 reps in reserve",
    ]


def test_items_of_the_demo_plans_read_in_each_athletes_unit(demo: Season) -> None:
    for athlete in demo.athletes:
        plan = generate(demo, athlete.id)
        loaded = [i for d in plan.days for s in d.sessions for i in s.items if i.load is not None]
        assert loaded, athlete.name
        unit = athlete.units.value
        other = "kg" if unit == "lb" else "lb"
        for item in loaded[:50]:
            text = item_text(item)
            assert f"= {number(item.load or 0)} {unit}" in text
            assert f" {other}" not in text
            if item.plates_per_side:
                assert text.endswith(f"({' + '.join(number(p) for p in item.plates_per_side)} per side)")


def test_a_body_weight_item_reads_body_weight_not_a_zero_load_on_an_empty_bar() -> None:
    jumps = Item(
        exercise_id="squat_jump", name="Squat jump", category=Category.POWER, lower_body=True,
        sets=3, reps=6, percent_max=0.0, max_value=70.0, load=0.0, unit="kg", load_kg=0.0, rest_s=150,
        intent=Intent.EXPLOSIVE,
    )
    assert jumps.body_weight
    assert item_text(jumps) == "Squat jump 3 x 6, body weight"
    assert item_short(jumps) == "Squat jump 3x6 body weight"
    assert plates_text(jumps) == ""
    assert not SQUAT_KG.body_weight
