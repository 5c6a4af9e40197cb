"""A bounded load test of the read API on loopback, and the API's own cost.

    .venv/bin/python bench/load_bench.py --uri bolt://127.0.0.1:PORT --password PW --tier xinluo \\
        [--before-root DIR]   # an earlier checkout (e.g. `git archive acebcff`) served first, same data

Phase "load": 50 concurrent clients (asyncio + httpx) for `--seconds` (60) against a real uvicorn
on 127.0.0.1, each picking its next request at random from a mix: lookups (grid -> units, a
community's picture, an issue's responsible parties, its trail; 80 % of requests) and aggregates
(stalled summary, overdue, /stats/resolution; 20 %), ids spread over the tier's communities,
grids and issues. Every request is kept (endpoint, status, ms). With `--before-root` the same run
first serves the earlier code on the same Neo4j, so before and after are side by side.
Phase "cost": grid -> units and the community picture with 50 concurrent clients through HTTP,
then the same service function through the driver alone (50 threads), `--cost-seconds` each.
Stops by itself. Results: bench/results/load.json (with the load average at start and end).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from graph.core import local_neo4j
from graph.core.store import Store
from graph.services import coverage, pictures

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-04-30"
LOOKUPS = ["grid_units", "community_picture", "issue_responsible", "issue_trail"]
AGGREGATES = ["stalled_summary", "overdue", "stats_resolution"]


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))] if s else 0.0


def serve(uri: str, password: str, port: int, root: Path) -> subprocess.Popen:
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": password,
           "NEO4J_DATABASE": "neo4j", "GRASSROOTS_AUTH": "off", "PYTHONPATH": str(root),
           # The 50 clients stand for 50 people; from one loopback address without keys they would
           # share one caller's in-flight limit (api/limits.py), so it is off for this measurement.
           "GRASSROOTS_INFLIGHT_PER_CLIENT": "0"}  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        cwd=root, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("the API did not come up within 90 s")


def pick_ids(base: str) -> dict[str, list[str]]:
    with httpx.Client(base_url=base, timeout=120) as http:
        issues, communities = [], []
        for between in ("grid-community", "community-street", "street-district"):
            got = http.get("/api/v1/issues/stalled", params={"between": between, "as_of": AS_OF, "limit": 100})
            for it in got.raise_for_status().json()["items"]:
                issues.append(it["issue_id"])
                if it["community_id"]:
                    communities.append(it["community_id"])
        communities = sorted(set(communities))[:40]
        grids = []
        for c in communities[:20]:
            grids += [g["id"] for g in http.get(f"/api/v1/communities/{c}").raise_for_status().json()["grids"][:3]]
    return {"issues": issues, "communities": communities, "grids": grids}


def path_of(kind: str, k: dict[str, list[str]], rnd: random.Random) -> str:
    if kind == "grid_units":
        return f"/api/v1/grids/{rnd.choice(k['grids'])}/units"
    if kind == "community_picture":
        return f"/api/v1/communities/{rnd.choice(k['communities'])}"
    if kind == "issue_responsible":
        return f"/api/v1/issues/{rnd.choice(k['issues'])}/responsible"
    if kind == "issue_trail":
        return f"/api/v1/issues/{rnd.choice(k['issues'])}/trail"
    if kind == "stalled_summary":
        return "/api/v1/issues/stalled/summary"
    if kind == "overdue":
        return "/api/v1/issues/overdue"
    return "/api/v1/stats/resolution"


async def _client(base: str, k, kinds, weights, until: float, seed: int, out: list) -> None:
    rnd = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        while time.monotonic() < until:
            kind = rnd.choices(kinds, weights)[0]
            t0 = time.perf_counter()
            try:
                status = (await http.get(path_of(kind, k, rnd))).status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            out.append((kind, status, (time.perf_counter() - t0) * 1000))


def summarize(samples: list, seconds: float) -> dict:
    by: dict[str, list] = {}
    for kind, status, ms in samples:
        by.setdefault(kind, []).append((status, ms))
    per = {}
    for kind, got in sorted(by.items()):
        ms = [m for _, m in got]
        per[kind] = {
            "requests": len(got),
            "errors": sum(1 for s, _ in got if s != 200),
            "statuses": {str(st): sum(1 for s, _ in got if s == st) for st in sorted({s for s, _ in got}, key=str)},
            "p50_ms": round(statistics.median(ms), 1),
            "p99_ms": round(percentile(ms, 99), 1),
            "raw_ms": [round(m, 1) for m in ms],
        }
    lookups = [m for kind, _, m in samples if kind in LOOKUPS]
    return {
        "requests": len(samples),
        "errors": sum(1 for _, s, _ in samples if s != 200),
        "requests_per_s": round(len(samples) / seconds, 1),
        "lookup_p50_ms": round(statistics.median(lookups), 1) if lookups else None,
        "lookup_p99_ms": round(percentile(lookups, 99), 1) if lookups else None,
        "endpoints": per,
    }


def http_load(base: str, k, kinds: list[str], weights: list[float], *, clients: int, seconds: float) -> dict:
    samples: list = []
    until = time.monotonic() + seconds

    async def go():
        await asyncio.gather(*(_client(base, k, kinds, weights, until, i, samples) for i in range(clients)))

    t0 = time.monotonic()
    asyncio.run(go())
    return summarize(samples, time.monotonic() - t0)


def driver_load(store: Store, k, kind: str, *, clients: int, seconds: float) -> dict:
    samples: list = []
    until = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rnd = random.Random(seed)
        while time.monotonic() < until:
            t0 = time.perf_counter()
            if kind == "grid_units":
                coverage.grid_units(store=store, grid_id=rnd.choice(k["grids"]))
            else:
                pictures.community_picture(store=store, id=rnd.choice(k["communities"]))
            samples.append((kind, 200, (time.perf_counter() - t0) * 1000))

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summarize(samples, time.monotonic() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uri", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--tier", default="xinluo")
    ap.add_argument("--before-root", help="an earlier checkout to serve first on the same data")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--cost-seconds", type=float, default=20)
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    kinds = LOOKUPS + AGGREGATES
    weights = [20.0] * len(LOOKUPS) + [20.0 / len(AGGREGATES)] * len(AGGREGATES)
    info: dict = {
        "tier": args.tier,
        "clients": args.clients,
        "seconds": args.seconds,
        "mix": dict(zip(kinds, weights, strict=True)),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    roots = ([("before", Path(args.before_root))] if args.before_root else []) + [("after", ROOT)]
    for label, root in roots:
        port = local_neo4j.free_port()
        api = serve(args.uri, args.password, port, root)
        base = f"http://127.0.0.1:{port}"
        try:
            k = pick_ids(base)
            info.setdefault("ids", {key: len(v) for key, v in k.items()})
            info[f"load_{label}"] = r = http_load(base, k, kinds, weights, clients=args.clients, seconds=args.seconds)
            print(f"{label}: {r['requests_per_s']} req/s, errors {r['errors']}, lookups p50 {r['lookup_p50_ms']} ms "
                  f"p99 {r['lookup_p99_ms']} ms")  # fmt: skip
            for kind, e in r["endpoints"].items():
                print(
                    f"   {kind:18s} n {e['requests']:5d}  err {e['errors']} {e['statuses']}"
                    f"  p50 {e['p50_ms']:8.1f}  p99 {e['p99_ms']:8.1f}"
                )
            if label == "after" and args.cost_seconds > 0:
                store = Store(uri=args.uri, username="neo4j", password=args.password, database="neo4j")
                cost = {}
                for kind in ("grid_units", "community_picture"):
                    h = http_load(base, k, [kind], [1.0], clients=args.clients, seconds=args.cost_seconds)
                    d = driver_load(store, k, kind, clients=args.clients, seconds=args.cost_seconds)
                    hk, dk = h["endpoints"][kind], d["endpoints"][kind]
                    cost[kind] = {"http": h, "driver": d, "http_adds_p50_ms": round(hk["p50_ms"] - dk["p50_ms"], 1),
                                  "http_adds_p99_ms": round(hk["p99_ms"] - dk["p99_ms"], 1)}  # fmt: skip
                    print(f"cost {kind}: http {h['requests_per_s']} req/s p50 {hk['p50_ms']} p99 {hk['p99_ms']} | "
                          f"driver {d['requests_per_s']} req/s p50 {dk['p50_ms']} p99 {dk['p99_ms']}")  # fmt: skip
                store.close()
                info["cost"] = cost
        finally:
            api.terminate()
            api.wait(timeout=30)
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    out = ROOT / "bench" / "results" / "load.json"
    out.write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"load average {info['load_average_at_start']} -> {info['load_average_at_end']}; wrote {out}")


if __name__ == "__main__":
    main()
