"""Open311 GeoReport v2, read side: issue categories as services, issues as service requests.

Field names and formats follow the GeoReport v2 spec (wiki.open311.org/GeoReport_v2): datetimes
are W3C/ISO 8601 with their offset, `status` is `open` or `closed`, every field of a request is
present (null when we hold nothing for it).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from graph.catalogue import reads
from graph.catalogue.paging import check_page
from graph.core.errors import NotFound, ParamError
from graph.core.moments import as_of_moment
from graph.core.store import Store

# Our issue statuses as GeoReport's two.
TO_OPEN311 = {"open": "open", "resolved": "closed", "closed": "closed"}
FROM_OPEN311 = {"open": ["open"], "closed": ["resolved", "closed"]}
DEFAULT_WINDOW = timedelta(days=90)  # the spec: no dates means the most recent 90 days
ACTION_NOTES = {
    "filed": "filed at {level}",
    "accepted": "accepted at {level}",
    "escalated": "escalated from {level}",
    "supervised": "supervision reminder at {level}",
    "resolved": "resolved at {level}",
    "closed": "closed at {level}",
    "reopened": "reopened at {level}",
}


def w3c(value) -> str | None:
    """A datetime as W3C datetime with offset and whole seconds (1994-11-05T08:15:30+08:00)."""
    v = value
    if v is None:
        return None
    if not isinstance(v, datetime):
        v = datetime.fromisoformat(str(v))
    if v.tzinfo is None:
        v = v.replace(tzinfo=UTC)
    return v.replace(microsecond=0).isoformat()


def services(*, store: Store) -> list[dict]:
    out = []
    for r in reads.rows("open311_services", store=store):
        keywords = [k for k in (r["service_code"], r["name_en"], r["service_name"]) if k]
        out.append(
            {
                "service_code": r["service_code"],
                "service_name": r["service_name"],
                "description": r["description"] or r["name_en"] or r["service_name"],
                "metadata": False,
                "type": "realtime",
                "keywords": ",".join(keywords),
                "group": r["departments"][0] if r["departments"] else "其他",
            }
        )
    return out


def _split(value: str | None) -> list[str] | None:
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None


def _request(r: dict) -> dict:
    note = ACTION_NOTES.get(r["last_action"] or "", "")
    return {
        "service_request_id": r["id"],
        "status": TO_OPEN311.get(r["status"], "open"),
        "status_notes": note.format(level=r["last_level"]) if note else None,
        "service_name": r["category_name"] or r["category"],
        "service_code": r["category"],
        "description": r["title"],
        "agency_responsible": r["handler"],
        "service_notice": None,
        "requested_datetime": w3c(r["reported_at"]),
        "updated_datetime": w3c(r["updated_at"]),
        "expected_datetime": w3c(r["due"]),
        "address": " ".join(r["areas"]) or None,
        "address_id": r["location_id"],
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def requests(
    *,
    store: Store,
    service_request_id: str | None = None,
    service_code: str | None = None,
    status: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[dict]:
    """Service requests filtered as GET requests.json; `service_request_id` overrides the rest."""
    ids = _split(service_request_id)
    statuses = None
    if status:
        unknown = [s for s in _split(status) or [] if s not in FROM_OPEN311]
        if unknown:
            raise ParamError("status", f"{', '.join(unknown)} is not open or closed")
        statuses = sorted({x for s in _split(status) or [] for x in FROM_OPEN311[s]})
    start = end = None
    if ids is None:
        end = as_of_moment(end_date, field="end_date") if end_date else None
        start = as_of_moment(start_date, field="start_date") if start_date else None
        if start is not None and start_date and len(start_date.strip()) == 10:  # a date: that day's start
            start = start.replace(hour=0, minute=0, second=0)
        if start is None and end is None:
            end = datetime.now(UTC).replace(microsecond=0)
            start = end - DEFAULT_WINDOW
        elif start is None and end is not None:
            # The spec's 90-day window before end_date, clamped at the earliest representable time.
            start = (
                end - DEFAULT_WINDOW
                if end - datetime.min.replace(tzinfo=end.tzinfo) > DEFAULT_WINDOW
                else datetime.min.replace(tzinfo=end.tzinfo)
            )
        if start is not None and end is not None and start > end:
            raise ParamError("start_date", "it is later than end_date")
    check_page(limit=limit, offset=offset)
    rows = reads.rows(
        "open311_requests",
        {
            "ids": ids,
            "statuses": statuses,
            "service_codes": _split(service_code),
            "start": start,
            "end": end,
            "limit": limit,
            "offset": offset,
        },
        store=store,
    )
    return [_request(r) for r in rows]


def request(*, store: Store, request_id: str) -> list[dict]:
    """A one-element list, as the spec answers GET requests/{id}."""
    rows = reads.rows(
        "open311_requests",
        {
            "ids": [request_id],
            "statuses": None,
            "service_codes": None,
            "start": None,
            "end": None,
            "limit": 1,
            "offset": 0,
        },
        store=store,
    )
    found = [_request(r) for r in rows]
    if not found:
        raise NotFound("service request", request_id)
    return found[:1]
