"""Every command works with a `neo4j://` URI (cluster routing, docs/scaling.md) against the local
server: the driver asks the server for a routing table and sends reads and writes by it. The
small world of tests/catalogue_world.py is loaded by the CLI through neo4j://, then read back by
the CLI and the API through the same URI. Expected answers as in tests/test_read_api.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from graph.core.store import reset_store
from tests import catalogue_world as w

ROOT = Path(__file__).resolve().parent.parent


def _routing_uri() -> str:
    return os.environ["NEO4J_URI"].replace("bolt://", "neo4j://", 1)


def _cli(uri: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEO4J_URI": uri, "GRASSROOTS_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_every_command_with_a_neo4j_uri(db, tmp_path, monkeypatch):
    uri = _routing_uri()
    assert uri.startswith("neo4j://127.0.0.1:")
    folder = w.write(tmp_path / "world")
    for args in (("schema", "apply"), ("ingest", str(folder))):
        done = _cli(uri, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    done = _cli(uri, "query", "grid_units", "-p", f"grid_id={w.G1}", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert {(r["unit_id"], r["via"]) for r in json.loads(done.stdout)} == {
        ("U1", "direct"),
        ("U1", "pairing"),
        ("U2", "pairing"),
    }
    done = _cli(uri, "query", "resolution_rate", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"resolved": 4, "in_grid_or_community": 2, "rate": 0.5}]
    for args in (
        ("stats",),
        ("schema", "show"),
        ("issues", "report", "--as-of", "2025-04-30", "--out", str(tmp_path / "ledger.xlsx")),
    ):
        done = _cli(uri, *args)
        assert done.returncode == 0, (args, done.stderr)
    done = _cli(uri, "cypher", "MATCH (c:Community) RETURN count(c) AS n", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"n": 4}]

    monkeypatch.setenv("NEO4J_URI", uri)  # the API on the routing URI
    reset_store()
    try:
        from api.app import create_app

        with TestClient(create_app(), client=("127.0.0.1", 50000)) as client:
            body = client.get("/api/v1/stats/resolution").json()
            assert (body["resolved"], body["in_grid_or_community"]) == (4, 2)
            units = client.get(f"/api/v1/grids/{w.G1}/units").json()["items"]
            assert {(u["unit_id"], u["via"]) for u in units} == {("U1", "direct"), ("U1", "pairing"), ("U2", "pairing")}
            assert client.get("/health").json()["neo4j"]["ok"] is True
    finally:
        monkeypatch.undo()
        reset_store()
