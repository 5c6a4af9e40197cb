"""The rules of an issue's escalation trail (docs/model.md, "The trail rules").

Pure Python, no Neo4j: ingest checks every issue's `issue_steps` with `check_trail` before it
writes them, and the API checks a new step the same way before appending it.

The trail is a small state machine. State = (status, current level, whether the current level
has accepted the issue since it arrived there). Per action:

- `filed` at L: only as step 1. The issue is open and waits at L.
- `accepted` at L: L must be the current level: the issue was filed at L, escalated to L or
  reopened at L, and not handed on since. Only one `accepted` per arrival at a level (a
  second one means two handlers took the same issue). The issue stays at L.
- `escalated` at A: A must be the current level; the issue moves up one level
  (grid -> community -> street -> district) and now *waits at* the next level B, not yet
  accepted there. Nothing is above district.
- `supervised`: a reminder; changes nothing (it does not un-stall an issue).
- `resolved` at L: L must be a level the issue has reached (filed at, escalated to, reopened
  at); the issue is resolved and its level becomes L (the resolution level).
- `closed`: the issue is closed (resolved or not); level unchanged.
- `reopened` at L: only after `resolved` or `closed`; the issue is open again and waits at L.

Always: seq runs 1..n without gaps or repeats, and no step is earlier in time than the one
before it. While an issue is resolved only `supervised`, `closed` or `reopened` may follow;
after `closed` only `reopened`. Invalid steps are reported and not applied, so later steps
are judged against the valid steps before them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from graph.core.moments import local
from graph.model.enums import LEVEL_ORDER, IssueStatus, Level, StepAction

__all__ = ["StepIn", "check_trail", "derive_state", "next_level", "TrailError"]


@dataclass(frozen=True)
class StepIn:
    seq: int
    action: str
    level: str
    at: datetime
    due: datetime | None = None
    by_id: str | None = None


class TrailError(ValueError):
    """Raised by derive_state for a trail it cannot read (no steps at all)."""


def next_level(level: str) -> str | None:
    """The level above `level` (grid -> community -> street -> district -> None)."""
    nxt = Level(level).next()
    return nxt.value if nxt else None


def _utc(t: datetime) -> datetime:
    # Naive times are read in the project's time zone (ingest and the API hand over aware ones).
    return t if t.tzinfo else local(t)


@dataclass
class _State:
    status: str = IssueStatus.open.value
    level: str | None = None
    accepted_seq: int | None = None  # step that accepted the issue at its current level
    arrived_seq: int | None = None  # step that brought the issue to its current level
    reached: set[str] = field(default_factory=set)
    resolved_seq: int | None = None
    closed_seq: int | None = None


def _problem(st: _State, s: StepIn) -> str | None:
    """Why step `s` cannot follow state `st` (None when it can)."""
    a, lv, n = s.action, s.level, s.seq
    if a not in StepAction.__members__:
        return f"step {n}: unknown action '{a}' (one of {', '.join(StepAction.__members__)})"
    if lv not in Level.__members__:
        return f"step {n}: unknown level '{lv}' (one of {', '.join(x.value for x in LEVEL_ORDER)})"
    if a == "filed":
        return f"step {n} is 'filed' again; only the first step is 'filed'"
    if st.status == "closed" and a != "reopened":
        return f"step {n} ({a}) comes after the issue was closed at step {st.closed_seq} without 'reopened'"
    if st.status == "resolved" and a not in ("supervised", "closed", "reopened"):
        return f"step {n} ({a}) comes after the issue was resolved at step {st.resolved_seq}; reopen it first"
    if a == "reopened" and st.status == "open":
        return f"step {n} reopens the issue, but it is open (not resolved or closed)"
    if a == "accepted":
        if lv not in st.reached:
            return (
                f"step {n}: accepted at {lv}, a level the issue was never filed at "
                f"or escalated to (it is at {st.level})"
            )
        if lv != st.level:
            return f"step {n}: accepted at {lv}, but the issue has moved on to {st.level} (step {st.arrived_seq})"
        if st.accepted_seq is not None:
            return f"step {n}: accepted at {lv} again; step {st.accepted_seq} already accepted it at {lv}"
    if a == "escalated":
        if lv == Level.district.value:
            return f"step {n}: escalated from district, but there is no level above district"
        if lv != st.level:
            return (
                f"step {n}: escalated from {lv}, but the issue is at {st.level} "
                "(escalations go from the current level up one)"
            )
    if a == "resolved" and lv not in st.reached:
        return f"step {n}: resolved at {lv}, a level the issue never reached (it is at {st.level})"
    return None


def _apply(st: _State, s: StepIn) -> None:
    a = s.action
    if a in ("filed", "reopened"):
        st.status, st.level, st.accepted_seq, st.arrived_seq = "open", s.level, None, s.seq
        st.reached.add(s.level)
    elif a == "accepted":
        st.accepted_seq = s.seq
    elif a == "escalated":
        above = next_level(s.level)  # never None here: _problem refuses an escalation from district
        st.level, st.accepted_seq, st.arrived_seq = above, None, s.seq
        if above is not None:
            st.reached.add(above)
    elif a == "resolved":
        st.status, st.level, st.resolved_seq = "resolved", s.level, s.seq
    elif a == "closed":
        st.status, st.closed_seq = "closed", s.seq


def _run(steps: list[StepIn]) -> tuple[_State, list[tuple[int, str]]]:
    st, errors = _State(reached=set()), []
    last_at: datetime | None = None
    prev_seq = 0
    for i, s in enumerate(steps):
        if s.seq in (x.seq for x in steps[:i]):
            errors.append((s.seq, f"step {s.seq}: seq {s.seq} repeats an earlier step"))
        elif s.seq != prev_seq + 1:
            errors.append((s.seq, f"step {s.seq}: seq {s.seq} should be {prev_seq + 1} (seq runs 1..n without gaps)"))
        prev_seq = max(prev_seq, s.seq)
        at = _utc(s.at)
        if last_at is not None and at < last_at:
            errors.append(
                (
                    s.seq,
                    f"step {s.seq} ({s.action}) at {at.isoformat()} is earlier than the step before it "
                    f"({last_at.isoformat()})",
                )
            )
            continue
        last_at = at
        if i == 0:
            if s.action != "filed":
                errors.append((s.seq, f"step {s.seq} is '{s.action}'; a trail starts with 'filed'"))
            if s.level not in Level.__members__:
                errors.append((s.seq, f"step {s.seq}: unknown level '{s.level}'"))
                return st, errors
            # Even a bad first step tells us where the issue starts, so later steps can be judged.
            _apply(st, StepIn(s.seq, "filed", s.level, s.at))
            continue
        why = _problem(st, s)
        if why:
            errors.append((s.seq, why))
        else:
            _apply(st, s)
    return st, errors


def check_trail(steps: list[StepIn]) -> list[tuple[int, str]]:
    """(seq, reason) for each invalid step of one issue's trail, given in seq order; [] if valid."""
    return _run(steps)[1]


def derive_state(steps: list[StepIn]) -> tuple[str, str]:
    """(status, level) after the trail: status open/resolved/closed; level = where it is now.

    After `escalated` at A the level is the next level B (the issue waits at B); after
    `resolved` it is the resolution level. Invalid steps are skipped (run check_trail first).
    """
    if not steps:
        raise TrailError("an issue's trail needs at least its 'filed' step")
    st, _ = _run(steps)
    if st.level is None:
        raise TrailError(f"step {steps[0].seq}: unknown level '{steps[0].level}'")
    return st.status, st.level
