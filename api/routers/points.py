"""Two-way points and residents' ratings under /api/v1: a person's points, a community's points
bank, earning and redeeming (a redemption beyond the balance is a 409), and the satisfaction
summary under an area (docs/meetings.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.auth import area_scoped, writer
from api.deps import Coordinator, StoreDep, Viewer
from api.responses import READ, Responses
from api.routers.meeting_models import EarnCreate, PointsState, RedeemCreate
from graph.core.audit import audited
from graph.services.meetings import evaluations, points
from graph.services.scope import check_within

router = APIRouter(tags=["points"])
PersonId = Annotated[str, Path(description="the person's id")]
_WRITE: Responses = {
    404: {"description": "no such person"},
    409: {"description": "the balance is smaller than the points asked for (`current` holds it)"},
    422: {"description": "a bad field or an id that names nothing"},
}


@router.get("/people/{id}/points", responses=READ)
@area_scoped
def person_points(store: StoreDep, caller: Viewer, id: PersonId) -> dict[str, Any]:
    """Points earned per category and item, the redemptions, and the balance (earned minus redeemed)."""
    check_within(store, caller, id, "person")
    return points.person_points(store=store, person_id=id)


@router.get("/communities/{id}/points", responses=READ)
@area_scoped
def community_points(
    store: StoreDep,
    caller: Viewer,
    id: Annotated[str, Path(description="the community's code")],
    top: Annotated[int, Query(ge=1, le=100, description="how many top earners")] = 10,
) -> dict[str, Any]:
    """The community's points bank: its registered members' points in all, the redemptions made at
    it by benefit, and its top earners."""
    check_within(store, caller, id, "community")
    return points.community_points(store=store, community_id=id, top=top)


@router.post("/people/{id}/points/earn", response_model=PointsState, status_code=201, responses=_WRITE)
@area_scoped
def earn(store: StoreDep, caller: Coordinator, id: PersonId, body: EarnCreate):
    """The person earns points for a point item (default: its stars)."""
    check_within(store, caller, id, "person")
    by = writer(caller)
    with audited("points", {"person": id, "earn": body.item_id, "by": by}) as outcome:
        state = points.earn(store=store, person_id=id, item_id=body.item_id, points=body.points, at=body.at)
        outcome.text = f"ok: +{state['points']}"
    return state


@router.post("/people/{id}/points/redeem", response_model=PointsState, status_code=201, responses=_WRITE)
@area_scoped
def redeem(store: StoreDep, caller: Coordinator, id: PersonId, body: RedeemCreate):
    """Redeems points at a community for a benefit; refused (409) beyond the balance. Concurrent
    redemptions by one person are served one after the other, so none overdraws."""
    check_within(store, caller, id, "person")
    check_within(store, caller, body.community_id, "community")
    by = writer(caller)
    with audited("points", {"person": id, "redeem": body.points, "at": body.community_id, "by": by}) as outcome:
        state = points.redeem(
            store=store, person_id=id, community_id=body.community_id, points=body.points, benefit=body.benefit,
            at=body.at,
        )  # fmt: skip
        outcome.text = f"ok: -{state['points']}"
    return state


@router.get("/evaluations/summary", responses=READ)
@area_scoped
def evaluations_summary(
    store: StoreDep,
    caller: Viewer,
    under: Annotated[str, Query(description="a district, street or community: code or name", examples=["350802"])],
    year: Annotated[int | None, Query(ge=2000, le=2100, description="ratings of this year only")] = None,
) -> dict[str, Any]:
    """Satisfaction under an area: each rated organization's residents' ratings (count, mean,
    lowest), and overall: the share of rated solved platform problems rated 4 or 5 (the article's
    满意率) and the mean of all ratings."""
    found = evaluations.summary(store=store, under=under, year=year)
    check_within(store, caller, found["under"], "area")
    return found
