"""A throwaway neo4j-local holding a demo tier, loaded through the ordinary path, for the benchmarks."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.catalogue.schema import apply_schema
from graph.core import local_neo4j
from graph.core.store import Store
from ingest.demo import generate
from ingest.pipeline import load


@dataclass
class LoadedTier:
    home: Path
    uri: str
    store: Store
    password: str
    info: dict = field(default_factory=dict)  # load_s, rows_loaded, rejected, counts per file kind

    def close(self) -> None:
        self.store.close()
        local_neo4j.stop(home=self.home)
        shutil.rmtree(self.home, ignore_errors=True)


def loaded_tier(tier: str, *, heap: str, pagecache_mb: int, prefix: str) -> LoadedTier:
    """Starts a server in a temporary home, generates `tier` (seed 7) and loads it."""
    home = Path(tempfile.mkdtemp(prefix=f"{prefix}-{tier}-"))
    server = local_neo4j.start(
        home=home, port=local_neo4j.free_port(), heap=heap, pagecache_mb=pagecache_mb, tx_timeout_s=600
    )
    store = Store(uri=server.uri, username="neo4j", password=server.password, database="neo4j")
    apply_schema(store)
    t0 = time.perf_counter()
    counts = generate(tier=tier, out=home / "files", seed=7)
    report = load([home / "files"], store=store)
    info = {
        "load_s": round(time.perf_counter() - t0, 1),
        "rows_loaded": report.loaded,
        "rejected": report.rejected,
        "counts": counts,
    }
    return LoadedTier(home=home, uri=server.uri, store=store, password=server.password, info=info)
