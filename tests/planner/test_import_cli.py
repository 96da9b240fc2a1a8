"""``sprintplan import-competitions PATH FILE [--yes]``."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from planner import cli
from planner.demo import demo_season
from planner.storage import backup_path, load, save

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
FEDERATION = FIXTURES / "federation.ics"
SPREADSHEET = FIXTURES / "competitions.csv"
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
