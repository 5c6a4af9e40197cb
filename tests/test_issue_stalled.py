"""Stalled and overdue issues exactly as docs/model.md defines them, on hand-built trails recorded
through the API, at the edges: at the threshold, one second and one day either side, as_of
before the escalation, a reopened issue, an issue accepted then escalated again, supervision
reminders that do not un-stall."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.issue_fixtures import tianma_client

T0 = datetime(2024, 5, 1, 2, 0, tzinfo=UTC)  # 2024-05-01 10:00 Beijing time


def at(days: float, seconds: int = 0) -> str:
    return (T0 + timedelta(days=days, seconds=seconds)).isoformat()


# id: (category, located in, steps as (verb, level, day, due day or None))
TRAILS = {
    "I-A": ("property", "G1", [("file", "community", -1, None), ("escalate", "community", 0, None)]),
    "I-B": (
        "property",
        "G1",
        [("file", "community", -1, None), ("escalate", "community", 0, None), ("accept", "street", 1, 4)],
    ),
    "I-C": (
        "sanitation",
        "G9",
        [
            ("file", "community", -1, None),
            ("escalate", "community", 0, None),
            ("accept", "street", 1, 3),
            ("resolve", "street", 2, None),
            ("reopen", "community", 5, None),
            ("escalate", "community", 6, None),
        ],
    ),
    "I-D": (
        "municipal",
        "G2",
        [
            ("file", "community", -1, None),
            ("accept", "community", -1, -0.5),
            ("escalate", "community", 0, None),
            ("accept", "street", 1, 1.5),
            ("escalate", "street", 2, None),
        ],
    ),
    "I-E": (
        "property",
        "G1",
        [
            ("file", "community", -1, None),
            ("escalate", "community", 0, None),
            ("supervise", "street", 2, None),
            ("supervise", "street", 4, None),
        ],
    ),
    "I-F": ("noise", "MG1", [("file", "grid", -1, None), ("escalate", "grid", 0, None)]),
    "I-G": (
        "dispute",
        "G2",
        [
            ("file", "community", -1, None),
            ("accept", "community", -1, 1),
            ("resolve", "community", 0, None),
            ("reopen", "community", 3, None),
            ("accept", "community", 4, 5),
        ],
    ),
    "I-H": ("dispute", "G1", [("file", "community", -1, None), ("accept", "community", 0, 3)]),
}


@pytest.fixture(scope="module")
def loop(neo4j_server):
    """The hand-built trails, recorded once for the module; the tests only read."""
    with tianma_client() as client:
        _record(client)
        yield client


def _record(client):
    for iid, (category, where, steps) in TRAILS.items():
        (_, level, day, _), *rest = steps
        r = client.post(
            "/api/v1/issues",
            json={
                "id": iid,
                "title": f"问题{iid}",
                "category": category,
                "channel": "evening_talk",
                "located_in_id": where,
                "level": level,
                "at": at(day),
            },
        )
        assert r.status_code == 201, r.text
        for verb, level, day, due in rest:
            body = {"action": verb, "level": level, "at": at(day)}
            if due is not None:
                body["due"] = at(due)
            r = client.post(f"/api/v1/issues/{iid}/steps", json=body)
            assert r.status_code == 201, (iid, verb, r.text)


def stalled(client, between, as_of, min_days=3, **kw):
    r = client.get("/api/v1/issues/stalled", params={"between": between, "as_of": as_of, "min_days": min_days, **kw})
    assert r.status_code == 200, r.text
    return {(x["issue_id"], x["left_level"], x["waiting_level"], x["days_waited"]) for x in r.json()["items"]}


def overdue(client, as_of, level=None):
    params = {"as_of": as_of} | ({"level": level} if level else {})
    r = client.get("/api/v1/issues/overdue", params=params)
    assert r.status_code == 200, r.text
    return {(x["issue_id"], x["level"], x["days_overdue"], x["days_waited"]) for x in r.json()["items"]}


def test_stalled_between_community_and_street_at_its_edges(loop):
    cs = "community-street"
    assert stalled(loop, cs, "2024-04-30", min_days=0) == set()  # before any escalation
    assert stalled(loop, cs, at(0.5), min_days=0) == {  # steps after as_of are ignored
        ("I-A", "community", "street", 0),
        ("I-B", "community", "street", 0),
        ("I-C", "community", "street", 0),
        ("I-D", "community", "street", 0),
        ("I-E", "community", "street", 0),
    }
    assert stalled(loop, cs, at(3, -1)) == set()  # one second short of 3 days
    assert stalled(loop, cs, at(3)) == {("I-A", "community", "street", 3), ("I-E", "community", "street", 3)}
    assert stalled(loop, cs, at(2)) == set()  # one day below
    assert stalled(loop, cs, at(4)) == {("I-A", "community", "street", 4), ("I-E", "community", "street", 4)}
    # a date is the end of that day in Beijing time: 2024-05-03 is 2 days 13:59:59 after the escalation
    assert stalled(loop, cs, "2024-05-03") == set()
    assert stalled(loop, cs, "2024-05-04") == {
        ("I-A", "community", "street", 3),
        ("I-E", "community", "street", 3),
    }
    # the reopened issue (C) stalls again after its second escalation; E's reminders never un-stall it
    assert stalled(loop, cs, at(4.5), min_days=0) >= {("I-E", "community", "street", 4)}
    assert ("I-C", "community", "street", 0) not in stalled(loop, cs, at(4.5), min_days=0)
    assert stalled(loop, cs, at(10)) == {
        ("I-A", "community", "street", 10),
        ("I-C", "community", "street", 4),
        ("I-E", "community", "street", 10),
    }


def test_stalled_between_street_and_district_and_grid_and_community(loop):
    # D was accepted at the street, then escalated again on day 2: it stalls between street and district
    assert stalled(loop, "street-district", at(5, -1)) == set()
    assert stalled(loop, "street-district", at(5)) == {("I-D", "street", "district", 3)}
    assert stalled(loop, "street-district", at(10)) == {("I-D", "street", "district", 8)}
    assert stalled(loop, "grid-community", at(3)) == {("I-F", "grid", "community", 3)}
    assert stalled(loop, "grid-community", at(2.99)) == set()


def test_a_stalled_row_names_the_area_and_who_should_take_it_up(loop):
    r = loop.get("/api/v1/issues/stalled", params={"between": "community-street", "as_of": at(10), "limit": 1}).json()
    assert r["total"] == 3 and r["as_of"] == "2024-05-11T10:00:00+08:00"
    (row,) = r["items"]
    assert row == {
        "issue_id": "I-A",
        "title": "问题I-A",
        "category": "property",
        "category_name": None,
        "status": "open",
        "community_id": "350802006002",
        "community": "天马社区",
        "street_id": "350802006",
        "street": "曹溪街道",
        "left_level": "community",
        "waiting_level": "street",
        "escalated_at": "2024-05-01T10:00:00+08:00",  # shown in the project's time zone
        "escalated_by": "网格员甲",  # the person of the key that recorded the step (tests/issue_fixtures.py)
        "days_waited": 10,
        "next_up": [
            {"id": "PO-SWC", "name": "曹溪街道党工委", "kind": "street_working_committee"},
            {"id": "AO-SO", "name": "曹溪街道办事处", "kind": "street_office"},
        ],
    }
    d = loop.get("/api/v1/issues/stalled", params={"between": "street-district", "as_of": at(10)}).json()["items"][0]
    assert d["next_up"] == [{"id": "DEP-CG", "name": "新罗区城市管理局", "kind": "department"}]
    f = loop.get("/api/v1/issues/stalled", params={"between": "grid-community", "as_of": at(10)}).json()["items"][0]
    assert (f["community"], f["next_up"]) == (
        "天马社区",
        [
            {"id": "PO-CC", "name": "天马社区党委", "kind": "community_committee"},
            {"id": "AO-RC", "name": "天马社区居委会", "kind": "residents_committee"},
        ],
    )


def test_stalled_pages(loop):
    def page(**kw):
        params = {"between": "community-street", "as_of": at(10), **kw}
        return loop.get("/api/v1/issues/stalled", params=params).json()

    assert [x["issue_id"] for x in page(limit=2)["items"]] == ["I-A", "I-E"]
    assert [x["issue_id"] for x in page(limit=2, offset=2)["items"]] == ["I-C"]
    assert (page(offset=5)["total"], page(offset=5)["items"]) == (3, [])


def test_overdue_at_each_level(loop):
    assert overdue(loop, at(0, -1), "community") == {("I-D", "community", 0, 0)}
    assert overdue(loop, at(0), "community") == set()  # D moved on at that very second
    assert overdue(loop, at(3), "community") == set()  # H: due == as_of is not overdue
    assert overdue(loop, at(3, 1), "community") == {("I-H", "community", 0, 3)}
    assert overdue(loop, "2024-05-05", "community") == {("I-H", "community", 1, 4)}
    assert overdue(loop, at(3.5), "community") == {
        ("I-H", "community", 0, 3)
    }  # G: resolved, reopened, not accepted again
    assert overdue(loop, at(6), "community") == {("I-G", "community", 1, 2), ("I-H", "community", 3, 6)}
    assert overdue(loop, at(1.75), "street") == {("I-D", "street", 0, 0)}
    assert overdue(loop, at(6), "street") == {("I-B", "street", 2, 5)}
    assert overdue(loop, at(6)) == {
        ("I-B", "street", 2, 5),
        ("I-G", "community", 1, 2),
        ("I-H", "community", 3, 6),
    }
    row = loop.get("/api/v1/issues/overdue", params={"as_of": at(6), "level": "street"}).json()["items"][0]
    assert (row["handler"], row["due"], row["next_up"]) == (
        {"id": "P-GW1", "name": "网格员甲", "kind": "Person"},  # who accepted it: the key's person
        "2024-05-05T10:00:00+08:00",
        [
            {"id": "PO-SWC", "name": "曹溪街道党工委", "kind": "street_working_committee"},
            {"id": "AO-SO", "name": "曹溪街道办事处", "kind": "street_office"},
        ],
    )


def test_summary_counts_by_street_and_category(loop):
    r = loop.get("/api/v1/issues/stalled/summary", params={"as_of": at(10)}).json()
    assert r["total"] == 5
    assert r["by_street"] == [
        {
            "street_id": "350802006",
            "street": "曹溪街道",
            "stalled": 5,
            "by_between": {"grid-community": 1, "community-street": 3, "street-district": 1},
        }
    ]
    assert {(c["category"], c["stalled"], tuple(c["by_between"].values())) for c in r["by_category"]} == {
        ("property", 2, (0, 2, 0)),
        ("sanitation", 1, (0, 1, 0)),
        ("municipal", 1, (0, 0, 1)),
        ("noise", 1, (1, 0, 0)),
    }
    one = loop.get("/api/v1/issues/stalled/summary", params={"as_of": at(10), "between": "street-district"}).json()
    assert (one["total"], one["by_category"]) == (
        1,
        [{"category": "municipal", "stalled": 1, "by_between": {"street-district": 1}}],
    )


def test_trail_lists_the_steps_and_the_days_at_each_level(loop):
    r = loop.get("/api/v1/issues/I-C/trail").json()
    assert [(s["seq"], s["action"], s["level"], s["at"], s["due"]) for s in r["steps"]] == [
        (1, "filed", "community", "2024-04-30T10:00:00+08:00", None),
        (2, "escalated", "community", "2024-05-01T10:00:00+08:00", None),
        (3, "accepted", "street", "2024-05-02T10:00:00+08:00", "2024-05-04T10:00:00+08:00"),
        (4, "resolved", "street", "2024-05-03T10:00:00+08:00", None),
        (5, "reopened", "community", "2024-05-06T10:00:00+08:00", None),
        (6, "escalated", "community", "2024-05-07T10:00:00+08:00", None),
    ]
    # every step was recorded with the coordinator key of 网格员甲 (tests/issue_fixtures.py): the actor
    assert [(s["by"]["id"], s["by"]["name"], s["by"]["label"]) for s in r["steps"]] == [
        ("P-GW1", "网格员甲", "Person")
    ] * 6
    assert [(s["level"], s["from_seq"], s["end"], s["days"]) for s in r["stays"][:-1]] == [
        ("community", 1, "2024-05-01T10:00:00+08:00", 1.0),
        ("street", 2, "2024-05-03T10:00:00+08:00", 2.0),
        ("community", 5, "2024-05-07T10:00:00+08:00", 1.0),
    ]
    assert (r["stays"][-1]["level"], r["stays"][-1]["from_seq"], r["stays"][-1]["end"]) == ("street", 6, None)
    assert r["days_at_level"]["community"] == 2.0 and r["days_at_level"]["street"] > 2.0
    assert (r["issue"]["status"], r["issue"]["level"], r["community"]["name"]) == (
        "open",
        "street",
        "东宝社区",
    )


def test_bad_parameters_and_unknown_ids(loop):
    assert loop.get("/api/v1/issues/stalled", params={"between": "grid-district"}).status_code == 422
    bad = loop.get("/api/v1/issues/stalled", params={"between": "community-street", "as_of": "last tuesday"})
    assert bad.status_code == 422 and "as_of" in bad.json()["detail"]
    assert loop.get("/api/v1/issues/overdue", params={"level": "moon"}).status_code == 422
    assert loop.get("/api/v1/issues/stalled", params={"between": "community-street", "limit": 0}).status_code == 422
    nf = loop.get("/api/v1/issues/I-NOPE/trail")
    assert nf.status_code == 404 and "I-NOPE" in nf.json()["detail"]


def test_the_supervision_ledger_lists_each_community_with_whom_to_call(loop, tmp_path):
    import os

    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from cli.app import app
    from graph.core.settings import get_settings

    out = tmp_path / "ledger.xlsx"

    def report(lang: str, *args: str):
        # Typer reads the help texts (which read the settings) before CliRunner sets its env: set it here.
        saved = os.environ.get("GRASSROOTS_LANG")
        os.environ["GRASSROOTS_LANG"] = lang
        get_settings.cache_clear()
        try:
            return CliRunner().invoke(app, ["issues", "report", "--as-of", at(10), *args])
        finally:
            if saved is None:
                os.environ.pop("GRASSROOTS_LANG")
            else:
                os.environ["GRASSROOTS_LANG"] = saved
            get_settings.cache_clear()

    result = report("zh", "--out", str(out))
    english = report("en", "--out", str(tmp_path / "en.xlsx"), "--street", "曹溪街道")
    assert result.exit_code == 0, result.output
    assert f"已写入 {out}：滞留 5 件、超期 3 件，涉及 1 个街道，截至 2024-05-11 10:00（北京时间）。" in result.output
    assert english.exit_code == 0, english.output
    assert (
        f"Wrote {tmp_path / 'en.xlsx'}: 5 stalled and 3 overdue issues in 1 street(s), "
        "as of 2024-05-11 10:00 (Beijing time)." in english.output
    )
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "曹溪街道", "任务督办"]  # the last: the meetings' tasks (none here)
    summary = [r for r in wb["汇总"].iter_rows(min_row=3, values_only=True)]
    assert summary == [
        ("曹溪街道", "东宝社区", 1, 0, 1),
        ("曹溪街道", "天马社区", 4, 3, 7),
        ("合计", "1 个街道", 5, 3, 8),  # the totals row
    ]
    ws = wb["曹溪街道"]
    assert ws.freeze_panes == "A3" and ws["A2"].font.bold and ws["A2"].value == "序号"
    assert "截至 2024-05-11 10:00（北京时间）" in ws["A1"].value
    assert [c.value for c in ws[2]] == [
        "序号", "社区", "问题编号", "问题", "类别", "反映时间", "督办类型", "环节", "起始时间", "等待天数",
        "超期天数", "办理期限", "最新进展", "督办意见", "应对接单位", "联系人", "联系电话",
    ]  # fmt: skip
    # printed landscape, one page wide, the title rows on every page
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$2"
    lines = list(ws.iter_rows(min_row=3, values_only=True))
    assert lines[-1][:4] == ("合计", "8 件", "滞留 5 件", "超期 3 件")
    rows = [(r[1], r[2], r[6], r[7], r[9], r[10]) for r in lines[:-1]]
    assert rows == [
        ("东宝社区", "I-C", "滞留", "社区→街道", 4, None),
        ("天马社区", "I-A", "滞留", "社区→街道", 10, None),
        ("天马社区", "I-E", "滞留", "社区→街道", 10, None),
        ("天马社区", "I-F", "滞留", "网格→社区", 10, None),
        ("天马社区", "I-D", "滞留", "街道→区", 8, None),
        ("天马社区", "I-H", "超期", "社区办理", 10, 7),
        ("天马社区", "I-B", "超期", "街道办理", 9, 6),
        ("天马社区", "I-G", "超期", "社区办理", 6, 5),
    ]
    by_id = {r[2]: r for r in lines[:-1]}
    # reported time, since when it waits and the deadline are Excel dates in Beijing time
    assert by_id["I-A"][5] == datetime(2024, 4, 30, 10, 0) and by_id["I-A"][8] == datetime(2024, 5, 1, 10, 0)
    assert by_id["I-B"][11] == datetime(2024, 5, 5, 10, 0)
    due_cell = next(c for c in ws[3 + [r[2] for r in lines].index("I-B")] if c.column == 12)
    assert due_cell.is_date and due_cell.number_format == "yyyy-mm-dd hh:mm"
    call = {r[2]: (r[14], r[15], r[16]) for r in lines[:-1]}
    assert call["I-A"] == ("曹溪街道党工委、曹溪街道办事处", "街道主任庚（主任）", "135****7777")
    assert call["I-F"] == (
        "天马社区党委、天马社区居委会",
        "社区书记戊（书记）、居委会主任己（主任）",
        "137****5555、136****6666",
    )
    assert call["I-D"] == ("新罗区城市管理局", None, None)  # no head on record: empty cells
