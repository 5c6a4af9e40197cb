"""GET /vocabulary: the display names of every coded value (labels, relationship types, levels,
actions, statuses, categories...), for a front end to show Chinese (or English) names."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph.model.vocabulary import Lang, names

router = APIRouter(tags=["vocabulary"])


@router.get("/vocabulary", response_model=dict[str, dict[str, str]])
def vocabulary(lang: Annotated[Lang, Query(description="zh (default) or en")] = "zh"):
    """{domain: {code: name}}; codes are what every other endpoint returns."""
    return names(lang)
