"""SprintPlan's pure core: the season document, the planning engine and the writers.

The flow is one way: a ``Season`` (``planner.document``) goes through ``generate``
(``planner.engine``) to a ``Plan``, which the writers in ``planner.export`` turn into PDFs,
iCalendar, CSV and JSON. Every change a coach makes is a function in ``edits`` from one
season to the next. Nothing here imports Qt or the user interface; only the PDF writers
import reportlab.

The names below load on first use, so that importing one small module of the package (the
command line's list of subcommands, say) does not import the engine.

A module that defines named tuples evaluates its annotations: it does not import
``annotations`` from ``__future__``. With that import, typing compiles each string annotation
of a named tuple's fields when the class is made, and a window makes these classes before its
first paint. Such a module quotes only the names it uses before they exist; each says so in a
one-line comment where the import would be.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.document import edits
    from planner.document.model import SCHEMA_VERSION, Athlete, Competition, Season
    from planner.document.storage import DocumentError, load, save
    from planner.engine.generator import generate, generate_all
    from planner.engine.plan import Plan

__all__ = [
    "SCHEMA_VERSION",
    "Athlete",
    "Competition",
    "DocumentError",
    "Plan",
    "Season",
    "edits",
    "generate",
    "generate_all",
    "load",
    "save",
]

_HOMES = {
    "edits": "planner.document.edits",
    "SCHEMA_VERSION": "planner.document.model",
    "Athlete": "planner.document.model",
    "Competition": "planner.document.model",
    "Season": "planner.document.model",
    "DocumentError": "planner.document.storage",
    "load": "planner.document.storage",
    "save": "planner.document.storage",
    "generate": "planner.engine.generator",
    "generate_all": "planner.engine.generator",
    "Plan": "planner.engine.plan",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'planner' has no attribute {name!r}")
    module = importlib.import_module(home)
    value = module if name == "edits" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
