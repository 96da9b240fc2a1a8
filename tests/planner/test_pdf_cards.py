"""Weekly session cards: pages, names in three scripts, every load against the plan, escaping.

The cards are read back with pypdf. Loads are checked against what ``sprintplan plan --json``
prints, the contract a coach (or a script) can compare a card with.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.cli import entry as cli
from planner.document.demo import demo_season
from planner.document.edits import add_athlete, add_competition, add_note
from planner.document.limits import MAX_NAME_LENGTH, MAX_NOTE_LENGTH
from planner.document.model import (
    Athlete,
    Equipment,
    Event,
    Level,
    MaxEntry,
    Note,
    Override,
    Priority,
    Season,
    Sex,
    Units,
)
from planner.document.sessions import Session, SessionKind
from planner.document.storage import save
from planner.engine.generator import generate
from planner.engine.loads import round_load
from planner.engine.warmup import RampStep, main_barbell_item, warmup_ramp
from planner.export.pdf.cards import write_cards
from planner.export.pdf.common import MARGIN, PAGE_SIZES, number, rest_text, styles
from planner.export.pdf.fonts import FONT_FILES
from planner.export.print_selection import Paper, PrintSelection, printed_days, week_dates

WEEK = 11  # 14-20 December 2026: general preparation, four or five sessions for everyone
TRICKY_NAME = "Tom <b>& Jerry"
TRICKY_NOTE = "Bring <b>spikes</b> & tape; 5 < 6 > 4"


def _season() -> Season:
    """The demo squad plus a Greek, a Cyrillic and a markup-looking name, and a note like markup."""
    season = demo_season()
    maxes = (MaxEntry("back_squat", date(2026, 9, 20), 95.0), MaxEntry("power_clean", date(2026, 9, 20), 60.0))
    season = add_athlete(season, name="Ελένη Παπαδοπούλου", event=Event.HURDLES_400, sex=Sex.FEMALE,
                         level=Level.INTERMEDIATE, junior=False, body_mass=58.0, maxes=maxes)
    season = add_athlete(
        season, name="Анна Иванова", event=Event.FLAT_400, sex=Sex.FEMALE, level=Level.ADVANCED, junior=False,
        body_mass=132.0, units=Units.LB, equipment=Equipment(bar_mass=45.0, increment=5.0, dumbbell_step=5.0),
        maxes=(MaxEntry("back_squat", date(2026, 9, 20), 225.0), MaxEntry("power_clean", date(2026, 9, 20), 150.0)),
    )
    season = add_athlete(season, name=TRICKY_NAME, event=Event.FLAT_400, sex=Sex.MALE, level=Level.BEGINNER,
                         junior=False, body_mass=70.0, maxes=maxes)
    return add_note(season, text=TRICKY_NOTE, day=date(2026, 12, 16))


SEASON = _season()
IDS = tuple(a.id for a in SEASON.athletes)


def _pages(data: bytes) -> list[str]:
    """Each page's text with runs of white space made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def _cards(paper: Paper, first: int = WEEK, last: int = WEEK, ids: tuple[str, ...] = IDS) -> bytes:
    stream = io.BytesIO()
    write_cards(SEASON, PrintSelection(ids, first, last, paper), stream)
    return stream.getvalue()


@pytest.fixture(scope="module")
def a4() -> list[str]:
    return _pages(_cards(Paper.A4))


