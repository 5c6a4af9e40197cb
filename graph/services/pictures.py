"""Whole pictures of one community and one unit: catalogue queries community_picture and
unit_picture, each one row, shaped into pydantic models for the API (a person's: graph.services.people)."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue import reads
from graph.core.errors import NotFound
from graph.core.store import Store
from graph.model.enums import Level, PropertyMode, UnitLevel


class Ref(BaseModel):
    id: str
    name: str | None = None


class KindRef(Ref):
    kind: str | None = None


class Cadre(Ref):
    phone: str | None = Field(
        None, description="a work phone: whole for coordinators and admins, else masked (138****5678)"
    )
    since: date | None = None


class Member(KindRef):
    label: str | None = Field(None, description="Unit, Department, PartyOrg, PropertyCompany or OwnersCommittee")
    since: date | None = None


class YearAmount(BaseModel):
    year: int
    amount: int = Field(description="yuan")


class PairedUnit(KindRef):
    level: UnitLevel | None = None
    since: date | None = None
    min_annual_funding: int | None = None
    funding: list[YearAmount] = Field(description="yuan the unit gave this community, per year")


class Org(Ref):
    red: bool | None = None


class CompoundInfo(Ref):
    property_mode: PropertyMode | None = None
    grid_id: str | None = None
    property_companies: list[Org]
    owners_committees: list[Org]
    mgmt_committees: list[Ref]


class OpenIssue(BaseModel):
    id: str
    title: str | None = None
    category: str | None = None
    level: Level | None = None
    reported_at: datetime | None = None


class Community(KindRef):
    urban_village: bool | None = None


class CommunityPicture(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "community": {
                        "id": "350802006002",
                        "name": "天马社区",
                        "kind": "community",
                        "urban_village": False,
                    },
                    "street": {"id": "350802006", "name": "曹溪街道", "kind": "street"},
                    "party_committee": {"id": "PO-CC-350802006002", "name": "天马社区党委"},
                    "residents_committee": {
                        "id": "AO-RC-350802006002",
                        "name": "天马社区居委会",
                        "kind": "residents_committee",
                    },
                    "big_party_committee": {"id": "PO-BPC-350802006002", "name": "天马社区大党委"},
                    "secretary": {
                        "id": "P-000001",
                        "name": "张伟",
                        "phone": "138****1234",
                        "since": "2023-06-01",
                    },
                    "linked_cadres": [
                        {"id": "P-000001", "name": "张伟", "phone": "138****1234", "since": "2023-06-01"}
                    ],
                    "members": [
                        {
                            "id": "U-0001",
                            "name": "龙岩市财政局",
                            "kind": "agency",
                            "label": "Unit",
                            "since": "2024-01-01",
                        }
                    ],
                    "paired_units": [
                        {
                            "id": "U-0001",
                            "name": "龙岩市财政局",
                            "kind": "agency",
                            "level": "city",
                            "since": "2024-01-01",
                            "min_annual_funding": 30000,
                            "funding": [{"year": 2024, "amount": 30000}],
                        }
                    ],
                    "grids": [{"id": "G-350802006002-01", "name": "天马社区第一网格", "kind": "compound"}],
                    "compounds": [
                        {
                            "id": "C-350802006002-01",
                            "name": "天马花园",
                            "property_mode": "company",
                            "grid_id": "G-350802006002-01",
                            "property_companies": [{"id": "PCO-0001", "name": "龙岩红土物业服务有限公司", "red": True}],
                            "owners_committees": [
                                {"id": "OC-C-350802006002-01", "name": "天马花园业委会", "red": True}
                            ],
                            "mgmt_committees": [],
                        }
                    ],
                    "open_issue_count": 1,
                    "open_issues": [
                        {
                            "id": "I-000001",
                            "title": "小区路灯不亮",
                            "category": "municipal",
                            "level": "grid",
                            "reported_at": "2024-05-10T19:30:00+08:00",
                        }
                    ],
                }
            ]
        }
    )
    community: Community
    street: KindRef | None
    party_committee: Ref | None
    residents_committee: KindRef | None
    big_party_committee: Ref | None
    secretary: Cadre | None = Field(description="the cadre who is secretary of the big party committee")
    linked_cadres: list[Cadre] = Field(description="every cadre LINKED_TO the community")
    members: list[Member] = Field(description="members of the big party committee")
    paired_units: list[PairedUnit]
    grids: list[KindRef]
    compounds: list[CompoundInfo]
    open_issue_count: int
    open_issues: list[OpenIssue] = Field(description="newest first, at most issue_limit")


def community_picture(*, store: Store, id: str, issue_limit: int = 50) -> CommunityPicture:
    rows = reads.rows("community_picture", {"id": id, "issue_limit": issue_limit}, store=store)
    if not rows:
        raise NotFound("Community", id)
    return CommunityPicture(**rows[0])


class UnitInfo(KindRef):
    level: UnitLevel | None = None


class PairedCommunity(Ref):
    street_id: str | None = None
    since: date | None = None
    min_annual_funding: int | None = None


class FundingYear(BaseModel):
    year: int
    community_id: str
    community_name: str | None = None
    amount: int = Field(description="yuan given that year (0 when nothing)")
    minimum: int | None = Field(
        description="the pairing's yearly minimum; null when the unit is not paired with the community"
    )
    meets_minimum: bool | None


class Committee(Ref):
    community_id: str | None = None


class ProjectInfo(Ref):
    category: str | None = None
    budget: int | None = None
    community_id: str | None = None


class ActivityInfo(BaseModel):
    id: str
    name: str | None = None
    date: dt.date | None = None
    category: str | None = None
    hours: float | None = None
    community_id: str | None = None


class UnitPicture(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "unit": {"id": "U-0001", "name": "龙岩市财政局", "kind": "agency", "level": "city"},
                    "paired_communities": [
                        {
                            "id": "350802006002",
                            "name": "天马社区",
                            "street_id": "350802006",
                            "since": "2024-01-01",
                            "min_annual_funding": 30000,
                        }
                    ],
                    "funding": [
                        {
                            "year": 2024,
                            "community_id": "350802006002",
                            "community_name": "天马社区",
                            "amount": 30000,
                            "minimum": 30000,
                            "meets_minimum": True,
                        }
                    ],
                    "committees": [
                        {
                            "id": "PO-BPC-350802006002",
                            "name": "天马社区大党委",
                            "community_id": "350802006002",
                        }
                    ],
                    "projects": [
                        {
                            "id": "PRJ-001",
                            "name": "天马社区长者食堂",
                            "category": "elderly",
                            "budget": 50000,
                            "community_id": "350802006002",
                        }
                    ],
                    "activity_count": 1,
                    "activities": [
                        {
                            "id": "A-000001",
                            "name": "义诊进社区",
                            "date": "2024-05-12",
                            "category": "health",
                            "hours": 3,
                            "community_id": "350802006002",
                        }
                    ],
                }
            ]
        }
    )
    unit: UnitInfo
    paired_communities: list[PairedCommunity]
    funding: list[FundingYear] = Field(description="per paired community and ledger year, against the 30,000-yuan rule")
    committees: list[Committee] = Field(description="big party committees the unit is a member of")
    projects: list[ProjectInfo]
    activity_count: int
    activities: list[ActivityInfo] = Field(description="newest first, at most activity_limit")


def unit_picture(*, store: Store, id: str, activity_limit: int = 50) -> UnitPicture:
    rows = reads.rows("unit_picture", {"id": id, "activity_limit": activity_limit}, store=store)
    if not rows:
        raise NotFound("Unit", id)
    row = rows[0]
    row["funding"] = sorted(row["funding"], key=lambda f: (f["year"], f["community_id"]))
    return UnitPicture(**row)
