"""The graph view: pictures of the graph for a front end to draw (docs/graph-json.md).

Each function takes the `store` and keyword arguments and returns the one JSON shape of
`graph.graph_json`: a community's organizational picture, the neighbourhood of any node (over
chosen relationship types and direction), a shortest path between two nodes (over chosen types),
an issue's escalation trail, a set of nodes named by key; `degrees` counts a node's relationships
for the page's expand menu. Each reads in one transaction, so a picture never mixes two states of
the graph. Caps the caller does not name come from settings (grassroots_graph_*_cap).
"""
from __future__ import annotations

import neo4j
from neo4j import unit_of_work

from graph.cypher_files import cypher
from graph.errors import NotFound, UserError
from graph.graph_json import GraphJson, node_key, primary_label
from graph.model.nodes import LABELS, NODE_MODELS
from graph.model.vocabulary import vocabulary
from graph.settings import get_settings
from graph.store import Store

MAX_DEPTH = 3
MAX_LIMIT = 2000
MAX_HOPS = 8          # the bound written in cypher/queries/graph_path.cypher
MAX_CAP = 5000
DIRECTIONS = ("both", "out", "in")

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


def rel_types() -> set[str]:
    """The model's relationship types (the vocabulary names every one; tests/test_vocabulary.py)."""
    return set(vocabulary()["relationship"])


def check_types(param: str, types: list[str] | None) -> list[str] | None:
    """Relationship types from a caller, checked against the model (they reach Cypher only as a
    parameter); None or an empty list means every type."""
    if not types:
        return None
    bad = sorted(set(types) - rel_types())
    if bad:
        raise UserError(f"{param}: {', '.join(map(repr, bad))} is not a relationship type of the model "
                        f"(one of {', '.join(sorted(rel_types()))})")
    return sorted(set(types))


def _check_direction(direction: str) -> None:
    if direction not in DIRECTIONS:
        raise UserError(f"direction: {direction!r} is not one of {', '.join(DIRECTIONS)}")


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


def community_picture(*, store: Store, id: str, micro_grid_limit: int | None = None,
                      building_limit: int | None = None) -> dict:
    """The community's organizational picture; `truncated` when a cap left micro-grids or buildings
    out, `left_out` says how many. Caps not given come from settings."""
    settings = get_settings()
    micro_grid_limit = settings.grassroots_graph_micro_grid_cap if micro_grid_limit is None else micro_grid_limit
    building_limit = settings.grassroots_graph_building_cap if building_limit is None else building_limit
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
        g.left_out.update(row["left_out"])
        g.caps = {"micro_grids": micro_grid_limit, "buildings": building_limit}
        _add_links(tx, g)
        return g.to_dict()
    return _read(store, work)


def neighbourhood(*, store: Store, id: str, label: str | None = None, depth: int = 1, limit: int | None = None,
                  types: list[str] | None = None, direction: str = "both") -> dict:
    """The nodes within `depth` hops of a node over relationships of `types` (every type when None)
    in `direction` ('out': from the node outward), at most `limit` of them (nearest first; default
    from settings), and every relationship between them. A cut says, by label, what the hop where it
    cut left out."""
    check_label("label", label)
    types = check_types("types", types)
    _check_direction(direction)
    limit = get_settings().grassroots_graph_node_cap if limit is None else limit
    _check_range("depth", depth, 1, MAX_DEPTH)
    _check_range("limit", limit, 1, MAX_LIMIT)
    walk = {"types": types, "direction": direction}

    def hop(tx, frontier: list[str], seen: list[str], room: int) -> list[neo4j.graph.Node]:
        return [rec["n"] for rec in tx.run(cypher("queries/graph_neighbours"), {
            "frontier": frontier, "seen": seen, "order": NEIGHBOUR_ORDER, "room": room, **walk})]

    def count_left_out(tx, g: GraphJson, frontier: list[str]) -> None:
        for rec in tx.run(cypher("queries/graph_neighbours_left_out"), {"frontier": frontier, "seen": g.element_ids, **walk}):
            g.count_left_out(rec["labels"], rec["count"])

    def work(tx):
        center = _resolve(tx, id=id, label=label, param="label")
        g = GraphJson()
        g.caps = {"limit": limit}
        g.add_node(center)
        frontier = [center.element_id]
        for _ in range(depth):
            if not frontier:
                break
            room = limit - len(g)
            if room <= 0:  # full: what does the next hop leave out?
                count_left_out(tx, g, frontier)
                break
            new = hop(tx, frontier, g.element_ids, room + 1)
            if len(new) > room:
                g.add_nodes(new[:room])
                count_left_out(tx, g, frontier)
                break
            g.add_nodes(new)
            frontier = [n.element_id for n in new]
        _add_links(tx, g)
        return g.to_dict()
    return _read(store, work)


