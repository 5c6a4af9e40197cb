"""The graph view: pictures of the graph for a front end to draw (docs/graph-json.md).

Each function takes the `store` and keyword arguments and returns the one JSON shape of
`graph.graph_json`: a community's organizational picture, the neighbourhood of any node, a
shortest path between two nodes, an issue's escalation trail. Each reads in one transaction, so a
picture never mixes two states of the graph.
"""
from __future__ import annotations

import neo4j
from neo4j import unit_of_work

from graph.cypher_files import cypher
from graph.errors import NotFound, UserError
from graph.graph_json import GraphJson, primary_label
from graph.model.nodes import LABELS, NODE_MODELS
from graph.settings import get_settings
from graph.store import Store

MAX_DEPTH = 3
MAX_LIMIT = 2000
MAX_HOPS = 8          # the bound written in cypher/queries/graph_path.cypher
MAX_CAP = 5000

# Which neighbours a neighbourhood keeps first when it must cut: areas and organizations (the
# structure a newcomer wants to see) before people, then work items, then vocabularies.
_RANK_ORDER = [
    "District", "Street", "Community", "Grid", "PartyOrg", "AdminOrg", "Department", "Unit",
    "PropertyCompany", "OwnersCommittee", "PropertyMgmtCommittee", "Compound", "MicroGrid",
    "Building", "Person", "Issue", "Meeting", "Project", "Task", "Funding", "Activity", "Step",
    "Document", "Evaluation", "Award", "IssueCategory", "PointCategory", "PointItem",
]
NEIGHBOUR_ORDER = _RANK_ORDER + [m.label for m in NODE_MODELS if m.label not in _RANK_ORDER]


class AmbiguousId(UserError):
    """An id that names nodes of several labels; the caller must say which label it means."""
    status_code = 409

    def __init__(self, id: str, labels: list[str], param: str):
        super().__init__(f"id {id!r} names nodes of several labels: {', '.join(labels)}; "
                         f"pass `{param}` as one of them")
        self.id, self.labels, self.param = id, labels, param


def _check_range(name: str, value: int, lo: int, hi: int) -> None:
    if not lo <= value <= hi:
        raise UserError(f"{name}: {value} is out of range ({lo}..{hi})")


def check_label(param: str, label: str | None) -> None:
    if label is not None and label not in LABELS:
        raise UserError(f"{param}: {label!r} is not a label of the model (one of {', '.join(sorted(LABELS))})")


def _resolve(tx: neo4j.ManagedTransaction, *, id: str, label: str | None, param: str) -> neo4j.graph.Node:
    """The one node with this id (of this label, when given)."""
    found: dict[str, neo4j.graph.Node] = {}
    for rec in tx.run(cypher("queries/graph_node_by_id"), {"id": id}):
        found.setdefault(rec["n"].element_id, rec["n"])
    nodes = [n for n in found.values() if label is None or label in n.labels]
    if not nodes:
        raise NotFound(label or "node", id)
    if len(nodes) > 1:
        raise AmbiguousId(id, sorted(primary_label(n.labels) for n in nodes), param)
    return nodes[0]


def _add_links(tx: neo4j.ManagedTransaction, g: GraphJson) -> None:
    g.add_links(rec["r"] for rec in tx.run(cypher("queries/graph_links"), {"ids": g.element_ids}))


def _read(store: Store, work) -> dict:
    return store.read_tx(unit_of_work(timeout=get_settings().grassroots_query_timeout_s)(work))


def community_picture(*, store: Store, id: str, micro_grid_limit: int = 200, building_limit: int = 300) -> dict:
    """The community's organizational picture; `truncated` when a cap left micro-grids or buildings out."""
    _check_range("micro_grid_limit", micro_grid_limit, 0, MAX_CAP)
    _check_range("building_limit", building_limit, 0, MAX_CAP)

    def work(tx):
        row = tx.run(cypher("queries/graph_community"), {
            "id": id, "micro_grid_limit": micro_grid_limit, "building_limit": building_limit}).single()
        if row is None:
            raise NotFound("Community", id)
        g = GraphJson()
        g.add_nodes(row["nodes"])
        g.truncated = row["truncated"]
        _add_links(tx, g)
        return g.to_dict()
    return _read(store, work)


def neighbourhood(*, store: Store, id: str, label: str | None = None, depth: int = 1, limit: int = 200) -> dict:
    """The nodes within `depth` hops of a node (at most `limit` of them, nearest first) and every
    relationship between them."""
    check_label("label", label)
    _check_range("depth", depth, 1, MAX_DEPTH)
    _check_range("limit", limit, 1, MAX_LIMIT)

    def hop(tx, frontier: list[str], seen: list[str], room: int) -> list[neo4j.graph.Node]:
        return [rec["n"] for rec in tx.run(cypher("queries/graph_neighbours"), {
            "frontier": frontier, "seen": seen, "order": NEIGHBOUR_ORDER, "room": room})]

    def work(tx):
        center = _resolve(tx, id=id, label=label, param="label")
        g = GraphJson()
        g.add_node(center)
        frontier = [center.element_id]
        for _ in range(depth):
            if not frontier:
                break
            room = limit - len(g)
            if room <= 0:  # full: is anything left out?
                g.truncated = tx.run(cypher("queries/graph_neighbours_exist"), {
                    "frontier": frontier, "seen": g.element_ids}).single() is not None
                break
            new = hop(tx, frontier, g.element_ids, room + 1)
            if len(new) > room:
                g.truncated, new = True, new[:room]
            g.add_nodes(new)
            frontier = [n.element_id for n in new]
        _add_links(tx, g)
        return g.to_dict()
    return _read(store, work)


def shortest_path(*, store: Store, from_id: str, to_id: str, from_label: str | None = None,
                  to_label: str | None = None, max_hops: int = 6) -> dict:
    """A shortest path between two nodes (either direction); no nodes when none is within max_hops.
    Nodes and links come in path order."""
    check_label("from_label", from_label)
    check_label("to_label", to_label)
    _check_range("max_hops", max_hops, 1, MAX_HOPS)

    def work(tx):
        a = _resolve(tx, id=from_id, label=from_label, param="from_label")
        b = _resolve(tx, id=to_id, label=to_label, param="to_label")
        g = GraphJson()
        if a.element_id == b.element_id:
            g.add_node(a)
            return g.to_dict()
        row = tx.run(cypher("queries/graph_path"), {"from": a.element_id, "to": b.element_id}).single()
        if row is not None and len(row["rels"]) <= max_hops:
            g.add_nodes(row["nodes"])
            g.add_links(row["rels"])
        return g.to_dict()
    return _read(store, work)


def issue_graph(*, store: Store, id: str) -> dict:
    """An issue's escalation trail: the issue, its steps in order, handlers, area, meeting, tasks."""
    def work(tx):
        row = tx.run(cypher("queries/graph_issue"), {"id": id}).single()
        if row is None:
            raise NotFound("Issue", id)
        g = GraphJson()
        g.add_nodes(row["nodes"])
        _add_links(tx, g)
        return g.to_dict()
    return _read(store, work)
