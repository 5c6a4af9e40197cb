"""GET /analytics/{name}?under=CODE: the network analyses of docs/analytics.md. Analyst and up;
each run is logged in the audit log as an export. A key limited to an area may analyze areas
within it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.auth import area_scoped
from api.deps import Analyst, StoreDep
from api.responses import READ
from api.routers.issues import AsOf
from graph.core.moments import as_of_moment
from graph.services.analytics.analyses import Analysis
from graph.services.analytics.run import Name, analyze
from graph.services.areas import resolve_area
from graph.services.scope import SCOPE_LABELS, check_within

router = APIRouter(prefix="/analytics", tags=["analytics"])
Under = Annotated[str, Query(description="a district, street or community, by code or name", examples=["350802006"])]


@router.get(
    "/{name}", response_model=Analysis, responses={**READ, 413: {"description": "the area's network is too large"}}
)
@area_scoped
def analytics(
    store: StoreDep,
    caller: Analyst,
    name: Annotated[Name, Path(description="the analysis")],
    under: Under,
    as_of: AsOf = None,
):
    """One analysis of the area's co-building network (escalation_flow: of its issues at `as_of`)."""
    area = resolve_area(store, under, labels=SCOPE_LABELS, field="under")
    check_within(store, caller, area.id, area.label.lower())
    return analyze(store, name, under=area.id, as_of=as_of_moment(as_of))
