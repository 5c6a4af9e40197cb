"""Small deterministic helpers: splitting a total over buckets, picking days and times.

All randomness comes from one `random.Random(seed)` passed in, consumed in a fixed order, so a
seed always gives the same files.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from ingest.demo.calibration import at


def allocate(
    total: int,
    n: int,
    rng: random.Random,
    *,
    minimum: int = 0,
    weights: Sequence[float] | None = None,
    caps: Sequence[int] | None = None,
    jitter: float = 0.5,
) -> list[int]:
    """`n` whole numbers summing to exactly `total`, each >= `minimum` (and <= its cap), roughly
    in proportion to `weights` with some random spread (`jitter` 0 = strictly proportional)."""
    if n == 0:
        if total:
            raise ValueError(f"cannot place {total} in no buckets")
        return []
    if total < n * minimum:
        raise ValueError(f"total {total} is below {n} x minimum {minimum}")
    caps = list(caps) if caps is not None else None
    if caps is not None and sum(caps) < total:
        raise ValueError(f"total {total} exceeds the capacity {sum(caps)}")
    w = [(weights[i] if weights is not None else 1.0) * (1 + jitter * (2 * rng.random() - 1)) for i in range(n)]
    if caps is not None:
        w = [wi if caps[i] > minimum else 0.0 for i, wi in enumerate(w)]
    out = [minimum] * n
    rest = total - n * minimum
    wsum = sum(w) or 1.0
    frac = []
    for i in range(n):
        share = rest * w[i] / wsum
        k = int(share)
        if caps is not None:
            k = min(k, caps[i] - minimum)
        out[i] += k
        frac.append((share - int(share), i))
    left = total - sum(out)
    order = [i for _, i in sorted(frac, key=lambda x: (-x[0], x[1]))]
    while left > 0:
        moved = False
        for i in order:
            if left == 0:
                break
            if caps is None or out[i] < caps[i]:
                out[i] += 1
                left -= 1
                moved = True
        if not moved:
            raise ValueError("allocation did not converge")
    return out


def day_between(rng: random.Random, start: date, end: date) -> date:
    """A day in [start, end]."""
    return start + timedelta(days=rng.randint(0, (end - start).days))


def time_on(rng: random.Random, d: date, first_hour: int = 8, last_hour: int = 20) -> datetime:
    """A Beijing-time moment on day `d` between the two hours."""
    return at(d, rng.randint(first_hour, last_hour - 1), rng.randrange(0, 60, 5))


def pick(rng: random.Random, seq: Sequence, k: int) -> list:
    """`k` distinct items of `seq` in a random order (all of them if k >= len)."""
    return rng.sample(list(seq), min(k, len(seq)))


def chunks(items: Sequence, sizes: Sequence[int]) -> list[list]:
    """Splits `items` into consecutive runs of the given sizes."""
    out, i = [], 0
    for s in sizes:
        out.append(list(items[i : i + s]))
        i += s
    return out
