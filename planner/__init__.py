"""SprintPlan's pure core: the season document, the planning engine and the writers.

The flow is one way: a ``Season`` (``planner.document``) goes through ``generate``
(``planner.engine``) to a ``Plan``, which the writers in ``planner.export`` turn into PDFs,
iCalendar, CSV and JSON. Every change a coach makes is a function in ``edits`` from one
season to the next. Nothing here imports Qt or the user interface; only the PDF writers
import reportlab.
"""

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
