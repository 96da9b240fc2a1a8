"""The bounds every season document keeps, so that whatever ``check`` accepts, every command,
writer and the window can handle: dates in years the calendar arithmetic and the printouts
cope with, and texts short enough to print on a card and free of characters that break
files (control characters, lone surrogates).

Validation, the edits and the imports all read these; nothing else restates them.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "EFFORT_SCALE",
    "FIRST_BIRTH_YEAR",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_DONE_DISTANCE_M",
    "MAX_DONE_LOAD_KG",
    "MAX_DONE_REPS",
    "MAX_DONE_SETS",
    "MAX_FROM_REPS",
    "MAX_NAME_LENGTH",
    "MAX_NOTE_LENGTH",
    "MAX_RECORD_MINUTES",
    "birth_date_problem",
    "date_problem",
    "one_line",
    "text_problem",
]

# A season is planned around the present; these leave decades either side while keeping
# every date the engine derives (a season plus tapers and recovery weeks) far from the
# calendar's ends (year 1 and 9999), where date arithmetic overflows.
FIRST_YEAR = 1950
LAST_YEAR = 2150
# Birth dates only give an age, but masters athletes run 400 m into their nineties.
FIRST_BIRTH_YEAR = 1900

# A name fits on one line of a card's header; a note fits on one printed page.
MAX_NAME_LENGTH = 80
MAX_NOTE_LENGTH = 2_000

# What a record of a session can hold. Beyond these a typo is far likelier than training (a
# 10 typed as 100), and they keep a squad's records small enough to print and chart.
# Sets of one exercise: the plan prescribes at most 10; warm-up sets logged too fit.
MAX_DONE_SETS = 20
# Reps in one set: the plan's longest sets are 12-15, plyometric drills 10-20 ground contacts.
MAX_DONE_REPS = 100
# The heaviest load a set can hold, in kg (for lb athletes converted): above any squat ever done.
MAX_DONE_LOAD_KG = 600.0
# Metres per rep: a plyometric rep covers at most a few tens; sprint-bounding drills 60.
MAX_DONE_DISTANCE_M = 1_000.0
# A session's minutes: a whole day's training at the most.
MAX_RECORD_MINUTES = 600
# The rep maxes a 1RM is worked out from: formulas such as Epley's and Brzycki's hold to
# about 10-12 reps and drift apart beyond.
MAX_FROM_REPS = (2, 12)
# Session RPE on Borg's CR-10 scale, as the printed cards ask for it.
EFFORT_SCALE = (0.0, 10.0)

_LINE_BREAKS = "\n\r"
# Unicode's control characters (category Cc) and surrogates (Cs), as one scan instead of a
# per-character lookup: every name and note is checked on each edit, load and save.
_BAD_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_IN_NOTES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_WHITESPACE_RUN = re.compile(r"\s+")


def date_problem(day: date) -> str | None:
    """Why ``day`` cannot be in a season, or None when it can."""
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return f"{day.isoformat()} is outside the years {FIRST_YEAR} to {LAST_YEAR} a season can use"


def birth_date_problem(day: date) -> str | None:
    """Why ``day`` cannot be a birth date, or None when it can."""
    if FIRST_BIRTH_YEAR <= day.year <= LAST_YEAR:
        return None
    return f"{day.isoformat()} is outside the years {FIRST_BIRTH_YEAR} to {LAST_YEAR} a birth date can use"


def _bad_character(text: str, bad: re.Pattern[str]) -> str | None:
    found = bad.search(text)
    if found is None:
        return None
    character = found.group()
    if "\ud800" <= character <= "\udfff":
        return f"it holds a broken character (U+{ord(character):04X}, half of a pair)"
    shown = "a line break" if character in _LINE_BREAKS else f"a control character (U+{ord(character):04X})"
    return f"it holds {shown}"


def text_problem(text: str, *, max_length: int = MAX_NAME_LENGTH, multiline: bool = False) -> str | None:
    """Why ``text`` cannot be a name (or, with ``multiline``, a note), or None when it can."""
    if len(text) > max_length:
        return f"it is {len(text):,} characters long; at most {max_length:,} fit"
    return _bad_character(text, _BAD_IN_NOTES if multiline else _BAD_IN_NAMES)


def one_line(text: str) -> str:
    """``text`` as a name from another program: runs of white space (line breaks and tabs
    too) become one space, other control characters and lone surrogates are dropped."""
    spaced = _WHITESPACE_RUN.sub(" ", text).strip()
    return _BAD_IN_NAMES.sub("", spaced)
