"""Importing competitions from CSV and iCalendar files: the preview and applying it."""

from __future__ import annotations

import csv
import functools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.document.demo import demo_season
from planner.document.edits import EditError, add_competition, change_season
from planner.document.limits import MAX_NAME_LENGTH
from planner.document.model import Priority, Season
from planner.imports.competitions import (
    MAX_CALENDAR_LINES,
    MAX_COMPETITIONS,
    MAX_FILE_BYTES,
    ImportPreview,
    ImportSourceError,
    NewCompetition,
    apply_import,
    preview_csv,
    preview_file,
    preview_ics,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
FEDERATION = FIXTURES / "federation.ics"
SPREADSHEET = FIXTURES / "competitions.csv"
CLASHES = FIXTURES / "clashes.csv"
HOSTILE_CSV = FIXTURES / "hostile.csv"
HOSTILE_ICS = FIXTURES / "hostile.ics"
BROKEN_PARAMETER = FIXTURES / "broken_parameter.ics"
OVERLAP = "imported competitions enter the whole squad, and an athlete cannot race both"


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


def test_excel_unicode_text_is_read_as_a_sheet(season: Season, tmp_path: Path) -> None:
    # Excel's "Unicode text": UTF-16 with a byte-order mark, tab separated.
    path = tmp_path / "meets.txt"
    path.write_bytes("date\tname\tpriority\n2027-06-12\tWürzburger Sportfest\tB\n".encode("utf-16"))
    preview = preview_file(season, path)
    assert [(e.competition.name, e.competition.start) for e in preview.accepted] == [
        ("Würzburger Sportfest", date(2027, 6, 12))
    ]


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
    with pytest.raises(EditError) as raised:
        apply_import(shorter, preview)
    assert str(raised.value) == (
        "The season changed since the preview: line 2: 'Season Closer' (2027-08-28) is outside the "
        "season 2026-10-05 to 2027-08-22"
    )


# ---------------------------------------------------------------------------------------------
# Overlapping competitions


def test_rows_that_overlap_the_season_or_an_earlier_row_are_refused(season: Season) -> None:
    preview = preview_file(season, CLASHES)
    assert [(a.source, a.competition.name) for a in preview.accepted] == [
        ("line 4", "Two Day Meet"),
        ("line 6", "Saturday Sprint"),
    ]
    assert reasons(preview) == {
        "line 2": f"'Regional Relays' (2027-05-29) overlaps 'Regional Meeting' (2027-05-29) in the season; {OVERLAP}",
        # The championships enter one athlete only; the imported meet enters the whole squad.
        "line 3": "'Hall Sprint' (2027-02-27) overlaps 'Indoor Championships' (2027-02-27 to 2027-02-28) in the "
        f"season; {OVERLAP}",
        "line 5": "'Sunday Sprint' (2027-06-06) overlaps 'Two Day Meet' (2027-06-05 to 2027-06-06) accepted from "
        f"line 4; {OVERLAP}",
        "line 7": "'Long Weekend' (2027-06-04 to 2027-06-07) overlaps 'Two Day Meet' (2027-06-05 to 2027-06-06) "
        f"accepted from line 4; {OVERLAP}",
    }


def add_one_by_one(season: Season, rows: list[tuple[date, date]]) -> list[bool]:
    """Whether each row would be added by adding the rows one after another with the edit."""
    added = []
    seen: set[date] = set()
    for start, end in rows:
        outcome = start not in seen  # the same name ("Meet") on the same day repeats a row
        if outcome:
            try:
                season = add_competition(season, name="Meet", start=start, end=end, priority=Priority.C, indoor=False)
            except EditError:
                outcome = False
        if outcome:
            seen.add(start)
        added.append(outcome)
    return added


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=-20, max_value=360), st.integers(min_value=-2, max_value=15)),
        max_size=40,
    )
)
def test_the_preview_accepts_exactly_what_adding_row_by_row_would(offsets: list[tuple[int, int]]) -> None:
    # The preview judges with look-ups by day instead of a trial season; it must agree with
    # the edit itself about dates, lengths and overlaps.
    season = demo_season()
    rows = [
        (season.first_day + timedelta(days=first), season.first_day + timedelta(days=first + length))
        for first, length in offsets
    ]
    text = "date,end,name\n" + "".join(f"{start.isoformat()},{end.isoformat()},Meet\n" for start, end in rows)
    preview = preview_csv(season, text)
    accepted = {a.source for a in preview.accepted}
    assert [f"line {n}" in accepted for n in range(2, len(rows) + 2)] == add_one_by_one(season, rows)
    assert len(preview.accepted) + len(preview.refused) == len(rows)


