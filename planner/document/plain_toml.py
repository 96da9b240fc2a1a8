"""Reading the shipped TOML data files (the rule book, the exercise catalogue) quickly.

Both files keep to a plain part of TOML: comments, ``[[table]]`` headers, and one ``key =
value`` a line, the value a string without escapes, a whole or decimal number, a boolean, or
a one-line array or inline table of those. ``tomllib`` reads any TOML, but its general parser
(and its import, which compiles its patterns) is most of the time a fresh window spends on the
rule book. ``read_toml`` reads the plain part line by line and hands any file that leaves it
to ``tomllib``, so the result is always what ``tomllib`` gives (a test holds the two readers
equal on the shipped files and on files outside the plain part).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["read_toml"]


class _NotPlain(Exception):
    """The text leaves the plain part: ``tomllib`` reads it (or says what is wrong with it)."""


# TOML's basic strings exclude control characters but the tab; a backslash starts an escape.
_STRING = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'
_FLOAT = r"-?(?:0|[1-9][0-9]*)\.[0-9]+"
_INTEGER = r"-?(?:0|[1-9][0-9]*)"
_KEY = r"[A-Za-z0-9_-]+"
# One token of a value: each alternative names what it is.
_TOKEN = re.compile(
    rf" *(?:(?P<string>{_STRING})|(?P<float>{_FLOAT})(?![0-9eE_.])|(?P<integer>{_INTEGER})(?![0-9eE_.xob])"
    rf"|(?P<true>true)|(?P<false>false)|(?P<open>[\[{{]))"
)
_LINE = re.compile(rf"({_KEY}) *= *")
_TABLE_ARRAY = re.compile(rf"\[\[ *({_KEY}) *\]\] *")
# A comment may hold anything but control characters (the tab aside).
_COMMENT = re.compile(r" *(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?")
_SEPARATOR = re.compile(r" *(?:(,)|([\]}]))")
_INLINE_KEY = re.compile(rf" *({_KEY}) *= *")


def read_toml(text: str) -> dict[str, Any]:
    """``text`` read as TOML: the same dictionary ``tomllib.loads`` gives, or its error."""
    try:
        return _read_plain(text)
    except _NotPlain:
        import tomllib  # only for a file outside the plain part

        return tomllib.loads(text)


def _read_plain(text: str) -> dict[str, Any]:
    document: dict[str, Any] = {}
    table = document
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        if not line or line[0] == "#" or line.isspace():
            if _COMMENT.fullmatch(line) is None:
                raise _NotPlain
            continue
        found = _LINE.match(line)
        if found is not None:
            key = found.group(1)
            value, end = _value(line, found.end())
            if _COMMENT.fullmatch(line, end) is None or key in table:
                raise _NotPlain
            table[key] = value
            continue
        header = _TABLE_ARRAY.fullmatch(line)
        if header is None:
            raise _NotPlain
        tables = document.setdefault(header.group(1), [])
        if not isinstance(tables, list):
            raise _NotPlain
        table = {}
        tables.append(table)
    return document


def _value(line: str, at: int) -> tuple[Any, int]:
    """The value that starts at ``at`` in ``line`` and where it ends."""
    token = _TOKEN.match(line, at)
    if token is None:
        raise _NotPlain
    kind = token.lastgroup
    found = token.group(kind or 0)
    end = token.end()
    if kind == "string":
        return found[1:-1], end
    if kind == "integer":
        return int(found), end
    if kind == "float":
        return float(found), end
    if kind == "true":
        return True, end
    if kind == "false":
        return False, end
    if found == "[":
        return _array(line, end)
    return _inline_table(line, end)


def _array(line: str, at: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    closing = _SEPARATOR.match(line, at)
    if closing is not None and closing.group(2) == "]":
        return items, closing.end()
    while True:
        item, at = _value(line, at)
        items.append(item)
        separator = _SEPARATOR.match(line, at)
        if separator is None:
            raise _NotPlain
        at = separator.end()
        if separator.group(2) == "]":
            return items, at
        if separator.group(2) is not None:
            raise _NotPlain
        closing = _SEPARATOR.match(line, at)
        if closing is not None and closing.group(2) == "]":  # a trailing comma
            return items, closing.end()


def _inline_table(line: str, at: int) -> tuple[dict[str, Any], int]:
    table: dict[str, Any] = {}
    closing = _SEPARATOR.match(line, at)
    if closing is not None and closing.group(2) == "}":
        return table, closing.end()
    while True:
        key = _INLINE_KEY.match(line, at)
        if key is None or key.group(1) in table:
            raise _NotPlain
        table[key.group(1)], at = _value(line, key.end())
        separator = _SEPARATOR.match(line, at)
        if separator is None:
            raise _NotPlain
        at = separator.end()
        if separator.group(2) == "}":
            return table, at
        if separator.group(2) is not None:
            raise _NotPlain
