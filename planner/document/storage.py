"""Reading and writing ``.sprintplan`` files safely.

``load`` refuses anything but a valid season, naming the place and the reason, and never
writes: an older file is upgraded in memory and only becomes the new layout when the coach
saves. Hostile files (nesting thousands deep, numbers of thousands of digits, pictures) are
refused like any other, in one sentence. ``save`` refuses an invalid season and replaces the
file atomically (``planner.document.atomic``), so a crash or a full disk leaves either the old file or
the new one, never a mix; the old file is kept beside the new one as ``<name>.bak``, and the
temporary files a killed save left behind are removed by the next one.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import math
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import resources
from planner.document.atomic import remove_stale_temporaries, sync_folder, write_temporary
from planner.document.codec import season_from_dict, season_to_dict
from planner.document.migrations import MigrationError, keeps_places, migrate, schema_version_of
from planner.document.model import SCHEMA_VERSION, Season
from planner.document.places import coach_place, coach_reason
from planner.document.text import plural
from planner.document.validation import season_problems

if TYPE_CHECKING:
    from jsonschema_rs import Draft202012Validator, ValidationError

__all__ = ["DocumentError", "dumps", "dumps_unchecked", "load", "loads", "save"]

_log = logging.getLogger(__name__)

SCHEMA_RESOURCE = "schema/season.schema.json"
BACKUP_SUFFIX = ".bak"
FILE_PLACE = "file"
TOP_PLACE = "top level"

PathArg = str | os.PathLike[str]
PathPart = str | int


class DocumentError(Exception):
    """A season file that cannot be loaded or saved.

    ``message`` says what is wrong and where in a coach's words ("Athlete 1 (Łucja Nowak),
    back squat max of 3 March 2027: must be more than 0 kg, found 0 kg (line 68)"); it is what
    ``str`` gives after the file's name, and what the command line prints. ``detail`` is the
    technical version for a "details" box or a bug report: ``place``, where the problem is
    (``"line 12, column 5"``, a field path such as ``"athletes[1].maxes[0].value (line 31)"``,
    ``"file"`` for the file as a whole), and ``reason``, what is wrong there. ``path`` is the
    file (or the ``source`` given to ``loads``), ``line`` the line in the file when known.
    """

    def __init__(
        self, path: str, place: str, reason: str, line: int | None = None, message: str | None = None
    ) -> None:
        super().__init__(path, place, reason, line, message)
        self.path = path
        self.place = place
        self.reason = reason
        self.line = line
        self.message = message or _plain_message(place, reason)

    @property
    def detail(self) -> str:
        return f"{self.place}: {self.reason}"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _plain_message(place: str, reason: str) -> str:
    sentence = reason[:1].upper() + reason[1:]
    return sentence if place in (FILE_PLACE, TOP_PLACE) else f"{sentence} ({place})"


_DAMAGED = "The file is damaged"
_NOT_A_SEASON = "This is not a SprintPlan season file"


# Text ---------------------------------------------------------------------------------------


def dumps(season: Season) -> str:
    """The exact text ``save`` writes for ``season``: stable, so unchanged seasons diff clean."""
    return _json_text(season_to_dict(season))


def dumps_unchecked(season: Season) -> str:
    """``season`` as JSON text even when it breaks the document's rules, for a recovery copy.

    A value JSON cannot hold as it is (NaN, a lone surrogate) is written in a form ``load``
    then refuses with its place, rather than not at all.
    """
    data = season_to_dict(season)
    try:
        text = _json_text(data)
        text.encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return json.dumps(data, indent=2, ensure_ascii=True, allow_nan=True) + "\n"
    return text


def _json_text(data: dict[str, Any]) -> str:
    # allow_nan=False: NaN and Infinity are not JSON, and other programs would refuse the file.
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def loads(text: str, source: str = "<memory>") -> Season:
    """The season held by ``text``; ``source`` names it in errors."""
    data = _parse_json(text, source)
    version = _version(data, source, text)
    current = migrate(data)
    # A document migrated from version 1 has other paths than the file, so its lines cannot
    # be looked up.
    lines_text = text if keeps_places(version) else None
    _check_schema(current, source, lines_text)
    season = season_from_dict(current)
    _check_rules(season, source, lines_text, current)
    return season


def _parse_json(text: str, source: str) -> dict[str, Any]:
    if not text.strip():
        raise DocumentError(source, FILE_PLACE, "the file is empty")
    try:
        data = json.loads(
            text, parse_constant=_refuse_constant, parse_int=_parse_int, parse_float=_parse_float
        )
    except json.JSONDecodeError as error:
        place = f"line {error.lineno}, column {error.colno}"
        raise DocumentError(
            source, place, _json_reason(text, error), error.lineno, _json_message(text, error, place)
        ) from error
    except _ConstantError as error:
        line, column = _line_column(text, _constant_position(text))
        place = f"line {line}, column {column}"
        message = f"{_DAMAGED}: it holds {error}, which is not a number a season file can hold ({place})"
        raise DocumentError(source, place, f"{error} is not a number JSON allows", line, message) from error
    except _NumberError as error:
        line, column = _line_column(text, _number_position(text, error.token))
        place = f"line {line}, column {column}"
        message = f"{_DAMAGED}: it holds {error.words}, larger or longer than any value of a season ({place})"
        raise DocumentError(source, place, error.reason, line, message) from error
    except RecursionError as error:
        raise DocumentError(source, FILE_PLACE, _too_deep_reason(), None, _too_deep_message("")) from error
    if not isinstance(data, dict):
        raise DocumentError(
            source,
            TOP_PLACE,
            f"the file holds {_json_kind(data)}, not a season object",
            None,
            f"{_NOT_A_SEASON} (it holds {_json_kind(data)}, not a season)",
        )
    _check_depth(data, source, text)
    return data


# No number in a season needs more digits than this; Python refuses to convert integers of
# over 4,300 digits, and a float that long is infinite.
_LONGEST_NUMBER = 30
# Lists and objects inside each other; a season nests eight deep at most (a locked week's
# session's item's plates), and the schema validator and the migrations recurse on it.
_DEEPEST_NESTING = 16


class _NumberError(ValueError):
    """A number no field of a season could hold: ``words`` names it in a sentence."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.token = token
        self.words = f"the number {token}" if len(token) <= 20 else f"a number of {len(token):,} characters"

    @property
    def reason(self) -> str:
        return f"{self.words}; no value in a season file is that large or that long"


