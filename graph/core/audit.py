"""The audit log: every ad-hoc query, ingest, export, recorded step and key change, appended with
who, when, what and the outcome (docs/security.md). It lives beside the keys in
`<home>/access.sqlite`; triggers refuse any UPDATE or DELETE of it. Admins read it through
`GET /api/v1/audit` and `grassroots audit`.

`what` holds what was asked (a query's text and its parameters' names, an issue id and action,
the files loaded), never parameter values or personal data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from graph.core.access import Caller, cli_caller, connect, current_caller
from graph.core.errors import ParamError, ServiceError

Action = Literal["cypher", "ingest", "export", "step", "issue", "meeting", "task", "points", "key"]
ACTIONS: tuple[Action, ...] = get_args(Action)
QUERY_TEXT_MAX = 4000  # characters of an ad-hoc query kept in the log


def record(action: Action, what: dict[str, Any], outcome: str, *, caller: Caller | None = None) -> None:
    """Appends one entry. `caller` defaults to the one being served (the CLI's user outside a request)."""
    who = caller or current_caller() or cli_caller()
    with connect() as conn:
        conn.execute(
            "INSERT INTO audit (at, actor, role, key_id, person, action, what, outcome) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                datetime.now(UTC).isoformat(timespec="milliseconds"),
                who.name,
                who.role,
                who.key_id,
                who.person,
                action,
                json.dumps(what, ensure_ascii=False, default=str),
                outcome[:500],
            ),
        )


class Outcome:
    """What an audited piece of work came to; `ok` is the default, set `text` for more."""

    def __init__(self) -> None:
        self.text = "ok"


@contextmanager
def audited(action: Action, what: dict[str, Any]) -> Iterator[Outcome]:
    """Records the work in the block: its outcome, or the error it ended with (re-raised)."""
    outcome = Outcome()
    try:
        yield outcome
    except ServiceError as exc:
        record(action, what, f"error {exc.status}: {exc}")
        raise
    except BaseException as exc:
        record(action, what, f"error: {type(exc).__name__}")
        raise
    record(action, what, outcome.text)


def entries(
    *,
    since: datetime | None = None,
    action: str | None = None,
    actor: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """The newest entries first, narrowed by time, action and actor: (total, one page)."""
    if action is not None and action not in ACTIONS:
        raise ParamError("action", f"{action!r} is not an audited action: one of {', '.join(ACTIONS)}")
    where, args = [], []
    if since is not None:
        where.append("at >= ?")
        args.append(since.astimezone(UTC).isoformat(timespec="milliseconds"))
    if action is not None:
        where.append("action = ?")
        args.append(action)
    if actor is not None:
        where.append("actor = ?")
        args.append(actor)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    with connect() as conn:
        total = conn.execute(f"SELECT count(*) FROM audit{clause}", args).fetchone()[0]
        rows = conn.execute(
            f"SELECT seq, at, actor, role, key_id, person, action, what, outcome FROM audit{clause} "
            "ORDER BY seq DESC LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
    out = []
    for seq, at, who, role, key_id, person, act, what, outcome in rows:
        out.append(
            {
                "seq": seq,
                "at": datetime.fromisoformat(at),
                "actor": who,
                "role": role,
                "key_id": key_id,
                "person": person,
                "action": act,
                "what": json.loads(what),
                "outcome": outcome,
            }
        )
    return total, out
