"""Ingest speed and memory: load a generated file set into a throwaway Neo4j and report the load
time, rows per second, the time of each pass, peak resident memory of the Python process and the
graph's node and relationship counts. Not a test; results go to bench/results/ingest-<name>.json.

    .venv/bin/python bench/ingest_bench.py --tier xinluo
    .venv/bin/python bench/ingest_bench.py --tier longyan --batch-size 5000
    .venv/bin/python bench/ingest_bench.py --synthetic 1000000     # communities + pairings only
    NEO4J_URI=bolt://... .venv/bin/python bench/ingest_bench.py ... # an existing (empty!) server

The files are generated in a child process, so the peak RSS is the load's alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.catalogue import reads
from graph.core import local_neo4j
from graph.core.settings import get_settings
from graph.core.store import Store

ROOT = Path(__file__).resolve().parent.parent


def synthetic(out: Path, rows: int) -> None:
    """`rows` communities over 1,000 streets, and as many pairings over 10,000 units."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "districts.csv").open("w", newline="") as f:
        csv.writer(f).writerows([["id", "name"], ["D-1", "新罗区"]])
    with (out / "streets.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "kind", "district_id"])
        w.writerows([f"S-{i}", f"街道{i}", "street", "D-1"] for i in range(1000))
    with (out / "units.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "kind", "level"])
        w.writerows([f"U-{i}", f"单位{i}", "agency", "city"] for i in range(10000))
    with (out / "communities.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "kind", "urban_village", "street_id"])
        w.writerows([f"C-{i}", f"社区{i}", "community", "false", f"S-{i % 1000}"] for i in range(rows))
    with (out / "pairings.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit_id", "community_id", "since", "min_annual_funding"])
        w.writerows([f"U-{i % 10000}", f"C-{i}", "2024-01-01", 30000] for i in range(rows))


def _generate(args, out: Path) -> float:
    t0 = time.monotonic()
    code = (
        "from pathlib import Path; from ingest.demo import generate; "
        f"generate(tier={args.tier!r}, out=Path({str(out)!r}), seed=7)"
        if args.tier
        else f"import sys; sys.path.insert(0, 'bench'); from ingest_bench import synthetic; from pathlib import Path; "
        f"synthetic(Path({str(out)!r}), {args.synthetic})"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.monotonic() - t0


def _timed(pipeline, name: str, phases: dict) -> None:
    fn = getattr(pipeline, name)

    def wrapper(*a, **kw):
        t0 = time.monotonic()
        try:
            return fn(*a, **kw)
        finally:
            phases[name] = phases.get(name, 0.0) + time.monotonic() - t0

    setattr(pipeline, name, wrapper)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--tier", choices=["xinluo", "longyan", "fujian"])
    src.add_argument("--synthetic", type=int, metavar="ROWS")
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--heap", default="2g")
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    from ingest import pipeline, writer

    name = args.tier or f"synthetic-{args.synthetic}"
    work = Path(tempfile.mkdtemp(prefix=f"ingest-bench-{name}-"))
    gen_s = _generate(args, work / "files")
    files = sum(1 for _ in (work / "files").glob("*"))
    size = sum(p.stat().st_size for p in (work / "files").glob("*"))
    uri, password = get_settings().neo4j_uri, get_settings().neo4j_password
    home = None
    if not uri:
        home = work / "neo4j"
        server = local_neo4j.start(
            home=home, port=local_neo4j.free_port(), heap=args.heap, pagecache_mb=1024, tx_timeout_s=600
        )
        uri, password = server.uri, server.password
    store = Store(
        uri=uri,
        username=get_settings().neo4j_username,
        password=password,
        database=get_settings().neo4j_database,
    )
    phases: dict[str, float] = {}
    for fn in ("_validate", "apply_schema"):
        _timed(pipeline, fn, phases)
    orig_write = writer.Writer.write

    def write(self, staged):
        t0 = time.monotonic()
        try:
            return orig_write(self, staged)
        finally:
            phases["write"] = time.monotonic() - t0

    writer.Writer.write = write
    try:
        kw = {"batch_size": args.batch_size} if args.batch_size else {}
        report = pipeline.load([work / "files"], store=store, **kw)
        graph = reads.read("admin/graph_counts", store=store).records[0].data()
    finally:
        store.close()
        if home:
            local_neo4j.stop(home=home)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "name": name,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": f"{platform.machine()} {platform.processor()}",
        "batch_size": args.batch_size or pipeline.DEFAULT_BATCH_SIZE,
        "files": files,
        "input_mb": round(size / 1e6, 1),
        "generate_s": round(gen_s, 1),
        "rows": report.valid,
        "rejected": report.rejected,
        "load_s": round(report.elapsed, 1),
        "rows_per_s": round(report.valid / report.elapsed),
        "validate_s": round(phases.get("_validate", 0), 1),
        "write_s": round(phases.get("write", 0), 1),
        "write_rows_per_s": round(report.loaded / phases["write"]) if phases.get("write") else None,
        "peak_rss_mb": round(peak_mb),
        "nodes": graph["nodes"],
        "relationships": graph["relationships"],
    }
    out = ROOT / "bench" / "results" / f"ingest-{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if report.rejected == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
