"""GET /people/{id}: a person's picture (cadres: linked communities, committees they lead)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import StoreDep
from api.responses import READ
from graph.services import people

router = APIRouter(prefix="/people", tags=["people"])


@router.get("/{id}", response_model=people.PersonPicture, responses=READ)
def person(store: StoreDep, id: Annotated[str, Path(description="the person's id", examples=["P-000001"])]):
    """Name, roles and masked phone; the communities a cadre is LINKED_TO, the big party
    committees they are secretary of, and memberships (organization, role, since, until)."""
    return people.person_picture(store=store, id=id)
