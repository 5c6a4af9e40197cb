"""One time zone, the project's (GRASSROOTS_TZ, Asia/Shanghai by default): a date given as `as_of`
means the end of that day there; a datetime written without an offset is read there; what comes
back carries the offset. At the day boundary, where reading the date in UTC would give another
answer (docs/model.md, "as_of")."""

from __future__ import annotations

import pytest

from graph.core.settings import get_settings
from tests.issue_fixtures import tianma_client

# Escalated at 01:00 Beijing time on 2 May, which is still 1 May in UTC.
FILED, ESCALATED = "2024-05-01T09:00:00", "2024-05-02T01:00:00"


@pytest.fixture(scope="module")
def late(neo4j_server):
    with tianma_client() as client:
        r = client.post(
            "/api/v1/issues",
            json={"id": "I-TZ", "title": "夜间施工", "category": "noise", "channel": "platform",
                  "located_in_id": "G1", "level": "community", "at": FILED},
        )  # fmt: skip
        assert r.status_code == 201, r.text
        r = client.post("/api/v1/issues/I-TZ/steps", json={"action": "escalate", "at": ESCALATED})
        assert r.status_code == 201, r.text
        yield client


def stalled(client, as_of: str) -> tuple[str, list[tuple[str, int]]]:
    r = client.get("/api/v1/issues/stalled", params={"between": "community-street", "as_of": as_of})
    assert r.status_code == 200, r.text
    return r.json()["as_of"], [(x["issue_id"], x["days_waited"]) for x in r.json()["items"]]


def test_a_time_without_an_offset_is_beijing_time(late):
    trail = late.get("/api/v1/issues/I-TZ/trail").json()
    assert [s["at"] for s in trail["steps"]] == ["2024-05-01T09:00:00+08:00", "2024-05-02T01:00:00+08:00"]


def test_a_date_is_the_end_of_that_day_in_beijing(late):
    # 2024-05-04 ends at 23:59:59+08:00: 2 days 22:59:59 after the escalation, not yet 3 days.
    # Read as 23:59:59 UTC (the old rule), it would be 3 days 6:59:59: stalled.
    assert stalled(late, "2024-05-04") == ("2024-05-04T23:59:59+08:00", [])
    assert stalled(late, "2024-05-05") == ("2024-05-05T23:59:59+08:00", [("I-TZ", 3)])
    # one second either side of exactly three days
    assert stalled(late, "2024-05-05T00:59:59")[1] == []
    assert stalled(late, "2024-05-05T01:00:00")[1] == [("I-TZ", 3)]
    assert stalled(late, "2024-05-04T17:00:00Z")[1] == [("I-TZ", 3)]  # the same instant, written in UTC


def test_the_time_zone_is_a_setting(late, monkeypatch):
    monkeypatch.setenv("GRASSROOTS_TZ", "UTC")
    get_settings.cache_clear()
    try:
        assert stalled(late, "2024-05-04") == ("2024-05-04T23:59:59Z", [("I-TZ", 3)])
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_a_bad_time_zone_is_refused(monkeypatch):
    monkeypatch.setenv("GRASSROOTS_TZ", "Mars/Olympus")
    get_settings.cache_clear()
    try:
        with pytest.raises(ValueError, match="Mars/Olympus"):
            get_settings()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
