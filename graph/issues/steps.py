"""Recording the issue loop through the API: filing an issue and appending a step to its trail.

A step is checked with the same rules as ingest (graph/trail.py) and written in ONE write
transaction that first locks the issue (issue_loop_lock), then reads its trail, checks, appends
the step (issue_loop_append) and updates the issue's status and level. Two coordinators acting
on one issue at once are therefore served one after the other: the second sees the first's step,
and if its own step no longer fits the trail it gets a StepConflict (HTTP 409) with the state.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from neo4j.exceptions import ConstraintError

from graph.cypher_files import cypher
from graph.errors import NotFound, UserError
from graph.model.enums import Level
from graph.issues.history import steps_of, trail_rows
from graph.store import Store
from graph.trail import StepIn, check_trail, derive_state

SOURCE = "api"
# The verbs the coordinators' app sends, and the step action each records.
VERBS = {"accept": "accepted", "escalate": "escalated", "supervise": "supervised", "resolve": "resolved",
         "close": "closed", "reopen": "reopened"}


class StepConflict(UserError):
    """The step does not fit the issue's trail as it stands now (HTTP 409)."""
    status_code = 409

    def __init__(self, message: str, state: dict):
        super().__init__(message)
        self.state = state


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _state(issue_id: str, steps: list[StepIn]) -> dict:
    status, level = derive_state(steps)
    last = steps[-1]
    return {"issue_id": issue_id, "status": status, "level": level, "last_seq": last.seq,
            "last_action": last.action, "last_at": last.at}


def _check_refs(tx, *, by_id=None, located_in_id=None, meeting_id=None, category=None) -> dict:
    ref = tx.run(cypher("ingest/issue_loop_refs"), {"by_id": by_id, "located_in_id": located_in_id,
                                                    "meeting_id": meeting_id, "category": category}).single().data()
    if by_id is not None and ref["handler_label"] is None:
        raise UserError(f"by_id: no organization or person with id {by_id!r}")
    return ref


def file_issue(*, store: Store, title: str, category: str, channel: str, located_in_id: str, level: str,
               at: datetime | None = None, by_id: str | None = None, meeting_id: str | None = None,
               note: str | None = None, satisfaction: int | None = None, issue_id: str | None = None) -> dict:
    """Creates an issue filed at `level` with its first step `filed`; returns its state."""
    issue_id = issue_id or f"I-{uuid.uuid4().hex[:12].upper()}"
    level, channel = str(level), str(channel)   # enum members arrive from the API
    if level not in Level.__members__:
        raise UserError(f"level: {level!r} is not one of grid, community, street, district")

    def work(tx):
        now = _now()
        ref = _check_refs(tx, by_id=by_id, located_in_id=located_in_id, meeting_id=meeting_id, category=category)
        if ref["location_label"] is None:
            raise UserError(f"located_in_id: no Grid, MicroGrid or Community with id {located_in_id!r}")
        if meeting_id is not None and not ref["meeting_found"]:
            raise UserError(f"meeting_id: no Meeting with id {meeting_id!r}")
        if ref["categories_known"] and not ref["category_found"]:
            raise UserError(f"category: {category!r} is not a known issue category (see /open311/v2/services.json)")
        if tx.run(cypher("ingest/issue_loop_lock"), {"issue_id": issue_id, "now": now}).single() is not None:
            raise StepConflict(f"an issue with id {issue_id!r} already exists", {"issue_id": issue_id})
        reported = at or now
        issue = {"id": issue_id, "title": title, "category": category, "channel": channel,
                 "reported_at": reported, "level": level, "satisfaction": satisfaction}
        row = tx.run(cypher("ingest/issue_loop_file"), {
            "issue": issue, "located_in_id": located_in_id, "meeting_id": meeting_id, "note": note,
            "source": SOURCE, "now": now}).single()
        if by_id is not None:
            tx.run(cypher("ingest/issue_loop_link_handler"),
                   {"step_id": row["step_id"], "by_id": by_id, "source": SOURCE, "now": now}).consume()
        return {"issue_id": issue_id, "status": "open", "level": level, "last_seq": 1, "last_action": "filed",
                "last_at": reported}
    try:
        return store.write_tx(work)
    except ConstraintError:  # another request filed the same id between our check and our write
        raise StepConflict(f"an issue with id {issue_id!r} already exists", {"issue_id": issue_id}) from None


def add_step(*, store: Store, issue_id: str, action: str, level: str | None = None, at: datetime | None = None,
             due: datetime | None = None, by_id: str | None = None, note: str | None = None,
             expected_seq: int | None = None) -> dict:
    """Appends one step (accept, escalate, supervise, resolve, close, reopen) to an issue's trail.

    `level` defaults to the issue's current level and `at` to now. `expected_seq` is the seq of
    the last step the caller saw: when another step came first, the append is refused (409)."""
    level = str(level) if level is not None else None
    act = VERBS.get(action, action)
    if act not in VERBS.values():
        raise UserError(f"action: {action!r} is not one of {', '.join(VERBS)}")
    if due is not None and act != "accepted":
        raise UserError("due: only an accepted step sets a deadline")

    def work(tx):
        now = _now()
        if tx.run(cypher("ingest/issue_loop_lock"), {"issue_id": issue_id, "now": now}).single() is None:
            raise NotFound("Issue", issue_id)
        steps = steps_of(trail_rows(tx.run, issue_id))
        if not steps:
            raise UserError(f"issue {issue_id!r} has no trail to add to")
        state = _state(issue_id, steps)
        if expected_seq is not None and expected_seq != state["last_seq"]:
            raise StepConflict(f"issue {issue_id}: expected its last step to be {expected_seq}, "
                               f"but it is {state['last_seq']} ({state['last_action']})", state)
        if by_id is not None:
            _check_refs(tx, by_id=by_id)
        new = StepIn(seq=state["last_seq"] + 1, action=act, level=level or state["level"], at=at or now,
                     due=due, by_id=by_id)
        problems = [why for seq, why in check_trail(steps + [new]) if seq == new.seq]
        if problems:
            raise StepConflict(f"issue {issue_id}: " + "; ".join(problems), state)
        status, new_level = derive_state(steps + [new])
        resolved_at = new.at if act == "resolved" else (_resolved_at(steps) if status != "open" else None)
        step = {"seq": new.seq, "action": act, "level": new.level, "at": new.at, "due": due, "note": note}
        row = tx.run(cypher("ingest/issue_loop_append"), {
            "issue_id": issue_id, "expected_last_seq": state["last_seq"], "step": step, "status": status,
            "level": new_level, "resolved_at": resolved_at, "source": SOURCE, "now": now}).single()
        if row is None:  # cannot happen under the lock; kept as the last line of defence
            raise StepConflict(f"issue {issue_id}: its trail changed while the step was being added", state)
        if by_id is not None:
            tx.run(cypher("ingest/issue_loop_link_handler"),
                   {"step_id": row["step_id"], "by_id": by_id, "source": SOURCE, "now": now}).consume()
        return {"issue_id": issue_id, "status": status, "level": new_level, "last_seq": new.seq,
                "last_action": act, "last_at": new.at, "step_id": row["step_id"]}
    return store.write_tx(work)


def _resolved_at(steps: list[StepIn]) -> datetime | None:
    """When the latest resolution happened, if the issue was not reopened since."""
    for s in reversed(steps):
        if s.action == "reopened":
            return None
        if s.action == "resolved":
            return s.at
    return None
