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
from tests.graph_view_fixture import load_fixture

TIANMA = "Community:350802006002"
STREET = "Street:350802006"


@pytest.fixture(scope="module")
def api(neo4j_server):
    from fastapi.testclient import TestClient

    from api.app import create_app

    load_fixture()
    with TestClient(create_app()) as c:
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
