"""The demo season with a few of Łucja's sessions recorded, for the views that show the past.

The window runs on ``TODAY``. Every figure below is worked out by hand from the demo plan
(kg, Łucja's units):

* Tue 9 Mar, heavy strength, done as planned: back squat 3 x 3 at 91.25, 2 x 5 at 81.25,
  Romanian deadlift 3 x 5 at 73.75 = 821.25 + 812.5 + 1106.25 = 2740 kg of 2740: within.
* Tue 9 Mar, plyometrics: missed.
* Thu 4 Mar, strength: Romanian deadlift 2 x 6 at 73.75 = 885 kg planned; done 1 x 6 at 80
  = 480 kg, 54 %: near.
* Tue 16 Feb, strength: power clean 2 x 2 at 52.5 and back squat 2 x 6 at 86.25 = 210 + 1035
  = 1245 kg planned; done 1 x 2 at 52.5 and 1 x 3 at 86.25 = 105 + 258.75 = 363.75 kg, 29 %:
  off.
* Tue 16 Feb, plyometrics, done as planned: bounding 22 contacts (high), standing long jump 8,
  hurdle hops 12, standing triple jump 6 (moderate) = 48 contacts of 48: within.
* Sat 20 Feb, strength: nothing recorded: still to record.
"""

from __future__ import annotations

from datetime import date

from planner.document import edits
from planner.document.model import Season
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Session, SessionKind
from planner.engine.generator import generate

TODAY = date(2027, 3, 10)
LUCJA = "ath-1"
WEIGHTS, PLYOMETRICS = SessionKind.WEIGHTS, SessionKind.PLYOMETRICS
AS_PLANNED = date(2027, 3, 9)  # weights done as planned, plyometrics missed
NEAR = date(2027, 3, 4)
OFF = date(2027, 2, 16)
TO_RECORD = date(2027, 2, 20)


def session_of(season: Season, day: date, kind: SessionKind) -> Session:
    plan_day = generate(season, LUCJA).day(day)
    assert plan_day is not None
    return next(s for s in plan_day.sessions if s.kind is kind)


def partly(season: Season, day: date, done: dict[str, tuple[DoneSet, ...]]) -> SessionRecord:
    """A weights session partly done: the first item of each exercise named in ``done`` gets its sets."""
    planned = session_of(season, day, WEIGHTS)
    left = dict(done)
    items = tuple(DoneItem(item.exercise_id, left.pop(item.exercise_id, ())) for item in planned.items)
    return SessionRecord(LUCJA, day, WEIGHTS, RecordStatus.PARTLY_DONE, planned, items=items, effort=6, minutes=40)


def recorded_demo(season: Season) -> Season:
    heavy = session_of(season, AS_PLANNED, WEIGHTS)
    season = edits.mark_done_as_planned(season, LUCJA, AS_PLANNED, WEIGHTS, heavy)
    jumps = session_of(season, AS_PLANNED, PLYOMETRICS)
    season = edits.mark_missed(season, LUCJA, AS_PLANNED, PLYOMETRICS, jumps)
    near = partly(season, NEAR, {"romanian_deadlift": (DoneSet(6, 80.0),)})
    season = edits.record_session(season, LUCJA, NEAR, WEIGHTS, near)
    off = partly(season, OFF, {"power_clean": (DoneSet(2, 52.5),), "back_squat": (DoneSet(3, 86.25),)})
    season = edits.record_session(season, LUCJA, OFF, WEIGHTS, off)
    return edits.mark_done_as_planned(season, LUCJA, OFF, PLYOMETRICS, session_of(season, OFF, PLYOMETRICS))