@pytest.fixture(scope="module")
def plan_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What ``sprintplan plan PATH --json`` prints for the test season."""
    path = tmp_path_factory.mktemp("season") / "squad.sprintplan"
    save(SEASON, path)
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["plan", str(path), "--json"]) == 0
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def test_a4_prints_one_page_per_athlete_for_one_week(a4: list[str]) -> None:
    assert len(a4) == len(IDS) == 8
    for page, athlete in zip(a4, SEASON.athletes, strict=True):
        assert athlete.name in page
        assert "Week 11" in page
        assert "14–20 December 2026" in page


def test_names_in_latin_greek_and_cyrillic_print_as_typed(a4: list[str]) -> None:
    text = " ".join(a4)
    for name in ("Łucja Wiśniewska", "Søren Ødegaard", "Zoë Marchetti", "Noël Brandt", "Jonáš Dvořák",
                 "Ελένη Παπαδοπούλου", "Анна Иванова"):
        assert name in text


def test_text_that_looks_like_markup_prints_literally(a4: list[str]) -> None:
    tricky = a4[IDS.index("ath-8")]
    assert TRICKY_NAME in tricky
    # The note is dated in the week and for the whole squad: on every card.
    for page in a4:
        assert TRICKY_NOTE in page
    assert "&amp;" not in " ".join(a4)


def test_every_load_on_a_card_is_the_number_plan_json_gives(a4: list[str], plan_json: dict[str, object]) -> None:
    plans = plan_json["plans"]
    assert isinstance(plans, list)
    days_of_week = {d.isoformat() for d in week_dates(SEASON, WEEK)}
    checked = 0
    for plan in plans:
        athlete_id = plan["athlete"]["id"]
        page = a4[IDS.index(athlete_id)]
        words = set(page.split())
        engine = generate(SEASON, athlete_id)
        for day in plan["days"]:
            if day["date"] not in days_of_week:
                continue
            engine_day = engine.day(date.fromisoformat(day["date"]))
            assert engine_day is not None
            for session, engine_session in zip(day["sessions"], engine_day.sessions, strict=True):
                for item, engine_item in zip(session["items"], engine_session.items, strict=True):
                    if item["load"] is None:
                        continue
                    if engine_item.body_weight:
                        assert "body weight" in page
                        continue
                    assert item["load"] == engine_item.load
                    assert number(item["load"]) in words, (athlete_id, day["date"], item["name"], item["load"])
                    checked += 1
    assert checked >= 4 * len(IDS)  # the week really has loads for every athlete


def test_a_body_weight_exercise_prints_as_body_weight_not_as_an_empty_bar() -> None:
    # Week 23: the junior's squat jumps are at 0 % of the squat max, with no bar at all.
    junior = next(a for a in SEASON.athletes if a.junior)
    week = SEASON.week_number(date(2027, 3, 13))
    jumps = [
        item
        for day in generate(SEASON, junior.id).days
        if SEASON.week_number(day.date) == week
        for session in day.sessions
        for item in session.items
        if item.body_weight
    ]
    assert jumps, "the week should hold a body-weight exercise"
    (page,) = _pages(_cards(Paper.A4, week, week, (junior.id,)))
    # The row: sets x reps, then "body weight" where % and load go, no plates, then the rest.
    jump = jumps[0]
    assert f"{jump.sets} × {jump.reps} body weight {rest_text(jump.rest_s)}" in page
    assert "0 empty bar" not in page


def test_loads_are_in_the_athletes_units(a4: list[str]) -> None:
    anna = a4[IDS.index("ath-7")]
    assert "loads in lb, bar 45 lb" in anna
    assert "empty bar 45 lb × 8" in anna  # the warm-up ramp
    lucja = a4[IDS.index("ath-1")]
    assert "loads in kg, bar 20 kg" in lucja


def test_a_card_shows_the_prescription_and_room_to_write(a4: list[str]) -> None:
    lucja = a4[0]
    # Tuesday 15 December: plyometrics then weights (power clean 4 x 3 at 70 %, 47.5 kg).
    for text in ("TUE 15 DEC", "Plyometrics", "Alternate-leg bounding", "2 × 25 m", "63 contacts",
                 "Weights · Strength", "Power clean explosive", "4 × 3", "70 %", "47.5", "10 + 2.5 + 1.25",
                 "2:30", "Back squat controlled", "2 reps in reserve", "Effort (0–10)", "Notes",
                 "set 1 kg", "reps", "General preparation, week 11 of 12: strength base 4 x 8 at 72.5 %",
                 "MON 14 DEC Weights · Upper body", "Dumbbell shoulder press", "SUN 20 DEC Rest"):
        assert text in lucja, text
    # Power clean 70 % of 67.5 kg: empty bar, 40 % and 60 % (75 % is above the work).
    assert "Warm-up (power clean): empty bar 20 kg × 8 · 40 % 27.5 kg (2.5 + 1.25) × 5 · 60 % 40 kg (10) × 3" in lucja


def test_competition_days_are_marked() -> None:
    # Zoë races the New Year Indoor Meeting (B, indoor) on Saturday 23 January, week 16.
    page = _pages(_cards(Paper.A4, 16, 16, ("ath-3",)))[0]
    assert "SAT 23 JAN COMPETITION New Year Indoor Meeting · priority B · indoor" in page
    assert "New Year Indoor Meeting · Sat 23 Jan · indoor" in page  # in the header


def test_a5_prints_one_page_per_training_or_competition_day() -> None:
    pages = _pages(_cards(Paper.A5))
    expected = [
        (athlete_id, day.date)
        for athlete_id in IDS
        for day in printed_days(generate(SEASON, athlete_id), week_dates(SEASON, WEEK))
    ]
    assert len(pages) == len(expected)
    for page, (athlete_id, day) in zip(pages, expected, strict=True):
        assert SEASON.athlete(athlete_id).name in page
        assert f"{day.day} December 2026" in page


def test_a4_fits_a_seven_session_week_on_one_page_and_letter_flows_whole_sessions() -> None:
    # Łucja's week 19 has seven sessions (two of them upper body on her easy days, three
    # different strength days with hamstring and hurdle work). A4 holds it on one page; Letter,
    # the shortest page, moves the last session whole to a second page.
    assert len(_pages(_cards(Paper.A4, 19, 19, ("ath-1",)))) == 1
    letter = _pages(_cards(Paper.LETTER, 19, 19, ("ath-1",)))
    assert len(letter) == 2
    assert "Łucja Wiśniewska · week 19 (continued)" in letter[1]


def test_a_week_that_cannot_fit_flows_on_without_splitting_a_session() -> None:
    # Łucja's week 12 closes general preparation with an eleven-item test session.
    pages = _pages(_cards(Paper.A4, 12, 12, ("ath-1",)))
    assert len(pages) == 2
    assert "Łucja Wiśniewska · week 12 (continued)" in pages[1]
    for page in pages:
        # Every session on a page ends on it: as many effort boxes as session titles.
        titles = page.count("Weights ·") + page.count("Plyometrics")
        assert page.count("Effort (0–10)") == titles > 0


def test_several_weeks_and_athletes_go_in_one_pdf() -> None:
    pages = _pages(_cards(Paper.A4, 2, 3, ("ath-1", "ath-4")))
    assert [("Week 2" in p, "Week 3" in p) for p in pages] == [(True, False), (False, True)] * 2
    assert "Łucja" in pages[0] and "Noël" in pages[2]


def test_the_font_is_embedded_and_the_only_one() -> None:
    reader = PdfReader(io.BytesIO(_cards(Paper.A4, ids=("ath-6", "ath-7"))))
    fonts = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # TrueType, embedded
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    for resource in (*FONT_FILES.values(), "fonts/LICENSE-DejaVu.txt"):
        assert (Path(__file__).parents[2] / "resources" / resource).is_file()


def test_the_same_selection_gives_the_same_bytes() -> None:
    assert _cards(Paper.A4, ids=("ath-1",)) == _cards(Paper.A4, ids=("ath-1",))


def test_cards_write_to_a_path(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    pages = write_cards(SEASON, PrintSelection(("ath-1",), 1, 2), out)
    assert pages == 2
    assert out.read_bytes().startswith(b"%PDF-")


def test_weeks_outside_the_season_are_refused() -> None:
    with pytest.raises(ValueError, match="weeks 47-49 are not in the season"):
        write_cards(SEASON, PrintSelection(("ath-1",), 47, 49), io.BytesIO())


# The warm-up ramp ---------------------------------------------------------------------------


def _first_weights(athlete_id: str, week: int) -> tuple[Athlete, Session]:
    plan = generate(SEASON, athlete_id)
    for on in week_dates(SEASON, week):
        day = plan.day(on)
        if day is not None:
            for session in day.sessions:
                if session.kind is SessionKind.WEIGHTS and "easy-day" not in session.tags:
                    return plan.athlete, session
    raise AssertionError("no weights session")


def test_the_ramp_leads_to_the_first_barbell_lift_with_loads_like_the_plans() -> None:
    athlete, session = _first_weights("ath-4", WEEK)  # Noël, pounds: power clean 70 % of 205 lb
    item = main_barbell_item(session)
    assert item is not None and item.exercise_id == "power_clean"
    ramp = warmup_ramp(item, athlete)
    expected_40 = round_load(40.0, 205.0, athlete.equipment, Units.LB)
    expected_60 = round_load(60.0, 205.0, athlete.equipment, Units.LB)
    assert ramp == (
        RampStep(None, 45.0, 8, ()),
        RampStep(40.0, expected_40.value, 5, expected_40.plates_per_side),
        RampStep(60.0, expected_60.value, 3, expected_60.plates_per_side),
    )
    assert [step.load for step in ramp] == [45.0, 80.0, 125.0]


def test_the_ramp_stops_below_the_working_set_and_skips_steps_that_add_nothing() -> None:
    athlete, session = _first_weights("ath-1", WEEK)
    item = main_barbell_item(session)
    assert item is not None
    heavy = item._replace(percent_max=87.5, load=58.75)
    assert [s.percent for s in warmup_ramp(heavy, athlete)] == [None, 40.0, 60.0, 75.0]
    light = item._replace(percent_max=30.0, load=20.0)
    assert warmup_ramp(light, athlete) == ()
    # A light max: 40 % of 50 kg rounds to 20 kg, the empty bar itself.
    small = item._replace(percent_max=70.0, max_value=50.0, load=35.0)
    assert [s.percent for s in warmup_ramp(small, athlete)] == [None, 60.0]


def test_accessories_and_dumbbell_loads_get_no_ramp() -> None:
    _athlete, session = _first_weights("ath-1", WEEK)
    accessories = session._replace(items=tuple(i for i in session.items if i.percent_max is None))
    assert main_barbell_item(accessories) is None


# Nothing runs into anything (issue 11, items 4 and 15) ----------------------------------

_DAY_LABEL = re.compile(r"(MON|TUE|WED|THU|FRI|SAT|SUN) \d{1,2} [A-Z]{3}")


def _runs(data: bytes) -> list[list[tuple[float, float, float, str]]]:
    """Each page's text runs as drawn: (x, baseline y, font size on the page, text)."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        runs: list[tuple[float, float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float,
                  runs: list[tuple[float, float, float, str]] = runs) -> None:
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                runs.append((x, y, size * tm[0] * cm[0], text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def test_a_day_never_runs_into_the_competition_or_rest_beside_it() -> None:
    # "MON 15 MAR", the widest kind of day, printed "MON 15 MARCOMPETITION" over a 58 pt column.
    season = add_competition(SEASON, name="Spring Relays", start=date(2027, 3, 15), end=date(2027, 3, 15),
                             priority=Priority.C, indoor=False, athletes=["ath-1"])
    week = season.week_number(season.week_of(date(2027, 3, 15)))
    bold = styles().fonts.bold
    checked = 0
    for paper in (Paper.A4, Paper.A5, Paper.LETTER):
        stream = io.BytesIO()
        write_cards(season, PrintSelection(("ath-1",), week - 1, week, paper), stream)
        for runs in _runs(stream.getvalue()):
            for x, y, size, text in runs:
                if not _DAY_LABEL.fullmatch(text):
                    continue
                end = x + stringWidth(text, bold, size)
                beside = [rx for rx, ry, _s, _t in runs if abs(ry - y) < 3 and rx > x]
                assert beside, text
                assert end + 2 <= min(beside), (paper, text)
                checked += 1
    assert checked >= 8
    page = _pages(_cards_of(season, Paper.A4, week))[0]
    assert "MON 15 MAR COMPETITION Spring Relays · priority C · outdoor" in page


def _cards_of(season: Season, paper: Paper, week: int, ids: tuple[str, ...] = ("ath-1",)) -> bytes:
    stream = io.BytesIO()
    write_cards(season, PrintSelection(ids, week, week, paper), stream)
    return stream.getvalue()


# Long texts: every text the document can hold prints (issue 11, item 4) -------------------

LONG_NAME = "Ж" * MAX_NAME_LENGTH  # one unbroken word
LONG_NOTE = "start-of-note " + " ".join(f"word{i} <b>&amp; 5<6" for i in range(1_700)) + " end-of-note"
# Longer than an A5 page, in a session kept whole on a page where it can be.
SESSION_NOTE = "start-of-note " + " ".join(f"step{i} <i>&" for i in range(600)) + " end-of-note"
UNBROKEN_NOTE = "y" * MAX_NOTE_LENGTH


def _long_texts() -> tuple[Season, str]:
    """The demo with Łucja renamed to 80 letters without a space, a 1,700-word note for the
    squad on Tuesday of week 11, a note of 2,000 letters without a space for her alone, and
    600 words as the note of her Tuesday session (a coach's override)."""
    season = demo_season()
    lucja = season.athletes[0]._replace(name=LONG_NAME)
    season = season._replace(
        athletes=(lucja, *season.athletes[1:]), notes=(
        Note(LONG_NOTE, date(2026, 12, 15)), Note(UNBROKEN_NOTE, None, lucja.id),
    ))
    tuesday = date(2026, 12, 15)
    day = generate(season, lucja.id).day(tuesday)
    assert day is not None
    session = next(s for s in day.sessions if s.kind is SessionKind.WEIGHTS)
    override = Override(lucja.id, tuesday, SessionKind.WEIGHTS, session._replace(notes=(SESSION_NOTE,)),
                        session)
    return season._replace(overrides=(override,)), lucja.id


@pytest.mark.parametrize("paper", list(Paper))
def test_a_note_longer_than_a_page_and_a_long_unbroken_name_print_on_every_paper(paper: Paper) -> None:
    season, athlete_id = _long_texts()
    stream = io.BytesIO()
    count = write_cards(season, PrintSelection((athlete_id,), WEEK, WEEK, paper), stream)
    pages = _pages(stream.getvalue())
    assert count == len(pages) > 1
    text = " ".join(pages)
    squeezed = "".join(text.split())
    # The squad's note flows on over the pages, markup printed as typed, and so does the
    # session's note; the unbroken note and the name break where their lines end.
    assert text.count("start-of-note") == 2 and text.count("end-of-note") == 2
    assert "word1699 <b>&amp; 5<6" in text and "step599 <i>&" in text
    assert UNBROKEN_NOTE in squeezed
    assert LONG_NAME in squeezed
    for runs in _runs(stream.getvalue()):
        for x, _y, size, run in runs:
            # Nothing is drawn beyond the page's margins (measured in the narrower regular face).
            assert x >= MARGIN - 1
            assert x + stringWidth(run, styles().fonts.regular, size) <= PAGE_SIZES[paper][0] - MARGIN + 3, run[:40]


def test_an_exercise_note_too_long_for_its_cell_prints_under_the_table() -> None:
    # A table row cannot break across pages: a 2,000-character note in the exercise's cell
    # made the A5 card fail.
    season = demo_season()
    tuesday = date(2026, 12, 15)
    day = generate(season, "ath-1").day(tuesday)
    assert day is not None
    overrides = []
    for session in day.sessions:
        items = tuple(
            i._replace(note=f"{i.exercise_id}-note " + "n" * MAX_NOTE_LENGTH) for i in session.items
        )
        changed = session._replace(items=items, reason="r " * (MAX_NOTE_LENGTH // 2), title="T" * 80)
        overrides.append(Override("ath-1", tuesday, session.kind, changed, session))
    season = season._replace(overrides=tuple(overrides))
    for paper in (Paper.A5, Paper.A4):
        data = _cards_of(season, paper, WEEK)
        text = " ".join(_pages(data))
        # The body of every page, without the footers a note running on to the next page crosses.
        height = PAGE_SIZES[paper][1]
        squeezed = "".join(
            "".join(run.split()) for runs in _runs(data) for _x, y, _s, run in runs if MARGIN + 4 < y < height - MARGIN
        )
        for session in day.sessions:
            for item in session.items:
                assert f"{item.exercise_id}-note" + "n" * MAX_NOTE_LENGTH in squeezed
        assert "note below the table" in text
