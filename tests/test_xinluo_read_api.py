"""The read API on the calibrated xinluo tier (the `xinluo_client` fixture): what the article fixes.
96 communities have a big party committee, each with a paired unit; 29 cadres are linked to all
96; 262 units are paired; 天马社区 of 曹溪街道 is there with its picture."""

from __future__ import annotations

TIANMA, CAOXI = "350802006002", "350802006"


def ok(client, url: str, **params) -> dict:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def cypher(client, query: str) -> list[dict]:
    r = client.post("/api/v1/cypher", json={"query": query})
    assert r.status_code == 200, r.text
    return r.json()["rows"]


def test_every_big_party_committee_community_has_a_paired_unit(xinluo_client):
    [row] = cypher(
        xinluo_client,
        "MATCH (:PartyOrg {kind: 'big_party_committee'})-[:SERVES]->(c:Community) "
        "RETURN count(DISTINCT c) AS communities",
    )
    assert row["communities"] == 96
    assert ok(xinluo_client, "/api/v1/gaps/communities_without_unit")["items"] == []
    [paired] = cypher(
        xinluo_client,
        "MATCH (u:Unit)-[:PAIRED_WITH]->(c:Community) "
        "RETURN count(DISTINCT u) AS units, count(DISTINCT c) AS communities",
    )
    assert paired == {"units": 262, "communities": 96}


def test_29_cadres_cover_the_96_communities(xinluo_client):
    cadres = ok(xinluo_client, "/api/v1/gaps/cadres_overloaded", n=0, limit=1000)["items"]
    assert len(cadres) == 29
    assert len({c for cadre in cadres for c in cadre["community_ids"]}) == 96
    most = cadres[0]["communities"]
    assert [c["person_id"] for c in ok(xinluo_client, "/api/v1/gaps/cadres_overloaded", n=most)["items"]] == []


def test_tianma_community_picture(xinluo_client):
    body = ok(xinluo_client, f"/api/v1/communities/{TIANMA}")
    assert (body["community"]["name"], body["street"]["id"], body["street"]["name"]) == (
        "天马社区",
        CAOXI,
        "曹溪街道",
    )
    assert body["big_party_committee"] and body["secretary"] and body["paired_units"] and body["grids"]
    phone = body["secretary"]["phone"]
    assert phone is None or "*" in phone
    grid = body["grids"][0]["id"]
    via = {(u["unit_id"], u["via"]) for u in ok(xinluo_client, f"/api/v1/grids/{grid}/units", limit=1000)["items"]}
    assert {(u["id"], "pairing") for u in body["paired_units"]} <= via
    unit = ok(xinluo_client, f"/api/v1/units/{body['paired_units'][0]['id']}")
    assert TIANMA in {c["id"] for c in unit["paired_communities"]}
    person = ok(xinluo_client, f"/api/v1/people/{body['secretary']['id']}")
    assert TIANMA in {c["id"] for c in person["linked_communities"]}


def test_search_and_stats_on_the_tier(xinluo_client):
    hits = ok(xinluo_client, "/api/v1/search", q="天马", label="Community")["items"]
    assert TIANMA in {h["id"] for h in hits}
    assert ok(xinluo_client, "/api/v1/search", q="曹")["items"]
    res = ok(xinluo_client, "/api/v1/stats/resolution")
    assert res["resolved"] == sum(r["resolved"] for r in res["by_level"]) > 0
    assert 0 <= res["rate"] <= 1
