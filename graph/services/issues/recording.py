"""Recording the issue loop through the API: filing an issue and appending a step to its trail.

A step is checked with the same rules as ingest (graph/model/trail_rules.py) and written in ONE
write transaction that first locks the issue (writes/issue_loop_lock), then reads its trail,
checks, appends the step (writes/issue_loop_append) and updates the issue's status and level. Two coordinators acting
on one issue at once are therefore served one after the other: the second sees the first's step,
and if its own step no longer fits the trail it gets a StepConflict (HTTP 409) with the state.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from neo4j.exceptions import ConstraintError

from graph.catalogue import writes
from graph.catalogue.writes import Writer
from graph.core.errors import Conflict, NotFound, ParamError, UserError, check_choice
from graph.core.privacy import seal_phones_in_text
from graph.core.serialize import to_native
from graph.core.store import Store
from graph.model.enums import Level
from graph.model.trail_rules import StepIn, check_trail, derive_state
from graph.services.issues.trails import steps_of, trail_rows

SOURCE = "api"
# The verbs the coordinators' app sends, and the step action each records.
VERBS = {
    "accept": "accepted",
    "escalate": "escalated",
    "supervise": "supervised",
    "resolve": "resolved",
    "close": "closed",
    "reopen": "reopened",
}


STATE_FIELDS = ("issue_id", "status", "level", "last_seq", "last_action", "last_at", "step_id")


class StepConflict(Conflict):
    """The step does not fit the issue's trail as it stands now (HTTP 409); `current` is its state."""

    def __init__(self, message: str, state: dict):
        self.state = {k: state.get(k) for k in STATE_FIELDS}
        super().__init__(message, current=self.state)


FUTURE_SKEW = timedelta(minutes=5)  # how far ahead of the server's clock a step's time may be


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _not_ahead(field: str, at: datetime | None, now: datetime) -> None:
    """A time no later than now plus FUTURE_SKEW; otherwise 422 (a step dated 9999-12-31 would
    freeze the issue: every later step would be "earlier than the step before it")."""
    if at is not None and at > now + FUTURE_SKEW:
        raise ParamError(field, f"{at.isoformat()} is in the future (more than 5 minutes past the server's clock)")


def _state(issue_id: str, steps: list[StepIn]) -> dict:
    status, level = derive_state(steps)
    last = steps[-1]
    return {
        "issue_id": issue_id,
        "status": status,
        "level": level,
        "last_seq": last.seq,
        "last_action": last.action,
        "last_at": last.at,
    }


def _trail(w: Writer, issue_id: str) -> list[dict]:
    return trail_rows([to_native(r.data()) for r in w.run("issue_trail", {"issue_id": issue_id})], issue_id)


def _check_refs(w: Writer, *, by_id=None, located_in_id=None, meeting_id=None, category=None) -> dict:
    row = w.single(
        "writes/issue_loop_refs",
        {"by_id": by_id, "located_in_id": located_in_id, "meeting_id": meeting_id, "category": category},
    )
    ref = row.data() if row is not None else {}
    if by_id is not None and ref.get("handler_label") is None:
        raise ParamError("by_id", f"no organization or person with id {by_id!r}")
    return ref


def file_issue(
    *,
    store: Store,
    title: str,
    category: str,
    channel: str,
    located_in_id: str,
    level: str,
    at: datetime | None = None,
    by_id: str | None = None,
    meeting_id: str | None = None,
    note: str | None = None,
    satisfaction: int | None = None,
    issue_id: str | None = None,
) -> dict:
    """Creates an issue filed at `level` with its first step `filed`; returns its state."""
    issue_id = issue_id or f"I-{uuid.uuid4().hex[:12].upper()}"
    level, channel = str(level), str(channel)  # enum members arrive from the API
    check_choice("level", level, [lv.value for lv in Level])

    _not_ahead("at", at, _now())

    def work(w: Writer) -> dict:
        now = _now()
        ref = _check_refs(w, by_id=by_id, located_in_id=located_in_id, meeting_id=meeting_id, category=category)
        if ref["location_label"] is None:
            raise ParamError("located_in_id", f"no Grid, MicroGrid or Community with id {located_in_id!r}")
        if meeting_id is not None and not ref["meeting_found"]:
            raise ParamError("meeting_id", f"no Meeting with id {meeting_id!r}")
        if ref["categories_known"] and not ref["category_found"]:
            raise ParamError("category", f"{category!r} is not a known issue category (see /open311/v2/services.json)")
        if w.single("writes/issue_loop_lock", {"issue_id": issue_id, "now": now}) is not None:
            raise StepConflict(f"an issue with id {issue_id!r} already exists", {"issue_id": issue_id})
        reported = at or now
        issue = {
            "id": issue_id,
            "title": seal_phones_in_text(title),
            "category": category,
            "channel": channel,
            "reported_at": reported,
            "level": level,
            "satisfaction": satisfaction,
        }
        row = w.single(
            "writes/issue_loop_file",
            {
                "issue": issue,
                "located_in_id": located_in_id,
                "meeting_id": meeting_id,
                "note": seal_phones_in_text(note),
                "source": SOURCE,
                "now": now,
            },
        )
        if by_id is not None and row is not None:
            w.run(
                "writes/issue_loop_link_handler",
                {"step_id": row["step_id"], "by_id": by_id, "source": SOURCE, "now": now},
            )
        return {
            "issue_id": issue_id,
            "status": "open",
            "level": level,
            "last_seq": 1,
            "last_action": "filed",
            "last_at": reported,
        }

    try:
        return writes.write_tx(store, work)
    except ConstraintError:  # another request filed the same id between our check and our write
        raise StepConflict(f"an issue with id {issue_id!r} already exists", {"issue_id": issue_id}) from None


