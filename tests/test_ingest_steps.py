"""Ingest of issue trails (issue_steps): chained in seq order, merged with the steps the graph holds,
judged by graph.model.trail_rules's rules; a rejected step takes the issue's later steps with it; the issue's
status and level follow the trail."""

from __future__ import annotations

from ingest.pipeline import load
from tests.conftest import counts
from tests.ingest_helpers import BASE, pairs, snapshot, write_base, write_csv

STEPS = BASE["issue_steps"]


def _state(store, issue):
    props = next(dict(p) for lb, i, p in snapshot(store)[0] if (lb[0], i) == ("Issue", issue))
    return props["status"], props["level"]


def _chain(store, issue):
    """The trail as (FIRST_STEP, NEXT pairs, LAST_STEP) for one issue."""
    rels = pairs(store)
    first = {b for a, t, b in rels if (a, t) == (issue, "FIRST_STEP")}
    last = {b for a, t, b in rels if (a, t) == (issue, "LAST_STEP")}
    nxt = {(a, b) for a, t, b in rels if t == "NEXT" and a.startswith(issue + "#")}
    return first, nxt, last


def _base_without_steps(tmp_path):
    folder = write_base(tmp_path / "base")
    (folder / "issue_steps.csv").unlink()
    return folder


def test_a_trail_loaded_in_two_parts_is_one_chain(db, tmp_path):
    load([_base_without_steps(tmp_path)], store=db)
    assert _state(db, "I-1") == ("open", "grid")  # no steps yet: the issues file decides
    part1 = write_csv(
        tmp_path / "a" / "issue_steps.csv", [s for s in STEPS if s["issue_id"] == "I-1" and s["seq"] <= 2]
    )
    assert load([part1], store=db).rejected == 0
    assert _state(db, "I-1") == ("open", "community")
    assert _chain(db, "I-1") == ({"I-1#1"}, {("I-1#1", "I-1#2")}, {"I-1#2"})
    part2 = write_csv(
        tmp_path / "b" / "问题流转.csv",
        [s for s in STEPS if s["issue_id"] == "I-1" and s["seq"] > 2],
        chinese=True,
    )
    assert load([part2], store=db).rejected == 0
    assert _state(db, "I-1") == ("resolved", "community")
    assert _chain(db, "I-1") == (
        {"I-1#1"},
        {("I-1#1", "I-1#2"), ("I-1#2", "I-1#3"), ("I-1#3", "I-1#4")},
        {"I-1#4"},
    )
    # The issues file loaded again does not undo what the steps say.
    again = load([_base_without_steps(tmp_path / "again")], store=db)
    assert again.rejected == 0 and _state(db, "I-1") == ("resolved", "community")


def test_a_step_breaking_the_rules_is_rejected_with_the_later_ones(db, tmp_path):
    load([_base_without_steps(tmp_path)], store=db)
    n = counts(db)
    rows = [dict(s) for s in STEPS if s["issue_id"] == "I-1"]
    rows[2].update(level="district")  # accepted at district, but the issue only reached community
    p = write_csv(tmp_path / "a" / "issue_steps.csv", rows)
    r = load([p], store=db)
    assert {(e.row, e.column, e.value, e.reason) for e in r.errors} == {
        (
            4,
            "seq",
            "3",
            "issue I-1: step 3: accepted at district, a level the issue was never "
            "filed at or escalated to (it is at community)",
        ),
        (5, "seq", "4", "issue I-1: follows step 3, which was rejected"),
    }
    assert (r.loaded, r.rejected) == (2, 2)
    assert _chain(db, "I-1") == ({"I-1#1"}, {("I-1#1", "I-1#2")}, {"I-1#2"})
    assert _state(db, "I-1") == ("open", "community")
    assert counts(db)["nodes"] == n["nodes"] + 2


def test_a_bad_step_row_leaves_a_hole_that_stops_the_trail(db, tmp_path):
    load([_base_without_steps(tmp_path)], store=db)
    rows = [dict(s) for s in STEPS if s["issue_id"] == "I-2"] + [
        {
            "issue_id": "I-2",
            "seq": 3,
            "action": "accepted",
            "level": "street",
            "at": "2024-06-04T09:00:00+08:00",
            "due": "",
            "by_id": "",
        },
        {
            "issue_id": "I-404",
            "seq": 1,
            "action": "filed",
            "level": "grid",
            "at": "2024-06-04T09:00:00+08:00",
            "due": "",
            "by_id": "",
        },
        {
            "issue_id": "I-1",
            "seq": 1,
            "action": "filed",
            "level": "grid",
            "at": "2024-05-10T19:30:00+08:00",
            "due": "",
            "by_id": "",
            "id": "I-1#7",
        },
        dict(STEPS[4]),  # I-2 step 1 again
    ]
    rows[1].update(action="passed_up")
    rows = [{"id": "", **r} for r in rows]  # an id column, empty (derived) but for the last row
    p = write_csv(tmp_path / "a" / "issue_steps.csv", rows)
    r = load([p], store=db)
    assert {(e.row, e.column, e.value, e.reason) for e in r.errors} == {
        (
            3,
            "action",
            "passed_up",
            "input should be 'filed', 'accepted', 'escalated', 'supervised', 'resolved', 'closed' or 'reopened'",
        ),
        (4, "seq", "3", f"issue I-2: follows step 2 ({p} row 3), which was rejected"),
        (5, "issue_id", "I-404", "no Issue with id 'I-404' in the graph or in the files of this load"),
        (6, "id", "I-1#7", "a step's id must be issue_id#seq ('I-1#1') or empty"),
        (7, "id", "I-2#1", "duplicate id 'I-2#1': row 2 of this file has it already"),
    }
    assert _chain(db, "I-2") == ({"I-2#1"}, set(), {"I-2#1"})
    assert _state(db, "I-2") == ("open", "community")
    assert not {i for lb, i, _ in snapshot(db)[0] if i in ("I-404", "I-404#1", "I-2#3")}


def test_a_rewrite_that_would_break_the_graphs_later_steps_is_refused(db, tmp_path):
    load([write_base(tmp_path / "base")], store=db)
    before = snapshot(db, ignore=())
    # Step 2 rewritten as "resolved at grid": the graph's step 3 (accepted at community) could not follow.
    p = write_csv(
        tmp_path / "a" / "issue_steps.csv",
        [
            {
                "issue_id": "I-1",
                "seq": 2,
                "action": "resolved",
                "level": "grid",
                "at": "2024-05-11T09:00:00+08:00",
            }
        ],
    )
    r = load([p], store=db)
    assert [(e.row, e.reason) for e in r.errors] == [
        (
            2,
            "issue I-1: with the steps of this load, step 3 already in the graph would become invalid: "
            "step 3 (accepted) comes after the issue was resolved at step 2; reopen it first",
        )
    ]
    assert snapshot(db, ignore=()) == before
    # Appending a valid step to the graph's trail works: supervised after resolved is allowed.
    q = write_csv(
        tmp_path / "b" / "issue_steps.csv",
        [
            {
                "issue_id": "I-1",
                "seq": 5,
                "action": "closed",
                "level": "community",
                "at": "2024-05-16T09:00:00+08:00",
            }
        ],
    )
    assert load([q], store=db).rejected == 0
    assert _state(db, "I-1") == ("closed", "community")
    assert _chain(db, "I-1")[2] == {"I-1#5"} and ("I-1#4", "I-1#5") in _chain(db, "I-1")[1]
