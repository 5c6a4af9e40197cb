"""GET /people/{id}: a person's picture (cadres: linked communities, committees they lead)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.auth import area_scoped
from api.deps import StoreDep, Viewer
from api.responses import READ
from graph.services import people
from graph.services.scope import check_within

router = APIRouter(prefix="/people", tags=["people"])


@router.get("/{id}", response_model=people.PersonPicture, responses=READ)
@area_scoped
def person(
    store: StoreDep, caller: Viewer, id: Annotated[str, Path(description="the person's id", examples=["P-000001"])]
):
    """Name, roles and phone (a work phone whole for coordinators and admins, masked for everyone
    else; a resident's name shortened for them too); the communities a cadre is LINKED_TO, the big
    party committees they are secretary of, and memberships (organization, role, since, until)."""
    check_within(store, caller, id, "person")
    return people.person_picture(store=store, id=id)
