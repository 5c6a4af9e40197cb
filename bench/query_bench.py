"""p50 / p99 and PROFILE db hits of every catalogue query, warm, on a loaded server; the issue
queries rewritten to read the issue's kept state (graph/model/issue_state.py) beside their
earlier text (`--before`, a folder holding the earlier cypher/queries), on the same data in the
same run, as ratios.

    .venv/bin/python bench/query_bench.py --uri bolt://127.0.0.1:PORT --password PW --tier xinluo \\
        --before /tmp/perfq-before/cypher/queries

Each query runs through the catalogue's read path (graph.catalogue.reads: validated parameters,
READ transaction) `--warmup` times, then `--runs` times; once more under PROFILE for the db hits
(summed over the plan). Ids come from the data (the first community, grid, unit, person, issue).
Results: bench/results/queries_<tier>.json (every sample, the load average at start and end).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import time
from pathlib import Path

from graph.catalogue import reads
from graph.catalogue.statements import catalogue
from graph.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
REWRITTEN = ["issues_stalled", "issues_stalled_summary", "issues_overdue", "resolution_rate", "resolution_by_level"]
AS_OF = "2025-04-30"


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


def ids(store: Store) -> dict[str, str]:
    """Ids from the data, through catalogue queries: stalled issues name their community."""
    hits = reads.rows("issues_stalled", {"between": "community-street", "as_of": AS_OF, "limit": 1}, store=store)
    issue, community = hits[0]["issue_id"], hits[0]["community_id"]
    pic = reads.rows("community_picture", {"id": community}, store=store)[0]
    return {
        "community": community,
        "grid": pic["grids"][0]["id"],
        "unit": (pic.get("paired_units") or [{"id": "none"}])[0]["id"],
        "person": (pic.get("secretary") or {"id": "none"})["id"],
        "issue": issue,
    }


def params_for(name: str, k: dict[str, str]) -> dict | None:
    table: dict[str, dict] = {
        "community_picture": {"id": k["community"]},
        "community_units": {"community_id": k["community"]},
        "gap_units_below_minimum": {"year": 2024},
        "gap_missed_joint_meetings": {},
        "graph_community": {"id": k["community"]},
        "graph_degrees": {"id": k["community"]},
        "graph_issue": {"id": k["issue"]},
        "graph_links": {"ids": [k["community"], k["grid"], k["unit"]]},
        "graph_neighbours": {"frontier": [k["community"]], "seen": [k["community"]], "order": [], "room": 200},
        "graph_neighbours_left_out": {"frontier": [k["community"]], "seen": [k["community"]]},
        "graph_node_by_id": {"id": k["community"]},
        "graph_nodes_by_ids": {"ids": [k["community"], k["grid"]]},
        "graph_path": {"from": k["unit"], "to": k["grid"]},
        "graph_path_types": {"from": k["unit"], "to": k["grid"], "types": ["PAIRED_WITH", "PART_OF", "COVERS"]},
        "grid_units": {"grid_id": k["grid"]},
        "issue_notes": {"ids": [k["issue"]]},
        "issue_responsible": {"area_id": k["grid"]},
        "issue_steps_of": {"issue_ids": [k["issue"]]},
        "issue_trail": {"issue_id": k["issue"]},
        "issues_overdue": {"as_of": AS_OF},
        "issues_stalled": {"between": "community-street", "as_of": AS_OF},
        "issues_stalled_summary": {"as_of": AS_OF},
        "org_contacts": {"ids": [k["person"]]},
        "person_picture": {"id": k["person"]},
        "search_names": {"query": "天马"},
        "unit_grids": {"unit_id": k["unit"]},
        "unit_picture": {"id": k["unit"]},
    }
    return table.get(name, {})


def _hits(plan) -> int:
    return int(getattr(plan, "get", lambda *_: 0)("dbHits", 0) or 0) + sum(_hits(c) for c in plan.get("children", []))


def profile(store: Store, text: str, values: dict) -> int:
    def unit(tx):
        summary = tx.run("PROFILE " + text, values).consume()
        return _hits(summary.profile or {})

    return store.read_tx(unit)


def time_text(store: Store, text: str, values: dict, *, warmup: int, runs: int) -> dict:
    def once() -> int:
        return store.read_tx(lambda tx: len(list(tx.run(text, values))))

    for _ in range(warmup):
        once()
    times, n = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        n = once()
        times.append((time.perf_counter() - t0) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p99_ms": round(percentile(times, 99), 2),
        "rows": n,
        "db_hits": profile(store, text, values),
        "raw_ms": [round(t, 2) for t in times],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uri", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--tier", default="xinluo")
    ap.add_argument("--before", help="folder with the earlier cypher/queries to compare the rewritten ones with")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    store = Store(uri=args.uri, username="neo4j", password=args.password, database="neo4j")
    info: dict = {
        "tier": args.tier,
        "runs": args.runs,
        "warmup": args.warmup,
        "as_of": AS_OF,
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "results": {},
        "before_after": {},
    }
    try:
        k = ids(store)
        info["ids"] = k
        for name, st in catalogue().items():
            values = st.validate(params_for(name, k))
            info["results"][name] = time_text(store, st.text, values, warmup=args.warmup, runs=args.runs)
            r = info["results"][name]
            print(f"  {name:30s} p50 {r['p50_ms']:8.1f} ms  p99 {r['p99_ms']:8.1f} ms  db hits {r['db_hits']:>9}")
        if args.before:
            for name in REWRITTEN:
                old = (Path(args.before) / f"{name}.cypher").read_text(encoding="utf-8")
                values = catalogue()[name].validate(params_for(name, k))
                before = time_text(store, old, values, warmup=args.warmup, runs=args.runs)
                after = info["results"][name]
                info["before_after"][name] = {
                    "before": before,
                    "after_p50_ms": after["p50_ms"],
                    "after_p99_ms": after["p99_ms"],
                    "after_db_hits": after["db_hits"],
                    "same_rows": before["rows"] == after["rows"],
                    "p50_ratio": round(before["p50_ms"] / max(after["p50_ms"], 0.01), 1),
                    "db_hits_ratio": round(before["db_hits"] / max(after["db_hits"], 1), 1),
                }
                b = info["before_after"][name]
                print(f"  {name:30s} before p50 {before['p50_ms']:8.1f} ms ({before['db_hits']} hits)  "
                      f"after {after['p50_ms']:7.1f} ms ({after['db_hits']} hits)  x{b['p50_ratio']}")  # fmt: skip
    finally:
        store.close()
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    out = ROOT / "bench" / "results" / f"queries_{args.tier}.json"
    out.write_text(json.dumps(info, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"load average {info['load_average_at_start']} -> {info['load_average_at_end']}; wrote {out}")


if __name__ == "__main__":
    main()
