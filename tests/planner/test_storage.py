"""Loading and saving season files: refusals with place and reason, atomic saves, backups."""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import stat
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import seasons

import planner
from planner.document import storage
from planner.document.codec import season_to_dict
from planner.document.model import Competition, Override, Priority, Season
from planner.document.sessions import Session, SessionKind
from planner.document.storage import DocumentError, dumps, load, loads, save

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"
INVALID = DOCUMENTS / "invalid"
SCHEMA_FILE = Path(__file__).parents[2] / "resources" / "schema" / "season.schema.json"


def _small() -> Season:
    return load(DOCUMENTS / "v2_small.sprintplan")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A folder holding spring.sprintplan (the small season) and an older backup of it."""
    target = tmp_path / "spring.sprintplan"
    shutil.copy(DOCUMENTS / "v2_small.sprintplan", target)
    (tmp_path / "spring.sprintplan.bak").write_bytes(b"an older version\n")
    return target


# Refused files ------------------------------------------------------------------------------

INVALID_FILES = [
    ("not_json", "line 1, column 1", "the file is not valid JSON (Expecting value)", 1),
    (
        "truncated",
        "line 19, column 21",
        "the file ends too early; it may be cut short (Expecting ',' delimiter)",
        19,
    ),
    (
        "wrong_type",
        "athletes[0].body_mass (line 19)",
        "expected a number, found the text '72 kg'",
        19,
    ),
    ("missing_field", "athletes[0] (line 11)", "the field 'event' is missing", 11),
    (
        "competition_outside",
        "competitions[0].start (line 79)",
        "'Indoor championships' (2026-03-07 to 2026-03-09) is outside the season "
        "2025-11-03 to 2026-03-08",
        79,
    ),
    (
        "unknown_athlete",
        "competitions[0].athletes[0] (line 84)",
        "'Indoor championships' enters an unknown athlete 'ath-7'",
        84,
    ),
    ("zero_max", "athletes[0].maxes[0].value (line 68)", "must be more than 0, found 0", 68),
    (
        "last_before_first",
        "last_day (line 6)",
        # The competition then lies outside the season too.
        "the last day 2025-10-31 is before the first day 2025-11-03 (and 1 more problem)",
        6,
    ),
    (
        "newer_version",
        "schema_version (line 2)",
        "the file was written by a newer SprintPlan (schema version 99); "
        "this SprintPlan reads up to version 5",
        2,
    ),
    (
        "not_utf8",
        "line 13, column 18",
        "the file is not UTF-8 text (byte 0xEB); save it from your editor as UTF-8",
        13,
    ),
]


# What the coach reads for each of INVALID_FILES: what and where in their words, the field
# path and the technical reason being the detail.
COACH_MESSAGES = {
    "not_json": "This is not a SprintPlan season file (it is not JSON text, line 1, column 1)",
    "truncated": "The file is damaged: it ends too early, as if cut short (line 19, column 21)",
    "wrong_type": "Athlete 1 (Дмитрий Иванов), body mass: expected a number, found the text '72 kg' (line 19)",
    "missing_field": "Athlete 1 (Дмитрий Иванов): the field 'event' is missing (line 11)",
    "competition_outside": "Competition 1 (Indoor championships), first day: 'Indoor championships' "
    "(2026-03-07 to 2026-03-09) is outside the season 2025-11-03 to 2026-03-08 (line 79)",
    "unknown_athlete": "Competition 1 (Indoor championships), entry 1: "
    "'Indoor championships' enters an unknown athlete 'ath-7' (line 84)",
    "zero_max": "Athlete 1 (Дмитрий Иванов), back squat max of 3 November 2025: must be more than 0 kg, "
    "found 0 kg (line 68)",
    "last_before_first": "The season's last day: the last day 2025-10-31 is before the first day 2025-11-03 "
    "(and 1 more problem) (line 6)",
    "newer_version": "This season was saved by a newer SprintPlan (file version 99); update SprintPlan to open it",
    "not_utf8": "The file is damaged: it holds a character that is not UTF-8 text (line 13, column 18); "
    "if it was edited by hand, save it from the editor as UTF-8",
}


@pytest.mark.parametrize(("name", "place", "reason", "line"), INVALID_FILES)
def test_invalid_file_is_refused_with_place_and_reason(
    name: str, place: str, reason: str, line: int
) -> None:
    path = INVALID / f"{name}.sprintplan"

    with pytest.raises(DocumentError) as caught:
        load(path)

    error = caught.value
    assert (error.path, error.place, error.reason, error.line) == (str(path), place, reason, line)
    assert error.detail == f"{place}: {reason}"
    assert error.message == COACH_MESSAGES[name]
    assert str(error) == f"{path}: {COACH_MESSAGES[name]}"


@pytest.mark.parametrize(
    ("start", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG picture"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG picture"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff", "a ZIP archive or an office document"),
        (b"\xff\xfe{\x00\n\x00", "text saved as UTF-16"),
        (b"\x00\x01\x02\x03\xfe", "it is not text"),
    ],
)
def test_a_file_of_another_kind_is_named_as_such(tmp_path: Path, start: bytes, kind: str) -> None:
    path = tmp_path / "photo.sprintplan"
    path.write_bytes(start + bytes(range(256)))

    with pytest.raises(DocumentError) as caught:
        load(path)

    assert caught.value.message.startswith("This is not a SprintPlan season file (")
    assert kind in caught.value.message
    assert "UTF-8" not in caught.value.message
    assert "UTF-8" in caught.value.detail


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "This is not a SprintPlan season file (it holds a list, not a season)"),
        ('{"name": "Outdoor"}', "This is not a SprintPlan season file (it has no schema_version)"),
        ('{"a": 1,,}', "The file is damaged: it is not a season file SprintPlan can read (line 1, column 9)"),
        ("", "The file is empty"),
    ],
)
def test_the_coach_message_of_a_refused_text(text: str, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(text, source="clipboard")

    assert caught.value.message == message


def test_an_error_on_save_names_the_place_in_the_coach_s_words(saved: Path) -> None:
    lucja = _small().athletes[0]._replace(name="Łucja Nowak")
    broken = lucja._replace(maxes=(lucja.maxes[0]._replace(date=date(2027, 3, 3), value=0.0),))

    with pytest.raises(DocumentError) as caught:
        save(_small()._replace(athletes=(broken,)), saved)

    assert caught.value.message == (
        "Athlete 1 (Łucja Nowak), back squat max of 3 March 2027: a max of 0 kg for back_squat is outside 10-400 kg"
    )
    assert caught.value.detail == (
        "athletes[0].maxes[0].value: a max of 0 kg for back_squat is outside 10-400 kg"
    )


def test_every_invalid_fixture_is_covered() -> None:
    names = {path.stem for path in INVALID.glob("*.sprintplan")}

    assert names == {name for name, *_ in INVALID_FILES}


@pytest.mark.parametrize("name", [name for name, *_ in INVALID_FILES])
def test_failed_load_writes_nothing(tmp_path: Path, name: str) -> None:
    target = tmp_path / "spring.sprintplan"
    shutil.copy(INVALID / f"{name}.sprintplan", target)
    (tmp_path / "spring.sprintplan.bak").write_bytes(b"backup\n")
    before = _files(tmp_path)

    with pytest.raises(DocumentError):
        load(target)

    assert _files(tmp_path) == before


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        load(tmp_path / "nowhere.sprintplan")

    assert (caught.value.place, caught.value.reason) == ("file", "there is no such file")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        load(tmp_path)

    assert (caught.value.place, caught.value.reason) == (
        "file",
        "this is a folder, not a season file",
    )


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, which chmod cannot lock out, so the refusal is simulated.
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)

    with pytest.raises(DocumentError) as caught:
        load(tmp_path / "locked.sprintplan")

    assert caught.value.reason == "permission denied: SprintPlan may not read this file"


@pytest.mark.parametrize(
    ("text", "place", "reason"),
    [
        ("", "file", "the file is empty"),
        ("  \n", "file", "the file is empty"),
        ("[1, 2]", "top level", "the file holds a list, not a season object"),
        ('"season"', "top level", "the file holds a text, not a season object"),
        ("42", "top level", "the file holds a number, not a season object"),
        (
            "{}",
            "schema_version",
            "the file has no schema_version, so it is not a SprintPlan season",
        ),
        (
            '{\n  "schema_version": "2"\n}',
            "schema_version (line 2)",
            "schema_version must be a whole number, not '2'",
        ),
        ('{\n  "schema_version": NaN}', "line 2, column 21", "NaN is not a number JSON allows"),
        (
            '{"note": "NaN or -Infinity", "x": -Infinity}',
            "line 1, column 35",
            "-Infinity is not a number JSON allows",
        ),
        (
            '{"a": 1,,}',
            "line 1, column 9",
            "the file is not valid JSON (Expecting property name enclosed in double quotes)",
        ),
    ],
)
def test_refused_text(text: str, place: str, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(text, source="clipboard")

    assert (caught.value.path, caught.value.place, caught.value.reason) == (
        "clipboard",
        place,
        reason,
    )


def _edited(change: Any) -> str:
    data = json.loads((DOCUMENTS / "v2_small.sprintplan").read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data, indent=2, ensure_ascii=False)


def _session_json(day: str) -> dict[str, Any]:
    return {
        "id": "s-1",
        "date": day,
        "kind": "weights",
        "title": "Strength",
        "heavy": False,
        "minutes": 45,
        "effort": 5.0,
        "reason": "",
        "tags": [],
        "rule_ids": [],
        "edited": True,
        "notes": [],
        "items": [],
    }


@pytest.mark.parametrize(
    ("change", "place", "reason"),
    [
        (
            lambda d: d["athletes"][0].update(birth_date="2001-02-30"),
            "athletes[0].birth_date (line 18)",
            "'2001-02-30' is not a date written YYYY-MM-DD",
        ),
        (
            # Both the date pattern and null fail here; the file's value is a text, so the
            # date's error is the one that helps.
            lambda d: d["athletes"][0].update(birth_date="abc"),
            "athletes[0].birth_date (line 18)",
            "'abc' is not a date written YYYY-MM-DD",
        ),
        (
            lambda d: d.update(first_day="3 November 2025"),
            "first_day (line 5)",
            "'3 November 2025' is not a date written YYYY-MM-DD",
        ),
        (
            lambda d: d["athletes"][0].update(birth_date=2001),
            "athletes[0].birth_date (line 18)",
            "expected a date written YYYY-MM-DD or null, found the number 2001",
        ),
        (
            lambda d: d["athletes"][0].update(nickname="Dima"),
            "athletes[0] (line 11)",
            "unknown field 'nickname'",
        ),
        (
            lambda d: d["athletes"][0].update(event="800m"),
            "athletes[0].event (line 14)",
            'expected one of "400m" or "400mH", found the text \'800m\'',
        ),
        (
            lambda d: d["athletes"][0]["rhythm"].pop(),
            "athletes[0].rhythm (line 27)",
            "needs exactly 7 entries, found 6",
        ),
        (
            lambda d: d["athletes"][0].update(id=""),
            "athletes[0].id (line 12)",
            "must not be empty",
        ),
        (
            lambda d: d["athletes"][0].update(junior="no"),
            "athletes[0].junior (line 17)",
            "expected true or false, found the text 'no'",
        ),
        (
            lambda d: d.update(week_start=7),
            "week_start (line 7)",
            "must be at most 6, found 7",
        ),
        (
            lambda d: d["overrides"].append(
                {
                    "athlete": "ath-1",
                    "date": "2025-11-04",
                    "kind": "weights",
                    "session": {**_session_json("2025-11-04"), "minutes": 0},
                    "replaced": None,
                }
            ),
            "overrides[0].session.minutes (line 100)",
            "must be at least 1, found 0",
        ),
        (
            lambda d: d["overrides"].append(
                {
                    "athlete": "ath-1",
                    "date": "2025-11-04",
                    "kind": "weights",
                    "session": _session_json("2025-11-05"),
                    "replaced": None,
                }
            ),
            "overrides[0].session (line 94)",
            "the session's date and kind must match the override's",
        ),
        (
            lambda d: d["notes"].append({"date": None, "athlete": "ath-2", "text": "Zoë"}),
            "notes[0].athlete (line 91)",
            "note for an unknown athlete 'ath-2'",
        ),
    ],
)
def test_refused_field(change: Any, place: str, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(_edited(change))

    assert (caught.value.place, caught.value.reason) == (place, reason)


def test_of_several_mistakes_the_one_highest_up_is_reported() -> None:
    def several(data: dict[str, Any]) -> None:
        athlete = data["athletes"][0]
        athlete["maxes"][0]["value"] = 0
        athlete["junior"] = "no"
        del athlete["event"]
        data["week_start"] = 9

    with pytest.raises(DocumentError) as caught:
        loads(_edited(several))
    assert (caught.value.place, caught.value.reason) == ("week_start (line 7)", "must be at most 6, found 9")

    def fewer(data: dict[str, Any]) -> None:
        data["athletes"][0]["maxes"][0]["value"] = 0
        data["athletes"][0]["junior"] = "no"

    with pytest.raises(DocumentError) as caught:
        loads(_edited(fewer))
    assert (caught.value.place, caught.value.reason) == (
        "athletes[0].junior (line 17)",
        "expected true or false, found the text 'no'",
    )


def test_migrated_file_errors_name_the_field_without_a_line() -> None:
    # The migrated document is not the file's text: even where a path exists in both, a line
    # could point at the wrong place after a step reshapes the document.
    data = json.loads((DOCUMENTS / "v1_full.sprintplan").read_text(encoding="utf-8"))
    data["competitions"][1]["athletes"][0] = "ath-9"

    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(data, indent=2))

    assert caught.value.place == "competitions[1].athletes[0]"
    assert caught.value.line is None
    assert caught.value.reason == "'Regional final' enters an unknown athlete 'ath-9'"


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "notepad.sprintplan"
    path.write_bytes(b"\xef\xbb\xbf" + (DOCUMENTS / "v2_small.sprintplan").read_bytes())

    assert load(path) == _small()


def test_document_error_pickles_with_its_fields() -> None:
    error = DocumentError("a.sprintplan", "name", "the season name is empty", 4)

    copy = pickle.loads(pickle.dumps(error))

    assert (copy.path, copy.place, copy.reason, copy.line) == (
        "a.sprintplan",
        "name",
        "the season name is empty",
        4,
    )
    assert str(copy) == "a.sprintplan: The season name is empty (name)"
    assert copy.detail == "name: the season name is empty"


# Loading valid files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["v1_minimal", "v1_full"])
def test_v1_file_loads_as_its_expected_current_document(name: str) -> None:
    expected_text = (DOCUMENTS / f"{name}.expected.sprintplan").read_text(encoding="utf-8")

    season = load(DOCUMENTS / f"{name}.sprintplan")

    assert season == loads(expected_text)
    assert dumps(season) == expected_text


def test_v1_full_values_after_loading() -> None:
    season = load(DOCUMENTS / "v1_full.sprintplan")
    lukasz, zoe, _ = season.athletes

    assert lukasz.max_on("back_squat", date(2024, 11, 4)) is not None
    assert lukasz.maxes[0].tested is False
    assert zoe.maxes[0].value == 155.0
    assert isinstance(zoe.maxes[0].value, float)
    assert (
        season.competitions[0].start,
        season.competitions[0].end,
        season.competitions[0].indoor,
    ) == (
        date(2025, 2, 15),
        date(2025, 2, 15),
        True,
    )
    assert (season.next_athlete_number, season.next_competition_number) == (5, 6)


def test_loading_an_old_file_does_not_upgrade_it_on_disk(tmp_path: Path) -> None:
    target = tmp_path / "old.sprintplan"
    shutil.copy(DOCUMENTS / "v1_full.sprintplan", target)
    before = _files(tmp_path)

    load(target)

    assert _files(tmp_path) == before


@pytest.mark.parametrize("name", ["v5_full", "v5_small", "v1_minimal.expected", "v1_full.expected"])
def test_current_files_round_trip_byte_for_byte(tmp_path: Path, name: str) -> None:
    original = DOCUMENTS / f"{name}.sprintplan"
    copy = tmp_path / "copy.sprintplan"

    save(load(original), copy)

    assert copy.read_bytes() == original.read_bytes()


def test_exports_from_the_package() -> None:
    assert (planner.load, planner.save, planner.DocumentError) == (load, save, DocumentError)
    assert {"load", "save", "DocumentError"} <= set(planner.__all__)


# Saving -------------------------------------------------------------------------------------


def test_save_writes_the_dumps_text(tmp_path: Path) -> None:
    target = tmp_path / "new.sprintplan"
    season = _small()

    save(season, target)

    text = target.read_bytes().decode("utf-8")
    assert text == dumps(season)
    assert text.endswith("}\n")
    assert "Дмитрий Иванов" in text
    assert '\n  "schema_version": 5,\n' in text
    assert not (tmp_path / "new.sprintplan.bak").exists()


def test_save_syncs_new_file_backup_and_folder(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync
    synced_folders: list[bool] = []

    def spy(descriptor: int) -> None:
        synced_folders.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", spy)

    save(_small(), saved)

    # The new text and the backup copy reach the disk before the rename; then the rename.
    assert synced_folders == [False, False, True]


def test_new_file_is_private_and_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.sprintplan"
    shared = tmp_path / "shared.sprintplan"
    shared.write_text("{}", encoding="utf-8")
    shared.chmod(0o644)

    save(_small(), new)
    save(_small(), shared)

    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644


def test_backup_holds_the_previous_version_and_replaces_an_older_backup(saved: Path) -> None:
    backup = saved.with_name("spring.sprintplan.bak")
    first = saved.read_bytes()
    renamed = _small()._replace(name="Indoor 2026 — after Christmas")

    save(renamed, saved)

    assert backup.read_bytes() == first
    assert load(saved).name == "Indoor 2026 — after Christmas"
    second = saved.read_bytes()

    save(renamed._replace(name="Indoor 2026, final"), saved)

    assert backup.read_bytes() == second
    assert storage.backup_path(saved) == backup


def test_invalid_season_is_not_saved(saved: Path) -> None:
    season = _small()
    outside = Competition(
        "comp-1", "Late meet", date(2026, 4, 1), date(2026, 4, 1), Priority.C, True
    )
    before = _files(saved.parent)

    with pytest.raises(DocumentError) as caught:
        save(season._replace(competitions=(outside,), name=" "), saved)

    assert caught.value.place == "name"
    assert caught.value.reason == "the season name is empty (and 1 more problem)"
    assert str(caught.value).startswith(f"{saved}: The season's name: ")
    assert _files(saved.parent) == before


def test_season_with_an_impossible_session_is_not_saved(saved: Path) -> None:
    bad = Session("s-1", date(2025, 11, 4), SessionKind.WEIGHTS, "Strength", (), minutes=0)

    season = _small()._replace(
        overrides=(Override("ath-1", date(2025, 11, 4), SessionKind.WEIGHTS, bad, None),)
    )
    before = _files(saved.parent)

    with pytest.raises(DocumentError) as caught:
        save(season, saved)

    assert (caught.value.place, caught.value.reason) == (
        "overrides[0].session.minutes",
        "a session lasts at least a minute",
    )
    assert _files(saved.parent) == before


def test_season_with_a_nan_is_not_saved(saved: Path) -> None:
    bad = Session(
        "s-1", date(2025, 11, 4), SessionKind.WEIGHTS, "Strength", (), effort=float("nan")
    )

    season = _small()._replace(
        overrides=(Override("ath-1", date(2025, 11, 4), SessionKind.WEIGHTS, bad, None),)
    )
    before = _files(saved.parent)

    with pytest.raises(DocumentError) as caught:
        save(season, saved)

    assert caught.value.place == "overrides[0].session.effort"
    assert caught.value.reason == "the estimated effort is on the 0-10 scale"
    assert _files(saved.parent) == before


def test_failed_replace_leaves_target_and_backup_intact(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _files(saved.parent)

    def full_disk(source: Any, destination: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)

    with pytest.raises(DocumentError) as caught:
        save(_small()._replace(name="Changed"), saved)

    assert caught.value.place == "file"
    assert caught.value.reason == "the file cannot be written (No space left on device)"
    # Same names (no temporary file left behind) and same bytes.
    assert _files(saved.parent) == before


def test_failed_fsync_leaves_target_and_backup_intact(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _files(saved.parent)

    def failing_disk(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_disk)

    with pytest.raises(DocumentError, match="Input/output error"):
        save(_small()._replace(name="Changed"), saved)

    assert _files(saved.parent) == before


def test_failed_backup_update_still_saves_and_says_so(
    saved: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_replace = os.replace
    old_backup = saved.with_name("spring.sprintplan.bak").read_bytes()

    def refuse_backup(source: Any, destination: Any) -> None:
        if str(destination).endswith(".bak"):
            raise PermissionError(13, "Permission denied")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", refuse_backup)

    with caplog.at_level(logging.DEBUG, logger="planner.document.storage"):
        problem = save(_small()._replace(name="Changed"), saved)

    assert problem == "saved, but the previous version could not be kept as spring.sprintplan.bak: permission denied"
    assert load(saved).name == "Changed"
    assert saved.with_name("spring.sprintplan.bak").read_bytes() == old_backup
    assert sorted(_files(saved.parent)) == ["spring.sprintplan", "spring.sprintplan.bak"]
    # Said once, to the coach; nothing for a console but that line, and no traceback.
    assert all(record.levelno < logging.WARNING and record.exc_info is None for record in caplog.records)


def test_a_folder_named_like_the_backup_does_not_stop_the_save(saved: Path) -> None:
    backup = saved.with_name("spring.sprintplan.bak")
    backup.unlink()
    backup.mkdir()

    problem = save(_small()._replace(name="Changed"), saved)

    assert problem == (
        "saved, but the previous version could not be kept as spring.sprintplan.bak: "
        "a folder of that name is in the way"
    )
    assert load(saved).name == "Changed"
    assert backup.is_dir()
    assert sorted(p.name for p in saved.parent.iterdir()) == ["spring.sprintplan", "spring.sprintplan.bak"]


def test_a_save_with_a_backup_returns_nothing_to_report(saved: Path) -> None:
    assert save(_small()._replace(name="Changed"), saved) is None


def test_temporary_files_of_a_killed_save_are_removed_by_the_next_save(saved: Path) -> None:
    leftovers = [saved.with_name(f".spring.sprintplan.{tag}.tmp") for tag in ("k1ll3d", "x_y")]
    for leftover in leftovers:
        leftover.write_bytes(b'{"schema_version": 2, "na')
    unrelated = saved.with_name(".other.sprintplan.abc.tmp")
    unrelated.write_bytes(b"another file's")

    save(_small()._replace(name="Changed"), saved)

    assert sorted(p.name for p in saved.parent.iterdir()) == [
        ".other.sprintplan.abc.tmp",
        "spring.sprintplan",
        "spring.sprintplan.bak",
    ]


class _Killed(BaseException):
    """Stands for the process being killed between two steps of a save."""


def test_a_save_killed_between_its_renames_never_leaves_a_backup_two_versions_old(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = saved.read_bytes()
    real_replace = os.replace
    renames: list[str] = []

    def killed_at_the_second_rename(source: Any, destination: Any) -> None:
        renames.append(str(destination))
        if len(renames) == 2:
            raise _Killed
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", killed_at_the_second_rename)

    with pytest.raises(_Killed):
        save(_small()._replace(name="Changed"), saved)

    # Either step may be the one lost; the backup is the current version or the one the file
    # now holds, never the older backup.
    backup = saved.with_name("spring.sprintplan.bak").read_bytes()
    assert backup == current
    assert saved.read_bytes() == current


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "spring.sprintplan"

    with pytest.raises(DocumentError) as caught:
        save(_small(), target)

    assert caught.value.reason == f"the folder {tmp_path / 'gone'} does not exist"
    assert not (tmp_path / "gone").exists()


def test_folder_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "spring.sprintplan").mkdir()

    with pytest.raises(DocumentError) as caught:
        save(_small(), tmp_path / "spring.sprintplan")

    assert caught.value.reason == "this is a folder, not a season file"
    assert [p.name for p in tmp_path.iterdir()] == ["spring.sprintplan"]


def test_folder_without_write_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**kwargs: Any) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(kwargs["dir"]))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)

    with pytest.raises(DocumentError) as caught:
        save(_small(), tmp_path / "spring.sprintplan")

    assert caught.value.reason == f"permission denied: SprintPlan may not write {tmp_path}"
    assert list(tmp_path.iterdir()) == []


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.sprintplan"
    link = tmp_path / "link.sprintplan"
    shutil.copy(DOCUMENTS / "v2_small.sprintplan", real)
    link.symlink_to(real)

    save(_small()._replace(name="Through the link"), link)

    assert link.is_symlink()
    assert load(real).name == "Through the link"
    assert (tmp_path / "real.sprintplan.bak").read_bytes() == (
        DOCUMENTS / "v2_small.sprintplan"
    ).read_bytes()


# The schema ---------------------------------------------------------------------------------


def _object_schemas(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [found for child in node for found in _object_schemas(child)]
    if not isinstance(node, dict):
        return []
    own = [node] if node.get("type") == "object" else []
    return own + [found for child in node.values() for found in _object_schemas(child)]


def test_schema_is_valid_draft_2020_12_and_closed() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

    jsonschema_rs.meta.validate(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = _object_schemas(schema)
    assert len(objects) == 17
    for node in objects:
        assert node["additionalProperties"] is False
        assert set(node["required"]) == set(node["properties"])
    rhythm = schema["$defs"]["athlete"]["properties"]["rhythm"]
    assert (rhythm["minItems"], rhythm["maxItems"]) == (7, 7)


def test_validator_is_built_once() -> None:
    assert storage._validator() is storage._validator()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_generated_seasons_survive_dumps_and_loads(season: Season) -> None:
    text = dumps(season)

    assert storage._validator().is_valid(season_to_dict(season))
    assert loads(text) == season
    assert dumps(loads(text)) == text


def _paths(node: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a JSON document, the document itself left out."""
    children: list[tuple[str | int, Any]] = (
        list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
    )
    found: list[tuple[str | int, ...]] = []
    for key, child in children:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


_SMALL = json.loads((DOCUMENTS / "v2_small.sprintplan").read_text(encoding="utf-8"))
_PLACES = _paths(_SMALL)
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 500) | st.floats(-1e3, 1e3) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(_PLACES), value=_JSON_VALUES, remove=st.booleans())
def test_a_corrupted_field_is_refused_with_a_place_never_a_crash(
    place: tuple[str | int, ...], value: Any, remove: bool
) -> None:
    data = json.loads(json.dumps(_SMALL))
    parent = data
    for key in place[:-1]:
        parent = parent[key]
    if remove:
        del parent[place[-1]]
    else:
        parent[place[-1]] = value
    text = json.dumps(data, indent=2, ensure_ascii=False)
    try:
        season = loads(text)
    except DocumentError as error:
        assert error.place and error.reason
        assert "\n" not in error.reason
    else:
        # Accepted only if it is a season that saves back as valid.
        assert loads(dumps(season)) == season
