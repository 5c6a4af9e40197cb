"""Reads Cypher statements from `cypher/`. Python never builds Cypher from strings."""
from __future__ import annotations

from functools import lru_cache

from graph.paths import CYPHER_DIR


@lru_cache(maxsize=None)
def cypher(relpath: str) -> str:
    """The text of `cypher/<relpath>` (".cypher" may be left off), header comments included."""
    name = relpath if relpath.endswith(".cypher") else relpath + ".cypher"
    path = (CYPHER_DIR / name).resolve()
    if CYPHER_DIR.resolve() not in path.parents:
        raise ValueError(f"not a Cypher file of the project: {relpath}")
    return path.read_text(encoding="utf-8")


def statements(text: str) -> list[str]:
    """Splits a multi-statement file on ';' at line ends, dropping comment-only chunks."""
    out = []
    for chunk in text.split(";\n"):
        body = "\n".join(l for l in chunk.splitlines() if not l.strip().startswith("//")).strip().rstrip(";")
        if body:
            out.append(body)
    return out
