"""The demo season is valid and holds every case it promises to show."""

from __future__ import annotations

from datetime import date
from uuid import NAMESPACE_URL, uuid5

import pytest

from planner.document.catalogue import lifts_with_maxes
from planner.document.demo import DEMO_SEASON_ID, DEMO_SEASON_URL, demo_season
from planner.document.model import Event, Level, Priority, Season, Sex, TrackDay, Units
from planner.document.storage import dumps, loads
from planner.document.validation import season_problems


@pytest.fixture(scope="module")
def season() -> Season:
    return demo_season()


def test_demo_is_valid_and_deterministic(season: Season) -> None:
    assert season_problems(season) == []
    assert demo_season() == season
    assert season.id == DEMO_SEASON_ID
    assert str(season.id) == "8deb192d-cf14-5457-a640-c5367c043331"
    assert uuid5(NAMESPACE_URL, DEMO_SEASON_URL) == DEMO_SEASON_ID


def test_demo_survives_a_save_and_load(season: Season) -> None:
    assert loads(dumps(season)) == season


def test_dates_and_weeks(season: Season) -> None:
    assert (season.first_day, season.last_day) == (date(2026, 10, 5), date(2027, 9, 5))
    assert season.week_start == 0
    assert season.first_week_start == season.first_day
    assert season.week_count == 48


def test_squad(season: Season) -> None:
    athletes = season.athletes
    assert len(athletes) >= 4
    assert {a.event for a in athletes} == set(Event)
    assert {a.sex for a in athletes} == set(Sex)
    assert {a.level for a in athletes} == set(Level)
    names = " ".join(a.name for a in athletes)
    for letter in ("Ł", "ø", "ë"):
        assert letter in names
    assert [a.id for a in athletes] == [f"ath-{n}" for n in range(1, len(athletes) + 1)]
    assert season.next_athlete_number == len(athletes) + 1


def test_exactly_one_junior_under_18_on_light_equipment(season: Season) -> None:
    (junior,) = [a for a in season.athletes if a.junior]
    assert junior.birth_date is not None and junior.birth_date.year == 2009
    age = junior.age_on(season.last_day)
    assert age is not None and age < 18
    assert junior.units is Units.KG
    assert junior.equipment.bar_mass <= 15.0
    assert junior.equipment.increment == 1.25
    squat = junior.max_on("back_squat", season.first_day)
    assert squat is not None and 60.0 <= squat.value <= 80.0


def test_one_athlete_in_pounds(season: Season) -> None:
    (lb,) = [a for a in season.athletes if a.units is Units.LB]
    assert (lb.equipment.bar_mass, lb.equipment.increment, lb.equipment.dumbbell_step) == (
        45.0,
        5.0,
        5.0,
    )


def test_every_athlete_has_plausible_squat_and_clean_maxes(season: Season) -> None:
    for athlete in season.athletes:
        assert athlete.body_mass > 0
        assert athlete.birth_date is not None
        for entry in athlete.maxes:
            assert entry.lift in lifts_with_maxes()
            assert (entry.date.year, entry.date.month) in ((2026, 9), (2026, 10))
        squat = athlete.max_on("back_squat", season.first_day)
        clean = athlete.max_on("power_clean", season.first_day)
        assert squat is not None and clean is not None
        squat_kg, clean_kg = (athlete.units.to_kg(m.value) for m in (squat, clean))
        if athlete.junior:
            continue
        low, high = (140.0, 170.0) if athlete.sex is Sex.MALE else (90.0, 110.0)
        assert low <= squat_kg <= high, athlete.name
        assert 0.58 <= clean_kg / squat_kg <= 0.67, athlete.name
    assert any(not m.tested for a in season.athletes for m in a.maxes)
    assert any(m.tested for a in season.athletes for m in a.maxes)


def test_substitution_with_its_own_max(season: Season) -> None:
    (athlete,) = [a for a in season.athletes if a.substitutions]
    assert athlete.substitutions == (("power_clean", "hang_clean"),)
    assert athlete.substitute_for("power_clean") == "hang_clean"
    assert athlete.max_on("hang_clean", season.first_day) is not None


def test_rhythms_vary_and_priming_is_opt_in(season: Season) -> None:
    rhythms = {a.rhythm for a in season.athletes}
    assert len(rhythms) >= 3
    assert all(len(r) == 7 for r in rhythms)
    hard_days = {
        tuple(i for i, day in enumerate(a.rhythm) if day.track is TrackDay.HARD)
        for a in season.athletes
    }
    assert (1, 3, 5) in hard_days  # Tue/Thu/Sat
    assert (0, 2, 4) in hard_days  # Mon/Wed/Fri
    assert 1 <= sum(a.priming for a in season.athletes) <= 2


def test_indoor_championships_end_of_february_for_one_athlete(season: Season) -> None:
    (champs,) = [c for c in season.competitions if c.indoor and c.priority is Priority.A]
    assert champs.name == "Indoor Championships"
    assert (champs.start, champs.end) == (date(2027, 2, 27), date(2027, 2, 28))
    assert champs.athletes is not None and len(champs.athletes) == 1
    # Everyone else still races indoors, in B or C meets.
    for athlete in season.athletes:
        indoor = [c for c in season.competitions_for(athlete.id) if c.indoor]
        assert indoor, athlete.name
        if athlete.id not in champs.athletes:
            assert {c.priority for c in indoor} <= {Priority.B, Priority.C}
    indoor_months = {(c.start.year, c.start.month) for c in season.competitions if c.indoor}
    assert indoor_months == {(2027, 1), (2027, 2)}


def test_national_championships_three_days_end_of_july_for_everyone(season: Season) -> None:
    (nationals,) = [c for c in season.competitions if not c.indoor and c.priority is Priority.A]
    assert nationals.name == "National Championships"
    assert (nationals.start, nationals.end) == (date(2027, 7, 23), date(2027, 7, 25))
    assert nationals.days == 3
    assert nationals.athletes is None


def test_outdoor_b_and_c_meets_from_may(season: Season) -> None:
    outdoor = [c for c in season.competitions if not c.indoor and c.priority is not Priority.A]
    assert {c.priority for c in outdoor} == {Priority.B, Priority.C}
    assert min(c.start for c in outdoor) >= date(2027, 5, 1)
    assert any(c.start.month == 8 for c in outdoor)


def test_competition_ids_and_entries(season: Season) -> None:
    ids = [c.id for c in season.competitions]
    assert ids == [f"comp-{n}" for n in range(1, len(ids) + 1)]
    assert season.next_competition_number == len(ids) + 1
    athlete_ids = {a.id for a in season.athletes}
    for competition in season.competitions:
        assert set(competition.athletes or ()) <= athlete_ids
        assert competition.athletes != ()


def test_notes(season: Season) -> None:
    assert 2 <= len(season.notes) <= 3
    assert any(any("\u0370" <= ch <= "\u04ff" for ch in note.text) for note in season.notes)
    athlete_ids = {a.id for a in season.athletes}
    assert all(n.athlete_id is None or n.athlete_id in athlete_ids for n in season.notes)
