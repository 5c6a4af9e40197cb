"""GET /units/{id}/scorecard: a co-building unit's yearly performance review (docs/meetings.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.responses import READ
from graph.services.meetings import review

router = APIRouter(prefix="/units", tags=["units"])


@router.get("/{id}/scorecard", responses=READ)
def scorecard(
    store: StoreDep,
    id: Annotated[str, Path(description="the unit's id", examples=["U-0001"])],
    year: Annotated[int, Query(ge=2000, le=2100, description="the year reviewed", examples=[2024])],
) -> dict[str, Any]:
    """Funding per paired community against the 30,000-yuan rule, projects supported, volunteer
    activities and person-times, joint meetings invited to and attended, tasks due in the year
    (on time, late, overdue, open), residents' ratings and awards."""
    return review.scorecard(store=store, unit_id=id, year=year)
