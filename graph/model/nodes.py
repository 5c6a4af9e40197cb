"""Node types: one pydantic model per label of the model (docs/model.md), with the required
properties and their enumerations. API responses and ingest rows are built from these."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from graph.core.errors import ParamError
from graph.core.privacy import PUBLIC_ROLES, is_public_facing
from graph.model.enums import (
    AdminOrgKind,
    CommunityKind,
    DocumentKind,
    EvaluationKind,
    GridKind,
    IssueChannel,
    IssueStatus,
    Level,
    MeetingKind,
    PartyOrgKind,
    PropertyMode,
    StepAction,
    StreetKind,
    TaskStatus,
    UnitKind,
    UnitLevel,
)
from graph.model.types import (
    Bool,
    Date,
    DateTime,
    Id,
    MaskedPhone,
    Name,
    NoteText,
    Stars,
    StrList,
    Text,
    TitleText,
    WorkPhone,
    Yuan,
    col,
)


class NodeModel(BaseModel):
    """Every node has a string `id`, unique within its label."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True, populate_by_name=True)
    label: ClassVar[str]
    id: Id = col("编号", "unique within the label; areas use the official division code")


class Named(NodeModel):
    name: Name = col("名称", "display name")


# --- Areas ---------------------------------------------------------------------------------
class District(Named):
    label: ClassVar[str] = "District"


class Street(Named):
    label: ClassVar[str] = "Street"
    kind: StreetKind = col("类型", "street (街道) or town (镇/乡)")


class Community(Named):
    label: ClassVar[str] = "Community"
    kind: CommunityKind = col("类型", "community (社区) or village (村)")
    urban_village: Bool = col("城中村", "an urban village (城中村)", default=False)


class Grid(Named):
    label: ClassVar[str] = "Grid"
    kind: GridKind = col("类型", "compound grid, villagers' group, or other")


class MicroGrid(Named):
    label: ClassVar[str] = "MicroGrid"


class Compound(Named):
    label: ClassVar[str] = "Compound"
    property_mode: PropertyMode = col(
        "物业模式", "who manages it: a company, a management committee, self-managed, or the community"
    )


class Building(Named):
    label: ClassVar[str] = "Building"


# --- Organizations ---------------------------------------------------------------------------
class PartyOrg(Named):
    label: ClassVar[str] = "PartyOrg"
    kind: PartyOrgKind = col("类型", "which party organization")


class AdminOrg(Named):
    label: ClassVar[str] = "AdminOrg"
    kind: AdminOrgKind = col("类型", "street office, residents' or villagers' committee")


class Unit(Named):
    label: ClassVar[str] = "Unit"
    kind: UnitKind = col("类型", "agency, state-owned enterprise, public institution or enterprise")
    level: UnitLevel = col("级别", "city- or district-level unit")


class Department(Named):
    label: ClassVar[str] = "Department"
    categories: StrList = col(
        "负责类别", "issue categories it answers for (service codes, ';'-separated)", default_factory=list
    )


class PropertyCompany(Named):
    label: ClassVar[str] = "PropertyCompany"
    red: Bool = col("红色物业", "a 'red property company' (led or joined by a party organization)", default=False)


class OwnersCommittee(Named):
    label: ClassVar[str] = "OwnersCommittee"
    red: Bool = col("红色业委会", "a 'red owners' committee'", default=False)


class PropertyMgmtCommittee(Named):
    label: ClassVar[str] = "PropertyMgmtCommittee"


class Person(Named):
    label: ClassVar[str] = "Person"
    roles: StrList = col("角色", "roles, ';'-separated (cadre, grid_worker, party_member, ...)", default_factory=list)
    phone: MaskedPhone = col("电话", "a resident's phone, stored masked (138****5678) whatever is given", default=None)
    work_phone: WorkPhone = col(
        "工作电话",
        "a whole work phone, for people in a public-facing role only; stored sealed, shown whole to "
        "coordinators and admins, masked to everyone else",
        default=None,
    )

    @field_validator("work_phone")
    @classmethod
    def _public_facing_only(cls, v: str | None, info: ValidationInfo) -> str | None:
        if v is not None and not is_public_facing(info.data.get("roles", [])):
            raise ValueError(
                "only people in a public-facing role (" + ", ".join(sorted(PUBLIC_ROLES)) + ") hold a work "
                "phone; a resident's number goes in phone, where it is stored masked"
            )
        return v


class IssueCategory(Named):
    """Extension: the issue-category vocabulary (Open311 service_code = id)."""

    label: ClassVar[str] = "IssueCategory"
    name_en: Text | None = col("英文名称", "English name", default=None)
    description: Text | None = col("说明", "what belongs here", default=None)


class Document(Named):
    """Extension: policy and guidance documents."""

    label: ClassVar[str] = "Document"
    kind: DocumentKind = col("类型", "guidance, regulation or notice")
    date: Date | None = col("日期", "date issued", default=None)


