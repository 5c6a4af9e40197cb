"""Neo4j values as JSON, the one shape every endpoint uses.

- node: {"id": <its `id` property>, "element_id", "labels", "properties"}
- relationship: {"type", "start", "end" (the end nodes' `id` properties, when known),
  "element_id", "start_element_id", "end_element_id", "properties"}
- path: a list alternating nodes and relationships, in order
- date / datetime / time / duration: ISO-8601 strings; points: {"srid", "x", "y"[, "z"]}
- NaN and infinities (not JSON): the strings "NaN", "Infinity", "-Infinity"

Datetimes with an offset are shown in the project's time zone (graph.core.moments), with their
offset: `2024-05-01T10:00:00+08:00`, whatever zone they were stored in.

`to_native` is the Python-side twin for code that builds pydantic models: temporal values
become `datetime.date` / `datetime.datetime`, everything else as `to_json`.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import neo4j
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.core.moments import local


def to_json(value: Any, ids: Mapping[str, Any] | None = None) -> Any:
    """`ids` maps element ids to `id` properties of nodes seen elsewhere in the result, so that a
    relationship returned on its own still names its ends."""
    ids = ids or {}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return value if math.isfinite(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, Node):
        return {
            "id": value.get("id"),
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: to_json(v, ids) for k, v in value.items()},
        }
    if isinstance(value, Relationship):
        start, end = value.start_node, value.end_node
        return {
            "type": value.type,
            "start": _node_id(start, ids),
            "end": _node_id(end, ids),
            "element_id": value.element_id,
            "start_element_id": start.element_id if start is not None else None,
            "end_element_id": end.element_id if end is not None else None,
            "properties": {k: to_json(v, ids) for k, v in value.items()},
        }
    if isinstance(value, Path):
        out: list[Any] = []
        for i, node in enumerate(value.nodes):
            if i:
                out.append(to_json(value.relationships[i - 1], ids))
            out.append(to_json(node, ids))
        return out
    if isinstance(value, (Date, DateTime, Time)):
        return _iso(value)
    if isinstance(value, Duration):
        return value.iso_format()
    if isinstance(value, Point):
        return _point(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): to_json(v, ids) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v, ids) for v in value]
    if hasattr(value, "isoformat"):  # Python date/datetime/time given back unchanged by the driver
        return value.isoformat()
    return str(value)


def to_native(value: Any) -> Any:
    """Like to_json, but dates and datetimes stay Python objects (for pydantic models)."""
    if isinstance(value, DateTime):
        return _local(value.to_native())
    if isinstance(value, Date):
        return value.to_native()
    if isinstance(value, Mapping) and not isinstance(value, (Node, Relationship)):
        return {k: to_native(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and not isinstance(value, Path):
        return [to_native(v) for v in value]
    return to_json(value)


def rows_to_json(columns: list[str], records: Iterable[neo4j.Record]) -> list[dict[str, Any]]:
    records = list(records)
    ids: dict[str, Any] = {}
    for record in records:
        for value in record.values():
            _collect_ids(value, ids)
    return [{c: to_json(record[c], ids) for c in columns} for record in records]


def _collect_ids(value: Any, ids: dict[str, Any]) -> None:
    if isinstance(value, Node):
        if "id" in value:
            ids[value.element_id] = value["id"]
    elif isinstance(value, Path):
        for node in value.nodes:
            _collect_ids(node, ids)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _collect_ids(v, ids)
    elif isinstance(value, Mapping) and not isinstance(value, Relationship):
        for v in value.values():
            _collect_ids(v, ids)


def _node_id(node: Node | None, ids: Mapping[str, Any]) -> Any:
    if node is None:
        return None
    return node.get("id") if "id" in node else ids.get(node.element_id)


def _local(value: datetime) -> datetime:
    # An instant with an offset is shown in the project's time zone; a local datetime stays as it is.
    return local(value) if value.tzinfo is not None else value


def _iso(value: Date | DateTime | Time) -> str:
    # Nanoseconds are rare in this graph; microseconds read better and every JSON client parses them.
    native = value.to_native()
    return _local(native).isoformat() if isinstance(native, datetime) else native.isoformat()


def _point(p: Point) -> dict[str, Any]:
    out = {"srid": p.srid, "x": p.x, "y": p.y}
    if len(p) > 2:
        out["z"] = p.z
    return out
