"""Request and response models of the issue-loop endpoints (api/routers/issues.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue.paging import Page
from graph.model.enums import Between, IssueChannel, Level
from graph.model.types import DateTime


class Org(BaseModel):
    id: str
    name: str | None = None
    kind: str | None = None


class StalledRow(BaseModel):
    issue_id: str
    title: str | None
    category: str | None
    category_name: str | None = Field(description="the category's name (IssueCategory)")
    status: str | None
    community_id: str | None
    community: str | None
    street_id: str | None
    street: str | None
    left_level: Level = Field(description="the level that escalated it")
    waiting_level: Level = Field(description="the level it waits at, which has not accepted it")
    escalated_at: datetime
    escalated_by: str | None
    days_waited: int = Field(description="whole 24-hour days from the escalation to as_of")
    next_up: list[Org] = Field(
        description="who should take it up: the organizations at the waiting level serving its area"
    )


class StalledPage(Page[StalledRow]):
    as_of: datetime
    between: Between
    min_days: int
    total: int = Field(description="stalled issues in all pages")


class OverdueRow(BaseModel):
    issue_id: str
    title: str | None
    category: str | None
    category_name: str | None = Field(description="the category's name (IssueCategory)")
    status: str | None
    community_id: str | None
    community: str | None
    street_id: str | None
    street: str | None
    level: Level = Field(description="the level that accepted it and is late")
    accepted_at: datetime
    due: datetime
    handler: Org | None = Field(description="who accepted it (the step's BY)")
    days_waited: int = Field(description="whole days since it was accepted")
    days_overdue: int = Field(description="whole days past due")
    next_up: list[Org] = Field(description="the organizations at that level serving its area")


class OverduePage(Page[OverdueRow]):
    as_of: datetime
    level: Level | None
    total: int = Field(description="overdue issues in all pages")


class StreetCount(BaseModel):
    street_id: str | None
    street: str | None
    stalled: int
    by_between: dict[str, int]


class CategoryCount(BaseModel):
    category: str | None
    stalled: int
    by_between: dict[str, int]


class StalledSummary(BaseModel):
    as_of: datetime
    min_days: int
    betweens: list[Between]
    total: int
    by_street: list[StreetCount]
    by_category: list[CategoryCount]


class Handler(BaseModel):
    id: str
    name: str | None = None
    kind: str | None = None
    label: str | None = None


class TrailStep(BaseModel):
    seq: int
    action: str
    level: str
    at: datetime
    due: datetime | None
    note: str | None
    by: Handler | None


class Stay(BaseModel):
    level: str
    from_seq: int
    start: datetime
    end: datetime | None = Field(description="null while the issue is still there")
    days: float


class Trail(BaseModel):
    issue: dict
    location: dict | None
    community: dict | None
    street: dict | None
    steps: list[TrailStep]
    stays: list[Stay] = Field(description="where the issue waited between steps while open")
    days_at_level: dict[str, float]


class Contact(BaseModel):
    name: str | None
    role: str | None
    phone: str | None = Field(description="masked: 138****5678")


class Party(BaseModel):
    level: str
    role: str
    id: str
    name: str | None
    label: str
    why: list[str] = Field(description="the graph path that puts it here, hop by hop")
    contact: Contact | None


class IssueResponsible(BaseModel):
    issue_id: str
    category: str | None
    level: str | None
    location: dict | None
    responsible: list[Party]


class AreaResponsible(BaseModel):
    area_id: str
    category: str | None
    responsible: list[Party]


class IssueState(BaseModel):
    issue_id: str
    status: str | None = None
    level: str | None = None
    last_seq: int | None = None
    last_action: str | None = None
    last_at: datetime | None = None
    step_id: str | None = None


class Conflict(BaseModel):
    detail: str
    current: IssueState


class IssueCreate(BaseModel):
    # Who files it is the key's person, never a field of the request: an unknown field is refused.
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200, description="default: a new I-... id")
    title: str = Field(min_length=1, max_length=500)
    category: str = Field(min_length=1, description="service code (see /open311/v2/services.json)")
    channel: IssueChannel
    located_in_id: str = Field(description="the Grid, MicroGrid or Community it is in")
    level: Level = Field(description="the level it is filed at")
    at: DateTime | None = Field(None, description="when it was filed; default now; no offset means +08:00")
    meeting_id: str | None = None
    note: str | None = Field(None, max_length=5000)
    satisfaction: int | None = Field(None, ge=1, le=5)


class StepCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")  # who acts is the key's person, never a field

    action: Literal["accept", "escalate", "supervise", "resolve", "close", "reopen"]
    level: Level | None = Field(None, description="default: the issue's current level")
    at: DateTime | None = Field(None, description="default now; no offset means +08:00")
    due: DateTime | None = Field(None, description="deadline; accept only")
    note: str | None = Field(None, max_length=5000)
    expected_seq: int | None = Field(
        None, ge=1, le=1_000_000, description="seq of the last step you saw; 409 if another came first"
    )