# --- Work --------------------------------------------------------------------------------------
class Meeting(NodeModel):
    label: ClassVar[str] = "Meeting"
    name: Name | None = col("名称", "title; defaults to kind and date", default=None)
    kind: MeetingKind = col("类型", "joint meeting, evening talk or on-site office")
    date: Date = col("日期", "the day it was held")
    minutes: NoteText | None = col(
        "会议纪要", "the minutes, free text (phone numbers in it stored sealed)", default=None
    )


class Task(NodeModel):
    label: ClassVar[str] = "Task"
    title: TitleText = col("标题", "what is to be done")
    due: Date = col("期限", "deadline")
    status: TaskStatus = col("状态", "open, done or overdue")
    done_at: Date | None = col("完成日期", "when it was done", default=None)
    what: NoteText | None = col("任务内容", "what is to be done and how, free text", default=None)
    progress_note: NoteText | None = col("最新进展", "the latest progress note", default=None)
    progress_at: DateTime | None = col("进展时间", "when the latest progress note was recorded", default=None)
    project_id: Id | None = col("党建项目", "the party-building project the task was adopted as", default=None)


class Project(Named):
    label: ClassVar[str] = "Project"
    category: Name = col("类别", "project category")
    budget: Yuan = col("预算", "budget in yuan", default=0)


class Funding(NodeModel):
    label: ClassVar[str] = "Funding"
    year: int = col("年度", "calendar year", ge=2000, le=2100)
    amount: Yuan = col("金额", "yuan")


class Activity(NodeModel):
    label: ClassVar[str] = "Activity"
    name: Name | None = col("名称", "activity title", default=None)
    date: Date = col("日期", "day held")
    category: Name = col("类别", "volunteer activity category")
    hours: float = col("时长", "hours", ge=0, default=0)


# --- Issues ------------------------------------------------------------------------------------
class Issue(NodeModel):
    label: ClassVar[str] = "Issue"
    title: TitleText = col("标题", "the problem in a sentence")
    category: Name = col("类别", "service_code (see issue_categories)")
    channel: IssueChannel = col("渠道", "how it was collected")
    reported_at: DateTime = col("反映时间", "when it was reported")
    status: IssueStatus = col("状态", "open, resolved or closed", default=IssueStatus.open)
    level: Level = col("层级", "current level", default=Level.grid)
    resolved_at: DateTime | None = col("解决时间", "when it was resolved", default=None)
    satisfaction: int | None = col("满意度", "resident rating 1-5", default=None, ge=1, le=5)


class Step(NodeModel):
    """One event of an issue's trail; `id` is `<issue id>#<seq>`."""

    label: ClassVar[str] = "Step"
    seq: int = col("序号", "1, 2, 3... in order", ge=1)
    action: StepAction = col("动作", "filed, accepted, escalated, supervised, resolved, closed, reopened")
    level: Level = col("层级", "the level the step happened at")
    at: DateTime = col("时间", "when")
    due: DateTime | None = col("期限", "deadline set by an accepted step", default=None)
    note: NoteText | None = col("备注", "free text", default=None)


# --- Evaluation and points ---------------------------------------------------------------------
class Evaluation(NodeModel):
    label: ClassVar[str] = "Evaluation"
    date: Date = col("日期", "when rated")
    score: float = col("评分", "score given by residents", ge=0, le=100)
    kind: EvaluationKind = col("类型", "resident_rating", default=EvaluationKind.resident_rating)


class Award(NodeModel):
    label: ClassVar[str] = "Award"
    year: int = col("年度", "year awarded", ge=2000, le=2100)
    title: Name = col("称号", "award title")


class PointCategory(Named):
    label: ClassVar[str] = "PointCategory"


class PointItem(Named):
    label: ClassVar[str] = "PointItem"
    stars: Stars = col("星级", "difficulty weight: 1, 3 or 5 stars")


NODE_MODELS: list[type[NodeModel]] = [
    District,
    Street,
    Community,
    Grid,
    MicroGrid,
    Compound,
    Building,
    PartyOrg,
    AdminOrg,
    Unit,
    Department,
    PropertyCompany,
    OwnersCommittee,
    PropertyMgmtCommittee,
    Person,
    IssueCategory,
    Document,
    Meeting,
    Task,
    Project,
    Funding,
    Activity,
    Issue,
    Step,
    Evaluation,
    Award,
    PointCategory,
    PointItem,
]
LABELS: dict[str, type[NodeModel]] = {m.label: m for m in NODE_MODELS}


def check_label(field: str, label: str | None) -> str | None:
    """`label` if it is a label of the model (or None); ParamError naming the field otherwise."""
    if label is not None and label not in LABELS:
        raise ParamError(field, f"{label!r} is not a label of the model (one of {', '.join(sorted(LABELS))})")
    return label
