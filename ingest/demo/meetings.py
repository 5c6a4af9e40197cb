"""Meetings: the big party committees' joint meetings (one a quarter per community while the
count lasts) and on-site offices, the communities' evening talks; who attended; task lists."""

from __future__ import annotations

from datetime import date, timedelta

from ingest.demo.alloc import day_between
from ingest.demo.calibration import AS_OF, SINCE
from ingest.demo.orgs import cc, committee_of
from ingest.demo.vocabulary import DEPARTMENTS
from ingest.demo.world import Comm, Held, World

QUARTERS = [
    (date(2024, 1, 1), date(2024, 3, 31)),
    (date(2024, 4, 1), date(2024, 6, 30)),
    (date(2024, 7, 1), date(2024, 9, 30)),
    (date(2024, 10, 1), date(2024, 12, 31)),
    (date(2025, 1, 1), date(2025, 3, 31)),
    (date(2025, 4, 1), AS_OF),
]
Q4_2023 = (date(2023, 10, 1), date(2023, 12, 20))
GENERAL_TASKS = (
    "制定季度共建项目清单",
    "落实结对单位共建资金",
    "组织在职党员志愿服务",
    "整改居民反映问题清单",
    "开展小区环境整治",
    "推进红色物业考评",
)


def _write(w: World, kind: str, c: Comm, d: date, held_by: str, title: str) -> str:
    mid = w.meeting_id()
    w.files.write(
        "meetings",
        {
            "id": mid,
            "name": f"{c.name}{title}",
            "kind": kind,
            "date": d,
            "held_by_id": held_by,
            "community_id": c.id,
        },
    )
    w.meetings.setdefault(kind, []).append(Held(mid, c.id, d))
    return mid


def _attend(w: World, mid: str, ids: list[str]) -> None:
    for a in dict.fromkeys(ids):
        w.files.write("attendances", {"attendee_id": a, "meeting_id": mid})


def _departments(w: World, c: Comm, k: int) -> list[str]:
    return [w.department(c.district, key) for key in w.rng.sample(sorted(DEPARTMENTS), k)]


def joint_meetings(w: World) -> None:
    rng, bpcs = w.rng, w.bpcs
    slots: list[tuple[tuple[date, date], Comm]] = []
    for q in QUARTERS:
        order = list(bpcs)
        rng.shuffle(order)
        slots.extend((q, c) for c in order)
    history = [(Q4_2023, c) for c in rng.sample(bpcs, min(w.t["joint_meetings_2023"], len(bpcs)))]
    for (start, end), c in history + slots[: w.t["joint_meetings"]]:
        d = day_between(rng, start + timedelta(days=5), end)
        mid = _write(w, "joint_meeting", c, d, committee_of(c.id), "大党委联席会议")
        people = [w.cadre_of[c.id], f"PO-SWC-{c.street}"] + c.units[:4] + _departments(w, c, rng.randint(1, 2))
        _attend(w, mid, people)
        task(w, mid, d, rng.choice(GENERAL_TASKS), rng.choice(c.units[:4] or [committee_of(c.id)]))


def onsite_meetings(w: World) -> None:
    rng, bpcs = w.rng, w.bpcs
    for _ in range(w.t["onsite_meetings"]):
        c = rng.choice(bpcs)
        d = day_between(rng, SINCE + timedelta(days=7), AS_OF)
        mid = _write(w, "onsite_office", c, d, committee_of(c.id), "现场办公会")
        _attend(w, mid, [w.cadre_of[c.id]] + _departments(w, c, rng.randint(1, 2)) + c.units[:1])


def evening_talks(w: World) -> None:
    rng, bpcs = w.rng, w.bpcs
    weights = [2.0 if c.kind == "community" else 1.0 for c in bpcs]
    for n, (start, end) in (
        (w.t["evening_talks_2023"], (date(2023, 3, 1), date(2023, 10, 31))),
        (w.t["evening_talks"], (SINCE + timedelta(days=7), AS_OF)),
    ):
        for _ in range(n):
            c = rng.choices(bpcs, weights)[0]
            d = day_between(rng, start, end)
            mid = _write(w, "evening_talk", c, d, cc(c.id), "居民夜谈会")
            _attend(w, mid, [w.grid_worker[g] for g in rng.sample(c.grids, min(2, len(c.grids)))])


def task(w: World, meeting: str, d: date, title: str, assignee: str, issue: str | None = None) -> None:
    """A task from a meeting's list, due 1-3 months later; done, open or overdue as of AS_OF."""
    rng = w.rng
    due = d + timedelta(days=rng.randint(30, 90))
    done_at = None
    if due <= AS_OF:
        status = "done" if rng.random() < 0.85 else "overdue"
        if status == "done":
            done_at = min(AS_OF, d + timedelta(days=rng.randint(7, (due - d).days + 10)))
    else:
        status = "done" if rng.random() < 0.3 else "open"
        if status == "done":
            done_at = day_between(rng, d, AS_OF)
    w._tasks += 1
    w.files.write(
        "tasks",
        {
            "id": f"T-{w._tasks:07d}",
            "title": title,
            "due": due,
            "status": status,
            "done_at": done_at,
            "meeting_id": meeting,
            "assigned_to_id": assignee,
            "issue_id": issue,
        },
    )