def degrees(*, store: Store, id: str, label: str | None = None) -> dict:
    """A node's relationships counted by type, direction (seen from the node) and the other end's
    label: {"node": key, "degrees": [{type, direction, label, count}]}, by type, direction, label."""
    check_label("label", label)

    def work(tx):
        center = _resolve(tx, id=id, label=label, param="label")
        counts: dict[tuple[str, str, str], int] = {}
        for rec in tx.run(cypher("queries/graph_degrees"), {"id": center.element_id}):
            key = (rec["type"], rec["direction"], primary_label(rec["labels"]))
            counts[key] = counts.get(key, 0) + rec["count"]
        g = GraphJson()
        g.add_node(center)
        return {"node": g.to_dict()["nodes"][0]["id"],
                "degrees": [{"type": t, "direction": d, "label": lb, "count": c}
                            for (t, d, lb), c in sorted(counts.items())]}
    return _read(store, work)


def nodes_by_keys(*, store: Store, keys: list[str]) -> dict:
    """The nodes named by their graph-JSON keys ('Label:id') and every relationship between them;
    keys naming no node are left out (and counted in `left_out` by label)."""
    if len(keys) > MAX_LIMIT:
        raise UserError(f"keys: at most {MAX_LIMIT} nodes at once ({len(keys)} given)")
    wanted: dict[str, tuple[str, str]] = {}
    for key in keys:
        label, sep, node_id = key.partition(":")
        if not sep or not node_id:
            raise UserError(f"keys: {key!r} is not a node key 'Label:id'")
        check_label("keys", label)
        wanted[key] = (label, node_id)

    def work(tx):
        g = GraphJson()
        found = {}
        ids = sorted({i for _, i in wanted.values()})
        for rec in tx.run(cypher("queries/graph_nodes_by_ids"), {"ids": ids}):
            n = rec["n"]
            found.setdefault(node_key(primary_label(n.labels), n.get("id")), n)
        for key, (label, _) in wanted.items():
            if key in found:
                g.add_node(found[key])
            else:
                g.left_out[label] = g.left_out.get(label, 0) + 1
        _add_links(tx, g)
        out = g.to_dict()
        out["truncated"] = False  # nothing was cut: missing keys are simply not there
        return out
    return _read(store, work)


def shortest_path(*, store: Store, from_id: str, to_id: str, from_label: str | None = None,
                  to_label: str | None = None, max_hops: int = 6, types: list[str] | None = None) -> dict:
    """A shortest path between two nodes (either direction) over relationships of `types` (every
    type when None); no nodes when none is within max_hops. Nodes and links come in path order."""
    check_label("from_label", from_label)
    check_label("to_label", to_label)
    types = check_types("types", types)
    _check_range("max_hops", max_hops, 1, MAX_HOPS)

    def work(tx):
        a = _resolve(tx, id=from_id, label=from_label, param="from_label")
        b = _resolve(tx, id=to_id, label=to_label, param="to_label")
        g = GraphJson()
        if a.element_id == b.element_id:
            g.add_node(a)
            return g.to_dict()
        ends = {"from": a.element_id, "to": b.element_id}
        row = (tx.run(cypher("queries/graph_path_types"), {**ends, "types": types}) if types
               else tx.run(cypher("queries/graph_path"), ends)).single()
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
