"""The graph view: pictures of the graph for a front end to draw (docs/graph-json.md).

Each function takes the `store` and keyword arguments and returns the one JSON shape of
`graph.services.graph_view.graph_json`: a community's organizational picture, the neighbourhood
of any node (over chosen relationship types and direction), a shortest path between two nodes
(over chosen types), an issue's escalation trail, a set of nodes named by key; `degrees` counts a
node's relationships for the page's expand menu. Each reads in one transaction, so a picture never
mixes two states of the graph. Caps the caller does not name come from settings
(grassroots_graph_*_cap).
"""

from __future__ import annotations

from collections.abc import Callable

import neo4j

from graph.catalogue import reads
from graph.catalogue.reads import Reader
from graph.core.errors import Conflict, NotFound, ParamError, check_choice, check_range
from graph.core.settings import get_settings
from graph.core.store import Store
from graph.model.nodes import NODE_MODELS, check_label
from graph.model.vocabulary import vocabulary
from graph.services.graph_view.graph_json import GraphJson, node_key, primary_label

MAX_DEPTH = 3
NEIGHBOURHOOD_NODES_MAX = 2000
MAX_HOPS = 8  # the bound written in cypher/queries/graph_path.cypher
MAX_CAP = 5000
DIRECTIONS = ("both", "out", "in")

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
        raise ParamError(
            param,
            f"{', '.join(map(repr, bad))} is not a relationship type of the model "
            f"(one of {', '.join(sorted(rel_types()))})",
        )
    return sorted(set(types))


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


def community_graph(
    *, store: Store, id: str, micro_grid_limit: int | None = None, building_limit: int | None = None
) -> dict:
    """The community's organizational picture as graph JSON; `truncated` when a cap left
    micro-grids or buildings out, `left_out` says how many. Caps not given come from settings."""
    settings = get_settings()
    micro_grid_limit = settings.grassroots_graph_micro_grid_cap if micro_grid_limit is None else micro_grid_limit
    building_limit = settings.grassroots_graph_building_cap if building_limit is None else building_limit
    check_range("micro_grid_limit", micro_grid_limit, 0, MAX_CAP)
    check_range("building_limit", building_limit, 0, MAX_CAP)

    def work(r: Reader) -> dict:
        params = {"id": id, "micro_grid_limit": micro_grid_limit, "building_limit": building_limit}
        row = r.read("graph_community", params).single()
        if row is None:
            raise NotFound("Community", id)
        g = GraphJson()
        g.add_nodes(row["nodes"])
        g.truncated = row["truncated"]
        g.left_out.update(row["left_out"])
        g.caps = {"micro_grids": micro_grid_limit, "buildings": building_limit}
        _add_links(r, g)
        return g.to_dict()

    return _read(store, work)


def neighbourhood(
    *,
    store: Store,
    id: str,
    label: str | None = None,
    depth: int = 1,
    limit: int | None = None,
    types: list[str] | None = None,
    direction: str = "both",
) -> dict:
    """The nodes within `depth` hops of a node over relationships of `types` (every type when None)
    in `direction` ('out': from the node outward), at most `limit` of them (nearest first; default
    from settings), and every relationship between them. A cut says, by label, what the hop where it
    cut left out."""
    check_label("label", label)
    types = check_types("types", types)
    check_choice("direction", direction, DIRECTIONS)
    limit = get_settings().grassroots_graph_node_cap if limit is None else limit
    check_range("depth", depth, 1, MAX_DEPTH)
    check_range("limit", limit, 1, NEIGHBOURHOOD_NODES_MAX)
    walk = {"types": types, "direction": direction}

    def hop(r: Reader, frontier: list[str], seen: list[str], room: int) -> list[neo4j.graph.Node]:
        params = {"frontier": frontier, "seen": seen, "order": NEIGHBOUR_ORDER, "room": room, **walk}
        return [rec["n"] for rec in r.read("graph_neighbours", params, row_cap=room).records]

    def count_left_out(r: Reader, g: GraphJson, frontier: list[str]) -> None:
        for rec in r.read("graph_neighbours_left_out", {"frontier": frontier, "seen": g.element_ids, **walk}).records:
            g.count_left_out(rec["labels"], rec["count"])

    def work(r: Reader) -> dict:
        center = _resolve(r, id=id, label=label, param="label")
        g = GraphJson()
        g.caps = {"limit": limit}
        g.add_node(center)
        frontier = [center.element_id]
        for _ in range(depth):
            if not frontier:
                break
            room = limit - len(g)
            if room <= 0:  # full: what does the next hop leave out?
                count_left_out(r, g, frontier)
                break
            new = hop(r, frontier, g.element_ids, room + 1)
            if len(new) > room:
                g.add_nodes(new[:room])
                count_left_out(r, g, frontier)
                break
            g.add_nodes(new)
            frontier = [n.element_id for n in new]
        _add_links(r, g)
        return g.to_dict()

    return _read(store, work)


