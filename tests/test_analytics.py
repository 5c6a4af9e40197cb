"""The six analyses (graph/services/analytics) on the small hand-built world of
tests/catalogue_world.py, read from Neo4j through the one projection statement, through the
service, the API and the CLI. Every expected answer is worked out below from that world.

The world's co-building network in district 350802 (the skeleton the analyses walk):
  grids G1 G2 -PART_OF-> C1, G3 G4 -> C2, G5 -> C3, G6 -> C4
  U1 U2 -PAIRED_WITH-> C1, U3 -> C4;  U1 -COVERS-> G1, U3 -COVERS-> G3
  P1 -LINKED_TO-> C1 C2 C3 C4, P2 -> C2
  U1 -ORGANIZED-> A1 A2 -IN-> C1;  U1 -SUPPORTS-> PRJ-001 -FOR-> C1
  compounds K1 in G1, K2 in G2, K3 in G3, K4 in G4, K5 K6 in G6
  open issues (status follows the trail): I4 in G2, I5 in G3, I7 in G2 (reopened)
U4 works nowhere: it is outside every area's network.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graph.core.audit import entries
from graph.core.errors import ParamError, TooLarge
from graph.core.store import get_store
from graph.services.analytics import analyses
from graph.services.analytics.projection import project
from tests import catalogue_world as w
from tests.conftest import LOOPBACK, counts

C1, C2, C3, C4 = w.C1, w.C2, w.C3, w.C4
G1, G2, G3, G4, G5, G6 = w.G1, w.G2, w.G3, w.G4, w.G5, w.G6
DISTRICT = "350802"
BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def world(neo4j_server, tmp_path_factory):
    store = get_store()
    w.load_world(store, tmp_path_factory.mktemp("analytics-world"))
    before = counts(store)
    yield store
    assert counts(get_store()) == before, "an analysis changed the graph"  # the app's shutdown closed `store`


@pytest.fixture(scope="module")
def network(world):
    return project(world, DISTRICT)


def test_projection_carries_the_model(network, world):
    skeleton = analyses.skeleton(network)
    # 4 communities, 6 grids, U1-U3, P1 P2, A1 A2, PRJ-001
    assert skeleton.number_of_nodes() == 18
    # PART_OF 6, PAIRED_WITH 3, LINKED_TO 5, COVERS 2, IN 2, ORGANIZED 2, FOR 1, SUPPORTS 1
    assert skeleton.number_of_edges() == 22
    assert "U4" not in network
    u3 = dict(network.nodes["U3"])
    assert isinstance(u3.pop("updated_at"), datetime)  # the ingest's bookkeeping comes along too
    assert u3 == {
        "label": "Unit",
        "id": "U3",
        "name": "龙岩烟草公司",
        "kind": "soe",
        "level": "city",
        "source": "units.csv",
    }
    assert network.edges["U3", C4, "PAIRED_WITH"]["min_annual_funding"] == 50000
    # a street holds only its own communities: 曹溪街道 has C1 and C2
    street = project(world, "曹溪街道")
    assert {n for n, d in street.nodes(data=True) if d["label"] == "Community"} == {C1, C2}
    with pytest.raises(TooLarge, match="GRASSROOTS_ANALYTICS_MAX_NODES"):
        project(world, DISTRICT, max_nodes=10)
    with pytest.raises(TooLarge, match="GRASSROOTS_ANALYTICS_MAX_ROWS"):
        project(world, DISTRICT, max_rows=5)
    with pytest.raises(ParamError, match="under"):
        project(world, G1)  # a grid is not an area one analyzes


def test_bridging(network):
    got = analyses.bridging(network)
    assert got.summary == {"nodes": 18, "edges": 22, "exact": True, "samples": None, "seed": None}
    scores = {r["id"]: r["betweenness"] for r in got.rows}
    # On some shortest path between two others: the four communities (hubs of their grids), P1,
    # U1 (A1-U1-G1 ties A1-C1-G1) and U3 (G3-U3-C4 is shorter than G3-C2-P1-C4). U2 and P2 are leaves.
    assert set(scores) == {C1, C2, C3, C4, "P1", "U1", "U3"}
    # normalized by (n-1)(n-2)/2 = 136 pairs: C3 is on every path from G5 to the 16 others;
    # U3 only on G3-C4 and G3-G6.
    assert scores[C3] == round(16 / 136, 4)
    assert scores["U3"] == round(2 / 136, 4)


def test_points_of_failure(network):
    got = analyses.points_of_failure(network)
    # grids' covering units: G1 G2 {U1 U2} (pairing with C1, U1 directly), G3 {U3}, G6 {U3}, G4 G5 none;
    # communities' cadres: C2 {P1 P2}, C1 C3 C4 {P1}. Without P1 the network falls into the C1
    # part (8 nodes, the largest), the C2-U3-C4 part and C3 with G5.
    assert {(r["id"], r["kind"], tuple(r["leaves"])) for r in got.rows} == {
        ("U3", "sole_cover", (G6, G3)),  # by id: G-350802005002-01 first
        ("P1", "sole_cadre", (C3, C4, C1)),
        ("P1", "articulation", (C3, C4, C2)),
    }
    assert got.summary == {"articulation": 1, "sole_cadre": 1, "sole_cover": 1}


def test_workload(network):
    got = analyses.workload(network)
    assert {(r["id"], r["communities"], r["grids"], r["compounds"], r["open_issues"]) for r in got.rows} == {
        ("P1", 4, 6, 6, 3),  # everything; I4 I5 I7
        ("P2", 1, 2, 2, 1),  # C2: G3 G4, K3 K4, I5
        ("U1", 1, 2, 2, 2),  # C1: G1 G2, K1 K2, I4 I7
        ("U2", 1, 2, 2, 2),
        ("U3", 1, 2, 3, 1),  # C4; G3 (covers) and G6 (pairing), K3 K5 K6, I5
    }
    # Gini = sum over sorted x of (2i-n+1)x / (n * total): [1,4] -> 3/10; [2,6] -> 4/16; [1,3] -> 2/8;
    # [2,2,3] -> 2/21; [1,2,2] -> 2/15
    assert got.summary == {
        "cadres": 2,
        "gini_communities_cadres": 0.3,
        "gini_grids_cadres": 0.25,
        "gini_compounds_cadres": 0.25,
        "gini_open_issues_cadres": 0.25,
        "units": 3,
        "gini_communities_units": 0.0,
        "gini_grids_units": 0.0,
        "gini_compounds_units": round(2 / 21, 4),
        "gini_open_issues_units": round(2 / 15, 4),
    }


def test_clusters(network):
    got = analyses.clusters(network)
    # U1 and U2 both work in C1; U3 in C4 (pairing) and C2 (covering G3): one link, two groups.
    assert {(tuple(r["units"]), tuple(r["communities"])) for r in got.rows} == {
        (("U1", "U2"), (C1,)),
        (("U3",), (C4, C2)),
    }
    # one edge inside a group: Q = 1 - (2/2)^2 = 0
    assert got.summary == {"units": 3, "links": 1, "clusters": 2, "modularity": 0.0, "seed": 42}


def test_coverage(network):
    got = analyses.coverage(network)
    assert {(r["measure"], r["covered"], r["total"], r["share"], r["gap"]) for r in got.rows} == {
        ("grids_covered", 4, 6, 66.67, 2),  # G1 G2 G3 G6
        ("compounds_covered", 5, 6, 83.33, 1),  # all but K4 (in G4)
        ("communities_paired", 2, 4, 50.0, 2),  # C1 C4
        ("communities_with_cadre", 4, 4, 100.0, 0),
    }


def test_escalation_flow_api_and_cli(world):
    from api.app import create_app
    from cli.app import app as cli_app

    with TestClient(create_app(), client=LOOPBACK) as api:
        r = api.get("/api/v1/analytics/escalation_flow", params={"under": DISTRICT})
        assert r.status_code == 200, r.text
        body = r.json()
        flows = {(f["category"], f["quarter"], f["source"], f["target"], f["issues"]) for f in body["rows"]}
        assert flows == {
            ("municipal", "2024-Q2", "grid", "resolved", 1),  # I1
            ("sanitation", "2024-Q2", "grid", "community", 1),  # I2
            ("sanitation", "2024-Q2", "community", "resolved", 1),
            ("construction", "2024-Q2", "community", "street", 1),  # I3 (then closed)
            ("construction", "2024-Q2", "street", "resolved", 1),
            ("noise", "2024-Q3", "grid", "open", 1),  # I4
            ("parking", "2024-Q3", "grid", "open", 1),  # I5
            ("elderly", "2024-Q3", "grid", "open", 1),  # I7, reopened
            ("property", "2025-Q1", "grid", "community", 1),  # I6, up every level
            ("property", "2025-Q1", "community", "street", 1),
            ("property", "2025-Q1", "street", "district", 1),
            ("property", "2025-Q1", "district", "resolved", 1),
        }
        assert body["summary"]["issues"] == 7
        assert body["summary"]["resolved_at"] == {"grid": 1, "community": 1, "street": 1, "district": 1}
        # As of 2024-06-15 (end of that day, Beijing): I2 has reached the community, not yet resolved;
        # I3 the street; the issues reported later have no steps yet.
        r = api.get("/api/v1/analytics/escalation_flow", params={"under": DISTRICT, "as_of": "2024-06-15"})
        early = {(f["category"], f["source"], f["target"]) for f in r.json()["rows"]}
        assert early == {
            ("municipal", "grid", "resolved"),
            ("sanitation", "grid", "community"),
            ("sanitation", "community", "open"),
            ("construction", "community", "street"),
            ("construction", "street", "open"),
        }
        coverage = api.get("/api/v1/analytics/coverage", params={"under": "曹溪街道"}).json()
        # 曹溪街道: grids G1 G2 G3 covered of G1-G4
        assert {(x["measure"], x["covered"], x["total"]) for x in coverage["rows"]} >= {("grids_covered", 3, 4)}
        bad = api.get("/api/v1/analytics/coverage", params={"under": "no-such-area"})
        assert bad.status_code == 422 and bad.json()["field"] == "under", bad.text
        assert api.get("/api/v1/analytics/pagerank", params={"under": DISTRICT}).status_code == 422
    _, logged = entries(action="export", limit=5)
    assert any('"analysis": "coverage"' in str(e["what"]) or "coverage" in str(e["what"]) for e in logged)

    result = CliRunner().invoke(cli_app, ["analyze", "coverage", "--under", DISTRICT], env={"GRASSROOTS_LANG": "zh"})
    assert result.exit_code == 0, result.output
    assert "覆盖率与报道对照" in result.output and "66.67" in result.output
