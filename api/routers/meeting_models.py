"""Request and response models of the meeting-cycle endpoints (api/routers/meetings.py, points.py)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue.paging import Page
from graph.model.enums import MeetingKind, TaskStatus
from graph.model.types import Date, DateTime, Id, Name, NoteText, TitleText


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id | None = Field(None, description="the client's id for the task; default `<meeting id>-T<n>`")
    title: TitleText = Field(description="what is to be done, in a line")
    what: NoteText | None = Field(None, description="what is to be done and how")
    assigned_to_id: Id = Field(description="the responsible unit, department or other organization")
    due: Date = Field(description="the deadline, a day (Beijing time)")
    issue_ids: list[Id] = Field(default_factory=list, description="the issues the task takes up")


class MeetingCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "M-2025-TM-Q2",
                    "kind": "joint_meeting",
                    "community_id": "350802006002",
                    "date": "2025-05-08",
                    "attendees": ["U-0001", "DEP-350802-zjj"],
                    "minutes": "研究天马花园停车难问题……",
                    "tasks": [
                        {"title": "规划天马花园临时停车位", "assigned_to_id": "U-0001", "due": "2025-06-30",
                         "issue_ids": []}
                    ],
                }
            ]
        },
    )  # fmt: skip
    id: Id | None = Field(None, description="the client's id: a retry with the same id creates nothing twice")
    kind: MeetingKind = MeetingKind.joint_meeting
    community_id: Id
    date: Date
    name: Name | None = None
    held_by_id: Id | None = Field(None, description="default: the community's big party committee")
    attendees: list[Id] = Field(default_factory=list, description="ids of the organizations and people attending")
    minutes: NoteText | None = None
    tasks: list[TaskCreate] = Field(default_factory=list)


class MeetingState(BaseModel):
    meeting_id: str
    community_id: str | None
    kind: str
    date: date
    attendees: int
    task_ids: list[str]
    created: bool = Field(description="false when a meeting with this id was recorded already (a retry)")


class ProgressCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: NoteText | None = None
    done: bool = False
    done_at: Date | None = Field(None, description="the day it was done; default today (Beijing time)")
    at: DateTime | None = Field(None, description="when the progress was made; default now")


class IssueOutcome(BaseModel):
    issue_id: str
    resolved: bool = Field(description="whether the issue loop recorded a `resolved` step")
    status: str | None
    level: str | None
    reason: str | None = Field(description="why the trail rules refused it, when they did")


class TaskState(BaseModel):
    task_id: str
    status: str
    done_at: date | None
    due: date | None
    on_time: bool | None
    issues: list[IssueOutcome]


class ProjectCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id | None = Field(None, description="default `PRJ-<task id>`")
    name: Name | None = Field(None, description="default: the task's title")
    category: Name
    budget: int = Field(ge=0, description="yuan")
    supporting_unit_ids: list[Id] = Field(default_factory=list)


class ProjectState(BaseModel):
    task_id: str
    project_id: str
    community_id: str
    budget: int
    supporting_units: int


class Assignee(BaseModel):
    id: str
    name: str | None
    label: str


class TaskRow(BaseModel):
    task_id: str
    title: str | None
    what: str | None
    due: date
    done_at: date | None
    status: TaskStatus = Field(description="on the as_of day")
    days_overdue: int | None
    meeting_id: str
    meeting: str | None
    meeting_date: date | None
    meeting_kind: str | None
    community_id: str | None
    community: str | None
    street_id: str | None
    street: str | None
    assignee: Assignee | None
    issue_ids: list[str]
    progress_note: str | None
    progress_at: datetime | None
    project_id: str | None


class TaskPage(Page[TaskRow]):
    as_of: datetime
    as_of_day: date = Field(description="the day of the project's time zone statuses are judged on")
    total: int


class EarnCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item_id: Id
    points: int | None = Field(None, ge=1, le=1000, description="default: the item's stars")
    at: DateTime | None = None


class RedeemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    community_id: Id
    points: int = Field(ge=1, le=100000)
    benefit: Name
    at: DateTime | None = None


class PointsState(BaseModel):
    person_id: str
    points: int = Field(description="points earned or redeemed by this request")
    earned: int
    redeemed: int
    balance: int
