"""The past stays as it was planned: days before today, and recorded days, are kept and never
derived again; an edit changes only the days to come and names the past days it would have
changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import seasons
from test_edit_properties import BUILDERS

from planner.document import edits
from planner.document.codec import session_to_dict
from planner.document.demo import demo_season
from planner.document.model import FrozenSpan, Priority, Season
from planner.document.sessions import SessionKind
from planner.document.storage import DocumentError, dumps, loads
from planner.document.validation import season_problems
from planner.engine.freeze import TODAY_VARIABLE, frozen_days, run_date, settle
from planner.engine.generator import generate

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
TODAY = date(2026, 11, 27)  # a Friday in the demo's general preparation
ATHLETE = "ath-1"


def _add_c(season: Season, day: date) -> Season:
    return edits.add_competition(season, name="Club meet", start=day, end=day, priority=Priority.C, indoor=True)


def _sessions_before(season: Season, athlete_id: str, today: date) -> list[tuple[date, tuple[object, ...]]]:
    plan = generate(season, athlete_id)
    return [(d.date, d.sessions) for d in plan.days if d.date < today]


def test_a_c_meet_dropped_on_a_trained_day_leaves_the_days_before_today_as_planned() -> None:
    demo = demo_season()
    # Without the past kept, the meet on Wednesday rewrites Thursday (the example).
    rewritten = generate(_add_c(demo, date(2026, 11, 25)), ATHLETE).day(date(2026, 11, 26))
    assert rewritten != generate(demo, ATHLETE).day(date(2026, 11, 26))

    settled = settle(demo, TODAY)
    after = _add_c(settled, date(2026, 11, 25))

    for athlete in demo.athletes:
        assert _sessions_before(after, athlete.id, TODAY) == _sessions_before(demo, athlete.id, TODAY)
    plan = generate(after, ATHLETE)
    assert date(2026, 11, 26) in plan.held
    assert all(d < TODAY for d in plan.held)
    day = plan.day(date(2026, 11, 26))
    assert day is not None and day.frozen
    assert not plan.day(TODAY).frozen  # type: ignore[union-attr]
    # The meet itself is in the calendar: it happened.
    assert plan.day(date(2026, 11, 25)).competitions  # type: ignore[union-attr]


def test_settling_keeps_every_past_day_and_nothing_else() -> None:
    demo = demo_season()
    settled = settle(demo, TODAY)

    assert season_problems(settled) == []
    for athlete in demo.athletes:
        kept = frozen_days(settled, athlete.id)
        assert kept == {demo.first_day + timedelta(days=n) for n in range((TODAY - demo.first_day).days)}
        assert [s for span in settled.frozen_spans(athlete.id) for s in span.sessions] == [
            s for d in generate(demo, athlete.id).days if d.date < TODAY for s in d.sessions
        ]
        # Kept days show what they showed: settling changes no plan.
        assert [d.sessions for d in generate(settled, athlete.id).days] == [
            d.sessions for d in generate(demo, athlete.id).days
        ]
    assert len(settled.frozen_spans(ATHLETE)) == 1


def test_settling_again_on_the_same_day_is_the_same_document() -> None:
    settled = settle(demo_season(), TODAY)

    assert settle(settled, TODAY) is settled
    assert settle(settled, TODAY - timedelta(days=3)) is settled


def test_a_later_day_extends_the_kept_span() -> None:
    settled = settle(demo_season(), TODAY)
    later = settle(settled, TODAY + timedelta(days=10))

    (span,) = later.frozen_spans(ATHLETE)
    assert (span.first, span.last) == (settled.first_day, TODAY + timedelta(days=9))


def test_a_recorded_day_after_today_is_kept_on_its_own() -> None:
    demo = demo_season()
    day = TODAY + timedelta(days=3)
    settled = settle(demo, TODAY, [(ATHLETE, day)])

    spans = settled.frozen_spans(ATHLETE)
    assert [(s.first, s.last) for s in spans] == [(demo.first_day, TODAY - timedelta(days=1)), (day, day)]
    assert frozen_days(settled, "ath-2") == frozen_days(settle(demo, TODAY), "ath-2")


def test_a_max_changed_today_changes_only_the_days_to_come() -> None:
    demo = demo_season()
    settled = settle(demo, TODAY)
    stronger = edits.record_max(settled, ATHLETE, lift="back_squat", day=demo.first_day, value=200.0)

    before, after = generate(settled, ATHLETE), generate(stronger, ATHLETE)
    assert [d.sessions for d in before.days if d.date < TODAY] == [d.sessions for d in after.days if d.date < TODAY]
    assert [d.sessions for d in before.days if d.date >= TODAY] != [d.sessions for d in after.days if d.date >= TODAY]
    assert after.held  # the earlier squats would have been heavier


def test_a_season_starting_later_clips_the_kept_days() -> None:
    settled = settle(demo_season(), TODAY)
    later_start = settled.first_day + timedelta(days=14)

    changed = edits.change_season(settled, first_day=later_start)

    (span,) = changed.frozen_spans(ATHLETE)
    assert span.first == later_start
    assert all(s.date >= later_start for s in span.sessions)


def test_kept_days_save_and_load_back() -> None:
    settled = settle(demo_season(), TODAY)

    assert loads(dumps(settled)) == settled


def test_overlapping_kept_days_are_refused_with_their_place() -> None:
    settled = settle(demo_season(), TODAY)
    span = settled.frozen_spans(ATHLETE)[0]
    overlapping = FrozenSpan(ATHLETE, span.last, span.last + timedelta(days=2))

    problems = season_problems(settled._replace(frozen=(*settled.frozen, overlapping)))

    assert [(p.path, p.message) for p in problems] == [
        (f"frozen[{len(settled.frozen)}]", "the same day is kept as planned twice")
    ]


@pytest.mark.parametrize(("value", "expected"), [("2027-01-05", date(2027, 1, 5)), ("", None), ("soon", None)])
def test_the_run_date_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str,
                                                 expected: date | None) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, value)

    assert run_date() == (expected or date.today())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(season=seasons(), data=st.data())
def test_no_edit_after_settling_changes_a_past_day(season: Season, data: st.DataObject) -> None:
    if not season.athletes:
        return
    today = season.first_day + timedelta(days=data.draw(st.integers(1, 120), label="today"))
    settled = settle(season, today)
    day = season.first_day + timedelta(days=data.draw(st.integers(0, 200), label="meet day"))
    edit = data.draw(st.sampled_from(["meet", "max", "rhythm", "remove meets"]), label="edit")
    athlete = season.athletes[0]
    try:
        if edit == "meet":
            after = edits.add_competition(settled, name="Late meet", start=day, end=day,
                                          priority=data.draw(st.sampled_from(Priority)), indoor=False)
        elif edit == "max":
            after = edits.record_max(settled, athlete.id, lift="back_squat", day=season.first_day,
                                     value=data.draw(st.floats(60, 250)))
        elif edit == "rhythm":
            rhythm = tuple(r._replace(lifting=not r.lifting) for r in athlete.rhythm)
            after = edits.change_athlete(settled, athlete.id, rhythm=rhythm)
        else:
            after = settled._replace(competitions=())
    except edits.EditError:
        return
    for a in season.athletes:
        assert _sessions_before(after, a.id, today) == _sessions_before(settled, a.id, today)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(season=seasons(), data=st.data())
def test_recording_and_undoing_restores_the_exact_document(season: Season, data: st.DataObject) -> None:
    if not season.athletes:
        return
    athlete = season.athletes[0]
    today = season.first_day + timedelta(days=data.draw(st.integers(1, 60)))
    plan = generate(season, athlete.id)
    past = [s for d in plan.days if d.date < today for s in d.sessions]
    if not past:
        return
    session = data.draw(st.sampled_from(past))
    before = settle(season, today, [(athlete.id, session.date)])
    missed = data.draw(st.booleans())
    mark = edits.mark_missed if missed else edits.mark_done_as_planned
    after = mark(before, athlete.id, session.date, session.kind, session)

    assert after.find_record((athlete.id, session.date, session.kind)) is not None
    assert edits.remove_record(after, athlete.id, session.date, session.kind) == before
    assert loads(dumps(after)) == after
    assert [d.sessions for d in generate(after, athlete.id).days if d.date < today] == [
        d.sessions for d in generate(before, athlete.id).days if d.date < today
    ]
    assert SessionKind(session.kind) in (SessionKind.WEIGHTS, SessionKind.PLYOMETRICS)


PLANNING_EDITS = [
    "add_competition", "move_competition", "change_competition", "remove_competition", "change_athlete",
    "record_max", "remove_max", "set_override", "move_session", "lock_planned_week", "change_season",
]


def _kept_bytes(season: Season, days: dict[str, set[date]]) -> dict[tuple[str, date], bytes]:
    """The prescription of each athlete's kept days as the file writes it."""
    kept: dict[tuple[str, date], bytes] = {}
    for athlete_id, athlete_days in days.items():
        if season.find_athlete(athlete_id) is None:
            continue
        plan = generate(season, athlete_id)
        for day in athlete_days:
            plan_day = plan.day(day)
            if plan_day is not None:
                sessions = [session_to_dict(s) for s in plan_day.sessions]
                kept[(athlete_id, day)] = json.dumps(sessions, sort_keys=True).encode()
    return kept


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(season=seasons(), data=st.data())
def test_any_edit_after_recorded_days_leaves_every_past_day_byte_identical(season: Season, data: st.DataObject) -> None:
    if not season.athletes:
        return
    today = season.first_day + timedelta(days=data.draw(st.integers(14, 120), label="today"))
    # Random sessions recorded, before or after today, each keeping its day as the window does.
    for _ in range(data.draw(st.integers(0, 3), label="records")):
        athlete = data.draw(st.sampled_from(season.athletes))
        sessions = [s for d in generate(season, athlete.id).days for s in d.sessions]
        if not sessions:
            continue
        session = data.draw(st.sampled_from(sessions))
        season = settle(season, today, [(athlete.id, session.date)])
        season = edits.mark_done_as_planned(season, athlete.id, session.date, session.kind, session)
    settled = settle(season, today)
    kept = {a.id: frozen_days(settled, a.id) for a in settled.athletes}
    before = _kept_bytes(settled, kept)

    # Every edit may run; those that change how a season is planned are drawn most often.
    name = data.draw(st.sampled_from(PLANNING_EDITS) | st.sampled_from(sorted(BUILDERS)), label="edit")
    try:
        after = BUILDERS[name](data, settled)(settled)
    except edits.EditError:
        return
    now = _kept_bytes(after, kept)
    # An athlete removed, or days the season no longer holds, have nothing left to compare.
    assert {key: value for key, value in before.items() if key in now} == now
    for athlete_id, day in set(before) - set(now):
        assert after.find_athlete(athlete_id) is None or not after.contains(day)


