"""Where the project's files live. `cypher/` and `neo4j-local/` sit at the repository top level."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CYPHER_DIR = ROOT / "cypher"
NEO4J_LOCAL_DIR = ROOT / "neo4j-local"
