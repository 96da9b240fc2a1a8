"""The data files' reader gives what tomllib gives: on the shipped files, on the plain part it
reads itself, and on TOML outside it (which it hands to tomllib)."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resources
from planner.document import plain_toml
from planner.document.plain_toml import read_toml
from planner.engine.rules import RULES_RESOURCE, parse_rules


def typed(value: Any) -> Any:
    """``value`` with the type of every part beside it: 12 and 12.0 compare equal, and must not here."""
    if isinstance(value, dict):
        return ("dict", [(key, typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    return (type(value).__name__, value)


def plain(text: str) -> Any:
    """What the line reader makes of ``text`` without tomllib, or None where it hands it on."""
    try:
        return plain_toml._read_plain(text)
    except plain_toml._NotPlain:
        return None


@pytest.mark.parametrize("name", [RULES_RESOURCE, "data/exercises.toml"])
def test_shipped_files_read_as_tomllib_reads_them_without_tomllib(name: str) -> None:
    text = resources.read_text(name)
    read = plain(text)
    assert read is not None  # the files keep to the plain part: the fast path is the one taken
    assert typed(read) == typed(tomllib.loads(text))


def test_the_rule_book_has_every_rule_with_its_values() -> None:
    text = resources.read_text(RULES_RESOURCE)
    book = parse_rules(text)
    raw = tomllib.loads(text)["rule"]
    assert [rule.id for rule in book] == [r["id"] for r in raw]
    for rule, r in zip(book, raw, strict=True):
        assert (rule.source, rule.grade, rule.hard, rule.title, rule.text) == (
            r["source"], r["grade"], r["kind"] == "hard", r["title"], r["text"])
        assert typed(dict(rule.values)) == typed(r.get("values", {}))


PLAIN = [
    'a = 1\nb = -2\nc = 0.5\nd = -0.25\ne = "x y # not a comment"\nf = true\ng = false\n',
    "# a comment\n\n[[t]]\nk = 1\n\n[[t]]\nk = 2\n# another\n[[u]]\n",
    'v = [1, 2.5, "a", true]\nw = []\nx = [ 1 , 2 , ]\ny = { a = 1, b = [2, 3], c = "d" }\nz = {}\n',
    'k = "ünïcödé – τ"\r\nm = 3\r\n',
    'top = 1\n[[t]]\ntop = 2\n',
    'a = 1 # a comment after a value\nb = [1, 2] #\n',
]

NOT_PLAIN = [
    'a = "tab\\tescape"\n',  # escapes
    "a = 'literal'\n",
    'a = """multi\nline"""\n',
    "a = 1_000\n",
    "a = 1e3\n",
    "a = 0x1F\n",
    "a = +1\n",
    "a = inf\n",
    "a = 2027-01-01\n",
    "a.b = 1\n",
    '"quoted" = 1\n',
    "[table]\nk = 1\n",
    "a = [\n  1,\n  2,\n]\n",
    "\ta = 1\n",
    "  # indented comment\n",
    "a = { b = 1, }\n",  # invalid: tomllib says why
    "a = 1\na = 2\n",  # invalid: a key twice
    "a = 1\n[[a]]\n",  # invalid: a table array over a value
    "a = { b = 1, b = 2 }\n",
    "a = 01\n",
    "a = [1 2]\n",
    "a = trueish\n",
    "# bad \x01 control\n",
    'a = "bad \x7f control"\n',
    "a = 1\rb = 2\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_part_reads_as_tomllib_reads_it(text: str) -> None:
    read = plain(text)
    assert read is not None
    assert typed(read) == typed(tomllib.loads(text))
    assert typed(read_toml(text)) == typed(read)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_anything_else_goes_to_tomllib(text: str) -> None:
    assert plain(text) is None
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        with pytest.raises(tomllib.TOMLDecodeError):
            read_toml(text)
    else:
        assert typed(read_toml(text)) == typed(expected)


_keys = st.from_regex(r"[a-z_][a-z0-9_]{0,6}", fullmatch=True)
_scalars = st.one_of(
    st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: round(f, 3)),
    st.booleans(),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
)


def _toml(value: Any) -> str:
    # tomllib has no writer; each value is written as TOML says it (repr() of a float is TOML).
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + "".join(f"\\u{ord(c):04x}" if c in '"\\' or ord(c) < 32 or ord(c) == 127 else c
                             for c in value if ord(c) <= 0xFFFF) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    return repr(value)


@given(st.dictionaries(_keys, st.one_of(_scalars, st.lists(_scalars, max_size=4),
                                        st.dictionaries(_keys, _scalars, max_size=4)), max_size=6))
def test_any_document_reads_as_tomllib_reads_it(document: dict[str, Any]) -> None:
    text = "[[row]]\n" + "".join(f"{key} = {_toml(value)}\n" for key, value in document.items())
    assert typed(read_toml(text)) == typed(tomllib.loads(text))


def test_a_rule_is_equal_by_value_and_never_changes() -> None:
    text = resources.read_text(RULES_RESOURCE)
    first, again = parse_rules(text), parse_rules(text)
    assert first is not again
    assert list(first) == list(again)
    rule = first["taper.a"]
    assert rule != first["wave"]
    assert rule.number("last_week_max") == 0.6 and rule.whole("reference_weeks") == 3
    assert rule.whole("last_week_max") == int(0.6)  # a whole number is the value cut, as int() cuts it
    with pytest.raises(TypeError, match="missing or not a number"):
        rule.whole("no_such_value")
    with pytest.raises(TypeError, match="missing or not a number"):
        first["phase.single"].number("no_such_value")
    with pytest.raises(AttributeError):
        rule.title = "changed"
    assert rule.title == again["taper.a"].title
