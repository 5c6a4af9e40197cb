"""Applies `cypher/schema/*.cypher` (constraints, then indexes); every statement is idempotent."""

from __future__ import annotations

from graph.catalogue import reads, writes
from graph.core.resources import cypher, cypher_names, statements
from graph.core.store import Store


def schema_statements() -> list[str]:
    out: list[str] = []
    for name in cypher_names("schema"):
        out.extend(statements(cypher(name)))
    return out


def apply_schema(store: Store) -> int:
    """Creates what is missing and waits for the indexes to come online. Returns statements run."""
    stmts = schema_statements()
    for stmt in stmts:
        # Schema commands run on their own (auto-commit); the files hold several, split at ';'.
        store.autocommit(stmt)
    writes.autocommit("admin/await_indexes", store=store)
    return len(stmts)


def schema_state(store: Store) -> list[dict]:
    return reads.rows("admin/schema_state", store=store)


def empty_database(store: Store) -> None:
    """Deletes every node and relationship, in batches (tests)."""
    writes.autocommit("admin/empty_database", store=store)
