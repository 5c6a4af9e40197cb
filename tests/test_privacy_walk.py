"""Personal data through every way out (docs/security.md, 'What is masked'). On the xinluo tier,
whose role holders carry whole (fictional) work phones: a viewer and an analyst walk every GET
route of the OpenAPI document, every catalogue query, the graph JSON, ad-hoc Cypher reading the
phone properties, the ledger and the CLI, and find no whole phone number; a coordinator within
曹溪街道 finds the ledger's contacts whole. On the tianma fixture: phone numbers and a resident's
name typed into an issue's title and note are stored sealed and shown masked below coordinator."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from graph.core.store import get_store
from tests.auth_helpers import bearer, keys_on  # noqa: F401 (a fixture)
from tests.conftest import TEST_PASSWORD, read_raw
from tests.issue_fixtures import tianma_client

ROOT = Path(__file__).resolve().parent.parent
# Any whole mainland mobile number, with or without separators or +86.
MOBILE = re.compile(r"(?<![\d*])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\d*])")
CAOXI = "曹溪街道"


def _text_of(response) -> str:
    """What a reader gets, as text: JSON and XML as they are, a workbook's every cell."""
    if response.headers.get("content-type", "").startswith("application/vnd.openxmlformats"):
        return _xlsx_text(response.content)
    return response.text


def _xlsx_text(content: bytes) -> str:
    wb = load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(
        "\t".join("" if v is None else str(v) for v in row)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
    )


def _leaks(text: str, phones: set[str]) -> list[str]:
    found = {m.group(0) for m in MOBILE.finditer(text)}
    found |= {p for p in phones if p in text}
    return sorted(found)


@pytest.fixture(scope="module")
def sample(xinluo):
    """Ids to walk with (one of each kind the routes take) and every whole work phone of the tier."""
    with open(xinluo.dir / "people.csv", encoding="utf-8-sig") as f:
        phones = {r["work_phone"] for r in csv.DictReader(f) if r.get("work_phone")}
    assert len(phones) > 100, "the xinluo tier gives its role holders work phones"

    def one(text: str) -> str:
        rows = read_raw(xinluo.store, text)
        assert rows, text
        return rows[0][0]

    s = {
        "community": one("MATCH (c:Community {name: '天马社区'}) RETURN c.id"),
        "street": one(f"MATCH (s:Street {{name: '{CAOXI}'}}) RETURN s.id"),
        "other street": one(f"MATCH (s:Street) WHERE s.name <> '{CAOXI}' RETURN s.id ORDER BY s.id LIMIT 1"),
        "grid": one("MATCH (:Community {name: '天马社区'})<-[:PART_OF]-(g:Grid) RETURN g.id ORDER BY g.id LIMIT 1"),
        "unit": one("MATCH (u:Unit)-[:PAIRED_WITH]-() RETURN u.id ORDER BY u.id LIMIT 1"),
        "worker": one("MATCH (p:Person) WHERE p.work_phone IS NOT NULL RETURN p.id ORDER BY p.id LIMIT 1"),
        "cadre": one("MATCH (p:Person)-[:LINKED_TO]->(:Community) RETURN p.id ORDER BY p.id LIMIT 1"),
        "resident": one("MATCH (p:Person) WHERE p.work_phone IS NULL RETURN p.id ORDER BY p.id LIMIT 1"),
        "issue": one(
            "MATCH (i:Issue)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(s:Step) WITH i, count(s) AS n ORDER BY n DESC, i.id "
            "RETURN i.id LIMIT 1"
        ),
        "category": one("MATCH (c:IssueCategory) RETURN c.id ORDER BY c.id LIMIT 1"),
    }
    return s, phones


