"""GET /grids/{id}/units and GET /communities/{id}: coverage of a grid, a community's whole picture."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.auth import area_scoped
from api.deps import Limit, Offset, StoreDep, Viewer
from api.responses import READ
from graph.catalogue.paging import PAGE_SIZE_MAX, Page
from graph.services import coverage, pictures
from graph.services.scope import check_within

router = APIRouter(tags=["areas"])


@router.get("/grids/{id}/units", response_model=Page[coverage.GridUnit], responses=READ)
@area_scoped
def grid_units(
    store: StoreDep,
    caller: Viewer,
    id: Annotated[str, Path(description="the grid's id", examples=["G-350802006002-01"])],
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Which co-building units cover this grid: `direct` (the unit COVERS the grid) or `pairing`
    (the unit is PAIRED_WITH the grid's community). A unit covering both ways comes twice."""
    check_within(store, caller, id, "grid")
    return coverage.grid_units(store=store, grid_id=id, limit=limit, offset=offset)


@router.get("/communities/{id}", response_model=pictures.CommunityPicture, responses=READ)
@area_scoped
def community(
    store: StoreDep,
    caller: Viewer,
    id: Annotated[str, Path(description="the community's division code", examples=["350802006002"])],
    issue_limit: Annotated[int, Query(ge=0, le=PAGE_SIZE_MAX, description="at most this many open issues")] = 50,
):
    """A community's whole picture: street, community party committee, residents' committee, big
    party committee with its secretary (the linked cadre), members, paired units with their funding
    per year, grids, compounds with property mode, property company and owners' committee, and
    open issues (newest first)."""
    check_within(store, caller, id, "community")
    return pictures.community_picture(store=store, id=id, issue_limit=issue_limit)
