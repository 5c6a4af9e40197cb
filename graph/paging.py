"""Pages of catalogue rows (limit/offset) and the existence check behind 404s."""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from graph import catalogue
from graph.errors import NotFound
from graph.store import Store

T = TypeVar("T")
MAX_LIMIT = 1000


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int = Field(description="page size asked for")
    offset: int = Field(description="rows skipped")
    next_offset: int | None = Field(description="offset of the next page; null on the last page")


def fetch_page(name: str, params: dict[str, Any], *, store: Store, limit: int, offset: int) -> tuple[list[dict], int | None]:
    """One page of a catalogue query that takes `limit` and `offset`. Asks for one row more than
    the page to know whether another page follows."""
    rows = catalogue.rows(name, {**params, "limit": limit + 1, "offset": offset}, store=store)
    return rows[:limit], (offset + limit if len(rows) > limit else None)


def exists(store: Store, *, label: str, id: str) -> bool:
    """Whether a node of this label has this id (one indexed lookup per label: graph_node_by_id)."""
    return any(label in r["n"]["labels"] for r in catalogue.rows("graph_node_by_id", {"id": id}, store=store))


def require(store: Store, *, label: str, id: str) -> None:
    if not exists(store, label=label, id=id):
        raise NotFound(label, id)
