"""Planned against done, with figures worked out by hand from the demo's sessions."""

from __future__ import annotations

from datetime import date

import pytest

from planner.document import edits
from planner.document.demo import demo_season
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Session, SessionKind
from planner.engine.compliance import Band, band_of, day_compliance, session_compliance, week_compliance
from planner.engine.freeze import settle
from planner.engine.generator import generate

DAY = date(2026, 11, 3)  # weights: power clean 4 x 4 at 42.5 kg, back squat 4 x 10 at 68.75 kg; plyometrics
TODAY = date(2026, 11, 9)


def _session(kind: SessionKind) -> Session:
    day = generate(demo_season(), "ath-1").day(DAY)
    assert day is not None
    return next(s for s in day.sessions if s.kind is kind)


def _record(kind: SessionKind, sets: list[list[DoneSet]], status: RecordStatus = RecordStatus.PARTLY_DONE,
            ) -> SessionRecord:
    planned = _session(kind)
    items = tuple(DoneItem(i.exercise_id, tuple(s)) for i, s in zip(planned.items, sets, strict=False))
    items += tuple(DoneItem(i.exercise_id) for i in planned.items[len(sets):])
    return SessionRecord("ath-1", DAY, kind, status, planned, items=items)


@pytest.mark.parametrize(
    ("ratio", "band"),
    [(0.49, Band.RED), (0.5, Band.YELLOW), (0.79, Band.YELLOW), (0.8, Band.GREEN), (1.0, Band.GREEN),
     (1.2, Band.GREEN), (1.21, Band.YELLOW), (1.5, Band.YELLOW), (1.51, Band.RED), (0.0, Band.RED)],
)
def test_the_bands_are_the_coaches_colours(ratio: float, band: Band) -> None:
    assert band_of(ratio) is band


def test_a_weights_session_is_judged_by_its_volume_load() -> None:
    # Planned: 4 x 4 x 42.5 = 680 kg and 4 x 10 x 68.75 = 2750 kg, 3430 kg in all. Done: the
    # cleans as planned and two sets of squats: 680 + 2 x 10 x 68.75 = 2055 kg, 59.9 %.
    cleans = [DoneSet(4, 42.5)] * 4
    squats = [DoneSet(10, 68.75)] * 2
    measured = session_compliance(_record(SessionKind.WEIGHTS, [cleans, squats]))

    assert measured.planned_volume_kg == pytest.approx(3430)
    assert measured.done_volume_kg == pytest.approx(2055)
    assert measured.ratio == pytest.approx(2055 / 3430)
    assert measured.band is Band.YELLOW


def test_a_plyometric_session_is_judged_by_its_contacts() -> None:
    # Planned: bounding 3 runs of 15 m (21 contacts), pogo jumps 2 x 12 (24), standing long
    # jumps 2 x 3 (6): 51. Done: three runs of 10 m (21 x 10/15 = 14) and the pogo jumps (24),
    # no long jumps: 38 of 51, 74.5 %.
    bounding = [DoneSet(1, distance_m=10.0)] * 3
    pogo = [DoneSet(12)] * 2
    measured = session_compliance(_record(SessionKind.PLYOMETRICS, [bounding, pogo]))

    assert measured.planned_contacts == 51
    assert measured.done_contacts == pytest.approx(38)
    assert measured.band is Band.YELLOW


def test_a_missed_session_and_one_ticked_done_without_numbers() -> None:
    missed = _record(SessionKind.WEIGHTS, [], RecordStatus.MISSED)
    ticked = SessionRecord("ath-1", DAY, SessionKind.WEIGHTS, RecordStatus.DONE, _session(SessionKind.WEIGHTS))

    assert session_compliance(missed).band is Band.MISSED
    assert session_compliance(ticked).band is Band.GREEN


def test_a_day_and_a_week_of_the_demo() -> None:
    weights = _session(SessionKind.WEIGHTS)
    season = settle(demo_season(), TODAY)
    season = edits.mark_done_as_planned(season, "ath-1", DAY, SessionKind.WEIGHTS, weights)
    plan = generate(season, "ath-1")

    day = day_compliance(plan, season, DAY, TODAY)
    assert day.band is Band.GREEN  # the plyometric session is still to record, the weights are on plan
    assert [(s.kind, r is not None) for s, r, _c in day.sessions] == [
        (SessionKind.PLYOMETRICS, False), (SessionKind.WEIGHTS, True)
    ]
    assert day_compliance(plan, season, date(2026, 11, 5), TODAY).band is Band.PENDING
    assert day_compliance(plan, season, date(2026, 11, 12), TODAY).band is Band.NONE

    week = week_compliance(plan, season, date(2026, 11, 2), TODAY)
    planned_volume = sum(i.total_reps * (i.load_kg or 0) for d in plan.days if date(2026, 11, 2) <= d.date
                         <= date(2026, 11, 8) for s in d.sessions for i in s.items if i.intensity is None)
    assert week.planned_volume_kg == pytest.approx(planned_volume)
    assert week.recorded_planned_volume_kg == week.done_volume_kg == pytest.approx(3430)
    # Sessions on 2, 3 (two), 5, 6 and 7 (two) November.
    assert (week.sessions_planned, week.sessions_done, week.sessions_pending) == (7, 1, 6)
    assert week.band is Band.GREEN
