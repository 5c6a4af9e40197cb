"""Where the project's own files are found, in a checkout or an installed wheel alike.

The Cypher statements (`cypher/`), the page (`web/`) and the Maven module that runs the local
Neo4j (`neo4j-local/`) sit at the repository's top level and ship as package data under the
import names `grassroots_cypher`, `grassroots_web` and `grassroots_neo4j_local` (pyproject.toml
maps the folders to them), so `importlib.resources` finds them wherever `pip install` put them.
Python never builds Cypher from strings: it reads these files.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

CYPHER_PACKAGE = "grassroots_cypher"
WEB_PACKAGE = "grassroots_web"
NEO4J_LOCAL_PACKAGE = "grassroots_neo4j_local"


def _folder(package: str) -> Path:
    # Installed from a wheel or editable, these packages are plain folders on disk.
    return Path(str(resources.files(package)))


def cypher_dir() -> Path:
    """The `cypher/` folder: schema/, ingest/ (generated), writes/, queries/ (the catalogue), admin/."""
    return _folder(CYPHER_PACKAGE)


def web_dir() -> Path:
    """The page's static files (served at `/`)."""
    return _folder(WEB_PACKAGE)


def neo4j_local_dir() -> Path:
    """The Maven module's sources (pom.xml, src/)."""
    return _folder(NEO4J_LOCAL_PACKAGE)


def checkout_root() -> Path | None:
    """The repository's top folder when running from a source checkout, else None (a wheel)."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "cypher").is_dir() else None


def cypher_path(relpath: str) -> Path:
    """`cypher/<relpath>` (".cypher" may be left off); refuses paths outside `cypher/`."""
    name = relpath if relpath.endswith(".cypher") else relpath + ".cypher"
    base = cypher_dir().resolve()
    path = (base / name).resolve()
    if base not in path.parents:
        raise ValueError(f"not a Cypher file of the project: {relpath}")
    return path


@cache
def cypher(relpath: str) -> str:
    """The text of `cypher/<relpath>`, header comments included."""
    return cypher_path(relpath).read_text(encoding="utf-8")


def cypher_names(folder: str) -> list[str]:
    """`folder/<stem>` for every `.cypher` file directly in `cypher/<folder>`, sorted."""
    return [f"{folder}/{p.stem}" for p in sorted((cypher_dir() / folder).glob("*.cypher"))]


def statements(text: str) -> list[str]:
    """Splits a multi-statement file on ';' at line ends, dropping comment-only chunks."""
    out = []
    for chunk in text.split(";\n"):
        lines = [line for line in chunk.splitlines() if not line.strip().startswith("//")]
        body = "\n".join(lines).strip().rstrip(";")
        if body:
            out.append(body)
    return out
