"""Every read goes through the catalogue's one read path, so the issue endpoints and the stats
answer 408 when their query runs past the timeout, exactly like a catalogue query. On the xinluo
tier with a 1 ms limit (the test server checks timeouts every 10 ms: tests/conftest.py)."""

from __future__ import annotations

import pytest

from graph.core.settings import get_settings

ENDPOINTS = [
    "/api/v1/issues/stalled?between=community-street&as_of=2025-04-30",
    "/api/v1/issues/overdue?as_of=2025-04-30",
    "/api/v1/issues/stalled/summary?as_of=2025-04-30",
    "/api/v1/stats/overview",
    "/api/v1/stats/resolution",
]


@pytest.fixture()
def one_millisecond(monkeypatch):
    monkeypatch.setenv("GRASSROOTS_QUERY_TIMEOUT_S", "0.001")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.mark.parametrize("url", ENDPOINTS)
def test_a_query_past_the_timeout_answers_408(xinluo_client, one_millisecond, url):
    r = xinluo_client.get(url)
    assert r.status_code == 408, r.text
    assert "ran longer than the 0.001 s limit and was stopped" in r.json()["detail"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_the_same_queries_answer_within_the_usual_limit(xinluo_client, url):
    assert xinluo_client.get(url).status_code == 200
