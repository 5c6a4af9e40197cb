"""An area's co-building network in networkx, read in one statement (analytics_projection).

Nodes are keyed by id and carry `label` (the model's label) and every property the model stores;
edges carry `type` (the relationship type) and the relationship's properties. The graph is a
MultiDiGraph: a unit may both organize an activity and, say, cover a grid, and each relationship
is kept. Areas whose network exceeds the settings' caps are refused (413) before it is built whole:
the read stops at the row cap, and building stops at the node cap.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.catalogue import reads
from graph.core.errors import NotFound, TooLarge
from graph.core.language import say
from graph.core.serialize import to_native
from graph.core.settings import get_settings
from graph.core.store import Store
from graph.services.areas import resolve_area
from graph.services.scope import SCOPE_LABELS


def _too_large(under: str, nodes: bool, cap: int) -> TooLarge:
    setting = "GRASSROOTS_ANALYTICS_MAX_NODES" if nodes else "GRASSROOTS_ANALYTICS_MAX_ROWS"
    zh, en = ("节点", "nodes") if nodes else ("关系", "relationships")
    return TooLarge(
        say(
            f"区域 {under} 的网络超过 {cap:,} 个{zh}（设置 {setting}），请选更小的区域",
            f"the network of area {under} has more than {cap:,} {en} (setting {setting}); choose a smaller area",
        )
    )


def project(store: Store, under: str, *, max_nodes: int | None = None, max_rows: int | None = None) -> nx.MultiDiGraph:
    """The co-building network of district, street or community `under` (ParamError field `under`
    for anything else; NotFound for an unknown code)."""
    s = get_settings()
    node_cap = s.grassroots_analytics_max_nodes if max_nodes is None else max_nodes
    row_cap = s.grassroots_analytics_max_rows if max_rows is None else max_rows
    area = resolve_area(store, under, labels=SCOPE_LABELS, field="under")
    result = reads.read("analytics_projection", {"under": area.id}, store=store, row_cap=row_cap)
    if result.truncated:
        raise _too_large(under, False, row_cap)
    g: nx.MultiDiGraph = nx.MultiDiGraph(area=area.id, area_label=area.label)
    for rec in result.records:
        for end in ("src", "dst"):
            node_id = rec[f"{end}_id"]
            if node_id is None or node_id in g:
                continue
            if g.number_of_nodes() >= node_cap:
                raise _too_large(under, True, node_cap)
            g.add_node(node_id, label=rec[f"{end}_label"], **_props(rec[f"{end}_props"]))
        if rec["rel"] is not None:
            g.add_edge(rec["src_id"], rec["dst_id"], key=rec["rel"], type=rec["rel"], **_props(rec["rel_props"]))
    if g.number_of_nodes() == 0:
        raise NotFound("Community in area", under)
    return g


def _props(props: dict[str, Any] | None) -> dict[str, Any]:
    # The model has no property named label or type (docs/model.md), so the two never collide.
    return {k: to_native(v) for k, v in (props or {}).items()}


def of_label(g: nx.MultiDiGraph, label: str) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d.get("label") == label)


def sources(g: nx.MultiDiGraph, node: str, rel: str, label: str) -> set[str]:
    """Nodes of `label` with a `rel` relationship into `node`."""
    return {u for u, _, k in g.in_edges(node, keys=True) if k == rel and g.nodes[u].get("label") == label}


def targets(g: nx.MultiDiGraph, node: str, rel: str, label: str) -> set[str]:
    return {v for _, v, k in g.out_edges(node, keys=True) if k == rel and g.nodes[v].get("label") == label}
