"""Exports are written like saves: a full disk or a crash leaves the earlier file whole."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from planner.cli.entry import main
from planner.document.atomic import remove_stale_temporaries, write_atomically
from planner.document.demo import demo_season
from planner.document.storage import save


def _full_disk(*_args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_the_earlier_file_whole_and_no_fragment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "cards.pdf"
    target.write_bytes(b"%PDF earlier printout")
    monkeypatch.setattr(os, "fsync", _full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"%PDF new printout" * 1000)
    assert target.read_bytes() == b"%PDF earlier printout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf"]


def test_a_write_replaces_the_file_keeps_its_permissions_and_cleans_up_earlier_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    leftover = tmp_path / ".plan.csv.abc123.tmp"
    leftover.write_bytes(b"half a file from a killed export")
    unrelated = tmp_path / ".other.csv.abc123.tmp"
    unrelated.write_bytes(b"not ours")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert not leftover.exists()
    assert unrelated.exists()


def test_a_folder_in_the_way_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "season.ics"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomically(folder, b"BEGIN:VCALENDAR")
    assert folder.is_dir() and not any(folder.iterdir())


def test_remove_stale_temporaries_ignores_a_missing_folder(tmp_path: Path) -> None:
    remove_stale_temporaries(tmp_path / "nowhere" / "file.pdf")


@pytest.mark.parametrize("option", ["--csv", "--ics", "--season"])
def test_export_over_a_full_disk_keeps_the_earlier_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    season_file = tmp_path / "squad.sprintplan"
    save(demo_season(), season_file)
    out = tmp_path / "earlier.out"
    out.write_bytes(b"the coach's earlier export")
    monkeypatch.setattr(os, "fsync", _full_disk)
    assert main(["export", os.fspath(season_file), option, os.fspath(out)]) == 2
    assert out.read_bytes() == b"the coach's earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["earlier.out", "squad.sprintplan"]
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "Traceback" not in error[0]
    assert error[0] == f"sprintplan: {out} not written: the disk is full"
