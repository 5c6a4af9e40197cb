"""Latency of the read API (catalogue endpoints, search, ad-hoc Cypher): p50 / p99 per endpoint over
bounded request loops on loopback, raw numbers kept.

    .venv/bin/python bench/api_bench.py                                # fresh local Neo4j, xinluo tier
    .venv/bin/python bench/api_bench.py --uri bolt://127.0.0.1:7687    # a server already loaded

The API runs under uvicorn on 127.0.0.1 (a child process, NEO4J_URI pointed at the bench's Neo4j);
each endpoint is called `--warmup` times, then `--runs` times, one request at a time. Ids come from
the data (天马社区 350802006002, its first grid, first paired unit, secretary). Results go to
bench/results/api_<tier>.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from tiers import loaded_tier

from graph.core import local_neo4j
from graph.core.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent

TIANMA = "350802006002"


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


def endpoints(http: httpx.Client) -> dict[str, tuple[str, str, dict | None]]:
    """name -> (method, path, JSON body), with ids taken from the loaded data."""
    picture = http.get(f"/api/v1/communities/{TIANMA}").raise_for_status().json()
    grid, unit, person = (
        picture["grids"][0]["id"],
        picture["paired_units"][0]["id"],
        picture["secretary"]["id"],
    )
    return {
        "GET /grids/{id}/units": ("GET", f"/api/v1/grids/{grid}/units", None),
        "GET /units/{id}/grids": ("GET", f"/api/v1/units/{unit}/grids", None),
        "GET /communities/{id}": ("GET", f"/api/v1/communities/{TIANMA}", None),
        "GET /units/{id}": ("GET", f"/api/v1/units/{unit}", None),
        "GET /people/{id}": ("GET", f"/api/v1/people/{person}", None),
        "GET /gaps/communities_without_unit": ("GET", "/api/v1/gaps/communities_without_unit", None),
        "GET /gaps/grids_uncovered": ("GET", "/api/v1/gaps/grids_uncovered", None),
        "GET /gaps/compounds_unmanaged": ("GET", "/api/v1/gaps/compounds_unmanaged", None),
        "GET /gaps/missed_joint_meetings?year=2024": (
            "GET",
            "/api/v1/gaps/missed_joint_meetings?year=2024",
            None,
        ),
        "GET /gaps/units_below_minimum?year=2024": (
            "GET",
            "/api/v1/gaps/units_below_minimum?year=2024",
            None,
        ),
        "GET /gaps/cadres_overloaded": ("GET", "/api/v1/gaps/cadres_overloaded", None),
        "GET /stats/resolution": ("GET", "/api/v1/stats/resolution", None),
        "GET /search?q=天马": ("GET", "/api/v1/search?q=天马", None),
        "GET /search?q=村 (one character)": ("GET", "/api/v1/search?q=村", None),
        "GET /queries": ("GET", "/api/v1/queries", None),
        "POST /queries/grid_units": ("POST", "/api/v1/queries/grid_units", {"grid_id": grid}),
        "POST /cypher (count by label)": (
            "POST",
            "/api/v1/cypher",
            {
                "query": "MATCH (c:Community)<-[:PAIRED_WITH]-(u:Unit) RETURN c.name AS community, count(u) AS units "
                "ORDER BY units DESC LIMIT 10"
            },
        ),
        "POST /cypher (refused write)": ("POST", "/api/v1/cypher", {"query": "MATCH (n) DETACH DELETE n"}),
    }


def measure(http: httpx.Client, method: str, path: str, body: dict | None, *, warmup: int, runs: int) -> dict:
    def call() -> httpx.Response:
        return http.request(method, path, json=body)

    for _ in range(warmup):
        call()
    times, status = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        status = call().status_code
        times.append((time.perf_counter() - t0) * 1000)
    return {
        "status": status,
        "p50_ms": round(statistics.median(times), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "max_ms": round(max(times), 1),
        "raw_ms": [round(t, 2) for t in times],
    }


def serve(uri: str, port: int, password: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "NEO4J_URI": uri,
        "NEO4J_USERNAME": "neo4j",
        "NEO4J_PASSWORD": password,
        "NEO4J_DATABASE": "neo4j",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("the API did not come up within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tier", default="xinluo")
    ap.add_argument("--uri", help="use this already loaded server instead of generating the tier")
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache-mb", type=int, default=1024)
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    info: dict = {
        "tier": args.tier,
        "runs": args.runs,
        "warmup": args.warmup,
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    tier, uri, password = None, args.uri, get_settings().neo4j_password
    if uri is None:
        tier = loaded_tier(args.tier, heap=args.heap, pagecache_mb=args.pagecache_mb, prefix="api-bench")
        uri, password = tier.uri, tier.password
        info.update({k: v for k, v in tier.info.items() if k != "counts"})
    else:
        info["tier"] = f"server {uri}"
    port = local_neo4j.free_port()
    api = serve(uri, port, password)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as http:
            info["results"] = {
                name: measure(http, m, p, b, warmup=args.warmup, runs=args.runs)
                for name, (m, p, b) in endpoints(http).items()
            }
    finally:
        api.terminate()
        api.wait(timeout=30)
        if tier is not None:
            tier.close()
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(
        f"{info['tier']}: {args.runs} requests per endpoint after {args.warmup} warm-up, one at a time, loopback "
        f"({info['cpus']} CPUs, load average {info['load_average_at_start'][0]} at start)"
    )
    for name, r in info["results"].items():
        print(f"  {name:42s} {r['status']}  p50 {r['p50_ms']:7.1f} ms   p99 {r['p99_ms']:7.1f} ms")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    name = args.tier if not args.uri else "server"
    (results / f"api_{name}.json").write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
