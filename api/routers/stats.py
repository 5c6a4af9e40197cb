"""GET /stats/resolution: resolved issues by level and category, and the grid-or-community rate."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.responses import READ
from graph.services.stats import resolution

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("/resolution", response_model=resolution.Resolution, responses=READ)
def resolution_stats(
    store: StoreDep,
    from_date: Annotated[date | None, Query(description="earliest day of resolution", examples=["2024-01-01"])] = None,
    to_date: Annotated[date | None, Query(description="latest day of resolution", examples=["2024-12-31"])] = None,
):
    """Resolved issues by resolution level (the level of the `resolved` step) and category, and the
    "small matters stay in the grid, big matters stay in the community" rate: the share resolved at
    grid or community level."""
    return resolution.resolution(store=store, from_date=from_date, to_date=to_date)
