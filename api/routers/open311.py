"""Open311 GeoReport v2, read side (wiki.open311.org/GeoReport_v2): /open311/v2/services.json,
/open311/v2/requests.json and /open311/v2/requests/{id}.json. Errors come as the spec has them:
a list of {code, description}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from api.deps import Limit, Offset, StoreDep
from api.responses import Responses
from graph.catalogue.paging import PAGE_SIZE_MAX
from graph.services.issues import open311

router = APIRouter(prefix="/open311/v2", tags=["open311"])


class Service(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool = Field(description="always false: no extra attributes to ask for")
    type: str = Field(description="realtime")
    keywords: str = Field(description="comma-separated")
    group: str = Field(description="the district department answering for it")


class ServiceRequest(BaseModel):
    service_request_id: str
    status: str = Field(description="open or closed")
    status_notes: str | None
    service_name: str | None
    service_code: str | None
    description: str | None
    agency_responsible: str | None = Field(description="the current handler (who accepted it at its level)")
    service_notice: str | None
    requested_datetime: str | None
    updated_datetime: str | None
    expected_datetime: str | None = Field(description="the current handler's due time")
    address: str | None = Field(description="the area names, district first")
    address_id: str | None = Field(description="the Grid, MicroGrid or Community id")
    zipcode: str | None
    lat: float | None
    long: float | None
    media_url: str | None


class Open311Error(BaseModel):
    code: int
    description: str


_ERRORS: Responses = {400: {"model": list[Open311Error]}, 404: {"model": list[Open311Error]}}


@router.get("/services.json", response_model=list[Service])
def services(
    store: StoreDep,
    jurisdiction_id: Annotated[str | None, Query(description="ignored: one jurisdiction")] = None,
):
    """The issue categories as services."""
    return open311.services(store=store)


@router.get("/requests.json", response_model=list[ServiceRequest], responses=_ERRORS)
def requests(
    store: StoreDep,
    service_request_id: Annotated[
        str | None, Query(description="comma-separated ids; overrides the other filters")
    ] = None,
    service_code: Annotated[str | None, Query(description="comma-separated service codes")] = None,
    start_date: Annotated[str | None, Query(description="earliest requested_datetime (W3C)")] = None,
    end_date: Annotated[str | None, Query(description="latest requested_datetime (W3C)")] = None,
    status: Annotated[str | None, Query(description="open, closed or both comma-separated")] = None,
    jurisdiction_id: Annotated[str | None, Query(description="ignored")] = None,
    limit: Limit = PAGE_SIZE_MAX,
    offset: Offset = 0,
):
    """Service requests, newest first. Without dates: the most recent 90 days, as the spec says."""
    return open311.requests(
        store=store,
        service_request_id=service_request_id,
        service_code=service_code,
        status=status,
        start_date=start_date,
        end_date=end_date,
        limit=limit,
        offset=offset,
    )


@router.get("/requests/{request_id}.json", response_model=list[ServiceRequest], responses=_ERRORS)
def request(
    store: StoreDep,
    request_id: Annotated[str, Path(description="the issue's id")],
    jurisdiction_id: Annotated[str | None, Query(description="ignored")] = None,
):
    """One service request, as a one-element list."""
    return open311.request(store=store, request_id=request_id)
