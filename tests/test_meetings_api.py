"""The meeting cycle on a small hand-built graph: recording a meeting with its task list (one
transaction, idempotent, every id checked), tasks overdue on the right Beijing-time day, a task
done resolving its issue through the issue loop, points earned and redeemed (never overdrawn,
also with 20 redemptions at once against a real uvicorn)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from graph.catalogue import writes
from tests.auth_helpers import bearer
from tests.conftest import counts, read_raw, serve_app
from tests.issue_fixtures import tianma

MEETING = {
    "id": "M-T1",
    "kind": "joint_meeting",
    "community_id": "350802006002",
    "date": "2025-04-10",
    "attendees": ["U-1", "DEP-ZJ", "P-CAD"],
    "minutes": "研究楼道堆物，联系人电话 13812345678",
    "tasks": [
        {"title": "清理楼道堆物", "what": "物业牵头", "assigned_to_id": "PCO-1", "due": "2025-05-10",
         "issue_ids": ["I-1"]},
        {"title": "增设停车位", "assigned_to_id": "U-2", "due": "2025-06-30"},
    ],
}  # fmt: skip
ISSUE = {
    "id": "I-1", "title": "楼道堆物", "category": "property", "channel": "visit", "located_in_id": "G1",
    "level": "community", "at": "2025-04-01T10:00:00+08:00",
}  # fmt: skip


def _setup(client, db):
    tianma(db)
    client.headers.update(bearer(db, "coordinator", person="P-GW1"))
    assert client.post("/api/v1/issues", json=ISSUE).status_code == 201


def _tasks(client, **params):
    r = client.get("/api/v1/tasks", params=params)
    assert r.status_code == 200, r.text
    return {(t["task_id"], t["status"]) for t in r.json()["items"]}


def test_a_meeting_is_checked_recorded_once_and_its_tasks_fall_overdue_in_beijing_time(client, db):
    _setup(client, db)
    before = counts(db)
    for body, field in [
        (MEETING | {"attendees": ["U-1", "NOPE"]}, "attendees[1]"),
        (MEETING | {"community_id": "350802999999"}, "community_id"),
        (MEETING | {"tasks": [MEETING["tasks"][0] | {"assigned_to_id": "U-404"}]}, "tasks[0].assigned_to_id"),
        (MEETING | {"tasks": [MEETING["tasks"][0] | {"issue_ids": ["I-404"]}]}, "tasks[0].issue_ids"),
    ]:
        r = client.post("/api/v1/meetings", json=body)
        assert r.status_code == 422 and field in r.json()["detail"], r.text
    assert counts(db) == before  # nothing written
    r = client.post("/api/v1/meetings", json=MEETING)
    assert r.status_code == 201, r.text
    assert r.json() | {"date": None} == {
        "meeting_id": "M-T1", "community_id": "350802006002", "kind": "joint_meeting", "date": None,
        "attendees": 3, "task_ids": ["M-T1-T1", "M-T1-T2"], "created": True,
    }  # fmt: skip
    after = counts(db)
    again = client.post("/api/v1/meetings", json=MEETING)
    assert again.status_code == 200 and again.json()["created"] is False
    assert counts(db)["nodes"] == after["nodes"] and counts(db)["relationships"] == after["relationships"]
    rels = read_raw(
        db,
        "MATCH (m:Meeting {id: 'M-T1'}) RETURN m.minutes AS minutes, "
        "COLLECT { MATCH (a)-[:ATTENDED]->(m) RETURN a.id ORDER BY a.id } AS att, "
        "COLLECT { MATCH (m)-[:HELD_BY]->(h) RETURN h.id } AS held, "
        "COLLECT { MATCH (m)-[:PRODUCED]->(t)-[:ASSIGNED_TO]->(o) RETURN t.id + '>' + o.id ORDER BY t.id } AS tasks, "
        "COLLECT { MATCH (m)-[:PRODUCED]->(t)-[:ADDRESSES]->(i) RETURN t.id + '>' + i.id } AS addr",
    )[0]
    assert "13812345678" not in rels["minutes"]  # sealed like an issue's title
    assert (rels["att"], rels["held"], rels["tasks"], rels["addr"]) == (
        ["DEP-ZJ", "P-CAD", "U-1"], ["PO-BPC"], ["M-T1-T1>PCO-1", "M-T1-T2>U-2"], ["M-T1-T1>I-1"],
    )  # fmt: skip
    # deadline 2025-05-10: still open to the last second of that day in Beijing, overdue from 00:00 of the 11th
    assert _tasks(client, as_of="2025-05-10T15:59:59Z") == {("M-T1-T1", "open"), ("M-T1-T2", "open")}
    assert _tasks(client, as_of="2025-05-10") == {("M-T1-T1", "open"), ("M-T1-T2", "open")}
    assert _tasks(client, as_of="2025-05-10T16:00:00Z") == {("M-T1-T1", "overdue"), ("M-T1-T2", "open")}
    assert _tasks(client, as_of="2025-05-11T00:00:00", status="overdue") == {("M-T1-T1", "overdue")}
    assert _tasks(client, as_of="2025-04-09") == set()  # before the meeting
    assert _tasks(client, as_of="2025-05-20", unit="U-2") == {("M-T1-T2", "open")}
    assert _tasks(client, as_of="2025-05-20", community="350802006003") == set()
    # done late, on 2025-05-12: overdue on the 11th still, done on the 12th (a past as_of does not change)
    done = client.post(
        "/api/v1/tasks/M-T1-T1/progress",
        json={"note": "已清理，电话 13900001111", "done": True, "done_at": "2025-05-12",
              "at": "2025-05-12T09:00:00+08:00"},
    )  # fmt: skip
    assert done.status_code == 201, done.text
    assert done.json()["status"] == "done" and done.json()["on_time"] is False
    assert done.json()["issues"] == [
        {"issue_id": "I-1", "resolved": True, "status": "resolved", "level": "community", "reason": None}
    ]
    assert _tasks(client, as_of="2025-05-11", status="overdue") == {("M-T1-T1", "overdue")}
    assert _tasks(client, as_of="2025-05-12", status="done") == {("M-T1-T1", "done")}
    trail = client.get("/api/v1/issues/I-1/trail").json()
    assert [(s["action"], (s["by"] or {}).get("id")) for s in trail["steps"]] == [
        ("filed", "P-GW1"), ("resolved", "P-GW1")
    ]  # fmt: skip
    assert client.post("/api/v1/tasks/NOPE/progress", json={"note": "x"}).status_code == 404


def test_a_done_task_leaves_an_issue_the_rules_do_not_let_it_resolve(client, db):
    _setup(client, db)
    assert (
        client.post("/api/v1/issues/I-1/steps", json={"action": "close", "at": "2025-04-02T10:00:00+08:00"}).status_code
        == 201
    )
    assert client.post("/api/v1/meetings", json=MEETING).status_code == 201
    r = client.post("/api/v1/tasks/M-T1-T1/progress", json={"done": True, "at": "2025-05-01T10:00:00+08:00"})
    assert r.status_code == 201
    (out,) = r.json()["issues"]
    assert out["resolved"] is False and "closed" in out["reason"]
    assert r.json()["done_at"] == "2025-05-01" and r.json()["on_time"] is True


def test_a_task_adopted_as_a_project(client, db):
    _setup(client, db)
    client.post("/api/v1/meetings", json=MEETING)
    bad = client.post("/api/v1/tasks/M-T1-T2/project", json={"category": "parking", "budget": 50000,
                                                             "supporting_unit_ids": ["U-1", "U-404"]})  # fmt: skip
    assert bad.status_code == 422 and "supporting_unit_ids[1]" in bad.json()["detail"]
    ok = client.post("/api/v1/tasks/M-T1-T2/project", json={"category": "parking", "budget": 50000,
                                                            "supporting_unit_ids": ["U-1", "U-2"]})  # fmt: skip
    assert ok.status_code == 201 and ok.json()["project_id"] == "PRJ-M-T1-T2", ok.text
    assert client.post("/api/v1/tasks/M-T1-T2/project", json={"category": "x", "budget": 1}).status_code == 409
    got = read_raw(db, "MATCH (u:Unit)-[:SUPPORTS]->(p:Project {id: 'PRJ-M-T1-T2'})-[:FOR]->(c) "
                       "RETURN collect(u.id) AS u, c.id AS c, p.budget AS b")[0]  # fmt: skip
    assert (sorted(got["u"]), got["c"], got["b"]) == (["U-1", "U-2"], "350802006002", 50000)
    viewer = bearer(db, "viewer")
    assert client.post("/api/v1/meetings", json=MEETING | {"id": "M-2"}, headers=viewer).status_code == 403


def _points_world(db):
    tianma(db)
    writes.write(
        "tests/fixture_nodes",
        store=db,
        params={"rows": [{"label": "PointCategory", "props": {"id": "PC-1", "name": "志愿服务"}},
                         {"label": "PointItem", "props": {"id": "PI-1", "name": "参加活动", "stars": 5}}]},
    )  # fmt: skip
    writes.write(
        "tests/fixture_rels",
        store=db,
        params={"rows": [{"start_label": "PointItem", "start_id": "PI-1", "type": "IN", "end_label": "PointCategory",
                          "end_id": "PC-1", "props": {}},
                         {"start_label": "Person", "start_id": "P-SEC", "type": "REGISTERED_AT",
                          "end_label": "Community", "end_id": "350802006002", "props": {}}]},
    )  # fmt: skip


def test_points_are_earned_redeemed_and_never_overdrawn(client, db):
    _points_world(db)
    client.headers.update(bearer(db, "coordinator", person="P-GW1"))
    for _ in range(3):
        assert client.post("/api/v1/people/P-SEC/points/earn", json={"item_id": "PI-1"}).status_code == 201
    assert client.post("/api/v1/people/P-SEC/points/earn", json={"item_id": "PI-9"}).status_code == 422
    r = client.post("/api/v1/people/P-SEC/points/redeem", json={"community_id": "350802006002", "points": 10,
                                                                 "benefit": "理发"})  # fmt: skip
    assert r.status_code == 201 and (r.json()["earned"], r.json()["redeemed"], r.json()["balance"]) == (15, 10, 5)
    over = client.post("/api/v1/people/P-SEC/points/redeem", json={"community_id": "350802006002", "points": 6,
                                                                    "benefit": "理发"})  # fmt: skip
    assert over.status_code == 409 and over.json()["current"]["balance"] == 5
    p = client.get("/api/v1/people/P-SEC/points").json()
    assert (p["earned"], p["redeemed"], p["balance"]) == (15, 10, 5)
    assert [
        (k["category_id"], k["points"], [(i["item_id"], i["times"]) for i in k["items"]]) for k in p["categories"]
    ] == [("PC-1", 15, [("PI-1", 3)])]
    c = client.get("/api/v1/communities/350802006002/points").json()
    assert (c["members"], c["earned"], c["redeemed_here"], c["by_benefit"]) == (
        1, 15, 10, [{"benefit": "理发", "times": 1, "points": 10}]
    )  # fmt: skip


@pytest.fixture()
def live_server(db):
    from api.app import create_app

    with serve_app(create_app()) as url:
        yield url


def test_twenty_concurrent_redemptions_never_overdraw(live_server, db):
    _points_world(db)
    key = bearer(db, "coordinator", person="P-GW1")
    for _ in range(5):  # 25 points; 20 redemptions of 3 each: at most 8 can be served
        assert httpx.post(f"{live_server}/api/v1/people/P-SEC/points/earn", json={"item_id": "PI-1"},
                          headers=key).status_code == 201  # fmt: skip
    start = threading.Barrier(20)

    def fire(_):
        with httpx.Client(timeout=60) as c:
            start.wait()
            return c.post(f"{live_server}/api/v1/people/P-SEC/points/redeem",
                          json={"community_id": "350802006002", "points": 3, "benefit": "体检"}, headers=key).status_code  # fmt: skip  # noqa: E501

    with ThreadPoolExecutor(20) as pool:
        codes = list(pool.map(fire, range(20)))
    assert sorted(set(codes)) == [201, 409] and codes.count(201) == 8, codes
    p = httpx.get(f"{live_server}/api/v1/people/P-SEC/points", headers=key).json()
    assert (p["earned"], p["redeemed"], p["balance"]) == (25, 24, 1)


def test_the_agenda_on_the_hand_built_graph_and_the_cli_files(client, db, tmp_path):
    from docx import Document
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from cli.app import app

    _setup(client, db)  # I-1: property, filed at community level in grid G1 (compound CP1: PCO-1, OC-1)
    assert client.post("/api/v1/meetings", json=MEETING).status_code == 201
    a = client.get("/api/v1/communities/天马社区/agenda", params={"as_of": "2025-05-11"}).json()
    kinds = [(i["kind"], i["key"]) for i in a["items"]]
    # one issue group, the overdue and the open task, then the gaps: U-1 and U-2 gave nothing in 2025, CP1 is
    # managed, every grid has paired units; no joint meeting... the one recorded is in Q2, so Q1 2025 is missed
    assert kinds == [
        ("issues", "issues:property"), ("task", "task:M-T1-T1"), ("task", "task:M-T1-T2"),
        ("gap_funding", "gap_funding:U-1"), ("gap_funding", "gap_funding:U-2"), ("gap_meetings", "gap_meetings:2025-Q1"),  # noqa: E501
    ]  # fmt: skip
    group = a["items"][0]
    assert [(s["id"], s["role"]) for s in group["attendees"]] == [
        ("DEP-ZJ", "department"), ("PCO-1", "property_company"), ("OC-1", "owners_committee"),
        ("U-1", "paired_unit"), ("U-2", "paired_unit"),
    ]  # fmt: skip
    assert group["attendees"][1]["paths"] == [[
        {"from_label": "Issue", "from_id": "I-1", "type": "LOCATED_IN", "to_label": "Grid", "to_id": "G1"},
        {"from_label": "Compound", "from_id": "CP1", "type": "IN_GRID", "to_label": "Grid", "to_id": "G1"},
        {"from_label": "PropertyCompany", "from_id": "PCO-1", "type": "MANAGES", "to_label": "Compound", "to_id": "CP1"},  # noqa: E501
    ]]  # fmt: skip
    assert [s["id"] for s in a["items"][1]["attendees"]] == ["PCO-1", "U-1", "U-2"]
    assert "已超期 1 天" in a["items"][1]["why"]
    runner = CliRunner()
    for suffix in (".md", ".xlsx", ".docx"):
        out = tmp_path / f"agenda{suffix}"
        r = runner.invoke(app, ["agenda", "350802006002", "--as-of", "2025-05-11", "--out", str(out)])
        assert r.exit_code == 0, r.output
    assert "清理楼道堆物" in (tmp_path / "agenda.md").read_text(encoding="utf-8")
    assert load_workbook(tmp_path / "agenda.xlsx")["议程"]["B4"].value == "任务：清理楼道堆物"
    assert any("新罗区住房和城乡建设局" in p.text for p in Document(str(tmp_path / "agenda.docx")).paragraphs)
