"""Latency of the agenda and scorecard endpoints through the API (TestClient on the app, the store a
loaded demo tier): p50 / p99 over repeated runs, raw numbers kept; also the agenda of 天马社区.

    .venv/bin/python bench/meetings_bench.py --tier xinluo            # generate + load into a fresh local Neo4j
    .venv/bin/python bench/meetings_bench.py --tier longyan --runs 20

Agenda: GET /api/v1/communities/{id}/agenda?as_of=2025-04-30 for 天马社区 and for the communities with
the most issues; scorecard: GET /api/v1/units/{id}/scorecard?year=2024 for the first units by id.
Each first `--warmup` times, then `--runs` times. Results go to bench/results/meetings.json (one key per tier).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from pathlib import Path

os.environ.setdefault("GRASSROOTS_AUTH", "off")

from stalled_bench import percentile  # noqa: E402
from tiers import loaded_tier  # noqa: E402

TIANMA = "350802006002"


def measure(get, path: str, *, warmup: int, runs: int) -> dict:
    for _ in range(warmup):
        assert get(path).status_code == 200, path
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = get(path)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.text
    s = sorted(times)
    return {"path": path, "p50_ms": round(s[len(s) // 2], 1), "p99_ms": round(percentile(times, 99), 1),
            "max_ms": round(max(times), 1), "raw_ms": [round(t, 2) for t in times]}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tier", default="xinluo")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache-mb", type=int, default=1024)
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.deps import store_dep

    tier = loaded_tier(args.tier, heap=args.heap, pagecache_mb=args.pagecache_mb, prefix="meetings-bench")
    info: dict = {"tier": args.tier, "runs": args.runs, "load_s": tier.info["load_s"]}
    try:
        app = create_app()
        app.dependency_overrides[store_dep] = lambda: tier.store
        with TestClient(app, client=("127.0.0.1", 50000)) as c:
            busiest = tier.store.read_tx(
                lambda tx: [r["id"] for r in tx.run(
                    "MATCH (i:Issue)-[:LOCATED_IN]->()-[:PART_OF*0..2]->(c:Community) "
                    "RETURN c.id AS id, count(i) AS n ORDER BY n DESC, id LIMIT 2")]
            )  # fmt: skip
            units = tier.store.read_tx(
                lambda tx: [r["id"] for r in tx.run("MATCH (u:Unit) RETURN u.id AS id ORDER BY id LIMIT 3")]
            )
            communities = ([TIANMA] if args.tier == "xinluo" else []) + busiest
            res = {}
            for cid in communities:
                res[f"agenda {cid}"] = measure(c.get, f"/api/v1/communities/{cid}/agenda?as_of=2025-04-30",
                                               warmup=args.warmup, runs=args.runs)  # fmt: skip
            for uid in units:
                res[f"scorecard {uid}"] = measure(c.get, f"/api/v1/units/{uid}/scorecard?year=2024",
                                                  warmup=args.warmup, runs=args.runs)  # fmt: skip
            info["results"] = res
            if args.tier == "xinluo":
                a = c.get(f"/api/v1/communities/{TIANMA}/agenda?as_of=2025-04-30").json()
                info["tianma_agenda"] = {
                    "counts": a["counts"],
                    "items": [{"kind": i["kind"], "title": i["title"], "why": i["why"],
                               "attendees": [f"{x['rank']}. {x['name']}（{x['reason']}）" for x in i["attendees"][:4]]}
                              for i in a["items"][:8]],
                    "attendees": [f"{x['rank']}. {x['name']}：{x['reason']}" for x in a["attendees"][:8]],
                }  # fmt: skip
    finally:
        tier.close()
    for name, r in info["results"].items():
        print(f"  {name:32s} p50 {r['p50_ms']:8.1f} ms   p99 {r['p99_ms']:8.1f} ms")
    out = Path(__file__).parent / "results" / "meetings.json"
    all_: dict = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    all_[args.tier] = info
    out.write_text(json.dumps(all_, indent=1, ensure_ascii=False, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
