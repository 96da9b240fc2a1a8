"""``sprintplan import-competitions PATH FILE [--yes]``."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.cli import entry as cli
from planner.document.demo import demo_season
from planner.document.storage import backup_path, load, save
from planner.engine.generator import generate

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
FEDERATION = FIXTURES / "federation.ics"
SPREADSHEET = FIXTURES / "competitions.csv"
HOSTILE = FIXTURES / "hostile.ics"
PROGRAM = Path(sys.executable).with_name("sprintplan")
DEMO_COMPETITIONS = len(demo_season().competitions)


class Terminal(io.StringIO):
    """Standard input as a terminal with the coach's typed answer."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def season_file(tmp_path: Path) -> Path:
    path = tmp_path / "squad.sprintplan"
    save(demo_season(), path)
    return path


def one_error_line(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sprintplan: ")
    return out, lines[0]


def test_yes_adds_the_accepted_competitions_and_keeps_a_backup(
    season_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = season_file.read_bytes()
    assert cli.main(["import-competitions", str(season_file), str(FEDERATION), "--yes"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("federation.ics: 5 competitions to add, 8 refused\n")
    assert "2027-02-20 to 2027-02-21 A  indoor   Hallen-DM  [event 1 (UID 2027-001@federation.example)]" in out
    assert "  event 8 (UID training@club.example): a repeating event (RRULE)" in out
    assert out.endswith(
        f"Added 5 competitions to {season_file} (the previous version is kept as squad.sprintplan.bak).\n"
    )
    season = load(season_file)
    assert len(season.competitions) == DEMO_COMPETITIONS + 5
    assert season.competitions[-1].name == "Winterwurf-Meeting"
    assert backup_path(season_file).read_bytes() == before


def test_without_a_terminal_it_refuses_to_change_the_file_unless_told_yes(
    season_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    before = season_file.read_bytes()
    assert cli.main(["import-competitions", str(season_file), str(SPREADSHEET)]) == 2
    out, line = one_error_line(capsys)
    assert "4 competitions to add, 10 refused" in out  # the preview is still shown
    assert "--yes" in line and str(season_file) in line
    assert season_file.read_bytes() == before
    assert not backup_path(season_file).exists()


@pytest.mark.parametrize(
    ("answer", "status", "added"), [("y\n", 0, 4), ("yes\n", 0, 4), ("n\n", 1, 0), ("\n", 1, 0), ("", 1, 0)]
)
def test_on_a_terminal_it_asks(
    season_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    status: int,
    added: int,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    assert cli.main(["import-competitions", str(season_file), str(SPREADSHEET)]) == status
    out, err = capsys.readouterr()
    assert err == ""
    assert f"Add 4 competitions to {season_file}? [y/N] " in out
    assert len(load(season_file).competitions) == DEMO_COMPETITIONS + added
    if not added:
        assert f"Nothing added; {season_file} is unchanged." in out


def test_nothing_to_add_leaves_the_file_alone(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    far = tmp_path / "far.csv"
    far.write_text("date,name\n2030-05-01,Far Away Meeting\n", encoding="utf-8")
    before = season_file.read_bytes()
    assert cli.main(["import-competitions", str(season_file), str(far)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "line 2: 'Far Away Meeting' (2030-05-01) is outside the season" in out
    assert out.endswith(f"Nothing to add; {season_file} is unchanged.\n")
    assert season_file.read_bytes() == before


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["{season}", "{missing}"], "cannot read the file"),
        (["{missing_season}", str(SPREADSHEET)], "no such file"),
        (["{season}", "{headerless}"], "the first line must name the columns"),
        (["{season}", "{not_calendar}"], "not an iCalendar file"),
        (["{season}"], "the following arguments are required: FILE"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], expected: str
) -> None:
    headerless = tmp_path / "list.csv"
    headerless.write_text("2027-06-05,City Open\n", encoding="utf-8")
    not_calendar = tmp_path / "calendar.ics"
    not_calendar.write_text("Please log in", encoding="utf-8")
    names = {
        "season": season_file,
        "missing": tmp_path / "missing.csv",
        "missing_season": tmp_path / "missing.sprintplan",
        "headerless": headerless,
        "not_calendar": not_calendar,
    }
    argv = ["import-competitions", *(a.format(**{k: str(v) for k, v in names.items()}) for a in arguments)]
    before = season_file.read_bytes()
    assert cli.main(argv) == 2
    _, line = one_error_line(capsys)
    assert expected in line
    assert season_file.read_bytes() == before


def test_help_lists_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    assert "import-competitions" in capsys.readouterr().out


@pytest.mark.skipif(not PROGRAM.exists(), reason="the sprintplan program is not installed in this environment")
def test_the_real_program_without_a_terminal(season_file: Path) -> None:
    result = subprocess.run(
        [str(PROGRAM), "import-competitions", str(season_file), str(FEDERATION)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--yes" in result.stderr
    assert "federation.ics: 5 competitions to add" in result.stdout


def test_help_states_the_bounds_of_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import-competitions", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "A FILE larger than 5 MB or with more than 2,000 competitions is refused as a whole." in help_text
    assert "names longer than 80 characters are cut to fit" in help_text


def test_the_preview_says_which_names_were_cut(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "Internationales Hallenmeeting " * 10
    rows = tmp_path / "long.csv"
    rows.write_text(f"date,name\n2027-06-12,{long_name}\n", encoding="utf-8")
    assert cli.main(["import-competitions", str(season_file), str(rows), "--yes"]) == 0
    out = capsys.readouterr().out
    kept = (long_name[:79].rstrip() + "\u2026")
    assert f"  2027-06-12               C  outdoor  {kept}  [line 2] (name cut from 299 characters)\n" in out
    assert load(season_file).competitions[-1].name == kept


def run_program(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROGRAM), "import-competitions", *arguments],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def hundred_thousand_events() -> bytes:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@bulk\r\nSUMMARY:Meeting {n}\r\nDTSTART;VALUE=DATE:20270612\r\nEND:VEVENT\r\n"
        for n in range(100_000)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bulk//EN\r\n{events}END:VCALENDAR\r\n".encode()


@pytest.mark.skipif(not PROGRAM.exists(), reason="the sprintplan program is not installed in this environment")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bulk.ics", "the file is 9.4 MB; an import reads files of up to 5 MB with at most 2,000 competitions"),
        (
            "bulk.csv",
            "it holds more than 2,000 competitions; an import reads files of up to 5 MB with at most 2,000 "
            "competitions",
        ),
    ],
)
def test_the_real_program_refuses_a_file_past_the_bounds_in_one_line(
    season_file: Path, tmp_path: Path, name: str, expected: str
) -> None:
    # 100,000 competitions: 23 s and more than a minute before the import had bounds.
    file = tmp_path / name
    if name.endswith(".ics"):
        file.write_bytes(hundred_thousand_events())
    else:
        file.write_text("date,name\n" + "2027-06-12,Meeting\n" * 100_000, encoding="utf-8")
    before = season_file.read_bytes()
    result = run_program(str(season_file), str(file), "--yes")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"sprintplan: {file}: {expected}\n"
    assert season_file.read_bytes() == before
    assert not backup_path(season_file).exists()


@pytest.mark.skipif(not PROGRAM.exists(), reason="the sprintplan program is not installed in this environment")
def test_the_real_program_lists_hostile_events_as_refused_and_adds_the_rest(season_file: Path) -> None:
    result = run_program(str(season_file), str(HOSTILE), "--yes")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("hostile.ics: 1 competition to add, 6 refused\n")
    assert "  event 1 (UID long@hostile.example): 'Long Meeting': DURATION of 69,999,993 days" in result.stdout
    assert "  event 3 (UID future@hostile.example): 'Far Future': DTSTART 9999-12-31 is outside" in result.stdout
    assert load(season_file).competitions[-1].name == "Long Uid Meeting"


@pytest.mark.skipif(not PROGRAM.exists(), reason="the sprintplan program is not installed in this environment")
def test_the_real_program_reads_a_long_csv_cell(season_file: Path, tmp_path: Path) -> None:
    file = tmp_path / "long_cell.csv"
    file.write_text("date,name\n2027-06-12," + "x" * 200_000 + "\n", encoding="utf-8")
    result = run_program(str(season_file), str(file), "--yes")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "(name cut from 200,000 characters)" in result.stdout


def test_competitions_imported_into_the_past_leave_the_days_before_today_as_planned(
    season_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SPRINTPLAN_TODAY", "2026-11-27")
    sheet = tmp_path / "club.csv"
    sheet.write_text("date,name,priority,indoor\n2026-11-25,Club meet,C,yes\n", encoding="utf-8")
    before = generate(load(season_file), "ath-1")

    assert cli.main(["import-competitions", str(season_file), str(sheet), "--yes"]) == 0
    capsys.readouterr()

    after = generate(load(season_file), "ath-1")
    assert [d.sessions for d in after.days if d.date < date(2026, 11, 27)] == [
        d.sessions for d in before.days if d.date < date(2026, 11, 27)
    ]
    assert date(2026, 11, 26) in after.held
