"""The issue's current state, kept on the Issue node as its trail is written.

Ingest (cypher/ingest/issue_state.cypher, after the trails' chains) and the API's write path
(cypher/writes/issue_loop_append.cypher, in the step's own transaction) set these properties, so
the issue queries answer from the issue for every issue whose latest step is at or before `as_of`
and walk the trail only for the few with steps after it. They are not input columns: a file
never sets them. `last_at`, `waiting_since` and `due` are the instants of the steps in UTC,
truncated to the millisecond (the queries compare instants by epochMillis, and Neo4j orders two
equal instants in different zones by zone, so one zone makes an index range exact);
`resolution_at` is the resolved step's own `at`, with its offset, so its calendar day is the
step's."""

from __future__ import annotations

# property -> (type as docs/model.md writes it, meaning)
ISSUE_STATE: dict[str, tuple[str, str]] = {
    "last_seq": ("int", "kept from the trail: seq of the latest step"),
    "last_action": ("string", "kept from the trail: action of the latest step"),
    "last_at": ("datetime", "kept from the trail: when the latest step happened (UTC, to the millisecond)"),
    "waiting_seq": ("int", "kept from the trail: seq of the latest step other than `supervised`"),
    "waiting_action": ("string", "kept from the trail: its action (`escalated`: waiting at `level` for acceptance)"),
    "waiting_since": ("datetime", "kept from the trail: its time (UTC, to the millisecond): waiting since"),
    "due": ("datetime", "kept from the trail: the deadline of that step when it is `accepted` (UTC), else null"),
    "resolution_level": ("string", "kept from the trail: level of the latest `resolved` step, the resolution level"),
    "resolution_at": ("datetime", "kept from the trail: time of the latest `resolved` step, as the step holds it"),
}
