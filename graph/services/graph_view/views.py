"""The graph view: pictures of the graph for a front end to draw (docs/graph-json.md).

Each function takes the `store` and keyword arguments and returns the one JSON shape of
`graph.services.graph_view.graph_json`: a community's organizational picture, the neighbourhood of any node, a
shortest path between two nodes, an issue's escalation trail. Each reads in one transaction, so a
picture never mixes two states of the graph.
"""

from __future__ import annotations

from collections.abc import Callable

import neo4j

from graph.catalogue import reads
from graph.catalogue.reads import Reader
from graph.core.errors import Conflict, NotFound, check_range
from graph.core.store import Store
from graph.model.nodes import NODE_MODELS, check_label
from graph.services.graph_view.graph_json import GraphJson, primary_label

MAX_DEPTH = 3
NEIGHBOURHOOD_NODES_MAX = 2000
MAX_HOPS = 8  # the bound written in cypher/queries/graph_path.cypher
MAX_CAP = 5000

# Which neighbours a neighbourhood keeps first when it must cut: areas and organizations (the
# structure a newcomer wants to see) before people, then work items, then vocabularies.
_RANK_ORDER = [
    "District",
    "Street",
    "Community",
    "Grid",
    "PartyOrg",
    "AdminOrg",
    "Department",
    "Unit",
    "PropertyCompany",
    "OwnersCommittee",
    "PropertyMgmtCommittee",
    "Compound",
    "MicroGrid",
    "Building",
    "Person",
    "Issue",
    "Meeting",
    "Project",
    "Task",
    "Funding",
    "Activity",
    "Step",
    "Document",
    "Evaluation",
    "Award",
    "IssueCategory",
    "PointCategory",
    "PointItem",
]
NEIGHBOUR_ORDER = _RANK_ORDER + [m.label for m in NODE_MODELS if m.label not in _RANK_ORDER]


class AmbiguousId(Conflict):
    """An id that names nodes of several labels; the caller must say which label it means."""

    def __init__(self, id: str, labels: list[str], param: str):
        super().__init__(
            f"id {id!r} names nodes of several labels: {', '.join(labels)}; pass `{param}` as one of them",
            id=id,
            labels=labels,
            param=param,
        )
        self.id, self.labels, self.param = id, labels, param


def _resolve(r: Reader, *, id: str, label: str | None, param: str) -> neo4j.graph.Node:
    """The one node with this id (of this label, when given)."""
    found: dict[str, neo4j.graph.Node] = {}
    for rec in r.read("graph_node_by_id", {"id": id}).records:
        found.setdefault(rec["n"].element_id, rec["n"])
    nodes = [n for n in found.values() if label is None or label in n.labels]
    if not nodes:
        raise NotFound(label or "node", id)
    if len(nodes) > 1:
        raise AmbiguousId(id, sorted(primary_label(n.labels) for n in nodes), param)
    return nodes[0]


def _add_links(r: Reader, g: GraphJson) -> None:
    links = r.read("graph_links", {"ids": g.element_ids})
    g.add_links(rec["r"] for rec in links.records)
    g.truncated = g.truncated or links.truncated


def _read(store: Store, work: Callable[[Reader], dict]) -> dict:
    return reads.read_tx(store, work)


def community_graph(*, store: Store, id: str, micro_grid_limit: int = 200, building_limit: int = 300) -> dict:
    """The community's organizational picture as graph JSON; `truncated` when a cap left
    micro-grids or buildings out."""
    check_range("micro_grid_limit", micro_grid_limit, 0, MAX_CAP)
    check_range("building_limit", building_limit, 0, MAX_CAP)

    def work(r: Reader) -> dict:
        row = r.read(
            "graph_community",
            {"id": id, "micro_grid_limit": micro_grid_limit, "building_limit": building_limit},
        ).single()
        if row is None:
            raise NotFound("Community", id)
        g = GraphJson()
        g.add_nodes(row["nodes"])
        g.truncated = row["truncated"]
        _add_links(r, g)
        return g.to_dict()

    return _read(store, work)


def neighbourhood(*, store: Store, id: str, label: str | None = None, depth: int = 1, limit: int = 200) -> dict:
    """The nodes within `depth` hops of a node (at most `limit` of them, nearest first) and every
    relationship between them."""
    check_label("label", label)
    check_range("depth", depth, 1, MAX_DEPTH)
    check_range("limit", limit, 1, NEIGHBOURHOOD_NODES_MAX)

    def hop(r: Reader, frontier: list[str], seen: list[str], room: int) -> list[neo4j.graph.Node]:
        found = r.read(
            "graph_neighbours",
            {"frontier": frontier, "seen": seen, "order": NEIGHBOUR_ORDER, "room": room},
            row_cap=room,
        )
        return [rec["n"] for rec in found.records]

    def work(r: Reader) -> dict:
        center = _resolve(r, id=id, label=label, param="label")
        g = GraphJson()
        g.add_node(center)
        frontier = [center.element_id]
        for _ in range(depth):
            if not frontier:
                break
            room = limit - len(g)
            if room <= 0:  # full: is anything left out?
                g.truncated = (
                    r.read("graph_neighbours_exist", {"frontier": frontier, "seen": g.element_ids}).single() is not None
                )
                break
            new = hop(r, frontier, g.element_ids, room + 1)
            if len(new) > room:
                g.truncated, new = True, new[:room]
            g.add_nodes(new)
            frontier = [n.element_id for n in new]
        _add_links(r, g)
        return g.to_dict()

    return _read(store, work)


def shortest_path(
    *,
    store: Store,
    from_id: str,
    to_id: str,
    from_label: str | None = None,
    to_label: str | None = None,
    max_hops: int = 6,
) -> dict:
    """A shortest path between two nodes (either direction); no nodes when none is within max_hops.
    Nodes and links come in path order."""
    check_label("from_label", from_label)
    check_label("to_label", to_label)
    check_range("max_hops", max_hops, 1, MAX_HOPS)

    def work(r: Reader) -> dict:
        a = _resolve(r, id=from_id, label=from_label, param="from_label")
        b = _resolve(r, id=to_id, label=to_label, param="to_label")
        g = GraphJson()
        if a.element_id == b.element_id:
            g.add_node(a)
            return g.to_dict()
        row = r.read("graph_path", {"from": a.element_id, "to": b.element_id}).single()
        if row is not None and len(row["rels"]) <= max_hops:
            g.add_nodes(row["nodes"])
            g.add_links(row["rels"])
        return g.to_dict()

    return _read(store, work)


def issue_graph(*, store: Store, id: str) -> dict:
    """An issue's escalation trail: the issue, its steps in order, handlers, area, meeting, tasks."""

    def work(r: Reader) -> dict:
        row = r.read("graph_issue", {"id": id}).single()
        if row is None:
            raise NotFound("Issue", id)
        g = GraphJson()
        g.add_nodes(row["nodes"])
        _add_links(r, g)
        return g.to_dict()

    return _read(store, work)
