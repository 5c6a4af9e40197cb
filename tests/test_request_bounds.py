"""Issue 11, the API surface: bodies, JSON content, offsets, concurrency, 503 wording and the load
marker in /health (api/limits.py, ingest/load_marker.py). One empty database, real HTTP through
the app."""

from __future__ import annotations

import asyncio
import json
import os
import socket

import httpx
import pytest

from api.limits import InFlight, RequestBounds
from graph.core.errors import GraphUnavailable
from graph.core.settings import get_settings
from graph.core.store import Store
from ingest.load_marker import loading, running_loads


def _cypher(client, raw: str):
    return client.post("/api/v1/cypher", content=raw, headers={"content-type": "application/json"})


@pytest.mark.parametrize(
    "raw, field",
    [
        ('{"query": "RETURN 1", "timeout": NaN}', "timeout"),
        ('{"query": "RETURN 1", "timeout": Infinity}', "timeout"),
        ('{"query": "RETURN $x", "parameters": {"x": 99999999999999999999999}}', "parameters.x"),
        ('{"query": "RETURN $x", "parameters": {"x": -9223372036854775809}}', "parameters.x"),
        ('{"query": "RETURN $x", "parameters": {"x": 1e400}}', "parameters.x"),
        ('{"query": "RETURN \\ud800"}', "query"),
        ('{"query": "RETURN 1", "parameters": {"\\udfff": 1}}', "parameters"),
    ],
)
def test_json_the_graph_cannot_hold_is_a_422_naming_the_field(client, raw, field):
    r = _cypher(client, raw)
    assert r.status_code == 422, r.text
    assert r.json()["field"] == field
    assert "99999999999999999999999" not in r.json()["detail"][len("parameter ") + 60 :]


def test_64_bit_edges_pass(client):
    r = _cypher(client, '{"query": "RETURN $x AS x", "parameters": {"x": 9223372036854775807}}')
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == [{"x": 9223372036854775807}]


def test_deep_nesting_is_refused(client):
    deep = "[" * 40 + "]" * 40
    r = _cypher(client, '{"query": "RETURN $x", "parameters": {"x": ' + deep + "}}")
    assert r.status_code == 422 and "nested deeper than 32" in r.json()["detail"]
    very = "[" * 100_000 + "]" * 100_000  # past Python's own recursion limit: still a 422, no 500
    r = _cypher(client, '{"query": "RETURN $x", "parameters": {"x": ' + very + "}}")
    assert r.status_code == 422


def test_a_body_past_the_limit_is_413_without_being_read(client):
    big = b'{"query": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    r = _cypher(client, big.decode())
    assert r.status_code == 413 and r.json()["field"] == "body"

    # chunked (no Content-Length): counted as it arrives, and the rest is never asked for
    async def run() -> tuple[int, int]:
        asked = 0

        async def receive():
            nonlocal asked
            asked += 1
            return {"type": "http.request", "body": b"x" * 65536, "more_body": True}  # endless

        sent: list[dict] = []

        async def send(m):
            sent.append(m)

        async def app(scope, receive, send):  # never reached
            raise AssertionError("the route must not run")

        scope = {"type": "http", "method": "POST", "path": "/api/v1/cypher", "headers": []}
        await RequestBounds(app)(scope, receive, send)
        return sent[0]["status"], asked

    status, asked = asyncio.run(run())
    assert status == 413 and asked == 17  # 16 chunks of 64 KiB fill 1 MiB; the 17th passes it


def test_a_422_never_echoes_large_input(client):
    r = client.get("/api/v1/search", params={"q": "x", "label": "y" * 20_000})
    assert r.status_code == 422
    assert len(r.text) < 1500


def test_offsets_have_a_documented_maximum(client):
    for path in ("/api/v1/issues/stalled", "/api/v1/issues/overdue", "/api/v1/gaps/compounds_unmanaged"):
        for offset in (2**31, 2**63, 2**64):
            r = client.get(path, params={"offset": offset})
            assert r.status_code == 422, (path, offset, r.text)
            assert r.json()["field"] == "offset"
        assert client.get(path, params={"offset": 10_000_000}).status_code == 200


