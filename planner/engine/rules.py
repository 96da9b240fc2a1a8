"""The rule book: every number the engine uses, read from ``resources/data/rules.toml``.

Keeping the numbers in one data file, each with the id of its source in the training-science
reference, lets a coach see why a session looks as it does and lets the numbers be revised
without touching the engine.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

# The compiled tomli, as planner.document.catalogue says.
import tomli

import resources

RULES_RESOURCE = "data/rules.toml"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    source: str
    grade: str
    hard: bool
    title: str
    text: str
    values: Mapping[str, object]
    # The numeric values as floats and as whole numbers, read in the engine's inner loops:
    # worked out from ``values`` (``__post_init__``), never given.
    _numbers: Mapping[str, float] = field(init=False, repr=False, compare=False)
    _wholes: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        numbers = {
            k: float(v) for k, v in self.values.items() if isinstance(v, int | float) and not isinstance(v, bool)
        }
        object.__setattr__(self, "_numbers", numbers)
        # A number with no whole (an infinity) fails when it is asked for as one, not before.
        wholes = {k: int(v) for k, v in numbers.items() if math.isfinite(v)}
        object.__setattr__(self, "_wholes", wholes)

    def number(self, key: str) -> float:
        try:
            return self._numbers[key]
        except KeyError:
            raise TypeError(f"rule {self.id}: value {key!r} is missing or not a number") from None

    def whole(self, key: str) -> int:
        whole = self._wholes.get(key)
        # Missing, not a number or not finite: said as ``number`` and ``int`` say it.
        return int(self.number(key)) if whole is None else whole

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
    data = tomli.loads(text)
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
