"""The coordinators' issue loop under /api/v1: stalled and overdue issues, trails, who is
responsible, and recording new issues and steps. Thin: each handler calls one function of
graph.services.issues and shapes the answer; the definitions live in docs/model.md and docs/issues.md."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.auth import area_scoped, writer
from api.deps import Coordinator, Limit, Offset, StoreDep, Viewer
from api.responses import Responses
from api.routers.issue_models import (
    AreaResponsible,
    Conflict,
    IssueCreate,
    IssueResponsible,
    IssueState,
    OverduePage,
    StalledPage,
    StalledSummary,
    StepCreate,
    Trail,
)
from graph.catalogue.paging import next_offset
from graph.core.audit import audited
from graph.model.enums import Between, Level
from graph.services.issues import recording as steps
from graph.services.issues import responsible
from graph.services.issues import stalled as st
from graph.services.issues import trails as history
from graph.services.scope import check_within, narrowed

router = APIRouter(tags=["issues"])

AsOf = Annotated[
    str | None,
    Query(
        description="a date (the end of that day in the project's time zone, Beijing time by default) or a "
        "datetime (without an offset: in the project's time zone); default now",
        examples=["2025-04-30"],
    ),
]


def narrowing(
    district: Annotated[str | None, Query(description="only this district: code or name", examples=["350802"])] = None,
    street: Annotated[str | None, Query(description="only this street: code or name", examples=["曹溪街道"])] = None,
    community: Annotated[
        str | None, Query(description="only this community: its code or name", examples=["350802006002"])
    ] = None,
    category: Annotated[str | None, Query(description="only this issue category (service code)")] = None,
    *,
    store: StoreDep,
    caller: Viewer,
) -> st.Narrowing:
    """The filters asked for; for a key limited to an area, within it and narrowed to it."""
    asked = st.Narrowing(district=district, street=street, community=community, category=category)
    return narrowed(store, caller, asked)


Only = Annotated[st.Narrowing, Depends(narrowing)]
_ERRORS: Responses = {
    404: {"description": "the id names nothing"},
    422: {"description": "a bad parameter, named in `detail`"},
}


_CONFLICT: Responses = {409: {"model": Conflict, "description": "the step does not fit the trail as it is now"}}


@router.get("/issues/stalled", response_model=StalledPage, responses=_ERRORS)
@area_scoped
def stalled(
    store: StoreDep,
    only: Only,
    between: Annotated[Between, Query(description="the two levels")] = Between.community_street,
    min_days: Annotated[int, Query(ge=0, le=3650, description="threshold in whole days")] = 3,
    as_of: AsOf = None,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Issues escalated from the lower level that the upper level has not accepted for at least
    `min_days` whole days at `as_of` (supervision reminders do not count), longest first; narrowed
    to a street, a community or a category when asked."""
    t, total, rows = st.stalled(
        store=store, between=between, min_days=min_days, as_of=as_of, only=only, limit=limit, offset=offset
    )
    return StalledPage(
        as_of=t,
        between=between,
        min_days=min_days,
        total=total,
        limit=limit,
        offset=offset,
        next_offset=next_offset(limit=limit, offset=offset, total=total),
        items=rows,
    )


@router.get("/issues/stalled/summary", response_model=StalledSummary, responses=_ERRORS)
@area_scoped
def stalled_summary(
    store: StoreDep,
    only: Only,
    between: Annotated[Between | None, Query(description="default: all three pairs")] = None,
    min_days: Annotated[int, Query(ge=0, le=3650)] = 3,
    as_of: AsOf = None,
):
    """How many issues are stalled, by street and by category."""
    return st.stalled_summary(store=store, between=between, min_days=min_days, as_of=as_of, only=only)


