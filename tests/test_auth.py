"""Roles, keys and areas through real HTTP on the app (docs/security.md): for each endpoint family
(read, ad-hoc, exports, writes, admin) 401 without a key, 403 below its role or outside the key's
area, 2xx within; writes recorded under the key's person; every audited action in the log."""

from __future__ import annotations

import pytest

from graph.core.access import ROLES
from graph.core.store import get_store
from graph.services import keys
from tests.auth_helpers import bearer, keys_on  # noqa: F401 (a fixture)
from tests.issue_fixtures import tianma_client

TIANMA, DONGBAO, STREET = "350802006002", "350802006003", "350802006"
NEW = {"title": "楼道堆物", "category": "property", "channel": "visit", "level": "community"}


@pytest.fixture(scope="module")
def world(neo4j_server):
    """天马 and 东宝 (tests/issue_fixtures.py), an issue in each, and a key of every role."""
    with tianma_client() as c:
        for iid, grid in (("I-TM", "G1"), ("I-DB", "G9")):
            r = c.post(
                "/api/v1/issues", json=NEW | {"id": iid, "located_in_id": grid, "at": "2024-05-01T10:00:00+08:00"}
            )
            assert r.status_code == 201, r.text
        c.headers.pop("Authorization")
        store = get_store()
        key = {
            role: bearer(store, role, person="P-GW1" if role in ("coordinator", "admin") else None) for role in ROLES
        }
        key["tianma viewer"] = bearer(store, "viewer", scope="天马社区")
        key["tianma coordinator"] = bearer(store, "coordinator", person="P-GW1", scope=TIANMA)
        key["street analyst"] = bearer(store, "analyst", scope="曹溪街道")
        yield c, key


# (family, method, path, body, the lowest role that may)
FAMILIES = [
    ("read", "GET", f"/api/v1/communities/{TIANMA}", None, "viewer"),
    ("read", "GET", "/api/v1/issues/stalled?between=community-street&min_days=0", None, "viewer"),
    ("read", "POST", "/api/v1/queries/community_picture", {"id": TIANMA}, "viewer"),
    ("read", "GET", "/api/v1/graph/neighbourhood/P-GW1", None, "viewer"),
    ("ad-hoc", "POST", "/api/v1/cypher", {"query": "MATCH (p:Person) RETURN p.name AS name LIMIT 3"}, "analyst"),
    ("export", "GET", "/api/v1/issues/ledger?as_of=2024-06-01&min_days=0", None, "analyst"),
    ("write", "POST", "/api/v1/issues/I-TM/steps", {"action": "supervise"}, "coordinator"),
    ("admin", "GET", "/api/v1/keys", None, "admin"),
    ("admin", "GET", "/api/v1/audit", None, "admin"),
]


def call(c, method, path, body, headers):
    return c.request(method, path, json=body, headers=headers)


@pytest.mark.parametrize(
    ("family", "method", "path", "body", "least"), FAMILIES, ids=[f"{f[0]} {f[2]}" for f in FAMILIES]
)
def test_each_family_asks_for_its_role(world, keys_on, family, method, path, body, least):  # noqa: F811
    c, key = world
    none = call(c, method, path, body, {})
    assert none.status_code == 401 and "Authorization: Bearer" in none.json()["detail"], none.text
    assert none.headers["WWW-Authenticate"].startswith("Bearer")
    for role in ROLES:
        r = call(c, method, path, body, key[role])
        if ROLES.index(role) >= ROLES.index(least):
            assert r.status_code in (200, 201), (role, r.text)
        else:
            assert r.status_code == 403, (role, r.text)
            assert f"needs the {least} role" in r.json()["detail"] and role in r.json()["detail"]


def test_bad_keys_get_401_with_the_reason(world, keys_on):  # noqa: F811
    c, key = world
    page = "/api/v1/vocabulary"
    assert "malformed" in c.get(page, headers={"Authorization": "Bearer nonsense"}).json()["detail"]
    assert "must read `Bearer <key>`" in c.get(page, headers={"Authorization": "Basic abc"}).json()["detail"]
    good = key["viewer"]["Authorization"]
    wrong = good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB")
    r = c.get(page, headers={"Authorization": wrong})
    assert r.status_code == 401 and "secret" in r.json()["detail"]
    made, text = keys.create(store=get_store(), name="short-lived", role="viewer")
    assert c.get(page, headers={"Authorization": f"Bearer {text}"}).status_code == 200
    keys.revoke(made.id)
    r = c.get(page, headers={"Authorization": f"Bearer {text}"})
    assert r.status_code == 401 and "revoked" in r.json()["detail"]


