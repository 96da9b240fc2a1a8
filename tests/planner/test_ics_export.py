"""The iCalendar export, read back with icalendar as a calendar program would read it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid5

import pytest
from hypothesis import HealthCheck, given, settings
from icalendar import Calendar, Event
from strategies import ANY_TEXT

from planner.document.demo import demo_season
from planner.document.edits import move_competition
from planner.document.limits import one_line
from planner.document.model import Season
from planner.document.sessions import Category, SessionKind
from planner.document.storage import save
from planner.engine.generator import generate
from planner.engine.plan import Plan
from planner.export.ics import competition_uid, ics_bytes, session_uid
from planner.imports.competitions import preview_ics

STAMP = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
LUCJA = "ath-1"
NOEL = "ath-4"  # trains in pounds


@pytest.fixture(scope="module")
def season() -> Season:
    return demo_season()


@pytest.fixture(scope="module")
def plan(season: Season) -> Plan:
    return generate(season, LUCJA)


def events_of(data: bytes) -> list[Event]:
    calendar = Calendar.from_ical(data)
    return [e for e in calendar.walk("VEVENT") if isinstance(e, Event)]


def by_uid(data: bytes) -> dict[str, Event]:
    return {str(e["UID"]): e for e in events_of(data)}


def test_one_event_per_session_and_per_competition(season: Season, plan: Plan) -> None:
    events = by_uid(ics_bytes(season, [plan], stamp=STAMP))
    sessions = [s for day in plan.days for s in day.sessions]
    assert sessions and plan.competitions
    expected = {session_uid(season.id, s) for s in sessions}
    expected |= {competition_uid(season.id, LUCJA, c.id) for c in plan.competitions}
    assert set(events) == expected
    assert len(events_of(ics_bytes(season, [plan], stamp=STAMP))) == len(sessions) + len(plan.competitions)


def test_the_calendar_and_its_events_have_what_rfc_5545_requires(season: Season, plan: Plan) -> None:
    data = ics_bytes(season, [plan], stamp=STAMP)
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//SprintPlan//")
    for event in events_of(data):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert required in event
        assert event.stamp == STAMP
    # Content lines end in CRLF and are folded at 75 octets.
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in b"".join(lines)


def test_uids_are_the_same_in_every_export(season: Season, plan: Plan) -> None:
    first = ics_bytes(season, [plan], stamp=STAMP)
    later = ics_bytes(season, [generate(season, LUCJA)], stamp=STAMP + timedelta(days=3))
    assert list(by_uid(first)) == list(by_uid(later))
    # Only the export time differs, so a calendar program sees the later file as newer.
    assert first != later
    assert first.replace(b"DTSTAMP:20261101T093000Z", b"DTSTAMP:20261104T093000Z") == later


def test_a_moved_competition_keeps_its_uid(season: Season) -> None:
    nationals = season.competition("comp-10")
    moved = move_competition(season, "comp-10", nationals.start + timedelta(days=7))
    uid = competition_uid(season.id, LUCJA, "comp-10")
    before = by_uid(ics_bytes(season, [generate(season, LUCJA)], stamp=STAMP))[uid]
    after = by_uid(ics_bytes(moved, [generate(moved, LUCJA)], stamp=STAMP))[uid]
    assert before.start == date(2027, 7, 23)
    assert after.start == date(2027, 7, 30)
    assert str(after["SUMMARY"]) == str(before["SUMMARY"])


def test_uids_differ_between_seasons_and_athletes(season: Season) -> None:
    other = season._replace(id=UUID(int=season.id.int + 1))
    assert competition_uid(season.id, LUCJA, "comp-10") != competition_uid(other.id, LUCJA, "comp-10")
    assert competition_uid(season.id, LUCJA, "comp-10") != competition_uid(season.id, "ath-2", "comp-10")


def test_competitions_are_all_day_events_with_an_exclusive_end(season: Season, plan: Plan) -> None:
    event = by_uid(ics_bytes(season, [plan], stamp=STAMP))[competition_uid(season.id, LUCJA, "comp-10")]
    start, end = event.start, event.end
    # Dates, not date-times: shown as all-day; the three days 23-25 July end on the 26th.
    assert type(start) is date and type(end) is date
    assert (start, end) == (date(2027, 7, 23), date(2027, 7, 26))
    assert str(event["SUMMARY"]) == "[A] National Championships"
    assert {"Competition", "Priority A", "Outdoor"} <= {str(c) for c in event.categories}
    indoor = by_uid(ics_bytes(season, [plan], stamp=STAMP))[competition_uid(season.id, LUCJA, "comp-2")]
    assert "Indoor" in {str(c) for c in indoor.categories}
    assert (indoor.end - indoor.start) == timedelta(days=1)


def test_session_events_list_the_exercises_with_their_loads(season: Season) -> None:
    plan = generate(season, NOEL)
    events = by_uid(ics_bytes(season, [plan], stamp=STAMP))
    sessions = [s for day in plan.days for s in day.sessions]
    weights = next(
        s for s in sessions if s.kind is SessionKind.WEIGHTS and any(i.percent_max and i.load for i in s.items)
    )
    event = events[session_uid(season.id, weights)]
    assert event.start == weights.date and event.end == weights.date + timedelta(days=1)
    assert str(event["SUMMARY"]) == f"Weights: {weights.title}"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    description = str(event["DESCRIPTION"])
    for item in weights.items:
        assert item.name in description
    loaded = next(i for i in weights.items if i.percent_max and i.load)
    line = next(line for line in description.splitlines() if line.startswith(loaded.name))
    assert f"{loaded.sets} x {loaded.reps}" in line
    assert f"@ {loaded.percent_max:g} %" in line
    assert f"= {loaded.load:g} lb" in line

    plyo = next(s for s in sessions if s.kind is SessionKind.PLYOMETRICS)
    plyo_event = events[session_uid(season.id, plyo)]
    contacts = sum(i.contacts for i in plyo.items if i.category is Category.PLYOMETRIC)
    assert str(plyo_event["SUMMARY"]) == f"{plyo.title}: {contacts} contacts"
    assert all(i.name in str(plyo_event["DESCRIPTION"]) for i in plyo.items)


def test_a_squad_calendar_is_the_athletes_calendars_with_names_in_the_summaries(season: Season) -> None:
    plans = [generate(season, LUCJA), generate(season, NOEL)]
    squad = by_uid(ics_bytes(season, plans, stamp=STAMP))
    singles = [by_uid(ics_bytes(season, [p], stamp=STAMP)) for p in plans]
    assert set(squad) == set(singles[0]) | set(singles[1])
    for plan, single in zip(plans, singles, strict=True):
        for uid in single:
            assert str(squad[uid]["SUMMARY"]) == f"{plan.athlete.name}: {single[uid]['SUMMARY']}"


def test_exported_competitions_import_back_into_another_season(season: Season, plan: Plan) -> None:
    empty = season._replace(competitions=())
    preview = preview_ics(empty, ics_bytes(season, [plan], stamp=STAMP))
    imported = [
        (e.competition.name, e.competition.start, e.competition.end, e.competition.priority, e.competition.indoor)
        for e in preview.accepted
    ]
    assert imported == [(c.name, c.start, c.end, c.priority, c.indoor) for c in plan.competitions]
    # The training sessions in the same file are not competitions.
    assert preview.refused
    assert all("training session" in r.reason for r in preview.refused)


def test_fractional_plates_read_as_on_the_cards(season: Season) -> None:
    # The junior's gym has 0.625 kg plates: the calendar must not round them to 0.62.
    junior = next(a for a in season.athletes if a.junior)
    plan = generate(season, junior.id)
    item = next(
        i
        for day in plan.days
        for s in day.sessions
        for i in s.items
        if 0.625 in i.plates_per_side
    )
    descriptions = " ".join(str(e["DESCRIPTION"]) for e in events_of(ics_bytes(season, [plan], stamp=STAMP)))
    plates = " + ".join(f"{p:g}" for p in item.plates_per_side)
    assert f"({plates} per side)" in descriptions
    assert "0.62 " not in descriptions


# ---------------------------------------------------------------------------------------------
# Any text the model can hold



def with_text(season: Season, plan: Plan, text: str, days: int = 21) -> tuple[Season, Plan]:
    """``season`` and a few weeks of ``plan`` with ``text`` in every name the calendar shows."""
    athlete = plan.athlete._replace(name=f"Ann {text}")
    competitions = tuple(c._replace(name=f"{c.name} {text}") for c in plan.competitions)
    days_with_sessions = [day for day in plan.days if day.sessions][:days]
    sessions_renamed = tuple(
        day._replace(
            sessions=tuple(
                s._replace(
                    title=f"{s.title} {text}",
                    notes=(*s.notes, f"Coach: {text}"),
                    items=tuple(i._replace(name=f"{i.name} {text}") for i in s.items),
                )
                for s in day.sessions
            ),
        )
        for day in days_with_sessions
    )
    return (
        season._replace(name=f"Season {text}"),
        dataclasses.replace(plan, athlete=athlete, competitions=competitions, days=sessions_renamed),
    )


def assert_a_well_formed_calendar(data: bytes) -> Calendar:
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    for line in lines[:-1]:
        assert len(line) <= 75, line
        # RFC 5545 3.3.11: no control characters but tab in a content line; a lone CR or LF
        # would start a line of its own.
        assert not any((byte < 0x20 and byte != 0x09) or byte == 0x7F for byte in line), line
    data.decode("utf-8")
    return Calendar.from_ical(data)


@pytest.mark.parametrize(
    "text",
    ["line\nbreak", "carriage\rreturn\r\n", "tab\there", "bell\x07 nul\x00 esc\x1b[31m", "lone \ud800 half",
     "comma, semicolon; colon: back\\slash \"quoted\"", "Łucja 雪 🏃"],
)
def test_any_text_in_names_and_notes_gives_a_calendar_that_reads_back(
    season: Season, plan: Plan, text: str
) -> None:
    # A line break in an athlete's or the season's name failed with an AssertionError in the
    # calendar's name, and a lone surrogate with a UnicodeEncodeError.
    hostile_season, hostile_plan = with_text(season, plan, text)
    other = generate(season, NOEL)
    calendar = assert_a_well_formed_calendar(
        ics_bytes(hostile_season, [hostile_plan, dataclasses.replace(other, days=other.days[:7])], stamp=STAMP)
    )
    assert str(calendar["X-WR-CALNAME"]) == one_line(f"Season {text}: Ann {text}, {other.athlete.name}")
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    first = hostile_plan.competitions[0]
    competition = events[competition_uid(season.id, LUCJA, first.id)]
    assert str(competition["SUMMARY"]) == one_line(f"Ann {text}: [{first.priority.value}] {first.name}")
    session = next(s for day in hostile_plan.days for s in day.sessions)
    description = str(events[session_uid(season.id, session)]["DESCRIPTION"])
    # A description keeps the note's line breaks.
    lines = description.splitlines()
    assert all(one_line(part) in lines for part in f"Coach: {text}".splitlines())


def test_an_athlete_id_with_a_lone_surrogate_still_gives_uids(season: Season, plan: Plan) -> None:
    odd = dataclasses.replace(plan, athlete=plan.athlete._replace(id="ath-\ud800"), days=plan.days[:7])
    calendar = assert_a_well_formed_calendar(ics_bytes(season, [odd], stamp=STAMP))
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids)) > 0
    # Every other id gives the UID it always gave.
    assert competition_uid(season.id, LUCJA, "comp-1") == str(uuid5(season.id, f"competition/{LUCJA}/comp-1"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT)
def test_any_name_at_all_is_written_on_one_line(season: Season, plan: Plan, text: str) -> None:
    hostile_season, hostile_plan = with_text(season, plan, text, days=2)
    calendar = assert_a_well_formed_calendar(ics_bytes(hostile_season, [hostile_plan], stamp=STAMP))
    assert str(calendar["X-WR-CALNAME"]) == one_line(f"Season {text}: Ann {text}")


PROGRAM = Path(sys.executable).with_name("sprintplan")


@pytest.mark.skipif(not PROGRAM.exists(), reason="the sprintplan program is not installed in this environment")
@pytest.mark.parametrize("output", ["--ics", "--csv"])
def test_the_real_program_exports_a_name_with_a_line_break_or_refuses_the_file_in_one_line(
    tmp_path: Path, output: str
) -> None:
    path = tmp_path / "squad.sprintplan"
    save(demo_season(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["name"] = "Sprint squad\n2026/27"
    document["athletes"][0]["name"] = "Łucja\nNowak"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "squad.out"
    result = subprocess.run(
        [str(PROGRAM), "export", str(path), output, str(out)],
        capture_output=True, text=True, check=False, timeout=120,
    )
    # Files with such names are for the document rules to refuse (one line, status 2);
    # whatever gets as far as the writer is written.
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.count("\n") == 1 and not out.exists()
    else:
        assert result.returncode == 0, result.stderr
        data = out.read_bytes()
        if output == "--ics":
            calendar = assert_a_well_formed_calendar(data)
            assert str(calendar["X-WR-CALNAME"]).startswith("Sprint squad 2026/27: Łucja Nowak, ")
        else:
            assert "Łucja\nNowak" in data.decode("utf-8-sig")
