"""Applies `cypher/schema/*.cypher` (constraints, then indexes); every statement is idempotent."""
from __future__ import annotations

from graph.cypher_files import cypher, statements
from graph.paths import CYPHER_DIR
from graph.store import Store


def schema_statements() -> list[str]:
    out: list[str] = []
    for path in sorted((CYPHER_DIR / "schema").glob("*.cypher")):
        out.extend(statements(cypher(f"schema/{path.name}")))
    return out


def apply_schema(store: Store) -> int:
    """Creates what is missing and waits for the indexes to come online. Returns statements run."""
    stmts = schema_statements()
    for stmt in stmts:
        store.autocommit(stmt)
    store.autocommit(cypher("admin/await_indexes"))
    return len(stmts)


def schema_state(store: Store) -> list[dict]:
    return [r.data() for r in store.read(cypher("admin/schema_state"))]
