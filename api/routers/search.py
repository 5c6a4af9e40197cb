"""GET /search: names and titles through the cjk full-text index."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Limit, Offset, StoreDep
from api.responses import READ
from graph.catalogue.paging import Page
from graph.model.nodes import LABELS
from graph.services import search as graph_search

router = APIRouter(tags=["search"])

Label = StrEnum("Label", {name: name for name in sorted(LABELS)})  # type: ignore[misc]  # members from the model


@router.get("/search", response_model=Page[graph_search.Hit], responses=READ)
def search(
    store: StoreDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=graph_search.SEARCH_TEXT_CHARS_MAX,
            description="words to find in names and titles",
            examples=["天马"],
        ),
    ],
    label: Annotated[Label | None, Query(description="only nodes with this model label")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Full-text search: 天马 finds 天马社区; several words must all match; a single character finds
    every name holding it. Best matches first."""
    return graph_search.search(store=store, q=q, label=label.value if label else None, limit=limit, offset=offset)