def test_apply_import_gives_the_season_adding_one_by_one_gives(season: Season) -> None:
    preview = preview_file(season, CLASHES)
    one_by_one = functools.reduce(
        lambda s, c: add_competition(s, name=c.name, start=c.start, end=c.end, priority=c.priority, indoor=c.indoor),
        (a.competition for a in preview.accepted),
        season,
    )
    assert apply_import(season, preview) == one_by_one


def test_apply_import_refuses_a_competition_that_now_overlaps(season: Season) -> None:
    preview = preview_csv(season, "date,name\n2027-06-12,Saturday Sprint\n")
    crowded = add_competition(
        season, name="Club Match", start=date(2027, 6, 12), end=date(2027, 6, 12), priority=Priority.C, indoor=False
    )
    with pytest.raises(EditError) as raised:
        apply_import(crowded, preview)
    assert str(raised.value) == (
        "The season changed since the preview: line 2: 'Saturday Sprint' (2027-06-12) overlaps 'Club Match' "
        f"(2027-06-12) in the season; {OVERLAP}"
    )


# ---------------------------------------------------------------------------------------------
# Hostile files: refused rows or one line for the file, never an exception


def test_dates_far_from_any_season_are_refused_with_the_years_a_season_can_use(season: Season) -> None:
    preview = preview_file(season, HOSTILE_CSV)
    years = "is outside the years 1950 to 2150 a season can use"
    assert reasons(preview)["line 2"] == f"'Far Future': 9999-12-31 {years}"
    assert reasons(preview)["line 3"] == f"'Year One': 0001-01-01 {years}"


def test_control_characters_and_line_breaks_in_names_become_one_line(season: Season) -> None:
    preview = preview_file(season, HOSTILE_CSV)
    assert [(a.source, a.competition.name) for a in preview.accepted] == [
        ("line 4", "Tab and line break [31m red"),
    ]
    # The NUL is dropped; the rest of the row is judged as usual.
    assert reasons(preview)["line 6"].startswith("'Meeting' (2027-06-19) overlaps 'Summer Grand Prix'")


def test_hostile_calendar_events_are_refused_with_reasons(season: Season) -> None:
    preview = preview_file(season, HOSTILE_ICS)
    years = "is outside the years 1950 to 2150 a season can use"
    assert reasons(preview) == {
        "event 1 (UID long@hostile.example)":
            "'Long Meeting': DURATION of 69,999,993 days is longer than the 14 days a competition can last",
        "event 2 (UID back@hostile.example)": "'Backwards Forever': DURATION of -69,999,993 days: it ends before it "
        "starts",
        "event 3 (UID future@hostile.example)": f"'Far Future': DTSTART 9999-12-31 {years}",
        "event 4 (UID one@hostile.example)": f"'Year One': DTSTART 0001-01-01 {years}",
        "event 5 (UID zone@hostile.example)": f"'Last Evening': DTEND 9999-12-31 {years}",
        "event 6 (UID text@hostile.example)": "'Line break, tab and escape [31m red' (2027-06-19) overlaps "
        f"'Summer Grand Prix' (2027-06-19) in the season; {OVERLAP}",
    }
    # A 316-character UID is cut in the row's source.
    (accepted,) = preview.accepted
    assert accepted.source == f"event 7 (UID {'u' * 59}\u2026)"
    assert accepted.competition.name == "Long Uid Meeting"


def test_a_parameter_the_calendar_reader_cannot_read_refuses_the_file(season: Season) -> None:
    with pytest.raises(ImportSourceError) as raised:
        preview_file(season, BROKEN_PARAMETER)
    assert str(raised.value) == (
        f"{BROKEN_PARAMETER}: not an iCalendar file (a property or parameter that cannot be read)"
    )


def test_a_csv_cell_longer_than_the_csv_modules_limit_is_a_name_cut_to_fit(season: Season) -> None:
    long_name = "Sportfest " * 20_000  # 200,000 characters, over csv's 131,072
    preview = preview_csv(season, f"date,name\n2027-06-12,{long_name}\n2027-06-26,Next Meeting\n")
    assert [a.competition.name for a in preview.accepted] == [
        ("Sportfest " * 8)[:MAX_NAME_LENGTH - 1].rstrip() + "\u2026",
        "Next Meeting",
    ]
    assert len(preview.accepted[0].competition.name) <= MAX_NAME_LENGTH
    assert preview.accepted[0].name_cut_from == len(long_name.strip())
    assert preview.accepted[1].name_cut_from is None
    # The csv module's own limit is left as it was.
    assert csv.field_size_limit() == 131_072


def test_a_summary_of_megabytes_is_a_name_cut_to_fit(season: Season) -> None:
    summary = "Meeting" + "x" * 4_000_000
    preview = preview_ics(season, ics(f"SUMMARY:{summary}\r\nDTSTART;VALUE=DATE:20270612"))
    (accepted,) = preview.accepted
    assert accepted.competition.name == summary[:MAX_NAME_LENGTH - 1] + "\u2026"
    assert accepted.name_cut_from == len(summary)


