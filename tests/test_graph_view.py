"""The graph-view endpoints (/api/v1/graph/...) on a small hand-built community, loaded through
the ordinary ingest (tests/fixtures/graph_view/). Expected nodes and links are written out here.

The fixture: 新罗区 > 曹溪街道 > 天马社区 (grids G1, G2) and 翠屏社区 (grid G3). G1 holds micro-grids
MG1a, MG1b and compound C1 (天马花园: buildings B1, B2; red property company PCO1, owners'
committee OC1, party branch PO-CB1, building group PO-BG1 on B1); G2 holds MG2a and C2 (天马二村:
building B3, management committee PMC2). Unit U1 is paired with 天马社区 and covers G1; U2 is
paired with 翠屏社区. Cadre P1 is secretary of the big party committee PO-BPC; P2 works G1; P3
registered at 天马社区. Issue I1 in G1 went grid -> community -> street and was resolved there.
The id D1 names both a Department and a Document (which the department issued).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from graph.model.nodes import LABELS
from graph.services.graph_view.graph_json import primary_label
from tests.conftest import LOOPBACK
from tests.graph_view_fixture import load_fixture

TIANMA = "Community:350802006002"
STREET = "Street:350802006"


@pytest.fixture(scope="module")
def api(neo4j_server):
    from fastapi.testclient import TestClient

    from api.app import create_app

    load_fixture()
    with TestClient(create_app(), client=LOOPBACK) as c:
        yield c


def node_set(body: dict) -> set[tuple[str, str, str]]:
    return {(n["id"], n["label"], n["name"]) for n in body["nodes"]}


def link_set(body: dict) -> set[tuple[str, str, str]]:
    return {(link["source"], link["type"], link["target"]) for link in body["links"]}


def get_ok(api, url: str, **params) -> dict:
    r = api.get(url, params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    keys = {n["id"] for n in body["nodes"]}
    assert len(keys) == len(body["nodes"]), "a node came twice"
    assert all(link["source"] in keys and link["target"] in keys for link in body["links"]), (
        "a link to a node not drawn"
    )
    return body


COMMUNITY_NODES = {
    (TIANMA, "Community", "天马社区"),
    (STREET, "Street", "曹溪街道"),
    ("District:350802", "District", "新罗区"),
    ("PartyOrg:PO-SWC", "PartyOrg", "曹溪街道党工委"),
    ("PartyOrg:PO-CC", "PartyOrg", "天马社区党委"),
    ("PartyOrg:PO-BPC", "PartyOrg", "天马社区大党委"),
    ("AdminOrg:AO-SO", "AdminOrg", "曹溪街道办事处"),
    ("AdminOrg:AO-RC", "AdminOrg", "天马社区居委会"),
    ("Unit:U1", "Unit", "龙岩市财政局"),
    ("Person:P1", "Person", "张伟"),
    ("PartyOrg:PO-CB1", "PartyOrg", "天马花园党支部"),
    ("PropertyCompany:PCO1", "PropertyCompany", "龙岩红土物业服务有限公司"),
    ("OwnersCommittee:OC1", "OwnersCommittee", "天马花园业委会"),
    ("Grid:G1", "Grid", "天马第一网格"),
    ("Grid:G2", "Grid", "天马第二网格"),
    ("MicroGrid:MG1a", "MicroGrid", "天马第一网格1号微格"),
    ("MicroGrid:MG1b", "MicroGrid", "天马第一网格2号微格"),
    ("MicroGrid:MG2a", "MicroGrid", "天马第二网格1号微格"),
    ("Compound:C1", "Compound", "天马花园"),
    ("Compound:C2", "Compound", "天马二村"),
    ("PropertyMgmtCommittee:PMC2", "PropertyMgmtCommittee", "天马二村物业管理委员会"),
    ("Building:B1", "Building", "天马花园1栋"),
    ("Building:B2", "Building", "天马花园2栋"),
    ("Building:B3", "Building", "天马二村1栋"),
    ("PartyOrg:PO-BG1", "PartyOrg", "天马花园1栋党小组"),
}
COMMUNITY_LINKS = {
    (STREET, "PART_OF", "District:350802"),
    (TIANMA, "PART_OF", STREET),
    ("Grid:G1", "PART_OF", TIANMA),
    ("Grid:G2", "PART_OF", TIANMA),
    ("MicroGrid:MG1a", "PART_OF", "Grid:G1"),
    ("MicroGrid:MG1b", "PART_OF", "Grid:G1"),
    ("MicroGrid:MG2a", "PART_OF", "Grid:G2"),
    ("Compound:C1", "IN_GRID", "Grid:G1"),
    ("Compound:C2", "IN_GRID", "Grid:G2"),
    ("Building:B1", "IN", "Compound:C1"),
    ("Building:B2", "IN", "Compound:C1"),
    ("Building:B3", "IN", "Compound:C2"),
    ("PartyOrg:PO-SWC", "SERVES", STREET),
    ("PartyOrg:PO-CC", "UNDER", "PartyOrg:PO-SWC"),
    ("PartyOrg:PO-CC", "SERVES", TIANMA),
    ("PartyOrg:PO-BPC", "SERVES", TIANMA),
    ("PartyOrg:PO-CB1", "UNDER", "PartyOrg:PO-CC"),
    ("PartyOrg:PO-CB1", "SERVES", "Compound:C1"),
    ("PartyOrg:PO-BG1", "UNDER", "PartyOrg:PO-CB1"),
    ("PartyOrg:PO-BG1", "SERVES", "Building:B1"),
    ("AdminOrg:AO-SO", "SERVES", STREET),
    ("AdminOrg:AO-RC", "UNDER", "AdminOrg:AO-SO"),
    ("AdminOrg:AO-RC", "SERVES", TIANMA),
    ("Unit:U1", "PAIRED_WITH", TIANMA),
    ("Unit:U1", "COVERS", "Grid:G1"),
    ("Unit:U1", "MEMBER_OF", "PartyOrg:PO-BPC"),
    ("PartyOrg:PO-SWC", "MEMBER_OF", "PartyOrg:PO-BPC"),
    ("PartyOrg:PO-CB1", "MEMBER_OF", "PartyOrg:PO-BPC"),
    ("PropertyCompany:PCO1", "MEMBER_OF", "PartyOrg:PO-BPC"),
    ("OwnersCommittee:OC1", "MEMBER_OF", "PartyOrg:PO-BPC"),
    ("Person:P1", "LINKED_TO", TIANMA),
    ("Person:P1", "SECRETARY_OF", "PartyOrg:PO-BPC"),
    ("PropertyCompany:PCO1", "MANAGES", "Compound:C1"),
    ("OwnersCommittee:OC1", "REPRESENTS", "Compound:C1"),
    ("PropertyMgmtCommittee:PMC2", "MANAGES", "Compound:C2"),
}


def test_community_picture(api):
    body = get_ok(api, "/api/v1/graph/community/350802006002")
    assert node_set(body) == COMMUNITY_NODES
    assert link_set(body) == COMMUNITY_LINKS
    assert body["truncated"] is False
    tianma = next(n for n in body["nodes"] if n["id"] == TIANMA)
    assert tianma["labels"] == ["Community"]
    assert {k: tianma["properties"][k] for k in ("id", "name", "kind", "urban_village")} == {
        "id": "350802006002",
        "name": "天马社区",
        "kind": "community",
        "urban_village": False,
    }
    pairing = next(link for link in body["links"] if link["type"] == "PAIRED_WITH")
    assert {k: pairing["properties"][k] for k in ("since", "min_annual_funding")} == {
        "since": "2024-01-01",
        "min_annual_funding": 30000,
    }


def test_community_caps_cut_micro_grids_and_buildings(api):
    body = get_ok(api, "/api/v1/graph/community/350802006002", micro_grids=2, buildings=1)
    cut = {
        ("MicroGrid:MG2a", "MicroGrid", "天马第二网格1号微格"),
        ("Building:B2", "Building", "天马花园2栋"),
        ("Building:B3", "Building", "天马二村1栋"),
    }
    assert node_set(body) == COMMUNITY_NODES - cut
    assert link_set(body) == {link for link in COMMUNITY_LINKS if link[0] not in {c[0] for c in cut}}
    assert body["truncated"] is True


def test_community_errors(api):
    r = api.get("/api/v1/graph/community/999")
    assert (r.status_code, r.json()["detail"]) == (404, "no Community with id '999'")
    r = api.get("/api/v1/graph/community/350802006002", params={"micro_grids": -1})
    assert r.status_code == 422 and "micro_grids" in r.text


def test_neighbourhood_depth_one(api):
    body = get_ok(api, "/api/v1/graph/neighbourhood/G1")
    assert node_set(body) == {
        ("Grid:G1", "Grid", "天马第一网格"),
        (TIANMA, "Community", "天马社区"),
        ("MicroGrid:MG1a", "MicroGrid", "天马第一网格1号微格"),
        ("MicroGrid:MG1b", "MicroGrid", "天马第一网格2号微格"),
        ("Compound:C1", "Compound", "天马花园"),
        ("Unit:U1", "Unit", "龙岩市财政局"),
        ("Person:P2", "Person", "李娜"),
        ("Issue:I1", "Issue", "小区路灯不亮"),
    }
    assert link_set(body) == {
        ("Grid:G1", "PART_OF", TIANMA),
        ("MicroGrid:MG1a", "PART_OF", "Grid:G1"),
        ("MicroGrid:MG1b", "PART_OF", "Grid:G1"),
        ("Compound:C1", "IN_GRID", "Grid:G1"),
        ("Unit:U1", "COVERS", "Grid:G1"),
        ("Person:P2", "WORKS", "Grid:G1"),
        ("Issue:I1", "LOCATED_IN", "Grid:G1"),
        ("Unit:U1", "PAIRED_WITH", TIANMA),
    }
    assert body["truncated"] is False


def test_neighbourhood_limit_keeps_structure_first(api):
    body = get_ok(api, "/api/v1/graph/neighbourhood/G1", limit=4)
    assert {n["id"] for n in body["nodes"]} == {"Grid:G1", TIANMA, "Unit:U1", "Compound:C1"}
    assert link_set(body) == {
        ("Grid:G1", "PART_OF", TIANMA),
        ("Unit:U1", "COVERS", "Grid:G1"),
        ("Unit:U1", "PAIRED_WITH", TIANMA),
        ("Compound:C1", "IN_GRID", "Grid:G1"),
    }
    assert body["truncated"] is True


def test_neighbourhood_depths(api):
    two = get_ok(api, "/api/v1/graph/neighbourhood/B3", depth=2)
    assert {n["id"] for n in two["nodes"]} == {
        "Building:B3",
        "Compound:C2",
        "Grid:G2",
        "PropertyMgmtCommittee:PMC2",
    }
    assert link_set(two) == {
        ("Building:B3", "IN", "Compound:C2"),
        ("Compound:C2", "IN_GRID", "Grid:G2"),
        ("PropertyMgmtCommittee:PMC2", "MANAGES", "Compound:C2"),
    }
    three = get_ok(api, "/api/v1/graph/neighbourhood/B3", depth=3)
    assert {n["id"] for n in three["nodes"]} == {n["id"] for n in two["nodes"]} | {TIANMA, "MicroGrid:MG2a"}
    assert link_set(three) == link_set(two) | {
        ("Grid:G2", "PART_OF", TIANMA),
        ("MicroGrid:MG2a", "PART_OF", "Grid:G2"),
    }
    # Exactly full at the limit: the next hop still has nodes, so the answer says it was cut.
    full = get_ok(api, "/api/v1/graph/neighbourhood/B3", depth=3, limit=4)
    assert ({n["id"] for n in full["nodes"]}, full["truncated"]) == ({n["id"] for n in two["nodes"]}, True)


def test_neighbourhood_ambiguous_id_and_label(api):
    r = api.get("/api/v1/graph/neighbourhood/D1")
    assert r.status_code == 409
    assert (r.json()["labels"], r.json()["param"]) == (["Department", "Document"], "label")
    assert "Department, Document" in r.json()["detail"]
    body = get_ok(api, "/api/v1/graph/neighbourhood/D1", label="Document")
    assert node_set(body) == {
        ("Document:D1", "Document", "新罗区红色物业服务标准指引"),
        ("Department:D1", "Department", "新罗区住房和城乡建设局"),
    }
    assert link_set(body) == {("Department:D1", "ISSUED", "Document:D1")}


@pytest.mark.parametrize(
    "url, params, status, detail",
    [
        ("/api/v1/graph/neighbourhood/nope", {}, 404, "no node with id 'nope'"),
        ("/api/v1/graph/neighbourhood/D1", {"label": "Building"}, 404, "no Building with id 'D1'"),
        (
            "/api/v1/graph/neighbourhood/G1",
            {"label": "Grids"},
            422,
            "parameter 'label': 'Grids' is not a label of the model",
        ),
        ("/api/v1/graph/neighbourhood/G1", {"depth": 4}, 422, "depth"),
        ("/api/v1/graph/neighbourhood/G1", {"limit": 0}, 422, "limit"),
        ("/api/v1/graph/issue/nope", {}, 404, "no Issue with id 'nope'"),
        ("/api/v1/graph/path", {"from": "G1", "to": "nope"}, 404, "no node with id 'nope'"),
        ("/api/v1/graph/path", {"from": "G1", "to": "G2", "max_hops": 9}, 422, "max_hops"),
        ("/api/v1/graph/path", {"to": "G2"}, 422, "from"),
    ],
)
def test_errors_name_the_id_or_parameter(api, url, params, status, detail):
    r = api.get(url, params=params)
    assert r.status_code == status, r.text
    assert detail in r.text


def test_path_between_micro_grid_and_building(api):
    body = get_ok(api, "/api/v1/graph/path", **{"from": "MG2a", "to": "B1", "max_hops": 5})
    assert [n["id"] for n in body["nodes"]] == [
        "MicroGrid:MG2a",
        "Grid:G2",
        TIANMA,
        "Grid:G1",
        "Compound:C1",
        "Building:B1",
    ]
    assert [(link["source"], link["type"], link["target"]) for link in body["links"]] == [
        ("MicroGrid:MG2a", "PART_OF", "Grid:G2"),
        ("Grid:G2", "PART_OF", TIANMA),
        ("Grid:G1", "PART_OF", TIANMA),
        ("Compound:C1", "IN_GRID", "Grid:G1"),
        ("Building:B1", "IN", "Compound:C1"),
    ]
    too_short = get_ok(api, "/api/v1/graph/path", **{"from": "MG2a", "to": "B1", "max_hops": 4})
    assert (too_short["nodes"], too_short["links"]) == ([], [])


def test_path_across_communities_and_labels(api):
    body = get_ok(api, "/api/v1/graph/path", **{"from": "U2", "to": "P3"})
    assert [n["name"] for n in body["nodes"]] == [
        "龙岩市烟草公司",
        "翠屏社区",
        "曹溪街道",
        "天马社区",
        "王芳",
    ]
    assert [link["type"] for link in body["links"]] == ["PAIRED_WITH", "PART_OF", "PART_OF", "REGISTERED_AT"]
    r = api.get("/api/v1/graph/path", params={"from": "D1", "to": "350802"})
    assert (r.status_code, r.json()["labels"], r.json()["param"]) == (
        409,
        ["Department", "Document"],
        "from_label",
    )
    body = get_ok(api, "/api/v1/graph/path", **{"from": "D1", "from_label": "Department", "to": "350802"})
    assert link_set(body) == {("Department:D1", "PART_OF", "District:350802")}
    same = get_ok(api, "/api/v1/graph/path", **{"from": "G1", "to": "G1"})
    assert ([n["id"] for n in same["nodes"]], same["links"]) == (["Grid:G1"], [])


def test_issue_trail_graph(api):
    body = get_ok(api, "/api/v1/graph/issue/I1")
    steps = [f"Step:I1#{i}" for i in range(1, 7)]
    assert node_set(body) == {
        ("Issue:I1", "Issue", "小区路灯不亮"),
        (steps[0], "Step", "1. filed @ grid"),
        (steps[1], "Step", "2. escalated @ grid"),
        (steps[2], "Step", "3. accepted @ community"),
        (steps[3], "Step", "4. escalated @ community"),
        (steps[4], "Step", "5. accepted @ street"),
        (steps[5], "Step", "6. resolved @ street"),
        ("Person:P2", "Person", "李娜"),
        ("AdminOrg:AO-RC", "AdminOrg", "天马社区居委会"),
        ("PartyOrg:PO-SWC", "PartyOrg", "曹溪街道党工委"),
        ("Grid:G1", "Grid", "天马第一网格"),
        (TIANMA, "Community", "天马社区"),
        (STREET, "Street", "曹溪街道"),
        ("District:350802", "District", "新罗区"),
    }
    handlers = [
        "Person:P2",
        "Person:P2",
        "AdminOrg:AO-RC",
        "AdminOrg:AO-RC",
        "PartyOrg:PO-SWC",
        "PartyOrg:PO-SWC",
    ]
    assert link_set(body) == (
        {("Issue:I1", "FIRST_STEP", steps[0]), ("Issue:I1", "LAST_STEP", steps[5])}
        | {(a, "NEXT", b) for a, b in itertools.pairwise(steps)}
        | {(s, "BY", h) for s, h in zip(steps, handlers, strict=True)}
        | {
            ("Issue:I1", "LOCATED_IN", "Grid:G1"),
            ("Grid:G1", "PART_OF", TIANMA),
            (TIANMA, "PART_OF", STREET),
            (STREET, "PART_OF", "District:350802"),
            ("Person:P2", "WORKS", "Grid:G1"),
            ("AdminOrg:AO-RC", "SERVES", TIANMA),
            ("PartyOrg:PO-SWC", "SERVES", STREET),
        }
    )
    accepted = next(n for n in body["nodes"] if n["id"] == steps[4])
    assert {k: accepted["properties"][k] for k in ("seq", "action", "level", "at", "due")} == {
        "seq": 5,
        "action": "accepted",
        "level": "street",
        "at": "2024-05-16T09:00:00+08:00",
        "due": "2024-05-30T18:00:00+08:00",
    }


def test_node_by_id_query_covers_every_model_label():
    text = (Path(__file__).parent.parent / "cypher" / "queries" / "graph_node_by_id.cypher").read_text()
    lines = [line for line in text.splitlines() if line.startswith("MATCH (n:")]
    assert {line.split(":")[1].split()[0] for line in lines} == set(LABELS)


def test_primary_label_is_the_most_specific():
    assert primary_label({"Unit", "Department"}) == "Department"
    assert primary_label({"Community"}) == "Community"
    assert primary_label({"Somethingelse"}) == "Somethingelse"


# --- relationship types, direction, caps and what they leave out (issue 12) ---------------------


@pytest.mark.parametrize(
    "params, nodes, links",
    [
        (
            {"types": "PART_OF"},
            {"Grid:G1", TIANMA, "MicroGrid:MG1a", "MicroGrid:MG1b"},
            {
                ("Grid:G1", "PART_OF", TIANMA),
                ("MicroGrid:MG1a", "PART_OF", "Grid:G1"),
                ("MicroGrid:MG1b", "PART_OF", "Grid:G1"),
            },
        ),
        ({"types": "PART_OF", "direction": "out"}, {"Grid:G1", TIANMA}, {("Grid:G1", "PART_OF", TIANMA)}),
        (
            {"types": "PART_OF", "direction": "in"},
            {"Grid:G1", "MicroGrid:MG1a", "MicroGrid:MG1b"},
            {("MicroGrid:MG1a", "PART_OF", "Grid:G1"), ("MicroGrid:MG1b", "PART_OF", "Grid:G1")},
        ),
        (
            {"types": "WORKS,LOCATED_IN", "direction": "in"},
            {"Grid:G1", "Person:P2", "Issue:I1"},
            {("Person:P2", "WORKS", "Grid:G1"), ("Issue:I1", "LOCATED_IN", "Grid:G1")},
        ),
        # Every relationship between the nodes is drawn, whatever type reached them: U1 came by COVERS,
        # the community by PART_OF, and U1 is paired with the community.
        (
            {"types": "COVERS,PART_OF", "direction": "both"},
            {"Grid:G1", TIANMA, "Unit:U1", "MicroGrid:MG1a", "MicroGrid:MG1b"},
            {
                ("Grid:G1", "PART_OF", TIANMA),
                ("MicroGrid:MG1a", "PART_OF", "Grid:G1"),
                ("MicroGrid:MG1b", "PART_OF", "Grid:G1"),
                ("Unit:U1", "COVERS", "Grid:G1"),
                ("Unit:U1", "PAIRED_WITH", TIANMA),
            },
        ),
    ],
)
def test_neighbourhood_by_relationship_type_and_direction(api, params, nodes, links):
    body = get_ok(api, "/api/v1/graph/neighbourhood/G1", **params)
    assert ({n["id"] for n in body["nodes"]}, link_set(body)) == (nodes, links)
    assert (body["truncated"], body["left_out"], body["caps"]) == (False, {}, {"limit": 200})


def test_neighbourhood_cut_says_what_it_left_out(api):
    body = get_ok(api, "/api/v1/graph/neighbourhood/G1", limit=4)
    assert {n["id"] for n in body["nodes"]} == {"Grid:G1", TIANMA, "Unit:U1", "Compound:C1"}
    assert (body["truncated"], body["left_out"], body["caps"]) == (
        True,
        {"Issue": 1, "MicroGrid": 2, "Person": 1},
        {"limit": 4},
    )
    # Full at a hop boundary: the next hop's nodes are what was left out.
    full = get_ok(api, "/api/v1/graph/neighbourhood/B3", depth=3, limit=4)
    assert (full["truncated"], full["left_out"]) == (True, {"Community": 1, "MicroGrid": 1})
    typed = get_ok(api, "/api/v1/graph/neighbourhood/G1", limit=2, types="PART_OF", direction="in")
    assert ({n["id"] for n in typed["nodes"]}, typed["left_out"]) == ({"Grid:G1", "MicroGrid:MG1a"}, {"MicroGrid": 1})


def test_caps_come_from_settings(api, monkeypatch):
    from graph.core.settings import get_settings

    monkeypatch.setenv("GRASSROOTS_GRAPH_NODE_CAP", "3")
    monkeypatch.setenv("GRASSROOTS_GRAPH_BUILDING_CAP", "2")
    monkeypatch.setenv("GRASSROOTS_GRAPH_MICRO_GRID_CAP", "1")
    get_settings.cache_clear()
    try:
        body = get_ok(api, "/api/v1/graph/neighbourhood/G1")
        assert (len(body["nodes"]), body["caps"]) == (3, {"limit": 3})
        assert body["left_out"] == {"Compound": 1, "Issue": 1, "MicroGrid": 2, "Person": 1}
        community = get_ok(api, "/api/v1/graph/community/350802006002")
        assert (community["truncated"], community["left_out"], community["caps"]) == (
            True,
            {"Building": 1, "MicroGrid": 2},
            {"micro_grids": 1, "buildings": 2},
        )
        asked = get_ok(api, "/api/v1/graph/community/350802006002", micro_grids=10, buildings=10)
        assert (asked["truncated"], asked["left_out"], len(asked["nodes"])) == (False, {}, len(COMMUNITY_NODES))
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    default = get_ok(api, "/api/v1/graph/community/350802006002")
    assert (default["left_out"], default["caps"]) == ({}, {"micro_grids": 200, "buildings": 300})


def test_community_caps_say_what_they_left_out(api):
    body = get_ok(api, "/api/v1/graph/community/350802006002", micro_grids=2, buildings=1)
    assert (body["left_out"], body["caps"]) == ({"Building": 2, "MicroGrid": 1}, {"micro_grids": 2, "buildings": 1})


def test_degrees_count_what_expanding_would_add(api):
    r = api.get("/api/v1/graph/degrees/G1")
    assert r.status_code == 200, r.text
    assert r.json() == {
        "node": "Grid:G1",
        "degrees": [
            {"type": "COVERS", "direction": "in", "label": "Unit", "count": 1},
            {"type": "IN_GRID", "direction": "in", "label": "Compound", "count": 1},
            {"type": "LOCATED_IN", "direction": "in", "label": "Issue", "count": 1},
            {"type": "PART_OF", "direction": "in", "label": "MicroGrid", "count": 2},
            {"type": "PART_OF", "direction": "out", "label": "Community", "count": 1},
            {"type": "WORKS", "direction": "in", "label": "Person", "count": 1},
        ],
    }
    r = api.get("/api/v1/graph/degrees/D1")
    assert (r.status_code, r.json()["labels"]) == (409, ["Department", "Document"])
    r = api.get("/api/v1/graph/degrees/D1", params={"label": "Document"})
    assert r.json() == {
        "node": "Document:D1",
        "degrees": [{"type": "ISSUED", "direction": "in", "label": "Department", "count": 1}],
    }


def test_path_restricted_to_relationship_types(api):
    # Unrestricted, U1 reaches the grid worker through the grid it covers.
    body = get_ok(api, "/api/v1/graph/path", **{"from": "U1", "to": "P2"})
    assert [link["type"] for link in body["links"]] == ["COVERS", "WORKS"]
    # Without COVERS it goes through the pairing and the community.
    body = get_ok(api, "/api/v1/graph/path", **{"from": "U1", "to": "P2", "types": "PAIRED_WITH,PART_OF,WORKS"})
    assert [n["id"] for n in body["nodes"]] == ["Unit:U1", TIANMA, "Grid:G1", "Person:P2"]
    assert [(link["source"], link["type"], link["target"]) for link in body["links"]] == [
        ("Unit:U1", "PAIRED_WITH", TIANMA),
        ("Grid:G1", "PART_OF", TIANMA),
        ("Person:P2", "WORKS", "Grid:G1"),
    ]
    # Types that connect nothing: no path, an empty answer.
    none = get_ok(api, "/api/v1/graph/path", **{"from": "U1", "to": "P2", "types": "ISSUED"})
    assert (none["nodes"], none["links"]) == ([], [])
    # max_hops still holds.
    short = get_ok(
        api, "/api/v1/graph/path", **{"from": "U1", "to": "P2", "types": "PAIRED_WITH,PART_OF,WORKS", "max_hops": 2}
    )
    assert short["nodes"] == []


@pytest.mark.parametrize(
    "url, params, detail",
    [
        (
            "/api/v1/graph/path",
            {"from": "U1", "to": "P2", "types": "PART_OF,PARTOF"},
            "parameter 'types': 'PARTOF' is not a relationship type of the model",
        ),
        (
            "/api/v1/graph/neighbourhood/G1",
            {"types": "part_of"},
            "parameter 'types': 'part_of' is not a relationship type of the model",
        ),
        ("/api/v1/graph/neighbourhood/G1", {"direction": "up"}, "direction"),
    ],
)
def test_bad_types_and_direction_are_422(api, url, params, detail):
    r = api.get(url, params=params)
    assert r.status_code == 422, r.text
    assert detail in r.text


def test_nodes_by_key_with_the_links_between_them(api):
    r = api.post("/api/v1/graph/nodes", json={"keys": [TIANMA, "Unit:U1", "Person:P1", "Grid:NOPE", "Step:I1#2"]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert node_set(body) == {
        (TIANMA, "Community", "天马社区"),
        ("Unit:U1", "Unit", "龙岩市财政局"),
        ("Person:P1", "Person", "张伟"),
        ("Step:I1#2", "Step", "2. escalated @ grid"),
    }
    assert link_set(body) == {("Unit:U1", "PAIRED_WITH", TIANMA), ("Person:P1", "LINKED_TO", TIANMA)}
    assert (body["truncated"], body["left_out"]) == (False, {"Grid": 1})
    # The label is part of the key: D1 as a Document is not the department D1.
    doc = api.post("/api/v1/graph/nodes", json={"keys": ["Document:D1"]}).json()
    assert node_set(doc) == {("Document:D1", "Document", "新罗区红色物业服务标准指引")}


@pytest.mark.parametrize(
    "keys, detail",
    [
        (["G1"], "parameter 'keys': 'G1' is not a node key 'Label:id'"),
        (["Grids:G1"], "parameter 'keys': 'Grids' is not a label of the model"),
    ],
)
def test_nodes_by_key_errors(api, keys, detail):
    r = api.post("/api/v1/graph/nodes", json={"keys": keys})
    assert r.status_code == 422 and detail in r.text, r.text


def test_nodes_by_ids_query_covers_every_model_label():
    text = (Path(__file__).parent.parent / "cypher" / "queries" / "graph_nodes_by_ids.cypher").read_text()
    lines = [line for line in text.splitlines() if line.startswith("UNWIND $ids AS id MATCH (n:")]
    assert {line.split("(n:")[1].split()[0] for line in lines} == set(LABELS)


def test_community_units_catalogue_query(api):
    r = api.post("/api/v1/queries/community_units", json={"community_id": "350802006002"})
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == [
        {
            "unit_id": "U1",
            "unit_name": "龙岩市财政局",
            "kind": "agency",
            "level": "city",
            "since": "2024-01-01",
            "min_annual_funding": 30000,
            "community_id": "350802006002",
        }
    ]


def test_caps_endpoint_reads_settings(api, monkeypatch):
    from graph.core.settings import get_settings

    assert api.get("/api/v1/graph/caps").json() == {
        "node_cap": 200,
        "expand_cap": 60,
        "building_cap": 300,
        "micro_grid_cap": 200,
        "max_limit": 2000,
    }
    monkeypatch.setenv("GRASSROOTS_GRAPH_EXPAND_CAP", "7")
    get_settings.cache_clear()
    try:
        assert api.get("/api/v1/graph/caps").json()["expand_cap"] == 7
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
