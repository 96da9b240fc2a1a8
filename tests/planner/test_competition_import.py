"""Importing competitions from CSV and iCalendar files: the preview and applying it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.competition_import import (
    ImportPreview,
    ImportSourceError,
    NewCompetition,
    apply_import,
    preview_csv,
    preview_file,
    preview_ics,
)
from planner.demo import demo_season
from planner.edits import change_season
from planner.model import Priority, Season

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
FEDERATION = FIXTURES / "federation.ics"
SPREADSHEET = FIXTURES / "competitions.csv"


@pytest.fixture(scope="module")
def season() -> Season:
    """The demo season: 2026-10-05 to 2027-09-05, National Championships from 2027-07-23."""
    return demo_season()


def ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\nUID:{i}@test\r\n{e.strip()}\r\nEND:VEVENT\r\n" for i, e in enumerate(events))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n".encode()


def only(preview: ImportPreview) -> NewCompetition:
    assert not preview.refused, preview.refused
    assert len(preview.accepted) == 1
    return preview.accepted[0].competition


def reasons(preview: ImportPreview) -> dict[str, str]:
    return {r.source: r.reason for r in preview.refused}


# ---------------------------------------------------------------------------------------------
# A federation calendar


def test_federation_calendar_accepts_the_good_events(season: Season) -> None:
    preview = preview_file(season, FEDERATION)
    assert preview.source_name == "federation.ics"
    assert [(a.source, a.competition) for a in preview.accepted] == [
        (
            "event 1 (UID 2027-001@federation.example)",
            # DTEND 2027-02-22 is exclusive: the last day is the 21st.
            NewCompetition("Hallen-DM", date(2027, 2, 20), date(2027, 2, 21), Priority.A, indoor=True),
        ),
        (
            "event 2 (UID 2027-002@federation.example)",
            # Timed, 12 June 10:00 to 13 June 18:00: both days.
            NewCompetition("Landesmeisterschaften", date(2027, 6, 12), date(2027, 6, 13), Priority.B, indoor=False),
        ),
        (
            "event 3 (UID 2027-003@federation.example)",
            # No DTEND: one day. "Halle (Saale)" as a location is the town, not a hall.
            NewCompetition("Werfertage", date(2027, 5, 15), date(2027, 5, 15), Priority.C, indoor=False),
        ),
        (
            "event 11 (UID 2027-011@federation.example)",
            # 18:00 to midnight is one evening, not two days.
            NewCompetition("Abendsportfest", date(2027, 6, 26), date(2027, 6, 26), Priority.C, indoor=False),
        ),
        (
            "event 13 (UID 2027-013@federation.example)",
            NewCompetition("Winterwurf-Meeting", date(2027, 1, 30), date(2027, 1, 30), Priority.B, indoor=True),
        ),
    ]


def test_federation_calendar_refuses_the_bad_events_with_reasons(season: Season) -> None:
    refused = reasons(preview_file(season, FEDERATION))
    assert refused == {
        "event 4 (UID 2026-044@federation.example)":
            "'Hallen-Cup 2026' (2026-02-14) is outside the season 2026-10-05 to 2027-09-05",
        "event 5 (UID 2027-005@federation.example)": "missing name (SUMMARY)",
        "event 6 (UID 2027-006@federation.example)":
            "'Sommersportfest' ends (2027-07-08) before it starts (2027-07-10)",
        "event 7 (UID 2027-007@federation.example)":
            "'NATIONAL championships' on 2027-07-23 is already in the season",
        "event 8 (UID training@club.example)":
            "a repeating event (RRULE); list each competition as an event of its own",
        "event 9 (UID 2027-009@federation.example)": "the event is cancelled",
        "event 10 (UID 2027-010@federation.example)": "'Frühjahrsmeeting': unreadable DTSTART '2027-13-45'",
        "event 12 (UID 2027-012@federation.example)":
            "'Landesmeisterschaften' on 2027-06-12 repeats event 2 (UID 2027-002@federation.example)",
    }


@pytest.mark.parametrize(
    ("dates", "first", "last"),
    [
        ("DTSTART;VALUE=DATE:20270612\r\nDTEND;VALUE=DATE:20270613", date(2027, 6, 12), date(2027, 6, 12)),
        ("DTSTART;VALUE=DATE:20270612\r\nDTEND;VALUE=DATE:20270615", date(2027, 6, 12), date(2027, 6, 14)),
        # DTEND equal to DTSTART is invalid but common: still that one day.
        ("DTSTART;VALUE=DATE:20270612\r\nDTEND;VALUE=DATE:20270612", date(2027, 6, 12), date(2027, 6, 12)),
        ("DTSTART;VALUE=DATE:20270612\r\nDURATION:P2D", date(2027, 6, 12), date(2027, 6, 13)),
        ("DTSTART:20270612T090000Z\r\nDTEND:20270612T170000Z", date(2027, 6, 12), date(2027, 6, 12)),
        ("DTSTART:20270612T090000\r\nDURATION:PT30H", date(2027, 6, 12), date(2027, 6, 13)),
        ("DTSTART:20270612T090000", date(2027, 6, 12), date(2027, 6, 12)),
    ],
)
def test_first_and_last_day(season: Season, dates: str, first: date, last: date) -> None:
    c = only(preview_ics(season, ics(f"SUMMARY:Meeting\r\n{dates}")))
    assert (c.start, c.end) == (first, last)


@pytest.mark.parametrize(
    ("lines", "priority", "name"),
    [
        ("SUMMARY:[A] Europameisterschaften", Priority.A, "Europameisterschaften"),
        ("SUMMARY:[b]  Cup", Priority.B, "Cup"),
        ("SUMMARY:Cup\r\nCATEGORIES:Priority A", Priority.A, "Cup"),
        ("SUMMARY:Cup\r\nCATEGORIES:Leichtathletik,B", Priority.B, "Cup"),
        ("SUMMARY:Cup\r\nCATEGORIES:A-Meeting", Priority.A, "Cup"),
        ("SUMMARY:[C] Cup\r\nCATEGORIES:Priority A", Priority.C, "Cup"),
        ("SUMMARY:Cup\r\nCATEGORIES:Athletics", Priority.C, "Cup"),
        ("SUMMARY:Athletics A to Z", Priority.C, "Athletics A to Z"),
    ],
)
def test_priority_from_a_prefix_or_a_category(season: Season, lines: str, priority: Priority, name: str) -> None:
    c = only(preview_ics(season, ics(f"{lines}\r\nDTSTART;VALUE=DATE:20270612")))
    assert (c.priority, c.name) == (priority, name)


@pytest.mark.parametrize(
    ("lines", "indoor"),
    [
        ("SUMMARY:Indoor Open", True),
        ("SUMMARY:Hallen-DM", True),
        ("SUMMARY:Deutsche Hallenmeisterschaften", True),
        ("SUMMARY:Sportfest\r\nLOCATION:Leichtathletikhalle Dortmund", True),
        ("SUMMARY:Meeting\r\nCATEGORIES:Indoor", True),
        ("SUMMARY:Meeting en salle", True),
        ("SUMMARY:Meeting\r\nLOCATION:Halle (Saale)", False),
        ("SUMMARY:Meeting\r\nLOCATION:Sportpark", False),
        ("SUMMARY:Indoor Open\r\nCATEGORIES:Outdoor", False),
        ("SUMMARY:Outdoor opener", False),
    ],
)
def test_indoor_from_categories_summary_or_location(season: Season, lines: str, indoor: bool) -> None:
    assert only(preview_ics(season, ics(f"{lines}\r\nDTSTART;VALUE=DATE:20270612"))).indoor is indoor


def test_not_a_calendar(season: Season, tmp_path: Path) -> None:
    with pytest.raises(ImportSourceError, match="not an iCalendar file"):
        preview_ics(season, b"<html>404 Not Found</html>")
    with pytest.raises(ImportSourceError, match="not an iCalendar file"):
        preview_ics(season, b"")
    page = tmp_path / "calendar.ics"
    page.write_text("<html>Login required</html>", encoding="utf-8")
    with pytest.raises(ImportSourceError) as raised:
        preview_file(season, page)
    assert str(page) in str(raised.value)


def test_an_empty_calendar_has_nothing_to_add_or_refuse(season: Season) -> None:
    preview = preview_ics(season, ics())
    assert (preview.accepted, preview.refused) == ((), ())


# ---------------------------------------------------------------------------------------------
# CSV


def test_spreadsheet_with_semicolons_bom_and_bad_rows(season: Season) -> None:
    preview = preview_file(season, SPREADSHEET)
    jan9, aug7, aug28 = date(2027, 1, 9), date(2027, 8, 7), date(2027, 8, 28)
    assert [(a.source, a.competition) for a in preview.accepted] == [
        ("line 2", NewCompetition("Stadtmeisterschaften Halle", jan9, jan9, Priority.B, True)),
        ("line 3", NewCompetition("Spring Indoor Open", date(2027, 3, 13), date(2027, 3, 14), Priority.C, True)),
        # A quoted name over two lines: the record starts on line 15, so the next is line 17.
        ("line 15", NewCompetition("Quoted; semicolon meeting", aug7, aug7, Priority.C, False)),
        ("line 17", NewCompetition("Season Closer", aug28, aug28, Priority.C, False)),
    ]
    assert reasons(preview) == {
        "line 4": "'No Date Meeting': missing date",
        "line 5": "missing name",
        "line 6": "'Impossible Day': no such date '31.02.2027'",
        "line 7": "'Slashed Date': unreadable date '2027/05/01'; write it as 2027-07-23 or 23.07.2027",
        "line 8": "'Priority Typo': priority must be A, B or C, not 'X'",
        "line 9": "'Indoor Typo': indoor must be yes or no (or indoor/outdoor), not 'maybe'",
        "line 10": "'Backwards' ends on 2027-08-18, before it starts on 2027-08-20",
        "line 11": "'National Championships' on 2027-07-23 is already in the season",
        "line 12": "'Next Year Meeting' (2028-09-01) is outside the season 2026-10-05 to 2027-09-05",
        "line 13": "'stadtmeisterschaften HALLE' on 2027-01-09 repeats line 2",
    }


def test_commas_tabs_any_column_order_and_extra_columns(season: Season) -> None:
    text = "Name,Indoor,Notes,Date,Priority\nCity Open,no,bring spikes,2027-06-05,a\n"
    assert only(preview_csv(season, text)) == NewCompetition(
        "City Open", date(2027, 6, 5), date(2027, 6, 5), Priority.A, False
    )
    tabbed = "date\tname\tpriority\tindoor\n5.6.2027\tCity Open\tB\ttrue\n"
    assert only(preview_csv(season, tabbed)) == NewCompetition(
        "City Open", date(2027, 6, 5), date(2027, 6, 5), Priority.B, True
    )


def test_line_numbers_count_blank_lines_and_any_line_ending(season: Season) -> None:
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(["", "date,name", "2027-06-05,Open", "", "2030-01-01,Later", ""])
        preview = preview_csv(season, text)
        assert [a.source for a in preview.accepted] == ["line 3"]
        assert [r.source for r in preview.refused] == ["line 5"]


@pytest.mark.parametrize(
    ("value", "indoor"),
    [("yes", True), ("TRUE", True), ("1", True), ("Indoor", True), ("no", False), ("false", False),
     ("0", False), ("outdoor", False), ("", False)],
)
def test_indoor_values(season: Season, value: str, indoor: bool) -> None:
    assert only(preview_csv(season, f"date,name,priority,indoor\n2027-06-05,Open,C,{value}\n")).indoor is indoor


def test_a_file_without_the_columns_is_refused_as_a_whole(season: Season) -> None:
    with pytest.raises(ImportSourceError, match="missing date and name"):
        preview_csv(season, "when,what\n2027-06-05,Open\n")
    with pytest.raises(ImportSourceError, match="empty"):
        preview_csv(season, "\n\n")


def test_excel_csv_in_the_windows_code_page(season: Season, tmp_path: Path) -> None:
    path = tmp_path / "wettkämpfe.csv"
    path.write_bytes("Datum;Name\r\n".encode("cp1252"))
    with pytest.raises(ImportSourceError, match="missing date"):
        preview_file(season, path)
    path.write_bytes("date;name;priority;indoor\r\n12.06.2027;Würzburger Sportfest;B;nein\r\n".encode("cp1252"))
    preview = preview_file(season, path)
    assert preview.refused[0].reason.startswith("'Würzburger Sportfest': indoor must be yes or no")


def test_a_missing_file_names_the_file(season: Season, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(ImportSourceError, match="cannot read the file") as raised:
        preview_file(season, missing)
    assert str(missing) in str(raised.value)


def test_a_competition_longer_than_two_weeks_is_refused(season: Season) -> None:
    preview = preview_csv(season, "date,end,name\n2027-06-01,2027-06-20,Training camp\n")
    assert reasons(preview) == {"line 2": "'Training camp' (2027-06-01 to 2027-06-20) lasts more than 14 days"}


# ---------------------------------------------------------------------------------------------
# Applying


def test_apply_import_adds_exactly_the_accepted_competitions(season: Season) -> None:
    preview = preview_file(season, FEDERATION)
    imported = apply_import(season, preview)
    assert imported.competitions[: len(season.competitions)] == season.competitions
    added = imported.competitions[len(season.competitions):]
    assert [(c.name, c.start, c.end, c.priority, c.indoor) for c in added] == [
        (a.competition.name, a.competition.start, a.competition.end, a.competition.priority, a.competition.indoor)
        for a in preview.accepted
    ]
    assert [c.id for c in added] == [f"comp-{n}" for n in range(12, 12 + len(added))]
    assert all(c.athletes is None for c in added)
    # The season it started from is untouched (documents are values).
    assert season == demo_season()


def test_applying_a_preview_without_accepted_competitions_changes_nothing(season: Season) -> None:
    preview = preview_csv(season, "date,name\n2030-01-01,Far away\n")
    assert apply_import(season, preview) == season


def test_apply_import_refuses_when_the_season_changed_underneath() -> None:
    season = demo_season()
    preview = preview_csv(season, "date,name\n2027-08-28,Season Closer\n")
    shorter = change_season(season, last_day=date(2027, 8, 22))
    with pytest.raises(ValueError, match="after the season's last day"):
        apply_import(shorter, preview)
