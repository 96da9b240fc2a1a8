"""The edit that keeps a record typed in the window, shared by the Day panel's card and the
squad entry."""

from __future__ import annotations

from planner.document.edits import Edit, record_session
from planner.document.model import Season
from planner.document.records import SessionRecord


def record_edit(record: SessionRecord) -> Edit:
    """Keep ``record`` as what was done in its session (replacing an earlier record of it)."""

    def edit(season: Season) -> Season:
        return record_session(season, record.athlete_id, record.date, record.kind, record)

    return edit
