"""Recording the meeting cycle through the API: a meeting with its attendees, minutes and task list
in one write transaction, idempotent on the client's meeting id; progress on a task; a task
adopted as a party-building project. Every id is checked before anything is written (a 422 names
the first that names nothing). A task done asks the issue loop to resolve the issues it addresses
(graph.services.issues.recording.add_step): only those the trail rules allow are resolved."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from neo4j.exceptions import ConstraintError

from graph.catalogue import writes
from graph.catalogue.writes import Writer
from graph.core.errors import Conflict, NotFound, ParamError, UserError
from graph.core.moments import local
from graph.core.privacy import seal_phones_in_text
from graph.core.serialize import to_native
from graph.core.store import Store
from graph.model.enums import MeetingKind
from graph.services.issues import recording as issue_loop

SOURCE = "api"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _existing(w: Writer, meeting_id: str, community_id: str) -> dict | None:
    row = w.single("writes/meeting_existing", {"meeting_id": meeting_id})
    if row is None:
        return None
    found = to_native(row.data())
    if found["community_id"] != community_id:
        raise Conflict(
            f"meeting id {meeting_id!r} is taken by a meeting of community {found['community_id']}",
            current=found,
        )
    return {**found, "created": False}


def record_meeting(
    *,
    store: Store,
    kind: str,
    community_id: str,
    date: date,
    attendee_ids: list[str],
    tasks: list[dict[str, Any]],
    meeting_id: str | None = None,
    name: str | None = None,
    held_by_id: str | None = None,
    minutes: str | None = None,
) -> dict:
    """Writes the meeting, or finds the one already recorded under `meeting_id` (a retry):
    {meeting_id, community_id, kind, date, attendees, task_ids, created}."""
    kind = str(kind)
    if kind not in [k.value for k in MeetingKind]:
        raise ParamError("kind", f"{kind!r} is not one of {', '.join(k.value for k in MeetingKind)}")
    meeting_id = meeting_id or f"M-{uuid.uuid4().hex[:12].upper()}"
    task_ids = [t.get("id") or f"{meeting_id}-T{n}" for n, t in enumerate(tasks, 1)]
    if len(set(task_ids)) != len(task_ids):
        raise ParamError("tasks", "two tasks have the same id")
    attendee_ids = list(dict.fromkeys(attendee_ids))

    def work(w: Writer) -> dict:
        now = _now()
        refs = w.single(
            "writes/meeting_refs",
            {
                "meeting_id": meeting_id,
                "community_id": community_id,
                "held_by_id": held_by_id,
                "attendee_ids": attendee_ids,
                "assignee_ids": [t["assigned_to_id"] for t in tasks],
                "issue_ids": sorted({i for t in tasks for i in t.get("issue_ids") or []}),
            },
        )
        assert refs is not None  # a RETURN without MATCH always gives its row
        if refs["meeting_found"]:
            found = _existing(w, meeting_id, community_id)
            if found is not None:
                return found
        if not refs["community_found"]:
            raise ParamError("community_id", f"no Community with id {community_id!r}")
        if held_by_id is not None and refs["held_by_label"] is None:
            raise ParamError("held_by_id", f"no party or administrative organization with id {held_by_id!r}")
        for n, a in enumerate(refs["attendees"]):
            if a["label"] is None:
                raise ParamError(f"attendees[{n}]", f"no organization or person with id {a['id']!r}")
        for n, a in enumerate(refs["assignees"]):
            if a["label"] is None:
                raise ParamError(f"tasks[{n}].assigned_to_id", f"no organization with id {a['id']!r}")
        issues = set(refs["issues_found"])
        for n, t in enumerate(tasks):
            for i in t.get("issue_ids") or []:
                if i not in issues:
                    raise ParamError(f"tasks[{n}].issue_ids", f"no Issue with id {i!r}")
        held = (
            {"id": held_by_id, "label": refs["held_by_label"]}
            if held_by_id is not None
            else ({"id": refs["default_held_by"], "label": "PartyOrg"} if refs["default_held_by"] else None)
        )
        w.run(
            "writes/meeting_record",
            {
                "meeting": {
                    "id": meeting_id,
                    "name": name,
                    "kind": kind,
                    "date": date,
                    "minutes": seal_phones_in_text(minutes),
                },
                "community_id": community_id,
                "held_by": held,
                "attendees": refs["attendees"],
                "tasks": [
                    {
                        "id": tid,
                        "title": seal_phones_in_text(t["title"]),
                        "what": seal_phones_in_text(t.get("what")),
                        "due": t["due"],
                        "assignee": a,
                        "issue_ids": list(dict.fromkeys(t.get("issue_ids") or [])),
                    }
                    for tid, t, a in zip(task_ids, tasks, refs["assignees"], strict=True)
                ],
                "source": SOURCE,
                "now": now,
            },
        )
        return {
            "meeting_id": meeting_id,
            "community_id": community_id,
            "kind": kind,
            "date": date,
            "attendees": len(attendee_ids),
            "task_ids": sorted(task_ids),
            "created": True,
        }

    try:
        return writes.write_tx(store, work)
    except ConstraintError:  # a retry raced us, or a task id is taken
        found = writes.write_tx(store, lambda w: _existing(w, meeting_id, community_id))
        if found is not None:
            return found
        raise Conflict(f"a task id of meeting {meeting_id!r} is taken already") from None


def _lock_task(w: Writer, task_id: str, now: datetime) -> dict:
    row = w.single("writes/task_lock", {"task_id": task_id, "now": now})
    if row is None:
        raise NotFound("Task", task_id)
    return to_native(row.data())


def task_progress(
    *,
    store: Store,
    task_id: str,
    by_id: str,
    note: str | None = None,
    done: bool = False,
    done_at: date | None = None,
    at: datetime | None = None,
) -> dict:
    """Records a progress note and, with `done`, the task done (on `done_at`, default the day of
    `at` in the project's time zone). A task newly done then asks the issue loop to resolve each
    issue it addresses; `issues` says for each whether the trail rules let it."""
    if done_at is not None and not done:
        raise ParamError("done_at", "give done: true with a done_at")
    when = at or _now()

    def work(w: Writer) -> dict:
        now = _now()
        before = _lock_task(w, task_id, now)
        newly = done and before["status"] != "done"
        day = (done_at or local(when).date()) if newly else None
        row = w.single(
            "writes/task_progress",
            {"task_id": task_id, "note": seal_phones_in_text(note), "at": when, "done_at": day, "now": now},
        )
        assert row is not None  # locked above
        return {**before, **to_native(row.data()), "newly_done": newly}

    state = writes.write_tx(store, work)
    issues = []
    if state.pop("newly_done"):
        for issue_id in state["issue_ids"]:
            try:
                s = issue_loop.add_step(
                    store=store,
                    issue_id=issue_id,
                    action="resolve",
                    at=when,
                    by_id=by_id,
                    note=f"联席会议任务 {task_id} 已完成：{state['title']}",
                )
                issues.append({"issue_id": issue_id, "resolved": True, "status": s["status"], "level": s["level"],
                               "reason": None})  # fmt: skip
            except UserError as exc:  # the trail rules refuse it (already resolved, closed...)
                issues.append({"issue_id": issue_id, "resolved": False, "status": None, "level": None,
                               "reason": str(exc)})  # fmt: skip
    return {
        "task_id": task_id,
        "status": state["status"],
        "done_at": state["done_at"],
        "due": state["due"],
        "on_time": None if state["done_at"] is None else state["done_at"] <= state["due"],
        "issues": issues,
    }


def adopt_project(
    *,
    store: Store,
    task_id: str,
    category: str,
    budget: int,
    unit_ids: list[str],
    name: str | None = None,
    project_id: str | None = None,
) -> dict:
    """Adopts the task as a party-building project FOR its meeting's community, supported by
    `unit_ids`; 409 when the task was adopted already or the project id is taken."""
    project_id = project_id or f"PRJ-{task_id}"
    unit_ids = list(dict.fromkeys(unit_ids))

    def work(w: Writer) -> dict:
        now = _now()
        task = _lock_task(w, task_id, now)
        if task["project_id"] is not None:
            raise Conflict(f"task {task_id} was adopted as project {task['project_id']} already",
                           current={"task_id": task_id, "project_id": task["project_id"]})  # fmt: skip
        if task["community_id"] is None:
            raise UserError(f"task {task_id} belongs to no community's meeting, so a project has nowhere to be for")
        row = w.single("writes/units_found", {"ids": unit_ids})
        found = set(row["found"]) if row is not None else set()
        for n, u in enumerate(unit_ids):
            if u not in found:
                raise ParamError(f"supporting_unit_ids[{n}]", f"no Unit with id {u!r}")
        project = {"id": project_id, "name": seal_phones_in_text(name or task["title"]), "category": category,
                   "budget": budget}  # fmt: skip
        out = w.single(
            "writes/task_project",
            {"task_id": task_id, "project": project, "community_id": task["community_id"], "unit_ids": unit_ids,
             "source": SOURCE, "now": now},
        )  # fmt: skip
        assert out is not None
        return {"task_id": task_id, "project_id": project_id, "community_id": task["community_id"],
                "budget": budget, "supporting_units": out["units"]}  # fmt: skip

    try:
        return writes.write_tx(store, work)
    except ConstraintError:
        raise Conflict(f"a project with id {project_id!r} already exists") from None
