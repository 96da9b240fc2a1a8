"""``sprintplan export``: the options, what they select, and one clear line for every mistake."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli import entry as cli
from planner.cli import export
from planner.cli.common import UsageError
from planner.document.demo import demo_season
from planner.document.storage import save


@pytest.fixture
def season_file(tmp_path: Path) -> Path:
    path = tmp_path / "squad.sprintplan"
    save(demo_season(), path)
    return path


def _texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sprintplan: ")
    return lines[0]


def test_weeks_2_to_3_print_those_weeks_for_the_chosen_athletes(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cards.pdf"
    status = cli.main(
        ["export", str(season_file), "--cards", str(out), "--weeks", "2-3", "--athlete", "ath-4", "--athlete", "ath-1"]
    )
    assert status == 0
    assert capsys.readouterr().out == (f"wrote session cards for 2 athletes, weeks 2-3 (4 pages, a4) to {out}\n")
    pages = _texts(out)
    assert [(p.split(" Week ")[0], p.split(" Week ")[1].split()[0]) for p in pages] == [
        ("Noël Brandt", "2"),
        ("Noël Brandt", "3"),
        ("Łucja Wiśniewska", "2"),
        ("Łucja Wiśniewska", "3"),
    ]
    assert "12–18 October 2026" in pages[0] and "19–25 October 2026" in pages[1]


def test_a_date_range_selects_the_weeks_that_hold_it(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cards.pdf"
    assert (
        cli.main(
            [
                "export",
                str(season_file),
                "--cards",
                str(out),
                "--from",
                "2026-10-14",
                "--to",
                "2026-10-20",
                "--athlete",
                "ath-2",
            ]
        )
        == 0
    )
    assert "weeks 2-3 (2 pages" in capsys.readouterr().out


def test_a5_prints_a_page_per_training_day(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cards.pdf"
    assert (
        cli.main(
            ["export", str(season_file), "--cards", str(out), "--weeks", "11", "--athlete", "ath-1", "--paper", "a5"]
        )
        == 0
    )
    capsys.readouterr()
    # Łucja trains on Tuesday, Thursday and Saturday of week 11, and lifts upper body on her
    # easy Monday and Friday.
    assert len(PdfReader(out).pages) == 5
    assert PdfReader(out).pages[0].mediabox.height == pytest.approx(595.28, abs=0.1)


def test_without_weeks_the_cards_are_for_next_week(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cards.pdf"
    args = cli.build_parser().parse_args(["export", str(season_file), "--cards", str(out)])
    # Friday 11 December 2026 is in week 10: the squad's cards for week 11.
    assert export.run(args, today=date(2026, 12, 11)) == 0
    assert capsys.readouterr().out == f"wrote session cards for 5 athletes, week 11 (5 pages, a4) to {out}\n"


def test_the_run_date_chooses_next_weeks_cards(
    season_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The command line runs on SPRINTPLAN_TODAY as the window does: Friday 11 December 2026.
    monkeypatch.setenv("SPRINTPLAN_TODAY", "2026-12-11")
    out = tmp_path / "cards.pdf"
    assert cli.main(["export", str(season_file), "--cards", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote session cards for 5 athletes, week 11 (5 pages, a4) to {out}\n"


def test_the_season_plan(season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "season.pdf"
    assert cli.main(["export", str(season_file), "--season", str(out), "--athlete", "ath-5"]) == 0
    message = capsys.readouterr().out
    assert message.startswith("wrote the season plan (") and message.endswith(f"a4 landscape) to {out}\n")
    text = " ".join(_texts(out))
    assert "Jonáš Dvořák: week by week" in text
    assert "Søren Ødegaard: week by week" not in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--cards", "{out}", "--weeks", "5-2"], "--weeks: 5-2: the first week comes after the last"),
        (["--cards", "{out}", "--weeks", "x"], "--weeks: 'x' is not a week range such as 2-3 or 7"),
        (["--cards", "{out}", "--weeks", "40-60"], "--weeks: 40-60: the season has weeks 1 to 48"),
        (["--cards", "{out}", "--athlete", "ath-99"], "unknown athlete id 'ath-99'"),
        (
            ["--cards", "{out}", "--from", "2027-02-01", "--to", "2027-01-01"],
            "--from/--to: 2027-02-01 comes after 2027-01-01",
        ),
        (["--cards", "{out}", "--from", "1 Feb"], "--from/--to: '1 Feb' is not a date such as 2027-01-11"),
        (["--cards", "{out}", "--from", "2020-01-01", "--to", "2020-01-31"], "is outside the season"),
        (["--cards", "{out}", "--weeks", "2", "--from", "2026-10-12"], "use either --weeks or --from/--to"),
        (["--cards", "{out}", "--season", "{out}"], "argument --season: not allowed with argument --cards"),
        ([], "one of the arguments --cards --season --ics --csv is required"),
        (["--cards"], "argument --cards: expected one argument"),
        (["--cards", ""], "--cards: the output file name is empty"),
        (["--cards", "{out}", "--paper", "a3"], "argument --paper: invalid choice: 'a3'"),
        (["--season", "{out}", "--weeks", "2-3"], "--weeks applies to session cards, not to --season"),
        (["--season", "{out}", "--paper", "a5"], "--paper a5 does not suit --season (choose a4, letter)"),
        (["--cards", "{missing}"], "the folder"),
        (["--cards", "{season}"], "that is the season file itself"),
    ],
)
def test_bad_options_give_one_line_and_status_2(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    out = tmp_path / "out.pdf"
    values = {"out": str(out), "missing": str(tmp_path / "no" / "such" / "out.pdf"), "season": str(season_file)}
    argv = ["export", str(season_file), *(a.format(**values) for a in arguments)]
    season_bytes = season_file.read_bytes()
    assert cli.main(argv) == 2
    assert message in _error_line(capsys)
    assert not out.exists()
    assert not (tmp_path / "no").exists()
    assert season_file.read_bytes() == season_bytes


def test_a_missing_season_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", str(tmp_path / "none.sprintplan"), "--cards", str(tmp_path / "c.pdf")]) == 2
    assert "none.sprintplan" in _error_line(capsys)


def test_the_export_command_loads_reportlab_only_when_it_writes() -> None:
    code = (
        "import sys, planner.cli.entry, planner.cli.export\n"
        "planner.cli.entry.build_parser()\n"
        "print('reportlab' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_outputs_exclude_each_other_and_each_has_a_writer() -> None:
    assert [o.flag for o in export.OUTPUTS] == ["--cards", "--season", "--ics", "--csv"]
    parser = cli.build_parser()
    with pytest.raises(UsageError, match="not allowed with"):
        parser.parse_args(["export", "s.sprintplan", "--cards", "a.pdf", "--season", "b.pdf"])


def test_calendar_and_spreadsheet_exports(
    season_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "squad.ics"
    assert cli.main(["export", str(season_file), "--ics", str(ics), "--athlete", "ath-1"]) == 0
    text = ics.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") > 50
    assert f"calendar events to {ics}" in capsys.readouterr().out
    csv_file = tmp_path / "squad.csv"
    assert cli.main(["export", str(season_file), "--csv", str(csv_file)]) == 0
    header = csv_file.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("date,athlete,session,exercise,set,sets,reps,") and ",done_status,done_reps," in header
    assert cli.main(["export", str(season_file), "--csv", str(csv_file), "--paper", "a4"]) == 2
    assert "--paper applies to printed outputs, not to --csv" in capsys.readouterr().err
