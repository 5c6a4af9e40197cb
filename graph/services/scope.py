"""Keys limited to one area (`grassroots keys create --scope CODE`): what lies in that area, and
issue filters narrowed to it. A scope is a district, street or community code."""

from __future__ import annotations

from dataclasses import replace

from graph.catalogue import reads
from graph.core.access import Caller
from graph.core.errors import Refused
from graph.core.store import Store
from graph.services.areas import Area, resolve_area
from graph.services.issues.stalled import Narrowing

SCOPE_LABELS = ("District", "Street", "Community")


def scope_area(store: Store, code: str) -> Area:
    """The district, street or community a scope names; ParamError (field `scope`) otherwise."""
    return resolve_area(store, code, labels=SCOPE_LABELS, field="scope")


def areas_of(store: Store, node_id: str) -> set[str]:
    """The ids of the areas `node_id` (an issue, person or area) lies in, up to its district."""
    rows = reads.rows("admin/areas_of", {"id": node_id}, store=store)
    return set(rows[0]["areas"]) if rows else set()


def check_within(store: Store, caller: Caller, node_id: str, what: str) -> None:
    """Refused unless `node_id` lies in the caller's area (a key without one may see everything).
    An id that names nothing passes: the route's own lookup then answers 404."""
    if caller.scope is None:
        return
    found = areas_of(store, node_id)
    if found and caller.scope not in found:
        raise Refused(f"{what} {node_id} lies outside area {caller.scope}, to which key {caller.name!r} is limited")


def narrowed(store: Store, caller: Caller, only: Narrowing) -> Narrowing:
    """`only` for a key limited to an area: a street or community filter must lie within it, and an
    issue list without one is narrowed to the key's area."""
    if caller.scope is None:
        return only
    for asked in (only.community, only.street, only.district):
        if asked is not None:
            area = resolve_area(store, asked, labels=SCOPE_LABELS, field="area")
            check_within(store, caller, area.id, display_label(area.label))
    scope = scope_area(store, caller.scope)
    if only.community or only.street:
        return only
    field = {"District": "district", "Street": "street", "Community": "community"}[scope.label]
    return replace(only, **{field: scope.id})


def display_label(label: str) -> str:
    return label.lower()
