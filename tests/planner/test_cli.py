"""The ``sprintplan`` command line, called in-process and as a real program."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from planner.cli import common as commands
from planner.cli import entry as cli
from planner.document.demo import demo_season
from planner.document.storage import load

PROGRAM = Path(sys.executable).with_name("sprintplan")


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sprintplan: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "squad.sprintplan"
    assert cli.main(["demo", str(path)]) == 0
    capsys.readouterr()
    return path


def test_demo_writes_a_file_that_check_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "squad.sprintplan"
    assert cli.main(["demo", str(path)]) == 0
    assert str(path) in capsys.readouterr().out
    assert load(path) == demo_season()
    assert cli.main(["check", str(path)]) == 0
    assert capsys.readouterr() == ("ok\n", "")


def test_demo_refuses_to_overwrite(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo_file.write_text("the coach's own season", encoding="utf-8")
    assert cli.main(["demo", str(demo_file)]) == 2
    line = one_error_line(capsys)
    assert str(demo_file) in line and "--force" in line
    assert demo_file.read_text(encoding="utf-8") == "the coach's own season"


def test_demo_force_replaces_and_keeps_a_backup(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_file.write_text("the coach's own season", encoding="utf-8")
    assert cli.main(["demo", "--force", str(demo_file)]) == 0
    assert load(demo_file) == demo_season()
    backup = demo_file.with_name(demo_file.name + ".bak")
    assert backup.read_text(encoding="utf-8") == "the coach's own season"


def test_show_summarises_the_season(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(demo_file)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "Sprint squad 2026/27"
    assert lines[1] == "2026-10-05 to 2027-09-05, 48 weeks starting on Monday"
    for athlete in demo_season().athletes:
        assert athlete.name in out
    assert "400 m hurdles, female, advanced" in out
    assert "junior, 16 on the first day" in out
    assert "units lb" in out
    assert "back squat 330 lb (tested 2026-09-29)" in out
    assert "does hang clean instead of power clean" in out
    competitions = [line for line in lines if line.startswith("  2027-")]
    assert len(competitions) == len(demo_season().competitions)
    assert competitions == sorted(competitions)
    assert (
        "  2027-02-27 to 2027-02-28 A  indoor   Indoor Championships: Søren Ødegaard"
        in competitions
    )
    assert "  2027-07-23 to 2027-07-25 A  outdoor  National Championships: everyone" in competitions


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.sprintplan"
    for command in ("check", "show"):
        assert cli.main([command, str(missing)]) == 2
        assert one_error_line(capsys) == f"sprintplan: {missing}: There is no such file"


def test_invalid_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.sprintplan"
    broken.write_text('{"schema_version": 2,\n  "name": ', encoding="utf-8")
    assert cli.main(["check", str(broken)]) == 2
    line = one_error_line(capsys)
    assert line == f"sprintplan: {broken}: The file is damaged: it ends too early, as if cut short (line 2, column 11)"


def test_invalid_document(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = demo_file.read_text(encoding="utf-8")
    demo_file.write_text(text.replace('"2027-07-25"', '"2027-09-25"'), encoding="utf-8")
    assert cli.main(["check", str(demo_file)]) == 2
    line = one_error_line(capsys)
    assert "'National Championships'" in line and "outside the season" in line


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["check", "--bogus", "x.sprintplan"], "unrecognized arguments: --bogus"),
        (["plan", "x.sprintplan"], "one of the arguments --json --summary is required"),
        (["plan", "x.sprintplan", "--json", "--summary"], "not allowed with argument"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["demo"], "the following arguments are required: PATH"),
        (["check", "a", "b"], "unrecognized arguments: b"),
    ],
)
def test_bad_command_lines(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert words in one_error_line(capsys)


def test_no_arguments_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("usage: sprintplan")
    for command in ("demo", "check", "show"):
        assert command in out
    assert err == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"sprintplan {version('sprintplan')}\n"


def test_subcommand_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["demo", "--help"]) == 0
    assert "--force" in capsys.readouterr().out


def test_window_opener_receives_no_path_or_the_path(demo_file: Path) -> None:
    calls: list[str | None] = []

    def fake_window(path: str | None) -> int:
        calls.append(path)
        return 0

    assert cli.main([], open_window=fake_window) == 0
    assert cli.main([str(demo_file)], open_window=fake_window) == 0
    # A subcommand with its file runs the subcommand, not the window.
    assert cli.main(["check", str(demo_file)], open_window=fake_window) == 0
    assert calls == [None, str(demo_file)]


def test_the_launchers_list_of_subcommand_names_matches_the_parser() -> None:
    # The desktop launcher tells `sprintplan PATH` from a subcommand by these names alone.
    subparsers = next(a for a in cli.build_parser()._actions if a.dest == "command")
    assert isinstance(subparsers.choices, dict)
    assert tuple(subparsers.choices) == commands.NAMES


def test_without_a_window_opener_a_lone_path_is_an_unknown_command(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([str(demo_file)]) == 2
    assert "invalid choice" in one_error_line(capsys)


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    "program",
    [
        pytest.param([sys.executable, "-m", "planner"], id="python -m planner"),
        pytest.param([str(PROGRAM)], id="sprintplan script"),
    ],
)
def test_end_to_end_errors_are_one_line_without_traceback(
    program: list[str], tmp_path: Path
) -> None:
    if not Path(program[0]).exists():
        pytest.skip(f"{program[0]} is not installed")
    for argv in (["check", str(tmp_path / "missing.sprintplan")], ["bogus"], ["demo"]):
        result = _run(*program, *argv)
        assert result.returncode == 2, result
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("sprintplan: ")
        assert "Traceback" not in result.stderr


def test_show_survives_a_console_that_cannot_write_the_names(demo_file: Path) -> None:
    result = _run(
        sys.executable, "-m", "planner", "show", str(demo_file), env={"PYTHONIOENCODING": "ascii"}
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "National Championships" in result.stdout


def test_the_planner_package_imports_no_gui_or_pdf_library() -> None:
    code = (
        "import sys, planner.cli.entry, planner.document.edits, planner.document.demo, planner.cli.show\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'pyqtgraph', 'reportlab'})\n"
        "print(heavy)"
    )
    result = _run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
