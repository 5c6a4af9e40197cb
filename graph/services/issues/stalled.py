"""Stalled and overdue issues, exactly as docs/model.md defines them (queries in cypher/queries/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.catalogue import reads
from graph.catalogue.paging import check_page
from graph.core.errors import check_choice, check_range
from graph.core.moments import as_of_moment
from graph.core.store import Store
from graph.model.enums import BETWEENS, Level
from graph.services.areas import area_code

# Organizations listed first in "who should take it up next": party line, then administrative line.
_KIND_ORDER = [
    "grid_worker",
    "community_committee",
    "residents_committee",
    "villagers_committee",
    "street_working_committee",
    "street_office",
    "department",
]
LEVELS = [lv.value for lv in Level]


def _next_up(orgs: list[dict]) -> list[dict]:
    rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    return sorted(orgs, key=lambda o: (rank.get(o.get("kind") or "", 99), o.get("name") or "", o.get("id") or ""))


def _page(rows: list[dict[str, Any]]) -> tuple[int, list[dict]]:
    """(total, rows) of a stalled or overdue page; a page past the end is one row holding only `total`."""
    total = rows[0]["total"] if rows else 0
    out = []
    for r in rows:
        if r["issue_id"] is None:
            continue
        r = {k: v for k, v in r.items() if k != "total"}
        r["next_up"] = _next_up(r["next_up"])
        out.append(r)
    return total, out


@dataclass(frozen=True)
class Narrowing:
    """Which issues a coordinator asks about: a district, street or community (codes or names) and a
    category."""

    district: str | None = None
    street: str | None = None
    community: str | None = None
    category: str | None = None

    def params(self, store: Store) -> dict[str, str | None]:
        """As query parameters (area codes); an unknown street, community or category is an error naming it."""
        if self.category is not None:
            known = sorted(r["service_code"] for r in reads.rows("open311_services", store=store))
            if known:
                check_choice("category", self.category, known)
        return {
            "district": area_code(store, self.district, labels=("District",), field="district"),
            "street": area_code(store, self.street, labels=("Street",), field="street"),
            "community": area_code(store, self.community, labels=("Community",), field="community"),
            "category": self.category,
        }


EVERY_ISSUE = Narrowing()


def stalled(
    *,
    store: Store,
    between: str,
    min_days: int = 3,
    as_of: str | datetime | None = None,
    only: Narrowing = EVERY_ISSUE,
    limit: int = 100,
    offset: int = 0,
) -> tuple[datetime, int, list[dict]]:
    """(as_of moment, total, rows) of issues stalled between the two levels of `between`."""
    check_choice("between", between, BETWEENS)
    check_range("min_days", min_days, 0)
    check_page(limit=limit, offset=offset)
    t = as_of_moment(as_of)
    params = {"between": str(between), "min_days": min_days, "as_of": t, "limit": limit, "offset": offset}
    total, rows = _page(reads.rows("issues_stalled", {**params, **only.params(store)}, store=store))
    return t, total, rows


def overdue(
    *,
    store: Store,
    level: str | None = None,
    as_of: str | datetime | None = None,
    only: Narrowing = EVERY_ISSUE,
    limit: int = 100,
    offset: int = 0,
) -> tuple[datetime, int, list[dict]]:
    """(as_of moment, total, rows) of issues overdue at `level` (every level when None)."""
    check_choice("level", level, LEVELS)
    check_page(limit=limit, offset=offset)
    t = as_of_moment(as_of)
    params = {"level": None if level is None else str(level), "as_of": t, "limit": limit, "offset": offset}
    total, rows = _page(reads.rows("issues_overdue", {**params, **only.params(store)}, store=store))
    return t, total, rows


def stalled_summary(
    *,
    store: Store,
    between: str | None = None,
    min_days: int = 3,
    as_of: str | datetime | None = None,
    only: Narrowing = EVERY_ISSUE,
) -> dict:
    """Counts of stalled issues by street and by category (and by pair of levels)."""
    check_choice("between", between, BETWEENS)
    betweens = [str(between)] if between else list(BETWEENS)
    check_range("min_days", min_days, 0)
    t = as_of_moment(as_of)
    params = {"betweens": betweens, "min_days": min_days, "as_of": t, **only.params(store)}
    rows = reads.rows("issues_stalled_summary", params, store=store)
    by_street: dict[str | None, dict] = {}
    by_category: dict[str, dict] = {}
    for r in rows:
        s = by_street.setdefault(
            r["street_id"],
            {
                "street_id": r["street_id"],
                "street": r["street"],
                "stalled": 0,
                "by_between": {b: 0 for b in betweens},
            },
        )
        s["stalled"] += r["stalled"]
        s["by_between"][r["between"]] += r["stalled"]
        c = by_category.setdefault(
            r["category"], {"category": r["category"], "stalled": 0, "by_between": {b: 0 for b in betweens}}
        )
        c["stalled"] += r["stalled"]
        c["by_between"][r["between"]] += r["stalled"]

    def order(d: dict) -> tuple:
        return -d["stalled"], str(d.get("street_id") or d.get("category"))

    return {
        "as_of": t,
        "min_days": min_days,
        "betweens": betweens,
        "total": sum(r["stalled"] for r in rows),
        "by_street": sorted(by_street.values(), key=order),
        "by_category": sorted(by_category.values(), key=order),
    }
