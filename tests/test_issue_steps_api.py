"""Recording the loop through the API: POST /api/v1/issues and POST /api/v1/issues/{id}/steps,
checked with the trail rules, one write transaction each, safe under concurrency."""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import httpx
import pytest

from graph.model.trail_rules import StepIn, check_trail, derive_state
from tests.auth_helpers import bearer
from tests.conftest import serve_app
from tests.issue_fixtures import tianma

NEW = {
    "id": "I-1",
    "title": "楼道堆物",
    "category": "property",
    "channel": "visit",
    "located_in_id": "G1",
    "level": "community",
    "at": "2024-05-01T10:00:00+08:00",
}


def trail_of(client, iid):
    r = client.get(f"/api/v1/issues/{iid}/trail")
    assert r.status_code == 200, r.text
    return r.json()


def coordinator(client, db) -> None:
    """The client acts with a coordinator's key naming grid worker P-GW1: steps are recorded under them."""
    client.headers.update(bearer(db, "coordinator", person="P-GW1"))


def test_filing_checks_its_references_and_ids(client, db):
    tianma(db)
    coordinator(client, db)
    for change, field in [
        ({"located_in_id": "NOPE"}, "located_in_id"),
        ({"by_id": "AO-RC"}, "by_id"),  # who files is the key's person, never a field of the request
        ({"meeting_id": "NOPE"}, "meeting_id"),
    ]:
        r = client.post("/api/v1/issues", json=NEW | change)
        assert r.status_code == 422 and field in r.json()["detail"], r.text
    bad = client.post("/api/v1/issues", json=NEW | {"level": "province"})
    assert bad.status_code == 422 and "level" in str(bad.json()["detail"])
    r = client.post("/api/v1/issues", json=NEW)
    assert r.status_code == 201
    assert r.json() == {
        "issue_id": "I-1",
        "status": "open",
        "level": "community",
        "last_seq": 1,
        "last_action": "filed",
        "last_at": "2024-05-01T10:00:00+08:00",
        "step_id": None,
    }
    again = client.post("/api/v1/issues", json=NEW)
    assert again.status_code == 409 and "already exists" in again.json()["detail"]
    auto = client.post("/api/v1/issues", json={k: v for k, v in NEW.items() if k != "id"})
    assert auto.status_code == 201 and auto.json()["issue_id"].startswith("I-")


def test_steps_move_the_issue_and_bad_steps_get_409_with_the_state(client, db):
    tianma(db)
    coordinator(client, db)
    client.post("/api/v1/issues", json=NEW)

    street = bearer(db, "coordinator", person="P-SO")  # the street office's director acts at street level

    def post(body, headers=None):
        return client.post("/api/v1/issues/I-1/steps", json=body, headers=headers)

    r = post({"action": "accept", "at": "2024-05-01T12:00:00+08:00", "due": "2024-05-03"})
    assert (r.status_code, r.json()["level"], r.json()["last_seq"]) == (201, "community", 2)
    twice = post({"action": "accept", "at": "2024-05-01T13:00:00+08:00"})
    assert twice.status_code == 409
    assert twice.json() == {
        "detail": "issue I-1: step 3: accepted at community again; step 2 already accepted it at community",
        "current": {
            "issue_id": "I-1",
            "status": "open",
            "level": "community",
            "last_seq": 2,
            "last_action": "accepted",
            "last_at": "2024-05-01T12:00:00+08:00",
            "step_id": None,
        },
    }
    stale = post({"action": "escalate", "expected_seq": 1})
    assert stale.status_code == 409 and "expected its last step to be 1, but it is 2" in stale.json()["detail"]
    assert (
        post({"action": "escalate", "at": "2024-05-02T10:00:00+08:00", "expected_seq": 2}).json()["level"] == "street"
    )
    early = post({"action": "accept", "at": "2024-05-01T09:00:00+08:00"})
    assert early.status_code == 409 and "earlier than the step before it" in early.json()["detail"]
    assert post({"action": "accept", "at": "2024-05-03T10:00:00+08:00"}, street).status_code == 201
    resolved = post({"action": "resolve", "at": "2024-05-04T10:00:00+08:00"}, street)
    assert (resolved.status_code, resolved.json()["status"], resolved.json()["level"]) == (
        201,
        "resolved",
        "street",
    )
    assert trail_of(client, "I-1")["issue"]["resolved_at"] == "2024-05-04T10:00:00+08:00"
    assert post({"action": "escalate"}).status_code == 409
    assert (
        post({"action": "reopen", "level": "community", "at": "2024-05-06T10:00:00+08:00"}).json()["status"] == "open"
    )
    t = trail_of(client, "I-1")
    assert (t["issue"]["status"], t["issue"]["level"], t["issue"]["resolved_at"]) == (
        "open",
        "community",
        None,
    )
    assert [(s["seq"], s["action"], s["level"], (s["by"] or {}).get("id")) for s in t["steps"]] == [
        (1, "filed", "community", "P-GW1"),
        (2, "accepted", "community", "P-GW1"),
        (3, "escalated", "community", "P-GW1"),
        (4, "accepted", "street", "P-SO"),
        (5, "resolved", "street", "P-SO"),
        (6, "reopened", "community", "P-GW1"),
    ]
    assert t["steps"][1]["due"] == "2024-05-03T00:00:00+08:00"  # a date without time: midnight Beijing time