def test_a_name_just_long_enough_is_kept_whole(season: Season) -> None:
    name = "N" * MAX_NAME_LENGTH
    preview = preview_csv(season, f"date,name\n2027-06-12,{name}\n")
    assert (preview.accepted[0].competition.name, preview.accepted[0].name_cut_from) == (name, None)


def test_values_quoted_in_a_refusal_are_short(season: Season) -> None:
    preview = preview_csv(season, f"date,name\n{'2' * 1_000_000},Meeting\n")
    (refused,) = preview.refused
    assert refused.reason == f"'Meeting': unreadable date '{'2' * 39}\u2026'; write it as 2027-07-23 or 23.07.2027"
    with pytest.raises(ImportSourceError) as raised:
        preview_csv(season, "when,what,".join(["x" * 500] * 20) + "\n")
    assert len(str(raised.value)) < 600


def test_a_summary_of_ten_megabytes_refuses_the_file(season: Season, tmp_path: Path) -> None:
    path = tmp_path / "huge.ics"
    path.write_bytes(ics("SUMMARY:" + "x" * 10_000_000 + "\r\nDTSTART;VALUE=DATE:20270612"))
    with pytest.raises(ImportSourceError) as raised:
        preview_file(season, path)
    assert str(raised.value) == (
        f"{path}: the file is 10.0 MB; an import reads files of up to 5 MB with at most 2,000 competitions"
    )


def test_the_limit_is_on_the_bytes(season: Season) -> None:
    assert MAX_FILE_BYTES == 5_000_000
    with pytest.raises(ImportSourceError, match="up to 5 MB"):
        preview_ics(season, b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(ImportSourceError, match="up to 5 MB"):
        preview_csv(season, " " * (MAX_FILE_BYTES + 1))


def many_events(count: int) -> bytes:
    days = [date(2026, 10, 5) + timedelta(days=n % 330) for n in range(count)]
    return ics(*(f"SUMMARY:Meeting {n}\r\nDTSTART;VALUE=DATE:{day:%Y%m%d}" for n, day in enumerate(days)))


def test_more_competitions_than_the_import_takes_refuse_the_file(season: Season) -> None:
    too_many = f"it holds more than {MAX_COMPETITIONS:,} competitions; an import reads files of up to 5 MB"
    with pytest.raises(ImportSourceError, match=too_many):
        preview_ics(season, many_events(MAX_COMPETITIONS + 1))
    rows = "".join(f"2027-06-12,Meeting {n}\n" for n in range(MAX_COMPETITIONS + 1))
    with pytest.raises(ImportSourceError, match=too_many):
        preview_csv(season, "date,name\n" + rows)
    # Blank lines are not competitions, and the limit itself is fine.
    preview = preview_csv(season, "date,name\n" + "\n\n".join(rows.splitlines()[:MAX_COMPETITIONS]))
    assert len(preview.accepted) + len(preview.refused) == MAX_COMPETITIONS
    preview = preview_ics(season, many_events(MAX_COMPETITIONS))
    assert len(preview.accepted) + len(preview.refused) == MAX_COMPETITIONS


def test_a_calendar_of_too_many_lines_is_refused_before_it_is_read(season: Season) -> None:
    padding = "\r\n".join(f"X-PADDING:{n}" for n in range(MAX_CALENDAR_LINES))
    with pytest.raises(ImportSourceError, match=f"more than the {MAX_CALENDAR_LINES:,} a calendar"):
        preview_ics(season, ics(f"SUMMARY:Meeting\r\nDTSTART;VALUE=DATE:20270612\r\n{padding}"))
    # Folded lines are one line each: a long description folded over many lines is fine.
    folded = "DESCRIPTION:" + "\r\n ".join(["word " * 14] * (MAX_CALENDAR_LINES + 10))
    assert only(preview_ics(season, ics(f"SUMMARY:Meeting\r\nDTSTART;VALUE=DATE:20270612\r\n{folded}"))).name == (
        "Meeting"
    )


def test_deeply_nested_components_do_not_crash(season: Season) -> None:
    depth = MAX_CALENDAR_LINES // 2 - 20
    nested = "BEGIN:X-BOX\r\n" * depth + "END:X-BOX\r\n" * depth
    data = ics(f"SUMMARY:Meeting\r\nDTSTART;VALUE=DATE:20270612\r\n{nested}")
    try:
        preview = preview_ics(season, data)
    except ImportSourceError as error:
        assert "not an iCalendar file" in str(error)
    else:
        assert len(preview.accepted) + len(preview.refused) == 1
