"""The one write path: every statement that changes the graph runs through here.

- `write_tx(store, work)`: several statements in one managed write transaction (one commit,
  retried by the driver on transient errors); `work(writer)` calls `writer.run(name, params)`;
- `autocommit(name, params, store=...)`: one statement on its own, for `CALL ... IN TRANSACTIONS`.

Statements are files under `cypher/`: the generated ingest statements (`ingest/...`) and the
hand-written ones (`writes/...`). Their parameters are checked against the header by name (every
required one given, none unknown), not value by value: a batch of 5,000 rows would pay for a full
validation, and these parameters come from the project's own code, already checked by the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
from neo4j import unit_of_work

from graph.catalogue.statements import Statement, statement
from graph.core.errors import ParamError
from graph.core.store import Store

T = TypeVar("T")


def _checked(st: Statement, params: dict[str, Any]) -> dict[str, Any]:
    declared = {p.name: p for p in st.params}
    unknown = set(params) - set(declared)
    if unknown:
        raise ParamError(sorted(unknown)[0], f"{st.name} takes no such parameter")
    missing = [p.name for p in st.params if p.required and p.name not in params]
    if missing:
        raise ParamError(missing[0], f"{st.name} needs it")
    return {**{p.name: p.default for p in st.params if not p.required}, **params}


class Writer:
    """Runs statements inside one write transaction."""

    def __init__(self, tx: neo4j.ManagedTransaction):
        self.tx = tx

    def run(self, name: str, params: dict[str, Any] | None = None) -> list[neo4j.Record]:
        st = statement(name)
        return list(self.tx.run(st.text, _checked(st, params or {})))

    def single(self, name: str, params: dict[str, Any] | None = None) -> neo4j.Record | None:
        records = self.run(name, params)
        return records[0] if records else None


def write_tx(store: Store, work: Callable[[Writer], T], *, timeout: float | None = None) -> T:
    """Runs `work(writer)` in one managed write transaction and returns what it returns."""

    @unit_of_work(timeout=timeout)
    def unit(tx: neo4j.ManagedTransaction) -> T:
        return work(Writer(tx))

    return store.write_tx(unit)


def write(name: str, params: dict[str, Any] | None = None, *, store: Store) -> list[neo4j.Record]:
    """One statement in its own write transaction."""
    return write_tx(store, lambda w: w.run(name, params))


def autocommit(name: str, params: dict[str, Any] | None = None, *, store: Store) -> list[neo4j.Record]:
    """One statement as an auto-commit transaction (`CALL ... IN TRANSACTIONS` needs one)."""
    st = statement(name)
    return store.autocommit(st.text, _checked(st, params or {}))
