"""Areas named by people: a filter or option that asks for a street, community or grid takes its
code (350802006) or its name (曹溪街道), and an unknown one is an error that names it (with the
closest names in the graph), never an empty answer."""

from __future__ import annotations

from dataclasses import dataclass

from graph.catalogue import reads
from graph.core.errors import ParamError
from graph.core.store import Store
from graph.model.vocabulary import display
from graph.services.search import lucene_query

SUGGESTIONS = 3


@dataclass(frozen=True)
class Area:
    label: str
    id: str
    name: str | None


def _by_id(store: Store, value: str, labels: tuple[str, ...]) -> list[Area]:
    rows = reads.rows("graph_node_by_id", {"id": value}, store=store)
    out = []
    for r in rows:
        label = next((lb for lb in labels if lb in r["n"]["labels"]), None)
        if label is not None:
            out.append(Area(label, r["n"]["properties"]["id"], r["n"]["properties"].get("name")))
    return out


def _by_name(store: Store, value: str, labels: tuple[str, ...], *, exact: bool) -> list[Area]:
    out = []
    for label in labels:
        rows = reads.rows(
            "search_names", {"query": lucene_query(value), "label": label, "limit": 20, "offset": 0}, store=store
        )
        out += [Area(label, r["id"], r["name"]) for r in rows if not exact or r["name"] == value]
    return out


def resolve_area(store: Store, value: str, *, labels: tuple[str, ...], field: str) -> Area:
    """The one area of one of `labels` whose code or exact name is `value`; ParamError otherwise."""
    value = value.strip()
    what = " or ".join(display("label", lb) for lb in labels)
    if not value:
        raise ParamError(field, f"give a {what} code or name")
    found = _by_id(store, value, labels) or _by_name(store, value, labels, exact=True)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        listed = ", ".join(f"{a.name} ({a.id})" for a in found[:10])
        raise ParamError(field, f"{value!r} names several {what}: {listed}; give the code")
    near = _by_name(store, value, labels, exact=False)[:SUGGESTIONS] if len(value) > 1 or value.isalnum() else []
    hint = f"; did you mean {', '.join(f'{a.name} ({a.id})' for a in near)}?" if near else ""
    raise ParamError(field, f"no {what} with the code or name {value!r}{hint}")


def area_code(store: Store, value: str | None, *, labels: tuple[str, ...], field: str) -> str | None:
    """`resolve_area(...).id`, or None for no value."""
    return None if value is None else resolve_area(store, value, labels=labels, field=field).id
