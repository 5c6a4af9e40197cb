"""A person's picture (for cadres: linked communities, big party committees they are secretary
of): catalogue query person_picture, one row. The phone is a work phone (sealed in the graph), shown
as the caller may see it (graph.core.privacy)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue import reads
from graph.core.errors import NotFound
from graph.core.store import Store
from graph.services.pictures import Ref


class PersonInfo(Ref):
    roles: list[str] = []
    phone: str | None = Field(
        None, description="a work phone: whole for coordinators and admins, else masked (138****5678)"
    )


class LinkedCommunity(Ref):
    street_id: str | None = None
    street_name: str | None = None
    since: date | None = None


class SecretaryOf(Ref):
    community_id: str | None = None
    community_name: str | None = None
    since: date | None = None


class Membership(BaseModel):
    org_id: str
    org_name: str | None = None
    label: str | None = None
    role: str | None = None
    since: date | None = None
    until: date | None = None


class PersonPicture(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "person": {
                        "id": "P-000001",
                        "name": "张伟",
                        "roles": ["cadre", "party_member"],
                        "phone": "138****1234",
                    },
                    "linked_communities": [
                        {
                            "id": "350802006002",
                            "name": "天马社区",
                            "street_id": "350802006",
                            "street_name": "曹溪街道",
                            "since": "2023-06-01",
                        }
                    ],
                    "secretary_of": [
                        {
                            "id": "PO-BPC-350802006002",
                            "name": "天马社区大党委",
                            "community_id": "350802006002",
                            "community_name": "天马社区",
                            "since": "2023-06-01",
                        }
                    ],
                    "memberships": [],
                }
            ]
        }
    )
    person: PersonInfo
    linked_communities: list[LinkedCommunity]
    secretary_of: list[SecretaryOf]
    memberships: list[Membership]


def person_picture(*, store: Store, id: str) -> PersonPicture:
    rows = reads.rows("person_picture", {"id": id}, store=store)
    if not rows:
        raise NotFound("Person", id)
    return PersonPicture(**rows[0])