def add_step(
    *,
    store: Store,
    issue_id: str,
    action: str,
    level: str | None = None,
    at: datetime | None = None,
    due: datetime | None = None,
    by_id: str | None = None,
    note: str | None = None,
    expected_seq: int | None = None,
) -> dict:
    """Appends one step (accept, escalate, supervise, resolve, close, reopen) to an issue's trail.

    `level` defaults to the issue's current level and `at` to now. `expected_seq` is the seq of
    the last step the caller saw: when another step came first, the append is refused (409)."""
    level = str(level) if level is not None else None
    act = VERBS.get(action, action)
    if act not in VERBS.values():
        raise ParamError("action", f"{action!r} is not one of {', '.join(VERBS)}")
    if due is not None and act != "accepted":
        raise ParamError("due", "only an accepted step sets a deadline")
    _not_ahead("at", at, _now())

    def work(w: Writer) -> dict:
        now = _now()
        if w.single("writes/issue_loop_lock", {"issue_id": issue_id, "now": now}) is None:
            raise NotFound("Issue", issue_id)
        steps = steps_of(_trail(w, issue_id))
        if not steps:
            raise UserError(f"issue {issue_id!r} has no trail to add to")
        state = _state(issue_id, steps)
        if expected_seq is not None and expected_seq != state["last_seq"]:
            raise StepConflict(
                f"issue {issue_id}: expected its last step to be {expected_seq}, "
                f"but it is {state['last_seq']} ({state['last_action']})",
                state,
            )
        if by_id is not None:
            _check_refs(w, by_id=by_id)
        new = StepIn(
            seq=state["last_seq"] + 1,
            action=act,
            level=level or state["level"],
            at=at or now,
            due=due,
            by_id=by_id,
        )
        problems = [why for seq, why in check_trail(steps + [new]) if seq == new.seq]
        if problems:
            raise StepConflict(f"issue {issue_id}: " + "; ".join(problems), state)
        status, new_level = derive_state(steps + [new])
        resolved_at = new.at if act == "resolved" else (_resolved_at(steps) if status != "open" else None)
        note_stored = seal_phones_in_text(note)
        step = {"seq": new.seq, "action": act, "level": new.level, "at": new.at, "due": due, "note": note_stored}
        row = w.single(
            "writes/issue_loop_append",
            {
                "issue_id": issue_id,
                "expected_last_seq": state["last_seq"],
                "step": step,
                "status": status,
                "level": new_level,
                "resolved_at": resolved_at,
                "source": SOURCE,
                "now": now,
            },
        )
        if row is None:  # cannot happen under the lock; kept as the last line of defence
            raise StepConflict(f"issue {issue_id}: its trail changed while the step was being added", state)
        if by_id is not None:
            w.run(
                "writes/issue_loop_link_handler",
                {"step_id": row["step_id"], "by_id": by_id, "source": SOURCE, "now": now},
            )
        return {
            "issue_id": issue_id,
            "status": status,
            "level": new_level,
            "last_seq": new.seq,
            "last_action": act,
            "last_at": new.at,
            "step_id": row["step_id"],
        }

    return writes.write_tx(store, work)


def _resolved_at(steps: list[StepIn]) -> datetime | None:
    """When the latest resolution happened, if the issue was not reopened since."""
    for s in reversed(steps):
        if s.action == "reopened":
            return None
        if s.action == "resolved":
            return s.at
    return None
