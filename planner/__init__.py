"""SprintPlan's pure core: the season document, the planning engine and the writers.

Nothing here imports Qt or the user interface; the PDF writer is the only module that
imports reportlab, and only when it is used.
"""

from planner.model import SCHEMA_VERSION, Athlete, Competition, Season
from planner.storage import DocumentError, load, save

__all__ = ["SCHEMA_VERSION", "Athlete", "Competition", "DocumentError", "Season", "load", "save"]