def _route_calls(paths: dict, s: dict) -> list[str]:
    """A URL for every GET route: path parameters from the sample, required query parameters too."""
    by_route = {
        "/api/v1/graph/community/{id}": [s["community"]],
        "/api/v1/graph/neighbourhood/{id}": [s["worker"], s["cadre"], s["community"]],
        "/api/v1/graph/issue/{id}": [s["issue"]],
        "/api/v1/graph/degrees/{id}": [s["cadre"]],
        "/api/v1/grids/{id}/units": [s["grid"]],
        "/api/v1/communities/{id}": [s["community"]],
        "/api/v1/units/{id}": [s["unit"]],
        "/api/v1/units/{id}/grids": [s["unit"]],
        "/api/v1/people/{id}": [s["worker"], s["cadre"], s["resident"]],
        "/api/v1/units/{id}/scorecard": [s["unit"]],
        "/api/v1/communities/{id}/agenda": [s["community"]],
        "/api/v1/people/{id}/points": [s["worker"], s["cadre"]],
        "/api/v1/communities/{id}/points": [s["community"]],
    }
    named = {
        "issue_id": s["issue"],
        "grid_id": s["grid"],
        "request_id": s["issue"],
        "service_code": s["category"],
        "from": s["community"],
        "to": s["unit"],
        "q": "天马",
        "year": "2024",
        "name": "workload",  # the analysis that names cadres (GET /api/v1/analytics/{name})
        "under": s["street"],
    }
    skip = {"/api/v1/keys", "/api/v1/audit"}  # admin only: below it, 403 (tests/test_auth.py)
    urls = []
    for path, ops in paths.items():
        if "get" not in ops or path in skip:
            continue
        params = ops["get"].get("parameters", [])
        query = [f"{p['name']}={named[p['name']]}" for p in params if p["in"] == "query" and p.get("required")]
        fills = [path]
        if "{id}" in path:
            fills = [path.replace("{id}", v) for v in by_route[path]]
        for fmt in ("json", "xml") if "{fmt}" in path else (None,):
            for f in fills:
                url = f.replace("{fmt}", fmt or "")
                for name, value in named.items():
                    url = url.replace("{" + name + "}", value)
                assert "{" not in url, f"no sample for a parameter of {path}"
                urls.append(url + ("?" + "&".join(query) if query else ""))
    return urls


# Extra parameters so the answers have rows to leak from.
WIDER = {
    "/api/v1/issues/ledger": "as_of=2025-06-30&min_days=0",
    "/api/v1/issues/stalled": "as_of=2025-06-30&min_days=0&limit=500",
    "/api/v1/issues/overdue": "as_of=2025-06-30&limit=500",
    "/api/v1/gaps/missed_joint_meetings": "as_of=2025-12-31",
    "/api/v1/tasks": "as_of=2025-04-30&limit=500",
    "/open311/v2/requests.json": "start_date=2023-01-01T00:00:00%2B08:00&end_date=2025-12-31T00:00:00%2B08:00",
    "/open311/v2/requests.xml": "start_date=2023-01-01T00:00:00%2B08:00&end_date=2025-12-31T00:00:00%2B08:00",
}


def _catalogue_params(q: dict, s: dict) -> dict:
    ids = {
        "community_picture": s["community"],
        "graph_community": s["community"],
        "graph_issue": s["issue"],
        "unit_picture": s["unit"],
    }
    named = {
        "id": ids.get(q["name"], s["cadre"]),
        "ids": [s["worker"], s["cadre"], s["resident"], s["community"]],
        "frontier": [s["cadre"]],
        "seen": [s["cadre"]],
        "issue_ids": [s["issue"]],
        "grid_id": s["grid"],
        "unit_id": s["unit"],
        "issue_id": s["issue"],
        "community_id": s["community"],
        "area_id": s["community"],
        "from": s["community"],
        "to": s["unit"],
        "query": "天马",
        "between": "community-street",
        "year": 2024,
        "types": ["MEMBER_OF", "LINKED_TO", "PAIRED_WITH"],
        "order": ["grid", "community", "street", "district"],
        "room": 100,
        "min_days": 0,
        "under": s["street"],
        "as_of": "2025-04-30",
        "as_of_day": "2025-04-30",
        "person_id": s["worker"],
    }
    out = {}
    for p in q["params"]:
        if p["required"] or p["name"] in ("min_days",):
            assert p["name"] in named, f"no sample for {q['name']}'s parameter {p['name']}"
            out[p["name"]] = named[p["name"]]
    return out