def _parse_int(token: str) -> int:
    if len(token.lstrip("-")) > _LONGEST_NUMBER:
        raise _NumberError(token)
    return int(token)


def _parse_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value) or len(token) > 2 * _LONGEST_NUMBER:
        raise _NumberError(token)
    return value


_STRING_OR_NUMBER = re.compile(r'"(?:[^"\\]|\\.)*"|(-?[0-9][0-9.eE+-]*)')


def _number_position(text: str, token: str) -> int:
    for match in _STRING_OR_NUMBER.finditer(text):
        if match.group(1) == token:
            return match.start(1)
    return 0


def _too_deep_message(where: str) -> str:
    at = f" (in {where})" if where else ""
    return f"{_DAMAGED}: lists or objects lie inside each other far deeper than in any season file{at}"


def _too_deep_reason() -> str:
    return f"lists or objects are nested more than {_DEEPEST_NESTING} deep, far deeper than in any season file"


def _check_depth(data: dict[str, Any], source: str, text: str) -> None:
    """Refuse absurd nesting before anything walks the document recursively."""
    # Iterative on purpose: recursion is what such a file would break.
    pending: list[tuple[Any, list[PathPart]]] = [(data, [])]
    while pending:
        value, parts = pending.pop()
        if len(parts) > _DEEPEST_NESTING:
            # The last field name is where the nesting starts; the indexes below it are noise.
            named = max((i for i, part in enumerate(parts) if isinstance(part, str)), default=-1)
            where = parts[: named + 1]
            place, line = _place(where, text)
            words = coach_place(where, data)
            message = _too_deep_message(_with_line(words[:1].lower() + words[1:], line))
            raise DocumentError(source, place, _too_deep_reason(), line, message)
        if isinstance(value, dict):
            pending.extend((child, [*parts, str(key)]) for key, child in value.items())
        elif isinstance(value, list):
            pending.extend((child, [*parts, i]) for i, child in enumerate(value))


