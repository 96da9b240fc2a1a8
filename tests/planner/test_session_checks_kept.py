"""Sessions found clean are kept by identity: the check of a document full of days kept as
planned reads each session once, and a changed session is always checked again."""

from __future__ import annotations

import dataclasses

from planner.document.demo import demo_season
from planner.document.validation import session_problems
from planner.engine.generator import generate


def test_a_clean_session_stays_clean_and_a_changed_copy_is_checked_again() -> None:
    session = next(s for d in generate(demo_season(), "ath-1").days for s in d.sessions)

    assert session_problems(session, "s") == []
    assert session_problems(session, "s") == []
    broken = dataclasses.replace(session, minutes=0)
    assert [p.path for p in session_problems(broken, "frozen[0].sessions[3]")] == ["frozen[0].sessions[3].minutes"]
    assert [p.path for p in session_problems(broken, "x")] == ["x.minutes"]
