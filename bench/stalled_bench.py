"""Latency of the stalled (and overdue) queries: p50 / p99 over repeated runs, raw numbers kept.

    .venv/bin/python bench/stalled_bench.py --tier xinluo            # generate + load into a fresh local Neo4j
    .venv/bin/python bench/stalled_bench.py --tier longyan --runs 100
    .venv/bin/python bench/stalled_bench.py --uri bolt://127.0.0.1:7687 --tier xinluo   # a server holding that tier

Each query runs through graph.services.issues.stalled (the same function the API calls), first `--warmup`
times (plan cache, page cache), then `--runs` times. Results go to bench/results/stalled_<tier>.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
from pathlib import Path

from tiers import loaded_tier

from graph.core.settings import get_settings
from graph.core.store import Store
from graph.model.enums import BETWEENS
from graph.services.issues.stalled import overdue, stalled


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


def measure(fn, *, warmup: int, runs: int) -> dict:
    for _ in range(warmup):
        fn()
    times, rows = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "max_ms": round(max(times), 1),
        "rows": rows,
        "raw_ms": [round(t, 2) for t in times],
    }


def run(store: Store, *, as_of: str, warmup: int, runs: int) -> dict:
    out = {}
    for between in BETWEENS:
        out[f"stalled {between}"] = measure(
            lambda b=between: stalled(store=store, between=b, as_of=as_of)[1], warmup=warmup, runs=runs
        )
    out["overdue (all levels)"] = measure(lambda: overdue(store=store, as_of=as_of)[1], warmup=warmup, runs=runs)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--tier",
        default="xinluo",
        help="demo tier to generate and load (xinluo, longyan), or the one --uri holds",
    )
    ap.add_argument("--uri", help="use this already loaded server instead of generating a tier")
    ap.add_argument("--as-of", default="2025-04-30", help="the as_of of every query (the demo's own date by default)")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache-mb", type=int, default=1024)
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    info: dict = {"tier": args.tier, "as_of": args.as_of, "runs": args.runs}
    tier = None
    if args.uri:
        store = Store(uri=args.uri, username="neo4j", password=get_settings().neo4j_password, database="neo4j")
        info["tier"] = f"{args.tier} (already loaded at {args.uri})"
    else:
        tier = loaded_tier(args.tier, heap=args.heap, pagecache_mb=args.pagecache_mb, prefix="stalled-bench")
        store, counts = tier.store, tier.info["counts"]
        info.update(
            load_s=tier.info["load_s"],
            issues=counts.get("issues"),
            issue_steps=counts.get("issue_steps"),
            rejected=tier.info["rejected"],
        )
    try:
        info["results"] = run(store, as_of=args.as_of, warmup=args.warmup, runs=args.runs)
    finally:
        if tier is not None:
            tier.close()
        else:
            store.close()
    print(
        f"{info['tier']}  as_of {args.as_of}  ({info.get('issues', '?')} issues, {info.get('issue_steps', '?')} steps)"
    )
    for name, r in info["results"].items():
        print(f"  {name:28s} p50 {r['p50_ms']:8.1f} ms   p99 {r['p99_ms']:8.1f} ms   rows {r['rows']}")
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    (results / f"stalled_{args.tier}.json").write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
