"""Saving into a folder that fights back, through the real program: the season is saved, and
the coach reads one line about what could not be kept, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planner.demo import demo_season
from planner.storage import load, save

PROGRAM = Path(sys.executable).with_name("sprintplan")
SPREADSHEET = Path(__file__).parents[1] / "fixtures" / "import" / "competitions.csv"


def test_a_folder_named_like_the_backup_leaves_one_line_and_a_saved_season(tmp_path: Path) -> None:
    season_file = tmp_path / "squad.sprintplan"
    save(demo_season(), season_file)
    (tmp_path / "squad.sprintplan.bak").mkdir()

    result = subprocess.run(
        [str(PROGRAM), "import-competitions", str(season_file), str(SPREADSHEET), "--yes"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "sprintplan: saved, but the previous version could not be kept as squad.sprintplan.bak: "
        "a folder of that name is in the way"
    ]
    assert f"to {season_file}.\n" in result.stdout
    assert "kept as" not in result.stdout
    assert len(load(season_file).competitions) > len(demo_season().competitions)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["squad.sprintplan", "squad.sprintplan.bak"]


def test_the_real_program_names_a_picture_as_no_season_file(tmp_path: Path) -> None:
    picture = tmp_path / "team photo.sprintplan"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    result = subprocess.run(
        [str(PROGRAM), "check", str(picture)], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 2
    assert result.stderr == (
        f"sprintplan: {picture}: This is not a SprintPlan season file (it looks like a PNG picture)\n"
    )
