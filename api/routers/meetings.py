"""The joint-meeting cycle under /api/v1: a community's agenda, recording meetings and their task
lists, tracking tasks, progress and adoption as projects (docs/meetings.md). Thin: each handler
calls one function of graph.services.meetings."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from api.auth import area_scoped, writer
from api.deps import Coordinator, Limit, Offset, StoreDep, Viewer
from api.responses import READ, Responses
from api.routers.issues import AsOf
from api.routers.meeting_models import (
    MeetingCreate,
    MeetingState,
    ProgressCreate,
    ProjectCreate,
    ProjectState,
    TaskPage,
    TaskState,
)
from graph.catalogue import reads
from graph.catalogue.paging import next_offset
from graph.core.audit import audited
from graph.core.errors import NotFound
from graph.core.store import Store
from graph.model.enums import TaskStatus
from graph.services.issues.stalled import Narrowing
from graph.services.meetings import agenda as agendas
from graph.services.meetings import recording
from graph.services.meetings.tasks import as_of_day, task_rows
from graph.services.scope import check_within, narrowed

router = APIRouter(tags=["meetings"])
_WRITE: Responses = {
    404: {"description": "the id names nothing"},
    409: {"description": "the request does not fit the graph as it is now"},
    422: {"description": "a bad field or an id that names nothing, named in `detail`; nothing written"},
}


@router.get("/communities/{id}/agenda", responses=READ)
@area_scoped
def agenda(
    store: StoreDep,
    caller: Viewer,
    id: Annotated[str, Path(description="the community: code or name", examples=["350802006002"])],
    as_of: AsOf = None,
) -> dict[str, Any]:
    """The agenda of the community's next joint meeting at `as_of`: its big matters by category, the
    open and overdue tasks of earlier meetings and its gaps, each with why and evidence, and the
    suggested attendees, ranked, each with the graph path (hops) that justifies it."""
    found = agendas.agenda(store=store, community=id, as_of=as_of)
    check_within(store, caller, found["community_id"], "community")
    return found


@router.get("/tasks", response_model=TaskPage, responses=READ)
@area_scoped
def tasks(
    store: StoreDep,
    caller: Viewer,
    status: Annotated[TaskStatus | None, Query(description="open, overdue or done on the as_of day")] = None,
    community: Annotated[str | None, Query(description="only this community's meetings: code or name")] = None,
    street: Annotated[str | None, Query(description="only this street: code or name")] = None,
    unit: Annotated[str | None, Query(description="only tasks assigned to this organization (its id)")] = None,
    as_of: AsOf = None,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """The tasks of meetings held by `as_of`, each with its status on that day (Beijing time):
    overdue when its deadline is before that day and it was not done by then."""
    only = narrowed(store, caller, Narrowing(street=street, community=community))
    area = _areas(store, only)
    t, total, rows = task_rows(
        store=store, as_of=as_of, status=status, unit=unit, limit=limit, offset=offset, **area
    )  # fmt: skip
    return TaskPage(
        as_of=t,
        as_of_day=as_of_day(t),
        total=total,
        limit=limit,
        offset=offset,
        next_offset=next_offset(limit=limit, offset=offset, total=total),
        items=rows,
    )


def _areas(store: Store, only: Narrowing) -> dict[str, str | None]:
    from graph.services.areas import resolve_area

    out: dict[str, str | None] = {"district": None, "street": None, "community": None}
    for field, label in (("district", "District"), ("street", "Street"), ("community", "Community")):
        value = getattr(only, field)
        if value is not None:
            out[field] = resolve_area(store, value, labels=(label,), field=field).id
    return out


@router.post("/meetings", response_model=MeetingState, status_code=201, responses=_WRITE)
@area_scoped
def record_meeting(store: StoreDep, caller: Coordinator, body: MeetingCreate, response: Response):
    """Records a meeting (kind, community, date, attendees, minutes, task list) in one write
    transaction. A retry with the same `id` creates nothing twice: it answers 200 with the meeting
    recorded before. An unknown attendee, organization or issue is a 422 naming it; nothing is written."""
    check_within(store, caller, body.community_id, "community")
    by = writer(caller)
    what = {"meeting": body.id, "community": body.community_id, "kind": body.kind, "tasks": len(body.tasks), "by": by}
    with audited("meeting", what) as outcome:
        state = recording.record_meeting(
            store=store,
            meeting_id=body.id,
            kind=body.kind,
            community_id=body.community_id,
            date=body.date,
            name=body.name,
            held_by_id=body.held_by_id,
            attendee_ids=body.attendees,
            minutes=body.minutes,
            tasks=[t.model_dump() for t in body.tasks],
        )
        outcome.text = f"ok: {'recorded' if state['created'] else 'already recorded'} {state['meeting_id']}"
    if not state["created"]:
        response.status_code = 200
    return state


def _task_community(store: Store, caller, task_id: str) -> None:
    rows = reads.rows("tasks_of_ids", {"ids": [task_id]}, store=store)
    if not rows:
        raise NotFound("Task", task_id)
    if rows[0]["community_id"] is not None:
        check_within(store, caller, rows[0]["community_id"], "community")


@router.post("/tasks/{id}/progress", response_model=TaskState, status_code=201, responses=_WRITE)
@area_scoped
def progress(
    store: StoreDep, caller: Coordinator, id: Annotated[str, Path(description="the task")], body: ProgressCreate
):
    """Records progress on a task; `done: true` marks it done and asks the issue loop to resolve the
    issues it addresses: each is resolved only when its trail allows it (`issues` says which)."""
    _task_community(store, caller, id)
    by = writer(caller)
    with audited("task", {"task": id, "done": body.done, "by": by}) as outcome:
        state = recording.task_progress(
            store=store, task_id=id, by_id=by, note=body.note, done=body.done, done_at=body.done_at, at=body.at
        )
        outcome.text = f"ok: {state['status']}, {sum(i['resolved'] for i in state['issues'])} issue(s) resolved"
    return state


@router.post("/tasks/{id}/project", response_model=ProjectState, status_code=201, responses=_WRITE)
@area_scoped
def adopt(store: StoreDep, caller: Coordinator, id: Annotated[str, Path(description="the task")], body: ProjectCreate):
    """Adopts the task as a party-building project for its meeting's community, with a budget and
    the units supporting it; 409 when it was adopted already."""
    _task_community(store, caller, id)
    writer(caller)
    with audited("task", {"task": id, "project": body.id, "units": len(body.supporting_unit_ids)}) as outcome:
        state = recording.adopt_project(
            store=store,
            task_id=id,
            project_id=body.id,
            name=body.name,
            category=body.category,
            budget=body.budget,
            unit_ids=body.supporting_unit_ids,
        )
        outcome.text = f"ok: project {state['project_id']}"
    return state
