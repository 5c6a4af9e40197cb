"""graph/model/trail_rules.py: the trail rules ingest and the API share (pure Python, no Neo4j)."""

from datetime import UTC, datetime, timedelta

import pytest

from graph.model.trail_rules import StepIn, TrailError, check_trail, derive_state

T0 = datetime(2024, 5, 1, 2, 0, tzinfo=UTC)


def trail(*steps: tuple) -> list[StepIn]:
    """(action, level, day) or (seq, action, level, day) tuples as StepIn, seq 1.. by default."""
    out = []
    for i, s in enumerate(steps, 1):
        seq, action, level, day = s if len(s) == 4 else (i, *s)
        out.append(StepIn(seq=seq, action=action, level=level, at=T0 + timedelta(days=day)))
    return out


def seqs(problems):
    return [seq for seq, _ in problems]


def test_a_full_loop_is_valid_and_its_state_follows_each_step():
    t = trail(
        ("filed", "grid", 0),
        ("accepted", "grid", 0),
        ("escalated", "grid", 1),
        ("accepted", "community", 2),
        ("escalated", "community", 3),
        ("supervised", "street", 4),
        ("accepted", "street", 5),
        ("escalated", "street", 6),
        ("accepted", "district", 7),
        ("resolved", "district", 8),
        ("closed", "district", 9),
        ("reopened", "community", 10),
        ("accepted", "community", 10),
        ("resolved", "community", 11),
    )
    assert check_trail(t) == []
    states = [derive_state(t[:n]) for n in range(1, len(t) + 1)]
    assert states == [
        ("open", "grid"),
        ("open", "grid"),
        ("open", "community"),
        ("open", "community"),
        ("open", "street"),
        ("open", "street"),
        ("open", "street"),
        ("open", "district"),
        ("open", "district"),
        ("resolved", "district"),
        ("closed", "district"),
        ("open", "community"),
        ("open", "community"),
        ("resolved", "community"),
    ]


def test_seq_must_run_without_gaps_or_repeats():
    t = trail((1, "filed", "community", 0), (3, "accepted", "community", 1), (3, "escalated", "community", 2))
    problems = check_trail(t)
    assert seqs(problems) == [3, 3]
    assert "should be 2" in problems[0][1] and "repeats" in problems[1][1]


def test_the_first_step_is_filed():
    problems = check_trail(trail(("accepted", "community", 0), ("escalated", "community", 1)))
    assert problems == [(1, "step 1 is 'accepted'; a trail starts with 'filed'")]
    assert seqs(check_trail(trail(("filed", "grid", 0), ("filed", "grid", 1)))) == [2]


def test_a_step_earlier_than_the_one_before_it():
    problems = check_trail(trail(("filed", "community", 2), ("accepted", "community", 1)))
    assert seqs(problems) == [2] and "earlier than the step before it" in problems[0][1]
    assert check_trail(trail(("filed", "community", 1), ("accepted", "community", 1))) == []  # same time is fine


def test_accepted_at_a_level_never_reached_or_already_left():
    never = check_trail(trail(("filed", "community", 0), ("accepted", "street", 1)))
    assert seqs(never) == [2] and "never filed at or escalated to" in never[0][1]
    left = check_trail(trail(("filed", "community", 0), ("escalated", "community", 1), ("accepted", "community", 2)))
    assert seqs(left) == [3] and "moved on to street" in left[0][1]
    twice = check_trail(trail(("filed", "community", 0), ("accepted", "community", 1), ("accepted", "community", 2)))
    assert seqs(twice) == [3] and "step 2 already accepted it" in twice[0][1]


def test_nothing_after_closed_but_reopened():
    t = trail(
        ("filed", "community", 0),
        ("closed", "community", 1),
        ("accepted", "community", 2),
        ("supervised", "community", 3),
        ("reopened", "community", 4),
        ("accepted", "community", 5),
    )
    problems = check_trail(t)
    assert seqs(problems) == [3, 4]
    assert all("after the issue was closed at step 2 without 'reopened'" in why for _, why in problems)
    assert derive_state(t) == ("open", "community")


def test_after_resolved_only_supervision_closing_or_reopening():
    t = trail(
        ("filed", "street", 0),
        ("resolved", "street", 1),
        ("escalated", "street", 2),
        ("supervised", "street", 3),
        ("closed", "street", 4),
    )
    assert seqs(check_trail(t)) == [3]
    assert derive_state(t) == ("closed", "street")
    assert seqs(check_trail(trail(("filed", "grid", 0), ("reopened", "grid", 1)))) == [2]  # open: nothing to reopen


def test_escalations_go_up_one_from_the_current_level_and_stop_at_district():
    above = check_trail(trail(("filed", "district", 0), ("escalated", "district", 1)))
    assert above == [(2, "step 2: escalated from district, but there is no level above district")]
    wrong = check_trail(trail(("filed", "grid", 0), ("escalated", "community", 1)))
    assert seqs(wrong) == [2] and "the issue is at grid" in wrong[0][1]
    again = check_trail(trail(("filed", "community", 0), ("escalated", "community", 1), ("escalated", "community", 2)))
    assert seqs(again) == [3]
    assert derive_state(trail(("filed", "grid", 0), ("escalated", "grid", 1))) == ("open", "community")


def test_resolved_at_a_level_the_issue_reached_sets_the_resolution_level():
    t = trail(("filed", "community", 0), ("escalated", "community", 1), ("resolved", "community", 2))
    assert check_trail(t) == [] and derive_state(t) == ("resolved", "community")
    assert seqs(check_trail(trail(("filed", "community", 0), ("resolved", "district", 1)))) == [2]


def test_unknown_words_are_named_and_invalid_steps_are_skipped():
    t = trail(
        ("filed", "community", 0),
        ("approved", "community", 1),
        ("accepted", "estate", 2),
        ("accepted", "community", 3),
    )
    problems = check_trail(t)
    assert (
        seqs(problems) == [2, 3]
        and "unknown action 'approved'" in problems[0][1]
        and "unknown level 'estate'" in problems[1][1]
    )
    assert derive_state(t) == ("open", "community")


def test_derive_state_needs_a_step():
    with pytest.raises(TrailError):
        derive_state([])
    assert check_trail([]) == []
