"""Time and peak Python memory of each analysis (docs/analytics.md) on a demo tier, raw numbers kept.

    .venv/bin/python bench/analytics_bench.py --tier xinluo     # generate + load into a fresh local Neo4j
    .venv/bin/python bench/analytics_bench.py --tier longyan

For the whole district (350802): the projection's read (one statement) and build, then each analysis
on the built network, each run `--runs` times; time is wall clock, memory the peak of Python's
allocations during one run (tracemalloc), not the process's RSS. Results: bench/results/analytics.json
(one entry per tier, replacing that tier's earlier entry).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from tiers import loaded_tier

from graph.core.moments import now
from graph.services.analytics import analyses
from graph.services.analytics.projection import project
from graph.services.analytics.run import ON_NETWORK

OUT = Path(__file__).parent / "results" / "analytics.json"


def measure(fn, runs: int) -> dict:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "median_s": round(statistics.median(times), 4),
        "times_s": [round(t, 4) for t in times],
        "peak_mb": round(peak / 2**20, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tier", default="xinluo")
    ap.add_argument("--under", default="350802")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    tier = loaded_tier(args.tier, heap="1g", pagecache_mb=256, prefix="analytics-bench")
    try:
        store = tier.store
        g = project(store, args.under, max_nodes=10**7, max_rows=10**8)
        sk = analyses.skeleton(g)
        result = {
            "tier": args.tier,
            "under": args.under,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "load": tier.info,
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "skeleton_nodes": sk.number_of_nodes(),
            "skeleton_edges": sk.number_of_edges(),
            "projection": measure(lambda: project(store, args.under, max_nodes=10**7, max_rows=10**8), args.runs),
        }
        for name, fn in ON_NETWORK.items():
            result[name] = measure(lambda fn=fn: fn(g), args.runs)
        from graph.catalogue import reads

        def flow() -> None:
            rows = reads.read("analytics_issue_flow", {"under": args.under, "as_of": now()}, store=store).native_rows()
            analyses.escalation_flow(rows, under=args.under, as_of=now())

        result["escalation_flow"] = measure(flow, args.runs)
    finally:
        tier.close()
    old = json.loads(OUT.read_text()) if OUT.exists() else []
    old = [r for r in old if r.get("tier") != args.tier] + [result]
    OUT.write_text(json.dumps(old, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "load"}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