def test_public_paths_need_no_key(world, keys_on):  # noqa: F811
    c, _ = world
    for path in ("/health", "/docs", "/openapi.json", "/"):
        assert c.get(path).status_code in (200, 503), path  # /health answers 503 when Neo4j is down


def test_a_key_limited_to_an_area_sees_and_writes_only_there(world, keys_on):  # noqa: F811
    c, key = world
    tv, tc, sa = key["tianma viewer"], key["tianma coordinator"], key["street analyst"]
    assert c.get(f"/api/v1/communities/{TIANMA}", headers=tv).status_code == 200
    outside = c.get(f"/api/v1/communities/{DONGBAO}", headers=tv)
    assert outside.status_code == 403 and "outside area 350802006002" in outside.json()["detail"]
    assert c.get("/api/v1/issues/I-TM/trail", headers=tv).status_code == 200
    assert c.get("/api/v1/issues/I-DB/trail", headers=tv).status_code == 403
    assert c.get("/api/v1/people/P-GW1", headers=tv).status_code == 200  # works grid G1, in 天马
    # Lists are narrowed to the area; asking for another one is refused.
    q = {"between": "community-street", "min_days": 0, "as_of": "2030-01-01"}
    c.post("/api/v1/issues/I-DB/steps", json={"action": "escalate"}, headers=key["coordinator"])
    c.post("/api/v1/issues/I-TM/steps", json={"action": "escalate"}, headers=key["coordinator"])
    everyone = {i["issue_id"] for i in c.get("/api/v1/issues/stalled", params=q, headers=key["viewer"]).json()["items"]}
    mine = {i["issue_id"] for i in c.get("/api/v1/issues/stalled", params=q, headers=tv).json()["items"]}
    assert everyone == {"I-TM", "I-DB"} and mine == {"I-TM"}
    assert c.get("/api/v1/issues/stalled", params=q | {"community": DONGBAO}, headers=tv).status_code == 403
    street = {i["issue_id"] for i in c.get("/api/v1/issues/stalled", params=q, headers=sa).json()["items"]}
    assert street == {"I-TM", "I-DB"}  # both communities lie in 曹溪街道
    # Routes not narrowed to an area refuse such a key, whatever its role.
    for method, path, body in (
        ("GET", "/api/v1/search?q=天马", None),
        ("POST", "/api/v1/cypher", {"query": "RETURN 1"}),
    ):
        r = call(c, method, path, body, sa)
        assert r.status_code == 403 and "not narrowed to one area" in r.json()["detail"], path
    # Writes: inside the area yes, outside no.
    assert c.post("/api/v1/issues/I-TM/steps", json={"action": "supervise"}, headers=tc).status_code == 201
    assert c.post("/api/v1/issues/I-DB/steps", json={"action": "supervise"}, headers=tc).status_code == 403
    filed = c.post("/api/v1/issues", json=NEW | {"located_in_id": "G9"}, headers=tc)
    assert filed.status_code == 403 and "G9" in filed.json()["detail"]
    assert c.get("/api/v1/issues/ledger", params={"as_of": "2030-01-01"}, headers=sa).status_code == 200


def test_writes_take_the_actor_from_the_key(world, keys_on):  # noqa: F811
    c, key = world
    claimed = c.post("/api/v1/issues/I-TM/steps", json={"action": "supervise", "by_id": "AO-SO"}, headers=key["admin"])
    assert claimed.status_code == 422 and "by_id" in claimed.json()["detail"]
    no_person = bearer(get_store(), "coordinator")
    r = c.post("/api/v1/issues/I-TM/steps", json={"action": "supervise"}, headers=no_person)
    assert r.status_code == 403 and "names no person" in r.json()["detail"]
    assert c.post("/api/v1/issues/I-TM/steps", json={"action": "supervise"}, headers=key["admin"]).status_code == 201
    last = c.get("/api/v1/issues/I-TM/trail", headers=key["viewer"]).json()["steps"][-1]
    assert (last["action"], last["by"]["id"]) == ("supervised", "P-GW1")