@router.get("/issues/overdue", response_model=OverduePage, responses=_ERRORS)
@area_scoped
def overdue(
    store: StoreDep,
    only: Only,
    level: Annotated[Level | None, Query(description="default: every level")] = None,
    as_of: AsOf = None,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Issues whose latest acceptance at the level is past due at `as_of` and not moved on; narrowed
    to a street, a community or a category when asked."""
    t, total, rows = st.overdue(store=store, level=level, as_of=as_of, only=only, limit=limit, offset=offset)
    return OverduePage(
        as_of=t,
        level=level,
        total=total,
        limit=limit,
        offset=offset,
        next_offset=next_offset(limit=limit, offset=offset, total=total),
        items=rows,
    )


@router.get("/issues/{issue_id}/trail", response_model=Trail, responses=_ERRORS)
@area_scoped
def trail(store: StoreDep, caller: Viewer, issue_id: Annotated[str, Path(description="the issue's id")]):
    """The steps in order with level, action, time, handler and due date, and the days spent at each level."""
    check_within(store, caller, issue_id, "issue")
    return history.get_trail(store=store, issue_id=issue_id)


@router.get("/issues/{issue_id}/responsible", response_model=IssueResponsible, responses=_ERRORS)
@area_scoped
def issue_responsible(store: StoreDep, caller: Viewer, issue_id: Annotated[str, Path(description="the issue's id")]):
    """Responsible parties level by level, the issue's current level first."""
    check_within(store, caller, issue_id, "issue")
    return responsible.for_issue(store=store, issue_id=issue_id)


@router.get("/grids/{grid_id}/responsible", response_model=AreaResponsible, responses=_ERRORS)
@area_scoped
def grid_responsible(
    store: StoreDep,
    caller: Viewer,
    grid_id: Annotated[str, Path(description="a Grid or MicroGrid id")],
    category: Annotated[str | None, Query(description="issue category (service code)")] = None,
):
    """Who answers for a matter of `category` in this grid, level by level from the grid up."""
    check_within(store, caller, grid_id, "grid")
    return AreaResponsible(
        area_id=grid_id,
        category=category,
        responsible=responsible.for_area(store=store, area_id=grid_id, category=category),
    )


@router.post("/issues", response_model=IssueState, status_code=201, responses={**_ERRORS, **_CONFLICT})
@area_scoped
def file_issue(store: StoreDep, caller: Coordinator, body: IssueCreate):
    """Files a new issue at a level: the Issue and its first step `filed`, recorded under the key's person."""
    check_within(store, caller, body.located_in_id, "area")
    what = {"issue": body.id, "action": "filed", "level": body.level, "located_in": body.located_in_id}
    with audited("issue", what) as outcome:
        state = steps.file_issue(
            store=store,
            issue_id=body.id,
            title=body.title,
            category=body.category,
            channel=body.channel,
            located_in_id=body.located_in_id,
            level=body.level,
            at=body.at,
            by_id=writer(caller),
            meeting_id=body.meeting_id,
            note=body.note,
            satisfaction=body.satisfaction,
        )
        outcome.text = f"ok: filed {state['issue_id']}"
    return state


@router.post("/issues/{issue_id}/steps", response_model=IssueState, status_code=201, responses={**_ERRORS, **_CONFLICT})
@area_scoped
def add_step(
    store: StoreDep,
    caller: Coordinator,
    issue_id: Annotated[str, Path(description="the issue's id")],
    body: StepCreate,
):
    """Records one step (accept, escalate, supervise, resolve, close, reopen) under the key's person,
    checked against the trail rules and written with the issue's new status and level in one transaction."""
    check_within(store, caller, issue_id, "issue")
    with audited("step", {"issue": issue_id, "action": body.action, "level": body.level}) as outcome:
        state = steps.add_step(
            store=store,
            issue_id=issue_id,
            action=body.action,
            level=body.level,
            at=body.at,
            due=body.due,
            by_id=writer(caller),
            note=body.note,
            expected_seq=body.expected_seq,
        )
        outcome.text = f"ok: step {state['last_seq']} {state['last_action']}"
    return state