def _bad_v5(change: Callable[[dict[str, Any]], None]) -> str:
    data = json.loads((DOCUMENTS / "v5_full.sprintplan").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(data, indent=2, ensure_ascii=False))
    return str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["frozen"][0].update(first="2025-09-01"),
         "Days kept as planned 1 (Łukasz Żółć, 1 September 2025 to 11 March 2025), last: the last day kept is before "
         "the first (line 697)"),
        (lambda d: d["frozen"].append(dict(d["frozen"][0])),
         "Days kept as planned 2 (Łukasz Żółć, 3 March 2025 to 11 March 2025): the same day is kept as planned twice "
         "(line 778)"),
        (lambda d: d["frozen"][0].update(last="2026-03-11"),
         "Days kept as planned 1 (Łukasz Żółć, 3 March 2025 to 11 March 2026): the days kept as planned are outside "
         "the season (line 694)"),
        (lambda d: d["dismissed"][0].update(value=-3),
         "Dismissed max proposal 1 (Łukasz Żółć, back squat): must be more than 0, found -3 (line 784)"),
        (lambda d: d["athletes"][0]["maxes"][-1].update(from_reps=40),
         "Athlete 1 (Łukasz Żółć), back squat max of 11 March 2025, from reps: must be at most 12, found 40 (line 91)"),
    ],
)
def test_bad_kept_days_and_proposals_in_a_file_are_refused_with_place_and_reason(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    assert _bad_v5(change) == f"<memory>: {message}"