class _ConstantError(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _ConstantError(name)


_STRING_OR_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _constant_position(text: str) -> int:
    # Strings are matched first so that "NaN" inside a note is skipped.
    for match in _STRING_OR_CONSTANT.finditer(text):
        if match.group(1):
            return match.start(1)
    return 0


def _json_message(text: str, error: json.JSONDecodeError, place: str) -> str:
    if error.pos >= len(text.rstrip()):
        return f"{_DAMAGED}: it ends too early, as if cut short ({place})"
    if not text.lstrip().startswith(("{", "[")):
        return f"{_NOT_A_SEASON} (it is not JSON text, {place})"
    return f"{_DAMAGED}: it is not a season file SprintPlan can read ({place})"


def _json_reason(text: str, error: json.JSONDecodeError) -> str:
    if error.pos >= len(text.rstrip()):
        return f"the file ends too early; it may be cut short ({error.msg})"
    return f"the file is not valid JSON ({error.msg})"


def _json_kind(value: Any) -> str:
    kinds = {list: "a list", str: "a text", bool: "true or false", type(None): "null"}
    return kinds.get(type(value), "a number")


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def _version(data: dict[str, Any], source: str, text: str) -> int:
    try:
        return schema_version_of(data)
    except MigrationError as error:
        place, line = _place(["schema_version"], text)
        raise DocumentError(source, place, str(error), line, _version_message(data, str(error))) from error


def _version_message(data: dict[str, Any], reason: str) -> str:
    version = data.get("schema_version")
    if "schema_version" not in data:
        return f"{_NOT_A_SEASON} (it has no schema_version)"
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        return f"This season was saved by a newer SprintPlan (file version {version}); update SprintPlan to open it"
    return f"{_NOT_A_SEASON} ({reason})"


# Files --------------------------------------------------------------------------------------


def load(path: PathArg) -> Season:
    """The season in the file at ``path``; raises ``DocumentError`` for anything else."""
    source = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise DocumentError(source, FILE_PLACE, _read_reason(error)) from error
    return loads(_decode(raw, source), source)


def _read_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such file"
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not a season file"
    if isinstance(error, PermissionError):
        return "permission denied: SprintPlan may not read this file"
    return f"the file cannot be read ({error.strerror or error})"


def _decode(raw: bytes, source: str) -> str:
    try:
        # utf-8-sig: some Windows editors start UTF-8 files with a byte-order mark.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        bad = raw[error.start : error.start + 1].hex().upper()
        place = f"line {line}, column {column}"
        raise DocumentError(
            source,
            place,
            f"the file is not UTF-8 text (byte 0x{bad}); save it from your editor as UTF-8",
            line,
            _binary_message(raw, place),
        ) from error


# The first bytes of files a season file is mistaken for, and what they are to a coach.
_SIGNATURES = (
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an office document"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"\xff\xfe", "text saved as UTF-16"),
    (b"\xfe\xff", "text saved as UTF-16"),
)


def _binary_message(raw: bytes, place: str) -> str:
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            return f"{_NOT_A_SEASON} (it looks like {kind})"
    if b"\x00" in raw[:4096]:
        return f"{_NOT_A_SEASON} (it is not text)"
    return (
        f"{_DAMAGED}: it holds a character that is not UTF-8 text ({place}); "
        "if it was edited by hand, save it from the editor as UTF-8"
    )


def save(season: Season, path: PathArg) -> str | None:
    """Write ``season`` to ``path`` atomically, keeping the previous file as ``<name>.bak``.

    Raises ``DocumentError`` and writes nothing when the season is invalid or the file
    cannot be written; the file and its backup are then as they were. Returns None, or a
    sentence for the coach when the season was saved but its previous version could not be
    kept as the backup (a folder of that name in the way, for one).
    """
    source = os.fspath(path)
    data = season_to_dict(season)
    _check_rules(season, source, None, data)
    _check_schema(data, source, None)
    try:
        payload = _json_text(data).encode("utf-8")
    except (ValueError, UnicodeEncodeError) as error:
        raise DocumentError(source, TOP_PLACE, f"the season cannot be written ({error})") from error
    target = Path(os.path.realpath(path))
    try:
        return _replace(target, payload)
    except OSError as error:
        raise DocumentError(source, FILE_PLACE, _write_reason(error, target)) from error


def backup_path(path: PathArg) -> Path:
    """Where ``save`` keeps the previous version of ``path``."""
    plain = Path(path)
    return plain.with_name(plain.name + BACKUP_SUFFIX)


def _write_reason(error: OSError, target: Path) -> str:
    if isinstance(error, FileNotFoundError):
        return f"the folder {target.parent} does not exist"
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not a season file"
    if isinstance(error, PermissionError):
        return f"permission denied: SprintPlan may not write {error.filename or target}"
    return f"the file cannot be written ({error.strerror or error})"


def _replace(target: Path, payload: bytes) -> str | None:
    """Put ``payload`` at ``target``, the old bytes becoming the backup.

    The backup is installed before the target is replaced, so that whenever the process
    stops, the backup holds the version before the file's current one or the same one,
    never an older one. It is staged as a copy rather than by renaming the old file away,
    so the target never goes missing. Returns why the backup could not be kept, if so.
    """
    # A save killed halfway leaves its temporary files behind; this save clears them.
    remove_stale_temporaries(target)
    previous, mode = _previous_version(target)
    problem = None
    with _temporary_files() as temporaries:
        new = _write_temporary(target, payload, mode, temporaries)
        if previous is not None:
            backup = _write_temporary(target, previous, mode, temporaries)
            problem = _install_backup(backup, target, temporaries)
        new.replace(target)
        temporaries.remove(new)
    sync_folder(target.parent)
    return problem


def _previous_version(target: Path) -> tuple[bytes | None, int]:
    """The current file's bytes (None when there is none) and the mode the new file gets."""
    try:
        previous = target.read_bytes()
    except FileNotFoundError:
        # Season files hold athletes' personal data, so a new one is private to the user.
        return None, 0o600
    return previous, stat.S_IMODE(target.stat().st_mode)


@contextlib.contextmanager
def _temporary_files() -> Iterator[list[Path]]:
    temporaries: list[Path] = []
    try:
        yield temporaries
    finally:
        for leftover in temporaries:
            with contextlib.suppress(OSError):
                leftover.unlink()


def _write_temporary(target: Path, payload: bytes, mode: int, temporaries: list[Path]) -> Path:
    temporary = write_temporary(target, payload, mode)
    temporaries.append(temporary)
    return temporary


def _install_backup(backup: Path, target: Path, temporaries: list[Path]) -> str | None:
    kept = backup_path(target)
    try:
        backup.replace(kept)
    except OSError as error:
        # Failing the save would make the coach think the work is lost; the season is saved
        # all the same, and the coach is told the previous version was not kept.
        problem = f"saved, but the previous version could not be kept as {kept.name}: {_backup_reason(error, kept)}"
        _log.info("%s", problem)
        return problem
    temporaries.remove(backup)
    return None


def _backup_reason(error: OSError, kept: Path) -> str:
    if kept.is_dir():
        return "a folder of that name is in the way"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


# Checks -------------------------------------------------------------------------------------


@functools.cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resources.read_text(SCHEMA_RESOURCE))
    return schema


