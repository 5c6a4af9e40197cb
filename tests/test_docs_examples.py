"""The docs' examples run: every `curl` line and every reading `grassroots` command in the shell
blocks of README.md and docs/*.md is run as written against the demo data (the xinluo tier behind
a real uvicorn, the CLI pointed at the same server), and must answer without an error and with
something in it. A doc that shows an id from a test fixture, an unencoded query string or a query
that answers nothing fails here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.auth_helpers import bearer
from tests.conftest import serve_app

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DEMO = "http://127.0.0.1:8000"
# Commands that only read (or write a file into the working folder); the rest change the database
# or the machine (ingest, keys, db, schema, demo-data) and are covered by their own tests.
READING = ("grassroots query", "grassroots cypher", "grassroots stats", "grassroots issues report", "grassroots audit")


def shell_lines(path: Path) -> list[str]:
    """The commands of a file's ```bash / ```sh blocks, `\\` continuations joined, comments cut."""
    lines, block, pending = [], False, ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        text = raw.strip()
        if text.startswith("```"):
            block = text in ("```bash", "```sh") if not block else False
            continue
        if not block:
            continue
        text = pending + text
        if text.endswith("\\"):
            pending = text[:-1] + " "
            continue
        pending = ""
        text = re.sub(r"\s+#\s.*$", "", text)  # a trailing comment (a '#' in a URL has no space before it)
        if text:
            lines.append(text)
    return lines


EXAMPLES = [
    pytest.param(line, id=f"{path.name}:{line[:60]}")
    for path in DOCS
    for line in shell_lines(path)
    if line.startswith("curl ") or (line.startswith(READING) and ">" not in line)
]


def test_the_docs_show_examples_to_run():
    kinds = {line.split()[0] for line in (p.values[0] for p in EXAMPLES)}
    assert kinds == {"curl", "grassroots"} and len(EXAMPLES) >= 15


@pytest.fixture(scope="module")
def demo(xinluo, tmp_path_factory):
    from api.app import create_app
    from api.deps import store_dep

    app = create_app()
    app.dependency_overrides[store_dep] = lambda: xinluo.store
    env = dict(os.environ, NEO4J_URI=xinluo.uri, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    env["ADMIN_KEY"] = bearer(xinluo.store, "admin")["Authorization"].removeprefix("Bearer ")
    env["ANALYST_KEY"] = bearer(xinluo.store, "analyst")["Authorization"].removeprefix("Bearer ")
    # The coordinator security.md names, having fetched its street's ledger (logged), so the audit
    # examples have rows.
    coordinator = bearer(xinluo.store, "coordinator", scope="曹溪街道", name="曹溪街道 协调员")
    with serve_app(app) as url:
        import httpx

        r = httpx.get(f"{url}/api/v1/issues/ledger", params={"as_of": "2025-04-30"}, headers=coordinator, timeout=60)
        assert r.status_code == 200, r.text
        yield url, env, tmp_path_factory.mktemp("docs-examples")


def _answer_has_rows(body: object) -> bool:
    if isinstance(body, dict):
        for key in ("items", "rows", "steps", "parties", "nodes", "hits", "by_street", "entries", "figures"):
            if key in body:
                return bool(body[key])
        return bool(body)
    return bool(body)


@pytest.mark.parametrize("line", EXAMPLES)
def test_a_docs_example_answers(demo, line):
    url, env, cwd = demo
    if line.startswith("curl "):
        command = "curl -sS --fail-with-body " + line.removeprefix("curl ").replace(DEMO, url)
    else:
        command = line
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{line}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    if line.startswith("curl "):
        body = json.loads(done.stdout)
        assert _answer_has_rows(body), f"{line} answered nothing: {done.stdout[:500]}"
    elif "--out" not in line:
        out = done.stdout
        assert out.strip(), f"{line} printed nothing"
        assert not re.search(r"(^|\D)0 (行|rows?)\b", out), f"{line} answered no rows:\n{out[-1500:]}"
