"""Residents' ratings and satisfaction under an area (GET /evaluations/summary): each rated
organization's ratings and mean score, and the overall satisfaction: the share of rated solved
platform problems rated 4 or 5, the article's 满意率."""

from __future__ import annotations

from datetime import date

from graph.catalogue import reads
from graph.core.moments import start_of_day
from graph.core.store import Store
from graph.services.areas import resolve_area


def summary(*, store: Store, under: str, year: int | None = None) -> dict:
    area = resolve_area(store, under, labels=("District", "Street", "Community"), field="under")
    window = (
        {"from": start_of_day(date(year, 1, 1)), "to": start_of_day(date(year + 1, 1, 1))}
        if year is not None
        else {"from": None, "to": None}
    )
    overall = reads.rows("satisfaction_overall", {"under": area.id, "year": year, **window}, store=store)[0]
    rated = reads.rows("evaluations_summary", {"under": area.id, "year": year}, store=store)
    return {"under": area.id, "name": area.name, "year": year, "overall": overall, "organizations": rated}
