"""GET /api/v1/graph/...: pictures of the graph in one JSON shape any front end can draw
(docs/graph-json.md). Thin: each handler calls one function of graph.services.graph_view.views."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from api.deps import StoreDep
from api.responses import Responses
from graph.services.graph_view import views as gv

router = APIRouter(prefix="/graph", tags=["graph view"])


class GraphNode(BaseModel):
    id: str = Field(description="key unique in this answer: '<label>:<model id>'")
    label: str = Field(description="the node's primary (most specific) model label")
    labels: list[str]
    name: str = Field(description="what to write beside the node")
    properties: dict[str, Any] = Field(description="every property; dates and times as ISO-8601 strings")


class GraphLink(BaseModel):
    source: str = Field(description="`id` of the start node")
    target: str = Field(description="`id` of the end node")
    type: str = Field(description="the relationship type")
    properties: dict[str, Any]


class GraphJson(BaseModel):
    nodes: list[GraphNode]
    links: list[GraphLink]
    truncated: bool = Field(description="true when a cap or limit left nodes out")


_ERRORS: Responses = {404: {"description": "an id names nothing"}, 422: {"description": "a bad parameter"}}
_AMBIGUOUS: Responses = {409: {"description": "the id names nodes of several labels; `labels` lists them"}}


@router.get("/community/{id}", response_model=GraphJson, responses=_ERRORS)
def community(
    store: StoreDep,
    id: Annotated[str, Path(description="the community's id (division code)")],
    micro_grids: Annotated[int, Query(ge=0, le=gv.MAX_CAP, description="at most this many micro-grids")] = 200,
    buildings: Annotated[int, Query(ge=0, le=gv.MAX_CAP, description="at most this many buildings")] = 300,
):
    """A community's whole organizational picture: street and district above, party committee, big
    party committee with its secretary and members, residents' committee, paired units, grids,
    micro-grids, compounds with their property company, owners' or management committee, buildings."""
    return gv.community_graph(store=store, id=id, micro_grid_limit=micro_grids, building_limit=buildings)


@router.get("/neighbourhood/{id}", response_model=GraphJson, responses={**_ERRORS, **_AMBIGUOUS})
def neighbourhood(
    store: StoreDep,
    id: Annotated[str, Path(description="any node's id")],
    depth: Annotated[int, Query(ge=1, le=gv.MAX_DEPTH, description="hops from the node")] = 1,
    limit: Annotated[int, Query(ge=1, le=gv.NEIGHBOURHOOD_NODES_MAX, description="at most this many nodes")] = 200,
    label: Annotated[
        str | None, Query(description="the node's label, when the id names nodes of several labels")
    ] = None,
):
    """The nodes within `depth` hops of a node (nearest first, structure before people and work
    items) and every relationship between them."""
    return gv.neighbourhood(store=store, id=id, label=label, depth=depth, limit=limit)


@router.get("/path", response_model=GraphJson, responses={**_ERRORS, **_AMBIGUOUS})
def path(
    store: StoreDep,
    from_: Annotated[str, Query(alias="from", description="id of the first node")],
    to: Annotated[str, Query(description="id of the other node")],
    max_hops: Annotated[int, Query(ge=1, le=gv.MAX_HOPS, description="longest path accepted")] = 6,
    from_label: Annotated[str | None, Query(description="label of the first node, if its id is ambiguous")] = None,
    to_label: Annotated[str | None, Query(description="label of the other node, if its id is ambiguous")] = None,
):
    """A shortest path between two nodes, nodes and links in path order; empty when there is none
    within `max_hops`."""
    return gv.shortest_path(
        store=store, from_id=from_, to_id=to, from_label=from_label, to_label=to_label, max_hops=max_hops
    )


@router.get("/issue/{id}", response_model=GraphJson, responses=_ERRORS)
def issue(store: StoreDep, id: Annotated[str, Path(description="the issue's id")]):
    """An issue's escalation trail as a graph: the issue, its steps in order, who acted at each, the
    area it is in and the areas above, the meeting it was raised at and the tasks addressing it."""
    return gv.issue_graph(store=store, id=id)
