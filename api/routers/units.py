"""GET /units/{id} and GET /units/{id}/grids: a co-building unit's picture and the grids it covers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import Limit, Offset, StoreDep
from api.responses import READ
from graph.catalogue.paging import PAGE_SIZE_MAX, Page
from graph.services import coverage, pictures

router = APIRouter(prefix="/units", tags=["units"])

UnitId = Annotated[str, Path(description="the unit's id", examples=["U-0001"])]


@router.get("/{id}", response_model=pictures.UnitPicture, responses=READ)
def unit(
    store: StoreDep,
    id: UnitId,
    activity_limit: Annotated[int, Query(ge=0, le=PAGE_SIZE_MAX, description="at most this many activities")] = 50,
):
    """A unit's picture: paired communities, funding per community and year against the
    30,000-yuan rule, big party committees it belongs to, projects it supports, activities it
    organized (newest first)."""
    return pictures.unit_picture(store=store, id=id, activity_limit=activity_limit)


@router.get("/{id}/grids", response_model=Page[coverage.UnitGrid], responses=READ)
def unit_grids(store: StoreDep, id: UnitId, limit: Limit = 100, offset: Offset = 0):
    """The grids this unit covers: `direct` (COVERS) or `pairing` (every grid of a paired community)."""
    return coverage.unit_grids(store=store, unit_id=id, limit=limit, offset=offset)