ADHOC = [
    "MATCH (p:Person) WHERE p.work_phone IS NOT NULL RETURN p.work_phone AS x, p.phone AS y, p LIMIT 50",
    "MATCH (p:Person) RETURN p {.*} AS everything LIMIT 50",
    "MATCH (p:Person) WHERE p.work_phone IS NOT NULL RETURN collect(p.work_phone)[0..20] AS phones",
    "MATCH (p:Person) WHERE p.work_phone IS NOT NULL RETURN properties(p) AS props, keys(p) AS k LIMIT 20",
    "MATCH (i:Issue)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(s:Step) RETURN i.title AS t, s.note AS n, s LIMIT 200",
]


@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_below_coordinator_no_way_out_shows_a_whole_phone(xinluo, xinluo_client, sample, keys_on, role):  # noqa: F811
    s, phones = sample
    c = xinluo_client
    c.headers.update(bearer(xinluo.store, role))
    paths = c.app.openapi()["paths"]
    walked = 0
    for url in _route_calls(paths, s):
        base = url.split("?")[0]
        if base in WIDER:
            url += ("&" if "?" in url else "?") + WIDER[base]
        r = c.get(url)
        if (base == "/api/v1/issues/ledger" or base.startswith("/api/v1/analytics/")) and role == "viewer":
            assert r.status_code == 403, r.text  # exports and analyses are for analysts
            continue
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
        assert not _leaks(_text_of(r), phones), (url, _leaks(_text_of(r), phones)[:5])
        walked += 1
    assert walked >= 35, walked

    for q in c.get("/api/v1/queries").json():
        r = c.post(f"/api/v1/queries/{q['name']}", json=_catalogue_params(q, s))
        assert r.status_code == 200, (q["name"], r.text[:300])
        assert not _leaks(r.text, phones), (q["name"], _leaks(r.text, phones)[:5])

    r = c.post("/api/v1/graph/nodes", json={"keys": [f"Person:{s[k]}" for k in ("worker", "cadre", "resident")]})
    assert r.status_code == 200 and not _leaks(r.text, phones), r.text[:300]

    for text in ADHOC:
        r = c.post("/api/v1/cypher", json={"query": text})
        if role == "viewer":
            assert r.status_code == 403, r.text
            continue
        assert r.status_code == 200, (text, r.text[:300])
        assert r.json()["rows"], text
        assert not _leaks(r.text, phones), (text, _leaks(r.text, phones)[:5])
        assert "enc:v1:" not in r.text, "a sealed value reaches the reader opened or masked, never as a token"


