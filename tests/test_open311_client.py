"""The unmodified `georeport` client from PyPI, against the API served by uvicorn over the xinluo
tier: services, requests within dates, one request, in JSON and in XML; paging a client can follow
(Link: rel="next"); errors in GeoReport's shape in both formats."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest
import xmltodict
from georeport import GeoReport

from tests.conftest import serve_app

START, END = "2025-04-01T00:00:00+08:00", "2025-04-30T23:59:59+08:00"


@pytest.fixture(scope="module")
def base(xinluo):
    from api.app import create_app
    from api.deps import store_dep

    app = create_app()
    app.dependency_overrides[store_dep] = lambda: xinluo.store
    with serve_app(app) as url:
        yield f"{url}/open311/v2"


def test_services_in_json_and_xml(base):
    as_json = GeoReport(base).get_service_list()
    as_xml = GeoReport(base, output_format="xml").get_service_list()
    assert len(as_json) == 16 and {s["service_code"] for s in as_json} == {s["service_code"] for s in as_xml}
    prop = next(s for s in as_json if s["service_code"] == "property")
    assert prop["service_name"] == "物业管理" and prop["metadata"] is False
    assert next(s for s in as_xml if s["service_code"] == "property")["metadata"] == "false"
    assert GeoReport(base).get_service_definition("property") == {"service_code": "property", "attributes": []}


def test_requests_within_dates_in_json_and_xml(base):
    as_json = GeoReport(base).get_service_requests(start_date=START, end_date=END)
    as_xml = GeoReport(base, output_format="xml").get_service_requests(start_date=START, end_date=END)
    assert len(as_json) > 10
    assert [r["service_request_id"] for r in as_json] == [r["service_request_id"] for r in as_xml]
    start, end = datetime.fromisoformat(START), datetime.fromisoformat(END)
    assert all(start <= datetime.fromisoformat(r["requested_datetime"]) <= end for r in as_json)
    assert all(r["requested_datetime"].endswith("+08:00") for r in as_json)
    assert {r["status"] for r in as_json} <= {"open", "closed"}


def test_one_request_in_json_and_xml(base):
    first = GeoReport(base).get_service_requests(start_date=START, end_date=END)[0]
    one = GeoReport(base).get_service_request(first["service_request_id"])
    assert one == first
    as_xml = GeoReport(base, output_format="xml").get_service_request(first["service_request_id"])
    assert as_xml["service_request_id"] == first["service_request_id"] and as_xml["status"] == first["status"]


def test_a_client_can_follow_the_pages(base):
    window = {"start_date": "2025-04-01", "end_date": "2025-04-30"}
    whole = httpx.get(f"{base}/requests.json", params=window, timeout=60)
    assert whole.status_code == 200 and 100 < len(whole.json()) < 1000 and "link" not in whole.headers
    ids, url, pages = [], f"{base}/requests.json?start_date=2025-04-01&end_date=2025-04-30&page_size=50", 0
    while url:
        page = httpx.get(url, timeout=60)
        ids += [r["service_request_id"] for r in page.json()]
        pages += 1
        link = page.headers.get("link")
        url = link.split(";")[0].strip("<>") if link else None
    assert ids == [r["service_request_id"] for r in whole.json()] and pages == -(-len(ids) // 50)


def test_errors_are_spec_shaped_in_both_formats(base):
    missing = httpx.get(f"{base}/requests/I-NOPE.xml", timeout=30)
    assert missing.status_code == 404
    assert xmltodict.parse(missing.content)["errors"]["error"] == {
        "code": "404",
        "description": "no service request with id 'I-NOPE'",
    }
    too_many = httpx.get(f"{base}/requests.json", params={"page_size": 5000}, timeout=30)
    assert too_many.status_code == 400 and too_many.json()[0]["code"] == 400
    assert "page_size" in too_many.json()[0]["description"]
    unknown = httpx.get(f"{base}/discovery.json", timeout=30)
    assert unknown.status_code == 404 and unknown.json()[0]["code"] == 404
