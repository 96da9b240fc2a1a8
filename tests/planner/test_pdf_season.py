"""The season plan PDF: cover, periodisation, charts as vectors, week tables, warnings, rules."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

import resources
from planner.document.demo import demo_season
from planner.document.edits import add_athlete
from planner.document.limits import MAX_NAME_LENGTH, MAX_NOTE_LENGTH
from planner.document.model import Event, Level, MaxEntry, Note, Season, Sex
from planner.document.sessions import Category, Item
from planner.engine.generator import generate
from planner.engine.rules import RULES_RESOURCE, rule_book
from planner.export.look import PHASE_SHORT
from planner.export.pdf.common import styles
from planner.export.pdf.season import _overview_drawing, main_sets, write_season
from planner.export.print_selection import Paper


def _season() -> Season:
    maxes = (MaxEntry("back_squat", date(2026, 9, 20), 95.0), MaxEntry("power_clean", date(2026, 9, 20), 60.0))
    season = add_athlete(demo_season(), name="Ελένη <Παπαδοπούλου> & Co", event=Event.HURDLES_400,
                         sex=Sex.FEMALE, level=Level.INTERMEDIATE, junior=False, body_mass=58.0, maxes=maxes)
    return add_athlete(season, name="Анна Иванова", event=Event.FLAT_400, sex=Sex.FEMALE, level=Level.ADVANCED,
                       junior=False, body_mass=60.0, maxes=maxes)


SEASON = _season()


def _read(data: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture(scope="module")
def season_pdf() -> tuple[PdfReader, list[str]]:
    stream = io.BytesIO()
    pages = write_season(SEASON, stream)
    reader, texts = _read(stream.getvalue())
    assert len(reader.pages) == pages
    return reader, texts


def test_the_cover_names_the_season_squad_and_competitions(season_pdf: tuple[PdfReader, list[str]]) -> None:
    _reader, pages = season_pdf
    cover = pages[0]
    assert cover.startswith("Sprint squad 2026/27 Season plan · 5 October 2026 – 5 September 2027 · 48 weeks")
    for athlete in SEASON.athletes:
        assert athlete.name in cover
    for competition in SEASON.competitions:
        assert competition.name in cover
    assert "Sat 27 Feb – Sun 28 Feb 2027 Indoor Championships A indoor Søren Ødegaard" in cover
    assert "Fri 23 Jul – Sun 25 Jul 2027 National Championships A outdoor everyone" in cover
    assert "Προπονητικό καμπ στη Βουλιαγμένη" in cover  # the notes, Greek included


def test_the_overview_and_charts_are_vector_drawings(season_pdf: tuple[PdfReader, list[str]]) -> None:
    reader, pages = season_pdf
    overview = next(i for i, text in enumerate(pages) if text.startswith("Periodisation overview"))
    for athlete in SEASON.athletes[:5]:
        assert athlete.name in pages[overview]
    # A name too long for the label column goes on two lines.
    assert "Ελένη <Παπαδοπούλου> & Co" in pages[overview]
    for label in ("General prep", "Specific prep", "Pre-comp", "Competition", "Taper", "Jan 2027"):
        assert label in pages[overview]
    charts = [i for i, text in enumerate(pages) if "Weekly load" in text]
    assert charts
    assert all(not page.images for page in reader.pages)  # no screenshots anywhere


def test_each_athlete_has_a_week_table(season_pdf: tuple[PdfReader, list[str]]) -> None:
    _reader, pages = season_pdf
    text = " ".join(pages)
    for athlete in SEASON.athletes:
        assert f"{athlete.name}: week by week" in text
        plan = generate(SEASON, athlete.id)
        table = next(p for p in pages if p.startswith(f"{athlete.name}: week by week"))
        first = plan.weeks[0]
        assert "1 5–11 Oct General prep" in table
        assert f"{first.volume_load_kg:,.0f}" in table
    lucja = next(p for p in pages if p.startswith("Łucja Wiśniewska: week by week"))
    # Three strength sessions (squat, hinge and clean days) and two upper-body sessions on her easy days.
    assert "1 5–11 Oct General prep 5 2 PC 4x5@60 · SQ 4x10@60 · RDL 3x8@55 7,355 82" in lucja


def test_the_warnings_are_listed(season_pdf: tuple[PdfReader, list[str]]) -> None:
    _reader, pages = season_pdf
    start = next(i for i, text in enumerate(pages) if text.startswith("Warnings"))
    text = " ".join(pages[start:])
    for athlete in SEASON.athletes:
        plan = generate(SEASON, athlete.id)
        assert f"{athlete.name} ({len(plan.warnings)})" in text
        for warning in plan.warnings:
            assert warning.rule_id in text
            assert " ".join(warning.message.split()) in text


def test_the_appendix_lists_every_rule_with_its_source(season_pdf: tuple[PdfReader, list[str]]) -> None:
    _reader, pages = season_pdf
    start = next(i for i, text in enumerate(pages) if text.startswith("Appendix: the rules and their sources"))
    text = " ".join(pages[start:])
    rules = list(rule_book())
    # Counted from the data file itself, so a rule the book failed to read cannot go unnoticed.
    assert len(rules) == resources.read_text(RULES_RESOURCE).count("[[rule]]") > 40
    for rule in rules:
        assert f"{rule.id} {rule.source} {rule.grade} {'hard' if rule.hard else 'soft'} {rule.title}" in text


def test_names_that_look_like_markup_print_as_typed(season_pdf: tuple[PdfReader, list[str]]) -> None:
    _reader, pages = season_pdf
    assert "Ελένη <Παπαδοπούλου> & Co: week by week" in " ".join(pages)
    assert "&amp;" not in " ".join(pages)


def test_the_outline_leads_to_each_section(season_pdf: tuple[PdfReader, list[str]]) -> None:
    reader, _pages = season_pdf
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert titles == [
        "Cover", "Periodisation", "Weekly load", "Week by week", "Planned and done", "Warnings", "Appendix: rules"
    ]


def test_only_the_chosen_athletes_and_letter_paper() -> None:
    stream = io.BytesIO()
    write_season(SEASON, stream, athlete_ids=["ath-3"], paper=Paper.LETTER)
    reader, pages = _read(stream.getvalue())
    text = " ".join(pages)
    assert "Zoë Marchetti: week by week" in text
    assert "Łucja Wiśniewska: week by week" not in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (792, 612)  # Letter, landscape
    with pytest.raises(ValueError, match="A4 or Letter"):
        write_season(SEASON, io.BytesIO(), paper=Paper.A5)


def _item(exercise_id: str, sets: int, reps: int, percent: float | None) -> Item:
    return Item(exercise_id, exercise_id, Category.STRENGTH, True, sets, reps, percent_max=percent)


def test_main_sets_name_the_heaviest_set_of_each_barbell_lift() -> None:
    items = [
        _item("power_clean", 4, 3, 70.0),
        _item("back_squat", 3, 3, 85.0),
        _item("back_squat", 3, 3, 87.5),
        _item("back_squat", 4, 3, 87.5),
        _item("calf_raise", 3, 12, None),
        _item("split_squat", 3, 8, None),
    ]
    assert main_sets(items) == "PC 4x3@70 · SQ 4x3@87.5"
    assert main_sets([]) == ""


def _box(label: String) -> tuple[float, float, float, float]:
    width = stringWidth(label.text, label.fontName, label.fontSize)
    return label.x - width / 2, label.y - 1, label.x + width / 2, label.y + label.fontSize * 0.8


def _crosses(line: Line, box: tuple[float, float, float, float]) -> bool:
    left, bottom, right, top = box
    points = ((line.x1 + (line.x2 - line.x1) * k / 20, line.y1 + (line.y2 - line.y1) * k / 20) for k in range(21))
    return any(left <= x <= right and bottom <= y <= top for x, y in points)


def _covers(rect: Rect, box: tuple[float, float, float, float]) -> bool:
    left, bottom, right, top = box
    return (rect.fillColor is not None and rect.x <= left and rect.y <= bottom
            and rect.x + rect.width >= right and rect.y + rect.height >= top)


def test_deload_hatching_never_strikes_through_a_phase_name(season_pdf: tuple[PdfReader, list[str]]) -> None:
    plans = [generate(SEASON, athlete.id) for athlete in SEASON.athletes]
    contents = _overview_drawing(SEASON, plans, styles(), 760.0, 50.0).contents
    names = set(PHASE_SHORT.values())
    struck = 0
    for index, label in enumerate(contents):
        if not (isinstance(label, String) and label.text in names):
            continue
        box = _box(label)
        lines = [i for i, shape in enumerate(contents) if isinstance(shape, Line) and _crosses(shape, box)]
        if not lines:
            continue
        struck += 1
        # The hatching is drawn first, then a patch of the phase's colour, then the name.
        assert max(lines) < index, label.text
        patches = [i for i, shape in enumerate(contents[:index]) if isinstance(shape, Rect) and _covers(shape, box)]
        assert patches and max(patches) > max(lines), label.text
    assert struck >= 3  # the demo has deload weeks in the middle of named phases
    _reader, pages = season_pdf
    overview = next(p for p in pages if p.startswith("Periodisation overview"))
    assert "General prep" in overview and "Specific prep" in overview and "Pre-comp" in overview


LONG_NAME = "Ж" * MAX_NAME_LENGTH  # one unbroken word
LONG_NOTE = "start-of-note " + " ".join(f"word{i} <b>&amp; 5<6" for i in range(1_700)) + " end-of-note"


@pytest.mark.parametrize("paper", [Paper.A4, Paper.LETTER])
def test_a_note_longer_than_a_page_and_long_unbroken_names_print(paper: Paper) -> None:
    # A 1,700-word note made the notes table fail (a table row cannot break across pages).
    season = demo_season()
    lucja = season.athletes[0]._replace(name=LONG_NAME)
    first = season.competitions[0]._replace(name="M" * MAX_NAME_LENGTH)
    season = season._replace(
        name="S" * MAX_NAME_LENGTH, athletes=(lucja, *season.athletes[1:]),
        competitions=(first, *season.competitions[1:]),
        notes=(Note(LONG_NOTE, date(2026, 12, 16)), Note("y" * MAX_NOTE_LENGTH, None, lucja.id)),
    )
    stream = io.BytesIO()
    count = write_season(season, stream, paper=paper)
    reader, pages = _read(stream.getvalue())
    assert len(reader.pages) == count
    text = " ".join(pages)
    squeezed = "".join(text.split())
    notes = [i for i, page in enumerate(pages) if "start-of-note" in page or "end-of-note" in page]
    assert len(notes) == 2 and notes[1] > notes[0]  # the note goes on over the next page
    assert "word1699 <b>&amp; 5<6" in text
    assert "y" * MAX_NOTE_LENGTH in squeezed
    assert LONG_NAME in squeezed and "M" * MAX_NAME_LENGTH in squeezed
