"""The input files: one kind per node or relationship type, each with its row model.

A node kind's row is the node's model plus reference columns (`street_id`, ...) that link it to
nodes of other kinds; a relationship kind's row names its two ends and the relationship's
properties. `KINDS` is in dependency order. The ingest pipeline, the templates and
docs/ingest.md are all generated from these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, create_model

from graph.model import nodes as n
from graph.model.types import Date, DateTime, Id, Name, Text, Yuan, col

AREA_LABELS = ("Grid", "MicroGrid", "Community")
ORG_LABELS = (
    "PartyOrg",
    "AdminOrg",
    "Unit",
    "Department",
    "PropertyCompany",
    "OwnersCommittee",
    "PropertyMgmtCommittee",
)
HANDLER_LABELS = ORG_LABELS + ("Person",)


@dataclass(frozen=True)
class Ref:
    """A column holding the id of another node, and the relationship it makes.

    direction "out": (this row's node)-[rel]->(target); "in": (target)-[rel]->(this row's node).
    For relationship kinds the row has two refs, `start` and `end` of the relationship.
    """

    column: str
    zh: str
    targets: tuple[str, ...]
    rel: str = ""
    direction: Literal["out", "in"] = "out"
    required: bool = True
    description: str = ""


@dataclass(frozen=True)
class FileKind:
    name: str  # file stem: communities.csv, pairings.xlsx, ...
    zh: str  # Chinese file name, accepted too (社区.csv)
    row: type[BaseModel]  # validates one row
    description: str
    label: str | None = None  # node kinds: the label written
    rel: str | None = None  # relationship kinds: the type written, start -> end
    refs: tuple[Ref, ...] = ()
    key: tuple[str, ...] = ()  # relationship kinds: properties that are part of its identity
    example: dict[str, Any] = field(default_factory=dict)

    @property
    def is_node(self) -> bool:
        return self.label is not None

    def columns(self) -> list[tuple[str, str, bool, str]]:
        """(column, Chinese header, required, description) in template order."""
        out = []
        for name, f in self.row.model_fields.items():
            extra = f.json_schema_extra if isinstance(f.json_schema_extra, dict) else {}
            out.append((name, str(extra.get("zh", "")), f.is_required(), f.description or ""))
        return out


class _RelRow(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, populate_by_name=True)


def _node_row(model: type[n.NodeModel], *refs: Ref) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for r in refs:
        typ = Id if r.required else (Id | None)
        default = ... if r.required else None
        fields[r.column] = (
            typ,
            col(r.zh, r.description or f"id of the {' or '.join(r.targets)}", default=default),
        )
    return create_model(model.__name__ + "Row", __base__=model, **fields)


def _rel_row(name: str, start: Ref, end: Ref, **props: Any) -> type[BaseModel]:
    fields: dict[str, Any] = {
        start.column: (Id, col(start.zh, start.description or f"id of the {' or '.join(start.targets)}")),
        end.column: (Id, col(end.zh, end.description or f"id of the {' or '.join(end.targets)}")),
    }
    fields.update(props)
    return create_model(name, __base__=_RelRow, **fields)


def _node(name: str, zh: str, model: type[n.NodeModel], description: str, *refs: Ref, example: dict) -> FileKind:
    return FileKind(
        name=name,
        zh=zh,
        row=_node_row(model, *refs),
        description=description,
        label=model.label,
        refs=refs,
        example=example,
    )


def _rel(
    name: str,
    zh: str,
    rel: str,
    description: str,
    start: Ref,
    end: Ref,
    *,
    key: tuple[str, ...] = (),
    example: dict,
    **props: Any,
) -> FileKind:
    return FileKind(
        name=name,
        zh=zh,
        row=_rel_row(name.title().replace("_", "") + "Row", start, end, **props),
        description=description,
        rel=rel,
        refs=(start, end),
        key=key,
        example=example,
    )


SINCE = (Date | None, col("起始日期", "since when", default=None))

# Which area or site each kind of party or administrative organization SERVES (docs/model.md).
PARTY_ORG_SERVES = {
    "street_working_committee": "Street",
    "community_committee": "Community",
    "big_party_committee": "Community",
    "compound_branch": "Compound",
    "building_group": "Building",
    "industry_committee": "District",
}
ADMIN_ORG_SERVES = {
    "street_office": "Street",
    "residents_committee": "Community",
    "villagers_committee": "Community",
}

KINDS: list[FileKind] = [
    # --- areas ---
    _node("districts", "区", n.District, "Districts (区/县).", example={"id": "350802", "name": "新罗区"}),
    _node(
        "streets",
        "街道",
        n.Street,
        "Streets and towns, each part of a district.",
        Ref("district_id", "所属区", ("District",), "PART_OF"),
        example={"id": "350802006", "name": "曹溪街道", "kind": "street", "district_id": "350802"},
    ),
    _node(
        "communities",
        "社区",
        n.Community,
        "Communities and villages, each part of a street or town.",
        Ref("street_id", "所属街道", ("Street",), "PART_OF"),
        example={
            "id": "350802006002",
            "name": "天马社区",
            "kind": "community",
            "urban_village": "false",
            "street_id": "350802006",
        },
    ),
    _node(
        "grids",
        "网格",
        n.Grid,
        "Grids (in villages: villagers' groups), each part of a community.",
        Ref("community_id", "所属社区", ("Community",), "PART_OF"),
        example={
            "id": "G-350802006002-01",
            "name": "天马社区第一网格",
            "kind": "compound",
            "community_id": "350802006002",
        },
    ),
    _node(
        "micro_grids",
        "微格",
        n.MicroGrid,
        "Micro-grids (in villages: villagers' party groups), each part of a grid.",
        Ref("grid_id", "所属网格", ("Grid",), "PART_OF"),
        example={
            "id": "MG-350802006002-01-1",
            "name": "天马社区第一网格1号微格",
            "grid_id": "G-350802006002-01",
        },
    ),
    _node(
        "compounds",
        "小区",
        n.Compound,
        "Residential compounds (小区) and the grid they lie in.",
        Ref("grid_id", "所属网格", ("Grid",), "IN_GRID"),
        example={
            "id": "C-350802006002-01",
            "name": "天马花园",
            "property_mode": "company",
            "grid_id": "G-350802006002-01",
        },
    ),
    _node(
        "buildings",
        "楼栋",
        n.Building,
        "Buildings (楼栋) in a compound.",
        Ref("compound_id", "所属小区", ("Compound",), "IN"),
        example={"id": "B-350802006002-01-01", "name": "天马花园1栋", "compound_id": "C-350802006002-01"},
    ),
    # --- vocabularies ---
    _node(
        "issue_categories",
        "问题类别",
        n.IssueCategory,
        "Issue categories (Open311 service codes).",
        example={"id": "property", "name": "物业管理", "name_en": "property management"},
    ),
    _node(
        "point_categories",
        "积分类别",
        n.PointCategory,
        "Two-way points: the 7 categories.",
        example={"id": "PC-theory", "name": "理论宣讲"},
    ),
    _node(
        "point_items",
        "积分项目",
        n.PointItem,
        "Two-way points: the items, each 1, 3 or 5 stars.",
        Ref("category_id", "所属类别", ("PointCategory",), "IN"),
        example={"id": "PI-theory-1", "name": "参加理论宣讲", "stars": 1, "category_id": "PC-theory"},
    ),
    # --- organizations ---
    _node(
        "party_orgs",
        "党组织",
        n.PartyOrg,
        "Party organizations; `serves_id` names the area or site it serves (by kind: "
        "street, community, compound, building or district).",
        Ref(
            "parent_id",
            "上级党组织",
            ("PartyOrg",),
            "UNDER",
            required=False,
            description="the party organization above it",
        ),
        Ref(
            "serves_id",
            "服务对象",
            tuple(dict.fromkeys(PARTY_ORG_SERVES.values())),
            "SERVES",
            required=False,
            description="the Street, Community, Compound, Building or District it serves, by kind",
        ),
        example={
            "id": "PO-BPC-350802006002",
            "name": "天马社区大党委",
            "kind": "big_party_committee",
            "parent_id": "",
            "serves_id": "350802006002",
        },
    ),
    _node(
        "admin_orgs",
        "行政组织",
        n.AdminOrg,
        "Street offices, residents' and villagers' committees.",
        Ref("parent_id", "上级组织", ("AdminOrg",), "UNDER", required=False),
        Ref(
            "serves_id",
            "服务对象",
            tuple(dict.fromkeys(ADMIN_ORG_SERVES.values())),
            "SERVES",
            required=False,
            description="the Street or Community it serves, by kind",
        ),
        example={
            "id": "AO-RC-350802006002",
            "name": "天马社区居委会",
            "kind": "residents_committee",
            "parent_id": "AO-SO-350802006",
            "serves_id": "350802006002",
        },
    ),
    _node(
        "units",
        "共建单位",
        n.Unit,
        "Co-building units (agencies, state firms, institutions, enterprises).",
        example={"id": "U-0001", "name": "龙岩市财政局", "kind": "agency", "level": "city"},
    ),
    _node(
        "departments",
        "区直部门",
        n.Department,
        "District departments and the issue categories they answer for.",
        Ref("district_id", "所属区", ("District",), "PART_OF"),
        example={
            "id": "D-350802-zjj",
            "name": "新罗区住房和城乡建设局",
            "categories": "property",
            "district_id": "350802",
        },
    ),
    _node(
        "property_companies",
        "物业企业",
        n.PropertyCompany,
        "Property-service companies.",
        example={"id": "PCO-0001", "name": "龙岩红土物业服务有限公司", "red": "true"},
    ),
    _node(
        "owners_committees",
        "业委会",
        n.OwnersCommittee,
        "Owners' committees, each representing a compound.",
        Ref("compound_id", "所属小区", ("Compound",), "REPRESENTS"),
        example={
            "id": "OC-C-350802006002-01",
            "name": "天马花园业委会",
            "red": "true",
            "compound_id": "C-350802006002-01",
        },
    ),
    _node(
        "property_mgmt_committees",
        "物业管理委员会",
        n.PropertyMgmtCommittee,
        "Property management committees managing a compound without a company.",
        Ref("compound_id", "所属小区", ("Compound",), "MANAGES"),
        example={
            "id": "PMC-C-350802006002-02",
            "name": "天马二村物业管理委员会",
            "compound_id": "C-350802006002-02",
        },
    ),
    _node(
        "people",
        "人员",
        n.Person,
        "People: cadres, grid workers, party members, building heads. No ID numbers, no addresses.",
        example={"id": "P-000001", "name": "张伟", "roles": "cadre;party_member", "phone": "13800001234"},
    ),
    _node(
        "documents",
        "文件",
        n.Document,
        "Policy and guidance documents.",
        example={
            "id": "DOC-1",
            "name": "新罗区红色物业服务标准指引",
            "kind": "guidance",
            "date": "2024-03-01",
        },
    ),
    # --- work ---
    _node(
        "meetings",
        "会议",
        n.Meeting,
        "Joint meetings, evening talks and on-site offices.",
        Ref("held_by_id", "主办组织", ("PartyOrg", "AdminOrg"), "HELD_BY"),
        Ref("community_id", "所属社区", ("Community",), "FOR"),
        example={
            "id": "M-000001",
            "name": "天马社区大党委联席会议",
            "kind": "joint_meeting",
            "date": "2024-03-15",
            "held_by_id": "PO-BPC-350802006002",
            "community_id": "350802006002",
        },
    ),
    _node(
        "projects",
        "党建项目",
        n.Project,
        "Party-building projects for a community.",
        Ref("community_id", "所属社区", ("Community",), "FOR"),
        example={
            "id": "PRJ-001",
            "name": "天马社区长者食堂",
            "category": "elderly",
            "budget": 50000,
            "community_id": "350802006002",
        },
    ),
    _node(
        "fundings",
        "共建资金",
        n.Funding,
        "Money a unit gave a community in a year.",
        Ref("unit_id", "共建单位", ("Unit",), "GAVE", direction="in"),
        Ref("community_id", "社区", ("Community",), "TO"),
        Ref("project_id", "项目", ("Project",), "FOR", required=False),
        example={
            "id": "F-U-0001-350802006002-2024",
            "year": 2024,
            "amount": 30000,
            "unit_id": "U-0001",
            "community_id": "350802006002",
            "project_id": "",
        },
    ),
    _node(
        "activities",
        "志愿活动",
        n.Activity,
        "Volunteer activities in a community.",
        Ref("community_id", "社区", ("Community",), "IN"),
        Ref("organizer_id", "组织单位", ("Unit",), "ORGANIZED", direction="in", required=False),
        example={
            "id": "A-000001",
            "name": "义诊进社区",
            "date": "2024-05-12",
            "category": "health",
            "hours": 3,
            "community_id": "350802006002",
            "organizer_id": "U-0001",
        },
    ),
    _node(
        "issues",
        "问题",
        n.Issue,
        "Residents' issues; status and level follow the steps when steps are loaded.",
        Ref(
            "located_in_id",
            "所在区域",
            AREA_LABELS,
            "LOCATED_IN",
            description="the Grid, MicroGrid or Community it is in",
        ),
        Ref("meeting_id", "提出会议", ("Meeting",), "RAISED_AT", required=False),
        example={
            "id": "I-000001",
            "title": "小区路灯不亮",
            "category": "municipal",
            "channel": "evening_talk",
            "reported_at": "2024-05-10T19:30:00+08:00",
            "status": "open",
            "level": "grid",
            "located_in_id": "G-350802006002-01",
            "meeting_id": "",
        },
    ),
    _node(
        "tasks",
        "任务清单",
        n.Task,
        "Tasks from a meeting's task list.",
        Ref("meeting_id", "来源会议", ("Meeting",), "PRODUCED", direction="in"),
        Ref("assigned_to_id", "责任单位", ORG_LABELS, "ASSIGNED_TO"),
        Ref("issue_id", "对应问题", ("Issue",), "ADDRESSES", required=False),
        example={
            "id": "T-000001",
            "title": "修复路灯",
            "due": "2024-06-01",
            "status": "done",
            "done_at": "2024-05-28",
            "meeting_id": "M-000001",
            "assigned_to_id": "U-0001",
            "issue_id": "I-000001",
        },
    ),
    _node(
        "issue_steps",
        "问题流转",
        n.Step,
        "The escalation trail: one row per step of an issue, in seq order.",
        Ref(
            "issue_id",
            "问题",
            ("Issue",),
            "",
            direction="in",
            description="the issue; chained by FIRST_STEP/NEXT/LAST_STEP",
        ),
        Ref(
            "by_id",
            "处理人",
            HANDLER_LABELS,
            "BY",
            required=False,
            description="the organization or person acting",
        ),
        example={
            "id": "I-000001#1",
            "issue_id": "I-000001",
            "seq": 1,
            "action": "filed",
            "level": "grid",
            "at": "2024-05-10T19:30:00+08:00",
            "due": "",
            "by_id": "P-000002",
        },
    ),
    _node(
        "evaluations",
        "评议",
        n.Evaluation,
        "Residents' ratings of companies, committees, units and people.",
        Ref("of_id", "评议对象", ("PropertyCompany", "OwnersCommittee", "Unit", "Person"), "OF"),
        Ref("community_id", "社区", ("Community",), "IN"),
        example={
            "id": "E-000001",
            "date": "2024-12-20",
            "score": 96,
            "kind": "resident_rating",
            "of_id": "PCO-0001",
            "community_id": "350802006002",
        },
    ),
    _node(
        "awards",
        "表彰",
        n.Award,
        "Awards (service stars, co-building stars, outstanding companies).",
        Ref("recipient_id", "获奖对象", ("PropertyCompany", "Person", "Unit"), "RECEIVED", direction="in"),
        example={"id": "AW-2023-0001", "year": 2023, "title": "优秀物业服务企业", "recipient_id": "PCO-0001"},
    ),
    # --- relationships ---
    _rel(
        "pairings",
        "结对共建",
        "PAIRED_WITH",
        "A co-building unit paired with a community.",
        Ref("unit_id", "共建单位", ("Unit",)),
        Ref("community_id", "社区", ("Community",)),
        since=SINCE,
        min_annual_funding=(
            Yuan,
            col("最低年度资金", "yuan a year the unit commits (rule: 30,000)", default=30000),
        ),
        example={
            "unit_id": "U-0001",
            "community_id": "350802006002",
            "since": "2024-01-01",
            "min_annual_funding": 30000,
        },
    ),
    _rel(
        "coverages",
        "网格包联",
        "COVERS",
        "A unit assigned directly to a grid.",
        Ref("unit_id", "共建单位", ("Unit",)),
        Ref("grid_id", "网格", ("Grid",)),
        since=SINCE,
        example={"unit_id": "U-0001", "grid_id": "G-350802006002-01", "since": "2024-01-01"},
    ),
    _rel(
        "committee_members",
        "大党委成员",
        "MEMBER_OF",
        "Members of a big party committee (units, party orgs, companies, owners' committees).",
        Ref("member_id", "成员", ("Unit", "PartyOrg", "PropertyCompany", "OwnersCommittee", "Department")),
        Ref("committee_id", "大党委", ("PartyOrg",)),
        since=SINCE,
        example={"member_id": "U-0001", "committee_id": "PO-BPC-350802006002", "since": "2024-01-01"},
    ),
    _rel(
        "memberships",
        "任职",
        "MEMBER_OF",
        "A person's role in an organization (Popolo membership).",
        Ref("person_id", "人员", ("Person",)),
        Ref(
            "org_id",
            "组织",
            (
                "PartyOrg",
                "AdminOrg",
                "Unit",
                "Department",
                "PropertyCompany",
                "OwnersCommittee",
                "PropertyMgmtCommittee",
            ),
        ),
        key=("role",),
        role=(
            Name,
            col("职务", "role in the organization (secretary, director, member, central_household...)"),
        ),
        since=SINCE,
        until=(Date | None, col("终止日期", "until when", default=None)),
        example={
            "person_id": "P-000002",
            "org_id": "PO-CC-350802006002",
            "role": "secretary",
            "since": "2021-01-01",
            "until": "",
        },
    ),
    _rel(
        "cadre_links",
        "挂钩联系",
        "LINKED_TO",
        "A division-level cadre linked to a community.",
        Ref("person_id", "干部", ("Person",)),
        Ref("community_id", "社区", ("Community",)),
        since=SINCE,
        example={"person_id": "P-000001", "community_id": "350802006002", "since": "2023-06-01"},
    ),
    _rel(
        "secretaries",
        "大党委书记",
        "SECRETARY_OF",
        "The cadre who is secretary of a big party committee.",
        Ref("person_id", "干部", ("Person",)),
        Ref("committee_id", "大党委", ("PartyOrg",)),
        since=SINCE,
        example={"person_id": "P-000001", "committee_id": "PO-BPC-350802006002", "since": "2023-06-01"},
    ),
    _rel(
        "registrations",
        "报到",
        "REGISTERED_AT",
        "An in-service party member registered online with a community.",
        Ref("person_id", "党员", ("Person",)),
        Ref("community_id", "社区", ("Community",)),
        since=SINCE,
        example={"person_id": "P-000003", "community_id": "350802006002", "since": "2024-02-01"},
    ),
    _rel(
        "grid_workers",
        "网格员",
        "WORKS",
        "A person working a grid or micro-grid.",
        Ref("person_id", "人员", ("Person",)),
        Ref("grid_id", "网格", ("Grid", "MicroGrid")),
        key=("role",),
        role=(Name, col("角色", "grid_worker, health_supervisor, civil_affairs, ...", default="grid_worker")),
        example={"person_id": "P-000002", "grid_id": "G-350802006002-01", "role": "grid_worker"},
    ),
    _rel(
        "building_heads",
        "楼栋长",
        "HEADS",
        "Building heads and unit heads.",
        Ref("person_id", "人员", ("Person",)),
        Ref("building_id", "楼栋", ("Building",)),
        key=("role",),
        role=(Name, col("角色", "building_head or unit_head", default="building_head")),
        example={"person_id": "P-000004", "building_id": "B-350802006002-01-01", "role": "building_head"},
    ),
    _rel(
        "property_contracts",
        "物业服务",
        "MANAGES",
        "A property company managing a compound.",
        Ref("company_id", "物业企业", ("PropertyCompany",)),
        Ref("compound_id", "小区", ("Compound",)),
        since=SINCE,
        example={"company_id": "PCO-0001", "compound_id": "C-350802006002-01", "since": "2020-01-01"},
    ),
    _rel(
        "project_supports",
        "项目支持",
        "SUPPORTS",
        "A unit supporting a party-building project.",
        Ref("unit_id", "共建单位", ("Unit",)),
        Ref("project_id", "项目", ("Project",)),
        example={"unit_id": "U-0001", "project_id": "PRJ-001"},
    ),
    _rel(
        "attendances",
        "参会",
        "ATTENDED",
        "Who attended a meeting.",
        Ref(
            "attendee_id",
            "参会方",
            ("Unit", "Department", "Person", "PartyOrg", "AdminOrg", "PropertyCompany", "OwnersCommittee"),
        ),
        Ref("meeting_id", "会议", ("Meeting",)),
        example={"attendee_id": "U-0001", "meeting_id": "M-000001"},
    ),
    _rel(
        "participations",
        "活动参与",
        "JOINED",
        "A person joining a volunteer activity.",
        Ref("person_id", "人员", ("Person",)),
        Ref("activity_id", "活动", ("Activity",)),
        example={"person_id": "P-000003", "activity_id": "A-000001"},
    ),
    _rel(
        "point_earnings",
        "积分获取",
        "EARNED",
        "Points a person earned for an item.",
        Ref("person_id", "人员", ("Person",)),
        Ref("item_id", "积分项目", ("PointItem",)),
        key=("at",),
        at=(DateTime, col("时间", "when earned")),
        points=(int, col("积分", "points earned", ge=0)),
        example={
            "person_id": "P-000003",
            "item_id": "PI-theory-1",
            "at": "2024-06-01T10:00:00+08:00",
            "points": 1,
        },
    ),
    _rel(
        "point_redemptions",
        "积分兑换",
        "REDEEMED",
        "Points a person redeemed at a community.",
        Ref("person_id", "人员", ("Person",)),
        Ref("community_id", "社区", ("Community",)),
        key=("at",),
        at=(DateTime, col("时间", "when redeemed")),
        points=(int, col("积分", "points spent", ge=0)),
        benefit=(Text, col("兑换内容", "what was redeemed")),
        example={
            "person_id": "P-000003",
            "community_id": "350802006002",
            "at": "2024-07-01T10:00:00+08:00",
            "points": 10,
            "benefit": "商家折扣",
        },
    ),
    _rel(
        "document_issuers",
        "发文单位",
        "ISSUED",
        "Who issued a document.",
        Ref("issuer_id", "发文单位", ("PartyOrg", "AdminOrg", "Department", "Unit")),
        Ref("document_id", "文件", ("Document",)),
        example={"issuer_id": "PO-IND-350802", "document_id": "DOC-1"},
    ),
]

BY_NAME: dict[str, FileKind] = {k.name: k for k in KINDS}
BY_ZH: dict[str, FileKind] = {k.zh: k for k in KINDS}
