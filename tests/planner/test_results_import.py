"""Reading a filled-in spreadsheet export back as records: the round trip, the preview row by
row, the refusals and the files refused whole."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from results_sheet import TODAY, Sheet, demo, sessions_of

from planner.document.edits import (
    EditError,
    change_season,
    convert_units,
    mark_missed,
    record_session,
    remove_record,
)
from planner.document.model import Season, Units
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord, planned_set
from planner.document.sessions import Session, SessionKind
from planner.engine.freeze import frozen_days, settle
from planner.engine.generator import generate
from planner.engine.results import record_result
from planner.export.csv import csv_text
from planner.imports import results as results_module
from planner.imports.results import (
    MAX_FILE_BYTES,
    ResultsPreview,
    ResultsSourceError,
    RowState,
    apply_results,
    preview_results,
    preview_results_file,
)

W, P = SessionKind.WEIGHTS, SessionKind.PLYOMETRICS


def preview(sheet: Sheet, today: date = TODAY, season: Season | None = None) -> ResultsPreview:
    return preview_results(season or demo(), sheet.text(), today=today, source_name="sheet.csv")


def weights(athlete_id: str = "ath-1", n: int = 0) -> Session:
    return sessions_of(athlete_id, W)[n]


# ---------------------------------------------------------------------------------------------
# The round trip


def test_typed_values_come_back_as_the_record_and_export_again_as_typed() -> None:
    sheet = Sheet.of(demo())
    session = weights()
    rows = sheet.session("ath-1", session.date, W)
    first = session.items[0]
    typed = [("6", "45", "")] * first.sets
    for row in rows:
        row.update(done_status="partly done", effort="7,5", minutes="52", note="=knee niggle")
    for row, (reps, load, _) in zip((r for r in rows if r["item"] == "1"), typed, strict=True):
        row.update(done_reps=reps, done_load=load)
    result = preview(sheet)
    assert [r.state for r in result.rows] == [RowState.RECORD] * len(rows)
    assert result.refused == ()
    assert len(result.records) == 1
    season = apply_results(demo(), result, today=TODAY)
    record = season.find_record(("ath-1", session.date, W))
    assert record is not None
    assert record.status is RecordStatus.PARTLY_DONE
    assert (record.effort, record.minutes, record.note) == (7.5, 52, "=knee niggle")
    assert record.units is Units.KG
    assert record.planned == session
    assert record.items[0] == DoneItem(first.exercise_id, (DoneSet(6, 45.0),) * first.sets)
    assert all(done.sets == () for done in record.items[1:])
    assert len(record.items) == len(session.items)
    # Exported again, the sheet holds what was typed (the note escaped as text again), and
    # importing it changes nothing.
    again = Sheet.of(season)
    back = again.session("ath-1", session.date, W)
    assert [(r["done_reps"], r["done_load"]) for r in back if r["item"] == "1"] == [("6", "45")] * first.sets
    assert {(r["done_status"], r["effort"], r["minutes"], r["note"]) for r in back} == {
        ("partly done", "7.5", "52", "'=knee niggle")
    }
    same = preview(again, season=season)
    assert same.records == ()
    assert {r.state for r in same.rows} == {RowState.UNCHANGED}
    assert len(same.rows) == len(back)


def test_done_alone_records_the_session_as_done_as_planned_and_reads_back_unchanged() -> None:
    sheet = Sheet.of(demo())
    session = weights(n=1)
    rows = sheet.session("ath-1", session.date, W)
    rows[0]["done_status"] = "done"
    result = preview(sheet)
    [record] = result.records
    assert (record.status, record.items, record.planned) == (RecordStatus.DONE, (), session)
    assert all("done as planned" in r.what for r in result.rows)
    season = apply_results(demo(), result, today=TODAY)
    again = preview(Sheet.of(season), season=season)
    assert again.records == () and {r.state for r in again.rows} == {RowState.UNCHANGED}


def test_done_with_some_sets_given_counts_the_others_as_prescribed() -> None:
    sheet = Sheet.of(demo())
    session = weights(n=1)
    rows = sheet.session("ath-1", session.date, W)
    rows[0].update(done_status="done", done_reps="3", done_load="30")
    [record] = preview(sheet).records
    first = session.items[0]
    assert record.items[0].sets == (DoneSet(3, 30.0),) + (DoneSet(first.reps, first.load, first.distance_m),) * (
        first.sets - 1
    )
    for item, done in zip(session.items[1:], record.items[1:], strict=True):
        assert done.sets == (DoneSet(item.reps, item.load, item.distance_m),) * item.sets


def test_values_without_a_status_are_done_when_every_set_is_given_and_partly_done_otherwise() -> None:
    sheet = Sheet.of(demo())
    whole, part = sessions_of("ath-1", P)[:2]
    for row in sheet.session("ath-1", whole.date, P):
        row["done_reps"] = row["reps"]
    sheet.session("ath-1", part.date, P)[0]["done_reps"] = "1"
    statuses = {r.date: r.status for r in preview(sheet).records}
    assert statuses == {whole.date: RecordStatus.DONE, part.date: RecordStatus.PARTLY_DONE}


def test_missed_records_no_sets_and_keeps_the_note() -> None:
    sheet = Sheet.of(demo())
    session = weights(n=2)
    for row in sheet.session("ath-1", session.date, W):
        row.update(done_status="missed", note="ill")
    [record] = preview(sheet).records
    assert (record.status, record.items, record.note) == (RecordStatus.MISSED, (), "ill")


def test_an_extra_set_row_is_an_extra_set_and_a_lb_athlete_keeps_lb() -> None:
    sheet = Sheet.of(demo())
    session = weights("ath-4")
    rows = sheet.session("ath-4", session.date, W)
    last = max((r for r in rows if r["item"] == "1"), key=lambda r: int(r["set"]))
    extra = dict(last, set=str(int(last["set"]) + 1), done_reps="3", done_load="225")
    sheet.rows.insert(sheet.rows.index(last) + 1, extra)
    rows[0]["done_status"] = "done"
    [record] = preview(sheet).records
    assert record.units is Units.LB
    item = session.items[0]
    assert record.items[0].sets == (DoneSet(item.reps, item.load, item.distance_m),) * item.sets + (DoneSet(3, 225.0),)


def test_a_semicolon_sheet_with_decimal_commas_in_the_windows_code_page_reads(tmp_path: Path) -> None:
    sheet = Sheet.of(demo())
    session = weights()
    rows = sheet.session("ath-1", session.date, W)
    rows[0].update(done_status="done", done_reps="5", done_load="47,5", note="Schön")
    path = tmp_path / "sheet.csv"
    path.write_bytes(sheet.text(";").encode("cp1252", errors="replace"))  # as Excel writes Ł: "?"
    [record] = preview_results_file(demo(), path, today=TODAY).records
    assert record.items[0].sets[0] == DoneSet(5, 47.5)
    assert record.note == "Schön"


def test_a_utf16_tab_separated_sheet_reads(tmp_path: Path) -> None:
    sheet = Sheet.of(demo())
    session = weights()
    sheet.session("ath-1", session.date, W)[0]["done_status"] = "missed"
    path = tmp_path / "sheet.txt"
    path.write_bytes(sheet.text("\t").encode("utf-16"))
    assert [r.status for r in preview_results_file(demo(), path, today=TODAY).records] == [RecordStatus.MISSED]


def test_a_sheet_with_nothing_typed_records_nothing() -> None:
    sheet = Sheet.of(demo())
    result = preview(sheet)
    assert result.rows == () and result.records == ()
    assert result.blank_rows == len(sheet.rows)
    assert apply_results(demo(), result, today=TODAY) is demo()


# ---------------------------------------------------------------------------------------------
# Rows refused, each with its reason; a session with one is refused whole


def refused_for(sheet: Sheet, rows: list[dict[str, str]], bad: dict[str, str]) -> str:
    """The reason the bad row gets; every other row of its session is refused naming it."""
    result = preview(sheet)
    line = sheet.line_of(bad)
    by_line = {int(r.source.removeprefix("line ")): r for r in result.rows}
    assert result.records == ()
    for row in rows:
        entry = by_line[sheet.line_of(row)]
        assert entry.state is RowState.REFUSED
        if row is not bad and entry.reason.startswith("not recorded"):
            assert entry.reason == f"not recorded: line {line} of the same session is refused"
    return by_line[line].reason


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"done_reps": "5", "done_load": "-40"}, "the load done cannot be negative, found -40"),
        ({"done_reps": "-5"}, "the reps done cannot be negative, found -5"),
        ({"done_reps": "5", "effort": "11"}, "the effort must be 0 to 10, found 11"),
        ({"done_reps": "5", "minutes": "601"}, "the minutes must be 0 to 600, found 601"),
        ({"done_reps": "101"}, "the reps done must be 0 to 100, found 101"),
        ({"done_reps": "5", "done_load": "601"}, "the load done must be 0 to 600 kg, found 601 kg"),
        ({"done_reps": "five"}, "the reps done 'five' is not a number"),
        ({"done_reps": "5.5"}, "the reps done must be a whole number, found 5.5"),
        ({"done_load": "40"}, "a load or distance without the reps done"),
        ({"done_status": "kind of"}, "the status must be done, partly done or missed, not 'kind of'"),
        ({"done_reps": "5", "exercise": "Bench press"}, "not 'Bench press'"),
        ({"done_reps": "5", "item": "99"}, "item '99' is not one of the session's"),
        ({"done_reps": "5", "set": "21"}, "the set number must be 1 to 20"),
    ],
)
def test_a_bad_value_refuses_its_row_and_its_session(cells: dict[str, str], reason: str) -> None:
    sheet = Sheet.of(demo())
    session = weights()
    rows = sheet.session("ath-1", session.date, W)
    for row in rows:
        row["done_status"] = "done"
    rows[1].update(cells)
    assert reason in refused_for(sheet, rows, rows[1])


def test_other_sessions_are_recorded_beside_a_refused_one() -> None:
    sheet = Sheet.of(demo())
    good, bad = sessions_of("ath-1", W)[:2]
    sheet.session("ath-1", good.date, W)[0]["done_status"] = "done"
    sheet.session("ath-1", bad.date, W)[0].update(done_reps="5", effort="11")
    result = preview(sheet)
    assert [(r.athlete_id, r.date) for r in result.records] == [("ath-1", good.date)]
    assert len(result.refused) == len(sheet.session("ath-1", bad.date, W))


def test_rows_that_contradict_each_other_are_refused() -> None:
    sheet = Sheet.of(demo())
    session = weights()
    rows = sheet.session("ath-1", session.date, W)
    rows[0].update(done_status="done", effort="6")
    rows[2]["effort"] = "7"
    assert refused_for(sheet, rows, rows[2]) == f"the effort 7 contradicts 6 on line {sheet.line_of(rows[0])}"


def test_a_set_given_twice_with_other_values_is_refused_and_the_same_values_twice_are_not() -> None:
    sheet = Sheet.of(demo())
    session = weights()
    rows = sheet.session("ath-1", session.date, W)
    rows[0].update(done_reps="5", done_load="40")
    twin = dict(rows[0])
    sheet.rows.insert(sheet.rows.index(rows[0]) + 1, twin)
    assert len(preview(sheet).records) == 1
    twin["done_load"] = "45"
    reason = refused_for(sheet, sheet.session("ath-1", session.date, W), twin)
    assert reason == f"item 1, set 1 is on line {sheet.line_of(rows[0])} too, with other values"


def test_sets_done_in_a_missed_session_are_refused() -> None:
    sheet = Sheet.of(demo())
    session = weights()
    rows = sheet.session("ath-1", session.date, W)
    rows[0]["done_status"] = "missed"
    rows[1]["done_reps"] = "5"
    assert refused_for(sheet, rows, rows[1]) == "the session is marked missed, but this row has reps done"


def test_an_unknown_athlete_a_session_not_planned_and_a_day_after_today_are_refused() -> None:
    sheet = Sheet.of(demo())
    session = weights()
    rows = sheet.session("ath-1", session.date, W)
    for row in rows:
        row.update(athlete_id="ath-99", done_status="done")
    assert "no athlete with the id 'ath-99' in the season" in refused_for(sheet, rows, rows[0])

    sheet = Sheet.of(demo())
    plan_days = {s.date for s in sessions_of("ath-1", W)}
    empty = next(d for d in (session.date + timedelta(days=n) for n in range(1, 20)) if d not in plan_days)
    rows = sheet.session("ath-1", session.date, W)
    for row in rows:
        row.update(date=empty.isoformat(), done_status="done")
    reason = refused_for(sheet, rows, rows[0])
    assert reason == f"no weights session is planned for Łucja Wiśniewska on {empty.isoformat()}"

    sheet = Sheet.of(demo())
    rows = sheet.session("ath-1", session.date, W)
    rows[0]["done_status"] = "done"
    early = preview(sheet, today=session.date - timedelta(days=1))
    assert early.records == ()
    assert {r.reason for r in early.rows} == {
        f"{session.date.isoformat()} is after today ({(session.date - timedelta(days=1)).isoformat()}): "
        "it has not happened yet"
    }


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("2026-09-30", "2026-09-30 is outside the season 2026-10-05 to 2027-09-05"),
        ("2026-02-30", "no such date '2026-02-30'"),
        ("11/03/2026", "unreadable date '11/03/2026'; write it as 2026-11-02 or 02.11.2026"),
        ("1066-10-14", "the date "),
    ],
)
def test_a_date_outside_the_season_or_unreadable_is_refused(day: str, reason: str) -> None:
    sheet = Sheet.of(demo())
    rows = sheet.session("ath-1", weights().date, W)
    rows[0].update(date=day, done_status="done")
    [entry] = [r for r in preview(sheet).rows]
    assert entry.state is RowState.REFUSED and entry.reason.startswith(reason), entry.reason


def test_a_row_from_another_season_is_refused() -> None:
    sheet = Sheet.of(demo())
    rows = sheet.session("ath-1", weights().date, W)
    rows[0].update(season_id=str(UUID(int=7)), done_status="done")
    assert refused_for(sheet, rows, rows[0]).startswith("the row is from another season")


def test_an_import_into_a_season_changed_since_the_preview_records_nothing() -> None:
    sheet = Sheet.of(demo())
    session = weights()
    sheet.session("ath-1", session.date, W)[0]["done_status"] = "done"
    result = preview(sheet)
    shrunk = change_season(demo()._replace(competitions=()), last_day=session.date - timedelta(days=1))
    with pytest.raises(EditError, match=r"^Nothing was recorded: .*outside the season"):
        apply_results(shrunk, result, today=TODAY)


def test_a_recorded_session_is_read_against_the_session_as_it_was_planned() -> None:
    session = weights()
    season = mark_missed(demo(), "ath-1", session.date, W, session)
    sheet = Sheet.of(season)
    for row in sheet.session("ath-1", session.date, W):
        row["done_status"] = "done"
    [record] = preview(sheet, season=season).records
    assert record.planned == session and record.status is RecordStatus.DONE
    assert remove_record(apply_results(season, preview(sheet, season=season), today=TODAY), "ath-1", session.date, W)


def _lifts_and_dumbbells() -> Session:
    """A weights session of ath-1 with a barbell load prescribed and an item without one."""
    return next(
        s for s in sessions_of("ath-1", W)
        if any(i.load is not None for i in s.items) and any(i.load is None for i in s.items)
    )


def test_a_record_reads_back_unchanged_after_the_athlete_switches_units() -> None:
    session = _lifts_and_dumbbells()
    items = tuple(
        DoneItem(i.exercise_id, (planned_set(i, Units.KG) if i.load is not None else DoneSet(i.reps, 12.0),) * i.sets)
        for i in session.items
    )
    record = SessionRecord("ath-1", session.date, W, RecordStatus.DONE, session, Units.KG, items, 7.0, 60)
    season = convert_units(record_session(demo(), "ath-1", session.date, W, record), "ath-1", Units.LB)
    sheet = Sheet.of(season)
    rows = sheet.session("ath-1", session.date, W)
    # Every load of the record says the unit it was recorded in, the dumbbells' too.
    assert {r["unit"] for r in rows if r["done_load"]} == {"kg"}
    assert "12" in {r["done_load"] for r in rows if r["load"] == ""}
    # A session not recorded yet is typed in the athlete's units now.
    other = next(s for s in sessions_of("ath-1", W) if s.date != session.date)
    dumbbell = next(i for i, item in enumerate(other.items) if item.load is None)
    typed = next(r for r in sheet.session("ath-1", other.date, W) if r["item"] == str(dumbbell + 1))
    assert typed["unit"] == ""
    typed.update(done_status="partly done", done_reps="8", done_load="25")
    result = preview(sheet, season=season)
    assert result.refused == ()
    [new] = result.records
    assert new.date == other.date and new.units is Units.LB
    assert new.items[dumbbell].sets == (DoneSet(8, 25.0),)
    assert {r.state for r in result.rows if session.date.isoformat() in r.session} == {RowState.UNCHANGED}
    assert apply_results(season, result, today=TODAY).find_record(record.key) == record


def test_a_load_typed_in_another_unit_is_kept_in_the_records_own() -> None:
    session = _lifts_and_dumbbells()
    season = convert_units(mark_missed(demo(), "ath-1", session.date, W, session), "ath-1", Units.LB)
    sheet = Sheet.of(season)
    loaded = next(i for i, item in enumerate(session.items) if item.load is not None)
    row = next(r for r in sheet.session("ath-1", session.date, W) if r["item"] == str(loaded + 1))
    assert row["unit"] == "kg"
    for r in sheet.session("ath-1", session.date, W):
        r["done_status"] = "partly done"
    row.update(done_reps="5", done_load="100", unit="lb")
    [record] = preview(sheet, season=season).records
    assert record.units is Units.KG
    assert record.items[loaded].sets == (DoneSet(5, 45.4),)


def test_a_done_record_with_fewer_sets_than_prescribed_reads_back_unchanged() -> None:
    session = weights()
    first = session.items[0]
    assert first.sets > 1
    # The coach chose "done" by hand with a set of the first item left out.
    items = tuple(
        DoneItem(i.exercise_id, (planned_set(i, Units.KG),) * (i.sets - 1 if n == 0 else i.sets))
        for n, i in enumerate(session.items)
    )
    record = SessionRecord("ath-1", session.date, W, RecordStatus.DONE, session, Units.KG, items, 6.0)
    season = record_session(demo(), "ath-1", session.date, W, record)
    sheet = Sheet.of(season)
    result = preview(sheet, season=season)
    assert (result.records, result.refused) == ((), ())
    assert {r.state for r in result.rows} == {RowState.UNCHANGED}
    left_out = next(r for r in sheet.session("ath-1", session.date, W) if r["item"] == "1" and r["done_reps"] == "")
    assert left_out["set"] == str(first.sets)
    [what] = [r.what for r in result.rows if r.source == f"line {sheet.line_of(left_out)}"]
    assert what == f"{first.name}, set {first.sets}: not done"
    # A changed effort records the session again, with the same sets.
    for row in sheet.session("ath-1", session.date, W):
        row["effort"] = "8"
    assert preview(sheet, season=season).records == (record._replace(effort=8.0),)
    # With every set cleared, "done" is the session ticked done as planned, as on any sheet.
    for row in sheet.session("ath-1", session.date, W):
        row.update(done_reps="", done_load="")
    cleared = preview(sheet, season=season)
    assert cleared.records == (record._replace(items=(), effort=8.0),)
    assert cleared.rows and all(": done as planned (" in r.what for r in cleared.rows)


def test_an_empty_set_of_a_session_recorded_without_sets_is_done_as_prescribed() -> None:
    sheet = Sheet.of(demo())
    session = weights(n=1)
    sheet.session("ath-1", session.date, W)[0]["done_status"] = "done"
    season = apply_results(demo(), preview(sheet), today=TODAY)
    assert season.find_record(("ath-1", session.date, W)) is not None
    # The record has no sets, so its sheet's empty rows say nothing about them.
    sheet = Sheet.of(season)
    sheet.session("ath-1", session.date, W)[0].update(done_reps="3", done_load="30")
    [record] = preview(sheet, season=season).records
    first = session.items[0]
    assert record.items[0].sets == (DoneSet(3, 30.0),) + (DoneSet(first.reps, first.load, first.distance_m),) * (
        first.sets - 1
    )


# ---------------------------------------------------------------------------------------------
# Files refused whole


def test_a_sheet_from_another_season_is_refused_whole() -> None:
    other = demo()._replace(id=UUID(int=5), name="Last year")
    sheet = Sheet.of(other)
    sheet.session("ath-1", weights().date, W)[0]["done_status"] = "done"
    with pytest.raises(ResultsSourceError, match="exported from another season, not from 'Sprint squad 2026/27'"):
        preview(sheet)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01PK\x03\x04binary", "not a spreadsheet saved as CSV: it holds binary data"),
        (b"date,name,priority\r\n2026-11-02,Meet,A\r\n", "the first line must name the columns"),
        (b"\xff\xfe\x00\xd8", "not readable as text (broken UTF-16)"),
    ],
)
def test_a_file_that_is_not_the_export_is_refused_in_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with pytest.raises(ResultsSourceError) as error:
        preview_results_file(demo(), path, today=TODAY)
    assert message in str(error.value) and str(error.value).startswith(str(path))
    assert "\n" not in str(error.value)


def test_a_huge_file_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 10)
    with pytest.raises(ResultsSourceError, match="larger than 20 MB"):
        preview_results_file(demo(), path, today=TODAY)


def test_a_missing_file_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(ResultsSourceError, match=r"cannot read the file \(No such file or directory\)"):
        preview_results_file(demo(), tmp_path / "gone.csv", today=TODAY)


def test_recording_keeps_the_days_before_today_and_the_recorded_day_as_planned() -> None:
    sheet = Sheet.of(demo())
    session = weights()
    sheet.session("ath-1", session.date, W)[0]["done_status"] = "done"
    # Run as of the recorded day itself: the days before it are past, the day is recorded.
    season = apply_results(demo(), preview(sheet, today=session.date), today=session.date)
    kept = frozen_days(season, "ath-1")
    assert session.date in kept
    assert max(kept) == session.date
    assert min(kept) == demo().first_day
    day = generate(season, "ath-1").day(session.date)
    assert day is not None and day.frozen
    assert session in day.sessions


# ---------------------------------------------------------------------------------------------
# Any record exported reads back equal


ROUND_TRIP_SESSIONS = sessions_of("ath-1", W)[:4] + sessions_of("ath-1", P)[:3]
_NOTE_TEXT = st.text(
    alphabet=st.one_of(st.characters(categories=["L", "N", "P", "S"]), st.sampled_from(" \n=+-@'\";,")),
    max_size=40,
).map(str.strip)


@st.composite
def records(draw: st.DrawFn) -> SessionRecord:
    session = draw(st.sampled_from(ROUND_TRIP_SESSIONS))
    status = draw(st.sampled_from(list(RecordStatus)))
    items: tuple[DoneItem, ...] = ()
    if status is not RecordStatus.MISSED and draw(st.booleans()):
        done_set = st.builds(
            DoneSet,
            reps=st.integers(0, 100),
            load=st.one_of(st.none(), st.integers(0, 2400).map(lambda quarter: quarter / 4)),
            distance_m=st.one_of(st.none(), st.integers(0, 2000).map(lambda half: half / 2)),
        )
        sets = []
        for item in session.items:
            # A session done in full has every prescribed set; partly done, any run of sets.
            least = item.sets if status is RecordStatus.DONE else 0
            sets.append(tuple(draw(st.lists(done_set, min_size=least, max_size=min(item.sets + 2, 20)))))
        if any(sets):
            items = tuple(DoneItem(item.exercise_id, done) for item, done in zip(session.items, sets, strict=True))
    return SessionRecord(
        "ath-1",
        session.date,
        session.kind,
        status,
        session,
        items=items,
        effort=draw(st.one_of(st.none(), st.integers(0, 20).map(lambda half: half / 2))),
        minutes=draw(st.one_of(st.none(), st.integers(0, 600))),
        note=draw(_NOTE_TEXT),
    )


@settings(max_examples=40, deadline=None)
@given(record=records(), delimiter=st.sampled_from([",", ";", "\t"]))
def test_any_record_exported_to_the_sheet_reads_back_equal(record: SessionRecord, delimiter: str) -> None:
    season = record_session(demo(), "ath-1", record.date, record.kind, record)
    plan = generate(season, "ath-1")
    start = (record.date - demo().first_day).days
    week = dataclasses.replace(plan, days=plan.days[start - 1 : start + 2])
    lines = list(csv.reader(io.StringIO(csv_text(season, [week]))))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(lines)
    result = preview_results(demo(), out.getvalue(), today=TODAY)
    assert result.refused == ()
    assert result.records == (record,)
    # And into the season that holds it: nothing to record again.
    same = preview_results(season, out.getvalue(), today=TODAY)
    assert same.records == () and same.refused == ()


def test_recording_a_squads_weeks_at_once_equals_recording_each_session_in_turn() -> None:
    sheet = Sheet.of(demo())
    today = date(2026, 12, 24)
    for row in sheet.rows:
        # Two weeks of the squad, the test session of 22 December among them.
        if "2026-12-10" <= row["date"] <= "2026-12-23":
            row.update(done_status="done", done_reps=row["reps"] or "1", effort="6")
    result = preview(sheet, today=today)
    assert len(result.records) > 20 and result.refused == ()
    assert any("test" in r.planned.tags for r in result.records)
    at_once = apply_results(demo(), result, today=today)
    in_turn = settle(demo(), today, [(r.athlete_id, r.date) for r in result.records])
    for record in result.records:
        in_turn = record_result(in_turn, record)
    assert set(at_once.records) == set(in_turn.records)
    assert at_once.frozen == in_turn.frozen
    assert at_once.athletes == in_turn.athletes


def test_a_file_with_more_rows_than_an_import_reads_is_refused_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results_module, "MAX_ROWS", 50)
    sheet = Sheet.of(demo())
    with pytest.raises(ResultsSourceError, match="it has more than 50 rows; an import of results reads files"):
        preview(sheet)
    sheet.rows = sheet.rows[:50]
    assert preview(sheet).blank_rows == 50
