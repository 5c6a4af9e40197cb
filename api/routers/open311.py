"""Open311 GeoReport v2, read side (wiki.open311.org/GeoReport_v2), in JSON and XML:
/open311/v2/services.{json|xml}, services/{code}.{json|xml}, requests.{json|xml} and
requests/{id}.{json|xml}. Errors come as the spec has them (a list of {code, description}, or
`<errors>` in XML: api/errors.py). Paging: `page` and `page_size`, with a `Link` header to the
next page when there is one."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api import georeport_xml
from api.deps import StoreDep
from api.redacted import RedactedJSON
from api.responses import Responses
from graph.catalogue.paging import PAGE_SIZE_MAX
from graph.core.errors import NotFound
from graph.core.privacy import redact
from graph.services.issues import open311

router = APIRouter(prefix="/open311/v2", tags=["open311"])

Format = Literal["json", "xml"]
FormatPath = Annotated[Format, Path(description="json or xml")]
Jurisdiction = Annotated[str | None, Query(description="ignored: one jurisdiction")]


class Service(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool = Field(description="always false: no extra attributes to ask for")
    type: str = Field(description="realtime")
    keywords: str = Field(description="comma-separated")
    group: str = Field(description="the district department answering for it")


class ServiceDefinition(BaseModel):
    service_code: str
    attributes: list[dict[str, Any]] = Field(description="always empty: no extra attributes")


class ServiceRequest(BaseModel):
    service_request_id: str
    status: str = Field(description="open or closed")
    status_notes: str | None = Field(
        description="where the issue is now, e.g. 街道受理 (Accept-Language: en for English)"
    )
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


_XML: dict[str, Any] = {"content": {georeport_xml.MEDIA_TYPE: {}}}
# GeoReport's error list, as JSON or (for .xml) XML, for every status the endpoints can answer.
_ERRORS: Responses = {
    status: {"model": list[Open311Error], "description": description, **_XML}
    for status, description in (
        (400, "an invalid parameter"),
        (401, "no key, or an unknown or revoked one"),
        (403, "the key's role or area does not allow this"),
        (404, "the id names nothing"),
        (413, "the body is too large"),
        (429, "too many requests at once from this caller"),
        (503, "Neo4j cannot be reached"),
    )
}


def _answer(fmt: Format, root: str, item: str, items: list[dict], headers: dict[str, str] | None = None) -> Response:
    items = redact(items)  # descriptions and notes may hold a phone number typed in
    if fmt == "xml":
        return georeport_xml.response(georeport_xml.document(root, item, items), headers=headers)
    return RedactedJSON(items, headers=headers)


@router.get("/services.{fmt}", response_model=list[Service], responses={200: _XML, **_ERRORS})
def services(store: StoreDep, fmt: FormatPath, jurisdiction_id: Jurisdiction = None):
    """The issue categories as services."""
    return _answer(fmt, "services", "service", open311.services(store=store))


@router.get("/services/{service_code}.{fmt}", response_model=ServiceDefinition, responses={200: _XML, **_ERRORS})
def service_definition(
    store: StoreDep,
    service_code: Annotated[str, Path(description="a service code")],
    fmt: FormatPath,
    jurisdiction_id: Jurisdiction = None,
):
    """A service's definition: no extra attributes (every service has `metadata` false)."""
    definition = open311.service_definition(store=store, service_code=service_code)
    if fmt == "xml":
        return georeport_xml.response(georeport_xml.record("service_definition", definition))
    return RedactedJSON(definition)


@router.get("/requests.{fmt}", response_model=list[ServiceRequest], responses={200: _XML, **_ERRORS})
def requests(
    request: Request,
    store: StoreDep,
    fmt: FormatPath,
    service_request_id: Annotated[
        str | None, Query(description="comma-separated ids; overrides the other filters")
    ] = None,
    service_code: Annotated[str | None, Query(description="comma-separated service codes")] = None,
    start_date: Annotated[str | None, Query(description="earliest requested_datetime (W3C); a date: that day")] = None,
    end_date: Annotated[str | None, Query(description="latest requested_datetime (W3C); a date: that day")] = None,
    status: Annotated[str | None, Query(description="open, closed or both comma-separated")] = None,
    jurisdiction_id: Jurisdiction = None,
    page: Annotated[int, Query(ge=1, le=10**9, description="page number, from 1")] = 1,
    page_size: Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX, description="requests per page")] = PAGE_SIZE_MAX,
):
    """Service requests, newest first. Without dates: the 90 days that end on the data's last day
    (the spec's "most recent 90 days"). A `Link: <...>; rel="next"` header points at the next page."""
    items, info = open311.requests(store=store, service_request_id=service_request_id, service_code=service_code,
                                   status=status, start_date=start_date, end_date=end_date, page=page,
                                   page_size=page_size)  # fmt: skip
    headers = {}
    if info.has_next:
        nxt = request.url.include_query_params(page=info.page + 1, page_size=info.page_size)
        headers["Link"] = f'<{nxt}>; rel="next"'
    return _answer(fmt, "service_requests", "request", items, headers)


@router.get("/requests/{request_id}.{fmt}", response_model=list[ServiceRequest], responses={200: _XML, **_ERRORS})
def one_request(
    store: StoreDep,
    request_id: Annotated[str, Path(description="the issue's id")],
    fmt: FormatPath,
    jurisdiction_id: Jurisdiction = None,
):
    """One service request, as a one-element list."""
    return _answer(fmt, "service_requests", "request", open311.request(store=store, request_id=request_id))


@router.get("/{rest:path}", include_in_schema=False)
def unknown(rest: str):
    raise NotFound("Open311 resource", rest)
