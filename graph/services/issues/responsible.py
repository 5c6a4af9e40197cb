"""Who is responsible for an issue, level by level along the routing rule (query issue_responsible).

Order: the issue's current level first, then the levels above it (whom to call next, nearest
first), then the levels below it (who had it before, nearest first). Within a level, the
routing rule's order: grid workers, then the compound's party branch, property company or
management committee and owners' committee; the community party committee, residents'
committee, big party committee, its secretary cadre, paired units; street working committee,
street office; district departments.
"""

from __future__ import annotations

from graph.catalogue import reads
from graph.catalogue.paging import labels_of
from graph.core.errors import NotFound
from graph.core.store import Store
from graph.model.enums import LEVEL_ORDER
from graph.services.issues.trails import trail_rows

# Categories a compound's property side (property company, owners' committee...) answers for:
# what a property-service contract covers inside a compound.
PROPERTY_CATEGORIES = ["property", "parking", "sanitation"]


def level_order(current: str) -> list[str]:
    """current, the levels above it (ascending), then the levels below it (descending)."""
    names = [lv.value for lv in LEVEL_ORDER]
    i = names.index(current)
    return [current] + names[i + 1 :] + names[:i][::-1]


def _entries(store: Store, *, area_id: str, category: str | None) -> list[dict]:
    rows = reads.rows(
        "issue_responsible",
        {"area_id": area_id, "category": category, "property_categories": PROPERTY_CATEGORIES},
        store=store,
    )
    out = []
    for r in rows:
        contact = None
        if r["contact_name"] or r["phone"]:
            contact = {
                "name": r["contact_name"],
                "role": r["contact_role"],
                "phone": r["phone"],
            }  # masked on the way out
        out.append(
            {
                "level": r["level"],
                "role": r["role"],
                "id": r["id"],
                "name": r["name"],
                "label": r["label"],
                "why": [h for h in r["why"] if h],
                "contact": contact,
                "_rank": r["rank"],
            }
        )
    return out


def _ordered(entries: list[dict], current: str) -> list[dict]:
    pos = {lv: i for i, lv in enumerate(level_order(current))}
    entries.sort(key=lambda e: (pos[e["level"]], e.pop("_rank"), e["name"] or "", e["id"]))
    return entries


def for_area(*, store: Store, area_id: str, category: str | None = None) -> list[dict]:
    """Responsible parties for a matter of `category` in a Grid or MicroGrid (current level grid)."""
    if not labels_of(store, id=area_id) & {"Grid", "MicroGrid"}:
        raise NotFound("Grid or MicroGrid", area_id)
    return _ordered(_entries(store, area_id=area_id, category=category), "grid")


def for_issue(*, store: Store, issue_id: str) -> dict:
    """The issue (id, category, current level, location) and its responsible parties."""
    head = trail_rows(reads.rows("issue_trail", {"issue_id": issue_id}, store=store), issue_id)[0]
    issue, loc = head["issue"], head["location"]
    if loc is None:
        return {
            "issue_id": issue_id,
            "category": issue["category"],
            "level": issue["level"],
            "location": None,
            "responsible": [],
        }
    first_hop = f"Issue {issue_id} -LOCATED_IN-> {loc['label']} {loc['name']}"
    entries = _entries(store, area_id=loc["id"], category=issue["category"])
    for e in entries:
        e["why"] = [first_hop] + e["why"]
    return {
        "issue_id": issue_id,
        "category": issue["category"],
        "level": issue["level"],
        "location": loc,
        "responsible": _ordered(entries, issue["level"] or "grid"),
    }
