"""A realistic example season: what ``sprintplan demo`` writes and what the tests plan against.

The squad covers the cases the planner has to handle in one document: both events and both
sexes, a junior on light equipment, an athlete in pounds, a substitution, different weekly
rhythms, an indoor peak for one athlete only and an outdoor peak for everyone. Everything is
fixed, including the season id, so the demo file is the same on every machine and run.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from planner.document.model import (
    Athlete,
    Competition,
    DayRhythm,
    Equipment,
    Event,
    Level,
    MaxEntry,
    Note,
    Priority,
    Season,
    Sex,
    TrackDay,
    Units,
    default_rhythm,
)

__all__ = ["DEMO_SEASON_ID", "demo_season"]

# uuid5(NAMESPACE_URL, DEMO_SEASON_URL), written out: computing it at import would load a
# hashing library into every start of the window (a test checks the two agree).
DEMO_SEASON_URL = "https://sprintplan.invalid/demo/season-2026-27"
DEMO_SEASON_ID = UUID("8deb192d-cf14-5457-a640-c5367c043331")

_HARD = DayRhythm(TrackDay.HARD, lifting=True, plyometrics=True)
_HARD_NO_LIFT = DayRhythm(TrackDay.HARD, lifting=False, plyometrics=True)
_EASY_LIFT = DayRhythm(TrackDay.EASY, lifting=True, plyometrics=False)
_EASY = DayRhythm(TrackDay.EASY, lifting=False, plyometrics=False)
_REST = DayRhythm(TrackDay.REST, lifting=False, plyometrics=False)


def _athletes() -> tuple[Athlete, ...]:
    return (
        Athlete(
            id="ath-1",
            name="Łucja Wiśniewska",
            event=Event.HURDLES_400,
            sex=Sex.FEMALE,
            level=Level.ADVANCED,
            junior=False,
            body_mass=61.5,
            birth_date=date(1999, 3, 14),
            equipment=Equipment(bar_mass=20.0, increment=1.25, dumbbell_step=2.0),
            maxes=(
                MaxEntry("back_squat", date(2026, 9, 22), 105.0, tested=True),
                MaxEntry("power_clean", date(2026, 9, 24), 67.5, tested=True),
            ),
            # Hard Tue/Thu/Sat, easy Mon/Fri, rest Wed/Sun.
            rhythm=default_rhythm(),
            priming=True,
        ),
        Athlete(
            id="ath-2",
            name="Søren Ødegaard",
            event=Event.FLAT_400,
            sex=Sex.MALE,
            level=Level.ADVANCED,
            junior=False,
            body_mass=79.0,
            birth_date=date(1997, 7, 2),
            equipment=Equipment(bar_mass=20.0, increment=2.5, dumbbell_step=2.5),
            maxes=(
                MaxEntry("back_squat", date(2026, 9, 21), 165.0, tested=True),
                MaxEntry("power_clean", date(2026, 9, 23), 105.0, tested=True),
            ),
            # Hard Mon/Wed/Fri, easy Tue/Thu/Sat, rest Sun.
            rhythm=(_HARD, _EASY, _HARD, _EASY, _HARD, _EASY, _REST),
            priming=True,
        ),
        Athlete(
            id="ath-3",
            name="Zoë Marchetti",
            event=Event.FLAT_400,
            sex=Sex.FEMALE,
            level=Level.INTERMEDIATE,
            junior=False,
            body_mass=57.0,
            birth_date=date(2002, 11, 30),
            maxes=(
                MaxEntry("back_squat", date(2026, 10, 1), 92.5, tested=False),
                MaxEntry("power_clean", date(2026, 9, 25), 57.5, tested=True),
                MaxEntry("hang_clean", date(2026, 10, 2), 55.0, tested=False),
            ),
            # A wrist that dislikes the catch from the floor: she cleans from the hang.
            substitutions=(("power_clean", "hang_clean"),),
            # Hard Tue/Thu/Sun (her club races on Sundays), easy Wed/Fri/Sat, rest Mon.
            rhythm=(_REST, _HARD, _EASY_LIFT, _HARD, _EASY_LIFT, _EASY, _HARD_NO_LIFT),
        ),
        Athlete(
            id="ath-4",
            name="Noël Brandt",
            event=Event.HURDLES_400,
            sex=Sex.MALE,
            level=Level.INTERMEDIATE,
            junior=False,
            body_mass=172.0,
            units=Units.LB,
            birth_date=date(2000, 5, 18),
            equipment=Equipment(bar_mass=45.0, increment=5.0, dumbbell_step=5.0),
            maxes=(
                MaxEntry("back_squat", date(2026, 9, 29), 330.0, tested=True),
                MaxEntry("power_clean", date(2026, 10, 1), 205.0, tested=False),
            ),
            # Hard Tue/Thu/Sat like Łucja, but he lifts only on the two hard weekdays.
            rhythm=(_EASY, _HARD, _REST, _HARD, _EASY, _HARD_NO_LIFT, _REST),
        ),
        Athlete(
            id="ath-5",
            name="Jonáš Dvořák",
            event=Event.FLAT_400,
            sex=Sex.MALE,
            level=Level.BEGINNER,
            # Born late in 2009, so he stays under 18 for the whole season.
            junior=True,
            body_mass=63.0,
            birth_date=date(2009, 11, 20),
            # A 15 kg technique bar and fractional plates for small steps.
            equipment=Equipment(bar_mass=15.0, increment=1.25, dumbbell_step=1.0),
            maxes=(
                MaxEntry("back_squat", date(2026, 9, 28), 70.0, tested=True),
                MaxEntry("power_clean", date(2026, 9, 28), 42.5, tested=False),
            ),
            # Two lifting days only: school and growth come first.
            rhythm=(_EASY, _HARD, _REST, _HARD_NO_LIFT, _EASY, _HARD, _REST),
        ),
    )


def _competitions() -> tuple[Competition, ...]:
    lucja, soren, zoe, noel, jonas = "ath-1", "ath-2", "ath-3", "ath-4", "ath-5"
    return (
        Competition(
            "comp-1", "City Indoor Opener", date(2027, 1, 16), date(2027, 1, 16),
            Priority.C, indoor=True, athletes=(soren, zoe, jonas),
        ),
        Competition(
            "comp-2", "New Year Indoor Meeting", date(2027, 1, 23), date(2027, 1, 23),
            Priority.B, indoor=True, athletes=(lucja, zoe, noel),
        ),
        Competition(
            "comp-3", "Indoor Grand Prix", date(2027, 2, 6), date(2027, 2, 6),
            Priority.B, indoor=True, athletes=(soren, lucja),
        ),
        Competition(
            "comp-4", "Winter Sprint Cup", date(2027, 2, 13), date(2027, 2, 13),
            Priority.C, indoor=True, athletes=(zoe, noel, jonas),
        ),
        # Only Søren peaks indoors; the rest of the squad keeps building for the summer.
        Competition(
            "comp-5", "Indoor Championships", date(2027, 2, 27), date(2027, 2, 28),
            Priority.A, indoor=True, athletes=(soren,),
        ),
        Competition(
            "comp-6", "Spring Open", date(2027, 5, 8), date(2027, 5, 8),
            Priority.C, indoor=False, athletes=None,
        ),
        Competition(
            "comp-7", "Regional Meeting", date(2027, 5, 29), date(2027, 5, 29),
            Priority.B, indoor=False, athletes=None,
        ),
        Competition(
            "comp-8", "Summer Grand Prix", date(2027, 6, 19), date(2027, 6, 19),
            Priority.B, indoor=False, athletes=(lucja, soren, noel),
        ),
        Competition(
            "comp-9", "Midsummer Meeting", date(2027, 7, 3), date(2027, 7, 3),
            Priority.C, indoor=False, athletes=(zoe, jonas),
        ),
        Competition(
            "comp-10", "National Championships", date(2027, 7, 23), date(2027, 7, 25),
            Priority.A, indoor=False, athletes=None,
        ),
        Competition(
            "comp-11", "Late Summer Meeting", date(2027, 8, 21), date(2027, 8, 21),
            Priority.C, indoor=False, athletes=(lucja, soren, zoe),
        ),
    )


def _notes() -> tuple[Note, ...]:
    return (
        Note("Indoors only Søren tapers, for the Indoor Championships; the others race for speed."),
        Note(
            "Προπονητικό καμπ στη Βουλιαγμένη, 5–11 Απριλίου: διπλές προπονήσεις.",
            date=date(2027, 4, 5),
        ),
        Note(
            "School exams this week: keep sessions under 45 minutes.",
            date=date(2027, 6, 7),
            athlete_id="ath-5",
        ),
    )


def demo_season() -> Season:
    """The demo season 2026-10-05 to 2027-09-05, five athletes, eleven competitions."""
    return Season(
        id=DEMO_SEASON_ID,
        name="Sprint squad 2026/27",
        first_day=date(2026, 10, 5),
        last_day=date(2027, 9, 5),
        week_start=0,
        athletes=_athletes(),
        competitions=_competitions(),
        notes=_notes(),
        next_athlete_number=6,
        next_competition_number=12,
    )
