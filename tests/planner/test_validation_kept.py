"""What is wrong with an athlete or a competition is kept by the object's identity between
checks of the document: the problems found from the kept ones are those found afresh, at the
places of the document they are checked at."""

from __future__ import annotations

from datetime import date, timedelta

from planner.by_identity import forget_all
from planner.document import edits
from planner.document.demo import demo_season
from planner.document.model import Season
from planner.document.records import RecordStatus
from planner.document.validation import Problem, season_problems
from planner.engine.generator import generate


def _broken() -> Season:
    """The demo with an athlete and two competitions that break their own rules."""
    demo = demo_season()
    athletes = list(demo.athletes)
    athletes[2] = athletes[2]._replace(
        name=" ", body_mass=500.0,
        substitutions=(("back_squat", "bench_press"),))
    competitions = list(demo.competitions)
    first = competitions[1]
    competitions[1] = first._replace(name="Bad\x07name", end=first.start - timedelta(days=1))
    last = competitions[-1]
    competitions[-1] = last._replace(
        end=last.start + timedelta(days=20),
        athletes=(demo.athletes[0].id, demo.athletes[0].id, "ath-99"))
    return demo._replace(athletes=tuple(athletes), competitions=tuple(competitions))


def _afresh(season: Season) -> list[Problem]:
    forget_all()
    return season_problems(season)


def test_kept_problems_are_those_found_afresh_at_their_places() -> None:
    season = _broken()
    fresh = _afresh(season)
    assert season_problems(season) == fresh  # from the kept ones
    paths = [problem.path for problem in fresh]
    last = len(season.competitions) - 1
    assert paths == [
        "athletes[2].name",
        "athletes[2].body_mass",
        "athletes[2].substitutions[0]",
        "competitions[1].name",
        "competitions[1].end",
        f"competitions[{last}].start",
        f"competitions[{last}].end",
        f"competitions[{last}].athletes",
        f"competitions[{last}].athletes[2]",
    ]


def test_the_same_athlete_or_competition_elsewhere_is_checked_at_its_new_place() -> None:
    season = _broken()
    season_problems(season)
    # The same objects, in another order and in a season that moved: the kept problems take
    # their new paths, and what depends on the season is checked again.
    moved = season._replace(
        athletes=season.athletes[1:] + season.athletes[:1],
        competitions=season.competitions[::-1], last_day=date(2027, 8, 1))
    kept = season_problems(moved)
    assert kept == _afresh(moved)
    assert "athletes[1].body_mass" in [p.path for p in kept]  # the broken athlete is second now
    assert "competitions[0].end" in [p.path for p in kept]  # the long meet now comes first
    assert season_problems(demo_season()) == []


def test_an_athlete_s_id_is_checked_before_its_fields_from_the_kept_problems_too() -> None:
    demo = demo_season()
    athletes = list(demo.athletes)
    athletes[1] = athletes[1]._replace(id="ath-\x01", body_mass=10.0)
    season = demo._replace(athletes=tuple(athletes))
    fresh = _afresh(season)
    assert season_problems(season) == fresh
    own = [p.path for p in fresh if p.path.startswith("athletes[1]")]
    assert own == ["athletes[1].id", "athletes[1].body_mass"]


def test_kept_record_problems_are_those_found_afresh_and_the_season_s_own_are_checked_again() -> None:
    demo = demo_season()
    athlete = demo.athletes[0].id
    day, session = next((d.date, d.sessions[0]) for d in generate(demo, athlete).days if d.sessions)
    recorded = edits.mark_done_as_planned(demo, athlete, day, session.kind, session)
    record = recorded.records[-1]
    broken = record._replace(effort=11.0, note="bad\x02note", status=RecordStatus.MISSED)
    season = recorded._replace(records=(*recorded.records[:-1], broken))
    fresh = _afresh(season)
    assert season_problems(season) == fresh
    place = f"records[{len(season.records) - 1}]"
    assert [p.path for p in fresh] == [f"{place}.effort", f"{place}.note", f"{place}.status"]
    # The same record in a season that no longer holds its day or its athlete.
    later = season._replace(
        first_day=day + timedelta(days=1),
        athletes=tuple(a for a in season.athletes if a.id != athlete))
    kept = [p.path for p in season_problems(later) if p.path.startswith(place)]
    assert kept == [p.path for p in _afresh(later) if p.path.startswith(place)]
    assert kept == [f"{place}.athlete", f"{place}.date", f"{place}.effort", f"{place}.note", f"{place}.status"]