@functools.cache
def _validator() -> Draft202012Validator:
    """The season schema's validator, compiled on first use and then shared."""
    # Imported here, not with the module: a window started on the demo season needs it only
    # once a file is opened or saved.
    from jsonschema_rs import Draft202012Validator

    return Draft202012Validator(_schema(), validate_formats=True)


def _check_schema(data: dict[str, Any], source: str, text: str | None) -> None:
    validator = _validator()
    if validator.is_valid(data):
        return
    error = _fitting_branch_error(_most_relevant(list(validator.iter_errors(data))))
    _raise_at(source, list(error.instance_path), _schema_reason(error), data, text)


def _check_rules(season: Season, source: str, text: str | None, data: dict[str, Any]) -> None:
    problems = season_problems(season)
    if not problems:
        return
    first = problems[0]
    reason = first.message
    if len(problems) > 1:
        more = len(problems) - 1
        reason += f" (and {plural(more, 'more problem')})"
    _raise_at(source, _parse_field_path(first.path), reason, data, text)


def _raise_at(source: str, parts: list[PathPart], reason: str, data: dict[str, Any], text: str | None) -> NoReturn:
    place, line = _place(parts, text)
    where = coach_place(parts, data) or "The season"
    message = _with_line(f"{where}: {coach_reason(parts, data, reason)}", line)
    raise DocumentError(source, place, reason, line, message)


