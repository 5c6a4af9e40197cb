"""The graph-view JSON shape (docs/graph-json.md): Neo4j nodes and relationships turned into
`{"nodes": [...], "links": [...], "truncated": bool}` that d3, vis-network or cytoscape can draw.

A node's `id` here is `"<Label>:<model id>"`: model ids are unique only within a label, and a
drawing needs a key unique across the whole picture. `properties.id` keeps the model id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import neo4j.graph

from graph.core.serialize import to_json
from graph.model.nodes import NODE_MODELS

# Most specific first: a node that is both `Unit` and `Department` is drawn as a Department.
_PRIMARY_ORDER = [m.label for m in reversed(NODE_MODELS)]


def primary_label(labels: Iterable[str]) -> str:
    present = set(labels)
    for label in _PRIMARY_ORDER:
        if label in present:
            return label
    return sorted(present)[0] if present else "Node"


def node_key(label: str, id: Any) -> str:
    return f"{label}:{id}"


def display_name(label: str, props: dict) -> str:
    """What to write beside a node: its name or title, else something built from its properties."""
    for key in ("name", "title"):
        if props.get(key):
            return str(props[key])
    p = {k: to_json(v) for k, v in props.items()}
    if label == "Step":
        return f"{p.get('seq')}. {p.get('action')} @ {p.get('level')}"
    if label == "Meeting":
        return f"{p.get('kind')} {p.get('date')}"
    if label == "Funding":
        return f"{p.get('year')} ¥{p.get('amount')}"
    if label == "Activity":
        return f"{p.get('category')} {p.get('date')}"
    if label == "Evaluation":
        return f"{p.get('kind')} {p.get('score')}"
    return str(p.get("id", label))


class GraphJson:
    """Collects nodes and relationships (each once) and writes the shape."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}  # element id -> node key
        self._nodes: dict[str, dict] = {}  # node key -> node
        self._links: dict[str, dict] = {}  # relationship element id -> link
        self.truncated = False
        self.left_out: dict[str, int] = {}  # label -> nodes a cap left out
        self.caps: dict[str, int] = {}  # the caps applied, by parameter name

    def __len__(self) -> int:
        return len(self._nodes)

    @property
    def element_ids(self) -> list[str]:
        return list(self._keys)

    def add_node(self, node: neo4j.graph.Node | None) -> None:
        if node is None or node.element_id in self._keys:
            return
        props = dict(node.items())
        label = primary_label(node.labels)
        key = node_key(label, props.get("id", node.element_id))
        self._keys[node.element_id] = key
        self._nodes.setdefault(
            key,
            {
                "id": key,
                "label": label,
                "labels": sorted(node.labels),
                "name": display_name(label, props),
                "properties": to_json(props),
            },
        )

    def add_nodes(self, nodes: Iterable[neo4j.graph.Node | None]) -> None:
        for n in nodes:
            self.add_node(n)

    def add_links(self, rels: Iterable[neo4j.graph.Relationship | None]) -> None:
        """Adds relationships whose two ends are nodes of this picture (others are left out)."""
        for r in rels:
            if r is None or r.element_id in self._links or r.start_node is None or r.end_node is None:
                continue
            start, end = self._keys.get(r.start_node.element_id), self._keys.get(r.end_node.element_id)
            if start is None or end is None:
                continue
            self._links[r.element_id] = {
                "source": start,
                "target": end,
                "type": r.type,
                "properties": to_json(dict(r.items())),
            }

    def count_left_out(self, labels: Iterable[str], count: int) -> None:
        label = primary_label(labels)
        self.left_out[label] = self.left_out.get(label, 0) + count

    def to_dict(self) -> dict:
        left_out = {k: v for k, v in sorted(self.left_out.items()) if v > 0}
        return {
            "nodes": list(self._nodes.values()),
            "links": list(self._links.values()),
            "truncated": self.truncated or bool(left_out),
            "left_out": left_out,
            "caps": self.caps,
        }
