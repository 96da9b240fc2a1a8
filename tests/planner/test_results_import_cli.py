"""``sprintplan import-results PATH FILE.csv [--dry-run] [--today DATE] [--skip-refused]``."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from functools import partial
from pathlib import Path
from uuid import UUID

import pytest
from results_sheet import TODAY, Sheet, demo, sessions_of

from planner.cli import entry as cli
from planner.document.records import RecordStatus
from planner.document.sessions import SessionKind
from planner.document.storage import backup_path, load, save

W = SessionKind.WEIGHTS
FIRST, SECOND = sessions_of("ath-1", W)[1:3]
# A day of the season before TODAY without a weights session.
NO_WEIGHTS = next(
    day for day in (FIRST.date + timedelta(days=n) for n in range(1, 8))
    if day not in {s.date for s in sessions_of("ath-1", W)}
)


@pytest.fixture
def season_file(tmp_path: Path) -> Path:
    path = tmp_path / "squad.sprintplan"
    save(demo(), path)
    return path


def sheet_file(tmp_path: Path, sheet: Sheet) -> Path:
    path = tmp_path / "filled.csv"
    path.write_text(sheet.text(), encoding="utf-8-sig")
    return path


def filled(effort: str = "6") -> Sheet:
    sheet = Sheet.of(demo())
    for row in sheet.session("ath-1", FIRST.date, W):
        row.update(done_status="done", effort=effort)
    return sheet


def run(*arguments: str) -> int:
    return cli.main(["import-results", *arguments, "--today", TODAY.isoformat()])


def one_error_line(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sprintplan: ")
    return out, lines[0]


def test_the_accepted_sessions_are_recorded_and_the_previous_file_kept(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = season_file.read_bytes()
    assert run(str(season_file), str(sheet_file(tmp_path, filled()))) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rows = len(Sheet.of(demo()).session("ath-1", FIRST.date, W))
    assert out.startswith(f"filled.csv: 1 session to record ({rows} rows), 0 rows already recorded, 0 rows refused")
    assert f"Łucja Wiśniewska, weights, {FIRST.date.isoformat()}: done, effort 6" in out
    assert "record   Power clean, set 1: done as planned (" in out
    kept = "(the previous version is kept as squad.sprintplan.bak)"
    assert out.endswith(f"Recorded 1 session in {season_file} {kept}.\n")
    record = load(season_file).find_record(("ath-1", FIRST.date, W))
    assert record is not None and record.status is RecordStatus.DONE and record.effort == 6
    assert backup_path(season_file).read_bytes() == before


def test_a_dry_run_changes_nothing(season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = season_file.read_bytes()
    assert run(str(season_file), str(sheet_file(tmp_path, filled())), "--dry-run") == 0
    assert capsys.readouterr().out.endswith(f"Dry run: 1 session would be recorded; {season_file} is unchanged.\n")
    assert season_file.read_bytes() == before
    assert not backup_path(season_file).exists()


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"done_reps": "5", "done_load": "-40"}, "the load done cannot be negative, found -40"),
        ({"effort": "11"}, "the effort must be 0 to 10, found 11"),
        ({"date": NO_WEIGHTS.isoformat()}, f"no weights session is planned for Łucja Wiśniewska on {NO_WEIGHTS}"),
        ({"athlete_id": "ath-99"}, "no athlete with the id 'ath-99' in the season"),
        ({"date": "2027-10-01"}, "2027-10-01 is outside the season"),
    ],
)
def test_a_refused_row_leaves_the_file_unchanged_and_exits_2_in_one_line(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cells: dict[str, str], reason: str
) -> None:
    sheet = filled()
    row = sheet.session("ath-1", SECOND.date, W)[0]
    row.update(done_status="done", **cells)
    before = season_file.read_bytes()
    assert run(str(season_file), str(sheet_file(tmp_path, sheet))) == 2
    out, line = one_error_line(capsys)
    assert line.startswith(f"sprintplan: {season_file} not changed: ")
    assert "refused (listed above); correct them, or add --skip-refused" in line
    assert f"line {sheet.line_of(row)}" in out and reason in out
    assert season_file.read_bytes() == before
    assert not backup_path(season_file).exists()


def test_skip_refused_records_the_accepted_sessions(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = filled()
    sheet.session("ath-1", SECOND.date, W)[0].update(done_status="done", effort="11")
    assert run(str(season_file), str(sheet_file(tmp_path, sheet)), "--skip-refused") == 0
    season = load(season_file)
    assert season.find_record(("ath-1", FIRST.date, W)) is not None
    assert season.find_record(("ath-1", SECOND.date, W)) is None
    assert "REFUSED" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x00\x00binary", "not a spreadsheet saved as CSV: it holds binary data"),
        (b"\xff\xfe\x00\xd8", "not readable as text"),
        (b"date,name\r\n2026-11-02,Meet\r\n", "the first line must name the columns of SprintPlan"),
    ],
)
def test_a_hostile_file_exits_2_in_one_line(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = season_file.read_bytes()
    assert run(str(season_file), str(path)) == 2
    _, line = one_error_line(capsys)
    assert line.startswith(f"sprintplan: {path}: ") and message in line
    assert season_file.read_bytes() == before


def test_a_sheet_from_another_season_exits_2_in_one_line(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = filled()
    for row in sheet.rows:
        row["season_id"] = str(UUID(int=3))
    assert run(str(season_file), str(sheet_file(tmp_path, sheet))) == 2
    _, line = one_error_line(capsys)
    assert "it was exported from another season, not from 'Sprint squad 2026/27'" in line


def test_a_huge_file_exits_2_in_one_line(season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.truncate(21_000_000)
    assert run(str(season_file), str(path)) == 2
    assert "the file is 21.0 MB; an import of results reads files of up to 20 MB" in one_error_line(capsys)[1]


def test_a_bad_today_and_a_missing_file_exit_2_in_one_line(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["import-results", str(season_file), str(tmp_path / "x.csv"), "--today", "1.12."]) == 2
    assert "not a date: '1.12.'" in one_error_line(capsys)[1]
    assert run(str(season_file), str(tmp_path / "gone.csv")) == 2
    assert "cannot read the file" in one_error_line(capsys)[1]


def test_nothing_filled_in_records_nothing(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = season_file.read_bytes()
    assert run(str(season_file), str(sheet_file(tmp_path, Sheet.of(demo())))) == 0
    assert capsys.readouterr().out.endswith(f"Nothing to record; {season_file} is unchanged.\n")
    assert season_file.read_bytes() == before


def test_the_command_is_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    assert "import-results" in capsys.readouterr().out


PROGRAM = Path(sys.executable).with_name("sprintplan")


@pytest.mark.skipif(not PROGRAM.exists(), reason="the sprintplan program is not installed in this environment")
def test_the_real_program_refuses_a_binary_file_in_one_line_and_records_a_sheet(
    season_file: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run_program = partial(subprocess.run, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
    result = run_program([str(PROGRAM), "import-results", str(season_file), str(binary)])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "holds binary data" in result.stderr
    assert "Traceback" not in result.stderr
    sheet = sheet_file(tmp_path, filled())
    result = run_program([str(PROGRAM), "import-results", str(season_file), str(sheet), "--today", TODAY.isoformat()])
    assert result.returncode == 0, result.stderr
    assert load(season_file).find_record(("ath-1", FIRST.date, W)) is not None
