"""What was done, on paper: the cards of a recorded week print the sets done, the effort, the
minutes and the note in their boxes or a missed mark, and the season plan compares planned and
done week by week. Read back with pypdf; the figures are worked out here from the sessions."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from planner.document.demo import demo_season
from planner.document.edits import mark_done_as_planned, mark_missed, record_session
from planner.document.model import Season
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Session, SessionKind
from planner.engine.freeze import settle
from planner.engine.generator import generate
from planner.export.pdf.cards import write_cards
from planner.export.pdf.common import number
from planner.export.pdf.season import write_season
from planner.export.print_selection import Paper, PrintSelection

TODAY = date(2026, 11, 14)
W, P = SessionKind.WEIGHTS, SessionKind.PLYOMETRICS
NOTE = "Grip <gave> out & the bar slipped"


def text_of(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def barbell_sessions(season: Season) -> list[Session]:
    plan = generate(season, "ath-1")
    return [
        s for d in plan.days if date(2026, 11, 2) <= d.date < TODAY for s in d.sessions
        if s.kind is W and s.items[0].load and s.items[0].sets >= 3
    ]


class Recorded:
    """The demo season as of TODAY with three of Łucja's sessions recorded: one partly done
    with other loads and an extra set, one missed, one done as planned."""

    def __init__(self) -> None:
        season = settle(demo_season(), TODAY)
        self.partly, self.missed, self.planned = barbell_sessions(season)[:3]
        first = self.partly.items[0]
        assert first.load is not None
        self.loads = [first.load + 2.5 * n for n in range(first.sets + 1)]
        items = tuple(
            DoneItem(item.exercise_id, tuple(DoneSet(first.reps, load) for load in self.loads) if n == 0 else ())
            for n, item in enumerate(self.partly.items)
        )
        record = SessionRecord("ath-1", self.partly.date, W, RecordStatus.PARTLY_DONE, self.partly, items=items,
                               effort=8.5, minutes=61, note=NOTE)
        season = record_session(season, "ath-1", self.partly.date, W, record)
        season = mark_missed(season, "ath-1", self.missed.date, W, self.missed)
        self.season = mark_done_as_planned(season, "ath-1", self.planned.date, W, self.planned)
        self.week = self.season.week_number(self.partly.date)


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    return Recorded()


def cards(recorded: Recorded, paper: Paper, week: int | None = None) -> str:
    stream = io.BytesIO()
    number_ = recorded.week if week is None else week
    write_cards(recorded.season, PrintSelection(("ath-1",), number_, number_, paper), stream)
    return " ".join(text_of(stream.getvalue()))


@pytest.mark.parametrize("paper", [Paper.A4, Paper.A5])
def test_the_card_prints_the_sets_done_the_effort_the_minutes_and_the_note(recorded: Recorded, paper: Paper) -> None:
    assert recorded.missed.date.isocalendar()[1] == recorded.partly.date.isocalendar()[1]
    text = cards(recorded, paper)
    reps = recorded.partly.items[0].reps
    # Every set's load and reps, the extra one too (A5 writes the reps as "× 4").
    joined = " × " if paper is Paper.A5 else " "
    for load in recorded.loads:
        assert f"{number(load)}{joined}{reps}" in text
    assert "Partly done · 61 min · Grip <gave> out & the bar slipped" in text
    assert "8.5" in text
    assert "&amp;" not in text


def test_a_missed_session_says_so_and_a_session_done_as_planned_is_ticked(recorded: Recorded) -> None:
    text = cards(recorded, Paper.A4)
    assert "✗ MISSED" in text
    assert "Missed" in text
    done = recorded.planned.items[0]
    assert "Done" in text and "✓" in text
    assert f"{number(done.load or 0)} {done.reps}" in text


def test_a_week_without_records_prints_empty_boxes(recorded: Recorded) -> None:
    text = cards(recorded, Paper.A4, recorded.week + 2)
    assert "MISSED" not in text and "Partly done" not in text and "✓" not in text


def test_the_season_plan_compares_planned_and_done_per_week(recorded: Recorded) -> None:
    stream = io.BytesIO()
    write_season(recorded.season, stream, athlete_ids=["ath-1"], today=TODAY)
    pages = text_of(stream.getvalue())
    page = next(p for p in pages if p.startswith("Planned and done"))
    assert "Every week begun by Sat 14 Nov 2026" in page
    # Worked out by hand from the sessions: the volume-load planned and done of the recorded
    # sessions of the week, and the share done.
    def volume(session: Session) -> float:
        return sum(i.sets * i.reps * (i.load_kg or 0) for i in session.items if i.intensity is None)

    first = recorded.partly.items[0]
    planned = volume(recorded.partly) + volume(recorded.missed) + volume(recorded.planned)
    done = sum(first.reps * load for load in recorded.loads) + volume(recorded.planned)
    start = recorded.season.week_of(recorded.partly.date)
    end = start + timedelta(days=6)
    row = page[page.index(f" {recorded.week} {start.day}–{end.day} Nov "):]
    row = row[: row.index(f" {recorded.week + 1} ")] if f" {recorded.week + 1} " in row else row
    assert f"{done:,.0f}" in row
    ratio = done / planned
    assert f"{round(100 * ratio)} %" in row
    off_by = abs(ratio - 1)
    word = "within ±20 %" if off_by <= 0.2 else "near (50–150 %)" if off_by <= 0.5 else "off plan"
    assert row.rstrip().endswith(word)
    # The sessions of the week: three recorded (one done, one partly, one missed).
    assert " 1 1 1" in row
    # Weeks before the recorded one: planned and nothing recorded.
    assert page.count("not recorded") >= recorded.week - 1


def test_before_the_season_the_plan_says_no_week_has_begun() -> None:
    stream = io.BytesIO()
    write_season(demo_season(), stream, athlete_ids=["ath-1"], today=date(2026, 9, 1))
    page = next(p for p in text_of(stream.getvalue()) if p.startswith("Planned and done"))
    assert "No week has begun yet: the season starts on Mon 5 Oct 2026." in page