def test_step_requests_are_checked_before_anything_is_written(client, db):
    tianma(db)
    coordinator(client, db)
    client.post("/api/v1/issues", json=NEW)
    assert client.post("/api/v1/issues/I-NOPE/steps", json={"action": "accept"}).status_code == 404
    assert client.post("/api/v1/issues/I-1/steps", json={"action": "approve"}).status_code == 422
    assert client.post("/api/v1/issues/I-1/steps", json={"action": "accept", "by_id": "AO-RC"}).status_code == 422
    due = client.post("/api/v1/issues/I-1/steps", json={"action": "escalate", "due": "2024-06-01"})
    assert due.status_code == 422 and "due" in due.json()["detail"]
    assert [s["seq"] for s in trail_of(client, "I-1")["steps"]] == [1]


@pytest.fixture()
def live_server(db):
    """The app on a real uvicorn server on a free loopback port, in a thread of this process."""
    from api.app import create_app

    with serve_app(create_app()) as url:
        yield url


def test_twenty_concurrent_steps_leave_one_valid_trail(live_server, db):
    tianma(db)
    base, key = live_server, bearer(db, "coordinator", person="P-GW1")
    filed = httpx.post(f"{base}/api/v1/issues", json=NEW | {"at": "2024-05-01T10:00:00+08:00"}, headers=key)
    assert filed.status_code == 201
    bodies = [
        [
            {"action": "escalate", "level": "community"},
            {"action": "accept", "level": "community", "due": "2030-01-01T00:00:00+08:00"},
            {"action": "accept", "level": "street"},
        ][i % 3]
        for i in range(20)
    ]
    start = threading.Barrier(20)

    def fire(body):
        with httpx.Client(timeout=60) as c:
            start.wait()
            r = c.post(f"{base}/api/v1/issues/I-1/steps", json=body, headers=key)
            return r.status_code, r.json()

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(fire, bodies))
    codes = Counter(code for code, _ in answers)
    assert set(codes) <= {201, 409}, answers
    assert all("current" in body and body["current"]["last_seq"] >= 1 for code, body in answers if code == 409)
    t = httpx.get(f"{base}/api/v1/issues/I-1/trail").json()
    steps = [
        StepIn(
            seq=s["seq"],
            action=s["action"],
            level=s["level"],
            at=datetime.fromisoformat(s["at"]),
            due=None,
            by_id=None,
        )
        for s in t["steps"]
    ]
    assert [s.seq for s in steps] == list(range(1, len(steps) + 1))
    assert check_trail(steps) == []
    assert len(steps) == 1 + codes[201]
    accepted = Counter(s.level for s in steps if s.action == "accepted")
    assert all(n == 1 for n in accepted.values()), accepted
    assert sum(1 for s in steps if s.action == "escalated") <= 1
    assert (t["issue"]["status"], t["issue"]["level"]) == derive_state(steps)  # the issue follows its trail


def test_a_step_dated_in_the_future_is_refused_and_the_issue_stays_usable(client, db):
    tianma(db)
    coordinator(client, db)
    assert client.post("/api/v1/issues", json=NEW).status_code == 201
    for at in ("9999-12-31T00:00:00+08:00", (datetime.now().astimezone() + timedelta(minutes=10)).isoformat()):
        r = client.post("/api/v1/issues/I-1/steps", json={"action": "accept", "at": at})
        assert r.status_code == 422 and r.json()["field"] == "at", r.text
    far = client.post("/api/v1/issues", json=NEW | {"id": "I-2", "at": "9999-12-31T00:00:00+08:00"})
    assert far.status_code == 422 and far.json()["field"] == "at"
    ok = client.post("/api/v1/issues/I-1/steps", json={"action": "accept", "at": "2024-05-01T12:00:00+08:00"})
    assert ok.status_code == 201 and ok.json()["last_seq"] == 2, ok.text
    assert [s["action"] for s in trail_of(client, "I-1")["steps"]] == ["filed", "accepted"]