def _cli(*args: str, key: str, uri: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(NEO4J_URI=uri, NEO4J_USERNAME="neo4j", NEO4J_PASSWORD=TEST_PASSWORD, GRASSROOTS_KEY=key)
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def _key(store, role: str, **kw) -> str:
    return bearer(store, role, **kw)["Authorization"].removeprefix("Bearer ")


def test_the_cli_masks_below_coordinator_and_shows_a_coordinator_in_scope_whole(xinluo, sample, tmp_path):
    s, phones = sample
    viewer, analyst = _key(xinluo.store, "viewer"), _key(xinluo.store, "analyst")
    for args in (
        ["query", "person_picture", "-p", f"id={s['worker']}", "-f", "json"],
        ["query", "community_picture", "-p", f"id={s['community']}", "-f", "csv"],
        ["query", "issue_responsible", "-p", f"area_id={s['grid']}", "-p", "category=property"],
        ["stats"],
    ):
        r = _cli(*args, key=viewer, uri=xinluo.uri)
        assert r.returncode == 0, (args, r.stderr)
        assert not _leaks(r.stdout, phones), (args, _leaks(r.stdout, phones)[:5])
    r = _cli(
        "cypher", "MATCH (p:Person) WHERE p.work_phone IS NOT NULL RETURN p.work_phone AS x LIMIT 20", "-f", "json",
        key=analyst, uri=xinluo.uri,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    shown = [row["x"] for row in json.loads(r.stdout)["rows"]] if r.stdout.lstrip().startswith("{") else r.stdout
    assert shown and not _leaks(json.dumps(shown, ensure_ascii=False), phones), shown

    ledgers = {}
    for who, key in (
        ("analyst", analyst),
        ("coordinator", _key(xinluo.store, "coordinator", person=s["worker"], scope=CAOXI)),
    ):
        out = tmp_path / f"{who}.xlsx"
        r = _cli("issues", "report", "--as-of", "2025-06-30", "--min-days", "0", "--street", CAOXI, "--out", str(out),
                 key=key, uri=xinluo.uri)  # fmt: skip
        assert r.returncode == 0, (who, r.stderr)
        ledgers[who] = _xlsx_text(out.read_bytes())
    assert not _leaks(ledgers["analyst"], phones)
    whole = {p for p in phones if p in ledgers["coordinator"]}
    assert len(whole) >= 3, "a coordinator within 曹溪街道 gets the ledger's contacts whole, to call them"
    assert "****" not in ledgers["coordinator"], "and no masked contact"


def test_a_coordinator_in_scope_gets_the_ledger_contacts_whole_through_the_api(xinluo, xinluo_client, sample, keys_on):  # noqa: F811
    s, phones = sample
    c = xinluo_client
    url = f"/api/v1/issues/ledger?as_of=2025-06-30&min_days=0&street={s['street']}"
    whole = c.get(url, headers=bearer(xinluo.store, "coordinator", person=s["worker"], scope=CAOXI))
    assert whole.status_code == 200, whole.text
    assert len({p for p in phones if p in _text_of(whole)}) >= 3
    other = c.get(url, headers=bearer(xinluo.store, "coordinator", person=s["worker"], scope=s["other street"]))
    assert other.status_code == 403, "a coordinator of another street may not export 曹溪街道's ledger"


TITLE = "居民张伟反映楼道灯坏了，电话 138 1234 5678，物业座机0597-2345678"
NOTE = "已联系业主李娜娜，她的手机13900001111"


def test_free_text_is_stored_sealed_and_shown_masked_below_coordinator(neo4j_server, keys_on):  # noqa: F811
    with tianma_client() as c:
        r = c.post(
            "/api/v1/issues",
            json={"id": "I-TXT", "title": TITLE, "category": "property", "channel": "visit", "level": "grid",
                  "located_in_id": "G1", "note": NOTE, "at": "2024-05-01T10:00:00+08:00"},
        )  # fmt: skip
        assert r.status_code == 201, r.text
        coordinator = dict(c.headers)
        store = get_store()
        raw = json.dumps(read_raw(store, "MATCH (i:Issue {id: 'I-TXT'})-[:FIRST_STEP]->(s) RETURN i.title, s.note"))
        for number in ("138 1234 5678", "0597-2345678", "13900001111"):
            assert number not in raw, "the graph holds no readable number in free text"

        c.headers.pop("Authorization")
        analyst = bearer(store, "analyst")
        viewer = bearer(store, "viewer")
        seen = {
            "trail": c.get("/api/v1/issues/I-TXT/trail", headers=viewer),
            "graph": c.get("/api/v1/graph/issue/I-TXT", headers=viewer),
            "open311": c.get("/open311/v2/requests/I-TXT.xml", headers=viewer),
            "adhoc": c.post(
                "/api/v1/cypher",
                json={"query": "MATCH (i:Issue {id: 'I-TXT'})-[:FIRST_STEP]->(s) RETURN i.title AS a, s.note AS b"},
                headers=analyst,
            ),
        }
        for where, r in seen.items():
            assert r.status_code == 200, (where, r.text)
            text = r.text
            assert not _leaks(text, set()) and "2345678" not in text and "00001111" not in text, (where, text[:400])
            assert "138****5678" in text, where
        assert "张*" in seen["trail"].text and "张伟" not in seen["trail"].text

        r = c.get("/api/v1/issues/I-TXT/trail", headers=coordinator)
        assert "138 1234 5678" in r.text and "0597-2345678" in r.text and "13900001111" in r.text and "张伟" in r.text
