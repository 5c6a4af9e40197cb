"""The analysts' and coordinators' read API on the small world of tests/catalogue_world.py, loaded
once for the module through the ordinary ingest (these tests only read). Expected answers are
written out by hand from that world."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.core.store import get_store
from tests import catalogue_world as w
from tests.conftest import LOOPBACK, counts

C1, C2, C3, C4 = w.C1, w.C2, w.C3, w.C4
G1, G2, G3, G4, G5, G6 = w.G1, w.G2, w.G3, w.G4, w.G5, w.G6


@pytest.fixture(scope="module")
def api(neo4j_server, tmp_path_factory):
    from api.app import create_app

    store = get_store()
    w.load_world(store, tmp_path_factory.mktemp("catalogue-world"))
    before = counts(store)
    with TestClient(create_app(), client=LOOPBACK) as c:
        yield c
        assert counts(store) == before, "the read API changed the graph"


def ok(api, url: str, **params) -> dict:
    r = api.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def rows(body: dict, *keys: str) -> set[tuple]:
    return {tuple(item[k] for k in keys) for item in body["items"]}


def test_units_covering_a_grid(api):
    body = ok(api, f"/api/v1/grids/{G1}/units")
    assert rows(body, "unit_id", "via", "since", "community_id") == {
        ("U1", "direct", "2024-03-01", None),
        ("U1", "pairing", "2024-01-01", C1),
        ("U2", "pairing", "2024-01-01", C1),
    }
    assert body["next_offset"] is None
    assert rows(ok(api, f"/api/v1/grids/{G3}/units"), "unit_id", "via") == {("U3", "direct")}
    assert rows(ok(api, f"/api/v1/grids/{G4}/units"), "unit_id") == set()  # exists, nobody covers it
    page = ok(api, f"/api/v1/grids/{G1}/units", limit=2)
    assert [(i["unit_id"], i["via"]) for i in page["items"]] == [("U1", "direct"), ("U1", "pairing")]
    assert page["next_offset"] == 2
    assert [(i["unit_id"], i["via"]) for i in ok(api, f"/api/v1/grids/{G1}/units", limit=2, offset=2)["items"]] == [
        ("U2", "pairing")
    ]


def test_grids_a_unit_covers(api):
    assert rows(ok(api, "/api/v1/units/U1/grids"), "grid_id", "via", "community_id") == {
        (G1, "direct", C1),
        (G1, "pairing", C1),
        (G2, "pairing", C1),
    }
    assert rows(ok(api, "/api/v1/units/U3/grids"), "grid_id", "via", "since") == {
        (G3, "direct", "2024-06-01"),
        (G6, "pairing", "2025-01-01"),
    }
    assert ok(api, "/api/v1/units/U4/grids")["items"] == []


def test_community_picture(api):
    body = ok(api, f"/api/v1/communities/{C1}")
    assert body["community"] == {"id": C1, "name": "天马社区", "kind": "community", "urban_village": False}
    assert body["street"] == {"id": "350802006", "name": "曹溪街道", "kind": "street"}
    assert body["party_committee"] == {"id": "PO-CC1", "name": "天马社区党委"}
    assert body["residents_committee"] == {
        "id": "AO-RC1",
        "name": "天马社区居委会",
        "kind": "residents_committee",
    }
    assert body["big_party_committee"] == {"id": w.BPC1, "name": "天马社区大党委"}
    assert body["secretary"] == {"id": "P1", "name": "张伟", "phone": "138****1234", "since": "2023-06-01"}
    assert [c["id"] for c in body["linked_cadres"]] == ["P1"]
    assert {(m["id"], m["label"]) for m in body["members"]} == {
        ("U1", "Unit"),
        ("U2", "Unit"),
        ("PO-SWC", "PartyOrg"),
        ("PCO1", "PropertyCompany"),
        ("OC1", "OwnersCommittee"),
    }
    assert {
        (u["id"], u["min_annual_funding"], tuple((f["year"], f["amount"]) for f in u["funding"]))
        for u in body["paired_units"]
    } == {("U1", 30000, ((2024, 30000), (2025, 35000))), ("U2", 30000, ((2024, 20000),))}
    assert {(g["id"], g["kind"]) for g in body["grids"]} == {(G1, "compound"), (G2, "compound")}
    assert {
        (
            k["id"],
            k["property_mode"],
            k["grid_id"],
            tuple(p["id"] for p in k["property_companies"]),
            tuple(o["id"] for o in k["owners_committees"]),
            tuple(m["id"] for m in k["mgmt_committees"]),
        )
        for k in body["compounds"]
    } == {(w.K1, "company", G1, ("PCO1",), ("OC1",), ()), (w.K2, "mgmt_committee", G2, (), (), ("PMC2",))}
    assert body["open_issue_count"] == 2
    assert [(i["id"], i["level"], i["reported_at"]) for i in body["open_issues"]] == [
        ("I7", "grid", "2024-09-20T19:00:00+08:00"),
        ("I4", "grid", "2024-08-01T20:00:00+08:00"),
    ]
    assert [i["id"] for i in ok(api, f"/api/v1/communities/{C1}", issue_limit=1)["open_issues"]] == ["I7"]
    c3 = ok(api, f"/api/v1/communities/{C3}")
    assert (c3["big_party_committee"], c3["secretary"], c3["paired_units"], c3["open_issue_count"]) == (
        None,
        None,
        [],
        0,
    )
    assert [c["id"] for c in c3["linked_cadres"]] == ["P1"]


def test_unit_picture(api):
    body = ok(api, "/api/v1/units/U3")
    assert body["unit"] == {"id": "U3", "name": "龙岩烟草公司", "kind": "soe", "level": "city"}
    assert [(c["id"], c["since"], c["min_annual_funding"]) for c in body["paired_communities"]] == [
        (C4, "2025-01-01", 50000)
    ]
    # 2024 is before the pairing began; the 5,000 to 翠屏社区 is funding without a pairing.
    assert {(f["year"], f["community_id"], f["amount"], f["minimum"], f["meets_minimum"]) for f in body["funding"]} == {
        (2025, C4, 40000, 50000, False),
        (2025, C2, 5000, None, None),
    }
    assert [c["id"] for c in body["committees"]] == [w.BPC4]
    u1 = ok(api, "/api/v1/units/U1")
    assert [(f["year"], f["amount"], f["meets_minimum"]) for f in u1["funding"]] == [
        (2024, 30000, True),
        (2025, 35000, True),
    ]
    assert [(p["id"], p["community_id"]) for p in u1["projects"]] == [("PRJ-001", C1)]
    assert u1["activity_count"] == 2
    assert [(a["id"], a["date"]) for a in u1["activities"]] == [("A2", "2024-09-01"), ("A1", "2024-05-12")]
    u2 = ok(api, "/api/v1/units/U2")
    assert [(f["year"], f["amount"], f["minimum"], f["meets_minimum"]) for f in u2["funding"]] == [
        (2024, 20000, 30000, False),
        (2025, 0, 30000, False),
    ]


def test_person_picture_masks_the_phone(api):
    body = ok(api, "/api/v1/people/P1")
    assert body["person"] == {
        "id": "P1",
        "name": "张伟",
        "roles": ["cadre", "party_member"],
        "phone": "138****1234",
    }
    assert {c["id"] for c in body["linked_communities"]} == {C1, C2, C3, C4}
    assert [(s["id"], s["community_id"]) for s in body["secretary_of"]] == [(w.BPC1, C1)]
    assert [(m["org_id"], m["role"], m["since"], m["until"]) for m in body["memberships"]] == [
        ("PO-CC1", "member", "2020-01-01", "2023-12-31")
    ]
    assert "13800001234" not in api.get("/api/v1/people/P1").text


def test_gaps(api):
    assert rows(ok(api, "/api/v1/gaps/communities_without_unit"), "community_id", "has_big_party_committee") == {
        (C2, True)
    }
    assert rows(ok(api, "/api/v1/gaps/communities_without_unit", with_committee_only=False), "community_id") == {
        (C2,),
        (C3,),
    }
    assert rows(ok(api, "/api/v1/gaps/grids_uncovered"), "grid_id", "community_id") == {(G4, C2)}
    assert rows(ok(api, "/api/v1/gaps/grids_uncovered", with_committee_only=False), "grid_id") == {
        (G4,),
        (G5,),
    }
    assert rows(ok(api, "/api/v1/gaps/compounds_unmanaged"), "compound_id", "property_mode", "community_id") == {
        (w.K3, "company", C2),
        (w.K5, "mgmt_committee", C4),
    }
    assert rows(ok(api, "/api/v1/gaps/cadres_overloaded"), "person_id", "communities") == {("P1", 4)}
    assert rows(ok(api, "/api/v1/gaps/cadres_overloaded", n=0), "person_id", "communities") == {
        ("P1", 4),
        ("P2", 1),
    }
    assert rows(ok(api, "/api/v1/gaps/cadres_overloaded", n=4), "person_id") == set()


def test_units_below_minimum(api):
    assert rows(
        ok(api, "/api/v1/gaps/units_below_minimum", year=2024),
        "unit_id",
        "community_id",
        "amount",
        "minimum",
        "shortfall",
    ) == {("U2", C1, 20000, 30000, 10000)}
    body = ok(api, "/api/v1/gaps/units_below_minimum", year=2025)
    assert [(i["unit_id"], i["amount"], i["minimum"], i["shortfall"]) for i in body["items"]] == [
        ("U2", 0, 30000, 30000),
        ("U3", 40000, 50000, 10000),
    ]


def test_missed_joint_meetings(api):
    def missed(**params):
        return rows(ok(api, "/api/v1/gaps/missed_joint_meetings", **params), "community_id", "quarter")

    assert missed(year=2024) == {(C2, "2024-Q2"), (C2, "2024-Q4"), *((C4, f"2024-Q{q}") for q in range(1, 5))}
    # No year: the latest year with a joint meeting (2025); seen from its end, every quarter is past.
    whole_year = {
        *((C1, f"2025-Q{q}") for q in (2, 3, 4)),
        *((c, f"2025-Q{q}") for c in (C2, C4) for q in range(1, 5)),
    }
    assert missed(as_of="2025-12-31") == whole_year
    # By default, seen from the data's last day (in 2025-Q1): quarters not begun yet are not missed.
    assert missed() == {(c, q) for c, q in whole_year if q == "2025-Q1"}
    assert missed(**{"from": "2024-Q2", "to": "2024Q3"}) == {
        (C2, "2024-Q2"),
        (C4, "2024-Q2"),
        (C4, "2024-Q3"),
    }
    assert missed(**{"from": "2024-Q4"}) == {(C2, "2024-Q4"), (C4, "2024-Q4")}


def test_resolution(api):
    body = ok(api, "/api/v1/stats/resolution")
    assert (body["resolved"], body["in_grid_or_community"], body["rate"]) == (4, 2, 0.5)
    assert {(r["resolution_level"], r["category"], r["resolved"]) for r in body["by_level_category"]} == {
        ("grid", "municipal", 1),
        ("community", "sanitation", 1),
        ("street", "construction", 1),
        ("district", "property", 1),
    }
    assert [(r["resolution_level"], r["resolved"]) for r in body["by_level"]] == [
        ("grid", 1),
        ("community", 1),
        ("street", 1),
        ("district", 1),
    ]
    rate = api.post("/api/v1/queries/resolution_rate", json={}).json()["rows"]
    assert rate == [{"resolved": 4, "in_grid_or_community": 2, "rate": 0.5}]
    in_2024 = ok(api, "/api/v1/stats/resolution", from_date="2024-01-01", to_date="2024-12-31")
    assert (in_2024["resolved"], in_2024["in_grid_or_community"], in_2024["rate"]) == (3, 2, 0.6667)


def test_search(api):
    def hits(**params):
        return {(h["id"], h["name"]) for h in ok(api, "/api/v1/search", limit=100, **params)["items"]}

    assert hits(q="天马", label="Community") == {(C1, "天马社区")}
    assert hits(q="天马社区", label="Grid") == {(G1, "天马社区第一网格"), (G2, "天马社区第二网格")}
    assert hits(q="天马 花园") == {(w.K1, "天马花园"), ("OC1", "天马花园业委会")}
    # One character: any name holding it, first, middle or last.
    assert hits(q="村") == {
        (C3, "龙腾村"),
        (G5, "龙腾村第一村民小组"),
        (w.K2, "天马二村"),
        (w.K4, "翠屏新村"),
        ("PMC2", "天马二村物业管理委员会"),
    }
    assert hits(q="村", label="Compound") == {(w.K2, "天马二村"), (w.K4, "翠屏新村")}
    assert hits(q="天马 *", label="Community") == {(C1, "天马社区")}  # a lone mark is dropped
    assert hits(q="name:天马") == set()  # Lucene syntax typed by a user is searched for, not obeyed
    best = ok(api, "/api/v1/search", q="天马社区")["items"][0]
    assert best["id"] == C1


@pytest.mark.parametrize(
    "url, named",
    [
        ("/api/v1/grids/G-nope/units", "G-nope"),
        ("/api/v1/units/U-nope/grids", "U-nope"),
        ("/api/v1/communities/350802999999", "350802999999"),
        ("/api/v1/units/U-nope", "U-nope"),
        ("/api/v1/people/P-nope", "P-nope"),
        ("/api/v1/gaps/everything", "everything"),
    ],
)
def test_unknown_ids_are_404_naming_them(api, url, named):
    r = api.get(url)
    assert r.status_code == 404 and named in r.json()["detail"], r.text


@pytest.mark.parametrize(
    "url, params, field",
    [
        ("/api/v1/grids/G1/units", {"limit": 0}, "limit"),
        ("/api/v1/grids/G1/units", {"offset": -1}, "offset"),
        ("/api/v1/gaps/units_below_minimum", {}, "year"),
        ("/api/v1/gaps/units_below_minimum", {"year": "last"}, "year"),
        ("/api/v1/gaps/missed_joint_meetings", {"from": "2024-Q5"}, "from"),
        ("/api/v1/gaps/missed_joint_meetings", {"to": "2024-Q1"}, "from"),
        ("/api/v1/gaps/missed_joint_meetings", {"from": "2024-Q3", "to": "2024-Q1"}, "to"),
        ("/api/v1/gaps/missed_joint_meetings", {"year": 2024, "from": "2024-Q1"}, "year"),
        ("/api/v1/stats/resolution", {"from_date": "yesterday"}, "from_date"),
        ("/api/v1/stats/resolution", {"from_date": "2024-05-01", "to_date": "2024-01-01"}, "to_date"),
        ("/api/v1/search", {"q": ""}, "q"),
        ("/api/v1/search", {"q": "天马", "label": "Planet"}, "label"),
        ("/api/v1/search", {"q": "*"}, "q"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(api, url, params, field):
    r = api.get(url, params=params)
    assert r.status_code == 422, r.text
    assert field in r.text


def test_cli_query_and_cypher(api, neo4j_server):
    import json
    import os
    import subprocess
    import sys

    ROOT = Path(__file__).resolve().parent.parent

    env = {**os.environ, "NEO4J_URI": neo4j_server.uri}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "cli", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    res = cli("query", "grid_units", "-p", f"grid_id={G1}", "--format", "json")
    assert res.returncode == 0, res.stderr
    assert {(r["unit_id"], r["via"]) for r in json.loads(res.stdout)} == {
        ("U1", "direct"),
        ("U1", "pairing"),
        ("U2", "pairing"),
    }
    res = cli("cypher", "MATCH (n:Community) DETACH DELETE n")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.strip().count("\n") == 0 and "refused DETACH" in res.stderr
