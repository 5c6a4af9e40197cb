"""The wheel works on its own: `pip install` of the built wheel (not editable) into a fresh
virtualenv gives a `grassroots` that lists the catalogue and serves the API and the page from a
folder that is not the checkout. Also: pyproject.toml lists every package of the tree."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import httpx
import pytest

from graph.core import local_neo4j

ROOT = Path(__file__).resolve().parent.parent  # the repository
CODE = ("graph", "ingest", "api", "cli")
DATA = {"grassroots_cypher": "cypher", "grassroots_web": "web", "grassroots_neo4j_local": "neo4j-local"}


def test_pyproject_lists_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT).parts) for top in CODE for p in (ROOT / top).rglob("__init__.py")}
    assert set(config["packages"]) == found | set(DATA)
    assert config["package-dir"] == DATA


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (path,) = out.glob("grassroots_graph-*.whl")
    return path


def test_the_wheel_holds_the_statements_and_the_page_and_no_tests(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    queries = sorted(p.name for p in (ROOT / "cypher" / "queries").glob("*.cypher"))
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("grassroots_cypher/queries/")) == queries
    assert "grassroots_web/index.html" in names and "graph/model/vocabulary.json" in names
    assert "grassroots_neo4j_local/pom.xml" in names
    assert "ingest/data/divisions/fujian.csv.gz" in names
    assert not [n for n in names if n.startswith("tests/")]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel (and its dependencies from PyPI) installed; its bin/."""
    env_dir = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, timeout=120)
    done = subprocess.run(
        [str(env_dir / "bin" / "pip"), "install", "-q", str(wheel)], capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return env_dir / "bin"


def _env(neo4j_server) -> dict[str, str]:
    # Nothing of the checkout on the path: the installed package must find its own files.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": neo4j_server.password}


def test_installed_grassroots_lists_the_catalogue(installed, neo4j_server, tmp_path):
    done = subprocess.run(
        [str(installed / "grassroots"), "query", "--list", "--format", "json"],
        cwd=tmp_path,
        env=_env(neo4j_server),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "grid_units" in done.stdout and "issues_stalled" in done.stdout
    where = subprocess.run(
        [str(installed / "python"), "-c", "import graph; print(graph.__file__)"],
        cwd=tmp_path,
        env=_env(neo4j_server),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "site-packages" in where.stdout and str(ROOT) not in where.stdout


def test_installed_grassroots_serves_health_and_the_page(installed, neo4j_server, tmp_path):
    port = local_neo4j.free_port()
    server = subprocess.Popen(
        [str(installed / "grassroots"), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=_env(neo4j_server),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{base}/health", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "the installed API did not start"
                time.sleep(0.3)
        assert health.status_code == 200 and health.json()["status"] == "ok", health.text
        assert health.json()["neo4j"]["version"].startswith("5.26")
        page = httpx.get(f"{base}/", timeout=5)
        assert page.status_code == 200 and "<html" in page.text.lower()
        assert httpx.get(f"{base}/api/v1/queries", timeout=10).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
