"""The query catalogue: every cypher/queries/*.cypher file (other engineers' included) has a header
that parses, declares exactly the `$parameters` it uses, and is accepted by EXPLAIN; parameters are
validated before Neo4j sees them; GET /queries and docs/queries.md follow the headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.catalogue import docs as catalogue_docs
from graph.catalogue import statements as catalogue
from graph.catalogue.header import HeaderError, parse_header
from graph.core.errors import ParamError
from graph.core.resources import cypher_dir
from tests.conftest import LOOPBACK

ROOT = Path(__file__).resolve().parent.parent  # the repository

FILES = sorted((cypher_dir() / "queries").glob("*.cypher"))


def test_the_catalogue_is_not_empty():
    assert len(FILES) >= 15


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_header_parses_and_params_match(path: Path):
    q = catalogue.parse(path.read_text(encoding="utf-8"), path)
    assert q.name == path.stem and q.description and q.returns
    declared = {p.name for p in q.params}
    used = catalogue.used_params(q.text)
    assert used - declared == set(), f"{path.name} uses undeclared parameters"
    assert declared - used == set(), f"{path.name} declares parameters it never uses"


def test_every_query_is_accepted_by_explain(db):
    def plan(text: str, params: dict):
        # EXPLAIN plans without running; parameters only need to exist.
        return db.read_tx(lambda tx: tx.run("EXPLAIN " + text, params).consume().query_type)

    types = {q.name: plan(q.text, {p.name: None for p in q.params}) for q in catalogue.catalogue().values()}
    assert set(types) == {p.stem for p in FILES}
    assert {n: t for n, t in types.items() if t != "r"} == {}, "catalogue queries must be read-only"


HEADER = """// name: demo
// description: A demo query, with a description
// that goes on.
// param: grid_id: string -- the grid
// param: n: integer = 3 -- how many
// param: at: datetime|date|string = now -- when
// param: kinds: list of strings = ['a', 'b'] -- kinds
// param: flag: bool = false -- a flag
// A note for the docs.
// returns: a (string), b (map: x, y), c (list<map>: id, name)
RETURN $grid_id, $n, $at, $kinds, $flag
"""


def test_header_format():
    h = parse_header(HEADER, Path("demo.cypher"))
    assert h.description == "A demo query, with a description that goes on."
    assert [(p.name, p.type, p.required, None if p.required else p.default) for p in h.params] == [
        ("grid_id", "string", True, None),
        ("n", "int", False, 3),
        ("at", "datetime|date|string", False, None),
        ("kinds", "list<string>", False, ["a", "b"]),
        ("flag", "bool", False, False),
    ]
    assert [(c.name, c.type) for c in h.returns] == [
        ("a", "string"),
        ("b", "map: x, y"),
        ("c", "list<map>: id, name"),
    ]
    assert h.notes == ("A note for the docs.",)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("// description: x\n// returns: a (int)\nRETURN 1", "no `// name:` line"),
        ("// name: other\n// description: x\n// returns: a (int)\nRETURN 1", "differs from the file name"),
        ("// name: demo\n// returns: a (int)\nRETURN 1", "no `// description:` line"),
        ("// name: demo\n// description: x\nRETURN 1", "no `// returns:` line"),
        (
            "// name: demo\n// description: x\n// param: a: money\n// returns: a (int)\nRETURN $a",
            "cannot read the parameter",
        ),
        (
            "// name: demo\n// description: x\n// param: a: int = many\n// returns: a (int)\nRETURN $a",
            "not of type int",
        ),
        (
            "// name: demo\n// description: x\n// param: a: int\n// param: a: int\n// returns: a (int)\nRETURN $a",
            "declared twice",
        ),
    ],
)
def test_bad_headers_are_named(text, problem):
    with pytest.raises(HeaderError, match=problem):
        parse_header(text, Path("demo.cypher"))


def test_params_are_checked_before_neo4j():
    q = catalogue.get("gap_units_below_minimum")
    assert q.validate({"year": "2024"}) == {
        "year": 2024,
        "minimum": 30000,
        "community": None,
        "offset": 0,
        "limit": 100,
    }
    for bad, field in [
        ({}, "year"),
        ({"year": "soon"}, "year"),
        ({"year": 2024, "limit": 0}, "limit"),
        ({"year": 2024, "offset": -1}, "offset"),
        ({"year": 2024, "colour": "red"}, "colour"),
    ]:
        with pytest.raises(ParamError) as err:
            q.validate(bad)
        assert err.value.field == field and field in str(err.value)


def test_api_lists_and_runs_the_catalogue(client):
    listed = client.get("/api/v1/queries").json()
    assert {q["name"] for q in listed} == {p.stem for p in FILES}
    grid_units = next(q for q in listed if q["name"] == "grid_units")
    assert grid_units["params"][0] == {
        "name": "grid_id",
        "type": "string",
        "required": True,
        "default": None,
        "description": "the grid's id",
    }
    assert [c["name"] for c in grid_units["returns"]] == [
        "unit_id",
        "unit_name",
        "kind",
        "level",
        "via",
        "since",
        "community_id",
    ]

    ok = client.post("/api/v1/queries/grid_units", json={"grid_id": "G-none"})
    assert ok.status_code == 200 and ok.json()["rows"] == [] and ok.json()["truncated"] is False
    for body, field in [
        ({}, "grid_id"),
        ({"grid_id": "G", "limit": "lots"}, "limit"),
        ({"grid_id": "G", "x": 1}, "x"),
    ]:
        r = client.post("/api/v1/queries/grid_units", json=body)
        assert r.status_code == 422 and f"'{field}'" in r.json()["detail"], r.text
    r = client.post("/api/v1/queries/no_such_query", json={})
    assert r.status_code == 404 and "no_such_query" in r.json()["detail"]


def test_docs_page_is_generated_from_the_headers():
    committed = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    assert committed == catalogue_docs.render(), "docs/queries.md is stale: run `grassroots docs`"
    for q in catalogue.catalogue().values():
        assert f"## `{q.name}`" in committed


READ_API = [
    ("/api/v1/grids/{id}/units", "get"),
    ("/api/v1/units/{id}/grids", "get"),
    ("/api/v1/communities/{id}", "get"),
    ("/api/v1/units/{id}", "get"),
    ("/api/v1/people/{id}", "get"),
    ("/api/v1/stats/resolution", "get"),
    ("/api/v1/search", "get"),
    ("/api/v1/queries", "get"),
    ("/api/v1/queries/{name}", "post"),
    ("/api/v1/cypher", "post"),
] + [
    (f"/api/v1/gaps/{kind}", "get")
    for kind in (
        "communities_without_unit",
        "grids_uncovered",
        "compounds_unmanaged",
        "missed_joint_meetings",
        "units_below_minimum",
        "cadres_overloaded",
    )
]


def test_openapi_describes_every_endpoint_with_xinluo_examples():
    import json

    from fastapi.testclient import TestClient

    from api.app import create_app

    spec = TestClient(create_app(), client=LOOPBACK).get("/openapi.json").json()
    for path, method in READ_API:
        op = spec["paths"][path][method]
        assert op.get("description"), f"{method} {path} has no description"
        assert "200" in op["responses"] and ("422" in op["responses"] or path == "/api/v1/queries")
    text = json.dumps(spec, ensure_ascii=False)
    assert all(x in text for x in ("350802006002", "天马社区", "350802006", "曹溪街道"))


def test_neo4j_down_is_503():
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.deps import store_dep
    from graph.core import local_neo4j
    from graph.core.store import Store

    # Nothing listens on a free port; the driver gives up after its retry time (~15 s).
    store = Store(uri=f"bolt://127.0.0.1:{local_neo4j.free_port()}", username="neo4j", password="", database="neo4j")
    app = create_app()
    app.dependency_overrides[store_dep] = lambda: store
    try:
        with TestClient(app, client=LOOPBACK) as c:
            r = c.get("/api/v1/communities/350802006002")
            assert r.status_code == 503 and "unavailable" in r.json()["detail"]
    finally:
        store.close()
