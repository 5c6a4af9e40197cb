"""Timings of the graph-view pictures (graph/services/graph_view/views.py) on the calibrated xinluo tier.

    grassroots db start && grassroots demo-data --tier xinluo --out /tmp/x && grassroots ingest /tmp/x
    .venv/bin/python bench/graph_view.py [--runs 5] >> bench/graph_view.txt

Reads NEO4J_URI etc. like everything else. The ids are those of the xinluo tier (seed 7):
天马社区, the community with the most buildings (青草盂社区), the district, a community in another
street, a registered party member, an issue with a long trail. Prints one line per case: node and
link counts, the first (cold) run and the median of the others, in milliseconds.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from datetime import UTC, datetime

from graph.core.store import Store
from graph.services.graph_view import views as gv

CASES = [
    ("community 天马社区", gv.community_graph, {"id": "350802006002"}),
    ("community 青草盂社区 (most buildings)", gv.community_graph, {"id": "350802004001"}),
    ("neighbourhood 天马社区 depth 1", gv.neighbourhood, {"id": "350802006002"}),
    (
        "neighbourhood 天马社区 depth 2 limit 2000",
        gv.neighbourhood,
        {"id": "350802006002", "depth": 2, "limit": 2000},
    ),
    ("neighbourhood district depth 2", gv.neighbourhood, {"id": "350802", "depth": 2}),
    (
        "neighbourhood district depth 3 limit 2000",
        gv.neighbourhood,
        {"id": "350802", "depth": 3, "limit": 2000},
    ),
    ("path 天马社区 -> 350802001011", gv.shortest_path, {"from_id": "350802006002", "to_id": "350802001011"}),
    (
        "path P-0021884 -> 350802001011",
        gv.shortest_path,
        {"from_id": "P-0021884", "to_id": "350802001011", "max_hops": 8},
    ),
    ("issue I-0000001", gv.issue_graph, {"id": "I-0000001"}),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    store = Store.from_settings()
    print(f"# {datetime.now(UTC).isoformat(timespec='seconds')} {store.uri} runs={runs}")
    try:
        for name, fn, kw in CASES:
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                g = fn(store=store, **kw)
                times.append((time.perf_counter() - t) * 1000)
            print(
                f"{name:45s} nodes={len(g['nodes']):5d} links={len(g['links']):5d} truncated={g['truncated']!s:5s} "
                f"first_ms={times[0]:7.0f} median_ms={statistics.median(times[1:] or times):7.0f}",
                flush=True,
            )
    finally:
        store.close()


if __name__ == "__main__":
    main()
