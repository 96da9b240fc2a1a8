"""The edit that keeps a record typed in the window, shared by the Day panel's card and the
squad entry."""

from __future__ import annotations

from planner.document.edits import Edit
from planner.document.model import Season
from planner.document.records import SessionRecord
from planner.engine.results import record_result


def record_edit(record: SessionRecord) -> Edit:
    """Keep ``record`` as what was done in its session (replacing an earlier record of it)."""

    def edit(season: Season) -> Season:
        return record_result(season, record)

    return edit