def degrees(*, store: Store, id: str, label: str | None = None) -> dict:
    """A node's relationships counted by type, direction (seen from the node) and the other end's
    label: {"node": key, "degrees": [{type, direction, label, count}]}, by type, direction, label."""
    check_label("label", label)

    def work(r: Reader) -> dict:
        center = _resolve(r, id=id, label=label, param="label")
        counts: dict[tuple[str, str, str], int] = {}
        for rec in r.read("graph_degrees", {"id": center.element_id}).records:
            key = (rec["type"], rec["direction"], primary_label(rec["labels"]))
            counts[key] = counts.get(key, 0) + rec["count"]
        g = GraphJson()
        g.add_node(center)
        return {
            "node": g.to_dict()["nodes"][0]["id"],
            "degrees": [
                {"type": t, "direction": d, "label": lb, "count": c} for (t, d, lb), c in sorted(counts.items())
            ],
        }

    return _read(store, work)


def nodes_by_keys(*, store: Store, keys: list[str]) -> dict:
    """The nodes named by their graph-JSON keys ('Label:id') and every relationship between them;
    keys naming no node are left out (and counted in `left_out` by label)."""
    if len(keys) > NEIGHBOURHOOD_NODES_MAX:
        raise ParamError("keys", f"at most {NEIGHBOURHOOD_NODES_MAX} nodes at once ({len(keys)} given)")
    wanted: dict[str, tuple[str, str]] = {}
    for key in keys:
        label, sep, node_id = key.partition(":")
        if not sep or not node_id:
            raise ParamError("keys", f"{key!r} is not a node key 'Label:id'")
        check_label("keys", label)
        wanted[key] = (label, node_id)

    def work(r: Reader) -> dict:
        g = GraphJson()
        found: dict[str, neo4j.graph.Node] = {}
        ids = sorted({i for _, i in wanted.values()})
        for rec in r.read("graph_nodes_by_ids", {"ids": ids}, row_cap=len(ids) * len(NODE_MODELS) + 1).records:
            n = rec["n"]
            found.setdefault(node_key(primary_label(n.labels), n.get("id")), n)
        for key, (label, _) in wanted.items():
            if key in found:
                g.add_node(found[key])
            else:
                g.left_out[label] = g.left_out.get(label, 0) + 1
        _add_links(r, g)
        out = g.to_dict()
        out["truncated"] = False  # nothing was cut: missing keys are simply not there
        return out

    return _read(store, work)


def shortest_path(
    *,
    store: Store,
    from_id: str,
    to_id: str,
    from_label: str | None = None,
    to_label: str | None = None,
    max_hops: int = 6,
    types: list[str] | None = None,
) -> dict:
    """A shortest path between two nodes (either direction) over relationships of `types` (every
    type when None); no nodes when none is within max_hops. Nodes and links come in path order."""
    check_label("from_label", from_label)
    check_label("to_label", to_label)
    types = check_types("types", types)
    check_range("max_hops", max_hops, 1, MAX_HOPS)

    def work(r: Reader) -> dict:
        a = _resolve(r, id=from_id, label=from_label, param="from_label")
        b = _resolve(r, id=to_id, label=to_label, param="to_label")
        g = GraphJson()
        if a.element_id == b.element_id:
            g.add_node(a)
            return g.to_dict()
        ends = {"from": a.element_id, "to": b.element_id}
        found = r.read("graph_path_types", {**ends, "types": types}) if types else r.read("graph_path", ends)
        row = found.single()
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
