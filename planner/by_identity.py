"""Values worked out once per object and kept by the object's identity.

The sessions of a plan are shared by the plans derived one after another (see
planner.engine.generator), so figures worked out from a session (its volume-load, its top
sets, its lower-body work, what is wrong with a stored one) are worked out once; so are
those of a season's records. It sits below the layers: the document's checks use it too.
Hashing a whole session would cost more than the work, so the key is the objects' ids; each
entry holds its objects, so an id cannot be taken by another object while the entry lives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class ByIdentity(Generic[V]):
    """A table of values keyed by the identity of a few objects, emptied when ``kept`` is reached."""

    def __init__(self, kept: int = 20_000) -> None:
        self._entries: dict[int | tuple[int, ...], tuple[tuple[object, ...], V]] = {}
        self._kept = kept
        _TABLES.append(self)

    def get(self, work: Callable[..., V], *objects: Any) -> V:
        """``work(*objects)``, worked out once for these objects and kept from then on."""
        # One object (the common case: a session, a record) is keyed by its id alone.
        key: int | tuple[int, ...] = id(objects[0]) if len(objects) == 1 else tuple(map(id, objects))
        entry = self._entries.get(key)
        # The entry holds its objects alive, and two live objects never share an id: the key
        # alone says these are the same objects.
        if entry is not None:
            return entry[1]
        value = work(*objects)
        if len(self._entries) >= self._kept:
            self._entries.clear()
        self._entries[key] = (objects, value)
        return value

    def clear(self) -> None:
        self._entries.clear()


_TABLES: list[ByIdentity[Any]] = []


def forget_all() -> None:
    """Empties every table (see planner.engine.generator.forget)."""
    for table in _TABLES:
        table.clear()
