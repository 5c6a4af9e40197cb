"""GET /gaps/{kind}: coverage and rule gaps, one route per kind (each with its own parameters)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Limit, Offset, StoreDep
from api.responses import READ
from graph.catalogue.paging import Page
from graph.core.errors import NotFound
from graph.services import gaps

router = APIRouter(prefix="/gaps", tags=["gaps"])

CommitteeOnly = Annotated[bool, Query(description="only communities served by a big party committee")]
Year = Annotated[int, Query(ge=2000, le=2100, description="calendar year", examples=[2024])]


@router.get("/communities_without_unit", response_model=Page[gaps.CommunityGap], responses=READ)
def communities_without_unit(
    store: StoreDep, with_committee_only: CommitteeOnly = True, limit: Limit = 100, offset: Offset = 0
):
    """Communities no co-building unit is paired with."""
    return gaps.communities_without_unit(
        store=store, with_committee_only=with_committee_only, limit=limit, offset=offset
    )


@router.get("/grids_uncovered", response_model=Page[gaps.GridGap], responses=READ)
def grids_uncovered(store: StoreDep, with_committee_only: CommitteeOnly = True, limit: Limit = 100, offset: Offset = 0):
    """Grids no unit covers, neither directly nor through a pairing with the grid's community."""
    return gaps.grids_uncovered(store=store, with_committee_only=with_committee_only, limit=limit, offset=offset)


@router.get("/compounds_unmanaged", response_model=Page[gaps.CompoundGap], responses=READ)
def compounds_unmanaged(store: StoreDep, limit: Limit = 100, offset: Offset = 0):
    """Compounds with no property company, no management committee, and no self-managed or
    community-fallback mode."""
    return gaps.compounds_unmanaged(store=store, limit=limit, offset=offset)


@router.get("/missed_joint_meetings", response_model=gaps.MissedMeetingsPage, responses=READ)
def missed_joint_meetings(
    store: StoreDep,
    year: Annotated[
        int | None,
        Query(ge=2000, le=2100, description="its four quarters (default: the latest year with a joint meeting)"),
    ] = None,
    from_: Annotated[
        str | None,
        Query(alias="from", description="first quarter, e.g. 2024-Q1 (instead of year)", examples=["2024-Q1"]),
    ] = None,
    to: Annotated[
        str | None,
        Query(description="last quarter, e.g. 2024-Q4 (default: from's year's Q4)", examples=["2024-Q4"]),
    ] = None,
    as_of: Annotated[
        date | None,
        Query(description="the day quarters 'not begun yet' are judged at (default: the data's last day)"),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Big party committees with a quarter without a joint meeting (the rule: at least one a quarter).
    Quarters not begun by `as_of` are left out; the answer says which day that was."""
    return gaps.missed_joint_meetings(
        store=store, year=year, from_quarter=from_, to_quarter=to, as_of=as_of, limit=limit, offset=offset
    )


@router.get("/units_below_minimum", response_model=Page[gaps.BelowMinimum], responses=READ)
def units_below_minimum(
    store: StoreDep,
    year: Year,
    minimum: Annotated[int, Query(ge=0, le=10**12, description="yuan a year for pairings naming none")] = 30000,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Pairings where the unit gave its community less than the yearly minimum (30,000 yuan) in `year`."""
    return gaps.units_below_minimum(store=store, year=year, minimum=minimum, limit=limit, offset=offset)


@router.get("/cadres_overloaded", response_model=Page[gaps.OverloadedCadre], responses=READ)
def cadres_overloaded(
    store: StoreDep,
    n: Annotated[int, Query(ge=0, le=100_000, description="list cadres linked to more than n communities")] = 3,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Cadres linked to more than `n` communities, most first."""
    return gaps.cadres_overloaded(store=store, n=n, limit=limit, offset=offset)


@router.get("/{kind}", include_in_schema=False)
def unknown(kind: str):
    raise NotFound("gap kind", kind, known=list(gaps.KINDS))
