"""Sessions found clean are kept by identity: the check of a document full of days kept as
planned reads each session once, and a changed session is always checked again."""

from __future__ import annotations

from planner.document.demo import demo_season
from planner.document.model import FrozenSpan
from planner.document.validation import season_problems, session_problems
from planner.engine.generator import generate


def test_a_clean_session_stays_clean_and_a_changed_copy_is_checked_again() -> None:
    session = next(s for d in generate(demo_season(), "ath-1").days for s in d.sessions)

    assert session_problems(session, "s") == []
    assert session_problems(session, "s") == []
    broken = session._replace(minutes=0)
    assert [p.path for p in session_problems(broken, "frozen[0].sessions[3]")] == ["frozen[0].sessions[3].minutes"]
    assert [p.path for p in session_problems(broken, "x")] == ["x.minutes"]


def test_what_is_wrong_with_a_span_of_kept_days_is_said_at_its_place_each_time() -> None:
    demo = demo_season()
    plan = generate(demo, "ath-1")
    busy = [d for d in plan.days if d.sessions][:3]
    first, last = busy[0].date, busy[1].date
    sessions = [s for d in busy[:2] for s in d.sessions]
    broken = sessions[-1]._replace(minutes=0)
    stray = busy[2].sessions[0]  # dated after the span's last day
    span = FrozenSpan("ath-1", first, last, (*sessions[:-1], broken, stray))
    clean = FrozenSpan("ath-2", first, last, ())
    expected = [
        (f"frozen[1].sessions[{len(sessions) - 1}].minutes", "a session lasts at least a minute"),
        (f"frozen[1].sessions[{len(sessions)}].date", "the session is not in the days kept"),
    ]
    for _ in range(2):  # found once, said at its place every time
        season = demo._replace(frozen=(clean, span))
        assert [(p.path, p.message) for p in season_problems(season) if p.path.startswith("frozen")] == expected
    moved = demo._replace(frozen=(span,))
    assert [p.path for p in season_problems(moved) if p.path.startswith("frozen")] == [
        path.replace("frozen[1]", "frozen[0]") for path, _ in expected
    ]
