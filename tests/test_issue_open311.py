"""Open311 GeoReport v2 read side: field names and types as the spec lists them."""

import re

import pytest

from tests.auth_helpers import bearer
from tests.issue_fixtures import load, tianma_client

W3C = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
STR, OPT_STR, OPT_NUM = (str,), (str, type(None)), (int, float, type(None))
SERVICE_FIELDS = {
    "service_code": STR,
    "service_name": STR,
    "description": STR,
    "metadata": (bool,),
    "type": STR,
    "keywords": STR,
    "group": STR,
}
REQUEST_FIELDS = {
    "service_request_id": STR,
    "status": STR,
    "status_notes": OPT_STR,
    "service_name": OPT_STR,
    "service_code": OPT_STR,
    "description": OPT_STR,
    "agency_responsible": OPT_STR,
    "service_notice": OPT_STR,
    "requested_datetime": STR,
    "updated_datetime": OPT_STR,
    "expected_datetime": OPT_STR,
    "address": OPT_STR,
    "address_id": OPT_STR,
    "zipcode": OPT_STR,
    "lat": OPT_NUM,
    "long": OPT_NUM,
    "media_url": OPT_STR,
}


def check_fields(obj: dict, spec: dict) -> None:
    assert set(obj) == set(spec), set(obj) ^ set(spec)
    for name, types in spec.items():
        assert isinstance(obj[name], types), (name, obj[name])


@pytest.fixture(scope="module")
def client(neo4j_server):
    with tianma_client() as c:
        from graph.core.store import get_store

        load(
            get_store(),
            [
                ("IssueCategory", {"id": "property", "name": "物业管理", "name_en": "property management"}),
                ("IssueCategory", {"id": "dispute", "name": "邻里纠纷", "name_en": "neighbour disputes"}),
            ],
            [],
        )
        director = bearer(get_store(), "coordinator", person="P-DIR")  # 天马社区居委会's director
        steps = {
            "I-1": (
                "property",
                [("accept", "community", "2024-05-01T12:00:00+08:00", "2024-05-08T18:00:00+08:00", "AO-RC")],
            ),
            "I-2": (
                "dispute",
                [
                    ("accept", "community", "2024-05-02T12:00:00+08:00", None, "AO-RC"),
                    ("resolve", "community", "2024-05-03T12:00:00+08:00", None, None),
                ],
            ),
            "I-3": (
                "property",
                [
                    (
                        "accept",
                        "community",
                        "2024-05-03T12:00:00+08:00",
                        "2024-05-09T00:00:00+08:00",
                        "AO-RC",
                    ),
                    ("escalate", "community", "2024-05-04T12:00:00+08:00", None, None),
                ],
            ),
        }
        for n, (iid, (category, rest)) in enumerate(steps.items()):
            r = c.post(
                "/api/v1/issues",
                json={
                    "id": iid,
                    "title": f"问题{iid}",
                    "category": category,
                    "channel": "platform",
                    "located_in_id": "MG1",
                    "level": "community",
                    "at": f"2024-05-0{n + 1}T10:00:00+08:00",
                },
            )
            assert r.status_code == 201, r.text
            for verb, level, at, due, by in rest:
                body = {"action": verb, "level": level, "at": at} | ({"due": due} if due else {})
                # AO-RC acts through its director's key: Open311 names the organization of the person acting.
                headers = director if by == "AO-RC" else None
                assert c.post(f"/api/v1/issues/{iid}/steps", json=body, headers=headers).status_code == 201
        yield c


def test_services_follow_the_spec(client):
    services = client.get("/open311/v2/services.json").json()
    for s in services:
        check_fields(s, SERVICE_FIELDS)
        assert s["type"] in ("realtime", "batch", "blackbox") and s["metadata"] is False
    assert {(s["service_code"], s["service_name"], s["group"]) for s in services} == {
        ("property", "物业管理", "新罗区住房和城乡建设局"),
        ("dispute", "邻里纠纷", "其他"),
    }


def test_requests_follow_the_spec_and_filter(client):
    window = {"start_date": "2024-04-01T00:00:00Z", "end_date": "2024-06-01T00:00:00Z"}
    got = client.get("/open311/v2/requests.json", params=window).json()
    for r in got:
        check_fields(r, REQUEST_FIELDS)
        assert r["status"] in ("open", "closed")
        for f in ("requested_datetime", "updated_datetime", "expected_datetime"):
            assert r[f] is None or W3C.match(r[f]), (f, r[f])
    assert [
        (
            r["service_request_id"],
            r["status"],
            r["agency_responsible"],
            r["expected_datetime"],
            r["updated_datetime"],
        )
        for r in got
    ] == [
        ("I-3", "open", None, None, "2024-05-04T12:00:00+08:00"),
        ("I-2", "closed", "天马社区居委会", None, "2024-05-03T12:00:00+08:00"),
        ("I-1", "open", "天马社区居委会", "2024-05-08T18:00:00+08:00", "2024-05-01T12:00:00+08:00"),
    ]
    one = got[-1]
    assert (
        one["service_name"],
        one["description"],
        one["address"],
        one["address_id"],
        one["requested_datetime"],
        one["status_notes"],
    ) == (
        "物业管理",
        "问题I-1",
        "新罗区 曹溪街道 天马社区 天马第一网格 天马第一网格1号微格",
        "MG1",
        "2024-05-01T10:00:00+08:00",
        "社区受理",  # Chinese first; English below, with Accept-Language
    )
    english = client.get("/open311/v2/requests.json", params=window, headers={"Accept-Language": "en-US,en"})
    assert english.json()[-1]["status_notes"] == "accepted at community"

    def ids(**kw):
        return [r["service_request_id"] for r in client.get("/open311/v2/requests.json", params=window | kw).json()]

    assert ids(status="open") == ["I-3", "I-1"]
    assert ids(status="closed") == ["I-2"]
    assert ids(service_code="dispute,property", status="open,closed") == ["I-3", "I-2", "I-1"]
    assert ids(start_date="2024-05-02", end_date="2024-05-02") == ["I-2"]
    # No dates: the 90 days that end on the data's last day (2024-05-08 here), not on today.
    assert [r["service_request_id"] for r in client.get("/open311/v2/requests.json").json()] == ["I-3", "I-2", "I-1"]
    assert [
        r["service_request_id"]
        for r in client.get("/open311/v2/requests.json", params={"service_request_id": "I-1,I-2"}).json()
    ] == ["I-2", "I-1"]


def test_one_request_is_a_one_element_list_and_errors_are_spec_shaped(client):
    one = client.get("/open311/v2/requests/I-2.json")
    assert one.status_code == 200 and [r["service_request_id"] for r in one.json()] == ["I-2"]
    check_fields(one.json()[0], REQUEST_FIELDS)
    missing = client.get("/open311/v2/requests/I-NOPE.json")
    assert missing.status_code == 404 and missing.json() == [
        {"code": 404, "description": "no service request with id 'I-NOPE'"}
    ]
    bad = client.get("/open311/v2/requests.json", params={"status": "pending"})
    assert bad.status_code == 400 and bad.json()[0]["code"] == 400 and "pending" in bad.json()[0]["description"]
    early = client.get("/open311/v2/requests.json", params={"end_date": "0001-01-01"})
    assert early.status_code == 200 and early.json() == []
