"""GET /api/v1/graph/...: pictures of the graph in one JSON shape any front end can draw
(docs/graph-json.md). Thin: each handler calls one function of graph.services.graph_view.views."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from api.deps import StoreDep
from api.responses import Responses
from graph.core.privacy import redact
from graph.core.settings import get_settings
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
    left_out: dict[str, int] = Field(default_factory=dict, description="nodes a cap left out, by label")
    caps: dict[str, int] = Field(
        default_factory=dict, description="the caps applied, by parameter name: ask again with more"
    )


class Degree(BaseModel):
    type: str = Field(description="relationship type")
    direction: str = Field(description="'out': the node is the start; 'in': the end")
    label: str = Field(description="primary label of the node at the other end")
    count: int


class Degrees(BaseModel):
    node: str = Field(description="the node's key")
    degrees: list[Degree]


class NodeKeys(BaseModel):
    keys: list[str] = Field(
        description="node keys 'Label:id', as graph JSON gives them",
        max_length=gv.NEIGHBOURHOOD_NODES_MAX,
        examples=[["Community:350802006002", "Unit:U-0001"]],
    )


class Caps(BaseModel):
    node_cap: int = Field(description="nodes in a neighbourhood when `limit` is not given")
    expand_cap: int = Field(description="nodes a page's expand asks for")
    building_cap: int = Field(description="buildings in a community picture when `buildings` is not given")
    micro_grid_cap: int = Field(description="micro-grids in a community picture when `micro_grids` is not given")
    max_limit: int = Field(description="the largest `limit` a neighbourhood takes")


_ERRORS: Responses = {404: {"description": "an id names nothing"}, 422: {"description": "a bad parameter"}}
_AMBIGUOUS: Responses = {409: {"description": "the id names nodes of several labels; `labels` lists them"}}

Types = Annotated[
    str | None,
    Query(
        description="comma-separated relationship types, e.g. PART_OF,SERVES; default every type",
        examples=["PART_OF,SERVES"],
    ),
]
LabelParam = Annotated[str | None, Query(description="the node's label, when the id names nodes of several labels")]


def _types(text: str | None) -> list[str] | None:
    return [t.strip() for t in text.split(",") if t.strip()] if text else None


@router.get("/community/{id}", response_model=GraphJson, responses=_ERRORS)
def community(
    store: StoreDep,
    id: Annotated[str, Path(description="the community's id (division code)")],
    micro_grids: Annotated[
        int | None, Query(ge=0, le=gv.MAX_CAP, description="at most this many micro-grids (default: settings)")
    ] = None,
    buildings: Annotated[
        int | None, Query(ge=0, le=gv.MAX_CAP, description="at most this many buildings (default: settings)")
    ] = None,
):
    """A community's whole organizational picture: street and district above, party committee, big
    party committee with its secretary and members, residents' committee, paired units, grids,
    micro-grids, compounds with their property company, owners' or management committee, buildings."""
    return redact(gv.community_graph(store=store, id=id, micro_grid_limit=micro_grids, building_limit=buildings))


@router.get("/neighbourhood/{id}", response_model=GraphJson, responses={**_ERRORS, **_AMBIGUOUS})
def neighbourhood(
    store: StoreDep,
    id: Annotated[str, Path(description="any node's id")],
    depth: Annotated[int, Query(ge=1, le=gv.MAX_DEPTH, description="hops from the node")] = 1,
    limit: Annotated[
        int | None,
        Query(ge=1, le=gv.NEIGHBOURHOOD_NODES_MAX, description="at most this many nodes (default: settings)"),
    ] = None,
    label: LabelParam = None,
    types: Types = None,
    direction: Annotated[
        Literal["both", "out", "in"], Query(description="'out' (from the node outward), 'in' or 'both'")
    ] = "both",
):
    """The nodes within `depth` hops of a node over the given relationship types and direction
    (nearest first, structure before people and work items) and every relationship between them."""
    return redact(
        gv.neighbourhood(
            store=store, id=id, label=label, depth=depth, limit=limit, types=_types(types), direction=direction
        )
    )


@router.get("/path", response_model=GraphJson, responses={**_ERRORS, **_AMBIGUOUS})
def path(
    store: StoreDep,
    from_: Annotated[str, Query(alias="from", description="id of the first node")],
    to: Annotated[str, Query(description="id of the other node")],
    max_hops: Annotated[int, Query(ge=1, le=gv.MAX_HOPS, description="longest path accepted")] = 6,
    from_label: Annotated[str | None, Query(description="label of the first node, if its id is ambiguous")] = None,
    to_label: Annotated[str | None, Query(description="label of the other node, if its id is ambiguous")] = None,
    types: Types = None,
):
    """A shortest path between two nodes over the given relationship types, nodes and links in path
    order; empty when there is none within `max_hops`."""
    found = gv.shortest_path(
        store=store,
        from_id=from_,
        to_id=to,
        from_label=from_label,
        to_label=to_label,
        max_hops=max_hops,
        types=_types(types),
    )
    return redact(found)


@router.get("/issue/{id}", response_model=GraphJson, responses=_ERRORS)
def issue(store: StoreDep, id: Annotated[str, Path(description="the issue's id")]):
    """An issue's escalation trail as a graph: the issue, its steps in order, who acted at each, the
    area it is in and the areas above, the meeting it was raised at and the tasks addressing it."""
    return redact(gv.issue_graph(store=store, id=id))


@router.get("/degrees/{id}", response_model=Degrees, responses={**_ERRORS, **_AMBIGUOUS})
def degrees(store: StoreDep, id: Annotated[str, Path(description="any node's id")], label: LabelParam = None):
    """A node's relationships counted by type, direction and the other end's label: what expanding
    it by one relationship type would add."""
    return gv.degrees(store=store, id=id, label=label)


@router.post("/nodes", response_model=GraphJson, responses=_ERRORS)
def nodes(store: StoreDep, body: NodeKeys):
    """The nodes named by key and every relationship between them (a search phrase's rows, the
    relationships among the nodes on screen, a shared view). Keys naming nothing are counted in
    `left_out`."""
    return redact(gv.nodes_by_keys(store=store, keys=body.keys))


@router.get("/caps", response_model=Caps)
def caps():
    """The caps in force (settings grassroots_graph_*_cap), for a front end that offers to load more."""
    s = get_settings()
    return Caps(
        node_cap=s.grassroots_graph_node_cap,
        expand_cap=s.grassroots_graph_expand_cap,
        building_cap=s.grassroots_graph_building_cap,
        micro_grid_cap=s.grassroots_graph_micro_grid_cap,
        max_limit=gv.NEIGHBOURHOOD_NODES_MAX,
    )
