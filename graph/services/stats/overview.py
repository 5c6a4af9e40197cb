"""The overview: each of the article's figures computed from the graph, beside the article's value."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from graph.catalogue import cached
from graph.core.store import Store
from graph.services.stats.figures import ARTICLE_FIGURES, matches


class Figure(BaseModel):
    key: str = Field(description="stable key of the figure")
    label: str = Field(description="what is counted, in the request's language (Accept-Language; Chinese first)")
    value: int | float | None = Field(description="computed from the graph (null: nothing to compute it over)")
    article_value: int | float = Field(description="the figure in the article")
    period: str = Field(description="the article's period (code): now, since 2024, to date, 2023, rule")
    period_label: str = Field("", description="the period as people read it (现在, 2024年以来, ...)")
    unit: str = Field("", description="yuan, %, person-times, or empty for a count (code)")
    unit_label: str = Field("", description="the unit as people read it (元, %, 人次)")
    matches: bool = Field(
        description="the graph agrees with the article (equal, or at least / at most for N+ figures and rules)"
    )


def overview(
    *,
    store: Store,
    since: date = date(2024, 1, 1),
    award_year: int = 2023,
    min_funding: int = 30_000,
    satisfied: int = 4,
) -> list[Figure]:
    """Every figure of the article's table, in the article's order."""
    params = {"since": since, "award_year": award_year, "min_funding": min_funding, "satisfied": satisfied}
    rows = cached.rows("stats_overview", params, store=store)  # once per data version
    values = {r["key"]: r["value"] for r in rows}
    out = []
    for f in ARTICLE_FIGURES:
        v = values.get(f.key)
        value = None if v is None else (int(v) if float(v).is_integer() else float(v))
        out.append(
            Figure(
                key=f.key,
                label=f.label,
                value=value,
                article_value=f.value,
                period=f.period,
                period_label=f.period_label,
                unit=f.unit,
                unit_label=f.unit_label,
                matches=matches(f, value),
            )
        )
    return out
