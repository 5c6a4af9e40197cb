"""The state kept on each issue (graph/model/issue_state.py): written by ingest's finishing step
for the trails of tests/catalogue_world.py, and by the API's write path in the step's own
transaction; the cached /stats/resolution follows a recorded step at once (the data version).
Expected states worked out by hand from the world's trails (times in UTC to the millisecond;
the resolution time as the step holds it, +08:00)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from graph.catalogue import writes
from graph.services.issues.recording import add_step
from graph.services.stats.resolution import resolution
from tests import catalogue_world as w

BEIJING = timezone(timedelta(hours=8))


def _states(store) -> set[tuple]:
    rows = writes.write("tests/issue_state_of", store=store)
    return {tuple(r.values()) for r in rows}


def test_state_after_ingest_and_after_a_recorded_step(db, tmp_path):
    w.load_world(db, tmp_path / "world")
    assert _states(db) == {
        ("I1", 2, "resolved", "2024-05-12T02:00:00Z", 2, "resolved", "2024-05-12T02:00:00Z", None, "grid",
         "2024-05-12T10:00:00+08:00"),
        ("I2", 4, "resolved", "2024-06-20T02:00:00Z", 4, "resolved", "2024-06-20T02:00:00Z", None, "community",
         "2024-06-20T10:00:00+08:00"),
        ("I3", 5, "closed", "2024-07-02T02:00:00Z", 5, "closed", "2024-07-02T02:00:00Z", None, "street",
         "2024-07-01T10:00:00+08:00"),
        ("I4", 1, "filed", "2024-08-01T12:00:00Z", 1, "filed", "2024-08-01T12:00:00Z", None, None, None),
        ("I5", 1, "filed", "2024-09-01T01:00:00Z", 1, "filed", "2024-09-01T01:00:00Z", None, None, None),
        ("I6", 6, "resolved", "2025-03-01T01:00:00Z", 6, "resolved", "2025-03-01T01:00:00Z", None, "district",
         "2025-03-01T09:00:00+08:00"),
        ("I7", 3, "reopened", "2024-10-05T02:00:00Z", 3, "reopened", "2024-10-05T02:00:00Z", None, "grid",
         "2024-10-01T10:00:00+08:00"),
    }  # fmt: skip
    assert resolution(store=db).resolved == 4  # computed, then kept for this data version

    at = datetime(2024, 8, 2, 9, 0, tzinfo=BEIJING)
    add_step(store=db, issue_id="I4", action="accept", at=at, due=at + timedelta(days=3))
    add_step(store=db, issue_id="I4", action="supervise", at=at + timedelta(days=4))
    i4 = {s for s in _states(db) if s[0] == "I4"}
    # a reminder moves the latest step, not the wait: still accepted at 01:00Z with its deadline
    assert i4 == {
        ("I4", 3, "supervised", "2024-08-06T01:00:00Z", 2, "accepted", "2024-08-02T01:00:00Z",
         "2024-08-05T01:00:00Z", None, None)
    }  # fmt: skip
    add_step(store=db, issue_id="I4", action="resolve", at=at + timedelta(days=5))
    i4 = {s for s in _states(db) if s[0] == "I4"}
    assert i4 == {
        ("I4", 4, "resolved", "2024-08-07T01:00:00Z", 4, "resolved", "2024-08-07T01:00:00Z", None, "grid",
         "2024-08-07T09:00:00+08:00")
    }  # fmt: skip
    after = resolution(store=db)  # the write bumped the data version: recomputed, not the kept answer
    assert (after.resolved, after.in_grid_or_community) == (5, 3)
