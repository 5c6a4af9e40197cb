"""Every statement runs through the catalogue floor: no module outside graph/catalogue/ opens a
transaction, runs text on one, or reads a Cypher file itself (so every read gets the header's
validation, the timeout, the row cap and one error mapping). Read from the source, no Neo4j."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository
ALLOWED = {ROOT / "graph" / "core" / "store.py", ROOT / "graph" / "core" / "local_neo4j.py"}
TX_METHODS = {"read_tx", "write_tx", "autocommit", "execute_read", "execute_write", "session"}


def _modules():
    for top in ("graph", "ingest", "api", "cli"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if path in ALLOWED or path.is_relative_to(ROOT / "graph" / "catalogue"):
                continue
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_no_transaction_is_opened_outside_the_catalogue():
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                calls_store = node.func.attr in TX_METHODS and not (
                    isinstance(owner, ast.Name) and owner.id in ("reads", "writes")
                )
                if calls_store or (node.func.attr == "run" and isinstance(owner, ast.Name) and owner.id == "tx"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}()")
    assert found == []


def test_no_module_outside_the_catalogue_reads_cypher_files():
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "graph.core.resources":
                names = {a.name for a in node.names} & {"cypher", "cypher_path", "statements"}
                if names:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {sorted(names)}")
    assert found == []
