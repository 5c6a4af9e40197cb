"""GET /stats/overview: the article's figures computed from the graph, beside the article's values."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.responses import BAD_PARAM, UNAVAILABLE
from graph.services.stats.overview import Figure, overview

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("/overview", response_model=list[Figure], responses={**BAD_PARAM, **UNAVAILABLE})
def stats_overview(
    store: StoreDep,
    since: Annotated[date, Query(description='first day of the "since 2024" period')] = date(2024, 1, 1),
    award_year: Annotated[int, Query(ge=2000, le=2100, description="year of the awards counted")] = 2023,
):
    """Every figure of the article's table (docs/demo-data.md): its label, the value computed from the graph,
    the article's value and period, and whether they agree. Definitions: docs/demo-data.md."""
    return overview(store=store, since=since, award_year=award_year)
