"""The test harness: one throwaway Neo4j per test session (free port, temporary folder), and a
clean database with the schema applied for every test that asks for `db`."""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

# Tests never touch a developer's home (keys, audit log, the key that seals work phones): one
# throwaway home per run, set before anything reads the settings. Keys are off unless a test turns
# them on (tests/auth_helpers.py); TestClients call from loopback (LOOPBACK), as `make demo` serves.
_HOME = tempfile.mkdtemp(prefix="grassroots-test-home-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["GRASSROOTS_HOME"] = _HOME
os.environ["GRASSROOTS_AUTH"] = "off"
os.environ.pop("GRASSROOTS_KEY", None)
LOOPBACK = ("127.0.0.1", 50000)

from graph.catalogue import reads  # noqa: E402
from graph.catalogue.schema import apply_schema, empty_database  # noqa: E402
from graph.core import local_neo4j  # noqa: E402
from graph.core.store import Store, get_store, reset_store  # noqa: E402

# One password for every throwaway server of this run, so NEO4J_PASSWORD fits them all (a command
# pointed at the xinluo server with NEO4J_URI logs in like one pointed at the empty one).
TEST_PASSWORD = secrets.token_urlsafe(18)


def start_test_server(home: Path) -> local_neo4j.LocalServer:
    """A throwaway neo4j-local on a free port that stops itself when this test run ends."""
    pw = local_neo4j.password_file(home)
    pw.parent.mkdir(parents=True, exist_ok=True)
    pw.write_text(TEST_PASSWORD + "\n")
    pw.chmod(0o600)
    return local_neo4j.start(
        home=home,
        port=local_neo4j.free_port(),
        heap="1g",
        pagecache_mb=256,
        tx_timeout_s=120,
        tx_memory_mb=256,
        tx_monitor_ms=10,  # tests of the 408 answers need a timeout enforced within milliseconds
        watch_pid=os.getpid(),
    )


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """Starts neo4j-local for this test run and stops it at the end. Sets NEO4J_URI for the code
    under test, so every Store the tests create points at it."""
    home = tmp_path_factory.mktemp("neo4j-home")
    server = start_test_server(home)
    saved = {k: os.environ.get(k) for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")}
    os.environ.update(
        NEO4J_URI=server.uri, NEO4J_USERNAME="neo4j", NEO4J_PASSWORD=TEST_PASSWORD, NEO4J_DATABASE="neo4j"
    )
    reset_store()
    yield server
    reset_store()
    local_neo4j.stop(home=home)
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture()
def db(neo4j_server) -> Store:
    """An empty database with the model's schema applied; the process's shared Store."""
    store = get_store()
    empty_database(store)
    apply_schema(store)
    return store


@pytest.fixture()
def client(db):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(), client=LOOPBACK) as c:
        yield c


def read_raw(store: Store, text: str, params: dict | None = None) -> list:
    """Test-only: runs an inline read in a READ transaction (project code reads cypher/ files)."""
    return store.read_tx(lambda tx: list(tx.run(text, params or {})))


def counts(store: Store) -> dict:
    """Node, relationship and property counts: the fingerprint tests compare before and after."""
    row = reads.read("admin/graph_counts", store=store).records[0]
    return row.data()


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def xinluo(tmp_path_factory, neo4j_server):
    """A second throwaway Neo4j holding the calibrated xinluo tier, loaded once per test run through
    the ordinary path (`ingest.demo.generate` writes the files, `ingest.pipeline.load` loads them).
    Read-only for tests: never write to it. Yields an object with `.store`, `.dir` (the files)."""
    from types import SimpleNamespace

    from ingest.demo import generate
    from ingest.pipeline import load

    home = tmp_path_factory.mktemp("neo4j-xinluo")
    server = start_test_server(home)
    store = Store(uri=server.uri, username="neo4j", password=server.password, database="neo4j")
    try:
        apply_schema(store)
        files = tmp_path_factory.mktemp("xinluo-files")
        generate(tier="xinluo", out=files, seed=7)
        report = load([files], store=store)
        assert report.rejected == 0, f"the xinluo tier must load cleanly: {report}"
        yield SimpleNamespace(store=store, dir=files, uri=server.uri)
    finally:
        store.close()
        local_neo4j.stop(home=home)


@pytest.fixture()
def xinluo_client(xinluo):
    """The API pointed at the xinluo server (routers take the store from `api.deps.StoreDep`)."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.deps import store_dep

    app = create_app()
    app.dependency_overrides[store_dep] = lambda: xinluo.store
    with TestClient(app, client=LOOPBACK) as c:
        yield c


@contextmanager
def serve_app(app, *, start_timeout: float = 30.0):
    """Serves `app` with a real uvicorn on a free loopback port, in a thread; yields the base URL."""
    import threading
    import time

    import uvicorn

    port = local_neo4j.free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
