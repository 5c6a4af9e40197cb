"""Resolution statistics (GET /stats/resolution): resolved issues by resolution level and
category, and the "small matters stay in the grid, big matters stay in the community" rate.
Catalogue queries resolution_by_level and resolution_rate (definitions in their headers)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue import cached
from graph.core.errors import UserError
from graph.core.store import Store
from graph.model.enums import LEVEL_ORDER, Level


class LevelCategory(BaseModel):
    resolution_level: Level | None
    category: str | None
    resolved: int


class LevelTotal(BaseModel):
    resolution_level: Level | None
    resolved: int
    share: float = Field(description="of all resolved issues, 0..1")


class Resolution(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "from_date": None,
                    "to_date": None,
                    "resolved": 542,
                    "in_grid_or_community": 470,
                    "rate": 0.8672,
                    "by_level": [{"resolution_level": "grid", "resolved": 300, "share": 0.5535}],
                    "by_level_category": [{"resolution_level": "grid", "category": "property", "resolved": 80}],
                }
            ]
        }
    )
    from_date: date | None
    to_date: date | None
    resolved: int = Field(description="issues resolved or closed whose trail holds a `resolved` step")
    in_grid_or_community: int = Field(description="of those, resolved at grid or community level")
    rate: float | None = Field(
        description="in_grid_or_community / resolved (小事不出网格、大事不出社区); null when none resolved"
    )
    by_level: list[LevelTotal] = Field(description="grid, community, street, district")
    by_level_category: list[LevelCategory]


def resolution(*, store: Store, from_date: date | None = None, to_date: date | None = None) -> Resolution:
    if from_date and to_date and to_date < from_date:
        raise UserError(f"to_date: {to_date} comes before from_date {from_date}")
    # One query; the rate is summed here from its rows (resolution_rate computes the same in Cypher).
    rows = [
        LevelCategory(**r)
        for r in cached.rows("resolution_by_level", {"from_date": from_date, "to_date": to_date}, store=store)
    ]
    totals: dict[str | None, int] = {}
    for r in rows:
        totals[r.resolution_level] = totals.get(r.resolution_level, 0) + r.resolved
    order = {lv.value: i for i, lv in enumerate(LEVEL_ORDER)}
    resolved = sum(totals.values())
    kept = totals.get("grid", 0) + totals.get("community", 0)
    by_level = [
        LevelTotal(resolution_level=lv, resolved=n, share=round(n / resolved, 4))
        for lv, n in sorted(totals.items(), key=lambda kv: order.get(kv[0] or "", len(order)))
    ]
    return Resolution(
        from_date=from_date,
        to_date=to_date,
        resolved=resolved,
        in_grid_or_community=kept,
        rate=round(kept / resolved, 4) if resolved else None,
        by_level=by_level,
        by_level_category=rows,
    )
