"""The foundation: schema, the local Neo4j's life cycle, /health, and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import store_dep
from graph.catalogue.schema import apply_schema, schema_state
from graph.core import local_neo4j
from graph.core.errors import GraphUnavailable
from graph.core.store import Store
from tests.conftest import LOOPBACK, read_raw

ROOT = Path(__file__).resolve().parent.parent  # the repository

MODEL_LABELS = {
    "District",
    "Street",
    "Community",
    "Grid",
    "MicroGrid",
    "Compound",
    "Building",
    "PartyOrg",
    "AdminOrg",
    "Unit",
    "Department",
    "PropertyCompany",
    "OwnersCommittee",
    "PropertyMgmtCommittee",
    "Person",
    "Meeting",
    "Task",
    "Project",
    "Funding",
    "Activity",
    "Issue",
    "Step",
    "Evaluation",
    "Award",
    "PointCategory",
    "PointItem",
}
RANGE_INDEXES = {
    ("Issue", "status"),
    ("Issue", "level"),
    ("Step", "action"),
    ("Step", "at"),
    ("Meeting", "date"),
    ("Funding", "year"),
}


def _fingerprint(store: Store) -> set[tuple]:
    return {
        (r["kind"], r["name"], r["type"], tuple(r["labels"] or ()), tuple(r["properties"] or ()), r["state"])
        for r in schema_state(store)
    }


def test_schema_apply_is_idempotent_and_complete(db):
    first = _fingerprint(db)
    apply_schema(db)
    assert _fingerprint(db) == first
    unique_id = {labels[0] for kind, _, _, labels, props, _ in first if kind == "constraint" and props == ("id",)}
    assert MODEL_LABELS <= unique_id
    ranges = {(labels[0], props[0]) for kind, _, typ, labels, props, _ in first if kind == "index" and typ == "RANGE"}
    assert RANGE_INDEXES <= ranges
    fulltext = [(labels, props) for kind, name, typ, labels, props, _ in first if typ == "FULLTEXT"]
    assert len(fulltext) == 1 and set(fulltext[0][1]) == {"name", "title"} and MODEL_LABELS <= set(fulltext[0][0])
    assert all(state == "ONLINE" for *_, state in first)


def test_fulltext_uses_cjk(db):
    analyzers = {
        r["analyzer"]
        for r in read_raw(db, "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer")
    }
    assert "cjk" in analyzers
    config = read_raw(db, "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options")
    assert [(r["name"], r["options"]["indexConfig"]["fulltext.analyzer"]) for r in config] == [("name_search", "cjk")]


def test_health_ok(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["neo4j"]["ok"] is True
    assert body["neo4j"]["version"].startswith("5.26.")


def _cli(*args: str, home: Path, port: int | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    # The language is the default (Chinese) unless a test asks for GRASSROOTS_LANG=en.
    e = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_") and k != "GRASSROOTS_LANG"}
    e.update(GRASSROOTS_HOME=str(home), GRASSROOTS_NEO4J_HEAP="512m", GRASSROOTS_NEO4J_PAGECACHE_MB="64")
    if port:
        e["GRASSROOTS_NEO4J_PORT"] = str(port)
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, env=e, capture_output=True, text=True, timeout=300
    )


def _password(home: Path) -> str:
    return local_neo4j.password_file(home).read_text(encoding="utf-8").strip()


def _our_java_processes(home: Path) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if local_neo4j.MAIN_CLASS in cmd and str(home) in cmd:
                pids.append(int(proc.name))
    return pids


@pytest.mark.usefixtures("neo4j_server")  # the jars are built by then
def test_db_lifecycle_keeps_data_and_refuses_a_second_start(tmp_path):
    home, port = tmp_path / "home", local_neo4j.free_port()
    started = _cli("db", "start", home=home, port=port)
    assert started.returncode == 0, started.stderr
    assert f"Neo4j 已在 bolt://127.0.0.1:{port} 运行" in started.stdout
    try:
        again = _cli("db", "start", home=home, port=port)
        assert again.returncode == 1
        assert again.stderr.strip().count("\n") == 0 and "already running" in again.stderr
        assert again.stderr.startswith("错误：")

        # auth is on: the generated password, readable by the owner only, is the one way in
        pw = local_neo4j.password_file(home)
        assert pw.stat().st_mode & 0o777 == 0o600
        for wrong in ("", "not-the-password"):
            with pytest.raises(GraphUnavailable, match="Unauthorized|authentication"):
                Store(uri=f"bolt://127.0.0.1:{port}", username="neo4j", password=wrong, database="neo4j").read_tx(
                    lambda tx: tx.run("RETURN 1").consume()
                )
        store = Store(uri=f"bolt://127.0.0.1:{port}", username="neo4j", password=_password(home), database="neo4j")
        store.write_tx(lambda tx: tx.run("CREATE (:District {id: 'T1', name: '测试区'})").consume())
        store.close()
        status = _cli("db", "status", home=home, port=port)
        assert status.returncode == 0 and "Neo4j 5.26." in status.stdout and "数据库 neo4j：1 个节点" in status.stdout
        english = _cli("db", "status", home=home, port=port, env={"GRASSROOTS_LANG": "en"})
        assert (
            english.returncode == 0 and "Neo4j 5.26." in english.stdout and "database neo4j: 1 nodes" in english.stdout
        )

        stopped = _cli("db", "stop", home=home)
        assert stopped.returncode == 0 and f"已停止 bolt://127.0.0.1:{port} 上的 Neo4j" in stopped.stdout
        assert _our_java_processes(home) == []
        assert _cli("db", "start", home=home, port=port).returncode == 0
        store = Store(uri=f"bolt://127.0.0.1:{port}", username="neo4j", password=_password(home), database="neo4j")
        rows = store.read_tx(lambda tx: list(tx.run("MATCH (d:District) RETURN d.id AS id, d.name AS name")))
        store.close()
        assert [(r["id"], r["name"]) for r in rows] == [("T1", "测试区")]
    finally:
        _cli("db", "stop", home=home)
    assert _our_java_processes(home) == []
    assert _cli("db", "stop", home=home).stdout.strip() == "Neo4j 未在运行。"
    assert _cli("db", "stop", home=home, env={"GRASSROOTS_LANG": "en"}).stdout.strip() == "Neo4j is not running."


def test_stale_pid_file_and_taken_port(tmp_path, neo4j_server):
    home = tmp_path / "home"
    home.mkdir()
    (home / "neo4j-local.json").write_text('{"pid": 999999, "port": 1, "uri": "bolt://127.0.0.1:1", "data_dir": "x"}')
    status = _cli("db", "status", home=home)
    assert status.returncode == 3 and "Neo4j 未在运行" in status.stdout and "grassroots db start" in status.stdout
    assert not (home / "neo4j-local.json").exists()
    taken = _cli("db", "start", home=home, port=neo4j_server.port)
    assert taken.returncode == 1 and f"port {neo4j_server.port}" in taken.stderr and "--port" in taken.stderr
    assert "Traceback" not in taken.stderr and taken.stderr.strip().count("\n") == 0


@pytest.mark.parametrize("lang, prefix", [("zh", "错误："), ("en", "error: ")])
def test_unreachable_uri_is_one_line(tmp_path, lang, prefix):
    port = local_neo4j.free_port()
    res = _cli("db", "status", home=tmp_path, env={"NEO4J_URI": f"bolt://127.0.0.1:{port}", "GRASSROOTS_LANG": lang})
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert res.stderr.strip().count("\n") == 0 and "unavailable" in res.stderr
    assert res.stderr.startswith(prefix)


@pytest.mark.parametrize(
    "lang, stopped, not_running",
    [
        ("zh", "Neo4j 未在运行。", "Neo4j 未在运行：用 `grassroots db start` 启动。"),
        ("en", "Neo4j is not running.", "Neo4j is not running: `grassroots db start` starts it."),
    ],
)
def test_db_stop_and_status_when_nothing_runs(tmp_path, lang, stopped, not_running):
    assert _cli("db", "stop", home=tmp_path, env={"GRASSROOTS_LANG": lang}).stdout.strip() == stopped
    status = _cli("db", "status", home=tmp_path, env={"GRASSROOTS_LANG": lang})
    assert (status.returncode, status.stdout.strip()) == (3, not_running)


def test_health_503_while_neo4j_is_down_then_ok(tmp_path, neo4j_server):
    home, port = tmp_path / "home", local_neo4j.free_port()
    local_neo4j.start(home=home, port=port, heap="512m", pagecache_mb=64)
    store = Store(uri=f"bolt://127.0.0.1:{port}", username="neo4j", password=_password(home), database="neo4j")
    app = create_app()
    app.dependency_overrides[store_dep] = lambda: store
    try:
        with TestClient(app, client=LOOPBACK) as client:
            assert client.get("/health").json()["status"] == "ok"
            local_neo4j.stop(home=home)
            down = client.get("/health")
            assert down.status_code == 503
            assert down.json()["status"] == "unavailable" and "unavailable" in down.json()["detail"]
            local_neo4j.start(home=home, port=port, heap="512m", pagecache_mb=64)
            up = client.get("/health")
            assert up.status_code == 200 and up.json()["neo4j"]["version"].startswith("5.26.")
    finally:
        store.close()
        local_neo4j.stop(home=home)


@pytest.mark.usefixtures("neo4j_server")
def test_no_java_is_one_line(tmp_path):
    res = _cli(
        "db",
        "start",
        home=tmp_path,
        port=local_neo4j.free_port(),
        env={"PATH": str(tmp_path), "JAVA_HOME": ""},
    )
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.strip().count("\n") == 0 and "Java is not on PATH" in res.stderr


@pytest.mark.usefixtures("neo4j_server")
def test_server_of_a_killed_test_run_stops_itself(tmp_path):
    home, port = tmp_path / "home", local_neo4j.free_port()
    runner = subprocess.Popen(["sleep", "600"])
    local_neo4j.start(home=home, port=port, heap="512m", pagecache_mb=64, watch_pid=runner.pid)
    assert _our_java_processes(home)
    runner.kill()
    runner.wait()
    for _ in range(300):
        if not _our_java_processes(home):
            break
        time.sleep(0.1)
    assert _our_java_processes(home) == [] and not local_neo4j.port_in_use(port)
