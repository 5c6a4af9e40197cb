"""Escalation trails that obey graph.model.trail_rules's rules: filed first; accepted at the level the issue
was filed at or escalated to; escalations one level up; resolved/closed at the end.

A trail is built in minutes from its first step, then placed in time: resolved trails inside a
window; open ones so that, as of the end of AS_OF, they are in progress (deadline ahead),
overdue (deadline passed), stalled (escalated at least 4 days before and not accepted above),
waiting (escalated in the last two days) or fresh (filed in the last day and a half).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import NamedTuple

from graph.model.enums import Level
from ingest.demo.calibration import AS_OF, at

DUE_DAYS = {"grid": 3, "community": 7, "street": 15, "district": 30}
END = at(AS_OF, 23, 0)  # the last moment a demo step may have (after the last evening talk)
DAY = 1440  # minutes


class Step(NamedTuple):
    """A step of a trail being built, in minutes from its first step."""

    action: str
    level: str
    t: int
    due: int | None  # minutes from the first step, or None


class PlacedStep(NamedTuple):
    """A step placed in time: (action, level, at, due)."""

    action: str
    level: str
    when: datetime
    due: datetime | None


def level_above(level: str) -> str:
    """The level an issue escalated from `level` goes to (there is none above the district)."""
    above = Level(level).next()
    if above is None:
        raise ValueError(f"no level above {level!r}")
    return above.value


def _gap(rng: random.Random, lo_hours: float, hi_hours: float) -> int:
    return rng.randint(int(lo_hours * 60), max(int(lo_hours * 60), int(hi_hours * 60)))


def _climb(rng: random.Random, filed: str, top: str, supervise: float) -> tuple[list[Step], int]:
    """filed at `filed`, then accepted and escalated level by level up to `top`, accepted there."""
    steps = [Step("filed", filed, 0, None)]
    t, lv = 0, filed
    while True:
        t += _gap(rng, 0.1, 4) if lv == "grid" else _gap(rng, 0.5, 30)
        steps.append(Step("accepted", lv, t, t + DUE_DAYS[lv] * DAY))
        if lv == top:
            return steps, t
        span = DUE_DAYS[lv] * 24 * 0.6
        if rng.random() < supervise:
            t += _gap(rng, 1, span / 2)
            steps.append(Step("supervised", lv, t, None))
        t += _gap(rng, 1, span)
        steps.append(Step("escalated", lv, t, None))
        lv = level_above(lv)


def resolved(
    rng: random.Random,
    filed: str,
    level: str,
    *,
    late: bool = False,
    close: bool = False,
    reopen: bool = False,
    supervise: float = 0.1,
) -> list[Step]:
    steps, t = _climb(rng, filed, level, supervise)
    span = DUE_DAYS[level] * DAY
    t += int(span * (rng.uniform(1.05, 1.5) if late else rng.uniform(0.02, 0.9)))
    if late or rng.random() < supervise:
        prev = steps[-1].t
        steps.append(Step("supervised", level, prev + (t - prev) // 2, None))
    steps.append(Step("resolved", level, t, None))
    if reopen:
        t += _gap(rng, 24, 96)
        steps.append(Step("reopened", level, t, None))
        t += _gap(rng, 0.5, 12)
        steps.append(Step("accepted", level, t, t + span))
        t += int(span * rng.uniform(0.1, 0.8))
        steps.append(Step("resolved", level, t, None))
    if close:
        t += _gap(rng, 24, 120)
        steps.append(Step("closed", level, t, None))
    return steps


def unresolved(rng: random.Random, filed: str, level: str, state: str, supervise: float = 0.1) -> list[Step]:
    """An open trail ending in `state` at `level` (for stalled/waiting: escalated from `level`)."""
    if state == "fresh":
        return [Step("filed", filed, 0, None)]
    steps, t = _climb(rng, filed, level, supervise)
    if state in ("stalled", "waiting"):
        t += _gap(rng, 1, DUE_DAYS[level] * 24 * 0.6)
        steps.append(Step("escalated", level, t, None))
    return steps


def _window(state: str, level: str) -> tuple[datetime, datetime]:
    """Where the last step of an open trail must fall for it to be in `state` at END."""
    d = timedelta(days=DUE_DAYS[level])
    if state == "in_progress":
        return END - d * 0.7, END - timedelta(hours=1)
    if state == "overdue":
        return END - d - timedelta(days=40), END - d - timedelta(days=1)
    if state == "stalled":
        return END - timedelta(days=45), END - timedelta(days=4)
    if state in ("waiting", "fresh"):
        return END - timedelta(days=1.5), END - timedelta(hours=1)
    raise ValueError(state)


def place(
    rng: random.Random,
    steps: list[Step],
    *,
    start: datetime | None = None,
    lo: datetime | None = None,
    hi: datetime = END,
    state: str | None = None,
) -> list[PlacedStep] | None:
    """Absolute (action, level, at, due) steps. A resolved trail (state None) starts in [lo, hi]
    and ends by `hi`; an open one ends inside its state's window. With `start` fixed (an issue
    raised at a meeting) the trail is squeezed to fit, or None when it cannot be in `state`."""
    span = steps[-1].t
    if state is not None:
        a, hi = _window(state, steps[-1].level)
        if start is None:
            end = a + timedelta(minutes=rng.randint(0, int((hi - a).total_seconds() // 60)))
            start = end - timedelta(minutes=span)
        elif state in ("waiting", "fresh") and start + timedelta(minutes=span) < a:
            return None
    elif start is None:
        if lo is None:
            raise ValueError("a resolved trail needs `start` or `lo`")
        spare = int((hi - lo).total_seconds() // 60) - span
        start = lo + timedelta(minutes=rng.randint(0, max(0, spare)))
    room = (hi - start).total_seconds() / 60
    if room <= 0:
        return None
    f = min(1.0, room / span) if span else 1.0
    out = [
        PlacedStep(
            action,
            level,
            start + timedelta(minutes=int(t * f)),
            None if due is None else start + timedelta(minutes=int(due * f)),
        )
        for action, level, t, due in steps
    ]
    last = out[-1]
    if state == "in_progress" and last.due is not None and last.due <= END:
        out[-1] = last._replace(due=END + timedelta(days=rng.randint(1, 20)))
    if state == "overdue" and (last.due is None or last.due >= END):
        return None
    return out
