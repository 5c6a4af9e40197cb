"""Writes one issue and its trail: who acts at each level, and the issue's status, level and
resolved_at as its steps leave them (the same answer as graph.model.trail_rules.derive_state)."""

from __future__ import annotations

from datetime import datetime

from ingest.demo.orgs import admin_of, cc, committee_of
from ingest.demo.trails import PlacedStep, level_above
from ingest.demo.vocabulary import ISSUE_CATEGORIES
from ingest.demo.world import World


def handler(w: World, comm: str, grid: str | None, level: str, action: str, category: str) -> str:
    """Who acts: the grid worker at grid level; the residents'/villagers' committee in the
    community; the street office; the district department for the category. Supervision
    reminders come from the party line one level up."""
    c = w.by_id[comm]
    if action == "supervised":
        if level in ("grid", "community"):
            return cc(comm)
        if level == "street":
            return f"PO-SWC-{c.street}"
        return committee_of(comm) if c.bpc else f"PO-SWC-{c.street}"
    if level == "grid":
        return w.grid_worker[grid or c.grids[0]]
    if level == "community":
        return admin_of(w, comm)
    if level == "street":
        return f"AO-SO-{c.street}"
    return w.department(c.district, ISSUE_CATEGORIES[category][2])


def state(steps: list[PlacedStep]) -> tuple[str, str, datetime | None]:
    """(status, current level, resolved_at) after the steps."""
    status, level = "open", steps[0].level
    resolved_at: datetime | None = None
    for action, lv, when, _ in steps:
        if action in ("filed", "accepted", "reopened"):
            if action != "accepted":
                status, resolved_at = "open", None
            level = lv
        elif action == "escalated":
            level = level_above(lv)
        elif action == "resolved":
            status, level, resolved_at = "resolved", lv, when
        elif action == "closed":
            status = "closed"
    return status, level, resolved_at


def write_issue(
    w: World,
    *,
    channel: str,
    category: str,
    title: str,
    located: str,
    comm: str,
    grid: str | None,
    steps: list[PlacedStep],
    meeting: str | None = None,
    satisfaction: int | None = None,
) -> str:
    w._issues += 1
    iid = f"I-{w._issues:07d}"
    status, level, resolved_at = state(steps)
    w.files.write(
        "issues",
        {
            "id": iid,
            "title": title,
            "category": category,
            "channel": channel,
            "reported_at": steps[0].when,
            "status": status,
            "level": level,
            "resolved_at": resolved_at,
            "satisfaction": satisfaction if resolved_at else None,
            "located_in_id": located,
            "meeting_id": meeting,
        },
    )
    for seq, (action, lv, when, due) in enumerate(steps, start=1):
        w.files.write(
            "issue_steps",
            {
                "id": f"{iid}#{seq}",
                "seq": seq,
                "action": action,
                "level": lv,
                "at": when,
                "due": due,
                "issue_id": iid,
                "by_id": handler(w, comm, grid, lv, action, category),
            },
        )
    return iid
