"""Stalled and overdue issues, exactly as MODEL.md defines them (queries in cypher/queries/)."""
from __future__ import annotations

from datetime import datetime

from graph.cypher_files import cypher
from graph.errors import UserError
from graph.issues.when import as_of_moment, to_py
from graph.model.enums import Level
from graph.store import Store

BETWEENS = ("grid-community", "community-street", "street-district")
# Organizations listed first in "who should take it up next": party line, then administrative line.
_KIND_ORDER = ["grid_worker", "community_committee", "residents_committee", "villagers_committee",
               "street_working_committee", "street_office", "department"]


def check_between(between: str) -> str:
    if between not in BETWEENS:
        raise UserError(f"between: {between!r} is not one of {', '.join(BETWEENS)}")
    return between


def check_level(level: str | None) -> str | None:
    if level is not None and level not in Level.__members__:
        raise UserError(f"level: {level!r} is not one of grid, community, street, district")
    return level


def check_paging(*, limit: int, offset: int, max_limit: int = 1000) -> None:
    if not 1 <= limit <= max_limit:
        raise UserError(f"limit: {limit} must be between 1 and {max_limit}")
    if offset < 0:
        raise UserError(f"offset: {offset} must not be negative")


def _next_up(orgs: list[dict]) -> list[dict]:
    rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    return sorted(orgs, key=lambda o: (rank.get(o.get("kind"), 99), o.get("name") or "", o.get("id")))


def _page(records, *, shape) -> tuple[int, list[dict]]:
    rows = [r.data() for r in records]
    total = rows[0]["total"] if rows else 0
    return total, [shape(r) for r in rows if r["issue_id"] is not None]


def _shape_row(r: dict) -> dict:
    """A stalled or overdue row as plain Python, with whom to call next resolved."""
    r = {k: to_py(v) for k, v in r.items() if k != "total"}
    r["next_up"] = _next_up(r["next_up"])
    return r


def stalled(*, store: Store, between: str, min_days: int = 3, as_of: str | datetime | None = None,
            limit: int = 100, offset: int = 0) -> tuple[datetime, int, list[dict]]:
    """(as_of moment, total, rows) of issues stalled between the two levels of `between`."""
    check_between(between)
    if min_days < 0:
        raise UserError(f"min_days: {min_days} must not be negative")
    check_paging(limit=limit, offset=offset)
    t = as_of_moment(as_of)
    recs = store.read(cypher("queries/issues_stalled"),
                      {"between": between, "min_days": min_days, "as_of": t, "limit": limit, "offset": offset})
    total, rows = _page(recs, shape=_shape_row)
    return t, total, rows


def overdue(*, store: Store, level: str | None = None, as_of: str | datetime | None = None,
            limit: int = 100, offset: int = 0) -> tuple[datetime, int, list[dict]]:
    """(as_of moment, total, rows) of issues overdue at `level` (every level when None)."""
    check_level(level)
    check_paging(limit=limit, offset=offset)
    t = as_of_moment(as_of)
    recs = store.read(cypher("queries/issues_overdue"),
                      {"level": level, "as_of": t, "limit": limit, "offset": offset})
    total, rows = _page(recs, shape=_shape_row)
    return t, total, rows


def stalled_summary(*, store: Store, between: str | None = None, min_days: int = 3,
                    as_of: str | datetime | None = None) -> dict:
    """Counts of stalled issues by street and by category (and by pair of levels)."""
    betweens = [check_between(between)] if between else list(BETWEENS)
    if min_days < 0:
        raise UserError(f"min_days: {min_days} must not be negative")
    t = as_of_moment(as_of)
    rows = [r.data() for r in store.read(cypher("queries/issues_stalled_summary"),
                                          {"betweens": betweens, "min_days": min_days, "as_of": t})]
    by_street: dict[str | None, dict] = {}
    by_category: dict[str, dict] = {}
    for r in rows:
        s = by_street.setdefault(r["street_id"], {"street_id": r["street_id"], "street": r["street"], "stalled": 0,
                                                  "by_between": {b: 0 for b in betweens}})
        s["stalled"] += r["stalled"]
        s["by_between"][r["between"]] += r["stalled"]
        c = by_category.setdefault(r["category"], {"category": r["category"], "stalled": 0,
                                                   "by_between": {b: 0 for b in betweens}})
        c["stalled"] += r["stalled"]
        c["by_between"][r["between"]] += r["stalled"]
    order = lambda d: (-d["stalled"], str(d.get("street_id") or d.get("category")))  # noqa: E731
    return {"as_of": t, "min_days": min_days, "betweens": betweens,
            "total": sum(r["stalled"] for r in rows),
            "by_street": sorted(by_street.values(), key=order),
            "by_category": sorted(by_category.values(), key=order)}
