"""Reading an issue's trail: its steps in order and how long it spent at each level."""

from __future__ import annotations

from datetime import UTC, datetime

from graph.catalogue import reads
from graph.core.errors import NotFound
from graph.core.store import Store
from graph.model.trail_rules import StepIn, derive_state

ISSUE_FIELDS = (
    "id",
    "title",
    "category",
    "channel",
    "status",
    "level",
    "reported_at",
    "resolved_at",
    "satisfaction",
)


def trail_rows(records: list[dict], issue_id: str) -> list[dict]:
    """The rows of query issue_trail (native values), each step's fields lifted onto its row;
    NotFound when there are none (an unknown id)."""
    rows = []
    for row in records:
        row = dict(row)
        step = row.pop("step") or {}
        row.update({k: step.get(k) for k in ("action", "level", "at", "due", "note")})
        row["issue"] = {k: row["issue"].get(k) for k in ISSUE_FIELDS}
        rows.append(row)
    if not rows:
        raise NotFound("Issue", issue_id)
    return rows


def steps_of(rows: list[dict]) -> list[StepIn]:
    return [
        StepIn(
            seq=r["seq"],
            action=r["action"],
            level=r["level"],
            at=r["at"],
            due=r["due"],
            by_id=(r["by"] or {}).get("id"),
        )
        for r in rows
        if r["seq"] is not None
    ]


def stays(steps: list[StepIn], *, until: datetime | None = None) -> list[dict]:
    """The level the issue was at between consecutive steps, while it was open, merged into stays.

    After `escalated` the issue waits at the next level, so the wait counts for that level; the
    clock stops while the issue is resolved or closed. An open issue's last stay runs to `until`
    (default now) and has no end."""
    until = until or datetime.now(UTC)
    out: list[dict] = []
    for i, s in enumerate(steps):
        status, level = derive_state(steps[: i + 1])
        if status != "open":
            continue
        end = steps[i + 1].at if i + 1 < len(steps) else None
        if out and out[-1]["level"] == level and out[-1]["end"] == s.at:
            out[-1]["end"] = end
        else:
            out.append({"level": level, "from_seq": s.seq, "start": s.at, "end": end})
    for st in out:
        stop = st["end"] or until
        st["days"] = round(max((stop - st["start"]).total_seconds(), 0) / 86400, 2)
    return out


def get_trail(*, store: Store, issue_id: str) -> dict:
    """The issue, where it is, its steps in order and the days it spent at each level."""
    rows = trail_rows(reads.rows("issue_trail", {"issue_id": issue_id}, store=store), issue_id)
    head = rows[0]
    steps = steps_of(rows)
    spans = stays(steps)
    totals: dict[str, float] = {}
    for st in spans:
        totals[st["level"]] = round(totals.get(st["level"], 0) + st["days"], 2)
    return {
        "issue": head["issue"],
        "location": head["location"],
        "community": head["community"],
        "street": head["street"],
        "steps": [
            {
                "seq": r["seq"],
                "action": r["action"],
                "level": r["level"],
                "at": r["at"],
                "due": r["due"],
                "note": r["note"],
                "by": r["by"],
            }
            for r in rows
            if r["seq"] is not None
        ],
        "stays": spans,
        "days_at_level": totals,
    }
