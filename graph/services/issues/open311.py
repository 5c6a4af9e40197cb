"""Open311 GeoReport v2, read side: issue categories as services, issues as service requests.

Field names and formats follow the GeoReport v2 spec (wiki.open311.org/GeoReport_v2): datetimes
are W3C/ISO 8601 with their offset (in the project's time zone), `status` is `open` or `closed`,
every field of a request is present (null when we hold nothing for it). Texts people read
(`status_notes`, service names) follow the request's language, Chinese first.

Two choices the spec leaves open, documented in docs/issues.md:
- Without dates, the spec asks for "the most recent 90 days": the 90 days that end on the data's
  last day (query data_last_date), so that a graph of past years still answers.
- Paging: `page` (from 1) and `page_size` (at most 1,000); `page_info` says whether another page
  follows, which the router turns into a `Link: <...>; rel="next"` header.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from graph.catalogue import reads
from graph.catalogue.paging import check_page
from graph.core.errors import NotFound, ParamError
from graph.core.language import say
from graph.core.moments import as_of_moment, end_of_day, local, now
from graph.core.store import Store
from graph.model.vocabulary import display
from graph.services.gaps import data_last_date

# Our issue statuses as GeoReport's two.
TO_OPEN311 = {"open": "open", "resolved": "closed", "closed": "closed"}
FROM_OPEN311 = {"open": ["open"], "closed": ["resolved", "closed"]}
DEFAULT_WINDOW = timedelta(days=90)  # the spec: no dates means the most recent 90 days
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class PageInfo:
    page: int
    page_size: int
    has_next: bool


def w3c(value: datetime | None) -> str | None:
    """A datetime as W3C datetime with offset and whole seconds (2025-04-30T18:15:30+08:00)."""
    if value is None:
        return None
    return local(value).replace(microsecond=0).isoformat()


def _note(action: str | None, level: str | None) -> str | None:
    if not action:
        return None
    where = display("level", level)
    return say(f"{where}{display('action', action)}", f"{display('action', action)} at {where}")


def services(*, store: Store) -> list[dict]:
    out = []
    for r in reads.rows("open311_services", store=store):
        name = say(r["service_name"] or r["service_code"], r["name_en"] or r["service_name"] or r["service_code"])
        keywords = [k for k in (r["service_code"], r["name_en"], r["service_name"]) if k]
        out.append(
            {
                "service_code": r["service_code"],
                "service_name": name,
                "description": r["description"] or name,
                "metadata": False,
                "type": "realtime",
                "keywords": ",".join(keywords),
                "group": r["departments"][0] if r["departments"] else say("其他", "other"),
            }
        )
    return out


def service_definition(*, store: Store, service_code: str) -> dict:
    """GET services/{code}: no extra attributes to ask for (`metadata` is false for every service)."""
    if service_code not in {s["service_code"] for s in services(store=store)}:
        raise NotFound("service", service_code)
    return {"service_code": service_code, "attributes": []}


def _split(value: str | None) -> list[str] | None:
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None


def _request(r: dict) -> dict:
    return {
        "service_request_id": r["id"],
        "status": TO_OPEN311.get(r["status"], "open"),
        "status_notes": _note(r["last_action"], r["last_level"]),
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


def _window(store: Store, start_date: str | None, end_date: str | None) -> tuple[datetime, datetime]:
    end = as_of_moment(end_date, field="end_date") if end_date else None
    start = as_of_moment(start_date, field="start_date") if start_date else None
    if start is not None and start_date and len(start_date.strip()) == 10:  # a date: from that day's start
        start = local(datetime.combine(start.date(), time(0, 0)))
    if end is None:
        if start is not None:
            end = start + DEFAULT_WINDOW
        else:
            last = data_last_date(store)
            end = end_of_day(last) if last is not None else now()
    if start is None:  # the window before end, not reaching back before any data could be
        start = max(end - DEFAULT_WINDOW, EARLIEST) if end > EARLIEST else end
    if start > end:
        raise ParamError("start_date", "it is later than end_date")
    return start, end


def requests(
    *,
    store: Store,
    service_request_id: str | None = None,
    service_code: str | None = None,
    status: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    page: int = 1,
    page_size: int = 1000,
) -> tuple[list[dict], PageInfo]:
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
        start, end = _window(store, start_date, end_date)
    if page < 1:
        raise ParamError("page", f"{page} must be at least 1")
    check_page(limit=page_size, offset=0)
    offset = (page - 1) * page_size
    params = {"ids": ids, "statuses": statuses, "service_codes": _split(service_code), "start": start, "end": end,
              "limit": page_size + 1, "offset": offset}  # fmt: skip
    rows = reads.rows("open311_requests", params, store=store)
    info = PageInfo(page=page, page_size=page_size, has_next=len(rows) > page_size)
    return [_request(r) for r in rows[:page_size]], info


def request(*, store: Store, request_id: str) -> list[dict]:
    """A one-element list, as the spec answers GET requests/{id}."""
    found, _ = requests(store=store, service_request_id=request_id, page_size=1)
    if not found:
        raise NotFound("service request", request_id)
    return found
