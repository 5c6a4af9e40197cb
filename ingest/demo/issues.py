"""Residents' issues by channel, each with its escalation trail: evening talks, joint meetings
and door-to-door visits (residents' difficulties), petitions, and the platform."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from itertools import accumulate

from ingest.demo import trails
from ingest.demo.alloc import allocate
from ingest.demo.calibration import HISTORY_START, SINCE, at
from ingest.demo.issue_rows import write_issue
from ingest.demo.meetings import task
from ingest.demo.vocabulary import EVERYDAY_CATEGORIES, ISSUE_CATEGORIES, ISSUE_TITLES, PETITION_CATEGORIES
from ingest.demo.world import World

LEVELS = ("grid", "community", "street", "district")
FILED = {
    "evening_talk": (6, 4, 0, 0),
    "platform": (1, 0, 0, 0),
    "visit": (5, 5, 0, 0),
    "joint_meeting": (0, 1, 0, 0),
    "petition": (0, 7, 3, 0),
}
RESOLUTION = {
    "evening_talk": (45, 30, 18, 7),
    "platform": (50, 35, 12, 3),
    "visit": (30, 40, 20, 10),
    "joint_meeting": (0, 20, 30, 50),
    "petition": (0, 35, 45, 20),
}
OPEN_STATES = ("in_progress", "overdue", "stalled", "waiting", "fresh")
OPEN_WEIGHTS = (35, 25, 30, 5, 5)
LO = at(SINCE + timedelta(days=7), 8)  # free-standing issues of the period start here
END_2023 = at(date(2023, 12, 28), 18)  # ... and the 2023 history ends here
LO_2023 = at(HISTORY_START + timedelta(days=7), 8)


def _level(rng: random.Random, weights: Sequence[int], floor: str, ceiling: str = "district") -> str:
    lo, hi = LEVELS.index(floor), LEVELS.index(ceiling)
    opts = [(lv, wt) for i, (lv, wt) in enumerate(zip(LEVELS, weights, strict=True)) if lo <= i <= hi and wt > 0]
    if not opts:
        return floor
    return rng.choices([o[0] for o in opts], [o[1] for o in opts])[0]


def _fitted(placed: list[trails.PlacedStep] | None, what: str) -> list[trails.PlacedStep]:
    """The placed trail; one that could not be placed is a calibration error, not an issue to write."""
    if placed is None:
        raise ValueError(f"{what}: no trail fits")
    return placed


def trail(
    w: World,
    channel: str,
    *,
    solved: bool,
    start: datetime | None = None,
    lo: datetime = LO,
    hi: datetime = trails.END,
    reopen: bool = False,
) -> list[trails.PlacedStep]:
    rng = w.rng
    filed = rng.choices(LEVELS, FILED[channel])[0]
    if solved:
        level = _level(rng, RESOLUTION[channel], filed)
        steps = trails.resolved(rng, filed, level, late=rng.random() < 0.08, close=rng.random() < 0.3, reopen=reopen)
        return _fitted(trails.place(rng, steps, start=start, lo=lo, hi=hi), f"resolved {channel} issue")
    state = rng.choices(OPEN_STATES, OPEN_WEIGHTS)[0]
    if state in ("stalled", "waiting") and filed == "district":
        state = "in_progress"
    ceiling = "street" if state in ("stalled", "waiting") else "district"
    level = _level(rng, RESOLUTION[channel], filed, ceiling)
    placed = trails.place(rng, trails.unresolved(rng, filed, level, state), start=start, state=state)
    for fallback in ("in_progress", "fresh"):
        if placed is not None:
            break
        placed = trails.place(rng, trails.unresolved(rng, filed, filed, fallback), start=start, state=fallback)
    placed = _fitted(placed, f"open {channel} issue")
    if state == "stalled" and placed[-1].action == "escalated" and rng.random() < 0.4:
        _, lv, when, _ = placed[-1]
        placed.append(
            trails.PlacedStep(
                "supervised",
                LEVELS[LEVELS.index(lv) + 1],
                when + (trails.END - when) * rng.uniform(0.3, 0.9),
                None,
            )
        )
    return placed


def _title(w: World, category: str) -> str:
    return w.rng.choice(ISSUE_TITLES[category])


def _rating(w: World) -> int | None:
    return w.rng.randint(3, 5) if w.rng.random() < 0.4 else None


def evening_talk_issues(w: World) -> None:
    rng, t = w.rng, w.t
    talks = w.meetings["evening_talk"]
    for recent, n, solved in (
        (False, t["evening_issues_2023"], t["evening_issues_2023"]),
        (True, t["evening_issues"], t["evening_solved"]),
    ):
        mine = [m for m in talks if (m.day >= SINCE) == recent]
        per = allocate(n, len(mine), rng, minimum=1 if n >= len(mine) else 0)
        raised = [m for m, k in zip(mine, per, strict=True) for _ in range(k)]
        open_ = set(rng.sample(range(len(raised)), len(raised) - solved))
        for i, (mid, comm, d) in enumerate(raised):
            grid = rng.choice(w.by_id[comm].grids)
            category = rng.choice(EVERYDAY_CATEGORIES)
            steps = trail(
                w,
                "evening_talk",
                solved=i not in open_,
                start=at(d, 19, 30) + timedelta(minutes=rng.randrange(0, 90, 5)),
                hi=trails.END if recent else END_2023,
            )
            write_issue(
                w,
                channel="evening_talk",
                category=category,
                title=_title(w, category),
                located=grid,
                comm=comm,
                grid=grid,
                steps=steps,
                meeting=mid,
                satisfaction=_rating(w),
            )


def difficulties(w: World) -> None:
    """Residents' difficulties: raised at joint meetings (filed at community, tasks assigned) or
    collected on door-to-door visits, half of those taken up at an on-site office."""
    rng, t = w.rng, w.t
    joints = w.meetings["joint_meeting"]
    onsite = w.meetings.get("onsite_office", [])
    total = t["difficulties_solved"] + t["difficulties_open"]
    n_joint = round(total * 0.35)
    for recent, n, n_open in ((False, t["difficulties_2023"], 0), (True, total, t["difficulties_open"])):
        mine = [m for m in joints if (m.day >= SINCE) == recent]
        k = n if not recent else n_joint
        raised = [m for m, c in zip(mine, allocate(k, len(mine), rng), strict=True) for _ in range(c)]
        open_ = set(rng.sample(range(n), n_open))
        hi, lo = (trails.END, LO) if recent else (END_2023, LO_2023)
        for i in range(n):
            solved = i not in open_
            category = rng.choice(EVERYDAY_CATEGORIES)
            title = _title(w, category)
            if i < len(raised):
                mid, comm, d = raised[i]
                steps = trail(w, "joint_meeting", solved=solved, start=at(d, 10, rng.randrange(0, 60, 5)), hi=hi)
                iid = write_issue(
                    w,
                    channel="joint_meeting",
                    category=category,
                    title=title,
                    located=comm,
                    comm=comm,
                    grid=None,
                    steps=steps,
                    meeting=mid,
                    satisfaction=_rating(w),
                )
                dept = w.department(w.by_id[comm].district, ISSUE_CATEGORIES[category][2])
                task(w, mid, d, f"解决{title}", rng.choice([dept] + w.by_id[comm].units[:2]), iid)
                continue
            office: str | None = None
            start: datetime | None = None
            if onsite and recent and rng.random() < 0.5:
                office, comm, d = rng.choice(onsite)
                start = at(d, rng.randint(9, 15), rng.randrange(0, 60, 5))
            else:
                comm = rng.choice(w.bpcs).id
            grid = rng.choice(w.by_id[comm].grids)
            steps = trail(w, "visit", solved=solved, start=start, lo=lo, hi=hi)
            write_issue(
                w,
                channel="visit",
                category=category,
                title=title,
                located=grid,
                comm=comm,
                grid=grid,
                steps=steps,
                meeting=office,
                satisfaction=_rating(w),
            )


def petitions(w: World) -> None:
    rng, t = w.rng, w.t
    cum = list(accumulate(3.0 if c.bpc else 1.0 for c in w.comms))
    plan = (
        [("solved", LO, trails.END)] * t["petitions_resolved"]
        + [("open", LO, trails.END)] * t["petitions_open"]
        + [("withdrawn", LO, trails.END)] * t["petitions_withdrawn"]
        + [("solved", LO_2023, END_2023)] * t["petitions_2023"]
    )
    rng.shuffle(plan)
    for kind, lo, hi in plan:
        comm = rng.choices(w.comms, cum_weights=cum)[0].id
        category = rng.choice(PETITION_CATEGORIES)
        if kind == "withdrawn":
            built = trails.unresolved(rng, "community", "community", "in_progress")
            built.append(trails.Step("closed", "community", built[-1].t + rng.randint(60, 5 * trails.DAY), None))
            steps = _fitted(trails.place(rng, built, lo=lo, hi=hi), "withdrawn petition")
        else:
            steps = trail(w, "petition", solved=kind == "solved", lo=lo, hi=hi)
        write_issue(
            w,
            channel="petition",
            category=category,
            title=_title(w, category),
            located=comm,
            comm=comm,
            grid=None,
            steps=steps,
            satisfaction=_rating(w),
        )


def platform(w: World) -> None:
    """Problems reported on the platform, filed by the micro-grid's worker; a set share of the
    solved ones rated by the resident, most of them satisfied (4 or 5)."""
    rng, t = w.rng, w.t
    pool = [(mid, c.id) for c in w.bpcs for mid in c.micro_grids]
    solved = t["platform_solved"]
    old = round(solved * 0.1)
    rated = set(rng.sample(range(solved), t["platform_rated"]))
    satisfied = set(rng.sample(sorted(rated), t["platform_satisfied"]))
    for i in range(solved + t["platform_open"]):
        mid, comm = rng.choice(pool)
        grid = "G-" + mid[3:].rsplit("-", 1)[0]
        category = rng.choice(EVERYDAY_CATEGORIES)
        if i < solved:
            lo, hi = (LO_2023, END_2023) if i < old else (LO, trails.END)
            steps = trail(w, "platform", solved=True, lo=lo, hi=hi, reopen=rng.random() < 0.005)
            score = (rng.choice((4, 5)) if i in satisfied else rng.choice((1, 2, 3))) if i in rated else None
        else:
            steps, score = trail(w, "platform", solved=False), None
        write_issue(
            w,
            channel="platform",
            category=category,
            title=_title(w, category),
            located=mid,
            comm=comm,
            grid=grid,
            steps=steps,
            satisfaction=score,
        )
