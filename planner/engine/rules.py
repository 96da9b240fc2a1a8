"""The rule book: every number the engine uses, read from ``resources/data/rules.toml``.

Keeping the numbers in one data file, each with the id of its source in the training-science
reference, lets a coach see why a session looks as it does and lets the numbers be revised
without touching the engine.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType

import resources

RULES_RESOURCE = "data/rules.toml"


class Rule:
    """One rule of the book. A plain class rather than a frozen dataclass: the window makes its
    class before the first paint, and a dataclass's generated methods cost more to make than the
    rule book takes to read. Equal by value, like the dataclass it was; never changed once made."""

    __slots__ = ("_numbers", "_wholes", "grade", "hard", "id", "source", "text", "title", "values")

    id: str
    source: str
    grade: str
    hard: bool
    title: str
    text: str
    values: Mapping[str, object]
    # The numeric values as floats and as whole numbers, read in the engine's inner loops.
    _numbers: dict[str, float]
    _wholes: dict[str, int]

    def __init__(
        self, id: str, source: str, grade: str, hard: bool, title: str, text: str, values: Mapping[str, object]
    ) -> None:
        setter = object.__setattr__
        setter(self, "id", id)
        setter(self, "source", source)
        setter(self, "grade", grade)
        setter(self, "hard", hard)
        setter(self, "title", title)
        setter(self, "text", text)
        setter(self, "values", values)
        numbers = {k: float(v) for k, v in values.items() if isinstance(v, int | float) and not isinstance(v, bool)}
        setter(self, "_numbers", numbers)
        setter(self, "_wholes", {k: int(v) for k, v in numbers.items()})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"rule {self.id}: a rule is not changed once made")

    def _fields(self) -> tuple[object, ...]:
        return self.id, self.source, self.grade, self.hard, self.title, self.text, self.values

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rule):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # its values are a mapping, as the dataclass's were

    def __repr__(self) -> str:
        return (f"Rule(id={self.id!r}, source={self.source!r}, grade={self.grade!r}, hard={self.hard!r}, "
                f"title={self.title!r}, text={self.text!r}, values={self.values!r})")

    def number(self, key: str) -> float:
        try:
            return self._numbers[key]
        except KeyError:
            raise TypeError(f"rule {self.id}: value {key!r} is missing or not a number") from None

    def whole(self, key: str) -> int:
        try:
            return self._wholes[key]
        except KeyError:
            raise TypeError(f"rule {self.id}: value {key!r} is missing or not a number") from None

    def word(self, key: str) -> str:
        """A value that names a choice (a formula, say)."""
        value = self.values.get(key)
        if not isinstance(value, str):
            raise TypeError(f"rule {self.id}: value {key!r} is missing or not a word")
        return value

    def numbers(self, key: str) -> tuple[float, ...]:
        value = self.values[key]
        if not isinstance(value, list):
            raise TypeError(f"rule {self.id}: value {key!r} is not a list")
        return tuple(float(v) for v in value)


class RuleBook:
    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules

        self._by_id = {rule.id: rule for rule in rules}
        if len(self._by_id) != len(rules):
            raise ValueError("rules.toml: a rule id is used twice")

    def __getitem__(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)


def parse_rules(text: str) -> RuleBook:
    data = tomllib.loads(text)
    rules = []
    for raw in data["rule"]:
        rules.append(
            Rule(
                id=str(raw["id"]),
                source=str(raw["source"]),
                grade=str(raw["grade"]),
                hard=raw["kind"] == "hard",
                title=str(raw["title"]),
                text=str(raw["text"]),
                values=MappingProxyType(dict(raw.get("values", {}))),
            )
        )
    return RuleBook(tuple(rules))


@cache
def rule_book() -> RuleBook:
    """The shipped rule book, read once per process."""
    return parse_rules(resources.read_text(RULES_RESOURCE))
