"""Recording what was done, with what a record means for the plan.

``planner.document.edits`` keeps a record in the document; these edits are what the window,
the importer and the command line use to record a session, so that everything a record
implies is part of the same edit (one undo step).
"""

from __future__ import annotations

from datetime import date

from planner.document import edits
from planner.document.model import Season
from planner.document.records import SessionRecord
from planner.document.sessions import SessionKind

__all__ = ["record_result", "remove_result"]


def record_result(season: Season, record: SessionRecord) -> Season:
    """Keep ``record`` as what its athlete did in its session."""
    return edits.record_session(season, record.athlete_id, record.date, record.kind, record)


def remove_result(season: Season, athlete_id: str, day: date, kind: SessionKind) -> Season:
    """Forget what was recorded for a session."""
    return edits.remove_record(season, athlete_id, day, kind)