def _with_line(words: str, line: int | None) -> str:
    return words if line is None else f"{words} (line {line})"


# Keywords that only say "none of these alternatives fit": any other error at the same place
# says more.
_WEAK_KEYWORDS = frozenset({"anyOf", "oneOf"})


def _most_relevant(errors: list[ValidationError]) -> ValidationError:
    """The error to report: the one highest up in the document (a missing field before a
    wrong value inside it), preferring a specific keyword, then the first found."""
    ranked = enumerate(errors)
    return min(ranked, key=lambda pair: (len(pair[1].instance_path), pair[1].kind.name in _WEAK_KEYWORDS, pair[0]))[1]


def _fitting_branch_error(error: ValidationError) -> ValidationError:
    """For a value that may be one thing or null, the error inside the branch its type fits.

    A broken session in an override otherwise reports only that it is neither a session nor
    null, without saying which of its fields is wrong.
    """
    from jsonschema_rs import ValidationErrorKind

    while isinstance(error.kind, ValidationErrorKind.AnyOf):
        here = len(error.instance_path)
        fitting = [
            child
            for branch in error.kind.context
            # A branch whose type does not fit the value at all is the wrong alternative.
            if not any(c.kind.name == "type" and len(c.instance_path) == here for c in branch)
            for child in branch
        ]
        if not fitting:
            break
        error = _most_relevant(fitting)
    return error


def _subschema(path: Sequence[str | int]) -> Any:
    """The part of the schema at ``path``; None if the path leads nowhere (the reason then
    falls back to the validator's own message rather than failing)."""
    node: Any = _schema()
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


# Wording for the branches of the schema's "something or null" fields.
_DEFINITION_WORDS = {
    "#/$defs/date": "a date written YYYY-MM-DD",
    "#/$defs/id": "a non-empty text",
    "#/$defs/session": "a session",
}


def _branch_words(branch: dict[str, Any]) -> str:
    if "$ref" in branch:
        return _DEFINITION_WORDS.get(branch["$ref"], "an object")
    return _type_words(branch.get("type", "object"))


def _schema_reason(error: ValidationError) -> str:
    keyword = error.kind.name
    # The schema object holding the failed keyword, and the keyword's value there.
    schema = _subschema(error.schema_path[:-1])
    schema = schema if isinstance(schema, dict) else {}
    value = schema.get(str(error.schema_path[-1])) if error.schema_path else None
    instance: Any = error.instance
    if keyword == "anyOf" and isinstance(value, list):
        expected = " or ".join(_branch_words(branch) for branch in value)
        return f"expected {expected}, found {_json_kind_of(instance)}"
    if schema.get("title") == "Date" and keyword in ("pattern", "format"):
        return f"{_shown(instance)} is not a date written YYYY-MM-DD"
    if keyword == "required":
        missing = [name for name in schema.get("required", ()) if name not in instance]
        return f"the field {missing[0]!r} is missing"
    if keyword == "additionalProperties":
        unknown = sorted(set(instance) - set(schema.get("properties", {})))
        return f"unknown field {unknown[0]!r}"
    if keyword == "type":
        return f"expected {_type_words(value)}, found {_json_kind_of(instance)}"
    if keyword == "enum":
        return f"expected one of {_choices(value)}, found {_json_kind_of(instance)}"
    if keyword in ("minimum", "exclusiveMinimum", "maximum"):
        return _bound_reason(keyword, value, instance)
    if keyword in ("minItems", "maxItems"):
        return f"needs {_count_words(schema)} entries, found {len(instance)}"
    if keyword == "minLength":
        return "must not be empty"
    if keyword == "maxLength" and isinstance(instance, str):
        return f"the text is {len(instance):,} characters long; at most {value:,} fit"
    return error.message