def test_auth_off_serves_loopback_only_and_still_asks_a_key_for_writes(world):
    c, _ = world  # GRASSROOTS_AUTH=off in tests, as `make demo` serves
    assert c.get(f"/api/v1/communities/{TIANMA}").status_code == 200
    assert c.post("/api/v1/cypher", json={"query": "RETURN 1 AS x"}).status_code == 200  # `local` is an analyst
    r = c.post("/api/v1/issues/I-TM/steps", json={"action": "supervise"})
    assert r.status_code == 403 and "coordinator" in r.json()["detail"]
    assert c.get("/api/v1/keys").status_code == 403
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(), client=("192.0.2.7", 40000)) as remote:
        r = remote.get(f"/api/v1/communities/{TIANMA}")
        assert r.status_code == 403 and "loopback" in r.json()["detail"]


def test_the_audit_log_names_who_did_what(world, keys_on):  # noqa: F811
    c, key = world
    c.post(
        "/api/v1/cypher",
        json={"query": "MATCH (n:Street) RETURN n.name AS audit_probe", "parameters": {}},
        headers=key["analyst"],
    )
    c.post("/api/v1/cypher", json={"query": "CREATE (n:AuditProbe) RETURN n"}, headers=key["analyst"])
    c.post("/api/v1/issues/I-TM/steps", json={"action": "supervise"}, headers=key["coordinator"])
    made = c.post("/api/v1/keys", json={"name": "via api", "role": "viewer"}, headers=key["admin"])
    assert made.status_code == 201 and made.json()["key"].startswith("gg_")
    assert c.delete(f"/api/v1/keys/{made.json()['id']}", headers=key["admin"]).status_code == 200
    log = c.get("/api/v1/audit", params={"limit": 1000}, headers=key["admin"]).json()
    entries = log["items"]
    cypher = [e for e in entries if e["action"] == "cypher"]
    assert any("audit_probe" in e["what"]["query"] and e["outcome"].startswith("ok") for e in cypher)
    assert any("AuditProbe" in e["what"]["query"] and e["outcome"].startswith("error 403") for e in cypher)
    mine = [e for e in cypher if "audit_probe" in e["what"]["query"] or "AuditProbe" in e["what"]["query"]]
    assert mine and all(
        (e["role"], e["actor"], e["key_id"] is not None) == ("analyst", "test analyst", True) for e in mine
    )
    step = next(e for e in entries if e["action"] == "step")
    assert (step["person"], step["what"]["issue"], step["outcome"][:2]) == ("P-GW1", "I-TM", "ok")
    changes = [e["what"]["change"] for e in entries if e["action"] == "key"]
    assert "create" in changes and "revoke" in changes
    assert any(e["action"] == "export" for e in entries)  # the ledger downloads above
    only = c.get("/api/v1/audit", params={"action": "key"}, headers=key["admin"]).json()["items"]
    assert only and {e["action"] for e in only} == {"key"}
    assert c.get("/api/v1/audit", params={"action": "nope"}, headers=key["admin"]).status_code == 422


def test_ingest_through_the_api_is_for_admins(world, keys_on, tmp_path):  # noqa: F811
    c, key = world
    csv = "id,name,roles,work_phone\nP-GW2,网格员乙,grid_worker,139 0000 2222\n".encode()
    files = [("files", ("people.csv", csv, "text/csv"))]
    assert c.post("/api/v1/ingest", files=files, headers=key["coordinator"]).status_code == 403
    r = c.post("/api/v1/ingest", files=files, headers=key["admin"])
    assert r.status_code == 200 and (r.json()["loaded"], r.json()["rejected"]) == (1, 0), r.text
    bad = [
        ("files", ("people.csv", "id,name,roles,work_phone\nP-X,居民,party_member,13900001111\n".encode(), "text/csv"))
    ]
    r = c.post("/api/v1/ingest", files=bad, headers=key["admin"])
    err = r.json()["errors"][0]
    assert (r.json()["rejected"], err["column"], err["value"]) == (1, "work_phone", "139****1111")
    assert "public-facing role" in err["reason"]
