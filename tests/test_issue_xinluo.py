"""On the calibrated xinluo tier: the stalled and overdue answers of the API equal an independent
plain-Python computation of docs/model.md's definitions over the generated issue_steps.csv (no Cypher),
for three different as_of moments."""

import csv
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone

import pytest

CST = timezone(timedelta(hours=8))
DAY = timedelta(days=1)
# as_of as the API receives it, and the moment it means: a bare date is the end of that day in the
# project's time zone (Beijing time by default)
AS_OFS = [
    ("2025-04-30", datetime.combine(date(2025, 4, 30), time(23, 59, 59), CST)),
    ("2025-01-15", datetime.combine(date(2025, 1, 15), time(23, 59, 59), CST)),
    ("2024-10-01T08:00:00+08:00", datetime(2024, 10, 1, 8, 0, tzinfo=CST)),
]
PAIRS = {"grid-community": "grid", "community-street": "community", "street-district": "street"}


def _when(text: str) -> datetime | None:
    if not text:
        return None
    t = datetime.fromisoformat(text)
    return t if t.tzinfo else t.replace(tzinfo=CST)  # the model reads an offset-less time as Beijing time


@pytest.fixture(scope="module")
def trails(xinluo) -> dict[str, list[dict]]:
    by_issue = defaultdict(list)
    with open(xinluo.dir / "issue_steps.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            by_issue[row["issue_id"]].append(
                {
                    "seq": int(row["seq"]),
                    "action": row["action"],
                    "level": row["level"],
                    "at": _when(row["at"]),
                    "due": _when(row["due"]),
                }
            )
    for steps in by_issue.values():
        steps.sort(key=lambda s: s["seq"])
    return by_issue


def py_stalled(trails, as_of: datetime, left: str, min_days: int = 3) -> set[tuple]:
    out = set()
    for iid, steps in trails.items():
        moved = [s for s in steps if s["at"] <= as_of and s["action"] != "supervised"]
        if moved and moved[-1]["action"] == "escalated" and moved[-1]["level"] == left:
            waited = (as_of - moved[-1]["at"]) // DAY
            if waited >= min_days:
                out.add((iid, left, waited))
    return out


def py_overdue(trails, as_of: datetime, level: str) -> set[tuple]:
    out = set()
    for iid, steps in trails.items():
        seen = [s for s in steps if s["at"] <= as_of]
        accepted = [s for s in seen if s["action"] == "accepted" and s["level"] == level]
        if not accepted:
            continue
        a = accepted[-1]
        later = [s for s in seen if s["seq"] > a["seq"] and s["action"] in ("escalated", "resolved", "closed")]
        if a["due"] is not None and a["due"] < as_of and not later:
            out.add((iid, level, (as_of - a["due"]) // DAY))
    return out


def _all(client, path, params) -> list[dict]:
    items, offset = [], 0
    while True:
        r = client.get(path, params=params | {"limit": 1000, "offset": offset})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        offset += 1000
        if offset >= body["total"]:
            return items


@pytest.mark.parametrize("as_of,moment", AS_OFS, ids=[a for a, _ in AS_OFS])
def test_stalled_equals_the_plain_python_definition(xinluo_client, trails, as_of, moment):
    total = 0
    for between, left in PAIRS.items():
        api = {
            (x["issue_id"], x["left_level"], x["days_waited"])
            for x in _all(xinluo_client, "/api/v1/issues/stalled", {"between": between, "as_of": as_of})
        }
        assert api == py_stalled(trails, moment, left), between
        total += len(api)
    summary = xinluo_client.get("/api/v1/issues/stalled/summary", params={"as_of": as_of}).json()
    assert summary["total"] == total
    assert sum(s["stalled"] for s in summary["by_street"]) == sum(c["stalled"] for c in summary["by_category"]) == total


@pytest.mark.parametrize("as_of,moment", AS_OFS, ids=[a for a, _ in AS_OFS])
def test_overdue_equals_the_plain_python_definition(xinluo_client, trails, as_of, moment):
    everything = set()
    for level in ("grid", "community", "street", "district"):
        api = {
            (x["issue_id"], x["level"], x["days_overdue"])
            for x in _all(xinluo_client, "/api/v1/issues/overdue", {"level": level, "as_of": as_of})
        }
        assert api == py_overdue(trails, moment, level), level
        everything |= api
    both = {
        (x["issue_id"], x["level"], x["days_overdue"])
        for x in _all(xinluo_client, "/api/v1/issues/overdue", {"as_of": as_of})
    }
    assert both == everything


def test_the_answers_are_not_trivially_empty(trails):
    # the demo places open trails as stalled and overdue at its as_of: the comparison above means something
    moment = AS_OFS[0][1]
    assert all(py_stalled(trails, moment, left) for left in PAIRS.values())
    assert py_overdue(trails, moment, "community") and py_overdue(trails, moment, "street")
    assert py_stalled(trails, AS_OFS[2][1], "community") != py_stalled(trails, moment, "community")