def _choices(values: Any) -> str:
    # Spelled as in the file, so a coach can copy one.
    spelled = [json.dumps(value, ensure_ascii=False) for value in values]
    return ", ".join(spelled[:-1]) + f" or {spelled[-1]}" if len(spelled) > 1 else spelled[0]


def _type_words(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    words = {
        "string": "a text",
        "number": "a number",
        "integer": "a whole number",
        "boolean": "true or false",
        "object": "an object",
        "array": "a list",
        "null": "null",
    }
    return " or ".join(words[name] for name in names)


# A value quoted in a reason is cut to this: a hostile file's megabyte of text is no message.
_LONGEST_QUOTE = 40


def _shown(value: Any) -> str:
    if isinstance(value, str) and len(value) > _LONGEST_QUOTE:
        return f"{value[:_LONGEST_QUOTE]!r}... ({len(value):,} characters)"
    return repr(value)


def _json_kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return f"the text {_shown(value)}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"the number {value!r}"
    return _json_kind(value)


def _bound_reason(validator: str, bound: Any, value: Any) -> str:
    relation = {
        "minimum": "at least",
        "exclusiveMinimum": "more than",
        "maximum": "at most",
    }[validator]
    return f"must be {relation} {bound}, found {value}"


def _count_words(schema: dict[str, Any]) -> str:
    low, high = schema.get("minItems"), schema.get("maxItems")
    if low == high:
        return f"exactly {low}"
    return f"at least {low}" if low is not None else f"at most {high}"


# Places -------------------------------------------------------------------------------------

_PATH_PART = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _parse_field_path(path: str) -> list[PathPart]:
    """``"athletes[1].maxes[0].value"`` as ``["athletes", 1, "maxes", 0, "value"]``."""
    return [name if name else int(index) for name, index in _PATH_PART.findall(path)]


def _render_field_path(parts: Sequence[PathPart]) -> str:
    rendered = ""
    for part in parts:
        if isinstance(part, int):
            rendered += f"[{part}]"
        else:
            rendered += f".{part}" if rendered else part
    return rendered


def _place(parts: Sequence[PathPart], text: str | None) -> tuple[str, int | None]:
    if not parts:
        return TOP_PLACE, None
    rendered = _render_field_path(parts)
    line = None if text is None else _line_of(text, parts)
    return (rendered if line is None else f"{rendered} (line {line})"), line


def _line_of(text: str, parts: Sequence[PathPart]) -> int | None:
    """The line where the value at ``parts`` starts in the JSON ``text``, if it is there."""
    position = _skip_space(text, 0)
    for part in parts:
        try:
            found = _child_position(text, position, part)
        except (IndexError, ValueError, RecursionError):
            return None
        if found is None:
            return None
        position = found
    return text.count("\n", 0, position) + 1


def _skip_space(text: str, position: int) -> int:
    match = _WHITESPACE.match(text, position)
    return position if match is None else match.end()


def _child_position(text: str, position: int, part: PathPart) -> int | None:
    opener, closer = ("{", "}") if isinstance(part, str) else ("[", "]")
    if text[position] != opener:
        return None
    position = _skip_space(text, position + 1)
    index = 0
    while text[position] != closer:
        if isinstance(part, str):
            key, position = _DECODER.raw_decode(text, position)
            position = _skip_space(text, _skip_space(text, position) + 1)
            if key == part:
                return position
        elif index == part:
            return position
        _, position = _DECODER.raw_decode(text, position)
        position = _skip_space(text, position)
        if text[position] == ",":
            position = _skip_space(text, position + 1)
        index += 1
    return None