def test_a_caller_past_its_in_flight_limit_gets_429_and_others_do_not(monkeypatch):
    monkeypatch.setenv("GRASSROOTS_INFLIGHT_PER_CLIENT", "2")
    monkeypatch.setenv("GRASSROOTS_INFLIGHT_WAIT_S", "0.1")
    get_settings.cache_clear()
    gate = asyncio.Event()

    async def slow(scope, receive, send):
        await gate.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    app = InFlight(slow)

    async def run():
        t = httpx.ASGITransport(app=app, client=("10.0.0.1", 1))
        other = httpx.ASGITransport(app=app, client=("10.0.0.2", 1))
        async with (
            httpx.AsyncClient(transport=t, base_url="http://x") as a,
            httpx.AsyncClient(transport=other, base_url="http://x") as b,
        ):
            held = [asyncio.create_task(a.get("/api/v1/areas")) for _ in range(2)]
            await asyncio.sleep(0.05)
            third = await a.get("/api/v1/areas")
            theirs = asyncio.create_task(b.get("/api/v1/areas"))
            await asyncio.sleep(0.05)
            gate.set()
            return third, [(await h).status_code for h in held], (await theirs).status_code

    try:
        third, held, theirs = asyncio.run(run())
    finally:
        get_settings.cache_clear()
    assert third.status_code == 429 and third.headers["retry-after"] == "1"
    assert held == [200, 200] and theirs == 200


def test_503_names_no_internal_address(client):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.deps import store_dep
    from tests.conftest import LOOPBACK

    port = 1  # nothing listens there
    dead = Store(uri=f"bolt://127.0.0.1:{port}", username="neo4j", password="x", database="neo4j", connection_timeout=1)
    app = create_app()
    app.dependency_overrides[store_dep] = lambda: dead
    try:
        with TestClient(app, client=LOOPBACK) as c:
            for path in ("/health", "/api/v1/communities/350802006002"):
                r = c.get(path)
                assert r.status_code == 503, r.text
                assert "127.0.0.1" not in r.text and ":1" not in r.text and "cannot be reached" in r.text
    finally:
        dead.close()
    with pytest.raises(GraphUnavailable) as err:  # the CLI and the log still say where
        Store(uri=f"bolt://127.0.0.1:{port}", username="n", password="x", database="neo4j").verify()
    assert "127.0.0.1:1" in str(err.value)


def test_health_shows_a_running_load_and_forgets_a_killed_ones(client, db):
    assert client.get("/health").json()["load"] == {"running": False, "started_at": None, "kind": None, "loads": []}
    with loading(db, "communities"):
        body = client.get("/health").json()["load"]
        assert body["running"] is True and body["kind"] == "communities"
        assert {(m["pid"], m["host"]) for m in body["loads"]} == {(os.getpid(), socket.gethostname())}
    assert client.get("/health").json()["load"]["running"] is False
    # a marker left by a load killed with -9: its pid is gone on this host
    folder = get_settings().grassroots_home / "loads"
    dead_pid = 2**22 + 12345  # above Linux's pid_max default range of live processes here
    stale = folder / f"{socket.gethostname()}-{dead_pid}.json"
    stale.write_text(
        json.dumps(
            {"kind": "people", "started_at": "2026-01-01T00:00:00+00:00", "pid": dead_pid,
             "host": socket.gethostname(), "target": f"{db.uri}/{db.database}"}
        )
    )  # fmt: skip
    assert running_loads(db) == [] and not stale.exists()


def test_cli_refuses_a_parameter_past_64_bits_in_one_line(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "NEO4J_URI": "bolt://127.0.0.1:1", "GRASSROOTS_LANG": "en", "GRASSROOTS_HOME": str(tmp_path)}
    res = subprocess.run(
        [sys.executable, "-m", "cli", "cypher", "RETURN $x", "-p", "x:=99999999999999999999999"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert res.returncode == 1 and "Traceback" not in res.stderr + res.stdout
    assert "outside the 64-bit integers" in res.stderr and res.stderr.strip().count("\n") == 0
