"""One shape for every paged answer (`Page`), its bounds, and the existence check behind 404s."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from graph.catalogue import reads
from graph.core.errors import NotFound, check_range
from graph.core.store import Store

T = TypeVar("T")
PAGE_SIZE_MAX = 1000  # rows a page may hold, on every paged endpoint
OFFSET_MAX = 10_000_000  # rows a page may skip (docs/api.md, "Limits"): far past any answer, well inside 32 bits


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int = Field(description="page size asked for")
    offset: int = Field(description="rows skipped")
    next_offset: int | None = Field(description="offset of the next page; null on the last page")
    total: int | None = Field(None, description="rows in all pages, where counted; null otherwise")


def check_page(*, limit: int, offset: int, max_limit: int = PAGE_SIZE_MAX) -> None:
    check_range("limit", limit, 1, max_limit)
    check_range("offset", offset, 0, OFFSET_MAX)


def next_offset(*, limit: int, offset: int, total: int) -> int | None:
    return offset + limit if offset + limit < total else None


def fetch_page(
    name: str, params: dict[str, Any], *, store: Store, limit: int, offset: int
) -> tuple[list[dict], int | None]:
    """One page of a catalogue query that takes `limit` and `offset`. Asks for one row more than
    the page to know whether another page follows: (rows, next offset or None)."""
    check_page(limit=limit, offset=offset)
    rows = reads.rows(name, {**params, "limit": limit + 1, "offset": offset}, store=store)
    return rows[:limit], (offset + limit if len(rows) > limit else None)


def labels_of(store: Store, *, id: str) -> set[str]:
    """The labels of every node with this id (one indexed lookup per label: graph_node_by_id)."""
    return {label for r in reads.rows("graph_node_by_id", {"id": id}, store=store) for label in r["n"]["labels"]}


def exists(store: Store, *, label: str, id: str) -> bool:
    """Whether a node of this label has this id."""
    return label in labels_of(store, id=id)


def require(store: Store, *, label: str, id: str) -> None:
    if not exists(store, label=label, id=id):
        raise NotFound(label, id)
