"""Small measures the analyses share: the Gini coefficient and the article's claims."""

from __future__ import annotations

from collections.abc import Sequence

LEVELS = ("grid", "community", "street", "district")  # grid < community < street < district


def gini(values: Sequence[float]) -> float:
    """The Gini coefficient of `values`: 0 when all are equal (or there are none, or all are 0), near
    1 when one holds everything. Mean absolute difference over twice the mean."""
    n = len(values)
    total = float(sum(values))
    if n == 0 or total == 0:
        return 0.0
    xs = sorted(float(v) for v in values)
    # sum_i sum_j |x_i - x_j| = 2 * sum_i (2i - n + 1) x_i for sorted x (i from 0)
    weighted = sum((2 * i - n + 1) * x for i, x in enumerate(xs))
    return round(weighted / (n * total), 4)


def share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None
