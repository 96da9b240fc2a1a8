"""Reading a spreadsheet saved as CSV, as every import does: the file within its size, its text
in the encodings Excel saves, the delimiter the sheet was saved with, records with the line each
starts on, and values from the file quoted in a refusal."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.document.limits import one_line

__all__ = [
    "SHOWN_LENGTH", "cells_up_to", "csv_records", "cut", "decoded", "delimiter", "read_capped", "sheet_rows", "shown",
]

_ELLIPSIS = "\u2026"
# A value quoted in a refusal: enough to recognise it in the sheet.
SHOWN_LENGTH = 40


def read_capped(file: Path, most: int, refusal: type[Exception], limits: str) -> bytes:
    """The file's bytes, reading no more than one byte past ``most``; a file that cannot be
    read or is larger is refused with ``refusal`` (``limits`` says what an import reads)."""
    try:
        with file.open("rb") as stream:
            raw = stream.read(most + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise refusal(f"cannot read the file ({reason})") from None
    if len(raw) > most:
        try:
            size = file.stat().st_size
        except OSError:
            size = 0
        # A device or pipe has no size of its own, and a size that rounds to the limit says nothing.
        said = f"{size / 1e6:.1f} MB" if round(size / 1e6, 1) > most / 1e6 else f"larger than {most / 1e6:g} MB"
        raise refusal(f"the file is {said}; {limits}")
    return raw


def decoded(raw: bytes, refusal: type[Exception], *, binary: bool = False) -> str:
    """The text of a spreadsheet saved as CSV: UTF-8 (with or without a byte-order mark),
    UTF-16 as Excel's "Unicode text" writes it, or the Windows code page Excel's plain "CSV"
    uses in Western Europe. Text holding NUL bytes is refused with ``refusal`` unless
    ``binary`` lets them through (an import that cleans every value it keeps)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise refusal("not readable as text (broken UTF-16)") from None
    if not binary and b"\x00" in raw:
        raise refusal("not a spreadsheet saved as CSV: it holds binary data")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def cut(text: str, length: int) -> str:
    """``text`` cut to ``length`` characters with an ellipsis."""
    return text if len(text) <= length else text[: length - 1].rstrip() + _ELLIPSIS


def shown(text: str) -> str:
    """A value from the file quoted in a refusal: one short line without control characters."""
    # Only the start is needed, so a value of megabytes is not cleaned whole.
    return repr(cut(one_line(text[: 4 * SHOWN_LENGTH]), SHOWN_LENGTH))


def delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most columns: Excel writes ";" where the
    decimal separator is a comma, and its "Unicode text" is tab separated."""
    return max((",", ";", "\t"), key=lambda d: len(next(csv.reader([header_line], delimiter=d))))


def csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of every CSV record, the header (the first line that is not
    blank) first."""
    # Old Mac spreadsheets end lines with a lone CR; counting lines needs one convention.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        return
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter(lines[header_index]))
    # reader.line_num counts physical lines, so a quoted cell spanning lines still gives each
    # record the line it starts on.
    previous = 0
    for cells in reader:
        yield header_index + previous + 1, cells
        previous = reader.line_num


@contextmanager
def cells_up_to(limit: int) -> Iterator[None]:
    """Cells of up to ``limit`` characters while inside: the csv module refuses a cell over
    131,072 characters (a process-wide setting), and no cell is longer than the bounded file.
    The setting is put back afterwards."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


Rows = Iterator[tuple[int, list[str]]]


@contextmanager
def sheet_rows(
    text: str,
    *,
    cell_limit: int,
    most_rows: int,
    error: type[ValueError],
    too_many: Callable[[], ValueError],
) -> Iterator[tuple[list[str], Rows]]:
    """The header of the CSV ``text`` and its rows that are not blank, (first line number,
    cells) each, read while inside, as every import reads a sheet: cells of up to
    ``cell_limit`` characters, ``error`` for an empty file or one the csv module cannot read
    (raised where it breaks, while reading the rows too), ``too_many()`` past ``most_rows``."""

    def rows(records: Rows) -> Rows:
        count = 0
        for line, cells in records:
            if not any(c.strip() for c in cells):
                continue
            count += 1
            if count > most_rows:
                raise too_many()
            yield line, cells

    with cells_up_to(cell_limit):
        records = csv_records(text.removeprefix("\ufeff"))
        try:
            first = next(records, None)
            if first is None:
                raise error("the file is empty")
            yield first[1], rows(records)
        except csv.Error as problem:
            raise error(f"not readable as CSV ({problem})") from None
