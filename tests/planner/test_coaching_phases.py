"""The season's shape as a coach would sign it (issue 12, rules 7, 10 and 11): deloads never
stack (rules wave, wave.stacking; reference section 12, C6), the plan is in transition from the
day after the last competition (phase.transition, P6) and a season too short for its phases
says what it left out (phase.single, phase.double, phase.strength_first).

Weeks are numbered from 1 at the season's first week (Monday weeks); the worked values are in
the comments.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from builders import LAST_DAY, athlete, competition, nationals, phases_of, plan_for, season
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.document.model import Competition, Priority, Season
from planner.document.sessions import SessionKind
from planner.document.validation import season_problems
from planner.engine.generator import generate
from planner.engine.plan import PhaseKind, Plan
from planner.engine.rules import rule_book
from planner.engine.timeline import Timeline, build_timeline

GPP, SPP, PRE = PhaseKind.GENERAL_PREPARATION, PhaseKind.SPECIFIC_PREPARATION, PhaseKind.PRE_COMPETITION
COMP, TAPER, TRANSITION = PhaseKind.COMPETITION, PhaseKind.TAPER, PhaseKind.TRANSITION
NATIONALS_TAPER = date(2027, 7, 9)  # 14 days before Friday 23 July


def _deload_weeks(plan: Plan) -> list[int]:
    return [w.number for w in plan.weeks if w.deload]


def _test_weeks(plan: Plan, document: Season) -> list[int]:
    return sorted(
        {
            document.week_number(d.date)
            for d in plan.days
            for s in d.sessions
            if s.kind is SessionKind.WEIGHTS and "test" in s.tags
        }
    )


def _phase_warnings(plan: Plan) -> list[tuple[str, date, str]]:
    return [(w.rule_id, w.date, w.message) for w in plan.warnings if w.rule_id.startswith("phase.")]


def _indoor_a() -> Competition:
    return competition(1, date(2027, 2, 27), Priority.A, name="Indoor Championships", indoor=True, days=2)


def _short_season(weeks_before_taper: int, *, junior: bool = False) -> Season:
    """A season starting on the Monday ``weeks_before_taper`` weeks (and the 4 days from Monday
    to the Friday taper start) before the National Championships taper."""
    first = NATIONALS_TAPER - timedelta(weeks=weeks_before_taper, days=4)
    return season(athletes=[athlete(junior=junior)], competitions=[nationals()], first_day=first)


# ---------------------------------------------------------------------------------------------
# Rule 7: deloads never stack


def test_double_season_no_wave_deload_right_before_the_first_builds_test_week() -> None:
    # Søren's double season. Specific preparation 1 is weeks 9-13 (30 November - 3 January)
    # with its test in week 13; its wave deload would be week 12, right before the test.
    # A week earlier (11) leaves only 2 loading weeks before it (9, 10): it is dropped, so
    # weeks 9-12 load. Re-base build: test weeks 25 and 29, pre-competition 2 deloads in 33.
    document = season(competitions=[_indoor_a(), nationals(2)])
    plan = plan_for(document)
    assert _deload_weeks(plan) == [4, 8, 13, 17, 25, 29, 33]
    assert _test_weeks(plan, document) == [8, 13, 25, 29]


def test_double_season_junior_wave_shifts_instead_of_stacking() -> None:
    # Juniors: 2 up, 1 down. Specific preparation 2 is weeks 26-29 with its test in week 29;
    # the wave deload would be week 28 (stacked); week 27 has only one loading week before it
    # (26), so it is dropped. Pre-competition 2 (weeks 30-33) deloads in week 32.
    document = season(athletes=[athlete(junior=True)], competitions=[_indoor_a(), nationals(2)])
    plan = plan_for(document)
    assert _deload_weeks(plan) == [3, 6, 8, 11, 13, 16, 25, 29, 32]


def test_no_deload_in_the_week_before_an_a_taper() -> None:
    # Spring Championships on Saturday 15 May 2027: taper from Saturday 1 May. Pre-competition
    # (weeks 23-30) would deload in weeks 26 and 30; the seven days before the taper (24-30
    # April) touch weeks 29 and 30, so that deload cannot move a week earlier either: dropped.
    # Weeks 27-30 load into the taper.
    spring = competition(1, date(2027, 5, 15), Priority.A, name="Spring Championships")
    plan = plan_for(season(competitions=[spring, nationals(2)]))
    assert _deload_weeks(plan) == [4, 8, 12, 16, 20, 22, 26]
    for day in plan.days:
        if date(2027, 4, 19) <= day.date < date(2027, 5, 1):
            assert not day.deload, day.date


def test_a_sixteen_week_season_shifts_its_wave() -> None:
    # First day Monday 15 March 2027, taper from Friday 9 July. General preparation weeks 1-7
    # (deload 4, test 7); specific preparation weeks 8-12 (test 12; the wave deload in week 11
    # would stack and week 10 has only 2 loading weeks before it: dropped); pre-competition
    # weeks 13-17 would deload in week 16, inside the seven days before the taper (2-8 July
    # touch weeks 16 and 17); week 15 has only 2 loading weeks before it: dropped.
    document = _short_season(16)
    assert document.first_day == date(2027, 3, 15)
    plan = plan_for(document)
    assert _deload_weeks(plan) == [4, 7, 12]
    assert _test_weeks(plan, document) == [7, 12]


def test_a_sixteen_week_junior_season_shifts_its_wave() -> None:
    # Juniors (2 up): general preparation deloads in week 3, the week-6 deload would stack on
    # the test in week 7 and week 5 has one loading week before it: dropped. Specific: 10 and
    # the test in 12. Pre-competition: week 15 (weeks 13 and 14 load before it), clear of the
    # taper's seven days (weeks 16 and 17).
    plan = plan_for(_short_season(16, junior=True))
    assert _deload_weeks(plan) == [3, 7, 10, 12, 15]


def test_a_test_week_that_would_touch_the_taper_moves_a_week_earlier() -> None:
    # Eight weeks and four days before the taper: general preparation weeks 1-4 (test 4),
    # specific preparation weeks 5-9 (10 May - 8 July; less than a week of pre-competition is
    # no block). Its last full week, 8 (28 June), touches the seven days before the taper:
    # the test moves to week 7.
    document = _short_season(8)
    plan = plan_for(document)
    assert _deload_weeks(plan) == [4, 7]
    assert _test_weeks(plan, document) == [4, 7]
    assert not phases_of(plan, PRE)


# ---------------------------------------------------------------------------------------------
# Rule 10: season end


def test_the_plan_is_in_transition_from_the_day_after_the_last_competition() -> None:
    # National Championships end on Sunday 25 July; the season runs to 31 October: 98 days,
    # 14 weeks of transition (not competition-phase lifting with nothing left to race).
    plan = plan_for(season(competitions=[nationals()], last_day=date(2027, 10, 31)))
    last = plan.phases[-1]
    assert (last.kind, last.start, last.end) == (TRANSITION, date(2027, 7, 26), date(2027, 10, 31))
    assert all(not d.sessions for d in plan.days if d.date >= date(2027, 7, 26))
    assert _phase_warnings(plan) == [
        (
            "phase.transition",
            date(2027, 7, 26),
            "The season runs 14 weeks past its last competition (National Championships, 25 July 2027): "
            "transition to the end, longer than the 6 weeks it should last; end the season earlier or enter "
            "a later competition",
        )
    ]


def test_competitions_after_the_a_keep_the_competition_phase_until_the_last_one() -> None:
    # A C meet on Saturday 21 August after the A: competition phase 26 July - 21 August, then
    # transition from Sunday 22 August to 31 October (71 days: 10 weeks and 1 day, warned).
    late = competition(2, date(2027, 8, 21), Priority.C, name="Late Summer Meeting")
    plan = plan_for(season(competitions=[nationals(), late], last_day=date(2027, 10, 31)))
    assert [(p.kind, p.start, p.end) for p in plan.phases[-2:]] == [
        (COMP, date(2027, 7, 26), date(2027, 8, 21)),
        (TRANSITION, date(2027, 8, 22), date(2027, 10, 31)),
    ]
    assert [(w[0], w[1]) for w in _phase_warnings(plan)] == [("phase.transition", date(2027, 8, 22))]
    message = _phase_warnings(plan)[0][2]
    assert "runs 10 weeks and 1 day past its last competition (Late Summer Meeting, 21 August 2027)" in message


def test_a_transition_of_six_weeks_or_less_is_not_warned_about() -> None:
    # 26 July - 5 September: exactly 6 weeks.
    plan = plan_for(season(competitions=[nationals()]))
    assert (plan.phases[-1].kind, plan.phases[-1].start, plan.phases[-1].end) == (
        TRANSITION, date(2027, 7, 26), LAST_DAY)
    assert _phase_warnings(plan) == []


# ---------------------------------------------------------------------------------------------
# Rule 11: short seasons say so


def test_a_season_starting_weeks_before_its_a_names_the_phases_it_left_out() -> None:
    # Monday 14 June to the taper on Friday 9 July: 25 days, all specific preparation.
    plan = plan_for(_short_season(3))
    assert [(p.kind, p.start) for p in plan.phases[:2]] == [(SPP, date(2027, 6, 14)), (TAPER, NATIONALS_TAPER)]
    assert _phase_warnings(plan) == [
        (
            "phase.strength_first",
            date(2027, 6, 14),
            "Only 3 weeks and 4 days before the National Championships taper: no general preparation or "
            "pre-competition (too short for a general base; a power block needs 8 weeks of strength work "
            "first); 3 weeks and 4 days of specific preparation",
        )
    ]


def test_a_season_starting_days_before_the_taper_says_so() -> None:
    # Monday 5 to Thursday 8 July: four days of strength work (silent today).
    plan = plan_for(season(competitions=[nationals()], first_day=date(2027, 7, 5)))
    assert _phase_warnings(plan) == [
        (
            "phase.strength_first",
            date(2027, 7, 5),
            "Only 4 days before the National Championships taper: no general preparation or pre-competition "
            "(too short for a general base; a power block needs 8 weeks of strength work first); 4 days of "
            "specific preparation",
        )
    ]


def test_a_season_starting_inside_the_taper_says_there_is_no_preparation() -> None:
    plan = plan_for(season(competitions=[nationals()], first_day=date(2027, 7, 16)))
    assert _phase_warnings(plan) == [
        (
            "phase.single",
            date(2027, 7, 16),
            "The season starts inside the National Championships taper: no general preparation, specific "
            "preparation or pre-competition",
        )
    ]


def _trials_season(trials: date, first_day: date) -> Season:
    """An outdoor A (Trials, one day) less than 16 weeks before the National Championships:
    one build to the Nationals with a re-base after the Trials."""
    trials_a = competition(1, trials, Priority.A, name="Trials")
    return season(competitions=[trials_a, nationals(2)], first_day=first_day)


def test_an_a_early_in_the_build_names_the_pre_competition_it_cuts_off() -> None:
    # Monday 4 January to the Nationals taper (Friday 9 July): 26 weeks and 4 days, laid out
    # 10.63 / 8.86 / 7.09 weeks (12 / 10 / 8 scaled by 26.57 / 30): general preparation to
    # Sunday 21 March, specific from Monday 22 March, pre-competition from Monday 17 May. The
    # Trials on Saturday 29 May taper from Saturday 15 May: before it 18 weeks and 5 days,
    # 11 weeks of general and 7 weeks and 5 days of specific preparation, no pre-competition.
    plan = plan_for(_trials_season(date(2027, 5, 29), date(2027, 1, 4)))
    assert [(p.kind, p.start, p.end) for p in plan.phases[:4]] == [
        (GPP, date(2027, 1, 4), date(2027, 3, 21)),
        (SPP, date(2027, 3, 22), date(2027, 5, 14)),
        (TAPER, date(2027, 5, 15), date(2027, 5, 28)),
        (COMP, date(2027, 5, 29), date(2027, 5, 29)),
    ]
    assert _phase_warnings(plan) == [
        (
            "phase.single",
            date(2027, 1, 4),
            "Only 18 weeks and 5 days before the Trials taper: no pre-competition (Trials comes before the "
            "build to National Championships reaches it); 11 weeks of general preparation and 7 weeks and "
            "5 days of specific preparation",
        )
    ]


def test_an_a_inside_the_general_preparation_names_both_phases_it_cuts_off() -> None:
    # The same build; the Trials on Saturday 3 April (111 days before the Nationals, one build)
    # taper from Saturday 20 March, inside general preparation: 10 weeks and 5 days of it.
    plan = plan_for(_trials_season(date(2027, 4, 3), date(2027, 1, 4)))
    assert [(p.kind, p.start, p.end) for p in plan.phases[:2]] == [
        (GPP, date(2027, 1, 4), date(2027, 3, 19)),
        (TAPER, date(2027, 3, 20), date(2027, 4, 2)),
    ]
    assert _phase_warnings(plan) == [
        (
            "phase.single",
            date(2027, 1, 4),
            "Only 10 weeks and 5 days before the Trials taper: no specific preparation or pre-competition "
            "(Trials comes before the build to National Championships reaches them); 10 weeks and 5 days of "
            "general preparation",
        )
    ]


def test_a_season_starting_inside_an_early_a_taper_says_there_is_no_preparation_before_it() -> None:
    # Monday 24 May is inside the Trials taper (15-28 May); the re-base and pre-competition
    # after the Trials lead to the Nationals, but nothing prepares the Trials.
    plan = plan_for(_trials_season(date(2027, 5, 29), date(2027, 5, 24)))
    assert [(p.kind, p.start) for p in plan.phases[:4]] == [
        (TAPER, date(2027, 5, 24)),
        (COMP, date(2027, 5, 29)),
        (SPP, date(2027, 5, 30)),
        (PRE, date(2027, 6, 20)),
    ]
    assert _phase_warnings(plan) == [
        (
            "phase.single",
            date(2027, 5, 24),
            "The season starts inside the Trials taper: no general preparation, specific preparation or "
            "pre-competition",
        )
    ]


def test_a_compressed_season_says_which_phases_are_shorter_than_the_rule() -> None:
    # 15 March - 8 July (16 weeks and 4 days): general preparation 7 weeks (15 March - 2 May),
    # specific 5 (3 May - 6 June), pre-competition 4 weeks and 4 days (7 June - 8 July), all
    # under phase.single's shortest (10, 8, 6).
    plan = plan_for(_short_season(16))
    assert [(p.kind, p.start, p.end) for p in plan.phases[:3]] == [
        (GPP, date(2027, 3, 15), date(2027, 5, 2)),
        (SPP, date(2027, 5, 3), date(2027, 6, 6)),
        (PRE, date(2027, 6, 7), date(2027, 7, 8)),
    ]
    assert _phase_warnings(plan) == [
        (
            "phase.single",
            date(2027, 3, 15),
            "Only 16 weeks and 4 days before the National Championships taper: phases compressed to general "
            "preparation 7 weeks (at least 10 weeks), specific preparation 5 weeks (at least 8 weeks), "
            "pre-competition 4 weeks and 4 days (at least 6 weeks)",
        )
    ]


def test_full_length_seasons_carry_no_phase_warning() -> None:
    assert _phase_warnings(plan_for(season(competitions=[nationals()]))) == []
    assert _phase_warnings(plan_for(season(competitions=[_indoor_a(), nationals(2)]))) == []


# ---------------------------------------------------------------------------------------------
# Random seasons


@st.composite
def _seasons(draw: st.DrawFn) -> Season:
    first_day = draw(st.dates(date(2024, 1, 1), date(2030, 12, 31)))
    weeks = draw(st.integers(10, 70))
    last_day = first_day + timedelta(days=weeks * 7 - 1 - draw(st.integers(0, 6)))
    span = (last_day - first_day).days
    competitions = []
    for n in range(draw(st.integers(0, 10))):
        start = first_day + timedelta(days=draw(st.integers(0, span)))
        end = min(start + timedelta(days=draw(st.sampled_from([0, 0, 1, 2]))), last_day)
        competitions.append(
            Competition(f"comp-{n + 1}", f"Meet {n + 1}", start, end,
                        draw(st.sampled_from([Priority.A, Priority.B, Priority.C, Priority.C])),
                        draw(st.booleans()))
        )
    document = Season(
        id=UUID(int=3),
        name="Random season",
        first_day=first_day,
        last_day=last_day,
        week_start=draw(st.integers(0, 6)),
        athletes=(athlete(junior=draw(st.booleans())),),
        competitions=tuple(competitions),
        next_athlete_number=2,
        next_competition_number=len(competitions) + 1,
    )
    assert season_problems(document) == []
    return document


def _deload_week_starts(document: Season, timeline: Timeline) -> set[date]:
    return {
        document.week_of(document.first_day + timedelta(days=i))
        for i, phase in enumerate(timeline.days)
        if phase.deload
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_seasons())
def test_random_seasons_keep_their_shape(document: Season) -> None:
    rules = rule_book()
    timeline = build_timeline(document, document.athletes[0], rules)
    deloads = _deload_week_starts(document, timeline)
    # Never two deload weeks in a row.
    for week in deloads:
        assert week + timedelta(days=7) not in deloads, week
    # No deload in the seven days before an A taper.
    clear = rules["wave.stacking"].whole("clear_before_taper_days")
    for peak in timeline.peaks:
        if peak.taper_days:
            for n in range(1, clear + 1):
                day = peak.taper_start - timedelta(days=n)
                if document.contains(day):
                    assert document.week_of(day) not in deloads, (peak.taper_start, day)
    # From the day after the last competition the plan is in transition.
    competitions = document.competitions_for("ath-1")
    if competitions:
        last_end = max(c.end for c in competitions)
        for i, phase in enumerate(timeline.days):
            if document.first_day + timedelta(days=i) > last_end:
                assert phase.kind is TRANSITION, document.first_day + timedelta(days=i)
    # A preparation phase missing from the season is named in a phase warning.
    kinds = {phase.kind for phase in timeline.days}
    if not {GPP, SPP, PRE} <= kinds:
        assert any(w.rule_id.startswith("phase.") for w in timeline.warnings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_seasons())
def test_random_plans_never_stack_deload_weeks_and_rest_after_the_last_race(document: Season) -> None:
    plan = generate(document, "ath-1")
    for before, after in zip(plan.weeks, plan.weeks[1:], strict=False):
        assert not (before.deload and after.deload), (before.start, after.start)
    competitions = document.competitions_for("ath-1")
    if competitions:
        last_end = max(c.end for c in competitions)
        assert all(not d.sessions for d in plan.days if d.date > last_end)


def test_a_week_of_pre_competition_follows_a_re_base_that_ends_two_days_before_the_competition_phase() -> None:
    # Weeks start on Tuesday. The re-base after the indoor A on Saturday 25 March 2028 ends on
    # Saturday 15 April, and the build's own pre-competition would end on Monday 17 April: two
    # days of it before the competition phase, and the volume fell from about 2,900 kg to 1,100 kg
    # between two weeks. The bridge holds pre-competition for a whole week, to a week's end.
    first_day, last_day = date(2027, 11, 27), date(2028, 10, 23)
    document = Season(
        id=UUID(int=9), name="Double season", first_day=first_day, last_day=last_day, week_start=1,
        athletes=(athlete(max_date=first_day),),
        competitions=(
            competition(1, date(2028, 3, 25), Priority.A, indoor=True),
            competition(2, date(2028, 6, 18), Priority.A),
            competition(3, date(2028, 6, 25), Priority.A),
            competition(4, date(2028, 8, 18), Priority.A, indoor=True),
            competition(5, first_day, Priority.A, indoor=True, days=3),
        ),
        next_athlete_number=2, next_competition_number=6,
    )
    assert season_problems(document) == []
    timeline = build_timeline(document, document.athletes[0], rule_book())
    rebase = next(p for p in timeline.phases if p.name.startswith("Re-base after Meeting 1"))
    bridge = next(p for p in timeline.phases if p.start == rebase.end + timedelta(days=1))
    assert bridge.kind is PhaseKind.PRE_COMPETITION
    # A week at least, to the end of the calendar week (Tuesday to Monday) holding its 7th day.
    assert (bridge.start, bridge.end) == (date(2028, 4, 16), date(2028, 4, 24))
    assert timeline.days[(bridge.end - first_day).days + 1].kind is PhaseKind.COMPETITION
